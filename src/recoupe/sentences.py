"""Sentences of a text, for the stages that read facts sentence by sentence (events, figures).

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (a closing quote may follow) before a capital, a
digit, an opening quote or bracket, and at every line break; a full stop after an abbreviation
("Sgt. Roe", "U.S. Customs", "Brian G. Nichols", "the game vs. Atlanta", "Apple Inc. President")
ends none (:mod:`recoupe.abbreviations`) — at the cost of "… in the U.S. Mexico said", "… signed
by Acme Inc. The company will pay …"; nor does a stop before a closing bracket ("(An earlier
version misstated it.) The victims …" runs on).
"""

from __future__ import annotations

import re

from recoupe.abbreviations import ends_with_abbreviation

_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"’]?\s+(?=[«“\"‘(0-9]|[^\W\d_])|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, white space trimmed; a full stop after an
    abbreviation ("Sgt. Roe", "U.S. Customs", "Brian G. Nichols") ends none."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        newline = "\n" in match.group()
        if not newline and text[match.end()].islower():
            continue  # "… 3 p.m. and", "Mr. … etc. and": the sentence goes on
        dot = match.start() - 1
        stop = text[dot : dot + 1] == "." and not newline
        if stop and ends_with_abbreviation(text, dot):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the white space at either end of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
