"""Across documents and languages: one entity per real referent.

Each document's coreference chains are local entities. They are merged, blocked by keys (never
all pairs), by these rules, strongest first; every merge records its rule and evidence:

- ``same_name``: the same name key (accents, case, hyphens, apostrophes folded);
- ``shared_acronym``: organisations defined with the same acronym ("PNF" for a French long form
  and its English translation);
- ``surname``: a bare surname joins the only person in the corpus with that surname — never one
  of several (brothers share one);
- ``given_name``: a bare given name joins the only person with that given name, when the document
  also names that person's surname;
- ``spelling_variant``: same given name, surnames equal once doubled letters are single or
  nearly equal (rapidfuzz), and the context agrees (shared co-mentioned entities); the spellings
  are recorded as variants.

Two chains of one document are never merged (the document told them apart), directly or through
others.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import (
    SUFFIXES,
    compatible_middles,
    core_person,
    multi_word,
    name_key,
    place_key,
    short_given,
    sound_key,
    split_person,
    tokens,
)

_VARIANT_MAX_EDITS = 1
_MIN_SHARED_CONTEXT = 2


@dataclass(frozen=True, slots=True)
class Merge:
    rule: str
    evidence: str  # what matched, in words a reader can check


@dataclass(slots=True)
class Local:
    """One coreference chain of one document."""

    document: str
    mentions: list[int]
    type: EntityType
    surfaces: Counter[str]
    keys: set[str]
    acronyms: set[str]
    context: set[str] = field(default_factory=set)  # keys of the other chains' names

    @property
    def best(self) -> str:
        return max(self.surfaces, key=lambda s: (" " in s, self.surfaces[s], len(s)))

    @property
    def is_full_name(self) -> bool:
        return self.type is EntityType.PERSON and multi_word(self.best)


@dataclass(slots=True)
class ResolvedEntity:
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    mentions: list[tuple[str, int]]  # (document id, index in that document's mentions)
    merges: list[Merge]
    variants: list[str]  # differently spelled forms of the name (spelling_variant merges)
    external_ids: dict[str, str] = field(default_factory=dict)
    rejected: bool = False  # a curator said it is no entity


def local_entities(docs: Sequence[DocumentEntities]) -> list[Local]:
    """Every chain of every document, with what resolution needs to know of it."""
    found: list[Local] = []
    for doc in docs:
        acronym_keys = {
            name_key(form.text): name_key(a.short.text)
            for a in doc.acronyms
            for form in (a.short, a.long)
        }
        start = len(found)
        for chain in doc.chains:
            surfaces = Counter(doc.mentions[i].text for i in chain)
            keys = {name_key(s) for s in surfaces}
            types = Counter(doc.mentions[i].type for i in chain)
            acronyms = {acronym_keys[k] for k in keys if k in acronym_keys}
            found.append(
                Local(
                    doc.document, list(chain), types.most_common(1)[0][0], surfaces, keys, acronyms
                )
            )
        chains = found[start:]
        best_keys = [name_key(local.best) for local in chains]
        everyone = set(best_keys)
        for local, own in zip(chains, best_keys, strict=True):
            local.context = everyone - {own}
    return found


class _Clusters:
    """Union-find over local entities that refuses to join two chains of one document."""

    def __init__(self, locals_: Sequence[Local]) -> None:
        self._parent = list(range(len(locals_)))
        self.documents = [{local.document} for local in locals_]
        self.merges: dict[int, list[Merge]] = defaultdict(list)

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, a: int, b: int, merge: Merge) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b or self.documents[root_a] & self.documents[root_b]:
            return False
        keep, gone = min(root_a, root_b), max(root_a, root_b)
        self._parent[gone] = keep
        self.documents[keep] |= self.documents[gone]
        self.merges[keep].extend([*self.merges.pop(gone, []), merge])
        return True


def resolve(docs: Sequence[DocumentEntities]) -> list[ResolvedEntity]:
    """Entities of a corpus, each with all its mentions across documents."""
    locals_ = local_entities(docs)
    clusters = _Clusters(locals_)
    _by_key(clusters, locals_)
    _by_core_name(clusters, locals_)
    _by_acronym(clusters, locals_)
    _by_place(clusters, locals_)
    _by_variant(clusters, locals_)
    _by_surname(clusters, locals_)
    _by_given_name(clusters, locals_)
    _by_bare_name(clusters, locals_)
    return _entities(clusters, locals_)


def _by_key(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    first: dict[str, int] = {}
    for index, local in enumerate(locals_):
        for surface in sorted(local.surfaces):
            key = name_key(surface)
            if local.type is EntityType.PERSON and not multi_word(surface):
                continue  # a bare surname is resolved by _by_surname
            if key in first:
                clusters.union(
                    first[key], index, Merge("same_name", f"both are named {local.best!r}")
                )
            else:
                first[key] = index


def _by_core_name(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """Full names that differ by a middle initial, a generational suffix or a short given name
    ("Brian G. Nichols" / "Brian Nichols"; "Tim Cook" / "Timothy D. Cook" when the contexts
    agree). Conflicting middle initials or suffixes ("Jr." / "Sr.") keep people apart."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, local in enumerate(locals_):
        if local.is_full_name:
            blocks[core_person(local.best)[2]].append(index)
    for members in blocks.values():
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if clusters.find(a) != clusters.find(b):
                    _try_core_name(clusters, locals_[a], locals_[b], a, b)


def _try_core_name(clusters: _Clusters, first: Local, second: Local, a: int, b: int) -> None:
    given_a, middles_a, _ = core_person(first.best)
    given_b, middles_b, _ = core_person(second.best)
    suffixes = {w for w in tokens(first.best) + tokens(second.best) if w in SUFFIXES}
    if len(suffixes) > 1 or not compatible_middles(middles_a, middles_b):
        return
    if given_a == given_b:
        evidence = f"{first.best!r} and {second.best!r} differ by a middle name or suffix"
        clusters.union(a, b, Merge("middle_name", evidence))
        return
    shared = (first.context & second.context) - first.keys - second.keys
    if short_given(given_a, given_b) and len(shared) >= _MIN_SHARED_CONTEXT:
        evidence = f"{first.best!r} ~ {second.best!r} (short given name); both with " + ", ".join(
            sorted(shared)[:4]
        )
        clusters.union(a, b, Merge("short_given_name", evidence))


def _by_acronym(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    first: dict[str, int] = {}
    for index, local in enumerate(locals_):
        for acronym in sorted(local.acronyms):
            if acronym in first:
                other = locals_[first[acronym]].best
                clusters.union(
                    first[acronym],
                    index,
                    Merge(
                        "shared_acronym",
                        f"{other!r} and {local.best!r} are both defined as {acronym.upper()!r}",
                    ),
                )
            else:
                first[acronym] = index


def _by_place(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """A generic head around the same name: "Élysée Palace" is the Élysée."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, local in enumerate(locals_):
        if local.type is not EntityType.PERSON:
            by_key[place_key(local.best)].append(index)
    for key, members in by_key.items():
        bare = [i for i in members if name_key(locals_[i].best) == key]
        for index in members:
            if bare and index not in bare:
                other = locals_[bare[0]].best
                evidence = f"{locals_[index].best!r} names {other!r} with a generic word"
                clusters.union(bare[0], index, Merge("generic_head", evidence))


def _full_names(clusters: _Clusters, locals_: Sequence[Local]) -> dict[int, tuple[str, str]]:
    """Cluster root → (given names, surname) of the persons with a full name."""
    names: dict[int, tuple[str, str]] = {}
    for index, local in enumerate(locals_):
        if local.is_full_name:
            names.setdefault(clusters.find(index), split_person(local.best))
    return names


def _by_variant(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, local in enumerate(locals_):
        if local.is_full_name:
            given, surname = split_person(local.best)
            blocks[(given, surname[:1])].append(index)
    for members in blocks.values():
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                _try_variant(clusters, locals_, a, b)


def _try_variant(clusters: _Clusters, locals_: Sequence[Local], a: int, b: int) -> None:
    if clusters.find(a) == clusters.find(b):
        return
    first, second = locals_[a], locals_[b]
    surname_a, surname_b = split_person(first.best)[1], split_person(second.best)[1]
    if surname_a == surname_b:
        return  # same key: _by_key's business
    close = sound_key(surname_a) == sound_key(surname_b) or (
        min(len(surname_a), len(surname_b)) >= 5
        and Levenshtein.distance(surname_a, surname_b) <= _VARIANT_MAX_EDITS
    )
    shared = (first.context & second.context) - first.keys - second.keys
    if close and len(shared) >= _MIN_SHARED_CONTEXT:
        evidence = f"{first.best!r} ~ {second.best!r}; both with {', '.join(sorted(shared)[:4])}"
        clusters.union(a, b, Merge("spelling_variant", evidence))


def _by_surname(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    persons = _full_names(clusters, locals_)
    by_surname: dict[str, set[int]] = defaultdict(set)
    for root, (_, surname) in persons.items():
        by_surname[surname].add(clusters.find(root))
    for index, local in enumerate(locals_):
        if local.type is not EntityType.PERSON or local.is_full_name:
            continue
        key = name_key(local.best)
        roots = {clusters.find(r) for r in by_surname.get(key, set())}
        if len(roots) == 1:
            root = roots.pop()
            clusters.union(
                root,
                index,
                Merge("surname", f"{local.best!r} is the surname of the only person named so"),
            )


def _by_given_name(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    persons = _full_names(clusters, locals_)
    by_given: dict[str, set[int]] = defaultdict(set)
    for root, (given, _) in persons.items():
        by_given[given.split(" ")[0]].add(clusters.find(root))
    for index, local in enumerate(locals_):
        if local.type is not EntityType.PERSON or local.is_full_name:
            continue
        roots = {clusters.find(r) for r in by_given.get(name_key(local.best), set())}
        if len(roots) != 1:
            continue
        root = roots.pop()
        surname = persons[root][1] if root in persons else ""
        if surname and any(surname in key.split() for key in local.context):
            clusters.union(
                root,
                index,
                Merge("given_name", f"{local.best!r}, with {surname!r} named beside it"),
            )


def _by_bare_name(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """Bare names of persons no full name claims ("Jobs" here and there) are one person."""
    persons = _full_names(clusters, locals_)
    claimed = {surname for _, surname in persons.values()} | {
        given.split(" ")[0] for given, _ in persons.values()
    }
    first: dict[str, int] = {}
    for index, local in enumerate(locals_):
        key = name_key(local.best)
        if local.type is not EntityType.PERSON or local.is_full_name or key in claimed:
            continue
        if key in first:
            clusters.union(first[key], index, Merge("same_name", f"both are named {local.best!r}"))
        else:
            first[key] = index


def _entities(clusters: _Clusters, locals_: Sequence[Local]) -> list[ResolvedEntity]:
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(locals_)):
        groups[clusters.find(index)].append(index)
    entities = []
    for root, members in groups.items():
        entities.append(_entity(root, [locals_[i] for i in members], clusters.merges.get(root, [])))
    return _family_names(entities)


def _family_names(entities: list[ResolvedEntity]) -> list[ResolvedEntity]:
    """A two- or three-word name typed otherwise whose last word is a person's surname in the
    corpus ("Kamel Benali" beside "Karim Benali") is a person too."""
    surnames = {
        split_person(e.name)[1] for e in entities if e.type is EntityType.PERSON and " " in e.name
    }
    retyped = []
    for entity in entities:
        words = entity.name.split()
        if (
            entity.type is not EntityType.PERSON
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and split_person(entity.name)[1] in surnames
        ):
            entity = replace(
                entity, type=EntityType.PERSON, id=entity_id(EntityType.PERSON, entity.name)
            )
        retyped.append(entity)
    return retyped


def _entity(root: int, members: Sequence[Local], merges: list[Merge]) -> ResolvedEntity:
    surfaces: Counter[str] = Counter()
    types: Counter[EntityType] = Counter()
    for local in members:
        surfaces.update(local.surfaces)
        types[local.type] += sum(local.surfaces.values())
    kind = types.most_common(1)[0][0]
    name = _canonical(surfaces, kind)
    variants = _variants(surfaces, merges)
    return ResolvedEntity(
        id=entity_id(kind, name),
        name=name,
        type=kind,
        aliases=sorted(surfaces, key=lambda s: (-surfaces[s], s)),
        mentions=[(local.document, i) for local in members for i in local.mentions],
        merges=merges,
        variants=variants,
    )


def _canonical(surfaces: Counter[str], kind: EntityType) -> str:
    """The most used multi-word form (a full name, a long form), else the most used form."""

    def rank(surface: str) -> tuple[bool, bool, int, int]:
        return (" " in surface, surface[:1].isupper(), surfaces[surface], len(surface))

    return max(surfaces, key=rank)


def _variants(surfaces: Iterable[str], merges: Sequence[Merge]) -> list[str]:
    if not any(merge.rule == "spelling_variant" for merge in merges):
        return []
    full = [s for s in surfaces if " " in s]
    by_sound: dict[str, set[str]] = defaultdict(set)
    for surface in full:
        by_sound[sound_key(surface)].add(name_key(surface))
    spelled = {s for s in full if len(by_sound[sound_key(s)]) > 1}
    return sorted(spelled)


def entity_id(kind: EntityType, name: str) -> str:
    """A stable id: the same canonical name and type give the same id in every build."""
    return "e" + hashlib.sha256(f"{kind}|{name_key(name)}".encode()).hexdigest()[:12]
