"""Values of temporal expressions: ISO 8601 with reduced precision, resolved against an anchor.

:class:`Parsed` is what the grammar (:mod:`recoupe.time.expressions`) read in an expression;
:func:`resolve` turns it into a schema date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``,
``START/END``, ``START/..``, ``../END``), a precision and the direction it was resolved in.

Underspecified expressions (no year, a bare weekday) are resolved against the anchor date:

* ``future``: the first occurrence on or after the anchor;
* ``past``: the last occurrence on or before the anchor;
* ``none``: the occurrence containing the anchor, else the nearest one (a tie goes to the past);
  a bare weekday without a cue goes to the past (news reports what happened).

Explicit modifiers override the clause's direction: "dernier" / "last" is the latest occurrence
that ended before the anchor ("novembre dernier" said in November is the previous year's), and
"prochain" / "next" the first that starts after it. With a weekday they count in ISO weeks:
"jeudi dernier" / "last Thursday" is the Thursday of the previous week (said on a Friday, eight
days before, not the day before), "jeudi prochain" / "next Thursday" the Thursday of the next week.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

PAST = "past"
FUTURE = "future"
NONE = "none"

# meteorological seasons: first month; winter Y runs from December Y to February Y+1
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class Parsed:
    """What an expression says, before any anchor is applied.

    ``form``: ``calendar`` (year / month / day / season / quarter / decade fields, any of them
    missing), ``weekday``, ``deictic`` (``shift`` days from the anchor: hier = -1), ``unit`` (a
    week, month, year, weekend or quarter ``shift`` units from the anchor's), ``offset`` (``amount``
    ``unit`` s before or after the anchor, ``shift`` = -1 / +1), ``none`` (nothing to resolve:
    durations, sets, bare clock times).
    """

    kind: str = "date"
    form: str = "calendar"
    year: int | None = None
    short_year: int | None = None  # a two-digit year ("octobre 98"): century from the anchor
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    season: str | None = None
    quarter: int | None = None
    decade: int | None = None
    unit: str | None = None
    shift: int | None = None
    amount: int | None = None
    mod: str | None = None  # "last", "next", "this" as written
    open: str | None = None  # "start": START/.. (depuis, since); "end": ../END (jusqu'au, until)
    to: Parsed | None = None  # the end of a range (this one is its start)


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    precision: str
    direction: str = NONE
    relative: bool = False  # the anchor was used


UNKNOWN = Resolved(None, "unknown")


# --- formatting ---------------------------------------------------------------------------------


def fmt_day(day: dt.date) -> str:
    return day.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def season_value(season: str, year: int) -> str:
    first = SEASON_START[season]
    start_y, start_m = year, first
    end_y, end_m = add_months(year, first, 2)
    return f"{fmt_month(start_y, start_m)}/{fmt_month(end_y, end_m)}"


def quarter_value(year: int, quarter: int) -> str:
    first = 3 * (quarter - 1) + 1
    return f"{fmt_month(year, first)}/{fmt_month(year, first + 2)}"


def weekend_value(day: dt.date) -> str:
    """The Saturday and Sunday of ``day``'s ISO week."""
    saturday = monday_of(day) + dt.timedelta(days=5)
    return f"{fmt_day(saturday)}/{fmt_day(saturday + dt.timedelta(days=1))}"


# --- calendar arithmetic ------------------------------------------------------------------------


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift_date(day: dt.date, amount: int, unit: str) -> dt.date | None:
    try:
        if unit == "day":
            return day + dt.timedelta(days=amount)
        if unit == "week":
            return day + dt.timedelta(weeks=amount)
    except OverflowError:
        return None
    months = amount * (12 if unit == "year" else 1)
    year, month = add_months(day.year, day.month, months)
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month, min(day.day, last_day(year, month).day))


def full_year(short: int, anchor: dt.date | None) -> int:
    """A two-digit year in the century that puts it nearest the anchor (else 1950–2049)."""
    if anchor is None:
        return 1900 + short if short >= 50 else 2000 + short
    century = anchor.year // 100 * 100
    candidates = (century - 100 + short, century + short, century + 100 + short)
    return min(candidates, key=lambda year: (abs(year - anchor.year), -year))


# --- choosing an occurrence ---------------------------------------------------------------------

Span = tuple[dt.date, dt.date]


def choose(spans: Iterable[Span], anchor: dt.date, direction: str, mod: str | None) -> Span | None:
    """The occurrence meant, among ``spans`` (first day, last day), by modifier then direction."""
    spans = sorted(spans)
    if mod == "last":
        before = [s for s in spans if s[1] < anchor]
        return before[-1] if before else None
    if mod == "next":
        after = [s for s in spans if s[0] > anchor]
        return after[0] if after else None
    if direction == FUTURE:
        coming = [s for s in spans if s[1] >= anchor]
        return coming[0] if coming else None
    if direction == PAST:
        gone = [s for s in spans if s[0] <= anchor]
        return gone[-1] if gone else None
    for span in spans:
        if span[0] <= anchor <= span[1]:
            return span
    if not spans:
        return None
    return min(spans, key=lambda s: (_distance(s, anchor), s[0] > anchor))


def _distance(span: Span, anchor: dt.date) -> int:
    return (span[0] - anchor).days if span[0] > anchor else (anchor - span[1]).days


def _years(anchor: dt.date) -> range:
    return range(anchor.year - 2, anchor.year + 3)


def _month_spans(month: int, anchor: dt.date) -> list[Span]:
    return [(dt.date(y, month, 1), last_day(y, month)) for y in _years(anchor)]


def _day_spans(month: int, day: int, anchor: dt.date, weekday: int | None) -> list[Span]:
    dates = [d for y in _years(anchor) if (d := safe_date(y, month, day)) is not None]
    if weekday is not None:
        matching = [d for d in dates if d.weekday() == weekday]
        dates = matching or dates
    return [(d, d) for d in dates]


def _season_spans(season: str, anchor: dt.date) -> list[Span]:
    first = SEASON_START[season]
    spans = []
    for year in _years(anchor):
        end_y, end_m = add_months(year, first, 2)
        spans.append((dt.date(year, first, 1), last_day(end_y, end_m)))
    return spans


def _quarter_spans(quarter: int, anchor: dt.date) -> list[Span]:
    first = 3 * (quarter - 1) + 1
    return [(dt.date(y, first, 1), last_day(y, first + 2)) for y in _years(anchor)]


def _weekday_spans(weekday: int, anchor: dt.date) -> list[Span]:
    monday = monday_of(anchor)
    days = [monday + dt.timedelta(days=7 * k + weekday) for k in (-2, -1, 0, 1, 2)]
    return [(d, d) for d in days]


# --- resolution ---------------------------------------------------------------------------------


def resolve(parsed: Parsed, anchor: dt.date | None, direction: str = NONE) -> Resolved:
    """The value of ``parsed`` against ``anchor`` (None: only absolute expressions resolve)."""
    if parsed.kind in ("duration", "set") or parsed.form == "none":
        return UNKNOWN
    if parsed.to is not None:
        return _resolve_range(parsed, parsed.to, anchor, direction)
    resolved = _resolve_point(parsed, anchor, direction)
    if parsed.open is None or resolved.value is None:
        return resolved
    start, _, end = resolved.value.partition("/")
    value = f"{start}/.." if parsed.open == "start" else f"../{end or start}"
    return replace(resolved, value=value, precision="interval")


def _resolve_range(
    first: Parsed, second: Parsed, anchor: dt.date | None, direction: str
) -> Resolved:
    end = _resolve_point(second, anchor, direction)
    if end.value is None:
        return UNKNOWN
    start_parsed = first
    if first.form == "calendar" and first.year is None and first.short_year is None:
        start_parsed = _inherit(first, second, end.value)
    start = _resolve_point(start_parsed, anchor, direction)
    if start.value is None:
        return UNKNOWN
    low = start.value.partition("/")[0]
    high = end.value.rpartition("/")[2]
    return Resolved(f"{low}/{high}", "interval", end.direction, start.relative or end.relative)


def _inherit(first: Parsed, second: Parsed, end_value: str) -> Parsed:
    """The start of a range takes the month and year its end has ("du 3 au 5 mars 2025")."""
    year = int(end_value[:4])
    month = first.month
    if month is None and first.season is None and first.quarter is None:
        month = second.month
    if first.month is not None and second.month is not None and first.month > second.month:
        year -= 1  # "du 28 décembre au 3 janvier 2026"
    return replace(first, year=year, month=month)


def _resolve_point(parsed: Parsed, anchor: dt.date | None, direction: str) -> Resolved:
    if parsed.form == "calendar":
        return _resolve_calendar(parsed, anchor, direction)
    if anchor is None:
        return UNKNOWN
    if parsed.form == "weekday" and parsed.weekday is not None:
        return _resolve_weekday(parsed.weekday, parsed.mod, anchor, direction)
    if parsed.form == "deictic":
        shift = parsed.shift or 0
        day = anchor + dt.timedelta(days=shift)
        return Resolved(fmt_day(day), "day", _sign(shift), True)
    if parsed.form == "unit" and parsed.unit is not None:
        return _resolve_unit(parsed.unit, parsed.shift, anchor, direction)
    if parsed.form == "offset" and parsed.unit is not None:
        return _resolve_offset(parsed, anchor)
    return UNKNOWN


def _sign(shift: int) -> str:
    return PAST if shift < 0 else FUTURE if shift > 0 else NONE


def _resolve_calendar(parsed: Parsed, anchor: dt.date | None, direction: str) -> Resolved:
    if parsed.decade is not None:
        return Resolved(f"{parsed.decade:04d}/{parsed.decade + 9:04d}", "interval")
    year = parsed.year
    if year is None and parsed.short_year is not None:
        year = full_year(parsed.short_year, anchor)
    if year is not None:
        return _absolute(parsed, year)
    if anchor is None:
        return UNKNOWN
    return _underspecified(parsed, anchor, direction)


def _absolute(parsed: Parsed, year: int) -> Resolved:
    if parsed.month is not None and parsed.day is not None:
        day = safe_date(year, parsed.month, parsed.day)
        return Resolved(fmt_day(day), "day") if day else UNKNOWN
    if parsed.month is not None:
        return Resolved(fmt_month(year, parsed.month), "month")
    if parsed.season is not None:
        return Resolved(season_value(parsed.season, year), "season")
    if parsed.quarter is not None:
        return Resolved(quarter_value(year, parsed.quarter), "interval")
    return Resolved(f"{year:04d}", "year")


def _underspecified(parsed: Parsed, anchor: dt.date, direction: str) -> Resolved:
    used = NONE if parsed.mod in ("last", "next") else direction
    reported = PAST if parsed.mod == "last" else FUTURE if parsed.mod == "next" else direction
    if parsed.month is not None and parsed.day is not None:
        return _resolve_day(parsed, parsed.month, parsed.day, anchor, direction)
    if parsed.month is not None:
        span = choose(_month_spans(parsed.month, anchor), anchor, used, parsed.mod)
        if span is None:
            return UNKNOWN
        return Resolved(fmt_month(span[0].year, span[0].month), "month", reported, True)
    if parsed.season is not None:
        span = choose(_season_spans(parsed.season, anchor), anchor, used, parsed.mod)
        if span is None:
            return UNKNOWN
        return Resolved(season_value(parsed.season, span[0].year), "season", reported, True)
    if parsed.quarter is not None:  # "au quatrième trimestre" said in February: the last one
        span = choose(_quarter_spans(parsed.quarter, anchor), anchor, used, parsed.mod)
        if span is None:
            return UNKNOWN
        return Resolved(quarter_value(span[0].year, parsed.quarter), "interval", reported, True)
    return UNKNOWN


def _resolve_day(parsed: Parsed, month: int, day: int, anchor: dt.date, direction: str) -> Resolved:
    spans = _day_spans(month, day, anchor, parsed.weekday)
    mod = parsed.mod if parsed.mod in ("last", "next") else None
    if parsed.weekday is not None and all(s[0].weekday() == parsed.weekday for s in spans):
        direction, mod = NONE, None  # the weekday picks the year: "ce jeudi 11 décembre"
    reported = PAST if mod == "last" else FUTURE if mod == "next" else direction
    span = choose(spans, anchor, NONE if mod else direction, mod)
    return Resolved(fmt_day(span[0]), "day", reported, True) if span else UNKNOWN


def _resolve_weekday(weekday: int, mod: str | None, anchor: dt.date, direction: str) -> Resolved:
    monday = monday_of(anchor)
    if mod == "last":
        day = monday - dt.timedelta(days=7 - weekday)
        return Resolved(fmt_day(day), "day", PAST, True)
    if mod == "next":
        day = monday + dt.timedelta(days=7 + weekday)
        return Resolved(fmt_day(day), "day", FUTURE, True)
    if direction == NONE and mod != "this":
        direction = PAST  # a bare weekday in news: the one that just went by
    span = choose(_weekday_spans(weekday, anchor), anchor, direction, None)
    if span is None:
        return UNKNOWN
    return Resolved(fmt_day(span[0]), "day", direction, True)


def _resolve_unit(unit: str, shift: int | None, anchor: dt.date, direction: str) -> Resolved:
    if unit == "weekend":
        return _resolve_weekend(shift, anchor, direction)
    step = shift or 0
    reported = _sign(step)
    if unit == "day":
        return Resolved(fmt_day(anchor + dt.timedelta(days=step)), "day", reported, True)
    if unit == "week":
        return Resolved(fmt_week(anchor + dt.timedelta(weeks=step)), "week", reported, True)
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, step)
        return Resolved(fmt_month(year, month), "month", reported, True)
    if unit == "year":
        return Resolved(f"{anchor.year + step:04d}", "year", reported, True)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return Resolved(quarter_value(index // 4, index % 4 + 1), "interval", reported, True)
    return UNKNOWN


def _resolve_weekend(shift: int | None, anchor: dt.date, direction: str) -> Resolved:
    if shift:
        day = anchor + dt.timedelta(weeks=shift)
        return Resolved(weekend_value(day), "interval", _sign(shift), True)
    saturday = monday_of(anchor) + dt.timedelta(days=5)
    spans = [
        (saturday + dt.timedelta(weeks=k), saturday + dt.timedelta(weeks=k, days=1))
        for k in (-1, 0, 1)
    ]
    span = choose(spans, anchor, direction, None)
    if span is None:
        return UNKNOWN
    return Resolved(weekend_value(span[0]), "interval", direction, True)


def _resolve_offset(parsed: Parsed, anchor: dt.date) -> Resolved:
    if parsed.amount is None or parsed.unit is None:
        return UNKNOWN
    shift = parsed.shift or -1
    day = shift_date(anchor, shift * parsed.amount, parsed.unit)
    if day is None:
        return UNKNOWN
    precision = UNIT_PRECISION.get(parsed.unit, "day")
    value = {
        "day": fmt_day(day),
        "week": fmt_week(day),
        "month": fmt_month(day.year, day.month),
        "year": f"{day.year:04d}",
    }[precision]
    return Resolved(value, precision, _sign(shift), True)
