"""The records that flow through ingestion.

``RawDocument`` is what a reader produced (bytes as read, plus what came with them);
``Article`` is a cleaned document ready to be stored; ``Failure`` is a document that could not be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from recoupe.errors import Code

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")


class Kind(StrEnum):
    """How a document's bytes are to be cleaned."""

    PLAIN = "plain"  # a .txt/.md file or a page saved as text: page furniture is removed
    HTML = "html"  # HTML: trafilatura finds the main text
    PDF = "pdf"  # text layer of a PDF
    CLEAN = "clean"  # inline text given in a record or on stdin: taken as already clean


class DateSource(StrEnum):
    """Where a publication date came from (``documents[].published_from`` in the export)."""

    METADATA = "metadata"
    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata given with a document, which wins over anything found in it."""

    record_id: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as read: the bytes, where they came from, and what was said about them."""

    origin: str
    data: bytes
    kind: Kind
    fetched_at: str
    hints: Hints = Hints()
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    url: str | None = None  # the page's URL, when it has one (fetched, WARC record, feed entry)

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", storable(self.origin))


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned document: what is stored and exported."""

    origin: str
    text: str
    language: str
    analysed: bool
    title: str | None
    source: str | None
    author: str | None
    published: str | None
    published_from: DateSource | None
    removed_chars: int
    raw: RawDocument


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be ingested, with a code from :class:`recoupe.errors.Code`."""

    origin: str
    code: Code
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", storable(self.origin))
        object.__setattr__(self, "message", storable(self.message))


def storable(text: str) -> str:
    """``text`` as it can be stored and printed: the bytes of a file name that are not UTF-8
    (which Python carries as surrogates U+DC80–U+DCFF) written ``\\xff``, any other lone
    surrogate (a JSON ``\\ud800`` escape) as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    text = _UNDECODED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return _SURROGATE.sub("\ufffd", text)
