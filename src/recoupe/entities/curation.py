"""A person's decisions about entities, kept apart from computed results and re-applied after
every rebuild, in the order they were made.

A decision names an entity by an *anchor*: one of its mentions, ``document:start:end``.
Document ids are content hashes, so an anchor means the same mention in every rebuild; a
decision whose anchor is gone (its document removed) no longer applies, and says so.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import name_key
from recoupe.entities.resolve import Merge, ResolvedEntity, entity_id

log = logging.getLogger(__name__)
ACTIONS = ("merge", "split", "rename", "reject", "retype")


@dataclass(frozen=True, slots=True)
class Applied:
    decision: int
    applied: bool
    note: str


def anchor_of(entity: ResolvedEntity, docs: Mapping[str, DocumentEntities]) -> str:
    """The anchor of an entity: its first mention."""
    document, index = min(entity.mentions)
    mention = docs[document].mentions[index]
    return f"{document}:{mention.start}:{mention.end}"


def apply(
    entities: list[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    decisions: Sequence[Mapping[str, Any]],
) -> tuple[list[ResolvedEntity], list[Applied]]:
    """``entities`` with every decision applied; rejected ones keep a ``rejected`` mark."""
    state = _State(entities, docs)
    report = [state.apply(decision) for decision in decisions if decision["action"] in ACTIONS]
    return state.entities, report


class _State:
    def __init__(self, entities: list[ResolvedEntity], docs: Mapping[str, DocumentEntities]):
        self.entities = list(entities)
        self.docs = docs

    def find(self, anchor: str) -> ResolvedEntity | None:
        document, start, end = anchor.rsplit(":", 2)
        doc = self.docs.get(document)
        if doc is None:
            return None
        for index, mention in enumerate(doc.mentions):
            if mention.start == int(start) and mention.end == int(end):
                return next((e for e in self.entities if (document, index) in e.mentions), None)
        return None

    def apply(self, decision: Mapping[str, Any]) -> Applied:
        entity = self.find(decision["target"])
        number = int(decision["id"])
        if entity is None:
            return Applied(number, False, "its entity is gone (document removed?)")
        action, payload = decision["action"], decision["payload"]
        why = Merge("curation", f"{action} by {decision['actor']} at {decision['at']}")
        if action == "merge":
            return self._merge(number, entity, payload, why)
        if action == "split":
            return self._split(number, entity, payload["alias"], why)
        if action == "rename":
            self._replace(
                entity, replace(entity, name=payload["name"], merges=[*entity.merges, why])
            )
        elif action == "retype":
            self._replace(entity, replace(entity, type=EntityType(payload["type"])))
        elif action == "reject":
            self._replace(entity, replace(entity, rejected=True, merges=[*entity.merges, why]))
        return Applied(number, True, action)

    def _replace(self, old: ResolvedEntity, new: ResolvedEntity) -> None:
        self.entities[self.entities.index(old)] = new

    def _merge(
        self, number: int, entity: ResolvedEntity, payload: Mapping[str, Any], why: Merge
    ) -> Applied:
        other = self.find(payload["other"])
        if other is None:
            return Applied(number, False, "the other entity is gone")
        if other is entity:
            return Applied(number, True, "already one entity")
        merged = replace(
            entity,
            name=payload.get("name") or entity.name,
            aliases=[*entity.aliases, *(a for a in other.aliases if a not in entity.aliases)],
            mentions=[*entity.mentions, *other.mentions],
            merges=[*entity.merges, *other.merges, why],
        )
        self._replace(entity, merged)
        self.entities.remove(other)
        return Applied(number, True, "merged")

    def _split(self, number: int, entity: ResolvedEntity, alias: str, why: Merge) -> Applied:
        key = name_key(alias)
        moved = [m for m in entity.mentions if name_key(self._text(m)) == key]
        if not moved or len(moved) == len(entity.mentions):
            return Applied(number, False, f"no part of the entity is named {alias!r} alone")
        kept = [m for m in entity.mentions if m not in moved]
        surfaces = {self._text(m) for m in moved}
        self._replace(
            entity,
            replace(
                entity, mentions=kept, aliases=[a for a in entity.aliases if a not in surfaces]
            ),
        )
        name = max(surfaces, key=len)
        self.entities.append(
            ResolvedEntity(
                id=entity_id(entity.type, name),
                name=name,
                type=entity.type,
                aliases=sorted(surfaces),
                mentions=moved,
                merges=[why],
                variants=[],
            )
        )
        return Applied(number, True, "split")

    def _text(self, mention: tuple[str, int]) -> str:
        document, index = mention
        return self.docs[document].mentions[index].text
