"""Figures that disagree: the same claim with another number, in French and English."""

from recoupe.figures import Figure, Statement, _fit, claims, conflicts, figures_in, statements


def _figures(text: str) -> list[tuple[str, float, set[str]]]:
    return [(f.text, f.value, set(f.units)) for f in figures_in("d", text, 0, len(text))]


def test_figures_are_numbers_with_their_scale_and_unit() -> None:
    assert _figures("La banque a perdu 6,5 milliards d'euros en un an.") == [
        ("6,5 milliards d'euros", 6.5e9, {"euro", "x1e+09"})
    ]
    assert _figures("He was handed four consecutive life sentences.") == [
        ("four consecutive life sentences", 4.0, {"consecutive", "life", "sentence"})
    ]
    assert _figures("an order worth US$7 billion") == [("US$7 billion", 7e9, {"dollar", "x1e+09"})]
    assert _figures("1 500 emplois supprimés")[0][1] == 1500.0


def test_dates_years_and_codes_are_not_figures() -> None:
    assert _figures("le 27 juin 2008, dans l'A380") == []
    assert _figures("In 2005 the jury met") == []


def _statement(document: str, text: str, entity: str = "e1") -> Statement:
    (found,) = statements(document, text, [(0, text.index(" "), entity)])
    return found


def test_one_claim_with_two_figures_in_two_documents_is_a_conflict() -> None:
    a = _statement("a", "Nichols was sentenced on Saturday to seven life sentences without parole.")
    b = _statement("b", "Nichols was sentenced on Saturday to four life sentences without parole.")
    ((entity, one, other),) = conflicts([a, b])
    assert entity == "e1"
    assert {one.text, other.text} == {"seven life sentences", "four life sentences"}


def test_different_things_counted_about_one_entity_are_no_conflict() -> None:
    a = _statement("a", "Dexia recevra 3 milliards d'euros de la France pour son capital.")
    b = _statement("b", "Dexia a perdu 6 milliards d'euros sur les marchés américains cette année.")
    same_document = _statement("a", "Dexia was sentenced to seven life sentences without parole.")
    other = _statement("b", "Dexia was sentenced to seven life sentences without parole.")
    assert conflicts([a, b]) == []
    assert conflicts([same_document, other]) == []  # the same figure: no conflict


def test_each_figure_answers_the_one_it_shares_most_words_with() -> None:
    a = _statement(
        "a",
        "Philadelphia signed Elton Brand to an $82 million deal last summer and gave "
        "Andre Iguodala a $57 million extension in the fall.",
    )
    b = _statement("b", "Philadelphia signed Elton Brand to a deal worth $80 million last summer.")
    ((_, one, other),) = conflicts([a, b])
    assert {one.text, other.text} == {"$82 million deal last summer", "$80 million last summer"}


def test_figures_close_in_value_answer_each_other_in_other_words() -> None:
    close = figures_in("a", "a perdu 6,85 milliards d'euros depuis un an", 0, 45)[0]
    other = figures_in("b", "a dû déprécier 6,5 milliards d'euros d'actifs", 0, 46)[0]
    far = figures_in("b", "a dû déprécier 4,5 milliards d'euros d'actifs", 0, 46)[0]
    assert not close.near & other.near  # no word around them in common
    assert _fit(close, other, alike=True) >= 0  # much alike sentences, values within 30 %
    assert _fit(close, other, alike=False) == -1  # sentences merely on one subject
    assert _fit(close, far, alike=True) == -1  # further apart: two things counted


def test_a_loss_and_an_aid_of_close_amounts_are_two_claims() -> None:
    a = _statement("a", "Natixis a perdu 6,5 milliards d'euros sur les marchés américains.")
    b = _statement("b", "Natixis a reçu 5,5 milliards d'euros de l'État pour son capital.")
    assert conflicts([a, b]) == []


def test_the_words_around_a_figure_stop_at_the_next_figure() -> None:
    a = _statement(
        "a",
        "Philadelphie a offert à Elton Brand un contrat de 82 millions de dollars et à Andre "
        "Iguodala un contrat de 80 millions de dollars.",
    )
    b = _statement(
        "b", "Philadelphie a offert à Andre Iguodala un contrat de 80 millions de dollars."
    )
    assert conflicts([a, b]) == []  # Iguodala's 80 answers 80: no disagreement


def test_an_elided_article_is_no_part_of_the_word() -> None:
    a = _statement("a", "L'explosion de Bagdad a fait 25 morts, selon la police irakienne.")
    b = _statement("b", "Une explosion à Bagdad a fait 40 morts, selon la police irakienne.")
    ((_, one, other),) = conflicts([a, b])
    assert {one.text, other.text} == {"25 morts", "40 morts"}


def test_the_end_of_a_span_is_no_figure() -> None:
    assert _figures("The 2008-09 season was his last, from 1982-83 on.") == []
    assert _figures("Il a joué dix saisons, de 1979-90.") == [("dix saisons", 10.0, {"saison"})]
    assert _figures("L'attentat a fait 200-300 morts.") == [("300 morts", 300.0, {"mort"})]


def test_the_second_of_a_score_or_a_record_is_no_figure() -> None:
    """A pair going down is a score or a record, not a range: its second number counts nothing
    alone ("a 162-139 mark" is no 139 marks). A range goes up, decimals and thousands read
    whole."""
    assert _figures("He finished with a 162-139 mark in Portland.") == []
    assert _figures("Entre 1 500-1 200 emplois seront supprimés.") == []
    assert _figures("Il a fini avec un bilan de 38-44 matchs.") == [("44 matchs", 44.0, {"match"})]
    assert _figures("Un coût de 2,5-3 milliards d'euros.") == [
        ("3 milliards d'euros", 3e9, {"euro", "x1e+09"})
    ]
    assert _figures("a rise of 1.5-2 percent") == [("2 percent", 2.0, {"percent"})]
    # a dash setting off an aside, a year or a code before it: no pair (review)
    assert _figures("En 2015 – 130 morts à Paris – la France a basculé.") == [
        ("130 morts", 130.0, {"mort"})
    ]
    assert _figures("Accident sur la RN 113 - 3 blessés graves.") == [
        ("3 blessés graves", 3.0, {"blesse", "grave"})
    ]
    assert _figures("Bilan de 2008-3 blessés.") == [("3 blessés", 3.0, {"blesse"})]


def test_three_sources_agreeing_do_not_hide_the_fourth() -> None:
    from recoupe.discrepancies import _claim_groups

    said = "Nichols received seven life sentences without parole, his lawyers told reporters."
    found = [_statement(d, said) for d in ("a", "b", "c")]
    found.append(_statement("d", "Judge Bodiford gave Nichols four life sentences without parole."))
    pairs = claims(found)
    groups = _claim_groups(pairs)
    values = [{f.value for i in group for f in pairs[i][1:]} for group in groups]
    assert {4.0, 7.0} in values

    def figures_of(found: list[tuple[str, Figure, Figure]]) -> set[frozenset[tuple[str, int]]]:
        return {
            frozenset((f.document, f.start) for i in group for f in found[i][1:])
            for group in _claim_groups(found)
        }

    # the same claims whatever the order the pairs come in
    assert figures_of(pairs) == figures_of(list(reversed(pairs)))


def test_a_sentence_goes_on_after_an_abbreviation() -> None:
    text = (
        "Thomas was hurt in the game vs. Atlanta in September and missed 10 games. "
        "Dr. Amoss said 40 players were tested. The U.S. Army lost 12 soldiers."
    )
    names = [(0, 6, "thomas"), (text.index("Amoss"), text.index("Amoss") + 5, "amoss")]
    army = text.index("U.S. Army")
    names.append((army, army + 9, "army"))
    found = statements("d", text, names)
    assert [(s.entities, [f.text for f in s.figures]) for s in found] == [
        (frozenset({"thomas"}), ["10 games"]),
        (frozenset({"amoss"}), ["40 players"]),
        (frozenset({"army"}), ["12 soldiers"]),
    ]


def test_sentences_end_before_any_capital_a_quote_or_a_bracket_not_after_a_company_form() -> None:
    from recoupe.sentences import sentences

    def cut(text: str) -> list[str]:
        return [text[a:b] for a, b in sentences(text)]

    assert cut("Police arrested 14 people. Łukaszenka said 200 were paid.") == [
        "Police arrested 14 people.",
        "Łukaszenka said 200 were paid.",
    ]
    assert cut("It killed 12 people in Florida. ‘We lost 30 homes,’ Mayor Roe said.")[1] == (
        "‘We lost 30 homes,’ Mayor Roe said."
    )
    assert cut("Samsung Electronics Co. Ltd. said it would cut 2,000 jobs.") == [
        "Samsung Electronics Co. Ltd. said it would cut 2,000 jobs."
    ]  # a company's form ends no sentence (nor "Jr. Boulevard", "Corp. President")
    assert cut("He left at 3 p.m. and came back. Then Sgt. Roe spoke.") == [
        "He left at 3 p.m. and came back.",
        "Then Sgt. Roe spoke.",
    ]
