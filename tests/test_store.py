"""The SQLite store: migrations, pragmas, contract-identity rules, schema copy in sync."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import REPO, SCHEMA

from recoupe.errors import StoreError
from recoupe.store import SqliteStore, open_store
from recoupe.store.sqlite import document_id


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with open_store(str(path)) as store:
        first = store.migrations()
    with open_store(str(path)) as store:
        assert store.migrations() == first
    shipped = sorted((REPO / "src/recoupe/store/migrations").glob("*.sql"))
    assert [number for number, _, _ in first] == [int(p.name.split("_")[0]) for p in shipped]
    assert len(shipped) >= 3
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    expected = {
        "documents",
        "snapshots",
        "errors",
        "spans",
        "entities",
        "mentions",
        "roles",
        "relations",
        "events",
        "quotes",
        "discrepancies",
        "stories",
        "curation_decisions",
    }
    assert expected <= tables


def test_a_file_that_is_not_a_dossier_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a recoupe dossier"):
        open_store(str(path))


def test_document_ids_are_content_hashes() -> None:
    assert document_id("a.txt", "text") == document_id("a.txt", "text")
    assert document_id("a.txt", "text") != document_id("b.txt", "text")
    assert document_id("a.txt", "text") != document_id("a.txt", "text.")


def test_deleting_a_document_deletes_its_evidence(store: SqliteStore, tmp_path: Path) -> None:
    from recoupe.build import ingest

    path = tmp_path / "a.txt"
    path.write_text(
        "Le conseil municipal a voté le budget de la ville mardi soir, après un long débat."
    )
    ingest([str(path)], store=store)
    (doc,) = store.documents()
    db = store._db
    db.execute(
        "INSERT INTO spans (document_id, start, \"end\", stage) VALUES (?, 0, 2, 't')", (doc.id,)
    )
    store.remove(doc.id)
    assert db.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == 0


def test_contract_copy_matches_shared() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "contract" / "dossier.schema.json"
    if not shared.exists():
        pytest.skip("../shared is not beside the repository")
    assert SCHEMA.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
