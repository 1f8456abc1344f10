"""Dates as the contract writes them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``,
intervals ``A/B``, open ``A/..``, ``../B``): their first and last days, and comparisons."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Bounds = tuple[str | None, str | None]


def bounds(value: str) -> Bounds:
    """(first day, last day) covered by ``value``, ISO; None for an open side."""
    if "/" in value:
        left, right = value.split("/", 1)
        return (None if left == ".." else _first(left)), (None if right == ".." else _last(right))
    return _first(value), _last(value)


def _first(value: str) -> str | None:
    try:
        if "-W" in value:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        parts = value.split("-")
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-01-01"
        if len(parts) == 2:
            return f"{int(parts[0]):04d}-{int(parts[1]):02d}-01"
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


def _last(value: str) -> str | None:
    try:
        if "-W" in value:
            iso_year, week = value.split("-W")
            monday = date.fromisocalendar(int(iso_year), int(week), 1)
            return (monday + timedelta(days=6)).isoformat()
        parts = value.split("-")
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-12-31"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


def overlap(a: str, b: str) -> bool:
    """Whether two dates can be the same happening: their spans of days meet."""
    a_first, a_last = bounds(a)
    b_first, b_last = bounds(b)
    return (a_first or "0000") <= (b_last or "9999") and (b_first or "0000") <= (a_last or "9999")


def days(value: str) -> int | None:
    """How many days ``value`` covers (None when open or unreadable)."""
    first, last = bounds(value)
    if first is None or last is None:
        return None
    return (date.fromisoformat(last) - date.fromisoformat(first)).days + 1


def midpoint(value: str) -> date | None:
    """The middle day of ``value``, for placing it on a time axis."""
    first, last = bounds(value)
    if first is None and last is None:
        return None
    start = date.fromisoformat(first or last or "")
    end = date.fromisoformat(last or first or "")
    return start + (end - start) / 2
