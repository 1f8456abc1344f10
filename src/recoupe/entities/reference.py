"""Linking entities to a reference list the user supplied (ids, names, aliases, types).

An entity is linked when one of its names has the key of exactly one reference entry of a
compatible type. A person is linked by a full name only, never by a bare surname. Nothing is
bundled: the lists are the user's.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from recoupe.entities.model import EntityType
from recoupe.entities.names import name_key
from recoupe.entities.resolve import ResolvedEntity
from recoupe.errors import UsageError

_WIKIDATA = re.compile(r"^Q\d+$")


@dataclass(frozen=True, slots=True)
class Reference:
    scheme: str
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()


def read_references(path: Path) -> Iterator[Reference]:
    """Entries of a JSON Lines file: {"id", "name", "aliases"?, "type"?, "scheme"?}."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            ref_id, name = str(item["id"]), str(item["name"])
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{number}: not a reference record ({exc})") from exc
        scheme = item.get("scheme") or ("wikidata" if _WIKIDATA.match(ref_id) else "ref")
        kind = item.get("type")
        if kind is not None and kind not in EntityType.__members__:
            raise UsageError(f"{path}:{number}: type must be one of PERSON, ORG, LOC, MISC")
        yield Reference(scheme, ref_id, name, kind, tuple(str(a) for a in item.get("aliases", [])))


def link(
    entities: Sequence[ResolvedEntity], references: Iterable[Reference]
) -> list[ResolvedEntity]:
    """``entities`` with ``external_ids`` set where one reference entry matches unambiguously."""
    index: dict[str, list[Reference]] = defaultdict(list)
    for ref in references:
        for name in {ref.name, *ref.aliases}:
            index[name_key(name)].append(ref)
    return [_link_one(entity, index) for entity in entities]


def _link_one(entity: ResolvedEntity, index: dict[str, list[Reference]]) -> ResolvedEntity:
    found: dict[str, set[str]] = defaultdict(set)
    for name in {entity.name, *entity.aliases}:
        key = name_key(name)
        if entity.type is EntityType.PERSON and " " not in key:
            continue
        for ref in index.get(key, []):
            if ref.type in (None, str(entity.type)):
                found[ref.scheme].add(ref.id)
    ids = {scheme: next(iter(refs)) for scheme, refs in found.items() if len(refs) == 1}
    if not ids:
        return entity
    return replace(entity, external_ids={**entity.external_ids, **ids})
