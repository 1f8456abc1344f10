"""Generic French and English words for kinds of happening, tense and cancellation.

Word stems, matched at the start of words, case-insensitively. Nothing here is about a story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CLASSES: dict[str, tuple[str, ...]] = {
    "meeting": (
        "réunion",
        "réuni",
        "rencontre",
        "sommet",
        "conseil de défense",
        "meeting",
        "met ",
        "meet",
        "summit",
        "talks",
        "convoqu",
        "reconven",
        "convene",
        "session",
    ),
    "visit": ("visite", "déplacement", "se rendr", "rendra", "voyage", "visit", "trip", "travel"),
    "launch": (
        "lancement",
        "lancé",
        "lancer",
        "débuter",
        "début",
        "install",
        "institu",
        "créa",
        "entr",
        "mise en place",
        "ouverture",
        "launch",
        "start",
        "set up",
        "establish",
        "creat",
        "open",
        "inaugur",
        "take charge",
        "enter into force",
    ),
    "killing": (
        "assassin",
        "tué",
        "meurtre",
        "abattu",
        "mort",
        "décès",
        "killed",
        "killing",
        "murder",
        "shot",
        "dead",
        "death",
    ),
    "arrest": ("interpell", "arrêt", "garde à vue", "mis en examen", "arrest", "detain", "charged"),
    "trial": (
        "procès",
        "audience",
        "jugement",
        "condamn",
        "trial",
        "hearing",
        "sentenc",
        "convict",
    ),
    "election": (
        "élection",
        "scrutin",
        "municipales",
        "législatives",
        "présidentielle",
        "vote",
        "election",
        "ballot",
        "poll",
    ),
    "law": ("loi", "décret", "promulg", "adopt", "law", "bill", "act ", "enact"),
    "march": (
        "marche",
        "manifestation",
        "rassemblement",
        "cortège",
        "march",
        "protest",
        "rally",
        "vigil",
    ),
    "investigation": (
        "enquête",
        "saisi",
        "perquisition",
        "investigation",
        "inquiry",
        "probe",
        "raid",
    ),
    "announcement": ("annonc", "déclar", "annonce", "announc", "declar", "unveil"),
    "appointment": ("nomin", "nommé", "désign", "appoint", "named", "propos"),
    "candidacy": ("candidat", "campagne", "candidacy", "campaign", "run for"),
    "exfiltration": ("exfiltr", "évacu", "evacuat"),
}
_CLASS_PATTERNS = {
    name: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)
    for name, stems in CLASSES.items()
}

_FUTURE = re.compile(
    r"(?<!\w)(?:prévoi\w*|prévu\w*|doi(?:t|vent) |devr\w+|va |vont |sera\b|seront\b|aura\b|"
    r"auront\b|envisag\w+|compte |projet\w*|à venir|prochaine?s?|"
    r"\w+(?:era|eront|erait|eraient|ira|iront|irait|iraient)\b|"
    r"will|would|shall|plans? to|planned|is due|are due|due to|expected to|set to|going to|"
    r"scheduled|upcoming|next|intends? to)",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"(?<!\w)(?:(?:a|ont|avait|avaient|est|sont|était|étaient|ai|as|avons|avez|eu|été)\s+"
    r"(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|it|u|us|ert|ort)\b|"
    r"\w+(?:ait|aient|a|èrent)\b(?=\s)|dernier|dernière|hier|"
    r"was|were|had|has been|have been|did|ago|last|yesterday|earlier|\w+ed\b(?!\s+to\b))",
    re.IGNORECASE,
)
_CANCEL = re.compile(
    r"(?<!\w)(?:annul\w*|report[ée]e?s?\b|ajourn\w*|suspendu\w*|abandonn\w*|"
    r"cancel\w*|postpon\w*|called off|scrapped|delayed|put off|suspended)",
    re.IGNORECASE,
)


# the classes that name the telling of a thing, not the thing told: "announced" says nothing of
# which happening a sentence is about
SAYING = frozenset({"announcement"})


def happenings(found: Iterable[str]) -> set[str]:
    """The kinds of happening among ``found`` classes, the telling left out."""
    return set(found) - SAYING


def classes(sentence: str) -> tuple[str, ...]:
    """Kinds of happening the sentence names."""
    return tuple(name for name, pattern in _CLASS_PATTERNS.items() if pattern.search(sentence))


def tense(clause: str) -> str:
    """ "future" when the clause announces, "past" when it reports, else "none"."""
    future, past = len(_FUTURE.findall(clause)), len(_PAST.findall(clause))
    if future > past:
        return "future"
    if past > future:
        return "past"
    return "none"


def is_cancelled(sentence: str) -> bool:
    return _CANCEL.search(sentence) is not None
