"""Ids unique by construction: collisions resolved deterministically, duplicates merged."""

from dataclasses import dataclass, replace

from recoupe.ids import unique


@dataclass(frozen=True)
class Row:
    id: str
    content: str
    weight: int = 1


def _unique(rows: list[Row]) -> list[Row]:
    return unique(
        rows,
        id_of=lambda r: r.id,
        content_key=lambda r: r.content,
        with_id=lambda r, new: replace(r, id=new),
        same=lambda a, b: replace(a, weight=a.weight + b.weight),
    )


def test_distinct_rows_sharing_an_id_get_distinct_ids_whatever_their_order() -> None:
    rows = [Row("e1", "Mehdi"), Row("e1", "Mohamed"), Row("e2", "Paris")]
    forward = _unique(rows)
    backward = _unique(list(reversed(rows)))
    assert len({r.id for r in forward}) == 3
    assert {r.content: r.id for r in forward} == {r.content: r.id for r in backward}
    assert {r.content: r.id for r in forward}["Paris"] == "e2"
    assert "e1" in {r.id for r in forward}  # one of the two keeps the plain id


def test_one_row_found_twice_is_merged_not_renamed() -> None:
    rows = [Row("d1", "same", 1), Row("d2", "other"), Row("d1", "same", 2)]
    out = _unique(rows)
    assert [(r.id, r.weight) for r in out] == [("d1", 3), ("d2", 1)]


def test_a_renamed_id_never_takes_an_existing_one() -> None:
    rows = [Row("x", f"c{i}") for i in range(50)]
    out = _unique(rows)
    assert len({r.id for r in out}) == 50
    assert _unique(rows) == out  # same input, same ids
