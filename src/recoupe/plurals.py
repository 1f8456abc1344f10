"""Plural forms of French and English nouns, for lexicons of offices and speakers."""

from __future__ import annotations

from collections.abc import Iterable


def french_plurals(words: Iterable[str]) -> frozenset[str]:
    """The words and their plurals (``-al`` → ``-aux``, else ``+s`` unless ending s/x/z)."""
    out: set[str] = set()
    for word in words:
        out.add(word)
        if word.endswith(("s", "x", "z")) or "-parole" in word:
            continue
        out.add(word[:-2] + "aux" if word.endswith("al") else word + "s")
    return frozenset(out)


def english_plurals(words: Iterable[str]) -> frozenset[str]:
    """The words and their plurals (-man → -men, -y → -ies, -s/-sh/-ch → -es, else +s)."""
    out: set[str] = set()
    for word in words:
        out.add(word)
        if word.endswith("man"):
            out.add(word[:-3] + "men")
        elif word.endswith("y") and word[-2:-1] not in "aeiou":
            out.add(word[:-1] + "ies")
        elif word.endswith(("s", "sh", "ch")):
            out.add(word + "es")
        else:
            out.add(word + "s")
    return frozenset(out)
