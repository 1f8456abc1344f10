"""The tune/check split of the evaluation sets (eval/split.py): deterministic, disjoint, complete."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from eval import split

REPO = Path(__file__).resolve().parent.parent


def _assert_partition(items: Sequence[object], parts: dict[split.Part, list[object]]) -> None:
    assert set(parts) == set(split.PARTS)
    tune, check = parts[split.TUNE], parts[split.CHECK]
    assert tune and check
    assert not set(tune) & set(check)  # disjoint
    assert sorted(map(str, tune + check)) == sorted(map(str, items))  # every item, once


AEB = sorted(f"{i:04x}" * 16 for i in range(91))
TIMEBANK = sorted(f"doc{i:03d}.tml" for i in range(54))
HIPE = [f"dev_fr_{i}" for i in range(1, 36)] + [f"dev2_fr_{i}" for i in range(1, 36)]
QUOTES = sorted(
    json.loads(line)["id"]
    for line in (REPO / "eval" / "data" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
)
RPM2 = [f"T{t:02d}_C{c}_{d:02d}" for t in range(1, 11) for c in (1, 2) for d in range(1, 11)]
ECBPLUS = [
    f"{t}{kind}" for t in range(1, 46, 2) if t not in (15, 17) for kind in ("ecb", "ecbplus")
]
MEANTIME = [f"corpus_{c}/doc{i}" for c in ("airbus", "apple") for i in range(30)]
GOLDS = sorted(p.stem for p in (REPO / "eval" / "gold").glob("*.json"))

CASES: list[tuple[str, Sequence[str], Callable[[str], split.Part] | None]] = [
    ("aeb pages", AEB, None),
    ("fr-timebank files", TIMEBANK, None),
    ("hipe documents", HIPE, None),
    ("quote passages", QUOTES, None),
    ("rpm2 documents", RPM2, split.rpm2_part),
    ("ecb+ subtopics", ECBPLUS, split.ecbplus_part),
    ("meantime documents", MEANTIME, lambda doc: split.meantime_part(doc.split("/")[0])),
    ("semeval corpora", ["trial", "corpus_1"], split.semeval_part),
    ("gold dossiers", GOLDS, split.dossier_part),
]


@pytest.mark.parametrize(("items", "part_of"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_set_splits_into_two_disjoint_parts_covering_it(
    items: Sequence[str], part_of: Callable[[str], split.Part] | None
) -> None:
    def run() -> dict[split.Part, list[object]]:
        if part_of is None:
            return dict(split.split_alternate(items))  # type: ignore[arg-type]
        return dict(split.split(items, part_of))  # type: ignore[arg-type]

    parts = run()
    _assert_partition(items, parts)
    assert run() == parts  # deterministic
    fast = split.split_alternate(items, fast_step=4) if part_of is None else None
    if fast is not None:  # the --fast subset keeps both parts
        assert fast[split.TUNE] and fast[split.CHECK]
        assert set(fast[split.TUNE]) <= set(parts[split.TUNE])
        assert set(fast[split.CHECK]) <= set(parts[split.CHECK])


def test_topic_and_corpus_rules() -> None:
    assert [split.rpm2_part(f"T{t:02d}") for t in (1, 5, 6, 10, 11, 16)] == [
        "tune",
        "tune",
        "check",
        "check",
        "tune",
        "check",
    ]
    assert split.rpm2_part("T03_C2_07") == split.rpm2_part(3) == "tune"
    assert [split.ecbplus_part(t) for t in (1, 3, 5, 7, 9, 11, 13)] == ["tune"] * 3 + [
        "check"
    ] * 3 + ["tune"]
    assert split.ecbplus_part("11ecbplus") == split.ecbplus_part("11_4ecb") == "check"
    assert split.meantime_part("apple") == split.semeval_part("trial") == "tune"
    assert split.meantime_part("corpus_airbus") == split.semeval_part("corpus_1") == "check"
    with pytest.raises(KeyError):  # a new corpus is placed on purpose
        split.semeval_part("corpus_9")


def test_alternate_is_first_tune_then_check() -> None:
    assert split.alternate(["a", "b", "c"]) == {"tune": ["a", "c"], "check": ["b"]}
    assert split.alternate_part(["a", "b", "c"]) == {"a": "tune", "b": "check", "c": "tune"}
    parts = split.split(range(10), lambda i: "tune" if i < 3 else "check", fast_step=2)
    assert parts == {"tune": [0, 2], "check": [3, 5, 7, 9]}


def test_gold_dossiers_follow_the_readme_and_the_part_of_their_set() -> None:
    readme = (REPO / "eval" / "gold" / "README.md").read_text(encoding="utf-8")
    assert set(GOLDS) == set(split.DOSSIERS)
    for story, part in split.DOSSIERS.items():
        row = next(line for line in readme.splitlines() if f"`{story}.json`" in line)
        assert row.rstrip(" |").endswith(part) or row.rstrip(" |").endswith(f"**{part}**")
        assert split.story_part(story) == part  # a check story's texts are in check parts too


def test_check_results_withhold_their_misses_and_floors_read_the_check_part() -> None:
    from eval.common import WITHHELD, check_figures, figures_by_part, withhold_check

    results = {"tune": {"misses": [1], "f1": 0.9}, "check": {"sys": {"misses": [2], "f1": 0.8}}}
    kept = withhold_check(results, ("misses",))
    assert kept["tune"] == results["tune"]
    assert kept["check"] == {"sys": {"misses": WITHHELD, "f1": 0.8}}
    by_part = figures_by_part(
        {"tune": {"t.s.f1": 0.9}, "check": {"t.s.f1": 0.8, "t.s.f1_vs_x": -0.1}}
    )
    assert by_part == {"t.s.f1": {"tune": 0.9, "check": 0.8}, "t.s.f1_vs_x": {"check": -0.1}}
    assert check_figures(by_part, fast=False, floors={}) == {"t.s.f1.check": 0.8}
