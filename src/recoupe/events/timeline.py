"""One timeline across documents: the same event told by several documents, in two languages, is
one entry with all its evidence; announcements are followed up.

Two statements are the same event when their dates can be the same day(s) (the coarser one at
most a month), they name the same actor (a person or organisation) or two same entities, and they
name the same kind of happening (meeting, visit, launch, ...). Blocked by month: never all pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from recoupe import ids
from recoupe.entities.names import fold
from recoupe.entities.unionfind import UnionFind
from recoupe.events.lexicon import happenings
from recoupe.events.model import DocumentEvents, EventFact
from recoupe.store.records import Span
from recoupe.time.dates import bounds, days, overlap

_MAX_COARSE_DAYS = 31
_COPIED_WORDS = 8  # words a sentence needs to be taken as the same sentence in two documents
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Statement:
    """One event fact with what the timeline needs to know of its document."""

    document: str
    fact: EventFact
    entities: frozenset[str]
    actors: frozenset[str]  # persons, organisations and other non-places among the entities
    order: tuple[str, int]  # (publication date or "9999", ingestion position): earliest first
    said: str = ""  # the sentence's words, folded: the same sentence in copies of one dispatch


@dataclass(slots=True)
class FollowUp:
    outcome: str  # done_as_announced | done_other_date | cancelled | no_news
    event: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEvent:
    id: str
    date: str
    precision: str
    status: str
    date_text: str
    text: str
    entities: list[str]
    evidence: list[Span]
    statements: list[Statement]
    sources: int
    follow_up: FollowUp | None = None


def statements(
    docs: Sequence[DocumentEvents],
    owners: Mapping[tuple[str, int], str],
    places: set[str],
    order: Mapping[str, tuple[str, int]],
    texts: Mapping[str, str] | None = None,
) -> list[Statement]:
    """Every event fact, with its entities (``owners``: (document, mention) → entity id) and,
    given the ``texts``, its sentence's words."""
    found = []
    for doc in docs:
        text = (texts or {}).get(doc.document, "")
        for fact in doc.events:
            ids = frozenset(
                owners[(doc.document, m)] for m in fact.mentions if (doc.document, m) in owners
            )
            said = " ".join(_WORDS.findall(fold(text[fact.start : fact.end])))
            found.append(
                Statement(doc.document, fact, ids, ids - places, order[doc.document], said)
            )
    return sorted(found, key=lambda s: (s.order, s.fact.start, s.fact.date_start))


def same_event(a: Statement, b: Statement) -> bool:
    if not overlap(a.fact.date, b.fact.date):
        return False
    widest = max(days(a.fact.date) or 10_000, days(b.fact.date) or 10_000)
    if widest > _MAX_COARSE_DAYS and a.fact.date != b.fact.date:
        return False
    shared = a.entities & b.entities
    if not (a.actors & b.actors or len(shared) >= 2):
        return False
    return bool(set(a.fact.classes) & set(b.fact.classes))


def build_timeline(found: Sequence[Statement], copies: Mapping[str, str]) -> list[TimelineEvent]:
    """Merge statements into events; ``copies`` maps a document to the one it copies."""
    sets = UnionFind(len(found))
    blocks: dict[str, list[int]] = defaultdict(list)
    sentences: dict[tuple[str, int, int, str], int] = {}
    copied: dict[tuple[str, str, str], int] = {}
    for index, statement in enumerate(found):
        # one sentence of one document dating one thing twice is one timeline entry
        said = (statement.document, statement.fact.start, statement.fact.end, statement.fact.date)
        sets.union(sentences.setdefault(said, index), index)
        # and so is one sentence of a dispatch in its copies, whoever it names
        if len(statement.said.split()) >= _COPIED_WORDS:
            dispatch = copies.get(statement.document, statement.document)
            said_in = (statement.said, statement.fact.date, dispatch)
            sets.union(copied.setdefault(said_in, index), index)
        first = bounds(statement.fact.date)[0] or ""
        blocks[first[:7]].append(index)
    for members in blocks.values():
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if same_event(found[a], found[b]):
                    sets.union(a, b)
    events = ids.unique(
        [_event([found[i] for i in group], copies) for group in sets.groups()],
        id_of=lambda e: e.id,
        content_key=lambda e: tuple(e.evidence),
        with_id=lambda e, new: replace(e, id=new),
    )
    _follow_up(events)
    return sorted(events, key=lambda e: (bounds(e.date)[0] or "", e.id))


def _event(group: list[Statement], copies: Mapping[str, str]) -> TimelineEvent:
    first = group[0]
    latest = max(group, key=lambda s: s.order)
    sharpest = min(group, key=lambda s: days(s.fact.date) or 10_000)
    key = f"{first.document}:{first.fact.start}:{first.fact.date}"
    return TimelineEvent(
        id="v" + ids.short_hash(key),
        date=sharpest.fact.date,
        precision=sharpest.fact.precision,
        status=latest.fact.status,
        date_text="",  # filled by the caller, which has the texts
        text="",
        entities=sorted(set().union(*(s.entities for s in group))),
        evidence=[Span(s.document, s.fact.start, s.fact.end) for s in group],
        statements=group,
        sources=len({copies.get(s.document, s.document) for s in group}),
    )


def _follow_up(events: list[TimelineEvent]) -> None:
    """For every announced event, what later documents show."""
    for event in events:
        planned = [s for s in event.statements if s.fact.status == "planned"]
        if not planned:
            continue
        announced = min(s.order for s in planned)
        later = [s for s in event.statements if s.order > announced or s.fact.status != "planned"]
        cancelled = [s for s in later if s.fact.cancelled]
        done = [s for s in later if s.fact.status == "happened"]
        if cancelled:
            event.follow_up = FollowUp("cancelled", event.id, _spans(cancelled))
        elif done:
            event.follow_up = FollowUp("done_as_announced", event.id, _spans(done))
        else:
            event.follow_up = _elsewhere(event, events, announced) or FollowUp("no_news")


def _elsewhere(
    event: TimelineEvent, events: list[TimelineEvent], announced: tuple[str, int]
) -> FollowUp | None:
    """A report of the announced happening on another date: same actors, same kind of
    happening (both telling something — "announced" — is not one)."""
    mine = event.statements[0]
    for other in events:
        if other is event:
            continue
        for statement in other.statements:
            if (
                statement.fact.status == "happened"
                and statement.order > announced
                and (bounds(statement.fact.date)[0] or "") >= announced[0].replace("9999", "")
                and mine.actors & statement.actors
                and happenings(mine.fact.classes) & happenings(statement.fact.classes)
                and not overlap(mine.fact.date, statement.fact.date)
            ):
                return FollowUp("done_other_date", other.id, _spans([statement]))
    return None


def _spans(found: Sequence[Statement]) -> list[Span]:
    return [Span(s.document, s.fact.start, s.fact.end) for s in found]
