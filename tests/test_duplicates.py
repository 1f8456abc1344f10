"""Copies, near copies and rewrites (recoupe.duplicates), on texts written for these tests."""

from __future__ import annotations

import random

import pytest

from recoupe import duplicates
from recoupe.duplicates import CopyIndex, DupDoc, find_copies, group_links

DISPATCH = (
    "Marseille : Emmanuel Macron promet 200 policiers contre le narcotrafic. "
    "Le président de la République, Emmanuel Macron, s'est rendu mardi à Marseille pour présenter "
    "un plan de lutte contre le narcotrafic dans les quartiers nord de la ville, où les règlements "
    "de comptes ont fait 49 morts depuis janvier. Il a promis l'arrivée de 200 policiers "
    "supplémentaires d'ici à la fin de l'année et la création d'un parquet national spécialisé. "
    "« Nous ne laisserons aucun quartier aux mains des trafiquants, aucun », a déclaré le chef de "
    "l'Etat devant les policiers de l'hôtel de police. Le maire de Marseille, Benoît Payan, a salué "
    "des annonces « attendues depuis des années » mais réclame des moyens pour la justice. "
    "Le ministre de l'Intérieur, Gérald Darmanin, accompagnait le président lors de cette visite."
)
# the same dispatch in other words: names, figures and quotations kept
REWRITE = (
    "Narcotrafic : 200 policiers de plus à Marseille, annonce Emmanuel Macron. "
    "En visite mardi dans la cité phocéenne, le chef de l'Etat a dévoilé sa stratégie face aux "
    "réseaux de la drogue qui ensanglantent les quartiers nord de la ville : 49 personnes y ont été "
    "tuées depuis janvier. D'ici à la fin de l'année, 200 policiers supplémentaires seront envoyés "
    "sur place, et un parquet national spécialisé verra le jour. « Nous ne laisserons aucun quartier "
    "aux mains des trafiquants, aucun », a lancé Emmanuel Macron à l'hôtel de police. Benoît Payan, "
    "le maire de Marseille, parle d'annonces « attendues depuis des années » tout en demandant "
    "davantage de moyens pour la justice. Gérald Darmanin, le ministre de l'Intérieur, était du voyage."
)
# another report on the same event: the same people and figures, its own words and quotes
INDEPENDENT = (
    "A Marseille, les habitants des quartiers nord doutent des promesses présidentielles. "
    "Au lendemain de la venue d'Emmanuel Macron, les associations de la cité de la Castellane "
    "restent sceptiques. Les 200 agents annoncés ne suffiront pas, estime une militante qui a vu "
    "disparaître trois jeunes de son immeuble. Depuis janvier, 49 personnes ont perdu la vie dans "
    "ces guerres de territoire. Benoît Payan, qui dirige la ville, soutient l'effort mais attend de "
    "voir les effectifs arriver. Gérald Darmanin doit revenir le mois prochain pour un premier bilan."
)
TRANSLATION = (
    "Marseille: Emmanuel Macron pledges 200 police officers against drug trafficking. "
    "President Emmanuel Macron travelled to Marseille on Tuesday to present a plan against drug "
    "trafficking in the city's northern districts, where gangland killings have left 49 dead since "
    "January. He promised 200 extra police officers by the end of the year and a specialised "
    "national prosecutor's office. \"We will not leave a single neighbourhood in the hands of the "
    'traffickers, not one," the head of state told officers at the police headquarters. The mayor '
    'of Marseille, Benoît Payan, welcomed announcements "awaited for years" but asked for more '
    "resources for the courts. Interior Minister Gérald Darmanin accompanied the president."
)
UNRELATED = (
    "Airbus annonce la suppression de 2 000 emplois à Toulouse. Le constructeur aéronautique "
    "invoque la baisse des commandes d'avions long-courriers et un marché chinois en berne. "
    "Les syndicats dénoncent un plan brutal et appellent à la grève jeudi devant le siège de "
    "Blagnac, où la direction doit recevoir les représentants du personnel en fin de semaine."
)

ENTITIES = frozenset({"ent:macron", "ent:marseille", "ent:payan", "ent:darmanin"})
EVENT = frozenset({"event:visite-macron-marseille", "number:200", "number:49"})
QUOTES = frozenset({"quote:nous ne laisserons aucun", "quote:attendues depuis des années"})


def doc(
    id_: str,
    text: str,
    *,
    order: int,
    published: str | None = "2024-03-19",
    language: str = "fr",
    facts: frozenset[str] = frozenset(),
) -> DupDoc:
    return DupDoc(id_, text, language, published, order, facts)


def near_copy(text: str, every: int = 20) -> str:
    """One word in ``every`` replaced (5 %)."""
    words = text.split(" ")
    return " ".join("remplacé" if i % every == 7 else w for i, w in enumerate(words))


def corpus() -> list[DupDoc]:
    return [
        doc("afp", DISPATCH, order=0, published="2024-03-19", facts=ENTITIES | EVENT | QUOTES),
        doc("copy", "  " + DISPATCH.upper().replace(" ", "  "), order=1, published="2024-03-19"),
        doc("near", near_copy(DISPATCH), order=2, published="2024-03-20"),
        doc("rewrite", REWRITE, order=3, published="2024-03-19", facts=ENTITIES | EVENT | QUOTES),
        doc("report", INDEPENDENT, order=4, published="2024-03-20", facts=ENTITIES | EVENT),
        doc(
            "english",
            TRANSLATION,
            order=5,
            language="en",
            published="2024-03-19",
            facts=ENTITIES | EVENT | QUOTES,
        ),
        doc("airbus", UNRELATED, order=6, facts=frozenset({"ent:airbus", "ent:toulouse"})),
    ]


def test_copies_near_copies_and_rewrites_are_found() -> None:
    assert find_copies(corpus()) == {
        "copy": ("afp", "copy"),
        "near": ("afp", "near_copy"),
        "rewrite": ("afp", "rewrite"),
    }


def test_shared_facts_alone_do_not_make_a_rewrite() -> None:
    # same people, figures and event, its own wording: an independent source
    found = find_copies(corpus())
    assert "report" not in found
    shared, share = duplicates.fact_share(ENTITIES | EVENT | QUOTES, ENTITIES | EVENT)
    assert shared >= duplicates.MIN_SHARED_FACTS and share >= duplicates.FACT_SHARE


def test_a_translation_is_not_a_copy() -> None:
    found = find_copies(corpus())
    assert "english" not in found and "afp" not in found


def test_the_same_answer_whatever_the_order() -> None:
    docs = corpus()
    expected = find_copies(docs)
    rng = random.Random(3)
    for _ in range(10):
        rng.shuffle(docs)
        assert find_copies(docs) == expected
        index = CopyIndex()
        index.extend(docs)
        assert index.copies() == expected


def test_earliest_is_dated_first_then_ingested_first() -> None:
    # the undated document came first but the dated one is the original
    docs = [
        doc("undated", DISPATCH, order=0, published=None),
        doc("late", DISPATCH, order=1, published="2024-03-21"),
        doc("early", DISPATCH, order=2, published="2024-03-19"),
    ]
    assert find_copies(docs) == {"undated": ("early", "copy"), "late": ("early", "copy")}
    same_day = [
        doc("b", DISPATCH, order=1, published="2024-03-19"),
        doc("a", DISPATCH, order=0, published="2024-03-19"),
    ]
    assert find_copies(same_day) == {"b": ("a", "copy")}


def test_incremental_index_updates_when_an_earlier_original_arrives() -> None:
    index = CopyIndex()
    assert index.add(doc("later", near_copy(DISPATCH), order=1, published="2024-03-20")) is None
    assert index.add(doc("first", DISPATCH, order=2, published="2024-03-19")) is None
    assert index.copies() == {"later": ("first", "near_copy")}
    assert index.add(doc("copy", DISPATCH, order=3, published="2024-03-22")) == ("first", "copy")
    assert index.add(doc("copy", DISPATCH, order=3)) == ("first", "copy")  # already indexed
    assert len(index) == 3 and "copy" in index


def test_kind_is_the_strongest_chain_to_the_original() -> None:
    docs = [doc(name, "", order=i) for i, name in enumerate("abcd")]
    links: list[tuple[str, str, duplicates.Kind]] = [
        ("a", "b", "rewrite"),
        ("b", "c", "copy"),
        ("a", "d", "near_copy"),
        ("d", "c", "copy"),
    ]
    assert group_links(docs, links) == {
        "b": ("a", "near_copy"),  # b = c (copy), c = d (copy), d ~ a (near copy)
        "c": ("a", "near_copy"),
        "d": ("a", "near_copy"),
    }


def test_short_and_empty_texts_are_not_copies() -> None:
    docs = [doc("a", "Lire la suite", order=0), doc("b", "Lire la suite", order=1)]
    docs += [doc("c", "", order=2), doc("d", "", order=3)]
    assert find_copies(docs) == {}


@pytest.mark.parametrize("other", [near_copy(DISPATCH), REWRITE, INDEPENDENT, UNRELATED])
def test_minhash_estimates_the_jaccard_of_word_shingles(other: str) -> None:
    a = duplicates.shingles(duplicates.words(DISPATCH))
    b = duplicates.shingles(duplicates.words(other))
    exact = len(a & b) / len(a | b)
    sig_a, sig_b = duplicates.minhash(a), duplicates.minhash(b)
    assert sig_a is not None and sig_b is not None
    assert abs(duplicates.jaccard_estimate(sig_a, sig_b) - exact) < 0.12


def test_entities_the_resolver_kept_apart_but_named_alike_are_one_fact_for_copies() -> None:
    from recoupe.corpus import entities_by_document, entity_facts
    from recoupe.entities.model import EntityType
    from recoupe.entities.resolve import ResolvedEntity

    def entity(id_: str, name: str, kind: EntityType, document: str) -> ResolvedEntity:
        return ResolvedEntity(id_, name, kind, [name], [(document, 0)], [], [])

    named = [
        ("Emmanuel Macron", EntityType.PERSON),
        ("Benoît Payan", EntityType.PERSON),
        ("Gérald Darmanin", EntityType.PERSON),
        ("Marseille", EntityType.LOC),
        ("hôtel de police", EntityType.LOC),
    ]
    found = [
        # each document's chain of each name kept apart: ids made of first mentions differ
        *(entity(f"a{i}", name, kind, "afp") for i, (name, kind) in enumerate(named)),
        *(entity(f"r{i}", name, kind, "rewrite") for i, (name, kind) in enumerate(named)),
        entity("x1", "Castellane", EntityType.LOC, "afp"),
        entity("x2", "Castellane", EntityType.ORG, "rewrite"),  # another type: another fact
    ]
    facts = entity_facts(found)
    assert facts["afp"] & facts["rewrite"] == {
        "entity:PERSON|emmanuel macron",
        "entity:PERSON|benoit payan",
        "entity:PERSON|gerald darmanin",
        "entity:LOC|marseille",
        "entity:LOC|hotel de police",
    }

    def rewrites(by_document: dict[str, set[str]]) -> dict[str, tuple[str, str]]:
        return find_copies(
            [
                doc("afp", DISPATCH, order=0, facts=frozenset(by_document["afp"])),
                doc("rewrite", REWRITE, order=1, facts=frozenset(by_document["rewrite"])),
            ]
        )

    assert rewrites(facts) == {"rewrite": ("afp", "rewrite")}
    assert rewrites(entities_by_document(found)) == {}  # by ids, nothing is shared
