"""What people type into a search box, as an SQLite FTS5 query.

Each group of characters between spaces or commas is a phrase of its words ("l'Élysée",
"Bouches-du-Rhône", "U.S.", "Jean-Luc" each match as written, apostrophes, hyphens and dots being
word breaks in the index), and every phrase must be found: no character of the query is FTS5
syntax. ``--fts`` gives the query to FTS5 as it is.
"""

from __future__ import annotations

import re

from recoupe.errors import UsageError

MAX_TERMS = 32  # phrases in one query: more makes one search take seconds, and finds nothing
_GROUP = re.compile(r"[^\s,;]+")
_WORD = re.compile(r"\w+")


def plain_query(text: str) -> str:
    """The FTS5 query that finds documents holding every group of words of ``text``."""
    phrases = []
    for group in _GROUP.findall(text):
        words = _WORD.findall(group)
        if words:
            phrases.append('"' + " ".join(words) + '"')
    if not phrases:
        raise UsageError(f"nothing to search for in {text!r}: give at least one word")
    if len(phrases) > MAX_TERMS:
        raise UsageError(f"the query has {len(phrases)} words or phrases; give at most {MAX_TERMS}")
    return " ".join(phrases)
