"""eval/dossiers.py without data: the shared scorer's output parsed into measures, and the skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval import dossiers

SAMPLE = """\
ok   provenance exact spans: 648/648
MISS entity recall: 40/45 missing=['armstrong_team', 'afld_chief']
MISS must-merge pairs merged: 11/24 failed=['Lance Armstrong|Armstrong', 'AFLD|Agence(absent)']
MISS must-not-merge violations: 1 ['Armstrong|Lance']
n/a  boilerplate entities leaked
ok   timeline dates: 27/31 wrong=['comeback=['2009']'] missing=['tour']
n/a  timeline (relative to an in-text reference date)
ok   known wrong dates produced: 0
MISS quotes attributed: 15/40 missing=['q1', 'q2']
MISS discrepancies (advanced: dates of one event): 0/2 missing=['test_date']
SCORE 3/8 measures met
"""


def test_scorer_output_is_parsed_into_measures() -> None:
    scored = dossiers.parse_scorer_output(SAMPLE)
    assert (scored.met, scored.total) == (3, 8)
    by_name = {m.name: m for m in scored.measures}
    assert len(by_name) == 10
    entity = by_name["entity recall"]
    assert (entity.status, entity.value, entity.ratio()) == ("MISS", "40/45", (40, 45))
    assert entity.detail.startswith("missing=")
    assert by_name["must-not-merge violations"].count() == 1
    assert not by_name["boilerplate entities leaked"].applies
    assert by_name["boilerplate entities leaked"].cell() == "n/a"
    assert by_name["timeline dates"].met and by_name["timeline dates"].ratio() == (27, 31)
    # a name holding ": " itself
    advanced = by_name["discrepancies (advanced: dates of one event)"]
    assert (advanced.value, advanced.cell()) == ("0/2", "MISS 0/2")
    assert set(by_name) <= set(dossiers.SPECS)


def test_a_check_story_keeps_its_figures_only() -> None:
    public = dossiers.parse_scorer_output(SAMPLE).figures_only()
    assert all(m.detail == "" for m in public.measures)
    assert "armstrong" not in repr(public).lower() and "missing" not in repr(public)
    assert [m.cell() for m in public.measures][:3] == ["ok 648/648", "MISS 40/45", "MISS 11/24"]


def test_part_totals_count_violations_against_the_gold_items() -> None:
    run = dossiers.StoryRun("rpm2-T08", "check", scored=dossiers.parse_scorer_output(SAMPLE))
    run.violations_over = {"must-not-merge violations": 7, "known wrong dates produced": 20}
    totals = dossiers.part_totals([run], "check")
    assert (totals["must-merge pairs merged"].right, totals["must-merge pairs merged"].items) == (
        11,
        24,
    )
    assert (
        totals["must-not-merge violations"].right,
        totals["must-not-merge violations"].items,
    ) == (6, 7)
    assert totals["known wrong dates produced"].share() == 1.0
    assert "boilerplate entities leaked" not in totals  # n/a everywhere: no figure
    assert (totals["SCORE"].right, totals["SCORE"].items) == (3, 8)
    figures = dossiers.part_figures(totals)
    assert figures["dossiers.must_merge"] == pytest.approx(11 / 24)
    assert figures["dossiers.score"] == pytest.approx(3 / 8)
    assert dossiers.part_totals([run], "tune") == {}


def test_the_volumes_count_what_a_dossier_holds_per_part() -> None:
    """Discrepancies per kind, summed per part: what a change adds besides what it finds."""
    exported = {
        "entities": [{"id": "e1"}, {"id": "e2"}],
        "events": [],
        "discrepancies": [
            {"kind": "number_conflict"},
            {"kind": "number_conflict"},
            {"kind": "name_variant"},
        ],
    }
    counts = dossiers.output_counts(exported)
    assert counts == {
        "entities": 2,
        "events": 0,
        "quotes": 0,
        "discrepancies": 3,
        "discrepancies.number_conflict": 2,
        "discrepancies.name_variant": 1,
    }
    runs = [
        dossiers.StoryRun("a", "tune", output=counts),
        dossiers.StoryRun("b", "tune", output={"discrepancies": 4, "quotes": 1}),
        dossiers.StoryRun("c", "check", output={"discrepancies": 1}),
    ]
    totals = dossiers.output_totals(runs)
    assert totals["tune"]["discrepancies"] == 7 and totals["tune"]["quotes"] == 1
    assert totals["check"] == {"discrepancies": 1}
    assert dossiers.output_stories(runs) == {"tune": "2/2", "check": "1/1"}
    with pytest.raises(TypeError):
        dossiers.output_counts([])  # type: ignore[arg-type]
    table = dossiers.output_table(totals).splitlines()
    assert table[0].split() == ["dossiers", "hold", "tune", "check"]
    assert any(line.split() == ["discrepancies", "7", "1"] for line in table)


def test_skips_without_data_or_scorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent"
    monkeypatch.setenv("RECOUPE_EVAL_DATA", str(missing))
    assert dossiers.main([]) == 0
    assert capsys.readouterr().out.strip() == f"skipped: {missing} not found"
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("RECOUPE_EVAL_DATA", str(data))
    assert dossiers.main([]) == 0
    assert (
        capsys.readouterr().out.strip()
        == f"skipped: {tmp_path / 'eval' / dossiers.SCORER} not found"
    )
