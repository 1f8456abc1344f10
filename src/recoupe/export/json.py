"""The contract export: ``recoupe.dossier/1`` (see ``dossier.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from recoupe.store import SqliteStore, StoredDocument
from recoupe.store.records import EntityRecord, RelationRecord, Span

FORMAT = "recoupe.dossier/1"


def build_dossier(store: SqliteStore) -> dict[str, Any]:
    """The whole dossier as one JSON-ready object."""
    documents = store.documents()
    copies = exact_copies(documents)
    texts = {doc.id: doc.text for doc in documents}
    return {
        "format": FORMAT,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [_document(doc, copies.get(doc.id)) for doc in documents],
        "entities": [_entity(entity, texts) for entity in store.entities()],
        "relations": [_relation(relation, texts) for relation in store.relations()],
        "events": [],
        "quotes": [],
        "discrepancies": [],
        "stories": [],
        "errors": [
            {"origin": error.origin, "code": error.code, "message": error.message, "at": error.at}
            for error in store.errors()
        ],
    }


def write_json(store: SqliteStore, out: TextIO, *, indent: int | None = 2) -> None:
    json.dump(build_dossier(store), out, ensure_ascii=False, indent=indent)
    out.write("\n")


def exact_copies(documents: Sequence[StoredDocument]) -> dict[str, str]:
    """``{id: id of the earliest document with the same text}`` for documents that copy another.

    Earliest: by publication date where known (undated last), then by ingestion order.
    """
    ranked = sorted(
        enumerate(documents),
        key=lambda pair: (pair[1].published is None, pair[1].published or "", pair[0]),
    )
    first: dict[str, str] = {}
    copies: dict[str, str] = {}
    for _, doc in ranked:
        original = first.setdefault(doc.text_sha256, doc.id)
        if original != doc.id:
            copies[doc.id] = original
    return copies


def _document(doc: StoredDocument, duplicate_of: str | None) -> dict[str, Any]:
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
        "story": None,
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
