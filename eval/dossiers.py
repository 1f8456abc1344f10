"""Story dossiers: whole stories through the real CLI, scored by the project's own scorer.

Run from the repository root::

    python -m eval.dossiers [--fast] [--ratchet]

For each gold dossier ``eval/gold/<story>.json`` (``eval/gold/README.md``: thirty-three stories
written blind, sixteen tune and seventeen check; the part comes from ``eval/split.py``): the story's
articles are built from ``../shared/data`` by ``eval/story_texts.py`` into
``eval/out/story-texts/<kind>/<name>`` (never into the repository), then, as a user would run it::

    recoupe ingest <folder>/manifest.jsonl --db <temporary db>
    recoupe export --db <temporary db> --format json -o <export>
    python ../shared/eval/score_dossier.py eval/gold/<story>.json <export>

(``python -m recoupe`` with this interpreter; the scorer is the shared one, next to the data:
``$RECOUPE_EVAL_DATA/../eval``). Its lines are parsed into measures (:func:`parse_scorer_output`):
``ok``/``MISS`` with a value (``8/13``, or a count of violations), ``n/a`` when the gold has
nothing of that kind, and the last line ``SCORE k/n``.

Honesty rule: the CHECK stories are scored and reported, never read for what they miss. Only their
figures (values, ok/MISS, SCORE) are printed and written; the scorer's ``missing=[…]``,
``failed=[…]`` and ``wrong=[…]`` details are dropped as soon as they are parsed. For the TUNE
stories the scorer's whole output goes to ``eval/out/dossiers/<story>.txt`` (and the export to
``<story>.export.json``) so that their failures can be looked at there.

Volumes, per part: what the dossiers hold (entities, events, quotes, discrepancies per kind:
:func:`output_counts`), printed beside the figures — the gold scores recall only, and these
show what a change adds besides what it finds.

Figures, per part: for each measure, the items right over the items scored, summed over the part's
stories where the measure applies (``must-merge`` 11/51 …); for the measures that count violations
(must-not-merge pairs merged, boilerplate names leaked, known wrong dates produced) the items
kept right: the gold's pairs, names or entries less the violations. ``score``: measures met over
measures applying, summed over the stories. The check part's figures are checked against
``eval/floors.json`` (``dossiers.<measure>.check``; ``--fast`` runs the same stories, keys ending in
``.check.fast``). The results go to ``eval/out/dossiers.json``. Exit status 1 when a figure is
below its floor or a story could not be scored; 0 otherwise, also when ``../shared/data`` or
``../shared/eval`` is absent (skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eval import split
from eval.common import (
    EVAL_DIR,
    OUT_DIR,
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
    load_floors,
    progress,
    ratchet_floors,
    skip_message,
    write_result,
)
from eval.story_texts import STORIES, Story, materialise

GOLD_DIR = EVAL_DIR / "gold"
TEXTS_DIR = OUT_DIR / "story-texts"
DETAILS_DIR = OUT_DIR / "dossiers"
SCORER = "score_dossier.py"
STEP_TIMEOUT = 1800  # seconds for one ingest, export or scoring
WORKERS = 2  # stories scored at once (each its own processes and database)


@dataclass(frozen=True, slots=True)
class MeasureSpec:
    label: str  # as the scorer prints it
    slug: str  # in figure names
    column: str  # in the story table
    violations: str | None = None  # the gold list a violation count is over, if it is a count


MEASURES: tuple[MeasureSpec, ...] = (
    MeasureSpec("provenance exact spans", "provenance", "provenance"),
    MeasureSpec("entity recall", "entity_recall", "entities"),
    MeasureSpec("must-merge pairs merged", "must_merge", "must-merge"),
    MeasureSpec("must-not-merge violations", "must_not_merge", "not-merge", "must_not_merge"),
    MeasureSpec("boilerplate entities leaked", "boilerplate", "boilerpl.", "boilerplate_names"),
    MeasureSpec("roles attached", "roles", "roles"),
    MeasureSpec("timeline dates", "timeline_dates", "dates"),
    MeasureSpec(
        "timeline (relative to an in-text reference date)", "timeline_relative", "rel. dates"
    ),
    MeasureSpec("known wrong dates produced", "wrong_dates", "wrong dates", "wrong_dates"),
    MeasureSpec("quotes attributed", "quotes", "quotes"),
    MeasureSpec("quotes in interview form", "interview_quotes", "interview"),
    MeasureSpec("discrepancies flagged", "discrepancies", "discrep."),
    MeasureSpec(
        "discrepancies (advanced: dates of one event)", "discrepancies_advanced", "discrep. adv."
    ),
)
SPECS = {spec.label: spec for spec in MEASURES}


# --- the scorer's output ------------------------------------------------------------------------

# a name may hold ": " itself ("discrepancies (advanced: dates of one event)"): the value is the
# first ": " followed by a count or a k/n
_MEASURE_LINE = re.compile(r"^(ok|MISS)\s+(.+?): (\d+(?:/\d+)?)(?:\s+(.*))?$")
_NA_LINE = re.compile(r"^n/a\s+(.+?)\s*$")
_SCORE_LINE = re.compile(r"^SCORE (\d+)/(\d+)")
_RATIO = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True, slots=True)
class Measure:
    """One line of the scorer: a measure, met or not (or not applying), with its value."""

    name: str
    status: str  # "ok", "MISS" or "n/a"
    value: str | None = None  # "8/13", or a count ("0"); None when it does not apply
    detail: str = ""  # the scorer's missing=[…] / failed=[…] / wrong=[…]: tune stories only

    @property
    def applies(self) -> bool:
        return self.status != "n/a"

    @property
    def met(self) -> bool:
        return self.status == "ok"

    def ratio(self) -> tuple[int, int] | None:
        """``(k, n)`` of a ``k/n`` value."""
        match = _RATIO.match(self.value or "")
        return (int(match.group(1)), int(match.group(2))) if match else None

    def count(self) -> int | None:
        """A count value (violations)."""
        return int(self.value) if self.value is not None and self.value.isdigit() else None

    def cell(self) -> str:
        return "n/a" if not self.applies else f"{self.status} {self.value}"


@dataclass(frozen=True, slots=True)
class Scored:
    measures: tuple[Measure, ...]
    met: int | None  # from the SCORE line; None when the scorer did not get that far
    total: int | None

    def figures_only(self) -> Scored:
        """The same without the scorer's details (what a check story may show)."""
        return replace(self, measures=tuple(replace(m, detail="") for m in self.measures))


def parse_scorer_output(text: str) -> Scored:
    """``score_dossier.py``'s standard output -> its measures and its ``SCORE k/n``."""
    measures: list[Measure] = []
    met = total = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if match := _MEASURE_LINE.match(line):
            status, name, value, detail = match.groups()
            measures.append(Measure(name, status, value, detail or ""))
        elif match := _NA_LINE.match(line):
            measures.append(Measure(match.group(1), "n/a"))
        elif match := _SCORE_LINE.match(line):
            met, total = int(match.group(1)), int(match.group(2))
    return Scored(tuple(measures), met, total)


# --- stories ------------------------------------------------------------------------------------


@dataclass(slots=True)
class StoryRun:
    story: str  # the gold file's stem: "rpm2-T03"
    part: split.Part
    articles: int = 0
    seconds: float = 0.0
    problem: str | None = None  # why the story could not be scored
    ingest_exit: int | None = None
    scored: Scored | None = None
    violations_over: dict[str, int] = field(default_factory=dict)  # measure label -> gold items
    output: dict[str, int] = field(default_factory=dict)  # what the dossier holds (output_counts)


def story_of(gold: Path, golden: Mapping[str, Any]) -> Story:
    """The story a gold file is about: ``rpm2-T03.json`` -> ``rpm2/T03``."""
    key = gold.stem.replace("-", "/", 1)
    for story in STORIES:
        if story.key == key:
            return story
    manifest = golden.get("manifest") or [{}]
    return Story(key, str(manifest[0].get("language") or "en"))


def recoupe_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "recoupe", *args]


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command),
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def run_story(gold: Path, data: Path, scorer: Path) -> StoryRun:
    """Build, ingest, export and score one story (see the module's docstring)."""
    golden = json.loads(gold.read_text(encoding="utf-8"))
    run = StoryRun(gold.stem, split.dossier_part(gold.stem))
    run.violations_over = {
        spec.label: len(golden.get(spec.violations) or [])
        for spec in MEASURES
        if spec.violations is not None
    }
    tune = run.part == split.TUNE
    started = time.perf_counter()
    folder = materialise(story_of(gold, golden), data, TEXTS_DIR)
    run.articles = len((folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    with tempfile.TemporaryDirectory(prefix=f"recoupe-dossier-{gold.stem}-") as scratch:
        db, export = Path(scratch) / "dossier.db", Path(scratch) / "export.json"
        ingest = _run(recoupe_command("ingest", str(folder / "manifest.jsonl"), "--db", str(db)))
        run.ingest_exit = ingest.returncode
        if ingest.returncode not in (0, 1):  # 1: some documents failed, the others are stored
            run.problem = f"ingest exit {ingest.returncode}"
            if tune:
                run.problem += f": {ingest.stderr.strip()[-2000:]}"
            return _done(run, started)
        exported = _run(
            recoupe_command("export", "--db", str(db), "--format", "json", "-o", str(export))
        )
        if exported.returncode != 0 or not export.is_file():
            run.problem = f"export exit {exported.returncode}"
            if tune:
                run.problem += f": {exported.stderr.strip()[-2000:]}"
            return _done(run, started)
        try:
            run.output = output_counts(json.loads(export.read_text(encoding="utf-8")))
        except (ValueError, TypeError, AttributeError) as error:  # not a dossier: say so
            run.problem = f"export unreadable: {type(error).__name__}"
            return _done(run, started)
        scoring = _run([sys.executable, str(scorer), str(gold), str(export)])
        scored = parse_scorer_output(scoring.stdout)
        if scored.total is None:
            run.problem = f"scorer exit {scoring.returncode} without a SCORE line"
            if tune:
                run.problem += f": {scoring.stderr.strip()[-2000:]}"
        if tune:
            DETAILS_DIR.mkdir(parents=True, exist_ok=True)
            (DETAILS_DIR / f"{gold.stem}.txt").write_text(
                scoring.stdout + scoring.stderr, encoding="utf-8"
            )
            (DETAILS_DIR / f"{gold.stem}.export.json").write_bytes(export.read_bytes())
            run.scored = scored
        else:
            run.scored = scored.figures_only()
    return _done(run, started)


OUTPUT_LISTS = ("entities", "events", "quotes", "discrepancies")


def output_counts(exported: Mapping[str, Any]) -> dict[str, int]:
    """What a dossier holds: its entities, events, quotes and discrepancies, and its
    discrepancies per kind (``discrepancies.number_conflict`` …). The gold scores recall only;
    these volumes show what a rule adds besides what it finds (a rule that finds two more
    disagreements by flagging forty more shows here), for every part: they say nothing of what
    a story misses."""
    if not isinstance(exported, Mapping):
        raise TypeError("an export is a JSON object")
    counts = {name: len(exported.get(name) or []) for name in OUTPUT_LISTS}
    for item in exported.get("discrepancies") or []:
        key = f"discrepancies.{item.get('kind') or 'unknown'}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def output_totals(runs: Sequence[StoryRun]) -> dict[str, dict[str, int]]:
    """Per part, the volumes of :func:`output_counts` summed over its stories."""
    totals: dict[str, dict[str, int]] = {}
    for run in runs:
        part = totals.setdefault(run.part, {})
        for key, value in run.output.items():
            part[key] = part.get(key, 0) + value
    return totals


def output_table(totals: Mapping[str, Mapping[str, int]]) -> str:
    keys = sorted({key for part in totals.values() for key in part})
    rows = [(key, *(totals.get(part, {}).get(key, 0) for part in split.PARTS)) for key in keys]
    return format_table(("dossiers hold", *split.PARTS), rows)


def output_stories(runs: Sequence[StoryRun]) -> dict[str, str]:
    """Per part, how many of its stories the volumes cover (those that were exported)."""
    return {
        part: f"{sum(bool(r.output) for r in runs if r.part == part)}"
        f"/{sum(r.part == part for r in runs)}"
        for part in split.PARTS
    }


def _done(run: StoryRun, started: float) -> StoryRun:
    run.seconds = time.perf_counter() - started
    return run


def clear_check_details(golds: Sequence[Path]) -> None:
    """No scorer output of a check story lies around in ``eval/out/dossiers``."""
    for gold in golds:
        if split.dossier_part(gold.stem) == split.CHECK:
            for name in (f"{gold.stem}.txt", f"{gold.stem}.export.json"):
                (DETAILS_DIR / name).unlink(missing_ok=True)


# --- figures ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Total:
    right: int = 0  # items right (for a violation count: the gold items less the violations)
    items: int = 0
    met: int = 0  # stories where the measure is met
    stories: int = 0  # stories where it applies

    def share(self) -> float:
        return self.right / self.items if self.items else 0.0


def measure_items(measure: Measure, violations_over: Mapping[str, int]) -> tuple[int, int] | None:
    """``(right, items)`` of one story's measure, or None when it does not apply or cannot be
    read."""
    if not measure.applies:
        return None
    ratio = measure.ratio()
    if ratio is not None:
        return ratio
    count, over = measure.count(), violations_over.get(measure.name)
    if count is None or not over:
        return None
    return max(0, over - count), over


def part_totals(runs: Sequence[StoryRun], part: split.Part) -> dict[str, Total]:
    """Per measure label (and ``SCORE``), the part's totals over its scored stories."""
    totals: dict[str, Total] = {}
    score = Total()
    for run in runs:
        if run.part != part or run.scored is None or run.scored.total is None:
            continue
        score.right += run.scored.met or 0
        score.items += run.scored.total
        score.met += run.scored.met == run.scored.total
        score.stories += 1
        for measure in run.scored.measures:
            items = measure_items(measure, run.violations_over)
            if items is None:
                continue
            total = totals.setdefault(measure.name, Total())
            total.right += items[0]
            total.items += items[1]
            total.met += measure.met
            total.stories += 1
    ordered = {spec.label: totals[spec.label] for spec in MEASURES if spec.label in totals}
    ordered.update({label: t for label, t in totals.items() if label not in ordered})
    if score.items:
        ordered["SCORE"] = score
    return ordered


def slug(label: str) -> str:
    if label == "SCORE":
        return "score"
    spec = SPECS.get(label)
    return spec.slug if spec else re.sub(r"\W+", "_", label.lower()).strip("_")


def part_figures(totals: Mapping[str, Total]) -> dict[str, float]:
    return {f"dossiers.{slug(label)}": total.share() for label, total in totals.items()}


# --- report -------------------------------------------------------------------------------------


def stories_table(runs: Sequence[StoryRun]) -> str:
    labels = [spec.label for spec in MEASURES]
    extra = sorted(
        {m.name for r in runs if r.scored for m in r.scored.measures if m.name not in SPECS}
    )
    headers = ("story", "part", "articles", *(SPECS[label].column for label in labels), *extra)
    rows = []
    for run in runs:
        by_name = {m.name: m for m in run.scored.measures} if run.scored else {}
        cells = [by_name[label].cell() if label in by_name else "" for label in [*labels, *extra]]
        score = (
            f"{run.scored.met}/{run.scored.total}"
            if run.scored and run.scored.total is not None
            else (run.problem or "").split(":", 1)[0]
        )
        rows.append((run.story, run.part, run.articles, *cells, score, f"{run.seconds:.0f}"))
    return format_table((*headers, "SCORE", "s"), rows)


def totals_table(totals: Mapping[split.Part, Mapping[str, Total]]) -> str:
    labels: list[str] = []
    for part_totals_ in totals.values():
        labels.extend(label for label in part_totals_ if label not in labels)
    order = {spec.label: i for i, spec in enumerate(MEASURES)}
    labels.sort(key=lambda label: order.get(label, len(order) + (label == "SCORE")))
    rows = []
    for label in labels:
        row: list[object] = [label]
        for part in split.PARTS:
            total = totals.get(part, {}).get(label)
            row += (
                [f"{total.right}/{total.items}", f"{total.met}/{total.stories}", total.share()]
                if total
                else ["", "", None]
            )
        rows.append(row)
    headers = ["measure"]
    for part in split.PARTS:
        headers += [f"{part} right", f"{part} met", f"{part} share"]
    return format_table(headers, rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.dossiers",
        description=(__doc__ or "").split("\n")[0],
        fast="the same stories (keys ending in .check.fast)",
    )


def shared_eval_dir(data: Path) -> Path:
    """``../shared/eval``: the scorer, next to the data folder."""
    return data.parent / "eval"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = data_dir()
    scorer = shared_eval_dir(data) / SCORER
    for needed in (data, scorer):
        if not needed.exists():
            print(skip_message(needed))
            return 0
    golds = sorted(GOLD_DIR.glob("*.json"))
    if not golds:
        print(skip_message(GOLD_DIR / "*.json"))
        return 0
    started = time.perf_counter()
    clear_check_details(golds)
    progress(f"dossiers: {len(golds)} stories ({WORKERS} at a time)")
    with ThreadPoolExecutor(max_workers=max(1, min(WORKERS, os.cpu_count() or 1))) as pool:
        runs = list(pool.map(lambda gold: run_story(gold, data, scorer), golds))
    runs.sort(key=lambda r: (split.PARTS.index(r.part), r.story))

    totals = {part: part_totals(runs, part) for part in split.PARTS}
    by_part = figures_by_part({part: part_figures(totals[part]) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    problems = [f"{r.story}: {r.problem}" for r in runs if r.problem]
    if args.ratchet and figures and not problems:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    print(stories_table(runs))
    print()
    print(totals_table(totals))
    print("(a count of violations: right = the gold's pairs, names or entries less the violations)")
    print()
    print(output_table(output_totals(runs)))
    covered = ", ".join(f"{part} {n}" for part, n in output_stories(runs).items())
    print(f"(volumes, not scores: what a change adds besides what it finds; stories: {covered})")
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    tune_files = [DETAILS_DIR / f"{r.story}.txt" for r in runs if r.part == split.TUNE]
    if any(p.is_file() for p in tune_files):
        print(f"\ntune stories in full: {', '.join(str(p) for p in tune_files if p.is_file())}")
    path = write_result(
        "dossiers",
        {
            "fast": args.fast,
            "data": str(data),
            "scorer": str(scorer),
            "seconds": time.perf_counter() - started,
            "stories": [
                {
                    "story": r.story,
                    "part": r.part,
                    "articles": r.articles,
                    "seconds": r.seconds,
                    "ingest_exit": r.ingest_exit,
                    "problem": r.problem,
                    "measures": [
                        {"name": m.name, "status": m.status, "value": m.value}
                        for m in (r.scored.measures if r.scored else ())
                    ],
                    "score": [r.scored.met, r.scored.total] if r.scored else None,
                    "output": r.output,
                }
                for r in runs
            ],
            "totals": {
                part: {
                    label: {
                        "right": t.right,
                        "items": t.items,
                        "met": t.met,
                        "stories": t.stories,
                        "share": t.share(),
                    }
                    for label, t in part_totals_.items()
                }
                for part, part_totals_ in totals.items()
            },
            "output": output_totals(runs),
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks, ("not scored", problems, "; "))


if __name__ == "__main__":
    sys.exit(main())
