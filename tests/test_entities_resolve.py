"""Resolution rules on hand-built documents (no model): fast, one rule per test."""

from __future__ import annotations

import re

from recoupe.entities.coref import build_chains
from recoupe.entities.model import Acronym, DocumentEntities, EntityType, Mention
from recoupe.entities.resolve import resolve

P, ORG, L = EntityType.PERSON, EntityType.ORG, EntityType.LOC


def doc(
    doc_id: str, text: str, names: dict[str, EntityType], language: str = "fr"
) -> DocumentEntities:
    """Mentions of every given name in ``text`` (as NER would give them), chained as the stage does."""
    mentions = sorted(
        (
            Mention(m.start(), m.end(), m.group(), kind)
            for name, kind in names.items()
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        ),
        key=lambda m: m.start,
    )
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    kept.sort(key=lambda m: m.start)
    acronyms = [
        Acronym(a, b, True)
        for a in kept
        for b in kept
        if a.text.isupper() and b.end + 2 == a.start and text[b.end : a.start] == " ("
    ]
    chains, typed = build_chains(text, kept, acronyms)
    return DocumentEntities(doc_id, language, typed, chains, acronyms)


def names_of(entities: list, docs: list[DocumentEntities]) -> list[set[str]]:  # type: ignore[type-arg]
    by_id = {d.document: d for d in docs}
    return [{by_id[d].mentions[i].text for d, i in e.mentions} for e in entities]


def test_surname_and_title_attach_to_the_full_name_within_a_document() -> None:
    text = "Le ministre Hervé Castel a reçu les syndicats. Castel a promis une loi. M. Castel part demain."
    d = doc("a", text, {"Hervé Castel": P, "Castel": P})
    (chain,) = d.chains
    assert len(chain) == 3


def test_brothers_sharing_a_surname_stay_apart_and_a_bare_surname_takes_the_nearest() -> None:
    text = (
        "Karim Benali, frère de Yacine Benali, a été entendu. Yacine Benali dément. "
        "Benali a ensuite quitté le tribunal."
    )
    d = doc("a", text, {"Karim Benali": P, "Yacine Benali": P, "Benali": P})
    groups = sorted(sorted(d.mentions[i].text for i in chain) for chain in d.chains)
    assert groups == [["Benali", "Yacine Benali", "Yacine Benali"], ["Karim Benali"]]


def test_accents_case_and_hyphens_do_not_split_an_entity() -> None:
    a = doc("a", "Élodie Ferré-Martin a démissionné hier soir.", {"Élodie Ferré-Martin": P})
    b = doc("b", "ELODIE FERRE MARTIN resigned on Tuesday.", {"ELODIE FERRE MARTIN": P}, "en")
    (entity,) = resolve([a, b])
    assert entity.merges[0].rule == "same_name"


def test_a_spelling_variant_merges_when_the_context_agrees_and_is_recorded() -> None:
    a = doc(
        "a",
        "Le procureur Julien Morrel a reçu Sandra Vidal à Rennes.",
        {"Julien Morrel": P, "Sandra Vidal": P, "Rennes": L},
    )
    b = doc(
        "b",
        "Prosecutor Julien Morel met Sandra Vidal in Rennes.",
        {"Julien Morel": P, "Sandra Vidal": P, "Rennes": L},
        "en",
    )
    entities = resolve([a, b])
    (julien,) = [e for e in entities if "Julien Morel" in e.aliases]
    assert set(julien.aliases) == {"Julien Morrel", "Julien Morel"}
    assert [m.rule for m in julien.merges] == ["spelling_variant"]
    assert julien.variants == ["Julien Morel", "Julien Morrel"]


def test_a_close_spelling_without_shared_context_is_not_merged() -> None:
    a = doc(
        "a", "Julien Morrel a ouvert une boulangerie à Brest.", {"Julien Morrel": P, "Brest": L}
    )
    b = doc("b", "Julien Morel won the chess open in Leeds.", {"Julien Morel": P, "Leeds": L}, "en")
    assert len([e for e in resolve([a, b]) if e.type is P]) == 2


def test_same_surname_different_given_names_are_never_merged() -> None:
    a = doc("a", "Karim Benali a été tué à Nîmes.", {"Karim Benali": P, "Nîmes": L})
    b = doc("b", "Yacine Benali a été entendu à Nîmes.", {"Yacine Benali": P, "Nîmes": L})
    people = [e for e in resolve([a, b]) if e.type is P]
    assert len(people) == 2


def test_a_bare_surname_joins_the_only_person_so_named_but_not_one_of_several() -> None:
    a = doc("a", "Hervé Castel a présenté son budget.", {"Hervé Castel": P})
    b = doc("b", "Castel was booed in Parliament.", {"Castel": P}, "en")
    entities = resolve([a, b])
    assert names_of(entities, [a, b]) == [{"Hervé Castel", "Castel"}]
    assert entities[0].merges[0].rule == "surname"
    c = doc(
        "c", "Karim Benali et Yacine Benali sont frères.", {"Karim Benali": P, "Yacine Benali": P}
    )
    d = doc("d", "Benali a été blessé.", {"Benali": P})
    assert {"Benali"} in names_of(resolve([c, d]), [c, d])


def test_an_acronym_links_a_long_form_and_its_translation() -> None:
    a = doc(
        "a",
        "Le Parquet national financier (PNF) a ouvert une enquête.",
        {"Parquet national financier": ORG, "PNF": ORG},
    )
    b = doc(
        "b",
        "The National Financial Prosecutor's Office (PNF) opened a probe.",
        {"National Financial Prosecutor's Office": ORG, "PNF": ORG},
        "en",
    )
    (entity,) = resolve([a, b])
    assert set(entity.aliases) == {
        "Parquet national financier",
        "PNF",
        "National Financial Prosecutor's Office",
    }


def test_two_people_named_side_by_side_are_never_merged() -> None:
    a = doc(
        "a",
        "Julien Morrel et Julien Morel, deux homonymes, siègent à Rennes avec Sandra Vidal.",
        {"Julien Morrel": P, "Julien Morel": P, "Sandra Vidal": P, "Rennes": L},
    )
    b = doc(
        "b",
        "Julien Morel met Sandra Vidal in Rennes.",
        {"Julien Morel": P, "Sandra Vidal": P, "Rennes": L},
        "en",
    )
    people = {frozenset(n) for n in names_of(resolve([a, b]), [a, b])}
    assert frozenset({"Julien Morrel"}) in people


def test_types_agree_across_mentions_and_languages() -> None:
    a = doc("a", "Le maire a parlé à Rennes. Rennes attend.", {"Rennes": ORG})
    b = doc("b", "The mayor spoke in Rennes on Monday.", {"Rennes": ORG}, "en")
    (entity,) = resolve([a, b])
    assert entity.type is L


def test_english_surname_and_title_attach_within_a_document() -> None:
    text = "Treasury Secretary Helen Marsh met bankers. Marsh said rates would fall. Ms Marsh left."
    d = doc("a", text, {"Helen Marsh": P, "Marsh": P}, "en")
    (chain,) = d.chains
    assert {d.mentions[i].text for i in chain} == {"Helen Marsh", "Marsh"} and len(chain) == 3


def test_english_brothers_stay_apart() -> None:
    text = (
        "Tom Reyes and his brother Dan Reyes were arrested. Dan Reyes denied it. Reyes was freed."
    )
    d = doc("a", text, {"Tom Reyes": P, "Dan Reyes": P, "Reyes": P}, "en")
    groups = sorted(sorted(d.mentions[i].text for i in chain) for chain in d.chains)
    assert groups == [["Dan Reyes", "Dan Reyes", "Reyes"], ["Tom Reyes"]]


def test_every_merge_says_why() -> None:
    a = doc("a", "Hervé Castel a présenté son budget à Rennes.", {"Hervé Castel": P, "Rennes": L})
    b = doc("b", "Castel was booed in Rennes.", {"Castel": P, "Rennes": L}, "en")
    for entity in resolve([a, b]):
        assert len(entity.merges) == len({d for d, _ in entity.mentions}) - 1
        assert all(m.rule and m.evidence for m in entity.merges)


def test_an_undefined_acronym_joins_the_only_name_its_initials_spell() -> None:
    a = doc("a", "Le Parti communiste français a voté contre.", {"Parti communiste français": ORG})
    b = doc("b", "Le PCF dénonce le texte.", {"PCF": ORG})
    c = doc(
        "c", "Le PS et le Parti socialiste européen.", {"PS": ORG, "Parti socialiste européen": ORG}
    )
    groups = names_of(resolve([a, b, c]), [a, b, c])
    assert {"Parti communiste français", "PCF"} in groups
    assert {"PS"} in groups  # "Parti socialiste européen" spells PSE, not PS


def test_an_entity_keeps_its_id_when_later_documents_outvote_its_type() -> None:
    first = doc("d1", "Selon Jean Castel, rien ne change.", {"Jean Castel": ORG})
    before = resolve([first])[0]
    later = [
        doc(
            f"d{n}",
            "Le maire Jean Pierre Castel a parlé. Jean Pierre Castel et Jean Castel "
            "ont répondu. Jean Pierre Castel a conclu.",
            {"Jean Pierre Castel": P, "Jean Castel": P},
        )
        for n in range(2, 5)
    ]
    after = [e for e in resolve([first, *later]) if ("d1", 0) in e.mentions]
    assert len(after) == 1
    assert after[0].type is P and before.type is ORG  # outvoted
    assert after[0].id == before.id


def test_ids_of_a_prefix_of_the_corpus_survive_in_the_whole() -> None:
    texts = [
        (
            "a",
            "Le juge Antoine Delorme a reçu les avocats à Grenoble. Delorme a promis.",
            {"Antoine Delorme": P, "Delorme": P, "Grenoble": L},
        ),
        (
            "b",
            "Judge Antoine Delorme spoke in Grenoble with Marie Roche.",
            {"Antoine Delorme": P, "Grenoble": L, "Marie Roche": P},
        ),
        (
            "c",
            "Marie Roche, avocate, et Delorme se sont vus à Lyon.",
            {"Marie Roche": P, "Delorme": P, "Lyon": L},
        ),
    ]
    docs = [doc(i, t, n) for i, t, n in texts]
    for size in range(1, len(docs)):
        prefix = resolve(docs[:size])
        whole = resolve(docs)
        for entity in whole:
            absorbed = {p.id for p in prefix if set(p.mentions) & set(entity.mentions)}
            if absorbed:  # it holds mentions of the prefix: it is named as one of them was
                assert entity.id in absorbed, (entity.name, absorbed)


def test_an_organisation_named_by_its_first_words_joins_the_only_name_so_starting() -> None:
    docs = [
        doc("a", "La banque Lehman Brothers a fait faillite à New York.", {"Lehman Brothers": ORG}),
        doc("b", "La faillite de Lehman inquiète les marchés.", {"Lehman": ORG}),
        doc(
            "c",
            "La Caisse des dépôts et consignations prête aux banques.",
            {"Caisse des dépôts et consignations": ORG},
        ),
        doc("d", "La Caisse des dépôts apportera deux milliards.", {"Caisse des dépôts": ORG}),
    ]
    groups = sorted(sorted(names) for names in names_of(resolve(docs), docs))
    assert groups == [
        ["Caisse des dépôts", "Caisse des dépôts et consignations"],
        ["Lehman", "Lehman Brothers"],
    ]
    merges = {m.rule for e in resolve(docs) for m in e.merges}
    assert merges == {"first_words"}


def test_first_words_shared_by_two_organisations_join_neither() -> None:
    docs = [
        doc("a", "Apple Computer sells the iPod.", {"Apple Computer": ORG}, "en"),
        doc("b", "Apple Corps owns the Beatles' label.", {"Apple Corps": ORG}, "en"),
        doc("c", "Apple won the case in London.", {"Apple": ORG}, "en"),
        doc("d", "Paris Saint-Germain a gagné.", {"Paris Saint-Germain": ORG}),
        doc("e", "Paris a voté, dit Paris.", {"Paris": ORG}),  # typed as a body here
        doc("f", "Il vit à Paris.", {"Paris": L}),  # and as the place there
    ]
    assert all(len(names) == 1 for names in names_of(resolve(docs), docs))


def test_a_country_named_in_french_english_or_by_its_iso_code_is_one_place() -> None:
    a = doc("a", "Les Etats-Unis ont salué la libération.", {"Etats-Unis": L})
    b = doc("b", "The United States welcomed the news.", {"United States": L}, "en")
    c = doc("c", "Trois otages rentrent aux USA, dont un pilote.", {"USA": ORG})
    d = doc("d", "La CAF versera les allocations.", {"CAF": ORG})  # no Centrafrique named in full
    groups = names_of(resolve([a, b, c, d]), [a, b, c, d])
    assert {"Etats-Unis", "United States", "USA"} in groups
    assert {"CAF"} in groups


def test_an_organisation_named_without_the_place_its_name_opens_with() -> None:
    a = doc(
        "a",
        "The Washington Wizards beat the Boston Celtics in Washington.",
        {"Washington Wizards": ORG, "Boston Celtics": ORG, "Washington": L},
        "en",
    )
    b = doc("b", "The Wizards won again.", {"Wizards": ORG}, "en")
    c = doc("c", "Les Celtics ont perdu.", {"Celtics": ORG})  # Boston is named by no one alone
    groups = names_of(resolve([a, b, c]), [a, b, c])
    assert {"Washington Wizards", "Wizards"} in groups
    assert {"Celtics"} in groups


def test_the_dots_of_an_initialism_are_no_spelling() -> None:
    a = doc(
        "a", "The U.S. Treasury said on Monday that U.S. banks were sound.", {"U.S.": ORG}, "en"
    )
    b = doc("b", "Officials in the US said the UN would meet.", {"US": ORG, "UN": ORG}, "en")
    entities = resolve([a, b])
    assert sorted(sorted(n) for n in names_of(entities, [a, b])) == [["U.S.", "US"], ["UN"]]


def test_an_organisation_named_again_by_the_last_words_of_its_name_in_one_text() -> None:
    text = (
        "The New Orleans Saints lost Reggie Bush to a knee injury. The Saints play Atlanta on "
        "Sunday, and the Saints' coach said Bush would return. Julius Jones will start; Jones "
        "ran for 80 yards. Air France will fly the team back from France. The Central Fire "
        "Department and the Palmer Fire Department sent crews; the Fire Department said so."
    )
    named = doc(
        "a",
        text,
        {
            "New Orleans Saints": ORG,
            "Saints": L,
            "Reggie Bush": P,
            "Bush": P,
            "Atlanta": L,
            "Julius Jones": ORG,
            "Jones": P,
            "Air France": ORG,
            "France": L,
            "Central Fire Department": ORG,
            "Palmer Fire Department": ORG,
            "Fire Department": ORG,
        },
        "en",
    )
    groups = sorted(sorted(names) for names in names_of(resolve([named]), [named]))
    assert ["New Orleans Saints", "Saints"] in groups  # typed a place by the NER
    assert ["Jones"] in groups  # a surname, not a short name of an organisation
    assert ["France"] in groups  # a country is no short name
    assert ["Fire Department"] in groups  # two departments end so: neither
    saints = next(e for e in resolve([named]) if e.name == "New Orleans Saints")
    assert saints.type is ORG  # the short names' wrong label does not outvote the full name


def test_a_name_shortened_by_its_first_words_in_the_article_that_gave_it_in_full() -> None:
    text = (
        "Le Parlement européen a voté le texte mardi. Le Parlement siégera de nouveau en mai, "
        "a dit sa présidente."
    )
    whole = doc("a", text, {"Parlement européen": ORG, "Parlement": ORG})
    before = doc("b", "Le Parlement siège à Strasbourg.", {"Parlement": ORG, "Strasbourg": L})
    groups = names_of(resolve([whole, before]), [whole, before])
    assert {"Parlement européen", "Parlement"} in groups
    assert len(groups) == 2  # Strasbourg apart
    # named short before it is named in full: two bodies of one group, not one shortened
    first_short = doc(
        "c",
        "Microsoft a publié un correctif. Le Microsoft Security Response Center l'a confirmé.",
        {"Microsoft": ORG, "Microsoft Security Response Center": ORG},
    )
    assert len(resolve([first_short])) == 2


def test_a_person_s_title_noun_right_before_a_name_makes_it_a_person_s() -> None:
    text = (
        '"Rest is the plan," Saints head coach Sean Payton said. The official Xinhua agency '
        "reported it. Le chanteur Paul Vidal était là. The Mercer Bank paid."
    )
    named = doc(
        "a",
        text,
        {"Sean Payton": L, "Xinhua": ORG, "Paul Vidal": L, "Mercer Bank": ORG},
        "en",
    )
    types = {m.text: m.type for m in named.mentions}
    assert types["Sean Payton"] is P and types["Paul Vidal"] is P  # the NER said a place
    assert types["Xinhua"] is ORG and types["Mercer Bank"] is ORG  # "official" is no title here


def test_initials_read_hyphens_and_dots_never_a_legal_form_nor_two_letters() -> None:
    docs = [
        doc("a", "L'Agence France-Presse a publié la dépêche.", {"Agence France-Presse": ORG}),
        doc("b", "Selon l'AFP, la visite aura lieu.", {"AFP": ORG}),
        doc(
            "c",
            "The U.S. Department of Agriculture paid the loan; USDA staff said so.",
            {"U.S. Department of Agriculture": ORG, "USDA": ORG},
            "en",
        ),
        doc(
            "d",
            "Le Parti socialiste a voté contre. Le PS demande un débat.",
            {"Parti socialiste": ORG, "PS": ORG},
        ),
        doc(
            "e",
            "Apple Inc. unveiled a phone. The AIR features came later.",
            {"Apple Inc.": ORG, "AIR": ORG},
            "en",
        ),
        doc("f", "Apple Inc. Research said so.", {"Apple Inc. Research": ORG}, "en"),
    ]
    groups = names_of(resolve(docs), docs)
    assert {"Agence France-Presse", "AFP"} in groups
    assert {"U.S. Department of Agriculture", "USDA"} in groups
    assert {"PS"} in groups  # two letters spell too many names ("maire PS", "PSG")
    assert {"AIR"} in groups  # "Inc." is no initial


def test_one_person_s_full_name_written_several_ways_in_one_text_is_one_entity() -> None:
    text = (
        "Brian G. Nichols, 37, was convicted. Brian Nichols said nothing. J. Cook met "
        "John Cook's staff. Carla Bruni sang; Carla Bruni-Sarkozy smiled, and Nicolas Sarkozy "
        "left. Jean Roe and Paul Roe came; John Poe Jr. and John Poe Sr. too, with John Poe. "
        "Jean Dupont et son épouse Jeanne Dupont; Jean-Pierre Vidal et son fils Jean Vidal; "
        "Robert Kane Jr., the son of Robert Kane."
    )
    names = [
        "Brian G. Nichols", "Brian Nichols", "J. Cook", "John Cook", "Carla Bruni",
        "Carla Bruni-Sarkozy", "Nicolas Sarkozy", "Jean Roe", "Paul Roe", "John Poe Jr.",
        "John Poe Sr.", "John Poe", "Jean Dupont", "Jeanne Dupont", "Jean-Pierre Vidal",
        "Jean Vidal", "Robert Kane Jr.", "Robert Kane",
    ]  # fmt: skip
    one = doc("a", text, dict.fromkeys(names, P), "en")
    groups = names_of(resolve([one]), [one])
    assert {"Brian G. Nichols", "Brian Nichols"} in groups
    assert {"J. Cook", "John Cook"} in groups
    assert {"Carla Bruni", "Carla Bruni-Sarkozy"} in groups
    assert {"Nicolas Sarkozy"} in groups
    assert {"Jean Roe"} in groups and {"Paul Roe"} in groups  # two people of one surname
    assert {"John Poe"} in groups  # the father's or the son's: the text does not say
    assert {"Jean Dupont"} in groups and {"Jeanne Dupont"} in groups
    assert {"Jean-Pierre Vidal"} in groups and {"Jean Vidal"} in groups
    assert {"Robert Kane Jr."} in groups and {"Robert Kane"} in groups


def test_a_club_named_after_its_city_keeps_the_city_and_odd_names_do_not_crash() -> None:
    text = (
        "Le FC Nantes a battu Lyon. À Nantes, les supporters ont fêté la victoire. Le Real "
        "Madrid a perdu à Madrid."
    )
    names = {"FC Nantes": ORG, "Nantes": L, "Lyon": L, "Real Madrid": ORG, "Madrid": L}
    named = doc("a", text, names)
    groups = names_of(resolve([named]), [named])
    assert {"Nantes"} in groups and {"Madrid"} in groups
    for odd in ("Apple —", "Apple _", "Crédit Agricole ‐", "Jean Roe -", "Jean Roe --"):
        short = odd.split()[0]
        built = f"Selon {odd} rien ne change. {short} a parlé."
        kind = P if "Roe" in odd else ORG
        mentions = [Mention(6, 6 + len(odd), odd, kind)]
        start = built.index(short, 7 + len(odd))
        mentions.append(Mention(start, start + len(short), short, ORG))
        build_chains(built, mentions, [])  # no exception


def test_a_person_noun_before_a_company_or_a_country_makes_no_person() -> None:
    text = (
        "The producer Gaumont paid. Asset manager BlackRock sold. Top oil producer Saudi Arabia "
        "cut output. Le pilote Ferrari Charles Leclerc a gagné."
    )
    names = {"Gaumont": ORG, "BlackRock": ORG, "Saudi Arabia": L, "Ferrari": ORG}
    named = doc("a", text, {**names, "Charles Leclerc": P}, "en")
    types = {m.text: m.type for m in named.mentions}
    assert types["Gaumont"] is ORG and types["BlackRock"] is ORG and types["Ferrari"] is ORG
    assert types["Saudi Arabia"] is L and types["Charles Leclerc"] is P


def test_name_forms_fold_accents_read_initials_of_compounds_and_skip_particles() -> None:
    text = (
        "Jean-Luc Mélenchon parla; J.-L. Mélenchon conclut. Charles de Gaulle et Charles A. de "
        "Gaulle. Éric J. Zemmour et Eric Zemmour. Jean Roux père et Jean Roux."
    )
    names = [
        "Jean-Luc Mélenchon", "J.-L. Mélenchon", "Charles de Gaulle", "Charles A. de Gaulle",
        "Éric J. Zemmour", "Eric Zemmour", "Jean Roux père", "Jean Roux",
    ]  # fmt: skip
    one = doc("a", text, dict.fromkeys(names, P))
    groups = names_of(resolve([one]), [one])
    assert {"Jean-Luc Mélenchon", "J.-L. Mélenchon"} in groups
    assert {"Charles de Gaulle", "Charles A. de Gaulle"} in groups
    assert {"Éric J. Zemmour", "Eric Zemmour"} in groups
    assert {"Jean Roux père"} in groups and {"Jean Roux"} in groups


def test_a_short_name_after_to_is_no_place_unless_the_ner_says_so_and_dotted_legal_forms() -> None:
    text = "Manchester United beat Chelsea. Ronaldo, who returned to United in 2021, scored."
    named = doc("a", text, {"Manchester United": ORG, "Chelsea": ORG, "United": ORG}, "en")
    assert {"Manchester United", "United"} in names_of(resolve([named]), [named])
    docs = [
        doc("b", "Nestlé S.A. a publié ses comptes.", {"Nestlé S.A.": ORG}),
        doc("c", "La NSA écoute.", {"NSA": ORG}),
    ]
    assert {"NSA"} in names_of(resolve(docs), docs)


def test_a_surname_with_its_particles_is_a_bare_surname_not_a_given_name_and_a_surname() -> None:
    from recoupe.entities.roles import strip_title

    title = "M. de Castries"  # the courtesy title is stripped before a particle too
    assert strip_title(title, 0, len(title), language="fr") == (3, len(title), "M.")
    text = "Henri de Castries, président d'Axa, a parlé. M. de Castries a ajouté qu'il partait."
    d = doc("a", text, {"Henri de Castries": P, "de Castries": P})
    assert [[d.mentions[i].text for i in chain] for chain in d.chains] == [
        ["Henri de Castries", "de Castries"]
    ]
    english = doc(
        "b",
        "Officer Shayne La Croix was hurt. La Croix said he was fine.",
        {"Shayne La Croix": P, "La Croix": P},
        "en",
    )
    assert len(english.chains) == 1
    # across documents: the only person so named
    docs = [
        doc(
            "c", "Dominique de Villepin a parlé à Paris.", {"Dominique de Villepin": P, "Paris": L}
        ),
        doc("d", "Pour de Villepin, la guerre est une erreur.", {"de Villepin": P}),
    ]
    assert [sorted(names) for names in names_of(resolve(docs), docs) if len(names) > 1] == [
        ["Dominique de Villepin", "de Villepin"]
    ]


def test_a_given_name_like_a_particle_still_makes_a_full_name_and_a_paper_ner_took_for_a_person_joins() -> (
    None
):
    d = doc(
        "a",
        "Ben Bernanke a averti mardi. Bernanke juge l'inflation trop élevée.",
        {"Ben Bernanke": P, "Bernanke": P},
    )
    assert len(d.chains) == 1
    docs = [
        doc("b", "Al Gore spoke in Nashville.", {"Al Gore": P, "Nashville": L}, "en"),
        doc("c", "Gore said the bill was overdue.", {"Gore": P}, "en"),
        doc("d", "Le Monde a révélé l'affaire mardi.", {"Le Monde": ORG}),
        doc("e", "Selon Le Monde, le ministre savait.", {"Le Monde": P}),  # NER: a person
    ]
    entities = resolve(docs)
    groups = sorted(sorted(set(names)) for names in names_of(entities, docs))
    assert ["Al Gore", "Gore"] in groups and ["Le Monde"] in groups
    (monde,) = [e for e in entities if e.name == "Le Monde"]
    assert monde.type is ORG and len(monde.mentions) == 2


def test_a_firm_after_receiver_keeps_its_type() -> None:
    firm = doc("d", "The lender appointed receiver Grant Thornton.", {"Grant Thornton": ORG}, "en")
    assert [m.type for m in firm.mentions] == [ORG]  # "receiver" is no person's noun


def test_a_team_named_without_its_city_joins_it_even_typed_a_place() -> None:
    first = doc(
        "a",
        "The Chicago Bears beat the New Orleans Saints in Chicago. Fans in New Orleans wept. "
        "The France-Tibet group met in Paris, then in Houston with the Houston Texans.",
        {"Chicago Bears": ORG, "New Orleans Saints": ORG, "Chicago": L, "New Orleans": L}
        | {"France-Tibet": ORG, "Paris": L, "Houston": L, "Houston Texans": ORG},
        "en",
    )
    second = doc(
        "b",
        "The Bears won again and the Saints lost. Fans of the Bears cheered. The Bears lead the "
        "division. Protests in Tibet grew. Millions of Texans were without power.",
        {"Bears": L, "Saints": P, "Tibet": L, "Texans": EntityType.MISC},
        "en",
    )
    docs = [first, second]
    groups = names_of(resolve(docs), docs)
    assert {"Chicago Bears", "Bears"} in groups and {"New Orleans Saints", "Saints"} in groups
    assert {"Tibet"} in groups and {"France-Tibet"} in groups
    assert {"Texans"} in groups  # a people, not the team, though Houston is named
    blazers = {"Portland Trail Blazers": ORG, "Portland": L}
    pair = [
        doc("c", "The Portland Trail Blazers won in Portland.", blazers, "en"),
        doc("e", "Later the Trail Blazers lost at home.", {"Trail Blazers": L}, "en"),
    ]
    assert {"Portland Trail Blazers", "Trail Blazers"} in names_of(resolve(pair), pair)
    types = {e.name: e.type for e in resolve(docs)}
    # three mentions NER typed a place's, one an organisation's: the team, retyped
    assert types["Chicago Bears"] is ORG and types["New Orleans Saints"] is ORG


def test_a_double_surname_alone_is_the_person_whose_name_ends_so() -> None:
    first = doc(
        "a",
        "Ashley Smith Robinson alerted the police. Gabriel García Márquez wrote. "
        "Ana Maria Lopez spoke.",
        {"Ashley Smith Robinson": P, "Gabriel García Márquez": P, "Ana Maria Lopez": P},
        "en",
    )
    second = doc(
        "b",
        "Ms. Smith Robinson was taken hostage. García Márquez died in 2014. "
        "Maria Lopez and Maria Ruiz came.",
        {"Smith Robinson": P, "García Márquez": P, "Maria Lopez": P, "Maria Ruiz": P},
        "en",
    )
    groups = names_of(resolve([first, second]), [first, second])
    assert {"Ashley Smith Robinson", "Smith Robinson"} in groups
    assert {"Gabriel García Márquez", "García Márquez"} in groups
    assert {"Maria Lopez"} in groups  # "Maria" is another woman's given name here


def test_a_company_named_after_its_founder_and_a_two_letter_acronym_stay_apart() -> None:
    """Rules tried and withdrawn: a bare name typed a body is no surname ("Dell said" is the
    company), and two letters spell too many things for the one name of the dossier so
    spelled to be their long form ("AI" beside "Amnesty International")."""
    docs = [
        doc("a", "Michael Dell founded the company in 1984.", {"Michael Dell": P}, "en"),
        doc("b", "Dell said on Tuesday it would cut 6,650 jobs.", {"Dell": ORG}, "en"),
        doc(
            "c", "Amnesty International criticised the plan.", {"Amnesty International": ORG}, "en"
        ),
        doc("d", "The EU agreed on rules for AI on Friday.", {"AI": ORG, "EU": ORG}, "en"),
    ]
    groups = names_of(resolve(docs), docs)
    assert {"Dell"} in groups and {"Michael Dell"} in groups
    assert {"AI"} in groups
