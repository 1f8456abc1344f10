"""The timeline harness's readers, matching and scoring, on tiny hand-written snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval import timeline
from eval.common import check_figures, figures_by_part
from eval.timeline import Dated, GoldEvent, Mention

# title, date line, then two sentences; "opened" occurs twice in sentence 3, the second one is
# the annotated event
RAW_XML = """<?xml version="1.0" ?>
<Document doc_id="42" doc_name="42_Zorblax_opens" src_url="http://example.org/42">
<token number="0" sentence="0" t_id="1">Zorblax</token>
<token number="1" sentence="0" t_id="2">opens</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2011</token>
<token number="6" sentence="2" t_id="7">Zorblax</token>
<token number="7" sentence="2" t_id="8">opened</token>
<token number="8" sentence="2" t_id="9">a</token>
<token number="9" sentence="2" t_id="10">shop</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="3" t_id="12">Opened</token>
<token number="12" sentence="3" t_id="13">doors</token>
<token number="13" sentence="3" t_id="14">opened</token>
<token number="14" sentence="3" t_id="15">again</token>
<token number="15" sentence="3" t_id="16">.</token>
<Markables>
<TIMEX3 anchorTimeID="1" functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2011-05-03">
  <token_anchor t_id="3"/>
  <token_anchor t_id="4"/>
  <token_anchor t_id="5"/>
  <token_anchor t_id="6"/>
</TIMEX3>
</Markables>
</Document>
"""
EVENTS_XML = RAW_XML.replace(
    "</Markables>",
    '<EVENT_MENTION m_id="9">\n  <token_anchor t_id="14"/>\n</EVENT_MENTION>\n</Markables>',
)

TIMELINE_LINES = [
    "Zorblax",
    "0\tXXXX-XX-XX\t42-3-doors",
    "1\t2011-04-XX\t42-2-opened\t42-0-opens",
    "2\t2011-05-03\t42-3-opened\t2011-05-03",
    "2\tXXX-XX-XX\t7-1-gone",
    "",
]


def test_read_cat_rebuilds_text_dct_and_event_tokens() -> None:
    document = timeline.read_cat(RAW_XML, EVENTS_XML)
    assert document.id == "42"
    assert document.dct == "2011-05-03"
    assert document.text.split("\n") == [
        "Zorblax opens",
        "May 3 , 2011",
        "Zorblax opened a shop .",
        "Opened doors opened again .",
    ]
    assert sorted(document.sentences) == [0, 1, 2, 3]
    for tokens in document.sentences.values():
        assert all(document.text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in document.sentences[3] if t.event] == ["opened"]
    assert not any(t.event for t in timeline.read_cat(RAW_XML).sentences[3])


def test_read_timeline() -> None:
    read = timeline.read_timeline(TIMELINE_LINES, corpus="c", name="zorblax")
    assert read.entity == "Zorblax"
    assert [(e.position, e.anchor, e.date) for e in read.events] == [
        (0, "XXXX-XX-XX", None),
        (1, "2011-04-XX", "2011-04"),
        (2, "2011-05-03", "2011-05-03"),
        (2, "XXX-XX-XX", None),
    ]
    assert read.events[1].mentions == (Mention("42", 2, "opened"), Mention("42", 0, "opens"))
    assert read.events[2].mentions == (Mention("42", 3, "opened"),)
    assert read.malformed == ["2011-05-03"]


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ("2010-01-24", "2010-01-24"),
        ("2008-06", "2008-06"),
        ("2008-06-XX", "2008-06"),
        ("2003-XX-XX", "2003"),
        ("1976", "1976"),
        ("XXXX-XX-XX", None),
        ("XXX-XX-XX", None),
    ],
)
def test_gold_date(anchor: str, expected: str | None) -> None:
    assert timeline.gold_date(anchor) == expected


def test_locate_prefers_the_event_token_then_the_sentence() -> None:
    document = timeline.read_cat(RAW_XML, EVENTS_XML)
    text = document.text
    start, end = timeline.locate(document, Mention("42", 3, "opened")) or (0, 0)
    assert text[start:end] == "opened" and text[:start].endswith("doors ")
    # without track B: the first token of that text (case kept before folding)
    plain = timeline.read_cat(RAW_XML)
    start, end = timeline.locate(plain, Mention("42", 3, "opened")) or (0, 0)
    assert text[:start].endswith("Opened doors ")
    # a word joined by "_": its first part
    start, end = timeline.locate(document, Mention("42", 2, "opened_shop")) or (0, 0)
    assert text[start:end] == "opened"
    # a word not in the sentence: the whole sentence; no such sentence: not located
    start, end = timeline.locate(document, Mention("42", 2, "closing")) or (0, 0)
    assert text[start:end] == "Zorblax opened a shop ."
    assert timeline.locate(document, Mention("42", 9, "opened")) is None


def test_date_for_picks_the_nearest_date_expression() -> None:
    # one sentence 0..40 dated twice: "2010" at 2..6, "2011-03" at 30..35
    dated = [
        Dated("d", 0, 40, 2, 6, "2010", entry=1),
        Dated("d", 0, 40, 30, 35, "2011-03", entry=0),
        Dated("d", 41, 60, 45, 50, "2012", entry=2),
    ]
    assert timeline.date_for(dated, 8, 12) == "2010"
    assert timeline.date_for(dated, 25, 28) == "2011-03"
    assert timeline.date_for(dated, 17, 19) == "2011-03"  # 11 chars from each: earliest entry
    assert timeline.date_for(dated, 52, 55) == "2012"
    assert timeline.date_for(dated, 61, 65) is None


def test_match_timeline_dates_each_event_by_its_first_dated_mention() -> None:
    document = timeline.read_cat(RAW_XML, EVENTS_XML)
    read = timeline.read_timeline(TIMELINE_LINES, corpus="c", name="zorblax")
    line = document.sentences[2]
    dated = {"42": [Dated("42", line[0].start, line[-1].end, 0, 1, "2011-04-28", entry=0)]}
    outcome = timeline.match_timeline(read, {"42": document}, dated)
    assert outcome.unlocated == 1  # document 7 is not in the corpus
    assert [(e.position, ours, dct) for e, ours, dct in outcome.rows] == [
        (0, None, "2011-05-03"),
        (1, "2011-04-28", "2011-05-03"),
        (2, None, "2011-05-03"),
    ]


# --- scoring ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "gold", "expected"),
    [
        ("2010-01-24", "2010-01-24", (True, True)),
        ("2010", "2010-01-24", (False, True)),  # coarser, containing: lenient only
        ("2010-01", "2010-01", (True, True)),
        ("2010-01-01/2010-01-31", "2010-01", (True, True)),  # the same days
        ("2010-01-24", "2010-01", (False, False)),  # finer: not counted
        ("2010-W03", "2010-01-24", (False, True)),  # ISO week 3 of 2010: January 18-24
        ("2009", "2010-01-24", (False, False)),
    ],
)
def test_date_match(system: str, gold: str, expected: tuple[bool, bool]) -> None:
    assert timeline.date_match(system, gold) == expected


def test_compare_spans_of_days() -> None:
    assert timeline.compare("2008-06-09", "2008-06-10") == -1
    assert timeline.compare("2009", "2008-12-31") == 1
    assert timeline.compare("2008", "2008-06-09") == 0  # they meet: a tie
    assert timeline.compare("2008-06-09", "2008-06-09") == 0
    assert timeline.compare(None, "2008") == 0


def test_pairwise_by_hand() -> None:
    # gold positions 1, 2, 2, 3; system dates: right, right, a tie with the first, reversed
    events = [(1, "2001"), (2, "2002"), (2, "2001-05"), (3, "2000")]
    # pairs with different positions: (1,2) right 1; (1,2') tie 0.5; (1,3) reversed 0;
    # (2,3) reversed 0; (2',3) reversed 0 -> 1.5 / 5 (the two position-2 events make no pair)
    assert timeline.pairwise(events) == (1.5, 5)
    assert timeline.pairwise([(1, None), (2, None)]) == (0.5, 1)
    assert timeline.pairwise([(1, "2001")]) == (0.0, 0)


def test_score_by_hand() -> None:
    rows = [
        (0, None, "2011"),  # unanchored: coverage only, no date, no pair
        (1, "2010-01-24", "2010-01-24"),  # strict
        (2, "2010-03", "2010"),  # lenient only; ties with the previous one
        (3, "2011-05-03", None),  # not dated by the system
    ]
    tally = timeline.score(rows)
    figures = tally.figures()
    assert figures["coverage"] == 3 / 4
    assert (figures["dated_gold"], figures["dated_covered"]) == (3, 2)
    assert figures["date_accuracy"] == 1 / 2
    assert figures["date_accuracy_lenient"] == 2 / 2
    assert figures["date_recall"] == 1 / 3
    # positions 1, 2, 3: (1,2) tie 0.5; (1,3) and (2,3) missing date -> tie 0.5 each
    assert (tally.pair_points, tally.pairs) == (1.5, 3)
    assert (tally.covered_points, tally.covered_pairs) == (0.5, 1)


def test_evaluate_compares_the_baseline_on_the_same_events() -> None:
    events = [GoldEvent(1, "2010-01-24", ()), GoldEvent(2, "2010-06-XX", ())]
    outcome = timeline.Outcome(
        timeline.Timeline("c", "t", "T", list(events)),
        [(events[0], "2010-01-24", "2010-06-05"), (events[1], None, "2010-06-05")],
        unlocated=0,
    )
    result = timeline.evaluate([outcome])
    ours, dct = result["systems"]["recoupe"], result["systems"]["dct"]
    assert (ours["coverage"], ours["date_accuracy"], ours["order_accuracy"]) == (0.5, 1.0, 0.5)
    assert (dct["coverage"], dct["date_accuracy"], dct["order_accuracy"]) == (1.0, 0.0, 0.5)
    assert dct["date_accuracy_on_covered"] == 0.0
    by_part = figures_by_part({"check": timeline.part_figures(result)})
    figures = check_figures(by_part, fast=True, floors={})
    assert figures["timeline.semeval.date_accuracy_vs_dct.check.fast"] == 1.0
    assert "timeline.semeval.order_accuracy_vs_dct.check.fast" not in figures  # not positive


def test_main_skips_without_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RECOUPE_EVAL_DATA", str(tmp_path))
    assert timeline.main([]) == 0
    assert capsys.readouterr().out.startswith("skipped: ")
