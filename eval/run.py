"""``make eval``: every quality harness in turn; fails when any figure is below its floor.

Usage: python -m eval.run [--fast] [--ratchet]

Each harness scores the tune and the check part of its sets (``eval/split.py``); at the end one
table gives every figure of this run on both parts side by side with the gap (tune - check) and
the check part's floor, and the time each harness took.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from eval import dossiers, entities, extraction, quotes, stories, timeline
from eval import time as time_harness
from eval.common import OUT_DIR, format_parts_table, load_floors

HARNESSES: tuple[tuple[str, Callable[[Sequence[str] | None], int]], ...] = (
    ("extraction", extraction.main),
    ("entities", entities.main),
    ("time", time_harness.main),
    ("timeline", timeline.main),
    ("quotes", quotes.main),
    ("stories", stories.main),
    ("dossiers", dossiers.main),
)


def read_parts(name: str) -> dict[str, dict[str, float]]:
    """The figures by part a harness wrote in ``eval/out/<name>.json`` (none when it skipped)."""
    path = OUT_DIR / f"{name}.json"
    if not path.is_file():
        return {}
    payload: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return dict(payload.get("parts") or {})


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    fast = "--fast" in args
    failed = []
    by_part: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    for name, harness in HARNESSES:
        print(f"== {name}", flush=True)
        (OUT_DIR / f"{name}.json").unlink(missing_ok=True)  # no stale figures in the summary
        started = time.perf_counter()
        if harness(args) != 0:
            failed.append(name)
        seconds[name] = time.perf_counter() - started
        by_part.update(read_parts(name))
    print("\n== summary: every figure on the tune and the check part (floors: check only)")
    if by_part:
        print(format_parts_table(by_part, load_floors(), fast=fast))
    else:
        print("no figures (no data)")
    print(
        "\ntime: "
        + ", ".join(f"{name} {value:.0f} s" for name, value in seconds.items())
        + f"; total {sum(seconds.values()):.0f} s"
    )
    if failed:
        print(f"below floor: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
