"""The embedded SQLite store: WAL, one writer, a transaction per batch, migrations on open."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from recoupe.errors import StoreError, UsageError
from recoupe.model import Article, Failure, storable
from recoupe.store.records import (
    DiscrepancyRecord,
    DiscrepancyValue,
    EntityRecord,
    EventRecord,
    Outcome,
    QuoteOccurrence,
    QuoteRecord,
    RelationRecord,
    RoleRecord,
    Span,
    Status,
    StoredDocument,
    StoredError,
    StoryRecord,
    Version,
)

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
        self._turns = 0  # nesting depth of analysis_turn() held by this process
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
            self._db.execute("PRAGMA secure_delete = ON")  # deleted content zeroed, not left
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
    def analysis_turn(self) -> Iterator[None]:
        """Hold the dossier's analysis turn: one process at a time analyses and rebuilds, so
        two ingests into one dossier never analyse a document twice (the second waits, then
        finds what the first left). The lock is a file beside the dossier; the system releases
        it when its holder dies, even by SIGKILL."""
        if self._turns:  # already held by this process (a rebuild inside an analysis)
            self._turns += 1
            try:
                yield
            finally:
                self._turns -= 1
            return
        real = self.path.resolve()
        lock = real.with_name(real.name + ".analysis-lock")
        try:
            handle = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o666)
        except OSError:
            try:  # made by another user, in a folder this one cannot write: a shared lock file
                handle = os.open(lock, os.O_RDONLY)
            except OSError:  # no lock file and none can be made: nobody can write here either
                handle = -1
        try:
            if handle >= 0:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    log.warning("waiting for another recoupe analysing %s", self.path)
                    fcntl.flock(handle, fcntl.LOCK_EX)
            self._turns = 1
            yield
        finally:
            self._turns = 0
            if handle >= 0:
                os.close(handle)  # closing releases the lock

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
            self._forget_words(db, origins)
        return ids

    def _forget_words(self, db: sqlite3.Connection, origins: set[str]) -> None:
        """Curation decisions keep the words of the mention they were made on (to find it again
        in a new version): a removed document's words go from them too. The decision stays;
        without its document it no longer applies, and says so."""
        rows = db.execute("SELECT id, payload FROM curation_decisions").fetchall()
        for row in rows:
            payload = json.loads(row["payload"])
            changed = False
            for prefix in ("", "other_"):
                if payload.get(f"{prefix}origin") in origins:
                    for key in ("text", "origin", "entity"):
                        changed = payload.pop(f"{prefix}{key}", None) is not None or changed
            if changed:
                db.execute(
                    "UPDATE curation_decisions SET payload = ? WHERE id = ?",
                    (json.dumps(payload, ensure_ascii=False), row["id"]),
                )

    def adopt_resolved_origins(self) -> int:
        """Give the local documents an earlier recoupe stored under the path as typed
        ("docs/a.txt") the origin it now gives them (the resolved path), when that path names a
        file from here: so that ingesting them again is the no-op it should be, not a second
        copy of each. Returns how many origins were changed."""
        rows = self._db.execute("SELECT DISTINCT origin FROM documents").fetchall()
        changed = 0
        with self._transaction() as db:
            for (origin,) in rows:
                if origin.startswith("/") or "://" in origin or origin == "-":
                    continue
                path, mark, record = origin.partition("#")
                if not path or not os.path.isfile(path):
                    continue
                resolved = storable(str(Path(path).resolve())) + mark + record
                taken = db.execute(
                    "SELECT 1 FROM documents WHERE origin = ? LIMIT 1", (resolved,)
                ).fetchone()
                if resolved == origin or taken:
                    continue
                db.execute("UPDATE documents SET origin = ? WHERE origin = ?", (resolved, origin))
                db.execute("UPDATE errors SET origin = ? WHERE origin = ?", (resolved, origin))
                changed += 1
        return changed

    def compact(self) -> None:
        """Rewrite the file so that no byte of what was deleted is left in it: the full-text
        index merged (its segments keep deleted words otherwise), the file vacuumed, the
        write-ahead log emptied."""
        self._db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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

    def record_error(self, origin: str, code: str, message: str) -> None:
        """Record (or replace) the latest failure of ``origin``: a document or a corpus step."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO errors (origin, code, message, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, "
                "message = excluded.message, at = excluded.at",
                (origin, code, message, now()),
            )

    def clear_errors(self, code: str) -> None:
        """Forget the failures of one kind (a corpus step that has just succeeded again)."""
        with self._transaction() as db:
            db.execute("DELETE FROM errors WHERE code = ?", (code,))

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
            raise UsageError(
                f"{query!r} is not a valid FTS5 query ({exc}); without --fts the words are "
                "searched as typed"
            ) from exc
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

    # -- per-document stage results, and what corpus-level stages derive from them -------------

    def unanalysed(self, stage: str) -> list[StoredDocument]:
        """Current analysed-language documents that ``stage`` has not processed yet."""
        rows = self._db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents d WHERE is_current = 1 AND analysed = 1 "
            "AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id AND a.stage = ?) "
            "ORDER BY rowid",
            (stage,),
        ).fetchall()
        return [_stored_document(row) for row in rows]

    def save_analyses(self, stage: str, results: Sequence[tuple[str, object]]) -> None:
        """Store ``stage``'s JSON-ready result for each (document id, result) at once."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO analyses (document_id, stage, data, ran_at) "
                "VALUES (?, ?, ?, ?)",
                [(doc_id, stage, json.dumps(data), now()) for doc_id, data in results],
            )
            db.executemany(
                "INSERT OR REPLACE INTO stage_runs (document_id, stage, ran_at) VALUES (?, ?, ?)",
                [(doc_id, stage, now()) for doc_id, _ in results],
            )

    def analyses(self, stage: str) -> list[tuple[StoredDocument, Any]]:
        """``stage``'s results for the current documents, in ingestion order."""
        rows = self._db.execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _DOCUMENT_COLUMNS.split(','))}, a.data "
            "FROM documents d JOIN analyses a ON a.document_id = d.id "
            "WHERE d.is_current = 1 AND a.stage = ? ORDER BY d.rowid",
            (stage,),
        ).fetchall()
        return [(_stored_document(row), json.loads(row["data"])) for row in rows]

    def replace_entities(
        self, stage: str, entities: Sequence[EntityRecord], relations: Sequence[RelationRecord]
    ) -> None:
        """Replace every entity, mention, role and relation ``stage`` made, in one transaction."""
        with self._transaction() as db:
            db.execute("DELETE FROM relations WHERE stage = ?", (stage,))
            db.execute("DELETE FROM entities WHERE stage = ?", (stage,))
            db.execute("DELETE FROM spans WHERE stage = ?", (stage,))
            for entity in entities:
                self._insert_entity(db, stage, entity)
            for relation in relations:
                cursor = db.execute(
                    "INSERT INTO relations (subject, predicate, object, stage) VALUES (?, ?, ?, ?)",
                    (relation.subject, relation.predicate, relation.object, stage),
                )
                for span in relation.evidence:
                    db.execute(
                        "INSERT OR IGNORE INTO relation_evidence (relation_id, span_id) "
                        "VALUES (?, ?)",
                        (cursor.lastrowid, self._span(db, stage, span)),
                    )

    def _insert_entity(self, db: sqlite3.Connection, stage: str, entity: EntityRecord) -> None:
        db.execute(
            "INSERT INTO entities (id, name, type, external_ids, stage, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                entity.id,
                entity.name,
                entity.type,
                json.dumps(entity.external_ids or {}),
                stage,
                json.dumps(entity.details or {}, ensure_ascii=False),
            ),
        )
        for span in entity.mentions:
            db.execute(
                "INSERT INTO mentions (span_id, entity_id, type, stage) VALUES (?, ?, ?, ?)",
                (self._span(db, stage, span), entity.id, entity.type, stage),
            )
        for role in entity.roles:
            for span in role.evidence:
                db.execute(
                    "INSERT INTO roles (entity_id, span_id, text, qualifier, stage) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (entity.id, self._span(db, stage, span), role.text, role.qualifier, stage),
                )

    def _span(self, db: sqlite3.Connection, stage: str, span: Span) -> int:
        cursor = db.execute(
            'INSERT INTO spans (document_id, start, "end", stage) VALUES (?, ?, ?, ?)',
            (span.document, span.start, span.end, stage),
        )
        return int(cursor.lastrowid or 0)

    def entities(self) -> list[EntityRecord]:
        """Every entity with its mentions and roles (spans of current documents)."""
        mentions: dict[str, list[Span]] = {}
        for row in self._db.execute(
            'SELECT m.entity_id, s.document_id, s.start, s."end" FROM mentions m '
            "JOIN spans s ON s.id = m.span_id ORDER BY s.document_id, s.start"
        ):
            mentions.setdefault(row[0], []).append(Span(row[1], row[2], row[3]))
        roles: dict[str, dict[tuple[str, str], list[Span]]] = {}
        for row in self._db.execute(
            'SELECT r.entity_id, r.text, r.qualifier, s.document_id, s.start, s."end" '
            "FROM roles r JOIN spans s ON s.id = r.span_id ORDER BY r.id"
        ):
            by_text = roles.setdefault(row[0], {})
            by_text.setdefault((row[1], row[2]), []).append(Span(row[3], row[4], row[5]))
        found = []
        for row in self._db.execute(
            "SELECT id, name, type, external_ids, data FROM entities ORDER BY rowid"
        ):
            entity_roles = tuple(
                RoleRecord(text, qualifier, tuple(spans))
                for (text, qualifier), spans in roles.get(row[0], {}).items()
            )
            found.append(
                EntityRecord(
                    id=row[0],
                    name=row[1],
                    type=row[2],
                    mentions=tuple(mentions.get(row[0], [])),
                    roles=entity_roles,
                    details=json.loads(row[4]),
                    external_ids=json.loads(row[3]),
                )
            )
        return found

    def relations(self) -> list[RelationRecord]:
        evidence: dict[int, list[Span]] = {}
        for row in self._db.execute(
            'SELECT e.relation_id, s.document_id, s.start, s."end" FROM relation_evidence e '
            "JOIN spans s ON s.id = e.span_id ORDER BY s.document_id, s.start"
        ):
            evidence.setdefault(row[0], []).append(Span(row[1], row[2], row[3]))
        return [
            RelationRecord(row[1], row[2], row[3], tuple(evidence.get(row[0], [])))
            for row in self._db.execute(
                "SELECT id, subject, predicate, object FROM relations ORDER BY id"
            )
        ]

    # -- events -------------------------------------------------------------------------------

    def replace_events(self, stage: str, events: Sequence[EventRecord]) -> None:
        """Replace the timeline ``stage`` made, in one transaction."""
        with self._transaction() as db:
            db.execute("DELETE FROM events WHERE stage = ?", (stage,))
            db.execute("DELETE FROM spans WHERE stage = ?", (stage,))
            for event in events:
                data = {"date_text": event.date_text, "text": event.text, "sources": event.sources}
                db.execute(
                    "INSERT INTO events (id, date, precision, status, follow_up, stage, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        event.id,
                        event.date,
                        event.precision,
                        event.status,
                        json.dumps(event.follow_up) if event.follow_up else None,
                        stage,
                        json.dumps(data, ensure_ascii=False),
                    ),
                )
                for span in event.evidence:
                    db.execute(
                        "INSERT OR IGNORE INTO event_evidence (event_id, span_id) VALUES (?, ?)",
                        (event.id, self._span(db, stage, span)),
                    )
                db.executemany(
                    "INSERT OR IGNORE INTO event_entities (event_id, entity_id) "
                    "SELECT ?, id FROM entities WHERE id = ?",
                    [(event.id, entity) for entity in event.entities],
                )

    def events(self) -> list[EventRecord]:
        evidence: dict[str, list[Span]] = {}
        for row in self._db.execute(
            'SELECT e.event_id, s.document_id, s.start, s."end" FROM event_evidence e '
            "JOIN spans s ON s.id = e.span_id ORDER BY s.id"
        ):
            evidence.setdefault(row[0], []).append(Span(row[1], row[2], row[3]))
        entities: dict[str, list[str]] = {}
        for row in self._db.execute("SELECT event_id, entity_id FROM event_entities"):
            entities.setdefault(row[0], []).append(row[1])
        found = []
        for row in self._db.execute(
            "SELECT id, date, precision, status, follow_up, data FROM events ORDER BY rowid"
        ):
            data = json.loads(row[5])
            found.append(
                EventRecord(
                    id=row[0],
                    date=row[1],
                    precision=row[2],
                    status=row[3],
                    date_text=data.get("date_text", ""),
                    text=data.get("text", ""),
                    entities=tuple(sorted(entities.get(row[0], []))),
                    evidence=tuple(evidence.get(row[0], [])),
                    sources=int(data.get("sources", 0)),
                    follow_up=json.loads(row[4]) if row[4] else None,
                )
            )
        return found

    # -- quotes, copies and stories ----------------------------------------------------------

    def replace_quotes(self, stage: str, quotes: Sequence[QuoteRecord]) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM quotes WHERE stage = ?", (stage,))
            db.execute("DELETE FROM spans WHERE stage = ?", (stage,))
            for quote in quotes:
                data = {"speaker_text": quote.speaker_text, "sources": quote.sources}
                db.execute(
                    "INSERT INTO quotes (id, text, speaker, anonymous, stage, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        quote.id,
                        quote.text,
                        quote.speaker,
                        int(quote.anonymous),
                        stage,
                        json.dumps(data, ensure_ascii=False),
                    ),
                )
                for occurrence in quote.occurrences:
                    speaker = (
                        self._span(db, stage, occurrence.speaker_span)
                        if occurrence.speaker_span
                        else None
                    )
                    db.execute(
                        "INSERT OR IGNORE INTO quote_occurrences (quote_id, span_id, speaker_span) "
                        "VALUES (?, ?, ?)",
                        (quote.id, self._span(db, stage, occurrence.span), speaker),
                    )

    def quotes(self) -> list[QuoteRecord]:
        spans = {
            row[0]: Span(row[1], row[2], row[3])
            for row in self._db.execute('SELECT id, document_id, start, "end" FROM spans')
        }
        occurrences: dict[str, list[QuoteOccurrence]] = {}
        for row in self._db.execute(
            "SELECT quote_id, span_id, speaker_span FROM quote_occurrences ORDER BY span_id"
        ):
            speaker = spans.get(row[2]) if row[2] is not None else None
            occurrences.setdefault(row[0], []).append(QuoteOccurrence(spans[row[1]], None, speaker))
        found = []
        for row in self._db.execute(
            "SELECT id, text, speaker, anonymous, data FROM quotes ORDER BY rowid"
        ):
            data = json.loads(row[4])
            found.append(
                QuoteRecord(
                    row[0],
                    row[1],
                    row[2],
                    data.get("speaker_text"),
                    bool(row[3]),
                    tuple(occurrences.get(row[0], [])),
                    int(data.get("sources", 0)),
                )
            )
        return found

    def replace_copies(self, stage: str, copies: Mapping[str, tuple[str, str]]) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM document_copies WHERE stage = ?", (stage,))
            db.executemany(
                "INSERT INTO document_copies (document_id, original_id, kind, stage) "
                "VALUES (?, ?, ?, ?)",
                [(doc, original, kind, stage) for doc, (original, kind) in copies.items()],
            )

    def copies(self) -> dict[str, tuple[str, str]]:
        rows = self._db.execute("SELECT document_id, original_id, kind FROM document_copies")
        return {row[0]: (row[1], row[2]) for row in rows}

    def replace_stories(self, stage: str, stories: Sequence[StoryRecord]) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM stories WHERE stage = ?", (stage,))
            for story in stories:
                db.execute(
                    "INSERT INTO stories (id, label, stage) VALUES (?, ?, ?)",
                    (story.id, story.label, stage),
                )
                db.executemany(
                    "INSERT OR REPLACE INTO story_documents (story_id, document_id) VALUES (?, ?)",
                    [(story.id, doc) for doc in story.documents],
                )

    def stories(self) -> list[StoryRecord]:
        members: dict[str, list[str]] = {}
        for row in self._db.execute(
            "SELECT sd.story_id, sd.document_id FROM story_documents sd "
            "JOIN documents d ON d.id = sd.document_id ORDER BY d.rowid"
        ):
            members.setdefault(row[0], []).append(row[1])
        return [
            StoryRecord(row[0], row[1], tuple(members.get(row[0], [])))
            for row in self._db.execute("SELECT id, label FROM stories ORDER BY rowid")
        ]

    # -- discrepancies ------------------------------------------------------------------------

    def replace_discrepancies(self, stage: str, found: Sequence[DiscrepancyRecord]) -> None:
        """Replace the discrepancies ``stage`` found; review marks are kept (decisions)."""
        with self._transaction() as db:
            db.execute("DELETE FROM discrepancies WHERE stage = ?", (stage,))
            db.execute("DELETE FROM spans WHERE stage = ?", (stage,))
            for item in found:
                db.execute(
                    "INSERT INTO discrepancies (id, kind, subject, summary, reviewed, stage) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (item.id, item.kind, item.subject, item.summary, int(item.reviewed), stage),
                )
                for value in item.values:
                    cursor = db.execute(
                        "INSERT INTO discrepancy_values (discrepancy_id, value) VALUES (?, ?)",
                        (item.id, value.value),
                    )
                    for span in value.evidence:
                        db.execute(
                            "INSERT OR IGNORE INTO discrepancy_evidence (value_id, span_id) "
                            "VALUES (?, ?)",
                            (cursor.lastrowid, self._span(db, stage, span)),
                        )

    def discrepancies(self) -> list[DiscrepancyRecord]:
        evidence: dict[int, list[Span]] = {}
        for row in self._db.execute(
            'SELECT e.value_id, s.document_id, s.start, s."end" FROM discrepancy_evidence e '
            "JOIN spans s ON s.id = e.span_id ORDER BY s.id"
        ):
            evidence.setdefault(row[0], []).append(Span(row[1], row[2], row[3]))
        values: dict[str, list[DiscrepancyValue]] = {}
        for row in self._db.execute(
            "SELECT id, discrepancy_id, value FROM discrepancy_values ORDER BY id"
        ):
            values.setdefault(row[1], []).append(
                DiscrepancyValue(row[2], tuple(evidence.get(row[0], [])))
            )
        return [
            DiscrepancyRecord(r[0], r[1], r[2], r[3], tuple(values.get(r[0], [])), bool(r[4]))
            for r in self._db.execute(
                "SELECT id, kind, subject, summary, reviewed FROM discrepancies ORDER BY rowid"
            )
        ]

    # -- reference lists ----------------------------------------------------------------------

    def add_references(self, references: Sequence[Any]) -> int:
        """Store reference entries (``entities.reference.Reference``), replacing same ids."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO reference_entities (scheme, id, name, type, aliases) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        r.scheme,
                        r.id,
                        r.name,
                        r.type,
                        json.dumps(list(r.aliases), ensure_ascii=False),
                    )
                    for r in references
                ],
            )
        return len(references)

    def references(self) -> list[tuple[str, str, str, str | None, list[str]]]:
        rows = self._db.execute("SELECT scheme, id, name, type, aliases FROM reference_entities")
        return [(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    # -- curation ---------------------------------------------------------------------------

    def add_decision(self, *, actor: str, action: str, target: str, payload: dict[str, Any]) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO curation_decisions (at, actor, action, target, payload) "
                "VALUES (?, ?, ?, ?, ?)",
                (now(), actor, action, target, json.dumps(payload, ensure_ascii=False)),
            )
        return int(cursor.lastrowid or 0)

    def decisions(self) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT id, at, actor, action, target, payload FROM curation_decisions ORDER BY id"
        )
        return [
            {
                "id": r[0],
                "at": r[1],
                "actor": r[2],
                "action": r[3],
                "target": r[4],
                "payload": json.loads(r[5]),
            }
            for r in rows
        ]


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
