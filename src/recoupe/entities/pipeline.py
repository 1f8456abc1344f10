"""Stage ``recoupe.entities.v1``: documents → mentions, chains, roles, relations → entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recoupe.entities.coref import build_chains
from recoupe.entities.mentions import find_mentions
from recoupe.entities.model import DocumentEntities, EntityType, Mention
from recoupe.entities.pipelines import PIPELINES, Parsed, parse
from recoupe.entities.resolve import ResolvedEntity, resolve
from recoupe.entities.roles import find_roles_and_relations, strip_title
from recoupe.extract.dateline import sign_off_lines

STAGE = "recoupe.entities.v1"


def analyse_documents(items: Sequence[tuple[str, str, str]]) -> list[DocumentEntities]:
    """What one document says of its entities, for each (document id, text, language), in order.

    Documents in languages without a pipeline get an empty result.
    """
    results = [DocumentEntities(doc_id, language) for doc_id, _, language in items]
    for language in PIPELINES:
        positions = [i for i, (_, _, lang) in enumerate(items) if lang == language]
        texts = [items[i][1] for i in positions]
        for position, text, doc in zip(
            positions, texts, parse(texts, language=language), strict=True
        ):
            results[position] = analyse_one(items[position][0], text, language, doc)
    return results


def analyse_one(doc_id: str, text: str, language: str, doc: Parsed) -> DocumentEntities:
    mentions, acronyms = find_mentions(doc, text)
    credits = sign_off_lines(text)
    mentions = [
        _without_title(text, mention, language)
        for mention in mentions
        if not _credited(mention, credits)
    ]
    chains, mentions = build_chains(text, mentions, acronyms)
    roles, relations = find_roles_and_relations(text, mentions, language=language)
    return DocumentEntities(doc_id, language, mentions, chains, acronyms, roles, relations)


def _credited(mention: Mention, credits: list[tuple[int, int]]) -> bool:
    """A person named on a sign-off or photo credit line: who wrote or photographed the story,
    not someone in it (the agency named there stays: it published the story)."""
    return mention.type is EntityType.PERSON and any(
        start <= mention.start < end for start, end in credits
    )


def _without_title(text: str, mention: Mention, language: str) -> Mention:
    """ "M. Castel" → "Castel", "Prosecutor Morel" → "Morel": the title becomes a role."""
    start, end, title = strip_title(text, mention.start, mention.end, language=language)
    if title is None or start >= end:
        return mention
    return replace(mention, start=start, end=end, text=text[start:end])


def resolve_entities(docs: Sequence[DocumentEntities]) -> list[ResolvedEntity]:
    """One entity per real referent across ``docs``."""
    return resolve(docs)
