"""Ids that are unique by construction.

Derived rows (entities, events, quotes, discrepancies) get ids hashed from what names them: a
type and a canonical name, a first statement, a kind and its values. Two different rows can hash
alike (two people called by one first name, two timeline entries opening on the same sentence),
so every corpus step passes its rows through :func:`unique` before anything refers to them or
stores them. A collision is resolved deterministically: the rows sharing an id are ordered by a
content key of their own (their first mention, their evidence); the first keeps the id, each
other one gets the id plus a short hash of its content key. The same input gives the same ids in
every build, and a row keeps its id when an unrelated row is added.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")


def short_hash(text: str, length: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def unique(
    items: Sequence[T],
    *,
    id_of: Callable[[T], str],
    content_key: Callable[[T], Hashable],
    with_id: Callable[[T, str], T],
    same: Callable[[T, T], T] | None = None,
) -> list[T]:
    """``items`` in their order with every id distinct.

    ``content_key`` tells rows apart: rows with the same id *and* the same content key are one row
    found twice; ``same`` merges them (default: the first is kept). Rows with the same id and
    different content keys are different rows: all but the first in content-key order are renamed.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        groups[id_of(item)].append(position)
    if all(len(positions) == 1 for positions in groups.values()):
        return list(items)
    result: dict[int, T] = {}
    taken = set(groups)
    for identifier, positions in groups.items():
        by_content: dict[Hashable, int] = {}
        for position in positions:
            key = content_key(items[position])
            if key in by_content:  # one row found twice: merge into the first occurrence
                first = by_content[key]
                result[first] = same(result[first], items[position]) if same else result[first]
                continue
            by_content[key] = position
            result[position] = items[position]
        ordered = sorted(by_content.items(), key=lambda pair: repr(pair[0]))
        for key, position in ordered[1:]:
            new_id = f"{identifier}-{short_hash(repr(key), 6)}"
            counter = 2
            while new_id in taken:  # practically never: a hash of a hash collided
                new_id = f"{identifier}-{short_hash(f'{key!r}#{counter}', 6)}"
                counter += 1
            taken.add(new_id)
            result[position] = with_id(items[position], new_id)
    return [result[position] for position in sorted(result)]
