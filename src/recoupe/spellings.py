"""Names written two ways that the entity layer kept apart: "Natixis" / "Natexis", "Castel
Gandolfo" / "Castelgandolfo", "CFDT" / "CDFT" — flagged for a reader to decide, not merged.

Two forms of names of two entities (whole names, or a person's surname) are one name spelled two
ways when

- their letters are the same but cut into other words ("Trail Blazers" / "Trailblazers");
- one word differs by one letter doubled, dropped or two letters swapped (words of five letters
  or more), or one letter changed (six letters or more: "Obama" / "Osama" are two men), with the
  same first letter — a plural, a feminine ending (in a person's name only after "é": "Désiré" /
  "Désirée") or a place's adjective ending ("Sumatra" / "Sumatran") is no misspelling
  (:func:`inflected`);
- two acronyms differ the same way (of four letters or less, only by two letters swapped:
  "RCN" / "RNC"; "FIFA" / "FIFPA" are two bodies) — the entity layer's own thresholds
  (:data:`recoupe.entities.names.MIN_SUBSTITUTED`, :data:`~recoupe.entities.names.SHORT_ACRONYM`).

Typography is no spelling: case, accents, apostrophes, the dots and spaces of initials ("J. K." /
"J.K." / "JK") and a hyphen for a space ("Jean-Luc" / "Jean Luc"). Two forms written in one
sentence name two things ("Dupont et Dupond"); a person and a place, or a nation and its
adjective ("Israel" / "Israeli"), are two names; forms of one entity ("Syrie" / "Syria", joined
as one place) are not flagged here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from recoupe.abbreviations import ends_with_abbreviation
from recoupe.entities.model import EntityType
from recoupe.entities.names import MIN_SUBSTITUTED, SHORT_ACRONYM, fold

_MIN_WORD = 5  # letters of a word compared for a misspelling
_PLURALS = frozenset({"s", "x"})
_FEMININE = "e"
_ADJECTIVES = frozenset({"n", "i"})  # "Sumatran", "Israeli": a place's adjective
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_ROMAN = re.compile(r"[IVXLCDM]+")  # "Louis XIV": a number, not a surname
_INITIALS = re.compile(r"\b(\w) (?=\w\b)")  # "j k rowling" -> "jk rowling"
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class Form:
    """One way a name is written, with where (document, start, end) and by which entity."""

    text: str
    entity: str
    type: EntityType
    spans: tuple[tuple[str, int, int], ...]


def variants(forms: Sequence[Form], texts: Mapping[str, str]) -> list[tuple[Form, Form]]:
    """Pairs of forms of two entities that are one name spelled two ways.

    Blocked, never all pairs: by letters for names cut otherwise; for a misspelling, by the
    other words and one deletion from the differing word (two words one edit apart share one)."""
    by_letters: dict[str, list[Form]] = defaultdict(list)
    blocks: dict[tuple[tuple[str, ...], str], list[Form]] = defaultdict(list)
    for form in forms:
        by_letters[fold(form.text).replace(" ", "")].append(form)
        words = _words(form.text)
        for i, word in enumerate(words):
            rest = (*words[:i], "", *words[i + 1 :])
            for variant in {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}:
                blocks[(rest, variant)].append(form)
    found: dict[tuple[str, str], tuple[Form, Form]] = {}
    for group in by_letters.values():
        for position, a in enumerate(group):
            for b in group[position + 1 :]:
                if _cut_otherwise(a.text, b.text):
                    _keep(found, a, b, texts)
    seen: set[tuple[str, str, str, str]] = set()
    for group in blocks.values():
        for position, a in enumerate(group):
            for b in group[position + 1 :]:
                pair = (a.entity, a.text, b.entity, b.text)
                if a.entity == b.entity or a.text == b.text or pair in seen:
                    continue
                seen.add(pair)
                person = EntityType.PERSON in (a.type, b.type)
                if _misspelled(a.text, b.text, person=person):
                    _keep(found, a, b, texts)
    return [found[key] for key in sorted(found)]


def _keep(
    found: dict[tuple[str, str], tuple[Form, Form]], a: Form, b: Form, texts: Mapping[str, str]
) -> None:
    if a.entity == b.entity or not _compatible(a.type, b.type) or _side_by_side(a, b, texts):
        return
    key = tuple(sorted((fold(a.text), fold(b.text))))
    found.setdefault((key[0], key[1]), (a, b))


def _compatible(a: EntityType, b: EntityType) -> bool:
    """A body and a place are often one name typed two ways ("Gdansk"); a person or a thing
    ("Israeli", "iPods") and anything else are not."""
    return a == b or {a, b} == {EntityType.ORG, EntityType.LOC}


def _cut_otherwise(a: str, b: str) -> bool:
    """Same letters, other words: not a hyphen for a space, not the dots of initials."""
    return len(_words(a)) != len(_words(b))


@lru_cache(maxsize=1 << 14)
def _words(name: str) -> tuple[str, ...]:
    """The words of a name, folded, the initials of a run joined ("J. K." -> "jk")."""
    return tuple(_INITIALS.sub(r"\1", fold(name.replace(".", " "))).split())


def _misspelled(a: str, b: str, *, person: bool = False) -> bool:
    if _ACRONYM.fullmatch(a) and _ACRONYM.fullmatch(b):
        return _acronym_variant(a, b)
    if _ACRONYM.fullmatch(a) or _ACRONYM.fullmatch(b):
        return False
    differ = _one_word_differs(a, b)
    if differ is None:
        return False
    x, y = differ
    if x[:1] != y[:1] or min(len(x), len(y)) < _MIN_WORD or not (x.isalpha() and y.isalpha()):
        return False
    if _inflection(x, y, a, b, person=person):
        return False
    if len(x) == len(y) and sorted(x) != sorted(y) and len(x) < MIN_SUBSTITUTED:
        return False  # a letter changed in a short name: "Obama" / "Osama"
    return OSA.distance(x, y) == 1


def _one_word_differs(a: str, b: str) -> tuple[str, str] | None:
    """The one word (folded) two names of as many words write differently, if only one."""
    words_a, words_b = _words(a), _words(b)
    if len(words_a) != len(words_b):
        return None
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return differ[0] if len(differ) == 1 else None


def inflected(a: str, b: str, *, person: bool = False) -> bool:
    """Whether two forms of a name differ only by an ending that inflects a word rather than
    misspells it: a plural ("Checks" / "Check"), a feminine ("Française" / "Français",
    "Interrogée" / "Interrogé" — after an accented "é" in a person's name too: "Désiré" /
    "Désirée" are two names), or, but in a person's name, an adjective of a place ("Sumatran" /
    "Sumatra", "Israeli" / "Israel")."""
    differ = _one_word_differs(a, b)
    return differ is not None and _inflection(*differ, a, b, person=person)


def _inflection(x: str, y: str, a: str, b: str, *, person: bool) -> bool:
    """Whether ``x`` / ``y``, the one word names ``a`` / ``b`` write differently, differ by an
    inflecting ending (see :func:`inflected`)."""
    short, long = sorted((x, y), key=len)
    if not long.startswith(short) or len(short) < _MIN_WORD:
        return False  # "de" / "des" in a body's name: a spelling, not a word inflected
    ending = long[len(short) :]
    accented = any(word.lower().endswith(("é", "ée")) for word in (*a.split(), *b.split()))
    return (
        ending in _PLURALS
        or (ending == _FEMININE and (not person or accented))
        or (ending in _ADJECTIVES and not person)
    )


def _acronym_variant(a: str, b: str) -> bool:
    swapped = sorted(a) == sorted(b)
    if min(len(a), len(b)) <= SHORT_ACRONYM and not swapped:
        return False  # "FIFA" / "FIFPA", "PCF" / "PCR": two bodies
    return OSA.distance(a, b) == 1


def _side_by_side(a: Form, b: Form, texts: Mapping[str, str]) -> bool:
    """Whether the two forms are written in one sentence (then they name two things)."""
    for doc_a, start_a, end_a in a.spans:
        for doc_b, start_b, end_b in b.spans:
            if doc_a != doc_b:
                continue
            low, high = min(start_a, start_b), max(end_a, end_b)
            text = texts[doc_a]
            if not any(
                text[m.start()] != "." or not ends_with_abbreviation(text, m.start())
                for m in _SENTENCE_END.finditer(text, low, high)
            ):
                return True  # no sentence ends between them ("M. Dupont et M. Dupond")
    return False


def forms_of(
    mentions: Iterable[tuple[str, EntityType, str, int, int, str]],
) -> list[Form]:
    """The forms of names from (entity id, type, document, start, end, text) mentions: each
    whole name as written, and a person's surname when it is written with a given name."""
    spans: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    types: dict[tuple[str, str], EntityType] = {}
    for entity, kind, document, start, end, text in mentions:
        written = " ".join(text.split())
        spans[(entity, written)].append((document, start, end))
        types[(entity, written)] = kind
        words = written.split()
        if kind is EntityType.PERSON and len(words) >= 2 and not _ROMAN.fullmatch(words[-1]):
            surname = words[-1]
            offset = start + text.rindex(surname)
            spans[(entity, surname)].append((document, offset, offset + len(surname)))
            types[(entity, surname)] = kind
    return [
        Form(text, entity, types[(entity, text)], tuple(found))
        for (entity, text), found in sorted(spans.items())
    ]
