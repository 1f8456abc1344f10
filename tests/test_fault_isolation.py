"""A bug on one document or in one dossier-wide step is recorded with a code; the rest of the
dossier is built, and the next run does not fail the same way again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe import analysis
from recoupe.build import ingest
from recoupe.quotes import stage as quotes_stage
from recoupe.store import SqliteStore

ARTICLES = {
    "a.txt": (
        "Le préfet Jean Castel a annoncé le 3 mars 2026 à Lyon l'ouverture d'une enquête. « Nous irons "
        "jusqu'au bout », a déclaré Jean Castel devant la presse."
    ),
    "b.txt": (
        "Le maire Paul Morel a réagi mercredi à Lyon. « Cette décision est une bonne nouvelle "
        "pour la ville », a estimé Paul Morel. PANNE"
    ),
}


def _ingest(tmp_path: Path, store: SqliteStore) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert ingest([str(tmp_path / n) for n in ARTICLES], store=store).ok


def test_a_stage_failing_on_one_document_costs_that_document_only(
    tmp_path: Path, store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = quotes_stage.analyse_document

    def buggy(text: str, entities: Any) -> list[dict[str, Any]]:
        if "PANNE" in text:
            raise ValueError("a bug on this document")
        return real(text, entities)

    monkeypatch.setattr(quotes_stage, "analyse_document", buggy)
    _ingest(tmp_path, store)
    analysis.analyse(store)
    errors = {e.origin.rsplit("/", 1)[-1]: e for e in store.errors()}
    assert set(errors) == {"b.txt"}
    assert errors["b.txt"].code == "analysis_failed" and "ValueError" in errors["b.txt"].message
    quotes = store.quotes()
    assert [q.text for q in quotes] == ["Nous irons jusqu'au bout"]  # a.txt analysed in full
    assert {e.name for e in store.entities()} >= {"Jean Castel", "Paul Morel"}
    monkeypatch.setattr(quotes_stage, "analyse_document", real)
    analysis.analyse(store)  # the failed document counts as analysed: nothing re-runs, no crash
    assert len(store.quotes()) == 1


def test_a_failing_corpus_step_is_recorded_and_the_rest_is_built(
    tmp_path: Path, store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> list[Any]:
        raise RuntimeError("a bug in the step")

    _ingest(tmp_path, store)
    monkeypatch.setattr(analysis, "find_discrepancies", broken)
    analysis.analyse(store)
    (error,) = store.errors()
    assert error.origin == "recoupe:discrepancies" and error.code == "corpus_step_failed"
    assert store.entities() and store.events() and store.quotes() and store.stories()
    monkeypatch.undo()
    analysis.rebuild(store)  # the step works again: its error is gone
    assert store.errors() == []
