"""Bytes to text: BOMs, declared and detected encodings, and refusal of binary data."""

from __future__ import annotations

import codecs

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
    if declared:
        try:
            return normalise_newlines(data.decode(_windows_for_latin1(declared)))
        except (LookupError, UnicodeDecodeError):
            pass
    return normalise_newlines(_detect(data))


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
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
