"""``DocumentEntities`` to JSON and back (the per-document cache of the entity stage)."""

from __future__ import annotations

from typing import Any

from recoupe.entities.model import (
    Acronym,
    DocumentEntities,
    EntityType,
    Mention,
    RelationFact,
    RoleFact,
)


def dump(result: DocumentEntities) -> dict[str, Any]:
    return {
        "mentions": [[m.start, m.end, str(m.type), m.source] for m in result.mentions],
        "chains": result.chains,
        "acronyms": [[_span(a.short), _span(a.long), a.letters_match] for a in result.acronyms],
        "roles": [[r.mention, r.start, r.end, r.qualifier, r.organisation] for r in result.roles],
        "relations": [[r.subject, r.predicate, r.object, r.start, r.end] for r in result.relations],
    }


def load(document: str, language: str, text: str, data: dict[str, Any]) -> DocumentEntities:
    mentions = [Mention(s, e, text[s:e], EntityType(t), src) for s, e, t, src in data["mentions"]]
    return DocumentEntities(
        document=document,
        language=language,
        mentions=mentions,
        chains=[list(chain) for chain in data["chains"]],
        acronyms=[
            Acronym(_mention(text, short), _mention(text, long), bool(match))
            for short, long, match in data["acronyms"]
        ],
        roles=[RoleFact(m, s, e, text[s:e], q, o) for m, s, e, q, o in data["roles"]],
        relations=[RelationFact(a, p, b, s, e) for a, p, b, s, e in data["relations"]],
    )


def _span(mention: Mention) -> list[int]:
    return [mention.start, mention.end]


def _mention(text: str, span: list[int]) -> Mention:
    start, end = span
    return Mention(start, end, text[start:end], EntityType.ORG, "acronym")
