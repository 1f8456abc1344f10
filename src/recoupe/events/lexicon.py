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


def _stems(words: str) -> list[str]:
    return sorted(words.split())


# A clause that tells something happening (for a dated sentence that names nobody): a verb in a
# past or future form, read strictly — states ("était de 2 euros", "est ouvert", "was high",
# "will be sunny") and -ed adjectives ("the expected growth", "Reduced fares") are none.
_PARTICIPLE_FR = (
    r"\w{2,}(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|u|ue|us|ues|û|ert|erte|ort|orte|int|inte)"
)
_MOVEMENT_FR = (
    r"(?:né|mort|décédé|arrivé|parti|venu|revenu|entré|rentré|sorti|tombé|devenu|passé|monté"
    r"|descendu|retourné|intervenu|survenu|apparu|disparu)(?:e|s|es)?"
)
# participles that tell a state after "est" ("le musée est fermé le lundi", "le 1er mai est
# férié"): not a happening told in the present
_STATES_FR = "|".join(
    _stems(
        """fermé fermée fermés fermées férié fériée chargé chargée chargés chargées occupé
        occupée situé située situés situées réservé réservée réservés réservées fixé fixée lié
        liée liés liées basé basée destiné destinée consacré consacrée dédié dédiée habité
        habitée composé composée squatté squattée assuré assurée prévu prévue connu connue
        connus connues inconnu inconnue gratuit gratuite petit petite parfait parfaite détenu
        détenue gris grise pris prise compris comprise exclu exclue"""
    )
)
_IRREGULAR_EN = _stems(
    """won lost broke fell went came began took gave made rose sold bought built left ran struck
    caught fought sank flew drove grew threw wrote shot led held paid sent spent hit quit shut
    opened died killed"""
)
_HAPPENING = re.compile(
    r"(?<!\w)(?:"
    # French: compound past and passive past, reflexive and movement verbs with être
    rf"(?:a|ont|avait|avaient|aura|auront|eut|eurent|ai|avons|avez)\s+(?:\w+\s+)?"
    rf"(?:été\s+)?(?:{_PARTICIPLE_FR}|dû|pu|eu|su|vu|lu|mis|pris|dit|fait)\b"
    rf"|(?:s['’]\s?(?:est|était|étaient)|se\s+sont|se\s+seront)\s+(?:\w+\s+)?{_PARTICIPLE_FR}\b"
    rf"|(?:est|sont|était|étaient|sera|seront)\s+(?:\w+\s+)?{_MOVEMENT_FR}\b"
    rf"|(?:sera|seront)\s+{_PARTICIPLE_FR}\b"
    # French narrative present, passive: "Le 10 octobre, il est averti", "sont interpellés"
    rf"|(?:est|sont)\s+(?!(?:{_STATES_FR})\b)\w{{2,}}(?:é|ée|és|ées|i|ie|is|ise|ises|u|ue|us|ues"
    r"|uit|uite|uits|uites)\b"
    # French: simple future, near future, planned, simple past plural, bare participle + date
    r"|\w{2,}(?:era|eront|ira|iront|dra|dront|rra|rront|ura|uront)\b"
    r"|(?:va|vont|doit|doivent|devrait|devraient|devra|devront)\s+(?:\w+\s+)?\w+(?:er|ir|re)\b"
    r"|prévue?s?\s+(?:pour|le|en|à|au|début|fin|mi)\b"
    r"|\w{3,}(?:èrent|irent|urent)\b"
    r"|\w{3,}(?:é|ée|és|ées|it|ite|uit|uite|is|ise|u|ue)\s+(?:en|le|au|dans|fin|début|mi)\b"
    # English: perfect and passive, simple past, future
    r"|(?:was|were|has|have|had|is\s+being|are\s+being|been)\s+(?:\w+ly\s+)?"
    r"(?:\w+(?:ed|en)|" + "|".join(_IRREGULAR_EN) + r")\b"
    r"|(?<!the\s)(?<!a\s)(?<!an\s)(?<!its\s)(?<!their\s)(?<!this\s)(?<!very\s)"
    r"(?<!is\s)(?<!are\s)(?<!be\s)(?<!am\s)"
    r"(?!\w*(?:eed|dred)\b)[a-z]{3,}ed\b"
    r"|(?:" + "|".join(_IRREGULAR_EN) + r")\b"
    r"|(?:will|shall|would)\s+(?:not\s+)?(?:be\s+\w+(?:ed|en)\b|(?!be\b)\w+)"
    r"|(?:is|are)\s+(?:due|set|scheduled|slated|planned|expected)\s+to\s+(?!be\b)"
    r"|plans?\s+to\b"
    r")"
)


def tells_happening(clause: str) -> bool:
    """Whether the clause tells something that happened or will: "was constructed", "a été
    construit", "fermera", "collapsed", "will close" — not a state ("était de 2 euros", "is
    quiet", "will be sunny")."""
    return _HAPPENING.search(clause) is not None


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
