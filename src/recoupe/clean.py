"""Stage ``recoupe.clean.v1``: a raw document becomes an article — clean text and metadata.

Publication date, in this order (``published_from`` says which): given with the document (record
field, feed entry, ``--published``); the page's markup (htmldate); a byline or dateline at the start
of the text. Nothing else: a date that is unknown stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from recoupe.errors import Code, IngestError
from recoupe.extract.dateline import find_dateline
from recoupe.extract.decode import decode_text, normalise_newlines
from recoupe.extract.html import extract_html
from recoupe.extract.markdown import read_markdown
from recoupe.extract.pdf import pdf_text
from recoupe.extract.plaintext import clean_plain_text
from recoupe.extract.reflow import is_wrapped, reflow
from recoupe.language import detect_language, is_analysed
from recoupe.model import Article, DateSource, Kind, RawDocument

STAGE = "recoupe.clean.v1"


@dataclass(frozen=True, slots=True)
class _Found:
    """What cleaning found in the document itself."""

    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None
    published_from: DateSource | None = None
    removed_chars: int = 0


def clean(raw: RawDocument) -> Article:
    """Clean ``raw``; raises :class:`IngestError` with a code when there is no article in it."""
    if not raw.data.strip():
        raise IngestError(Code.EMPTY, "the document is empty")
    found = _extract(raw)
    text = found.text.translate(_INVISIBLE).strip("\n")
    if not text.strip():
        raise IngestError(Code.NO_TEXT, "no article text was found in the document")
    hints = raw.hints
    published, published_from = found.published, found.published_from
    if hints.published:
        published, published_from = hints.published, DateSource.METADATA
    language = (hints.language or "").lower() or detect_language(text)
    return Article(
        origin=raw.origin,
        text=text,
        language=language,
        analysed=is_analysed(language),
        title=hints.title or found.title,
        source=hints.source or found.source or _host(raw.url),
        author=hints.author or found.author,
        published=published,
        published_from=published_from if published else None,
        removed_chars=max(0, found.removed_chars),
        raw=raw,
    )


# Invisible characters that split words for every reader ("mar\u00adtelé"): soft hyphens,
# zero-width spaces and joiners, a byte-order mark inside the text.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def _extract(raw: RawDocument) -> _Found:
    if raw.kind is Kind.HTML:
        return _from_html(raw)
    if raw.kind is Kind.PDF:
        return _with_dateline(pdf_text(raw.data))
    text = decode_text(raw.data, declared=_charset(raw.content_type, raw.headers))
    if not text.strip():
        raise IngestError(Code.EMPTY, "the document holds only white space")
    if _is_markdown(raw.origin):
        return _from_markdown(normalise_newlines(text))
    if raw.kind is Kind.CLEAN:
        return _with_dateline(_unwrapped(normalise_newlines(text)))
    cleaned = clean_plain_text(text)
    return _Found(
        text=_unwrapped(cleaned.text),
        title=cleaned.title,
        author=cleaned.author,
        published=cleaned.published,
        published_from=DateSource.TEXT if cleaned.published else None,
        removed_chars=cleaned.removed_chars,
    )


def _from_html(raw: RawDocument) -> _Found:
    page = extract_html(raw.data, url=raw.url)
    found = _Found(
        text=page.text,
        title=page.title,
        author=page.author,
        source=page.sitename,
        published=page.published,
        published_from=DateSource.HTML if page.published else None,
        removed_chars=page.visible_chars - len(page.text),
    )
    if found.published:
        return found
    dateline = find_dateline(page.text)
    if dateline is None or dateline.published is None:
        return found
    return _Found(
        text=found.text,
        title=found.title,
        author=found.author or dateline.author,
        source=found.source,
        published=dateline.published,
        published_from=DateSource.TEXT,
        removed_chars=found.removed_chars,
    )


def _unwrapped(text: str) -> str:
    """A text wrapped at a fixed width with its paragraphs joined again (extract/reflow.py)."""
    return reflow(text) if is_wrapped(text) else text


def _is_markdown(origin: str) -> bool:
    name = origin.lower().removesuffix(".gz")
    return name.endswith((".md", ".markdown")) and "://" not in origin


def _from_markdown(text: str) -> _Found:
    """Title from the first heading or the front matter, author and date from the front matter
    or a byline under the title."""
    article = read_markdown(text)
    found = _with_dateline(_unwrapped(article.text))
    published = (
        article.published if article.published and _ISO_DATE.match(article.published) else None
    )
    return _Found(
        text=found.text,
        title=article.title,
        author=article.author or found.author,
        published=published[:10] if published else found.published,
        published_from=DateSource.METADATA if published else found.published_from,
    )


def _with_dateline(text: str) -> _Found:
    dateline = find_dateline(text)
    if dateline is None:
        return _Found(text=text)
    return _Found(
        text=text,
        author=dateline.author,
        published=dateline.published,
        published_from=DateSource.TEXT if dateline.published else None,
    )


def _charset(content_type: str | None, headers: dict[str, str]) -> str | None:
    header = next((v for k, v in headers.items() if k.lower() == "content-type"), content_type)
    if not header or "charset=" not in header.lower():
        return None
    return header.lower().split("charset=", 1)[1].split(";", 1)[0].strip().strip('"') or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1": no host to name the source by
        return None
    return host.removeprefix("www.") or None
