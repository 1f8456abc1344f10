"""Figures that disagree: the same claim told with another number.

Two articles that say the same thing of the same people or bodies — their sentences share an
entity and most of their words — but give different figures for the same unit ("pertes de 6,5
milliards d'euros" / "pertes de 6,85 milliards d'euros", "deliberated for 40 hours" / "for 30
hours", "four life sentences" / "seven life sentences") disagree, whatever the subject: tolls,
counts, amounts, durations. A figure is a number (digits, or a number word in French or English)
with its scale and the words of its unit after it, or a currency sign before it.

Words are compared by a light stem (their first letters, folded), so that "pertes" answers "perte"
and "deliberated" "deliberation". Within two sentences of one claim, each figure answers the
figure of its unit whose surroundings (up to the next figure) it shares most, both ways; figures
close in value (within 30 %) in sentences much alike answer each other whatever words surround
them: "déprécier 6,5 milliards" and "perdu 6,85 milliards" said of one bank are one claim told
two ways.

Blocked by (unit, shared entity): never all pairs of sentences.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from recoupe.entities.names import fold
from recoupe.sentences import sentences


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER_WORDS = {
    **dict.fromkeys(("un", "une", "one"), 1),
    **dict.fromkeys(("deux", "two"), 2),
    **dict.fromkeys(("trois", "three"), 3),
    **dict.fromkeys(("quatre", "four"), 4),
    **dict.fromkeys(("cinq", "five"), 5),
    **dict.fromkeys(("six",), 6),
    **dict.fromkeys(("sept", "seven"), 7),
    **dict.fromkeys(("huit", "eight"), 8),
    **dict.fromkeys(("neuf", "nine"), 9),
    **dict.fromkeys(("dix", "ten"), 10),
    **dict.fromkeys(("onze", "eleven"), 11),
    **dict.fromkeys(("douze", "twelve"), 12),
    **dict.fromkeys(("quinze", "fifteen"), 15),
    **dict.fromkeys(("vingt", "twenty"), 20),
    **dict.fromkeys(("trente", "thirty"), 30),
    **dict.fromkeys(("quarante", "forty"), 40),
    **dict.fromkeys(("cinquante", "fifty"), 50),
    **dict.fromkeys(("cent", "hundred"), 100),
}
# "one" and "un/une" are articles and pronouns far more often than counts
_AMBIGUOUS_WORDS = frozenset({"un", "une", "one"})
_SCALES = {
    **dict.fromkeys(("mille", "thousand"), 1e3),
    **dict.fromkeys(("million", "millions", "m", "mn"), 1e6),
    **dict.fromkeys(("milliard", "milliards", "billion", "billions", "bn", "md", "mds"), 1e9),
}
_CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound", "us$": "dollar"}
_UNIT_WORDS = 3  # words read after a number for its unit
_NOT_UNITS = _words(
    """de des du of the le la les a an et and ou or à au aux en in to pour for par by sur on
    avec with qui que that which dont ce cette ces over from after before since than at as but
    were was are is be been have has had will would could should can may might ont est sont
    été sera seront avait avaient étaient était contre against into onto per entre between
    dans within plus more less moins about environ near près vers toward towards depuis
    pendant during until jusqu lors selon soit without sans under sous"""
)
_NOT_CONTENT = _NOT_UNITS | _words(
    """said says told have that this with were they their there them then than from into also
    dans pour avec sont selon cette leur leurs plus mais elle elles nous vous très tout tous
    comme avait avaient être fait faire"""
)
_MONTHS = _words(
    """janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_FIGURE = re.compile(
    r"(?P<currency>US\$|\$|€|£)?\s?"
    r"(?P<number>\d{1,3}(?:[  .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[^\W\d_]+(?![\w$]))"
    r"(?P<percent>\s?%)?"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CLAUSE_END = re.compile(r"[,;:]|\b(?:et|and|mais|but|while|alors que|tandis que)\b", re.I)
_PAIR_END = re.compile(  # "162-139", "1 500-1 200": the first of a pair, before the second
    r"(?<![\w.,])(\d{1,3}(?:[  .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)[-–]$"
)
_SEASON = re.compile(r"(?:1[89]|20)\d\d[-–/]$")  # "2008-" before "09"
_CONTENT_MIN = 4  # letters of a content word
_STEM = 6  # letters of a word compared: "deliberation" / "deliberating"
_MIN_OVERLAP = 0.25  # share of content words two statements of one claim have in common
_MAX_RATIO = 3.0  # figures further apart measure different things
_MAX_BLOCK = 300  # statements compared within one (unit, entity) block, in document order
_NEAR_WORDS = 10  # words read on each side of a figure for what it counts
_NEAR_SHARED = 2  # of them two figures of one claim share at least, unless close in value
_CLOSE = 1.3  # figures this close (30 %) in much alike sentences answer each other
_CLOSE_OVERLAP = 0.5  # share of content words of such much alike sentences


@dataclass(frozen=True, slots=True)
class Figure:
    document: str
    start: int
    end: int
    text: str  # the figure as written, with its unit words
    value: float
    units: frozenset[str]
    near: frozenset[str] = frozenset()  # content words around it: what it counts


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence holding figures, with its entities and content words."""

    document: str
    start: int
    figures: tuple[Figure, ...]
    entities: frozenset[str]
    words: frozenset[str]


def _value(number: str) -> float | None:
    low = number.lower()
    if low in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[low])
    if not low[:1].isdigit():
        return None
    digits = re.sub(r"[  ](?=\d{3})", "", low)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):  # 1,500 / 1.500: thousands
        digits = re.sub(r"[.,]", "", digits)
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def figures_in(document: str, text: str, start: int, end: int) -> list[Figure]:
    """The figures of ``text[start:end]``: a number with its scale and unit words."""
    found = []
    for m in _FIGURE.finditer(text, start, end):
        number = m.group("number")
        if not number[:1].isdigit() and (
            number.lower() not in _NUMBER_WORDS or number.lower() in _AMBIGUOUS_WORDS
        ):
            continue
        begin = m.start() + (len(m.group()) - len(m.group().lstrip()))
        before = text[max(start, begin - 5) : begin]
        if before[-1:].isalnum() or (_SEASON.search(before) and len(number) == 2):
            continue  # inside a word or a code ("A380"), a season's end ("2008-09", "1982-83")
        value = _value(number)
        if value is None:
            continue
        pair = _PAIR_END.search(text, max(start, begin - 20), begin)
        first = _value(pair.group(1)) if pair else None
        if first is not None and first > value and not 1800 <= first <= 2100:
            continue  # a score or a record ("a 162-139 mark"); a range goes up ("200-300 morts")
        if number[:1].isdigit() and len(number) == 4 and 1800 <= value <= 2100:
            continue  # a year
        words = list(_WORD.finditer(text, m.end(), min(end, m.end() + 60)))[: _UNIT_WORDS + 1]
        unit_words: list[re.Match[str]] = []
        scale = 1.0
        units: set[str] = set()
        for w in words:
            gap_from = unit_words[-1].end() if unit_words else m.end()
            if text[gap_from : w.start()].strip(" '’"):
                break  # punctuation: the unit ended
            low = fold(w.group())
            if low in _SCALES and not unit_words:
                scale = _SCALES[low]
                unit_words.append(w)
                continue
            bare = low.split("'")[-1]
            if bare in _NOT_UNITS or w.group()[:1].isupper() or len(units) == _UNIT_WORDS:
                break
            unit_words.append(w)
            units.add(_singular(bare))
            if bare != low:
                break  # "d'euros": an elided complement is the whole unit
        currency = m.group("currency")
        if m.group("percent") or units & {"percent", "pourcent", "pour"}:
            units = {"percent"}
        elif currency:
            units = {_CURRENCIES.get(currency.lower(), currency)}
        if not (units or scale != 1.0) or units & _MONTHS:
            continue  # no unit, or a date ("27 juin")
        stop = unit_words[-1].end() if unit_words else m.end()
        if scale != 1.0:
            units.add(f"x{scale:g}")  # "3,9 milliards" answers "3,7 milliards d'euros"
        found.append(
            Figure(document, begin, stop, text[begin:stop], value * scale, frozenset(units))
        )
    if not found:
        return []
    return [  # the words around each figure, up to its neighbours: theirs are not its words
        replace(f, near=_near(text, low, high, f.start, f.end))
        for f, low, high in zip(
            found,
            [start, *(f.end for f in found[:-1])],
            [*(f.start for f in found[1:]), end],
            strict=True,
        )
    ]


def _near(text: str, start: int, end: int, begin: int, stop: int) -> frozenset[str]:
    """Content words within a few words of a figure in its sentence: before it, and after it
    to the end of its clause ("82 millions à X et 80 millions à Y": X is not the 80's)."""
    before = [w.group() for w in _WORD.finditer(text, max(start, begin - 80), begin)]
    clause = _CLAUSE_END.search(text, stop, end)
    end = clause.start() if clause else end
    after = [w.group() for w in _WORD.finditer(text, stop, min(end, stop + 80))]
    words = before[-_NEAR_WORDS:] + after[:_NEAR_WORDS]
    return frozenset(_stem(w) for w in words if _content(w))


def _stem(word: str) -> str:
    return fold(word).split("'")[-1][:_STEM]  # "l'explosion" answers "explosion"


def _content(word: str) -> bool:
    low = fold(word)
    return len(word) >= _CONTENT_MIN and low not in _NUMBER_WORDS and low not in _NOT_CONTENT


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def statements(
    document: str, text: str, entity_spans: Iterable[tuple[int, int, str]]
) -> list[Statement]:
    """The sentences of ``text`` holding figures; ``entity_spans``: (start, end, entity id)."""
    spans = sorted(entity_spans)
    starts = [s for s, _, _ in spans]
    found = []
    for start, end in sentences(text):
        figures = figures_in(document, text, start, end)
        if not figures:
            continue
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end, first)
        ids = frozenset(e for _, t, e in spans[first:last] if t <= end)
        if not ids:
            continue
        words = frozenset(  # the words of the sentence but its figures'
            _stem(w.group())
            for w in _WORD.finditer(text, start, end)
            if _content(w.group()) and not any(f.start <= w.start() < f.end for f in figures)
        )
        found.append(Statement(document, start, tuple(figures), ids, words))
    return found


def conflicts(found: Iterable[Statement]) -> list[tuple[str, Figure, Figure]]:
    """(shared entity, figure, other figure): one claim, two figures, in two documents."""
    return [(e, a, b) for e, a, b in claims(found) if a.value != b.value]


def claims(found: Iterable[Statement]) -> list[tuple[str, Figure, Figure]]:
    """(shared entity, figure, other figure): two documents telling one claim with a figure of
    one unit each, the same figure or another one — the agreeing ones say who backs each side."""
    blocks: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for statement in found:
        for unit in {u for f in statement.figures for u in f.units}:
            for entity in statement.entities:
                blocks[(unit, entity)].append(statement)
    out: dict[tuple[str, int, str, int], tuple[str, Figure, Figure]] = {}
    for (unit, entity), found_in in sorted(blocks.items()):
        members = found_in[:_MAX_BLOCK]  # a unit and an entity in every article: bounded work
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if a.document == b.document or not _same_claim(a, b):
                    continue
                for fa, fb in _one_claim(a, b, unit):
                    fa, fb = sorted((fa, fb), key=lambda f: (f.document, f.start))
                    out.setdefault((fa.document, fa.start, fb.document, fb.start), (entity, fa, fb))
    return list(out.values())


def _same_claim(a: Statement, b: Statement) -> bool:
    return _overlap(a, b) >= _MIN_OVERLAP


def _overlap(a: Statement, b: Statement) -> float:
    """The share of content words two statements have in common."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def _one_claim(a: Statement, b: Statement, unit: str) -> list[tuple[Figure, Figure]]:
    """The figures of ``unit`` that answer each other in the two statements: each the other's
    best answer (the most words around them shared), equal or not."""
    mine = [f for f in a.figures if unit in f.units]
    theirs = [f for f in b.figures if unit in f.units]
    alike = _overlap(a, b) >= _CLOSE_OVERLAP
    fit = {
        (i, j): _fit(fa, fb, alike=alike)
        for i, fa in enumerate(mine)
        for j, fb in enumerate(theirs)
    }
    return [
        (mine[i], theirs[j])
        for (i, j), score in fit.items()
        if score >= 0
        and all(fit[(i, k)] < score for k in range(len(theirs)) if k != j)
        and all(fit[(k, j)] < score for k in range(len(mine)) if k != i)
    ]


def _fit(fa: Figure, fb: Figure, *, alike: bool = False) -> int:
    """How well two figures answer each other (words shared around them); -1: they do not.
    ``alike``: their sentences are much alike, so that figures close in value answer each
    other whatever words surround them."""
    if fa.value <= 0 or fb.value <= 0:
        return -1
    ratio = max(fa.value, fb.value) / min(fa.value, fb.value)
    if ratio > _MAX_RATIO:
        return -1
    shared = len(fa.near & fb.near)
    if shared < _NEAR_SHARED and not (alike and ratio <= _CLOSE):
        return -1  # the words around them differ: two things counted
    return shared
