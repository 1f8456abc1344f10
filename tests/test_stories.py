"""Stories (recoupe.stories), on French and English texts written for these tests; entity ids are
given by hand, as the entity layer would resolve them (one id per referent across languages)."""

from __future__ import annotations

import random

from recoupe.stories import StoryDoc, StoryIndex, attach_fragments, cluster_stories, story_id

NAMES = {
    "macron": "Emmanuel Macron",
    "marseille": "Marseille",
    "payan": "Benoît Payan",
    "darmanin": "Gérald Darmanin",
    "france": "France",
    "airbus": "Airbus",
    "toulouse": "Toulouse",
    "faury": "Guillaume Faury",
    "bordeaux": "Bordeaux",
    "chine": "Chine",
    "cniv": "Comité des vins",
    "bretagne": "Bretagne",
    "meteo": "Météo-France",
    "sunak": "Rishi Sunak",
    "london": "London",
}


def story_doc(
    id_: str,
    language: str,
    title: str,
    text: str,
    entities: set[str],
    published: str | None = "2024-03-19",
) -> StoryDoc:
    ids = frozenset(entities)
    return StoryDoc(id_, language, title, text, published, ids, {k: NAMES[k] for k in ids})


def corpus() -> list[StoryDoc]:
    return [
        # story 1: the president in Marseille (French, its English translation, a follow-up)
        story_doc(
            "fr-macron",
            "fr",
            "Emmanuel Macron à Marseille contre le narcotrafic",
            "Le président Emmanuel Macron s'est rendu mardi à Marseille pour annoncer un plan "
            "contre le narcotrafic. Il a promis 200 policiers supplémentaires dans les quartiers "
            "nord, où les règlements de comptes ont fait 49 morts cette année. Le maire Benoît "
            "Payan a salué l'annonce ; Gérald Darmanin accompagnait le chef de l'Etat.",
            {"macron", "marseille", "payan", "darmanin"},
        ),
        story_doc(
            "en-macron",
            "en",
            "Emmanuel Macron in Marseille to fight drug trafficking",
            "President Emmanuel Macron travelled to Marseille on Tuesday to announce a plan "
            "against drug trafficking. He promised 200 extra police officers in the northern "
            "districts, where gangland killings have left 49 dead this year. Mayor Benoît Payan "
            "welcomed the announcement; Gérald Darmanin accompanied the head of state.",
            {"macron", "marseille", "payan", "darmanin"},
        ),
        story_doc(
            "fr-quartiers",
            "fr",
            "Narcotrafic : les quartiers nord de Marseille attendent les renforts",
            "Au lendemain de la visite d'Emmanuel Macron, les habitants des quartiers nord de "
            "Marseille doutent. Les associations réclament des moyens durables contre le "
            "narcotrafic, au-delà des policiers promis. Benoît Payan demande un suivi précis.",
            {"macron", "marseille", "payan", "france"},
            "2024-03-21",
        ),
        # story 2: Airbus jobs in Toulouse (French and an English report of its own)
        story_doc(
            "fr-airbus",
            "fr",
            "Airbus supprime 2 000 emplois à Toulouse",
            "Le constructeur Airbus annonce la suppression de 2 000 emplois en France, "
            "principalement à Toulouse. Son patron Guillaume Faury invoque la baisse des "
            "commandes d'avions long-courriers. Les syndicats appellent à la grève.",
            {"airbus", "toulouse", "faury", "france"},
        ),
        story_doc(
            "en-airbus",
            "en",
            "Airbus to cut 2,000 jobs in Toulouse",
            "Airbus chief executive Guillaume Faury said the planemaker would cut 2,000 jobs in "
            "France, most of them in Toulouse, as orders for long-haul jets slow down. Unions "
            "called a strike for Thursday.",
            {"airbus", "toulouse", "faury", "france"},
            "2024-03-20",
        ),
        # story 3: Bordeaux wine exports to China; shares only "France" with story 2
        story_doc(
            "fr-vins",
            "fr",
            "Les vins de Bordeaux reculent en Chine",
            "Les exportations de vins de Bordeaux vers la Chine ont chuté de 30 % en un an, "
            "selon le Comité des vins. La France reste le premier fournisseur du pays, mais "
            "les viticulteurs s'inquiètent pour les petites propriétés.",
            {"bordeaux", "chine", "cniv", "france"},
        ),
        story_doc(
            "fr-vins-2",
            "fr",
            "Bordeaux : les viticulteurs face à la chute des ventes en Chine",
            "Dans le Bordelais, la chute des exportations de vins vers la Chine inquiète. Le "
            "Comité des vins évoque des stocks record ; la France cherche d'autres marchés.",
            {"bordeaux", "chine", "cniv", "france"},
            "2024-03-22",
        ),
        # story 4: a storm in Brittany
        story_doc(
            "fr-tempete",
            "fr",
            "Tempête : la Bretagne en vigilance rouge",
            "Météo-France a placé la Bretagne en vigilance rouge pour des rafales dépassant "
            "150 km/h. Les écoles seront fermées jeudi dans tout l'ouest de la France.",
            {"bretagne", "meteo", "france"},
        ),
        # story 5: British politics, no French entity
        story_doc(
            "en-sunak",
            "en",
            "Rishi Sunak calls a snap election",
            "Prime Minister Rishi Sunak announced in London on Wednesday that Britain will vote "
            "in July, ending months of speculation inside the Conservative party.",
            {"sunak", "london"},
        ),
    ]


def partition(stories: list) -> set[frozenset[str]]:  # type: ignore[type-arg]
    return {frozenset(s.documents) for s in stories}


def story_of(stories: list, doc_id: str) -> frozenset[str]:  # type: ignore[type-arg]
    return next(frozenset(s.documents) for s in stories if doc_id in s.documents)


def test_every_document_in_exactly_one_story() -> None:
    docs = corpus()
    stories = cluster_stories(docs)
    ids = [d for s in stories for d in s.documents]
    assert sorted(ids) == sorted(d.id for d in docs)
    assert partition(stories) == {
        frozenset({"fr-macron", "en-macron", "fr-quartiers"}),
        frozenset({"fr-airbus", "en-airbus"}),
        frozenset({"fr-vins", "fr-vins-2"}),
        frozenset({"fr-tempete"}),
        frozenset({"en-sunak"}),
    }


def test_a_translation_lands_in_the_story_of_its_original() -> None:
    stories = cluster_stories(corpus())
    assert {"fr-macron", "en-macron"} <= story_of(stories, "fr-macron")
    # and with nothing else around
    pair = [d for d in corpus() if d.id in ("fr-macron", "en-macron")]
    assert partition(cluster_stories(pair)) == {frozenset({"fr-macron", "en-macron"})}


def test_stories_sharing_only_a_common_entity_stay_apart() -> None:
    stories = cluster_stories(corpus())
    # "France" is named in 6 of the 9 documents: Airbus, wine and the storm stay apart
    assert story_of(stories, "fr-airbus") != story_of(stories, "fr-vins")
    assert story_of(stories, "fr-tempete") == {"fr-tempete"}


def test_the_same_stories_whatever_the_order() -> None:
    docs = corpus()
    expected = cluster_stories(docs)
    rng = random.Random(5)
    for _ in range(10):
        rng.shuffle(docs)
        assert cluster_stories(docs) == expected
        index = StoryIndex()
        for d in docs:
            index.add(d)
        assert index.stories() == expected


def test_ids_come_from_the_earliest_document_and_stay_as_the_story_grows() -> None:
    docs = corpus()
    stories = cluster_stories(docs)
    airbus = next(s for s in stories if "fr-airbus" in s.documents)
    # fr-airbus is dated 2024-03-19, en-airbus 2024-03-20
    assert airbus.id == story_id("fr-airbus") and airbus.documents[0] == "fr-airbus"
    later = story_doc(
        "en-airbus-2",
        "en",
        "Airbus unions strike in Toulouse over 2,000 job cuts",
        "Thousands of Airbus workers walked out in Toulouse on Thursday after Guillaume Faury "
        "confirmed 2,000 job cuts in France.",
        {"airbus", "toulouse", "faury", "france"},
        "2024-03-21",
    )
    grown = cluster_stories([*docs, later])
    assert next(s for s in grown if "en-airbus-2" in s.documents).id == airbus.id


def test_labels_name_the_top_entities_and_a_word() -> None:
    stories = cluster_stories(corpus())
    macron = next(s for s in stories if "fr-macron" in s.documents)
    *names, word = macron.label.split(" · ")
    # the three entities named in all three documents come first; then the title word
    assert len(names) == 2 and set(names) < {"Emmanuel Macron", "Marseille", "Benoît Payan"}
    assert word == "narcotrafic"


def test_documents_months_apart_are_less_likely_one_story() -> None:
    first, translation = (d for d in corpus() if d.id in ("fr-macron", "en-macron"))
    a_year_later = StoryDoc(
        "en-macron-2025",
        translation.language,
        translation.title,
        translation.text,
        "2025-03-19",
        translation.entities,
        translation.entity_names,
    )
    assert len(cluster_stories([first, translation])) == 1
    assert len(cluster_stories([first, a_year_later])) == 2


def test_empty_and_single_inputs() -> None:
    assert cluster_stories([]) == []
    (only,) = cluster_stories([corpus()[0]])
    assert only.documents == ("fr-macron",) and only.id == story_id("fr-macron")


# --- fragments ---------------------------------------------------------------------------------


def _scores_to(doc: int, group: range, value: float) -> dict[tuple[int, int], float]:
    return {(min(doc, m), max(doc, m)): value for m in group}


def test_a_fragment_joins_the_story_it_clearly_belongs_to() -> None:
    story_a, story_b = range(0, 5), range(5, 10)
    scores = {**_scores_to(10, story_a, 0.04), **_scores_to(10, story_b, 0.01)}
    groups = [list(story_a), list(story_b), [10]]
    assert attach_fragments(groups, scores, 0.06) == [[0, 1, 2, 3, 4, 10], [5, 6, 7, 8, 9]]


def test_a_fragment_two_stories_claim_alike_or_none_claims_stays_alone() -> None:
    story_a, story_b = range(0, 5), range(5, 10)
    groups = [list(story_a), list(story_b), [10]]
    torn = {**_scores_to(10, story_a, 0.04), **_scores_to(10, story_b, 0.03)}
    assert attach_fragments(groups, torn, 0.06) == groups  # 0.04 is not 1.5 times 0.03
    faint = _scores_to(10, story_a, 0.02)  # below half the threshold
    assert attach_fragments(groups, faint, 0.06) == groups


def test_a_fragment_closer_to_a_small_story_does_not_join_a_large_one() -> None:
    large, small = range(0, 4), range(4, 7)
    scores = {**_scores_to(7, large, 0.032), **_scores_to(7, small, 0.055)}
    groups = [list(large), list(small), [7]]
    assert attach_fragments(groups, scores, 0.06) == groups  # 7 follows the small story


def test_only_small_groups_move_and_only_into_larger_ones() -> None:
    story_a, story_b = range(0, 5), range(5, 9)  # story_b: four documents, more than a fragment
    scores = {(m, n): 0.05 for m in story_a for n in story_b}
    groups = [list(story_a), list(story_b)]
    assert attach_fragments(groups, scores, 0.06) == groups
    pairs = [[0, 1], [2, 3]]  # no story large enough to join: fragments stay as they are
    assert attach_fragments(pairs, {(1, 2): 0.05}, 0.06) == pairs
