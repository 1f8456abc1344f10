"""Across documents and languages: one entity per real referent.

Each document's coreference chains are local entities. They are merged, blocked by keys (never
all pairs), by these rules, strongest first; every merge records its rule and evidence:

- ``same_name``: the same name key (accents, case, hyphens, apostrophes folded; the dots of an
  initialism: "U.S." / "US");
- ``shared_acronym``: organisations defined with the same acronym ("PNF" for a French long form
  and its English translation);
- ``surname``: a bare surname joins the only person in the corpus with that surname — never one
  of several (brothers share one);
- ``given_name``: a bare given name joins the only person with that given name, when the document
  also names that person's surname;
- ``spelling_variant``: same given name, surnames equal once doubled letters are single or
  nearly equal (rapidfuzz), and the context agrees (shared co-mentioned entities); the spellings
  are recorded as variants;
- ``initials``: an acronym of three letters or more defined nowhere joins the only
  organisation named in full whose words' initials spell it;
- ``first_words``: an organisation named by the first words of its name joins the only longer
  organisation name so starting, when the short name is never a place's or a person's — within
  one document too when it named the organisation in full first.

Two chains of one document are never merged (the document told them apart), directly or through
others.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import OSA, Levenshtein

from recoupe import ids
from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import (
    FUNCTION_WORDS,
    MIN_SUBSTITUTED,
    SHORT_ACRONYM,
    SUFFIXES,
    compatible_middles,
    core_person,
    full_name,
    multi_word,
    name_key,
    org_key,
    place_key,
    short_given,
    sound_key,
    split_person,
    tokens,
)
from recoupe.entities.territories import territory

_VARIANT_MAX_EDITS = 1
_MIN_SHARED_CONTEXT = 2
_MIN_SPELLED = 3  # letters: shorter names are too often other names one letter away
_SIDE_BY_SIDE = 200  # characters: two spellings this close are two names
_SHORT_WORD = 3  # letters: articles and prepositions ('des') are not plurals
_COMMON_DOCUMENTS = 3  # documents of the frequent spelling beside a rare one
_CONTEXT_CHAINS = 20  # chains of each spelling compared for a shared context
_MIN_INITIALS = 3  # letters of an undefined acronym read as initials
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\. ?){2,6}")  # "U.S." is "US": dots are no spelling


@dataclass(frozen=True, slots=True)
class Merge:
    rule: str
    evidence: str  # what matched, in words a reader can check
    forms: tuple[str, ...] = ()  # spelling_variant: the two spellings as written


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
        return self.type is EntityType.PERSON and full_name(self.best)


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

    def union(self, a: int, b: int, merge: Merge, *, within_document: bool = False) -> bool:
        """Join ``a`` and ``b`` unless both hold chains of one document (``within_document``:
        a misspelling beside the right spelling in one article may join all the same)."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if not within_document and self.documents[root_a] & self.documents[root_b]:
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
    _by_territory(clusters, locals_)
    _by_variant(clusters, locals_)
    _by_first_words(clusters, locals_)
    starts = {(doc.document, i): m.start for doc in docs for i, m in enumerate(doc.mentions)}
    _by_misspelling(clusters, locals_, starts)
    _by_initials(clusters, locals_)
    _by_surname(clusters, locals_)
    _by_double_surname(clusters, locals_)
    _by_given_name(clusters, locals_)
    _by_bare_name(clusters, locals_)
    return _entities(clusters, locals_)


def _by_key(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    first: dict[str, int] = {}
    for index, local in enumerate(locals_):
        person = local.type is EntityType.PERSON
        for surface in sorted(local.surfaces):
            if person and not multi_word(surface):
                continue  # a bare surname is resolved by _by_surname ("Le Pen" here and
                # there is one name all the same; "Le Monde" NER took for a person too)
            # the same name whatever the type; without an article or a legal form only among
            # organisations and places ("Jean Roe SA" is not the man)
            keys = [name_key(surface)] if person else [name_key(surface), "org:" + org_key(surface)]
            if not person and _DOTTED_INITIALS.fullmatch(surface.strip()):
                keys.append("org:" + surface.replace(".", "").replace(" ", "").lower())
            for key in keys:
                if key in first:
                    merge = Merge("same_name", f"both are named {local.best!r}")
                    clusters.union(first[key], index, merge)
                else:
                    first[key] = index


def _by_core_name(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """Full names that differ by a middle initial, a generational suffix or a short given name
    ("Jane Q. Roe" / "Jane Roe"; "Sam Roe" / "Samuel T. Roe" when the contexts
    agree). Conflicting middle initials or suffixes ("Jr." / "Sr.") keep people apart."""
    blocks: dict[str, dict[str, int]] = defaultdict(dict)
    for index, local in enumerate(locals_):
        if local.is_full_name:  # one chain per spelling: _by_key joined the others already
            blocks[core_person(local.best)[2]].setdefault(name_key(local.best), index)
    for forms in blocks.values():
        members = sorted(forms.values())
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if clusters.find(a) != clusters.find(b):
                    _try_core_name(clusters, locals_[a], locals_[b], a, b)


def _try_core_name(clusters: _Clusters, first: Local, second: Local, a: int, b: int) -> None:
    given_a, middles_a, _ = core_person(first.best)
    given_b, middles_b, _ = core_person(second.best)
    suffixes_a = {w for w in tokens(first.best) if w in SUFFIXES}
    suffixes_b = {w for w in tokens(second.best) if w in SUFFIXES}
    if (suffixes_a and suffixes_b and suffixes_a != suffixes_b) or not compatible_middles(
        middles_a, middles_b
    ):
        return
    shared = (first.context & second.context) - first.keys - second.keys
    if given_a == given_b:
        # a suffix on one side only may be the son of the other: the contexts must agree
        if suffixes_a != suffixes_b and len(shared) < _MIN_SHARED_CONTEXT:
            return
        evidence = f"{first.best!r} and {second.best!r} differ by a middle name or suffix"
        clusters.union(a, b, Merge("middle_name", evidence))
        return
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


def _by_territory(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """Countries and regions named in French, in English or by a dotted code ("Allemagne" and
    "Germany", "U.S." and "United States"): one place, from CLDR's names (territories.py), even
    within one document (where they were not chained)."""
    by_code: dict[str, list[tuple[int, str]]] = defaultdict(list)
    named: set[str] = set()  # territories named in full somewhere in the dossier
    for index, local in enumerate(locals_):
        if local.type is EntityType.PERSON or local.acronyms:
            continue  # "GB" defined as gigabytes is no country
        found = territory(local.best)
        if found is not None:
            by_code[found[0]].append((index, local.best))
            if found[1]:
                named.add(found[0])
    for code, members in by_code.items():
        if code not in named:
            continue  # only codes ("L.A."): a city or a state as likely as a country
        first, name = members[0]
        for index, other in members[1:]:
            evidence = f"{name!r} and {other!r} name one place"
            clusters.union(first, index, Merge("territory", evidence), within_document=True)


_FIRST_WORDS_MIN = 4  # letters of a shortened organisation name: "BNP" is no name's first word


def _by_first_words(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """An organisation named by the first words of its name ("Lehman" / "Lehman Brothers",
    "Caisse des dépôts" / "Caisse des dépôts et consignations", "U.S. Marshals" / "U.S.
    Marshals Service") when exactly one longer organisation name of the dossier starts with
    them ("Apple" beside "Apple Computer" and "Apple Corps" stays apart), and the short name is
    never a place's or a person's in the dossier ("Paris" / "Paris Saint-Germain"). So is one
    named without the place its name opens with, when the dossier names that place ("Washington
    Wizards" / "Wizards", "Portland Trail Blazers" / "Trail Blazers") — even when NER took the
    short name for a person's or a place's (:func:`_mistyped_tail`: "the Bears" beside "Chicago
    Bears", retyped), unless it is a territory, a person's surname, or the second of two places
    joined by a hyphen ("France-Tibet" / "Tibet")."""
    longer: dict[str, set[str]] = defaultdict(set)  # short form -> full names shortened so
    owner: dict[str, int] = {}  # full name -> a chain holding it
    holder: dict[tuple[str, str], int] = {}  # (document, full name) -> its chain there
    tails: set[str] = set()  # what follows a place the dossier names in an organisation's name
    not_orgs = {
        org_key(surface)
        for local in locals_
        if local.type is not EntityType.ORG
        for surface in local.surfaces
    }
    places = {
        org_key(surface)
        for local in locals_
        if local.type is EntityType.LOC
        for surface in local.surfaces
    }
    for index, local in enumerate(locals_):
        if local.type is not EntityType.ORG:
            continue
        for surface in local.surfaces:
            words = org_key(surface).split()
            full = " ".join(words)
            owner.setdefault(full, index)
            holder.setdefault((local.document, full), index)
            for size in range(1, len(words)):
                first = " ".join(words[:size])
                longer[first].add(full)
                if first in places:  # the place left out
                    longer[" ".join(words[size:])].add(full)
                    if _spaced_tail(surface, words[size:]):
                        tails.add(" ".join(words[size:]))
    surnames = {
        org_key(surface).split()[-1]
        for local in locals_
        if local.type is EntityType.PERSON
        for surface in local.surfaces
        if multi_word(surface)
    }
    for index, local in enumerate(locals_):
        if local.acronyms:
            continue
        short = org_key(local.best)
        if local.type is not EntityType.ORG and not _mistyped_tail(local, short, tails, surnames):
            continue
        names = longer.get(short, set())
        if len(names) != 1 or len(short.replace(" ", "")) < _FIRST_WORDS_MIN:
            continue
        if local.type is EntityType.ORG and short in not_orgs:
            continue
        if territory(local.best) is not None or short.split()[-1] in _FUNCTION_WORDS:
            continue
        local.type = EntityType.ORG  # "the Bears" NER took for a place: the team
        (full,) = names
        other = owner[full]
        evidence = f"{local.best!r} is a short form of {locals_[other].best!r}, the only name so"
        beside = holder.get((local.document, full))
        if beside is not None and min(locals_[beside].mentions) < min(local.mentions):
            # named in full, then short in one article ("Lehman Brothers … Lehman"): the
            # article shortened the name, it did not name another organisation
            clusters.union(beside, index, Merge("first_words", evidence), within_document=True)
        else:
            clusters.union(other, index, Merge("first_words", evidence))


def _mistyped_tail(local: Local, short: str, tails: set[str], surnames: set[str]) -> bool:
    """Whether a chain NER typed a person's or a place's is an organisation named without its
    place ("the Dolphins" typed a person's, "the Bears" a place's, beside "Chicago Bears"): the
    words after a place in an organisation's name, no person's surname; as a place's, a plural in
    -s ("Trail Blazers"; "Tokyo Disneyland" / "Disneyland", "Nice Côte d'Azur" / "Côte d'Azur",
    "Paris Roubaix" / "Roubaix" are places; "Red Sox" is lost); never a people's or a nation's
    ("Houston Texans" / "Texans", MISC)."""
    if short not in tails or short in surnames:
        return False
    if local.type is EntityType.PERSON:
        return True
    return local.type is EntityType.LOC and short.endswith("s")


def _spaced_tail(surface: str, tail: Sequence[str]) -> bool:
    """Whether the keyed words ``tail`` are the last words of ``surface`` after a space: "Chicago
    Bears" ends with a name of its own, "France-Tibet" joins two places."""
    return org_key(" ".join(surface.split()[-len(tail) :])) == " ".join(tail)


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


@dataclass(slots=True)
class _Form:
    """One spelling of a name across the dossier (spaces, case and accents aside)."""

    surface: str
    kind: EntityType
    documents: set[str] = field(default_factory=set)
    members: list[int] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)  # each member's spelling
    contexts: list[set[str]] = field(default_factory=list)  # each member chain's context


def _squash(surface: str, kind: EntityType) -> str:
    key = name_key(surface) if kind is EntityType.PERSON else org_key(surface)
    return key.replace(" ", "").replace("'", "")


def _spellings(locals_: Sequence[Local]) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    for index, local in enumerate(locals_):
        for surface in local.surfaces:
            if local.type is EntityType.PERSON and not full_name(surface):
                continue  # a bare surname: too short a clue
            key = _squash(surface, local.type)
            if len(key) < _MIN_SPELLED or any(ch.isdigit() for ch in key):
                continue  # "A320" and "A321" are two aircraft
            form = forms.setdefault(key, _Form(surface, local.type))
            if form.kind is not local.type:
                continue  # one spelling, two types: not this rule's business
            form.documents.add(local.document)
            form.members.append(index)
            form.surfaces.append(surface)
            form.contexts.append(local.context)
    return forms


def _by_misspelling(
    clusters: _Clusters, locals_: Sequence[Local], starts: Mapping[tuple[str, int], int]
) -> None:
    """Names one letter apart (doubled, dropped, swapped or changed) or apart only by spaces
    ("CGTU" / "CTGU", "Morrel" / "Morel", "Data Base" / "Database") are one name
    misspelled when the evidence says so: a rare spelling (one document) beside a frequent one,
    or the same company around both. Different digits, a plural ending or another type never are.
    Blocking by single deletions (every pair within one edit shares one), never all pairs."""
    forms = _spellings(locals_)
    for form in forms.values():  # apart only by spaces or hyphens: one name
        pairs = zip(form.members, form.surfaces, strict=True)
        (a, one), *rest = pairs if form.members else [(0, "")]
        for b, two in rest:
            if name_key(one) != name_key(two):
                _union_spelling(clusters, one, two, a, b, "spacing")
    deletions: dict[str, list[str]] = defaultdict(list)
    for key in sorted(forms):  # a fixed order: the same joins in every build
        for variant in sorted({key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}):
            deletions[variant].append(key)
    seen: set[tuple[str, str]] = set()
    for _, keys in sorted(deletions.items()):
        for position, one in enumerate(keys):
            for two in keys[position + 1 :]:
                low, high = min(one, two), max(one, two)
                if (low, high) not in seen:
                    seen.add((low, high))
                    _try_misspelling(clusters, locals_, starts, forms[low], forms[high], low, high)


def _try_misspelling(
    clusters: _Clusters,
    locals_: Sequence[Local],
    starts: Mapping[tuple[str, int], int],
    first: _Form,
    second: _Form,
    a: str,
    b: str,
) -> None:
    if first.kind is not second.kind or OSA.distance(a, b) != 1 or a[0] != b[0]:
        return  # another first letter makes another name ("X-Ray", "Ray")
    person = first.kind is EntityType.PERSON  # "Georges" is no plural of "George"
    if not person and _plural_of(first.surface, second.surface):  # a plural: one name
        if multi_word(first.surface):
            evidence = f"{second.surface!r} and {first.surface!r}: a word in the plural"
            clusters.union(first.members[0], second.members[0], Merge("plural", evidence))
        return
    if first.kind is EntityType.PERSON and not _one_part_misspelled(first.surface, second.surface):
        return  # "Jean Rosso" / "Jean Bosso": another surname, another person
    swapped = sorted(a) == sorted(b)
    acronyms = first.surface.isupper() and second.surface.isupper()
    if acronyms and min(len(a), len(b)) <= SHORT_ACRONYM and not swapped:
        return  # short acronyms one letter apart are mostly two bodies ("FIA" / "FIFA")
    rare, common = sorted((first, second), key=lambda f: (len(f.documents), len(f.members)))
    substituted = len(a) == len(b) and not swapped  # not a swap: "Lima" / "Lama"
    rare_beside_common = (
        len(rare.members) == 1
        and len(common.documents) >= _COMMON_DOCUMENTS
        and not (substituted and min(len(a), len(b)) < MIN_SUBSTITUTED)
    )
    shared = _shared_context(first, second)
    if not (rare_beside_common or len(shared) >= _MIN_SHARED_CONTEXT):
        return
    why = "a rare spelling" if rare_beside_common else "with " + ", ".join(sorted(shared)[:3])
    _union_spelling(
        clusters,
        common.surface,
        rare.surface,
        common.members[0],
        rare.members[0],
        why,
        within_document=rare_beside_common and _apart(locals_, starts, rare, common),
    )


def _apart(
    locals_: Sequence[Local], starts: Mapping[tuple[str, int], int], rare: _Form, common: _Form
) -> bool:
    """The misspelling is not written beside the other spelling ("X Morrel et X Morel" are two
    people side by side): in a document that has both, no two of their mentions are close."""

    def positions(form: _Form) -> dict[str, list[int]]:
        found: dict[str, list[int]] = defaultdict(list)
        for member in form.members:
            local = locals_[member]
            found[local.document] += [starts[(local.document, i)] for i in local.mentions]
        return found

    mine, theirs = positions(rare), positions(common)
    return all(
        abs(x - y) > _SIDE_BY_SIDE
        for document in mine.keys() & theirs.keys()
        for x in mine[document]
        for y in theirs[document]
    )


def _one_part_misspelled(one: str, other: str) -> bool:
    """Two spellings of a person's name that differ in the given name or in the surname, not
    both, and keep the surname's first letter."""
    given_a, surname_a = split_person(one)
    given_b, surname_b = split_person(other)
    if not surname_a or not surname_b or surname_a[0] != surname_b[0]:
        return False
    return given_a == given_b or surname_a == surname_b


def _shared_context(first: _Form, second: _Form) -> set[str]:
    """The most names that one chain of each spelling has around it in common (chains, not the
    union over every document: "Paris" and "France" are around everything)."""
    best: set[str] = set()
    for mine in first.contexts[:_CONTEXT_CHAINS]:
        for theirs in second.contexts[:_CONTEXT_CHAINS]:
            shared = mine & theirs
            if len(shared) > len(best):
                best = shared
    return best


def _plural_of(one: str, other: str) -> bool:
    """One name is the other with a word in the plural ("Banques Régionales")."""
    a, b = sorted((org_key(one), org_key(other)), key=len)
    if len(b) != len(a) + 1:
        return False
    return any(
        b[i] in "sx"
        and (i + 1 == len(b) or b[i + 1] == " ")
        and len(b[: i + 1].rsplit(" ", 1)[-1]) > _SHORT_WORD  # "de" / "des" is no plural
        and b[:i] + b[i + 1 :] == a
        for i in range(len(b))
    )


def _union_spelling(
    clusters: _Clusters,
    kept: str,
    other: str,
    a: int,
    b: int,
    why: str,
    *,
    within_document: bool = False,
) -> None:
    evidence = f"{other!r} is {kept!r} spelled otherwise ({why})"
    merge = Merge("spelling_variant", evidence, (kept, other))
    clusters.union(a, b, merge, within_document=within_document)


_FUNCTION_WORDS = FUNCTION_WORDS


def _content_words(surface: str) -> list[str]:
    """The words of a name but articles and prepositions; a hyphenated word is one word."""
    words = [org_key(w) for w in surface.replace("’", "'").split()]
    words = [w.split("'")[-1].replace(" ", "-") for w in words if w]
    return [w for w in words if w and w not in _FUNCTION_WORDS]


def _proper_name(surface: str) -> bool:
    """A name, not a phrase NER cut out of a sentence: no digits, colons or spaced dashes."""
    return not any(ch.isdigit() for ch in surface) and not any(
        mark in surface for mark in (":", " - ", " – ", "(", ")")
    )


def _org_like(local: Local) -> bool:
    return local.type in (EntityType.ORG, EntityType.MISC)


def _by_initials(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """An acronym defined nowhere in the dossier ("UFP", "NRCA" where no article spells it out
    beside it) is the one organisation named in full whose words' initials spell it ("Union
    des forces progressistes"; a hyphenated word or dotted initials give a letter each or one:
    "Agence France-Presse" / "AFP", "U.S. Department of Agriculture" / "USDA"; a legal form
    none: "Apple Inc."): only when exactly one such name is in the dossier. Two letters spell
    too many names ("PS", "AI"): never."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for index, local in enumerate(locals_):
        if _org_like(local) and _proper_name(local.best):
            # a legal form gives no initial: "Apple Inc." is no "AI"
            words = [
                w for w in _content_words(local.best) if re.sub(r"[.\-]", "", w) not in _LEGAL_FORMS
            ]
            if len(words) >= 2:
                for spelled in _initials(words):
                    by_initials[spelled].add(index)
    for index, local in enumerate(locals_):
        short = local.best.replace(".", "")
        if not _org_like(local) or not (_MIN_INITIALS <= len(short) <= 6) or not short.isupper():
            continue  # two letters ("PM", "BA", "PS") spell too many names
        if local.acronyms or territory(local.best) is not None:
            continue  # defined in its document, or a country's code
        named = by_initials.get(short.lower(), set())
        roots = {clusters.find(i) for i in named}
        if len(roots) == 1 and clusters.find(index) not in roots:
            full = locals_[min(named)].best
            evidence = f"{local.best!r} is spelled by the initials of {full!r}, the only such name"
            merge = Merge("initials", evidence)
            clusters.union(min(named), index, merge, within_document=True)


_LEGAL_FORMS = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "sa", "sas", "ag", "gmbh", "nv"}
)
_MAX_SPELLINGS = 8  # initials a name may give, its hyphenated words read both ways


def _initials(words: Sequence[str]) -> set[str]:
    """The initials a name's content words spell, a hyphenated word giving its first letter or
    one per part ("france-presse": "f" or "fp"; "u-s", dotted initials folded: "u" or "us")."""
    spelled = {""}
    for word in words:
        options = {word[0]}
        if "-" in word:
            options.add("".join(part[0] for part in word.split("-") if part))
        spelled = {s + o for s in spelled for o in options}
        if len(spelled) > _MAX_SPELLINGS:
            return set()
    return spelled


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


def _by_double_surname(clusters: _Clusters, locals_: Sequence[Local]) -> None:
    """A two-word name that ends one longer person's name and only one ("Smith Robinson" /
    "Ashley Smith Robinson", "García Márquez" / "Gabriel García Márquez"): a double surname, when
    its first word is no one's given name in the dossier ("Maria Lopez" beside "Ana Maria Lopez"
    and "Maria Ruiz" may be another woman) and no initial ("J. Roe")."""
    longer: dict[str, set[int]] = defaultdict(set)
    names = [
        name_key(surface).split()
        for local in locals_
        if local.type is EntityType.PERSON
        for surface in local.surfaces
    ]
    for index, local in enumerate(locals_):
        if local.type is EntityType.PERSON:
            for surface in local.surfaces:
                words = name_key(surface).split()
                if len(words) >= 3:
                    longer[" ".join(words[-2:])].add(index)
    given = {  # first words of full names, but of the two-word ends of longer ones
        words[0] for words in names if len(words) >= 2 and " ".join(words) not in longer
    }
    for index, local in enumerate(locals_):
        words = name_key(local.best).split()
        if local.type is not EntityType.PERSON or len(words) != 2 or words[0] in given:
            continue
        if any(len(word) < 2 for word in words):
            continue
        root = clusters.find(index)
        roots = {clusters.find(other) for other in longer.get(" ".join(words), ())} - {root}
        if len(roots) == 1:
            clusters.union(
                roots.pop(),
                index,
                Merge("double_surname", f"{local.best!r} ends the only longer name so ending"),
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
            entity = replace(entity, type=EntityType.PERSON)  # its id stays
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
    first = members[0]  # the chain of the first document, in ingestion order, to name it
    return ResolvedEntity(
        id=entity_id(first.document, min(first.mentions)),
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
    spelled |= {form for merge in merges for form in merge.forms}
    return sorted(spelled)


def entity_id(document: str, mention: int) -> str:
    """An entity's id: that of its first mention in the first document, in ingestion order,
    that names it. Documents added later, a type vote or a canonical name that changes leave it
    as it was; it changes only when that document goes (removed, or a new version of it)."""
    return "e" + ids.short_hash(f"{document}:{mention}")
