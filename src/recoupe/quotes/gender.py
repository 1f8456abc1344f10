"""What a document says of a person's gender, to read ``il`` / ``elle`` / ``he`` / ``she``.

Only the text's own grammar and titles are read, never a list of first names: a courtesy title
before the name ("Mme", "Mrs", "M.", "Mr"), and the words opening a role given to the person
("l'ancienne candidate", "directrice de", "la porte-parole", "his widow", "spokeswoman"). A
person's gender is shared by the mentions of the same surname in the document; a person with
evidence both ways, or none, has no gender and stays a candidate for either pronoun.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from recoupe.entities.model import EntityType, Mention, RoleFact

Gender = Literal["f", "m"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLE_BEFORE = re.compile(
    r"(?:(?P<f>\b(?:Mme|Mmes|Mlle|Madame|madame|Mrs|Ms|Miss)\.?)"
    r"|(?P<m>\b(?:M\.|MM\.|Monsieur|monsieur|Mr\.?)))\s*$"
)
_ROLE_OPENING = 3  # words read at the start of a role: its determiner, adjective and head
_FEMININE = _words(
    """la une cette ancienne nouvelle première dernière seule future femme mère fille sœur
    soeur épouse veuve compagne tante nièce grand-mère belle-mère madame candidate avocate
    présidente adjointe députée élue experte ex-épouse wife widow mother daughter
    sister actress queen princess girlfriend grandmother aunt niece stepmother stepdaughter
    heiress lady duchess"""
)
_MASCULINE = _words(
    """le un ce cet ancien nouveau premier dernier seul futur homme père fils frère époux
    mari veuf compagnon oncle neveu grand-père beau-père monsieur candidat avocat président
    adjoint député élu expert husband widower father son brother king prince
    boyfriend grandfather uncle nephew stepfather stepson"""
)
# French feminine and masculine endings of doer nouns ("directrice", "chercheuse" /
# "directeur", "chercheur"); English compounds in -woman / -man ("spokeswoman", "chairman")
_FEMININE_ENDINGS = ("rice", "euse", "ienne", "woman", "women")
_MASCULINE_ENDINGS = ("teur", "seur", "ien", "man", "men")
_ELIDED = frozenset({"l", "d"})  # "l'ancienne", split at the apostrophe
_SHORTEST = 5  # letters: shorter words are too often something else ("men", "bien")


def _word_gender(word: str) -> Gender | None:
    """The gender a role's word gives; capitalised words are names ("German", "Truman")."""
    if word[:1].isupper():
        return None
    if word in _FEMININE:
        return "f"
    if word in _MASCULINE:
        return "m"
    if len(word) >= _SHORTEST:
        if word.endswith(_FEMININE_ENDINGS):
            return "f"
        if word.endswith(_MASCULINE_ENDINGS) and not word.endswith("woman"):
            return "m"
    return None


def pronoun_gender(pronoun: str) -> Gender | None:
    """``elle``, ``a-t-elle``, ``she`` → f; ``il``, ``a-t-il``, ``he`` → m; else None."""
    last = re.split(r"[-\s]", pronoun.strip().lower())[-1]
    if last in ("elle", "she"):
        return "f"
    if last in ("il", "he"):
        return "m"
    return None


def genders(
    text: str, mentions: Sequence[Mention], roles: Sequence[RoleFact]
) -> list[Gender | None]:
    """The gender the document gives each mention's person (None: unknown or contradictory)."""
    evidence: dict[int, set[Gender]] = defaultdict(set)
    for index, mention in enumerate(mentions):
        if mention.type is not EntityType.PERSON:
            continue
        found = _TITLE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if found is not None:
            evidence[index].add("f" if found.group("f") else "m")
    for role in roles:
        if mentions[role.mention].type is not EntityType.PERSON:
            continue
        words = re.findall(r"[^\W\d_][\w-]*", role.text)
        for word in words[:_ROLE_OPENING]:
            gender = _word_gender(word)
            if gender is not None:
                evidence[role.mention].add(gender)
            if gender is not None or word not in _ELIDED:
                break  # the first word that is no elided article: the determiner or the head
    by_surname: dict[str, set[Gender]] = defaultdict(set)
    for index, found_genders in evidence.items():
        by_surname[_surname(mentions[index].text)] |= found_genders
    out: list[Gender | None] = []
    for mention in mentions:
        known = by_surname.get(_surname(mention.text), set())
        out.append(
            next(iter(known)) if mention.type is EntityType.PERSON and len(known) == 1 else None
        )
    return out


def _surname(name: str) -> str:
    words = name.lower().split()
    return words[-1] if words else ""
