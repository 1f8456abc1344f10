"""Reference dates: what a relative expression ("hier", "jeudi dernier", "tomorrow") counts from.

By default, the document's publication date. Without one, relative expressions stay unresolved:
a document never borrows another document's date.

A text can set its own reference. Rule: an explicit day-precision date (a day of the month, with or
without its weekday and year) in a sentence that introduces an interview, a broadcast or a speech
becomes the reference of the relative expressions that follow it, when it is not after the
publication date (an announced interview sets nothing):

* interview / broadcast / speech / press conference cues ("invité de l'émission … le vendredi 21
  novembre", "in an interview on Sunday 3 March", "lors de son discours du 3 mars"): every
  relative expression after that date, to the end of the document or the next such reference —
  the transcript and its introduction speak from the day of the interview;
* a reporting verb only ("a déclaré lundi 3 mars", "said on 3 March"): the relative expressions
  inside quotation marks after that date, in the same paragraph — the rest of the article keeps
  speaking from its publication date.

An in-text reference that carries its own year also works without a publication date.

A text without a publication date gives its own years to the calendar dates it writes without
one ("le 7 avril", "en juillet", "du 3 au 5 mai"): the year of the last full date (a day, a
month and a year: "le 8 août 2008") written before them in the same paragraph, else, in a
paragraph that writes none, the latest year the text writes with a month anywhere ("le 6
février 2008", "en août 2008"), the year a news text's undated days most often belong to (a year
alone, "en 1959", is as often the story's background; a deadline, "d'ici à 2030", is none). A
range across the new year ("du 28
décembre au 3 janvier") ends in the next year, the only year not written; a weekday that the
year contradicts leaves the date unresolved. A paragraph that writes a year (with its month or
not) but no full date before a yearless one leaves it unresolved:
"créé en juin et réuni le 5 janvier, … voté en juin 2025" may mean January 2026. A day
so dated sets no reference, and expressions that count from the time of writing ("hier",
"samedi", "l'été prochain", "two weeks ago") stay unresolved there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_YEAR, MAX_YEAR = 1000, 9000
DOCUMENT = "document"
QUOTES = "quotes"

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")

# fmt: off
_INTERVIEW = {
    "fr": re.compile(
        r"\b(?:invit[ée]e?s?|[ée]mission|entretien|interview|interview[ée]e?s?|interrog[ée]e?s?"
        r"|au\s+micro|sur\s+le\s+plateau|matinale|podcast|conf[ée]rence\s+de\s+presse|discours"
        r"|allocution|en\s+direct|d[ée]bat\s+t[ée]l[ée]vis[ée])\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:interview(?:ed)?|broadcast|podcast|speech|address(?:ing)?\s+the|press\s+conference"
        r"|on\s+air|talk\s+show|appearing\s+on|guest\s+on|televised)\b",
        re.IGNORECASE,
    ),
}
_REPORTING = {
    "fr": re.compile(
        r"\b(?:a|ont|avait|avaient)\s+(?:d[ée]clar[ée]|affirm[ée]|dit|indiqu[ée]|expliqu[ée]"
        r"|annonc[ée]|assur[ée]|estim[ée]|lanc[ée]|martel[ée]|confi[ée]|soulign[ée]|r[ée]agi"
        r"|r[ée]pondu|d[ée]nonc[ée])\b|\b(?:d[ée]clare|affirme|explique|assure|estime|annonce)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:said|told|stated|declared|announced|added|says|tells|insisted|warned)\b",
        re.IGNORECASE,
    ),
}
# fmt: on
_OPENING_QUOTES = {"«": "»", "“": "”"}


def parse_date(value: str | None) -> dt.date | None:
    """A publication date as ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day); None when
    absent or invalid."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if match is None:
        return None
    year = int(match.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None  # no news is dated so; keeps the calendar arithmetic in range
    try:
        return dt.date(year, int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def sentence_bounds(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (cut at ``reach`` characters each side)."""
    low = max(0, start - reach)
    left = low
    for match in _SENTENCE_END.finditer(text, low, start):
        left = match.end()
    found = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    right = found.start() if found else min(len(text), end + reach)
    return left, right


def inside_quotes(text: str, low: int, position: int) -> bool:
    """Whether ``position`` is inside a quotation opened after ``low``."""
    segment = text[low:position]
    for opening, closing in _OPENING_QUOTES.items():
        if segment.rfind(opening) > segment.rfind(closing):
            return True
    return segment.count('"') % 2 == 1


@dataclass(frozen=True, slots=True)
class Reference:
    start: int  # where it takes effect
    date: dt.date
    scope: str  # DOCUMENT or QUOTES
    until: int  # QUOTES: the end of the paragraph
    calendar_only: bool = False  # gives their year to dates without one, not to "hier" / "next"
    year_only: bool = False  # a year, not a day: its dates take that year as is


class AnchorTracker:
    """The reference date at each position of one document, updated as its dates are read."""

    def __init__(
        self,
        text: str,
        published: dt.date | None,
        language: str | None,
        *,
        written_years: Sequence[tuple[int, int]] = (),
        year_positions: Sequence[int] = (),
    ) -> None:
        """``written_years``: (position, year) of each year the text writes with a month; without
        a publication date, the latest gives its year to the calendar dates of paragraphs that
        write no year at all (``year_positions``: where any year is written)."""
        self.text = text
        self.published = published
        self.language = "fr" if (language or "").lower().startswith("fr") else "en"
        self.references: list[Reference] = []
        self.latest: Reference | None = None
        self.year_positions = sorted({*year_positions, *(p for p, _ in written_years)})
        latest = max((year for _, year in written_years), default=None)
        if published is None and latest is not None and MIN_YEAR <= latest <= MAX_YEAR:
            self.latest = Reference(
                0, dt.date(latest, 1, 1), DOCUMENT, len(text), calendar_only=True, year_only=True
            )

    def anchor_at(self, position: int, *, calendar: bool = False) -> dt.date | None:
        """The reference at ``position``; ``calendar``: for a date written without its year
        ("le 7 avril", "en juillet"), which an undated text's own dates also anchor."""
        reference = self.reference_at(position, calendar=calendar)
        return self.published if reference is None else reference.date

    def reference_at(self, position: int, *, calendar: bool = False) -> Reference | None:
        """The reference the text sets at ``position``, if any (else the publication date)."""
        paragraph = self.text.rfind("\n", 0, position) + 1
        for reference in reversed(self.references):
            if position < reference.start or (reference.calendar_only and not calendar):
                continue
            if reference.calendar_only and reference.start < paragraph:
                continue  # another paragraph: the text's latest year, below
            if reference.scope == DOCUMENT:
                return reference
            if position < reference.until and inside_quotes(self.text, reference.start, position):
                return reference
        if not calendar or self.latest is None or self._writes_a_year(position):
            return None  # a paragraph that writes a year: which one it means is a guess
        return self.latest

    def _writes_a_year(self, position: int) -> bool:
        """Whether the paragraph around ``position`` writes a year."""
        left = self.text.rfind("\n", 0, position) + 1
        right = self.text.find("\n", position)
        right = len(self.text) if right < 0 else right
        index = bisect.bisect_left(self.year_positions, left)
        return index < len(self.year_positions) and self.year_positions[index] < right

    def observe(
        self, start: int, end: int, day: dt.date, *, written_year: bool = False
    ) -> Reference | None:
        """An explicit day date read at ``text[start:end]`` (``written_year``: with its year):
        a new reference if it sets one."""
        if self.published is not None and day > self.published:
            return None
        left, right = sentence_bounds(self.text, start, end)
        sentence = self.text[left:right]
        if _INTERVIEW[self.language].search(sentence):
            reference = Reference(end, day, DOCUMENT, len(self.text))
        elif _REPORTING[self.language].search(sentence):
            paragraph_end = self.text.find("\n", end)
            until = len(self.text) if paragraph_end < 0 else paragraph_end
            reference = Reference(end, day, QUOTES, until)
        elif self.published is None and written_year:
            # an undated text: the dates it writes without a year ("le 7 avril") take theirs
            # from the full date it wrote last; "hier", "l'été prochain" stay unresolved
            reference = Reference(end, day, DOCUMENT, len(self.text), calendar_only=True)
        else:
            return None
        self.references.append(reference)
        return reference
