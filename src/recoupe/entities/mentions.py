"""Mentions in one document: NER output, repaired.

spaCy's raw entities are the starting point: spans are trimmed (determiners, possessives,
courtesy titles), spans across lines and ministers' portfolios are dropped, acronym definitions
add their short and long forms (which replace truncated spans), a name with a capitalised article
runs over its lowercase adjective when the page repeats it ("La France insoumise"), and every
other occurrence of a name found once becomes a mention too.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from recoupe.abbreviations import ends_with_abbreviation
from recoupe.entities.acronyms import find_acronyms
from recoupe.entities.cues import ORG_WORDS
from recoupe.entities.model import Acronym, EntityType, Mention
from recoupe.entities.names import PARTICLES, SUFFIXES, fold
from recoupe.entities.roles import PERSON_TITLES
from recoupe.entities.territories import territory

if TYPE_CHECKING:
    from recoupe.entities.pipelines import Parsed

LABELS: dict[str, EntityType] = {
    "PER": EntityType.PERSON,
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "LOC": EntityType.LOC,
    "GPE": EntityType.LOC,
    "FAC": EntityType.LOC,
    "MISC": EntityType.MISC,
    "EVENT": EntityType.MISC,
    "LAW": EntityType.MISC,
    "PRODUCT": EntityType.MISC,
    "WORK_OF_ART": EntityType.MISC,
}
# a determiner or preposition NER kept: a whole word ("les Seychelles" is no "s Seychelles")
_LEADING = re.compile(r"(?:(?:the|The|les|le|la|du|des|de|aux|au|à|a)\s+|(?:l|L|d|D)['’]\s*)(?=\S)")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
# what follows a name when its last dot also ends the sentence
_NEW_SENTENCE = re.compile(r"\s*(?:$|\n|[A-ZÀ-ÖØ-Þ\"“«])")
_EDGE_PUNCT = "\"'’‘“”«»()[]{},;:.!?–—-* \t"
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:ministres?|minist[eè]re)\b[^.;\n]{0,40}?"
    r"\b(?:de la|de l'|du|des|de|et de la|et de l'|et du)\s*$"
    r"|\bprocureure? de la $|\bgardes? des $"
    r"|\b[Mm]inisters? (?:of|for) (?:the )?$",
)
_PORTFOLIO_AFTER = re.compile(r"^\s*(?:[Mm]inisters?|[Ss]ecretary)\b")
_ROLE_NAME = re.compile(r"^(?:[Mm]inisters?|[Mm]inistres?)\b")
_NAME_CHAR = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def ner_mentions(doc: Parsed, text: str) -> list[Mention]:
    """spaCy's entities as mentions of ``text``, trimmed; unusable ones dropped."""
    found = []
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = trim(text, ent.start_char, ent.end_char, kind, f"ner:{ent.label_}")
        if mention is not None and not _is_portfolio(text, mention):
            found.append(mention)
    return found


def trim(text: str, start: int, end: int, kind: EntityType, source: str) -> Mention | None:
    """The name inside ``text[start:end]``: no determiner, possessive or edge punctuation."""
    verb = _SPEECH_VERB.search(text, start, end)
    if (
        verb is not None
        and all(  # "Henry told CRN": a name run on into its sentence
            _NAME_START.match(word) or _particle(word)
            for word in text[start : verb.start()].split()
        )
    ):  # not a title of a work in sentence case ("Tout le monde dit I love you")
        end = verb.start()
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT and not _is_abbreviation(text, start, end):
        end -= 1
    leading = _LEADING.match(text, start, end)
    if leading and leading.end() < end:
        start = leading.end()
    trailing = _TRAILING.search(text[start:end])
    if trailing:
        end = start + trailing.start()
        while end > start and text[end - 1].isspace():
            end -= 1
    span = text[start:end]
    if len(span) < 2 or "\n" in span or not _NAME_CHAR.search(span) or _ROLE_NAME.match(span):
        return None
    if _is_sentence_verb(text, start, end) or _is_day(span):
        return None
    return Mention(start, end, span, kind, source)


# a day named, with its part or its place in time, is a date NER took for a name ("Lundi",
# "Vendredi matin", "Lundi 4", "Friday night"); "Mardi Gras", "Sunday Times" go on being names
_WEEKDAYS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_DAY_PARTS = frozenset(
    [
        "matin",
        "midi",
        "soir",
        "soiree",
        "apres",
        "nuit",
        "dernier",
        "derniere",
        "prochain",
        "prochaine",
        "morning",
        "afternoon",
        "evening",
        "night",
        "last",
        "next",
    ]
)


def _is_day(span: str) -> bool:
    first, *rest = fold(span).split() or [""]  # "après-midi": "apres midi"
    named = any(w[:1].isupper() for w in span.split()[1:]) and not span.isupper()
    return (  # "Lundi Matin", a title in capitals, is a name
        first in _WEEKDAYS and not named and all(w in _DAY_PARTS or w.isdigit() for w in rest)
    )


_MORE_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu"})  # "al-Assad", "bin Salman"


def _particle(word: str) -> bool:
    """A lowercase particle of a name: "de", "von", "d'Estaing", "al-Assad"."""
    low = fold(word)
    first = re.split(r"[^a-z]", low)[0]
    return low in PARTICLES or first in PARTICLES | _MORE_PARTICLES or f"{first}'" in PARTICLES


_NAME_START = re.compile(r"[\"“«(]*[A-ZÀ-ÖØ-Þ]")
# a reporting verb inside a span: the recogniser ran the name into its sentence
_SPEECH_VERB = re.compile(
    r"\s(?:(?:a|avait)\s+)?(?:said|says|told|tells|wrote|writes|added|adds|explained|noted"
    r"|asked|replied|insisted|warned|stated|argued|claimed|dit|déclare|ajoute|explique|écrit|affirme|estime|précise"
    r"|souligne|indique|assure|raconte|confie)\b"
)
_VERB_ENDING = re.compile(r"(?:ez|ons)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…»\n]\s*)$")
_AFTER_VERB = re.compile(r"^(?:,|-|\s+[a-zà-ÿ])")


def _is_sentence_verb(text: str, start: int, end: int) -> bool:
    """ "Écoutez, ...", "Cliquez sur ...": a capitalised verb opening a sentence, read as a name."""
    word = text[start:end]
    return bool(
        " " not in word
        and _VERB_ENDING.search(word)
        and _SENTENCE_START.search(text[max(0, start - 3) : start])
        and _AFTER_VERB.match(text[end : end + 3])
        and text.count(word) == 1
    )


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """A final dot that belongs to the name: "Apple Inc.", "U.S.", "EADS N.V.", "Acme Corp."."""
    if text[end - 1] != ".":
        return False
    last = text[start:end].rsplit(" ", 1)[-1]
    if len(last) <= 4 or last.count(".") > 1:
        return True
    # "Acme Corp. shares": the abbreviation's dot; "… with Acme Corp. Senator X": also the
    # sentence's full stop, which the roles' tokens must still see
    return ends_with_abbreviation(text, end - 1) and not _NEW_SENTENCE.match(text, end)


def _is_portfolio(text: str, mention: Mention) -> bool:
    """ "ministre de la Justice", "Interior Minister": an office's portfolio, not an entity."""
    if mention.type is EntityType.PERSON:
        return False
    before = text[max(0, mention.start - 60) : mention.start].replace("’", "'")
    return bool(
        _PORTFOLIO_BEFORE.search(before)
        or _PORTFOLIO_AFTER.match(text[mention.end : mention.end + 12])
    )


_GROUP_BEFORE = re.compile(r"\b(?:les|des|aux|the)\s+$", re.IGNORECASE)


_DEMONYM = re.compile(r"(?:ais|aises|ois|oises|iens|iennes|ains|aines|ens|ans|ese)$")


def _is_group(text: str, mention: Mention) -> bool:
    """Inhabitants ("les Marseillais", "des Lyonnaises"): a plural noun, not the place."""
    return (
        mention.type in (EntityType.LOC, EntityType.MISC)
        and " " not in mention.text
        and bool(_DEMONYM.search(mention.text))
        and bool(_GROUP_BEFORE.search(text[max(0, mention.start - 6) : mention.start]))
    )


def drop_groups(text: str, found: Sequence[Mention]) -> list[Mention]:
    """Leave out every mention of a word the text uses for a group of inhabitants."""
    groups = {m.text for m in found if _is_group(text, m)}
    return [m for m in found if m.text not in groups]


def acronym_mentions(acronyms: Iterable[Acronym], ner: Sequence[Mention]) -> list[Mention]:
    """Short and long forms of defined acronyms, typed as the NER typed the long form (else ORG)."""
    found = []
    for acronym in acronyms:
        kind = _overlapping_type(acronym.long, ner) or EntityType.ORG
        if kind is EntityType.PERSON:
            kind = EntityType.ORG
        for form in (acronym.long, acronym.short):
            found.append(Mention(form.start, form.end, form.text, kind, "acronym"))
    return found


def _overlapping_type(span: Mention, mentions: Sequence[Mention]) -> EntityType | None:
    for mention in mentions:
        if (
            mention.start < span.end
            and span.start < mention.end
            and mention.type is not EntityType.MISC
        ):
            return mention.type
    return None


_ARTICLE_NAME = re.compile(r"^(?:La|Le|Les|L')\s")
_NEXT_WORD = re.compile(r"\s+([a-zà-ÿ][a-zà-ÿ-]{2,})\b")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "à",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "la",
        "le",
        "les",
        "leur",
        "mais",
        "ne",
        "ni",
        "ou",
        "où",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "un",
        "une",
        "va",
        "ont",
        "été",
        "était",
        "sera",
    ]
)


def extend_article_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """ "La France" + "insoumise" → "La France insoumise", when the page says it twice or more.

    A capitalised article inside a sentence marks a proper name; its lowercase adjective belongs
    to it when the same words recur (a one-off "La Poste annonce" is left alone).
    """
    out = []
    for mention in mentions:
        match = _NEXT_WORD.match(text, mention.end)
        if (
            _ARTICLE_NAME.match(mention.text)
            and match
            and match.group(1) not in _FUNCTION_WORDS
            and text.count(mention.text + " " + match.group(1)) >= 2
        ):
            end = match.end(1)
            mention = Mention(
                mention.start, end, text[mention.start : end], EntityType.ORG, "article_name"
            )
        out.append(mention)
    return out


def propagate(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Every other occurrence of a name already found in ``text`` becomes a mention.

    Names that also occur in lowercase (a common word: "justice") are not propagated; acronyms
    match whatever their case ("Pnat", "PNAT"). One regular expression per case rule.
    """
    lowercase_words = set(_WORDS.findall(text))
    names: dict[str, Mention] = {}
    for mention in mentions:
        if not _is_common_word(mention.text, lowercase_words):
            names.setdefault(mention.text, mention)
    surnames: dict[str, set[str]] = {}  # surname → the full names bearing it in this document
    for mention in mentions:
        words = mention.text.split()
        if len(words) >= 2 and mention.type is EntityType.PERSON:
            surnames.setdefault(words[-1], set()).add(mention.text)
    for mention in mentions:  # "the judge said Castel" after "Judge Jean Castel": the surname too
        words = mention.text.split()
        surname = words[-1] if len(words) >= 2 and mention.type is EntityType.PERSON else ""
        if (
            len(surname) >= _MIN_SURNAME
            and surname[1:].islower()  # not "III", not an acronym
            and surname.isalpha()
            and fold(surname) not in SUFFIXES
            and len(surnames.get(surname, ())) == 1  # two people share it: which one?
            and not _is_common_word(surname, lowercase_words)
        ):
            names.setdefault(surname, mention)
    acronyms = {n.lower(): m for n, m in names.items() if m.source == "acronym" and " " not in n}
    others = {n: m for n, m in names.items() if n.lower() not in acronyms}
    found = []
    for table, flags in ((others, 0), (acronyms, re.IGNORECASE)):
        if not table:
            continue
        alternation = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text, flags):
            key = match.group().lower() if flags else match.group()
            model = table[key]
            found.append(
                Mention(match.start(), match.end(), match.group(), model.type, "propagated")
            )
    return found


_WORDS = re.compile(r"\b[a-zà-ÿ][\w-]*", re.UNICODE)
_MIN_SURNAME = 3  # letters of a surname propagated alone


def _is_common_word(name: str, lowercase_words: set[str]) -> bool:
    """A single capitalised word that the text also writes in lowercase."""
    if " " in name or name.isupper():
        return False
    return name.lower() in lowercase_words


_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*|[A-Z]\.)")
_TAIL_WORDS = (2, 3)  # words of a person's name after a title inside a span
# places, buildings, schools and prizes named after a person: the one word before the title
# ("Stade Président X", "Lycée Pape X"; not "Fort Worth Mayor X", "Square CEO X")
_NAMED_AFTER = re.compile(
    r"(?:stade|stadium|avenue|rue|boulevard|place|gare|aeroport|airport|pont|bridge|palais"
    r"|musee|museum|parc|prix|prize|trophee|trophy|coupe|lycee|college|ecole|school|universite"
    r"|university|hopital|hospital|fondation|foundation|institut|institute|quai)"
)


def split_titles(text: str, found: Sequence[Mention]) -> list[Mention]:
    """A span that runs a body and a title into the name after them ("Qualys CTO Wolfgang
    Kandek", "Saints Head Coach Sean Payton") is the person named after the title: two or three
    capitalised words, none a title, a body's word or a country — when the span is a person's
    or the document names a person by the same last word elsewhere ("Kandek said"): "Chief
    Executives Board" is a body. Not a place or a body named after a person ("Stade Président
    X", "avenue du Président X", "Lycée Pape X"). The words before are left to the NER's other
    spans."""
    surnames = {
        fold(m.text.split()[-1]) for m in found if m.type is EntityType.PERSON and m.text.split()
    }
    out = []
    for mention in found:
        words = list(re.finditer(r"\S+", mention.text))
        cut = next(
            (
                k
                for k in range(len(words) - _TAIL_WORDS[0] - 1, -1, -1)
                if words[k].group().lower() in PERSON_TITLES
            ),
            -1,
        )
        tail = words[cut + 1 :]
        name = mention.text[tail[0].start() :] if cut >= 0 else ""
        head = mention.text[: words[cut].start()] if cut >= 0 else ""
        if (
            cut < 0
            or mention.type is EntityType.LOC  # "Stade Président Félix Houphouët-Boigny"
            or any(w.isalpha() and w.islower() for w in head.split())  # "avenue du Président X"
            or _NAMED_AFTER.fullmatch(fold(head).strip())  # "Stade Président X", "Lycée Pape X"
            or len(tail) not in _TAIL_WORDS
            or not all(_NAME_WORD.fullmatch(w.group()) for w in tail)
            or any(w.group().lower() in PERSON_TITLES for w in tail)
            or ORG_WORDS.search(name)
            or territory(name) is not None
            or (mention.type is not EntityType.PERSON and fold(tail[-1].group()) not in surnames)
        ):
            out.append(mention)
            continue
        start = mention.start + tail[0].start()
        out.append(Mention(start, mention.end, name, EntityType.PERSON, f"{mention.source}+title"))
    return out


def select(candidates: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: acronym definitions first, then the longest spans."""
    rank = {"acronym": 0, "article_name": 1}
    ordered = sorted(
        candidates,
        key=lambda m: (
            rank.get(m.source, 2),
            -(m.end - m.start),
            m.source == "propagated",
            m.start,
        ),
    )
    taken: list[Mention] = []  # non-overlapping, in text order
    starts: list[int] = []
    for mention in ordered:
        at = bisect.bisect_left(starts, mention.start)
        if at and taken[at - 1].end > mention.start:
            continue
        if at < len(taken) and mention.end > taken[at].start:
            continue
        taken.insert(at, mention)
        starts.insert(at, mention.start)
    return taken


def find_mentions(doc: Parsed, text: str) -> tuple[list[Mention], list[Acronym]]:
    """The mentions of one document and the acronyms it defines."""
    ner = drop_groups(text, split_titles(text, ner_mentions(doc, text)))
    acronyms = find_acronyms(text)
    first = select([*acronym_mentions(acronyms, ner), *ner])
    first = extend_article_names(text, first)
    mentions = select([*first, *propagate(text, first)])
    return mentions, acronyms


def type_counts(mentions: Sequence[Mention]) -> Counter[EntityType]:
    return Counter(m.type for m in mentions)
