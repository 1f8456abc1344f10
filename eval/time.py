"""Temporal expressions: recoupe's ``find_timexes`` against bare ``dateparser`` on the same texts.

Run from the repository root::

    python -m eval.time [--fast] [--ratchet]

Two data sets, each document anchored at its creation date (DCT):

``fr_timebank`` (French TimeBank, ``fr-timebank/Data/*.tml``)
    ISO-TimeML inline XML: the text is the content of ``<TEXT>`` with its tags removed (XML
    entities decoded); gold expressions are its ``TIMEX3`` elements; the anchor is the
    ``CREATION_TIME`` TIMEX3 of ``<DCT>`` (outside the text).
``meantime`` (MEANTIME English, ``meantime-en/intra-doc_annotation``)
    CAT XML: the text is rebuilt from the tokens (a space between the tokens of a sentence, a new
    line between sentences); gold expressions are the ``TIMEX3`` markables over their tokens; the
    anchor is the ``CREATION_TIME`` TIMEX3, else the date on the document's date line (its
    second sentence). That TIMEX3 is not scored (it is the anchor).

Scored: gold TIMEX3 of type DATE. Gold values are normalised to the schema's forms before
comparison: seasons ``YYYY-SU`` to meteorological month intervals (``YYYY-06/YYYY-08``; winter
``YYYY-12/YYYY+1-02``), quarters ``YYYY-Qn`` to month intervals, ``YYYY-Www-WE`` to the Saturday /
Sunday interval of that ISO week, ``YYYY-MM-XX`` to ``YYYY-MM``, decades ``YYY`` to ``YYY0/YYY9``,
fiscal years ``FYYYYY`` to ``YYYY`` (an approximation), times of day to their day. Underspecified
gold values (``XXXX-06``, ``XXXX-SU``, ``XXXX-07-15``: "en été", "le mois de juin" said
generically) are compared on their specified part only (any year). Left out of the scored gold
and counted under ``excluded``: values that are not calendar dates in the schema — ``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF`` ("désormais", "recently"), durations typed DATE (``P1M``, "chaque
mois"), fully unspecified ``XXXX-XX-XX`` ("a later time") and ``XXXX-WXX-n``.

Figures per set and system:

* ``span_recall_exact`` / ``span_recall_overlap``: the share of scored gold expressions with a
  system expression of the same span / an overlapping one (any kind). recoupe includes
  determiners and value-changing signals in its spans ("le 27 mai", "depuis 1999") where TimeML
  sometimes leaves them out, so exact recall is the harsher figure.
* ``value_accuracy``: over the gold expressions found (overlap), the share whose value equals the
  gold value. The system expression compared is the one overlapping most. A system interval
  found for a gold point ("du 3 au 6 avril" for gold "3 avril" and "6 avril"; "depuis 1999" for
  gold "1999") is compared as a whole, then on the bound the gold text stands for: the start of an
  open ``START/..``, the end of ``../END``, and for ``START/END`` the bound on the gold's side of
  the middle of the system span.
* ``value_recall``: the share of all scored gold expressions found with the right value.
* ``time_day_accuracy`` (reported, not floored): gold TIMEX3 of type TIME that carry a date
  ("hier soir", "mardi vers 21 h 45"), reduced to their day, over those found.
* ``words_per_second``: recoupe over the set's texts repeated to at least 300,000 characters;
  dateparser over one pass, counting ``search_dates`` only. ``speed_ratio``: recoupe's words/s
  over dateparser's.

Baseline (``dateparser``): ``dateparser.search.search_dates`` on each whole text, ``languages``
set to the document's, ``RELATIVE_BASE`` = the anchor; each found substring is located in the text
(in order) and its value reduced to the precision dateparser reports for it
(``DateDataParser.get_date_data``: day, week, month or year). dateparser is a dependency of
htmldate (already in requirements.lock); its version is in the results.

Each set is split into a tune and a check part (``eval/split.py``: FR-TimeBank files by sorted
name, alternate; MEANTIME by corpus, ``corpus_apple`` tune, ``corpus_airbus`` check), scored on
each part apart. The results go to ``eval/out/time.json``; recoupe's figures on the check part are
checked against ``eval/floors.json`` (keys ``….check``; ``--fast``: every 2nd document of each
part, keys ending in ``.check.fast``); its margin over dateparser in value accuracy
(``value_accuracy_vs_dateparser``) is reported as a figure once positive (or once floored); the
baseline is never floored. Exit status 1 when a figure is below its
floor or a system crashed, 0 otherwise, also when the data folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import logging
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from eval import split
from eval.common import (
    check_figures,
    check_floors,
    data_dir,
    exit_status,
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
    system_scores,
    withhold_check,
    write_result,
)
from recoupe.time.expressions import find_timexes

FR_DIR = "fr-timebank"
MEANTIME_DIR = "meantime-en"
SPEED_CHARS = 300_000
FAST_STEP = 2  # every 2nd document: the whole run takes seconds; every 4th leaves ~20 gold dates
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}
FLOORED = ("value_accuracy", "value_recall", "span_recall_overlap", "span_recall_exact")
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|([^<]+)")
_ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')


# --- records ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Document:
    id: str
    text: str
    language: str
    anchor: str
    gold: list[Gold] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    value: str | None


# --- readers ------------------------------------------------------------------------------------


def read_timebank(raw: str, doc_id: str) -> Document | None:
    """One ISO-TimeML file: the text of ``<TEXT>`` without its tags, its TIMEX3, its DCT."""
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*?value="([^"]+)"', raw)
    dct = dct or re.search(r'value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if dct is None or body is None:
        return None
    parts: list[str] = []
    position = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    for match in _TAG.finditer(body.group(1)):
        if match.group(5) is not None:
            piece = html.unescape(match.group(5))
            parts.append(piece)
            position += len(piece)
            continue
        closing, name, attributes, empty = match.group(1, 2, 3, 4)
        if name != "TIMEX3" or empty:
            continue
        if not closing:
            open_timexes.append((position, dict(_ATTRIBUTE.findall(attributes))))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            gold.append(Gold(start, position, attrs.get("type", ""), attrs.get("value", "")))
    return Document(doc_id, "".join(parts), "fr", dct.group(1)[:10], gold)


def load_fr_timebank(root: Path, *, fast: bool) -> dict[split.Part, list[Document]]:
    """The files by part (sorted names, alternate)."""
    paths = sorted((root / "Data").glob("*.tml"))
    parts = split.split_alternate(paths, fast_step=FAST_STEP if fast else None)
    loaded: dict[split.Part, list[Document]] = {}
    for part, members in parts.items():
        documents = []
        for path in members:
            document = read_timebank(path.read_text(encoding="utf-8"), path.stem)
            if document is not None:
                documents.append(document)
        loaded[part] = documents
    return loaded


def read_meantime(path: Path, doc_id: str) -> Document | None:
    """One CAT XML file: the text rebuilt from its tokens, its TIMEX3, its DCT (not scored)."""
    root = ET.parse(path).getroot()
    sentences: list[list[str]] = []
    token_ids: list[str] = []
    sentence_of: dict[str, int] = {}
    previous = None
    for token in root.findall("token"):
        if token.get("sentence") != previous or not sentences:
            sentences.append([])
            previous = token.get("sentence")
        sentences[-1].append(token.text or "")
        token_ids.append(token.get("t_id", ""))
        sentence_of[token.get("t_id", "")] = len(sentences) - 1
    text, nested = join_sentences(sentences)
    flat = [span for sentence in nested for span in sentence]
    position = {t_id: i for i, t_id in enumerate(token_ids)}
    markables = root.find("Markables")
    timexes = markables.findall("TIMEX3") if markables is not None else []
    spans: list[tuple[int, int, int, ET.Element]] = []
    for timex in timexes:
        anchors = sorted(
            position[a.get("t_id", "")]
            for a in timex.findall("token_anchor")
            if a.get("t_id") in position
        )
        if anchors:
            sentence = sentence_of[token_ids[anchors[0]]]
            spans.append((flat[anchors[0]][0], flat[anchors[-1]][1], sentence, timex))
    creation = [s for s in spans if s[3].get("functionInDocument") == "CREATION_TIME"]
    if not creation:
        creation = [s for s in spans if s[2] == 1 and s[3].get("type") == "DATE"][:1]
    if not creation:
        return None
    anchor = creation[0][3].get("value", "")[:10]
    gold = [
        Gold(start, end, timex.get("type", ""), timex.get("value", ""))
        for start, end, _, timex in spans
        if timex is not creation[0][3]
    ]
    return Document(doc_id, text, "en", anchor, gold)


def load_meantime(root: Path, *, fast: bool) -> dict[split.Part, list[Document]]:
    """The documents by part (by corpus)."""
    paths = sorted((root / "intra-doc_annotation").glob("*/*.xml"))
    parts = split.split(
        paths,
        lambda path: split.meantime_part(path.parent.name),
        fast_step=FAST_STEP if fast else None,
    )
    loaded: dict[split.Part, list[Document]] = {}
    for part, members in parts.items():
        documents = []
        for path in members:
            document = read_meantime(path, f"{path.parent.name}/{path.stem}")
            if document is not None:
                documents.append(document)
        loaded[part] = documents
    return loaded


# --- gold values --------------------------------------------------------------------------------


def gold_pattern(value: str) -> re.Pattern[str] | None:
    """The schema values a gold TimeML value stands for (a pattern), or None when it is not a
    calendar date (see the module's docstring)."""
    value = value.strip()
    if not value or value in REFERENCE_VALUES or value.startswith(("P", "T")):
        return None
    value = value.split("T", 1)[0].removeprefix("FY")
    if re.fullmatch(r"\d{3}", value):
        return re.compile(f"{value}0/{value}9")
    head, rest = value[:4], value[4:]
    generic = head == "XXXX"
    if not generic and not re.fullmatch(r"\d{4}", head):
        return None
    year = r"\d{4}" if generic else head
    if re.fullmatch(
        r"(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W(0[1-9]|[1-4]\d|5[0-3]))?", rest
    ):
        return None if generic and not rest else re.compile(year + re.escape(rest))
    if re.fullmatch(r"-(0[1-9]|1[0-2])-XX", rest):
        return re.compile(year + re.escape(rest[:3]))
    season = re.fullmatch(r"-(SP|SU|FA|AU|WI)", rest)
    if season:
        return _season(year, season.group(1))
    if generic:
        return None
    quarter = re.fullmatch(r"-Q([1-4])", rest)
    if quarter:
        first = 3 * (int(quarter.group(1)) - 1) + 1
        return re.compile(f"{year}-{first:02d}/{year}-{first + 2:02d}")
    weekend = re.fullmatch(r"-W(\d\d)-WE", rest)
    if weekend:
        monday = dt.date.fromisocalendar(int(year), int(weekend.group(1)), 1)
        saturday, sunday = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return re.compile(f"{saturday.isoformat()}/{sunday.isoformat()}")
    return None


def _season(year: str, code: str) -> re.Pattern[str]:
    first, last = SEASONS[code]
    if year == r"\d{4}":
        if code == "WI":
            return re.compile(rf"\d{{4}}-{first:02d}/\d{{4}}-{last:02d}")
        return re.compile(rf"(\d{{4}})-{first:02d}/\1-{last:02d}")
    end_year = int(year) + 1 if code == "WI" else int(year)
    return re.compile(f"{year}-{first:02d}/{end_year:04d}-{last:02d}")


def day_of_time(value: str) -> re.Pattern[str] | None:
    """A gold TIME value's day ("1999-05-18T21:45" -> 1999-05-18), if it has one."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})T", value)
    return re.compile(re.escape(match.group(1))) if match else None


# --- systems ------------------------------------------------------------------------------------


def run_recoupe(document: Document) -> list[Found]:
    timexes = find_timexes(document.text, language=document.language, published=document.anchor)
    return [Found(t.start, t.end, t.value) for t in timexes]


class DateparserBaseline:
    """``search_dates`` on the whole text; each hit's precision from ``get_date_data``."""

    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self._search = search_dates
        self._parser_class = DateDataParser
        self.search_seconds = 0.0  # in search_dates only (not in the precision look-ups)

    def __call__(self, document: Document) -> list[Found]:
        anchor = dt.datetime.fromisoformat(document.anchor)
        settings = {"RELATIVE_BASE": anchor}
        started = perf_counter()
        hits = self._search(document.text, languages=[document.language], settings=settings)
        self.search_seconds += perf_counter() - started
        parser = self._parser_class(languages=[document.language], settings=settings)
        found, cursor = [], 0
        for substring, moment in hits or []:
            start = document.text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            data = parser.get_date_data(substring)
            period = data.period if data is not None and data.date_obj is not None else "day"
            found.append(Found(start, cursor, _reduce(moment.date(), period or "day")))
        return found


def _reduce(day: dt.date, period: str) -> str:
    if period == "year":
        return f"{day.year:04d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


# --- scoring ------------------------------------------------------------------------------------


def candidates(found: Found, gold: Gold, golds: Sequence[Gold] = ()) -> list[str]:
    """The system value as a whole, then the bound of an interval the gold text stands for:
    with several gold expressions under the system one, the first stands for the start and the
    last for the end; with one, its side of the middle of the system span decides."""
    if found.value is None:
        return []
    values = [found.value]
    if "/" in found.value:
        start, _, end = found.value.partition("/")
        under = [g for g in golds if g.start < found.end and found.start < g.end]
        if start == "..":
            values.append(end)
        elif end == "..":
            values.append(start)
        elif len(under) > 1:
            values.append(start if gold == under[0] else end)
        else:
            middle = (found.start + found.end) / 2
            values.append(start if (gold.start + gold.end) / 2 <= middle else end)
    return values


def best_overlap(gold: Gold, found: Sequence[Found]) -> Found | None:
    best, size = None, 0
    for f in found:
        overlap = min(gold.end, f.end) - max(gold.start, f.start)
        if overlap > size:
            best, size = f, overlap
    return best


@dataclass(slots=True)
class Tally:
    gold: int = 0
    exact: int = 0
    overlap: int = 0
    correct: int = 0
    time_found: int = 0
    time_correct: int = 0
    time_gold: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        def share(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "gold": self.gold,
            "span_recall_exact": share(self.exact, self.gold),
            "span_recall_overlap": share(self.overlap, self.gold),
            "value_accuracy": share(self.correct, self.overlap),
            "value_recall": share(self.correct, self.gold),
            "value_correct": self.correct,
            "time_gold": self.time_gold,
            "time_day_accuracy": share(self.time_correct, self.time_found),
        }


def score_document(document: Document, found: Sequence[Found], tally: Tally) -> None:
    spans = {(f.start, f.end) for f in found}
    dates = [g for g in document.gold if g.type == "DATE" and gold_pattern(g.value) is not None]
    for gold in document.gold:
        if gold.type == "TIME":
            pattern = day_of_time(gold.value)
            if pattern is None:
                continue
            tally.time_gold += 1
            hit = best_overlap(gold, found)
            if hit is not None:
                tally.time_found += 1
                tally.time_correct += any(pattern.fullmatch(v) for v in candidates(hit, gold))
            continue
        if gold.type != "DATE":
            continue
        date_pattern = gold_pattern(gold.value)
        if date_pattern is None:
            continue
        tally.gold += 1
        tally.exact += (gold.start, gold.end) in spans
        hit = best_overlap(gold, found)
        if hit is None:
            tally.misses.append(_miss(document, gold, None))
            continue
        tally.overlap += 1
        if any(date_pattern.fullmatch(v) for v in candidates(hit, gold, dates)):
            tally.correct += 1
        else:
            tally.misses.append(_miss(document, gold, hit))


def _miss(document: Document, gold: Gold, hit: Found | None) -> dict[str, Any]:
    return {
        "doc": document.id,
        "anchor": document.anchor,
        "gold_text": document.text[gold.start : gold.end],
        "gold_value": gold.value,
        "found_text": document.text[hit.start : hit.end] if hit else None,
        "found_value": hit.value if hit else None,
    }


def excluded_counts(documents: Sequence[Document]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for document in documents:
        for gold in document.gold:
            if gold.type == "DATE" and gold_pattern(gold.value) is None:
                counts[gold.value if gold.value in REFERENCE_VALUES else _shape(gold.value)] += 1
    return dict(sorted(counts.items()))


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def evaluate(
    documents: Sequence[Document], systems: dict[str, Callable[[Document], list[Found]]]
) -> dict[str, Any]:
    words = sum(len(d.text.split()) for d in documents)
    result: dict[str, Any] = {
        "docs": len(documents),
        "words": words,
        "excluded": excluded_counts(documents),
        "systems": {},
    }
    for name, system in systems.items():
        tally, errors, seconds = Tally(), 0, 0.0
        searched = getattr(system, "search_seconds", None)
        for document in documents:
            started = perf_counter()
            try:
                found = system(document)
            except Exception:  # scored as no output; counted, logged, and fails the run
                logging.getLogger(__name__).exception("%s crashed on %s", name, document.id)
                errors += 1
                found = []
            seconds += perf_counter() - started
            score_document(document, found, tally)
        if searched is not None:
            seconds = getattr(system, "search_seconds", seconds) - searched
        result["systems"][name] = {
            **tally.figures(),
            "errors": errors,
            "words_per_second": words / seconds if seconds else 0.0,
            "misses": tally.misses,
        }
    result["systems"]["recoupe"]["words_per_second"] = recoupe_speed(documents)
    return result


def recoupe_speed(documents: Sequence[Document]) -> float:
    """Words per second of ``find_timexes`` over the texts repeated to ``SPEED_CHARS``."""
    chars = sum(len(d.text) for d in documents)
    if not chars:
        return 0.0
    rounds = max(1, -(-SPEED_CHARS // chars))
    words = 0
    started = perf_counter()
    for _ in range(rounds):
        for document in documents:
            find_timexes(document.text, language=document.language, published=document.anchor)
            words += len(document.text.split())
    return words / (perf_counter() - started)


# --- report -------------------------------------------------------------------------------------

SETS: dict[str, tuple[str, Callable[..., dict[split.Part, list[Document]]]]] = {
    "fr_timebank": (FR_DIR, load_fr_timebank),
    "meantime": (MEANTIME_DIR, load_meantime),
}


def part_figures(results: dict[str, dict[str, Any]], part: split.Part) -> dict[str, float]:
    """recoupe's figures on one part, and its margin over dateparser in value accuracy."""
    figures: dict[str, float] = {}
    for set_name, parts in results.items():
        result = parts[part]
        ours, bare = result["systems"]["recoupe"], result["systems"].get("dateparser")
        for metric in FLOORED:
            figures[f"time.{set_name}.{metric}"] = ours[metric]
        if bare is not None:
            margin = ours["value_accuracy"] - bare["value_accuracy"]
            figures[f"time.{set_name}.value_accuracy_vs_dateparser"] = margin
    return figures


def results_table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        (
            set_name,
            part,
            result["docs"],
            scores["gold"],
            name,
            scores["value_accuracy"],
            scores["value_recall"],
            scores["span_recall_overlap"],
            scores["span_recall_exact"],
            scores["time_day_accuracy"],
            f"{scores['words_per_second']:.0f}",
        )
        for set_name, part, result, name, scores in system_scores(results)
    ]
    headers = (
        "set",
        "part",
        "docs",
        "gold",
        "system",
        "value acc",
        "value rec",
        "span R ovl",
        "span R exact",
        "time day acc",
        "words/s",
    )
    return format_table(headers, rows)


def _versions() -> dict[str, str]:
    return package_versions("dateparser", "recoupe")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.time",
        description="temporal expressions against dateparser",
        fast="every 2nd document of each part only",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    root = data_dir()
    if not root.is_dir():
        print(skip_message(root))
        return 0
    loaded: dict[str, dict[split.Part, list[Document]]] = {}
    for set_name, (folder, load) in SETS.items():
        if (root / folder).is_dir():
            loaded[set_name] = load(root / folder, fast=args.fast)
        else:
            print(skip_message(root / folder))
    if not loaded:
        return 0
    systems: dict[str, Callable[[Document], list[Found]]] = {"recoupe": run_recoupe}
    try:
        systems["dateparser"] = DateparserBaseline()
    except ImportError as exc:
        print(f"dateparser baseline not available: {exc}")
    started = perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for set_name, parts in loaded.items():
        results[set_name] = {}
        for part, documents in parts.items():
            progress(f"{set_name} ({part}): {len(documents)} documents")
            result = results[set_name][part] = evaluate(documents, systems)
            bare = result["systems"].get("dateparser")
            ours = result["systems"]["recoupe"]
            if bare and bare["words_per_second"]:
                result["speed_ratio"] = ours["words_per_second"] / bare["words_per_second"]

    by_part = figures_by_part({part: part_figures(results, part) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet and figures:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    print(results_table(results))
    for set_name, set_results in results.items():
        for part_name, result in set_results.items():
            if "speed_ratio" in result:
                ratio = result["speed_ratio"]
                print(f"{set_name} ({part_name}): recoupe / dateparser words/s = {ratio:.0f}x")
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    crashed = sorted(
        f"{set_name}:{part}:{name}"
        for set_name, parts in results.items()
        for part, result in parts.items()
        for name, scores in result["systems"].items()
        if scores["errors"]
    )
    path = write_result(
        "time",
        {
            "fast": args.fast,
            "data": str(root),
            "versions": _versions(),
            "seconds": perf_counter() - started,
            "sets": {name: withhold_check(parts, ("misses",)) for name, parts in results.items()},
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks, ("crashed", crashed, ", "))


if __name__ == "__main__":
    sys.exit(main())
