"""Hard line breaks inside sentences joined again (a PDF's text layer, a text wrapped at 72
columns), so that a name, a date or a quotation cut by a line end reads whole.

A line break is kept where a paragraph ends: a blank line, a line clearly shorter than the
text's usual width that ends a sentence, a line that is a heading (short, no final punctuation,
followed by a capitalised line), or before a list item, a dash or a quotation mark opening a
line. Every other break is a space; a word cut by a hyphen at a line end was joined before.
"""

from __future__ import annotations

import re

_TERMINAL = tuple(".!?:;»”\"')…")
_CUT_AT_HYPHEN = re.compile(r"[^\W\d_]-\s*$")
_OPENS_BLOCK = re.compile(r"^\s*(?:[-–—•*·]\s|\d{1,2}[.)]\s|[«“\"])")
_MIN_LINES = 4  # lines a text needs before its width means anything
_SHORT = 0.7  # a line shorter than this share of the usual width may end a paragraph
_WRAPPED_SHARE = 0.3  # share of lines ending mid-sentence near full width: a wrapped text


def _width(lines: list[str]) -> int:
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 20)
    if len(lengths) < _MIN_LINES:
        return 0
    return lengths[int(len(lengths) * 0.9) - 1]


def is_wrapped(text: str) -> bool:
    """Whether ``text`` was wrapped at a fixed width: many lines near the usual width end
    without a sentence's punctuation."""
    lines = [line for line in text.split("\n") if line.strip()]
    width = _width(lines)
    if width == 0 or width > 160:
        return False
    cut = [
        line
        for line in lines
        if len(line.rstrip()) >= _SHORT * width and not line.rstrip().endswith(_TERMINAL)
    ]
    return len(cut) >= _WRAPPED_SHARE * len(lines)


def reflow(text: str) -> str:
    """``text`` with the line breaks inside its paragraphs turned into spaces."""
    lines = text.split("\n")
    width = _width(lines)
    if width == 0:
        return text
    out: list[str] = []
    joined = False
    for position, line in enumerate(lines):
        following = lines[position + 1] if position + 1 < len(lines) else ""
        line = line.lstrip() if joined else line
        joined = position + 1 < len(lines) and _joins(line, following, width)
        if joined and _CUT_AT_HYPHEN.search(line) and following.lstrip()[:1].isalpha():
            out.append(line.rstrip())  # "Saint-\nPierre": the hyphen stays, no space
        else:
            out.append(line.rstrip() + " " if joined else line)
        if position + 1 < len(lines) and not joined:
            out.append("\n")
    return "".join(out)


def _joins(line: str, following: str, width: int) -> bool:
    current = line.rstrip()
    if not current.strip() or not following.strip():
        return False  # a blank line: a paragraph ends
    if _OPENS_BLOCK.match(following):
        return False
    short = len(current) < _SHORT * width
    if short and current.endswith(_TERMINAL):
        return False  # the last line of a paragraph
    # a short line before a capitalised one: a heading, a byline, a line of its own
    return not (short and following.lstrip()[:1].isupper() and not current.endswith((",", "-")))
