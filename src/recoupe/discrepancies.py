"""Stage ``recoupe.discrepancies.v1``: where sources, or one source, disagree about one thing.

- ``name_variant``: one person's surname spelled two ways (the entity layer merged them), or its
  given name one letter apart ("Georges W. Bush" / "George W. Bush"), or an organisation's or
  a place's name; and names written two ways that the entity layer kept apart, for a reader to
  decide (:mod:`recoupe.spellings`);
- ``first_name_conflict``: two given names with one surname for what the context says is one
  person — both named as the one a happening of the same kind befell (or the same relation, or the
  same role), never side by side in one sentence — whether or not the entity layer merged them;
- ``date_conflict``: an announcement done on another date than announced, or one happening
  (same kind, same actor) dated differently by different documents, days apart;
- ``number_conflict``: two ages for one person; the same claim told with other figures
  (:mod:`recoupe.figures`).

Each side carries its evidence; a summary sentence says what disagrees.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from itertools import combinations

from rapidfuzz.distance import OSA

from recoupe import figures, ids, spellings
from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import name_key, split_person
from recoupe.entities.resolve import ResolvedEntity
from recoupe.events.lexicon import classes, happenings
from recoupe.events.timeline import TimelineEvent
from recoupe.store.records import DiscrepancyRecord, DiscrepancyValue, Span
from recoupe.time.dates import bounds, overlap

STAGE = "recoupe.discrepancies.v1"
_NEAR_DAYS = 10
_MIN_GIVEN = 4  # letters of a given name compared for a misspelling ("Jon" / "Jan": two)
_MAX_GIVEN_NAMES = 6  # given names of one surname beyond which it is a common name, not a family
_BEFORE_NAME = 45
_AGE_AFTER = re.compile(
    r"\s*,\s*(?:âgée?\s+de\s+|aged\s+)?(\d{1,3})(?:\s*ans\b|\s*,|\s*years? old)"
)
_AGE_BEFORE = re.compile(r"(\d{1,3})[- ]year[- ]old\s+$")

Mentions = list[tuple[str, int]]


def find_discrepancies(
    entities: Sequence[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
    timeline: Sequence[TimelineEvent],
    *,
    reviewed: set[str],
) -> list[DiscrepancyRecord]:
    people = [e for e in entities if e.type is EntityType.PERSON and not e.rejected]
    people_named = _name_variants(people, docs, texts)
    spelled = {item.subject for item in people_named}
    others = [e for e in entities if not e.rejected and e.id not in spelled]
    merged = [*people_named, *_spelling_variants(others, docs, texts)]  # variants merged
    found = [
        *merged,
        *_written_two_ways(entities, docs, texts, merged),
        *_first_names(people, docs, texts),
        *_dates(timeline, texts),
        *_ages(people, docs, texts),
        *_figures(entities, docs, texts),
    ]
    found = ids.unique(  # the same discrepancy found twice (two pairs of one surname) is one
        found,
        id_of=lambda d: d.id,
        content_key=lambda d: (d.kind, d.subject, tuple(sorted(v.value for v in d.values))),
        with_id=lambda d, new: replace(d, id=new),
    )
    return [_mark(item, reviewed) for item in found]


def _mark(item: DiscrepancyRecord, reviewed: set[str]) -> DiscrepancyRecord:
    if item.id not in reviewed:
        return item
    return DiscrepancyRecord(item.id, item.kind, item.subject, item.summary, item.values, True)


def _named(entity: ResolvedEntity) -> str:
    """What a discrepancy's id says of its entity: its type and name, not its id, so that a
    review mark survives what changes an entity's id (its first document edited or removed)."""
    return f"{entity.type}|{name_key(entity.name)}"


def discrepancy_id(kind: str, subject: str | None, values: Iterable[str]) -> str:
    key = f"{kind}|{subject}|{'|'.join(sorted(values))}"
    return "d" + ids.short_hash(key)


def _span(docs: Mapping[str, DocumentEntities], mention: tuple[str, int]) -> Span:
    document, index = mention
    found = docs[document].mentions[index]
    return Span(document, found.start, found.end)


def _sources(spans: Iterable[Span]) -> int:
    return len({s.document for s in spans})


# -- names ---------------------------------------------------------------------------------------


def _name_variants(
    people: Sequence[ResolvedEntity], docs: Mapping[str, DocumentEntities], texts: Mapping[str, str]
) -> list[DiscrepancyRecord]:
    """One person's surname spelled two ways (the entity layer joined them as a misspelling),
    or its given name one letter apart ("Georges W. Bush" / "George W. Bush")."""
    found = []
    for person in people:
        misspelled = any(merge.rule == "spelling_variant" for merge in person.merges)
        for part, of in (("surname", _surname), ("given name", _given_name)):
            if part == "surname" and not misspelled:
                continue
            item = _part_variant(person, part, of, docs, texts)
            if item is not None:
                found.append(item)
    return found


def _surname(surface: str) -> str:
    return surface.split()[-1]


def _given_name(surface: str) -> str:
    words = surface.split()
    return words[0] if len(words) >= 2 and split_person(surface)[0] else ""


def _part_variant(
    person: ResolvedEntity,
    part: str,
    of: Callable[[str], str],
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
) -> DiscrepancyRecord | None:
    by_key: dict[str, list[Span]] = defaultdict(list)
    spelled: dict[str, str] = {}
    written: dict[str, str] = {}  # the fullest form of each spelling, as written
    for mention in person.mentions:
        span = _span(docs, mention)
        surface = texts[span.document][span.start : span.end]
        word = of(surface)
        if not word:
            continue
        key = name_key(word)
        spelled.setdefault(key, word)
        by_key[key].append(span)
        if len(surface) > len(written.get(key, "")):
            written[key] = " ".join(surface.split())
    if len(by_key) < 2:
        return None
    if part == "given name" and not (len(by_key) == 2 and _one_letter_apart(*by_key)):
        return None  # "Sam" / "Samuel", or three given names: not one name misspelled
    keys = sorted(by_key)
    values = [DiscrepancyValue(spelled[k], tuple(by_key[k])) for k in keys]
    sides = " and ".join(
        f"{v.value!r} ({_sources(v.evidence)} source(s)"
        + (f", as {written[k]!r})" if written[k] != v.value else ")")
        for k, v in zip(keys, values, strict=True)
    )
    the = "name" if part == "surname" else "given name"
    return DiscrepancyRecord(
        discrepancy_id("name_variant", _named(person), spelled.values()),
        "name_variant",
        person.id,
        f"The {the} of {person.name} is spelled {sides}.",
        tuple(values),
    )


def _one_letter_apart(a: str, b: str) -> bool:
    """Two spellings one letter doubled, dropped, swapped or changed apart, same first letter."""
    return a[:1] == b[:1] and min(len(a), len(b)) >= _MIN_GIVEN and OSA.distance(a, b) == 1


def _spelling_variants(
    entities: Sequence[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
) -> list[DiscrepancyRecord]:
    """Entities joined across a misspelling ("CGTU" / "CTGU"): both spellings, with where each
    is written."""
    found = []
    for entity in entities:
        forms = {
            name_key(form): form
            for merge in entity.merges
            if merge.rule == "spelling_variant"
            for form in merge.forms
        }
        person = entity.type is EntityType.PERSON
        if len(forms) < 2 or all(
            spellings.inflected(one, other, person=person)
            for one, other in combinations(sorted(forms.values()), 2)
        ):
            continue  # "Français" / "Française": one word inflected, not misspelled
        spans: dict[str, list[Span]] = defaultdict(list)
        for mention in entity.mentions:
            span = _span(docs, mention)
            key = name_key(texts[span.document][span.start : span.end])
            if key in forms:
                spans[key].append(span)
        values = [DiscrepancyValue(forms[k], tuple(spans[k])) for k in sorted(forms) if spans[k]]
        if len(values) < 2:
            continue
        sides = " and ".join(f"{v.value!r} ({_sources(v.evidence)} source(s))" for v in values)
        found.append(
            DiscrepancyRecord(
                discrepancy_id("name_variant", _named(entity), [v.value for v in values]),
                "name_variant",
                entity.id,
                f"The name of {entity.name} is spelled {sides}.",
                tuple(values),
            )
        )
    return found


def _written_two_ways(
    entities: Sequence[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
    known: Sequence[DiscrepancyRecord],
) -> list[DiscrepancyRecord]:
    """Names spelled two ways that the entity layer kept apart (see :mod:`recoupe.spellings`),
    unless a variant already found shows both spellings."""
    live = [e for e in entities if not e.rejected]
    by_id = {e.id: e for e in live}
    mentions = []
    for entity in live:
        for mention in entity.mentions:
            span = _span(docs, mention)
            text = texts[span.document][span.start : span.end]
            mentions.append((entity.id, entity.type, span.document, span.start, span.end, text))
    shown = [{name_key(v.value) for v in item.values} for item in known]
    found = []
    for a, b in spellings.variants(spellings.forms_of(mentions), texts):
        if any(_shows(values, a.text, b.text) for values in shown):
            continue
        main = max((a, b), key=lambda f: (len(by_id[f.entity].mentions), f.entity))
        values = tuple(
            DiscrepancyValue(f.text, tuple(Span(d, s, e) for d, s, e in f.spans))
            for f in sorted((a, b), key=lambda f: f.text)
        )
        sides = " and ".join(f"{v.value!r} ({_sources(v.evidence)} source(s))" for v in values)
        found.append(
            DiscrepancyRecord(
                discrepancy_id("name_variant", _named(by_id[main.entity]), [a.text, b.text]),
                "name_variant",
                main.entity,
                f"One name written two ways? {sides}.",
                values,
            )
        )
    return found


def _shows(values: set[str], one: str, other: str) -> bool:
    """Whether a variant found already shows these two spellings: as written, or the words in
    which they differ ("Morel" / "Morrel" for "Julien Morel" / "Julien Morrel")."""
    a, b = name_key(one), name_key(other)
    words_a, words_b = a.split(), b.split()
    only_a = " ".join(w for w in words_a if w not in words_b)
    only_b = " ".join(w for w in words_b if w not in words_a)
    return {a, b} <= values or {only_a, only_b} <= values


def _first_names(
    people: Sequence[ResolvedEntity], docs: Mapping[str, DocumentEntities], texts: Mapping[str, str]
) -> list[DiscrepancyRecord]:
    """Same surname, other given names, same context: one person named two ways?"""
    forms: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for person in people:
        for mention in person.mentions:
            span = _span(docs, mention)
            given, surname = split_person(texts[span.document][span.start : span.end])
            if given:
                forms[surname][given].append(mention)
    found = []
    for surname, by_given in forms.items():
        names = sorted(by_given)
        if len(names) > _MAX_GIVEN_NAMES:
            continue  # a surname many people share ("Martin"): not one person named two ways
        for position, first in enumerate(names):
            for second in names[position + 1 :]:
                item = _conflict(surname, by_given[first], by_given[second], docs, texts)
                if item is not None:
                    found.append(item)
    return found


def _conflict(
    surname: str,
    first: Mentions,
    second: Mentions,
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
) -> DiscrepancyRecord | None:
    shared = _befell(first, docs, texts) & _befell(second, docs, texts)
    if not shared or _side_by_side(first, second, docs, texts):
        return None
    values = [
        DiscrepancyValue(texts[s.document][s.start : s.end], tuple(_spans(m, docs)))
        for m in (first, second)
        for s in [_span(docs, m[0])]
    ]
    kinds = ", ".join(sorted(shared))
    summary = (
        f"{values[0].value!r} and {values[1].value!r}: two given names for the person "
        f"the {kinds} is about (same surname, never named together)."
    )
    return DiscrepancyRecord(
        discrepancy_id("first_name_conflict", surname, [v.value for v in values]),
        "first_name_conflict",
        None,
        summary,
        tuple(values),
    )


def _spans(mentions: Mentions, docs: Mapping[str, DocumentEntities]) -> list[Span]:
    return [_span(docs, m) for m in mentions]


def _befell(
    mentions: Mentions, docs: Mapping[str, DocumentEntities], texts: Mapping[str, str]
) -> set[str]:
    """Kinds of happening named right before the name: "l'assassinat de X", "the killing of X"."""
    kinds: set[str] = set()
    for mention in mentions:
        span = _span(docs, mention)
        text = texts[span.document]
        kinds.update(classes(text[max(0, span.start - _BEFORE_NAME) : span.start]))
    return happenings(kinds)


def _side_by_side(
    first: Mentions,
    second: Mentions,
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
) -> bool:
    """Whether the two names stand in one sentence (then they are two people)."""
    for a in first:
        for b in second:
            if a[0] != b[0]:
                continue
            sa, sb = _span(docs, a), _span(docs, b)
            low, high = min(sa.start, sb.start), max(sa.end, sb.end)
            if not re.search(r"[.!?]\s", texts[a[0]][low:high]):
                return True
    return False


# -- dates ---------------------------------------------------------------------------------------


def _dates(timeline: Sequence[TimelineEvent], texts: Mapping[str, str]) -> list[DiscrepancyRecord]:
    found = []
    by_id = {event.id: event for event in timeline}
    for event in timeline:
        follow = event.follow_up
        if follow is not None and follow.outcome == "done_other_date" and follow.event in by_id:
            done = by_id[follow.event]
            found.append(
                _date_record(
                    event,
                    done,
                    f"Announced for {event.date}, reported done on {done.date}.",
                )
            )
    happened = [e for e in timeline if e.status == "happened"]
    for position, a in enumerate(happened):
        for b in happened[position + 1 :]:
            if _same_happening_other_day(a, b):
                found.append(_date_record(a, b, f"One happening dated {a.date} and {b.date}."))
    return found


def _same_happening_other_day(a: TimelineEvent, b: TimelineEvent) -> bool:
    if overlap(a.date, b.date) or not (a.precision == b.precision == "day"):
        return False
    first_a, first_b = bounds(a.date)[0] or "", bounds(b.date)[0] or ""
    apart = abs((date.fromisoformat(first_a) - date.fromisoformat(first_b)).days)
    actors_a = set().union(*(s.actors for s in a.statements))
    actors_b = set().union(*(s.actors for s in b.statements))
    kinds_a = happenings(c for s in a.statements for c in s.fact.classes)
    kinds_b = happenings(c for s in b.statements for c in s.fact.classes)
    documents = {s.document for s in a.statements} != {s.document for s in b.statements}
    return (
        apart <= _NEAR_DAYS and bool(actors_a & actors_b) and bool(kinds_a & kinds_b) and documents
    )


def _date_record(a: TimelineEvent, b: TimelineEvent, summary: str) -> DiscrepancyRecord:
    values = (
        DiscrepancyValue(a.date, tuple(a.evidence)),
        DiscrepancyValue(b.date, tuple(b.evidence)),
    )
    return DiscrepancyRecord(
        discrepancy_id("date_conflict", a.id, [a.date, b.date]),
        "date_conflict",
        a.id,
        summary,
        values,
    )


# -- numbers -------------------------------------------------------------------------------------


def _ages(
    people: Sequence[ResolvedEntity], docs: Mapping[str, DocumentEntities], texts: Mapping[str, str]
) -> list[DiscrepancyRecord]:
    found = []
    for person in people:
        ages: dict[str, list[Span]] = defaultdict(list)
        for mention in person.mentions:
            span = _span(docs, mention)
            text = texts[span.document]
            after = _AGE_AFTER.match(text, span.end)
            before = _AGE_BEFORE.search(text[max(0, span.start - 20) : span.start])
            if after:
                ages[after.group(1)].append(Span(span.document, after.start(1), after.end(1)))
            elif before:
                offset = max(0, span.start - 20)
                ages[before.group(1)].append(
                    Span(span.document, offset + before.start(1), offset + before.end(1))
                )
        if len(ages) >= 2:
            values = tuple(
                DiscrepancyValue(age, tuple(spans)) for age, spans in sorted(ages.items())
            )
            summary = (
                f"{person.name} is said to be {' and '.join(v.value for v in values)} years old."
            )
            found.append(
                DiscrepancyRecord(
                    discrepancy_id("number_conflict", _named(person), ages),
                    "number_conflict",
                    person.id,
                    summary,
                    values,
                )
            )
    return found


# -- figures -------------------------------------------------------------------------------------


def _figures(
    entities: Sequence[ResolvedEntity],
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
) -> list[DiscrepancyRecord]:
    """The same claim with other figures in other documents (see :mod:`recoupe.figures`)."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    names = {e.id: e.name for e in entities if not e.rejected}
    by_id = {e.id: _named(e) for e in entities}
    for entity in entities:
        if entity.rejected or entity.type is EntityType.LOC:
            continue  # a place is around too many claims to tie two of them together
        for mention in entity.mentions:
            span = _span(docs, mention)
            spans[span.document].append((span.start, span.end, entity.id))
    found = [
        statement
        for document, text in texts.items()
        if document in spans
        for statement in figures.statements(document, text, spans[document])
    ]
    pairs = figures.claims(found)
    records = []
    for members in _claim_groups(pairs):
        if all(pairs[index][1].value == pairs[index][2].value for index in members):
            continue  # sources that agree
        subject = next(pairs[i][0] for i in members if pairs[i][1].value != pairs[i][2].value)
        by_value: dict[float, dict[tuple[str, int], figures.Figure]] = defaultdict(dict)
        for index in members:
            for figure in pairs[index][1:]:
                by_value[figure.value][(figure.document, figure.start)] = figure
        values = tuple(
            DiscrepancyValue(
                next(iter(found.values())).text,
                tuple(Span(f.document, f.start, f.end) for _, f in sorted(found.items())),
            )
            for _, found in sorted(by_value.items())
        )
        sides = " and ".join(
            " / ".join(repr(t) for t in sorted({f.text for f in found.values()}))
            + f" ({_sources(v.evidence)} source(s))"
            for v, (_, found) in zip(values, sorted(by_value.items()), strict=True)
        )
        records.append(
            DiscrepancyRecord(
                discrepancy_id("number_conflict", by_id[subject], [v.value for v in values]),
                "number_conflict",
                subject,
                f"Figures disagree on one claim about {names.get(subject, subject)}: {sides}.",
                values,
            )
        )
    return records


def _claim_groups(pairs: Sequence[tuple[str, figures.Figure, figures.Figure]]) -> list[list[int]]:
    """The pairs grouped into claims, strongest pairs first: two groups join when at least half
    of the figure pairs across them answer each other, so that a chain of likenesses ("6,5
    answers 6,85, which answers 3, which answers 10,5") does not make one claim of four figures.
    A lone figure answering one figure of a group joins its claim as a dissent: three sources
    agreeing among themselves do not hide the fourth that disagrees with one of them."""
    linked = {frozenset((_at(a), _at(b))) for _, a, b in pairs}
    group_of: dict[tuple[str, int], int] = {}
    figures_of: dict[int, set[tuple[str, int]]] = {}

    def strength(index: int) -> tuple[int, tuple[str, int], tuple[str, int]]:
        _, one, other = pairs[index]
        return (-len(one.near & other.near), _at(one), _at(other))  # ties: in text order

    order = sorted(range(len(pairs)), key=strength)
    for index in order:
        _, one, other = pairs[index]
        for figure in (_at(one), _at(other)):
            if figure not in group_of:
                group_of[figure] = len(group_of)
                figures_of[group_of[figure]] = {figure}
        ga, gb = group_of[_at(one)], group_of[_at(other)]
        if ga == gb:
            continue
        across = [(x, y) for x in figures_of[ga] for y in figures_of[gb]]
        if 2 * sum(frozenset(p) in linked for p in across) >= len(across):
            for figure in figures_of.pop(gb):
                group_of[figure] = ga
                figures_of[ga].add(figure)
    members: dict[int, list[int]] = defaultdict(list)
    for index, (_, one, other) in enumerate(pairs):
        ga, gb = group_of[_at(one)], group_of[_at(other)]
        if ga == gb:
            members[ga].append(index)
        elif one.value != other.value and min(len(figures_of[ga]), len(figures_of[gb])) == 1:
            # a lone figure answering one of a claim's figures: a dissent from that claim
            members[ga if len(figures_of[ga]) > 1 else gb].append(index)
    return [members[g] for g in sorted(members)]


def _at(figure: figures.Figure) -> tuple[str, int]:
    return (figure.document, figure.start)
