"""Document records: JSON Lines (or a JSON array) of {path | url | text | html, metadata...}."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from recoupe.errors import Code
from recoupe.model import Failure, Hints, storable

CONTENT_FIELDS = ("path", "url", "text", "html")
HINT_FIELDS = ("id", "title", "source", "author", "published", "language")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass(frozen=True, slots=True)
class Record:
    """One valid record: which content field it has, its value, and its metadata."""

    field: str  # one of CONTENT_FIELDS
    value: str
    hints: Hints
    line: int  # 1-based line (or array position) in the file


def parse_records(source: str, data: str) -> Iterator[Record | Failure]:
    """Records of a .jsonl file (or a .json array/object); a bad line is a Failure, not a stop."""
    stripped = data.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and _is_one_json(stripped)):
        yield from _parse_json_document(source, stripped)
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield _parse_line(source, number, line)


def _is_one_json(data: str) -> bool:
    try:
        _loads(data)
    except ValueError:
        return False
    return True


def _loads(data: str) -> Any:
    """JSON as Python values; nesting too deep to read is a ValueError like any bad JSON."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _parse_json_document(source: str, data: str) -> Iterator[Record | Failure]:
    try:
        value = _loads(data)
    except ValueError as exc:
        yield Failure(source, Code.BAD_RECORD, f"not JSON: {exc}")
        return
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, start=1):
        yield _record(source, number, item)


def _parse_line(source: str, number: int, line: str) -> Record | Failure:
    try:
        item = _loads(line)
    except ValueError as exc:
        return Failure(f"{source}#{number}", Code.BAD_RECORD, f"line {number} is not JSON: {exc}")
    return _record(source, number, item)


def _record(source: str, number: int, item: Any) -> Record | Failure:
    origin = f"{source}#{number}"
    if not isinstance(item, dict):
        return Failure(origin, Code.BAD_RECORD, "a record must be a JSON object")
    present = [name for name in CONTENT_FIELDS if item.get(name) not in (None, "")]
    if len(present) != 1:
        return Failure(
            origin,
            Code.BAD_RECORD,
            f"a record needs exactly one of {', '.join(CONTENT_FIELDS)}; it has "
            f"{', '.join(present) or 'none'}",
        )
    field = present[0]
    for name in (field, *HINT_FIELDS):
        if item.get(name) is not None and not isinstance(item[name], str | int):
            return Failure(origin, Code.BAD_RECORD, f"field {name!r} must be a string")
    published = _published(item.get("published"))
    if published == "":
        return Failure(
            origin, Code.BAD_RECORD, f"published {item['published']!r} is not a date (YYYY-MM-DD)"
        )
    hints = Hints(
        record_id=_text(item.get("id")),
        title=_text(item.get("title")),
        source=_text(item.get("source")),
        author=_text(item.get("author")),
        published=published or None,
        language=_text(item.get("language")),
    )
    return Record(field, storable(str(item[field])), hints, number)


def _text(value: Any) -> str | None:
    return storable(str(value)).strip() or None if value is not None else None


def _published(value: Any) -> str | None:
    """The date part of an ISO date or date-time; None when absent; "" when not a date."""
    if value in (None, ""):
        return None
    match = _DATE.match(str(value).strip())
    return match.group(0) if match else ""


def record_origin(source: str, record: Record) -> str:
    """``<jsonl path>#<record id, or line number>`` for records carrying inline text or html."""
    return f"{source}#{record.hints.record_id or record.line}"
