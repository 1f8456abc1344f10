"""The dossier store: SQLite (FTS5) by default; `open_store` picks the backend from the URL."""

from __future__ import annotations

import os
from pathlib import Path

from recoupe.errors import UsageError
from recoupe.store.records import Outcome, Status, StoredDocument, StoredError, Version
from recoupe.store.sqlite import SqliteStore

DEFAULT_DB = "recoupe.db"

__all__ = [
    "DEFAULT_DB",
    "Outcome",
    "SqliteStore",
    "Status",
    "StoredDocument",
    "StoredError",
    "Version",
    "default_db",
    "open_store",
]


def default_db() -> str:
    """``$RECOUPE_DB`` when set, else ``./recoupe.db``."""
    return os.environ.get("RECOUPE_DB") or DEFAULT_DB


def open_store(db: str, *, create: bool = True) -> SqliteStore:
    """Open (migrating as needed) the dossier at ``db``, a file path; create it when it does
    not exist if ``create``, else refuse (a reading command on a mistyped path)."""
    if db.startswith(("postgresql://", "postgres://")):
        raise UsageError(
            "the PostgreSQL backend is not part of this version of recoupe yet: "
            "use a SQLite file path for --db"
        )
    if "://" in db and not db.startswith("sqlite://"):
        raise UsageError(f"--db {db!r}: give a SQLite file path (or sqlite:///path)")
    path = Path(db.removeprefix("sqlite://")) if db.startswith("sqlite://") else Path(db)
    if not create and not path.is_file():
        raise UsageError(
            f"no dossier at {db!r}"
            + (" (it is a folder)" if path.is_dir() else "")
            + ": give the --db of an existing dossier, or build one with `recoupe ingest`"
        )
    return SqliteStore(path)
