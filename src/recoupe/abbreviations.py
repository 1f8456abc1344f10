"""Full stops that end no sentence: after a title, an initial, an abbreviation with inner dots.

``Sgt. Hoyt Teasley``, ``Brian G. Nichols``, ``U.S. Customs``, ``M. Sarkozy``, ``Jan. 5``,
``Juror No. 12``: the capital (or digit) after the dot starts no sentence. Shared by the sentence
splitters of the stages that cut texts into sentences.
"""

from __future__ import annotations

import re

# ranks and offices abbreviated before a name ("Sgt. Roe", "state Rep. Roe", "le Gén. Roe")
RANKS = frozenset(
    """rep sen gov gen lt col sgt capt cpl maj adm cmdr det insp supt pres atty
    gén cdt cne adj lieut""".split()  # noqa: SIM905
)
# titles and courtesy forms (English, French), "No.", company forms: written with a capital
_TITLES = RANKS | frozenset(
    """mr mrs ms dr st jr sr prof rev hon fr mt ft no nos vol art inc corp co ltd bros
    m mm mme mmes mlle mgr me pr""".split()  # noqa: SIM905
)
# months, in either case ("Jan. 5", "le 3 janv. 2008")
_MONTHS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec janv févr fév avr juil déc".split()  # noqa: SIM905
)
# inside a sentence, never at its end ("the game vs. Atlanta", "cf. p. 3")
_INNER = frozenset("vs cf".split())  # noqa: SIM905
_LAST_WORD = re.compile(r"(?:^|[\s(\"“«'‘])([^\s(\"“«'‘]+)\.$")


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` closes an abbreviation rather than a sentence."""
    found = _LAST_WORD.search(text, max(0, dot - 24), dot + 1)
    if found is None:
        return False
    word = found.group(1)
    if word.lower() in ("a.m", "p.m"):
        return False  # "at 9 p.m. Police came": a time ends sentences as often as not
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return True  # "U.S", "J.-P": inner dots
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "Brian G. Nichols"
    low = word.lower()
    # "Sgt.", "M." — not "no."
    return low in _MONTHS or low in _INNER or (word[:1].isupper() and low in _TITLES)
