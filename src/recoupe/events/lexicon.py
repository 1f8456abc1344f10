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


def _word_list(words: str) -> list[str]:
    return sorted(words.split())


# A clause that tells something happening (for a dated sentence that names nobody): a verb in a
# past or future form, read strictly, one pattern per language — states ("était de 2 euros",
# "est fermé", "was high", "will be sunny", "il fera beau") and -ed adjectives ("the expected
# growth", "Reduced fares") are none.

# participles that tell a state after "est" ("le musée est fermé le lundi", "le 1er mai est
# férié"): not a happening told in the present
_STATES_FR = "|".join(
    _word_list(
        """fermé fermée fermés fermées férié fériée chargé chargée chargés chargées occupé
        occupée situé située situés situées réservé réservée réservés réservées fixé fixée lié
        liée liés liées basé basée destiné destinée consacré consacrée dédié dédiée habité
        habitée composé composée squatté squattée assuré assurée prévu prévue connu connue
        connus connues inconnu inconnue gratuit gratuite petit petite parfait parfaite détenu
        détenue gris grise pris prise compris comprise exclu exclue élevé élevée élevés
        élevées dégagé dégagée inchangé inchangée inchangés limité limitée limités agité agitée
        tendu tendue bondé bondée"""
    )
)
_WEEKDAYS_FR = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_NOT_PARTICIPLE_FR = (
    r"(?!(?:plus|tous|sous|nous|vous|lui|qui|aussi|ici|ceci|cela|moins|tout|jus|dessus|un|une"
    r"|le|la|les|des|du|de|son|sa|ses|leur|leurs|ce|cette|ces|lieu|peu)\b)"
)
_PARTICIPLE_FR = (
    _NOT_PARTICIPLE_FR
    + r"\w{2,}(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|u|ue|us|ues|û|ert|erte|ort|orte|int|inte)"
)
_ADVERB_FR = (
    r"(?:(?:ne|n['’]|pas|déjà|bien|encore|aussi|toujours|jamais|enfin|ensuite|finalement)\s*)"
)
_MOVEMENT_FR = (
    r"(?:né|mort|décédé|arrivé|parti|venu|revenu|entré|rentré|sorti|tombé|devenu|monté"
    r"|descendu|retourné|intervenu|survenu|apparu|disparu)(?:e|s|es)?"
)
_COPULAS_FR = r"(?:être|faire|rester|sembler|paraître|demeurer|devenir|avoir)"
_HAPPENING_FR = re.compile(
    r"(?<![\w-])(?:"
    # compound and passive past, reflexive verbs, verbs of movement with être
    rf"(?:a|ont|avait|avaient|aura|auront|eut|eurent|ai|avons|avez)\s+{_ADVERB_FR}*"
    rf"(?:été\s+)?(?:{_PARTICIPLE_FR}|dû|pu|eu\s+lieu|mis|pris|dit|fait)\b"
    rf"|(?:s['’]\s?(?:est|était|étaient)|se\s+sont|se\s+seront)\s+{_ADVERB_FR}*{_PARTICIPLE_FR}\b"
    rf"|(?:est|sont|était|étaient|sera|seront)\s+{_ADVERB_FR}*{_MOVEMENT_FR}\b"
    # a passive told in the present ("Le 10 octobre, il est averti"), not a state ("est fermé")
    rf"|(?:est|sont)\s+(?!(?:{_STATES_FR})\b)(?!\w*ique\b|{_WEEKDAYS_FR}\b)"
    r"\w{2,}(?:é|ée|és|ées|i|ie|is|ise|ises|u|ue|us|ues"
    r"|uit|uite|uits|uites)\b"
    r"|(?:aura|auront|a\s+eu|ont\s+eu|avait\s+eu)\s+lieu\b"
    # passive future ("sera démoli"), simple future, near future, planned
    r"|(?:sera|seront)\s+"
    + _NOT_PARTICIPLE_FR
    + r"\w{3,}(?:é|ée|és|ées|i|ie|is|ies|uit|uite|uits)\b"
    r"|\w{3,}(?:era|eront|ira|iront|dra|dront|rra|rront)\b"
    rf"|(?:va|vont|doit|doivent|devrait|devraient|devra|devront)\s+(?:s['’]|se\s+)?"
    rf"(?!{_COPULAS_FR}\b)\w+(?:er|ir|re)\b"
    r"|prévue?s?\s+(?:pour|le|en|à|au|début|fin|mi)\b"
    # simple past ("ferma", "fermèrent"), a participle right before its date ("fondée en 1902")
    r"|\w{4,}(?:a|èrent|irent|urent)\s+(?:ses|sa|son|les|la|le|l['’]|leurs?|des|un|une|en)\b"
    r"|(?<!est\s)(?<!sont\s)(?<!était\s)(?<!sera\s)(?<!reste\s)"
    r"(?<!le\s)(?<!la\s)(?<!les\s)(?<!l['’])(?<!un\s)(?<!une\s)(?<!du\s)(?<!des\s)"
    r"(?<!de\s)(?<!son\s)(?<!sa\s)(?<!ce\s)"
    r"[a-zàâçéèêëîïôûùüÿœ]{4,}(?:é|ée|és|ées|uit|uite|uits)\s+(?:en|le|au|dans|fin|début|mi)\b"
    r")"
)
# English simple pasts ("left", "hit", "shut", "lost" are as often an adjective, a noun or a
# present; a hyphen makes "sold-out", "student-led" adjectives)
_IRREGULAR_EN = _word_list(
    """broke fell went came began took gave rose sank flew drove grew threw wrote struck fought
    caught spread swept froze burst fled made sold held paid led built sent spent ran won"""
)
_NOT_PARTICIPLE_EN = r"(?!(?:been|open|even|often|seven|eleven|ten|frozen|golden|wooden)\b)"
# words after which an -ed word is an adjective: "the expected growth", "will stay unchanged"
_BEFORE_ADJECTIVE_EN = _word_list(
    """the a an its their this very is are be am stay stays remain remains seem seems look
    rights"""
)
_DETERMINERS_EN = "".join(rf"(?<!{w}\s)(?<!{w.capitalize()}\s)" for w in _BEFORE_ADJECTIVE_EN)
_COPULAS_EN = r"(?:be|remain|stay|feel|seem|look|become|get)"
_HAPPENING_EN = re.compile(
    r"(?<![\w-])(?:"
    # perfect and passive
    r"(?:was|were|has|have|had|is\s+being|are\s+being|has\s+been|have\s+been|had\s+been)\s+"
    rf"(?:\w+ly\s+)?{_NOT_PARTICIPLE_EN}(?:\w+(?:ed|en)|" + "|".join(_IRREGULAR_EN) + r")\b"
    # simple past: a verb in -ed, not an adjective before its noun
    rf"|{_DETERMINERS_EN}(?!\w*(?:eed|dred)\b)[a-z]{{2,}}ed\b(?!-)"
    r"|(?:" + "|".join(_IRREGULAR_EN) + r")\b(?!-)"
    # future
    rf"|(?:will|shall|would)\s+(?:not\s+)?(?:be\s+\w+(?:ed|en)\b|(?!{_COPULAS_EN}\b)[a-z]+\b)"
    rf"|(?:is|are)\s+(?:due|set|scheduled|slated|planned|expected)\s+to\s+(?!{_COPULAS_EN}\b)"
    r"|plans?\s+to\b"
    r")"
)


def tells_happening(clause: str, language: str | None = None) -> bool:
    """Whether the clause tells something that happened or will: "was constructed", "a été
    construit", "fermera", "collapsed", "will close" — not a state ("était de 2 euros", "is
    quiet", "will be sunny", "est fermé"). ``language``: "fr", "en", or None for either."""
    patterns = {"fr": (_HAPPENING_FR,), "en": (_HAPPENING_EN,)}.get(
        language or "", (_HAPPENING_FR, _HAPPENING_EN)
    )
    return any(p.search(clause) is not None for p in patterns)


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
