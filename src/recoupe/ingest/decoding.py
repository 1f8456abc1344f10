"""A response body's content codings undone in bounded steps.

``Content-Encoding: gzip, gzip`` (or any stacking of ``gzip``, ``x-gzip`` and ``deflate``) is
undone one coding after the other, each step producing at most :data:`STEP` bytes at a time from
what the step before produced, so memory holds a few steps' worth whatever the stacking and
the ratio; the caller counts the decoded bytes as they come and stops at its cap.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from recoupe.errors import Code, IngestError

STEP = 65_536
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS}
ACCEPTED_CODINGS = ("gzip", "deflate")
MAX_CODINGS = 4  # more stacked codings than this is no page a server means to send


def codings(header: str | None) -> list[str]:
    """The codings of a Content-Encoding header, in the order they were applied."""
    found = [part.strip().lower() for part in (header or "").split(",")]
    return [c for c in found if c and c != "identity"]


def decode(raw: Iterable[bytes], header: str | None) -> Iterator[bytes]:
    """The body of ``raw`` chunks with the codings of ``header`` undone, in pieces of at most
    :data:`STEP` bytes. Raises ``IngestError`` (``http_error``) for an unknown coding, too many
    of them, or data that does not decode."""
    applied = codings(header)
    if len(applied) > MAX_CODINGS:
        raise IngestError(
            Code.HTTP_ERROR, f"the body is encoded {len(applied)} times over ({header})"
        )
    unknown = [c for c in applied if c not in _WBITS and c != "deflate"]
    if unknown:
        raise IngestError(
            Code.HTTP_ERROR, f"the body has a content coding recoupe cannot undo: {unknown[0]}"
        )
    pieces: Iterable[bytes] = raw
    for coding in reversed(applied):
        pieces = _inflate(pieces, coding)
    return iter(pieces)


def _inflate(pieces: Iterable[bytes], coding: str) -> Iterator[bytes]:
    decompressor: zlib._Decompress | None = None
    try:
        for piece in pieces:
            if decompressor is None:
                if not piece:
                    continue
                decompressor = zlib.decompressobj(_wbits(coding, piece))
            data = piece
            while data and not decompressor.eof:
                out = decompressor.decompress(data, STEP)
                if out:
                    yield out
                data = decompressor.unconsumed_tail
        if decompressor is not None:
            rest = decompressor.flush()
            if rest:
                yield rest
    except zlib.error as exc:
        raise IngestError(
            Code.HTTP_ERROR, f"the body cannot be decompressed ({coding}: {exc})"
        ) from exc


def _wbits(coding: str, first: bytes) -> int:
    if coding in _WBITS:
        return _WBITS[coding]
    # "deflate" is meant as zlib-wrapped, but many servers send it raw
    return zlib.MAX_WBITS if first[:1] == b"\x78" else -zlib.MAX_WBITS
