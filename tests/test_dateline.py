"""Bylines and datelines at the top of an article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recoupe.extract.dateline import Dateline, find_dateline, looks_like_dateline, parse_date

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIRS = (REPO / "examples" / "marseille", Path("/work/shared/samples"))


@pytest.fixture
def sample() -> Callable[[str], str]:
    """Read a sample article from ``examples/marseille/`` (or the shared folder before the copy)."""

    def load(name: str) -> str:
        for folder in SAMPLE_DIRS:
            path = folder / name
            if path.is_file():
                return path.read_text(encoding="utf-8")
        pytest.skip(f"sample {name} not available")

    return load


BODY = "\nLe gouvernement a présenté mardi un plan de lutte contre le trafic de drogue."


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("Jeanne MartinPar Jeanne Martin28 novembre 2025", "Jeanne Martin", "2025-11-28"),
        ("By Jane Smith, March 3, 2025", "Jane Smith", "2025-03-03"),
        ("By Jane Smith | Published March 3, 2025", "Jane Smith", "2025-03-03"),
        ("Publié le 12/03/2025 à 10h05", None, "2025-03-12"),
        ("Published 3 March 2025", None, "2025-03-03"),
        ("Published: Mar. 3, 2025 at 10:05 am ET", None, "2025-03-03"),
        ("Mis à jour le 1er décembre 2025 à 18h30", None, "2025-12-01"),
        ("Updated 2025-03-12T10:00:00Z", None, "2025-03-12"),
        ("Par Jean-Pierre de La Tour, le 3 févr. 2025", "Jean-Pierre de La Tour", "2025-02-03"),
        (
            "By Kees van der Berg and Ann O’Neil, 4 July 2024",
            "Kees van der Berg and Ann O’Neil",
            "2024-07-04",
        ),
        ("Par Jeanne Martin et Paul Durand", "Jeanne Martin et Paul Durand", None),
        ("Par Jean Dupont, envoyé spécial à Marseille", "Jean Dupont", None),
        ("By AFP", "AFP", None),
        ("03/04/2025", None, "2025-04-03"),  # French order: 3 April
        ("Samedi 15 mars 2025", None, "2025-03-15"),
        ("2025-03-12", None, "2025-03-12"),
    ],
)
def test_bylines(line: str, author: str | None, published: str | None) -> None:
    found = find_dateline(line + BODY)
    assert found is not None
    assert (found.author, found.published) == (author, published)
    assert found.start == 0 and found.end == len(line)
    assert looks_like_dateline(line)


def test_published_beats_updated_but_updated_is_a_fallback() -> None:
    text = "Par Jeanne Martin | Publié le 12/03/2025 à 10h05 | Mis à jour le 13/03/2025" + BODY
    assert find_dateline(text) == Dateline("Jeanne Martin", "2025-03-12", 0, text.index("\n"))
    two_lines = "Mis à jour le 13 mars 2025 à 08h00\nPublié le 12 mars 2025 à 10h05" + BODY
    found = find_dateline(two_lines)
    assert found is not None and found.published == "2025-03-12"
    assert found.end == two_lines.index(BODY)  # the span covers both byline lines
    only_update = "Updated March 13, 2025" + BODY
    found = find_dateline(only_update)
    assert found is not None and found.published == "2025-03-13"


def test_author_and_date_on_separate_lines_after_a_title() -> None:
    title = "Trafic de drogue : le préfet annonce un plan"
    text = f"{title}\nPar Jeanne Martin\nPublié le 12/03/2025 à 10h05{BODY}"
    found = find_dateline(text)
    assert found is not None
    assert (found.author, found.published) == ("Jeanne Martin", "2025-03-12")
    assert text[found.start : found.end] == "Par Jeanne Martin\nPublié le 12/03/2025 à 10h05"


@pytest.mark.parametrize(
    "text",
    [
        "lundi 12 janvier - 9 h 12 min" + BODY,  # scrape-time header: no year
        "Publié le 12 mars à 10h05" + BODY,  # no year
        "Le 12 mars 2025, le gouvernement a annoncé un plan contre le trafic de drogue." + BODY,
        "Attaque revendiquée par Daech à Paris le 3 mars 2025" + BODY,  # a headline, not a byline
        "Par ailleurs, le ministre a rappelé les chiffres." + BODY,
        "Par La rédaction" + BODY,
        "Publié le 31/02/2025" + BODY,  # no such day
        "Il y a 3 heures" + BODY,
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_wire_dateline_opening_a_paragraph() -> None:
    text = "PARIS, 3 mars 2025 – Le gouvernement a annoncé lundi un plan contre le trafic."
    found = find_dateline(text)
    assert found is not None
    assert found.published == "2025-03-03"
    assert text[found.start : found.end] == "PARIS, 3 mars 2025 – "
    assert not looks_like_dateline(text)


def test_only_the_first_lines_are_read() -> None:
    late = "x" * 420 + "\nPublié le 12/03/2025"
    assert find_dateline(late) is None
    many = "\n".join(["Une ligne de texte ordinaire."] * 7 + ["Publié le 12/03/2025"])
    assert find_dateline(many) is None
    assert find_dateline(many, max_lines=8, max_chars=1000) is not None


def test_offsets_point_into_the_text() -> None:
    text = "\n\nTitre de l'article\n\nBy Jane Smith, March 3, 2025\n\nBody text here."
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == "By Jane Smith, March 3, 2025"


def test_looks_like_dateline_for_furniture() -> None:
    assert looks_like_dateline("6 janvier 2026")
    assert looks_like_dateline("lundi 12 janvier - 9 h 12 min")
    assert looks_like_dateline("March 2, 2025")
    assert looks_like_dateline("Par Jean Dupont")
    assert not looks_like_dateline("Le 12 mars, il a été élu.")
    assert not looks_like_dateline("Budget 2026 : le ministre dit qu'on n'est pas loin du but")
    assert not looks_like_dateline("")


def test_parse_date() -> None:
    assert parse_date("le 1er janvier 2026 à minuit") == "2026-01-01"
    assert parse_date("Sept. 9, 2024") == "2024-09-09"
    assert parse_date("12.03.2025") == "2025-03-12"
    assert parse_date("12 mars") is None


def test_scrape_sample_byline(sample: Callable[[str], str]) -> None:
    raw = sample("004_013d602068690aab.txt")
    lines = raw.splitlines()
    at = next(i for i, line in enumerate(lines) if "28 novembre 2025" in line)
    found = find_dateline("\n".join(lines[at - 2 : at + 3]))
    assert found is not None
    assert (found.author, found.published) == ("David Bensoussan", "2025-11-28")
    assert find_dateline(raw) is None  # the page header holds no byline


@pytest.mark.parametrize(
    "name",
    [
        "000_a525c651693afeac.txt",
        "001_204cd760b12bbebc.txt",
        "002_9f8668ebc6e02a59.txt",
        "003_2b07a52492acf864.txt",
    ],
)
def test_clean_samples_have_no_byline(sample: Callable[[str], str], name: str) -> None:
    assert find_dateline(sample(name)) is None
