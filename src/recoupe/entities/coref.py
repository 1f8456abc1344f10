"""Within one document: which mentions name the same entity, and of which type.

Full names first group by their key, then the forms of one person's full name (a middle
initial, a given initial, a hyphenated married name) when no other person shares the surname
in the text; a bare surname ("Castel") or title + surname (the title is
already stripped) joins the full name whose surname it is — the nearest one before it when
several people share the surname (brothers); a bare given name joins the only full name that
starts with it; acronyms join their long forms; an organisation's last words name it again ("the
Saints" after "the New Orleans Saints"). Each chain's type is voted by all its mentions,
context cues ("M.", "à", "ministère", ...) weighing more than the NER label.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from recoupe.entities.cues import place_before, type_votes
from recoupe.entities.model import Acronym, EntityType, Mention
from recoupe.entities.names import (
    FUNCTION_WORDS,
    SUFFIXES,
    compatible_middles,
    core_person,
    full_name,
    name_key,
    org_key,
    place_key,
    split_person,
)
from recoupe.entities.names import multi_word as is_multi_word
from recoupe.entities.territories import territory
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
    _join_full_name_forms(sets, mentions, votes)
    persons = _full_names(sets, mentions, keys, votes)
    _attach_short_names(sets, mentions, keys, persons)
    _join_same_names(sets, keys, multi_word=False, mentions=mentions)
    _join_acronyms(sets, keys, acronyms)
    _join_places(sets, mentions)
    _join_legal_forms(sets, mentions)
    _join_short_forms(sets, text, mentions, votes)
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


def _join_full_name_forms(sets: UnionFind, mentions: Sequence[Mention], votes: list[Votes]) -> None:
    """One person's full name written several ways in one text: with or without a middle
    initial ("Brian G. Nichols" / "Brian Nichols"), a given initial ("J. Roe" / "John Roe"), a
    hyphenated married name ("Carla Bruni" / "Carla Bruni-Sarkozy") — when every form of that
    surname in the text may be one person's. Two people of one surname keep all its forms
    apart: other given names ("Jean Roe" / "Paul Roe", "Jean" / "Jeanne", "Jean-Pierre" /
    "Jean"), or a generational suffix on one side ("Robert Roe Jr." / "Robert Roe")."""
    forms: dict[str, dict[str, int]] = defaultdict(dict)  # surname -> name key -> first mention
    hyphenated: list[tuple[int, list[str]]] = []  # a surname's parts ("bruni", "sarkozy")
    for index, mention in enumerate(mentions):
        if not full_name(mention.text) or _winner(votes[index]) is not EntityType.PERSON:
            continue
        given, _, surname = core_person(mention.text)
        if not given or not surname:
            continue
        forms[surname].setdefault(name_key(mention.text), index)
        last = mention.text.split()[-1]
        parts = [name_key(part) for part in last.split("-")]
        parts = [part for part in parts if part]
        if "-" in last and len(parts) > 1 and surname.endswith(name_key(last)):
            hyphenated.append((index, parts))
    for index, parts in hyphenated:  # a part that is another form's whole surname
        for part in {parts[0], parts[-1]} & forms.keys():
            forms[part].setdefault(name_key(mentions[index].text), index)
    for members in forms.values():
        firsts = list(members.values())
        if len(firsts) < 2:
            continue
        names = [_name_parts(mentions[i].text) for i in firsts]
        if all(_one_person(a, b) for n, a in enumerate(names) for b in names[n + 1 :]):
            for other in firsts[1:]:
                sets.union(firsts[0], other)


_PARTICLES = frozenset(
    {"de", "du", "des", "d", "van", "von", "der", "den", "da", "di", "del", "le", "la"}
)


def _name_parts(text: str) -> tuple[str, tuple[str, ...], frozenset[str]]:
    """(given name as written, a compound one whole and initials as letters: "jean-luc",
    "jl" for "J.-L."; middle names or initials, particles left out; generational suffixes),
    accents and case folded."""
    words = [_unaccented(w).strip(".,") for w in text.split()]
    words = [w for w in words if w]
    suffixes = frozenset(w.replace(".", "") for w in words[2:] if w.replace(".", "") in SUFFIXES)
    words = [w for w in words if w.replace(".", "") not in suffixes]
    if not words:
        return ("", (), suffixes)
    given = words[0]
    if "." in given:  # initials: "j.-l" -> "jl"
        given = "".join(part[:1] for part in re.split(r"[.\-]+", given) if part)
    middles = tuple(w.replace(".", "") for w in words[1:-1] if w not in _PARTICLES)
    return (given, middles, suffixes)


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _one_person(
    a: tuple[str, tuple[str, ...], frozenset[str]], b: tuple[str, tuple[str, ...], frozenset[str]]
) -> bool:
    (given_a, middles_a, suffixes_a), (given_b, middles_b, suffixes_b) = a, b
    if suffixes_a != suffixes_b or not compatible_middles(middles_a, middles_b):
        return False
    if given_a == given_b:
        return True
    shorter, longer = sorted((given_a, given_b), key=len)
    spelled = "".join(part[:1] for part in longer.split("-"))
    # "J. Roe" / "John Roe", "J.-L. Roe" / "Jean-Luc Roe"
    return (len(shorter) == 1 and longer.startswith(shorter)) or (
        "-" in longer and shorter == spelled
    )


def _full_names(
    sets: UnionFind, mentions: Sequence[Mention], keys: list[str], votes: list[Votes]
) -> dict[int, tuple[str, str]]:
    """Multi-word person names: mention index → (given names, surname)."""
    persons = {}
    for index, mention in enumerate(mentions):
        if full_name(mention.text) and _winner(votes[index]) is EntityType.PERSON:
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
        if full_name(mentions[index].text) or mentions[index].type not in (
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


# words a shortened name never ends or starts on ("Banque de France" is not "France")
_FUNCTION_WORDS = FUNCTION_WORDS | {"&"}
_SHORT_FORM_MIN = 4  # letters of a shortened organisation name


def _join_short_forms(
    sets: UnionFind, text: str, mentions: Sequence[Mention], votes: list[Votes]
) -> None:
    """An organisation named again by the last words of its name ("the New Orleans Saints …
    the Saints", "Alaska Dispatch … the Dispatch"), whatever the type the NER gave the short
    name, when exactly one organisation of the text has a name so ending and none so starting.
    Not a country ("Air France" / "France"), not a name the text uses as a place ("FC Nantes …
    à Nantes", "Bayern Munich … moved to Munich"), and a name the NER took for a person's only
    when the dropped words are a place ("Julius Jones", typed ORG, and "Jones" stay a person's
    name)."""
    chain_votes: dict[int, Votes] = defaultdict(lambda: defaultdict(float))
    for index in range(len(mentions)):
        for kind, weight in votes[index].items():
            chain_votes[sets.find(index)][kind] += weight

    types = [_winner(chain_votes[sets.find(index)]) for index in range(len(mentions))]

    def chain_type(index: int) -> EntityType:  # the type of its chain before any short name
        return types[index]

    places = {org_key(m.text) for i, m in enumerate(mentions) if chain_type(i) is EntityType.LOC}
    ends: dict[str, set[str]] = defaultdict(set)  # short key -> full keys so ending
    place_left_out: set[tuple[str, str]] = set()  # (short, full): the full name opens on a place
    starts: dict[str, set[str]] = defaultdict(set)  # short key -> full keys so starting
    first_full: dict[str, int] = {}  # full key -> its first mention
    for index, mention in enumerate(mentions):
        if not is_multi_word(mention.text) or chain_type(index) is not EntityType.ORG:
            continue
        full = org_key(mention.text)
        first_full.setdefault(full, index)
        words = mention.text.split()  # a hyphenated word is one ("Computerworld-Microsoft")
        for size in range(1, len(words)):
            head_words = org_key(" ".join(words[:size])).split()
            tail_words = org_key(" ".join(words[size:])).split()
            if not head_words or not tail_words:
                continue  # "Apple —": no last words
            if head_words[-1] in _FUNCTION_WORDS or tail_words[0] in _FUNCTION_WORDS:
                continue  # "Banque de France" / "France"
            head, tail = " ".join(head_words), " ".join(tail_words)
            starts[head].add(full)
            ends[tail].add(full)
            if head in places:
                place_left_out.add((tail, full))
    if not first_full:
        return
    people = {
        sets.find(i)
        for i, m in enumerate(mentions)
        if m.type is EntityType.PERSON and is_multi_word(m.text)
    }
    uses: dict[str, list[bool]] = defaultdict(list)  # single-word key -> told as a place?
    for m in mentions:
        if " " not in m.text.strip():
            uses[org_key(m.text)].append(m.type is EntityType.LOC and place_before(text, m.start))
    # a name the text uses as a place at least as often as not: a place to the NER after a
    # preposition of place ("à Nantes"; not "returned to United", not "in Blazers history"
    # beside "the Blazers" four times)
    as_place = {key for key, told in uses.items() if 2 * sum(told) >= len(told)}
    for index, mention in enumerate(mentions):
        short = org_key(mention.text)
        if (
            short in first_full
            or len(short.replace(" ", "")) < _SHORT_FORM_MIN
            or sets.find(index) in people
            or short in as_place
        ):
            continue
        by_end = ends.get(short, set())
        by_start = starts.get(short, set())
        if len(by_end) == 1 and not by_start and territory(mention.text) is None:
            (full,) = by_end
            # a surname is not an organisation's short name ("Julius Jones", an ORG to the NER,
            # and "Jones"), unless the name opens on a place ("Miami Dolphins" / "Dolphins")
            if chain_type(index) is not EntityType.PERSON or (short, full) in place_left_out:
                _join_short(sets, votes, mentions, first_full[full], index)


def _join_short(
    sets: UnionFind, votes: list[Votes], mentions: Sequence[Mention], full: int, short: int
) -> None:
    """Join a short name to the full one; the short name no longer votes for the type ("Bears"
    read as a place five times does not make the Chicago Bears one)."""
    sets.union(full, short)
    votes[short].clear()


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
