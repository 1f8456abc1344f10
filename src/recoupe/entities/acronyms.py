"""Acronym definitions, in both orders: "parquet national financier (PNF)", "PNF (parquet ...)".

The long form is found with Schwartz & Hearst's letter matching (2003); when the letters do not
spell it — a translation keeps the original acronym: "the National Financial Prosecutor's Office
(PNF)" — a run of capitalised words right before the parenthesis is taken instead, and the
definition is marked ``letters_match=False``.
"""

from __future__ import annotations

import re

from recoupe.entities.model import Acronym, EntityType, Mention

_PAREN = re.compile(r"\(\s*([^()\n]{2,120}?)\s*\)")
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_SHORT = re.compile(r"^[A-Z][A-Za-z&.]{1,9}$|^[A-Z]{2,10}$")
# Words that may join the capitalised words of a name: "Office for Organised Crime".
_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "l",
        "et",
        "en",
        "à",
        "aux",
        "pour",
        "contre",
        "sur",
    }
)
_MAX_EXTRA_WORDS = 5
_ELIDED = re.compile(r"(?i:[ld]|qu)['’]")
_LEADING_SHORT = re.compile(r"^([A-Z][A-Za-z&.]{1,9})\s*[,;]\s+\S")
_DETERMINERS = frozenset({"The", "A", "An", "Le", "La", "Les", "L", "Un", "Une"})
_CLAUSE_MARKS = ("\n", "(", ")", ",", ";", ":", ". ", "«", "»", '"', "“", "”")


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym defined in ``text``, in order."""
    found = []
    for match in _PAREN.finditer(text):
        inside = match.group(1)
        start, end = match.span(1)
        lead = _LEADING_SHORT.match(inside)
        if lead is not None:  # "Nouveau Centre (NC, partenaire de ...)": the acronym, then a gloss
            inside, end = lead.group(1), start + lead.end(1)
        if _SHORT.match(inside) and _looks_like_acronym(inside):
            definition = _long_before(
                text, match.start(), Mention(start, end, inside, EntityType.ORG, "acronym")
            )
        else:
            definition = _short_before(
                text, match.start(), Mention(start, end, inside, EntityType.ORG, "acronym")
            )
        if definition is not None:
            found.append(definition)
    return found


def _looks_like_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 or (len(letters) <= 6 and letters[0].isupper())


def _long_before(text: str, paren: int, short: Mention) -> Acronym | None:
    """ "long form (SHORT)": the words before the parenthesis, on the same line."""
    clause_start = max(text.rfind(mark, 0, paren) for mark in _CLAUSE_MARKS) + 1
    window = list(_WORD.finditer(text, clause_start, paren))
    letters = [ch for ch in short.text if ch.isalnum()]
    window = window[-(len(letters) + _MAX_EXTRA_WORDS) :]
    if not window or window[-1].end() < paren - 2:
        return None
    span = _letter_match(text, window, short.text)
    if span is not None:
        return Acronym(short, _mention(text, *span), letters_match=True)
    span = _capitalised_run(text, window, short.text)
    if span is not None:
        return Acronym(short, _mention(text, *span), letters_match=False)
    return None


def _short_before(text: str, paren: int, long: Mention) -> Acronym | None:
    """ "SHORT (long form)": an acronym right before a parenthesis holding its expansion."""
    before = list(_WORD.finditer(text, max(0, paren - 12), paren))
    if not before or before[-1].end() < paren - 1:
        return None
    word = before[-1]
    elided = _ELIDED.match(word.group())  # "l'OFCE (Observatoire ...)"
    offset = elided.end() if elided else 0
    token = word.group()[offset:]
    if not (_SHORT.match(token) and _looks_like_acronym(token)):
        return None
    words = list(_WORD.finditer(text, long.start, long.end))
    span = _letter_match(text, words, token) if words else None
    if span is None or span[0] != long.start:
        return None
    short = Mention(word.start() + offset, word.end(), token, EntityType.ORG, "acronym")
    return Acronym(short, _mention(text, long.start, long.end), letters_match=True)


def _letter_match(text: str, words: list[re.Match[str]], short: str) -> tuple[int, int] | None:
    """Schwartz & Hearst: the shortest word suffix of ``words`` whose letters spell ``short``."""
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    long = text[start:end]
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != char or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    first = start + i + 1
    word_start = next(
        (w.start() for w in words if w.start() <= first < w.end() or w.start() >= first), first
    )
    return word_start, end


def _capitalised_run(text: str, words: list[re.Match[str]], short: str) -> tuple[int, int] | None:
    """The capitalised words (and connectors between them) ending right before the parenthesis."""
    run: list[re.Match[str]] = []
    for word in reversed(words):
        token = word.group()
        if token[0].isupper() or (token.lower().strip("'’") in _CONNECTORS and run):
            run.insert(0, word)
        else:
            break
    while run and (run[0].group().lower() in _CONNECTORS or run[0].group() in _DETERMINERS):
        run.pop(0)
    capitals = [w for w in run if w.group()[0].isupper()]
    if len(capitals) < 2 or not any(w.group()[0].lower() == short[0].lower() for w in capitals):
        return None
    return run[0].start(), run[-1].end()


def _mention(text: str, start: int, end: int) -> Mention:
    elided = _ELIDED.match(text, start, end)  # "l'Union syndicale ..." → "Union syndicale ..."
    if elided is not None and elided.end() < end:
        start = elided.end()
    return Mention(start, end, text[start:end], EntityType.ORG, "acronym")
