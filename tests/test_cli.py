"""The command line as a user meets it: the contract's calls, exit statuses, help and README."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import click
from articles import FRENCH
from conftest import EXAMPLES, REPO, run_recoupe, validate_dossier

from recoupe.cli import cli


def test_ingest_export_status_on_the_demo_corpus(
    tmp_path: Path, dossier_schema: dict[str, Any]
) -> None:
    db = str(tmp_path / "demo.db")
    ingested = run_recoupe("ingest", str(EXAMPLES / "manifest.jsonl"), "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    assert "ingested 5" in ingested.stderr and "failed 0" in ingested.stderr
    out = tmp_path / "dossier.json"
    exported = run_recoupe("export", "--db", db, "--format", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    dossier = json.loads(out.read_text(encoding="utf-8"))
    validate_dossier(dossier, dossier_schema)
    assert dossier["format"] == "recoupe.dossier/1" and len(dossier["documents"]) == 5
    assert dossier["errors"] == []
    status = run_recoupe("status", "--db", db, "--json")
    assert json.loads(status.stdout)["documents"] == 5
    again = run_recoupe("ingest", str(EXAMPLES / "manifest.jsonl"), "--db", db)
    assert again.returncode == 0 and "unchanged 5" in again.stderr


def test_exit_status_is_1_when_some_fail_and_errors_are_exported(
    tmp_path: Path, dossier_schema: dict[str, Any]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = str(tmp_path / "d.db")
    result = run_recoupe("ingest", str(good), str(empty), "--db", db)
    assert result.returncode == 1
    assert f"empty: {empty}" in result.stderr
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    validate_dossier(dossier, dossier_schema)
    assert [(e["origin"], e["code"]) for e in dossier["errors"]] == [(str(empty), "empty")]
    assert len(dossier["documents"]) == 1
    status = run_recoupe("status", "--db", db)
    assert "errors 1" in status.stdout and "empty" in status.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", "--db", db).returncode == 2  # no PATH_OR_URL
    assert run_recoupe("ingest", "x.txt", "--published", "18/11/2025", "--db", db).returncode == 2
    assert run_recoupe("export", "--db", db, "--format", "xml").returncode == 2
    pg = run_recoupe("ingest", "x.txt", "--db", "postgresql://localhost/recoupe")
    assert pg.returncode == 2 and "PostgreSQL" in pg.stderr


def test_published_and_language_options_apply_to_the_batch(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(FRENCH, encoding="utf-8")
    db = str(tmp_path / "d.db")
    args = ("--published", "2026-01-15", "--language", "fr", "--source", "Le Progrès")
    assert run_recoupe("ingest", str(article), "--db", db, *args).returncode == 0
    (doc,) = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)["documents"]
    assert (doc["published"], doc["published_from"], doc["language"], doc["source"]) == (
        "2026-01-15",
        "metadata",
        "fr",
        "Le Progrès",
    )


def test_versions_diff_remove_and_search(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(FRENCH, encoding="utf-8")
    db = str(tmp_path / "d.db")
    run_recoupe("ingest", str(article), "--db", db)
    article.write_text(FRENCH.replace("120 millions", "150 millions"), encoding="utf-8")
    assert "updated 1" in run_recoupe("ingest", str(article), "--db", db).stderr
    versions = run_recoupe("versions", str(article), "--db", db).stdout.splitlines()
    assert len(versions) == 2 and versions[1].startswith("* v2")
    diff = run_recoupe("diff", str(article), "--db", db).stdout
    assert (
        "-La mairie de Lyon a présenté mardi un plan de rénovation des écoles, chiffré à 120"
        in diff
    )
    assert (
        "+La mairie de Lyon a présenté mardi un plan de rénovation des écoles, chiffré à 150"
        in diff
    )
    hits = run_recoupe("search", "rénovation", "--db", db).stdout
    assert str(article) in hits
    removed = run_recoupe("remove", str(article), "--db", db)
    assert removed.returncode == 0 and "removed 2" in removed.stdout
    assert run_recoupe("remove", str(article), "--db", db).returncode == 1


def test_every_documented_command_and_option_exists() -> None:
    """README commands and options are checked against the real command line."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    calls = re.findall(r"recoupe ((?:[a-z]+)(?: [^`\n|]*)?)", readme)
    assert calls, "the README shows no recoupe command"
    for call in calls:
        words = shlex.split(call.split("#", 1)[0])
        if words[0] not in cli.commands:
            continue  # prose such as "recoupe cross-checks"
        command: click.Command = cli.commands[words[0]]
        for word in words[1:]:
            if isinstance(command, click.Group) and word in command.commands:
                command = command.commands[word]
            elif word.startswith("--"):
                params = {opt for p in command.params for opt in p.opts} | {"--help"}
                assert word in params, f"README: `recoupe {call}` has no option {word}"
        if isinstance(command, click.Group):
            assert command.invoke_without_command, f"README: incomplete call {call!r}"
    for command in ("ingest", "export", "status", "remove", "versions", "diff", "search"):
        assert f"recoupe {command}" in readme or command in ("versions", "diff", "remove"), command
    assert "make demo" in readme and "make test" in readme


def test_help_lists_every_command() -> None:
    result = run_recoupe("--help")
    assert result.returncode == 0
    for command in cli.commands:
        assert command in result.stdout
    ingest_help = run_recoupe("ingest", "--help").stdout
    for option in ("--db", "--published", "--language", "--source", "--allow-private"):
        assert option in ingest_help


def test_analyze_prints_one_line_per_document_with_exact_entity_offsets(tmp_path: Path) -> None:
    records = tmp_path / "batch.jsonl"
    lines = [
        {"id": "lyon", "text": FRENCH, "language": "fr"},
        {
            "id": "leeds",
            "text": "Council leader Sarah Whitmore said Leeds would rebuild the barriers.",
        },
        {"id": "broken"},
    ]
    records.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = run_recoupe("analyze", str(records))
    assert result.returncode == 1  # one record has no content field
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["lyon", "leeds", "batch.jsonl#3"]
    assert out[2]["error"]["code"] == "bad_record"
    leeds = out[1]
    assert leeds["language"] == "en" and leeds["published"] is None
    for entity in leeds["entities"] + out[0]["entities"]:
        doc = leeds if entity in leeds["entities"] else out[0]
        assert doc["text"][entity["start"] : entity["end"]] == entity["text"]
    assert {"text": "Sarah Whitmore", "type": "PERSON"}.items() <= next(
        e for e in leeds["entities"] if e["text"] == "Sarah Whitmore"
    ).items()
    assert any(e["text"] == "Lyon" and e["type"] == "LOC" for e in out[0]["entities"])


def test_analyze_reads_stdin_as_clean_text() -> None:
    text = "Menu\nLe préfet du Gard, Jean Marsac, a fermé la route de Nîmes."
    result = run_recoupe("analyze", "-", "--published", "2026-04-02", stdin=text)
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["id"] == "-" and line["text"] == text and line["published"] == "2026-04-02"
    assert any(e["text"] == "Jean Marsac" and e["type"] == "PERSON" for e in line["entities"])


def test_analyze_prints_resolved_dates_in_both_languages() -> None:
    french = "Le préfet a réuni les maires jeudi dernier et se rendra à Nîmes le 3 mars."
    result = run_recoupe(
        "analyze", "-", "--published", "2026-02-27", "--language", "fr", stdin=french
    )
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(t["text"], t["value"], t["precision"]) for t in line["timexes"]] == [
        ("jeudi dernier", "2026-02-19", "day"),
        ("le 3 mars", "2026-03-03", "day"),
    ]
    english = "The mayor said on Monday that the bridge would reopen next March."
    result = run_recoupe(
        "analyze", "-", "--published", "2026-02-27", "--language", "en", stdin=english
    )
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(t["text"], t["value"]) for t in line["timexes"]] == [
        ("Monday", "2026-02-23"),
        ("next March", "2026-03"),
    ]
    for timex in line["timexes"]:
        assert line["text"][timex["start"] : timex["end"]] == timex["text"]
    undated = run_recoupe("analyze", "-", "--language", "en", stdin=english)
    (line,) = [json.loads(x) for x in undated.stdout.splitlines()]
    assert [(t["value"], t["precision"]) for t in line["timexes"]] == [(None, "unknown")] * 2


def test_quotes_reach_the_dossier_with_speakers_and_sources(tmp_path: Path) -> None:
    said = (
        "« Nous ne céderons rien face aux trafiquants », a déclaré le maire de Lyon, Paul Garnier."
    )
    again = (
        "« Nous ne céderons rien face aux trafiquants », a répété Paul Garnier devant la presse."
    )
    unnamed = "« La situation est hors de contrôle », confie un policier lyonnais."
    path = tmp_path / "q.jsonl"
    rows = [
        {"id": f"r{i}", "language": "fr", "text": t} for i, t in enumerate((said, again, unnamed))
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    names = {e["id"]: e["name"] for e in dossier["entities"]}
    by_text = {q["text"]: q for q in dossier["quotes"]}
    shared = by_text["Nous ne céderons rien face aux trafiquants"]
    assert names[shared["speaker"]] == "Paul Garnier" and shared["sources"] == 2
    assert len(shared["occurrences"]) == 2 and shared["evidence"] == shared["occurrences"][0]
    anonymous = by_text["La situation est hors de contrôle"]
    assert anonymous["anonymous"] is True and anonymous["speaker"] is None
    assert anonymous["speaker_text"] == "un policier lyonnais"


def test_copies_and_stories_reach_the_dossier(tmp_path: Path) -> None:
    original = FRENCH
    near = FRENCH.replace("120 millions", "cent vingt millions").replace("mardi", "ce mardi")
    other = (
        "Le club de football de Brest a recruté un attaquant danois pour la fin de saison, "
        "a annoncé vendredi son président, qui promet d'autres arrivées cet été."
    )
    path = tmp_path / "c.jsonl"
    rows = [
        {"id": "agency", "text": original, "published": "2026-02-01", "language": "fr"},
        {"id": "outlet", "text": near, "published": "2026-02-02", "language": "fr"},
        {"id": "sport", "text": other, "published": "2026-02-02", "language": "fr"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(path), "--db", db).returncode == 0
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    by_record = {d["record_id"]: d for d in dossier["documents"]}
    assert by_record["outlet"]["duplicate_of"] == by_record["agency"]["id"]
    assert (
        by_record["agency"]["duplicate_of"] is None and by_record["sport"]["duplicate_of"] is None
    )
    members = [doc for story in dossier["stories"] for doc in story["documents"]]
    assert sorted(members) == sorted(d["id"] for d in dossier["documents"])  # each in exactly one
    assert (
        by_record["outlet"]["story"] == by_record["agency"]["story"] != by_record["sport"]["story"]
    )
