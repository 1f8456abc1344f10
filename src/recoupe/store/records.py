"""What the store hands back: plain records, independent of the backend."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """What ingesting one document did."""

    INGESTED = "ingested"  # a new document
    UPDATED = "updated"  # a known origin whose content changed: a new version
    UNCHANGED = "unchanged"  # the same content from the same origin: nothing written
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Outcome:
    origin: str
    status: Status
    document_id: str | None = None
    code: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: str
    origin: str
    version: int
    text: str
    title: str | None
    source: str | None
    author: str | None
    published: str | None
    published_from: str | None
    language: str
    analysed: bool
    removed_chars: int
    record_id: str | None
    kind: str
    ingested_at: str
    text_sha256: str


@dataclass(frozen=True, slots=True)
class StoredError:
    origin: str
    code: str
    message: str
    at: str


@dataclass(frozen=True, slots=True)
class Version:
    document_id: str
    version: int
    is_current: bool
    ingested_at: str
    fetched_at: str | None
    chars: int


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Evidence: ``document``'s clean text from ``start`` to ``end``."""

    document: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RoleRecord:
    text: str
    qualifier: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class EntityRecord:
    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    roles: tuple[RoleRecord, ...] = ()
    details: dict[str, Any] | None = None  # aliases, merges, variants, curation state
    external_ids: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class RelationRecord:
    subject: str
    predicate: str
    object: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    date: str | None
    precision: str
    status: str
    date_text: str
    text: str
    entities: tuple[str, ...]
    evidence: tuple[Span, ...]
    sources: int
    follow_up: dict[str, Any] | None = None  # {"outcome", "event", "evidence": [[doc, s, e]]}


@dataclass(frozen=True, slots=True)
class DiscrepancyValue:
    value: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class DiscrepancyRecord:
    id: str
    kind: str
    subject: str | None
    summary: str
    values: tuple[DiscrepancyValue, ...]
    reviewed: bool = False


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    span: Span
    speaker_text: str | None
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    id: str
    text: str
    speaker: str | None  # entity id
    speaker_text: str | None
    anonymous: bool
    occurrences: tuple[QuoteOccurrence, ...]
    sources: int


@dataclass(frozen=True, slots=True)
class StoryRecord:
    id: str
    label: str
    documents: tuple[str, ...]
