"""Stretches of text between quotation marks, and dialogue lines opened by a dash.

Marks pair within a paragraph (a line). Double marks (“ ”, „, straight ") pair with each other,
whatever their shape (``“state of emergency"`` is a pair); guillemets « » pair with each other;
single marks ‘ ’ and straight ' only at word edges (an opening one after a space or an opening
bracket and before a letter, a closing one after a letter or punctuation and before a space or
punctuation), so that apostrophes never open or close a quote.

A double mark opening a sentence while another is open in the same paragraph ends the open quote
there: it lost its closing mark (``"It was a fine building. "It's devastating."``, a paragraph
break flattened away). A quotation running over several paragraphs (an opening mark on each
paragraph, a closing one on the last only; for guillemets a paragraph may also open with » or «)
is one stretch, from the first opening mark to the last closing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = " \t\u00a0\u202f\u2009\u2007"
_DOUBLE = re.compile(r"[“”„\"]")
_GUILLEMET = re.compile(r"[«»]")
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[«“—–])[‘'](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?=[\s.,;:!?)\]»”…—–]|$)")
_DASH_LINE = re.compile(r"(?m)^[ \t\u00a0]*[—–][ \t\u00a0]+(?=\S)")
_OPENERS_BEFORE = frozenset(" \t\n\u00a0\u202f([{«—–-/")
_CLOSERS_AFTER = frozenset(" \t\n\u00a0\u202f.,;:!?)]}»…—–-/")


@dataclass(frozen=True, slots=True)
class Stretch:
    """Quoted words: marks at ``open`` and ``close`` (``close`` is the closing mark's offset),
    words in ``[start, end)`` (white space and a trailing comma trimmed)."""

    open: int
    close: int
    start: int
    end: int
    kind: str  # double guillemet single dash


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1] == "\n"):
        end -= 1
    if end > start and text[end - 1] == ",":  # “…,” he said: the comma is the sentence's
        end -= 1
        while end > start and text[end - 1] in _SPACE:
            end -= 1
    return start, end


def _stretch(text: str, opening: int, closing: int, kind: str) -> Stretch | None:
    start, end = _trim(text, opening + 1, closing)
    if start >= end or not any(c.isalnum() for c in text[start:end]):
        return None
    return Stretch(opening, closing, start, end, kind)


def _double_role(text: str, pos: int) -> str:
    """``open``, ``close`` or ``""`` for the double mark at ``pos``."""
    c = text[pos]
    if c in "“„":
        return "open"
    if c == "”":
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    if not before.isspace() and (after in _CLOSERS_AFTER or after == '"'):
        return "close"
    return ""


def _guillemet_role(text: str, pos: int) -> str:
    return "open" if text[pos] == "«" else "close"


def _continues(text: str, last: int, pos: int) -> bool:
    """Whether the mark at ``pos`` opens the paragraph right after the one holding ``last``."""
    gap = text[last + 1 : pos]
    first, final = gap.find("\n"), gap.rfind("\n")
    if first < 0:
        return False
    blank = _SPACE + "\n"
    return not gap[first:final].strip(blank) and not gap[final + 1 :].strip(blank)


_APOSTROPHE_CLOSE = ("’’", "''")  # a closing mark typed as two apostrophes
# a stop, a single mark closing a quote inside the quote maybe, and spaces: "… ‘unsafe.’  “"
_AFTER_STOP = re.compile(r"[.!?…]['’]?[ \t\u00a0\u202f]+\Z")


def _lost_closing(text: str, opening: int, pos: int) -> bool:
    """Whether the double mark opening at ``pos`` while the one at ``opening`` is open tells
    that the open quote lost its closing mark (``"It was a fine building. "It's devastating."``,
    a paragraph break flattened away): it opens a sentence — after a stop and a space — the
    open one opened words (no space after it), and none between was closed otherwise (``’’``).
    Not a quote inside a quote (``told me “you are fired” I``), nor a title (``to “Thriller”``)."""
    return (
        _AFTER_STOP.search(text, max(0, pos - 8), pos) is not None
        and not text[opening + 1 : opening + 2].isspace()
        and not any(mark in text[opening:pos] for mark in _APOSTROPHE_CLOSE)
    )


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return text.find("\n", a, b) < 0


def _pair(text: str, events: list[tuple[int, str]], kind: str, cont: str) -> list[Stretch]:
    """Pairs of ``open``/``close`` events; ``cont``: marks that may also open a continuation."""
    out: list[Stretch] = []
    opening = -1
    last = -1
    for pos, role in events:
        if opening >= 0 and not _same_paragraph(text, last, pos):
            if _continues(text, last, pos) and text[pos] in cont:
                last = pos
                continue
            opening = -1
        if role == "open":
            if opening >= 0 and kind == "double" and _lost_closing(text, opening, pos):
                found = _stretch(text, opening, pos, kind)
                if found is not None:
                    out.append(found)
            opening, last = pos, pos
        elif role == "close" and opening >= 0:
            found = _stretch(text, opening, pos, kind)
            if found is not None:
                out.append(found)
            opening = -1
    return out


def doubles(text: str) -> list[Stretch]:
    """Double marks paired. A straight one that its neighbours do not tell (spaces on both
    sides, ``stating, " I have … come. " In``, as scraped pages often write them) opens when
    none is open, else closes; one before a stop closes an open quote, and so does one after a
    comma and a space (``progress, "said X``: the closing mark shifted), or after a stop and a
    space when the sentence goes on in lowercase; after a stop and a space before a capital it
    opens the next quote, the open one having lost its closing mark — unless the straight marks
    left in the paragraph, itself included, are odd in number: then it closes the open quote and
    the rest pair without it (``on this team. "The member …``, a paragraph break lost)."""
    events: list[tuple[int, str]] = []
    pending = False
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        if events and not _same_paragraph(text, events[-1][0], pos):
            pending = False
        role = _double_role(text, pos) or ("close" if pending else "open")
        if (
            pending
            and role == "open"
            and text[pos] == '"'
            and text[pos + 1 : pos + 2] in _CLOSERS_AFTER
        ):
            role = "close"  # "… ce qu'ils font ". : a spaced straight mark before a stop closes
        elif pending and role == "open" and text[pos] == '"' and _spaced_after_clause(text, pos):
            role = "close"  # "… progress, "said Stefanski: the mark lost its place, not a new quote
        elif pending and role == "open" and text[pos] == '"' and _odd_rest(text, pos):
            role = "close"  # "… on this team. "The member …": the marks left pair without it
        events.append((pos, role))
        pending = role == "open"
    return _pair(text, events, "double", '“„"')


def _odd_rest(text: str, pos: int) -> bool:
    """Whether the straight marks from ``pos`` to the paragraph's end are odd in number: then
    the one at ``pos`` closes the open quote (a space slipped before it), else the rest pair."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text.count('"', pos, end) % 2 == 1


def _spaced_after_clause(text: str, pos: int) -> bool:
    """A straight mark after a space that follows a clause's end (``progress, "said``)."""
    if pos < 2 or text[pos - 1] not in _SPACE:
        return False
    after = text[pos + 1 : pos + 2]
    # after a comma; after a stop only when the sentence goes on in lowercase ("done. "said")
    return text[pos - 2] == "," or (text[pos - 2] in ".!?…" and after.islower())


def guillemets(text: str) -> list[Stretch]:
    events = [(m.start(), _guillemet_role(text, m.start())) for m in _GUILLEMET.finditer(text)]
    return _pair(text, events, "guillemet", "«»")


def singles(text: str) -> list[Stretch]:
    opens = [m.start() for m in _SINGLE_OPEN.finditer(text)]
    if not opens:
        return []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    out: list[Stretch] = []
    j = 0
    taken = -1
    for i, opening in enumerate(opens):
        if opening <= taken:
            continue
        while j < len(closes) and closes[j] <= opening:
            j += 1
        if j == len(closes):
            break
        closing = closes[j]
        nxt = opens[i + 1] if i + 1 < len(opens) else len(text)
        if nxt < closing or not _same_paragraph(text, opening, closing):
            continue
        found = _stretch(text, opening, closing, "single")
        if found is not None:
            out.append(found)
            taken = closing
    return out


def dash_lines(text: str) -> list[Stretch]:
    """Lines opened by a dash (``— Oui, a-t-il répondu.``): the words after it to the line end."""
    out: list[Stretch] = []
    for m in _DASH_LINE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        start, end = _trim(text, m.end(), line_end)
        if start < end:
            out.append(Stretch(m.end() - 1, line_end, start, end, "dash"))
    return out


def stretches(text: str) -> list[Stretch]:
    """Every stretch between marks, and every dash line, sorted by start (they may overlap)."""
    found = doubles(text) + guillemets(text) + singles(text) + dash_lines(text)
    return sorted(found, key=lambda s: (s.start, -s.end))
