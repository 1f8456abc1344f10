"""A Markdown file as an article: its first heading (or front-matter ``title``) is the title, a
front-matter ``author`` or a byline under the title the author, and the body is read as text —
heading marks, emphasis, link targets and images dropped, the words kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FIELD = re.compile(r"^(title|author|authors|date|published)\s*:\s*(.+?)\s*$", re.M | re.I)
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_SETEXT = re.compile(r"^(?P<title>[^\n#>*\-].*)\n(?:=+|-+)[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_QUOTE_MARK = re.compile(r"^[ ]{0,3}>[ ]?", re.M)


@dataclass(frozen=True, slots=True)
class MarkdownArticle:
    text: str
    title: str | None
    author: str | None
    published: str | None


def _plain(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _QUOTE_MARK.sub("", text)


def read_markdown(source: str) -> MarkdownArticle:
    """Title, author, date and plain body of a Markdown document."""
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(source)
    if front is not None:
        for key, value in _FIELD.findall(front.group(1)):
            meta.setdefault(key.lower(), value.strip("\"'"))
        source = source[front.end() :]
    title = meta.get("title")
    heading = _ATX.search(source) or _SETEXT.search(source)
    if heading is not None:
        found = heading.group(2) if heading.re is _ATX else heading.group("title")
        if title is None and not source[: heading.start()].strip():
            title = _plain(found).strip()
            source = source[: heading.start()] + source[heading.end() :]  # the title is no body
    source = _ATX.sub(lambda m: m.group(2), source)
    author = meta.get("author") or meta.get("authors")
    published = meta.get("date") or meta.get("published")
    body = re.sub(r"\n{3,}", "\n\n", _plain(source)).strip("\n")
    return MarkdownArticle(body, title, author, published)
