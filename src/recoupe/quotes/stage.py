"""Stage ``recoupe.quotes.v1`` and the corpus step: the same quote in several documents is one
quote with all its occurrences and a count of independent sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

from recoupe import ids
from recoupe.entities.model import DocumentEntities
from recoupe.entities.names import fold
from recoupe.entities.resolve import ResolvedEntity
from recoupe.quotes.extract import find_quotes
from recoupe.quotes.model import QuoteFact
from recoupe.store.records import QuoteOccurrence, QuoteRecord, Span

STAGE = "recoupe.quotes.v1"
_NOT_WORDS = re.compile(r"[^\w]+")
_MIN_CONTAINED_WORDS = 8


def analyse_document(text: str, entities: DocumentEntities) -> list[dict[str, Any]]:
    """The quotes of one document, JSON-ready."""
    facts = find_quotes(text, entities.mentions, entities.roles, language=entities.language)
    return [asdict(fact) for fact in facts]


def _key(text: str) -> str:
    return _NOT_WORDS.sub(" ", fold(text)).strip()


def group_quotes(
    per_document: Mapping[str, Sequence[dict[str, Any]]],
    texts: Mapping[str, str],
    entities: Sequence[ResolvedEntity],
    copies: Mapping[str, str],
    order: Sequence[str],
) -> list[QuoteRecord]:
    """One record per quote across documents (documents in ``order``: earliest first)."""
    owners = {m: e.id for e in entities if not e.rejected for m in e.mentions}
    groups: dict[str, list[tuple[str, QuoteFact]]] = {}
    keys: list[str] = []
    for document in order:
        for item in per_document.get(document, []):
            fact = QuoteFact(**item)
            key = _key(fact.text)
            home = next((k for k in keys if _same(k, key)), None)
            if home is None:
                keys.append(key)
                home = key
            groups.setdefault(home, []).append((document, fact))
    return ids.unique(
        [_record(found, owners, copies) for found in groups.values()],
        id_of=lambda q: q.id,
        content_key=lambda q: tuple(o.span for o in q.occurrences),
        with_id=lambda q, new: replace(q, id=new),
    )


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter.split()) >= _MIN_CONTAINED_WORDS and shorter in longer


def _told_best(found: Sequence[tuple[str, QuoteFact]]) -> int:
    """Which telling of a quote shows it: the fullest (a partial quote inside a longer one shows
    the longer), then the wording most articles give ("cyber-criminals" in four, "cyber
    criminals" in one), then the earliest."""
    wordings = Counter(" ".join(fact.text.split()) for _, fact in found)
    return max(
        range(len(found)),
        key=lambda i: (
            len(_key(found[i][1].text)),
            wordings[" ".join(found[i][1].text.split())],
            -i,
        ),
    )


def _record(
    found: list[tuple[str, QuoteFact]],
    owners: Mapping[tuple[str, int], str],
    copies: Mapping[str, str],
) -> QuoteRecord:
    document, first = found[0]
    told = _told_best(found)
    found = [found[told], *found[:told], *found[told + 1 :]]
    speaker = next(
        (
            owners.get((doc, fact.speaker_mention))
            for doc, fact in found
            if fact.speaker_mention is not None and (doc, fact.speaker_mention) in owners
        ),
        None,
    )
    occurrences = tuple(
        QuoteOccurrence(
            Span(doc, fact.start, fact.end),
            fact.speaker_text,
            Span(doc, fact.speaker_start, fact.speaker_end)
            if fact.speaker_start is not None and fact.speaker_end is not None
            else None,
        )
        for doc, fact in found
    )
    key = f"{document}:{first.start}:{first.end}"  # the earliest telling names it
    _, best = found[0]
    return QuoteRecord(
        id="q" + ids.short_hash(key),
        text=best.text,
        speaker=speaker,
        speaker_text=best.speaker_text,
        anonymous=best.anonymous and speaker is None,
        occurrences=occurrences,
        sources=len({copies.get(doc, doc) for doc, _ in found}),
    )
