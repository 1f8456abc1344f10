"""The entity stage with the real spaCy pipelines, on news-style sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.pipeline import analyse_documents, resolve_entities
from recoupe.entities.pipelines import for_model

FR_1 = (
    "Le parquet national financier (PNF) a ouvert jeudi une enquête visant la société Hexaline. "
    "Selon le PNF, l’entreprise aurait dissimulé des comptes au Luxembourg. "
    "La ministre de la Culture, Claire Vasseur, s’est refusée à tout commentaire. "
    "Interrogée à Rennes, Vasseur a seulement indiqué qu’elle « faisait confiance à la justice »."
)
FR_2 = (
    "Le Parquet national financier a demandé la levée du secret bancaire. "
    "Claire Vasseur était attendue vendredi à Nantes, où le maire de Nantes, Paul Leguen, l’a reçue."
)
EN_1 = (
    "The National Financial Prosecutor’s Office (PNF) opened an inquiry into Hexaline on Thursday. "
    "Culture Minister Claire Vasseur declined to comment when she visited Rennes."
)


@pytest.fixture(scope="module")
def analysed() -> list[DocumentEntities]:
    return analyse_documents([("fr1", FR_1, "fr"), ("fr2", FR_2, "fr"), ("en1", EN_1, "en")])


def _texts(doc: DocumentEntities) -> list[tuple[str, EntityType]]:
    return [(m.text, m.type) for m in doc.mentions]


def test_offsets_are_exact_on_the_original_text(analysed: list[DocumentEntities]) -> None:
    texts = {"fr1": FR_1, "fr2": FR_2, "en1": EN_1}
    for doc in analysed:
        assert doc.mentions
        for mention in doc.mentions:
            assert texts[doc.document][mention.start : mention.end] == mention.text
        starts = [m.start for m in doc.mentions]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(doc.mentions, doc.mentions[1:], strict=False))


def test_typographic_apostrophes_give_no_junk_entities(analysed: list[DocumentEntities]) -> None:
    assert for_model("l’entreprise") == "l'entreprise"
    for doc in analysed:
        assert not any(m.text.lower() in {"l’", "s’", "qu’", "l'", "s'"} for m in doc.mentions)


def test_acronym_definitions_give_the_full_long_form(analysed: list[DocumentEntities]) -> None:
    fr1 = analysed[0]
    assert [(a.short.text, a.long.text) for a in fr1.acronyms] == [
        ("PNF", "parquet national financier")
    ]
    assert ("parquet national financier", EntityType.ORG) in _texts(fr1)
    assert _texts(fr1).count(("PNF", EntityType.ORG)) == 2  # the definition and "Selon le PNF"
    en1 = analysed[2]
    assert [(a.short.text, a.long.text, a.letters_match) for a in en1.acronyms] == [
        ("PNF", "National Financial Prosecutor’s Office", False)
    ]


def test_a_minister_s_portfolio_is_not_an_entity(analysed: list[DocumentEntities]) -> None:
    names = [text for text, _ in _texts(analysed[0])]
    assert "Culture" not in names and "Claire Vasseur" in names


def test_a_bare_surname_joins_the_full_name_in_the_document(
    analysed: list[DocumentEntities],
) -> None:
    fr1 = analysed[0]
    chain = next(c for c in fr1.chains if any(fr1.mentions[i].text == "Vasseur" for i in c))
    assert {fr1.mentions[i].text for i in chain} == {"Claire Vasseur", "Vasseur"}
    assert all(fr1.mentions[i].type is EntityType.PERSON for i in chain)


def test_one_entity_per_referent_across_documents_and_languages(
    analysed: list[DocumentEntities],
) -> None:
    entities = resolve_entities(analysed)
    by_alias = {alias: e for e in entities for alias in e.aliases}
    pnf = by_alias["PNF"]
    assert {
        "parquet national financier",
        "Parquet national financier",
        "National Financial Prosecutor’s Office",
    } <= set(pnf.aliases)
    assert pnf.type is EntityType.ORG
    vasseur = by_alias["Claire Vasseur"]
    assert {doc for doc, _ in vasseur.mentions} == {
        "fr1",
        "fr2",
        "en1",
    } and vasseur.type is EntityType.PERSON
    assert by_alias["Rennes"].type is EntityType.LOC and by_alias["Nantes"].type is EntityType.LOC
    assert by_alias["Paul Leguen"] is not vasseur


def test_pipelines_load_once_per_process() -> None:
    from recoupe.entities.pipelines import load

    assert load("fr") is load("fr")
    assert load("fr").pipe_names == ["ner"] and load("en").pipe_names == ["ner"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le maire de Lyon, Bernard Castaing, a reçu jeudi les délégués de la CGT et de "
            "l'Union européenne à l'hôtel de ville. « Nous attendons Bruxelles », a dit Mme Roux.",
        ),
        (
            "en",
            "Senator Maria Okafor met officials of the World Health Organization in Geneva on "
            "Tuesday, a spokesman for Acme Corp. said, before flying back to Ottawa.",
        ),
    ],
)
def test_ner_reads_the_same_without_the_shared_tok2vec(language: str, text: str) -> None:
    """The NER of both pipelines embeds the text itself: leaving the shared tok2vec out (it
    feeds only the tagger and the parser) changes none of its entities."""
    import spacy

    from recoupe.entities.pipelines import PIPELINES, load

    full = spacy.load(PIPELINES[language], exclude=["parser", "tagger", "morphologizer"])
    assert "tok2vec" in full.pipe_names
    with_shared = [(e.start_char, e.end_char, e.label_) for e in full(text).ents]
    alone = [(e.start_char, e.end_char, e.label_) for e in load(language)(text).ents]
    assert alone == with_shared and len(alone) >= 3


def test_short_names_and_acronyms_are_kept() -> None:
    text = (
        "Les Républicains (LR) et le Parti socialiste (PS) ont voté contre. "
        "LR dénonce un texte bâclé, le PS réclame un nouveau vote."
    )
    (doc,) = analyse_documents([("d", text, "fr")])
    names = [m.text for m in doc.mentions]
    assert names.count("LR") == 2 and names.count("PS") == 2
    entities = resolve_entities([doc])
    ps = next(e for e in entities if "PS" in e.aliases)
    assert "Parti socialiste" in ps.aliases and ps.type is EntityType.ORG


def _chain_of(doc: DocumentEntities, text: str) -> set[str]:
    chain = next(c for c in doc.chains if any(doc.mentions[i].text == text for i in c))
    return {doc.mentions[i].text for i in chain}


def test_a_legal_form_or_group_around_a_name_is_one_organisation_in_a_document() -> None:
    from recoupe.entities.coref import build_chains
    from recoupe.entities.model import Mention

    text = (
        "Shares of Norbex Inc. rose. Norbex said sales doubled; Norbex added more. Analysts at "
        "Pellor Group agreed. Jean Pellor, no relation, and Pellor disagreed."
    )
    typed = [
        ("Norbex Inc.", EntityType.ORG), ("Norbex", EntityType.PERSON),
        ("Norbex", EntityType.PERSON), ("Pellor Group", EntityType.ORG),
        ("Jean Pellor", EntityType.PERSON), ("Pellor", EntityType.PERSON),
    ]  # fmt: skip
    mentions, pos = [], 0
    for name, kind in typed:
        start = text.index(name, pos)
        mentions.append(Mention(start, start + len(name), name, kind))
        pos = start + len(name)
    chains, _ = build_chains(text, mentions, [])
    by_text = [sorted(mentions[i].text for i in chain) for chain in chains]
    assert ["Norbex", "Norbex", "Norbex Inc."] in by_text  # a name said twice joins too
    assert ["Jean Pellor", "Pellor"] in by_text  # a person claims the bare name
    assert ["Pellor Group"] in by_text


def test_who_signed_or_photographed_a_wire_story_is_no_entity_of_it() -> None:
    text = (
        "Audit sévère de la mutuelle régionale\n"
        "/Photo prise le 3 mars 2009/REUTERS/Paul Delorme\n"
        "Les contrôles internes de la mutuelle ont montré de graves failles, selon le rapport "
        "remis à Hélène Marchal, ministre de l'Économie.\n"
        "Anne Vasseur et Marc Tellier, édité par Claire Dumont\n"
    )
    english = (
        "The challenger was stopped in the sixth round in Geneva on Saturday, said the promoter "
        "Karl Weber.\n(Reporting by Jane Smith; editing by Tom Brown)\n"
    )
    fr, en = analyse_documents([("fr", text, "fr"), ("en", english, "en")])
    names = {m.text for m in fr.mentions} | {m.text for m in en.mentions}
    assert "Hélène Marchal" in names and "Karl Weber" in names
    credited = {"Paul Delorme", "Anne Vasseur", "Marc Tellier", "Claire Dumont"}
    assert not names & (credited | {"Jane Smith", "Tom Brown"})
    assert any(m.text.upper() == "REUTERS" for m in fr.mentions)  # the agency published it


def test_who_is_pictured_or_polled_stays_an_entity() -> None:
    text = (
        "Le ministre Henri Valmont à Paris, le 3 mars. /Photo prise le 3 mars 2009/REUTERS/Paul "
        "Delorme\n"
        "Karen Holt leads Mark Ellison in latest Reuters/Ipsos poll\n"
        "Le nouveau roman de Michel Arnaud, édité par Flammarion\n"
        "The bank will cut 500 jobs, chief executive John Roe told reporters. (Reporting by Jane "
        "Smith; Editing by Tom Brown)\n"
    )
    (doc,) = analyse_documents([("d", text, "fr")])
    names = {m.text for m in doc.mentions}
    assert {"Henri Valmont", "Michel Arnaud"} <= names
    assert not names & {"Paul Delorme", "Jane Smith", "Tom Brown"}
