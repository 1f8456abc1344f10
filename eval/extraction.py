"""Main-text extraction quality: recoupe's ``extract_html`` against bare ``trafilatura.extract``.

Run from the repository root::

    python -m eval.extraction [--fast] [--ratchet]

Two data sets, both scored for recoupe and for bare ``trafilatura.extract(html)`` (default
settings) on the same pages in the same run:

``article-extraction-benchmark`` (``aeb``)
    Scored as upstream's ``evaluate.py`` (scrapinghub/article-extraction-benchmark): text split
    into ``\\w+`` tokens (case kept), counted as 4-token shingles; per page TP/FP/FN from the
    shingle multisets, normalised to sum to 1; precision is the mean over pages with a non-empty
    prediction, recall the mean over pages with a non-empty gold text, F1 the harmonic mean of those
    two means. (Upstream's bootstrap confidence intervals are not computed.)

``trafilatura-eval-fr-en`` (``fr_en``)
    Scored as upstream's ``tests/evaluate.py`` (adbar/trafilatura): white space collapsed on both
    sides, each ``with`` snippet found in the output is a TP, missing a FN; each ``without``
    snippet found is a FP, absent a TN; counts are summed over all pages (micro average), then
    precision, recall, F1 and accuracy.

A page recoupe refuses (``IngestError``) or an extractor crash counts as an empty output.

Each set is split into a tune and a check part (``eval/split.py``: pages in sorted order,
alternate) and scored on each part apart. The results go to ``eval/out/extraction.json``; the
check part's figures are checked against ``eval/floors.json`` (keys ``….check``; ``--fast``: every
4th page of each part, keys ending in ``.check.fast``). Exit status 1 when a figure is below its
floor, 0 otherwise, also when the data folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import trafilatura

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
    load_floors,
    progress,
    ratchet_floors,
    skip_message,
    system_scores,
    withhold_check,
    write_result,
)
from recoupe.errors import IngestError
from recoupe.extract.html import extract_html

AEB_DIR = "article-extraction-benchmark"
FR_EN_DIR = "trafilatura-eval-fr-en"
SHINGLE_N = 4
FAST_STEP = 4
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str | bytes], str]


# --- extractors ---------------------------------------------------------------------------------


def run_recoupe(html: str | bytes) -> str:
    try:
        return extract_html(html).text
    except IngestError:
        return ""


def run_trafilatura(html: str | bytes) -> str:
    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Extractor] = {"recoupe": run_recoupe, "trafilatura": run_trafilatura}


@dataclass(slots=True)
class Timed:
    """Outputs of one extractor over a set, with the time spent extracting and the crashes."""

    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    def run(self, extractor: Extractor, html: str | bytes) -> str:
        start = time.perf_counter()
        try:
            text = extractor(html)
        except Exception:  # scored as a miss, as upstream does; counted and logged
            logging.getLogger(__name__).exception("extractor crashed")
            self.errors += 1
            text = ""
        finally:
            self.seconds += time.perf_counter() - start
        self.outputs.append(text)
        return text

    def pages_per_second(self) -> float:
        return len(self.outputs) / self.seconds if self.seconds else 0.0


# pays imports and one-time set-up (URL parsing tables, regexes) before timing starts
WARM_UP_PAGE = (
    '<html><head><link rel="canonical" href="https://example.org/news/warm-up.html"></head>'
    "<body><article><p>A warm-up paragraph long enough to count as a sentence of prose.</p>"
    "</article></body></html>"
)


def run_all(pages: Sequence[str | bytes]) -> dict[str, Timed]:
    """Every extractor on every page, interleaved so that both see the same machine state."""
    for extractor in EXTRACTORS.values():
        extractor(WARM_UP_PAGE)
    timed = {name: Timed() for name in EXTRACTORS}
    for page in pages:
        for name, extractor in EXTRACTORS.items():
            timed[name].run(extractor, page)
    return timed


# --- article-extraction-benchmark ---------------------------------------------------------------

TpFpFn = tuple[float, float, float]


def tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(gram for gram in grams if gram)


def shingle_matching(true: str, pred: str) -> TpFpFn:
    """Upstream ``string_shingle_matching``: TP/FP/FN over shingles, normalised to sum to 1."""
    true_counts, pred_counts = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aeb_scores(counts: Sequence[TpFpFn]) -> dict[str, float]:
    """Upstream ``metrics_from_tp_fp_fns``: page means of precision and recall, F1 of the means."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def load_aeb(root: Path, *, fast: bool, part: split.Part) -> tuple[list[str], list[str], list[str]]:
    """The part's sorted ids, their pages (UTF-8, as upstream reads them) and gold texts."""
    truth: dict[str, dict[str, str]] = json.loads((root / "ground-truth.json").read_text("utf-8"))
    ids = sorted(key for key in truth if (root / "html" / f"{key}.html.gz").is_file())
    ids = split.split_alternate(ids, fast_step=FAST_STEP if fast else None)[part]
    pages = []
    for key in ids:
        with gzip.open(root / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as handle:
            pages.append(handle.read())
    return ids, pages, [truth[key].get("articleBody", "") for key in ids]


def evaluate_aeb(root: Path, *, fast: bool, part: split.Part) -> dict[str, Any]:
    ids, pages, gold = load_aeb(root, fast=fast, part=part)
    progress(f"{AEB_DIR} ({part}): {len(ids)} pages")
    result: dict[str, Any] = {"pages": len(ids), "extractors": {}}
    for name, timed in run_all(pages).items():
        counts = [shingle_matching(g, out) for g, out in zip(gold, timed.outputs, strict=True)]
        result["extractors"][name] = {
            **aeb_scores(counts),
            "pages_per_second": timed.pages_per_second(),
            "errors": timed.errors,
            "empty": sum(1 for out in timed.outputs if not out.strip()),
            "per_page": {
                key: {"precision": _precision(*c), "recall": _recall(*c)}
                for key, c in zip(ids, counts, strict=True)
            },
        }
    return result


# --- trafilatura-eval-fr-en ---------------------------------------------------------------------


def norm(text: str) -> str:
    return " ".join(text.split())


def count_snippets(item: dict[str, Any], output: str) -> tuple[int, int, int, int]:
    """Upstream ``count_item``: (tp, fp, fn, tn) by white-space-normalised substring search."""
    text = norm(output)
    tp = sum(1 for snippet in item["with"] if norm(snippet) in text)
    fp = sum(1 for snippet in item["without"] if norm(snippet) in text)
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def snippet_scores(counts: Sequence[tuple[int, int, int, int]]) -> dict[str, float]:
    tp, fp, fn, tn = (
        (sum(column) for column in zip(*counts, strict=True)) if counts else (0, 0, 0, 0)
    )
    return {
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0,
        "without_dropped": tn / (fp + tn) if fp + tn else 0.0,
    }


def gold_file(root: Path) -> Path:
    """The annotation file: ``evaldata_fr_en.json`` if present, else ``evaldata.json``."""
    for name in ("evaldata_fr_en.json", "evaldata.json"):
        if (root / name).is_file():
            return root / name
    raise FileNotFoundError(f"{root}: no evaldata_fr_en.json or evaldata.json")


def load_fr_en(
    root: Path, *, fast: bool, part: split.Part
) -> tuple[list[str], list[bytes], list[dict[str, Any]]]:
    """The part's sorted keys, their pages as bytes (as upstream reads them) and annotations."""
    gold: dict[str, dict[str, Any]] = json.loads(gold_file(root).read_text("utf-8"))
    keys = sorted(key for key in gold if (root / "html" / gold[key]["file"]).is_file())
    keys = split.split_alternate(keys, fast_step=FAST_STEP if fast else None)[part]
    pages = [(root / "html" / gold[key]["file"]).read_bytes() for key in keys]
    return keys, pages, [gold[key] for key in keys]


def evaluate_fr_en(root: Path, *, fast: bool, part: split.Part) -> dict[str, Any]:
    keys, pages, items = load_fr_en(root, fast=fast, part=part)
    progress(f"{FR_EN_DIR} ({part}): {len(keys)} pages")
    result: dict[str, Any] = {"pages": len(keys), "extractors": {}}
    for name, timed in run_all(pages).items():
        counts = [count_snippets(item, out) for item, out in zip(items, timed.outputs, strict=True)]
        result["extractors"][name] = {
            **snippet_scores(counts),
            "pages_per_second": timed.pages_per_second(),
            "errors": timed.errors,
            "empty": sum(1 for out in timed.outputs if not out.strip()),
            "per_page": {
                key: dict(zip(("tp", "fp", "fn", "tn"), c, strict=True))
                for key, c in zip(keys, counts, strict=True)
            },
        }
    return result


# --- report -------------------------------------------------------------------------------------

SETS: dict[str, tuple[str, Callable[..., dict[str, Any]]]] = {
    "aeb": (AEB_DIR, evaluate_aeb),
    "fr_en": (FR_EN_DIR, evaluate_fr_en),
}
FLOORED = ("f1", "precision", "recall")


def part_figures(results: dict[str, dict[str, Any]], part: split.Part) -> dict[str, float]:
    """recoupe's figures on one part, and its F1 margin over bare trafilatura."""
    figures: dict[str, float] = {}
    for set_name, parts in results.items():
        result = parts[part]
        ours, bare = result["extractors"]["recoupe"], result["extractors"]["trafilatura"]
        for metric in FLOORED:
            figures[f"extraction.{set_name}.{metric}"] = ours[metric]
        figures[f"extraction.{set_name}.f1_vs_trafilatura"] = ours["f1"] - bare["f1"]
    return figures


def results_table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        (
            set_name,
            part,
            result["pages"],
            name,
            scores["f1"],
            scores["precision"],
            scores["recall"],
            f"{scores['pages_per_second']:.1f}",
            scores["errors"],
            scores["empty"],
        )
        for set_name, part, result, name, scores in system_scores(results, "extractors")
    ]
    headers = (
        "set",
        "part",
        "pages",
        "extractor",
        "F1",
        "precision",
        "recall",
        "pages/s",
        "errors",
        "empty",
    )
    return format_table(headers, rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.extraction",
        description=__doc__.split("\n")[0],
        fast="every 4th page of each part only",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    root = data_dir()
    if not root.is_dir():
        print(skip_message(root))
        return 0
    results: dict[str, dict[str, Any]] = {}
    for set_name, (folder, evaluate) in SETS.items():
        if not (root / folder).is_dir():
            print(skip_message(root / folder))
            continue
        results[set_name] = {
            part: evaluate(root / folder, fast=args.fast, part=part) for part in split.PARTS
        }
    if not results:
        return 0
    by_part = figures_by_part({part: part_figures(results, part) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    print(results_table(results))
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    path = write_result(
        "extraction",
        {
            "fast": args.fast,
            "data": str(root),
            "versions": {pkg: version(pkg) for pkg in ("trafilatura", "htmldate")},
            "sets": {name: withhold_check(parts, ("per_page",)) for name, parts in results.items()},
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks)


if __name__ == "__main__":
    sys.exit(main())
