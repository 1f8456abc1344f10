"""Event dating and ordering: recoupe's timeline against the document-date baseline.

Run from the repository root::

    python -m eval.timeline [--fast] [--ratchet]

Data: SemEval-2015 Task 4 "TimeLine: Cross-Document Event Ordering"
(``semeval2015-task4-timeline``): English Wikinews corpora of 30 documents each — the trial
corpus (Apple) and ``SemEval_Task4_data/corpus_N`` (corpus 1: Airbus) — with, per target entity,
a gold timeline: one line per event, ``<position>\\t<anchor date>\\t<mention>[\\t<mention>…]``,
a mention being ``<document id>-<sentence>-<word>`` (coreferent mentions of one event on one
line), the file's first line naming the entity. Documents are CAT XML (tokens numbered by
sentence, the creation time as the ``CREATION_TIME`` TIMEX3); the raw documents (track A) give the
text and the DCT, the event-annotated ones (track B; the trial's ``…_events_timelines``) only tell
which token of a sentence is the event word when the word occurs twice.

recoupe, end to end, all documents of a corpus together (as a dossier): each text is rebuilt from
its tokens (a space between the tokens of a sentence, a new line between sentences, each token's
offsets kept), then ``analyse_documents``; per document ``find_timexes`` (``published`` = its DCT
as YYYY-MM-DD) and ``find_events``; ``resolve_entities``; ``statements`` / ``build_timeline`` as
``recoupe.events.stage.timeline`` does (owners from the entities not rejected, places = LOC
entities, order = (DCT, position), no copies). The target entities are not given to recoupe.

Matching a gold event to recoupe's timeline:

* A mention is located at its word's token in its sentence: the token of that text (a word joined
  by ``_``, "court_case", "taking_out": its first part), preferring a token annotated as an event
  in track B, then the first; without such a token, the whole sentence. A mention whose document
  or sentence is not in the corpus (typos in the gold: ``629292-7-travelling8``) is not located;
  an event without any located mention is left out of every figure (counted as ``unlocated``).
  A field that is no mention (a date, ``2007-03-19``, in a mention column) counts as malformed.
* recoupe dates a mention when a timeline entry has a statement whose evidence span (the sentence
  recoupe read the date in: document, start, end) overlaps the mention's span — for a token, the
  sentence holding it (recoupe's sentences never cross the rebuilt lines). Several entries can
  date one sentence (two dates in it): the one whose date expression is nearest the token wins,
  then the earliest entry. recoupe's date is the entry's date (the sharpest of its statements,
  as the timeline shows it).
* An event's date is that of its first mention (in the gold line's order) the system dates.

Figures, per timeline, summed over all timelines (micro):

* ``coverage``: the share of gold events recoupe dates.
* ``date_accuracy`` (strict): over the events recoupe dates whose gold anchor is a date, the share
  whose recoupe date is the gold anchor (same first and last day); ``date_accuracy_lenient``: or
  contains it (a coarser recoupe date: "2008" for 2008-06-09). Gold anchors ``YYYY-MM-DD``,
  ``YYYY-MM``, ``YYYY``, ``YYYY-MM-XX`` (a month), ``YYYY-XX-XX`` (a year); ``XXXX-XX-XX`` (and
  the typo ``XXX-XX-XX``) is undated: left out of this figure. ``date_recall``: strict hits over
  all events with a gold date (reported).
* ``order_accuracy_covered``: over the pairs of events of one timeline that recoupe both dates and
  whose gold positions differ, the share recoupe orders the same way; recoupe dates are compared
  as spans of days: one before the other when it ends before the other starts, a tie (half a
  point) when they meet ("2008" and 2008-06-09, or the same day).
* ``order_accuracy`` (the end-to-end figure): the same over ALL such gold pairs, an event recoupe
  does not date counting as a tie (dating nothing scores 0.5). Pairs are summed over timelines,
  so the long ``steve_jobs`` timeline (113 events) holds most of the trial corpus's pairs;
  ``order_accuracy_macro``, the mean over timelines, is reported beside it.

Gold position 0 holds the events the annotators could not anchor (all ``XXXX-XX-XX``): the data
places them first by convention, which is no claim that they came first, so they take part in no
pair. Events with an undated anchor at a later position (13: ordered by the annotators, not
anchored) do take part in pairs.

Baseline (``dct``): every event dated by its document's creation time (the document of its first
located mention), scored the same way over all events (it dates every event: coverage 1), and
for comparison over the events recoupe dates (``date_accuracy_on_covered``,
``order_accuracy_on_covered``). Margins: ``order_accuracy_vs_dct`` (end to end, both over all
pairs) and ``date_accuracy_vs_dct`` (recoupe's strict date accuracy minus the baseline's on the
same events), reported as figures only once positive (or once floored).

The corpora are split into a tune and a check part (``eval/split.py``: the trial corpus, Apple,
tune; corpus 1, Airbus, check), each part's figures summed over its corpora. The results go to
``eval/out/timeline.json`` (per corpus, per part, per timeline, and the gold events recoupe misses
or misdates: look at those of the tune part only); recoupe's figures on the check part are checked
against ``eval/floors.json`` as ``timeline.semeval.*.check`` (``--fast``: every 2nd timeline of
each corpus, all documents still run together; keys ending in ``.check.fast``). Exit status 1
when a figure is below its floor or recoupe crashed, 0 otherwise, also when the data folder is
absent.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from time import perf_counter
from typing import Any

from eval import split
from eval.common import (
    WITHHELD,
    check_figures,
    check_floors,
    data_dir,
    exit_status,
    fast_subset,
    figures_by_part,
    floors_json,
    format_floor_checks,
    format_parts_table,
    format_table,
    harness_arguments,
    join_sentences,
    load_floors,
    package_versions,
    progress,
    ratchet_floors,
    skip_message,
    write_result,
)
from recoupe.time.dates import bounds

DATA_DIR = "semeval2015-task4-timeline"
SET_NAME = "semeval"
FAST_STEP = 2
WARM_UP_TEXT = "Acme Corporation said on Monday that Jane Doe will visit Paris in March."
FLOORED = ("order_accuracy", "coverage", "date_accuracy")
_MENTION = re.compile(r"(\d+)-(\d+)-(\S+)")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")


# --- records ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    event: bool  # annotated as an event mention (track B)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    dct: str  # YYYY-MM-DD
    sentences: Mapping[int, tuple[Token, ...]]  # by the CAT ``sentence`` number


@dataclass(frozen=True, slots=True)
class Mention:
    document: str
    sentence: int
    word: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    position: int
    anchor: str  # as written: 2008-06-09, 2008-XX-XX, XXXX-XX-XX …
    mentions: tuple[Mention, ...]

    @property
    def date(self) -> str | None:
        return gold_date(self.anchor)


@dataclass(slots=True)
class Timeline:
    corpus: str
    name: str  # the file's stem
    entity: str  # its first line
    events: list[GoldEvent] = field(default_factory=list)
    malformed: list[str] = field(default_factory=list)  # mention fields that are no mention


@dataclass(slots=True)
class Corpus:
    name: str
    documents: list[Document]
    timelines: list[Timeline]


@dataclass(frozen=True, slots=True)
class Dated:
    """One statement of a recoupe timeline entry: where it was read, and the entry's date."""

    document: str
    start: int  # the evidence span (the sentence)
    end: int
    date_start: int  # the date expression
    date_end: int
    date: str  # the entry's date
    entry: int  # the entry's index in the timeline


# --- readers ------------------------------------------------------------------------------------


def gold_date(anchor: str) -> str | None:
    """A gold anchor as a schema date (``2008-XX-XX`` -> ``2008``), None when undated."""
    match = _DATE.fullmatch(anchor.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if month is None or month == "XX":
        return year
    if day is None or day == "XX":
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def read_cat(xml: str, events_xml: str | None = None) -> Document:
    """A CAT document: its text rebuilt from its tokens, its DCT, its tokens by sentence.

    ``events_xml``: the same document with its event mentions (track B), if any."""
    root = ET.fromstring(xml)
    numbers: list[int] = []
    sentences: list[list[str]] = []
    ids: list[list[str]] = []
    for token in root.findall("token"):
        number = int(token.get("sentence", "0"))
        if not numbers or numbers[-1] != number:
            numbers.append(number)
            sentences.append([])
            ids.append([])
        sentences[-1].append(token.text or "")
        ids[-1].append(token.get("t_id", ""))
    text, offsets = join_sentences(sentences)
    dct = next(
        (
            timex.get("value", "")[:10]
            for timex in root.iter("TIMEX3")
            if timex.get("functionInDocument") == "CREATION_TIME"
        ),
        "",
    )
    events = _event_tokens(ET.fromstring(events_xml)) if events_xml is not None else set()
    by_sentence: dict[int, tuple[Token, ...]] = {}
    for number, words, t_ids, spans in zip(numbers, sentences, ids, offsets, strict=True):
        tokens = tuple(
            Token(word, start, end, t_id in events)
            for word, t_id, (start, end) in zip(words, t_ids, spans, strict=True)
        )
        by_sentence[number] = by_sentence.get(number, ()) + tokens
    return Document(root.get("doc_id", ""), text, dct, by_sentence)


def _event_tokens(root: ET.Element) -> set[str]:
    return {
        anchor.get("t_id", "")
        for mention in root.iter("EVENT_MENTION")
        for anchor in mention.findall("token_anchor")
    }


def read_timeline(lines: Iterable[str], *, corpus: str, name: str) -> Timeline:
    """A gold timeline file: the entity on the first line, then one event a line."""
    timeline = Timeline(corpus, name, "")
    for number, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if number == 0:
            timeline.entity = line.strip()
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 3 or not fields[0].isdigit():
            if line.strip():
                timeline.malformed.append(line)
            continue
        mentions = []
        for text in fields[2:]:
            match = _MENTION.fullmatch(text)
            if match is None or _DATE.fullmatch(text):  # a date where a mention belongs
                if text:
                    timeline.malformed.append(text)
                continue
            mentions.append(Mention(match.group(1), int(match.group(2)), match.group(3)))
        timeline.events.append(GoldEvent(int(fields[0]), fields[1], tuple(mentions)))
    return timeline


def locate(document: Document, mention: Mention) -> tuple[int, int] | None:
    """The character span of a mention's word in ``document`` (see the module's docstring)."""
    tokens = document.sentences.get(mention.sentence)
    if not tokens:
        return None
    word = mention.word.split("_", 1)[0] if "_" in mention.word else mention.word
    for folded in (False, True):
        hits = [t for t in tokens if (t.text.lower() == word.lower() if folded else t.text == word)]
        if hits:
            best = next((t for t in hits if t.event), hits[0])
            return best.start, best.end
    return tokens[0].start, tokens[-1].end


def _corpus_folders(root: Path) -> list[tuple[str, Path, Path | None, Path]]:
    """(name, raw documents, event-annotated documents, gold timelines) of each corpus found."""
    found: list[tuple[str, Path, Path | None, Path]] = []
    trial = root / "Corpus-trial-data_task4"
    if trial.is_dir():
        events = root / "Corpus-trial-data_task4_events_timelines"
        found.append(
            (
                "trial",
                trial,
                events if events.is_dir() else None,
                root / "TimeLines_trial_data_task4_v1.2",
            )
        )
    for folder in sorted((root / "SemEval_Task4_data").glob("corpus_*")):
        events = folder / "corpus_trackB_CAT"
        found.append(
            (
                folder.name,
                folder / "corpus_trackA_CAT",
                events if events.is_dir() else None,
                folder / "TimeLines_Gold_Standard",
            )
        )
    return [entry for entry in found if entry[1].is_dir() and entry[3].is_dir()]


def load_corpora(root: Path, *, fast: bool) -> list[Corpus]:
    corpora = []
    for name, raw, events, gold in _corpus_folders(root):
        documents = []
        for path in sorted(raw.glob("*.xml")):
            twin = events / path.name if events is not None else None
            documents.append(
                read_cat(
                    path.read_text(encoding="utf-8"),
                    twin.read_text(encoding="utf-8")
                    if twin is not None and twin.is_file()
                    else None,
                )
            )
        timelines = [
            read_timeline(
                path.read_text(encoding="utf-8").splitlines(), corpus=name, name=path.stem
            )
            for path in sorted(gold.glob("*.txt"))
        ]
        if fast:
            timelines = fast_subset(timelines, step=FAST_STEP)
        corpora.append(Corpus(name, documents, timelines))
    return corpora


# --- recoupe ------------------------------------------------------------------------------------


@dataclass(slots=True)
class RecoupeRun:
    dated: dict[str, list[Dated]]  # by document
    entries: int
    seconds: float
    offset_errors: int  # timexes, mentions or evidence whose offsets do not fit the text


def run_recoupe(documents: Sequence[Document]) -> RecoupeRun:
    """recoupe's timeline over ``documents`` (one dossier), as dated statements by document."""
    from recoupe.entities.model import EntityType
    from recoupe.entities.pipeline import analyse_documents, resolve_entities
    from recoupe.events.extract import find_events
    from recoupe.events.model import DocumentEvents
    from recoupe.events.timeline import build_timeline, statements
    from recoupe.time.expressions import find_timexes

    started = perf_counter()
    analysed = analyse_documents([(d.id, d.text, "en") for d in documents])
    events: list[DocumentEvents] = []
    errors = 0
    for document, result in zip(documents, analysed, strict=True):
        text = document.text
        timexes = find_timexes(text, language="en", published=document.dct)
        facts = find_events(text, timexes, result.mentions, reference=document.dct)
        events.append(DocumentEvents(document.id, facts))
        errors += sum(1 for t in timexes if text[t.start : t.end] != t.text)
        errors += sum(1 for m in result.mentions if text[m.start : m.end] != m.text)
    entities = resolve_entities(analysed)
    owners = {m: e.id for e in entities if not e.rejected for m in e.mentions}
    places = {e.id for e in entities if e.type is EntityType.LOC}
    order = {d.id: (d.dct or "9999", i) for i, d in enumerate(documents)}
    timeline = build_timeline(statements(events, owners, places, order), {})
    seconds = perf_counter() - started
    lengths = {d.id: len(d.text) for d in documents}
    dated: dict[str, list[Dated]] = defaultdict(list)
    for index, entry in enumerate(timeline):
        for statement in entry.statements:
            fact = statement.fact
            if (
                not 0
                <= fact.start
                <= fact.date_start
                < fact.date_end
                <= fact.end
                <= lengths.get(statement.document, -1)
            ):
                errors += 1
            dated[statement.document].append(
                Dated(
                    statement.document,
                    fact.start,
                    fact.end,
                    fact.date_start,
                    fact.date_end,
                    entry.date,
                    index,
                )
            )
    return RecoupeRun(dict(dated), len(timeline), seconds, errors)


def date_for(dated: Sequence[Dated], start: int, end: int) -> str | None:
    """The date of the entry whose evidence overlaps ``start:end``, nearest date expression first,
    then the earliest entry; None when no evidence overlaps."""
    covering = [d for d in dated if d.start < end and start < d.end]
    if not covering:
        return None
    best = min(covering, key=lambda d: (max(0, d.date_start - end, start - d.date_end), d.entry))
    return best.date


# --- scoring ------------------------------------------------------------------------------------


def date_match(system: str, gold: str) -> tuple[bool, bool]:
    """(strict, lenient): the same span of days; the system's span contains the gold one."""
    s_first, s_last = bounds(system)
    g_first, g_last = bounds(gold)
    if g_first is None or g_last is None:
        return False, False
    strict = (s_first, s_last) == (g_first, g_last)
    lenient = (s_first or "0000") <= g_first and g_last <= (s_last or "9999")
    return strict, strict or lenient


def compare(a: str | None, b: str | None) -> int:
    """-1: ``a`` ends before ``b`` starts; 1: the reverse; 0: a tie (they meet, or one is None)."""
    if a is None or b is None:
        return 0
    a_first, a_last = bounds(a)
    b_first, b_last = bounds(b)
    if a_last is not None and b_first is not None and a_last < b_first:
        return -1
    if b_last is not None and a_first is not None and b_last < a_first:
        return 1
    return 0


def pairwise(events: Sequence[tuple[int, str | None]]) -> tuple[float, int]:
    """(points, pairs) over the pairs of ``(gold position, system date)`` with different
    positions: a point when the system orders them as the gold does, half a point for a tie
    (same or overlapping dates, or a date missing), none when reversed."""
    points, pairs = 0.0, 0
    for i, (position_a, date_a) in enumerate(events):
        for position_b, date_b in events[i + 1 :]:
            if position_a == position_b:
                continue
            pairs += 1
            said = compare(date_a, date_b)
            if said == 0:
                points += 0.5
            elif (said < 0) == (position_a < position_b):
                points += 1.0
    return points, pairs


@dataclass(slots=True)
class Tally:
    events: int = 0
    covered: int = 0
    dated_gold: int = 0  # events with a gold date
    dated_covered: int = 0  # … that the system dates
    strict: int = 0
    lenient: int = 0
    pair_points: float = 0.0
    pairs: int = 0
    covered_points: float = 0.0
    covered_pairs: int = 0

    def add(self, other: Tally) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def figures(self) -> dict[str, float | int]:
        def share(a: float, b: int) -> float:
            return a / b if b else 0.0

        return {
            "events": self.events,
            "covered": self.covered,
            "coverage": share(self.covered, self.events),
            "dated_gold": self.dated_gold,
            "dated_covered": self.dated_covered,
            "date_accuracy": share(self.strict, self.dated_covered),
            "date_accuracy_lenient": share(self.lenient, self.dated_covered),
            "date_recall": share(self.strict, self.dated_gold),
            "pairs": self.pairs,
            "order_accuracy": share(self.pair_points, self.pairs),
            "covered_pairs": self.covered_pairs,
            "order_accuracy_covered": share(self.covered_points, self.covered_pairs),
        }


def score(rows: Sequence[tuple[int, str | None, str | None]]) -> Tally:
    """One timeline's tally from ``(gold position, gold date, system date)`` per event."""
    tally = Tally(events=len(rows))
    for _, gold, system in rows:
        tally.covered += system is not None
        if gold is None:
            continue
        tally.dated_gold += 1
        if system is not None:
            tally.dated_covered += 1
            strict, lenient = date_match(system, gold)
            tally.strict += strict
            tally.lenient += lenient
    ordered = [(position, system) for position, _, system in rows if position > 0]
    tally.pair_points, tally.pairs = pairwise(ordered)
    covered = [(position, system) for position, system in ordered if system is not None]
    tally.covered_points, tally.covered_pairs = pairwise(covered)
    return tally


@dataclass(slots=True)
class Outcome:
    """One timeline's events as each system dates them."""

    timeline: Timeline
    rows: list[tuple[GoldEvent, str | None, str]]  # (event, recoupe date, DCT)
    unlocated: int


def match_timeline(
    timeline: Timeline, documents: Mapping[str, Document], dated: Mapping[str, Sequence[Dated]]
) -> Outcome:
    rows: list[tuple[GoldEvent, str | None, str]] = []
    unlocated = 0
    for event in timeline.events:
        located = []
        for mention in event.mentions:
            document = documents.get(mention.document)
            span = locate(document, mention) if document is not None else None
            if document is not None and span is not None:
                located.append((document, span))
        if not located:
            unlocated += 1
            continue
        ours = next(
            (
                found
                for document, (start, end) in located
                if (found := date_for(dated.get(document.id, ()), start, end)) is not None
            ),
            None,
        )
        rows.append((event, ours, located[0][0].dct))
    return Outcome(timeline, rows, unlocated)


def evaluate(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Both systems' figures over ``outcomes`` (micro), and the baseline on recoupe's events."""
    ours, dct, dct_covered = Tally(), Tally(), Tally()
    macro: dict[str, list[float]] = {"recoupe": [], "dct": []}
    for outcome in outcomes:
        mine = score([(e.position, e.date, found) for e, found, _ in outcome.rows])
        theirs = score([(e.position, e.date, day) for e, _, day in outcome.rows])
        ours.add(mine)
        dct.add(theirs)
        if mine.pairs:
            macro["recoupe"].append(mine.pair_points / mine.pairs)
            macro["dct"].append(theirs.pair_points / theirs.pairs)
        dct_covered.add(
            score([(e.position, e.date, day) for e, found, day in outcome.rows if found])
        )
    figures = {"recoupe": ours.figures(), "dct": dct.figures()}
    for name, values in macro.items():  # the mean over timelines: steve_jobs weighs less
        figures[name]["order_accuracy_macro"] = sum(values) / len(values) if values else 0.0
    baseline = figures["dct"]
    on_covered = dct_covered.figures()
    baseline["date_accuracy_on_covered"] = on_covered["date_accuracy"]
    baseline["order_accuracy_on_covered"] = on_covered["order_accuracy"]
    return {
        "timelines": len(outcomes),
        "unlocated_events": sum(o.unlocated for o in outcomes),
        "malformed_mentions": sum(len(o.timeline.malformed) for o in outcomes),
        "systems": figures,
    }


def misses(outcome: Outcome, documents: Mapping[str, Document]) -> list[dict[str, Any]]:
    """The gold events recoupe does not date or dates wrongly (no text: ids and dates only)."""
    found = []
    for event, ours, day in outcome.rows:
        gold = event.date
        if ours is not None and (gold is None or date_match(ours, gold)[0]):
            continue
        found.append(
            {
                "position": event.position,
                "gold": event.anchor,
                "recoupe": ours,
                "dct": day,
                "mentions": [f"{m.document}-{m.sentence}-{m.word}" for m in event.mentions],
            }
        )
    return found


# --- report -------------------------------------------------------------------------------------


def part_figures(result: Mapping[str, Any]) -> dict[str, float]:
    """recoupe's figures on one part, and its margins over the DCT baseline."""
    ours, dct = result["systems"]["recoupe"], result["systems"]["dct"]
    figures = {f"timeline.{SET_NAME}.{name}": float(ours[name]) for name in FLOORED}
    margins = {
        "order_accuracy_vs_dct": ours["order_accuracy"] - dct["order_accuracy"],
        "date_accuracy_vs_dct": ours["date_accuracy"] - dct["date_accuracy_on_covered"],
    }
    for name, value in margins.items():
        figures[f"timeline.{SET_NAME}.{name}"] = value
    return figures


def results_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    rows = []
    for set_name, result in results.items():
        for name, s in result["systems"].items():
            rows.append(
                (
                    set_name,
                    result.get("part", ""),
                    result["docs"],
                    result["timelines"],
                    s["events"],
                    name,
                    s["coverage"],
                    s["date_accuracy"],
                    s["date_accuracy_lenient"],
                    s["order_accuracy_covered"],
                    s["order_accuracy"],
                    f"{result['docs_per_second']:.1f}" if name == "recoupe" else "",
                )
            )
    headers = (
        "set",
        "part",
        "docs",
        "timelines",
        "events",
        "system",
        "coverage",
        "date acc",
        "date acc len",
        "order acc cov",
        "order acc",
        "docs/s",
    )
    return format_table(headers, rows)


def _versions() -> dict[str, str]:
    return package_versions("recoupe", "spacy")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.timeline",
        description="event dating and ordering against the DCT",
        fast="every 2nd timeline of each corpus",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    root = data_dir() / DATA_DIR
    if not root.is_dir():
        print(skip_message(root))
        return 0
    started = perf_counter()
    corpora = load_corpora(root, fast=args.fast)
    if not corpora:
        print(skip_message(root / "SemEval_Task4_data"))
        return 0

    from recoupe.entities.pipeline import analyse_documents

    progress("recoupe: warming up (en)")
    analyse_documents([("warm-up", WARM_UP_TEXT, "en")])

    results: dict[str, dict[str, Any]] = {}
    outcomes_by_part: dict[split.Part, list[Outcome]] = {part: [] for part in split.PARTS}
    runs_by_part: dict[split.Part, list[tuple[int, RecoupeRun]]] = {
        part: [] for part in split.PARTS
    }
    per_timeline: list[dict[str, Any]] = []
    crashed: list[str] = []
    for corpus in corpora:
        part = split.semeval_part(corpus.name)
        progress(f"{corpus.name} ({part}): {len(corpus.documents)} documents")
        by_id = {d.id: d for d in corpus.documents}
        try:
            run = run_recoupe(corpus.documents)
        except Exception:  # scored as no output; counted, logged, and fails the run
            logging.getLogger(__name__).exception("recoupe crashed on %s", corpus.name)
            crashed.append(corpus.name)
            run = RecoupeRun({}, 0, 0.0, 0)
        runs_by_part[part].append((len(corpus.documents), run))
        outcomes = [match_timeline(t, by_id, run.dated) for t in corpus.timelines]
        outcomes_by_part[part].extend(outcomes)
        results[corpus.name] = {
            "part": part,
            "docs": len(corpus.documents),
            "entries": run.entries,
            "offset_errors": run.offset_errors,
            "docs_per_second": len(corpus.documents) / run.seconds if run.seconds else 0.0,
            **evaluate(outcomes),
        }
        for outcome in outcomes:
            figures = evaluate([outcome])
            per_timeline.append(
                {
                    "corpus": corpus.name,
                    "part": part,
                    "timeline": outcome.timeline.name,
                    "entity": outcome.timeline.entity,
                    **{name: figures["systems"][name] for name in ("recoupe", "dct")},
                    "unlocated_events": outcome.unlocated,
                    "malformed": outcome.timeline.malformed,
                    # the check part is scored, never read for what it misses
                    "misses": misses(outcome, by_id) if part == split.TUNE else WITHHELD,
                }
            )
    totals: dict[split.Part, dict[str, Any]] = {}
    for part, runs in runs_by_part.items():
        if not runs:
            continue
        documents_run = sum(documents for documents, _ in runs)
        seconds_run = sum(run.seconds for _, run in runs)
        totals[part] = {
            "part": part,
            "docs": documents_run,
            "entries": sum(run.entries for _, run in runs),
            "offset_errors": sum(run.offset_errors for _, run in runs),
            "docs_per_second": documents_run / seconds_run if seconds_run else 0.0,
            **evaluate(outcomes_by_part[part]),
        }

    by_part = figures_by_part({part: part_figures(total) for part, total in totals.items()})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet and figures and not crashed:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    # a part's total is only worth a row of its own when the part holds several corpora
    several = {p for p in totals if sum(r["part"] == p for r in results.values()) > 1}
    print(results_table({**results, **{f"{SET_NAME} {p}": totals[p] for p in sorted(several)}}))
    for part, total in totals.items():
        ours, dct = total["systems"]["recoupe"], total["systems"]["dct"]
        print(
            f"\n{part}: on the events recoupe dates, dct: date acc "
            f"{dct['date_accuracy_on_covered']:.4f}, order acc "
            f"{dct['order_accuracy_on_covered']:.4f} (recoupe: {ours['date_accuracy']:.4f}, "
            f"{ours['order_accuracy_covered']:.4f}); order acc, mean over timelines: recoupe "
            f"{ours['order_accuracy_macro']:.4f}, dct {dct['order_accuracy_macro']:.4f}"
        )
        print(
            f"{part}: unlocated gold events: {total['unlocated_events']}, malformed gold "
            f"mentions: {total['malformed_mentions']}, recoupe offset errors: "
            f"{total['offset_errors']}"
        )
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    path = write_result(
        "timeline",
        {
            "fast": args.fast,
            "data": str(root),
            "versions": _versions(),
            "seconds": perf_counter() - started,
            "sets": results,
            "totals": totals,
            "timelines": per_timeline,
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks, ("crashed", crashed, ", "))


if __name__ == "__main__":
    sys.exit(main())
