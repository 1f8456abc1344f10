"""Texts for the analysis benchmarks: clean article texts in French and English.

The clean texts of the public HTML pages in ``../shared/data`` (the same pages as the ingest
benchmark, extracted once with recoupe) plus the bundled demo corpus; without the data folder,
the demo corpus alone. Each text keeps its detected language; other languages are left out.
"""

from __future__ import annotations

from pathlib import Path

from bench.corpus import base_pages

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "marseille"


def article_texts(limit: int | None = None) -> list[tuple[str, str, str]]:
    """(id, text, language) of clean French and English article texts."""
    from recoupe.extract.html import extract_html
    from recoupe.extract.plaintext import clean_plain_text
    from recoupe.language import detect_language

    texts = [
        clean_plain_text(p.read_text(encoding="utf-8")).text for p in sorted(EXAMPLES.glob("*.txt"))
    ]
    for page in base_pages():
        try:
            texts.append(extract_html(page).text)
        except Exception:  # a page without article text is simply not used
            continue
    found = []
    for number, text in enumerate(texts):
        language = detect_language(text)
        if language in ("fr", "en"):
            found.append((f"t{number}", text, language))
    return found[:limit] if limit else found
