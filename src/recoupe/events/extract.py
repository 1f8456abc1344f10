"""Stage ``recoupe.events.v1``: each dated happening stated in a document.

A sentence with a resolved date (not a duration) states an event when it names an entity, a kind
of happening, or, in the date's own clause, a verb that tells something happening — a past or a
future form, or a French passive told in the present ("The building was constructed in 1935",
"Le 10 octobre, il est averti"; not a state: "Aujourd'hui, la ville est triste", "It was a cold
day on January 5", "Le musée est fermé le 25 décembre"): its date, the entities named in the
sentence, and its status — ``planned`` when the date is after the document's reference date
or the sentence announces it, ``happened`` when the date is past and the sentence reports it.
A state told since a date ("président du directoire depuis 1999", "with Apple since November
2008") is dated by its start (in a document without a date, only when the year is written); a
bound ("jusqu'au 15 mars") dates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recoupe.entities.model import Mention
from recoupe.events.lexicon import classes, is_cancelled, tells_happening, tense
from recoupe.events.model import EventFact, TimexLike
from recoupe.sentences import sentences
from recoupe.time.dates import bounds

_YEAR = re.compile(r"\b\d{4}\b")
_PRECISIONS = (  # the shape of a start's value: "1999", "1999-03", "1999-03-03", "2024-W08"
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
)


def find_events(
    text: str,
    timexes: Sequence[TimexLike],
    mentions: Sequence[Mention],
    *,
    reference: str | None,
    language: str | None = None,
) -> list[EventFact]:
    """Events stated in ``text``; ``reference`` is the document's date (YYYY-MM-DD) or None;
    ``language`` ("fr", "en") reads the verbs of a sentence that names no one."""
    spans = sentences(text)
    events = []
    for timex in timexes:
        if timex.kind != "date" or not timex.value or timex.value.startswith(".."):
            continue  # "jusqu'au 15 mars", "until March": a bound, no happening
        # "président depuis 1999", "with Apple since November 2008": the state began then —
        # in a document without a date, only when the year is written ("depuis septembre" may
        # be of any year)
        value = timex.value.removesuffix("/..")
        precision = timex.precision
        if value != timex.value:
            if reference is None and not _YEAR.search(timex.text):
                continue
            precision = next((p for shape, p in _PRECISIONS if shape.fullmatch(value)), precision)
        start, end = next(
            ((s, e) for s, e in spans if s <= timex.start < e), (timex.start, timex.end)
        )
        sentence = text[start:end]
        inside = tuple(i for i, m in enumerate(mentions) if start <= m.start and m.end <= end)
        kinds = classes(
            _OTHER_HAPPENING.sub(" ", _clause(text, start, end, timex.start, timex.end))
        )
        own = _own_clause(text, start, end, timex)
        if not inside and not kinds and not tells_happening(own, language):
            continue  # "aujourd'hui, je suis triste": a date, but nothing that happens to anyone
        events.append(
            EventFact(
                start=start,
                end=end,
                date_start=timex.start,
                date_end=timex.end,
                date=value,
                precision=precision,
                status=status(value, sentence, timex.direction, reference),
                mentions=inside,
                classes=kinds,
                cancelled=is_cancelled(sentence),
            )
        )
    return events


# "Le 18 novembre, après la mort de X": the date is not the death's. A happening introduced by
# "après", "avant", "depuis", "after", "following" ... is another one than the dated one.
_OTHER_HAPPENING = re.compile(
    r"(?<!\w)(?:après|avant|depuis|suite à|à la suite d[eu']|after|before|since|following)\s+"
    r"(?:(?:la|le|les|l'|l’|son|sa|ses|leur|the|a|an|his|her|their)\s*)?[\w’'-]+",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:–—()]|\s-\s")
_OWN_CLAUSE_MARK = re.compile(r"(?<!\d),|,(?!\d)|[;:–—()]|\s-\s")  # "1,1 %" cuts no clause
_CLAUSE_REACH = 90


def _clause(text: str, start: int, end: int, date_start: int, date_end: int) -> str:
    """The words around a date within its sentence: up to the clause marks on each side, and
    at least the neighbouring words when the date opens or closes a clause."""
    left = max(start, date_start - _CLAUSE_REACH)
    right = min(end, date_end + _CLAUSE_REACH)
    marks_before = [m.end() for m in _CLAUSE_MARK.finditer(text, left, date_start)]
    marks_after = [m.start() for m in _CLAUSE_MARK.finditer(text, date_end, right)]
    low = marks_before[-2] if len(marks_before) >= 2 else left
    high = marks_after[1] if len(marks_after) >= 2 else right
    return text[low:high]


def _own_clause(text: str, start: int, end: int, timex: TimexLike) -> str:
    """The date's own clause: from the clause mark before it to the one after it, within its
    sentence ("The average in July is 30 degrees, a record last reached in 2003": July's clause
    tells nothing happening), and the next one when the date stands alone in its own ("In 1983,
    it was forced to …")."""
    before = [m.end() for m in _OWN_CLAUSE_MARK.finditer(text, start, timex.start)]
    low = before[-1] if before else start
    after = _OWN_CLAUSE_MARK.search(text, timex.end, end)
    if (
        after is not None
        and len((text[low : timex.start] + text[timex.end : after.start()]).split()) < 3
    ):
        after = _OWN_CLAUSE_MARK.search(text, after.end(), end)  # "In 1983, it was forced to …"
    return text[low : after.start() if after else end]


def status(value: str, sentence: str, direction: str, reference: str | None) -> str:
    """``planned``, ``happened`` or ``unknown`` for an event dated ``value``."""
    first, last = bounds(value)
    if reference is not None and first is not None and first > reference:
        return "planned"
    said = tense(sentence)
    if said == "future" or direction == "future":
        return "planned"
    if reference is not None and last is not None and last <= reference:
        return "happened"
    if said == "past" or direction == "past":
        return "happened"
    return "unknown"
