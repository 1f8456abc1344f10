"""Direct quotations and their speakers (no spaCy: mentions are given, roles found by rules)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from recoupe.entities.model import EntityType, Mention
from recoupe.entities.roles import find_roles
from recoupe.quotes import QuoteFact, find_quotes

P = EntityType.PERSON
G = EntityType.ORG
L = EntityType.LOC
REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIRS = (Path("/work/shared/samples"), REPO / "examples" / "marseille")

Name = str | tuple[str, EntityType]
Row = tuple[str, str | None, str | None, bool]  # quote, speaker text, mention text, anonymous


def mentions(text: str, names: Sequence[Name]) -> list[Mention]:
    """Every whole-word occurrence of the given names (people unless typed), longest first."""
    typed = [(n, P) if isinstance(n, str) else n for n in names]
    found: list[Mention] = []
    for name, kind in sorted(typed, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                found.append(Mention(m.start(), m.end(), name, kind))
    return sorted(found, key=lambda m: m.start)


def facts(text: str, names: Sequence[Name] = (), language: str = "fr") -> list[QuoteFact]:
    ms = mentions(text, names)
    found = find_quotes(text, ms, find_roles(text, ms, language=language), language=language)
    for q in found:  # the contract: exact offsets, sorted, no overlap
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        assert q.speaker_mention is None or 0 <= q.speaker_mention < len(ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return found


def quotes(text: str, names: Sequence[Name] = (), language: str = "fr") -> list[Row]:
    ms = mentions(text, names)
    return [
        (
            q.text,
            q.speaker_text,
            ms[q.speaker_mention].text if q.speaker_mention is not None else None,
            q.anonymous,
        )
        for q in facts(text, names, language)
    ]


def en(text: str, names: Sequence[Name] = ()) -> list[Row]:
    return quotes(text, names, "en")


# ---------------------------------------------------------------------------------------------
# French: the speaker after the quote


def test_fr_declared_by_name_then_pronoun_incise() -> None:
    text = (
        "Paul Garnier s'est rendu à Nantes. « Nous ne reculerons pas », a déclaré Paul Garnier. "
        "« Les effectifs seront doublés », a-t-il ajouté."
    )
    assert quotes(text, ["Paul Garnier"]) == [
        ("Nous ne reculerons pas", "Paul Garnier", "Paul Garnier", False),
        ("Les effectifs seront doublés", "il", "Paul Garnier", False),
    ]


@pytest.mark.parametrize(
    "verb", ["affirme", "estime", "dénonce", "assure", "explique", "prévient", "souligne"]
)
def test_fr_present_verb_then_name(verb: str) -> None:
    text = f"« Le budget ne tient pas », {verb} Claire Dubois."
    assert quotes(text, ["Claire Dubois"]) == [
        ("Le budget ne tient pas", "Claire Dubois", "Claire Dubois", False)
    ]


def test_fr_name_then_body_then_verb() -> None:
    """« … », Jean Roe de la CGT a dit : the body qualifies the person, who speaks; not a
    person after "de" ("le fils de X": the son speaks)."""
    text = "« Nous ne céderons pas », Claire Dubois de la CGT a déclaré mardi."
    assert quotes(text, ["Claire Dubois", ("CGT", G)]) == [
        ("Nous ne céderons pas", "Claire Dubois", "Claire Dubois", False)
    ]
    text = "« Nous ne céderons pas », a déclaré Claire Dubois, de la CGT, mardi."
    assert quotes(text, ["Claire Dubois", ("CGT", G)]) == [
        ("Nous ne céderons pas", "Claire Dubois", "Claire Dubois", False)
    ]


def test_fr_subject_after_the_verb_as_a_noun_the_lexicon_does_not_know() -> None:
    """« … », a déclaré l'ex-otage: the person with that role; « … », juge un banquier: an
    unnamed source, affiliated or not; a time after the verb is no subject."""
    text = (
        "Claire Roe, l'ex-otage des rebelles, est rentrée lundi. « Je vais bien et je veux voir "
        "mes enfants », a déclaré l'ex-otage."
    )
    assert quotes(text, ["Claire Roe"]) == [
        ("Je vais bien et je veux voir mes enfants", "l'ex-otage", "Claire Roe", False)
    ]
    said = "Les taux montent. « Les banques ne prêteront plus aux petites entreprises », "
    assert quotes(said + "juge un banquier de la BNP.", [("BNP", G)]) == [
        ("Les banques ne prêteront plus aux petites entreprises", "un banquier", None, True)
    ]
    assert quotes(said + "insistent ses proches.") == [
        ("Les banques ne prêteront plus aux petites entreprises", "ses proches", None, True)
    ]
    assert quotes(said + "a dit la veille Claire Roe.", ["Claire Roe"]) == [
        ("Les banques ne prêteront plus aux petites entreprises", "Claire Roe", "Claire Roe", False)
    ]


@pytest.mark.parametrize(
    ("language", "attribution", "speaker", "mention", "anonymous"),
    [
        # the person named later in the clause, not the first words of their description
        (
            "fr",
            "a estimé l'ancienne garde des Sceaux Jeanne Roe",
            "Jeanne Roe",
            "Jeanne Roe",
            False,
        ),
        (
            "fr",
            "a déclaré l'ancien footballeur international Jeanne Roe",
            "Jeanne Roe",
            "Jeanne Roe",
            False,
        ),
        (
            "en",
            "said the former professional footballer Jeanne Roe",
            "Jeanne Roe",
            "Jeanne Roe",
            False,
        ),
        ("en", "said the visibly very emotional Jeanne Roe", "Jeanne Roe", "Jeanne Roe", False),
        # a time after the verb is no speaker: the phrase after it is
        ("fr", "avait déclaré le mois dernier le ministre", "le ministre", None, False),
        ("fr", "a déclaré la semaine dernière le ministre", "le ministre", None, False),
        ("fr", "a dit la veille un responsable", "un responsable", None, True),
        # a singular possessive is no plural: a relative, not an unnamed source
        ("en", "said her boss", "her boss", None, False),
        ("en", "said her business partner", "her business partner", None, False),
        ("fr", "a déclaré son beau-fils", "son beau-fils", None, False),
        # a possessive or a compound names its last noun
        ("en", "said the widow's lawyer, Jeanne Roe", "Jeanne Roe", "Jeanne Roe", False),
        ("en", "said the son's lawyer", "the son's lawyer", None, False),
        ("en", "said the child welfare agency", "the child welfare agency", None, False),
        ("en", "the children of Marc Vidal said", "the children of Marc Vidal", None, False),
    ],
)
def test_subject_phrases_after_and_before_the_verb(
    language: str, attribution: str, speaker: str, mention: str | None, anonymous: bool
) -> None:
    text = f"« Nous ne céderons sur rien ni à personne », {attribution}."
    names: list[Name] = ["Jeanne Roe", "Marc Vidal"]
    assert quotes(text, names, language) == [
        ("Nous ne céderons sur rien ni à personne", speaker, mention, anonymous)
    ]


def test_fr_selon_after_and_inverted_verbs() -> None:
    text = (
        "La sénatrice Anne Roche a parlé mardi. « Le texte est prêt », selon Anne Roche. "
        "« Nous voterons », estime-t-elle. « C'est fini ! » s'est-elle exclamée."
    )
    assert quotes(text, ["Anne Roche"]) == [
        ("Le texte est prêt", "Anne Roche", "Anne Roche", False),
        ("Nous voterons", "elle", "Anne Roche", False),
        ("C'est fini !", "elle", "Anne Roche", False),
    ]


def test_fr_description_resolves_to_the_person_with_that_role() -> None:
    text = (
        "Le procureur de Lyon, Marc Vidal, a rencontré l'avocate Julie Simon. "
        "« Rien n'écarte la préméditation », a précisé le procureur."
    )
    assert quotes(text, ["Marc Vidal", "Julie Simon", ("Lyon", L)]) == [
        ("Rien n'écarte la préméditation", "le procureur", "Marc Vidal", False)
    ]


def test_fr_description_without_role_falls_back_to_nearest_person() -> None:
    text = "Hélène Roy a reçu les élus. « Tout reste ouvert », a indiqué la ministre."
    assert quotes(text, ["Hélène Roy"]) == [
        ("Tout reste ouvert", "la ministre", "Hélène Roy", False)
    ]


def test_fr_guillemets_with_non_breaking_spaces() -> None:
    text = "«\u00a0Nous agirons vite\u00a0», a déclaré Luc Berger."
    assert quotes(text, ["Luc Berger"]) == [
        ("Nous agirons vite", "Luc Berger", "Luc Berger", False)
    ]


# ---------------------------------------------------------------------------------------------
# French: the speaker before the quote


def test_fr_name_declared_colon() -> None:
    text = "Luc Berger a déclaré : « Nous ne lâcherons rien. »"
    assert quotes(text, ["Luc Berger"]) == [
        ("Nous ne lâcherons rien.", "Luc Berger", "Luc Berger", False)
    ]


def test_fr_participle_after_apposition() -> None:
    text = (
        "Le maire de Lyon, Marc Dupuis, a publié un message, affirmant : "
        '"On ne fera jamais taire ceux qui s\'engagent".'
    )
    assert quotes(text, ["Marc Dupuis", ("Lyon", L)]) == [
        ("On ne fera jamais taire ceux qui s'engagent", "Marc Dupuis", "Marc Dupuis", False)
    ]


def test_fr_selon_comme_and_pour_before() -> None:
    text = (
        "Selon Marie Caron, « la crise va durer ». Comme le souligne Paul Roux, « rien n'est "
        "joué ». Pour l'économiste Lise Marin, « les taux vont baisser »."
    )
    assert quotes(text, ["Marie Caron", "Paul Roux", "Lise Marin"]) == [
        ("la crise va durer", "Marie Caron", "Marie Caron", False),
        ("rien n'est joué", "Paul Roux", "Paul Roux", False),
        ("les taux vont baisser", "Lise Marin", "Lise Marin", False),
    ]


def test_fr_partial_quote_after_a_speech_verb_in_the_sentence() -> None:
    text = "Le député Karim Benali a estimé que la réforme était « injuste »."
    assert quotes(text, ["Karim Benali"]) == [("injuste", "Karim Benali", "Karim Benali", False)]


def test_fr_headline_name_colon() -> None:
    text = "Sophie Lambert : « Je ne serai pas candidate »\nLa suite demain."
    assert quotes(text, ["Sophie Lambert"]) == [
        ("Je ne serai pas candidate", "Sophie Lambert", "Sophie Lambert", False)
    ]


def test_fr_subject_after_a_complement_and_a_parenthesis() -> None:
    text = (
        "« Rien ne le prouve », assure à l'AFP Marc Roy. « Nous verrons » (pour la suite), a "
        "précisé Anne Lenoir."
    )
    assert quotes(text, ["Marc Roy", "Anne Lenoir", ("AFP", G)]) == [
        ("Rien ne le prouve", "Marc Roy", "Marc Roy", False),
        ("Nous verrons", "Anne Lenoir", "Anne Lenoir", False),
    ]


def test_fr_coordinated_verb_takes_the_sentence_subject() -> None:
    text = "Paul Roux a rappelé à l'ordre Marc Vidal et dénonce « l'hypocrisie des élus »."
    assert quotes(text, ["Paul Roux", "Marc Vidal"]) == [
        ("l'hypocrisie des élus", "Paul Roux", "Paul Roux", False)
    ]


def test_fr_pronoun_goes_to_a_person_who_opened_a_sentence_since() -> None:
    text = (
        "« On ne tient plus », lance Gilles Marchand, éleveur. Le préfet, Jean Aubert, a "
        "promis une réunion. « La porte reste ouverte », a-t-il assuré."
    )
    rows = quotes(text, ["Gilles Marchand", "Jean Aubert"])
    assert rows[1] == ("La porte reste ouverte", "il", "Jean Aubert", False)


def test_fr_someone_described_by_a_relation_is_not_that_person() -> None:
    text = (
        "Marc Vidal a été entendu. « Mon client est innocent », a déclaré l'avocate de Marc Vidal."
    )
    assert quotes(text, ["Marc Vidal"]) == [
        ("Mon client est innocent", "l'avocate de Marc Vidal", None, False)
    ]


@pytest.mark.parametrize(
    ("language", "attribution", "described"),
    [
        ("fr", "a déclaré le fils de Marc Vidal", "le fils de Marc Vidal"),
        ("fr", "a déclaré la nièce de Marc Vidal", "la nièce de Marc Vidal"),
        ("en", "the son of Marc Vidal said", "the son of Marc Vidal"),
        ("en", "said the daughter of Marc Vidal", "the daughter of Marc Vidal"),
    ],
)
def test_a_relative_of_someone_is_not_that_person(
    language: str, attribution: str, described: str
) -> None:
    text = f"« Il est innocent », {attribution}."
    assert quotes(text, ["Marc Vidal"], language) == [("Il est innocent", described, None, False)]


def test_fr_participle_after_the_quote_is_not_its_speaker() -> None:
    text = (
        "Anne Roche a déclaré que l'opération était « le fruit d'un travail commun », saluant "
        "le rôle de Paul Roux."
    )
    assert quotes(text, ["Anne Roche", "Paul Roux"]) == [
        ("le fruit d'un travail commun", "Anne Roche", "Anne Roche", False)
    ]


def test_fr_subject_after_the_verb_before_a_colon() -> None:
    text = "Pourquoi accepter cette aide ? Pour la bonne cause, répond une porte-parole : « Il faut financer les PME. »"
    assert quotes(text) == [("Il faut financer les PME.", "une porte-parole", None, False)]


def test_fr_source_opening_the_sentence() -> None:
    text = "Selon Marie Caron, aucune avancée n'est possible : « Tout était joué d'avance. »"
    assert quotes(text, ["Marie Caron"]) == [
        ("Tout était joué d'avance.", "Marie Caron", "Marie Caron", False)
    ]


# ---------------------------------------------------------------------------------------------
# French: incises inside the marks, dialogue dashes


def test_fr_incise_inside_the_marks_makes_two_quotes() -> None:
    text = "Henri Lacombe a réagi. « Nous agirons, a-t-il dit, sans attendre l'État. »"
    assert quotes(text, ["Henri Lacombe"]) == [
        ("Nous agirons", "il", "Henri Lacombe", False),
        ("sans attendre l'État.", "il", "Henri Lacombe", False),
    ]


def test_fr_dash_dialogue_lines() -> None:
    text = (
        "L'échange a été bref.\n"
        "— Reconnaissez-vous les faits ? a demandé la présidente.\n"
        "— Oui, a-t-il répondu.\n"
        "— Une liste sans incise\n"
    )
    rows = quotes(text)
    assert [r[:2] for r in rows] == [
        ("Reconnaissez-vous les faits ?", "la présidente"),
        ("Oui", "il"),
    ]


# ---------------------------------------------------------------------------------------------
# French: unnamed sources, organisations


def test_fr_unnamed_sources_are_anonymous() -> None:
    text = (
        "Comme le souligne un chercheur en économie de l'Université de Nantes, « la reprise "
        "sera lente ». « Les analyses écartent l'accident », confie un enquêteur. Selon une "
        "source proche du dossier, « deux suspects sont identifiés ». « Tout ira vite », glisse "
        "un proche de l'enquête. Selon nos informations, « le rapport est prêt »."
    )
    rows = quotes(text, [("Université de Nantes", G)])
    assert rows == [
        (
            "la reprise sera lente",
            "un chercheur en économie de l'Université de Nantes",
            None,
            True,
        ),
        ("Les analyses écartent l'accident", "un enquêteur", None, True),
        ("deux suspects sont identifiés", "une source proche du dossier", None, True),
        ("Tout ira vite", "un proche de l'enquête", None, True),
        ("le rapport est prêt", "nos informations", None, True),
    ]


def test_fr_named_organisation_is_not_anonymous() -> None:
    text = (
        "Selon Matignon, « la réforme sera votée ». « Les faits restent à établir », indique "
        "le parquet de Lille dans un communiqué."
    )
    rows = quotes(text, [("Matignon", G), ("parquet de Lille", G)])
    assert rows == [
        ("la réforme sera votée", "Matignon", "Matignon", False),
        ("Les faits restent à établir", "parquet de Lille", "parquet de Lille", False),
    ]


def test_fr_organisation_description_resolves_to_the_organisation() -> None:
    text = (
        "La Cour des comptes publie un rapport. Selon l'institution, « les économies restent "
        "théoriques »."
    )
    assert quotes(text, [("Cour des comptes", G)]) == [
        ("les économies restent théoriques", "l'institution", "Cour des comptes", False)
    ]


# ---------------------------------------------------------------------------------------------
# French: what is not a quote


def test_fr_scare_quotes_and_titles_are_not_quotes() -> None:
    text = (
        "Invitée de l'émission « Questions directes », Anne Roche a rejeté l'idée d'une « taxe "
        "déguisée ». Le dispositif, surnommé « bouclier rural pour toutes les petites communes "
        "de France », a été qualifié de « crime fiscal » par ses opposants. Le film « Les Jours "
        "tranquilles et les nuits longues de notre enfance » sort mercredi."
    )
    assert quotes(text, ["Anne Roche"]) == []


def test_fr_unattributed_quote_needs_six_words() -> None:
    text = (
        "Une banderole proclamait « Pas un euro de plus pour les autoroutes ». Une autre disait "
        "« Non merci »."
    )
    assert quotes(text) == [("Pas un euro de plus pour les autoroutes", None, None, False)]


# ---------------------------------------------------------------------------------------------
# Interviews


INTERVIEW = (
    "Entretien réalisé par Julie Castel.\n\n"
    "Julie Castel : Vous quittez le club. Pourquoi maintenant ?\n\n"
    "Bertrand Vasseur : Parce que le club a besoin d'un nouvel élan.\n\n"
    "Le club a connu dix saisons difficiles. Regrettez-vous certaines décisions ?\n\n"
    "Je regrette surtout le centre de formation.\n\n"
    "Il a fallu trois ans pour le construire.\n\n"
    "Et la suite ?\n\n"
    "Je vais prendre du temps pour ma famille.\n\n"
    "Retrouvez l'entretien complet sur notre site.\n\n"
    "★★★★★\n"
)


def test_interview_answers_are_quotes_questions_are_not() -> None:
    rows = quotes(INTERVIEW, ["Julie Castel", "Bertrand Vasseur"])
    assert rows == [
        (
            "Parce que le club a besoin d'un nouvel élan.",
            "Bertrand Vasseur",
            "Bertrand Vasseur",
            False,
        ),
        (
            "Je regrette surtout le centre de formation.",
            "Bertrand Vasseur",
            "Bertrand Vasseur",
            False,
        ),
        ("Il a fallu trois ans pour le construire.", "Bertrand Vasseur", "Bertrand Vasseur", False),
        (
            "Je vais prendre du temps pour ma famille.",
            "Bertrand Vasseur",
            "Bertrand Vasseur",
            False,
        ),
    ]


def test_interview_speaker_span_is_the_label_nearest_before() -> None:
    found = facts(INTERVIEW, ["Julie Castel", "Bertrand Vasseur"])
    label = INTERVIEW.index("Bertrand Vasseur :")
    assert {(q.speaker_start, q.speaker_end) for q in found} == {(label, label + 16)}


def test_interview_capital_labels_without_mentions() -> None:
    text = (
        "INTERVIEWER: What made you return?\n"
        "DANIEL REEVES: I could not stand by.\n"
        "What comes first?\n"
        "We will reopen the library.\n"
        "This interview first appeared in print.\n"
    )
    assert en(text) == [
        ("I could not stand by.", "DANIEL REEVES", None, False),
        ("We will reopen the library.", "DANIEL REEVES", None, False),
    ]


def test_a_single_labelled_line_is_no_interview() -> None:
    text = "Budget 2026 : la loi passe.\nJean Martin : il faut voter.\nLa suite est prévue."
    assert quotes(text, ["Jean Martin"]) == []


# ---------------------------------------------------------------------------------------------
# English: after and before


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("Jane Roe said", "Jane Roe"),
        ("said Jane Roe", "Jane Roe"),
        ("Jane Roe told BBC Radio", "Jane Roe"),
        ("according to Jane Roe", "Jane Roe"),
        ("Jane Roe, the mayor of Leeds, said", "Jane Roe"),
        ("Roe added on Tuesday", "Roe"),
        ("Jane Roe, an assistant state attorney general said Tuesday", "Jane Roe"),
        ("Jane Roe, who chaired the inquiry in Leeds, said", "Jane Roe"),
        ("Jane Roe of the Leeds Bible Church said Saturday", "Jane Roe"),
        ("the Rev. Jane Roe of the Leeds Bible Church said", "Jane Roe"),
        ("Jane Roe from Leeds said", "Jane Roe"),
    ],
)
def test_en_speaker_after(attribution: str, speaker: str) -> None:
    text = f"“We will not back down,” {attribution}."
    names: list[Name] = [
        "Jane Roe",
        "Roe",
        ("Leeds", L),
        ("BBC Radio", G),
        ("Leeds Bible Church", G),
    ]
    assert en(text, names) == [("We will not back down", speaker, speaker, False)]


def test_pronoun_goes_to_a_person_told_speaking_since_the_previous_quote() -> None:
    """“…,” said X. The roof fell, Y said. “…,” he said: Y, who spoke last; not a person only
    named since (“near Y's house”)."""
    first = "“We will rebuild,” said James Steele, the fire chief. The roof was damaged, "
    then = "“Investigators are there now,” he said."
    names = ["James Steele", "Larry Kroon"]
    assert en(first + "Larry Kroon said. " + then, names)[1] == (
        "Investigators are there now",
        "he",
        "Larry Kroon",
        False,
    )
    assert en(first + "near Larry Kroon's house. " + then, names)[1][2] == "James Steele"
    french = (
        "« Nous reconstruirons », a déclaré Paul Roux. Le toit est tombé, a ajouté Anne Lenoir. "
        "« Les enquêteurs sont là », a-t-elle dit."
    )
    assert quotes(french, ["Paul Roux", "Anne Lenoir"])[1][2] == "Anne Lenoir"


def test_pronoun_without_a_previous_quote_goes_to_the_subject_not_the_object() -> None:
    text = (
        "Alan Pierce arrived on Monday. At noon he met with Diane Walsh. “This will pass,” he said."
    )
    assert en(text, ["Alan Pierce", "Diane Walsh"])[0][2] == "Alan Pierce"
    # nobody opened a sentence or spoke: the nearest person named
    text = "The bill reached Alan Pierce on Monday. “This will pass,” he said."
    assert en(text, ["Alan Pierce"])[0][2] == "Alan Pierce"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the object of a speech verb, a participle's object or someone reported on is no speaker
        ("“We will win,” Tom Hale told John Smith. “We trained hard,” he added.", "Tom Hale"),
        (
            "“A disgrace,” Tom Hale said, calling John Smith a liar. “He must go,” he added.",
            "Tom Hale",
        ),
        (
            "“We will appeal,” said Tom Hale. The police said John Smith was arrested on "
            "Monday. “It is a mistake,” he added.",
            "Tom Hale",
        ),
        # "According to X," does not make X the sentence's subject
        (
            "According to John Smith, the company lost money. The union is led by Tom Hale. "
            "“We will fight,” he said.",
            "Tom Hale",
        ),
        # someone described by their relation to a person named is not that person
        ("John Smith died. “He was kind,” said the baker who sold John Smith his bread.", None),
        ("John Smith died. “He was kind,” the victim's brother told reporters.", None),
        ("John Smith died. “He was a kind man,” said the children.", None),
    ],
)
def test_speakers_are_subjects_not_objects_nor_relatives(text: str, mention: str | None) -> None:
    assert en(text, ["Tom Hale", "John Smith"])[-1][2] == mention


def test_fr_speakers_are_subjects_not_objects_nor_relatives() -> None:
    text = (
        "« Nous ferons appel », a déclaré Paul Garnier. Le tribunal a condamné mardi Jean Roe, "
        "reconnu coupable d'escroquerie. « C'est injuste », a-t-il ajouté."
    )
    assert quotes(text, ["Paul Garnier", "Jean Roe"])[1][2] == "Paul Garnier"
    text = (
        "Jean Roe est mort lundi. « C'était un homme bon », raconte le garde du corps de Jean Roe."
    )
    assert quotes(text, ["Jean Roe"])[0][2] is None


def test_en_pronoun_after_resolves_to_previous_speaker() -> None:
    text = (
        "“We have the votes,” Senator Alan Pierce said. He later met Governor Diane Walsh. "
        "“This will pass,” he said."
    )
    assert en(text, ["Alan Pierce", "Diane Walsh"]) == [
        ("We have the votes", "Alan Pierce", "Alan Pierce", False),
        ("This will pass", "he", "Alan Pierce", False),
    ]


def test_en_quote_after_the_attribution_sentence_goes_on_with_its_speaker() -> None:
    """Whoever the attribution's apposition names (a firm typed as a person by the NER, a
    colleague) describes the speaker; the next quote is still the speaker's, even when the
    paragraph goes on."""
    text = (
        "Experts say it spreads fast. “People are constantly looking at the code,” said Dave "
        "Marcus, a research manager who works with Paul Henry at McAfee. “It gets posted to "
        "the Internet very quickly.” McAfee researchers reported new variants on Monday."
    )
    names = ["Dave Marcus", "Paul Henry", "McAfee"]  # "McAfee" typed as a person
    assert en(text, names) == [
        ("People are constantly looking at the code", "Dave Marcus", "Dave Marcus", False),
        ("It gets posted to the Internet very quickly.", "Dave Marcus", "Dave Marcus", False),
    ]
    # a person who opens a sentence of their own in between takes over: no inheritance
    text = (
        "“People are constantly looking at the code,” said Dave Marcus. Paul Henry disagreed "
        "at length. “It gets posted to the Internet very quickly,” one researcher said."
    )
    assert en(text, names)[1][2] != "Dave Marcus"


@pytest.mark.parametrize(
    ("text", "language"),
    [  # the review's sentences: someone else is the object of the verb, opens another clause,
        # or a sentence an abbreviation seemed to close names them
        (
            "“You lied to us,” Tom Smith told Anna Jones. “That is simply not true, and you know it.”",
            "en",
        ),
        (
            "« Vous nous avez menti », a dit Tom Smith à Anna Jones. « C'est faux, et vous le savez très bien. »",
            "fr",
        ),
        (
            "“The plan works,” said Tom Smith, but Anna Jones was not convinced. “It is a disaster waiting to happen.”",
            "en",
        ),
        (
            "“The plan works,” said Tom Smith, prompting a sharp reply from Anna Jones. “It is a disaster waiting to happen.”",
            "en",
        ),
        (
            "« Le plan fonctionne », assure Tom Smith, mais Anna Jones n'est pas convaincue. « C'est une catastrophe annoncée pour la région. »",
            "fr",
        ),
        (
            "« Le plan fonctionne », a estimé Tom Smith, aussitôt contredit par Anna Jones. « C'est une catastrophe annoncée pour la région. »",
            "fr",
        ),
        (
            "“We will appeal,” Tom Smith said, while Anna Jones shook her head. “This case is over and everyone knows it.”",
            "en",
        ),
        (
            "“We never saw it coming,” said Tom Smith of Acme Inc. Anna Jones disagreed. “The warnings were there for anyone who looked.”",
            "en",
        ),
        (
            "“We never saw it coming,” said Tom Smith, who recently returned to the U.S. Anna Jones disagreed. “The warnings were there for anyone who looked.”",
            "en",
        ),
    ],
)
def test_someone_else_in_the_attributing_sentence_stops_the_inheritance(
    text: str, language: str
) -> None:
    found = quotes(text, ["Tom Smith", "Anna Jones"], language)
    assert found[0][2] == "Tom Smith" and found[1][2] != "Tom Smith"


def test_en_pronoun_without_previous_quote_takes_nearest_person() -> None:
    text = "Judge Helen Marsh sentenced the men.\n“You showed no remorse,” she told them."
    assert en(text, ["Helen Marsh"]) == [("You showed no remorse", "she", "Helen Marsh", False)]


def test_en_speaker_before() -> None:
    text = (
        "Mark Holloway told reporters that “the inquiry is at an early stage”. "
        "He said: “We keep an open mind.” According to Ann Lee, “nothing is settled”."
    )
    assert en(text, ["Mark Holloway", "Ann Lee"]) == [
        ("the inquiry is at an early stage", "Mark Holloway", "Mark Holloway", False),
        ("We keep an open mind.", "He", "Mark Holloway", False),
        ("nothing is settled", "Ann Lee", "Ann Lee", False),
    ]


def test_en_the_minister_resolves_through_roles() -> None:
    text = (
        "Energy Minister Farid Khan met Ruth Stone on Wednesday. “Prices will fall,” the "
        "minister said."
    )
    assert en(text, ["Farid Khan", "Ruth Stone"]) == [
        ("Prices will fall", "the minister", "Farid Khan", False)
    ]


def test_en_split_quote_is_two_quotes() -> None:
    text = "“The decision is final,” the coach, Tom Barker, said, “and I will not discuss it.”"
    assert en(text, ["Tom Barker"]) == [
        ("The decision is final", "Tom Barker", "Tom Barker", False),
        ("and I will not discuss it.", "Tom Barker", "Tom Barker", False),
    ]


def test_en_question_asked_by() -> None:
    text = "“Where was the regulator?” asked Lucy Grant, who chairs the association."
    assert en(text, ["Lucy Grant"]) == [
        ("Where was the regulator?", "Lucy Grant", "Lucy Grant", False)
    ]


def test_en_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "The chairman, Peter Walsh, wrote:\n"
        "“This was the hardest decision.\n"
        "“We owe our supporters honesty.\n"
        "“I will stay until a successor is found.”\n"
        "The board meets next week."
    )
    words = (
        "This was the hardest decision.\n“We owe our supporters honesty.\n"
        "“I will stay until a successor is found."
    )
    assert en(text, ["Peter Walsh"]) == [(words, "Peter Walsh", "Peter Walsh", False)]


def test_en_single_quotes_and_apostrophes() -> None:
    text = (
        "Emma Clarke’s deputy was asked about the memo. ‘We don’t comment on leaks,’ said Emma "
        "Clarke. The workers’ union called it ‘worrying’."
    )
    assert en(text, ["Emma Clarke"]) == [
        ("We don’t comment on leaks", "Emma Clarke", "Emma Clarke", False)
    ]


def test_en_straight_quotes() -> None:
    text = 'Ravi Patel is hiring. "We cannot find desks fast enough," says Patel.'
    assert en(text, ["Ravi Patel", "Patel"]) == [
        ("We cannot find desks fast enough", "Patel", "Patel", False)
    ]


def test_en_unnamed_sources() -> None:
    text = (
        "“He was on our radar,” a source close to the inquiry said. A senior official at the "
        "Home Office told the BBC: “There will be a review.” Police sources said the men were "
        "“well known”. “Talks resume Monday,” said people familiar with the matter."
    )
    rows = en(text, [("Home Office", G), ("BBC", G)])
    assert rows == [
        ("He was on our radar", "a source close to the inquiry", None, True),
        ("There will be a review.", "A senior official at the Home Office", None, True),
        ("well known", "Police sources", None, True),
        ("Talks resume Monday", "people familiar with the matter", None, True),
    ]


def test_en_spokesperson_speaks_for_the_organisation() -> None:
    text = "“There is no risk,” a spokesperson for Greenfield Energy said."
    assert en(text, [("Greenfield Energy", G)]) == [
        ("There is no risk", "a spokesperson for Greenfield Energy", "Greenfield Energy", False)
    ]


def test_en_scare_quotes_and_titles_are_not_quotes() -> None:
    text = (
        "Ministers want the crackdown 'stepped up'. The plan, known as 'Operation Clean Sweep', "
        "costs £40m. The documentary “Rivers of Salt and the long way home to the sea” opens "
        "soon, and its director has been dubbed “the new voice of cinema”."
    )
    assert en(text) == []


def test_en_contracted_auxiliary() -> None:
    text = (
        "Mike Ford was a private man. When asked, he’d respond, “I have a horror of being obvious.”"
    )
    assert en(text, ["Mike Ford"]) == [
        ("I have a horror of being obvious.", "he", "Mike Ford", False)
    ]


def test_en_list_of_quoted_titles_is_not_quotes() -> None:
    text = (
        "According to Ann Lee, the band will play its hits, including “Blue Sky,” “Old Road,” "
        "“Running Home” and “Another Day in the Sun”."
    )
    assert en(text, ["Ann Lee"]) == []


# ---------------------------------------------------------------------------------------------
# Contract


def test_nested_marks_give_the_outer_quote_only() -> None:
    text = "« Il m'a dit “jamais” hier soir », a raconté Luc Berger."
    assert quotes(text, ["Luc Berger"]) == [
        ("Il m'a dit “jamais” hier soir", "Luc Berger", "Luc Berger", False)
    ]


def test_other_languages_and_empty_texts_give_nothing() -> None:
    assert find_quotes("« Hola », dijo Juan.", [], [], language="es") == []
    assert find_quotes("", [], [], language="fr") == []


def test_package_code_names_nothing_from_the_samples() -> None:
    package = REPO / "src" / "recoupe" / "quotes"
    code = "\n".join(p.read_text(encoding="utf-8") for p in package.glob("*.py")).casefold()
    for word in (
        "kessaci",
        "bompard",
        "nuñez",
        "lisnard",
        "payan",
        "cimino",
        "darmanin",
        "macron",
        "marseille",
        "élysée",
        "bfmtv",
        "places nettes",
        "stepped up",
        "intimidation",
        "close to the case",
        "sécurité publique",
    ):
        assert word not in code, word


def test_a_long_text_gives_every_quote_once() -> None:
    """Speed is measured by the benchmarks (bench/), never by a timed test."""
    paragraph = (
        "Le ministre Paul Garnier a visité Lyon. « Nous agirons vite », a-t-il déclaré. Selon "
        "une source proche du dossier, « rien n'est joué ». La réunion a duré deux heures et "
        "les élus ont débattu du budget sans conclure.\n"
    )
    text = paragraph * 400  # about 100 kB
    ms = mentions(text, ["Paul Garnier", ("Lyon", L)])
    found = find_quotes(text, ms, [], language="fr")
    assert len(found) == 800
    assert sum(q.anonymous for q in found) == 400


# ---------------------------------------------------------------------------------------------
# The samples


def _sample(prefix: str) -> str:
    for folder in SAMPLE_DIRS:
        for path in sorted(folder.glob(f"{prefix}_*.txt")):
            return path.read_text(encoding="utf-8")
    pytest.skip(f"sample {prefix} not found")


def test_sample_000_expert_is_anonymous_and_scare_quote_is_not_a_quote() -> None:
    text = _sample("000")
    found = facts(text, ["Emmanuel Macron", "Macron", ("Université de Marseille", G)])
    assert len(found) == 1
    q = found[0]
    assert q.text.startswith("la situation nécessite des actions immédiates")
    assert q.anonymous and q.speaker_mention is None
    assert q.speaker_text == "un expert en sécurité publique de l'Université de Marseille"


def test_sample_002_nunez_quote_and_unmarked_source_is_no_quote() -> None:
    text = _sample("002")
    names: list[Name] = ["Laurent Nuñez", "Nuñez", "David Lisnard", "Lisnard", ("Élysée", G)]
    rows = quotes(text, names, "en")
    assert ("Nuñez", "Nuñez", False) in {(r[1], r[2], r[3]) for r in rows if "noticed" in r[0]}
    assert not any(r[1] and "source" in r[1] for r in rows)  # "According to a source ..."
    assert not any(r[0] in ("stepped up", "crime of intimidation", "turning point") for r in rows)
    beyond = next(r for r in rows if r[0].startswith("Beyond public displays"))
    assert beyond[1:] == ("he", "David Lisnard", False)


def test_sample_003_mayor_quote() -> None:
    text = _sample("003")
    rows = quotes(text, ["Benoît Payan", "Amine Kessaci", "Kessaci", ("Marseille", L)])
    payan = next(r for r in rows if r[0].startswith("On ne fera jamais taire"))
    assert payan[1:] == ("Benoît Payan", "Benoît Payan", False)


def test_sample_004_interview_answers_go_to_the_interviewee() -> None:
    text = _sample("004")
    names = ["Serge Cimino", "Manuel Bompard", "Mehdi Kessaci", "Amine Kessaci", "Gérald Darmanin"]
    rows = quotes(text, names)
    answers = [r for r in rows if r[1] == "Manuel Bompard" and r[0].startswith(("Oui", "Écoutez"))]
    assert len(answers) == 4  # "Oui, évidemment", "Écoutez", "Oui, je pense", "Oui, mais"
    assert all(r[2] == "Manuel Bompard" for r in answers)
    texts = [r[0] for r in rows]
    assert any(t.startswith("Ces quartiers de haute sécurité") for t in texts)
    assert not any(t.rstrip().endswith("?") for t in texts)  # the questions
    assert not any("Cimino" in (r[1] or "") for r in rows)
    assert not any(t.startswith("Cliquez sur la vidéo") for t in texts)
    assert "places nettes" not in texts


def _speaker_of(text: str, names: Sequence[Name], language: str = "fr") -> list[str | None]:
    return [speaker for _, _, speaker, _ in quotes(text, names, language)]


def test_speakers_found_by_the_shape_of_the_sentence_outside_the_lexicon() -> None:
    # an incise whose verb the lexicon does not know
    assert _speaker_of(
        "« Le texte doit être retiré sans attendre », tempête Anne Roux.", ["Anne Roux"]
    ) == ["Anne Roux"]
    # an aside between the verb and the subject
    assert _speaker_of(
        "« Nous irons jusqu'au bout de cette affaire », réagit, à titre personnel, le pasteur "
        "Paul Morel, président de la fédération.",
        ["Paul Morel"],
    ) == ["Paul Morel"]
    # a narrative infinitive hands the word back to the last speaker
    assert _speaker_of(
        "« La situation est grave et les moyens manquent », a déclaré Anne Roux.\n"
        "Et de conclure, optimiste : « Les choses vont changer dans les mois qui viennent. »",
        ["Anne Roux"],
    ) == ["Anne Roux", "Anne Roux"]
    # the subject of a sentence that introduces the quote after a comma
    assert _speaker_of(
        'Jane Roe left a message to her staff, "I will miss every one of you very much."',
        ["Jane Roe"],
        "en",
    ) == ["Jane Roe"]


def test_a_quote_inside_a_sentence_goes_to_the_incise_that_closes_it() -> None:
    # words after the closing mark, then the attribution as the sentence's last clause
    assert _speaker_of(
        "L'audit relève « des failles sérieuses dans la surveillance des risques » au sein de "
        "la mutuelle, a annoncé vendredi Anne Roux.",
        ["Anne Roux"],
    ) == ["Anne Roux"]
    assert _speaker_of(
        "Plusieurs agents ont été menacés d'être « les premiers visés en cas de sanction "
        "collective », "
        "s'ils rejoignaient le mouvement, confirme Paul Morel, de l'UNSA.",
        ["Paul Morel"],
    ) == ["Paul Morel"]
    assert _speaker_of(
        'Investigators called the blaze "deliberate and almost certainly set from inside" on '
        "Sunday, said Mark Delaney, the county fire marshal.",
        ["Mark Delaney"],
        "en",
    ) == ["Mark Delaney"]
    # an agent says whose words they are: not the incise's speaker
    assert _speaker_of(
        "La réforme jugée « injuste et brutale pour les salariés » par les syndicats sera votée "
        "mardi, a déclaré Anne Roux.",
        ["Anne Roux"],
    ) != ["Anne Roux"]
    # the clause after another quote is that quote's: the first keeps its own reading
    assert _speaker_of(
        "Anne Roux a parlé d'une « faute grave et impardonnable de la direction » hier ; la "
        "direction dénonce « une campagne de calomnies contre elle », a répondu Paul Morel.",
        ["Anne Roux", "Paul Morel"],
    ) == ["Anne Roux", "Paul Morel"]


def test_words_about_someone_are_not_their_words() -> None:
    # a participle after the quote: the person is its object, not the speaker
    found = _speaker_of(
        "Le maire a publié un communiqué : « Cette décision est une faute grave », visant "
        "Anne Roux.",
        ["Anne Roux"],
    )
    assert found != ["Anne Roux"]
    # words quoted about a person named as the sentence's object
    assert _speaker_of(
        'Critics called Jane Roe "a danger to our democracy and the rule of law."',
        ["Jane Roe"],
        "en",
    ) == [None]


# ---------------------------------------------------------------------------------------------
# No speech verb the lexicon knows: the sentence's subject


def test_en_subject_of_a_sentence_with_another_verb_says_the_long_quote() -> None:
    text = (
        "After the hearing closed, chief executive Dana Whitfield extended an invitation to the "
        'band, "we have always loved your songs, and we hope we can now work together." '
        "Judge Aaron Kemp agreed with the defence that, while the store is branded, the music is "
        'not - "I conclude that the logo does not suggest a connection with the creative work."'
    )
    rows = en(text, ["Dana Whitfield", "Aaron Kemp"])
    assert [(r[0][:20], r[2]) for r in rows] == [
        ("we have always loved", "Dana Whitfield"),
        ("I conclude that the ", "Aaron Kemp"),
    ]


def test_fr_a_person_set_off_by_commas_is_the_subject_not_the_body_before() -> None:
    text = (
        "Au nom de la CGT, Agnès Morand, secrétaire confédérale a fait part du même sentiment : "
        "« nous considérons que le fichier a vécu et qu'il doit être retiré »."
    )
    rows = quotes(text, [("CGT", G), "Agnès Morand"])
    assert [r[2] for r in rows] == ["Agnès Morand"]


def test_the_subject_referring_to_someone_elses_words_is_not_the_speaker() -> None:
    text = (
        "Le directeur général de la banque renvoie aux propos du gouverneur de la Banque de "
        "France : l'opération ne vise pas à « pallier un quelconque défaut ou une faiblesse "
        "des banques »."
    )
    assert [r[1] for r in quotes(text, [("Banque de France", G)])] == [None]


def test_short_words_in_marks_get_no_speaker_from_the_subject() -> None:
    text = 'Police arrested John Smith on Tuesday after a "violent altercation" in the street.'
    assert en(text, ["John Smith"]) == []


def test_words_about_someone_give_no_speaker_and_a_leading_clause_is_skipped() -> None:
    charge = 'John Smith was charged with "conduct likely to cause harassment, alarm or distress".'
    assert [r[2] for r in en(charge, ["John Smith"])] in ([], [None])
    text = (
        "After Jane Roe resigned, Paul Kerr thanked her in a letter "
        '"for the best ten years this company has ever known" and moved on.'
    )
    assert [r[2] for r in en(text, ["Jane Roe", "Paul Kerr"])] == ["Paul Kerr"]


def test_en_straight_marks_with_spaces_inside_pair_as_scraped_pages_write_them() -> None:
    text = (
        'In a letter to the board, Jobs wrote: " I have always said I would be the first to '
        'let you know. Unfortunately, that day has come. " Bill Gates wrote on his blog: " The '
        'world rarely sees someone who has had such an impact. " He added nothing.'
    )
    rows = en(text, ["Jobs", "Bill Gates"])
    assert [(r[0][:24], r[2]) for r in rows] == [
        ("I have always said I wou", "Jobs"),
        ("The world rarely sees so", "Bill Gates"),
    ]


def test_en_a_closing_straight_mark_shifted_after_the_space_still_closes() -> None:
    """Texts rebuilt from tokens or scraped write ``progress, "said X``: the mark after a comma
    and a space, inside an open quote, closes it; it does not open another one."""
    text = (
        '"I made the decision because we were not progressing the way we wanted, "said Ed '
        'Stefanski. "We will find a way, "he added. Later, Billy King said, "Mo is family."'
    )
    rows = en(text, ["Ed Stefanski", "Billy King"])
    assert [(r[0][:22], r[2]) for r in rows] == [
        ("I made the decision be", "Ed Stefanski"),
        ("We will find a way", "Ed Stefanski"),
        ("Mo is family.", "Billy King"),
    ]


def test_en_a_quote_opening_after_a_stop_survives_an_earlier_unclosed_mark() -> None:
    text = (
        '"Mo is family, "King said. He bleeds Philadelphia. " He is still the leader in '
        'assists. They missed the playoffs in 2004. "I look at Mo Cheeks and I know Mo Cheeks, '
        '"Billy King said.'
    )
    rows = en(text, ["Billy King", "King", "Mo Cheeks"])
    assert ("I look at Mo Cheeks and I know Mo Cheeks", "Billy King") in [
        (r[0], r[2]) for r in rows
    ]


def test_en_a_spaced_closing_mark_before_a_capital_closes_when_the_marks_left_pair() -> None:
    """``on this team. "The member …``: after a stop and a space, a straight mark before a
    capital closes the open quote when the marks left in the paragraph pair without it (a
    paragraph break lost between them); it opens a new quote when they do not."""
    text = (
        '"I believe in this team, " said Ed Stefanski. "We will find a way to improve on this '
        'team. "The member of the 1983 team started his coaching career in Portland, where he '
        'won twice. Later, Billy King said, "Mo is family."'
    )
    rows = en(text, ["Ed Stefanski", "Billy King"])
    assert [(r[0][:26], r[2]) for r in rows] == [
        ("I believe in this team", "Ed Stefanski"),
        ("We will find a way to impr", "Ed Stefanski"),
        ("Mo is family.", "Billy King"),
    ]


def test_en_a_quote_that_lost_its_closing_mark_ends_where_the_next_opens() -> None:
    """``… that. "It's devastating. "``: a paragraph break flattened away left two opening marks
    in one paragraph; the first quote ends where the second opens, both the speaker's."""
    text = (
        '"There were lots of good plans we had, " Bill Ingaldson said. "It was a historic '
        "building with lots of possibilities. You can't replace that. \"It's devastating. \"\n"
        "The state fire marshal's office is helping."
    )
    assert [(r[0], r[2]) for r in en(text, ["Bill Ingaldson"])] == [
        ("There were lots of good plans we had", "Bill Ingaldson"),
        (
            "It was a historic building with lots of possibilities. You can't replace that.",
            "Bill Ingaldson",
        ),
        ("It's devastating.", "Bill Ingaldson"),
    ]


def test_en_a_mark_opening_inside_a_quote_elsewhere_than_after_a_stop_ends_nothing() -> None:
    """Only a mark opening a sentence ends a quote that lost its closing mark: not a quote inside
    a quote or a title, not after a colon, not when the quote closed on two apostrophes."""
    closed = (
        "“We will not back down from this fight,’’ Jane Doe, the mayor, told reporters. “The "
        "city deserves better than this plan, and we will fight it in court,” she said."
    )
    assert [(r[0][:16], r[2]) for r in en(closed, ["Jane Doe"])] == [
        ("The city deserve", "Jane Doe")
    ]
    nested = (
        "Mary Jones said: “When the manager told me “you are fired” I did not know what to say.”"
    )
    assert [r[0] for r in en(nested, ["Mary Jones"])] == ["you are fired"]
    spaced = "Jane Doe told reporters: “It was a fine building.  “It is devastating,” she said."
    assert [r[0] for r in en(spaced, ["Jane Doe"])] == [
        "It was a fine building.",
        "It is devastating",
    ]
    colon = (
        "Mayor Jane Doe called the plan “reckless and unworkable, and then left the room. "
        "Council member Tom Hill said: “It is a fine plan and it will pass.”"
    )
    assert [(r[0], r[2]) for r in en(colon, ["Jane Doe", "Tom Hill"])] == [
        ("It is a fine plan and it will pass.", "Tom Hill")
    ]


def test_a_quote_opening_the_next_paragraph_goes_on_with_the_same_speaker() -> None:
    """The press quotes one speaker paragraph after paragraph; a person named, or a paragraph
    of narrative, in between ends the run."""
    text = (
        "« Nous avons ri, sauté de joie », a raconté Ingrid Roux.\n"
        "« Je pensais que c'était un miracle, vraiment un miracle. »\n"
        "Le ministre Paul Vidal a salué son courage devant la presse.\n"
        "« Elle a été exemplaire du début à la fin, vraiment exemplaire. »\n"
    )
    assert [r[2] for r in quotes(text, ["Ingrid Roux", "Paul Vidal"])] == [
        "Ingrid Roux",
        "Ingrid Roux",
        None,
    ]
    text = (
        '"We were tied up like animals," Ingrid Roux told reporters.\n'
        '"I thought it was a miracle, and I still think so today."\n'
        "The crowd cheered for a long time on the tarmac of the airport.\n"
        '"Nobody will ever forget this day, not one of us here."\n'
    )
    assert [r[2] for r in en(text, ["Ingrid Roux"])] == ["Ingrid Roux", "Ingrid Roux", None]


def test_fr_a_spaced_straight_mark_before_a_full_stop_closes_the_quote() -> None:
    text = (
        "Pour les jeunes, Mgr Pierre Descamps craint \" qu'on les enferme dans leurs actes, en "
        "les réduisant à ce qu'ils font \". En accord avec la Cnil, l'archevêque juge cela grave."
    )
    rows = quotes(text, ["Pierre Descamps"])
    assert [(r[0][:20], r[2]) for r in rows] == [("qu'on les enferme da", "Pierre Descamps")]


@pytest.mark.parametrize(
    ("text", "names", "language", "not_speaker"),
    [
        (
            "Avec Paul Vernet, Marie Roux a tenu une conférence de presse : « Nous ne céderons "
            "rien sur les salaires ni sur les horaires de nuit. »",
            ["Paul Vernet", "Marie Roux"],
            "fr",
            "Paul Vernet",
        ),
        (
            "Marie Roux a relu la lettre de Paul Vernet devant les élus : « Je ne reviendrai pas "
            "sur ma décision, quoi qu'il arrive demain. »",
            ["Marie Roux", "Paul Vernet"],
            "fr",
            "Marie Roux",
        ),
        (
            'After meeting Dana Whitfield, Aaron Kemp spoke to reporters, "we agreed on nothing '
            'at all and we will meet again next week."',
            ["Dana Whitfield", "Aaron Kemp"],
            "en",
            "Dana Whitfield",
        ),
        (
            "Dana Whitfield's lawyer, Aaron Kemp, addressed the jury: \"my client was at home "
            'with her children that whole evening."',
            ["Dana Whitfield", "Aaron Kemp"],
            "en",
            "Dana Whitfield",
        ),
    ],
)
def test_a_person_first_named_who_is_not_the_subject_does_not_take_the_quote(
    text: str, names: list[str], language: str, not_speaker: str
) -> None:
    rows = quotes(text, names, language)
    assert len(rows) == 1 and rows[0][2] != not_speaker


def test_en_a_description_of_several_words_before_the_name_then_said() -> None:
    """ "…," ORG chief title Name said: the description is read past to the name; never
    across a preposition (the lawyer speaks, not the client)."""
    text = (
        'The flaw was patched overnight. "Attackers will move to the next bug within days," '
        "Norvex chief threat intelligence officer Dana Whitfield said.\n"
        '"The committee has not seen the final figures yet," the lawyer for Aaron Kemp said.'
    )
    rows = en(text, ["Dana Whitfield", "Aaron Kemp", ("Norvex", G)])
    assert [(r[0][:20], r[2]) for r in rows] == [
        ("Attackers will move ", "Dana Whitfield"),
        ("The committee has no", None),
    ]


def test_ce_dernier_and_the_latter_are_the_person_named_last() -> None:
    """ "ce dernier" is the last person named, not the previous quote's speaker, and not a
    date word ("mardi dernier")."""
    text = (
        "« Nous irons jusqu'au bout de cette enquête », a déclaré Marie Roux. Elle a reçu Paul "
        "Vernet, président de l'association des riverains. « Nous attendons des réponses "
        "précises », ajoute ce dernier."
    )
    assert [r[2] for r in quotes(text, ["Marie Roux", "Paul Vernet"])] == [
        "Marie Roux",
        "Paul Vernet",
    ]
    text = (
        '"We will see this through," Dana Whitfield said. She met Aaron Kemp, who chairs the '
        'residents\' group. "We expect precise answers from the city," said the latter.'
    )
    assert [r[2] for r in en(text, ["Dana Whitfield", "Aaron Kemp"])] == [
        "Dana Whitfield",
        "Aaron Kemp",
    ]


def test_a_quote_right_after_a_continued_quote_goes_on_with_its_speaker() -> None:
    """“A,” X said. “B.” “C.”: C follows B with nothing between, the same speaker."""
    text = (
        "The call came at dawn. “The crews arrived within minutes,” Dana Whitfield said. "
        "“They went around the whole block twice.” “Then the roof caught fire all at once.” "
        "The building was lost."
    )
    assert [r[2] for r in en(text, ["Dana Whitfield"])] == ["Dana Whitfield"] * 3


@pytest.mark.parametrize(
    ("text", "names", "language", "speakers"),
    [
        (
            "Aaron Kemp visited the site. The old mill was battered on the outside, Kemp said. "
            '"But inside there was all this beautiful oak, beams you cannot find anymore."',
            ["Aaron Kemp", "Kemp"],
            "en",
            ["Kemp"],
        ),
        (
            "Paul Vernet a visité le site. Le moulin était très abîmé, a expliqué Paul Vernet. "
            "« Mais à l'intérieur, il y avait des poutres de chêne qu'on ne trouve plus. »",
            ["Paul Vernet"],
            "fr",
            ["Paul Vernet"],
        ),
        (  # the quote has its own speaker
            "The old mill was battered on the outside, Kemp said. "
            '"There was all this beautiful oak inside," Dana Whitfield said.',
            ["Kemp", "Dana Whitfield"],
            "en",
            ["Dana Whitfield"],
        ),
        (  # no reported speech before it
            "Nobody came to the meeting last night. "
            '"There was all this beautiful oak inside the old mill, beams you cannot find."',
            ["Kemp"],
            "en",
            [None],
        ),
    ],
)
def test_a_quote_after_reported_speech_is_the_reporters_speakers(
    text: str, names: list[Name], language: str, speakers: list[str | None]
) -> None:
    """A sentence of reported speech closed by its incise, then a quote opening the next
    sentence: the same person goes on. Not when the quote has its own speaker, nor when no
    reported speech comes before it."""
    assert [r[2] for r in quotes(text, names, language)] == speakers


@pytest.mark.parametrize(
    ("text", "names", "language", "expected"),
    [
        (  # a participle: the doctors speak
            "“He is stable but not out of danger yet,” doctors treating Jane Roe said on Tuesday.",
            ["Jane Roe"],
            "en",
            [None],
        ),
        (
            "“Our client will plead not guilty to every charge,” lawyers representing Mark "
            "Ellison said.",
            ["Mark Ellison"],
            "en",
            [None],
        ),
        (  # a title, the verb's object after it: no quote by the creator
            "“Game of Thrones” showrunner David Benioff said the final season was the hardest.",
            ["David Benioff"],
            "en",
            [],
        ),
        (  # a body's statement, then a witness
            "Le site fermera en juin, a annoncé la direction. « On l'a appris à la radio, comme "
            "tout le monde. » Paul Martin, soudeur depuis vingt-deux ans, ne décolère pas.",
            ["Paul Martin"],
            "fr",
            [None],
        ),
        (
            "Deux personnes ont été blessées, selon la préfecture. « J'ai entendu une explosion "
            "puis toutes les vitres ont volé en éclats. »",
            [],
            "fr",
            [None],
        ),
        (  # no speech verb in the incise
            "Facing mounting pressure over the contracts, Tom Hale resigned. “He was made a "
            "scapegoat for the failures of the whole council.”",
            ["Tom Hale"],
            "en",
            [None],
        ),
        (  # "ce dernier week-end" is a time
            "« Le projet sera livré en 2026 », a déclaré ce dernier week-end le ministre Jean "
            "Castel.",
            ["Jean Castel"],
            "fr",
            ["Jean Castel"],
        ),
        (  # "ce dernier rapport" is no person
            "Pierre Morel a présenté mardi le rapport. « La dette publique n'est plus maîtrisée "
            "depuis des années », souligne ce dernier rapport de la Cour des comptes.",
            ["Pierre Morel"],
            "fr",
            [None],
        ),
        (  # a question and its answer
            "Senator Ann Lowe put the question bluntly to the minister: “Will you resign before "
            "the end of this week?” “No, because I have done absolutely nothing wrong here.”",
            ["Ann Lowe"],
            "en",
            ["Ann Lowe", None],
        ),
    ],
)
def test_review_sentences_the_new_quote_rules_leave_alone(
    text: str, names: list[str], language: str, expected: list[str | None]
) -> None:
    assert [r[2] for r in quotes(text, names, language)] == expected


def test_en_a_place_or_body_before_the_title_and_name_of_the_speaker() -> None:
    """ "said Anchorage businessman and blogger X", "said Los Angeles Mayor X": the place or
    body qualifies the person, who speaks; "police and X" are two speakers."""
    text = (
        'Money kept pouring in. "In July alone, they lost three hundred thousand dollars," '
        "said Tacoma businessman and blogger Dale Renfrow, a critic of the board.\n"
        '"We will be ready when the athletes arrive," said Denver Mayor Lena Ortiz.'
    )
    names: list[Name] = ["Dale Renfrow", "Lena Ortiz", ("Tacoma", L), ("Denver", L)]
    assert [r[2] for r in en(text, names)] == ["Dale Renfrow", "Lena Ortiz"]
    text = (
        'The stadium opens in May. "We will be ready when the athletes arrive next year," '
        "Denver police and Lena Ortiz said."
    )
    assert [r[2] for r in en(text, names)] == [None]


@pytest.mark.parametrize(
    ("text", "names", "language", "speaker"),
    [
        ('"We will not tolerate this at any of our sites," said Acme after John Roe resigned.',
         [("Acme", G), "John Roe"], "en", "Acme"),
        ('"The allegations against our client are without merit," said Acme lawyers '
         "representing John Roe.", [("Acme", G), "John Roe"], "en", "Acme"),
        ('"The evidence points to a single suspect," said Paris prosecutors investigating John '
         "Roe.", [("Paris", L), "John Roe"], "en", "Paris"),
        ('"We were never consulted about any of this," said Acme via John Roe.',
         [("Acme", G), "John Roe"], "en", "Acme"),
        ('Acme hired John Roe and said: "He has done more for this company than anyone."',
         [("Acme", G), "John Roe"], "en", "Acme"),
        ("Renault remercie Jean Roe et affirme : « Il a fait plus pour cette entreprise que "
         "quiconque. »", [("Renault", G), "Jean Roe"], "fr", "Renault"),
        ("« Sa conduite est indigne de notre groupe », a réagi Renault contre Jean Roe.",
         [("Renault", G), "Jean Roe"], "fr", "Renault"),
        ('"We will not tolerate this kind of behaviour," said Acme board chairman and founder '
         "John Roe.", [("Acme", G), "John Roe"], "en", "John Roe"),
        ('"We are delighted to welcome him to our growing team," said Acme CTO John Roe.',
         [("Acme", G), "John Roe"], "en", "John Roe"),
    ],
)  # fmt: skip
def test_a_body_before_a_person_gives_way_only_to_a_title(
    text: str, names: list[Name], language: str, speaker: str
) -> None:
    """The review's sentences: the words between the body and the person must read as a title
    (no preposition, participle, verb or time); then the person speaks."""
    assert [r[2] for r in quotes(text, names, language)] == [speaker]


def test_a_title_ending_like_a_participle_is_read_past() -> None:
    """English participles end in -ing ("doctors treating X": the doctors speak); "plant" or
    "consultant" are nouns of a title, read past to the name."""
    text = (
        'The plant will close in June. "Nobody at the site was told anything before today," '
        "senior plant manager Dana Whitfield said.\n"
        '"The cleanup will take two more years at the very least," site consultant Aaron Kemp '
        "said."
    )
    assert [r[2] for r in en(text, ["Dana Whitfield", "Aaron Kemp"])] == [
        "Dana Whitfield",
        "Aaron Kemp",
    ]


def test_a_pronoun_skips_the_person_the_text_gives_the_other_gender() -> None:
    text = (
        "L'ancienne ministre Claire Roux a reçu mardi le préfet. M. Paul Vidal a pris des notes. "
        "« Nous fermerons en juin », a-t-elle annoncé."
    )
    assert quotes(text, ["Claire Roux", "Paul Vidal"]) == [
        ("Nous fermerons en juin", "elle", "Claire Roux", False)
    ]
    english = (
        "Anna Price, the company's spokeswoman, met the mayor. Mr. Tom Hale, his deputy, took "
        "notes. “We will close in June,” she said."
    )
    assert en(english, ["Anna Price", "Tom Hale"]) == [
        ("We will close in June", "she", "Anna Price", False)
    ]
    # no evidence of gender: the sentence's subject, not its object
    plain = "Anna Price met Tom Hale. “We will close in June,” she said."
    assert en(plain, ["Anna Price", "Tom Hale"]) == [
        ("We will close in June", "she", "Anna Price", False)
    ]


def test_gender_is_read_from_titles_and_role_openings_never_from_names() -> None:
    from recoupe.quotes.gender import genders

    text = "Mme Lou Bart, M. Max Roy, l'ancienne candidate Eve Sol, the German chancellor Ada Kurz."
    names = ["Lou Bart", "Max Roy", "Eve Sol", "Ada Kurz"]
    ms = mentions(text, names)
    roles = find_roles(text, ms, language="fr")
    got = dict(zip(names, genders(text, ms, roles), strict=True))
    assert got["Lou Bart"] == "f" and got["Max Roy"] == "m" and got["Eve Sol"] == "f"
    assert got["Ada Kurz"] is None  # "German" is a name, not a masculine in -man


def test_a_quote_told_by_several_articles_shows_its_fullest_and_most_common_wording() -> None:
    from recoupe.quotes.stage import group_quotes

    def told(text: str, quote: str) -> dict[str, object]:
        start = text.index(quote)
        return {
            "start": start, "end": start + len(quote), "text": quote, "speaker_text": "Roe",
            "speaker_start": None, "speaker_end": None, "speaker_mention": None,
            "anonymous": False,
        }  # fmt: skip

    full = "This flaw is being exploited by cyber-criminals and getting worse every day"
    texts = {
        "a": "Roe said it was “exploited by cyber-criminals and getting worse every day”.",
        "b": "“This flaw is being exploited by cyber criminals and getting worse every day,” Roe said.",
        "c": f"“{full},” Roe said.",
        "d": f"“{full},” said Jane Roe.",
    }
    per_document = {
        "a": [told(texts["a"], "exploited by cyber-criminals and getting worse every day")],
        "b": [told(texts["b"], "This flaw is being exploited by cyber criminals and getting worse every day")],
        "c": [told(texts["c"], full)],
        "d": [told(texts["d"], full)],
    }  # fmt: skip
    (record,) = group_quotes(per_document, texts, [], {}, ["a", "b", "c", "d"])
    assert record.text == full  # the fullest, in the wording of two articles out of three
    assert record.occurrences[0].span.document == "c"  # its evidence shows that wording
    assert {o.span.document for o in record.occurrences} == {"a", "b", "c", "d"}


def test_gender_is_not_shared_by_a_family_nor_read_from_words_that_are_no_gender() -> None:
    from recoupe.quotes.gender import genders

    family = (
        "M. Jean Dupont et Claire Dupont ont reçu Sophie Martin. « Nous sommes inquiets », a "
        "déclaré Claire Dupont. « La situation est grave », a-t-elle ajouté."
    )
    assert quotes(family, ["Jean Dupont", "Claire Dupont", "Sophie Martin"])[1] == (
        "La situation est grave",
        "elle",
        "Claire Dupont",
        False,
    )
    text = (
        "Kate Bell, a human rights activist, spoke. Paul Roe, la nouvelle recrue du club, "
        "signa. Claire Roux, professeur de droit, parla. Ada Kurz, l'ancienne ministre, vint."
    )
    names = ["Kate Bell", "Paul Roe", "Claire Roux", "Ada Kurz"]
    ms = mentions(text, names)
    got = dict(zip(names, genders(text, ms, find_roles(text, ms, language="fr")), strict=True))
    assert got["Kate Bell"] is None and got["Paul Roe"] is None and got["Claire Roux"] is None
    assert got["Ada Kurz"] == "f"  # an article before a noun of either gender


@pytest.mark.parametrize(
    "attribution", ["Jane Roe, Jim Poe and their lawyer said", "Jane Roe, but her lawyer said"]
)
def test_en_no_single_speaker_across_a_coordination(attribution: str) -> None:
    text = f"“We will not back down,” {attribution}."
    found = en(text, ["Jane Roe", "Jim Poe"])
    assert ("We will not back down", "Jane Roe", "Jane Roe", False) not in found


def test_gender_pools_the_mentions_of_one_person_and_reads_a_sentence_opening_article() -> None:
    text = (
        "Anne Hidalgo a reçu mardi Paul Vidal. Mme Hidalgo a ensuite salué M. Vidal. « Nous "
        "fermerons en juin », a-t-elle annoncé."
    )
    assert quotes(text, ["Anne Hidalgo", "Hidalgo", "Paul Vidal", "Vidal"]) == [
        ("Nous fermerons en juin", "elle", "Hidalgo", False)
    ]
    opening = (
        "La ministre Claire Roux a reçu mardi le porte-parole Paul Vidal. « Nous fermerons en "
        "juin », a-t-elle annoncé."
    )
    assert quotes(opening, ["Claire Roux", "Paul Vidal"]) == [
        ("Nous fermerons en juin", "elle", "Claire Roux", False)
    ]


@pytest.mark.parametrize("apposition", ["a lawyer and activist", "director of research and policy"])
def test_en_an_apposition_with_and_is_still_the_speaker_s(apposition: str) -> None:
    text = f"“We will not back down,” Jane Roe, {apposition} said."
    assert en(text, ["Jane Roe"]) == [("We will not back down", "Jane Roe", "Jane Roe", False)]


def test_one_capitalised_word_no_mention_ends_with_is_a_speaker_s_name_where_a_name_can_be() -> (
    None
):
    # the article never names her in full: the words are kept for the dossier to resolve
    after_comma = (
        "The inmate fled at noon, Lyons said. “He should not be approached by anyone,” Lyons said."
    )
    assert en(after_comma)[0] == ("He should not be approached by anyone", "Lyons", None, False)
    opening = "Lyons said that the man used a wheelchair and added, “That is in question now.”"
    assert en(opening) == []  # a sentence's first word: a name if written inside one too
    assert en("He fled at noon, Lyons said. " + opening)[-1] == (
        "That is in question now.", "Lyons", None, False,
    )  # fmt: skip
    # a determiner or a sentence's first word not followed by a speech verb: no name
    group = "« Nous ne céderons pas sur nos droits fondamentaux », selon des Tibétains réunis ici."
    assert quotes(group)[0][1] != "Tibétains"
    opener = "« Nous ne céderons jamais sur nos droits fondamentaux. » Sous la pression, il a cédé."
    assert quotes(opener)[0][1] is None
    # a pronoun or quantifier opening a sentence, a name after a preposition: no name
    others = "The crowd waited for hours. Others said the decision was “a betrayal of the fans.”"
    assert all(row[1] != "Others" for row in en(others))
    cela = "La foule a attendu. Cela confirme que la décision est « scandaleuse et injuste »."
    assert all(row[1] != "Cela" for row in quotes(cela))
    letter = "A letter sent to Congress said the plan was “unworkable and far too costly for us”."
    assert all(row[1] != "Congress" for row in en(letter))


def test_a_speaker_the_document_did_not_resolve_is_the_dossier_s_person_its_words_end_with() -> (
    None
):
    from recoupe.entities.model import EntityType
    from recoupe.entities.resolve import ResolvedEntity
    from recoupe.quotes.stage import group_quotes

    def person(key: str, name: str, *aliases: str) -> ResolvedEntity:
        return ResolvedEntity(key, name, EntityType.PERSON, [name, *aliases], [], [], [])

    entities = [
        person("lagarde", "Christine Lagarde", "Lagarde"),
        person("lyons", "Michelle Lyons"),
        person("jean", "Jean Roe"),
        person("paul", "Paul Roe"),
    ]

    def said(document: str, quote: str, speaker: str) -> tuple[str, str, dict[str, object]]:
        text = f"« {quote} », a annoncé {speaker}."
        return document, text, {
            "start": 2, "end": 2 + len(quote), "text": quote, "speaker_text": speaker,
            "speaker_start": None, "speaker_end": None, "speaker_mention": None,
            "anonymous": False,
        }  # fmt: skip

    told = [
        said("a", "La banque a failli dans ses contrôles internes", "la ministre de l'Économie Christine Lagarde"),
        said("b", "Il ne doit pas être approché par le public", "Lyons"),
        said("c", "Nous ferons appel de cette décision injuste", "l'avocat de Christine Lagarde"),
        said("c2", "Nous ferons appel de cette décision inique", "l'avocat d'Alain Roe"),
        said("d", "Le dossier est vide et tout le monde le sait", "Roe"),  # Jean or Paul?
        said("e", "Rien ne sera décidé avant la fin du mois", "la porte-parole"),
        said("f", "Nous ne laisserons rien passer du tout", "l'avocate de la ministre Christine Lagarde"),
        said("g", "We will not cede any ground on this", "Hunter Lyons"),  # not Michelle
        said("h", "The prison will stay closed all week", "Spokeswoman Lyons"),
        said("i", "La réforme sera votée avant la fin de l'été", "la porte-parole du gouvernement Christine Lagarde"),
        said("j", "Les contrôles seront renforcés dès ce soir", "le ministre de l'Intérieur Lyons"),
    ]  # fmt: skip
    per_document = {document: [fact] for document, _, fact in told}
    texts = {document: text for document, text, _ in told}
    records = group_quotes(per_document, texts, entities, {}, [d for d, _, _ in told])
    speakers = {r.occurrences[0].span.document: r.speaker for r in records}
    assert speakers == {
        "a": "lagarde", "b": "lyons", "c": None, "c2": None, "d": None, "e": None,
        "f": None, "g": None, "h": "lyons", "i": "lagarde", "j": "lyons",
    }  # fmt: skip


def test_an_organisations_description_goes_to_the_one_the_text_described_so() -> None:
    fr = (
        "Veloria, la banque d'affaires du groupe Arcane, a publié ses comptes. L'Arcane Sud est "
        "en crise. La banque précise que « les pertes sont contenues »."
    )
    names: list[Name] = [("Veloria", G), ("groupe Arcane", G), ("Arcane Sud", G)]
    assert quotes(fr, names) == [("les pertes sont contenues", "La banque", "Veloria", False)]
    english = (
        "Brightline, a regional bank based in Ohio, issued a statement on Monday. Rivals at "
        'Delmont Corp. were silent. "The loss is contained and every customer is safe," the '
        "bank said."
    )
    assert en(english, [("Brightline", G), ("Delmont Corp.", G)]) == [
        ("The loss is contained and every customer is safe", "the bank", "Brightline", False)
    ]
    # the noun a role is built on, not any word of it ("political party" is no police); one
    # whose name holds the noun first ("the bank's auditor" is no bank)
    rally = (
        "The Likud, Israel's main political party, held a rally in Tel Aviv. "
        '"Twelve people were arrested," the police said.'
    )
    assert [r[2] for r in en(rally, [("Likud", G)])] == [None]
    rates = (
        "The European Central Bank held rates on Thursday. Natixis, the French investment bank, "
        'said it would cut 500 jobs. "The plan is necessary," the bank said.'
    )  # the nearest so described, before one named so further back
    assert [r[2] for r in en(rates, [("European Central Bank", G), ("Natixis", G)])] == ["Natixis"]
    audit = (
        "Silvergate Bank lost deposits on Monday. KPMG, the bank's auditor, declined to comment. "
        '"Our capital is strong," the bank said.'
    )
    assert [r[2] for r in en(audit, [("Silvergate Bank", G), ("KPMG", G)])] == ["Silvergate Bank"]
    audit = audit.replace("bank's auditor", "bank auditor")  # a noun modifying the next one
    assert [r[2] for r in en(audit, [("Silvergate Bank", G), ("KPMG", G)])] == ["Silvergate Bank"]


def test_en_a_body_named_before_a_persons_noun_is_not_the_speaker() -> None:
    """``said the Saints coach``: the coach speaks, not the team; ``the US company said``: the
    company; ``the Saints spokesman``: the body he speaks for."""
    text = (
        'Sean Payton, the Saints coach, spoke on Monday. "We will be fine," said the Saints coach.'
    )
    assert en(text, ["Sean Payton", ("Saints", G)]) == [
        ("We will be fine", "the Saints coach", "Sean Payton", False)
    ]
    # someone of that body, named only by a role on it: not the last person named
    other = 'Tom Brady threw three touchdowns. "He was unstoppable," said the Saints coach.'
    assert [r[2] for r in en(other, ["Tom Brady", ("Saints", G)])] == [None]
    club = 'Real Madrid made an offer. "He is not for sale," said the Barcelona club.'
    assert [r[2] for r in en(club, [("Real Madrid", G), ("Barcelona", G)])] == ["Barcelona"]
    house = 'Donald Trump signed the order. "It is legal," the White House press secretary said.'
    assert [r[2] for r in en(house, ["Donald Trump", ("White House", G)])] == [None]
    dated = '"We deny it," said the Pentagon Monday citing officials.'
    assert [r[2] for r in en(dated, [("Pentagon", G)])] == ["Pentagon"]
    company = 'Microsoft issued a patch. "We are working on it," the US company said.'
    assert [r[2] for r in en(company, [("Microsoft", G), ("US", EntityType.LOC)])] == ["Microsoft"]
    team = '"We will be fine," the Saints spokesman said.'
    assert [r[2] for r in en(team, [("Saints", G)])] == ["Saints"]
