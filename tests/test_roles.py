"""Roles and relations from appositions and title patterns (no spaCy: mentions are given)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from recoupe.entities.model import EntityType, Mention, RelationFact, RoleFact
from recoupe.entities.roles import find_relations, find_roles, strip_title

P = EntityType.PERSON
G = EntityType.ORG
L = EntityType.LOC
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "marseille"

Name = str | tuple[str, EntityType]


def mentions(text: str, names: Sequence[Name]) -> list[Mention]:
    """Every whole-word occurrence of the given names (people unless typed), longest first."""
    typed = [(n, P) if isinstance(n, str) else n for n in names]
    found: list[Mention] = []
    for name, kind in sorted(typed, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                found.append(Mention(m.start(), m.end(), name, kind))
    return sorted(found, key=lambda m: m.start)


Role = tuple[str, str, str, str | None]  # mention text, role text, qualifier, organisation text


def roles(text: str, names: Sequence[Name], language: str = "fr") -> list[Role]:
    ms = mentions(text, names)
    out: list[Role] = []
    for r in find_roles(text, ms, language=language):
        assert text[r.start : r.end] == r.text  # offsets are exact
        org = ms[r.organisation].text if r.organisation is not None else None
        out.append((ms[r.mention].text, r.text, r.qualifier, org))
    return out


Rel = tuple[str, str, str, str]  # subject text, predicate, object text, evidence


def relations(text: str, names: Sequence[Name], language: str = "fr") -> list[Rel]:
    ms = mentions(text, names)
    found = find_roles(text, ms, language=language)
    out: list[Rel] = []
    for r in find_relations(text, ms, found, language=language):
        assert 0 <= r.start < r.end <= len(text)
        out.append((ms[r.subject].text, r.predicate, ms[r.object].text, text[r.start : r.end]))
    return out


# ---------------------------------------------------------------------------------------------
# French: roles before the name


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Le ministre de l'Intérieur Laurent Nuñez s'est rendu à Nice jeudi.",
            ["Laurent Nuñez", ("Nice", L)],
            [("Laurent Nuñez", "ministre de l'Intérieur", "current", None)],
        ),
        (
            "Mardi, la ministre des Armées Claire Vautrin a visité la base de Brest.",
            ["Claire Vautrin", ("Brest", L)],
            [("Claire Vautrin", "ministre des Armées", "current", None)],
        ),
        (
            "En effet, le maire de Marseille, Benoît Payan, lui a exprimé son soutien.",
            [("Marseille", L), "Benoît Payan"],
            [("Benoît Payan", "maire de Marseille", "current", None)],
        ),
        (
            "Selon la maire de Quimper, Hélène Carrel, le budget sera voté lundi.",
            [("Quimper", L), "Hélène Carrel"],
            [("Hélène Carrel", "maire de Quimper", "current", None)],
        ),
        (
            "Le procureur de la République de Toulon, Marc Ribaud, a ouvert une enquête.",
            [("Toulon", L), "Marc Ribaud"],
            [("Marc Ribaud", "procureur de la République de Toulon", "current", None)],
        ),
        (
            "Le président Emmanuel Macron, déterminé à contrer le fléau, a convoqué une réunion.",
            ["Emmanuel Macron"],
            [("Emmanuel Macron", "président", "current", None)],
        ),
        (
            "Le Premier ministre Hugo Salvat a reçu la secrétaire générale de la CGT, Aline Berthier.",
            ["Hugo Salvat", ("CGT", G), "Aline Berthier"],
            [
                ("Hugo Salvat", "Premier ministre", "current", None),
                ("Aline Berthier", "secrétaire générale de la CGT", "current", "CGT"),
            ],
        ),
        (
            "Le juge d’instruction Romain Delorme a entendu la porte-parole du collectif, Inès Moulin.",
            ["Romain Delorme", "Inès Moulin"],
            [
                ("Romain Delorme", "juge d’instruction", "current", None),
                ("Inès Moulin", "porte-parole du collectif", "current", None),
            ],
        ),
    ],
)
def test_french_role_before_the_name(text: str, names: list[Name], expected: list[Role]) -> None:
    assert roles(text, names) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Une analyse partagée par le sinologue Paul Mercier, qui suit le dossier.",
            ["Paul Mercier"],
            [("Paul Mercier", "sinologue", "current", None)],
        ),
        (
            "Son éditeur, Louis Garnier, la serre dans ses bras.",
            ["Louis Garnier"],
            [("Louis Garnier", "éditeur", "current", None)],
        ),
        (
            "Le prix sera remis à l'essayiste chinois Wei Lan le 17 décembre.",
            ["Wei Lan"],
            [("Wei Lan", "essayiste chinois", "current", None)],
        ),
        (
            "L'ancien éditeur Paul Mercier et le successeur du sinologue Jean Roux ont parlé.",
            ["Paul Mercier", "Jean Roux"],
            [
                ("Paul Mercier", "éditeur", "former", None),
                ("Jean Roux", "sinologue", "current", None),
            ],
        ),
        (
            "Le fils du dessinateur Jean Cabut a témoigné.",
            ["Jean Cabut"],
            [("Jean Cabut", "dessinateur", "current", None)],
        ),
        (
            "Elle a remercié son prédécesseur Jean Morel et la socialiste Anne Brun.",
            ["Jean Morel", "Anne Brun"],
            [
                ("Jean Morel", "prédécesseur", "current", None),
                ("Anne Brun", "socialiste", "current", None),
            ],
        ),
        # no doer: an adjective, a thing, a body, a pronoun taken for a determiner, a phrase
        # after a preposition, a kin noun's apposition
        ("Le puissant Charles Vidal reste en poste.", ["Charles Vidal"], []),
        ("La talentueuse Anne Brun a quitté le cinéma.", ["Anne Brun"], []),
        ("La fameuse Anne Brun a quitté le cinéma.", ["Anne Brun"], []),
        ("Le triste Paul Morel est parti.", ["Paul Morel"], []),
        ("Le catalogue Paul Poiret est paru.", ["Paul Poiret"], []),
        ("Face à son agresseur, Marie Dupont a tenté de fuir.", ["Marie Dupont"], []),
        ("Dans son ordinateur, Jean Dupont cachait des fichiers.", ["Jean Dupont"], []),
        ("À la faveur de la nuit, Jean Dupont s'est enfui.", ["Jean Dupont"], []),
        ("En le remerciant, Paul Morel a salué son courage.", ["Paul Morel"], []),
        ("Ce faisant, Paul Martin a pris un risque.", ["Paul Martin"], []),
        ("La veuve du sinologue, Marie Dupont, a témoigné.", ["Marie Dupont"], []),
        ("Le gouvernement Paul Reynaud est tombé.", ["Paul Reynaud"], []),
        ("Maintenant Paul Reynaud hésite.", ["Paul Reynaud"], []),
        ("Ils remercient Paul Reynaud.", ["Paul Reynaud"], []),
    ],
)
def test_french_doer_noun_before_the_name_when_no_head_is_there(
    text: str, names: list[Name], expected: list[Role]
) -> None:
    assert roles(text, names) == expected


def test_french_plural_role_goes_to_each_coordinated_name() -> None:
    text = "Les militants écologistes Paul Vidal et Inès Garnier ont manifesté samedi."
    assert roles(text, ["Paul Vidal", "Inès Garnier"]) == [
        ("Paul Vidal", "militants écologistes", "current", None),
        ("Inès Garnier", "militants écologistes", "current", None),
    ]


def test_french_distributive_gives_the_first_name_its_own_part_only() -> None:
    # Sample 000. "ministre de la Justice" is not a contiguous span, so the second name gets none.
    text = (
        "Parmi les participants attendus figurent les ministres de l’Intérieur et de la Justice, "
        "Laurent Nuñez et Gérald Darmanin, ainsi que le procureur de la République de Marseille, "
        "Nicolas Bessone."
    )
    names: list[Name] = ["Laurent Nuñez", "Gérald Darmanin", ("Marseille", L), "Nicolas Bessone"]
    assert roles(text, names) == [
        ("Laurent Nuñez", "ministres de l’Intérieur", "current", None),
        ("Nicolas Bessone", "procureur de la République de Marseille", "current", None),
    ]


def test_french_invented_distributive() -> None:
    text = "les ministres des Sports et de la Culture, Lina Bouvier et Marc Aubry, étaient absents."
    assert roles(text, ["Lina Bouvier", "Marc Aubry"]) == [
        ("Lina Bouvier", "ministres des Sports", "current", None)
    ]


# ---------------------------------------------------------------------------------------------
# French: appositions after the name


def test_french_apposition_with_organisation_and_coordinated_roles() -> None:
    # Sample 004 (adapted): two coordinated roles, each a span of its own.
    text = (
        "Manuel Bompard, coordinateur de La France insoumise et député LFI des Bouches-du-Rhône, "
        "appelle à augmenter les effectifs."
    )
    names: list[Name] = [
        "Manuel Bompard",
        ("La France insoumise", G),
        ("LFI", G),
        ("Bouches-du-Rhône", L),
    ]
    assert roles(text, names) == [
        ("Manuel Bompard", "coordinateur de La France insoumise", "current", "La France insoumise"),
        ("Manuel Bompard", "député LFI des Bouches-du-Rhône", "current", None),
    ]
    assert relations(text, names) == [
        (
            "Manuel Bompard",
            "holds_office",
            "La France insoumise",
            "coordinateur de La France insoumise",
        ),
        ("Manuel Bompard", "member_of", "LFI", "député LFI des Bouches-du-Rhône"),
    ]


def test_french_apposition_invented() -> None:
    text = (
        "Sarah Lemoine, porte-parole du Syndicat national des greffiers, a dénoncé le manque de "
        "moyens. Didier Vasseur, présidente du tribunal, n'a pas répondu."
    )
    names: list[Name] = ["Sarah Lemoine", ("Syndicat national des greffiers", G), "Didier Vasseur"]
    assert roles(text, names) == [
        (
            "Sarah Lemoine",
            "porte-parole du Syndicat national des greffiers",
            "current",
            "Syndicat national des greffiers",
        ),
        ("Didier Vasseur", "présidente du tribunal", "current", None),
    ]
    assert relations(text, names) == [
        (
            "Sarah Lemoine",
            "holds_office",
            "Syndicat national des greffiers",
            "porte-parole du Syndicat national des greffiers",
        )
    ]


def test_french_apposition_stops_at_the_clause() -> None:
    text = (
        "Amine Kessaci, militant marseillais devenu emblématique dans la lutte contre le "
        "narcotrafic, se trouve récemment menacé."
    )
    assert roles(text, ["Amine Kessaci"]) == [
        ("Amine Kessaci", "militant marseillais", "current", None)
    ]


def test_french_age_is_skipped_not_a_role() -> None:
    text = "Yanis Ferhat, 22 ans, militant écologiste, a été exfiltré avant le meeting."
    assert roles(text, ["Yanis Ferhat"]) == [
        ("Yanis Ferhat", "militant écologiste", "current", None)
    ]
    assert roles("Kessaci, âgé de 22 ans, a dû être exfiltré.", ["Kessaci"]) == []
    assert roles("Paul Martin, 45 ans, a parlé le 12 mars 2025.", ["Paul Martin"]) == []


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Cela tombe un an après l’arrivée de M. Retailleau, alors garde des Sceaux, à Marseille.",
            ["Retailleau", ("Marseille", L)],
            [("Retailleau", "garde des Sceaux", "former", None)],
        ),
        (
            "L'ancienne ministre Claire Vautrin, l'ex-préfète Odile Sarrazin et la future "
            "présidente de la région, Maud Lerat, étaient là.",
            ["Claire Vautrin", "Odile Sarrazin", "Maud Lerat"],
            [
                ("Claire Vautrin", "ministre", "former", None),
                ("Odile Sarrazin", "préfète", "former", None),
                ("Maud Lerat", "présidente de la région", "designate", None),
            ],
        ),
        (
            "Bruno Lemaire, ancien député du Nord, soutient Julie Caron, ex-maire de Douai.",
            ["Bruno Lemaire", ("Nord", L), "Julie Caron", ("Douai", L)],
            [
                ("Bruno Lemaire", "député du Nord", "former", None),
                ("Julie Caron", "maire de Douai", "former", None),
            ],
        ),
        (
            "Sophie Brunel, pressentie pour diriger le parquet financier, a refusé. Hugo Ferrand, "
            "nommé à la tête de l'Office antidrogue, arrive lundi.",
            ["Sophie Brunel", "Hugo Ferrand", ("Office antidrogue", G)],
            [
                ("Sophie Brunel", "diriger le parquet financier", "designate", None),
                (
                    "Hugo Ferrand",
                    "à la tête de l'Office antidrogue",
                    "designate",
                    "Office antidrogue",
                ),
            ],
        ),
        (
            "Léa Moreau a été nommée procureure de Toulon en 2024.",
            ["Léa Moreau", ("Toulon", L)],
            [("Léa Moreau", "procureure de Toulon", "designate", None)],
        ),
        (
            "la nomination de Jacques Witkowski en tant que préfet, et l'implémentation d'un parquet",
            ["Jacques Witkowski"],
            [("Jacques Witkowski", "préfet", "designate", None)],
        ),
    ],
)
def test_french_qualifiers(text: str, names: list[Name], expected: list[Role]) -> None:
    assert roles(text, names) == expected


def test_french_coordinated_names_and_roles_pair_up_in_order() -> None:
    # Sample 004: M. Migaud was garde des Sceaux, M. Retailleau ministre de l’Intérieur.
    text = (
        "un an après l’arrivée de M. Migaud et de M. Retailleau, alors garde des Sceaux et "
        "ministre de l’Intérieur du gouvernement Barnier, qui avaient lancé la lutte"
    )
    assert roles(text, ["Migaud", "Retailleau", "Barnier"]) == [
        ("Migaud", "garde des Sceaux", "former", None),
        ("Retailleau", "ministre de l’Intérieur du gouvernement Barnier", "former", None),
    ]


def test_former_and_designate_roles_give_no_office_relation() -> None:
    text = "Marc Olivier, ancien président de Veolux, et Lise Nadal, future directrice de Veolux."
    names: list[Name] = ["Marc Olivier", "Lise Nadal", ("Veolux", G)]
    assert roles(text, names) == [
        ("Marc Olivier", "président de Veolux", "former", "Veolux"),
        ("Lise Nadal", "directrice de Veolux", "designate", "Veolux"),
    ]
    assert relations(text, names) == []


# ---------------------------------------------------------------------------------------------
# English


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Interior Minister Laurent Nuñez said he would travel to Marseille on Thursday with "
            "Justice Minister Gérald Darmanin.",
            ["Laurent Nuñez", ("Marseille", L), "Gérald Darmanin"],
            [
                ("Laurent Nuñez", "Interior Minister", "current", None),
                ("Gérald Darmanin", "Justice Minister", "current", None),
            ],
        ),
        (
            "Health Secretary Ruth Calder met French President Emmanuel Macron in Brussels.",
            ["Ruth Calder", "Emmanuel Macron", ("Brussels", L)],
            [
                ("Ruth Calder", "Health Secretary", "current", None),
                ("Emmanuel Macron", "French President", "current", None),
            ],
        ),
        (
            "They were joined by Marseille’s public prosecutor Nicolas Bessonne and Christian "
            "Sainte, the national director of the judicial police.",
            [("Marseille", L), "Nicolas Bessonne", "Christian Sainte"],
            [
                ("Nicolas Bessonne", "Marseille’s public prosecutor", "current", None),
                ("Christian Sainte", "national director of the judicial police", "current", None),
            ],
        ),
        (
            "Lyon's chief prosecutor Anne Marchal and police chief Tom Byrne spoke to reporters.",
            [("Lyon", L), "Anne Marchal", "Tom Byrne"],
            [
                ("Anne Marchal", "Lyon's chief prosecutor", "current", None),
                ("Tom Byrne", "police chief", "current", None),
            ],
        ),
        (
            "Prosecutor Bessonne has not ruled out that the killing may have been a warning.",
            ["Bessonne"],
            [("Bessonne", "Prosecutor", "current", None)],
        ),
        (
            "The mayor of Leeds, Sarah Quinn, and Jane Holt, 45, a lawyer, spoke. Mark Ellis, a "
            "31-year-old activist, joined them.",
            [("Leeds", L), "Sarah Quinn", "Jane Holt", "Mark Ellis"],
            [
                ("Sarah Quinn", "mayor of Leeds", "current", None),
                ("Jane Holt", "lawyer", "current", None),
                ("Mark Ellis", "activist", "current", None),
            ],
        ),
    ],
)
def test_english_roles(text: str, names: list[Name], expected: list[Role]) -> None:
    assert roles(text, names, "en") == expected


def test_english_apposition_opening_with_nouns_the_lexicon_does_not_know() -> None:
    text = (
        "“It will spread,” said Rick Dowd, intelligence director of Vantel. Others agreed, "
        "said Tom Byrne, senior antivirus researcher for Norbex, and Ann Lee, security and "
        "forensic analyst at Holm, in statements. Jane Holt, elected in May, said nothing."
    )
    names: list[Name] = ["Rick Dowd", ("Vantel", G), "Tom Byrne", ("Norbex", G), "Ann Lee"]
    names += [("Holm", G), "Jane Holt"]
    assert [(name, role) for name, role, _, _ in roles(text, names, "en")] == [
        ("Rick Dowd", "intelligence director of Vantel"),
        ("Tom Byrne", "senior antivirus researcher for Norbex"),
        ("Ann Lee", "security and forensic analyst at Holm"),
    ]
    # a modifier after the role: still one person's
    text = "“It is serious,” said Rick Dowd, senior antivirus researcher for Vantel since 2010."
    assert roles(text, names, "en")[0][:2] == (
        "Rick Dowd",
        "senior antivirus researcher for Vantel",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Among the dead were Jane Holt, police and fire officials said.",
        "Present were Jane Holt, police and fire officials, and the mayor.",
        "Jane Holt, Tom Byrne, city council members and the mayor attended.",
        "Unlike Jane Holt, most economists at Norbex expect rates to rise.",
        "Besides Jane Holt, county election officials in Ohio resigned.",
        "After Jane Holt, tech workers at Norbex quit.",
        "Jane Holt, once director of Norbex, said nothing.",
    ],
)
def test_a_list_or_a_fronted_phrase_after_a_name_is_no_role(text: str) -> None:
    names: list[Name] = ["Jane Holt", "Tom Byrne", ("Norbex", G), ("Ohio", L)]
    assert roles(text, names, "en") == []


def test_english_organisations_in_roles() -> None:
    text = (
        "AMF president David Lisnard told reporters that the law was good. Franck Allisio, the "
        "far-right National Rally's candidate for mayor of Marseille, called for more police. "
        "Lisnard, the centre-right Les Républicains mayor of Cannes, recalled the round table."
    )
    names: list[Name] = [
        ("AMF", G),
        "David Lisnard",
        "Franck Allisio",
        ("National Rally", G),
        ("Marseille", L),
        "Lisnard",
        ("Les Républicains", G),
        ("Cannes", L),
    ]
    assert roles(text, names, "en") == [
        ("David Lisnard", "AMF president", "current", "AMF"),
        (
            "Franck Allisio",
            "far-right National Rally's candidate for mayor of Marseille",
            "current",
            "National Rally",
        ),
        ("Lisnard", "centre-right Les Républicains mayor of Cannes", "current", None),
    ]
    assert relations(text, names, "en") == [
        ("David Lisnard", "holds_office", "AMF", "AMF president"),
        (
            "Franck Allisio",
            "member_of",
            "National Rally",
            "far-right National Rally's candidate for mayor of Marseille",
        ),
        (
            "Lisnard",
            "member_of",
            "Les Républicains",
            "centre-right Les Républicains mayor of Cannes",
        ),
    ]


def test_english_invented_organisations() -> None:
    text = (
        "Labour MP Diane Reed questioned Acme CEO Tim Cole and Rosa Diaz, a member of the Green "
        "Party, about the deal."
    )
    names: list[Name] = [
        ("Labour", G),
        "Diane Reed",
        ("Acme", G),
        "Tim Cole",
        "Rosa Diaz",
        ("Green Party", G),
    ]
    assert relations(text, names, "en") == [
        ("Diane Reed", "member_of", "Labour", "Labour MP"),
        ("Tim Cole", "holds_office", "Acme", "Acme CEO"),
        ("Rosa Diaz", "member_of", "Green Party", "member of the Green Party"),
    ]


def test_english_designate_and_former() -> None:
    text = (
        "Darmanin has already proposed magistrate Vanessa Perrée to head the new body. The former "
        "minister Jean Castex, then-minister of culture Tom Reyes and incoming governor Ada Kwan "
        "attended. Maria Lopez, tipped to lead the central bank, declined."
    )
    names = ["Darmanin", "Vanessa Perrée", "Jean Castex", "Tom Reyes", "Ada Kwan", "Maria Lopez"]
    assert roles(text, names, "en") == [
        ("Vanessa Perrée", "magistrate", "current", None),
        ("Vanessa Perrée", "head the new body", "designate", None),
        ("Jean Castex", "minister", "former", None),
        ("Tom Reyes", "minister of culture", "former", None),
        ("Ada Kwan", "governor", "designate", None),
        ("Maria Lopez", "lead the central bank", "designate", None),
    ]


def test_english_appointment_as() -> None:
    text = (
        "The government nominated Rachel Kim as chief prosecutor, and Ben Oduya is president-elect."
    )
    assert roles(text, ["Rachel Kim", "Ben Oduya"], "en") == [
        ("Rachel Kim", "chief prosecutor", "designate", None)
    ]


# ---------------------------------------------------------------------------------------------
# Negative cases


@pytest.mark.parametrize(
    ("text", "names", "language"),
    [
        (
            "On sait qu’Olivier Faure, Marine Tondelier, Fabien Roussel seront là.",
            ["Olivier Faure", "Marine Tondelier", "Fabien Roussel"],
            "fr",
        ),
        (
            "Jean Dupont, Marie Martin et Paul Durand ont signé la tribune.",
            ["Jean Dupont", "Marie Martin", "Paul Durand"],
            "fr",
        ),
        ("Paris, la capitale, accueille le sommet.", [("Paris", L)], "fr"),
        ("Le 12 mars, Jean Dupont, lundi, a signé le texte.", ["Jean Dupont"], "fr"),
        ("Selon le ministre, Jean Dupont a menti.", ["Jean Dupont"], "fr"),
        ("Le ministre a reçu Paul Martin hier.", ["Paul Martin"], "fr"),
        ("Le ministre de la Santé reçoit Luc Petit mardi.", ["Luc Petit"], "fr"),
        ("Il juge Paul Martin responsable.", ["Paul Martin"], "fr"),
        ("Voters judge Biden harshly.", ["Biden"], "en"),
        (
            "Paris, the capital, hosted John Smith and Mary Jones.",
            [("Paris", L), "John Smith", "Mary Jones"],
            "en",
        ),
        ("On 12 March, John Smith said so. Smith, 52, spoke.", ["John Smith", "Smith"], "en"),
        ("Darmanin has proposed Vanessa Perrée.", ["Darmanin", "Vanessa Perrée"], "en"),
    ],
)
def test_no_role(text: str, names: list[Name], language: str) -> None:
    assert roles(text, names, language) == []


def test_role_written_before_the_next_name_is_not_an_apposition() -> None:
    text = "Claire Vautrin, l'ex-préfète Odile Sarrazin et Paul Roy, le maire, sont arrivés."
    assert roles(text, ["Claire Vautrin", "Odile Sarrazin", "Paul Roy"]) == [
        ("Odile Sarrazin", "préfète", "former", None),
        ("Paul Roy", "maire", "current", None),
    ]


def test_unsupported_language_gives_nothing() -> None:
    text = "Il sindaco Mario Rossi ha parlato."
    ms = mentions(text, ["Mario Rossi"])
    assert find_roles(text, ms, language="it") == []
    assert find_relations(text, ms, [], language="it") == []
    assert strip_title("Dott. Rossi", 0, 11, language="it") == (0, 11, None)


# ---------------------------------------------------------------------------------------------
# Typography


def test_apostrophes_guillemets_and_non_breaking_spaces() -> None:
    text = (
        "le\u00a0ministre de l’Intérieur\u00a0Laurent Nuñez et «\u00a0la maire de Nice, "
        "Léa Corbin\u00a0» ; l'ex-ministre Jean Viard, épouse d’Anne Viard."
    )
    names: list[Name] = ["Laurent Nuñez", ("Nice", L), "Léa Corbin", "Jean Viard", "Anne Viard"]
    assert roles(text, names) == [
        ("Laurent Nuñez", "ministre de l’Intérieur", "current", None),
        ("Léa Corbin", "maire de Nice", "current", None),
        ("Jean Viard", "ministre", "former", None),
        ("Jean Viard", "épouse d’Anne Viard", "current", None),  # a kin noun is a role too
    ]
    assert relations(text, names) == [
        ("Jean Viard", "spouse_of", "Anne Viard", "épouse d’Anne Viard")
    ]


# ---------------------------------------------------------------------------------------------
# Relations


def test_sibling_from_sample_sentence() -> None:
    # Sample 000: the apposition names Amine's role, Mehdi is his brother, Macron is neither.
    text = (
        "Le 18 novembre, après la mort de Mehdi Kessaci, frère du militant écologiste Amine "
        "Kessaci, Macron avait exigé des mesures renforcées."
    )
    names = ["Mehdi Kessaci", "Amine Kessaci", "Macron"]
    assert roles(text, names) == [
        ("Mehdi Kessaci", "frère du militant écologiste Amine Kessaci", "current", None),
        ("Amine Kessaci", "militant écologiste", "current", None),
    ]
    assert relations(text, names) == [
        (
            "Mehdi Kessaci",
            "sibling_of",
            "Amine Kessaci",
            "frère du militant écologiste Amine Kessaci",
        )
    ]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "l’assassinat à Marseille de Mehdi Kessaci, le frère d’Amine, militant écologiste.",
            [("Marseille", L), "Mehdi Kessaci", "Amine"],
            [("Mehdi Kessaci", "sibling_of", "Amine", "frère d’Amine")],
        ),
        (
            "Julien Roux, fils de l'ancien maire Henri Roux, et Anne Roux, épouse de Marc Roux, "
            "sont venus.",
            ["Julien Roux", "Henri Roux", "Anne Roux", "Marc Roux"],
            [
                ("Julien Roux", "child_of", "Henri Roux", "fils de l'ancien maire Henri Roux"),
                ("Anne Roux", "spouse_of", "Marc Roux", "épouse de Marc Roux"),
            ],
        ),
        (
            "Le fils de Paul Viala, Tom, a pris la parole.",
            ["Paul Viala", "Tom"],
            [("Tom", "child_of", "Paul Viala", "fils de Paul Viala, Tom")],
        ),
        (
            "Nadia Benali est la mère de Samir Benali. Karim Saïd, dont la sœur Leïla a témoigné, "
            "était présent.",
            ["Nadia Benali", "Samir Benali", "Karim Saïd", "Leïla"],
            [
                ("Nadia Benali", "parent_of", "Samir Benali", "mère de Samir Benali"),
                ("Leïla", "sibling_of", "Karim Saïd", "dont la sœur Leïla"),
            ],
        ),
        (
            "Jérôme Guedj (PS) a voté contre, comme Clara Benoit, députée Renaissance du Gard.",
            ["Jérôme Guedj", ("PS", G), "Clara Benoit", ("Renaissance", G), ("Gard", L)],
            [
                ("Jérôme Guedj", "member_of", "PS", "Jérôme Guedj (PS)"),
                ("Clara Benoit", "member_of", "Renaissance", "députée Renaissance du Gard"),
            ],
        ),
        (
            "selon Manuel Bompard, élu LFI des Bouches-du-Rhône.",
            ["Manuel Bompard", ("LFI", G), ("Bouches-du-Rhône", L)],
            [("Manuel Bompard", "member_of", "LFI", "élu LFI des Bouches-du-Rhône")],
        ),
    ],
)
def test_french_relations(text: str, names: list[Name], expected: list[Rel]) -> None:
    assert relations(text, names) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "According to a source, Macron personally phoned Kessaci, whose other brother, "
            "Brahim, was killed in 2020.",
            ["Macron", "Kessaci", "Brahim"],
            [("Brahim", "sibling_of", "Kessaci", "whose other brother, Brahim")],
        ),
        (
            "Holt's husband, Peter Holt, was there. Ann Lee, the daughter of senator Bob Lee, "
            "spoke. The brother of Ann Lee, Sam Lee, said nothing.",
            ["Holt", "Peter Holt", "Ann Lee", "Bob Lee", "Sam Lee"],
            [
                ("Peter Holt", "spouse_of", "Holt", "Holt's husband, Peter Holt"),
                ("Ann Lee", "child_of", "Bob Lee", "daughter of senator Bob Lee"),
                ("Sam Lee", "sibling_of", "Ann Lee", "brother of Ann Lee, Sam Lee"),
            ],
        ),
        (
            "Omar Haddad, the son of Rania Haddad, and Eva Stone, wife of Carl Stone, arrived.",
            ["Omar Haddad", "Rania Haddad", "Eva Stone", "Carl Stone"],
            [
                ("Omar Haddad", "child_of", "Rania Haddad", "son of Rania Haddad"),
                ("Eva Stone", "spouse_of", "Carl Stone", "wife of Carl Stone"),
            ],
        ),
        (
            "Paul Kerr, the father of Lucy Kerr, told the court.",
            ["Paul Kerr", "Lucy Kerr"],
            [("Paul Kerr", "parent_of", "Lucy Kerr", "father of Lucy Kerr")],
        ),
    ],
)
def test_english_relations(text: str, names: list[Name], expected: list[Rel]) -> None:
    assert relations(text, names, "en") == expected


@pytest.mark.parametrize(
    ("text", "names", "language"),
    [
        # a kin word without a named relative
        (
            "Mehdi Kessaci, frère de la victime, Paul Roy a témoigné.",
            ["Mehdi Kessaci", "Paul Roy"],
            "fr",
        ),
        (
            "Last week, the brother of environmental activist Amine Kessaci was shot.",
            ["Amine Kessaci"],
            "en",
        ),
        # an office without an organisation mention
        ("Le ministre de l’Intérieur Laurent Nuñez a parlé.", ["Laurent Nuñez"], "fr"),
        # a place is not an organisation
        ("Benoît Payan, maire de Marseille, a réagi.", ["Benoît Payan", ("Marseille", L)], "fr"),
    ],
)
def test_no_relation(text: str, names: list[Name], language: str) -> None:
    assert relations(text, names, language) == []


def test_relations_use_the_roles_given() -> None:
    text = "Manuel Bompard, coordinateur de La France insoumise, appelle à agir."
    ms = mentions(text, ["Manuel Bompard", ("La France insoumise", G)])
    assert find_relations(text, ms, [], language="fr") == []
    found = find_roles(text, ms, language="fr")
    assert found == [RoleFact(0, 16, 51, "coordinateur de La France insoumise", "current", 1)]
    assert find_relations(text, ms, found, language="fr") == [
        RelationFact(0, "holds_office", 1, 16, 51)
    ]


# ---------------------------------------------------------------------------------------------
# strip_title


@pytest.mark.parametrize(
    ("span", "language", "name", "title"),
    [
        ("M. Migaud", "fr", "Migaud", "M."),
        ("Mme Dupont", "fr", "Dupont", "Mme"),
        ("ministre Gérald Darmanin", "fr", "Gérald Darmanin", "ministre"),
        ("le président Emmanuel Macron", "fr", "Emmanuel Macron", "président"),
        ("l’ancienne ministre Claire Vautrin", "fr", "Claire Vautrin", "ancienne ministre"),
        ("Me Laure Heinich", "fr", "Laure Heinich", "Me"),
        ("President Macron", "en", "Macron", "President"),
        ("Dr. Smith", "en", "Smith", "Dr."),
        ("Interior Minister Laurent Nuñez", "en", "Laurent Nuñez", "Interior Minister"),
        ("Mr\u00a0John Smith", "en", "John Smith", "Mr"),
        ("Emmanuel Macron", "fr", "Emmanuel Macron", None),
        ("Marine Le Pen", "fr", "Marine Le Pen", None),
        ("Le Pen", "fr", "Le Pen", None),
        ("le président", "fr", "le président", None),
    ],
)
def test_strip_title(span: str, language: str, name: str, title: str | None) -> None:
    text = f"Hier, {span} a parlé."
    start = text.index(span)
    s, e, got = strip_title(text, start, start + len(span), language=language)
    assert (text[s:e], got) == (name, title)
    if got is not None:
        assert got in text[start:s]


# ---------------------------------------------------------------------------------------------
# Whole sample articles: offsets stay exact and nothing breaks


SAMPLE_NAMES: list[Name] = [
    "Emmanuel Macron",
    "Macron",
    "Mehdi Kessaci",
    "Amine Kessaci",
    "Kessaci",
    "Amine",
    "Laurent Nuñez",
    "Gérald Darmanin",
    "Darmanin",
    "Nicolas Bessone",
    "Nicolas Bessonne",
    "Bessonne",
    "Benoît Payan",
    "Manuel Bompard",
    "Migaud",
    "Retailleau",
    "Vanessa Perrée",
    "Franck Allisio",
    "David Lisnard",
    "Lisnard",
    "Christian Sainte",
    "Brahim",
    ("La France insoumise", G),
    ("LFI", G),
    ("AMF", G),
    ("National Rally", G),
    ("Les Républicains", G),
    ("Marseille", L),
    ("Cannes", L),
]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("0*.txt")), ids=lambda p: p.name)
def test_sample_articles_keep_offsets_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    language = "en" if path.name.startswith("002") else "fr"
    ms = mentions(text, SAMPLE_NAMES)
    found = find_roles(text, ms, language=language)
    assert found, path.name
    for role in found:
        assert text[role.start : role.end] == role.text
        assert 0 <= role.mention < len(ms)
    for fact in find_relations(text, ms, found, language=language):
        assert fact.subject != fact.object
        assert 0 <= fact.start < fact.end <= len(text)


def test_role_between_two_names_belongs_to_the_first() -> None:
    text = "Paul Roy, le maire de Lyon, Anne Vidal et Marc Petit ont signé."
    assert roles(text, ["Paul Roy", ("Lyon", L), "Anne Vidal", "Marc Petit"]) == [
        ("Paul Roy", "maire de Lyon", "current", None)
    ]


def test_long_text_reads_around_each_mention() -> None:
    filler = "Le conseil a longuement débattu du budget annuel de la ville. " * 40
    text = (
        filler + "le maire de Lyon, Jean Dupont, a répondu. " + filler + "Paul Roy, avocat, aussi."
    )
    names: list[Name] = [("Lyon", L), "Jean Dupont", "Paul Roy"]
    assert roles(text, names) == [
        ("Jean Dupont", "maire de Lyon", "current", None),
        ("Paul Roy", "avocat", "current", None),
    ]


@pytest.mark.parametrize(
    ("text", "names", "language", "expected"),
    [
        (
            "Lewis Teperman, a doctor at New York University, said it was common.",
            [("Lewis Teperman", P), ("New York University", G)],
            "en",
            ("Lewis Teperman", "doctor at New York University"),
        ),
        (
            "Josh Moore, one of the defense lawyers, had reminded the judge.",
            [("Josh Moore", P)],
            "en",
            ("Josh Moore", "defense lawyers"),
        ),
        (
            "Jean Castel, qui dirige la brigade des stupéfiants, a démissionné.",
            [("Jean Castel", P)],
            "fr",
            ("Jean Castel", "dirige la brigade des stupéfiants"),
        ),
        (
            "The agency's chief, Jane Roe, resigned on Monday.",
            [("Jane Roe", P)],
            "en",
            ("Jane Roe", "agency's chief"),
        ),
        (
            "Outre Anne Roux, le patron de la CFDT, Paul Morel, avait protesté lundi.",
            [("Anne Roux", P), ("CFDT", G), ("Paul Morel", P)],
            "fr",
            ("Paul Morel", "patron de la CFDT"),
        ),
    ],
)
def test_descriptions_outside_the_lexicon_and_their_owner(
    text: str, names: list[Name], language: str, expected: tuple[str, str]
) -> None:
    found = [(name, role) for name, role, _, _ in roles(text, names, language)]
    assert found == [expected]


def test_an_apposition_that_is_a_clause_or_a_list_is_no_role() -> None:
    names = [("Jane Roe", P), ("John Doe", P)]
    assert roles("Jane Roe, who said the trial was over, left.", names[:1], "en") == []
    found = roles("Jane Roe, the lawyer John Doe and others met.", names, "en")
    assert [name for name, *_ in found] == ["John Doe"]  # the lawyer is Doe, not Roe


# ---------------------------------------------------------------------------------------------
# Doers' nouns before a name


def test_en_a_doers_noun_right_before_a_name_is_a_role() -> None:
    text = (
        "Courthouse killer John Marsh was sentenced. The plumber Dan Cole testified. "
        "I remember Ann Lee as kind. They will consider Bob Tate for the job. Lawyers insist "
        "Ann Lee is innocent. Gunmen tried to murder Bob Tate. Her stepfather Ann Lee came."
    )
    found = [(who, role) for who, role, _, _ in roles(text, NAMES_EN, "en")]
    assert found == [
        ("John Marsh", "Courthouse killer"),
        ("Dan Cole", "plumber"),
        ("Ann Lee", "stepfather"),  # a kin noun is a role (and a relation when the kin is named)
    ]


NAMES_EN: list[Name] = ["John Marsh", "Dan Cole", "Ann Lee", "Bob Tate"]


@pytest.mark.parametrize(
    ("text", "names", "language", "expected"),
    [
        (
            '"I feel proud," said Deborah Teasley, widow of a sheriff\'s deputy, on Saturday.',
            ["Deborah Teasley"],
            "en",
            [("Deborah Teasley", "widow of a sheriff")],
        ),
        (
            "Nichols' mother, Claritha, and father, Gene, attended the trial.",
            ["Nichols", "Claritha", "Gene"],
            "en",
            [("Claritha", "mother"), ("Gene", "father")],
        ),
        (
            "Anne Roux, veuve d'un policier de la BAC, a témoigné à Marseille.",
            ["Anne Roux", ("BAC", EntityType.ORG), ("Marseille", L)],
            "fr",
            [("Anne Roux", "veuve d'un policier de la BAC")],
        ),
    ],
)
def test_a_kin_noun_is_a_role_when_the_relative_is_not_named(
    text: str, names: list[Name], language: str, expected: list[tuple[str, str]]
) -> None:
    assert [(who, role) for who, role, _, _ in roles(text, names, language)] == expected
    # a family tie gives no office at the relative's employer
    assert not [
        r for r in relations(text, names, language) if r[1] in ("holds_office", "member_of")
    ]


def test_a_bracketed_aside_between_the_role_and_the_name_is_skipped() -> None:
    fr = (
        "Le décret a vécu, a estimé le secrétaire général de la FSU (première fédération de "
        "l'éducation), Gérard Aschieri, à la sortie."
    )
    found = [
        (who, role) for who, role, _, _ in roles(fr, [("FSU", EntityType.ORG), "Gérard Aschieri"])
    ]
    assert ("Gérard Aschieri", "secrétaire général de la FSU") in found
    en = "The decree is dead, said the mayor of Leeds (a Labour stronghold), Jane Roe, on Monday."
    found = [(who, role) for who, role, _, _ in roles(en, [("Leeds", L), "Jane Roe"], "en")]
    assert found == [("Jane Roe", "mayor of Leeds")]


def test_an_abbreviated_rank_before_a_name_is_a_role() -> None:
    text = (
        '"Georgia is a conservative state," said state Rep. Barry Fleming, who led the bid. '
        "The reporter met Gen. David Petraeus in Kabul. Sgt. Hoyt Teasley was killed."
    )
    names: list[Name] = ["Barry Fleming", "David Petraeus", "Hoyt Teasley", ("Kabul", L)]
    assert [(who, role) for who, role, _, _ in roles(text, names, "en")] == [
        ("Barry Fleming", "state Rep."),
        ("David Petraeus", "Gen."),
        ("Hoyt Teasley", "Sgt."),
    ]


def test_english_nouns_before_a_head_belong_to_the_role() -> None:
    text = (
        "Plans involve the animation company Pixar, founded in 1986. He met the police chief "
        "John Roe. Apple acquired company Beats."
    )
    names: list[Name] = [("Pixar", EntityType.ORG), "John Roe", ("Apple", EntityType.ORG)]
    names.append(("Beats", EntityType.ORG))
    assert [(who, role) for who, role, _, _ in roles(text, names, "en")] == [
        ("Pixar", "animation company"),
        ("John Roe", "police chief"),
        ("Beats", "company"),  # a verb before a bare head is not part of the role
    ]
    text = (
        "Figures from research firm Net Applications show it. Analysts at security company "
        "Acme Labs agree. The fund sold its stake with data company Initech."
    )
    names = [(n, EntityType.ORG) for n in ("Net Applications", "Acme Labs", "Initech")]
    assert [(who, role) for who, role, _, _ in roles(text, names, "en")] == [
        ("Net Applications", "research firm"),  # after a preposition, as after a determiner
        ("Acme Labs", "security company"),
        ("Initech", "data company"),
    ]
    text = "The board voted to fire coach John Smith and to hire defensive coordinator Wade Roe."
    found = [(who, role) for who, role, _, _ in roles(text, ["John Smith", "Wade Roe"], "en")]
    assert ("Wade Roe", "defensive coordinator") in found  # "to" opens a verb, not a role
    assert not [role for _, role in found if role.startswith(("fire", "hire"))]


def test_a_name_after_a_kin_word_and_its_complement_is_the_relative() -> None:
    text = "Christina Greenway, daughter of the court reporter Julie Ann Brandau, spoke."
    names: list[Name] = ["Christina Greenway", "Julie Ann Brandau"]
    assert [(who, role) for who, role, _, _ in roles(text, names, "en")] == [
        ("Christina Greenway", "daughter of the court reporter Julie Ann Brandau"),
        ("Julie Ann Brandau", "court reporter"),  # not "daughter of the court reporter"
    ]
    text = "Marie Roux, fille du juge Jean Roux, a témoigné."
    found = [(who, role) for who, role, _, _ in roles(text, ["Marie Roux", "Jean Roux"])]
    assert ("Jean Roux", "juge") in found
    assert ("Jean Roux", "fille du juge") not in found


def test_the_subject_of_a_relative_clause_is_neither_titled_nor_the_relative() -> None:
    text = (
        '"I feel proud," said Deborah Teasley, widow of a sheriff\'s deputy Brian Nichols '
        "murdered. Christina Greenway, daughter of the court reporter Brian Nichols killed, "
        "spoke. The plumber Dan Cole testified."
    )
    names: list[Name] = ["Deborah Teasley", "Brian Nichols", "Christina Greenway", "Dan Cole"]
    found = [(who, role) for who, role, _, _ in roles(text, names, "en")]
    assert not [role for who, role in found if who == "Brian Nichols"]
    assert ("Dan Cole", "plumber") in found
    assert relations(text, names, "en") == []


def test_occupations_outside_public_life_are_roles_in_both_languages() -> None:
    """A story about sport, a hospital or a film names people by what they do there too."""
    assert roles(
        "Les Sixers ont limogé leur entraîneur Marc Vidal et recruté la joueuse Inès Garnier.",
        ["Marc Vidal", "Inès Garnier"],
    ) == [
        ("Marc Vidal", "entraîneur", "current", None),
        ("Inès Garnier", "joueuse", "current", None),
    ]
    text = "The team fired its head coach, Jim Roe, and traded its forward Andre Lee to Boston."
    assert roles(text, ["Jim Roe", "Andre Lee"], "en") == [
        ("Jim Roe", "head coach", "current", None),
        ("Andre Lee", "forward", "current", None),
    ]
    # an ambiguous head needs a role's shape: "moving forward" names no one
    assert roles("Moving forward Andre Lee said the team would rebuild.", ["Andre Lee"], "en") == []


# ---------------------------------------------------------------------------------------------
# A name in a phrase opening the sentence ("Selon X,", "According to X,"): the comma closes that
# phrase, and what follows is the main clause's subject unless a second comma closes it


@pytest.mark.parametrize(
    ("text", "names", "language", "expected"),
    [
        (
            "Selon le quotidien Le Courrier, la banque a perdu 300 millions d'euros.",
            [("Le Courrier", G)],
            "fr",
            [],
        ),
        ("Selon Paul Vernet, le ministre a menti aux élus.", ["Paul Vernet"], "fr", []),
        (
            "Selon Paul Vernet, le ministre de la Santé, la réforme est enterrée.",
            ["Paul Vernet"],
            "fr",
            [("Paul Vernet", "ministre de la Santé")],
        ),
        (
            "Le texte est enterré, selon Paul Vernet, le ministre de la Santé.",
            ["Paul Vernet"],
            "fr",
            [("Paul Vernet", "ministre de la Santé")],
        ),
        (
            "According to Dana Whitfield, the senator misled the panel.",
            ["Dana Whitfield"],
            "en",
            [],
        ),
        (
            "According to Dana Whitfield, a nurse at the clinic, the ward is full.",
            ["Dana Whitfield"],
            "en",
            [("Dana Whitfield", "nurse at the clinic")],
        ),
        (
            "Dana Whitfield, the senator from Ohio, misled the panel.",
            ["Dana Whitfield"],
            "en",
            [("Dana Whitfield", "senator from Ohio")],
        ),
        (
            "Selon le parquet, Paul Vernet, infirmier à la clinique, a volé les médicaments.",
            ["Paul Vernet"],
            "fr",
            [("Paul Vernet", "infirmier à la clinique")],
        ),
        (
            "Selon Paul Vernet, maire de Lyon depuis 2014, la réforme est enterrée.",
            ["Paul Vernet"],
            "fr",
            [("Paul Vernet", "maire de Lyon")],
        ),
        (
            "« Nous ne céderons pas », selon Paul Vernet, élu écologiste de la ville.",
            ["Paul Vernet"],
            "fr",
            [("Paul Vernet", "élu écologiste de la ville")],
        ),
        (
            "According to the police report, Dana Whitfield, a nurse at the clinic, stole the drugs.",
            ["Dana Whitfield"],
            "en",
            [("Dana Whitfield", "nurse at the clinic")],
        ),
    ],
)
def test_a_fronted_name_takes_only_a_closed_apposition(
    text: str, names: Sequence[Name], language: str, expected: list[tuple[str, str]]
) -> None:
    assert [(who, role) for who, role, _, _ in roles(text, names, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Les deux ministres, Paul Vidal et Inès Garnier, ont parlé.", "fr", "deux ministres"),
        (
            "Paul Vidal et Inès Garnier, tous deux juges d'instruction, ont statué.",
            "fr",
            "juges d'instruction",
        ),
        ("Paul Vidal et Inès Garnier, tous les deux députés, ont voté.", "fr", "députés"),
        ("Paul Vidal and Inès Garnier, both senators, spoke.", "en", "senators"),
    ],
)
def test_a_plural_role_before_or_after_coordinated_names_goes_to_each(
    text: str, language: str, expected: str
) -> None:
    assert {
        (name, role) for name, role, _, _ in roles(text, ["Paul Vidal", "Inès Garnier"], language)
    } == {
        ("Paul Vidal", expected),
        ("Inès Garnier", expected),
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Paul Vidal, trois ministres et le préfet de police se sont rendus sur place.", "fr"),
        ("Paul Vidal, deux policiers et un pompier ont été blessés.", "fr"),
        ("Paul Vidal, both Ohio senators and the governor toured the site.", "en"),
    ],
)
def test_a_list_that_opens_on_a_name_gives_the_name_no_role(text: str, language: str) -> None:
    assert roles(text, ["Paul Vidal"], language) == []


def test_a_position_in_team_sports_is_a_role_and_the_common_nouns_beside_them_are_not() -> None:
    text = (
        "Tampa have signed fullback Ray Okafor and linebacker Rod Wilson, while the "
        "Saints signed cornerback Michael Lehan. The goalkeeper Hugo Marin was injured. "
        "At the end Tom Reed won the race."
    )
    names = ["Ray Okafor", "Rod Wilson", "Michael Lehan", "Hugo Marin", "Tom Reed"]
    assert [(name, role) for name, role, _, _ in roles(text, names, "en")] == [
        ("Ray Okafor", "fullback"),
        ("Rod Wilson", "linebacker"),
        ("Michael Lehan", "cornerback"),
        ("Hugo Marin", "goalkeeper"),
    ]


def test_one_of_several_is_a_role_and_french_nouns_match_the_english_ones() -> None:
    text = "Le prix revient à Jean Roux, l'un des fondateurs de la société, et au dissident Li Wen."
    found = {(name, role) for name, role, _, _ in roles(text, ["Jean Roux", "Li Wen"])}
    assert found == {("Jean Roux", "fondateurs de la société"), ("Li Wen", "dissident")}
    text = "Selon le représentant du groupe en Europe, Paul Marin, la réunion a eu lieu."
    assert [(n, r) for n, r, _, _ in roles(text, ["Paul Marin"])] == [
        ("Paul Marin", "représentant du groupe en Europe")
    ]
    english = "He spoke to John Roe, one of the two envoys from France."
    assert [(n, r) for n, r, _, _ in roles(english, ["John Roe"], "en")] == [
        ("John Roe", "two envoys from France")
    ]
