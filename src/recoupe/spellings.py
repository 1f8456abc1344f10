"""Names written two ways that the entity layer kept apart: "Natixis" / "Natexis", "Olson" /
"Olsen", "Castel Gandolfo" / "Castelgandolfo", "CFDT" / "CDFT".

Two forms of names (whole names, or a person's surname) are one name spelled two ways when

- their letters are the same but cut into other words ("Trail Blazers" / "Trailblazers");
- one word of at least five letters differs by one letter doubled, dropped, changed or two
  letters swapped, with the same first letter — a plural or a feminine ending is no
  misspelling;
- two acronyms hold the same letters in another order ("RCN" / "RNC"), or one has a letter more
  (four letters at least: "CGPME" / "CGMPME"); an acronym with another letter names another
  body as often as not ("PCF" / "PCR"), so it is not taken.

Typography is no spelling: case, accents, apostrophes, dots of initials ("P.J." / "PJ") and a
hyphen for a space ("Jean-Luc" / "Jean Luc"). Two forms written in one sentence name two
things ("Dupont et Dupond"), and forms of types that exclude each other (a person, a place) are
two names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from recoupe.entities.model import EntityType
from recoupe.entities.names import fold

_MIN_WORD = 5  # letters of a word compared for a misspelling
_INFLECTIONS = frozenset({"s", "x", "e"})
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class Form:
    """One way a name is written, with where (document, start, end) and by which entity."""

    text: str
    entity: str
    type: EntityType
    spans: tuple[tuple[str, int, int], ...]


def variants(forms: Sequence[Form], texts: Mapping[str, str]) -> list[tuple[Form, Form]]:
    """Pairs of forms of other entities, or of one entity, that are one name spelled two ways."""
    by_letters: dict[str, list[Form]] = defaultdict(list)
    by_start: dict[tuple[str, int], list[Form]] = defaultdict(list)
    for form in forms:
        key = fold(form.text)
        by_letters[key.replace(" ", "")].append(form)
        by_start[(key[:1], len(key))].append(form)
    found: dict[tuple[str, str], tuple[Form, Form]] = {}
    for group in by_letters.values():
        for position, a in enumerate(group):
            for b in group[position + 1 :]:
                if _cut_otherwise(a.text, b.text):
                    _keep(found, a, b, texts)
    for (first, length), group in by_start.items():
        longer = by_start.get((first, length + 1), [])
        for position, a in enumerate(group):
            for b in [*group[position + 1 :], *longer]:
                if _misspelled(a.text, b.text):
                    _keep(found, a, b, texts)
    return [found[key] for key in sorted(found)]


def _keep(
    found: dict[tuple[str, str], tuple[Form, Form]], a: Form, b: Form, texts: Mapping[str, str]
) -> None:
    if not _compatible(a.type, b.type) or _side_by_side(a, b, texts):
        return
    key = tuple(sorted((fold(a.text), fold(b.text))))
    found.setdefault((key[0], key[1]), (a, b))


def _compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or EntityType.MISC in (a, b) or {a, b} == {EntityType.ORG, EntityType.LOC}


def _cut_otherwise(a: str, b: str) -> bool:
    """Same letters, other words: not a hyphen for a space, not the dots of initials."""
    return len(fold(a.replace(".", "")).split()) != len(fold(b.replace(".", "")).split())


def _misspelled(a: str, b: str) -> bool:
    if _ACRONYM.fullmatch(a) and _ACRONYM.fullmatch(b):
        return _acronym_variant(a, b)
    if _ACRONYM.fullmatch(a) or _ACRONYM.fullmatch(b):
        return False
    words_a, words_b = fold(a).split(), fold(b).split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if x[:1] != y[:1] or min(len(x), len(y)) < _MIN_WORD or not (x.isalpha() and y.isalpha()):
        return False
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and long[len(short) :] in _INFLECTIONS:
        return False  # a plural or a feminine: "Française" / "Français"
    return OSA.distance(x, y) == 1


def _acronym_variant(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sorted(a) == sorted(b) and OSA.distance(a, b) == 1
    return min(len(a), len(b)) >= 4 and OSA.distance(a, b) == 1


def _side_by_side(a: Form, b: Form, texts: Mapping[str, str]) -> bool:
    """Whether the two forms are written in one sentence (then they name two things)."""
    for doc_a, start_a, end_a in a.spans:
        for doc_b, start_b, end_b in b.spans:
            if doc_a != doc_b:
                continue
            low, high = min(start_a, start_b), max(end_a, end_b)
            if not _SENTENCE_END.search(texts[doc_a][low:high]):
                return True
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
        if kind is EntityType.PERSON and len(words) >= 2:
            surname = words[-1]
            offset = start + text.rindex(surname)
            spans[(entity, surname)].append((document, offset, offset + len(surname)))
            types[(entity, surname)] = kind
    return [
        Form(text, entity, types[(entity, text)], tuple(found))
        for (entity, text), found in sorted(spans.items())
    ]
