"""The timeline end to end: dates resolved per document, events merged across documents and
languages, announcements followed up, the command's filters and its picture."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path
from typing import Any

import pytest
from conftest import run_recoupe, validate_dossier

ANNOUNCE = (
    "Le ministre de la Santé, Hugo Lamarre, se rendra à Brest le 16 mars pour une visite "
    "de l'hôpital, a annoncé mardi son cabinet."
)
REPORT_FR = (
    "Hugo Lamarre a visité lundi 16 mars l'hôpital de Brest, où il a rencontré les soignants."
)
REPORT_EN = "Health Minister Hugo Lamarre visited the hospital in Brest on Monday, meeting nurses."
OTHER = "Le conseil municipal de Quimper a voté le budget le 12 mars."


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("timeline")
    records = [
        {"id": "a", "text": ANNOUNCE, "published": "2026-03-10", "language": "fr"},
        {"id": "b", "text": REPORT_FR, "published": "2026-03-17", "language": "fr"},
        {"id": "c", "text": REPORT_EN, "published": "2026-03-17", "language": "en"},
        {"id": "d", "text": OTHER, "published": "2026-03-13", "language": "fr"},
    ]
    path = folder / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    db = str(folder / "d.db")
    done = run_recoupe("ingest", str(path), "--db", db)
    assert done.returncode == 0, done.stderr
    exported = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    return db, exported


def test_one_visit_announced_then_reported_in_two_languages(
    dossier: tuple[str, dict[str, Any]], dossier_schema: dict[str, Any]
) -> None:
    _, exported = dossier
    validate_dossier(exported, dossier_schema)
    visits = [e for e in exported["events"] if e["date"] == "2026-03-16"]
    assert len(visits) == 1, [e["text"] for e in exported["events"]]
    (visit,) = visits
    assert visit["sources"] == 3 and visit["status"] == "happened"
    assert visit["date_text"] == "le 16 mars"
    assert visit["follow_up"]["outcome"] == "done_as_announced"
    reported = {span["document"] for span in visit["follow_up"]["evidence"]}
    assert len(reported) == 2
    names = {e["id"]: e["name"] for e in exported["entities"]}
    assert "Hugo Lamarre" in {names[i] for i in visit["entities"]}


def test_the_command_filters_and_draws(dossier: tuple[str, dict[str, Any]], tmp_path: Path) -> None:
    db, _ = dossier
    every = run_recoupe("timeline", "--db", db, "--json")
    assert every.returncode == 0, every.stderr
    events = [json.loads(line) for line in every.stdout.splitlines()]
    assert {e["date"] for e in events} >= {"2026-03-16", "2026-03-12"}
    only = run_recoupe("timeline", "--db", db, "--json", "--entity", "Hugo Lamarre").stdout
    # the visit, and the announcement of it ("a annoncé mardi"), both name him
    assert {json.loads(line)["date"] for line in only.splitlines()} == {"2026-03-10", "2026-03-16"}
    window = run_recoupe(
        "timeline", "--db", db, "--json", "--from", "2026-03-11", "--to", "2026-03-13"
    )
    assert {json.loads(line)["date"] for line in window.stdout.splitlines()} == {"2026-03-12"}
    picture = tmp_path / "t.svg"
    drawn = run_recoupe("timeline", "--db", db, "--svg", str(picture))
    assert drawn.returncode == 0 and picture.exists()
    svg = picture.read_text(encoding="utf-8")
    xml.dom.minidom.parseString(svg)
    assert "Brest" in svg and svg.count("<circle") >= 3
    bad = run_recoupe("timeline", "--db", db, "--from", "mars")
    assert bad.returncode == 2


DISPATCH = (
    "Les douaniers ont saisi mardi deux tonnes de cocaïne dans un conteneur en provenance du "
    "Brésil, a annoncé le parquet. L'enquête a été confiée à la police judiciaire."
)


def _exported(folder: Path, records: list[dict[str, str]]) -> dict[str, Any]:
    """The export of a dossier built by one ingest of ``records``."""
    path = folder / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    db = str(folder / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    exported: dict[str, Any] = json.loads(
        run_recoupe("export", "--db", db, "--format", "json").stdout
    )
    return exported


def test_one_sentence_in_copies_of_a_dispatch_is_one_entry_with_one_source(
    tmp_path: Path,
) -> None:
    records = [
        {"id": "wire", "text": DISPATCH, "published": "2025-03-05", "language": "fr"},
        {
            "id": "copy",
            "text": DISPATCH + " Le port est le premier point d'entrée de la drogue en France.",
            "published": "2025-03-05",
            "language": "fr",
        },
    ]
    exported = _exported(tmp_path, records)
    seizures = [e for e in exported["events"] if "deux tonnes" in e["text"]]
    assert len(seizures) == 1, [e["text"] for e in exported["events"]]
    (seizure,) = seizures
    assert seizure["date"] == "2025-03-04"
    assert len({span["document"] for span in seizure["evidence"]}) == 2
    assert seizure["sources"] == 1  # a copy is no independent source


def test_an_announcement_is_followed_up_by_a_report_that_names_the_actor_otherwise(
    tmp_path: Path,
) -> None:
    records = [
        {
            "id": "plan",
            "text": "Le ministre de la Santé, Hugo Lamarre, inaugurera le 16 mars le nouvel hôpital "
            "de Brest, a annoncé son cabinet.",
            "published": "2026-03-10",
            "language": "fr",
        },
        {
            "id": "report",
            "text": "The new hospital in Brest was inaugurated on Monday in the presence of "
            "the government.",
            "published": "2026-03-17",
            "language": "en",
        },
    ]
    exported = _exported(tmp_path, records)
    opened = [e for e in exported["events"] if e["date"] == "2026-03-16"]
    assert len(opened) == 1, [(e["date"], e["text"]) for e in exported["events"]]
    assert opened[0]["follow_up"]["outcome"] == "done_as_announced"
