"""Corpus-level steps after the per-document stages: which documents copy or rewrite which
(``recoupe.copies.v1``), and which documents form one story (``recoupe.stories.v1``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from recoupe.duplicates import DupDoc, find_copies
from recoupe.entities.model import EntityType
from recoupe.entities.names import name_key
from recoupe.entities.resolve import ResolvedEntity
from recoupe.store import StoredDocument
from recoupe.store.records import StoryRecord
from recoupe.stories import StoryDoc, cluster_stories

COPIES_STAGE = "recoupe.copies.v1"
STORIES_STAGE = "recoupe.stories.v1"


def entity_facts(entities: Sequence[ResolvedEntity]) -> dict[str, set[str]]:
    """What each document states about entities, for the copy detector: each entity by its type
    and its name's key (:func:`fact_key`), so that two chains the resolver kept apart but that
    bear one name (a rewrite's own chain of a person) are one fact, as when ids were made of
    names."""
    return _by_document(entities, lambda entity: fact_key(entity.type, entity.name))


def fact_key(kind: EntityType, name: str) -> str:
    """The fact an entity of that type and name is, for the copy detector."""
    return f"entity:{kind}|{name_key(name)}"


def entities_by_document(entities: Sequence[ResolvedEntity]) -> dict[str, set[str]]:
    """The ids of the entities each document names."""
    return _by_document(entities, lambda entity: entity.id)


def _by_document(
    entities: Sequence[ResolvedEntity], key: Callable[[ResolvedEntity], str]
) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if not entity.rejected:
            for document, _ in entity.mentions:
                found[document].add(key(entity))
    return found


def copies(
    documents: Sequence[StoredDocument], facts: Mapping[str, set[str]]
) -> dict[str, tuple[str, str]]:
    """document id → (the earliest document it copies or rewrites, copy | near_copy | rewrite)."""
    docs = [
        DupDoc(d.id, d.text, d.language, d.published, order, frozenset(facts.get(d.id, set())))
        for order, d in enumerate(documents)
    ]
    return {doc: (original, str(kind)) for doc, (original, kind) in find_copies(docs).items()}


def stories(
    documents: Sequence[StoredDocument], entities: Sequence[ResolvedEntity]
) -> list[StoryRecord]:
    """Stories of the analysed documents: each in exactly one."""
    named = entities_by_document(entities)
    names = {e.id: e.name for e in entities}
    docs = [
        StoryDoc(
            d.id,
            d.language,
            d.title,
            d.text,
            d.published,
            frozenset(named.get(d.id, set())),
            {i: names[i] for i in named.get(d.id, set())},
        )
        for d in documents
        if d.analysed
    ]
    return [StoryRecord(s.id, s.label, tuple(s.documents)) for s in cluster_stories(docs)]
