"""Inputs as people have them: PDF text layers and wrapped texts re-flowed, Markdown headings
and bylines read."""

from __future__ import annotations

from pathlib import Path

from pdfs import text_pdf

from recoupe.analysis import analyse
from recoupe.build import ingest
from recoupe.extract.markdown import read_markdown
from recoupe.extract.reflow import is_wrapped, reflow
from recoupe.store import SqliteStore

WRAPPED = """Le procureur de la République de Lyon, Jeanne Castel, a annoncé jeudi que
l'enquête sur le réseau de trafic de cocaïne démantelé la semaine dernière
serait confiée à un juge d'instruction. « Nous irons jusqu'au bout de cette
affaire », a-t-elle déclaré devant les journalistes réunis au palais de
justice.

Le réseau aurait écoulé plus de deux tonnes de drogue en trois ans."""


def test_a_wrapped_text_is_joined_back_into_paragraphs() -> None:
    assert is_wrapped(WRAPPED)
    text = reflow(WRAPPED)
    assert "« Nous irons jusqu'au bout de cette affaire », a-t-elle déclaré" in text
    assert text.count("\n\n") == 1  # the paragraph break stays
    assert "\n" not in text.split("\n\n")[0]


def test_prose_with_one_paragraph_per_line_is_not_taken_for_a_wrapped_text() -> None:
    lines = [
        "Le maire a présenté son budget jeudi soir devant le conseil municipal réuni.",
        "Les élus de l'opposition ont voté contre, dénonçant une hausse des impôts.",
        "Le texte a été adopté par trente-deux voix contre onze et deux abstentions.",
        "La prochaine séance aura lieu le 12 mars, a précisé la mairie dans un communiqué.",
    ]
    assert not is_wrapped("\n".join(lines))


def test_a_pdf_with_hard_line_breaks_gives_whole_sentences_quotes_and_names(
    tmp_path: Path, store: SqliteStore
) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(text_pdf(WRAPPED.replace("é", "e").replace("ï", "i").split("\n")))
    assert ingest([str(path)], store=store).ok
    analyse(store)
    (doc,) = store.documents()
    assert "cette affaire" in doc.text and "cette\naffaire" not in doc.text
    (quote,) = store.quotes()
    assert "jusqu'au bout de cette affaire" in quote.text


def test_markdown_title_byline_and_body() -> None:
    article = read_markdown(
        "---\ndate: 2026-02-03\n---\n# Le préfet convoque les maires\n\n*Par Jeanne Martin*\n\n"
        "Le préfet a **convoqué** jeudi les maires de [la métropole](https://ex.org/m).\n\n"
        "![photo](x.jpg)\n\n## Suite\n\nLa réunion aura lieu lundi.\n"
    )
    assert article.title == "Le préfet convoque les maires"
    assert article.published == "2026-02-03"
    assert article.text.startswith("Par Jeanne Martin\n\n")
    assert "Le préfet a convoqué jeudi les maires de la métropole." in article.text
    assert "Suite" in article.text and "#" not in article.text and "\n\n\n" not in article.text


def test_an_ingested_markdown_file_has_its_title_and_author(
    tmp_path: Path, store: SqliteStore
) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Saisie record au port\n\nBy Jane Roe\n\nCustoms seized two tonnes of cocaine on "
        "Tuesday in the port, the prosecutor said.\n",
        encoding="utf-8",
    )
    assert ingest([str(path)], store=store).ok
    (doc,) = store.documents()
    assert doc.title == "Saisie record au port"
    assert doc.author == "Jane Roe"
    assert doc.text.startswith("By Jane Roe")
