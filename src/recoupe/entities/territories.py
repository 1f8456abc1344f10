"""Countries, territories and regions named in French or English, from the CLDR data Babel ships.

"Allemagne" and "Germany", "États-Unis", "United States" and "U.S." name one place. The names are
CLDR's territory display names in both languages (Babel, already required through trafilatura's
URL handling: no list of ours to keep up to date). A code names a territory only when written
with dots ("U.S.", "U.K.") or with ISO's three letters ("USA"), and joins it only when the
dossier also names that territory in full: bare two-letter acronyms are far more often parties,
unions and units ("FO", "PS", "GB" for gigabytes) than countries, and dotted ones may be cities
or states ("L.A.", "N.C.").
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.core import get_global

from recoupe.entities.names import org_key

LANGUAGES = ("en", "fr")


def _squash(text: str) -> str:
    return org_key(text).replace(" ", "").replace("'", "")


@cache
def _names() -> dict[str, str]:
    """Squashed display name → territory code, both languages."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code.isalpha() or code.isdigit():
                found.setdefault(_squash(name), code)
    return found


@cache
def _codes() -> dict[str, str]:
    """Upper-case letter code → territory code (ISO codes, and retired ones with one successor:
    "UK" → "GB")."""
    codes: dict[str, str] = {
        str(code): str(code)
        for code in Locale("en").territories
        if str(code).isalpha() and len(str(code)) == 2
    }
    aliases: dict[str, list[str]] = dict(get_global("territory_aliases"))
    for old, new in aliases.items():
        if len(old) == 2 and old.isalpha() and len(new) == 1 and old not in codes:
            codes[old] = new[0]
    return codes


def territory(surface: str) -> tuple[str, bool] | None:
    """The territory ``surface`` names and whether by its name (``False``: by a dotted code,
    "L.A." may be a city and "N.C." a state), or ``None``."""
    by_name = _names().get(_squash(surface))
    if by_name is not None:
        return by_name, True
    letters = surface.replace(".", "").strip()
    if "." in surface and len(letters) == 2 and letters.isupper() and letters in _codes():
        return _codes()[letters], False
    if len(letters) == 3 and letters.isupper() and letters in _alpha3():
        return _alpha3()[letters], False  # "USA", "U.S.A.": ISO's three letters
    return None


@cache
def _alpha3() -> dict[str, str]:
    """ISO 3166 three-letter code → territory code ("USA" → "US"), from CLDR's aliases."""
    aliases: dict[str, list[str]] = dict(get_global("territory_aliases"))
    return {
        old: new[0]
        for old, new in aliases.items()
        if len(old) == 3 and old.isalpha() and len(new) == 1 and new[0] in _codes()
    }
