"""Reading a URL: one page, or every entry of an RSS/Atom feed.

:func:`read_url` fetches with :func:`recoupe.ingest.fetch.fetch` (so every page, and every feed
entry's link, goes through the same address, redirect, size and type checks) and yields
:class:`~recoupe.model.RawDocument` or, for anything that could not be read,
:class:`~recoupe.model.Failure`. It never raises for a per-document problem.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from recoupe.errors import Code, IngestError
from recoupe.ingest.fetch import (
    FEED_TYPES,
    XML_TYPES,
    Fetched,
    FetchPolicy,
    Resolver,
    fetch,
    make_client,
    system_resolve,
)
from recoupe.model import Failure, Hints, Kind, RawDocument

_KINDS = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "text/plain": Kind.PLAIN,
    "application/pdf": Kind.PDF,
}
_FEED_VERSIONS_PREFIXES = ("rss", "atom", "cdf")


def read_url(
    url: str,
    *,
    policy: FetchPolicy,
    hints: Hints,
    client: httpx.Client | None = None,
    resolve: Resolver = system_resolve,
) -> Iterator[RawDocument | Failure]:
    """Fetch ``url``: a page gives one document, a feed one document per entry.

    For a page, ``origin`` is ``url`` as given and ``hints`` are passed on. For a feed, each
    entry's link is fetched; its ``origin`` is the link, and its hints hold the entry's title,
    author and date (``YYYY-MM-DD``), the feed's title as source unless ``hints.source`` is given,
    and ``hints.language``. A failing entry yields a ``Failure`` and the other entries go on.
    """
    if client is None:
        with make_client(policy) as own:
            yield from _read_url(url, policy, hints, own, resolve)
    else:
        yield from _read_url(url, policy, hints, client, resolve)


def _read_url(
    url: str, policy: FetchPolicy, hints: Hints, client: httpx.Client, resolve: Resolver
) -> Iterator[RawDocument | Failure]:
    try:
        fetched = fetch(url, policy=policy, client=client, resolve=resolve)
    except IngestError as exc:
        yield Failure(url, Code(exc.code), exc.message)
        return
    feed = _as_feed(fetched)
    if feed is None:
        try:
            yield _document(url, fetched, hints)
        except IngestError as exc:
            yield Failure(url, Code(exc.code), exc.message)
        return
    yield from _read_feed(url, fetched, feed, policy, hints, client, resolve)


def _read_feed(
    url: str,
    fetched: Fetched,
    feed: Any,
    policy: FetchPolicy,
    hints: Hints,
    client: httpx.Client,
    resolve: Resolver,
) -> Iterator[RawDocument | Failure]:
    entries = list(feed.entries)
    if not entries:
        yield Failure(url, Code.EMPTY, f"the feed at {url} has no entries")
        return
    source = hints.source or _text(feed.feed.get("title"))
    for number, entry in enumerate(entries, start=1):
        link = _entry_link(entry, fetched.final_url)
        if link is None:
            origin = f"{url}#entry-{number}"
            message = f"entry {number} of the feed at {url} has no http(s) link to fetch"
            yield Failure(origin, Code.BAD_URL, message)
            continue
        entry_hints = Hints(
            title=_text(entry.get("title")),
            source=source,
            author=_text(entry.get("author")),
            published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            language=hints.language,
        )
        try:
            page = fetch(link, policy=policy, client=client, resolve=resolve)
            yield _document(link, page, entry_hints)
        except IngestError as exc:
            yield Failure(link, Code(exc.code), exc.message)


def _document(origin: str, fetched: Fetched, hints: Hints) -> RawDocument:
    """A page as a ``RawDocument``; XML that is not a page raises ``bad_content_type``."""
    return RawDocument(
        origin=origin,
        data=fetched.body,
        kind=_kind(fetched),
        fetched_at=fetched.fetched_at,
        hints=hints,
        headers=fetched.headers,
        content_type=fetched.content_type,
        url=fetched.final_url,
    )


def _kind(fetched: Fetched) -> Kind:
    ctype = fetched.content_type
    if ctype in _KINDS:
        return _KINDS[ctype]
    if ctype is None:
        head = fetched.body[:1024].lstrip().lower()
        if head.startswith(b"%pdf"):
            return Kind.PDF
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            return Kind.HTML
        return Kind.PLAIN
    raise IngestError(
        Code.BAD_CONTENT_TYPE,
        f"{fetched.final_url} sent {ctype} that is not an RSS/Atom feed nor a web page",
    )


def _as_feed(fetched: Fetched) -> Any | None:
    """The parsed feed when ``fetched`` is one, else ``None``."""
    ctype = fetched.content_type
    maybe_feed = ctype in FEED_TYPES or ctype in XML_TYPES
    if not maybe_feed and not (ctype is None and _looks_like_xml(fetched.body)):
        return None
    # A file object, never bytes or str: feedparser would open a str URL or a path itself.
    parsed = feedparser.parse(
        io.BytesIO(fetched.body),
        response_headers={**fetched.headers, "content-location": fetched.final_url},
        resolve_relative_uris=False,
        sanitize_html=True,
    )
    version = str(parsed.get("version") or "")
    if ctype in FEED_TYPES or version.startswith(_FEED_VERSIONS_PREFIXES):
        return parsed
    return None


def _looks_like_xml(body: bytes) -> bool:
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _entry_link(entry: Any, base: str) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"]
                break
    if not link:
        return None
    resolved = urljoin(base, str(link).strip())
    # Without a <link>, feedparser falls back on the entry's id, which may be a urn: or tag:
    return resolved if urlsplit(resolved).scheme in ("http", "https") else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def _date(value: Any) -> str | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return time.strftime("%Y-%m-%d", value)
    except (ValueError, OverflowError):
        return None
