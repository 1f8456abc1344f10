"""The contract export: ``recoupe.dossier/1`` (see ``dossier.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from recoupe.store import SqliteStore, StoredDocument

FORMAT = "recoupe.dossier/1"


def build_dossier(store: SqliteStore) -> dict[str, Any]:
    """The whole dossier as one JSON-ready object."""
    documents = store.documents()
    copies = exact_copies(documents)
    return {
        "format": FORMAT,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [_document(doc, copies.get(doc.id)) for doc in documents],
        "entities": [],
        "relations": [],
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
