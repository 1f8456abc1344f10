"""Local files and folders: what kind of document a file is, and its bytes (gzip undone)."""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from recoupe.errors import Code, IngestError
from recoupe.model import Kind

DEFAULT_MAX_BYTES = 50_000_000

# Suffixes read as documents (after an optional .gz), and the kind of cleaning they get.
DOCUMENT_SUFFIXES: dict[str, Kind] = {
    ".txt": Kind.PLAIN,
    ".text": Kind.PLAIN,
    ".md": Kind.PLAIN,
    ".markdown": Kind.PLAIN,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".pdf": Kind.PDF,
}
RECORD_SUFFIXES = (".jsonl", ".json", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class FileData:
    path: Path
    data: bytes
    fetched_at: str


def file_role(path: Path) -> str:
    """'warc', 'records', 'document' or 'other', from the file name."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    inner = name.removesuffix(".gz")
    if inner.endswith(RECORD_SUFFIXES):
        return "records"
    if Path(inner).suffix in DOCUMENT_SUFFIXES:
        return "document"
    return "other"


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files below ``folder`` that recoupe reads, in a stable order; hidden entries skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and file_role(path) != "other":
                yield path


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, special: bool = False) -> FileData:
    """The file's bytes, gunzipped for ``.gz``, refusing files over ``max_bytes`` and, unless
    ``special``, what is not a regular file (a named pipe would wait for ever, a device such as
    /dev/zero never end)."""
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise IngestError(Code.NOT_FOUND, f"no such file: {path}") from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise IngestError(Code.UNREADABLE, f"cannot read {path}: {exc}") from exc
    if stat.S_ISDIR(status.st_mode):
        raise IngestError(
            Code.NOT_REGULAR, "a folder, not a file: give the folder itself to `recoupe ingest`"
        )
    if not special and not stat.S_ISREG(status.st_mode):
        raise IngestError(
            Code.NOT_REGULAR,
            "not a regular file (a named pipe, device or socket): give --allow-special-files "
            "to read it, up to --max-bytes",
        )
    if status.st_size > max_bytes:
        raise IngestError(
            Code.TOO_LARGE,
            f"{status.st_size:,} bytes is over the {max_bytes:,}-byte cap: split the file, "
            "or raise the cap with --max-bytes",
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # it may have grown since, or be endless
    except OSError as exc:
        raise IngestError(Code.UNREADABLE, f"cannot read {path}: {exc.strerror}") from exc
    if len(data) > max_bytes:
        raise IngestError(
            Code.TOO_LARGE, f"over the {max_bytes:,}-byte cap: raise the cap with --max-bytes"
        )
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    if path.name.lower().endswith(".gz"):
        data = gunzip(data, max_bytes=max_bytes)
    return FileData(path, data, fetched_at)


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress gzip ``data``, refusing what is not gzip and output over ``max_bytes``."""
    if not data.startswith(GZIP_MAGIC):
        raise IngestError(Code.BAD_GZIP, "named .gz but not gzip data: rename it or re-compress it")
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise IngestError(Code.BAD_GZIP, f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise IngestError(
            Code.TOO_LARGE, f"decompresses to over {max_bytes:,} bytes: raise --max-bytes"
        )
    if not decompressor.eof:
        raise IngestError(Code.BAD_GZIP, "truncated gzip data: the file is incomplete")
    return out


def sniff_kind(path: Path, data: bytes) -> Kind:
    """The kind of a document file: by suffix, else by its first bytes."""
    inner = Path(path.name.lower().removesuffix(".gz"))
    if inner.suffix in DOCUMENT_SUFFIXES:
        return DOCUMENT_SUFFIXES[inner.suffix]
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return Kind.PDF
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return Kind.HTML
    return Kind.PLAIN
