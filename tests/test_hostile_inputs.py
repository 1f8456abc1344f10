"""Inputs and mistakes that used to stop a batch or end in a traceback: each now gets a coded,
one-line answer, the rest of the batch is done, and the exit status says which case it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from recoupe.entities.pipeline import analyse_documents
from recoupe.entities.pipelines import parse, parts
from recoupe.store.search import MAX_TERMS
from tests.articles import ENGLISH, FRENCH
from tests.conftest import run_recoupe


def _no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output


# -- long texts ----------------------------------------------------------------------------------


def test_parts_join_back_into_the_text_and_cut_at_paragraph_ends() -> None:
    text = "\n\n".join(f"{FRENCH} ({n})" for n in range(200))
    pieces = parts(text, size=5_000)
    assert "".join(pieces) == text
    assert len(pieces) > 1 and all(len(p) <= 5_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    # no paragraph, no line, no space in reach: cut anyway, nothing lost
    solid = "x" * 12_001
    assert "".join(parts(solid, size=5_000)) == solid


def test_a_text_read_in_parts_finds_the_entities_it_finds_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n\n".join([FRENCH] * 12)
    whole = next(parse([text], language="fr"))
    monkeypatch.setattr("recoupe.entities.pipelines.PART_CHARS", 1_500)
    assert len(parts(text, size=1_500)) > 5
    joined = next(parse([text], language="fr"))
    assert joined.ents == whole.ents and whole.ents
    found = analyse_documents([("d", text, "fr")])[0]
    assert {m.text for m in found.mentions} >= {"Lyon", "Rhône"}


# -- records and file names ----------------------------------------------------------------------


def test_lone_surrogates_deep_json_and_undecodable_file_names_are_per_document(
    tmp_path: Path,
) -> None:
    records = tmp_path / "r.jsonl"
    text = json.dumps(ENGLISH)[:-1] + '\\ud800"'  # a lone surrogate, as JSON lets one write it
    records.write_text(
        '{"id": "s\\ud800", "title": "T\\udc00", "text": ' + text + "}\n"
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n",
        encoding="utf-8",
    )
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(odd, "wb") as out:
        out.write(FRENCH.encode("utf-8"))
    db = str(tmp_path / "d.db")
    result = run_recoupe("ingest", str(records), str(deep), os.fsdecode(odd), "--db", db)
    _no_traceback(result.stdout, result.stderr)
    assert result.returncode == 1, result.stderr  # two bad records, the rest stored
    assert result.stderr.count("nested too deeply") == 2
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    origins = sorted(d["origin"] for d in dossier["documents"])
    assert origins == sorted([f"{records}#s\ufffd", str(tmp_path / "caf\\xe9.txt")])
    record = next(d for d in dossier["documents"] if d["origin"].startswith(str(records)))
    assert record["title"] == "T\ufffd" and record["text"].endswith("\ufffd")
    again = run_recoupe("ingest", str(records), os.fsdecode(odd), "--db", db, "-q")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert run_recoupe("status", "--db", db, "--json").returncode == 0


def test_a_record_reads_files_beside_it_only_and_its_url_is_a_url(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "in.txt").write_text(FRENCH, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(ENGLISH, encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    lines = [
        {"path": "sub/in.txt"},
        {"path": str(secret)},
        {"path": "../secret.txt"},
        {"path": "link.txt"},
        {"url": str(secret)},
        {"url": f"file://{secret}"},
    ]
    records = folder / "r.jsonl"
    records.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    db = str(tmp_path / "d.db")
    result = run_recoupe("ingest", str(records), "--db", db)
    assert result.returncode == 1
    assert "failed 5 (bad_url: 2, path_outside: 3)" in result.stderr
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    assert [d["origin"] for d in dossier["documents"]] == [str(folder / "sub" / "in.txt")]
    assert "Leeds" not in json.dumps(dossier)
    allowed = run_recoupe("ingest", str(records), "--db", db, "--allow-paths-outside", "-q")
    assert allowed.returncode == 1  # the two urls stay refused
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    assert any("Leeds" in d["text"] for d in dossier["documents"])


# -- user mistakes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["export", "--format", "json"],
        ["search", "Lyon"],
        ["timeline"],
        ["entities", "list"],
        ["rebuild"],
        ["versions", "a.txt"],
    ],
)
def test_reading_commands_refuse_a_dossier_that_does_not_exist(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "typo" / "dossier.db"
    result = run_recoupe(*command, "--db", str(db))
    assert result.returncode == 2
    assert "no dossier at" in result.stderr
    assert not db.parent.exists()


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("dossier")
    text = (
        "Le préfet des Bouches-du-Rhône a reçu jeudi Jean-Luc Martin à l'Élysée, puis "
        "à Marseille, avant un voyage aux U.S. en mars.\n\n" + FRENCH
    )
    (folder / "a.txt").write_text(text, encoding="utf-8")
    db = str(folder / "d.db")
    assert run_recoupe("ingest", str(folder / "a.txt"), "--db", db, "-q").returncode == 0
    return db


@pytest.mark.parametrize(
    "query",
    ["l'Élysée", "Bouches-du-Rhône", "Jean-Luc", "U.S.", "Martin, Marseille", "elysee", "LYON"],
)
def test_search_takes_what_people_type(dossier: str, query: str) -> None:
    result = run_recoupe("search", query, "--db", dossier)
    assert result.returncode == 0, result.stderr
    assert "a.txt" in result.stdout


def test_search_syntax_only_with_fts_and_bounded(dossier: str) -> None:
    assert "a.txt" in run_recoupe("search", "--fts", "Lyon OR Paris", "--db", dossier).stdout
    assert run_recoupe("search", "Lyon OR Paris", "--db", dossier).stdout == ""  # 'OR' a word
    bad = run_recoupe("search", "--fts", "du AND (", "--db", dossier)
    assert bad.returncode == 2 and "not a valid FTS5 query" in bad.stderr
    many = run_recoupe("search", " ".join(["mot"] * (MAX_TERMS + 1)), "--db", dossier)
    assert many.returncode == 2 and f"at most {MAX_TERMS}" in many.stderr
    nothing = run_recoupe("search", "'- ,", "--db", dossier)
    assert nothing.returncode == 2
    _no_traceback(bad.stderr, many.stderr, nothing.stderr)


def test_impossible_dates_and_merging_an_entity_with_itself_are_usage_errors(
    dossier: str,
) -> None:
    for value in ("2025-13", "2025-02-30", "0000", "2025-1"):
        assert run_recoupe("timeline", "--from", value, "--db", dossier).returncode == 2
    assert run_recoupe("timeline", "--from", "2024-02-29", "--db", dossier).returncode == 0
    same = run_recoupe("entities", "merge", "Lyon", "Lyon", "--db", dossier)
    assert same.returncode == 2 and "both name the entity" in same.stderr


def test_export_to_a_bad_place_is_a_clear_error_and_leaves_nothing_half_written(
    dossier: str, tmp_path: Path
) -> None:
    missing = run_recoupe(
        "export", "--format", "json", "--db", dossier, "-o", str(tmp_path / "no" / "x.json")
    )
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    folder = run_recoupe("export", "--format", "json", "--db", dossier, "-o", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    full = run_recoupe("export", "--format", "json", "--db", dossier, "-o", "/dev/full")
    assert full.returncode == 3 and "No space left" in full.stderr
    target = tmp_path / "out.json"
    assert (
        run_recoupe("export", "--format", "json", "--db", dossier, "-o", str(target)).returncode
        == 0
    )
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "recoupe.dossier/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    _no_traceback(missing.stderr, folder.stderr, full.stderr)


def test_a_bug_is_one_line_and_exit_status_3(
    dossier: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from recoupe import cli

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "write_json", broken)
    monkeypatch.setattr("sys.argv", ["recoupe", "export", "--format", "json", "--db", dossier])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 3
    err = capsys.readouterr().err
    assert "recoupe failed (RuntimeError: boom)" in err and "Traceback" not in err


# -- control characters --------------------------------------------------------------------------

HOSTILE = (
    "Le 3 mars 2026, le préfet Jean Castel a annoncé \x1b]0;PWNED\x07\x1b[31m à Lyon \x01 "
    "l'ouverture d'une enquête \u202e sur \x9b1m les faits."
)


def test_control_characters_never_act_on_the_terminal_and_the_svg_stays_xml(
    tmp_path: Path,
) -> None:
    import xml.dom.minidom

    plain = tmp_path / "a.txt"
    plain.write_text(HOSTILE, encoding="utf-8")
    named = tmp_path / "e\x1b[2Jvil.txt"
    named.write_text(HOSTILE.replace("Lyon", "Nantes"), encoding="utf-8")
    db = str(tmp_path / "d.db")
    outputs = [run_recoupe("ingest", str(plain), str(named), "--db", db)]
    svg = tmp_path / "t.svg"
    outputs += [
        run_recoupe("timeline", "--db", db, "--svg", str(svg)),
        run_recoupe("status", "--db", db),
        run_recoupe("entities", "list", "--db", db),
        run_recoupe("entities", "show", "Jean Castel", "--db", db),
        run_recoupe("search", "enquête", "--db", db),
    ]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert not any(c in stream for c in "\x1b\x07\x01\x9b\u202e"), stream
    timeline = outputs[1].stdout
    assert "\\x1b]0;PWNED\\x07" in timeline and "\\x9b1m" in timeline  # shown, not acted on
    xml.dom.minidom.parse(str(svg))  # valid XML
    lines = run_recoupe("timeline", "--db", db, "--json").stdout.splitlines()
    assert lines and all("\x1b" not in line and "\x9b" not in line for line in lines)
    assert any("\x1b]0;PWNED" in json.loads(line)["text"] for line in lines)  # the text intact


# -- bounded reading -----------------------------------------------------------------------------


def _warc_record(url: str, body: bytes, extra: list[tuple[str, str]]) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), *extra], protocol="HTTP/1.0"
    )
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return out.getvalue()


def test_only_regular_files_are_read_and_warc_header_lines_are_bounded(tmp_path: Path) -> None:
    import resource

    page = f"<html><body><article><p>{FRENCH}</p></article></body></html>".encode()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.html"
    zero.symlink_to("/dev/zero")
    good = _warc_record("https://example.org/a", page, [])
    long_header = _warc_record("https://example.org/b", page, [("X-Long", "a" * 30_000_000)])
    warc = tmp_path / "a.warc"
    warc.write_bytes(good + long_header)
    broken = tmp_path / "b.warc"
    broken.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nX: " + b"a" * 30_000_000)
    db = str(tmp_path / "d.db")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = run_recoupe(
        "ingest", str(fifo), str(zero), str(warc), str(broken), "--db", db, timeout=120
    )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    _no_traceback(result.stderr)
    assert result.returncode == 1
    assert result.stderr.count("  not_regular_file: ") == 2
    assert "  bad_warc: " in result.stderr  # the broken archive, after its first record
    dossier = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)
    assert {d["origin"] for d in dossier["documents"]} >= {"https://example.org/a"}
    assert max(before, peak_kb) < 1_500_000  # kB: no 30 MB line read whole over and over
    special = run_recoupe(
        "ingest", str(zero), "--db", db, "--allow-special-files", "--max-bytes", "1000"
    )
    assert special.returncode == 1 and "too_large" in special.stderr


# -- removal -------------------------------------------------------------------------------------


def test_no_byte_of_a_removed_document_is_left_in_the_dossier_file(tmp_path: Path) -> None:
    import sqlite3

    marker = "Zorglubovitch"  # in no other document, nor in any model
    (tmp_path / "keep.txt").write_text(FRENCH, encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text(
        f"Le préfet Jean {marker} a annoncé jeudi à Lyon une enquête. « Nous irons jusqu'au "
        f"bout », a déclaré M. {marker}, selon l'agence {marker}Presse.",
        encoding="utf-8",
    )
    db = tmp_path / "d.db"
    assert (
        run_recoupe("ingest", str(tmp_path / "keep.txt"), str(gone), "--db", str(db)).returncode
        == 0
    )
    assert marker in run_recoupe("search", marker, "--db", str(db)).stdout
    renamed = run_recoupe("entities", "rename", f"Jean {marker}", "Le préfet", "--db", str(db))
    assert renamed.returncode == 0, renamed.stderr  # a decision that keeps the mention's words
    removed = run_recoupe("remove", "gone.txt", "--db", str(db), cwd=tmp_path)  # as typed
    assert removed.returncode == 0, removed.stderr
    files = [p for p in tmp_path.iterdir() if p.name.startswith("d.db")]
    for path in files:
        data = path.read_bytes()
        for form in (marker, marker.lower(), marker.upper()):
            assert form.encode() not in data, f"{form} left in {path.name}"
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM snapshots").fetchone()[0] == 1  # keep.txt's
    assert run_recoupe("search", marker, "--db", str(db)).stdout == ""
    kept = json.loads(run_recoupe("export", "--db", str(db), "--format", "json").stdout)
    assert [d["origin"] for d in kept["documents"]] == [str(tmp_path / "keep.txt")]


# -- encodings -----------------------------------------------------------------------------------


def test_one_stray_byte_does_not_garble_a_utf8_article(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        FRENCH.encode("utf-8")
        + b"\n\nUne \x93citation\x94 coll\xe9e depuis un vieux traitement de texte.\n"
    )
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(FRENCH.replace("’", "'").encode("cp1252"))
    db = str(tmp_path / "d.db")
    assert run_recoupe("ingest", str(mixed), str(legacy), "--db", db).returncode == 0
    texts = {
        Path(d["origin"]).name: d["text"]
        for d in json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)[
            "documents"
        ]
    }
    assert "Ã" not in texts["mixed.txt"] and "rénovation" in texts["mixed.txt"]
    assert "“citation” collée" in texts["mixed.txt"]
    assert "rénovation" in texts["legacy.txt"]


def test_analyze_reports_a_bug_on_one_document_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from recoupe import cli
    from recoupe.entities import pipeline

    records = tmp_path / "r.jsonl"
    records.write_text(
        json.dumps({"id": "ok", "text": FRENCH})
        + "\n"
        + json.dumps({"id": "bad", "text": ENGLISH}),
        encoding="utf-8",
    )
    real = pipeline.analyse_documents

    def buggy(items: list[tuple[str, str, str]]) -> object:
        if any("Leeds" in text for _, text, _ in items):
            raise RuntimeError("boom")
        return real(items)

    monkeypatch.setattr("recoupe.cli_analyze.analyse_documents", buggy)
    monkeypatch.setattr("sys.argv", ["recoupe", "analyze", str(records)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["ok", "bad"]
    assert lines[0]["entities"] and lines[1]["error"]["code"] == "analysis_failed"


def test_documents_stored_under_a_typed_path_by_an_earlier_version_are_not_copied_again(
    tmp_path: Path,
) -> None:
    import sqlite3

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(FRENCH, encoding="utf-8")
    (docs / "b.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "d.db"
    assert run_recoupe("ingest", "docs", "--db", str(db), cwd=tmp_path).returncode == 0
    with sqlite3.connect(db) as con:  # as recoupe stored origins before they were resolved
        con.execute("UPDATE documents SET origin = 'docs/' || substr(origin, length(origin) - 4)")
        assert {o for (o,) in con.execute("SELECT origin FROM documents")} == {
            "docs/a.txt",
            "docs/b.txt",
        }
    again = run_recoupe("ingest", "docs", "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0 and "unchanged 2" in again.stderr, again.stderr
    dossier = json.loads(run_recoupe("export", "--db", str(db), "--format", "json").stdout)
    assert sorted(d["origin"] for d in dossier["documents"]) == [
        str(docs / "a.txt"),
        str(docs / "b.txt"),
    ]
