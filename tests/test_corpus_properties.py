"""The corpus-level steps on synthetic per-document results (hypothesis).

Documents are written with text built piece by piece, so every span is exact, and per-document
results as the stages store them: mentions whose names come from a small pool so that they collide
(one given name for two people, one surname for two given names, one canonical name with two
types, an acronym defined in two languages, spelling variants), coreference chains, acronyms,
roles, relations, dated events on a handful of dates, quotes drawn from a few sentences, and
copies (the same text under another origin, a near copy, a new version of one origin); and a few
curation decisions (merge, split, rename, reject, retype). Then :func:`recoupe.analysis.rebuild`
runs on a real store and:

- no step fails (no ``corpus_step_failed`` error) and the export validates, spans exact;
- ids are unique in every table;
- a second rebuild gives the same dossier (idempotent);
- the same documents ingested in another order give the same stories and the same copy groups
  (the README's "whatever the order they arrived in") whenever they give the same entities, and
  the pure steps that say they are order-free (:func:`recoupe.stories.cluster_stories`,
  :func:`recoupe.duplicates.find_copies`) give the same answer for any order of their input.

Entities, timeline entries and quotes are not claimed order-free, and are not: a chain that can
join either of two chains of one document joins the one met first, and the earliest statement of
an event or a quote (publication date, then ingestion order) names it.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from conftest import validate_dossier
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.analysis import rebuild
from recoupe.duplicates import DupDoc, find_copies
from recoupe.entities.model import (
    Acronym,
    DocumentEntities,
    EntityType,
    Mention,
    RelationFact,
    RoleFact,
)
from recoupe.entities.names import name_key, split_person
from recoupe.entities.pipeline import STAGE as ENTITY_STAGE
from recoupe.entities.serialize import dump
from recoupe.errors import Code
from recoupe.events.model import DocumentEvents, EventFact
from recoupe.events.serialize import dump as dump_events
from recoupe.events.stage import STAGE as EVENT_STAGE
from recoupe.export.json import build_dossier
from recoupe.model import Article, DateSource, Kind, RawDocument
from recoupe.quotes.model import QuoteFact
from recoupe.quotes.stage import STAGE as QUOTE_STAGE
from recoupe.store import SqliteStore, Status, open_store
from recoupe.stories import StoryDoc, cluster_stories

PERSON, ORG, LOC, MISC = EntityType.PERSON, EntityType.ORG, EntityType.LOC, EntityType.MISC

# Invented names, chosen to collide: two Martins and two Jeans, a spelling variant, particles,
# one name typed three ways, an acronym with a French and an English long form, generic heads.
NAMES: tuple[tuple[str, EntityType], ...] = (
    ("Jean Martin", PERSON),
    ("Marie Martin", PERSON),
    ("Jean Martine", PERSON),
    ("Jean Marttin", PERSON),
    ("Martin", PERSON),
    ("Jean", PERSON),
    ("Jean-Paul Dorlac", PERSON),
    ("Dorlac", PERSON),
    ("Léa de Vaucelles", PERSON),
    ("de Vaucelles", PERSON),
    ("Vaucelles", PERSON),
    ("Paul Van der Berg", PERSON),
    ("Martin", ORG),
    ("Jean Martin", MISC),
    ("Dorlac", LOC),
    ("Parquet national financier", ORG),
    ("National Financial Prosecutor's Office", ORG),
    ("PNF", ORG),
    ("Agence Nord", ORG),
    ("Nord", LOC),
    ("Palais de Nord", LOC),
    ("Nord Palace", LOC),
    ("Valmont", LOC),
    ("Valmont's", LOC),
    ("VALMONT", ORG),
    ("JEAN MARTIN", PERSON),
    ("Jean\u2011Paul Dorlac", PERSON),  # a non-breaking hyphen
    ("O'Neill", PERSON),
    ("Kate O\u2019Neill", PERSON),
    ("De La Cruz", PERSON),
    ("\u0130zmir", LOC),  # lower-cases to two characters
    ("IZMIR", ORG),
    ("Stra\u00dfe", LOC),
    ("U.S.", LOC),
    ("G7", ORG),
)
ACRONYMS: tuple[tuple[str, str], ...] = (
    ("Parquet national financier", "PNF"),
    ("National Financial Prosecutor's Office", "PNF"),
    ("Agence Nord", "AN"),
)
ROLES = ("ministre", "the minister", "alors procureur", "président de l'agence", "le juge")
QUALIFIERS = ("current", "former", "designate", "unknown")
PREDICATES = ("sibling_of", "member_of", "holds_office", "spouse_of")
OPENERS = (
    "",
    "Selon nos informations, ",
    "L'assassinat de ",
    "On Monday, ",
    "The arrest of ",
    "Hier, ",
    "In a statement, ",
)
AGES = (", 45 ans,", ", 46 ans,", ", aged 45,", ", 52, ")
LINKS = (", ", " et ", " and ", " avec ")
DATES: tuple[tuple[str, str], ...] = (
    ("2025-11-21", "day"),
    ("2025-11-22", "day"),
    ("2025-11-24", "day"),
    ("2025-12-30", "day"),
    ("2026-01-02", "day"),
    ("2025-11", "month"),
    ("2025", "year"),
    ("2025-W47", "week"),
    ("2025-11-21/2025-11-23", "interval"),
    ("2025-12/2026-02", "season"),
)
CLASSES = ("meeting", "visit", "arrest", "killing", "announcement", "launch", "trial")
STATUSES = ("happened", "planned", "unknown")
QUOTES = (
    "Nous ne lâcherons rien",
    "We will not give up",
    "Nous ne lâcherons rien, jamais, face à ceux qui menacent la ville et ses habitants",
    "nous ne lâcherons rien, jamais, face à ceux qui menacent la ville",
    "C'est une affaire d'État",
    "It is too early to say",
)
PUBLISHED = (None, None, "2025-11-20", "2025-11-21", "2025-11-21", "2025-12-01")
RENAMES = ("Jean Martin", "PNF", "Nord", "Quelqu'un")
# Curation: (action, the entity of one mention, another mention, a new name, a type); mentions by
# number among all the mentions of the dossier (modulo their count).
decisions = st.lists(
    st.tuples(
        st.sampled_from(("merge", "split", "rename", "reject", "retype")),
        st.integers(0, 100),
        st.integers(0, 100),
        st.sampled_from(RENAMES),
        st.sampled_from([str(kind) for kind in EntityType]),
    ),
    max_size=3,
)
TITLES = (None, "L'affaire Martin", "Martin case: the minister speaks", "Valmont")
LANGUAGES = ("fr", "en", "fr", "en", "de")


# --- synthetic documents ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    names: tuple[int, ...]  # indices into NAMES
    roles: tuple[int | None, ...]  # a role before each name, or None
    ages: tuple[int | None, ...]  # an age after each name, or None
    acronym: int | None  # "long (SHORT)" of ACRONYMS[i]
    event: tuple[int, tuple[str, ...], str, bool] | None  # date, classes, status, cancelled
    quote: tuple[int, int | None, bool] | None  # QUOTES[i], speaker (a name's position), anonymous
    relation: int | None  # PREDICATES[i] between the first two names


@dataclass(frozen=True)
class Draft:
    origin: str
    language: str
    published: str | None
    title: str | None
    sentences: tuple[Sentence, ...]
    retype: tuple[EntityType | None, ...]  # a chain's type voted otherwise (by chain number)
    attach: bool  # bare surnames and given names join a full name of the document
    tail: str = ""  # words added at the end (a near copy)


@dataclass
class Doc:
    """A synthetic document and the per-document results the stages would have stored."""

    origin: str
    text: str
    language: str
    published: str | None
    title: str | None
    entities: DocumentEntities
    events: DocumentEvents
    quotes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def analysed(self) -> bool:
        return self.language in ("fr", "en")


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return start, self.size

    @property
    def text(self) -> str:
        return "".join(self.parts)


def realise(draft: Draft) -> Doc:
    """The text of ``draft`` and its per-document results, every span exact."""
    out = _Writer()
    mentions: list[Mention] = []
    acronyms: list[Acronym] = []
    roles: list[RoleFact] = []
    relations: list[RelationFact] = []
    events: list[EventFact] = []
    quotes: list[dict[str, Any]] = []
    pairs: list[tuple[int, int]] = []  # mentions an acronym joins

    def mention(surface: str, kind: EntityType, source: str = "ner") -> int:
        start, end = out.add(surface)
        mentions.append(Mention(start, end, surface, kind, source))
        return len(mentions) - 1

    for number, sentence in enumerate(draft.sentences):
        start, _ = out.add(OPENERS[number % len(OPENERS)])
        inside: list[int] = []
        named = zip(sentence.names, sentence.roles, sentence.ages, strict=True)
        for position, (name, role, age) in enumerate(named):
            if position:
                out.add(LINKS[(number + position) % len(LINKS)])
            if role is not None:
                role_start, role_end = out.add(ROLES[role])
                out.add(" ")
            surface, kind = NAMES[name]
            inside.append(mention(surface, kind))
            if age is not None:
                out.add(AGES[age])
            if role is not None:
                organisation = next((i for i in inside if mentions[i].type is ORG), None)
                roles.append(
                    RoleFact(
                        inside[-1],
                        role_start,
                        role_end,
                        ROLES[role],
                        QUALIFIERS[(role + number) % len(QUALIFIERS)],
                        organisation,
                    )
                )
        if sentence.acronym is not None:
            long_form, short_form = ACRONYMS[sentence.acronym]
            out.add(" selon " if inside else "")
            first = mention(long_form, ORG)
            out.add(" (")
            second = mention(short_form, ORG, "acronym")
            out.add(")")
            acronyms.append(Acronym(mentions[second], mentions[first], sentence.acronym != 2))
            pairs.append((first, second))
            inside += [first, second]
        date = None
        if sentence.event is not None:
            out.add(
                " a annoncé la réunion du " if draft.language == "fr" else " held a meeting on "
            )
            date = out.add(DATES[sentence.event[0]][0])
        if sentence.quote is not None:
            text_index, speaker, anonymous = sentence.quote
            out.add(" : « ")
            quote_start, quote_end = out.add(QUOTES[text_index])
            out.add(" »")
            speaker_mention = (
                inside[speaker] if speaker is not None and speaker < len(inside) else None
            )
            spoken = mentions[speaker_mention] if speaker_mention is not None else None
            quotes.append(
                asdict(
                    QuoteFact(
                        quote_start,
                        quote_end,
                        QUOTES[text_index],
                        spoken.start if spoken else None,
                        spoken.end if spoken else None,
                        spoken.text if spoken else None,
                        speaker_mention,
                        anonymous and spoken is None,
                    )
                )
            )
        _, end = out.add(".")
        out.add(" ")
        if sentence.relation is not None and len(inside) >= 2 and inside[0] != inside[1]:
            relations.append(
                RelationFact(inside[0], PREDICATES[sentence.relation], inside[1], start, end)
            )
        if sentence.event is not None and date is not None:
            value_index, classes, status, cancelled = sentence.event
            value, precision = DATES[value_index]
            events.append(
                EventFact(
                    start,
                    end,
                    date[0],
                    date[1],
                    value,
                    precision,
                    status,
                    tuple(inside),
                    classes,
                    cancelled,
                )
            )
    out.add(draft.tail)
    text = out.text
    chains, mentions = _chains(mentions, pairs, draft)
    entities = DocumentEntities(
        draft.origin, draft.language, mentions, chains, acronyms, roles, relations
    )
    return Doc(
        draft.origin,
        text,
        draft.language,
        draft.published,
        draft.title,
        entities,
        DocumentEvents(draft.origin, events),
        quotes,
    )


def _chains(
    mentions: list[Mention], pairs: list[tuple[int, int]], draft: Draft
) -> tuple[list[list[int]], list[Mention]]:
    """Chains as the coreference step makes them: one name key, acronyms with their long form,
    bare names with a full name that holds them; each chain of one type (voted)."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[max(find(a), find(b))] = min(find(a), find(b))

    first: dict[str, int] = {}
    for index, found in enumerate(mentions):
        union(first.setdefault(name_key(found.text), index), index)
    for a, b in pairs:
        union(a, b)
    if draft.attach:
        full = [i for i, m in enumerate(mentions) if m.type is PERSON and " " in m.text]
        for index, found in enumerate(mentions):
            if found.type is not PERSON or " " in found.text:
                continue
            key = name_key(found.text)
            home = next(
                (
                    i
                    for i in full
                    if key
                    in (split_person(mentions[i].text)[1], name_key(mentions[i].text).split()[0])
                ),
                None,
            )
            if home is not None:
                union(home, index)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(mentions)):
        groups[find(index)].append(index)
    chains = [groups[root] for root in sorted(groups)]
    typed = list(mentions)
    for number, chain in enumerate(chains):
        voted = Counter(mentions[i].type for i in chain).most_common(1)[0][0]
        if number < len(draft.retype) and draft.retype[number] is not None:
            voted = draft.retype[number] or voted
        for index in chain:
            typed[index] = replace(mentions[index], type=voted)
    return chains, typed


def _each(values: list[int | None], names: list[int]) -> tuple[int | None, ...]:
    return tuple(values[: len(names)]) + (None,) * (len(names) - len(values))


sentences = st.builds(
    lambda names, roles, ages, acronym, event, quote, relation: Sentence(
        tuple(names), _each(roles, names), _each(ages, names), acronym, event, quote, relation
    ),
    st.lists(st.integers(0, len(NAMES) - 1), max_size=3),
    st.lists(st.none() | st.integers(0, len(ROLES) - 1), max_size=3),
    st.lists(st.none() | st.integers(0, len(AGES) - 1), max_size=3),
    st.none() | st.integers(0, len(ACRONYMS) - 1),
    st.none()
    | st.tuples(
        st.integers(0, len(DATES) - 1),
        st.lists(st.sampled_from(CLASSES), max_size=2, unique=True).map(tuple),
        st.sampled_from(STATUSES),
        st.booleans(),
    ),
    st.none()
    | st.tuples(st.integers(0, len(QUOTES) - 1), st.none() | st.integers(0, 2), st.booleans()),
    st.none() | st.integers(0, len(PREDICATES) - 1),
)


@st.composite
def drafts(draw: st.DrawFn) -> list[Draft]:
    """A few documents, then copies of some: same text elsewhere, a near copy, a new version."""
    originals = [
        Draft(
            f"https://example.org/{number}",
            draw(st.sampled_from(LANGUAGES)),
            draw(st.sampled_from(PUBLISHED)),
            draw(st.sampled_from(TITLES)),
            tuple(draw(st.lists(sentences, min_size=1, max_size=6))),
            tuple(draw(st.lists(st.none() | st.sampled_from(list(EntityType)), max_size=3))),
            draw(st.booleans()),
        )
        for number in range(draw(st.integers(1, 6)))
    ]
    copies = []
    for number, (source, kind) in enumerate(
        draw(
            st.lists(
                st.tuples(
                    st.integers(0, len(originals) - 1),
                    st.sampled_from(("copy", "near_copy", "version")),
                ),
                max_size=3,
            )
        )
    ):
        original = originals[source]
        if kind == "copy":
            published = draw(st.sampled_from(PUBLISHED))
            copies.append(
                replace(original, origin=f"https://mirror.example/{number}", published=published)
            )
        elif kind == "near_copy":
            copies.append(replace(original, origin=f"https://other.example/{number}", tail="Fin."))
        else:
            copies.append(replace(original, tail=f"Mise à jour {number}."))
    return originals + copies


# --- a store with the per-document results -------------------------------------------------------


Decision = tuple[str, int, int, str, str]


@contextmanager
def dossier(docs: Sequence[Doc], curation: Sequence[Decision] = ()) -> Iterator[SqliteStore]:
    """A store holding ``docs`` in this order with their per-document results and ``curation``'s
    decisions, rebuilt once."""
    anchors: list[tuple[str, str]] = []  # (document:start:end, the words) of every mention
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "d.db")) as store:
        for doc in docs:
            raw = RawDocument(
                doc.origin, doc.text.encode(), Kind.CLEAN, "2025-12-01T00:00:00+00:00"
            )
            article = Article(
                doc.origin,
                doc.text,
                doc.language,
                doc.analysed,
                doc.title,
                "example",
                None,
                doc.published,
                DateSource.METADATA if doc.published else None,
                0,
                raw,
            )
            (outcome,) = store.write([article])
            if outcome.status is Status.UNCHANGED or not doc.analysed:
                continue
            assert outcome.document_id is not None
            identifier = outcome.document_id
            entities = replace(doc.entities, document=identifier)
            store.save_analyses(ENTITY_STAGE, [(identifier, dump(entities))])
            events = replace(doc.events, document=identifier)
            store.save_analyses(EVENT_STAGE, [(identifier, dump_events(events, []))])
            store.save_analyses(QUOTE_STAGE, [(identifier, {"quotes": doc.quotes})])
            anchors += [(f"{identifier}:{m.start}:{m.end}", m.text) for m in entities.mentions]
        anchors.sort()  # the same mentions whatever the order of the documents
        for action, target, other, name, kind in curation if anchors else ():
            payload = {
                "merge": {"other": anchors[other % len(anchors)][0]},
                "split": {"alias": anchors[other % len(anchors)][1]},
                "rename": {"name": name},
                "reject": {},
                "retype": {"type": kind},
            }[action]
            store.add_decision(
                actor="test",
                action=action,
                target=anchors[target % len(anchors)][0],
                payload=payload,
            )
        rebuild(store)
        yield store


def comparable(dossier: dict[str, Any]) -> dict[str, Any]:
    """The export without the time it was written."""
    return {
        **{k: v for k, v in dossier.items() if k != "generated_at"},
        "errors": [{k: v for k, v in e.items() if k != "at"} for e in dossier["errors"]],
    }


def assert_sound(exported: dict[str, Any], schema: dict[str, Any]) -> None:
    failed = [e for e in exported["errors"] if e["code"] == str(Code.CORPUS_STEP_FAILED)]
    assert not failed, failed
    validate_dossier(exported, schema)
    for table in ("documents", "entities", "events", "quotes", "discrepancies", "stories"):
        ids = [row["id"] for row in exported[table]]
        assert len(ids) == len(set(ids)), (table, [i for i, n in Counter(ids).items() if n > 1])
    analysed = {d["id"] for d in exported["documents"] if d["analysed"]}
    in_stories = [doc for story in exported["stories"] for doc in story["documents"]]
    assert sorted(in_stories) == sorted(analysed)  # every analysed document in exactly one


def partition(
    exported: dict[str, Any],
) -> tuple[set[tuple[str, frozenset[str]]], set[frozenset[str]]]:
    """Stories (id and documents) and copy groups (an original with its copies)."""
    stories = {(s["id"], frozenset(s["documents"])) for s in exported["stories"]}
    groups: dict[str, set[str]] = defaultdict(set)
    for doc in exported["documents"]:
        if doc["duplicate_of"]:
            groups[doc["duplicate_of"]] |= {doc["id"], doc["duplicate_of"]}
    return stories, {frozenset(g) for g in groups.values()}


def entities(exported: dict[str, Any]) -> set[tuple[str, frozenset[tuple[str, int, int]]]]:
    return {
        (e["id"], frozenset((m["document"], m["start"], m["end"]) for m in e["mentions"]))
        for e in exported["entities"]
    }


# --- properties ---------------------------------------------------------------------------------

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(found=drafts(), curation=decisions, rng=st.randoms(use_true_random=False))
def test_rebuild_never_fails_ids_unique_idempotent_order_free(
    found: list[Draft], curation: list[Decision], rng: Any, dossier_schema: dict[str, Any]
) -> None:
    docs = [realise(draft) for draft in found]
    with dossier(docs, curation) as store:
        first = build_dossier(store)
        assert_sound(first, dossier_schema)
        rebuild(store)
        assert comparable(build_dossier(store)) == comparable(first)
    shuffled = list(docs)
    rng.shuffle(shuffled)
    # a new version must stay after the version it replaces: shuffle within one origin's order
    by_origin: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        by_origin[doc.origin].append(doc)
    seen: Counter[str] = Counter()
    reordered = []
    for doc in shuffled:
        reordered.append(by_origin[doc.origin][seen[doc.origin]])
        seen[doc.origin] += 1
    with dossier(reordered, curation) as store:
        other = build_dossier(store)
        assert_sound(other, dossier_schema)
    if entities(other) == entities(first):
        # Stories and copies are order-free for the same entities. Entity resolution itself
        # depends on the order (not claimed otherwise): a chain that can join either of two
        # chains of one document joins the one met first.
        assert partition(other) == partition(first)


@FAST
@given(found=drafts(), rng=st.randoms(use_true_random=False))
def test_stories_and_copies_are_order_free(found: list[Draft], rng: Any) -> None:
    docs = [realise(draft) for draft in found]
    story_docs = [
        StoryDoc(
            f"d{number}",
            doc.language,
            doc.title,
            doc.text,
            doc.published,
            frozenset(name_key(m.text) for m in doc.entities.mentions),
        )
        for number, doc in enumerate(docs)
    ]
    dup_docs = [
        DupDoc(f"d{number}", doc.text, doc.language, doc.published, number,
               frozenset(name_key(m.text) for m in doc.entities.mentions))
        for number, doc in enumerate(docs)
    ]  # fmt: skip
    stories = cluster_stories(story_docs)
    assert sorted(d for s in stories for d in s.documents) == sorted(d.id for d in story_docs)
    copies = find_copies(dup_docs)
    shuffled_stories, shuffled_dups = list(story_docs), list(dup_docs)
    rng.shuffle(shuffled_stories)
    rng.shuffle(shuffled_dups)
    assert cluster_stories(shuffled_stories) == stories
    assert find_copies(shuffled_dups) == copies
