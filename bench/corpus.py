"""A benchmark corpus of distinct HTML pages.

Base pages: the public HTML pages of ``../shared/data`` (article-extraction-benchmark and
trafilatura-eval-fr-en) when present, else pages built from a small set of templates. Page ``k`` is
base page ``k mod B`` made distinct: every third paragraph gets a sentence of its own, built from
the variant number and words drawn (seeded by ``k``) from the page itself, and the title carries
the variant number. No two pages share their text, so none is an exact or near-exact duplicate
(at least one changed sentence in every three paragraphs), while layout, size and boilerplate
stay those of real pages. Nothing is written into the repository.
"""

from __future__ import annotations

import gzip
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

_PARAGRAPH_END = re.compile(r"</p>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title>", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{4,12}")
_TAG = re.compile(r"<[^>]+>")


def data_dir() -> Path:
    env = os.environ.get("RECOUPE_EVAL_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def base_pages() -> list[str]:
    """The real pages when ``../shared/data`` is there, else synthetic ones."""
    root = data_dir()
    pages = [
        gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        for path in sorted((root / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    ]
    pages += [
        path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted((root / "trafilatura-eval-fr-en" / "html").glob("*.html"))
    ]
    return pages or list(_synthetic_pages(60))


def variant(page: str, number: int) -> str:
    """Base page ``page`` made distinct as variant ``number``."""
    rng = random.Random(number)
    words = _WORD.findall(_TAG.sub(" ", page)) or ["texte", "article", "ville", "conseil"]
    count = 0

    def add_sentence(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count % 3:
            return match.group(0)
        picked = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
        return f" Variante {number}.{count}: {picked}.</p>"

    page = _PARAGRAPH_END.sub(add_sentence, page)
    return _TITLE_END.sub(f" ({number})</title>", page, count=1)


def corpus(size: int) -> Iterator[tuple[str, str]]:
    """``size`` distinct pages as (file name, HTML)."""
    bases = base_pages()
    for number in range(size):
        yield f"page-{number:05d}.html", variant(bases[number % len(bases)], number)


_SENTENCES = (
    "Le conseil municipal a adopté mardi soir le budget de la ville après un long débat.",
    "L'opposition a dénoncé des hausses d'impôts qu'elle juge injustifiées.",
    "Selon le maire, les investissements porteront sur les écoles et les transports.",
    "The council approved the budget on Tuesday evening after a long debate.",
    "Opposition members criticised tax rises they called unjustified.",
    "According to the mayor, investment will go to schools and public transport.",
)


def _synthetic_pages(count: int) -> Iterator[str]:
    rng = random.Random(0)
    for number in range(count):
        paragraphs = "".join(
            "<p>" + " ".join(rng.sample(_SENTENCES, 4)) + "</p>\n"
            for _ in range(rng.randint(5, 12))
        )
        menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(20))
        yield (
            f"<html><head><title>Article {number}</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>Article {number}</h1>{paragraphs}</article>"
            "<footer>© Journal — tous droits réservés</footer></body></html>"
        )
