"""Stage ``recoupe.events.v1`` and the timeline step: from a document's dates and entity mentions
to events, and from every document's events to one timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.resolve import ResolvedEntity
from recoupe.events.extract import find_events
from recoupe.events.model import DocumentEvents
from recoupe.events.timeline import FollowUp, TimelineEvent, build_timeline, statements
from recoupe.store import StoredDocument
from recoupe.store.records import EventRecord
from recoupe.time.expressions import find_timexes

STAGE = "recoupe.events.v1"


def analyse_document(
    document: StoredDocument, entities: DocumentEntities
) -> tuple[list[dict[str, Any]], DocumentEvents]:
    """The temporal expressions of one document and the events they date."""
    timexes = find_timexes(document.text, language=document.language, published=document.published)
    events = find_events(
        document.text,
        timexes,
        entities.mentions,
        reference=document.published,
        language=document.language,
    )
    return [asdict(t) for t in timexes], DocumentEvents(document.id, events)


def timeline(
    documents: Sequence[StoredDocument],
    events: Sequence[DocumentEvents],
    entities: Sequence[ResolvedEntity],
    copies: Mapping[str, str],
) -> list[TimelineEvent]:
    """The dossier's timeline."""
    owners = {m: e.id for e in entities if not e.rejected for m in e.mentions}
    places = {e.id for e in entities if e.type is EntityType.LOC}
    order = {doc.id: (doc.published or "9999", position) for position, doc in enumerate(documents)}
    known = [doc for doc in events if doc.document in order]
    texts = {doc.id: doc.text for doc in documents}
    return build_timeline(statements(known, owners, places, order, texts), copies)


def records(timeline: Sequence[TimelineEvent], texts: Mapping[str, str]) -> list[EventRecord]:
    """Timeline entries ready to store."""
    return [_record(event, texts) for event in timeline]


def _record(event: TimelineEvent, texts: Mapping[str, str]) -> EventRecord:
    first = event.statements[0]
    text = texts[first.document]
    return EventRecord(
        id=event.id,
        date=event.date,
        precision=event.precision,
        status=event.status,
        date_text=text[first.fact.date_start : first.fact.date_end],
        text=text[first.fact.start : first.fact.end],
        entities=tuple(event.entities),
        evidence=tuple(event.evidence),
        sources=event.sources,
        follow_up=_follow_up(event.follow_up),
    )


def _follow_up(follow_up: FollowUp | None) -> dict[str, Any] | None:
    if follow_up is None:
        return None
    return {
        "outcome": follow_up.outcome,
        "event": follow_up.event,
        "evidence": [[s.document, s.start, s.end] for s in follow_up.evidence],
    }
