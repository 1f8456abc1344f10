"""WARC archives, web pages and feeds ingested end to end (a real HTTP server on loopback)."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from articles import ENGLISH, FRENCH, html_page
from conftest import run_recoupe

from recoupe.build import ingest
from recoupe.ingest.fetch import FetchPolicy
from recoupe.ingest.sources import ReadOptions
from recoupe.store import SqliteStore, Status

PAGES: dict[str, tuple[str, bytes]] = {}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        found = PAGES.get(self.path)
        status, (ctype, body) = (200, found) if found else (404, ("text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    PAGES["/lyon.html"] = ("text/html; charset=utf-8", html_page("Écoles de Lyon", FRENCH).encode())
    PAGES["/leeds.html"] = (
        "text/html; charset=utf-8",
        html_page("Leeds", ENGLISH, published="2026-03-02").encode(),
    )
    PAGES["/feed.xml"] = (
        "application/rss+xml",
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Le Journal</title>
<item><title>Écoles de Lyon</title><link>{base}/lyon.html</link>
<pubDate>Tue, 03 Feb 2026 08:00:00 GMT</pubDate></item>
<item><title>Disparu</title><link>{base}/gone.html</link></item>
</channel></rss>""".encode(),
    )
    yield base
    server.shutdown()


def test_a_feed_brings_each_entry_page_with_its_date(site: str, store: SqliteStore) -> None:
    options = ReadOptions(fetch=FetchPolicy(allow_private=True, timeout=5))
    report = ingest([f"{site}/feed.xml"], store=store, options=options)
    assert report.count(Status.INGESTED) == 1
    assert [(o.origin, o.code) for o in report.failures] == [(f"{site}/gone.html", "http_error")]
    (doc,) = store.documents()
    assert doc.origin == f"{site}/lyon.html" and "120 millions" in doc.text
    assert (doc.published, doc.published_from, doc.source) == (
        "2026-02-03",
        "metadata",
        "Le Journal",
    )
    snapshot = store.snapshot(doc.id)
    assert snapshot is not None and "text/html" in snapshot[1]["content-type"]


def test_urls_from_the_command_line(site: str, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    url = f"{site}/leeds.html"
    refused = run_recoupe("ingest", url, "--db", db)
    assert refused.returncode == 1 and "private_address" in refused.stderr
    allowed = run_recoupe("ingest", url, "--db", db, "--allow-private")
    assert allowed.returncode == 0, allowed.stderr
    (doc,) = json.loads(run_recoupe("export", "--db", db, "--format", "json").stdout)["documents"]
    assert doc["origin"] == url and doc["published"] == "2026-03-02"
    assert doc["published_from"] == "html" and doc["source"].startswith("127.0.0.1")
    assert run_recoupe("status", "--db", db, "--json").stdout.count('"errors": 0') == 1


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        pages = [
            ("https://news.example/lyon", "text/html; charset=utf-8", html_page("Lyon", FRENCH)),
            ("https://news.example/logo.png", "image/png", "\x89PNG fake"),
            ("https://news.example/leeds", "text/html; charset=utf-8", html_page("Leeds", ENGLISH)),
        ]
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_warc_responses_are_documents(tmp_path: Path, store: SqliteStore) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    report = ingest([str(path)], store=store)
    assert report.ok and report.count(Status.INGESTED) == 2  # the image is passed over
    docs = {doc.origin: doc for doc in store.documents()}
    assert set(docs) == {"https://news.example/lyon", "https://news.example/leeds"}
    assert "flood barriers" in docs["https://news.example/leeds"].text
    assert docs["https://news.example/lyon"].source == "news.example"
    again = ingest([str(path)], store=store)
    assert again.count(Status.UNCHANGED) == 2


def test_a_broken_warc_is_a_coded_error(tmp_path: Path, store: SqliteStore) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc record at all\r\n\r\n" * 3)
    report = ingest([str(path)], store=store)
    assert [o.code for o in report.failures] == ["bad_warc"]
