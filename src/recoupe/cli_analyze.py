"""``recoupe analyze``: analyse without storing, one JSON line per document (contract)."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from recoupe.build import clean_or_fail
from recoupe.display import json_line
from recoupe.entities.pipeline import analyse_documents
from recoupe.errors import EXIT_SOME_FAILED, Code
from recoupe.ingest.sources import ReadOptions, read_targets
from recoupe.model import Article, Failure, Hints, Kind, RawDocument
from recoupe.quotes import find_quotes
from recoupe.time.expressions import find_timexes

_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


@click.command("analyze")
@click.argument("target", metavar="PATH|-")
@click.option("--published", help="Publication date (YYYY-MM-DD) of documents that give none.")
@click.option("--language", help="Language of the documents (fr, en, ...): skips detection.")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def analyze_command(target: str, published: str | None, language: str | None, fmt: str) -> None:
    """Analyse PATH (a file, or each record of a .jsonl) or stdin (-, plain clean text) without
    storing anything: one JSON object per line and document, in input order.

    Exit status: 0 when every document was analysed, 1 when some failed, 2 for a usage error,
    3 when recoupe itself failed (a bug).
    """
    if published and not _DATE.match(published):
        raise click.BadParameter("give a date as YYYY-MM-DD", param_hint="--published")
    hints = Hints(published=published, language=language and language.lower())
    if target == "-":
        data = sys.stdin.buffer.read()
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        items: list[RawDocument | Failure] = [RawDocument("-", data, Kind.CLEAN, stamp, hints)]
    else:
        items = list(read_targets([target], options=ReadOptions(hints=hints)))
    cleaned = [item if isinstance(item, Failure) else clean_or_fail(item) for item in items]
    articles = [
        (str(i), a.text, a.language) for i, a in enumerate(cleaned) if isinstance(a, Article)
    ]
    results = _entities(articles)
    failed = False
    for position, item in enumerate(cleaned):
        result = results.get(position)
        try:
            if isinstance(result, BaseException):
                raise result
            line = _line(item, result)
        except Exception as error:  # a bug on one document: said in its place, the rest go on
            line = _failed(item, error)
        failed = failed or "error" in line
        click.echo(json_line(line))
    sys.exit(EXIT_SOME_FAILED if failed else 0)


def _entities(articles: list[tuple[str, str, str]]) -> dict[int, Any]:
    """The entity stage on all documents at once; if that fails, one by one (a document it
    fails on gets none, and its line says so)."""
    try:
        return {int(r.document): r for r in analyse_documents(articles)}
    except Exception:
        found: dict[int, Any] = {}
        for article in articles:
            try:
                found.update({int(r.document): r for r in analyse_documents([article])})
            except Exception as error:
                found[int(article[0])] = error
        return found


def _failed(item: Article | Failure, error: BaseException) -> dict[str, Any]:
    if isinstance(item, Failure):
        return _line(item, None)
    return {
        "id": _identifier(item.origin, item.raw.hints.record_id),
        "error": {
            "code": str(Code.ANALYSIS_FAILED),
            "message": f"analysis failed on it ({type(error).__name__}: {error}) — please "
            "report this bug",
        },
    }


def _identifier(origin: str, record_id: str | None) -> str:
    if record_id:
        return record_id
    return (
        origin
        if origin == "-"
        else Path(origin.split("#", 1)[0]).name
        + ("#" + origin.split("#", 1)[1] if "#" in origin else "")
    )


def _line(item: Article | Failure, result: Any) -> dict[str, Any]:
    if isinstance(item, Failure):
        return {
            "id": _identifier(item.origin, None),
            "error": {"code": str(item.code), "message": item.message},
        }
    mentions = result.mentions if result is not None else []
    timexes = find_timexes(item.text, language=item.language, published=item.published)
    return {
        "id": _identifier(item.origin, item.raw.hints.record_id),
        "text": item.text,
        "language": item.language,
        "published": item.published,
        "entities": [
            {"start": m.start, "end": m.end, "text": m.text, "type": str(m.type)} for m in mentions
        ],
        "timexes": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "value": t.value,
                "precision": t.precision,
            }
            for t in timexes
            if t.kind != "duration"
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker_text": q.speaker_text,
                "anonymous": q.anonymous,
            }
            for q in (
                find_quotes(item.text, result.mentions, result.roles, language=item.language)
                if result is not None
                else []
            )
        ],
    }
