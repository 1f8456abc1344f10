"""Mention spans as the recogniser gives them, trimmed to the name (no model: spans are given)."""

from __future__ import annotations

import pytest

from recoupe.entities.mentions import trim
from recoupe.entities.model import EntityType


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
