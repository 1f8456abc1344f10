"""Plain-text scrapes: the article stays whole, the page furniture goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recoupe.extract.plaintext import CleanText, clean_plain_text

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIRS = (REPO / "examples" / "marseille", Path("/work/shared/samples"))
CLEAN_SAMPLES = (
    "000_a525c651693afeac.txt",
    "001_204cd760b12bbebc.txt",
    "002_9f8668ebc6e02a59.txt",
    "003_2b07a52492acf864.txt",
)
SCRAPE_SAMPLE = "004_013d602068690aab.txt"


@pytest.fixture
def sample() -> Callable[[str], str]:
    """Read a sample article from ``examples/marseille/`` (or the shared folder before the copy)."""

    def load(name: str) -> str:
        for folder in SAMPLE_DIRS:
            path = folder / name
            if path.is_file():
                return path.read_text(encoding="utf-8")
        pytest.skip(f"sample {name} not available")

    return load


def lines_with_letters(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if any(c.isalpha() for c in line)]


def assert_kept(result: CleanText, paragraphs: list[str]) -> None:
    kept = set(lines_with_letters(result.text))
    missing = [p for p in paragraphs if p.strip() not in kept]
    assert not missing, f"article lines lost: {missing}"


def assert_dropped(result: CleanText, furniture: list[str]) -> None:
    leaked = [f for f in furniture if f in result.text]
    assert not leaked, f"furniture kept: {leaked}"


# --- a French regional daily: flat menu, cookie banner, byline with "|", comments -------------

FR_HEADER = """Aller au contenu
Le Courrier du Sud
Menu
Politique
Société
Économie
Sport
Culture
Se connecter
S'abonner
Nous utilisons des cookies pour améliorer votre expérience de navigation et mesurer l'audience. En poursuivant votre navigation, vous acceptez leur utilisation.
Tout accepter
Tout refuser
Paramétrer
Accueil > Société > Justice
"""
FR_TITLE = "Trafic de drogue : le préfet annonce un plan pour les quartiers nord"
FR_BYLINE = "Par Jeanne Martin | Publié le 12/03/2025 à 10h05 | Mis à jour le 13/03/2025 à 08h00"
FR_SHARE = """Partager :
Facebook
Twitter
E-mail
"""
FR_ARTICLE = [
    "Le préfet de police a présenté mardi un plan de lutte contre le trafic de drogue dans les"
    " quartiers nord de la ville, après une série de règlements de comptes qui ont fait six"
    " morts depuis janvier.",
    '"Nous allons reprendre le terrain, immeuble par immeuble", a déclaré le préfet lors d\'une'
    " conférence de presse à la préfecture.",
    "Le plan prévoit plusieurs mesures :",
    "• Le recrutement de 150 enquêteurs supplémentaires d'ici à la fin de l'année.",
    "• La création d'une cellule de saisie des avoirs criminels auprès du tribunal.",
    "• Des patrouilles renforcées aux abords des écoles et des arrêts de bus.",
    "Des moyens jugés insuffisants",
    "Les associations de quartier saluent l'annonce mais doutent de sa durée. \"On a déjà vu"
    " des plans, ils s'arrêtent quand les caméras repartent\", regrette une responsable"
    " associative.",
    "Le maire a demandé que les effectifs promis soient affectés durablement à la ville, et non"
    " redéployés après l'été comme lors des précédentes opérations.",
]
FR_INLINE_LINKS = [
    "Lire aussi : Règlements de comptes : la ville sous le choc après une nouvelle fusillade",
    "Drogue : ce que contient la nouvelle loi",
]
FR_FOOTER = """Tags : drogue, police, préfecture
Publicité
3 commentaires
Laisser un commentaire
Paul D.
12 mars 2025 à 11h20
Enfin une annonce concrète, mais il faudra voir les résultats sur le terrain dans six mois, pas seulement des promesses.
Répondre
Sophie
12 mars 2025 à 12h02
Les habitants attendent ces mesures depuis des années et plus personne n'y croit vraiment dans le quartier.
Répondre
Les plus lus
Incendie dans un entrepôt du port : trois blessés
12 mars 2025
Élections municipales : les listes déposées
11 mars 2025
Inscrivez-vous à notre newsletter
© 2025 Le Courrier du Sud. Tous droits réservés.
Mentions légales
Politique de confidentialité
"""


def fr_scrape() -> str:
    a = FR_ARTICLE
    body = "\n".join(
        [
            a[0],
            a[1],
            FR_INLINE_LINKS[0],
            *a[2:7],
            a[7],
            "À lire aussi",
            FR_INLINE_LINKS[1],
            a[8],
        ]
    )
    return f"{FR_HEADER}{FR_TITLE}\n{FR_BYLINE}\n{FR_SHARE}{body}\n{FR_FOOTER}"


def test_french_scrape_keeps_article_with_list_and_intertitle() -> None:
    result = clean_plain_text(fr_scrape())
    assert_kept(result, FR_ARTICLE)
    assert result.text.startswith(FR_ARTICLE[0])
    assert result.text.endswith(FR_ARTICLE[-1])


def test_french_scrape_drops_furniture() -> None:
    result = clean_plain_text(fr_scrape())
    furniture = [
        *FR_INLINE_LINKS,
        *[line for line in (FR_HEADER + FR_SHARE + FR_FOOTER).splitlines() if len(line) > 3],
        FR_TITLE,
        FR_BYLINE,
    ]
    assert_dropped(result, furniture)


def test_french_scrape_metadata() -> None:
    result = clean_plain_text(fr_scrape())
    assert result.title == FR_TITLE
    assert result.author == "Jeanne Martin"
    assert result.published == "2025-03-12"
    raw = fr_scrape()
    assert result.removed_chars == len(raw) - len(result.text)


# --- an English site: "|" navigation, "By … | Published …", related stories, newsletter -----

EN_HEADER = """Skip to content
The Harbour Post
Home | World | Business | Sport | Opinion
Sign in
Subscribe
We use cookies to personalise content and ads and to analyse our traffic. By clicking "Accept all" you consent to our use of cookies.
Accept all
Reject all
World
"""
EN_TITLE = "Police chiefs promise crackdown on port city drug gangs"
EN_BYLINE = "By Jane Smith | Published March 3, 2025"
EN_ARTICLE = [
    "Police chiefs on Monday promised a sweeping crackdown on the drug gangs that control parts"
    " of the port city, after a weekend of violence left three young men dead.",
    "The interior ministry said it would send two additional riot police units and a team of"
    " financial investigators to trace the gangs' assets.",
    "The plan includes the following measures:",
    "- Hiring 1,500 more investigators by 2027, with a focus on money laundering.",
    "- Creating a national prosecutor's office dedicated to organised crime.",
    "- Installing scanners in the main container terminals to detect shipments.",
    "Local officials welcomed the announcement but said similar promises had been made before."
    ' "We need people on the ground for years, not weeks," said one councillor.',
    "The minister is expected to visit the city later this month to meet families of victims"
    " and local associations.",
    "(Reporting by Jane Smith; editing by Tom Brown)",
]
EN_FOOTER = """Related stories
Drug seizures hit record high at northern ports
March 2, 2025
Mayor calls for state of emergency in city
February 27, 2025
Sign up to our daily newsletter
Get the day's top stories delivered to your inbox every morning.
© 2025 Harbour Post Media Ltd. All rights reserved.
Privacy policy | Terms of use
"""


def en_scrape() -> str:
    a = EN_ARTICLE
    body = "\n\n".join(
        [
            a[0],
            a[1],
            "Read more: Port city mourns teenager killed in crossfire",
            "\n".join(a[2:6]),
            a[6],
            "Advertisement",
            a[7],
            a[8],
        ]
    )
    return f"{EN_HEADER}{EN_TITLE}\n{EN_BYLINE}\nShare\nFacebook Twitter LinkedIn Email\n\n{body}\n\n{EN_FOOTER}"


def test_english_scrape() -> None:
    result = clean_plain_text(en_scrape())
    assert_kept(result, EN_ARTICLE)
    assert_dropped(
        result,
        [
            "Read more",
            "Advertisement",
            "Facebook Twitter",
            EN_TITLE,
            EN_BYLINE,
            *[line for line in (EN_HEADER + EN_FOOTER).splitlines() if len(line) > 3],
        ],
    )
    assert result.title == EN_TITLE
    assert result.author == "Jane Smith"
    assert result.published == "2025-03-03"
    # paragraphs keep their blank-line separation; the list keeps its line breaks
    assert "\n".join(EN_ARTICLE[2:6]) in result.text
    assert f"{EN_ARTICLE[1]}\n\n{EN_ARTICLE[2]}" in result.text  # "Read more" gap -> one blank


def test_english_byline_with_comma_date_and_no_title_repeat() -> None:
    raw = (
        "MENU\nNews\nSport\nLife\nSearch\n"
        "Harbour gangs face new law\n"
        "By Tom Brown, March 4, 2025\n\n"
        + "\n\n".join(EN_ARTICLE[:2])
        + "\n\nYou might also like\nNew ferry line opens\nMarch 1, 2025\n"
    )
    result = clean_plain_text(raw)
    assert result.author == "Tom Brown"
    assert result.published == "2025-03-04"
    assert result.title == "Harbour gangs face new law"
    assert result.text == "\n\n".join(EN_ARTICLE[:2])


def test_no_year_no_date_and_sidebar_dates_ignored() -> None:
    raw = (
        "lundi 12 janvier - 9 h 12 min\n"
        "Accueil\nContact\nNewsletter\n"
        "Par Jean Dupont\n\n"
        + "\n\n".join(FR_ARTICLE[:2])
        + "\n\nDerniers articles\nIncendie au port : trois blessés\n11 janvier 2026\n"
        "Municipales : les listes déposées\n10 janvier 2026\n"
    )
    result = clean_plain_text(raw)
    assert result.author == "Jean Dupont"
    assert result.published is None
    assert result.title is None  # nothing heading-like above the byline
    assert result.text == "\n\n".join(FR_ARTICLE[:2])


def test_title_from_breadcrumb_repeat() -> None:
    title = "Le port renforce ses contrôles de conteneurs"
    raw = (
        f"Accueil » Économie » {title}\nÉconomie\n\n{title}\n\n"
        "Partager\nFacebook Twitter Email\n\n" + "\n\n".join(FR_ARTICLE[:2]) + "\n"
    )
    result = clean_plain_text(raw)
    assert result.title == title
    assert result.author is None
    assert result.published is None
    assert title not in result.text


def test_short_list_closing_the_article_and_bulleted_read_also_links() -> None:
    intro = "Les principales mesures :"
    items = [
        "• 200 douaniers supplémentaires",
        "• Des scanners dans cinq ports",
        "• Une cellule de renseignement commune",
    ]
    links = ["• Saisie record de cocaïne dans un port du Nord", "• Les dockers sous pression"]
    raw = "\n".join(
        [
            "Accueil",
            "Newsletter",
            "Ports : le plan anti-drogue du gouvernement",
            "Par Luc Moreau, publié le 4 avril 2025 à 9h00",
            *FR_ARTICLE[:2],
            intro,
            *items,
            "À lire aussi :",
            *links,
            "",
            "Partager",
            "Facebook Twitter Email",
        ]
    )
    result = clean_plain_text(raw)
    assert result.text == "\n".join([*FR_ARTICLE[:2], intro, *items])
    assert (result.title, result.author, result.published) == (
        "Ports : le plan anti-drogue du gouvernement",
        "Luc Moreau",
        "2025-04-04",
    )


def test_photo_credit_and_two_line_byline() -> None:
    raw = (
        "Home\nNews\nBy Anna Lee\nMarch 3, 2025 5:00 PM EST\n"
        f"{EN_ARTICLE[0]}\nPhoto: Reuters\nShare\nFacebook Twitter\n"
    )
    result = clean_plain_text(raw)
    assert result.text == EN_ARTICLE[0]
    assert (result.title, result.author, result.published) == (None, "Anna Lee", "2025-03-03")


# --- the already-clean samples, bare and wrapped in another site's furniture -----------------


@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_sample_unchanged(sample: Callable[[str], str], name: str) -> None:
    raw = sample(name)
    result = clean_plain_text(raw)
    assert result.text == raw.strip("\n")
    assert result.removed_chars == len(raw) - len(raw.strip("\n"))


WRAP_HEADER = """Accueil
Menu
International | France | Économie | Sport
Se connecter
Nous utilisons des cookies et des traceurs pour mesurer l'audience et personnaliser les publicités. Vous pouvez accepter ou paramétrer vos choix.
Accepter
Partager
Facebook Twitter LinkedIn Email WhatsApp

"""
WRAP_FOOTER = """

Partager cet article
Article suivant
Les maires du littoral réclament plus de moyens
À propos de l'auteur
Marie Dubois est journaliste au service société depuis 2015, spécialiste des questions de sécurité et de justice, après dix ans passés dans la presse régionale.
Vous aimerez aussi
Quatre interpellations après une fusillade
Un nouveau préfet nommé à Marseille
12 commentaires
© 2025 Groupe Presse. Tous droits réservés.
"""


@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_sample_inside_furniture_keeps_every_line(
    sample: Callable[[str], str], name: str
) -> None:
    raw = sample(name)
    result = clean_plain_text(WRAP_HEADER + raw + WRAP_FOOTER)
    assert lines_with_letters(result.text) == lines_with_letters(raw)
    assert_dropped(result, [line for line in (WRAP_HEADER + WRAP_FOOTER).splitlines() if line])


# --- the real scrape ---------------------------------------------------------------------------


def test_scrape_sample_article_only(sample: Callable[[str], str]) -> None:
    raw = sample(SCRAPE_SAMPLE)
    result = clean_plain_text(raw)
    text = result.text
    assert text.startswith("En tant qu’invité politique")
    assert text.endswith("Cliquez sur la vidéo pour regarder l’entretien en intégralité.")
    # every paragraph of the article, in order, nothing else inside
    raw_lines = raw.splitlines()
    first = next(i for i, line in enumerate(raw_lines) if line.startswith("En tant qu’invité"))
    last = next(i for i, line in enumerate(raw_lines) if line.startswith("Cliquez sur la vidéo"))
    assert lines_with_letters(text) == lines_with_letters("\n".join(raw_lines[first : last + 1]))
    assert "\n\n" in text and "\n\n\n" not in text
    for furniture in (
        "Article précédent",
        "Vous aimerez aussi",
        "est un entrepreneur français",  # author bio
        "Présidentielle 2027",
        "Redevenu central au PS",
        "Toute reproduction interdite",
        "Newsletter",
        "Partager",
        "Facebook",
        "lundi 12 janvier",
        "★",
    ):
        assert furniture not in text
    assert result.title is not None and result.title.startswith("Narcotrafic: Manuel Bompard")
    assert result.author == "David Bensoussan"
    assert result.published == "2025-11-28"
    assert result.removed_chars == len(raw) - len(text)


# --- edge cases --------------------------------------------------------------------------------


def test_empty_and_furniture_only() -> None:
    assert clean_plain_text("") == CleanText("", None, None, None, 0)
    menu = "Accueil\nContact\nNewsletter\n© 2025 Exemple\n"
    result = clean_plain_text(menu)
    assert result.text == ""
    assert result.removed_chars == len(menu)


def test_crlf_and_trailing_spaces() -> None:
    raw = "Accueil\r\nNewsletter\r\n\r\n" + "\r\n\r\n".join(p + "  " for p in FR_ARTICLE[:2])
    result = clean_plain_text(raw)
    assert result.text == "\n\n".join(FR_ARTICLE[:2])
