"""Names written two ways that the entity layer kept apart, in French and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_discrepancies import _by_kind, _ingested

from recoupe.entities.model import EntityType
from recoupe.spellings import Form, forms_of, inflected, variants

ORG, PERSON, LOC, MISC = EntityType.ORG, EntityType.PERSON, EntityType.LOC, EntityType.MISC


def _pairs(*written: tuple[str, str, EntityType], text: str | None = None) -> set[frozenset[str]]:
    """The variant pairs among names, each written once in a document of its own (or all in
    ``text``, one document)."""
    texts: dict[str, str] = {}
    forms = []
    for number, (name, entity, kind) in enumerate(written):
        document = "all" if text is not None else f"d{number}"
        body = text if text is not None else f"{name} a parlé."
        texts[document] = body
        start = body.index(name)
        forms.append(Form(name, entity, kind, ((document, start, start + len(name)),)))
    return {frozenset((a.text, b.text)) for a, b in variants(forms, texts)}


@pytest.mark.parametrize(
    ("one", "other", "kind"),
    [
        ("Natixis", "Natexis", ORG),  # a letter changed
        ("Tony Blair", "Tony Blaire", PERSON),  # a letter more: in a name, no feminine
        ("Gdansk", "Gdanks", LOC),  # two letters swapped
        ("Castel Gandolfo", "Castelgandolfo", LOC),  # cut into other words
        ("Trail Blazers", "Trailblazers", ORG),
        ("RCN", "RNC", ORG),  # an acronym's letters in another order
        ("CGPME", "CGMPME", ORG),  # a letter more, four letters at least
    ],
)
def test_one_name_spelled_two_ways(one: str, other: str, kind: EntityType) -> None:
    assert _pairs((one, "e1", kind), (other, "e2", kind)) == {frozenset((one, other))}


@pytest.mark.parametrize(
    ("one", "other", "kind"),
    [
        ("PCF", "PCR", ORG),  # another letter in an acronym: another body
        ("FIFA", "FIFPA", ORG),  # a letter more in a short acronym: another body
        ("Olson", "Olsen", PERSON),  # a letter changed in a short name: maybe two people
        ("Barack Obama", "Osama", PERSON),
        ("Louis XIV", "Louis XVI", PERSON),  # numbers, not surnames
        ("J. K. Rowling", "J.K. Rowling", PERSON),  # initials, however written
        ("Français", "Française", LOC),  # a feminine
        ("Interrogé", "Interrogée", PERSON),  # a participle's feminine, even typed a person
        ("Sumatra", "Sumatran", LOC),  # a place's adjective
        ("Israel", "Israeli", LOC),
        ("Sixers", "Sixer", ORG),  # a plural
        ("Jean-Luc Roux", "Jean Luc Roux", PERSON),  # a hyphen for a space: typography
        ("P.J. Hill", "PJ Hill", PERSON),  # the dots of initials: typography
        ("Marc Aubry", "Mark Aubry", PERSON),  # a given name of four letters: not compared
        ("Lorient", "Dorient", LOC),  # another first letter
        ("Jordan", "Jordan", PERSON),  # one spelling
    ],
)
def test_no_misspelling(one: str, other: str, kind: EntityType) -> None:
    assert _pairs((one, "e1", kind), (other, "e2", kind)) == set()


def test_an_inflected_word_is_no_misspelling_but_a_short_word_changed_is() -> None:
    """The entity layer may join "Français" and "Française"; no discrepancy says it is spelled
    two ways. "de" / "des" in a body's name is a spelling a reader should see."""
    assert inflected("Français", "Française")
    assert inflected("Sumatran", "Sumatra")
    assert not inflected("Sumatran", "Sumatra", person=True)  # "Blair" / "Blaire" likewise
    assert inflected("Désiré", "Désirée", person=True)  # two names, not one misspelled
    assert inflected("Désiré Dupont", "Désirée Dupont", person=True)
    assert not inflected("Tony Blair", "Tony Blaire", person=True)
    assert not inflected("Ligue des droits de l'Homme", "Ligue de droits de l'Homme")
    assert not inflected("Alliot-Marie", "Allio-Marie", person=True)


def test_two_names_in_one_sentence_are_two_things() -> None:
    text = "Les enquêteurs Duponte et Dupondé sont arrivés ensemble."
    assert _pairs(("Duponte", "e1", PERSON), ("Dupondé", "e2", PERSON), text=text) == set()
    text = "L'enquêteur Duponte est arrivé. Dupondé était déjà sur place."
    assert _pairs(("Duponte", "e1", PERSON), ("Dupondé", "e2", PERSON), text=text) == {
        frozenset(("Duponte", "Dupondé"))
    }


def test_a_person_and_a_place_are_two_names() -> None:
    assert _pairs(("Colombia", "e1", LOC), ("Columbia", "e2", PERSON)) == set()
    assert _pairs(("Israel", "e1", LOC), ("Israeli", "e2", MISC)) == set()  # and its adjective


def test_names_the_entity_layer_joined_are_not_flagged_here() -> None:
    """Syrie and Syria, joined as one place: not one name misspelled."""
    assert _pairs(("Syrie", "e1", LOC), ("Syria", "e1", LOC)) == set()


def test_an_abbreviation_does_not_end_the_sentence_of_two_names() -> None:
    text = "Selon M. Dupont et M. Dupond, le dossier est clos."
    assert _pairs(("Dupont", "e1", PERSON), ("Dupond", "e2", PERSON), text=text) == set()


def test_a_persons_surname_is_a_form_of_its_own() -> None:
    text = "Chief Dave Olson said the fire was out."
    forms = forms_of([("e1", PERSON, "d", 6, 16, "Dave Olson")])
    assert {(f.text, f.spans) for f in forms} == {
        ("Dave Olson", (("d", 6, 16),)),
        ("Olson", (("d", 11, 16),)),
    }
    assert text[11:16] == "Olson"


def test_a_dossier_flags_a_name_one_outlet_misspells(
    tmp_path: Path, dossier_schema: dict[str, Any]
) -> None:
    texts = {
        "a": "La banque Natixis a annoncé jeudi une perte trimestrielle. Natixis emploie "
        "22 000 personnes.",
        "b": "Les actionnaires de Natixis ont tenu une assemblée générale à Paris, mardi.",
        "c": "Le titre Natexis a reculé de 4 % à la Bourse de Paris vendredi.",
    }
    exported = _ingested(texts, "fr", tmp_path, dossier_schema)
    variants_found = [
        {v["value"] for v in d["values"]} for d in _by_kind(exported).get("name_variant", [])
    ]
    assert {"Natixis", "Natexis"} in variants_found
    (item,) = [d for d in exported["discrepancies"] if "Natexis" in d["summary"]]
    assert "'Natixis' (2 source(s))" in item["summary"]
    assert all(v["evidence"] for v in item["values"])
