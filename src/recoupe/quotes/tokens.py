"""Tokens of a stretch of text around a quotation, each mention one token."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from recoupe.entities.model import EntityType, Mention
from recoupe.quotes.lexicon import Lexicon

_TOKEN = re.compile(
    r"(?P<elided>(?i:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|presqu)['’ʼ](?=[^\W\d_]))"
    r"|(?P<abbr>(?:Mmes|Mme|Mlle|Mgr|Mrs|Mr|Ms|Dr|Pr|Prof|Me|MM|M|St|Rep|Sen|Gov|Gen|Lt|Col|"
    r"Capt|Sgt|Cpl|Maj|Adm|Det|Insp|Supt|Atty|Cmdr|Pres|Jr|Sr|Rev|Hon|Cdt|Gal|P)\.)"
    r"|(?P<poss>['’ʼ](?:s|d|ll|ve|re|m)(?!\w))"  # "Roe's", "he'd", "they're"
    r"|(?P<word>\w+(?:[-‐‑]\w+|['’ʼ](?!(?:s|d|ll|ve|re|m)\b)\w+)*)"
    r"|(?P<punct>[^\w\s])"
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_INVERTED = re.compile(r"^(.+?)-(?:t-)?(il|elle|ils|elles|on)$")

OPENING = frozenset("«“„‘")
CLOSING = frozenset("»”’")
MARKS = OPENING | CLOSING | frozenset("\"'")
SENTENCE_END = frozenset(".!?…")
BOUNDARY = SENTENCE_END | MARKS | frozenset(";:()[]—–•|")


class Tok(NamedTuple):
    start: int
    end: int
    low: str  # lower-cased, apostrophes straightened (marks kept as they are)
    kind: str  # word abbr elided poss punct mention
    mention: int = -1
    cap: bool = False  # starts with a capital letter
    newline: bool = False  # a line break comes before it


class Mentions:
    """The document's mentions, with what is needed to find those in a stretch quickly."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = mentions
        self.starts = [m.start for m in mentions]
        # lower-cased last words of the mentions: a capitalised word among them is a name
        self.last_words = frozenset(m.text.rsplit(None, 1)[-1].lower() for m in mentions if m.text)

    def within(self, start: int, end: int) -> list[int]:
        """Indices of the mentions lying inside ``[start, end)``, in order, none overlapping."""
        out: list[int] = []
        i = bisect.bisect_left(self.starts, start)
        last_end = start
        while i < len(self.items) and self.items[i].start < end:
            m = self.items[i]
            if m.end <= end and m.start >= last_end:
                out.append(i)
                last_end = m.end
            i += 1
        return out

    def type(self, index: int) -> EntityType:
        return self.items[index].type


def tokenize(text: str, start: int, end: int, mentions: Mentions) -> list[Tok]:
    """Tokens of ``text[start:end]``; a mention lying inside is one token."""
    toks: list[Tok] = []
    pos = start
    for index in mentions.within(start, end):
        m = mentions.items[index]
        _scan(text, pos, m.start, toks)
        newline = text.find("\n", toks[-1].end if toks else start, m.start) >= 0
        toks.append(
            Tok(m.start, m.end, m.text.lower(), "mention", index, m.text[:1].isupper(), newline)
        )
        pos = m.end
    _scan(text, pos, end, toks)
    return toks


def _scan(text: str, start: int, end: int, toks: list[Tok]) -> None:
    prev = toks[-1].end if toks else start
    append = toks.append
    for found in _TOKEN.finditer(text, start):
        begin = found.start()
        if begin >= end:
            break
        # lookaheads see past ``end`` (``l'`` before a name); a token never runs into it
        m = found if found.end() <= end else _TOKEN.match(text, begin, end)
        if m is None:
            break
        kind = m.lastgroup or "punct"
        word = m.group()
        low = word.lower()
        if kind != "punct" and ("’" in low or "ʼ" in low):
            low = low.translate(_APOSTROPHES)
        newline = text.find("\n", prev, begin) >= 0
        prev = m.end()
        append(Tok(begin, prev, low, kind, -1, word[:1].isupper(), newline))


def inverted(tok: Tok, lex: Lexicon) -> tuple[str, int, int] | None:
    """``a-t-il``, ``ajoute-t-elle``, ``dit-il``: (verb, pronoun start, pronoun end), else None.

    The verb is a speech verb or an auxiliary; the pronoun offsets index the document.
    """
    if lex.english or tok.kind != "word" or "-" not in tok.low:
        return None
    m = _INVERTED.match(tok.low)
    if m is None or not (m.group(1) in lex.verbs or m.group(1) in lex.aux):
        return None
    return m.group(1), tok.start + m.start(2), tok.start + m.end(2)


def is_boundary(tok: Tok) -> bool:
    return tok.kind == "punct" and tok.low in BOUNDARY


def is_sentence_end(tok: Tok) -> bool:
    return tok.kind == "punct" and tok.low in SENTENCE_END


def is_person(tok: Tok, mentions: Mentions) -> bool:
    return tok.kind == "mention" and mentions.type(tok.mention) is EntityType.PERSON


def is_verb(tok: Tok, lex: Lexicon, *, strict: bool = False) -> bool:
    """A speech verb form; ``strict``: not a weak one nor a bare form that is also a noun."""
    if tok.kind != "word":
        return False
    if inverted(tok, lex) is not None:
        return True
    if tok.low not in lex.verbs:
        return False
    return not strict or (tok.low not in lex.weak and tok.low not in lex.noun_like)
