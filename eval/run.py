"""``make eval``: every quality harness in turn; fails when any figure is below its floor.

Usage: python -m eval.run [--fast] [--ratchet]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from eval import entities, extraction, quotes, stories, time, timeline

HARNESSES: tuple[tuple[str, Callable[[Sequence[str] | None], int]], ...] = (
    ("extraction", extraction.main),
    ("entities", entities.main),
    ("time", time.main),
    ("timeline", timeline.main),
    ("quotes", quotes.main),
    ("stories", stories.main),
)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    failed = []
    for name, harness in HARNESSES:
        print(f"== {name}", flush=True)
        if harness(args) != 0:
            failed.append(name)
    if failed:
        print(f"below floor: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
