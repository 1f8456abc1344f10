"""Mention spans as the recogniser gives them, trimmed to the name (no model: spans are given)."""

from __future__ import annotations

import pytest

from recoupe.entities.mentions import split_titles, trim
from recoupe.entities.model import EntityType, Mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares of Norbex Corp. rose on Monday.", "Norbex Corp."),
        ("The deal with Holm Bros. fell through.", "Holm Bros."),
        ("Analysts at Vantel Inc. were surprised.", "Vantel Inc."),
        ("Officials of the U.S. said nothing.", "U.S."),
    ],
)
def test_a_company_form_or_an_abbreviation_keeps_its_dot(text: str, name: str) -> None:
    start = text.index(name)
    mention = trim(text, start, start + len(name), EntityType.ORG, "ner")
    assert mention is not None and mention.text == name


def test_a_sentence_end_is_not_part_of_the_name() -> None:
    text = "The contract went to Norbex. Talks resume in May."
    start = text.index("Norbex")
    mention = trim(text, start, start + len("Norbex."), EntityType.ORG, "ner")
    assert mention is not None and mention.text == "Norbex"


def test_a_company_form_that_ends_a_sentence_leaves_the_full_stop_to_the_sentence() -> None:
    text = "Tom Reyes runs Norbex Corp. Senator Dana Whitfield objected on Monday."
    start = text.index("Norbex")
    mention = trim(text, start, start + len("Norbex Corp."), EntityType.ORG, "ner")
    assert mention is not None and mention.text == "Norbex Corp"


@pytest.mark.parametrize(
    ("span", "kind", "name"),
    [
        ("Qualys CTO Wolfgang Kandek", EntityType.MISC, "Wolfgang Kandek"),
        ("Saints Head Coach Sean Payton", EntityType.ORG, "Sean Payton"),
        ("Coach Mary Ann Lee", EntityType.PERSON, "Mary Ann Lee"),
        ("World Bank President Ajay Banga", EntityType.ORG, "Ajay Banga"),
        ("J.P. Morgan CEO Jamie Dimon", EntityType.ORG, "Jamie Dimon"),
        ("Fort Worth Mayor Mattie Parker", EntityType.PERSON, "Mattie Parker"),
        # no person after the title: a body's name, a country, one word, a lowercase word
        ("Director General Health Agency", EntityType.ORG, "Director General Health Agency"),
        ("President Sarkozy", EntityType.PERSON, "President Sarkozy"),
        ("Commissioner United States", EntityType.MISC, "Commissioner United States"),
        ("Acme CEO and founder", EntityType.ORG, "Acme CEO and founder"),
    ],
)
def test_a_title_inside_a_span_leaves_the_person_named_after_it(
    span: str, kind: EntityType, name: str
) -> None:
    text = f"On Monday {span} spoke. Later Kandek, Payton, Lee and Board left."
    start = text.index(span)
    last = span.split()[-1]
    again = text.rindex(last)  # the same last word named again, as a person's
    spans = [
        Mention(start, start + len(span), span, kind, "ner:X"),
        Mention(again, again + len(last), last, EntityType.PERSON, "ner:X"),
    ]
    found = split_titles(text, spans)[:1]
    assert [(m.text, text[m.start : m.end]) for m in found] == [(name, name)]
    assert found[0].type is (EntityType.PERSON if name != span else kind)


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ("Stade Président Félix Houphouët-Boigny", EntityType.ORG),
        ("Stade Président Félix Houphouët-Boigny", EntityType.LOC),
        ("avenue du Président Salvador Allende", EntityType.LOC),
        ("Lycée Pape Jean-Paul II", EntityType.ORG),
    ],
)
def test_a_place_or_body_named_after_a_person_stays_whole(span: str, kind: EntityType) -> None:
    last = span.split()[-1]
    text = f"{last} was there. On Monday {span} opened."
    start = text.index(span)
    spans = [
        Mention(0, len(last), last, EntityType.PERSON, "ner:X"),
        Mention(start, start + len(span), span, kind, "ner:X"),
    ]
    assert split_titles(text, spans) == spans


def test_a_title_inside_a_body_s_name_is_no_person_s_unless_the_document_names_one() -> None:
    text = "The Chief Executives Board met. Board members left."
    start = text.index("Chief")
    span = Mention(
        start,
        start + len("Chief Executives Board"),
        "Chief Executives Board",
        EntityType.ORG,
        "ner:ORG",
    )
    assert split_titles(text, [span]) == [span]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Henry told CRN", "Henry"),
        ("Jane Roe said", "Jane Roe"),
        ("Claire Roe, dit", "Claire Roe"),
        ("Tell Me What She Said", "Tell Me What She Said"),  # a title: its verbs are capitalised
        # a title of a work in sentence case has lowercase words before its verb
        ("Tout le monde dit I love you", "Tout le monde dit I love you"),
        ("Ce que dit la bouche d'ombre", "Ce que dit la bouche d'ombre"),
        # a company form or a suffix keeps its dot
        ("Norbex Corp. said", "Norbex Corp."),
        ("Martin Luther King Jr. said", "Martin Luther King Jr."),
        # particles are part of a name run on into its verb
        ("Ursula von der Leyen told", "Ursula von der Leyen"),
        ("Bashar al-Assad said", "Bashar al-Assad"),
        ("Valéry Giscard d'Estaing a dit", "Valéry Giscard d'Estaing"),
    ],
)
def test_a_reporting_verb_ends_the_name_the_recogniser_ran_on(span: str, name: str) -> None:
    text = f"“It is serious,” {span} on Monday."
    start = text.index(span)
    mention = trim(text, start, start + len(span), EntityType.MISC, "ner:MISC")
    assert mention is not None and mention.text == name


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("Lundi", False),
        ("Vendredi matin", False),
        ("Lundi après-midi", False),
        ("VENDREDI", False),
        ("Friday night", False),
        ("Mardi Gras", True),
        ("Sunday Times", True),
        ("Lundi Matin", True),  # a publication's name
    ],
)
def test_a_day_ner_took_for_a_name_is_no_mention(span: str, kept: bool) -> None:
    text = f"{span}, la banque a publié un communiqué."
    mention = trim(text, 0, len(span), EntityType.PERSON, "ner:PER")
    assert (mention is not None) is kept


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("les Seychelles", "Seychelles"),
        ("aux Seychelles", "Seychelles"),
        ("les Caisses d’épargne", "Caisses d’épargne"),
        ("l’Elysée", "Elysée"),
        ("the White House", "White House"),
        ("Lesotho", "Lesotho"),
    ],
)
def test_a_determiner_ner_kept_goes_as_a_whole_word(span: str, name: str) -> None:
    text = f"Ils partent pour {span} demain."
    start = text.index(span)
    mention = trim(text, start, start + len(span), EntityType.LOC, "ner:LOC")
    assert mention is not None and mention.text == name
