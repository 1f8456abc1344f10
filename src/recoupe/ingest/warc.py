"""WARC and WARC.gz archives: each HTML/text/PDF response or resource record is a document."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from recoupe.errors import Code
from recoupe.model import Failure, Hints, Kind, RawDocument

_KINDS = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "text/plain": Kind.PLAIN,
    "application/pdf": Kind.PDF,
}


def read_warc(
    path: Path, *, hints: Hints, max_bytes: int, special: bool = False, origin: str | None = None
) -> Iterator[RawDocument | Failure]:
    """Documents in a WARC file. Other records (requests, images, scripts) are passed over.

    A header line (of the archive or of a recorded HTTP response) over :data:`MAX_HEADER_LINE`
    bytes makes the archive unreadable from there on: the records before it are kept.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = origin or str(path)
    try:
        if not special and path.exists() and not stat.S_ISREG(path.stat().st_mode):
            yield Failure(
                origin,
                Code.NOT_REGULAR,
                "not a regular file (a named pipe, device or socket): give "
                "--allow-special-files to read it",
            )
            return
        with path.open("rb") as stream:
            records = 0
            archive = ArchiveIterator(stream)
            archive.reader = _BoundedLines(archive.reader)
            for record in archive:
                if not record.rec_type or not record.rec_headers.get_header("WARC-Record-ID"):
                    yield Failure(origin, Code.BAD_WARC, f"record {records + 1} has no WARC-Type")
                    return
                records += 1
                item = _document(record, hints=hints, max_bytes=max_bytes)
                if item is not None:
                    yield item
            if records == 0:
                yield Failure(origin, Code.BAD_WARC, "the archive holds no WARC record")
    except FileNotFoundError:
        yield Failure(origin, Code.NOT_FOUND, f"no such file: {path}")
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield Failure(origin, Code.BAD_WARC, f"cannot read the WARC archive: {exc}")
    except Exception as exc:  # warcio is third-party: a malformed archive can break it anywhere
        yield Failure(
            origin, Code.BAD_WARC, f"cannot read the WARC archive ({type(exc).__name__}: {exc})"
        )


MAX_HEADER_LINE = 1 << 20  # a long Set-Cookie is legal; 300 MB of header is not


class _BoundedLines:
    """warcio's reader, whose header lines may not be longer than :data:`MAX_HEADER_LINE`
    (warcio reads a line whole, however long: 300 MB of header took a gigabyte)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def readline(self, length: int | None = None) -> bytes:
        limit = MAX_HEADER_LINE if length is None else min(length, MAX_HEADER_LINE)
        line: bytes = self._reader.readline(limit)
        if len(line) >= MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise ValueError(f"a header line is over {MAX_HEADER_LINE:,} bytes")
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


def _document(record: object, *, hints: Hints, max_bytes: int) -> RawDocument | Failure | None:
    rec_type = record.rec_type  # type: ignore[attr-defined]
    if rec_type not in ("response", "resource"):
        return None
    warc_headers = record.rec_headers  # type: ignore[attr-defined]
    target = warc_headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers  # type: ignore[attr-defined]
    if rec_type == "response" and http is None:
        return None
    if http is not None:
        status = int(http.get_statuscode() or 0)
        if status != 200:
            return None
        content_type = http.get_header("Content-Type") or ""
        headers = {key: value for key, value in http.headers}
    else:
        content_type = warc_headers.get_header("Content-Type") or ""
        headers = {}
    media = content_type.split(";", 1)[0].strip().lower()
    kind = _KINDS.get(media)
    if kind is None:
        return None
    data = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(data) > max_bytes:
        return Failure(target, Code.TOO_LARGE, f"record over the {max_bytes:,}-byte cap")
    headers["WARC-Date"] = warc_headers.get_header("WARC-Date") or ""
    return RawDocument(
        origin=target,
        data=data,
        kind=kind,
        fetched_at=headers["WARC-Date"],
        hints=hints,
        headers=headers,
        content_type=media,
        url=target,
    )
