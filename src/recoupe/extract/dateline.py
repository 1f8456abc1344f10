"""Bylines and datelines at the top of an article: who wrote it and when it was published.

A byline is read only from the first few lines of a text (:func:`find_dateline`), never from the
body or the end, where dates belong to related links, comments or the scrape itself. Nothing is
guessed:

* a publication date needs a day, a month and a year: ``28 novembre 2025``, ``1er déc. 2025``,
  ``March 3, 2025``, ``3 March 2025``, ``12/03/2025`` (always read day first, the French order;
  ``12.03.2025`` and ``12-03-2025`` too) and ISO ``2025-03-12``. A date without a year
  (``lundi 12 janvier - 9 h 12 min``, a scrape-time header) is never a publication date;
* a date counts only on a line that is a byline or a dateline: a line with an author cue
  (``Par …``, ``By …``, ``Auteur :``), a publication cue (``Publié le``, ``Published``,
  ``Posted``), an update cue (``Mis à jour le``, ``Updated``), a line holding little more than
  the date, or a wire dateline (``PARIS, 3 mars 2025 –``). A date inside a sentence is ignored;
* when several dates qualify, the one after a publication cue wins, then the one on the author's
  line, then a date-only line, and only then an update date (the only date a page may give);
* an author is a run of capitalised name words (particles such as ``de`` or ``van`` allowed)
  right after ``Par``/``By`` at the start of a line, after a separator, after a publication
  cue or date, or glued to a previous word as scrapes often do (``Jane DoePar Jane Doe28 …``).
  Several authors joined by ``,``, ``et``, ``and`` or ``&`` are kept as written. Month and
  weekday names and cue words end a name.

:func:`looks_like_dateline` answers the narrower line question for the plain-text cleaner:
is this line page furniture made of a byline or a date (year or not)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Dateline", "find_dateline", "looks_like_dateline", "parse_date", "sign_off_lines"]


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


_MONTHS: dict[str, int] = {
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "fev": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12, "déc": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = _words(
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun
    """
)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_NOT_LETTER_AHEAD = r"(?![^\W\d_])"
_NOT_LETTER_BEHIND = r"(?<![^\W\d_])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"

# Full dates (a year is required). The day may be glued to a preceding word ("Doe28 novembre").
_DATE = re.compile(
    rf"(?<!\d)(?P<d1>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE}){_NOT_LETTER_AHEAD}\.?,?"
    rf"\s+(?P<y1>{_YEAR})"
    rf"|{_NOT_LETTER_BEHIND}(?P<m2>{_MONTH_RE}){_NOT_LETTER_AHEAD}\.?\s+(?P<d2>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?(?!\d),?\s+(?P<y2>{_YEAR})"
    rf"|(?<![\d/.-])(?P<y4>{_YEAR})-(?P<m4>[01]?\d)-(?P<d4>[0-3]?\d)(?!\d)"
    rf"|(?<![\d/.-])(?P<d3>[0-3]?\d)(?P<sep>[/.-])(?P<m3>[01]?\d)(?P=sep)(?P<y3>{_YEAR})",
    re.IGNORECASE,
)
# Partial dates (no year), relative dates and times: furniture, never a publication date.
_PARTIAL_DATE = re.compile(
    rf"(?<!\d)[0-3]?\d(?:er|st|nd|rd|th)?\s+(?:{_MONTH_RE}){_NOT_LETTER_AHEAD}\.?"
    rf"|{_NOT_LETTER_BEHIND}(?:{_MONTH_RE}){_NOT_LETTER_AHEAD}\.?\s+(?:[0-3]?\d(?!\d)|{_YEAR})"
    r"|(?<![\d/])[0-3]?\d/[01]?\d(?![\d/])"
    r"|\bil y a \d+\s*(?:min(?:utes?)?|h(?:eures?)?|j(?:ours?)?|s(?:emaines?)?|mois|ans?)\b"
    r"|\b\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<!\d)[0-2]?\d\s*(?:h|:)\s*[0-5]\d(?:\s*min)?(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?!\d)"
    r"|(?<!\d)[0-2]?\d\s*(?:h\b|[ap]\.?m\.?)",
    re.IGNORECASE,
)
_PUB_CUE = re.compile(
    r"\b(?:publié|publiée|published|posted|mis en ligne|première publication|first published|"
    r"date de publication|parution)\b",
    re.IGNORECASE,
)
_UPD_CUE = re.compile(
    r"\b(?:mis à jour|mise à jour|maj|updated|last updated|modifié|modified|actualisé)\b",
    re.IGNORECASE,
)
# Words a byline may hold besides the author and the date; they do not make a line a sentence.
_BYLINE_WORDS = _words(
    """
    le la les l à a au aux on at the et and of du de des d in en dans par by publié publiée
    published posted mis jour mise maj updated last modifié modified actualisé ligne première
    publication first date parution h min am pm utc gmt cet cest edt est bst pst pdt et il y ago
    """
)
_AUTHOR_CUE = re.compile(
    r"(?:(?:publié|publiée|écrit|rédigé|posted|written|reported|story|text|texte|words)\s+)?"
    r"(?:par|by)[ \t\u00a0]+|(?:auteur|autrice|author|texte|text)\s*:\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_AUTHOR_CUE_WORDS = ("par", "by", "auteur", "autrice", "author", "texte", "text")
_GLUED_AUTHOR_CUE = re.compile(r"(?<=[a-zà-öø-ÿ])(?:Par|By)[ \t\u00a0]+")
_NAME_WORD = re.compile(r"(?:[dD]['’]|[OM]['’])?[A-ZÀ-ÖØ-ÞŒ](?:[^\W\d_]|[-'’](?=[^\W\d_]))*\.?")
_PARTICLES = re.compile(
    r"(?:(?:de|du|des|da|di|del|della|van|von|der|den|ter|le|la|bin|ibn|De|Du|Des|Le|La|Van|Von)"
    r"[ \t\u00a0]+)+"
)
_JOINER = re.compile(r"[ \t\u00a0]*(?:,|&|\bet\b|\band\b)[ \t\u00a0]*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NAME_STOP = _words(
    """
    le la les l the on at à a en in publié publiée published posted mis mise updated maj modifié
    modified actualisé photo photos vidéo video source sources via avec with pour for il elle
    ils elles we nous
    """
)
_BEFORE_AUTHOR_OK = re.compile(r"(?:^|[|,;:–—•·/-]|\d|\b(?:h|min|am|pm))\s*$", re.IGNORECASE)
# Wire dateline: "PARIS, 3 mars 2025 –", "LYON (AFP) -", "Paris, le 3 mars 2025".
_WIRE_PREFIX = re.compile(
    r"^\s*(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ .-]{1,40}(?:\s*\([^)]{1,20}\))?\s*[,–—-]?"
    r"|[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-Þ][^\W\d_]+){0,2}\s*,\s*le)\s*$"
)
_WIRE_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\))?\s*[–—-]+\s*")
_MAX_LINE = 200
# Letters a byline may hold besides name, date, time and cue words (a job title, a place).
_EXTRA_WITH_AUTHOR = 40
_EXTRA_WITH_CUE = 20
_EXTRA_DATE_ONLY = 12


@dataclass(frozen=True, slots=True)
class Dateline:
    """Author and publication date of a byline, and the span ``[start, end)`` it covers."""

    author: str | None
    published: str | None  # YYYY-MM-DD
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _LineFacts:
    author: str | None
    author_span: tuple[int, int] | None
    dates: tuple[tuple[str, str, int, int], ...]  # (iso, kind, start, end); kind: pub/upd/plain
    byline: bool  # the whole line is a byline/dateline
    wire_end: int | None  # a wire dateline opening a sentence ends here


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    try:
        if g["y1"]:
            y, m, d = int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"])
        elif g["y2"]:
            y, m, d = int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"])
        elif g["y4"]:
            y, m, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
        else:
            y, m, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        return date(y, m, d).isoformat()
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> str | None:
    """The first full date (with a year) in ``text`` as ``YYYY-MM-DD``, else None."""
    for match in _DATE.finditer(text):
        iso = _iso(match)
        if iso:
            return iso
    return None


def _skip_spaces(s: str, i: int) -> int:
    m = _SPACES.match(s, i)
    return m.end() if m else i


def _is_stop(word: str) -> bool:
    w = word.rstrip(".").casefold()
    return w in _NAME_STOP or w in _MONTHS or w in _WEEKDAYS


def _read_name(s: str, i: int) -> tuple[int, int] | None:
    """Span of a person's (or agency's) name starting at ``s[i]``."""
    start = _skip_spaces(s, i)
    end = start
    words = 0
    j = start
    while words < 6:
        if words:
            particle = _PARTICLES.match(s, j)
            if particle:
                nxt = _NAME_WORD.match(s, particle.end())
                if nxt and not _is_stop(nxt.group()):
                    end = nxt.end()
                    words += 2
                    j = _skip_spaces(s, end)
                    if j == end and j < len(s) and not s[j].isspace():
                        break
                    continue
        word = _NAME_WORD.match(s, j)
        if not word or _is_stop(word.group()):
            break
        end = word.end()
        words += 1
        j = _skip_spaces(s, end)
        if j == end and j < len(s) and not s[j].isspace():
            break  # glued to something else (digits, punctuation): the name ends here
    if not words:
        return None
    return start, end


def _read_authors(s: str, i: int) -> tuple[int, int] | None:
    first = _read_name(s, i)
    if first is None:
        return None
    start, end = first
    while True:
        joiner = _JOINER.match(s, end)
        if not joiner:
            break
        nxt = _read_name(s, joiner.end())
        if nxt is None:
            break
        end = nxt[1]
    return start, end


def _author_in(line: str) -> tuple[str, tuple[int, int]] | None:
    candidates: list[tuple[int, int]] = []
    for cue in _AUTHOR_CUE.finditer(line):
        before = line[: cue.start()]
        if cue.start() and line[cue.start() - 1].isalnum():
            continue  # inside a word
        if before.strip() and not _BEFORE_AUTHOR_OK.search(before) and not _PUB_CUE.search(before):
            continue  # "revendiquée par Daech": a sentence, not a byline
        candidates.append((cue.start(), cue.end()))
        break
    for cue in _GLUED_AUTHOR_CUE.finditer(line):
        candidates.append((cue.start(), cue.end()))
        break
    for cue_start, cue_end in sorted(candidates):
        span = _read_authors(line, cue_end)
        if span is None:
            continue
        name = _SPACES.sub(" ", line[span[0] : span[1]]).strip(" ,")
        if len(name) >= 2:
            return name, (cue_start, span[1])
    return None


def _extra_letters(line: str, spans: list[tuple[int, int]]) -> int:
    """Letters left on ``line`` outside ``spans`` once dates, times and byline words are gone."""
    chars = list(line)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    rest = "".join(chars)
    rest = _PARTIAL_DATE.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    count = 0
    for word in re.findall(r"[^\W\d_]+", rest):
        w = word.casefold()
        if w in _BYLINE_WORDS or w in _WEEKDAYS or w in _MONTHS:
            continue
        count += len(word)
    return count


def _may_name_author(line: str) -> bool:
    low = line.casefold()
    return any(cue in low for cue in _AUTHOR_CUE_WORDS)


def _line_facts(line: str) -> _LineFacts | None:
    if len(line) > 4 * _MAX_LINE or not line.strip():
        return None
    has_digit = _DIGIT.search(line) is not None
    if not has_digit and not _may_name_author(line):
        return None
    found = _author_in(line) if len(line) <= _MAX_LINE else None
    author, author_span = (found[0], found[1]) if found else (None, None)
    dates: list[tuple[str, str, int, int]] = []
    for match in _DATE.finditer(line) if has_digit else ():
        iso = _iso(match)
        if iso is None:
            continue
        before = line[max(0, match.start() - 40) : match.start()]
        upd = list(_UPD_CUE.finditer(before))
        pub = list(_PUB_CUE.finditer(before))
        if upd and (not pub or upd[-1].start() > pub[-1].start()):
            kind = "upd"
        elif pub:
            kind = "pub"
        else:
            kind = "plain"
        dates.append((iso, kind, match.start(), match.end()))
    spans = [(d[2], d[3]) for d in dates]
    if author_span:
        spans.append(author_span)
    short = len(line) <= _MAX_LINE
    if author:
        allowed = _EXTRA_WITH_AUTHOR
    elif any(kind != "plain" for _, kind, _, _ in dates):
        allowed = _EXTRA_WITH_CUE
    else:
        allowed = _EXTRA_DATE_ONLY
    byline = short and bool(author or dates) and _extra_letters(line, spans) <= allowed
    wire_end = None
    if not byline and dates and not author:
        iso, kind, d_start, d_end = dates[0]
        if d_start <= 50 and _WIRE_PREFIX.match(line[:d_start]):
            after = _WIRE_AFTER.match(line, d_end)
            if after:
                wire_end = after.end()
                dates = [(iso, kind, d_start, d_end)]
    if not byline and wire_end is None:
        return None
    return _LineFacts(author, author_span, tuple(dates), byline, wire_end)


def looks_like_dateline(line: str) -> bool:
    """True when ``line`` is only a byline and/or a date (with or without a year), or a time."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_LINE:
        return False
    facts = _line_facts(stripped)
    if facts is not None and facts.byline:
        return True
    if _DIGIT.search(stripped) is None:
        return False  # every date and time holds a digit
    if not (_PARTIAL_DATE.search(stripped) or _TIME.search(stripped)):
        return False
    rest = _DATE.sub(" ", stripped)
    return any(c.isalpha() or c.isdigit() for c in stripped) and _extra_letters(rest, []) <= 3


def find_dateline(text: str, *, max_lines: int = 6, max_chars: int = 400) -> Dateline | None:
    """Author and publication date from the byline among the first lines of ``text``.

    Only non-blank lines that start within the first ``max_chars`` characters, at most
    ``max_lines`` of them, are read. ``start``/``end`` span the byline lines used (from the start
    of the first to the end of the last); for a wire dateline opening a paragraph
    (``PARIS, 3 mars 2025 – Le …``) the span stops after the dash. None when no line qualifies.
    """
    author: str | None = None
    ranked: dict[str, str] = {}  # kind -> first date of that kind
    start: int | None = None
    end = 0
    seen = 0
    offset = 0
    for raw_line in text.split("\n"):
        line_start = offset
        offset += len(raw_line) + 1
        if line_start >= max_chars or seen >= max_lines:
            break
        if not raw_line.strip():
            continue
        seen += 1
        facts = _line_facts(raw_line)
        if facts is None:
            continue
        used = False
        if facts.author and author is None:
            author = facts.author
            used = True
        for iso, kind, _, _ in facts.dates:
            if kind == "plain" and facts.author:
                kind = "author"
            elif kind == "plain" and facts.wire_end is not None:
                kind = "wire"
            if kind not in ranked:
                ranked[kind] = iso
                used = True
        if not used:
            continue
        if start is None:
            start = line_start
        end = line_start + (facts.wire_end if facts.wire_end is not None else len(raw_line))
    if start is None:
        return None
    published = next(
        (ranked[k] for k in ("pub", "author", "plain", "wire", "upd") if k in ranked), None
    )
    return Dateline(author=author, published=published, start=start, end=end)


# A wire story's sign-off (who reported and edited it) and a news agency's photo credit:
# "Thierry Roe et Anne Doe, édité par Yves Roe", "(Reporting by Jane Smith; editing by Tom Brown)",
# "… à Paris. /Photo prise le 17 octobre/REUTERS/Jane Roe", "(AFP/Jane Roe)".
_SIGN_OFF = re.compile(
    r"(?:^|[,;(]\s*)(?:édité par|edité par|edited by|editing by|reporting by|writing by"
    r"|additional reporting by|compiled by)\b",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|SIPA|MAXPPP|ABACA)\s*/\s*"
    r"(?:[A-ZÀ-Ý][\w'’-]+\s+)+[A-ZÀ-Ý][\w'’-]+\s*\)?\s*$"  # a name closing the line
)
_NAMES_ONLY = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*(?:\s+|,\s*|\s+(?:et|and|avec|with)\s+))+$")
_SIGN_OFF_MAX = 160  # characters of a sign-off line
_LINE = re.compile(r"[^\n]+")


def sign_off_lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of what names the people who wrote, edited or photographed the story:
    from a sign-off's cue or an agency's credit to the end of its line, and the names before the
    cue when the line holds nothing else ("A et B, édité par C"). A person named there is not in
    the story; one pictured before the credit ("X à Paris. /Photo …/REUTERS/Y") is."""
    found = []
    for line in _LINE.finditer(text):
        body = line.group()
        credit = _AGENCY_CREDIT.search(body)
        if credit is not None:
            found.append((line.start() + credit.start(), line.end()))
            continue
        cue = _SIGN_OFF.search(body)
        if cue is None or len(body.strip()) > _SIGN_OFF_MAX:
            continue
        if body.rstrip().endswith((".", "!", "?", "»", '"')) and "(" not in body[cue.start() :]:
            continue  # a sentence: "Le roman, édité par X." names X as its publisher
        before = body[: cue.start()]
        start = 0 if _NAMES_ONLY.match(before + " ") or not before.strip() else cue.start()
        found.append((line.start() + start, line.end()))
    return found
