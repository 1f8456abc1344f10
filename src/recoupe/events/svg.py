"""A picture of the timeline (SVG, no dependency): dates on a horizontal axis, one dot per event
— filled when it happened, hollow when planned, bigger with more independent sources — intervals
as bars, labels on rows that do not collide, and an arrow from an announcement to the report of
it on another date. Every piece of text is escaped: it comes from scraped pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from html import escape as _escape_html

from recoupe.display import xml_text
from recoupe.store.records import EventRecord
from recoupe.time.dates import bounds

WIDTH, LEFT, RIGHT, TOP, ROW = 1200, 60, 40, 90, 34
_CHAR = 6.6  # average label character width at 12px
_LABEL_CHARS = 52
_COLOURS = {"happened": "#1f5f99", "planned": "#c2410c", "unknown": "#6b7280"}


def escape(text: str) -> str:
    """``text`` safe in an SVG: markup escaped, characters XML forbids replaced."""
    return _escape_html(xml_text(text))


def render(events: Sequence[EventRecord], *, title: str, names: Mapping[str, str]) -> str:
    """The SVG document of ``events`` (those without a date are left out)."""
    dated = [e for e in events if e.date and bounds(e.date)[0] and bounds(e.date)[1]]
    if not dated:
        return _frame(title, 200, ['<text x="60" y="120" class="note">No dated event.</text>'])
    first = min(date.fromisoformat(bounds(e.date or "")[0] or "") for e in dated)
    last = max(date.fromisoformat(bounds(e.date or "")[1] or "") for e in dated)
    first, last = first - timedelta(days=3), last + timedelta(days=3)
    scale = (WIDTH - LEFT - RIGHT) / max(1, (last - first).days)

    def x(day: date) -> float:
        return LEFT + (day - first).days * scale

    rows: list[float] = []  # right edge of the last label on each row
    placed: dict[str, tuple[float, float]] = {}
    body: list[str] = []
    for event in sorted(dated, key=lambda e: bounds(e.date or "")[0] or ""):
        start, end = (date.fromisoformat(b or "") for b in bounds(event.date or ""))
        middle = x(start + (end - start) / 2)
        label = _label(event, names)
        row = _free_row(rows, middle, len(label) * _CHAR + 16)
        y = TOP + 40 + row * ROW
        placed[event.id] = (middle, y)
        body.append(_event(event, x(start), x(end), middle, y, label))
    arrows = [_arrow(placed[e.id], placed[f]) for e in dated if (f := _followed(e)) in placed]
    height = TOP + 80 + len(rows) * ROW
    axis = _axis(first, last, x, height)
    return _frame(title, height, [*axis, *arrows, *body, *_legend(height)])


def _label(event: EventRecord, names: Mapping[str, str]) -> str:
    who = ", ".join(names[e] for e in event.entities[:2] if e in names)
    words = event.text if len(event.text) <= _LABEL_CHARS else event.text[: _LABEL_CHARS - 1] + "…"
    return f"{event.date} · {who + ': ' if who else ''}{words}"[: _LABEL_CHARS + 40]


def _free_row(rows: list[float], left: float, width: float) -> int:
    for index, edge in enumerate(rows):
        if edge < left - 4:
            rows[index] = left + width
            return index
    rows.append(left + width)
    return len(rows) - 1


def _event(event: EventRecord, x0: float, x1: float, middle: float, y: float, label: str) -> str:
    colour = _COLOURS.get(event.status, _COLOURS["unknown"])
    radius = 4 + 2 * min(event.sources, 5)
    fill = colour if event.status == "happened" else "white"
    bar = ""
    if x1 - x0 > 2 * radius:
        bar = (
            f'<rect x="{x0:.1f}" y="{y - 3:.1f}" width="{x1 - x0:.1f}" height="6" '
            f'fill="{colour}" opacity="0.25"/>'
        )
    tip = escape(f"{event.date} ({event.status}, {event.sources} source(s)): {event.text}")
    return (
        f'<g class="event {escape(event.status)}"><title>{tip}</title>{bar}'
        f'<line x1="{middle:.1f}" y1="{TOP + 10}" x2="{middle:.1f}" y2="{y:.1f}" class="stem"/>'
        f'<circle cx="{middle:.1f}" cy="{y:.1f}" r="{radius}" fill="{fill}" stroke="{colour}" '
        f'stroke-width="2"/><text x="{middle + radius + 4:.1f}" y="{y + 4:.1f}">'
        f"{escape(label)}</text></g>"
    )


def _followed(event: EventRecord) -> str | None:
    if event.follow_up and event.follow_up.get("outcome") == "done_other_date":
        return str(event.follow_up.get("event"))
    return None


def _arrow(source: tuple[float, float], target: tuple[float, float]) -> str:
    (x0, y0), (x1, y1) = source, target
    bend = (x0 + x1) / 2, min(y0, y1) - 30
    return (
        f'<path d="M{x0:.1f},{y0:.1f} Q{bend[0]:.1f},{bend[1]:.1f} {x1:.1f},{y1:.1f}" '
        'class="followup" marker-end="url(#arrow)"/>'
    )


def _axis(first: date, last: date, place: Callable[[date], float], height: float) -> list[str]:
    parts = [
        f'<line x1="{LEFT}" y1="{TOP + 10}" x2="{WIDTH - RIGHT}" y2="{TOP + 10}" class="axis"/>'
    ]
    weekly = (last - first).days <= 70
    day = first
    while day <= last:
        tick = day.day == 1 or (weekly and day.weekday() == 0)
        if tick:
            pos = place(day)
            text = day.strftime("%d %b") if weekly else day.strftime("%b %Y")
            parts.append(
                f'<line x1="{pos:.1f}" y1="{TOP + 4}" x2="{pos:.1f}" y2="{height - 50}" '
                'class="grid"/>'
                f'<text x="{pos + 3:.1f}" y="{TOP}" class="tick">{escape(text)}</text>'
            )
        day += timedelta(days=1)
    return parts


def _legend(height: float) -> list[str]:
    y = height - 24
    return [
        f'<circle cx="{LEFT}" cy="{y}" r="6" fill="{_COLOURS["happened"]}"/>'
        f'<text x="{LEFT + 12}" y="{y + 4}" class="note">happened</text>',
        f'<circle cx="{LEFT + 110}" cy="{y}" r="6" fill="white" '
        f'stroke="{_COLOURS["planned"]}" stroke-width="2"/>'
        f'<text x="{LEFT + 122}" y="{y + 4}" class="note">planned</text>',
        f'<text x="{LEFT + 210}" y="{y + 4}" class="note">bigger dot: more independent sources; '
        "bar: a period; arrow: announced, then done on another date</text>",
    ]


def _frame(title: str, height: float, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">'
        "<style>.axis{stroke:#111;stroke-width:1.5}.grid{stroke:#e5e7eb}.stem{stroke:#d1d5db}"
        ".tick{fill:#374151;font-size:11px}.note{fill:#374151}.followup{fill:none;stroke:#c2410c;"
        "stroke-dasharray:4 3}</style>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#c2410c"/>'
        "</marker></defs>"
        f'<rect width="100%" height="100%" fill="white"/>'
        f'<text x="{LEFT}" y="32" font-size="18" font-weight="bold">{escape(title)}</text>'
        + "".join(parts)
        + "</svg>"
    )
