"""Main text of a news page: trafilatura tuned for precision, then a boilerplate-line filter.

How a page is read (:func:`extract_html`):

* bytes are decoded by :func:`recoupe.extract.decode.decode_text`, told the charset the page
  declares (``<meta charset>``, ``http-equiv`` or an XML declaration), so a Windows-1252 or
  Latin-1 page reads right even when detection would guess wrong;
* lxml parses what there is: a truncated or malformed page still gives its text;
* trafilatura extracts the main text with ``favor_precision=True`` (and its fallback extractors,
  without comments, with tables). Only when that finds nothing is the balanced mode tried, which
  itself retries with recall settings on a short result;
* lines that are page furniture by their wording alone (copyright notices, "read also" links,
  newsletter and social-media prompts, photo credits) are dropped when short;
* the publication date comes from the page's date *markup* only — ``<head>`` meta tags, JSON-LD,
  ``<time>``, ``itemprop`` dates, elements whose class or id says "publish", the canonical URL —
  read by htmldate (``extensive_search=False``, ``original_date=True``). The rest of the visible
  text (sidebars, footers, the body) is never searched for a date: dates there belong to other
  articles, comments or the site. Reading a byline is the job of
  :mod:`recoupe.extract.dateline`, on the start of the extracted text.

The text is NFC-normalised, one paragraph (or heading, list item, table row) per block, blocks
separated by a blank line (``"\\n\\n"``), white space inside a block collapsed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Final

import htmldate
import trafilatura
from lxml.etree import XPath
from lxml.html import Element, HtmlElement
from trafilatura.settings import Document

from recoupe.errors import Code, IngestError
from recoupe.extract.decode import decode_text

__all__ = ["PARAGRAPH_SEPARATOR", "PageExtract", "extract_html"]

LOGGER = logging.getLogger(__name__)

PARAGRAPH_SEPARATOR: Final = "\n\n"

# trafilatura options shared by every pass (comments are not article text; tables can be)
_COMMON: Final[dict[str, Any]] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "include_links": False,
    "include_images": False,
    "deduplicate": False,
    "with_metadata": True,
    # trafilatura's own date is not used (see _published); keep its htmldate call cheap
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# precision first: on the article-extraction benchmark it removes more boilerplate than it
# loses text; the balanced pass only runs when the precise one finds nothing at all
_PASSES: Final[tuple[dict[str, Any], ...]] = ({"favor_precision": True}, {})

# An article holds at least one block of this many words, or characters for the scripts written
# without spaces (menus, forms and button labels hold none).
_MIN_PROSE_WORDS: Final = 8
_MIN_PROSE_CHARS: Final = 60

# A declared charset in the first bytes of the page (HTML5 prescan, XML declaration).
_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_PRESCAN_BYTES: Final = 4096

# Short lines that are page furniture by their wording, whatever the site (English and French).
_FURNITURE_MAX_WORDS: Final = 30
_FURNITURE: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # copyright notices
        r"©|\bcopyright\b|\ball rights reserved\b|\btous droits réservés\b",
        # links to other articles
        r"^\W*(read (also|more)|see also|also read|related( articles?| stories| content)?\s*:"
        r"|(à )?lire (aussi|également|la suite)|voir aussi)\b",
        # newsletter prompts
        r"\b(subscrib\w*|sign(ing)? up|inscri\w*|abonne\w*|get|receive|recevez)\b.*"
        r"\b(newsletters?|inbox|by e-?mail|lettre d.information|infolettre)\b",
        # social-media prompts
        r"\bfollow\b.{0,40}\bon (twitter|facebook|instagram|linkedin|youtube|tiktok)\b"
        r"|\bsuivez-nous\b",
        # photo credits
        r"^\W*(photo\s+)?(credits?|crédits?(\s+photos?)?|image|photo)\s*:",
    )
)

# Where a page marks its date up: machine-readable elements of the body, and elements whose
# class, id or itemprop names a publication date, outside the page's asides, navigation and
# footer (their dates belong to other articles or to the site).
_DATE_MARKUP: Final = XPath(
    "/html/body//*[self::time or self::meta or self::abbr"
    " or self::script[@type='application/ld+json'] or self::link[@rel='canonical']"
    " or contains(@itemprop, 'date') or contains(@itemprop, 'Date')"
    " or contains(@class, 'publish') or contains(@class, 'Publish') or contains(@class, 'pubdate')"
    " or contains(@id, 'publish') or contains(@id, 'Publish')]"
    "[not(ancestor::aside or ancestor::nav or ancestor::footer)]"
)
# Elements of <head> htmldate has no use for (scripts other than JSON-LD, styles).
_HEAD_NOISE: Final = XPath("script[not(@type='application/ld+json')]|style|noscript")
# Elements whose text a reader does not see.
_INVISIBLE: Final = XPath(".//*[self::script or self::style or self::noscript or self::template]")


@dataclass(frozen=True, slots=True)
class PageExtract:
    """What :func:`extract_html` found in a page."""

    text: str  # main text, blocks separated by "\n\n", no leading/trailing white space
    title: str | None
    author: str | None
    sitename: str | None
    published: str | None  # YYYY-MM-DD from the page's date markup, else None
    visible_chars: int  # length of the page's whole visible text, white space collapsed


def extract_html(html: str | bytes, *, url: str | None = None) -> PageExtract:
    """Extract the main text and metadata of a page.

    Raises :class:`IngestError` (``no_text``) when the page holds no article text.
    """
    markup = _decode(html) if isinstance(html, bytes) else html
    tree = _parse(markup)
    document, text = _main_text(tree, url)
    return PageExtract(
        text=text,
        title=_field(document.title),
        author=_field(document.author),
        sitename=_field(document.sitename),
        published=_published(tree),
        visible_chars=_visible_chars(tree),
    )


def _no_text() -> IngestError:
    return IngestError(
        Code.NO_TEXT,
        "no article text was found in this page (an index, a login or consent wall, or a page "
        "built by JavaScript?): give the article's own page, or its text as a .txt file",
    )


def _decode(data: bytes) -> str:
    """Decode page bytes, trusting the charset the page declares over detection."""
    return decode_text(data, declared=_declared_charset(data))


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _parse(markup: str) -> HtmlElement:
    if not markup.strip():
        raise _no_text()
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            # not recognisably HTML (a fragment): parse it as the body of a page
            tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    except Exception as exc:  # lxml and trafilatura are third-party: a page can break them
        raise _unparsable(exc) from exc
    if tree is None:
        raise _no_text()
    return tree


def _unparsable(exc: Exception) -> IngestError:
    return IngestError(
        Code.NO_TEXT,
        f"the page could not be parsed ({type(exc).__name__}: {exc}): give its text as a .txt file",
    )


def _main_text(tree: HtmlElement, url: str | None) -> tuple[Document, str]:
    """The trafilatura document and clean text of the first pass that finds prose."""
    for options in _PASSES:
        try:
            document = trafilatura.bare_extraction(tree, url=url, **_COMMON, **options)
        except Exception as exc:  # third-party (lxml's AssertionError on an <svg> holding <p>)
            raise _unparsable(exc) from exc
        if isinstance(document, Document) and document.text:
            text = _clean_text(document.text)
            if _has_prose(text):
                return document, text
        LOGGER.debug("no article text with %s: %s", options or "balanced settings", url)
    raise _no_text()


def _has_prose(text: str) -> bool:
    """Menus, forms and button labels are short: article text has at least one real sentence."""
    return any(
        len(block) >= _MIN_PROSE_CHARS or len(block.split()) >= _MIN_PROSE_WORDS
        for block in text.split(PARAGRAPH_SEPARATOR)
    )


def _clean_text(raw: str) -> str:
    """NFC, one block per non-empty line, furniture lines dropped, blocks joined by a blank line."""
    blocks = (" ".join(line.split()) for line in unicodedata.normalize("NFC", raw).splitlines())
    return PARAGRAPH_SEPARATOR.join(b for b in blocks if b and not _is_furniture(b))


def _is_furniture(block: str) -> bool:
    if len(block.split()) > _FURNITURE_MAX_WORDS:
        return False
    return any(pattern.search(block) for pattern in _FURNITURE)


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(unicodedata.normalize("NFC", value).split())
    return cleaned or None


def _published(tree: HtmlElement) -> str | None:
    """htmldate on the page's date markup alone (see the module docstring)."""
    try:
        found = htmldate.find_date(
            _date_markup(tree),
            extensive_search=False,
            original_date=True,
            outputformat="%Y-%m-%d",
        )
    except Exception:  # htmldate is third-party: a crash in it must not lose the article
        LOGGER.debug("htmldate failed on this page", exc_info=True)  # shown with -vv
        return None
    return found if isinstance(found, str) else None


def _date_markup(tree: HtmlElement) -> HtmlElement:
    """A copy of the page holding only its ``<head>`` and the date markup of its body."""
    page = Element("html")
    head = tree.find("head")
    head = deepcopy(head) if head is not None else Element("head")
    for noise in _HEAD_NOISE(head):
        head.remove(noise)
    page.append(head)
    body = Element("body")
    page.append(body)
    for element in _DATE_MARKUP(tree):
        if isinstance(element, HtmlElement):
            kept = deepcopy(element)
            kept.tail = None
            body.append(kept)
    return page


def _visible_chars(tree: HtmlElement) -> int:
    """Length of all the text a reader could see, white space collapsed (approximately)."""
    body = tree.find("body")
    if body is None:
        return 0
    hidden = sum(_collapsed_length(element) for element in _INVISIBLE(body))
    return max(0, _collapsed_length(body) - hidden)


def _collapsed_length(element: HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))
