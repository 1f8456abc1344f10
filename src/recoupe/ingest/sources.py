"""From what the user named (files, folders, jsonl, WARC, URLs, feeds) to a stream of documents.

Every problem with one document becomes a :class:`~recoupe.model.Failure` in the stream; nothing
here raises for bad input, so one bad file never stops a batch.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from recoupe.errors import Code, IngestError
from recoupe.extract.decode import decode_text
from recoupe.ingest.fetch import FetchPolicy
from recoupe.ingest.files import DEFAULT_MAX_BYTES, file_role, read_file, sniff_kind, walk_folder
from recoupe.ingest.records import Record, parse_records, record_origin
from recoupe.ingest.urls import read_url
from recoupe.ingest.warc import read_warc
from recoupe.model import Failure, Hints, Kind, RawDocument


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: size cap, fetch policy, and metadata given for the whole batch."""

    hints: Hints = field(default_factory=Hints)
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    # a record's `path` may name a file outside the record file's folder
    allow_paths_outside: bool = False
    special_files: bool = False  # read named pipes and devices too (up to max_bytes)


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_targets(
    targets: Iterable[str], *, options: ReadOptions
) -> Iterator[RawDocument | Failure]:
    """Every document named by ``targets``, in order, as raw bytes or as a failure."""
    for target in targets:
        if is_url(target):
            yield from read_url(target, policy=options.fetch, hints=options.hints)
        elif "://" in target:
            yield Failure(target, Code.BAD_URL, "only http:// and https:// URLs can be fetched")
        elif os.path.isdir(target):
            for path in walk_folder(Path(target)):
                yield from read_path(path, origin=local_origin(path), options=options)
        else:
            yield from read_path(Path(target), origin=local_origin(Path(target)), options=options)


def local_origin(path: Path) -> str:
    """A local file's origin: its absolute path, links resolved, so that "a.txt", "./a.txt" and
    "/home/me/a.txt" are one document."""
    return str(path.resolve())


def read_path(path: Path, *, origin: str, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """One file: a document, a file of records, or a WARC archive."""
    role = file_role(path)
    if role == "warc":
        yield from read_warc(
            path,
            hints=options.hints,
            max_bytes=options.max_bytes,
            special=options.special_files,
            origin=origin,
        )
        return
    try:
        found = read_file(path, max_bytes=options.max_bytes, special=options.special_files)
    except IngestError as exc:
        yield Failure(origin, Code(exc.code), exc.message)
        return
    if role == "records":
        yield from _read_records(origin, found.data, options=options)
        return
    yield RawDocument(
        origin=origin,
        data=found.data,
        kind=sniff_kind(path, found.data),
        fetched_at=found.fetched_at,
        hints=options.hints,
    )


def _read_records(
    source: str, data: bytes, *, options: ReadOptions
) -> Iterator[RawDocument | Failure]:
    try:
        text = decode_text(data)
    except IngestError as exc:
        yield Failure(source, Code.BAD_RECORD, exc.message)
        return
    base = os.path.dirname(source)
    for item in parse_records(source, text):
        if isinstance(item, Failure):
            yield item
        else:
            yield from _read_record(source, base, item, options=options)


def _read_record(
    source: str, base: str, record: Record, *, options: ReadOptions
) -> Iterator[RawDocument | Failure]:
    hints = merge_hints(options.hints, record.hints)
    record_options = dataclasses.replace(options, hints=hints)
    if record.field == "path":
        path = os.path.normpath(os.path.join(base, record.value))
        if "\0" in path or file_role(Path(path)) == "records":
            yield Failure(
                record_origin(source, record),
                Code.BAD_RECORD,
                f"the record's path {record.value!r} is not a document file"
                + (" (it names a file of records)" if "\0" not in path else " (a NUL in it)"),
            )
            return
        if not options.allow_paths_outside and not _inside(path, base):
            yield Failure(
                path,
                Code.PATH_OUTSIDE,
                f"the record's path {record.value!r} is not under the record file's folder: "
                "records name files beside them (give --allow-paths-outside to read others)",
            )
            return
        yield from read_path(Path(path), origin=local_origin(Path(path)), options=record_options)
    elif record.field == "url":
        if not is_url(record.value):
            yield Failure(
                record_origin(source, record),
                Code.BAD_URL,
                f"the record's url {record.value!r} is not an http(s) URL "
                "(a local file goes in `path`)",
            )
            return
        yield from read_url(record.value, policy=options.fetch, hints=hints)
    else:
        kind = Kind.CLEAN if record.field == "text" else Kind.HTML
        yield RawDocument(
            origin=record_origin(source, record),
            data=record.value.encode("utf-8"),
            kind=kind,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            hints=hints,
        )


def _inside(path: str, folder: str) -> bool:
    """Whether ``path``, links followed, is ``folder`` or below it."""
    real, root = os.path.realpath(path), os.path.realpath(folder or ".")
    return os.path.commonpath([real, root]) == root


def merge_hints(base: Hints, over: Hints) -> Hints:
    """``over``'s values where it has them, ``base``'s elsewhere."""
    values = {
        name.name: getattr(over, name.name) or getattr(base, name.name)
        for name in dataclasses.fields(Hints)
    }
    return Hints(**values)
