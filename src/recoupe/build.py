"""Ingestion: read what the user named, clean each document, store the batch.

This is the library call behind ``recoupe ingest``: readers and cleaning run where the runner puts
them; only this driver writes to the store, one transaction per batch.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from recoupe.clean import clean
from recoupe.errors import Code, IngestError
from recoupe.ingest.sources import ReadOptions, read_targets
from recoupe.model import Article, Failure, RawDocument
from recoupe.runners import map_ordered
from recoupe.store import Outcome, SqliteStore, Status

log = logging.getLogger(__name__)
BATCH_SIZE = 64


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` call did, document by document."""

    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status is Status.FAILED]

    def failure_codes(self) -> Counter[str]:
        return Counter(outcome.code or "" for outcome in self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures


def clean_or_fail(raw: RawDocument) -> Article | Failure:
    """Clean one document; any problem becomes a coded failure so the batch goes on."""
    try:
        return clean(raw)
    except IngestError as exc:
        return Failure(raw.origin, Code(exc.code), exc.message)
    except Exception as exc:  # a bug must not lose the rest of the batch
        log.debug("cleaning %s failed", raw.origin, exc_info=True)  # shown with -vv
        return Failure(raw.origin, Code.INTERNAL, f"{type(exc).__name__}: {exc} (please report)")


def ingest(
    targets: Iterable[str],
    *,
    store: SqliteStore,
    options: ReadOptions | None = None,
    workers: int = 1,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Ingest every document named by ``targets`` (paths, folders, jsonl, WARC, URLs, feeds).

    Re-ingesting the same bytes from the same origin is a no-op; a failure is recorded in the
    dossier's error table and the others go on.
    """
    report = IngestReport()
    store.adopt_resolved_origins()
    items = read_targets(targets, options=options or ReadOptions())
    to_write: list[Article | Failure] = []

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def flush() -> None:
        for outcome in store.write(to_write):
            record(outcome)
        to_write.clear()

    for item in map_ordered(_prepare, _new_only(items, store, record), workers=workers):
        to_write.append(item)
        if len(to_write) >= BATCH_SIZE:
            flush()
    flush()
    return report


def _prepare(item: RawDocument | Failure) -> Article | Failure:
    return item if isinstance(item, Failure) else clean_or_fail(item)


def _new_only(
    items: Iterator[RawDocument | Failure],
    store: SqliteStore,
    record: Callable[[Outcome], None],
) -> Iterator[RawDocument | Failure]:
    """Drop documents whose exact bytes the store already holds for their origin."""
    for item in items:
        if isinstance(item, RawDocument) and store.has_snapshot(item.origin, item.data):
            record(Outcome(item.origin, Status.UNCHANGED))
        else:
            yield item
