"""Mentions read again as the person their entity is across the dossier.

A tagger types a name one way in one article and another way elsewhere ("Sean Payton" a place in
one match report, a person in the others). Resolution joins the mentions into one person; the
roles, relations and quotes of the odd article, read with its own types, miss what its text says
of that person ("Saints Head Coach Sean Payton said" has no speaker when the name is a place). A
person's mentions typed otherwise are read again here as a person's, when most of the entity's
mentions were typed a person by the tagger itself: the dossier's type settled by the articles,
not by a rule that may have retyped a body ("Microsoft Trustworthy Computing" is no person
because resolution once called it one). Only the documents concerned are read again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.resolve import ResolvedEntity
from recoupe.entities.roles import find_roles_and_relations


def retyped(
    docs: Mapping[str, DocumentEntities],
    entities: Sequence[ResolvedEntity],
    texts: Mapping[str, str],
) -> dict[str, DocumentEntities]:
    """The documents of ``docs`` naming a person with a mention the tagger typed otherwise (most
    of that person's mentions typed a person), each with those mentions typed a person and its
    roles and relations found again; mention indices are unchanged."""
    changes: dict[str, dict[int, EntityType]] = {}
    for entity in entities:
        if entity.rejected or entity.type is not EntityType.PERSON:
            continue
        local = [
            (document, index, docs[document].mentions[index].type)
            for document, index in entity.mentions
            if document in docs
        ]
        persons = sum(kind is EntityType.PERSON for _, _, kind in local)
        if persons * 2 <= len(local):
            continue  # the tagger's own majority says no person
        for document, index, kind in local:
            if kind is not EntityType.PERSON:
                changes.setdefault(document, {})[index] = EntityType.PERSON
    found: dict[str, DocumentEntities] = {}
    for document, types in changes.items():
        doc, text = docs[document], texts.get(document)
        if text is None:
            continue
        mentions = [
            replace(m, type=types[i]) if i in types else m for i, m in enumerate(doc.mentions)
        ]
        roles, relations = find_roles_and_relations(text, mentions, language=doc.language)
        found[document] = replace(doc, mentions=mentions, roles=roles, relations=relations)
    return found
