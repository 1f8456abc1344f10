"""The embedded SQLite store: WAL, one writer, a transaction per batch, migrations on open."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType

from recoupe.errors import StoreError
from recoupe.model import Article, Failure
from recoupe.store.records import Outcome, Status, StoredDocument, StoredError, Version

log = logging.getLogger(__name__)

CLEAN_STAGE = "recoupe.clean.v1"
_DOCUMENT_COLUMNS = (
    "id, origin, version, text, title, source, author, published, published_from, language, "
    "analysed, removed_chars, record_id, kind, ingested_at, text_sha256"
)


def document_id(origin: str, text: str) -> str:
    """A content hash: the same text from the same origin always gets the same id."""
    return hashlib.sha256(f"{origin}\x00{text}".encode()).hexdigest()[:16]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("recoupe.store").joinpath("migrations")
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            number = int(item.name.split("_", 1)[0])
            found.append((number, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


class SqliteStore:
    """A dossier in one SQLite file. Only the process that opened it writes through it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the dossier {str(path)!r}: {exc}") from exc
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{str(path)!r} is not a recoupe dossier (SQLite): {exc}") from exc

    # -- life cycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for number, name, script in _migrations():
            if number in applied:
                continue
            log.info("applying migration %s to %s", name, self.path)
            # executescript commits on its own: the migration and its record go in one script.
            record = (
                "INSERT INTO schema_migrations (version, name, applied_at) "
                f"VALUES ({number}, '{name}', '{now()}');"
            )
            self._db.executescript(f"BEGIN;\n{script}\n{record}\nCOMMIT;")

    def migrations(self) -> list[tuple[int, str, str]]:
        rows = self._db.execute("SELECT version, name, applied_at FROM schema_migrations")
        return [(row[0], row[1], row[2]) for row in rows]

    # -- writing ------------------------------------------------------------------------------

    def has_snapshot(self, origin: str, data: bytes) -> bool:
        """Whether exactly these bytes were already read from ``origin`` (re-ingest: a no-op)."""
        row = self._db.execute(
            "SELECT 1 FROM snapshots WHERE origin = ? AND sha256 = ?", (origin, sha256(data))
        ).fetchone()
        return row is not None

    def write(self, items: Sequence[Article | Failure]) -> list[Outcome]:
        """Store a batch in one transaction; return what happened to each item, in order."""
        with self._transaction() as db:
            return [
                self._write_failure(db, item)
                if isinstance(item, Failure)
                else self._write_article(db, item)
                for item in items
            ]

    def _write_failure(self, db: sqlite3.Connection, failure: Failure) -> Outcome:
        db.execute(
            "INSERT INTO errors (origin, code, message, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, "
            "message = excluded.message, at = excluded.at",
            (failure.origin, str(failure.code), failure.message, now()),
        )
        return Outcome(
            failure.origin, Status.FAILED, code=str(failure.code), message=failure.message
        )

    def _write_article(self, db: sqlite3.Connection, article: Article) -> Outcome:
        db.execute("DELETE FROM errors WHERE origin = ?", (article.origin,))
        snapshot = self._write_snapshot(db, article)
        text_sha = sha256(article.text.encode())
        current = db.execute(
            "SELECT id, version, text_sha256 FROM documents WHERE origin = ? AND is_current = 1",
            (article.origin,),
        ).fetchone()
        if current is not None and current["text_sha256"] == text_sha:
            return Outcome(article.origin, Status.UNCHANGED, current["id"])
        version = 1
        if current is not None:
            version = self._last_version(db, article.origin) + 1
            db.execute("UPDATE documents SET is_current = 0 WHERE origin = ?", (article.origin,))
        doc_id = document_id(article.origin, article.text)
        if version > 1 and db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            # The text of an older version came back: a new version all the same, its own id.
            doc_id = document_id(f"{article.origin}#v{version}", article.text)
        db.execute(
            "INSERT INTO documents (id, origin, version, is_current, snapshot_id, kind, text, "
            "text_sha256, title, source, author, published, published_from, language, analysed, "
            "removed_chars, record_id, ingested_at, stage) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                article.origin,
                version,
                snapshot,
                str(article.raw.kind),
                article.text,
                text_sha,
                article.title,
                article.source,
                article.author,
                article.published,
                str(article.published_from) if article.published_from else None,
                article.language,
                int(article.analysed),
                article.removed_chars,
                article.raw.hints.record_id,
                now(),
                CLEAN_STAGE,
            ),
        )
        db.execute(
            "INSERT INTO stage_runs (document_id, stage, ran_at) VALUES (?, ?, ?)",
            (doc_id, CLEAN_STAGE, now()),
        )
        status = Status.INGESTED if current is None else Status.UPDATED
        return Outcome(article.origin, status, doc_id)

    def _last_version(self, db: sqlite3.Connection, origin: str) -> int:
        row = db.execute(
            "SELECT MAX(version) FROM documents WHERE origin = ?", (origin,)
        ).fetchone()
        return int(row[0] or 0)

    def _write_snapshot(self, db: sqlite3.Connection, article: Article) -> int:
        raw = article.raw
        digest = sha256(raw.data)
        row = db.execute(
            "SELECT id FROM snapshots WHERE origin = ? AND sha256 = ?", (article.origin, digest)
        ).fetchone()
        if row is not None:
            return int(row[0])
        cursor = db.execute(
            "INSERT INTO snapshots (origin, sha256, fetched_at, url, content_type, headers, size, "
            "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.origin,
                digest,
                raw.fetched_at,
                raw.url,
                raw.content_type,
                json.dumps(raw.headers, ensure_ascii=False, sort_keys=True),
                len(raw.data),
                zlib.compress(raw.data, 6),
            ),
        )
        return int(cursor.lastrowid or 0)

    def remove(self, target: str) -> list[str]:
        """Delete a document (by id) or every version of an origin, with all derived rows.

        Returns the ids removed. Snapshots no document points at any more go too.
        """
        with self._transaction() as db:
            rows = db.execute(
                "SELECT id, origin FROM documents WHERE id = ? OR origin = ?", (target, target)
            ).fetchall()
            ids = [row["id"] for row in rows]
            origins = {row["origin"] for row in rows}
            db.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in ids])
            for origin in origins:
                self._promote_latest(db, origin)
            db.execute(
                "DELETE FROM snapshots WHERE id NOT IN "
                "(SELECT snapshot_id FROM documents WHERE snapshot_id IS NOT NULL)"
            )
            db.execute("DELETE FROM errors WHERE origin = ?", (target,))
        return ids

    def _promote_latest(self, db: sqlite3.Connection, origin: str) -> None:
        db.execute(
            "UPDATE documents SET is_current = 1 WHERE origin = ? AND version = "
            "(SELECT MAX(version) FROM documents WHERE origin = ?)",
            (origin, origin),
        )

    # -- reading ------------------------------------------------------------------------------

    def documents(self, *, current: bool = True) -> list[StoredDocument]:
        """Documents in ingestion order (only the current version of each origin by default)."""
        where = "WHERE is_current = 1" if current else ""
        rows = self._db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents {where} ORDER BY rowid"
        ).fetchall()
        return [_stored_document(row) for row in rows]

    def document(self, doc_id: str) -> StoredDocument | None:
        row = self._db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return _stored_document(row) if row is not None else None

    def errors(self) -> list[StoredError]:
        rows = self._db.execute("SELECT origin, code, message, at FROM errors ORDER BY id")
        return [StoredError(row[0], row[1], row[2], row[3]) for row in rows]

    def versions(self, origin: str) -> list[Version]:
        rows = self._db.execute(
            "SELECT d.id, d.version, d.is_current, d.ingested_at, s.fetched_at, length(d.text) "
            "FROM documents d LEFT JOIN snapshots s ON s.id = d.snapshot_id "
            "WHERE d.origin = ? ORDER BY d.version",
            (origin,),
        )
        return [Version(r[0], r[1], bool(r[2]), r[3], r[4], r[5]) for r in rows]

    def snapshot(self, doc_id: str) -> tuple[bytes, dict[str, str]] | None:
        """The raw bytes a document was cleaned from, and the headers they came with."""
        row = self._db.execute(
            "SELECT s.data, s.headers FROM snapshots s JOIN documents d ON d.snapshot_id = s.id "
            "WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return zlib.decompress(row[0]), json.loads(row[1])

    def search(self, query: str, *, limit: int = 20) -> list[tuple[str, str, str]]:
        """Full-text search over current documents: (id, origin, snippet), best first."""
        try:
            rows = self._db.execute(
                "SELECT d.id, d.origin, snippet(documents_fts, 1, '[', ']', '…', 12) "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? AND d.is_current = 1 ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {query!r}: {exc} (FTS5 query syntax)") from exc
        return [(row[0], row[1], row[2]) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, versions, snapshots and errors the dossier holds, by kind."""
        one = self._db.execute
        return {
            "documents": one("SELECT COUNT(*) FROM documents WHERE is_current = 1").fetchone()[0],
            "versions": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "analysed": one(
                "SELECT COUNT(*) FROM documents WHERE is_current = 1 AND analysed = 1"
            ).fetchone()[0],
            "snapshots": one("SELECT COUNT(*) FROM snapshots").fetchone()[0],
            "errors": one("SELECT COUNT(*) FROM errors").fetchone()[0],
        }

    def languages(self) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT language, COUNT(*) FROM documents WHERE is_current = 1 "
            "GROUP BY language ORDER BY COUNT(*) DESC"
        )
        return {row[0]: row[1] for row in rows}


def _stored_document(row: sqlite3.Row) -> StoredDocument:
    return StoredDocument(
        id=row["id"],
        origin=row["origin"],
        version=row["version"],
        text=row["text"],
        title=row["title"],
        source=row["source"],
        author=row["author"],
        published=row["published"],
        published_from=row["published_from"],
        language=row["language"],
        analysed=bool(row["analysed"]),
        removed_chars=row["removed_chars"],
        record_id=row["record_id"],
        kind=row["kind"],
        ingested_at=row["ingested_at"],
        text_sha256=row["text_sha256"],
    )
