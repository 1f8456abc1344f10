"""Name keys: the same name whatever its accents, case, hyphens, apostrophes or doubled letters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " "})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")
_DOUBLED = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"['’]s$")
# Particles that belong to a surname ("de Montchalin", "Van der Berg", "Le Pen").
PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "del",
        "ben",
        "bin",
        "al",
        "el",
    }
)


# articles, prepositions and conjunctions inside names: no short name or initial is made of them
FUNCTION_WORDS = frozenset(
    {"de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "à", "au", "aux", "pour", "sur"}
    | {"of", "the", "and", "for", "in", "on", "at", "to"}
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes; hyphens, dots and spaces one space."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", text.lower()).strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The key two spellings of one name share: folded, possessive dropped."""
    return _POSSESSIVE.sub("", fold(text)).strip()


# Names one letter apart are one name misspelled only past these lengths (the entity layer's
# merges and the spelling flags of the discrepancies share them):
MIN_SUBSTITUTED = 6  # letters: shorter names one letter changed are often two names
SHORT_ACRONYM = 4  # letters: shorter acronyms are one misspelled only with two letters swapped


def multi_word(surface: str) -> bool:
    """A name of several words as written: "Jean Roe" is, "Roux-Martin" and "Jean-Luc" are not
    (a hyphenated surname or given name is one word, although its key has a space)."""
    return len(surface.split()) > 1


def full_name(surface: str) -> bool:
    """A person's name with a given name: several words, not a surname with its particles
    ("de Castries", "van der Berg", "Le Pen", "La Croix" are bare surnames). A capitalised
    word that is also a given name is one ("Al Gore", "Ben Carson", "Van Morrison")."""
    words = surface.split()
    return len(words) > 1 and not all(_particle(w) for w in words[:-1])


_ARTICLE_PARTICLES = frozenset({"le", "la", "de", "du", "des"})  # "Le Pen", "De Gaulle"


def _particle(word: str) -> bool:
    key = name_key(word)
    if word[:1].islower():
        return key in PARTICLES
    return key in _ARTICLE_PARTICLES


_LEADING_ARTICLE = re.compile(r"^(?:(?:the|les|le|la) +|l' ?)(?=\w)")
# Legal forms and "group" after a company's name: "Apple Inc." is Apple, "NPD Group" is NPD.
_DESIGNATOR = re.compile(
    r" (?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|s a|sa|sas|ag|gmbh|"
    r"nv|group|groupe|holdings?)$"
)


def org_key(text: str) -> str:
    """The key of an organisation's or place's name: without a leading article or a trailing
    legal form ("L'Association X" and "Association X"; "Apple Inc." and "Apple")."""
    key = _LEADING_ARTICLE.sub("", name_key(text))
    bare = _DESIGNATOR.sub("", key).strip()
    return bare if bare else key


def sound_key(text: str) -> str:
    """A coarser key for spelling variants: folded, spaces out, doubled letters single."""
    return _DOUBLED.sub(r"\1", name_key(text).replace(" ", "").replace("'", ""))


def tokens(text: str) -> list[str]:
    return name_key(text).split()


# Generational suffixes after a surname ("John Roe Jr.", "Henri Roe fils"): not the surname.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "fils", "pere", "junior", "senior"})


def split_person(text: str) -> tuple[str, str]:
    """(given names, surname) of a person's name; ("", name) for a single word.

    The surname is the last word with the particles before it ("Amélie de Montchalin" →
    ("amelie", "de montchalin")); a generational suffix is not part of it ("Jr.").
    """
    words = [key for key in (name_key(word) for word in text.split()) if key]
    while len(words) > 2 and words[-1] in SUFFIXES:
        words.pop()
    if len(words) < 2:
        return "", " ".join(words)
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def is_acronym(text: str) -> bool:
    """ "PNF", "Ofast", "LFI", "U.S." — a single short word read as letters."""
    word = text.replace(".", "")
    if not (2 <= len(word) <= 8) or not word.isalpha() or " " in text:
        return False
    upper = sum(ch.isupper() for ch in word)
    return upper == len(word) or (
        word[0].isupper() and upper >= 1 and len(word) <= 6 and not _is_word_like(word)
    )


def _is_word_like(word: str) -> bool:
    """Capitalised words that read as words, not letters: a vowel/consonant mix of a name."""
    vowels = sum(ch in "aeiouy" for ch in fold(word))
    return vowels >= 2 and len(word) >= 4


# Generic words for a building or place around a name: "Élysée Palace" is the Élysée.
_GENERIC_AFTER = re.compile(
    r"\s+(?:palace|hall|building|tower|square|airport|station|stadium|bridge|street|avenue|"
    r"cathedral|castle|prison|hospital|city|port|harbour|harbor)$"
)
_GENERIC_BEFORE = re.compile(
    r"^(?:palais|place|gare|aeroport|stade|pont|port|rue|avenue|cathedrale|chateau|prison|"
    r"hopital|ville)\s+(?:de l'|de la |du |des |de |d')\s*"
)


def place_key(text: str) -> str:
    """The key of a place's name without a generic head ("Élysée Palace" → "elysee")."""
    key = name_key(text)
    return _GENERIC_BEFORE.sub("", _GENERIC_AFTER.sub("", key)).strip()


def core_person(text: str) -> tuple[str, tuple[str, ...], str]:
    """(first given name, middle names or initials, surname): "Jane Q. Roe" →
    ("jane", ("q",), "roe"); "John Paul Doe Jr." → ("john", ("paul",),
    "doe")."""
    given, surname = split_person(text)
    words = given.split()
    return (words[0] if words else "", tuple(words[1:]), surname)


def compatible_middles(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names that may be one person's: one side has none, or each initial or name of the
    shorter side matches the other's in order ("G." and "Gregory")."""
    if not a or not b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return all(
        x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)
        for x, y in zip(shorter, longer, strict=False)
    )


def short_given(a: str, b: str) -> bool:
    """One given name is a short form of the other ("sam" of "samuel", "alex" of
    "alexandre"): a prefix of at least three letters."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and shorter != longer and longer.startswith(shorter)
