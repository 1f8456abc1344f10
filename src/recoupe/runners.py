"""Where stage functions run: in this process (the default and the debugging path) or in a pool
of processes. Both give the same results in the same order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_ordered(
    function: Callable[[T], R], items: Iterable[T], *, workers: int = 1, window: int = 32
) -> Iterator[R]:
    """``map(function, items)``, lazily, in input order; on ``workers`` processes when > 1.

    At most ``window`` items per worker are in flight, so a large stream is never read ahead whole.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= window * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
