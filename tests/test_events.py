"""Events and the timeline on hand-built documents (no model): statuses, merging, follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from recoupe.entities.model import EntityType, Mention
from recoupe.events.extract import find_events
from recoupe.events.lexicon import tells_happening
from recoupe.events.model import DocumentEvents
from recoupe.events.svg import render
from recoupe.events.timeline import build_timeline, statements
from recoupe.sentences import sentences
from recoupe.store.records import EventRecord


@dataclass(frozen=True)
class T:
    start: int
    end: int
    text: str
    value: str | None
    precision: str
    kind: str = "date"
    direction: str = "none"


def timex(text: str, words: str, value: str, precision: str = "day", direction: str = "none") -> T:
    start = text.index(words)
    return T(start, start + len(words), words, value, precision, "date", direction)


def mentions(text: str, *names: str) -> list[Mention]:
    found = [
        Mention(m.start(), m.end(), m.group(), EntityType.PERSON)
        for name in names
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(found, key=lambda m: m.start)


def test_sentences_keep_offsets() -> None:
    text = "La réunion a eu lieu mardi. « Nous agirons », a dit le ministre.\nLe texte sera voté en mars."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "La réunion a eu lieu mardi.",
        "« Nous agirons », a dit le ministre.",
        "Le texte sera voté en mars.",
    ]


def test_a_full_stop_after_an_abbreviation_ends_no_sentence() -> None:
    text = (
        "On Dec. 16 the rule was signed by Sgt. Hoyt Teasley and U.S. Customs Agent Brian G. "
        "Nichols. Le 3 janv. 2008, M. Dupont est parti. Juror No. 12 spoke. He said no. Then "
        "he left at 9 p.m. Police came."
    )
    assert [text[s:e] for s, e in sentences(text)] == [
        "On Dec. 16 the rule was signed by Sgt. Hoyt Teasley and U.S. Customs Agent Brian G. "
        "Nichols.",
        "Le 3 janv. 2008, M. Dupont est parti.",
        "Juror No. 12 spoke.",
        "He said no.",
        "Then he left at 9 p.m.",
        "Police came.",
    ]


def test_an_event_keeps_its_whole_sentence_across_abbreviations() -> None:
    text = "He was arrested on Dec. 16, 2008 by the U.S. Marshals Service in Texas."
    (event,) = find_events(text, [timex(text, "Dec. 16, 2008", "2008-12-16")], [], reference=None)
    assert text[event.start : event.end] == text


def test_status_comes_from_the_date_and_the_tense() -> None:
    text = (
        "Le ministre a réuni les préfets le 3 mars. "
        "Il se rendra à Lyon le 16 mars pour une visite. "
        "The council will vote on the budget in April."
    )
    found = find_events(
        text,
        [
            timex(text, "le 3 mars", "2026-03-03"),
            timex(text, "le 16 mars", "2026-03-16"),
            timex(text, "in April", "2026-04", "month"),
        ],
        mentions(text, "Lyon"),
        reference="2026-03-10",
    )
    assert [(e.date, e.status) for e in found] == [
        ("2026-03-03", "happened"),
        ("2026-03-16", "planned"),
        ("2026-04", "planned"),
    ]
    assert found[1].classes == ("visit",) and found[0].classes == ("meeting",)
    assert text[found[1].start : found[1].end] == "Il se rendra à Lyon le 16 mars pour une visite."


def test_without_a_reference_the_tense_decides() -> None:
    text = (
        "La loi a été promulguée le 12 juin 2025. Le parquet doit être installé le 5 janvier 2026."
    )
    found = find_events(
        text,
        [
            timex(text, "le 12 juin 2025", "2025-06-12"),
            timex(text, "le 5 janvier 2026", "2026-01-05"),
        ],
        [],
        reference=None,
    )
    assert [e.status for e in found] == ["happened", "planned"]


def test_a_dated_sentence_naming_no_one_is_an_event_when_its_verb_tells_a_happening() -> None:
    text = (
        "The building was constructed in 1935. In 1983, it was forced to file for bankruptcy. "
        "The plant will close in March 2027. Le 10 octobre, le directeur financier a été averti. "
        "Aujourd'hui, je suis triste. Today is a nice day."
    )
    found = find_events(
        text,
        [
            timex(text, "1935", "1935", "year"),
            timex(text, "1983", "1983", "year"),
            timex(text, "March 2027", "2027-03", "month"),
            timex(text, "Le 10 octobre", "2026-10-10"),
            timex(text, "Aujourd'hui", "2026-12-01"),
            timex(text, "Today", "2026-12-01"),
        ],
        [],
        reference="2026-12-01",
    )
    assert [(text[e.date_start : e.date_end], e.status) for e in found] == [
        ("1935", "happened"),
        ("1983", "happened"),
        ("March 2027", "planned"),
        ("Le 10 octobre", "happened"),
    ]


@pytest.mark.parametrize(
    ("clause", "happening"),
    [
        ("The bridge collapsed on Tuesday", True),
        ("Fire broke out at the plant on Tuesday", True),
        ("The company, founded in 1902", True),
        ("The switch would happen beginning next year", True),
        ("Le pont s'est effondré mardi", True),
        ("L'usine fermera en juin", True),
        ("Le bâtiment sera démoli en 2026", True),
        ("L'école, fondée en 1902", True),
        ("Il est né en 1950", True),
        ("En 1983, elle a dû déposer le bilan", True),
        ("Le chantier est prévu pour 2026", True),
        ("La croissance a atteint 1,1 % en 2024", True),
        ("Thousands fled the city on Tuesday", True),
        ("En 1940, l'usine ferma ses portes", True),
        ("Le 10 octobre, le directeur financier est averti", True),
        ("La réunion aura lieu le 5 décembre", True),
        # states, forecasts, adjectives: nothing happens
        ("Le musée est fermé le 25 décembre", False),
        ("Le bilan est historique en 2024", False),
        ("Demain est lundi", False),
        ("Interest rates will stay unchanged in April", False),
        ("The sold-out concert on Friday", False),
        ("Housing remains a major issue in 2025", False),
        ("En 2024, le pays a un déficit de 5,8 %", False),
        ("Only 10 tickets are left for the show on Saturday", False),
        ("The weather will remain cold on Sunday", False),
        ("Dimanche, le temps devrait être ensoleillé", False),
        ("Aujourd'hui, la ville est triste", False),
        ("Aujourd'hui, ça va mieux", False),
        ("Dimanche, il fait beau sur la Bretagne", False),
        ("Le musée est ouvert tous les jours sauf le 25 décembre", False),
        ("Chaque année, le 1er mai est férié", False),
        ("En 2024, le chiffre d'affaires était de 3 millions", False),
        ("Demain, la pluie sera au rendez-vous", False),
        ("The red carpet gala is on Saturday", False),
        ("Today, a hundred people gather in the square", False),
        ("Reduced fares apply on Sunday", False),
        ("Expected growth in 2025 is 1.2%", False),
        ("The weather is expected to be cold on Sunday", False),
        ("Last year, inflation was high", False),
        ("It was a cold day on January 5", False),
        ("Tomorrow will be sunny", False),
    ],
)
def test_a_happening_is_told_by_a_verb_not_by_a_state(clause: str, happening: bool) -> None:
    assert tells_happening(clause) is happening


def test_a_date_in_a_clause_of_its_own_is_no_happening_of_the_next_clause() -> None:
    text = "The average temperature in July is 30 degrees, a record last reached in 2003."
    found = find_events(
        text,
        [timex(text, "July", "2025-07", "month"), timex(text, "2003", "2003", "year")],
        [],
        reference="2025-09-01",
    )
    assert [text[e.date_start : e.date_end] for e in found] == ["2003"]


def test_durations_and_a_state_of_no_one_since_a_date_are_not_events() -> None:
    text = "Il vit sous protection depuis 2024 et attend depuis deux ans."
    found = find_events(
        text,
        [
            T(23, 34, "depuis 2024", "2024/..", "interval"),
            T(44, 60, "depuis deux ans", None, "unknown", "duration"),
        ],
        [],
        reference="2026-01-10",
    )
    assert found == []


def test_a_state_since_a_date_dates_its_start_and_a_bound_dates_nothing() -> None:
    text = (
        "Charles Roux, président du directoire depuis 1999, a démissionné. Claire Vidal dirige "
        "la caisse depuis septembre. Paul Nadal restera en poste jusqu'au 15 mars."
    )
    timexes = [
        T(text.index("depuis 1999"), text.index("depuis 1999") + 11, "depuis 1999", "1999/..", "year"),
        T(text.index("depuis sept"), text.index("depuis sept") + 16, "depuis septembre", "2008-09/..", "month"),
        T(text.index("jusqu'au"), text.index("jusqu'au") + 17, "jusqu'au 15 mars", "../2009-03-15", "day"),
    ]  # fmt: skip
    names = mentions(text, "Charles Roux", "Claire Vidal", "Paul Nadal")
    dated = find_events(text, timexes, names, reference="2008-10-20")
    assert [(e.date, text[e.date_start : e.date_end]) for e in dated] == [
        ("1999", "depuis 1999"),
        ("2008-09", "depuis septembre"),
    ]
    # without a publication date, "depuis septembre" is of no known year: only a written year
    undated = find_events(text, timexes, names, reference=None)
    assert [e.date for e in undated] == ["1999"]


def _timeline(docs: dict[str, tuple[str, list[T], list[Mention], str | None, str]]):  # type: ignore[no-untyped-def]
    """docs: id -> (text, timexes, mentions, published, entity id of each mention name)."""
    results, owners, order = [], {}, {}
    for position, (doc_id, (text, timexes, found, published, _)) in enumerate(docs.items()):
        results.append(
            DocumentEvents(doc_id, find_events(text, timexes, found, reference=published))
        )
        for index, mention in enumerate(found):
            owners[(doc_id, index)] = "e-" + mention.text.split()[-1].lower()
        order[doc_id] = (published or "9999", position)
    return build_timeline(statements(results, owners, set(), order), copies={})


def test_one_meeting_told_in_two_languages_is_one_entry_with_two_sources() -> None:
    fr = "Le président Paul Morin a réuni ses ministres le 18 novembre à l'Élysée."
    en = "President Paul Morin held an emergency meeting with ministers on Tuesday."
    events = _timeline(
        {
            "fr": (
                fr,
                [timex(fr, "le 18 novembre", "2025-11-18")],
                mentions(fr, "Paul Morin"),
                "2025-11-19",
                "",
            ),
            "en": (
                en,
                [timex(en, "on Tuesday", "2025-11-18")],
                mentions(en, "Paul Morin"),
                "2025-11-18",
                "",
            ),
        }
    )
    (event,) = events
    assert event.sources == 2 and len(event.evidence) == 2 and event.status == "happened"


def test_different_events_on_one_day_stay_apart() -> None:
    a = "Paul Morin a réuni ses ministres le 18 novembre."
    b = "Paul Morin a été hospitalisé à Nantes le 18 novembre après un malaise, selon ses proches, puis est rentré."
    c = "Anne Roy a réuni son équipe le 18 novembre."
    events = _timeline(
        {
            "a": (
                a,
                [timex(a, "le 18 novembre", "2025-11-18")],
                mentions(a, "Paul Morin"),
                "2025-11-20",
                "",
            ),
            "b": (
                b,
                [timex(b, "le 18 novembre", "2025-11-18")],
                mentions(b, "Paul Morin"),
                "2025-11-20",
                "",
            ),
            "c": (
                c,
                [timex(c, "le 18 novembre", "2025-11-18")],
                mentions(c, "Anne Roy"),
                "2025-11-20",
                "",
            ),
        }
    )
    assert len(events) == 3


def test_an_announcement_is_followed_up() -> None:
    announced = "Le nouveau parquet sera lancé le 1er janvier, a annoncé Paul Morin."
    done = "Le nouveau parquet voulu par Paul Morin a été installé le 5 janvier."
    kept = "Paul Morin se rendra à Lyon le 16 décembre pour une visite."
    events = _timeline(
        {
            "a": (
                announced,
                [timex(announced, "le 1er janvier", "2026-01-01")],
                mentions(announced, "Paul Morin"),
                "2025-12-10",
                "",
            ),
            "b": (
                kept,
                [timex(kept, "le 16 décembre", "2025-12-16")],
                mentions(kept, "Paul Morin"),
                "2025-12-11",
                "",
            ),
            "c": (
                done,
                [timex(done, "le 5 janvier", "2026-01-05")],
                mentions(done, "Paul Morin"),
                "2026-01-06",
                "",
            ),
        }
    )
    by_date = {e.date: e for e in events}
    launch = by_date["2026-01-01"]
    assert launch.status == "planned" and launch.follow_up is not None
    assert launch.follow_up.outcome == "done_other_date"
    assert launch.follow_up.event == by_date["2026-01-05"].id
    assert (
        by_date["2025-12-16"].follow_up is not None
        and by_date["2025-12-16"].follow_up.outcome == "no_news"
    )


def test_two_announcements_of_one_actor_are_not_one_happening_followed_up() -> None:
    """ "announced" names the telling: a later announcement on another date by the same actor
    is not the announced happening done on another date."""
    announced = "Acme announced today a special event to be held on October 12."
    later = "Acme announced on 10 January its first computers built on new processors."
    events = _timeline(
        {
            "a": (
                announced,
                [timex(announced, "October 12", "2025-10-12")],
                mentions(announced, "Acme"),
                "2025-09-20",
                "",
            ),
            "b": (
                later,
                [timex(later, "10 January", "2026-01-10")],
                mentions(later, "Acme"),
                "2026-01-11",
                "",
            ),
        }
    )
    by_date = {e.date: e for e in events}
    planned = by_date["2025-10-12"]
    assert planned.status == "planned" and by_date["2026-01-10"].status == "happened"
    assert planned.follow_up is not None and planned.follow_up.outcome == "no_news"


def test_a_cancelled_visit() -> None:
    planned = "Paul Morin se rendra à Lyon le 16 décembre pour une visite."
    off = "La visite de Paul Morin à Lyon prévue le 16 décembre a été annulée."
    events = _timeline(
        {
            "a": (
                planned,
                [timex(planned, "le 16 décembre", "2025-12-16")],
                mentions(planned, "Paul Morin"),
                "2025-12-10",
                "",
            ),
            "b": (
                off,
                [timex(off, "le 16 décembre", "2025-12-16")],
                mentions(off, "Paul Morin"),
                "2025-12-14",
                "",
            ),
        }
    )
    (event,) = events
    assert event.follow_up is not None and event.follow_up.outcome == "cancelled"


def test_the_picture_escapes_hostile_text() -> None:
    record = EventRecord(
        id="v1",
        date="2025-11-18",
        precision="day",
        status="happened",
        date_text="mardi",
        text='<script>alert("x")</script> & meeting',
        entities=("e1",),
        evidence=(),
        sources=2,
    )
    planned = EventRecord(
        id="v2",
        date="2025-12",
        precision="month",
        status="planned",
        date_text="mi-décembre",
        text="Réunion prévue",
        entities=(),
        evidence=(),
        sources=1,
    )
    svg = render([record, planned], title="Timeline <b>", names={"e1": "Paul <Morin>"})
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "Paul &lt;Morin&gt;" in svg
    assert "Timeline &lt;b&gt;" in svg and svg.startswith("<svg") and svg.count("<circle") >= 4
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed


def test_a_start_since_a_date_keeps_the_precision_of_its_date() -> None:
    text = "Paul Nadal dirige la caisse depuis le 3 mars 1999 et Marc Dubois depuis 2008."
    timexes = [
        T(text.index("depuis le 3"), text.index("depuis le 3") + 21, "depuis le 3 mars 1999", "1999-03-03/..", "interval"),
        T(text.index("depuis 2008"), text.index("depuis 2008") + 11, "depuis 2008", "2008/..", "interval"),
    ]  # fmt: skip
    names = mentions(text, "Paul Nadal", "Marc Dubois")
    found = find_events(text, timexes, names, reference="2022-07-01")
    assert [(e.date, e.precision) for e in found] == [("1999-03-03", "day"), ("2008", "year")]


def test_a_start_since_a_week_is_of_week_precision() -> None:
    text = "Paul Nadal dirige la caisse depuis la semaine dernière."
    since = T(
        text.index("depuis"), len(text) - 1, "depuis la semaine dernière", "2024-W08/..", "interval"
    )
    (found,) = find_events(text, [since], mentions(text, "Paul Nadal"), reference="2024-02-28")
    assert (found.date, found.precision) == ("2024-W08", "week")
