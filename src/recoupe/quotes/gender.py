"""What a document says of a person's gender, to read ``il`` / ``elle`` / ``he`` / ``she``.

Only the text's own grammar and titles are read, never a list of first names, and only where
they are unambiguous: a courtesy title before the name ("Mme", "Mrs", "M.", "Mr"); a kin word
given as a role ("sa veuve", "his wife", "son of"); a noun marked feminine ("directrice",
"chercheuse", "spokeswoman", "présidente"); an article or adjective before a noun of either
gender ("l'ancienne ministre", "la juge", "le porte-parole", "la journaliste"). Not the article
of a noun whose gender is its own ("la nouvelle recrue", "la victime" may be a man), nor a
masculine form women also use ("professeur", "chairman").

The mentions of one surname pool their evidence when the text names one person with it ("Anne
Hidalgo … Mme Hidalgo"); when it names several ("Jean Dupont et Claire Dupont"), each full name
keeps its own and a bare surname gets none. A person with evidence both ways, or none, has no
gender and stays a candidate for either pronoun.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from recoupe.entities.model import EntityType, Mention, RoleFact
from recoupe.entities.names import SUFFIXES, fold

Gender = Literal["f", "m"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLE_BEFORE = re.compile(
    r"(?:(?P<f>(?<![\w.])(?:Mme|Mmes|Mlle|Madame|madame|Mrs|Ms|Miss)\.?)"
    r"|(?P<m>(?<![\w.])(?:M\.|MM\.|Monsieur|monsieur|Mr\.?)))\s*$"
)
_WORD = r"[^\W\d_][\w-]*"
_BEFORE_ROLE = 24  # characters read before a role for its article and adjective
_ROLE_OPENING = 5  # words read at the start of a role, up to its first preposition
_STOP = _words("de du des d of for at in on à au aux chez en pour sur")
_FEMININE = _words(
    """femme mère fille sœur soeur épouse veuve compagne tante nièce grand-mère belle-mère
    ex-épouse présidente candidate avocate députée adjointe sénatrice directrice wife widow
    mother daughter sister actress queen princess girlfriend grandmother aunt niece
    stepmother stepdaughter heiress duchess"""
)
_MASCULINE = _words(
    """homme père fils frère époux mari veuf compagnon oncle neveu grand-père beau-père
    husband widower father son brother king prince boyfriend grandfather uncle nephew
    stepfather stepson président candidat avocat député adjoint sénateur directeur
    ambassadeur conseiller chanteur acteur"""
)
# articles and adjectives that say the gender of a noun of either gender
_FEMININE_AGREEMENT = _words("la une cette ancienne nouvelle première seule future")
_MASCULINE_AGREEMENT = _words("le un ce cet ancien nouveau premier seul futur")
_EITHER_GENDER = _words(
    """ministre juge secrétaire porte-parole responsable garde membre collègue élève
    adjoint-maire photographe interprète diplomate commissaire"""
)
_EITHER_ENDINGS = ("iste", "logue")  # "la journaliste", "le sinologue"
_FEMININE_ENDINGS = ("rice", "euse", "ière")
_SHORTEST = 6  # letters of a word read by its ending ("prise", "heureuse" are no roles)


def _either(word: str) -> bool:
    return word in _EITHER_GENDER or word.endswith(_EITHER_ENDINGS)


def _role_gender(words: Sequence[str]) -> Gender | None:
    """The gender the opening words of a role give, read up to its first preposition."""
    for position, word in enumerate(words[:_ROLE_OPENING]):
        if word in _STOP:
            return None
        if word in _FEMININE:
            return "f"
        if word in _MASCULINE:
            return "m"
        if len(word) >= _SHORTEST and (
            word.endswith(_FEMININE_ENDINGS) or (word.endswith("woman") and word != "woman")
        ):
            return "f"
        head = words[position + 1] if position + 1 < len(words) else ""
        if word in _FEMININE_AGREEMENT and _either(head):
            return "f"
        if word in _MASCULINE_AGREEMENT and _either(head):
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
    evidence: dict[int, set[Gender]] = defaultdict(set)  # mention -> genders
    for index, mention in enumerate(mentions):
        if mention.type is not EntityType.PERSON:
            continue
        found = _TITLE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if found is not None:
            evidence[index].add("f" if found.group("f") else "m")
    for role in roles:
        if mentions[role.mention].type is not EntityType.PERSON:
            continue
        # with the words just before it: "l'ancienne ministre" is told as a former "ministre"
        before = re.findall(_WORD, text[max(0, role.start - _BEFORE_ROLE) : role.start])[-2:]
        while before and before[0].lower() in _STOP:
            before = before[1:]  # "annonce de la ministre": from "la"
        words = [*before, *re.findall(_WORD, role.text)]
        gender = _role_gender([w.lower().replace("’", "'") for w in words])
        if gender is not None:
            evidence[role.mention].add(gender)
    # the mentions of one surname pool their evidence when the text gives one full name with
    # it ("Anne Hidalgo … Mme Hidalgo"); with several ("Jean Dupont et Claire Dupont") each
    # full name keeps its own and a bare surname gets none
    full_names: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.type is EntityType.PERSON and " " in fold(mention.text):
            full_names[_surname(mention.text)].add(fold(mention.text))
    pooled: dict[str, set[Gender]] = defaultdict(set)
    own: dict[str, set[Gender]] = defaultdict(set)
    for index, found_genders in evidence.items():
        pooled[_surname(mentions[index].text)] |= found_genders
        own[fold(mentions[index].text)] |= found_genders
    out: list[Gender | None] = []
    for mention in mentions:
        surname = _surname(mention.text)
        if mention.type is not EntityType.PERSON:
            known: set[Gender] = set()
        elif len(full_names.get(surname, ())) <= 1:
            known = pooled.get(surname, set())
        elif " " in fold(mention.text):
            known = own.get(fold(mention.text), set())
        else:
            known = set()
        out.append(next(iter(known)) if len(known) == 1 else None)
    return out


def _surname(name: str) -> str:
    """The last word of a name but a generational suffix ("Martin Luther King Jr." → "king")."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1] if words else ""
