"""The contract export: ``recoupe.dossier/1`` (see ``dossier.schema.json``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TextIO

from recoupe.copies import exact_copies
from recoupe.store import SqliteStore, StoredDocument
from recoupe.store.records import (
    DiscrepancyRecord,
    EntityRecord,
    EventRecord,
    QuoteRecord,
    RelationRecord,
    Span,
)

FORMAT = "recoupe.dossier/1"


def build_dossier(store: SqliteStore) -> dict[str, Any]:
    """The whole dossier as one JSON-ready object."""
    documents = store.documents()
    copies = {doc: original for doc, (original, _) in store.copies().items()}
    for doc, original in exact_copies(documents).items():
        copies.setdefault(doc, original)  # before analysis, exact copies are known all the same
    story_of = {doc: story.id for story in store.stories() for doc in story.documents}
    texts = {doc.id: doc.text for doc in documents}
    return {
        "format": FORMAT,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [
            _document(doc, copies.get(doc.id), story_of.get(doc.id)) for doc in documents
        ],
        "entities": [_entity(entity, texts) for entity in store.entities()],
        "relations": [_relation(relation, texts) for relation in store.relations()],
        "events": [_event(event, texts) for event in store.events()],
        "quotes": [_quote(quote, texts) for quote in store.quotes()],
        "discrepancies": [_discrepancy(item, texts) for item in store.discrepancies()],
        "stories": [
            {"id": s.id, "label": s.label, "documents": list(s.documents)} for s in store.stories()
        ],
        "errors": [
            {"origin": error.origin, "code": error.code, "message": error.message, "at": error.at}
            for error in store.errors()
        ],
    }


def write_json(store: SqliteStore, out: TextIO, *, indent: int | None = 2) -> None:
    json.dump(build_dossier(store), out, ensure_ascii=False, indent=indent)
    out.write("\n")


def _document(doc: StoredDocument, duplicate_of: str | None, story: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "origin": doc.origin,
        "title": doc.title,
        "source": doc.source,
        "author": doc.author,
        "published": doc.published,
        "published_from": doc.published_from,
        "language": doc.language,
        "analysed": doc.analysed,
        "text": doc.text,
        "removed_chars": doc.removed_chars,
        "duplicate_of": duplicate_of,
        "story": story,
        "version": doc.version,
        "record_id": doc.record_id,
        "ingested_at": doc.ingested_at,
    }


def span(value: Span, texts: dict[str, str]) -> dict[str, Any]:
    """An evidence span as the contract writes it: its text is the document's text there."""
    return {
        "document": value.document,
        "start": value.start,
        "end": value.end,
        "text": texts[value.document][value.start : value.end],
    }


def _entity(entity: EntityRecord, texts: dict[str, str]) -> dict[str, Any]:
    details = entity.details or {}
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": details.get("aliases", [entity.name]),
        "roles": [
            {
                "text": role.text,
                "qualifier": role.qualifier,
                "evidence": [span(s, texts) for s in role.evidence],
            }
            for role in entity.roles
        ],
        "mentions": [span(s, texts) for s in entity.mentions],
        "external_ids": entity.external_ids or {},
        "merges": details.get("merges", []),
        "variants": details.get("variants", []),
    }


def _relation(relation: RelationRecord, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "subject": relation.subject,
        "predicate": relation.predicate,
        "object": relation.object,
        "evidence": [span(s, texts) for s in relation.evidence],
    }


def _event(event: EventRecord, texts: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "date": event.date,
        "precision": event.precision,
        "status": event.status,
        "date_text": event.date_text,
        "text": event.text,
        "entities": list(event.entities),
        "evidence": [span(s, texts) for s in event.evidence],
        "sources": event.sources,
    }
    if event.follow_up is not None:
        out["follow_up"] = {
            "outcome": event.follow_up["outcome"],
            "event": event.follow_up.get("event"),
            "evidence": [span(Span(d, s, e), texts) for d, s, e in event.follow_up["evidence"]],
        }
    return out


def _discrepancy(item: DiscrepancyRecord, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "subject": item.subject,
        "summary": item.summary,
        "reviewed": item.reviewed,
        "values": [
            {"value": v.value, "evidence": [span(s, texts) for s in v.evidence]}
            for v in item.values
        ],
    }


def _quote(quote: QuoteRecord, texts: dict[str, str]) -> dict[str, Any]:
    occurrences = [span(o.span, texts) for o in quote.occurrences]
    return {
        "id": quote.id,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "anonymous": quote.anonymous,
        "evidence": occurrences[0],
        "occurrences": occurrences,
        "sources": quote.sources,
    }
