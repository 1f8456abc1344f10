"""Within one document: which mentions name the same entity, and of which type.

Full names first group by their key; a bare surname ("Castel") or title + surname (the title is
already stripped) joins the full name whose surname it is — the nearest one before it when
several people share the surname (brothers); a bare given name joins the only full name that
starts with it; acronyms join their long forms. Each chain's type is voted by all its mentions,
context cues ("M.", "à", "ministère", ...) weighing more than the NER label.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from recoupe.entities.cues import type_votes
from recoupe.entities.model import Acronym, EntityType, Mention
from recoupe.entities.names import multi_word as is_multi_word
from recoupe.entities.names import name_key, org_key, place_key, split_person
from recoupe.entities.unionfind import UnionFind

_SOURCE_WEIGHT = {"acronym": 2.0, "article_name": 2.0, "propagated": 0.5}


Votes = dict[EntityType, float]


def mention_votes(text: str, mention: Mention) -> Votes:
    """Type votes of one mention: its label (weighted by what found it) plus context cues."""
    votes: Votes = defaultdict(float)
    votes[mention.type] += _SOURCE_WEIGHT.get(mention.source.split(":")[0], 1.0)
    for kind, weight in type_votes(text, mention.start, mention.end).items():
        votes[kind] += weight
    return votes


def build_chains(
    text: str, mentions: Sequence[Mention], acronyms: Sequence[Acronym]
) -> tuple[list[list[int]], list[Mention]]:
    """Coreference chains (lists of mention indices) and the mentions retyped by their chain."""
    votes = [mention_votes(text, mention) for mention in mentions]
    keys = [name_key(mention.text) for mention in mentions]
    sets = UnionFind(len(mentions))
    _join_same_names(sets, keys, multi_word=True, mentions=mentions)
    persons = _full_names(sets, mentions, keys, votes)
    _attach_short_names(sets, mentions, keys, persons)
    _join_same_names(sets, keys, multi_word=False, mentions=mentions)
    _join_acronyms(sets, keys, acronyms)
    _join_places(sets, mentions)
    _join_legal_forms(sets, mentions)
    chains = sets.groups()
    retyped = list(mentions)
    for chain in chains:
        total: Votes = defaultdict(float)
        for index in chain:
            for kind, weight in votes[index].items():
                total[kind] += weight
        kind = _winner(total)
        for index in chain:
            retyped[index] = replace(mentions[index], type=kind)
    return chains, retyped


def _winner(votes: Votes) -> EntityType:
    order = (EntityType.PERSON, EntityType.ORG, EntityType.LOC, EntityType.MISC)
    return max(order, key=lambda kind: (votes.get(kind, 0.0), -order.index(kind)))


def _join_same_names(
    sets: UnionFind, keys: list[str], *, multi_word: bool, mentions: Sequence[Mention]
) -> None:
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        if is_multi_word(mentions[index].text) != multi_word:
            continue
        if key in first:
            sets.union(first[key], index)
        else:
            first[key] = index


def _full_names(
    sets: UnionFind, mentions: Sequence[Mention], keys: list[str], votes: list[Votes]
) -> dict[int, tuple[str, str]]:
    """Multi-word person names: mention index → (given names, surname)."""
    persons = {}
    for index, mention in enumerate(mentions):
        if is_multi_word(mention.text) and _winner(votes[index]) is EntityType.PERSON:
            persons[index] = split_person(mention.text)
    return persons


def _attach_short_names(
    sets: UnionFind,
    mentions: Sequence[Mention],
    keys: list[str],
    persons: dict[int, tuple[str, str]],
) -> None:
    surnames: dict[str, list[int]] = defaultdict(list)
    given_names: dict[str, list[int]] = defaultdict(list)
    for position, (given, surname) in persons.items():
        surnames[surname].append(position)
        given_names[given.split(" ")[0]].append(position)
    for index, key in enumerate(keys):
        if is_multi_word(mentions[index].text) or mentions[index].type not in (
            EntityType.PERSON,
            EntityType.MISC,
            EntityType.LOC,
            EntityType.ORG,
        ):
            continue
        by_surname = surnames.get(key)
        if by_surname:
            sets.union(_nearest(by_surname, index), index)
            continue
        by_given = {sets.find(p) for p in given_names.get(key, ())}
        if len(by_given) == 1:
            sets.union(by_given.pop(), index)


def _nearest(candidates: list[int], index: int) -> int:
    """The candidate mention nearest before ``index`` (else the first after it)."""
    before = [c for c in candidates if c < index]
    return max(before) if before else min(candidates)


def _join_acronyms(sets: UnionFind, keys: list[str], acronyms: Sequence[Acronym]) -> None:
    for acronym in acronyms:
        forms = {name_key(acronym.short.text), name_key(acronym.long.text)}
        members = [index for index, key in enumerate(keys) if key in forms]
        for other in members[1:]:
            sets.union(members[0], other)


def _join_places(sets: UnionFind, mentions: Sequence[Mention]) -> None:
    """ "Élysée Palace" and "Élysée" in one text: a generic head around the same name."""
    _join_by_key(sets, mentions, place_key)


def _join_legal_forms(sets: UnionFind, mentions: Sequence[Mention]) -> None:
    """ "Apple Inc." and "Apple", "le Crédit agricole SA" and "Crédit agricole" in one text: a
    legal form or an article around the same name; a bare name the NER took for a person too
    ("Norbex Inc. … Norbex said"), unless its chain holds a person's full name."""
    first = _join_by_key(sets, mentions, org_key)
    people = {
        sets.find(i)
        for i, m in enumerate(mentions)
        if m.type is EntityType.PERSON and is_multi_word(m.text)
    }
    for index, mention in enumerate(mentions):
        key = org_key(mention.text)
        if (
            mention.type is EntityType.PERSON
            and not is_multi_word(mention.text)
            and key in first
            and sets.find(index) not in people
        ):
            sets.union(first[key], index)


def _join_by_key(
    sets: UnionFind, mentions: Sequence[Mention], key_of: Callable[[str], str]
) -> dict[str, int]:
    """Non-person mentions with one key joined; key → first such mention."""
    first: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.type is EntityType.PERSON:
            continue
        key = key_of(mention.text)
        if key in first:
            sets.union(first[key], index)
        else:
            first[key] = index
    return first
