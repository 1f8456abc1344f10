"""Context cues for an entity's type, in French and English: generic words, never names."""

from __future__ import annotations

import re

from recoupe.entities.model import EntityType
from recoupe.entities.names import is_acronym
from recoupe.entities.roles import PERSON_TITLES
from recoupe.entities.territories import territory

# Words before a name that make it a person: courtesy titles and offices.
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:M|Mme|Mlle|Me|Dr|Pr|Mr|Mrs|Ms|Sir|Lord|Dame)\.?"
    r"|\b(?:ministres?|président(?:e)?|procureur(?:e)?|maire|député(?:e)?|sénat(?:eur|rice)"
    r"|préfet(?:e)?|juge|magistrat(?:e)?|avocat(?:e)?|porte-parole|secrétaire|directeur|directrice"
    r"|commissaire|coordinat(?:eur|rice)|militant(?:e)?|candidat(?:e)?|journaliste|chef(?:fe)?"
    r"|frère|sœur|soeur|fils|fille|épouse|époux|veuve|mère|père|oncle|tante|cousin(?:e)?"
    r"|[Mm]inister|[Pp]resident|[Pp]rosecutor|[Mm]ayor|MP|[Ss]enator|[Pp]refect|[Jj]udge"
    r"|[Mm]agistrate|[Ll]awyer|[Ss]pokes(?:wo)?man|[Ss]pokesperson|[Dd]irector|[Cc]hief|[Ll]eader"
    r"|[Cc]andidate|[Aa]ctivist|[Jj]ournalist|[Bb]rother|[Ss]ister|[Ss]on|[Dd]aughter|[Ww]ife"
    r"|[Hh]usband|[Ww]idow|[Mm]other|[Ff]ather|[Uu]ncle|[Aa]unt|[Cc]ousin|[Cc]hairman|CEO)"
    r")\s*,?\s*$"
)
# Words inside a name that make it an organisation.
ORG_WORDS = re.compile(
    r"\b(?:parquet|office|minist[eè]re|ministry|universit[eé]|university|association|parti|party"
    r"|conseil|council|cour|court|tribunal|assembl[eé]e|assembly|s[eé]nat|senate|agence|agency"
    r"|direction|directorate|police|gendarmerie|commission|f[eé]d[eé]ration|federation|syndicat"
    r"|union|banque|bank|groupe|group|soci[eé]t[eé]|company|compagnie|corporation|inc|ltd|sa"
    r"|fondation|foundation|institut|institute|comit[eé]|committee|mouvement|movement|front"
    r"|rassemblement|rally|alliance|coalition|club|journal|radio|t[eé]l[eé]vision|television"
    r"|prosecutor'?s|prefecture|pr[eé]fecture|mairie|h[oô]pital|hospital|école|school|lyc[eé]e"
    r"|brigade|service|services|gouvernement|government|arm[eé]e|army|douanes?|customs)\b",
    re.IGNORECASE,
)
# Prepositions of place right before a single-word name: "à Lyon", "in Leeds".
_PLACE_BEFORE = re.compile(r"(?:\b(?:à|au|aux|en|vers|près de|in|to|near|from|across)\s+)$")
_LOOKBEHIND = 40
_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")


def place_before(text: str, start: int) -> bool:
    """Whether a preposition of place stands right before ``text[start]`` ("à Lyon", "in Leeds")."""
    before = text[max(0, start - _LOOKBEHIND) : start].replace("’", "'").lower()
    return _PLACE_BEFORE.search(before) is not None


def type_votes(text: str, start: int, end: int) -> dict[EntityType, float]:
    """Votes for a mention's type from the words around and inside it (strong evidence: 3)."""
    votes: dict[EntityType, float] = {}
    before = text[max(0, start - _LOOKBEHIND) : start].replace("’", "'")
    name = text[start:end].replace("’", "'")
    if ORG_WORDS.search(name) or name.startswith("Les "):
        votes[EntityType.ORG] = 3
    elif is_acronym(name):
        votes[EntityType.ORG] = 1
        if _PLACE_BEFORE.search(before):
            votes[EntityType.LOC] = 2.5
    elif _PERSON_BEFORE.search(before) or (
        " " in name.strip() and _title_before(before) and territory(name) is None
    ):
        # a person's noun of the lexicon counts before a name of several words that is no
        # country's: not "the producer Gaumont", "asset manager BlackRock" (a mononym after a
        # title noun, "le chanteur Stromae", keeps the NER's type), not "top producer Saudi
        # Arabia"
        votes[EntityType.PERSON] = 3
    elif " " not in name and _PLACE_BEFORE.search(before):
        votes[EntityType.LOC] = 2.5
    return votes


def _title_before(before: str) -> bool:
    """A person's noun of the role lexicon right before the name ("coach", "chanteur")."""
    found = _WORD_BEFORE.search(before)
    return found is not None and found.group(1).lower() in PERSON_TITLES
