"""Property-based fuzzing of every input path (hypothesis): no exception escapes an error boundary.

Each property feeds one entry point with arbitrary and with structured hostile input and checks
that the only exception it lets out is the one its contract names:

- ``decode_text`` (bytes to text): only ``IngestError``; the text has no ``\\r`` and is storable;
- ``parse_records`` (jsonl / json records): never raises, yields ``Record`` or ``Failure`` only;
- ``clean_or_fail`` for every :class:`~recoupe.model.Kind`: an ``Article`` or a ``Failure``, never
  an ``internal`` one (that is a bug the last-resort handler caught), and the article storable;
- ``gunzip`` and the content-coding ``decode``: only ``IngestError``, and what was compressed
  comes back unchanged;
- a records file read from disk (paths beside it, outside it, to itself, with a NUL) and a URL
  read offline (a fake resolver, a mock transport serving pages, feeds, redirects, codings):
  only ``RawDocument`` and ``Failure``, and what was read cleans without an ``internal`` failure;
- the per-document stages (entities, then events and quotes on the entities as the store gives
  them back): no exception, every span inside the text, results JSON-ready;
- the whole ``recoupe ingest`` / ``export`` path on three generated folders (~25 s): exit 0 or 1,
  no traceback, an export that validates, no ``internal`` / ``analysis_failed`` error.

Inputs are derandomized so a CI run is reproducible (``RECOUPE_FUZZ_SCALE=20`` runs twenty times
as many); :data:`TRIED` counts the inputs each property was given (printed when the module ends,
visible with ``pytest -s``). The crashes found are kept as regression tests at the end.
"""

from __future__ import annotations

import codecs
import encodings.aliases
import gzip
import io
import json
import os
import string
import sys
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from recoupe.build import clean_or_fail
from recoupe.entities.pipeline import analyse_documents
from recoupe.entities.serialize import dump, load
from recoupe.errors import Code, IngestError
from recoupe.events import stage as events_stage
from recoupe.events.serialize import dump as dump_events
from recoupe.extract.decode import decode_text
from recoupe.ingest.decoding import STEP, codings
from recoupe.ingest.decoding import decode as decode_body
from recoupe.ingest.fetch import FetchPolicy
from recoupe.ingest.files import gunzip
from recoupe.ingest.records import Record, parse_records
from recoupe.ingest.sources import ReadOptions, read_path
from recoupe.ingest.urls import read_url
from recoupe.model import Article, Failure, Hints, Kind, RawDocument
from recoupe.quotes import stage as quotes_stage
from recoupe.store import StoredDocument, open_store
from tests.articles import ENGLISH, FRENCH, html_page
from tests.conftest import SCHEMA, run_recoupe, validate_dossier
from tests.pdfs import blank_pdf, text_pdf

TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_inputs() -> Iterator[None]:
    yield
    counts = ", ".join(f"{name}: {count}" for name, count in sorted(TRIED.items()))
    print(f"\n[test_fuzz] inputs tried: {counts}", file=sys.stderr)


# A longer hunt: RECOUPE_FUZZ_SCALE=20 runs twenty times as many inputs (still reproducible).
SCALE = float(os.environ.get("RECOUPE_FUZZ_SCALE", "1"))


def _fuzz(max_examples: int) -> settings:
    """Settings of a property: reproducible, no deadline (the first call loads models)."""
    return settings(
        max_examples=max(1, round(max_examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


def _storable(text: str | None) -> None:
    """What the store writes must encode as UTF-8 (no lone surrogate)."""
    if text is not None:
        text.encode("utf-8")


# -- ingredients of text -------------------------------------------------------------------------

SENTENCES = [line for block in (FRENCH, ENGLISH) for line in block.splitlines() if line.strip()]
QUOTE_MARKS = [
    "«",
    "»",
    "« ",
    " »",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "„",
    "‹",
    "›",
    "'",
    "«\u202f",
    "\u00a0»",
]
DATES = [
    "le 3 mars 2024",
    "mardi",
    "hier",
    "demain",
    "1er janvier 1900",
    "31 février 2023",
    "le 29 février",
    "12/05/2023",
    "2024-02-30",
    "0000-00-00",
    "9999-12-31",
    "March 3, 2025",
    "on Monday",
    "last week",
    "in 2027",
    "the 31st of April",
    "en 1789",
    "l'an dernier",
    "au printemps",
    "il y a 3 ans",
    "depuis 10000 ans",
    "the year 99999",
    "XXIe siècle",
]
NUMBERS = [
    "120 millions d'euros",
    "45 million pounds",
    "45,5 %",
    "1 000 000",
    "-3",
    "1e308",
    "٣٤",
    "½",
    "10\u202f000",
    "0,000001",
    "99999999999999999999999",
    "3e-400",
    "NaN",
]
NAMES = [
    "Jean Martin",
    "M. Dupont",
    "Mme Le Pen",
    "Dr. Smith",
    "Judge Roe",
    "Léa de Vaucelles",
    "ONU",
    "l'Organisation des Nations unies (ONU)",
    "the European Union (EU)",
    "Jean-Paul",
    "MARTIN",
    "Lyon",
    "Leeds",
    "Emmanuel Macron",
    "le préfet du Rhône",
    "Le Monde",
    "A",
    "(",
    ")",
]
CONTROLS = [
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u00ad",
    "\u200b",
    "\u200d",
    "\u202e",
    "\r",
    "\r\n",
    "\t",
    "\n",
    "\n\n",
    "\ufffd",
    "\U0001f600",
    "e\u0301",
]
SEPARATORS = ["", " ", " ", "\n", "\n\n", ". ", ", ", " — ", " : "]

# no surrogates: text that reaches the analysis has been stored, hence encodes as UTF-8
_unicode = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES).flatmap(
        lambda s: st.integers(0, len(s)).map(lambda cut: s[:cut])  # a sentence cut anywhere
    ),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(DATES),
    st.sampled_from(NUMBERS),
    st.sampled_from(NAMES),
    st.sampled_from(CONTROLS),
    _unicode,
)
news_text = st.lists(st.tuples(_piece, st.sampled_from(SEPARATORS)), min_size=1, max_size=30).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs)
)

# -- 1. decode_text ------------------------------------------------------------------------------

# Every codec name Python knows, with the text-transform and oddball ones among them.
CODEC_NAMES = sorted(
    set(encodings.aliases.aliases.values())
    | {"utf-8", "latin-1", "iso-8859-1", "ascii", "cp1252", "utf-16", "utf-32", "utf-8-sig"}
    | {"utf-7", "punycode", "rot13", "base64", "hex", "zlib", "charmap", "x-user-defined"}
)
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
_text_encodings = st.sampled_from(
    ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "shift_jis", "koi8-r", "cp437"]
)


@st.composite
def document_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or text in some encoding with stray bytes, BOMs and cuts mixed in."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=600))
    text = draw(news_text | st.text(max_size=200))
    data = text.encode(draw(_text_encodings), errors="replace")
    if kind >= 2:  # splice in raw bytes (a pasted Windows quote, a Latin-1 line, NULs)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=6)) + data[at:]
    if kind == 3:
        data = draw(st.sampled_from(BOMS)) + data
    return data


declared_charsets = st.none() | st.sampled_from(CODEC_NAMES) | st.text(max_size=12)


@_fuzz(1000)
@given(data=document_bytes(), declared=declared_charsets)
def test_decode_text_raises_only_ingest_errors(data: bytes, declared: str | None) -> None:
    TRIED["decode_text"] += 1
    try:
        text = decode_text(data, declared=declared)
    except IngestError as exc:
        assert exc.code == Code.BINARY
        return
    assert isinstance(text, str)
    assert "\r" not in text
    assert not text.startswith("\ufeff")
    _storable(text)


# -- 2. parse_records ----------------------------------------------------------------------------

FIELDS = ["path", "url", "text", "html", "id", "title", "source", "author", "published", "language"]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", " ", "2024-02-30", "2024", "9999-99-99T", "\ud800", "\udcff"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=12,
)
records_like = st.fixed_dictionaries(
    {},
    optional={name: json_values | st.text(max_size=30) for name in FIELDS},
)


@st.composite
def json_line(draw: st.DrawFn) -> str:
    """One line of a records file: JSON of a record or of anything, or not JSON at all."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return draw(st.text(max_size=40))
    if kind == 1:  # nested deeper than the parser goes, or just deep enough
        depth = draw(st.sampled_from([10, 900, 1_100, 5_000, 100_000]))
        open_, close = draw(st.sampled_from([("[", "]"), ('{"text": ', "}"), ('{"a":[', "]}")]))
        return open_ * depth + ("1" if open_ == "[" else '""') + close * depth
    if kind == 2:  # lone surrogates and other escapes, as JSON lets one write them
        escapes = draw(
            st.lists(st.sampled_from(["\\ud800", "\\udfff", "\\udc80", "\\u0000", "\\ud83d"]))
        )
        field = draw(st.sampled_from(FIELDS))
        return json.dumps({field: "x"})[:-2] + "".join(escapes) + '"}'
    if kind == 3:  # numbers past what int() converts
        return '{"text": "a", "id": ' + "9" * draw(st.integers(1, 6_000)) + "}"
    if kind == 4:
        return json.dumps(draw(json_values), ensure_ascii=draw(st.booleans()))
    if kind == 5:  # a record cut short
        line = json.dumps(draw(records_like))
        return line[: draw(st.integers(0, len(line)))]
    return json.dumps(draw(records_like), ensure_ascii=draw(st.booleans()))


@st.composite
def records_file(draw: st.DrawFn) -> str:
    lines = draw(st.lists(json_line(), max_size=8))
    shape = draw(st.integers(0, 3))
    if shape == 0:  # a JSON array of the records
        return "[" + ",".join(lines) + "]"
    if shape == 1:  # arbitrary text
        return draw(st.text(max_size=200))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85", "\x0b"]))
    return draw(st.sampled_from(["", " ", "\ufeff", "\n"])) + newline.join(lines)


@_fuzz(500)
@given(source=st.sampled_from(["r.jsonl", "dir/r.json", "s\udcff.jsonl", ""]), data=records_file())
def test_parse_records_never_raises(source: str, data: str) -> None:
    TRIED["parse_records"] += 1
    for item in parse_records(source, data):
        assert isinstance(item, Record | Failure)
        if isinstance(item, Failure):
            assert item.code == Code.BAD_RECORD
            _storable(item.origin)
            _storable(item.message)
        else:
            _storable(item.value)
            for hint in (item.hints.record_id, item.hints.title, item.hints.author):
                _storable(hint)


# -- 3. clean_or_fail ----------------------------------------------------------------------------

_words = st.one_of(news_text, st.text(max_size=40), st.sampled_from(SENTENCES))
_attr_values = st.sampled_from(
    ["utf-8", "iso-8859-1", "windows-1252", "2024-03-05", "2024-02-30T25:61", "", "x" * 300]
) | st.text(max_size=10)
_entities = st.sampled_from(
    ["&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#1114112;", "&#x110000;", "&eacute", "&#", "&lt;"]
)


@st.composite
def html_markup(draw: st.DrawFn) -> str:
    """A page: head with dates and charsets, nested blocks of news text, broken markup."""
    leaf = _words | _entities | st.sampled_from(["<br>", "<!--", "-->", "<![CDATA[", "]]>", "<"])
    tags = [
        "p",
        "div",
        "article",
        "main",
        "section",
        "h1",
        "h2",
        "span",
        "a",
        "li",
        "ul",
        "nav",
        "footer",
        "header",
        "aside",
        "script",
        "style",
        "table",
        "td",
        "time",
        "blockquote",
        "figure",
        "figcaption",
        "noscript",
        "iframe",
        "svg",
        "math",
        "template",
    ]

    def wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda tag, attr, inner, closed: (
                f"<{tag}{attr}>{''.join(inner)}" + (f"</{tag}>" if closed else "")
            ),
            st.sampled_from(tags),
            st.sampled_from(
                [
                    "",
                    ' class="content"',
                    ' datetime="2024-03-05"',
                    ' lang="fr"',
                    ' itemprop="datePublished"',
                    " hidden",
                    ' class="byline"',
                ]
            ),
            st.lists(children, max_size=4),
            st.booleans(),
        )

    body = draw(st.recursive(leaf, wrap, max_leaves=25))
    head = "".join(
        draw(
            st.lists(
                st.sampled_from(
                    [
                        '<meta charset="{}">',
                        '<meta http-equiv="Content-Type" content="text/html; charset={}">',
                        '<meta property="article:published_time" content="{}">',
                        '<meta name="author" content="{}">',
                        "<title>{}</title>",
                        '<?xml version="1.0" encoding="{}"?>',
                        '<link rel="canonical" href="{}">',
                    ]
                ).flatmap(lambda t: _attr_values.map(t.format)),
                max_size=4,
            )
        )
    )
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0'?>", "\ufeff"]))
    if draw(st.booleans()):
        return f"{doctype}<html><head>{head}</head><body>{body}</body></html>"
    return head + body  # a fragment


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    """Front matter, headings, bylines, datelines, lists, quotes, fences, links, tables."""
    blocks = st.one_of(
        _words.map(lambda t: "# " + t),
        _words.map(lambda t: "## " + t),
        _words.map(lambda t: "> " + t),
        _words.map(lambda t: "- " + t),
        _words.map(lambda t: "1. " + t),
        _words.map(lambda t: f"**{t}** _{t}_"),
        _words.map(lambda t: f"[{t}](http://example.org/{t})"),
        _words.map(lambda t: f"![{t}](img.png)"),
        _words.map(lambda t: f"| {t} | a |\n|---|---|\n| 1 | 2 |"),
        _words.map(lambda t: f"```\n{t}\n```"),
        st.sampled_from(
            [
                "---",
                "***",
                "```",
                "<div>",
                "</div>",
                "Par Jean Martin",
                "By John Smith",
                "LYON, 3 mars 2024 (AFP) -",
                "Publié le 12/05/2023 à 10h00",
                "Mis à jour le 31 février",
                "Leeds, March 3 (Reuters) —",
            ]
        ),
        _words,
    )
    front = ""
    if draw(st.booleans()):
        keys = st.sampled_from(["title", "date", "author", "published", "tags", "lang", ""])
        lines = draw(st.lists(st.tuples(keys, _attr_values | st.sampled_from(DATES)), max_size=4))
        fence = draw(st.sampled_from(["---", "+++", "---\n---"]))
        front = fence + "\n" + "".join(f"{k}: {v}\n" for k, v in lines) + fence.split("\n")[0]
    body = "\n\n".join(draw(st.lists(blocks, min_size=1, max_size=10)))
    return front + "\n" + body


@st.composite
def pdf_bytes(draw: st.DrawFn) -> bytes:
    """A small real PDF, then tampered with: bytes changed, cut, tokens swapped."""
    lines = draw(st.lists(st.sampled_from(SENTENCES) | st.text(max_size=30), max_size=5))
    data = text_pdf([line.encode("latin-1", "replace").decode("latin-1") for line in lines])
    if draw(st.booleans()):
        data = blank_pdf()
    swaps = [
        (b"/Count 1", [b"/Count -1", b"/Count 99999999", b"/Count 0", b"/Count /X"]),
        (b"[3 0 R]", [b"[2 0 R]", b"[1 0 R]", b"[3 0 R 3 0 R]", b"[]", b"3 0 R"]),
        (b"/Parent 2 0 R", [b"/Parent 3 0 R", b"/Parent 9 0 R", b""]),
        (b"/Contents 5 0 R", [b"/Contents 3 0 R", b"/Contents [5 0 R 5 0 R]", b"/Contents 7"]),
        (b"/Root 1 0 R", [b"/Root 2 0 R", b"/Root 3 0 R", b""]),
        (b"/MediaBox [0 0 595 842]", [b"/MediaBox [0 0]", b"/MediaBox 1", b"/MediaBox [a b c d]"]),
        (b"/Type /Font", [b"/Type /Page", b""]),
        (b"/Encoding /WinAnsiEncoding", [b"/Encoding /Nope", b"/Encoding 4 0 R"]),
        (b"11 Tf", [b"0 Tf", b"-1e99 Tf", b"Tf"]),
        (b"startxref\n", [b"startxref\n-1", b"startxref\n999999999", b"startxref\nabc"]),
        (b"/Length ", [b"/Length 0 ", b"/Length -5 ", b"/Length 999999 ", b"/Length 5 0 R "]),
    ]
    for old, new in draw(st.lists(st.sampled_from(swaps), max_size=3)):
        data = data.replace(old, draw(st.sampled_from(new)), 1)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at + 1 :]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


ORIGINS = [
    "doc.txt",
    "doc.md",
    "doc.markdown.gz",
    "page.html",
    "r.jsonl#3",
    "-",
    "https://example.org/a.md",
    "scan.pdf",
    "caf\udce9.txt",
]
urls = st.none() | st.sampled_from(
    ["https://www.example.org/a", "x", "http://[::1]/a", "http://[::1", "http://[", "http://xn--/"]
)
urls |= st.text(max_size=12).map(lambda t: "http://" + t)
hints = st.builds(
    Hints,
    record_id=st.none() | st.text(max_size=8),
    title=st.none() | st.text(max_size=20),
    source=st.none() | st.text(max_size=10),
    author=st.none() | st.text(max_size=10),
    published=st.none() | st.sampled_from(["2024-03-05", "2024", "2024-02-31", "0000-13-00"]),
    language=st.none() | st.sampled_from(["fr", "en", "es", "FR", "", "xx", " "]),
)


@st.composite
def raw_documents(draw: st.DrawFn) -> RawDocument:
    kind = draw(st.sampled_from(list(Kind)))
    # mostly the data that suits the kind, sometimes any other
    suits = {Kind.HTML: 1, Kind.PDF: 4, Kind.PLAIN: 2, Kind.CLEAN: 3}[kind]
    shape = draw(st.sampled_from([suits, suits, suits, 0, 1, 2, 3, 4]))
    if shape == 0:
        data = draw(document_bytes())
    elif shape == 1:
        data = draw(html_markup()).encode(draw(_text_encodings), errors="replace")
    elif shape == 2:
        data = draw(markdown_text()).encode(draw(_text_encodings), errors="replace")
    elif shape == 3:
        data = draw(news_text).encode()
    else:
        data = draw(pdf_bytes())
    charset = draw(declared_charsets)
    content_type = None if charset is None else f"text/plain; charset={charset}"
    headers = draw(
        st.dictionaries(
            st.sampled_from(["Content-Type", "content-type", "Date"]),
            st.text(max_size=30) | declared_charsets.map(lambda c: f"text/html; charset={c}"),
        )
    )
    return RawDocument(
        origin=draw(st.sampled_from(ORIGINS)),
        data=data,
        kind=kind,
        fetched_at="2025-12-01T00:00:00+00:00",
        hints=draw(hints),
        headers=headers,
        content_type=content_type,
        url=draw(urls),
    )


@_fuzz(800)
@given(raw=raw_documents())
def test_clean_or_fail_returns_an_article_or_a_coded_failure(raw: RawDocument) -> None:
    TRIED[f"clean_or_fail[{raw.kind}]"] += 1
    result = clean_or_fail(raw)
    assert isinstance(result, Article | Failure)
    event(f"{raw.kind}: {result.code if isinstance(result, Failure) else 'article'}")
    if isinstance(result, Failure):
        assert result.code != Code.INTERNAL, result.message
        return
    assert result.text.strip()
    for text in (result.text, result.title, result.author, result.source, result.language):
        _storable(text)


@_fuzz(400)
@given(data=pdf_bytes(), origin=st.sampled_from(["scan.pdf", "https://example.org/a.pdf"]))
def test_clean_or_fail_on_tampered_pdfs(data: bytes, origin: str) -> None:
    TRIED["clean_or_fail[pdf, tampered]"] += 1
    raw = RawDocument(origin, data, Kind.PDF, "2025-12-01T00:00:00+00:00")
    result = clean_or_fail(raw)
    event(f"pdf: {result.code if isinstance(result, Failure) else 'article'}")
    if isinstance(result, Failure):
        assert result.code != Code.INTERNAL, result.message
    else:
        _storable(result.text)


# -- 4. gunzip and content codings ---------------------------------------------------------------


@st.composite
def gzip_bytes(draw: st.DrawFn) -> tuple[bytes, bytes | None]:
    """(data, what it decompresses to when it is intact gzip, else None)."""
    payload = draw(st.binary(max_size=300) | st.just(b"a" * 5_000))
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.binary(max_size=200)), None
    if kind == 1:
        return b"\x1f\x8b" + draw(st.binary(max_size=200)), None
    data = gzip.compress(payload, compresslevel=draw(st.integers(0, 9)), mtime=0)
    if kind == 2:
        return data, payload
    if kind == 3:  # two members, or trailing junk
        return data + draw(st.just(data) | st.binary(max_size=20)), None
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + draw(st.binary(max_size=3)) + data[at + 1 :], None


@_fuzz(600)
@given(case=gzip_bytes(), max_bytes=st.integers(1, 6_000))
def test_gunzip_raises_only_ingest_errors(case: tuple[bytes, bytes | None], max_bytes: int) -> None:
    TRIED["gunzip"] += 1
    data, payload = case
    try:
        out = gunzip(data, max_bytes=max_bytes)
    except IngestError as exc:
        assert exc.code in (Code.BAD_GZIP, Code.TOO_LARGE)
        assert payload is None or len(payload) > max_bytes
        return
    assert len(out) <= max_bytes
    if payload is not None:
        assert out == payload


def _compress(data: bytes, coding: str) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return gzip.compress(data, mtime=0)
    if coding == "deflate-raw":
        compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush()
    return zlib.compress(data)  # deflate as meant: zlib-wrapped


@st.composite
def encoded_body(draw: st.DrawFn) -> tuple[list[bytes], str | None, bytes | None]:
    """(chunks, Content-Encoding header, the body when the chunks are intact, else None)."""
    payload = draw(st.binary(max_size=200) | st.just(b"<p>x</p>" * 9_000))
    codings = draw(
        st.lists(st.sampled_from(["gzip", "x-gzip", "deflate", "deflate-raw"]), max_size=5)
    )
    body = payload
    for coding in codings:
        body = _compress(body, coding)
    names = [c.replace("deflate-raw", "deflate") for c in codings]
    header: str | None = ", ".join(names)  # in the order they were applied
    if not names:
        header = draw(st.sampled_from([None, "", "identity"]))
    expected: bytes | None = payload if len(names) <= 4 else None
    tamper = draw(st.integers(0, 4))
    if tamper == 1:  # arbitrary header
        header = draw(
            st.text(st.sampled_from(string.ascii_letters + ", -_\t\x00é"), max_size=30)
            | st.sampled_from(["br", "compress", "GZIP", "gzip,,gzip", " , identity", "zstd"])
        )
        expected = None
    elif tamper == 2:  # arbitrary body
        body = draw(st.binary(max_size=300))
        expected = None
    elif tamper == 3 and body:  # a byte changed, or cut short
        at = draw(st.integers(0, len(body) - 1))
        body = body[:at] + draw(st.binary(max_size=2))
        expected = None
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=6)))
    chunks = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return chunks, header, expected


@_fuzz(500)
@given(case=encoded_body())
def test_content_decoding_raises_only_ingest_errors(
    case: tuple[list[bytes], str | None, bytes | None],
) -> None:
    TRIED["decoding.decode"] += 1
    chunks, header, expected = case
    try:
        out = list(decode_body(iter(chunks), header))
    except IngestError as exc:
        assert exc.code == Code.HTTP_ERROR
        assert expected is None
        return
    if codings(header):  # decoded pieces are bounded; without a coding they pass as they came
        assert all(len(piece) <= STEP for piece in out)
    if expected is not None:
        assert b"".join(out) == expected


# -- 4b. a records file read from disk (paths beside it, outside it, itself) ---------------------

RECORD_PATHS = [
    "a.txt",
    "sub/b.html",
    "sub",
    ".",
    "../outside.txt",
    "/etc/hostname",
    "missing.txt",
    "a.txt.gz",
    "c.jsonl",
    "x.warc",
    "a.txt\x00",
    "r.jsonl",
    "sub/../r.jsonl",
    "caf\udce9.txt",
]


@st.composite
def records_on_disk(draw: st.DrawFn) -> str:
    """A records file whose records name files around it, mixed with any other line."""
    named = st.builds(
        lambda path, hints: json.dumps({"path": path, **hints}),
        st.sampled_from(RECORD_PATHS) | st.text(max_size=12),
        st.fixed_dictionaries({}, optional={"title": json_values, "published": json_values}),
    )
    urls = st.sampled_from(["http://news.example/a", "ftp://x/", "file:///etc/passwd", "http://"])
    lines = draw(
        st.lists(named | urls.map(lambda u: json.dumps({"url": u})) | json_line(), max_size=6)
    )
    return "\n".join(lines) if draw(st.booleans()) else "[" + ",".join(lines) + "]"


def _offline_read_url(url: str, **_: Any) -> Iterator[Failure]:
    yield Failure(url, Code.UNREACHABLE, "offline (test)")


@_fuzz(250)
@given(data=records_on_disk(), outside=st.booleans())
def test_reading_a_records_file_yields_documents_or_failures(data: str, outside: bool) -> None:
    TRIED["read_path[records]"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "outside.txt").write_text(ENGLISH, encoding="utf-8")
        folder = Path(tmp) / "in"
        (folder / "sub").mkdir(parents=True)
        (folder / "a.txt").write_text(FRENCH, encoding="utf-8")
        (folder / "a.txt.gz").write_bytes(_gzipped(FRENCH))
        (folder / "sub" / "b.html").write_text(html_page("T", FRENCH), encoding="utf-8")
        (folder / "c.jsonl").write_text('{"text": "x"}\n{"path": "a.txt"}\n', encoding="utf-8")
        (folder / "x.warc").write_bytes(b"WARC/1.0\r\n\r\n")
        records = folder / "r.jsonl"
        records.write_bytes(data.encode("utf-8", "surrogatepass"))
        options = ReadOptions(allow_paths_outside=outside)
        with mock.patch("recoupe.ingest.sources.read_url", _offline_read_url):
            items = list(read_path(records, origin=str(records), options=options))
    for item in items:
        assert isinstance(item, RawDocument | Failure)
        event(f"record: {item.code if isinstance(item, Failure) else item.kind}")
        _storable(item.origin)


# -- 4c. URLs, pages and feeds, offline (a fake resolver and a mock transport) -------------------

FEED_LINKS = [
    "http:x",
    "http://news.example/1",
    "/relative",
    "https://news.example/2?a=1#f",
    "urn:x:1",
    "http://xn--/",
    "http://127.0.0.1/",
    "http://[::1",
    "javascript:alert(1)",
    "",
]
FEED_DATES = [
    "Tue, 05 Mar 2024 10:00:00 GMT",
    "2024-03-05T10:00:00Z",
    "9999-99-99",
    "yesterday",
    "Mon, 31 Feb 2024 25:61:00 +9999",
    "0001-01-01T00:00:00Z",
    "",
]


@st.composite
def feed_body(draw: st.DrawFn) -> bytes:
    text = _words | st.sampled_from(["<b>x</b>", "&amp;", "&bogus;", "]]>", "<![CDATA[x]]>"])
    entries = draw(
        st.lists(
            st.tuples(
                text,
                st.sampled_from(FEED_LINKS) | st.text(max_size=10),
                st.sampled_from(FEED_DATES),
                text,
            ),
            min_size=draw(st.sampled_from([0, 1, 1])),
            max_size=3,
        )
    )
    if draw(st.booleans()):
        items = "".join(
            f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
            f"<author>{a}</author><description>{t}</description></item>"
            for t, link, d, a in entries
        )
        xml = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(text)}</title>{items}</channel></rss>'
    else:
        items = "".join(
            f'<entry><title>{t}</title><link href="{link}"/><updated>{d}</updated>'
            f"<author><name>{a}</name></author></entry>"
            for t, link, d, a in entries
        )
        xml = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(text)}</title>{items}</feed>'
    return xml.encode(draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])), "replace")


CONTENT_TYPES = [
    None,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=latin-1",
    "text/plain; charset=utf-8",
    "text/plain; charset=bogus",
    "application/pdf",
    "application/rss+xml",
    "application/atom+xml",
    "text/xml",
    "application/xml",
    "image/png",
    "",
    ";",
    'text/html; charset="utf-16"',
]


@st.composite
def http_response(draw: st.DrawFn) -> tuple[int, dict[str, str], bytes]:
    status = draw(st.sampled_from([200] * 6 + [301, 302, 304, 307, 404, 500, 999]))
    shape = draw(st.integers(0, 4))
    body = draw(
        [
            html_markup().map(lambda m: m.encode("utf-8", "replace")),
            news_text.map(str.encode),
            feed_body(),
            pdf_bytes(),
            st.binary(max_size=200),
        ][shape]
    )
    headers: dict[str, str] = {}
    suited_types: list[list[str | None]] = [
        ["text/html", "text/html; charset=utf-8", None],
        ["text/plain; charset=utf-8", "text/plain", None],
        ["application/rss+xml", "application/atom+xml", "text/xml", None],
        ["application/pdf", None],
        [None],
    ]
    suited = st.sampled_from(suited_types[shape])
    ctype = draw(
        st.one_of(
            suited,
            suited,
            st.sampled_from(CONTENT_TYPES),
            st.text(string.printable, max_size=20),
            st.text(max_size=20),
        )
    )
    if ctype is not None:
        headers["content-type"] = ctype
    if status in (301, 302, 307) or draw(st.integers(0, 9)) == 0:
        headers["location"] = draw(st.sampled_from(FEED_LINKS) | st.text(max_size=10))
    coding = draw(st.sampled_from([None] * 6 + ["gzip", "deflate", "gzip, gzip", "br", "bogus"]))
    if coding is not None:
        headers["content-encoding"] = coding
        if coding == "gzip" or (coding == "gzip, gzip" and draw(st.booleans())):
            body = _gzipped_bytes(body)
        if coding == "gzip, gzip":
            body = _gzipped_bytes(body)
        if coding == "deflate":
            body = zlib.compress(body)
    if draw(st.integers(0, 4)) == 0:
        headers["content-length"] = draw(
            st.sampled_from(["0", "-1", "99999999999", "x", str(len(body))])
        )
    return status, headers, body


def _gzipped_bytes(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


PAGE_URLS = [
    "http://news.example/a",
    "https://news.example/a?b=1",
    "http://xn--/",
    "http://news.example:99999/",
    "http://user:pw@news.example/",
    "http://[::1",
    "http://10.0.0.1/",
    "HTTPS://NEWS.EXAMPLE/É",
    "http://news.example/%zz",
]


@pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning")
@_fuzz(300)
@given(
    url=st.one_of(
        st.just("http://news.example/a"),
        st.just("https://news.example/feed"),
        st.sampled_from(PAGE_URLS),
        st.text(max_size=15).map(lambda t: "http://" + t),
    ),
    responses=st.lists(http_response(), min_size=1, max_size=4),
    max_bytes=st.sampled_from([100, 1_000_000, 1_000_000]),
)
def test_reading_a_url_yields_documents_or_failures(
    url: str, responses: list[tuple[int, dict[str, str], bytes]], max_bytes: int
) -> None:
    TRIED["read_url"] += 1
    calls = iter(range(10_000))

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers, body = responses[next(calls) % len(responses)]
        raw_headers = [(name.encode(), value.encode("utf-8")) for name, value in headers.items()]
        return httpx.Response(status, headers=raw_headers, stream=httpx.ByteStream(body))

    policy = FetchPolicy(timeout=5, deadline=30, max_bytes=max_bytes, max_redirects=3)
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        items = list(read_url(url, policy=policy, hints=Hints(), client=client, resolve=_public))
    if any(item.origin != url for item in items):
        event("url: a feed's entries")
    for item in items:
        assert isinstance(item, RawDocument | Failure)
        if isinstance(item, Failure):
            event(f"url: {item.code}")
            assert item.code != Code.INTERNAL
            continue
        result = clean_or_fail(item)  # what was fetched goes on to be cleaned
        event(f"url: {item.kind} -> {getattr(result, 'code', 'article')}")
        if isinstance(result, Failure):
            assert result.code != Code.INTERNAL, result.message


def _public(host: str) -> list[str]:
    return ["93.184.216.34"]


# -- 5. the per-document analysis stages ---------------------------------------------------------

published_dates = st.none() | st.from_regex(
    r"\A\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z"
)
published_dates |= st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z")  # what markdown front matter lets in


def _stored(doc_id: str, text: str, language: str, published: str | None) -> StoredDocument:
    return StoredDocument(
        id=doc_id,
        origin="fuzz.txt",
        version=1,
        text=text,
        title=None,
        source=None,
        author=None,
        published=published,
        published_from="text" if published else None,
        language=language,
        analysed=True,
        removed_chars=0,
        record_id=None,
        kind="plain",
        ingested_at="2025-12-01T00:00:00+00:00",
        text_sha256="0" * 64,
    )


def _inside(text: str, start: int | None, end: int | None) -> None:
    if start is None or end is None:
        assert start is None and end is None
        return
    assert 0 <= start <= end <= len(text), (start, end, len(text))


@_fuzz(200)
@given(
    text=news_text,
    language=st.sampled_from(["fr", "en"]),
    published=published_dates,
)
def test_document_stages_never_raise_and_keep_spans_inside_the_text(
    text: str, language: str, published: str | None
) -> None:
    TRIED[f"analysis[{language}]"] += 1
    (entities,) = analyse_documents([("d1", text, language)])
    for mention in entities.mentions:
        _inside(text, mention.start, mention.end)
        assert text[mention.start : mention.end] == mention.text
    for role in entities.roles:
        _inside(text, role.start, role.end)
    # the later stages get the entities as the store gives them back (JSON, then load)
    cached = load("d1", language, text, json.loads(json.dumps(dump(entities))))
    doc = _stored("d1", text, language, published)
    timexes, events = events_stage.analyse_document(doc, cached)
    json.dumps(dump_events(events, timexes))
    for fact in events.events:
        _inside(text, fact.start, fact.end)
        _inside(text, fact.date_start, fact.date_end)
        assert all(0 <= m < len(cached.mentions) for m in fact.mentions)
    quotes = quotes_stage.analyse_document(text, cached)
    json.dumps({"quotes": quotes})
    for quote in quotes:
        _inside(text, quote["start"], quote["end"])
        assert text[quote["start"] : quote["end"]] == quote["text"]
        _inside(text, quote["speaker_start"], quote["speaker_end"])
        if quote["speaker_mention"] is not None:
            assert 0 <= quote["speaker_mention"] < len(cached.mentions)


# -- 6. the whole command, once ------------------------------------------------------------------


def _gzipped(text: str) -> bytes:
    return gzip.compress(text.encode(), mtime=0)


@st.composite
def ingest_folder(draw: st.DrawFn) -> dict[str, bytes]:
    """A handful of files of every kind ``recoupe ingest`` reads from a folder."""
    files: dict[str, bytes] = {}
    files["a.txt"] = draw(news_text).encode(draw(st.sampled_from(["utf-8", "cp1252"])), "replace")
    files["b.html"] = draw(html_markup()).encode("utf-8", "replace")
    files["c.md"] = draw(markdown_text()).encode("utf-8", "replace")
    lines = draw(st.lists(json_line(), min_size=1, max_size=5))
    lines.insert(draw(st.integers(0, len(lines))), json.dumps({"text": draw(news_text)}))
    lines.append(json.dumps({"path": draw(st.sampled_from(["a.txt", "d.jsonl", "x\x00.txt"]))}))
    files["d.jsonl"] = "\n".join(lines).encode("utf-8", "surrogatepass")
    files["e.txt.gz"] = draw(gzip_bytes().map(lambda case: case[0]) | news_text.map(_gzipped))
    files["f.pdf"] = draw(pdf_bytes())
    files["g.txt"] = draw(st.binary(max_size=300))
    files["h.warc"] = draw(warc_bytes())
    return files


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    """A WARC of a few responses and resources (pages, text, PDFs, other types), maybe cut."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        uri = draw(urls) or "http://news.example/a"
        charset = draw(declared_charsets)
        media = draw(st.sampled_from(["text/html", "text/plain", "application/pdf", "image/png"]))
        ctype = media if charset is None else f"{media}; charset={charset}"
        body = draw(
            st.one_of(
                html_markup().map(lambda m: m.encode("utf-8", "replace")),
                news_text.map(str.encode),
                pdf_bytes(),
            )
        )
        if draw(st.booleans()):
            status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]))
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http
            )
        else:
            record = writer.create_warc_record(
                uri, "resource", payload=io.BytesIO(body), warc_content_type=ctype
            )
        writer.write_record(record)
    data = out.getvalue()
    return data[: draw(st.integers(0, len(data)))] if draw(st.integers(0, 3)) == 0 else data


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each run takes seconds
)
@given(files=ingest_folder(), language=st.sampled_from([None, "fr", "en"]))
def test_ingest_and_export_of_a_generated_folder(
    files: dict[str, bytes], language: str | None
) -> None:
    TRIED["cli"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        db = str(Path(tmp) / "d.db")
        extra = ["--language", language] if language else []
        # a record may name a URL: no waiting on the network
        extra += ["--timeout", "2", "--deadline", "3"]
        result = run_recoupe("ingest", str(folder), "--db", db, *extra)
        assert result.returncode in (0, 1), result.stderr[-3000:]
        assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
        exported = run_recoupe("export", "--db", db, "--format", "json")
        assert exported.returncode == 0, exported.stderr[-3000:]
        assert "Traceback" not in exported.stderr
        dossier = json.loads(exported.stdout)
        validate_dossier(dossier, json.loads(SCHEMA.read_text(encoding="utf-8")))
        bugs = [error for error in dossier["errors"] if error["code"] in _BUG_CODES]
        assert not bugs, bugs


_BUG_CODES = {str(Code.INTERNAL), str(Code.ANALYSIS_FAILED), str(Code.CORPUS_STEP_FAILED)}


# -- crashes these properties found: regression tests --------------------------------------------
# Each input is the smallest found. All were crashes (an exception out of the function, an
# `internal` failure, or `recoupe ingest` exiting 3); fixed in 0fe2bcd and 2a6ea3f.


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (b"\x80", "idna"),  # was UnicodeError ("é".encode("idna", errors="ignore"))
        (b"\x80", "undefined"),  # was UnicodeError (the codec refuses any use)
        (b"\x80", "\x00"),  # was ValueError (codecs.lookup: embedded null character)
        (b"\\ud800\x80", "unicode_escape"),  # was a lone surrogate in the text (cannot be stored)
        (b"\\ud800\x80", "raw_unicode_escape"),
    ],
)
def test_fuzz_finding_decode_text_with_an_odd_declared_codec(data: bytes, declared: str) -> None:
    _storable(decode_text(data, declared=declared))


def test_fuzz_finding_a_declared_codec_that_is_no_charset_is_ignored() -> None:
    # the first fix compared codecs.lookup's name ("unicode-escape") with "unicode_escape": a
    # page declaring it still had its backslash escapes decoded (fixed in 2a6ea3f)
    data = b"caf\xe9 \\x41 \\u00e9 \\n fin"
    assert decode_text(data, declared="unicode_escape") == decode_text(data)
    assert decode_text(data, declared="raw_unicode_escape") == decode_text(data)


_SENTENCE = "La mairie de Lyon a présenté mardi un plan de rénovation des écoles de la ville."


def _raw(data: bytes, kind: Kind, **fields: Any) -> RawDocument:
    return RawDocument("doc", data, kind, "2025-12-01T00:00:00+00:00", **fields)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # was ValueError("Invalid IPv6 URL") in clean._host (a WARC-Target-URI)
        (_raw(_SENTENCE.encode(), Kind.PLAIN, url="http://[::1"), "article"),
        # was UnicodeError in decode_text (a local .html file declaring the codec)
        (
            _raw(b'<meta charset="idna"><p>' + _SENTENCE.encode("cp1252") + b"</p>", Kind.HTML),
            "article",
        ),
        # was TypeError in language detection (fasttext) on the lone surrogate the codec made
        (
            _raw(
                b"\\ud800 " + _SENTENCE.encode("cp1252"),
                Kind.PLAIN,
                headers={"Content-Type": "text/plain; charset=unicode_escape"},
            ),
            "article",
        ),
        # was AssertionError: trafilatura -> htmldate -> lxml drop_tree (an <svg> holding <b><p>)
        (_raw(b"<svg><b><p>" + _SENTENCE.encode(), Kind.HTML), Code.NO_TEXT),
        # was pypdf LimitReachedError (a /Parent cycle)
        (_raw(blank_pdf().replace(b"/Parent 2 0 R", b"/Parent 3 0 R"), Kind.PDF), Code.BAD_PDF),
        # was pypdf LimitReachedError (a stream whose /Length is itself)
        (_raw(text_pdf([]).replace(b"/Length 31", b"/Length 5 0 R"), Kind.PDF), Code.BAD_PDF),
        # was pypdf AttributeError ('NoneType' object has no attribute 'get_object'): a dangling
        # /Parent
        (_raw(blank_pdf().replace(b"/Parent 2 0 R", b"/Parent 9 0 R"), Kind.PDF), Code.BAD_PDF),
        # was pypdf OverflowError (Python int too large to convert to C ssize_t): a huge startxref
        (
            _raw(blank_pdf().replace(b"startxref\n186", b"startxref\n" + b"9" * 20), Kind.PDF),
            Code.BAD_PDF,
        ),
    ],
    ids=[
        "ipv6-url",
        "meta-charset-idna",
        "charset-unicode-escape",
        "html-svg-b-p",
        "pdf-parent-cycle",
        "pdf-length-self",
        "pdf-parent-dangling",
        "pdf-startxref-overflow",
    ],
)
def test_fuzz_finding_clean_or_fail(raw: RawDocument, expected: str) -> None:
    result = clean_or_fail(raw)
    if expected == "article":
        assert isinstance(result, Article), result
        _storable(result.text)
    else:
        assert isinstance(result, Failure) and result.code == expected, result


def test_fuzz_finding_an_article_decoded_with_an_escape_codec_is_stored(tmp_path: Path) -> None:
    # was UnicodeEncodeError in SqliteStore.write (the text held "\ud800"): `recoupe ingest
    # --language fr` of a WARC response declaring charset=unicode_escape exited 3, losing the batch
    raw = _raw(
        b"\\ud800 " + _SENTENCE.encode("cp1252"),
        Kind.PLAIN,
        headers={"Content-Type": "text/plain; charset=unicode_escape"},
        hints=Hints(language="fr"),
    )
    article = clean_or_fail(raw)
    assert isinstance(article, Article)
    with open_store(str(tmp_path / "d.db")) as store:
        (outcome,) = store.write([article])
    assert outcome.document_id is not None


@pytest.mark.parametrize(
    "line",
    [
        '{"path": "\\u0000"}',  # was ValueError("embedded null byte"): `recoupe ingest` exited 3
        '{"path": "r.jsonl"}',  # was RecursionError (exponential with two such lines)
    ],
    ids=["nul", "itself"],
)
def test_fuzz_finding_a_record_path(tmp_path: Path, line: str) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text(f"{line}\n{line}\n", encoding="utf-8")
    for outside in (False, True):
        options = ReadOptions(allow_paths_outside=outside)
        items = list(read_path(records, origin=str(records), options=options))
        assert [getattr(item, "code", None) for item in items] == [Code.BAD_RECORD] * 2


def _serve(status: int, headers: list[tuple[bytes, bytes]]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(b""))

    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    ("url", "location"),
    [
        # was idna.IDNAError from httpx.URL("http://xn--/").host: `recoupe ingest http://xn--/`
        # exited 3
        ("http://xn--/", None),
        # a redirect there: the same
        ("http://news.example/a", b"http://xn--/"),
        # was httpx.InvalidURL (not an httpx.HTTPError) from Client.send, which builds
        # response.next_request even with follow_redirects=False
        ("http://news.example/a", b"http:x"),
    ],
)
def test_fuzz_finding_read_url(url: str, location: bytes | None) -> None:
    headers = [] if location is None else [(b"location", location)]
    with _serve(301, headers) as client:
        items = list(
            read_url(url, policy=FetchPolicy(), hints=Hints(), client=client, resolve=_public)
        )
    assert [getattr(item, "code", None) for item in items] == [Code.BAD_URL]
