"""Temporal expressions: finding, values, direction (tense and modality), reference dates.

Every case is a news sentence with its publication date; the expression is looked up by the words
it overlaps, so the tests say which value a reader would give, not how the span is cut (spans are
tested on their own).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from recoupe.time.anchor import AnchorTracker, parse_date
from recoupe.time.expressions import Timex, clause_direction, find_timexes
from recoupe.time.normalize import FUTURE, NONE, PAST, Parsed, resolve


def timex_at(text: str, words: str, *, language: str, published: str | None, nth: int = 0) -> Timex:
    """The one expression overlapping the ``nth`` occurrence of ``words`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    assert len(starts) > nth, f"{words!r} not in the text"
    start, end = starts[nth], starts[nth] + len(words)
    found = find_timexes(text, language=language, published=published)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text  # offsets are exact
    hits = [t for t in found if t.start < end and start < t.end]
    assert len(hits) == 1, f"{words!r}: {hits}"
    return hits[0]


def value_of(text: str, words: str, language: str, published: str | None, nth: int = 0) -> Any:
    return timex_at(text, words, language=language, published=published, nth=nth).value


# ---------------------------------------------------------------------------------------------
# The sample documents (/work/shared/samples): excerpts, with their publication dates
# 000: 2025-12-10; 002: 2025-11-18 (a Tuesday); 004: 2025-11-28 from its byline; 001, 003: none.

S000 = (
    "Le président Emmanuel Macron, déterminé à contrer le fléau du narcotrafic, a convoqué une "
    "nouvelle réunion à l'Élysée pour ce jeudi 11 décembre. Cette rencontre fait suite à "
    "l'assassinat de Mohamed Kessaci à Marseille.\n"
    "Le 18 novembre, après la mort de Mehdi Kessaci, frère du militant écologiste Amine Kessaci, "
    "Macron avait exigé des mesures renforcées contre les cartels de drogue.\n"
    "Des mesures significatives ont déjà été prises, telles que la nomination de Jacques "
    "Witkowski en tant que préfet, et l'implémentation d'un parquet national anticriminalité "
    "organisée (Pnaco), qui doit débuter en janvier.\n"
    "Macron, en réponse à la détérioration de la sécurité dans la région, prévoit une visite à "
    "Marseille le 16 décembre, pour évaluer sur le terrain les conséquences de la violence liée "
    "au narcotrafic."
)
S001 = (
    "Emmanuel Macron préside une nouvelle réunion consacrée au narcotrafic, jeudi après-midi à "
    "l’Élysée, entouré de quatre ministres. Il s’agit de la troisième réunion sur ce thème depuis "
    "celle du 18 novembre. Les participants évoqueront aussi la création récente du Parquet "
    "national anticriminalité organisée (Pnaco), établi en juin et installé le 5 janvier, dans "
    "la continuité de la loi contre le narcotrafic adoptée en juin 2025."
)
S002 = (
    "The emergency meeting held at the Élysée Palace on Tuesday brought together senior "
    "ministers, judicial police officials and specialised magistrates as the government seeks to "
    "project firmness on an issue rapidly rising up the political agenda ahead of next March’s "
    "municipal elections.\n"
    "Interior Minister Laurent Nuñez said after the discussions that he would travel to "
    "Marseille on Thursday with Justice Minister Gérald Darmanin, following a request from the "
    "President.\n"
    "Macron himself plans to reconvene anti-trafficking stakeholders in mid-December – again at "
    "the Élysée Palace – before making his own trip to Marseille.\n"
    "The gravity of recent events was never far from the discussions. Last week, the brother of "
    "environmental activist Amine Kessaci – himself a vocal campaigner against drug trafficking – "
    "was shot dead in the southern port city.\n"
    "According to a source close to the case, Macron personally phoned Kessaci, whose other "
    "brother, Brahim, was killed in 2020.\n"
    "Meanwhile in Grenoble, a teenager was shot three times on Saturday night near what police "
    "believe was a drug dealing point.\n"
    "Tuesday’s meeting was also held to accelerate the rollout of a new anti-trafficking law, "
    "promulgated in June and now “gaining momentum”, according to the Élysée. Central to the "
    "reforms is the creation of the National Prosecutor’s Office for Organised Crime (Pnaco), due "
    "to be formally launched on 1 January.\n"
    "The topic is also expected to feature prominently at this week’s Association of French "
    "Mayors (AMF) congress in Paris.\n"
    "Lisnard recalled that the AMF held a round table on drug trafficking last year because "
    "“this is a reality we are experiencing in large cities”."
)
S003 = (
    "Vivre sous protection policière depuis l'été dernier, renforcée par les assassinats de deux "
    "de ses frères, souligne la gravité des menaces qu’il subit. Récemment, Kessaci assistait à "
    "une conférence de presse en soutien à la candidature de Marc Pena dans le cadre des "
    "municipales de mars 2026. Ce climat de tension s'explique notamment par l'assassinat de son "
    "frère en novembre dernier."
)
S004 = (
    "lundi 12 janvier - 9 h 12 min\n"
    "David BensoussanPar David Bensoussan28 novembre 2025\n"
    "En tant qu’invité politique de l’émission « La Matinale » le vendredi 21 novembre, le "
    "coordinateur de La France insoumise et député LFI des Bouches-du-Rhône appelle à augmenter "
    "les effectifs dédiés à s’attaquer au haut du spectre.\n"
    "À l’occasion d’une marche blanche destinée à rendre hommage au jeune Mehdi Kessaci, frère du "
    "militant marseillais engagé contre le narcotrafic Amine Kessaci et assassiné jeudi dernier, "
    "le pouvoir en place veut s’attaquer de manière déterminée à la narcocriminalité. Il confirme "
    "aussi que la formation politique de Jean-Luc Mélenchon participera au cortège prévu samedi.\n"
    "Serge Cimino : Nous allons d’abord échanger avec le député. Demain, une marche blanche est "
    "organisée en hommage à Mehdi Kessaci. Vous serez présent lors de cette marche blanche ?\n"
    "On verra s’il y aura des ministres présents. Hier, il y en avait deux à Marseille : le "
    "ministre de l’Intérieur et le garde des Sceaux.\n"
    "On parle d’un manque, d’une baisse depuis 2017 — même si une remontée a été observée."
)

SAMPLE_CASES = [
    # (text, words, language, published, value, precision)
    (S000, "ce jeudi 11 décembre", "fr", "2025-12-10", "2025-12-11", "day"),
    (S000, "Le 18 novembre", "fr", "2025-12-10", "2025-11-18", "day"),
    (S000, "en janvier", "fr", "2025-12-10", "2026-01", "month"),
    (S000, "le 16 décembre", "fr", "2025-12-10", "2025-12-16", "day"),
    (S001, "jeudi après-midi", "fr", None, None, "unknown"),
    (S001, "18 novembre", "fr", None, None, "unknown"),
    (S001, "le 5 janvier", "fr", None, None, "unknown"),
    (S001, "en juin 2025", "fr", None, "2025-06", "month"),
    (S002, "on Tuesday", "en", "2025-11-18", "2025-11-18", "day"),
    (S002, "next March", "en", "2025-11-18", "2026-03", "month"),
    (S002, "on Thursday", "en", "2025-11-18", "2025-11-20", "day"),
    (S002, "mid-December", "en", "2025-11-18", "2025-12", "month"),
    (S002, "Last week", "en", "2025-11-18", "2025-W46", "week"),
    (S002, "in 2020", "en", "2025-11-18", "2020", "year"),
    (S002, "on Saturday night", "en", "2025-11-18", "2025-11-15", "day"),
    (S002, "Tuesday’s meeting", "en", "2025-11-18", "2025-11-18", "day"),
    (S002, "in June", "en", "2025-11-18", "2025-06", "month"),
    (S002, "on 1 January", "en", "2025-11-18", "2026-01-01", "day"),
    (S002, "this week", "en", "2025-11-18", "2025-W47", "week"),
    (S002, "last year", "en", "2025-11-18", "2024", "year"),
    (S003, "l'été dernier", "fr", None, None, "unknown"),
    (S003, "mars 2026", "fr", None, "2026-03", "month"),
    (S003, "novembre dernier", "fr", None, None, "unknown"),
    (S004, "lundi 12 janvier", "fr", "2025-11-28", "2026-01-12", "day"),
    (S004, "le vendredi 21 novembre", "fr", "2025-11-28", "2025-11-21", "day"),
    # the introduction and the transcript speak from the day of the interview (21 November):
    # the killing was on Thursday 13 November, the week before (002: "Last week" = 2025-W46),
    # the march on Saturday 22, the ministers in Marseille on Thursday 20 (002: "on Thursday")
    (S004, "jeudi dernier", "fr", "2025-11-28", "2025-11-13", "day"),
    (S004, "samedi", "fr", "2025-11-28", "2025-11-22", "day"),
    (S004, "Demain", "fr", "2025-11-28", "2025-11-22", "day"),
    (S004, "Hier", "fr", "2025-11-28", "2025-11-20", "day"),
    (S004, "depuis 2017", "fr", "2025-11-28", "2017/..", "interval"),
]


@pytest.mark.parametrize(
    ("text", "words", "language", "published", "value", "precision"),
    SAMPLE_CASES,
    ids=[f"{c[1]}@{c[3]}" for c in SAMPLE_CASES],
)
def test_sample_cases(
    text: str,
    words: str,
    language: str,
    published: str | None,
    value: str | None,
    precision: str,
) -> None:
    timex = timex_at(text, words, language=language, published=published)
    assert (timex.value, timex.precision) == (value, precision)


def test_sample_interview_reference_is_recorded_as_anchor() -> None:
    demain = timex_at(S004, "Demain", language="fr", published="2025-11-28")
    header = timex_at(S004, "lundi 12 janvier", language="fr", published="2025-11-28")
    assert demain.anchor == "2025-11-21"
    assert header.anchor == "2025-11-28"  # before the interview's introduction


def test_sample_clock_time_reduces_to_its_day() -> None:
    clock = timex_at(S004, "9 h 12", language="fr", published="2025-11-28")
    assert (clock.kind, clock.value, clock.precision) == ("time", "2026-01-12", "day")


# ---------------------------------------------------------------------------------------------
# Direction: the same expression, planned or happened


DIRECTION_CASES = [
    # French, published Wednesday 2025-03-12
    ("fr", "2025-03-12", "Le ministre se rendra à Lyon jeudi pour inaugurer le tramway.",
     "jeudi", "2025-03-13", FUTURE),
    ("fr", "2025-03-12", "Le ministre s'est rendu à Lyon jeudi pour inaugurer le tramway.",
     "jeudi", "2025-03-06", PAST),
    ("fr", "2025-03-12", "Le conseil municipal doit voter le budget lundi.",
     "lundi", "2025-03-17", FUTURE),
    ("fr", "2025-03-12", "Le conseil municipal a voté le budget lundi soir.",
     "lundi soir", "2025-03-10", PAST),
    ("fr", "2025-03-12", "La grève est prévue le 18 février, selon les syndicats.",
     "le 18 février", "2026-02-18", FUTURE),
    ("fr", "2025-03-12", "La grève avait paralysé le pays le 18 février.",
     "le 18 février", "2025-02-18", PAST),
    ("fr", "2025-03-12", "Le préfet va présenter son plan en septembre.",
     "en septembre", "2025-09", FUTURE),
    ("fr", "2025-03-12", "Le préfet présentait son plan en septembre devant les élus.",
     "en septembre", "2024-09", PAST),
    ("fr", "2025-03-12", "Selon l'Élysée, le président devrait s'exprimer en avril.",
     "en avril", "2025-04", FUTURE),
    ("fr", "2025-03-12", "Il aurait été arrêté en avril, selon une source policière.",
     "en avril", "2024-04", PAST),
    # English, published Wednesday 2025-03-12
    ("en", "2025-03-12", "The council is expected to vote on the budget on Monday.",
     "on Monday", "2025-03-17", FUTURE),
    ("en", "2025-03-12", "The council voted on the budget on Monday after a long debate.",
     "on Monday", "2025-03-10", PAST),
    ("en", "2025-03-12", "The trial is set to begin in October in Paris.",
     "in October", "2025-10", FUTURE),
    ("en", "2025-03-12", "The trial began in October in Paris.",
     "in October", "2024-10", PAST),
    ("en", "2025-03-12", "The minister will travel to Brussels on 20 February.",
     "on 20 February", "2026-02-20", FUTURE),
    ("en", "2025-03-12", "The minister had travelled to Brussels on 20 February.",
     "on 20 February", "2025-02-20", PAST),
    ("en", "2025-03-12", "Officials said the plant would reopen on Friday.",
     "on Friday", "2025-03-14", FUTURE),
    ("en", "2025-03-12", "The new line is due to be formally opened on 2 March.",
     "on 2 March", "2026-03-02", FUTURE),
    ("en", "2025-03-12", "Police have arrested two suspects on Friday night.",
     "on Friday night", "2025-03-07", PAST),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "published", "text", "words", "value", "direction"), DIRECTION_CASES
)
def test_direction_follows_the_clause(
    language: str, published: str, text: str, words: str, value: str, direction: str
) -> None:
    timex = timex_at(text, words, language=language, published=published)
    assert (timex.value, timex.direction) == (value, direction)
    assert timex.anchor == published


def test_no_cue_gives_the_nearest_occurrence_and_a_past_weekday() -> None:
    # published Wednesday 2025-12-10: nearest 18 November is this year's, nearest January next
    text = "Les élections du 18 novembre. La réforme de janvier. Réunion vendredi à Paris."
    assert value_of(text, "18 novembre", "fr", "2025-12-10") == "2025-11-18"
    assert value_of(text, "de janvier", "fr", "2025-12-10") == "2026-01"
    friday = timex_at(text, "vendredi", language="fr", published="2025-12-10")
    assert (friday.value, friday.direction) == ("2025-12-05", PAST)


def test_clause_direction_cues() -> None:
    fr = "Le maire a annoncé qu'il se rendrait à Paris jeudi."
    at = fr.index("jeudi")
    assert clause_direction(fr, at, at + 5, "fr") == FUTURE  # "que" cuts "a annoncé" off
    en = "The meeting, which took place on Monday, was tense."
    at = en.index("Monday")
    assert clause_direction(en, at, at + 6, "en") == PAST
    plain = "Jeudi, réunion."
    assert clause_direction(plain, 0, 5, "fr") == NONE


# ---------------------------------------------------------------------------------------------
# Modifiers, weekdays, months, seasons, parts of months, weeks


MODIFIER_CASES = [
    # "jeudi dernier" said on a Friday: the Thursday of the previous week, 8 days before
    ("fr", "2025-11-21", "Le militant a été assassiné jeudi dernier à Marseille.",
     "jeudi dernier", "2025-11-13", "day"),
    # English "last Thursday" said on a Friday: the same rule (the previous ISO week); the day
    # before would be "yesterday"
    ("en", "2025-11-21", "The activist was killed last Thursday in Marseille.",
     "last Thursday", "2025-11-13", "day"),
    ("fr", "2025-11-17", "Le militant a été assassiné jeudi dernier à Marseille.",
     "jeudi dernier", "2025-11-13", "day"),
    ("fr", "2025-11-21", "Le conseil se réunira jeudi prochain à l'Hôtel de Ville.",
     "jeudi prochain", "2025-11-27", "day"),
    ("en", "2025-11-21", "The council will meet next Thursday at City Hall.",
     "next Thursday", "2025-11-27", "day"),
    ("fr", "2025-12-10", "Les faits remontent à novembre dernier, selon le parquet.",
     "novembre dernier", "2025-11", "month"),
    ("fr", "2025-11-18", "Les faits remontent à novembre dernier, selon le parquet.",
     "novembre dernier", "2024-11", "month"),
    ("fr", "2025-12-10", "Le texte sera examiné en mars prochain au Sénat.",
     "mars prochain", "2026-03", "month"),
    ("en", "2025-12-10", "The bill passed last March, before the summer recess.",
     "last March", "2025-03", "month"),
    ("fr", "2025-12-10", "L'été dernier, les incendies ont ravagé le massif.",
     "L'été dernier", "2025-06/2025-08", "season"),
    ("fr", "2025-07-10", "L'été dernier, les incendies ont ravagé le massif.",
     "L'été dernier", "2024-06/2024-08", "season"),
    ("fr", "2025-12-10", "Les travaux commenceront à l'été 2026.",
     "l'été 2026", "2026-06/2026-08", "season"),
    ("en", "2025-12-10", "The plant closed in the winter of 2025.",
     "winter of 2025", "2025-12/2026-02", "season"),
    ("fr", "2025-11-18", "Le président réunira les acteurs mi-décembre à l'Élysée.",
     "mi-décembre", "2025-12", "month"),
    ("fr", "2025-11-18", "La loi a été adoptée fin janvier par l'Assemblée.",
     "fin janvier", "2025-01", "month"),
    ("fr", "2025-11-18", "Le chantier doit reprendre début 2026.",
     "début 2026", "2026", "year"),
    ("en", "2025-11-18", "Sales slumped in late March and recovered in early April.",
     "late March", "2025-03", "month"),
    ("fr", "2025-11-18", "La semaine dernière, trois suspects ont été interpellés.",
     "La semaine dernière", "2025-W46", "week"),
    ("fr", "2025-11-18", "Le rapport sera publié la semaine prochaine.",
     "la semaine prochaine", "2025-W48", "week"),
    ("en", "2025-11-18", "Shares fell 4% last month and analysts expect a rebound next month.",
     "last month", "2025-10", "month"),
    ("en", "2025-11-18", "Shares fell 4% last month and analysts expect a rebound next month.",
     "next month", "2025-12", "month"),
    ("fr", "2025-11-18", "L'an dernier, le port avait saisi dix tonnes de cocaïne.",
     "L'an dernier", "2024", "year"),
    ("fr", "2025-11-18", "Cette année, la saisie record a été dépassée.",
     "Cette année", "2025", "year"),
    ("fr", "2025-11-18", "Le ministre était à Marseille hier et sera à Lyon demain.",
     "hier", "2025-11-17", "day"),
    ("fr", "2025-11-18", "Le ministre était à Marseille avant-hier et sera à Lyon après-demain.",
     "après-demain", "2025-11-20", "day"),
    ("en", "2025-11-18", "The minister was in Marseille yesterday and is in Lyon today.",
     "today", "2025-11-18", "day"),
    ("fr", "2025-11-18", "Le procès s'ouvre ce jeudi 20 novembre devant la cour d'assises.",
     "ce jeudi 20 novembre", "2025-11-20", "day"),
    ("fr", "2025-11-18", "La déchetterie sera fermée ce week-end.",
     "ce week-end", "2025-11-22/2025-11-23", "interval"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "published", "text", "words", "value", "precision"), MODIFIER_CASES
)
def test_modifiers_units_and_seasons(
    language: str, published: str, text: str, words: str, value: str, precision: str
) -> None:
    timex = timex_at(text, words, language=language, published=published)
    assert (timex.value, timex.precision) == (value, precision)


# ---------------------------------------------------------------------------------------------
# Absolute dates, ranges, open intervals, offsets


ABSOLUTE_CASES = [
    ("fr", "2025-11-18", "Le Pnaco sera installé le 1er janvier 2026 à Paris.",
     "le 1er janvier 2026", "2026-01-01", "day"),
    ("fr", "2025-11-18", "La décision du 12/03/2025 a été annulée.",
     "12/03/2025", "2025-03-12", "day"),
    ("en", "2025-11-18", "The contract was signed on March 3, 2025 in Toulouse.",
     "March 3, 2025", "2025-03-03", "day"),
    ("en", "2025-11-18", "The contract takes effect on the 3rd of March.",
     "the 3rd of March", "2026-03-03", "day"),
    ("en", "2025-11-18", "The agency opened on 1 January 2024.",
     "1 January 2024", "2024-01-01", "day"),
    ("fr", "2025-11-18", "Le festival aura lieu du 3 au 5 mars 2026.",
     "du 3 au 5 mars 2026", "2026-03-03/2026-03-05", "interval"),
    ("fr", "2025-11-18", "Le salon se tiendra du 28 décembre au 3 janvier 2026.",
     "du 28 décembre au 3 janvier 2026", "2025-12-28/2026-01-03", "interval"),
    ("en", "2025-11-18", "The summit will take place between 3 and 5 March.",
     "between 3 and 5 March", "2026-03-03/2026-03-05", "interval"),
    ("en", "2025-11-18", "The exhibition ran from March to May at the Grand Palais.",
     "from March to May", "2025-03/2025-05", "interval"),
    ("en", "2025-11-18", "It will receive six aircraft from 2026 to 2028.",
     "from 2026 to 2028", "2026/2028", "interval"),
    ("fr", "2025-11-28", "Il est député de Marseille depuis 2022.",
     "depuis 2022", "2022/..", "interval"),
    ("en", "2025-11-28", "The firm has been under investigation since 2017.",
     "since 2017", "2017/..", "interval"),
    ("fr", "2025-03-10", "Les inscriptions sont ouvertes jusqu'au 15 mars.",
     "jusqu'au 15 mars", "../2025-03-15", "interval"),
    ("en", "2025-03-10", "Registrations remain open until 15 March.",
     "until 15 March", "../2025-03-15", "interval"),
    ("fr", "2025-11-18", "Le parquet a été créé en 2020.",
     "en 2020", "2020", "year"),
    ("en", "2025-11-18", "The law was adopted in June 2025.",
     "June 2025", "2025-06", "month"),
    ("fr", "2025-11-28", "Ces quartiers existent depuis les années 80 en France.",
     "les années 80", "1980/..", "interval"),
    ("en", "2025-11-28", "Prices doubled in the 1990s.",
     "the 1990s", "1990/1999", "interval"),
    ("fr", "2025-11-28", "Il y a trois jours, la police a saisi une arme.",
     "Il y a trois jours", "2025-11-25", "day"),
    ("en", "2025-11-28", "Two years ago, the firm was fined.",
     "Two years ago", "2023", "year"),
    ("en", "2025-11-28", "Profits rose in the first quarter of 2025.",
     "first quarter of 2025", "2025-01/2025-03", "interval"),
    ("fr", "2025-11-28", "Les bénéfices ont reculé au troisième trimestre 2025.",
     "troisième trimestre 2025", "2025-07/2025-09", "interval"),
    ("fr", "2025-11-28", "Le 1er trimestre 2024 avait été meilleur.",
     "Le 1er trimestre 2024", "2024-01/2024-03", "interval"),
    ("fr", "2025-11-28", "La banque a perdu 234 millions au deuxième trimestre.",
     "deuxième trimestre", "2025-04/2025-06", "interval"),
]  # fmt: skip


def test_a_quarter_is_read_with_its_complement_and_never_as_a_count() -> None:
    """A year after "de" is the quarter's; another complement (a fiscal year) or a count
    ("consécutif") gives no date rather than the publication year's quarter (review)."""

    def read(text: str) -> list[tuple[str, str | None]]:
        return [
            (t.text, t.value) for t in find_timexes(text, language="fr", published="2025-11-28")
        ]

    assert read("Au second trimestre de 2009, le PIB a reculé.") == [
        ("second trimestre de 2009", "2009-04/2009-06")
    ]
    assert read("Le PIB recule pour le deuxième trimestre consécutif.") == []
    assert read("La perte du premier trimestre de l'exercice 2009-2010 atteint 3 M€.") == [
        ("2009-2010", "2009/2010")
    ]
    assert read("Le troisième trimestre prochain sera décisif.") == []
    assert read("au ſecond trimestre") == []  # a letter the table does not know: no crash


def test_a_quarter_without_its_year_follows_the_tense() -> None:
    """Results of the fourth quarter are reported in February: the quarter just past; a plan
    for it, the coming one — in both languages."""

    def read(text: str, language: str) -> list[tuple[str, str | None]]:
        return [
            (t.text, t.value) for t in find_timexes(text, language=language, published="2009-02-06")
        ]

    assert ("quatrième trimestre", "2008-10/2008-12") in read(
        "La banque a annoncé jeudi une perte au quatrième trimestre.", "fr"
    )
    assert read("La banque prévoit une hausse au quatrième trimestre.", "fr") == [
        ("quatrième trimestre", "2009-10/2009-12")
    ]
    assert read("The bank reported a loss in the fourth quarter.", "en") == [
        ("the fourth quarter", "2008-10/2008-12")
    ]


def test_a_quarter_without_its_year_stays_unresolved_without_a_publication_date() -> None:
    timex = timex_at(
        "Une perte nette au troisième trimestre.",
        "troisième trimestre",
        language="fr",
        published=None,
    )
    assert timex.value is None
    found = find_timexes(
        "Le trimestre prochain sera meilleur.", language="fr", published="2025-11-28"
    )
    assert [(t.text, t.value) for t in found] == [("Le trimestre prochain", "2026-01/2026-03")]


@pytest.mark.parametrize(
    ("language", "published", "text", "words", "value", "precision"), ABSOLUTE_CASES
)
def test_absolute_dates_ranges_and_intervals(
    language: str, published: str, text: str, words: str, value: str, precision: str
) -> None:
    timex = timex_at(text, words, language=language, published=published)
    assert (timex.value, timex.precision) == (value, precision)


def test_absolute_dates_have_no_anchor() -> None:
    timex = timex_at("Il est né le 6 mars 1941.", "6 mars 1941", language="fr", published=None)
    assert (timex.value, timex.anchor, timex.direction) == ("1941-03-06", None, NONE)


def test_list_of_days_sharing_a_month() -> None:
    text = "Les élections auront lieu les 6 et 13 avril prochains."
    found = find_timexes(text, language="fr", published="2025-02-24")
    assert [(t.text, t.value) for t in found] == [
        ("les 6", "2025-04-06"),
        ("13 avril prochains", "2025-04-13"),
    ]


# ---------------------------------------------------------------------------------------------
# Durations, sets, times of day, words that are not dates


def test_durations_are_not_dates() -> None:
    text = (
        "Le chantier a duré deux ans. Les grévistes ont occupé le site pendant trois jours. "
        "The plant was shut for four months."
    )
    found = find_timexes(text[:83], language="fr", published="2025-11-18")
    found += find_timexes(text[83:], language="en", published="2025-11-18")
    assert [(t.text, t.kind, t.value, t.precision) for t in found] == [
        ("deux ans", "duration", None, "unknown"),
        ("trois jours", "duration", None, "unknown"),
        ("four months", "duration", None, "unknown"),
    ]


def test_sets() -> None:
    fr = find_timexes("Le marché a lieu chaque jeudi.", language="fr", published="2025-11-18")
    en = find_timexes("The board meets every month.", language="en", published="2025-11-18")
    assert [(t.text, t.kind, t.value) for t in fr + en] == [
        ("chaque jeudi", "set", None),
        ("every month", "set", None),
    ]


def test_times_of_day_reduce_to_the_day() -> None:
    fr = "Un adolescent a été blessé jeudi après-midi, puis un autre samedi vers 21 h 45."
    thursday = timex_at(fr, "jeudi après-midi", language="fr", published="2025-11-18")
    assert (thursday.kind, thursday.value, thursday.precision) == ("time", "2025-11-13", "day")
    clock = timex_at(fr, "21 h 45", language="fr", published="2025-11-18")
    assert (clock.kind, clock.value) == ("time", "2025-11-15")
    en = "Police were called this morning after a shooting on Saturday night."
    assert value_of(en, "this morning", "en", "2025-11-18") == "2025-11-18"
    assert value_of(en, "Saturday night", "en", "2025-11-18") == "2025-11-15"


def test_words_that_are_not_dates() -> None:
    fr = (
        "Kessaci, âgé de 22 ans, a été exfiltré. La situation a été critique. "
        "Le journal 20 Minutes rapporte que 2000 personnes ont défilé sur la planète Mars."
    )
    en = "The minister may resign, she said, as 2000 employees march on the capital."
    found = find_timexes(fr, language="fr", published="2025-11-18")
    found += find_timexes(en, language="en", published="2025-11-18")
    assert found == []


# ---------------------------------------------------------------------------------------------
# Reference dates


def test_without_publication_date_only_absolute_expressions_resolve() -> None:
    text = (
        "Hier, le ministre a annoncé que la réforme entrera en vigueur en janvier. "
        "La loi du 24 juin 2025 prévoit une évaluation l'été prochain."
    )
    found = find_timexes(text, language="fr", published=None)
    assert [(t.text, t.value, t.precision, t.anchor) for t in found] == [
        ("Hier", None, "unknown", None),
        ("janvier", None, "unknown", None),
        ("24 juin 2025", "2025-06-24", "day", None),
        ("l'été prochain", None, "unknown", None),
    ]


def test_an_undated_text_gives_its_own_year_to_its_dates_without_one() -> None:
    text = (
        "Le 8 août 2008, la cérémonie a eu lieu. Le 7 avril, la flamme était passée à Paris ; "
        "en juillet, la vidéo était finie et du 3 au 5 mai, les répétitions. Samedi, les "
        "athlètes arrivent. Hier, rien. Une évaluation aura lieu l'été prochain."
    )
    found = {t.text: (t.value, t.anchor) for t in find_timexes(text, language="fr", published=None)}
    assert found["Le 7 avril"] == ("2008-04-07", "2008-08-08")
    assert found["juillet"] == ("2008-07", "2008-08-08")
    assert found["du 3 au 5 mai"] == ("2008-05-03/2008-05-05", "2008-08-08")
    # what counts from the time of writing stays unknown: it is not the date the text wrote
    assert found["Samedi"] == found["Hier"] == found["l'été prochain"] == (None, None)
    # a dated text keeps its publication date as the reference
    dated = find_timexes(text, language="fr", published="2008-08-20")
    assert {t.text: t.value for t in dated}["Le 7 avril"] == "2008-04-07"
    assert {t.text: t.anchor for t in dated}["Le 7 avril"] == "2008-08-20"


def test_the_year_an_undated_text_gives_is_not_counted_back_from() -> None:
    """The last full date an undated text wrote is no "now": a later "en juillet" in the past
    tense is in that year, not the July before it (which no text wrote)."""
    text = "Le 9 février 2007, il a parlé aux évêques. En juillet, elle confiait sa foi."
    found = {t.text: t.value for t in find_timexes(text, language="fr", published=None)}
    assert found["juillet"] == "2007-07"


def test_an_undated_text_gives_its_latest_year_to_the_paragraphs_that_write_none() -> None:
    """A yearless date with no year written in its paragraph takes the latest year the text
    writes with a month, wherever it is (not the year of an older full date far above it)."""
    text = (
        "Le comité se réunira lundi 1er septembre à Lyon.\n"
        "Le 1er juillet, la présidente avait écrit aux adhérents.\n"
        "« Nous tiendrons », déclarait-elle le 6 février 2008. Le 9 février 2007, le bureau "
        "avait voté la fusion.\n"
        "« Rien n'est joué », répétait le trésorier en juillet. Jeudi, il s'est tu.\n"
        "L'association existe depuis sa fondation en 1959."
    )
    found = {t.text: t for t in find_timexes(text, language="fr", published=None)}
    assert found["lundi 1er septembre"].value == "2008-09-01"
    assert found["Le 1er juillet"].value == "2008-07-01"
    assert found["juillet"].value == "2008-07"
    # a year alone ("en 1959") is background, not the text's time; a weekday stays unknown, and
    # a day dated so sets no reference for it
    assert found["Jeudi"].value is None
    assert found["1959"].value == "1959"


def test_the_latest_year_of_an_undated_text_is_no_deadline_and_no_contradicted_weekday() -> None:
    def value(text: str, words: str) -> str | None:
        found = {t.text: t.value for t in find_timexes(text, language="fr", published=None)}
        return found[words]

    launched = "Le projet a été lancé en août 2008.\n"
    assert value(launched + "Le festival aura lieu du 3 au 5 mai.", "du 3 au 5 mai") == (
        "2008-05-03/2008-05-05"
    )
    # 1er septembre 2010 is a Wednesday: the year contradicts the weekday
    assert (
        value(
            "Lancé en août 2010.\nLe comité se réunira lundi 1er septembre.", "lundi 1er septembre"
        )
        is None
    )
    deadline = (
        "Le plan a été présenté le 3 mars 2024.\nLa mesure s'appliquera d'ici à janvier 2030.\n"
        "Le ministre s'exprimera le 12 avril."
    )
    assert value(deadline, "le 12 avril") == "2024-04-12"
    # a paragraph that writes a year, even alone, keeps its own reading
    assert (
        value("Le festival a eu lieu en juin 2023.\nEn 2019, il s'était tenu le 3 mai.", "le 3 mai")
        is None
    )


def test_a_year_alone_gives_no_year_to_an_undated_text() -> None:
    text = (
        "Le fondateur vit à l'étranger depuis son départ en 1959.\n"
        "Le syndicat a demandé de reporter le congrès prévu le 1er décembre à Nantes. Jeudi, il "
        "a parlé."
    )
    found = {t.text: t.value for t in find_timexes(text, language="fr", published=None)}
    assert found["le 1er décembre"] is None
    assert found["Jeudi"] is None


def test_interview_date_is_the_reference_of_the_transcript() -> None:
    text = (
        "Invitée de l'émission « Questions politiques » le dimanche 9 mars, la ministre a défendu "
        "son projet.\n"
        "— Hier, j'ai reçu les syndicats. Demain, je verrai le patronat. Aujourd'hui, j'écoute.\n"
        "— Et la semaine dernière ?"
    )
    published = "2025-03-14"  # the article came out five days later
    assert value_of(text, "le dimanche 9 mars", "fr", published) == "2025-03-09"
    assert value_of(text, "Hier", "fr", published) == "2025-03-08"
    assert value_of(text, "Demain", "fr", published) == "2025-03-10"
    assert value_of(text, "Aujourd'hui", "fr", published) == "2025-03-09"
    assert value_of(text, "la semaine dernière", "fr", published) == "2025-W09"


def test_english_interview_reference() -> None:
    text = (
        "In an interview on Sunday 3 March, the mayor was blunt.\n"
        "“Yesterday we met the unions. Tomorrow we meet the employers.”"
    )
    assert value_of(text, "Yesterday", "en", "2024-03-08") == "2024-03-02"
    assert value_of(text, "Tomorrow", "en", "2024-03-08") == "2024-03-04"


def test_reported_speech_sets_a_reference_for_its_quotes_only() -> None:
    text = (
        "Le ministre a déclaré lundi 3 mars : « Hier, nous avons reçu les syndicats. » "
        "Hier, les syndicats ont répondu."
    )
    assert value_of(text, "Hier", "fr", "2025-03-07") == "2025-03-02"
    assert value_of(text, "Hier", "fr", "2025-03-07", nth=1) == "2025-03-06"


def test_in_text_reference_with_a_year_works_without_publication_date() -> None:
    text = (
        "Invité de France Inter le mardi 4 mars 2025, le député a été clair. "
        "« Demain, nous déposerons un amendement. »"
    )
    demain = timex_at(text, "Demain", language="fr", published=None)
    assert (demain.value, demain.anchor) == ("2025-03-05", "2025-03-04")


def test_an_announced_interview_sets_no_reference() -> None:
    text = "Il sera l'invité de l'émission le 30 mars. Hier, il a démissionné."
    assert value_of(text, "Hier", "fr", "2025-03-10") == "2025-03-09"


def test_anchor_tracker_and_publication_dates() -> None:
    assert parse_date("2025-11-28T09:12:00+01:00") is not None
    assert parse_date("28/11/2025") is None
    tracker = AnchorTracker("Texte.", parse_date("2025-11-28"), "fr")
    assert str(tracker.anchor_at(3)) == "2025-11-28"


# ---------------------------------------------------------------------------------------------
# Offsets and schema


def test_exact_offsets() -> None:
    text = "Réunion le 18 novembre, puis depuis l'été 2025 et jusqu'au 3 mars."
    found = find_timexes(text, language="fr", published="2025-12-10")
    assert [(t.start, t.end, t.text) for t in found] == [
        (8, 22, "le 18 novembre"),
        (29, 46, "depuis l'été 2025"),
        (50, 65, "jusqu'au 3 mars"),
    ]
    assert [t.value for t in found] == ["2025-11-18", "2025-06/..", "../2026-03-03"]


def test_values_match_the_schema_date_pattern(dossier_schema: dict[str, Any]) -> None:
    pattern = re.compile(dossier_schema["$defs"]["date"]["pattern"])
    precisions = set(dossier_schema["$defs"]["event"]["properties"]["precision"]["enum"])
    texts = [(c[0], c[2], c[3]) for c in SAMPLE_CASES]
    texts += [(c[2], c[0], c[1]) for c in DIRECTION_CASES + MODIFIER_CASES + ABSOLUTE_CASES]
    for text, language, published in texts:
        for timex in find_timexes(text, language=language, published=published):
            assert timex.value is None or pattern.fullmatch(timex.value), timex
            assert timex.precision in precisions
            assert timex.kind in ("date", "duration", "set", "time")
            assert timex.direction in (PAST, FUTURE, NONE)


def test_resolve_directly() -> None:
    anchor = parse_date("2025-11-18")
    june = Parsed(month=6)
    assert resolve(june, anchor, FUTURE).value == "2026-06"
    assert resolve(june, anchor, PAST).value == "2025-06"
    assert resolve(june, None, PAST).value is None
    assert resolve(Parsed(season="winter", year=2025), None).value == "2025-12/2026-02"
