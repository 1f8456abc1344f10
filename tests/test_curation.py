"""Curation: decisions are stored apart, logged, and survive every rebuild and new ingest."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_recoupe

DOC_A = (
    "Le juge Antoine Delorme a reçu mardi les avocats de la famille à Grenoble. "
    "Delorme a promis une décision rapide."
)
DOC_B = "Judge Antoine Delorme told reporters in Grenoble that the hearing would resume in May."
DOC_C = "La société Vernal a annoncé la fermeture de son usine de Grenoble, selon la CGT."


def _records(tmp_path: Path, *texts: str) -> Path:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _entities(db: str) -> dict[str, dict[str, object]]:
    out = run_recoupe("entities", "list", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    return {e["name"]: e for e in map(json.loads, out.stdout.splitlines())}


def test_decisions_are_logged_and_survive_rebuilds(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(_records(tmp_path, DOC_A, DOC_B)), "--db", db).returncode == 0
    before = _entities(db)
    assert before["Antoine Delorme"]["documents"] == 2
    assert before["Grenoble"]["type"] == "LOC"

    renamed = run_recoupe(
        "entities", "rename", "Delorme", "Antoine Delorme (juge)", "--db", db, "--actor", "alice"
    )
    assert renamed.returncode == 0, renamed.stderr
    split = run_recoupe(
        "entities", "split", "Antoine Delorme (juge)", "Delorme", "--db", db, "--actor", "bob"
    )
    assert split.returncode == 0, split.stderr
    after_split = _entities(db)
    assert after_split["Delorme"]["mentions"] == 1
    merged = run_recoupe(
        "entities", "merge", "Antoine Delorme (juge)", "Delorme", "--db", db, "--actor", "bob"
    )
    assert merged.returncode == 0, merged.stderr
    rejected = run_recoupe("entities", "reject", "Grenoble", "--db", db, "--actor", "alice")
    assert rejected.returncode == 0, rejected.stderr

    # A new document arrives and everything is rebuilt: the decisions still hold.
    path = tmp_path / "more.jsonl"
    path.write_text(json.dumps({"id": "d9", "text": DOC_C}), encoding="utf-8")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    after = _entities(db)
    assert "Grenoble" not in after
    judge = after["Antoine Delorme (juge)"]
    assert judge["mentions"] == 3 and judge["documents"] == 2
    assert "Delorme" not in after

    lines = run_recoupe("entities", "log", "--db", db).stdout.splitlines()
    log = [line for line in lines if not line.startswith(" " * 6)]
    states = [line.split(":")[0].strip() for line in lines if line.startswith(" " * 6)]
    assert states == ["applied"] * 4
    assert [line.split()[3] for line in log] == ["rename", "split", "merge", "reject"]
    assert [line.split()[2] for line in log] == ["alice", "bob", "bob", "alice"]

    shown = run_recoupe("entities", "show", "Antoine Delorme (juge)", "--db", db).stdout
    assert "curation: rename by alice" in shown and "same_name" in shown
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    assert not any(e["name"] == "Grenoble" for e in dossier["entities"])


def test_an_ambiguous_name_asks_for_an_id(tmp_path: Path) -> None:
    first = "Marie Roche a témoigné lundi devant la cour. Roche a ensuite quitté la salle."
    second = "Paul Roche, son frère, a témoigné mardi. Roche n'a pas répondu aux questions."
    db = str(tmp_path / "d.db")
    run_recoupe("ingest", str(_records(tmp_path, first, second)), "--db", db)
    listing = _entities(db)
    assert {"Marie Roche", "Paul Roche"} <= set(listing)
    result = run_recoupe("entities", "reject", "roche", "--db", db)
    assert result.returncode == 2 and "several entities" in result.stderr
    assert run_recoupe("entities", "log", "--db", db).stdout == ""


def test_a_reference_list_links_entities(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    run_recoupe("ingest", str(_records(tmp_path, DOC_A, DOC_B)), "--db", db)
    refs = tmp_path / "refs.jsonl"
    refs.write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {"id": "Q1289", "name": "Grenoble", "type": "LOC"},
                {
                    "id": "Q-ante",
                    "name": "Antoine Delorme",
                    "aliases": ["A. Delorme"],
                    "type": "PERSON",
                    "scheme": "opensanctions",
                },
                {"id": "Q999", "name": "Delorme", "type": "PERSON"},  # a bare surname links nothing
            ]
        ),
        encoding="utf-8",
    )
    loaded = run_recoupe("entities", "reference", str(refs), "--db", db)
    assert loaded.returncode == 0 and "2 entities linked" in loaded.stdout, (
        loaded.stdout + loaded.stderr
    )
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    ids = {e["name"]: e["external_ids"] for e in dossier["entities"]}
    assert ids["Grenoble"] == {"wikidata": "Q1289"}
    assert ids["Antoine Delorme"] == {"opensanctions": "Q-ante"}


def test_decisions_follow_a_page_that_changed_and_say_when_they_no_longer_apply(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "d.db")
    page = tmp_path / "page.txt"
    page.write_text(DOC_A, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(DOC_C, encoding="utf-8")
    assert run_recoupe("ingest", str(page), str(other), "--db", db).returncode == 0
    assert (
        run_recoupe(
            "entities", "rename", "Antoine Delorme", "Le juge Delorme", "--db", db
        ).returncode
        == 0
    )
    assert run_recoupe("entities", "retype", "Vernal", "ORG", "--db", db).returncode == 0
    assert run_recoupe("entities", "rename", "Vernal", "Vernal SA", "--db", db).returncode == 0

    # the page is edited (a sentence added before the name: every offset moves) and read again
    page.write_text(
        "Mise à jour à 18 heures. " + DOC_A + " L'audience reprendra en mai.", encoding="utf-8"
    )
    again = run_recoupe("ingest", str(page), "--db", db)
    assert again.returncode == 0, again.stderr
    names = _entities(db)
    assert "Le juge Delorme" in names and "Antoine Delorme" not in names
    assert names["Le juge Delorme"]["documents"] == 1
    assert names["Vernal SA"]["type"] == "ORG"
    log = run_recoupe("entities", "log", "--db", db).stdout
    assert "entity found again by its words in the page's new version" in log
    assert "NOT APPLIED" not in log

    # the other document removed: its decisions cannot apply, and say so
    assert run_recoupe("remove", str(other), "--db", db).returncode == 0
    rebuilt = run_recoupe("rebuild", "--db", db)
    assert "2 curation decision(s) no longer apply" in rebuilt.stderr
    log = run_recoupe("entities", "log", "--db", db).stdout
    assert log.count("NOT APPLIED: its entity is no longer in the dossier") == 2
    assert "Le juge Delorme" in _entities(db)


def test_a_name_is_also_listed_as_written_with_its_capitalised_article(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    english = (
        "The verdict was reported by The Atlanta Tribune on Friday, and the judge thanked the "
        "jury. The Atlanta Tribune said the hearing lasted two days."
    )
    french = (
        "Le juge Antoine Delorme a confirmé la décision mardi à Grenoble, a rapporté Le "
        "Parisien. Le Parisien précise que l'audience a duré deux jours."
    )
    batch = _records(tmp_path, english, french)
    assert run_recoupe("ingest", str(batch), "--db", db).returncode == 0
    aliases = {
        alias
        for entity in _entities(db).values()
        for alias in entity["aliases"]  # type: ignore[attr-defined]
    }
    assert "Atlanta Tribune" in aliases and "The Atlanta Tribune" in aliases
    assert "Le Parisien" in aliases
