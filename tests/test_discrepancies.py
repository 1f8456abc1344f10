"""Discrepancies end to end on news-style texts written for the tests, in both languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_recoupe, validate_dossier

RECORDS = [
    (
        "fr1",
        "fr",
        "2026-03-06",
        "Le procureur Julien Morrel a reçu Sandra Vidal, 34 ans, à Rennes. "
        "Paul Garnier a été interpellé lundi 2 mars à Brest. "
        "L'assassinat de Karim Benali à Nîmes le mardi 3 mars a choqué la ville.",
    ),
    (
        "en1",
        "en",
        "2026-03-07",
        "Prosecutor Julien Morel met Sandra Vidal, 36, in Rennes. "
        "Paul Garnier was arrested in Brest on 4 March. "
        "The killing of Kamel Benali in Nîmes on 5 March shocked the city.",
    ),
    (
        "fr2",
        "fr",
        "2026-03-08",
        "Yacine Benali et son frère Samir Benali ont été blessés à Nîmes, où la mort de Karim Benali "
        "reste inexpliquée.",
    ),
]


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("disc")
    path = folder / "batch.jsonl"
    lines = [
        json.dumps({"id": i, "language": lang, "published": day, "text": text}, ensure_ascii=False)
        for i, lang, day, text in RECORDS
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    db = str(folder / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    return db, json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)


def _by_kind(exported: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for item in exported["discrepancies"]:
        found.setdefault(item["kind"], []).append(item)
    return found


def test_each_kind_with_both_sides_evidence(
    dossier: tuple[str, dict[str, Any]], dossier_schema: dict[str, Any]
) -> None:
    _, exported = dossier
    validate_dossier(exported, dossier_schema)
    kinds = _by_kind(exported)
    (variant,) = kinds["name_variant"]
    assert {v["value"] for v in variant["values"]} == {"Morrel", "Morel"}
    assert "spelled" in variant["summary"]
    (first,) = kinds["first_name_conflict"]
    assert {v["value"] for v in first["values"]} == {"Karim Benali", "Kamel Benali"}
    (age,) = kinds["number_conflict"]
    assert [v["value"] for v in age["values"]] == ["34", "36"]
    assert [s["text"] for v in age["values"] for s in v["evidence"]] == ["34", "36"]
    (dates,) = kinds["date_conflict"]
    assert {v["value"] for v in dates["values"]} == {"2026-03-02", "2026-03-04"}
    for item in exported["discrepancies"]:
        assert len(item["values"]) >= 2 and all(v["evidence"] for v in item["values"])


def test_brothers_named_together_are_no_conflict(dossier: tuple[str, dict[str, Any]]) -> None:
    _, exported = dossier
    named = {v["value"] for item in exported["discrepancies"] for v in item["values"]}
    assert "Yacine Benali" not in named and "Samir Benali" not in named


def test_review_is_kept_across_rebuilds(dossier: tuple[str, dict[str, Any]]) -> None:
    db, exported = dossier
    target = exported["discrepancies"][0]["id"]
    reviewed = run_recoupe("discrepancies", "--db", db, "review", target, "--actor", "carol")
    assert reviewed.returncode == 0, reviewed.stderr
    assert run_recoupe("rebuild", "--db", db).returncode == 0
    listed = [
        json.loads(x)
        for x in run_recoupe("discrepancies", "--db", db, "--json").stdout.splitlines()
    ]
    assert {d["id"]: d["reviewed"] for d in listed}[target] is True
    still_open = run_recoupe("discrepancies", "--db", db, "--open", "--json").stdout
    assert target not in still_open
    assert "carol" in run_recoupe("entities", "log", "--db", db).stdout
    assert run_recoupe("discrepancies", "--db", db, "review", "d000000000000").returncode == 1


def test_text_listing_shows_the_sides(dossier: tuple[str, dict[str, Any]], tmp_path: Path) -> None:
    db, _ = dossier
    listing = run_recoupe("discrepancies", "--db", db, "--kind", "name_variant").stdout
    assert "[Julien Morrel]" in listing and "[Julien Morel]" in listing


def test_a_common_surname_is_several_people_not_first_name_conflicts(tmp_path: Path) -> None:
    given = ["Jean", "Paul", "Claire", "Louis", "Anne", "Pierre", "Sophie", "Marc"]
    lines = [
        json.dumps(
            {
                "id": f"d{n}",
                "text": f"L'assassinat de {name} Martin à Lyon, le 3 mars, "
                "a choqué le quartier. L'enquête est confiée à la police judiciaire.",
            }
        )
        for n, name in enumerate(given)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    exported = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    assert not _by_kind(exported).get("first_name_conflict")  # 28 pairs, none one person
    people = [e for e in exported["entities"] if e["type"] == "PERSON"]
    assert len(people) == len(given)


def test_a_review_survives_an_edit_of_the_page_that_named_the_entity_first(
    tmp_path: Path,
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Le maire Jean Dupont, 45 ans, a parlé jeudi à Lyon.", encoding="utf-8")
    two.write_text("Le maire Jean Dupont, 47 ans, a répondu vendredi à Lyon.", encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(one), str(two), "--db", db).returncode == 0
    found = [
        json.loads(x)
        for x in run_recoupe("discrepancies", "--db", db, "--json").stdout.splitlines()
    ]
    ages = [d for d in found if d["kind"] == "number_conflict"]
    assert ages
    for item in ages:
        assert run_recoupe("discrepancies", "--db", db, "review", item["id"]).returncode == 0
    one.write_text(one.read_text(encoding="utf-8") + " (Mis à jour.)", encoding="utf-8")
    assert run_recoupe("ingest", str(one), "--db", db).returncode == 0
    open_now = run_recoupe("discrepancies", "--db", db, "--open", "--json").stdout.splitlines()
    assert not [x for x in map(json.loads, open_now) if x["kind"] == "number_conflict"]


def _ingested(
    texts: dict[str, str], language: str, folder: Path, schema: dict[str, Any]
) -> dict[str, Any]:
    """The dossier of ``texts`` (id -> text) built by one ``recoupe ingest``, checked against
    the schema."""
    path = folder / "batch.jsonl"
    records = (
        json.dumps({"id": k, "language": language, "text": t}, ensure_ascii=False)
        for k, t in texts.items()
    )
    path.write_text("\n".join(records), encoding="utf-8")
    db = str(folder / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    exported: dict[str, Any] = json.loads(
        run_recoupe("export", "--db", db, "--format", "json").stdout
    )
    validate_dossier(exported, schema)
    return exported


def test_each_side_of_a_figure_conflict_lists_every_source_that_gives_it(
    tmp_path: Path, dossier_schema: dict[str, Any]
) -> None:
    """Two outlets say seven life sentences, one says four. The second outlet for seven words it
    too differently to be compared with the one for four: it backs seven through the first."""
    opening = "Brian Nichols, the courthouse gunman, heard his sentence. "
    texts = {
        "a": opening + "Nichols received seven life sentences from Judge Bodiford in Atlanta "
        "on Saturday morning.",
        "b": opening + "Nichols received seven life sentences, his lawyers told reporters.",
        "c": opening + "Judge Bodiford gave Nichols four life sentences in Atlanta on Saturday "
        "morning.",
    }
    exported = _ingested(texts, "en", tmp_path, dossier_schema)
    (conflict,) = _by_kind(exported)["number_conflict"]
    documents = {
        d["id"]: k for d in exported["documents"] for k, t in texts.items() if d["text"] == t
    }
    sides = {
        v["value"]: sorted(documents[e["document"]] for e in v["evidence"])
        for v in conflict["values"]
    }
    assert sides == {"four life sentences": ["c"], "seven life sentences": ["a", "b"]}
    assert "(2 source(s))" in conflict["summary"]


def test_a_given_name_one_letter_apart_is_a_name_variant(
    tmp_path: Path, dossier_schema: dict[str, Any]
) -> None:
    texts = {
        "a": "Le président américain George W. Bush a reçu Angela Merkel à Washington.",
        "b": "George W. Bush a téléphoné à Angela Merkel au sujet de la crise financière.",
        "c": "George W. Bush et Angela Merkel se retrouveront au sommet du G8 en juillet.",
        "d": "Georges W. Bush a promis un plan de relance devant le Congrès, mardi.",
    }
    exported = _ingested(texts, "fr", tmp_path, dossier_schema)
    (variant,) = _by_kind(exported)["name_variant"]
    assert {v["value"] for v in variant["values"]} == {"George", "Georges"}
    assert "'Georges W. Bush'" in variant["summary"] and "(3 source(s)" in variant["summary"]
    # a short given name is another way to name, not a misspelling: no variant
    assert not [
        d for d in exported["discrepancies"] if "Angela" in d["summary"] or "Merkel" in d["summary"]
    ]
