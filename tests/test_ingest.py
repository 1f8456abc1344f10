"""Ingestion end to end through the library: readers, cleaning, store, on good and bad input."""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest
from articles import ENGLISH, FRENCH, SPANISH, html_page
from conftest import EXAMPLES
from pdfs import blank_pdf, text_pdf

from recoupe.build import ingest
from recoupe.ingest.fetch import FetchPolicy
from recoupe.ingest.sources import ReadOptions
from recoupe.store import SqliteStore, Status


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _by_origin(store: SqliteStore) -> dict[str, object]:
    return {doc.origin: doc for doc in store.documents()}


def test_demo_manifest_ingests_the_five_samples(store: SqliteStore) -> None:
    report = ingest([str(EXAMPLES / "manifest.jsonl")], store=store)
    assert report.ok, report.failures
    assert report.count(Status.INGESTED) == 5
    docs = {Path(doc.origin).name[:3]: doc for doc in store.documents()}
    assert docs["000"].published == "2025-12-10" and docs["000"].published_from == "metadata"
    assert docs["002"].language == "en" and docs["002"].published == "2025-11-18"
    assert docs["001"].published is None  # no date given, none in the text: unknown stays null
    scrape = docs["004"]
    assert scrape.language == "fr"  # detected: the manifest gives none
    assert scrape.published == "2025-11-28" and scrape.published_from == "text"
    assert "En tant qu’invité politique" in scrape.text
    assert "Cliquez sur la vidéo pour regarder l’entretien en intégralité." in scrape.text
    assert "Close Menu" not in scrape.text and "Toute reproduction interdite" not in scrape.text
    assert scrape.removed_chars > 5000
    assert scrape.removed_chars == len((EXAMPLES / "004_013d602068690aab.txt").read_text()) - len(
        scrape.text
    )


def test_reingesting_the_same_input_is_a_no_op(store: SqliteStore) -> None:
    ingest([str(EXAMPLES / "manifest.jsonl")], store=store)
    before = store.counts()
    again = ingest([str(EXAMPLES / "manifest.jsonl")], store=store)
    assert again.count(Status.UNCHANGED) == 5 and again.ok
    assert store.counts() == before


def test_folders_are_read_recursively_and_other_files_skipped(
    tmp_path: Path, store: SqliteStore
) -> None:
    _write(tmp_path, "corpus/fr/lyon.txt", FRENCH)
    _write(tmp_path, "corpus/en/leeds.html", html_page("Leeds flood barriers", ENGLISH))
    _write(tmp_path, "corpus/en/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    _write(tmp_path, "corpus/.hidden/secret.txt", FRENCH)
    report = ingest([str(tmp_path / "corpus")], store=store)
    assert report.ok and report.count(Status.INGESTED) == 2
    languages = sorted(doc.language for doc in store.documents())
    assert languages == ["en", "fr"]


def test_gzipped_html_is_read(tmp_path: Path, store: SqliteStore) -> None:
    page = html_page("Leeds flood barriers", ENGLISH, published="2026-03-02T08:00:00+00:00")
    path = _write(tmp_path, "page.html.gz", gzip.compress(page.encode()))
    report = ingest([str(path)], store=store)
    assert report.ok
    (doc,) = store.documents()
    assert "flood barriers along the river" in doc.text
    assert doc.published == "2026-03-02" and doc.published_from == "html"
    assert "Tous droits réservés" not in doc.text


def test_pdf_text_layer_is_read(tmp_path: Path, store: SqliteStore) -> None:
    lines = [
        "Rapport sur la securite des ports.",
        "Le port du Havre a saisi 10 tonnes de cocaine en 2025.",
    ]
    path = _write(tmp_path, "rapport.pdf", text_pdf(lines))
    assert ingest([str(path)], store=store).ok
    (doc,) = store.documents()
    assert "10 tonnes de cocaine" in doc.text and doc.language == "fr"


def test_other_languages_are_stored_searchable_but_not_analysed(
    tmp_path: Path, store: SqliteStore
) -> None:
    path = _write(tmp_path, "valencia.txt", SPANISH)
    assert ingest([str(path)], store=store).ok
    (doc,) = store.documents()
    assert doc.language == "es" and not doc.analysed
    assert [hit[1] for hit in store.search("escuelas")] == [str(path)]


def test_inline_records_are_taken_as_clean_text(tmp_path: Path, store: SqliteStore) -> None:
    text = "Menu\n" + FRENCH  # a furniture-like line: inline text is never cleaned
    records = [
        {"id": "a1", "text": text, "published": "2026-02-03", "language": "fr", "source": "AFP"},
        {"html": html_page("Leeds", ENGLISH), "title": "Given title"},
    ]
    path = _write(tmp_path, "batch.jsonl", "\n".join(json.dumps(r) for r in records))
    assert ingest([str(path)], store=store).ok
    docs = _by_origin(store)
    first = docs[f"{path}#a1"]
    assert first.text == text and first.source == "AFP" and first.record_id == "a1"  # type: ignore[attr-defined]
    second = docs[f"{path}#2"]
    assert second.title == "Given title" and "flood barriers" in second.text  # type: ignore[attr-defined]


# -- bad input: each gets a coded error, the rest of the batch is stored ----------------------


@pytest.fixture
def bad_batch(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """A batch mixing every kind of bad input with good documents; origin -> expected code."""
    good = _write(tmp_path, "good.txt", FRENCH)
    expected: dict[str, str] = {}

    def bad(name: str, data: bytes | str, code: str) -> str:
        path = _write(tmp_path, name, data)
        expected[str(path)] = code
        return str(path)

    targets = [
        bad("empty.txt", b"", "empty"),
        bad("blank.txt", b"  \n\n \t\n", "empty"),
        bad("blob.txt", bytes(range(256)) * 64, "binary"),
        bad("fake.html.gz", b"<html>not gzip at all</html>", "bad_gzip"),
        bad("cut.txt.gz", gzip.compress(FRENCH.encode())[:-30], "bad_gzip"),
        bad("scan.pdf", blank_pdf(), "pdf_no_text"),
        bad("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type", "bad_pdf"),
        bad(
            "nothing.html",
            "<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
            "no_text",
        ),
        str(good),
    ]
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # 100 MB, sparse: cheap to make, must not be read whole
        handle.truncate(100 * 1024 * 1024)
    expected[str(huge)] = "too_large"
    targets.append(str(huge))
    missing = str(tmp_path / "missing.txt")
    expected[missing] = "not_found"
    targets.append(missing)
    records = _write(
        tmp_path,
        "records.jsonl",
        "\n".join(
            [
                json.dumps({"text": ENGLISH, "id": "ok"}),
                "{this is not json",
                json.dumps({"title": "no content field"}),
                json.dumps({"text": "x", "url": "https://example.org/"}),
                json.dumps({"text": FRENCH, "published": "yesterday"}),
            ]
        ),
    )
    expected[f"{records}#2"] = "bad_record"
    expected[f"{records}#3"] = "bad_record"
    expected[f"{records}#4"] = "bad_record"
    expected[f"{records}#5"] = "bad_record"
    targets.append(str(records))
    return targets, expected


def test_bad_input_gets_coded_errors_and_the_rest_is_stored(
    store: SqliteStore, bad_batch: tuple[list[str], dict[str, str]]
) -> None:
    targets, expected = bad_batch
    report = ingest(targets, store=store)
    failed = {outcome.origin: outcome.code for outcome in report.failures}
    assert failed == expected
    assert all(outcome.message for outcome in report.failures)
    assert report.count(Status.INGESTED) == 2  # good.txt and the valid record
    stored_errors = {error.origin: error.code for error in store.errors()}
    assert stored_errors == expected
    # The same batch again: nothing duplicated, nothing lost.
    ingest(targets, store=store)
    assert len(store.errors()) == len(expected) and len(store.documents()) == 2


def test_failures_never_lose_what_was_stored(tmp_path: Path, store: SqliteStore) -> None:
    path = _write(tmp_path, "article.txt", FRENCH)
    ingest([str(path)], store=store)
    path.write_bytes(b"")  # the file is emptied: the stored document stays
    report = ingest([str(path)], store=store)
    assert [o.code for o in report.failures] == ["empty"]
    assert [doc.text for doc in store.documents()] == [FRENCH]
    path.write_text(FRENCH + "\nUn paragraphe ajouté après publication, avec une précision.")
    assert ingest([str(path)], store=store).count(Status.UPDATED) == 1
    assert store.errors() == []  # a success clears the origin's error


def test_latin1_and_windows1252_text_decode(tmp_path: Path, store: SqliteStore) -> None:
    text = "Le préfet a annoncé l’ouverture d’une enquête après l’incendie du théâtre, à Nîmes."
    latin = _write(tmp_path, "latin1.txt", text.replace("’", "'").encode("latin-1"))
    windows = _write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    assert ingest([str(latin), str(windows)], store=store).ok
    docs = _by_origin(store)
    assert docs[str(latin)].text == text.replace("’", "'")  # type: ignore[attr-defined]
    assert docs[str(windows)].text == text  # type: ignore[attr-defined]


def test_truncated_html_keeps_its_text(tmp_path: Path, store: SqliteStore) -> None:
    page = html_page("Leeds flood barriers", ENGLISH)
    cut = page[: page.index("Residents who")] + "Residents who were flo"
    path = _write(tmp_path, "cut.html", cut)
    assert ingest([str(path)], store=store).ok
    (doc,) = store.documents()
    assert "45 million pounds" in doc.text


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_and_private_urls_fail_with_codes(tmp_path: Path, store: SqliteStore) -> None:
    good = _write(tmp_path, "good.txt", FRENCH)
    url = f"http://127.0.0.1:{_closed_port()}/article"
    refused = ingest([url, str(good)], store=store)
    assert {o.origin: o.code for o in refused.failures} == {url: "private_address"}
    allowed = ReadOptions(fetch=FetchPolicy(allow_private=True, timeout=2))
    unreachable = ingest([url], store=store, options=allowed)
    assert [o.code for o in unreachable.failures] == ["unreachable"]
    assert len(store.documents()) == 1


def test_changed_content_is_a_new_version(tmp_path: Path, store: SqliteStore) -> None:
    path = _write(tmp_path, "article.txt", FRENCH)
    ingest([str(path)], store=store)
    path.write_text(FRENCH.replace("120 millions", "150 millions"), encoding="utf-8")
    report = ingest([str(path)], store=store)
    assert report.count(Status.UPDATED) == 1
    versions = store.versions(str(path))
    assert [(v.version, v.is_current) for v in versions] == [(1, False), (2, True)]
    (current,) = store.documents()
    assert "150 millions" in current.text
    old = store.document(versions[0].document_id)
    assert old is not None and "120 millions" in old.text
    snapshot = store.snapshot(versions[0].document_id)
    assert snapshot is not None and b"120 millions" in snapshot[0]


def test_remove_deletes_every_version_and_its_snapshots(tmp_path: Path, store: SqliteStore) -> None:
    path = _write(tmp_path, "article.txt", FRENCH)
    other = _write(tmp_path, "other.txt", ENGLISH)
    ingest([str(path), str(other)], store=store)
    path.write_text(FRENCH + "\nMise à jour : le conseil a voté le plan.", encoding="utf-8")
    ingest([str(path)], store=store)
    assert len(store.remove(str(path))) == 2
    assert [doc.origin for doc in store.documents()] == [str(other)]
    assert store.counts()["snapshots"] == 1
    assert store.search("préfet") == []


def test_parallel_cleaning_gives_the_same_dossier(tmp_path: Path) -> None:
    from recoupe.store import open_store

    results = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db")) as store:
            ingest([str(EXAMPLES / "manifest.jsonl")], store=store, workers=workers)
            results.append([(d.id, d.text, d.published, d.language) for d in store.documents()])
    assert results[0] == results[1]
