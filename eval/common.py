"""Helpers shared by the evaluation tasks: where the data is, pinned floors, tables, results.

The data sets live outside the repository (their pages belong to their publishers): by default in
``../shared/data`` next to the repository root, or wherever ``RECOUPE_EVAL_DATA`` points.

Every figure is computed on both parts of its set (``eval/split.py``: tune and check). Floors are
pinned on the check part only, in ``eval/floors.json`` as
``{"<task>.<set>.<figure>.check[.fast]": value}``. A figure below its floor fails the run; floors
only ever go up (:func:`ratchet_floors`). Each harness writes its figures of both parts under
``"parts"`` in its result file (:func:`figures_by_part`); ``make eval`` prints them side by side
with the gap (tune - check) in one table at the end (:func:`format_parts_table`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from eval.split import CHECK, PARTS, TUNE

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO / "eval"
OUT_DIR = EVAL_DIR / "out"
FLOORS_PATH = EVAL_DIR / "floors.json"
DATA_ENV = "RECOUPE_EVAL_DATA"
DEFAULT_DATA = REPO.parent / "shared" / "data"
FLOOR_DECIMALS = 3
# what a result file holds instead of the items the check part misses (figures stay)
WITHHELD = "withheld: check part (scored and reported, never read for what it misses)"

T = TypeVar("T")


def data_dir() -> Path:
    """``$RECOUPE_EVAL_DATA`` (relative to the working directory), else ``../shared/data``."""
    configured = os.environ.get(DATA_ENV, "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DATA


def skip_message(path: Path) -> str:
    return f"skipped: {path} not found"


def fast_subset(items: Sequence[T], step: int = 4) -> list[T]:
    """A deterministic subset for quick runs: every ``step``-th item of an already sorted list."""
    return list(items[::step])


def floor_key(name: str, *, fast: bool) -> str:
    return f"{name}.fast" if fast else name


def part_key(name: str, part: str, *, fast: bool) -> str:
    """``<name>.<part>``, ``.fast`` appended for ``--fast`` runs."""
    return floor_key(f"{name}.{part}", fast=fast)


def figures_by_part(parts: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """``{part: {figure: value}}`` -> ``{figure: {part: value}}`` (figures sorted, parts in
    ``PARTS`` order)."""
    names = sorted({name for figures in parts.values() for name in figures})
    return {
        name: {part: float(parts[part][name]) for part in PARTS if name in parts.get(part, {})}
        for name in names
    }


def is_margin(name: str) -> bool:
    """A margin over a baseline (``*_vs_*``): floored once positive, or once it has a floor."""
    return "_vs_" in name.rsplit(".", 1)[-1]


def check_figures(
    by_part: Mapping[str, Mapping[str, float]], *, fast: bool, floors: Mapping[str, float]
) -> dict[str, float]:
    """The figures checked against floors: the CHECK part's, under ``<name>.check[.fast]``;
    margins only when positive or already floored."""
    figures: dict[str, float] = {}
    for name, values in by_part.items():
        if CHECK not in values:
            continue
        key = part_key(name, CHECK, fast=fast)
        if is_margin(name) and values[CHECK] <= 0 and key not in floors:
            continue
        figures[key] = values[CHECK]
    return figures


def format_parts_table(
    by_part: Mapping[str, Mapping[str, float]],
    floors: Mapping[str, float] | None = None,
    *,
    fast: bool = False,
) -> str:
    """One row per figure: tune, check, the gap (tune - check) and the check part's floor."""
    floors = floors if floors is not None else {}
    rows = []
    for name, values in by_part.items():
        tune, check = values.get(TUNE), values.get(CHECK)
        gap = tune - check if tune is not None and check is not None else None
        rows.append((name, tune, check, gap, floors.get(part_key(name, CHECK, fast=fast))))
    return format_table(("figure", "tune", "check", "gap", "check floor"), rows)


def withhold(value: Any, keys: Iterable[str]) -> Any:
    """A copy of the JSON-like ``value`` with whatever is under ``keys`` (at any depth) replaced
    by :data:`WITHHELD`: a check part's result without its lists of missed items."""
    wanted = frozenset(keys)
    if isinstance(value, Mapping):
        return {
            key: WITHHELD if key in wanted else withhold(item, wanted)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [withhold(item, wanted) for item in value]
    return value


def withhold_check(parts: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """``{part: result}`` with the check part's result :func:`withhold`-en."""
    keys = tuple(keys)
    return {part: withhold(r, keys) if part == CHECK else r for part, r in parts.items()}


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of floors")
    return {str(key): float(value) for key, value in data.items()}


@dataclass(frozen=True, slots=True)
class FloorCheck:
    key: str
    value: float
    floor: float | None

    @property
    def ok(self) -> bool:
        return self.floor is None or self.value >= self.floor


def check_floors(figures: Mapping[str, float], floors: Mapping[str, float]) -> list[FloorCheck]:
    """One check per figure; a figure without a floor passes (and says so in the table)."""
    return [FloorCheck(key, value, floors.get(key)) for key, value in sorted(figures.items())]


def round_down(value: float, decimals: int = FLOOR_DECIMALS) -> float:
    scale = 10.0**decimals
    # the epsilon keeps 0.962 (stored as 0.96199999…) from dropping to 0.961
    return math.floor(value * scale + 1e-9) / scale


def ratchet_floors(figures: Mapping[str, float], path: Path = FLOORS_PATH) -> dict[str, float]:
    """Raise the floors of ``figures`` to their values rounded down, never lower one; return all."""
    floors = load_floors(path)
    for key, value in figures.items():
        floors[key] = max(floors.get(key, -math.inf), round_down(value))
    path.write_text(json.dumps(dict(sorted(floors.items())), indent=2) + "\n", encoding="utf-8")
    return floors


def join_tokens(tokens: Iterable[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """A text rebuilt from ``(token, separator after it)`` pairs, and each token's offsets in it.

    ``text[start:end] == token`` for every token; the separator after the last token is dropped.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    separator = ""
    for token, after in tokens:
        parts.append(separator)
        position += len(separator)
        parts.append(token)
        offsets.append((position, position + len(token)))
        position += len(token)
        separator = after
    return "".join(parts), offsets


def join_sentences(sentences: Iterable[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Tokens joined by a space within a sentence, sentences by a new line; offsets per sentence."""
    lengths: list[int] = []
    pairs: list[tuple[str, str]] = []
    for sentence in sentences:
        lengths.append(len(sentence))
        pairs.extend((token, " ") for token in sentence)
        if sentence:
            pairs[-1] = (pairs[-1][0], "\n")
    text, offsets = join_tokens(pairs)
    nested, start = [], 0
    for length in lengths:
        nested.append(offsets[start : start + length])
        start += length
    return text, nested


def system_scores(
    results: Mapping[str, Mapping[str, Any]], key: str = "systems"
) -> Iterator[tuple[str, str, Mapping[str, Any], str, Mapping[str, Any]]]:
    """(set, part, part's result, system, its scores) of per-part results, in order: the rows
    every harness's results table is made of."""
    for set_name, parts in results.items():
        for part, result in parts.items():
            for name, scores in result[key].items():
                yield set_name, part, result, name, scores


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table, numbers right-aligned, floats with 4 decimals."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    numeric = [
        all(_is_number(row[i]) for row in cells) and bool(cells) for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        parts = (
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        )
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in cells)])


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return "" if value is None else str(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text == ""
    return True


def format_floor_checks(checks: Sequence[FloorCheck]) -> str:
    rows = [
        (
            c.key,
            c.value,
            c.floor,
            "ok" if c.floor is not None and c.ok else ("no floor" if c.ok else "BELOW"),
        )
        for c in checks
    ]
    return format_table(("figure", "value", "floor", "status"), rows)


def write_result(name: str, payload: Mapping[str, Any]) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def progress(message: str) -> None:
    """A progress note on standard error (the table goes to standard output)."""
    print(message, file=sys.stderr, flush=True)


def harness_arguments(
    argv: Sequence[str] | None, *, prog: str, description: str, fast: str
) -> argparse.Namespace:
    """The options every harness takes: ``--fast`` (a subset, ``.fast`` floor keys) and
    ``--ratchet`` (raise the floors to this run's figures)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--fast", action="store_true", help=f"{fast} (floor keys end in .fast)")
    parser.add_argument(
        "--ratchet",
        action="store_true",
        help="raise eval/floors.json to this run's figures (rounded down; never lowered)",
    )
    return parser.parse_args(argv)


def package_versions(*packages: str) -> dict[str, str]:
    """Installed versions of ``packages`` ("absent" for those not installed)."""
    found = {}
    for package in packages:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "absent"
    return found


def floors_json(checks: Sequence[FloorCheck]) -> list[dict[str, Any]]:
    return [{"key": c.key, "value": c.value, "floor": c.floor, "ok": c.ok} for c in checks]


def exit_status(
    path: Path, checks: Sequence[FloorCheck], *problems: tuple[str, Sequence[str], str]
) -> int:
    """A harness's last words: where its result is, the figures under their floor, then each
    list of ``problems`` that is not empty (``(label, items, separator)``); 1 if any, else 0."""
    print(f"\nwritten: {path}")
    failed = below_floor(checks)
    for label, items, separator in problems:
        if items:
            print(f"{label}: {separator.join(items)}")
    return 1 if failed or any(items for _, items, _ in problems) else 0


def below_floor(checks: Sequence[FloorCheck]) -> list[str]:
    """The keys under their floor, said on standard output when there are any."""
    failed = [c.key for c in checks if not c.ok]
    if failed:
        print(f"below floor: {', '.join(failed)}")
    return failed
