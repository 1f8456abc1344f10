"""Finding French and English temporal expressions, and the direction of their clause.

:func:`find_timexes` scans the words of a text once; the few words that can start an expression
(a number, a weekday, a month, "hier", "semaine", "yesterday", "chaque" …) try the patterns of
their family, anchored there; what precedes the match ("le", "depuis", "mi-", "la fin de", "last",
"early") is read by one backward-anchored pattern. Values come from
:mod:`recoupe.time.normalize`, reference dates from :mod:`recoupe.time.anchor`.

Spans: a determiner, a part of a period ("mi-", "début", "fin", "early", "the end of") and the
signals that change the value ("depuis", "jusqu'au", "since", "until", "il y a", "du … au",
"between … and") are part of the expression; plain prepositions ("en", "le" of "dès le", "in",
"on") are not.

Direction of an underspecified expression ("jeudi", "en janvier", "in March", "le 18 novembre"):
the nearest tense or modality cue in the clause (cut at commas, "que", "that" …), else in the
sentence (a dozen words each side): future / planned cues ("prévoit", "doit", "devrait", "va" +
infinitive, future and conditional endings, "sera", "prévu", "will", "would", "plans to", "is due
to", "is expected to", "set to", "going to", "to be" + participle) resolve it to the next
occurrence; past cues (an auxiliary with a participle, the imparfait, "hier", "dernier", "was",
"had", "has" + participle, "-ed" verbs, irregular past forms, "ago", "last") to the last; no cue:
the nearest occurrence (a bare weekday: the past one). A participle after "be" ("to be formally
launched") is not a past cue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from recoupe.time import normalize
from recoupe.time.anchor import AnchorTracker, parse_date, sentence_bounds
from recoupe.time.normalize import FUTURE, NONE, PAST, Parsed


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: ``text == document_text[start:end]``.

    ``value``: a schema date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``, ``START/END``,
    ``START/..``, ``../END``), None when unresolvable (and for durations and sets). ``precision``:
    day, week, month, season, year, interval or unknown. ``kind``: date (intervals too),
    duration, set or time (reduced to its day). ``anchor``: the reference date used (YYYY-MM-DD)
    when the value depends on one. ``direction``: past, future or none — how an underspecified
    expression was resolved.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    kind: str
    anchor: str | None
    direction: str


@dataclass(frozen=True, slots=True)
class _Left:
    """What precedes a core expression: signal, part of a period, noun, determiner."""

    start: int  # where the span starts once the kept words are included
    sig_start: int  # where the signal word starts (or ``start``)
    sig: str
    part: str
    noun: str
    det: str


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    parsed: Parsed
    explicit_day: bool = False  # a day of the month is written: can set a reference date
    clock: bool = False  # a bare clock time: takes the day of an adjacent date


_NO_LEFT = _Left(0, 0, "", "", "", "")

# --- shared pieces ------------------------------------------------------------------------------

_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
_SHORT_YEAR = r"['’]?\d\d(?![\d\w])"
_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s*")
_NEXT_WORD = re.compile(r"\s*([^\s]+)")

# --- French -------------------------------------------------------------------------------------

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11,
    "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip
_FR_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
_FR_SEASONS = {
    "printemps": "spring", "été": "summer", "ete": "summer", "eté": "summer", "automne": "autumn",
    "hiver": "winter",
}  # fmt: skip
_FR_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
    "quelques": None, "plusieurs": None,
}  # fmt: skip
_FR_UNITS = {
    "seconde": "second", "minute": "minute", "heure": "hour", "jour": "day", "journée": "day",
    "journee": "day", "semaine": "week", "mois": "month", "an": "year", "année": "year",
    "annee": "year", "décennie": "decade", "decennie": "decade", "siècle": "century",
    "siecle": "century", "trimestre": "quarter", "semestre": "half",
}  # fmt: skip

_FR_D = r"(?:1\s?er|1ᵉʳ|premier|0?[1-9]|[12]\d|3[01])(?![\d,.]\d)(?!\d)"
_FR_M = (
    r"(?:(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre"
    r"|d[ée]cembre)(?!\w)|(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\.)"
)
_FR_WD = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?!\w)"
_FR_MOD = r"(?:derni[eè]re?s?|prochaine?s?|pass[ée]e?s?)(?!\w)"
_FR_TOD = (
    r"(?:(?:en\s+)?(?:d[ée]but|fin)\s+(?:de\s+)?(?:matin[ée]e|soir[ée]e|apr[eè]s-midi|journ[ée]e)"
    r"|au\s+matin|matin|soir|apr[eè]s-midi|midi|soir[ée]e|nuit)(?!\w)"
)
_FR_NUM_WORD = "|".join(sorted((w for w in _FR_NUMBERS if w), key=len, reverse=True))
_FR_NUM = rf"(?:\d+(?:[.,]\d+)?|(?:{_FR_NUM_WORD})(?:-(?:et-)?(?:{_FR_NUM_WORD}))*)(?!\w)"
_FR_UNIT = (
    r"(?:secondes?|minutes?|heures?|jours?|journ[ée]es?|semaines?|mois|ans|ann[ée]es?|an"
    r"|d[ée]cennies?|si[èe]cles?|trimestres?|semestres?)(?!\w)"
)
_FR_SUFFIX = re.compile(
    rf"(?:\s+(?P<mod>{_FR_MOD}))?(?:\s*,?\s+(?P<tod>{_FR_TOD}))?", re.IGNORECASE
)

_FR_LEFT = re.compile(
    r"(?<![\w'’-])"
    r"(?:(?P<sig>depuis|jusqu['’]\s?(?:au|à|a|en|aux)|jusque\s+(?:au|à|en)"
    r"|d['’]ici(?:\s+(?:à|au|la\s+fin\s+d[eu]|le|la))?|dès|à\s+partir\s+d(?:u|e\s+la|e)"
    r"|du|entre|de|d['’]|il\s+y\s+a(?:\s+(?:environ|près\s+de|plus\s+de|moins\s+de))?|dans"
    r"|pendant|durant|en|au|aux|à|vers|avant|après|courant|chaque|tous|toutes|sur|pour|lors\s+de"
    r"|avant\s+le|après\s+le)(?:\s+|(?<=['’])))?"
    r"(?P<part>(?:(?:à|en|au|dès|vers|depuis)\s+)?(?:la\s+|le\s+)?"
    r"(?:fin|d[ée]but|milieu|mi)(?:\s*-\s*|\s+)(?:(?:du|de\s+la|de\s+l['’]|de|d['’])\s*)?)?"
    r"(?P<noun>(?:(?:les\s+|le\s+|ce\s+)?mois|la\s+saison|l['’]ann[ée]e|l['’]an|ann[ée]e|saison)"
    r"(?:\s+(?:de\s+l['’]|de\s+|d['’])|\s+))?"
    r"(?:(?P<det>le|la|les|l['’]|ce|cet|cette|ces|ce\s+même|cette\s+même)(?:\s+|(?<=['’])))?"
    r"\Z",
    re.IGNORECASE,
)

_FR_PATTERNS = {
    "numeric": re.compile(
        r"(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<y>\d{4}|\d\d)(?![\d/.]\d)"
    ),
    "iso": re.compile(
        r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
    ),
    "day_range": re.compile(
        rf"(?:(?P<wd1>{_FR_WD})\s+)?(?P<d1>{_FR_D})(?:\s+(?P<m1>{_FR_M})(?:\s+(?P<y1>{_YEAR}))?)?"
        rf"\s*(?P<conn>au|à|et|-|–)\s*(?:le\s+)?(?:(?P<wd2>{_FR_WD})\s+)?(?P<d2>{_FR_D})\s+"
        rf"(?P<m2>{_FR_M})(?:\s+(?P<y2>{_YEAR}))?",
        re.IGNORECASE,
    ),
    "day": re.compile(
        rf"(?:(?P<wd>{_FR_WD})\s*,?\s+)?(?P<d>{_FR_D})\s+(?P<m>{_FR_M})"
        rf"(?:\s+(?P<y>{_YEAR})|\s+(?P<yy>{_SHORT_YEAR}))?",
        re.IGNORECASE,
    ),
    "month_range": re.compile(
        rf"(?P<m1>{_FR_M})(?:\s+(?P<y1>{_YEAR}))?\s*(?P<conn>à|au|et|-|–)\s*"
        rf"(?:(?:fin|d[ée]but|mi)(?:\s*-\s*|\s+))?(?P<m2>{_FR_M})(?:\s+(?P<y2>{_YEAR}))?",
        re.IGNORECASE,
    ),
    "month": re.compile(
        rf"(?P<m>{_FR_M})(?:\s+(?P<y>{_YEAR})|\s+(?P<yy>{_SHORT_YEAR}))?", re.IGNORECASE
    ),
    "year_range": re.compile(
        rf"(?P<y1>{_YEAR})\s*(?P<conn>-|–|/|à|au|et)\s*(?P<y2>{_YEAR}|\d\d(?!\d))", re.IGNORECASE
    ),
    "year": re.compile(_YEAR),
    "decade": re.compile(r"ann[ée]es\s+(?P<dec>(?:1[5-9]|20)?\d0)(?!\d)", re.IGNORECASE),
    "clock": re.compile(
        r"(?P<h>[01]?\d|2[0-3])(?:\s?h\s?(?P<mi>[0-5]\d)?(?:\s?min)?|:(?P<mi2>[0-5]\d))(?!\w)",
        re.IGNORECASE,
    ),
    "noon": re.compile(r"(?:midi|minuit)(?!\w)", re.IGNORECASE),
    "duration": re.compile(
        rf"(?P<n>{_FR_NUM})\s+(?:(?:bonnes?|longues?|petites?|derni[eè]res?|prochaines?)\s+)?"
        rf"(?P<u>{_FR_UNIT})",
        re.IGNORECASE,
    ),
    "deictic": re.compile(
        rf"(?P<w>avant-hier|apr[eè]s-demain|aujourd['’]\s?hui|hier|demain)"
        rf"(?:\s*,?\s+(?P<wd>{_FR_WD}))?(?:\s+(?P<tod>{_FR_TOD}))?(?!\w)",
        re.IGNORECASE,
    ),
    "tod": re.compile(r"(?P<tod>matin|soir|nuit|apr[eè]s-midi|soir[ée]e|matin[ée]e)(?!\w)", re.I),
    "unit": re.compile(
        r"(?P<u>semaine|mois|ann[ée]e|an|week-end|weekend|trimestre)(?P<ci>-ci|-l[àa])?"
        r"(?:\s+(?P<mod>derni[eè]re?|prochaine?|pass[ée]e?|en\s+cours|suivante?|pr[ée]c[ée]dente?))?"
        r"(?!\w)(?:\s+(?P<y>" + _YEAR + "))?",
        re.IGNORECASE,
    ),
    "season": re.compile(
        rf"(?P<s>printemps|[ée]t[ée]|automne|hiver)(?!\w)(?:\s+(?P<y>{_YEAR})"
        rf"(?:\s*[-/]\s*(?:{_YEAR}|\d\d(?!\d)))?)?",
        re.IGNORECASE,
    ),
    "weekday": re.compile(rf"(?P<wd>{_FR_WD})", re.IGNORECASE),
    "weekdays": re.compile(r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s(?!\w)", re.I),
    "set": re.compile(
        r"(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?:deux|trois|quatre|cinq|six|dix|quinze|\d+)"
        rf"\s+)?(?:{_FR_UNIT}|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
        r"|matins?|soirs?|nuits?|week-ends?|[ée]t[ée]s?|hivers?|printemps|automnes?)(?!\w)",
        re.IGNORECASE,
    ),
}

# --- English ------------------------------------------------------------------------------------

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_EN_SEASONS = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter",
}  # fmt: skip
_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a": 1, "an": 1, "several": None, "few": None, "many": None,
}  # fmt: skip
_EN_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century", "quarter": "quarter",
}  # fmt: skip

_EN_D = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d,.]\d)(?!\d)"
_EN_M = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?!\w)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_EN_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_EN_TOD = r"(?:night|morning|afternoon|evening|midday|lunchtime)(?!\w)"
_EN_NUM_WORD = "|".join(
    sorted((w for w in _EN_NUMBERS if w not in ("a", "an")), key=len, reverse=True)
)
_EN_NUM = (
    rf"(?:\d+(?:[.,]\d+)?|(?:a\s+few|a|an|{_EN_NUM_WORD})(?:-(?:{_EN_NUM_WORD}))*"
    r"(?:\s+and\s+a\s+half)?)(?!\w)"
)
_EN_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))(?!\w)"
)
_EN_SUFFIX = re.compile(rf"(?:\s+(?P<tod>{_EN_TOD}))?", re.IGNORECASE)

_EN_LEFT = re.compile(
    r"(?<![\w'’-])"
    r"(?:(?P<sig>since|until|till|through|by|from|between|before|after|during|in|on|at|as\s+of"
    r"|of|for|within|over|every|each|starting|beginning|ahead\s+of|around|throughout|to)\s+)?"
    r"(?P<part>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|first\s+half"
    r"|second\s+half)\s+of\s+|(?:early|mid|late)(?:\s*-\s*|\s+)|mid-)?"
    r"(?:(?P<det>the|this|that|last|next|past|coming|previous|earlier\s+this|later\s+this"
    r"|this\s+past|the\s+(?:first|second|third|fourth|last)|first|second|third|fourth)"
    r"(?:\s+|-))?"
    r"\Z",
    re.IGNORECASE,
)

_EN_PATTERNS = {
    "numeric": re.compile(
        r"(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
        r"(?P<y>\d{4}|\d\d)(?![\d/.]\d)"
    ),
    "iso": _FR_PATTERNS["iso"],
    "day_range": re.compile(
        rf"(?P<d1>{_EN_D})(?:\s+(?:of\s+)?(?P<m1>{_EN_M}))?\s*(?P<conn>-|–|to|and|until|through)"
        rf"\s*(?:the\s+)?(?P<d2>{_EN_D})\s+(?:of\s+)?(?P<m2>{_EN_M})(?:\s*,?\s*(?P<y2>{_YEAR}))?"
    ),
    "month_day_range": re.compile(
        rf"(?P<m1>{_EN_M})\s+(?P<d1>{_EN_D})\s*(?P<conn>-|–|to|and|until|through)\s*"
        rf"(?:(?P<m2>{_EN_M})\s+)?(?P<d2>{_EN_D})(?:\s*,?\s*(?P<y2>{_YEAR}))?"
    ),
    "day": re.compile(
        rf"(?:(?P<wd>{_EN_WD})\s*,?\s+)?(?:the\s+)?(?P<d>{_EN_D})\s+(?:of\s+)?(?P<m>{_EN_M})"
        rf"(?:\s*,?\s*(?P<y>{_YEAR}))?"
    ),
    "month_day": re.compile(
        rf"(?:(?P<wd>{_EN_WD})\s*,?\s+)?(?P<m>{_EN_M})\s+(?:the\s+)?(?P<d>{_EN_D})"
        rf"(?:\s*,?\s*(?P<y>{_YEAR}))?"
    ),
    "month_range": re.compile(
        rf"(?P<m1>{_EN_M})(?:\s+(?P<y1>{_YEAR}))?\s*(?P<conn>-|–|to|and|through|until)\s*"
        rf"(?P<m2>{_EN_M})(?:\s*,?\s*(?P<y2>{_YEAR}))?"
    ),
    "month": re.compile(
        rf"(?P<m>{_EN_M})(?:\s*,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<yy>['’]\d\d)(?![\d\w]))?"
    ),
    "year_range": re.compile(
        rf"(?P<y1>{_YEAR})\s*(?P<conn>-|–|/|to|and|through|until)\s*(?P<y2>{_YEAR}|\d\d(?!\d))"
    ),
    "year": re.compile(_YEAR),
    "decade": re.compile(r"(?P<dec>(?:1[5-9]|20)\d0)['’]?s(?!\w)"),
    "short_decade": re.compile(r"(?P<dec>\d0)s(?!\w)"),
    "quarter": re.compile(rf"Q(?P<q>[1-4])(?:\s*(?P<y>{_YEAR}|['’]\d\d(?!\d)))?(?!\w)"),
    "clock": re.compile(
        r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*[ap]\.?\s?m\b\.?)?"
        r"(?:\s*(?:UTC|GMT|ET|EST|EDT|PST|PDT|BST|CET|local\s+time)\b)?"
        r"|(?P<h2>1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
        re.IGNORECASE,
    ),
    "noon": re.compile(r"(?:noon|midnight)(?!\w)", re.IGNORECASE),
    "duration": re.compile(
        rf"(?P<n>{_EN_NUM})(?:\s+|-)(?:(?:more|full|long|short|straight|consecutive)\s+)?"
        rf"(?P<u>{_EN_UNIT})(?P<ago>\s+ago(?!\w))?",
        re.IGNORECASE,
    ),
    "deictic": re.compile(
        rf"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
        rf"|tomorrow|tonight)(?:\s+(?P<tod>{_EN_TOD}))?(?!\w)",
        re.IGNORECASE,
    ),
    "tod": re.compile(rf"(?P<tod>{_EN_TOD})", re.IGNORECASE),
    "unit": re.compile(
        r"(?P<u>week|month|year|weekend|week-end|quarter)(?!\w)"
        rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?",
        re.IGNORECASE,
    ),
    "season": re.compile(
        rf"(?P<s>spring|summer|autumn|fall|winter)(?!\w)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?",
        re.IGNORECASE,
    ),
    "weekday": re.compile(rf"(?P<wd>{_EN_WD})"),
    "weekdays": re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s(?!\w)"),
    "set": re.compile(
        r"(?:every|each)\s+(?:(?:other|two|three|four|five|six|ten|\d+)\s+)?"
        rf"(?:{_EN_UNIT}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
        r"|mornings?|nights?|evenings?|weekends?|summers?|winters?)(?!\w)",
        re.IGNORECASE,
    ),
    "ago": re.compile(
        rf"(?<![\w'’-])(?P<n>a|an|one|a\s+few|several)\s+(?P<u>{_EN_UNIT})\s+\Z", re.IGNORECASE
    ),
}


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# words that may follow a bare year ("en 2020 et", "in 2009 out of London")
_FUNCTION_WORDS = _wordset(
    """et ou à au aux en le la les un une des du de d dans par pour sur avec sans puis qui que qu
    il elle ils elles on nous vous je ce cette a ont est sont était avait sera alors lors où
    mais donc déjà encore aussi après avant contre entre selon lorsque quand comme plus moins ne
    n se s y l and or to in on at by for from with of the a an as when after before but it he
    she they we is was were will has had have out that which while until since through its his
    her their this these those be been being are would could should may might did does do not
    also only"""
)
_STRONG_YEAR_SIGNALS = _wordset(
    """en depuis dès jusqu'en jusqu’en d'ici d’ici vers avant après in since until till by from
    during before after through throughout"""
)
_OPEN_START = frozenset({"depuis", "since"})
_OPEN_END_PREFIXES = ("jusqu", "d'ici", "d’ici", "until", "till", "by", "through")
_RANGE_SIGNALS = frozenset({"du", "de", "d'", "d’", "entre", "from", "between"})
_KEPT_SIGNALS = ("depuis", "jusqu", "d'ici", "d’ici", "il y a", "since", "until", "till")
_MODS = {
    "dernier": "last", "derniere": "last", "dernière": "last", "derniers": "last",
    "dernières": "last", "dernieres": "last", "passé": "last", "passée": "last",
    "passe": "last", "passee": "last", "passés": "last", "passées": "last", "prochain": "next",
    "prochaine": "next", "prochains": "next", "prochaines": "next", "last": "last",
    "next": "next", "this": "this", "ce": "this", "cet": "this", "cette": "this",
    "coming": "next", "this past": "last", "ce même": "this", "cette même": "this",
    "earlier this": "this", "later this": "this",
}  # fmt: skip


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split())


def _month_number(word: str, table: dict[str, int]) -> int:
    return table[_norm(word).rstrip(".")]


def _day_number(word: str) -> int:
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else 1  # "premier"


def _number(word: str, table: dict[str, int | None]) -> int | None:
    """ "dix-huit" = 18, "vingt-et-un" = 21, "quatre-vingts" = 80; None for "quelques"."""
    text = _norm(word).replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        value = float(text)
        return int(value) if value.is_integer() else None
    text = text.replace(" and a half", "").replace("a few", "few")
    total = 0
    for piece in re.split(r"-(?:et-)?", text):
        part = table.get(piece)
        if part is None:
            return None
        total = total * part if part in (20, 100) and total and total < part else total + part
    return total


# --- the grammar of one language ----------------------------------------------------------------

Handler = Callable[["_Grammar", str, int], list[_Found] | None]


class _Grammar:
    """Triggers, patterns and cues of one language."""

    def __init__(self, language: str) -> None:
        self.fr = language == "fr"
        self.patterns = _FR_PATTERNS if self.fr else _EN_PATTERNS
        self.left_re = _FR_LEFT if self.fr else _EN_LEFT
        self.months = _FR_MONTHS if self.fr else _EN_MONTHS
        self.weekdays = _FR_WEEKDAYS if self.fr else _EN_WEEKDAYS
        self.seasons = _FR_SEASONS if self.fr else _EN_SEASONS
        self.numbers: dict[str, int | None] = _FR_NUMBERS if self.fr else _EN_NUMBERS
        self.units = _FR_UNITS if self.fr else _EN_UNITS
        self.suffix = _FR_SUFFIX if self.fr else _EN_SUFFIX
        self.triggers = self._triggers()

    def _triggers(self) -> dict[str, tuple[Handler, ...]]:
        table: dict[str, tuple[Handler, ...]] = {}

        def add(words: Iterable[str], *handlers: Handler) -> None:
            for word in words:
                table[word] = table.get(word, ()) + handlers

        add((m.rstrip(".") for m in self.months), _month_handler)
        add(self.weekdays, _weekday_handler)
        add((w + "s" for w in self.weekdays), _weekdays_handler)
        add(self.seasons, _season_handler)
        add((w for w in self.numbers if w not in ("a", "an", "few", "many")), _duration_handler)
        if self.fr:
            add(("hier", "demain", "aujourd", "avant", "après", "apres"), _deictic_handler)
            add(("matin", "soir", "nuit", "après", "apres", "soirée", "matinée"), _tod_handler)
            add(
                ("semaine", "mois", "année", "annee", "an", "week", "weekend", "trimestre"),
                _unit_handler,
            )
            add(("années", "annees"), _decade_handler)
            add(("chaque", "tous", "toutes"), _set_handler)
            add(("midi", "minuit"), _noon_handler)
        else:
            add(("yesterday", "today", "tomorrow", "tonight", "the"), _deictic_handler)
            add(("night", "morning", "afternoon", "evening"), _tod_handler)
            add(("week", "month", "year", "weekend", "quarter"), _unit_handler)
            add(("every", "each"), _set_handler)
            add(("noon", "midnight"), _noon_handler)
            add(("ago",), _ago_handler)
            add(("q1", "q2", "q3", "q4"), _quarter_handler)
            add(("few",), _duration_handler)
        return table

    # -- left context --

    def left(self, text: str, start: int) -> _Left:
        low = max(0, start - 48)
        match = self.left_re.search(text, low, start)
        if match is None or match.start() == start:
            return replace(_NO_LEFT, start=start, sig_start=start)
        sig, part, det = (
            match.group("sig") or "",
            match.group("part") or "",
            match.group("det") or "",
        )
        noun = match.groupdict().get("noun") or ""
        keep = start
        for name, value in (("det", det), ("noun", noun), ("part", part)):
            if value and not (name == "det" and _norm(value) == "the" and not part):
                keep = min(keep, match.start(name))
        if sig and _norm(sig).startswith(_KEPT_SIGNALS):
            keep = min(keep, match.start("sig"))
        sig_start = match.start("sig") if sig else keep
        return _Left(keep, sig_start, _norm(sig), _norm(part), _norm(noun), _norm(det))

    def mod_of(self, left: _Left, written: str | None) -> str | None:
        if written:
            return _MODS.get(_norm(written).split()[0].rstrip("s"), _MODS.get(_norm(written)))
        if left.det in _MODS:
            return _MODS[left.det]
        return None


# --- helpers for handlers -----------------------------------------------------------------------


def _suffix(grammar: _Grammar, text: str, end: int) -> tuple[int, str | None, bool]:
    """After a core expression: a modifier ("dernier") and a time of day ("soir")."""
    match = grammar.suffix.match(text, end)
    if match is None or match.end() == end:
        return end, None, False
    groups = match.groupdict()
    return match.end(), groups.get("mod"), bool(groups.get("tod"))


def _open_of(left: _Left) -> str | None:
    if left.sig in _OPEN_START:
        return "start"
    if left.sig.startswith(_OPEN_END_PREFIXES):
        return "end"
    return None


def _kind(tod: bool) -> str:
    return "time" if tod else "date"


def _capitalised_mid_sentence(text: str, start: int) -> bool:
    """A capitalised word that does not open a sentence or a line (a name, in French)."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return bool(before) and before[-1] not in '.!?\n:«"“—–-(' and text[start].isupper()


def _year_context(grammar: _Grammar, text: str, start: int, end: int, left: _Left) -> bool:
    """Whether a bare four-digit number reads as a year."""
    if left.part or left.noun or (left.sig and left.sig in _STRONG_YEAR_SIGNALS):
        return True
    before = text[max(0, start - 2) : start]
    if re.search(r"[\d$€£¥]\s?$|[.,]$", before):
        return False
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return True
    word = following.group(1)
    if word[0] in "%€$£" or word[0].isdigit() or word.lower().startswith(("ans", "years")):
        return False
    if not word[0].isalpha():
        return True
    if word[0].isupper() or _norm(word).strip(".,;:") in _FUNCTION_WORDS:
        return True
    if grammar.fr:
        return False
    before_words = _norm(text[max(0, start - 30) : start]).split()[-3:]
    if before_words and before_words[-1] in _POSSESSIVES | {"the"}:
        return True
    # "a 1999 incident", "his failed 2005 bid": a determiner, at most two words, the year,
    # a singular noun (a plural after an article is more often a count: "the 2000 soldiers")
    plausible = text[start:end].isdigit() and 1900 <= int(text[start:end]) <= 2099
    return (
        plausible
        and any(w in _YEAR_DETERMINERS for w in before_words)
        and (not word.lower().endswith("s") or any(w in _POSSESSIVES for w in before_words))
    )


_POSSESSIVES = frozenset(("its", "'s", "his", "her", "their", "our"))
_YEAR_DETERMINERS = _POSSESSIVES | {"the", "a", "an", "this"}


def _month_context(text: str, left: _Left, start: int, grammar: _Grammar, rich: bool) -> bool:
    """A bare month name needs a year, a day or something before it ("en", "mi-", "last")."""
    if rich:
        return True
    if grammar.fr and _capitalised_mid_sentence(text, start):
        return False
    return bool(left.sig or left.part or left.noun or left.det in _MODS)


def _parsed_day(
    grammar: _Grammar, match: re.Match[str], suffix_mod: str | None, left: _Left
) -> Parsed:
    groups = match.groupdict()
    weekday = groups.get("wd")
    year = groups.get("y")
    short = groups.get("yy")
    return Parsed(
        year=int(year) if year else None,
        short_year=int(short.strip("'’")) if short and not year else None,
        month=_month_number(groups["m"], grammar.months),
        day=_day_number(groups["d"]),
        weekday=grammar.weekdays[_norm(weekday)] if weekday else None,
        mod=grammar.mod_of(left, suffix_mod),
        open=_open_of(left),
    )


# --- handlers -----------------------------------------------------------------------------------


def _digit_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    for name in ("numeric", "iso"):
        match = grammar.patterns[name].match(text, pos)
        numeric = _numeric(grammar, text, match, name) if match is not None else None
        if numeric:
            return numeric
    match = grammar.patterns["day_range"].match(text, pos)
    ranged = _range(grammar, text, match) if match is not None else None
    if ranged:
        return ranged
    match = grammar.patterns["day"].match(text, pos)
    if match is not None:
        left = grammar.left(text, pos)
        end, mod, tod = _suffix(grammar, text, match.end())
        parsed = _parsed_day(grammar, match, mod, left)
        return [_Found(left.start, end, replace(parsed, kind=_kind(tod)), True)]
    for handler in (_year_range, _decade_handler, _year_handler, _clock_handler, _duration_handler):
        result = handler(grammar, text, pos)
        if result:
            return result
    return None


def _numeric(grammar: _Grammar, text: str, match: re.Match[str], name: str) -> list[_Found]:
    groups = match.groupdict()
    year = int(groups["y"]) if len(groups["y"]) == 4 else None
    short = int(groups["y"]) if year is None else None
    if name == "iso" or grammar.fr:
        day, month = int(groups["d"]), int(groups["m"])
    else:  # month first, unless it cannot be a month ("25/12/2025")
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (second, first) if first > 12 else (first, second)
        if month > 12:
            return []
    if normalize.safe_date(year or 2000, month, day) is None:
        return []
    left = grammar.left(text, match.start())
    parsed = Parsed(year=year, short_year=short, month=month, day=day, open=_open_of(left))
    return [_Found(left.start, match.end(), parsed, True)]


def _range(grammar: _Grammar, text: str, match: re.Match[str]) -> list[_Found] | None:
    groups = match.groupdict()
    left = grammar.left(text, match.start())
    conn = _norm(groups["conn"])
    month2 = _month_number(groups["m2"], grammar.months) if groups.get("m2") else None
    month1 = _month_number(groups["m1"], grammar.months) if groups.get("m1") else None
    if month1 is None and month2 is None:
        return None
    second = Parsed(
        year=int(groups["y2"]) if groups.get("y2") else None,
        month=month2 if month2 is not None else month1,
        day=_day_number(groups["d2"]),
        weekday=grammar.weekdays[_norm(groups["wd2"])] if groups.get("wd2") else None,
    )
    first = Parsed(
        year=int(groups["y1"]) if groups.get("y1") else None,
        month=month1,
        day=_day_number(groups["d1"]),
        weekday=grammar.weekdays[_norm(groups["wd1"])] if groups.get("wd1") else None,
    )
    days = (first.day, second.day)
    if first.month is None and days[0] is not None and days[1] is not None and days[0] >= days[1]:
        return None
    end, mod, _ = _suffix(grammar, text, match.end())
    if mod:
        second = replace(second, mod=grammar.mod_of(left, mod))
    if conn in ("et", "and") and left.sig not in ("entre", "between"):  # a list
        return _list(grammar, text, match, left, first, second, end)
    return [_Found(_range_start(left), end, replace(first, to=second), True)]


def _range_start(left: _Left) -> int:
    """A range keeps its signal: "du 3 au 5 mars", "between 3 and 5 March", "from March"."""
    return min(left.start, left.sig_start) if left.sig in _RANGE_SIGNALS else left.start


def _list(
    grammar: _Grammar,
    text: str,
    match: re.Match[str],
    left: _Left,
    first: Parsed,
    second: Parsed,
    end: int,
) -> list[_Found]:
    """ "les 6 et 13 avril prochains": two dates; the first takes the month of the second."""
    first_end = len(text[: match.start("conn")].rstrip())
    groups = match.groupdict()
    second_start = min(
        match.start(name)
        for name in ("wd2", "m2", "d2")
        if groups.get(name) and match.start(name) > match.start("conn")
    )
    inherited = replace(
        first, month=first.month or second.month, year=first.year or second.year, mod=second.mod
    )
    return [
        _Found(left.start, first_end, inherited, True),
        _Found(second_start, end, second, True),
    ]


def _year_range(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["year_range"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    conn = _norm(match.group("conn"))
    second_text = match.group("y2")
    second_year = int(second_text) if len(second_text) == 4 else None
    first_year = int(match.group("y1"))
    if second_year is None:
        second_year = first_year // 100 * 100 + int(second_text)
    if not first_year < second_year <= first_year + 100:
        return None
    if conn.isalpha() and left.sig not in _RANGE_SIGNALS:
        return None  # "en 2009 et 2011": two years
    parsed = Parsed(year=first_year, to=Parsed(year=second_year))
    return [_Found(_range_start(left), match.end(), parsed)]


def _year_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["year"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    if not _year_context(grammar, text, pos, match.end(), left):
        return None
    year = int(match.group())
    if year < 1500 and not (left.sig or left.noun):
        return None
    parsed = Parsed(year=year, open=_open_of(left))
    return [_Found(left.start, match.end(), parsed)]


def _decade_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    for name in ("decade", "short_decade"):
        pattern = grammar.patterns.get(name)
        match = pattern.match(text, pos) if pattern is not None else None
        if match is None:
            continue
        digits = match.group("dec")
        if name == "short_decade" and text[pos - 1 : pos] not in ("'", "’"):
            continue  # "KC-30s"; a decade is written "'80s"
        if len(digits) == 2:
            decade = 1900 + int(digits) if int(digits) >= 30 else 2000 + int(digits)
        else:
            decade = int(digits)
        left = grammar.left(text, pos)
        return [_Found(left.start, match.end(), Parsed(decade=decade, open=_open_of(left)))]
    return None


def _clock_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["clock"].match(text, pos)
    if match is None:
        return None
    return [_Found(pos, match.end(), Parsed(kind="time", form="none"), clock=True)]


def _noon_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["noon"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    if left.sig not in (
        "à",
        "vers",
        "avant",
        "après",
        "dès",
        "at",
        "around",
        "before",
        "after",
        "by",
    ):
        return None
    return [_Found(pos, match.end(), Parsed(kind="time", form="none"), clock=True)]


def _duration_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["duration"].match(text, pos)
    if match is None:
        return None
    unit_word = _norm(match.group("u"))
    unit = grammar.units.get(unit_word.rstrip("s"), grammar.units.get(unit_word))
    if unit is None:
        unit = "year" if unit_word in ("ans", "ann", "annees", "années") else "month"
    if match.group("u")[0].isupper():
        return None  # a name: "20 Minutes"
    amount = _number(match.group("n"), grammar.numbers)
    left = grammar.left(text, pos)
    end = match.end()
    after = text[end : end + 5].lower()
    if after.startswith(("-old", " old")):
        return None  # an age: "a 56-year-old"
    if grammar.fr and unit == "year" and _is_age(text, pos, left):
        return None
    ago = bool(match.groupdict().get("ago"))
    if (ago or left.sig.startswith("il y a") or left.sig == "dans") and unit in (
        "day", "week", "month", "year",
    ):  # fmt: skip
        shift = 1 if left.sig == "dans" else -1
        parsed = Parsed(form="offset", unit=unit, amount=amount, shift=shift)
        start = left.sig_start if left.sig == "dans" else min(left.start, pos)
        return [_Found(start, end, parsed)]
    return [_Found(pos, end, Parsed(kind="duration", form="none"))]


def _is_age(text: str, pos: int, left: _Left) -> bool:
    """ "âgé de 22 ans", "un homme de 38 ans", "à 56 ans", "Alain P., 53 ans", "les 6-16 ans":
    an age, not a duration."""
    if re.search(r"(?:,|\d\s?-)\s*$", text[max(0, pos - 4) : pos]):
        return True
    if left.sig not in ("de", "d'", "à"):
        return False
    before = _norm(text[max(0, pos - 24) : pos])
    return not before.endswith(("plus de", "moins de", "près de", "pres de", "d'ici à"))


def _ago_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["ago"].search(text, max(0, pos - 32), pos)
    if match is None:
        return None
    unit_word = _norm(match.group("u")).rstrip("s")
    unit = grammar.units.get(unit_word)
    if unit not in ("day", "week", "month", "year"):
        return None
    amount = _number(match.group("n"), grammar.numbers)
    parsed = Parsed(form="offset", unit=unit, amount=amount, shift=-1)
    return [_Found(match.start(), pos + 3, parsed)]


def _month_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    if not grammar.fr:
        for name in ("month_day_range", "month_day"):
            match = grammar.patterns[name].match(text, pos)
            if match is None:
                continue
            if name == "month_day_range":
                found = _range(grammar, text, match)
                if found:
                    return found
                continue
            left = grammar.left(text, pos)
            end, _, tod = _suffix(grammar, text, match.end())
            parsed = _parsed_day(grammar, match, None, left)
            return [_Found(left.start, end, replace(parsed, kind=_kind(tod)), True)]
    match = grammar.patterns["month_range"].match(text, pos)
    if match is not None:
        found = _month_range(grammar, text, match)
        if found:
            return found
    match = grammar.patterns["month"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    end, mod, tod = _suffix(grammar, text, match.end())
    year, short = match.group("y"), match.group("yy")
    if not _month_context(text, left, pos, grammar, bool(year or short or mod)):
        return None
    parsed = Parsed(
        kind=_kind(tod),
        year=int(year) if year else None,
        short_year=int(short.strip("'’")) if short and not year else None,
        month=_month_number(match.group("m"), grammar.months),
        mod=grammar.mod_of(left, mod),
        open=_open_of(left),
    )
    return [_Found(left.start, end, parsed)]


def _month_range(grammar: _Grammar, text: str, match: re.Match[str]) -> list[_Found] | None:
    left = grammar.left(text, match.start())
    conn = _norm(match.group("conn"))
    if conn.isalpha() and left.sig not in _RANGE_SIGNALS:
        return None
    first = Parsed(
        year=int(match.group("y1")) if match.group("y1") else None,
        month=_month_number(match.group("m1"), grammar.months),
    )
    second = Parsed(
        year=int(match.group("y2")) if match.group("y2") else None,
        month=_month_number(match.group("m2"), grammar.months),
    )
    return [_Found(_range_start(left), match.end(), replace(first, to=second))]


def _weekday_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    names = ("day_range", "day") if grammar.fr else ("day", "month_day")
    for name in names:
        match = grammar.patterns[name].match(text, pos)
        groups = match.groupdict() if match is not None else {}
        if match is None or not (groups.get("wd") or groups.get("wd1")):
            continue
        if name == "day_range":
            found = _range(grammar, text, match)
            if found:
                return found
            continue
        left = grammar.left(text, pos)
        end, mod, tod = _suffix(grammar, text, match.end())
        parsed = _parsed_day(grammar, match, mod, left)
        return [_Found(left.start, end, replace(parsed, kind=_kind(tod)), True)]
    match = grammar.patterns["weekday"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    end, mod, tod = _suffix(grammar, text, match.end())
    weekday = grammar.weekdays[_norm(match.group("wd"))]
    if grammar.fr and left.det in ("le", "chaque") and not mod and not tod:
        return [_Found(left.start, end, Parsed(kind="set", form="none"))]  # "le mercredi"
    parsed = Parsed(
        kind=_kind(tod),
        form="weekday",
        weekday=weekday,
        mod=grammar.mod_of(left, mod),
        open=_open_of(left),
    )
    return [_Found(left.start, end, parsed)]


def _weekdays_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["weekdays"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    return [_Found(left.start, match.end(), Parsed(kind="set", form="none"))]


def _season_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["season"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    end, mod, tod = _suffix(grammar, text, match.end())
    year = match.group("y")
    word = _norm(match.group("s"))
    if not year and not mod:
        written_by_itself = not (left.sig or left.det or left.noun or left.part)
        if written_by_itself and not (grammar.fr and text[pos].isupper()):
            return None  # "a été", "the fall"
        if word == "fall" and left.det not in _MODS:
            return None
        if left.sig in ("de", "d'") and not (left.det or left.noun or left.part):
            return None  # "les Jeux d'hiver", "l'heure d'été"
    parsed = Parsed(
        kind=_kind(tod),
        year=int(year) if year else None,
        season=grammar.seasons[word],
        mod=grammar.mod_of(left, mod),
        open=_open_of(left),
    )
    return [_Found(left.start, end, parsed)]


def _deictic_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["deictic"].match(text, pos)
    if match is None:
        return None
    word = _norm(match.group("w"))
    shifts = {
        "avant-hier": -2, "après-demain": 2, "apres-demain": 2, "hier": -1, "demain": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
        "tomorrow": 1, "tonight": 0,
    }  # fmt: skip
    shift = shifts.get(word, 0)
    left = grammar.left(text, pos)
    tod = bool(match.group("tod")) or word == "tonight"
    parsed = Parsed(kind=_kind(tod), form="deictic", shift=shift, open=_open_of(left))
    start = left.start if left.sig.startswith(_KEPT_SIGNALS) else pos
    return [_Found(start, match.end(), parsed)]


def _tod_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["tod"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    mod = _MODS.get(left.det)
    if mod is None:
        return None
    shift = -1 if mod == "last" else 0
    if mod == "next":
        shift = 1
    parsed = Parsed(kind="time", form="deictic", shift=shift)
    return [_Found(left.start, match.end(), parsed)]


def _unit_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["unit"].match(text, pos)
    if match is None:
        return None
    left = grammar.left(text, pos)
    word = _norm(match.group("u"))
    unit = {
        "semaine": "week", "mois": "month", "année": "year", "annee": "year", "an": "year",
        "week-end": "weekend", "weekend": "weekend", "trimestre": "quarter", "week": "week",
        "month": "month", "year": "year", "quarter": "quarter",
    }[word]  # fmt: skip
    groups = match.groupdict()
    ordinal = _QUARTER_ORDINALS.get(left.det.removeprefix("the ").strip())
    if unit == "quarter" and grammar.fr:  # "au troisième trimestre (2008)", "le 1er trimestre"
        ranked = _FR_QUARTER_ORDINAL.search(text, max(0, pos - 24), pos)
        number = _FR_QUARTER_ORDINALS.get(_norm(ranked.group("o"))) if ranked else None
        if ranked is not None and number is not None:  # else "ce trimestre": read below
            after = _FR_QUARTER_AFTER.match(text, match.end())
            year = int(groups["y"]) if groups.get("y") else None
            if groups.get("mod") or (after and after.group("y") is None):
                return None  # "deuxième trimestre consécutif", "de l'exercice 2009-2010"
            end = match.end()
            if after is not None:  # "au second trimestre de 2009"
                year, end = int(after.group("y")), after.end()
            start = ranked.start("det") if ranked.group("det") else ranked.start("o")
            return [_Found(start, end, Parsed(year=year, quarter=number))]
    if unit == "quarter" and left.det == "the last":
        return [_Found(left.start, match.end(), Parsed(form="unit", unit=unit, shift=-1))]
    if unit == "quarter" and ordinal is not None:
        year = int(groups["y"]) if groups.get("y") else None
        return [_Found(left.start, match.end(), Parsed(year=year, quarter=ordinal))]
    if groups.get("y"):
        return None  # "l'année 2001", "the year 2000": the year itself
    written = groups.get("mod")
    mod = grammar.mod_of(left, written) if written else _MODS.get(left.det)
    if groups.get("ci") and groups["ci"].lower() == "-ci":
        mod = "this"
    if written and _norm(written).startswith(("suivant", "précédent", "precedent", "en cours")):
        mod = "this" if _norm(written) == "en cours" else None
    if mod is None and left.part and left.det in ("l'", "la", "le", "the", ""):
        mod = "this"  # "à la fin de l'année", "the beginning of the year"
    if mod is None:
        return None
    shift = {"last": -1, "next": 1, "this": 0}[mod]
    if left.det in ("past", "previous"):
        return None  # "the past week": a duration
    parsed = Parsed(form="unit", unit=unit, shift=shift, open=_open_of(left))
    return [_Found(left.start, match.end(), parsed)]


_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_FR_QUARTER_ORDINALS = {
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "second": 2, "2e": 2, "2ème": 2,
    "troisième": 3, "troisieme": 3, "3e": 3, "3ème": 3, "quatrième": 4, "quatrieme": 4, "4e": 4,
    "4ème": 4,
}  # fmt: skip
# after a ranked quarter: a count ("consécutif", "d'affilée"), or a complement naming its year
# ("de 2009", "de l'année 2009") or anything else ("de l'exercice 2009-2010", "du groupe"): then
# no date at all rather than the publication year's quarter (precision first)
_FR_QUARTER_AFTER = re.compile(
    r"\s+(?:cons[ée]cuti(?:f|ve)s?|d['’]affil[ée]e|de\s+suite|de\s+rang"
    r"|(?:de|d['’]|du)\s*(?:l['’]ann[ée]e\s+)?(?:(?P<y>" + _YEAR + r")(?![\w-])|\S))",
    re.IGNORECASE,
)
_FR_QUARTER_ORDINAL = re.compile(
    r"(?<![\w'’-])(?:(?P<det>le)\s+)?"
    r"(?P<o>premier|1er|deuxi[eè]me|second|2(?:e|ème)|troisi[eè]me|3(?:e|ème)"
    r"|quatri[eè]me|4(?:e|ème))\s+\Z",
    re.IGNORECASE,
)


def _quarter_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["quarter"].match(text, pos)
    if match is None:
        return None
    year = match.group("y")
    value = int(year.strip("'’")) if year else None
    parsed = Parsed(
        year=value if value and value > 99 else None,
        short_year=value if value is not None and value < 100 else None,
        quarter=int(match.group("q")),
    )
    return [_Found(pos, match.end(), parsed)]


def _set_handler(grammar: _Grammar, text: str, pos: int) -> list[_Found] | None:
    match = grammar.patterns["set"].match(text, pos)
    if match is None:
        return None
    return [_Found(pos, match.end(), Parsed(kind="set", form="none"))]


# --- direction cues -----------------------------------------------------------------------------

_CUE_TOKEN = re.compile(r"[^\W\d_]+['’]?|[,;:«»()\"“”]")
_BOUNDARY_WORDS = _wordset(
    """que qu' qu’ qui mais lorsque quand car dont où puisque tandis that which who whom but
    because while although whereas"""
)
_BOUNDARY_MARKS = frozenset(',;:«»()"“”')
_CLAUSE_REACH = 8
_SENTENCE_REACH = 12

_FR_FUTURE = _wordset(
    """prévoit prévoient prévoyait prévoyaient prévu prévue prévus prévues programmé programmée
    programmés programmées doit doivent devra devront devrait devraient devait devaient apprête
    apprêtent envisage envisagent projette projettent prochain prochaine prochains prochaines
    attendu attendue attendus attendues sera seront serait seraient aura auront pourra pourront
    pourrait pourraient fera feront ira iront prévoir"""
)
_FR_PAST = _wordset("hier dernier dernière derniers dernières récemment naguère")
_FR_AUX = _wordset(
    """a ont avait avaient ai as avons avez eut eu est sont était étaient fut furent es suis sommes
    êtes aurait auraient serait seraient ayant étant"""
)
_FR_FUTURE_AUX = _wordset("sera seront aura auront")
_FR_CONDITIONAL_AUX = _wordset("aurait auraient serait seraient")
_FR_GOING = _wordset("va vont vais allons allez allait allaient")
_FR_RECENT = _wordset("vient viennent venait venaient")
_FR_PARTICIPLE = re.compile(
    r"^[^\W\d_]{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|erts|ort|orte"
    r"|int|inte|aint|eint|ait)$"
)
_FR_INFINITIVE = re.compile(r"^[^\W\d_]{2,}(?:er|ir|re|oir)$")
_FR_FUTURE_END = re.compile(
    r"^[^\W\d_]{2,}(?:era|eras|erai|eront|erons|erez|ira|iront|irons|dra|dront|drons|rra|rront)$"
)
_FR_CONDITIONAL_END = re.compile(r"^[^\W\d_]+(?:erai|irai|drai|rrai|(?<!u)vrai|aurai)(?:t|ent)$")
_FR_IMPARFAIT_END = re.compile(r"^[^\W\d_]{2,}(?:ait|aient)$")
_FR_NOT_VERBS = _wordset(
    """fait lait trait portrait souhait attrait parfait extrait retrait forfait bienfait méfait
    abstrait distrait tirait attirait retirait virait désirait admirait inspirait soupirait
    expirait aspirait respirait délirait chavirait caméra opéra extra ultra cobra sahara"""
)
_EN_FUTURE = _wordset(
    """will would shall ll wo upcoming due scheduled slated planned planning plans plan expected
    expects intends intend aims aim coming next later soon tomorrow"""
)
_EN_PAST = _wordset("was were had did ago yesterday last earlier previously recently")
_EN_PERFECT = _wordset("has have")
_EN_IRREGULAR = _wordset(
    """said told met held took made came went gave won lost shot saw began left found sent fell
    rose led paid sold bought brought thought got became spoke wrote struck knew ran flew chose
    drove fought caught taught kept felt heard built spent stood withdrew grew threw drew broke
    woke rode sang wore tore hid shook forgot froze stole swore meant sat lay laid slid slept
    swept wept sought dealt fled hung lent overcame overtook undertook underwent killed died"""
)
_EN_PARTICIPLE = re.compile(r"^[a-z]{2,}(?:ed|en|wn|ne|ught|ung|ade|id|ld|lt|nt|t)$")
_EN_NOT_PAST = _wordset(
    """need speed feed seed bed red shed hundred indeed proceed succeed exceed breed bleed greed
    weed embed deed reed based limited united related concerned interested advanced detailed
    armed supposed skilled qualified experienced unprecedented naked sacred wicked"""
)
_EN_BE = _wordset("be been being")


def _cue_fr(tokens: list[str], i: int) -> str | None:
    word = tokens[i]
    following = tokens[i + 1 : i + 4]
    if word in _FR_FUTURE_AUX:
        return FUTURE
    if word in _FR_AUX:
        participle = next((w for w in following if _FR_PARTICIPLE.match(w)), None)
        if participle is not None:
            return FUTURE if participle in _FR_FUTURE else PAST
        return FUTURE if word in _FR_CONDITIONAL_AUX else None
    if word in _FR_FUTURE:
        return FUTURE
    if word in _FR_GOING:
        nxt = following[0] if following else ""
        infinitive = _FR_INFINITIVE.match(nxt) or nxt in ("se", "s'", "s’", "y", "en", "le", "la")
        return FUTURE if infinitive else None
    if word in _FR_RECENT and following[:1] in (["de"], ["d'"], ["d’"]):
        return PAST
    if word in _FR_PAST:
        return PAST
    if word in _FR_NOT_VERBS or len(word) < 4:
        return None
    if _FR_FUTURE_END.match(word) or _FR_CONDITIONAL_END.match(word):
        return FUTURE
    if _FR_IMPARFAIT_END.match(word):
        return PAST
    return None


def _cue_en(tokens: list[str], i: int, raw: list[str]) -> str | None:
    word = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    previous = tokens[i - 2 : i]
    if word in ("going", "set", "is", "are", "was", "were") and nxt == "to":
        return FUTURE
    if word == "to" and nxt == "be":
        return FUTURE
    if word in _EN_FUTURE:
        return FUTURE
    if word in _EN_PAST:
        return PAST
    if word in _EN_PERFECT:
        following = tokens[i + 1 : i + 3]
        return PAST if any(_EN_PARTICIPLE.match(w) for w in following) else None
    if any(w in _EN_BE for w in previous):
        return None  # "to be formally launched": passive, not past
    if word in _EN_IRREGULAR:
        return PAST
    if len(word) >= 4 and word.endswith("ed") and word not in _EN_NOT_PAST and raw[i][:1].islower():
        return PAST
    return None


def clause_direction(text: str, start: int, end: int, language: str) -> str:
    """The direction the nearest tense or modality cue gives ``text[start:end]``."""
    low, high = sentence_bounds(text, start, end, reach=260)
    left_raw = _CUE_TOKEN.findall(text, low, start)
    right_raw = _CUE_TOKEN.findall(text, end, high)
    raw = [*left_raw, "<T>", *right_raw]
    tokens = [_norm(t) for t in raw]
    k = len(left_raw)
    french = language == "fr"

    def cue(i: int) -> str | None:
        return _cue_fr(tokens, i) if french else _cue_en(tokens, i, raw)

    best = _nearest(tokens, k, cue, clause=True)
    if best is None:
        best = _nearest(tokens, k, cue, clause=False)
    return best or NONE


def _nearest(
    tokens: list[str], k: int, cue: Callable[[int], str | None], *, clause: bool
) -> str | None:
    reach = _CLAUSE_REACH if clause else _SENTENCE_REACH
    left_open = right_open = True
    for distance in range(1, reach + 1):
        for i, is_left in ((k - distance, True), (k + distance, False)):
            if not 0 <= i < len(tokens) or not (left_open if is_left else right_open):
                continue
            token = tokens[i]
            if token in _BOUNDARY_MARKS or token in _BOUNDARY_WORDS:
                if clause:
                    if is_left:
                        left_open = False
                    else:
                        right_open = False
                continue
            found = cue(i)
            if found is not None:
                return found
    return None


# --- the scan -----------------------------------------------------------------------------------

_GRAMMARS = {"fr": _Grammar("fr"), "en": _Grammar("en")}


def _language(language: str | None) -> str:
    """French grammar for "fr", "fr-FR" …; English for anything else."""
    return "fr" if (language or "").lower().startswith("fr") else "en"


def _scan(grammar: _Grammar, text: str) -> list[_Found]:
    found: list[_Found] = []
    covered = 0
    lower = text.lower()
    same_length = len(lower) == len(text)
    for token in _TOKEN.finditer(text):
        pos = token.start()
        if pos < covered:
            continue
        word = lower[pos : token.end()] if same_length else token.group().lower()
        handlers = grammar.triggers.get(word)
        if handlers is None:
            if not word[0].isdigit():
                continue
            handlers = (_digit_handler,)
        elif not grammar.fr and not text[pos].isupper() and _needs_capital(grammar, word):
            continue
        for handler in handlers:
            result = handler(grammar, text, pos)
            if result:
                result = [replace(f, start=max(f.start, covered)) for f in result]
                found.extend(result)
                covered = max(f.end for f in result)
                break
    return found


def _needs_capital(grammar: _Grammar, word: str) -> bool:
    return word in grammar.months or word in grammar.weekdays or word[:-1] in grammar.weekdays


def _needs_direction(parsed: Parsed) -> bool:
    if parsed.to is not None:
        return _needs_direction(parsed.to)
    if parsed.mod in ("last", "next"):
        return False
    if parsed.form == "weekday":
        return True
    if parsed.form == "unit":
        return parsed.unit == "weekend" and not parsed.shift
    if parsed.form != "calendar" or parsed.year is not None or parsed.short_year is not None:
        return False
    return parsed.decade is None


def find_timexes(text: str, *, language: str, published: str | None) -> list[Timex]:
    """The temporal expressions of ``text`` in order, resolved against ``published`` (YYYY-MM-DD)
    or a reference date the text sets (:mod:`recoupe.time.anchor`)."""
    lang = _language(language)
    grammar = _GRAMMARS[lang]
    found_all = _scan(grammar, text)
    tracker = AnchorTracker(
        text,
        parse_date(published),
        lang,
        written_years=_written_years(found_all),
        year_positions=[f.start for f in found_all if f.parsed.year is not None],
    )
    timexes = [_resolve(found, text, lang, tracker) for found in found_all]
    return _attach_clocks(timexes, text)


def _written_years(found: list[_Found]) -> list[tuple[int, int]]:
    """(position, year) of each year written with its month among ``found`` ("le 6 février
    2008", "en août 2008", a range's end included): a year alone ("en 1959") is as often the
    background of a story as its time."""
    return [
        (f.start, part.year)
        for f in found
        for part in (f.parsed, f.parsed.to)
        if part is not None
        and part.year is not None
        and part.month is not None
        and not f.parsed.open  # "d'ici à janvier 2030": a deadline, not the text's time
    ]


def _resolve(found: _Found, text: str, language: str, tracker: AnchorTracker) -> Timex:
    parsed = found.parsed
    reference = tracker.reference_at(found.start, calendar=_calendar(parsed))
    anchor = tracker.published if reference is None else reference.date
    direction = NONE
    # a date an undated text wrote gives its year as is: it is no "now" to look back from
    calendar_only = reference is not None and reference.calendar_only
    # the text's latest year, given to a date of another paragraph: a guess, no reference
    borrowed = reference is not None and reference.year_only and _needs_direction(parsed)
    if borrowed and anchor is not None:
        dated = _in_year(parsed, anchor.year)
        if _weekday_fits(dated):
            parsed = dated
        else:
            anchor = None  # the weekday says another year: unresolved
    if anchor is not None and _needs_direction(parsed) and not calendar_only:
        direction = clause_direction(text, found.start, found.end, language)
    resolved = normalize.resolve(parsed, anchor, direction)
    if (
        found.explicit_day
        and resolved.precision == "day"
        and resolved.value
        and not parsed.open
        and not borrowed
    ):
        tracker.observe(
            found.start,
            found.end,
            dt.date.fromisoformat(resolved.value),
            written_year=parsed.year is not None,
        )
    used = anchor.isoformat() if anchor is not None and resolved.relative else None
    return Timex(
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        value=resolved.value,
        precision=resolved.precision,
        kind=parsed.kind,
        anchor=used,
        direction=resolved.direction,
    )


def _weekday_fits(parsed: Parsed) -> bool:
    """Whether a weekday written with the date ("lundi 1er septembre") falls on it that year."""
    if parsed.weekday is None:
        return True
    year, month, day = parsed.year, parsed.month, parsed.day
    if year is None or month is None or day is None:
        return True
    try:
        return dt.date(year, month, day).weekday() == parsed.weekday
    except ValueError:
        return False


def _in_year(parsed: Parsed, year: int) -> Parsed:
    """A calendar date written without its year, in ``year`` ("du 28 décembre au 3 janvier":
    the end in the next one; "du 3 au 5 mai": the end's, which the start then takes)."""
    if parsed.to is None:
        return replace(parsed, year=year)
    if parsed.month is None:
        return replace(parsed, to=replace(parsed.to, year=year))
    start_month, end_month = parsed.month, parsed.to.month
    crosses = start_month is not None and end_month is not None and end_month < start_month
    return replace(parsed, year=year, to=replace(parsed.to, year=year + crosses))


def _calendar(parsed: Parsed) -> bool:
    """A calendar date written without its year ("le 7 avril", "en juillet", "du 3 au 5 mai"):
    no "hier", weekday, "la semaine prochaine" or "two days ago"."""
    parts = (parsed,) if parsed.to is None else (parsed, parsed.to)
    return all(part.form == "calendar" and part.mod is None for part in parts)


def _attach_clocks(timexes: list[Timex], text: str) -> list[Timex]:
    """A bare clock time ("à 18 h 30") takes the day of the nearest day date of its sentence,
    the one before it first."""
    result = list(timexes)
    for i, timex in enumerate(timexes):
        if timex.kind != "time" or timex.value is not None or timex.precision != "unknown":
            continue
        low, high = sentence_bounds(text, timex.start, timex.end)
        before = [t for t in timexes[:i] if t.start >= low and _is_day(t)]
        after = [t for t in timexes[i + 1 :] if t.end <= high and _is_day(t)]
        day = before[-1] if before else after[0] if after else None
        if day is not None:
            result[i] = replace(
                timex, value=day.value, precision="day", anchor=day.anchor, direction=day.direction
            )
    return result


def _is_day(timex: Timex) -> bool:
    return timex.precision == "day" and timex.value is not None and "/" not in timex.value
