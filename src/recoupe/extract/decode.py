"""Bytes to text: BOMs, declared and detected encodings, and refusal of binary data."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from recoupe.errors import Code, IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}))
_SAMPLE = 65_536


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes or many control characters."""
    sample = data[:_SAMPLE]
    if any(sample.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16/32 text holds NUL bytes
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(8, len(sample) // 100)


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` as text: a BOM first, then UTF-8, then ``declared``, then detection.

    Line endings become ``\\n`` and the BOM is dropped. Raises ``IngestError`` (``binary``) for data
    that is not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalise_newlines(data[len(bom) :].decode(encoding, errors="replace"))
    if looks_binary(data):
        raise IngestError(
            Code.BINARY, "this is binary data, not text: give a text, HTML or PDF file"
        )
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data, fallback=_single_byte(declared))
    if mixed is not None:
        return normalise_newlines(mixed)
    charset = _charset(declared)
    if charset:
        try:
            return normalise_newlines(data.decode(charset))
        except UnicodeDecodeError:
            pass
    return normalise_newlines(_detect(data))


# Codecs Python knows that are no character set a document is written in: a page declaring one
# ("idna", "unicode_escape", "undefined") is read as if it declared none.
_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined", "mbcs", "oem"}
)


def _charset(declared: str | None) -> str | None:
    """The codec of a declared character set, when it is one (Latin-1 read as Windows-1252)."""
    if not declared:
        return None
    try:
        name = _windows_for_latin1(declared)
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if info.name.replace("-", "_") in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return name


_STRAY = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes, *, fallback: str) -> str | None:
    """``data`` as UTF-8 with its stray bytes (a pasted Windows quote, one Latin-1 line) read in
    ``fallback``, when it holds at least as many UTF-8 characters beyond ASCII as stray bytes;
    None when it is mostly another encoding. One bad byte no longer turns every "é" of an
    article into "Ã©"."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(len(run) for run in _STRAY.findall(text))
    wide = sum(1 for char in text if char > "\x7f") - stray
    if wide < stray:
        return None
    return _STRAY.sub(
        lambda run: bytes(ord(c) - 0xDC00 for c in run.group()).decode(fallback, "replace"), text
    )


def _single_byte(declared: str | None) -> str:
    """The encoding stray bytes are read in: the declared one when it has one byte per
    character, else Windows-1252."""
    name = _charset(declared)
    if name:
        try:
            if len("é".encode(name, errors="ignore")) <= 1 and "x".encode(name) == b"x":
                return name
        except (UnicodeError, ValueError, LookupError):
            pass
    return "cp1252"


def _detect(data: bytes) -> str:
    best = from_bytes(data[: _SAMPLE * 4]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(_windows_for_latin1(encoding))
    except (LookupError, UnicodeDecodeError):
        return data.decode("cp1252", errors="replace")


def _windows_for_latin1(encoding: str) -> str:
    """Read ISO-8859-1 as Windows-1252, as browsers do (curly quotes live in 0x80–0x9F)."""
    name = codecs.lookup(encoding).name
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped; a lone
    surrogate (which no text holds, but some codecs make) becomes U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")
