"""Which documents copy which: the earliest version of a text is the original."""

from __future__ import annotations

from collections.abc import Sequence

from recoupe.store import StoredDocument


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
