"""A person's decisions about entities, kept apart from computed results and re-applied after
every rebuild, in the order they were made.

A decision names an entity by an *anchor*: one of its mentions, ``document:start:end``.
Document ids are content hashes, so an anchor means the same mention in every rebuild. With the
anchor, a decision keeps what it meant (:func:`context`): the mention's words, its document's
origin and the entity's name. When the anchor is gone — the page changed and was ingested
again, the document was removed — the decision finds its entity again by the same words in the
current version of the same origin, else by the entity's name (when one entity alone bears it);
a decision that finds nothing no longer applies, and says so (never dropped in silence).
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


def context(
    entity: ResolvedEntity,
    docs: Mapping[str, DocumentEntities],
    origins: Mapping[str, str],
    prefix: str = "",
) -> dict[str, str]:
    """What a decision keeps beside its anchor to find ``entity`` again in later versions:
    the anchor mention's words, its document's origin, the entity's name."""
    document, index = min(entity.mentions)
    return {
        f"{prefix}text": docs[document].mentions[index].text,
        f"{prefix}origin": origins.get(document, ""),
        f"{prefix}entity": entity.name,
    }


def apply(
    entities: list[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    decisions: Sequence[Mapping[str, Any]],
    origins: Mapping[str, str] | None = None,
) -> tuple[list[ResolvedEntity], list[Applied]]:
    """``entities`` with every decision applied; rejected ones keep a ``rejected`` mark.

    ``origins`` (document id → origin) lets a decision follow its document's new versions.
    """
    state = _State(entities, docs, origins or {})
    report = [state.apply(decision) for decision in decisions if decision["action"] in ACTIONS]
    return state.entities, report


class _State:
    def __init__(
        self,
        entities: list[ResolvedEntity],
        docs: Mapping[str, DocumentEntities],
        origins: Mapping[str, str],
    ):
        self.entities = list(entities)
        self.docs = docs
        self.position = {document: number for number, document in enumerate(docs)}  # ingestion
        self.by_origin: dict[str, list[str]] = {}
        for document, origin in origins.items():
            if document in docs:
                self.by_origin.setdefault(origin, []).append(document)

    def find(
        self, anchor: str, hints: Mapping[str, Any] | None = None, prefix: str = ""
    ) -> tuple[ResolvedEntity | None, str]:
        """The entity ``anchor`` names, and how it was found again ("" when by the anchor)."""
        document, start, end = anchor.rsplit(":", 2)
        doc = self.docs.get(document)
        if doc is not None:
            for index, mention in enumerate(doc.mentions):
                if mention.start == int(start) and mention.end == int(end):
                    held = self._holding(document, index)
                    if held is not None:
                        return held, ""
        hints = hints or {}
        text, origin = hints.get(f"{prefix}text"), hints.get(f"{prefix}origin")
        if text and origin:
            spots = [
                (abs(mention.start - int(start)), other, index)
                for other in self.by_origin.get(origin, [])
                for index, mention in enumerate(self.docs[other].mentions)
                if mention.text == text
            ]
            if spots:
                _, other, index = min(spots)
                return self._holding(other, index), "by its words in the page's new version"
        name = hints.get(f"{prefix}entity") or text
        if name:
            key = name_key(name)
            named = [
                e
                for e in self.entities
                if key in {name_key(a) for a in (e.name, *e.aliases)} and not e.rejected
            ]
            if len(named) == 1:
                return named[0], f"by its name {name!r}"
        return None, ""

    def _holding(self, document: str, index: int) -> ResolvedEntity | None:
        return next((e for e in self.entities if (document, index) in e.mentions), None)

    def apply(self, decision: Mapping[str, Any]) -> Applied:
        payload = decision["payload"]
        entity, found_again = self.find(decision["target"], payload)
        number = int(decision["id"])
        if entity is None:
            return Applied(
                number, False, "its entity is no longer in the dossier (document removed?)"
            )
        applied = self._apply(number, decision, entity)
        if found_again and applied.applied:
            return Applied(number, True, f"{applied.note} (entity found again {found_again})")
        return applied

    def _apply(self, number: int, decision: Mapping[str, Any], entity: ResolvedEntity) -> Applied:
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
        other, _ = self.find(payload["other"], payload, prefix="other_")
        if other is None:
            return Applied(number, False, "the other entity is no longer in the dossier")
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
        # each part is named by its first mention in ingestion order: the part that keeps the
        # entity's first mention keeps its id
        first_kept, first_moved = self._first(kept), self._first(moved)
        keeps_id = self._order(first_kept) < self._order(first_moved)
        self._replace(
            entity,
            replace(
                entity,
                id=entity.id if keeps_id else entity_id(*first_kept),
                mentions=kept,
                aliases=[a for a in entity.aliases if a not in surfaces],
            ),
        )
        name = max(surfaces, key=len)
        self.entities.append(
            ResolvedEntity(
                id=entity_id(*first_moved) if keeps_id else entity.id,
                name=name,
                type=entity.type,
                aliases=sorted(surfaces),
                mentions=moved,
                merges=[why],
                variants=[],
            )
        )
        return Applied(number, True, "split")

    def _order(self, mention: tuple[str, int]) -> tuple[int, int]:
        return (self.position.get(mention[0], len(self.position)), mention[1])

    def _first(self, mentions: Sequence[tuple[str, int]]) -> tuple[str, int]:
        return min(mentions, key=self._order)

    def _text(self, mention: tuple[str, int]) -> str:
        document, index = mention
        return self.docs[document].mentions[index].text
