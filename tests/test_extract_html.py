"""Main text and metadata of news pages (recoupe.extract.html), on small pages written here."""

from __future__ import annotations

import pytest

from recoupe.errors import Code, IngestError
from recoupe.extract.html import PARAGRAPH_SEPARATOR, PageExtract, _declared_charset, extract_html

# --- a French news page: cookie banner, menus, byline, related links, footer ---------------------

FR_PARAGRAPHS = (
    "La métropole Aix-Marseille-Provence a présenté mardi un plan de 48 millions d’euros destiné "
    "à limiter les dégâts des pluies méditerranéennes, après les inondations de l’automne dernier "
    "qui avaient noyé plusieurs quartiers nord de la ville.",
    "Le programme prévoit la création de six bassins de rétention, la réouverture de deux "
    "ruisseaux enterrés dans les années 1960 et le remplacement de quarante kilomètres de "
    "canalisations jugées sous-dimensionnées par les services techniques.",
    "« Nous ne pouvons plus attendre la prochaine catastrophe pour agir », a déclaré l’adjointe "
    "chargée de l’urbanisme lors d’une conférence de presse à l’hôtel de ville, en rappelant que "
    "les dommages de l’an passé avaient dépassé 30 millions d’euros.",
    "Les associations de riverains saluent l’annonce mais réclament un calendrier précis : les "
    "premiers travaux ne commenceront pas avant le printemps 2025, et certains chantiers "
    "pourraient s’étaler sur près de dix ans selon le document remis aux élus.",
    "L’opposition municipale, de son côté, dénonce un plan « tardif et incomplet » qui ne traite "
    "pas la question de l’imperméabilisation des sols dans les zones commerciales en périphérie.",
)

FR_RELATED = (
    "Municipales : la bataille des listes est lancée dans les quartiers sud",
    "Tramway : la ligne T3 prolongée jusqu’à la Castellane en 2026",
    "Calanques : la fréquentation record inquiète les gardes du parc",
)


def french_page(*, published_meta: bool = True) -> str:
    paragraphs = "\n".join(f"      <p>{p}</p>" for p in FR_PARAGRAPHS)
    related = "\n".join(
        f'        <li><a href="/marseille/{i}.html">{title}</a></li>'
        for i, title in enumerate(FR_RELATED)
    )
    meta_date = (
        '<meta property="article:published_time" content="2024-03-12T08:30:00+01:00">'
        if published_meta
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Marseille lance un plan contre les inondations – La Gazette du Midi</title>
  <meta property="og:title" content="Marseille lance un plan contre les inondations">
  <meta property="og:site_name" content="La Gazette du Midi">
  <meta name="author" content="Claire Martin">
  {meta_date}
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>Nous utilisons des cookies pour mesurer l’audience et personnaliser les publicités.
    En poursuivant votre navigation, vous acceptez leur utilisation.</p>
    <button>Tout accepter</button> <button>Paramétrer</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">La Gazette du Midi</a>
    <nav class="main-menu">
      <ul>
        <li><a href="/">Accueil</a></li>
        <li><a href="/politique">Politique</a></li>
        <li><a href="/economie">Économie</a></li>
        <li><a href="/sports">Sports</a></li>
        <li><a href="/abonnement">S’abonner</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article>
      <h1>Marseille lance un plan contre les inondations</h1>
      <p class="byline">Par <a rel="author" href="/auteurs/claire-martin">Claire Martin</a></p>
{paragraphs}
    </article>
    <aside class="related">
      <h2>À lire aussi</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer>
    <ul>
      <li><a href="/mentions-legales">Mentions légales</a></li>
      <li><a href="/contact">Nous contacter</a></li>
      <li><a href="/cgv">Conditions générales de vente</a></li>
    </ul>
    <p>© 2024 La Gazette du Midi – Tous droits réservés</p>
  </footer>
</body>
</html>"""


# --- an English news page: byline with <time datetime>, share links, newsletter prompt ----------

EN_PARAGRAPHS = (
    "City officials in Leeds approved a plan on Thursday to convert three disused office blocks "
    "near the railway station into affordable housing, adding roughly 420 flats by 2027.",
    "The council said the project would cost about £96 million, most of it borrowed against "
    "future rents, and that a third of the flats would be reserved for key workers such as "
    "nurses, teachers and bus drivers.",
    "Opposition councillors questioned whether the buildings could be insulated to modern "
    "standards at that price, pointing to a similar conversion in Bradford that ran two years "
    "late and forty per cent over budget.",
    "Construction is expected to begin next spring once the final planning conditions have been "
    "signed off, the council's head of regeneration told reporters after the vote.",
)


def english_page() -> str:
    paragraphs = "\n".join(f"    <p>{p}</p>" for p in EN_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Leeds to turn empty offices into 420 affordable flats | Northern Post</title>
  <meta property="og:site_name" content="Northern Post">
</head>
<body>
  <nav>
    <a href="/">Home</a> <a href="/news">News</a> <a href="/business">Business</a>
    <a href="/opinion">Opinion</a> <a href="/sport">Sport</a> <a href="/login">Sign in</a>
  </nav>
  <article>
    <h1>Leeds to turn empty offices into 420 affordable flats</h1>
    <div class="byline">By <span class="author">Emma Clarke</span>,
      <time datetime="2024-05-02T16:45:00+01:00">2 May 2024</time></div>
    <ul class="share">
      <li><a href="https://twitter.com/share">Share on Twitter</a></li>
      <li><a href="https://facebook.com/share">Share on Facebook</a></li>
    </ul>
{paragraphs}
    <p>Sign up to our Morning Briefing newsletter to get the day's top stories in your inbox.</p>
  </article>
  <section class="more-stories">
    <h2>More from News</h2>
    <ul>
      <li><a href="/news/1">Bus fares frozen for another year across West Yorkshire</a></li>
      <li><a href="/news/2">Hospital trust names new chief executive</a></li>
      <li><a href="/news/3">Flood defences on the Aire to be raised by a metre</a></li>
    </ul>
  </section>
  <footer>
    <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
    <p>Copyright Northern Post Media Ltd 2024</p>
  </footer>
</body>
</html>"""


def assert_clean_layout(page: PageExtract) -> None:
    assert page.text == page.text.strip()
    assert "\n\n\n" not in page.text
    assert page.visible_chars >= len(page.text)


# --- the French page ---------------------------------------------------------------------------


def test_french_page_keeps_every_paragraph_and_drops_the_furniture() -> None:
    page = extract_html(french_page(), url="https://gazette-du-midi.example/marseille/plan.html")
    for paragraph in FR_PARAGRAPHS:
        assert paragraph in page.text
    for furniture in (*FR_RELATED, "cookies", "Tout accepter", "Accueil", "Mentions légales"):
        assert furniture not in page.text
    assert "Tous droits réservés" not in page.text
    assert_clean_layout(page)


def test_french_page_paragraphs_are_separated_by_a_blank_line() -> None:
    text = extract_html(french_page()).text
    blocks = text.split(PARAGRAPH_SEPARATOR)
    for paragraph in FR_PARAGRAPHS:
        assert paragraph in blocks


def test_french_page_metadata() -> None:
    page = extract_html(french_page())
    assert page.title == "Marseille lance un plan contre les inondations"
    assert page.author == "Claire Martin"
    assert page.sitename == "La Gazette du Midi"
    assert page.published == "2024-03-12"


def test_bytes_and_text_give_the_same_extract() -> None:
    assert extract_html(french_page().encode("utf-8")) == extract_html(french_page())


def test_visible_chars_counts_the_whole_page() -> None:
    page = extract_html(french_page())
    article = sum(len(p) for p in FR_PARAGRAPHS)
    # menus, banner, related links and footer are visible too, the <head> is not
    assert article < page.visible_chars < article + 1200
    assert page.visible_chars - len(page.text) > 300


# --- the English page --------------------------------------------------------------------------


def test_english_page_keeps_the_article_and_drops_menus_and_prompts() -> None:
    page = extract_html(english_page())
    for paragraph in EN_PARAGRAPHS:
        assert paragraph in page.text
    for furniture in (
        "Sign in",
        "Share on Twitter",
        "newsletter",
        "Bus fares frozen",
        "Privacy policy",
    ):
        assert furniture not in page.text
    assert_clean_layout(page)


def test_english_page_date_from_time_element_and_author_from_byline() -> None:
    page = extract_html(english_page())
    assert page.published == "2024-05-02"
    assert page.author == "Emma Clarke"
    assert page.title == "Leeds to turn empty offices into 420 affordable flats"
    assert page.sitename == "Northern Post"


# --- broken pages ------------------------------------------------------------------------------


def test_truncated_page_still_yields_its_text() -> None:
    html = english_page()
    third = EN_PARAGRAPHS[2]
    cut = html.index(third) + len(third) // 2  # in the middle of the third paragraph
    page = extract_html(html[:cut].encode("utf-8"))
    assert EN_PARAGRAPHS[0] in page.text
    assert EN_PARAGRAPHS[1] in page.text
    assert third[: len(third) // 2].strip() in page.text
    assert EN_PARAGRAPHS[3] not in page.text


def test_malformed_markup_is_recovered() -> None:
    # unclosed paragraphs and a stray closing tag, as hand-written pages have them
    body = "".join(f"<p>{p}\n" for p in EN_PARAGRAPHS)
    html = f"<html><head><title>Leeds</title></head><body><div><article>{body}</div></span></body>"
    page = extract_html(html)
    for paragraph in EN_PARAGRAPHS:
        assert paragraph in page.text


# --- encodings ---------------------------------------------------------------------------------

CP1252_PARAGRAPHS = (
    "Le préfet des Bouches-du-Rhône a annoncé l’ouverture d’une enquête après l’effondrement "
    "d’un mur de soutènement rue d’Aubagne, qui n’a fait aucune victime.",
    "Les habitants de l’immeuble voisin ont été évacués par précaution et relogés à l’hôtel "
    "pour au moins une semaine, le temps que les experts rendent leur rapport.",
    "La mairie a assuré qu’une réunion publique serait organisée dès jeudi soir à l’école "
    "élémentaire du quartier pour répondre aux questions des riverains inquiets.",
)


def cp1252_page(declaration: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in CP1252_PARAGRAPHS)
    html = f"""<html lang="fr"><head>{declaration}
<title>Effondrement d’un mur rue d’Aubagne</title></head>
<body><nav><a href="/">Accueil</a> <a href="/faits-divers">Faits divers</a></nav>
<article><h1>Effondrement d’un mur rue d’Aubagne</h1>
{paragraphs}</article></body></html>"""
    return html.encode("cp1252")


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_windows_1252_page_decodes_accents_and_curly_apostrophes(declaration: str) -> None:
    data = cp1252_page(declaration)
    assert b"\x92" in data and b"\xe9" in data  # the ’ and é of Windows-1252
    page = extract_html(data)
    for paragraph in CP1252_PARAGRAPHS:
        assert paragraph in page.text
    assert page.title == "Effondrement d’un mur rue d’Aubagne"


# --- no article --------------------------------------------------------------------------------


def test_page_without_article_text_raises_no_text() -> None:
    html = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion – La Gazette du Midi</title></head>
<body>
  <header><nav><ul>
    <li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
    <li><a href="/economie">Économie</a></li><li><a href="/sports">Sports</a></li>
  </ul></nav></header>
  <main>
    <form action="/login" method="post">
      <label for="email">Adresse e-mail</label> <input id="email" name="email" type="email">
      <label for="pw">Mot de passe</label> <input id="pw" name="pw" type="password">
      <button type="submit">Se connecter</button>
    </form>
  </main>
  <footer><a href="/mentions-legales">Mentions légales</a> <a href="/contact">Contact</a></footer>
</body></html>"""
    with pytest.raises(IngestError) as caught:
        extract_html(html)
    assert caught.value.code == Code.NO_TEXT
    assert caught.value.message  # says what to do


@pytest.mark.parametrize("html", ["", "   \n", b"", "<html><body></body></html>"])
def test_empty_pages_raise_no_text(html: str | bytes) -> None:
    with pytest.raises(IngestError) as caught:
        extract_html(html)
    assert caught.value.code == Code.NO_TEXT


# --- dates that are not the page's --------------------------------------------------------------


def test_sidebar_and_footer_dates_are_not_the_publication_date() -> None:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in FR_PARAGRAPHS)
    html = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Marseille lance un plan contre les inondations</title></head>
<body>
  <div class="layout">
    <div class="content">
      <h1>Marseille lance un plan contre les inondations</h1>
      <p class="byline">Par Claire Martin</p>
      {paragraphs}
    </div>
    <div class="sidebar">
      <h3>Les plus lus</h3>
      <ul>
        <li><a href="/a">Tramway : la ligne T3 prolongée</a> <span class="date">11/03/2024</span></li>
        <li><a href="/b">Calanques : fréquentation record</a> <span class="date">09/03/2024</span></li>
        <li><a href="/c">Municipales : les listes</a> <span class="date">2024-03-08 18:30</span></li>
      </ul>
    </div>
  </div>
  <div class="footer">Mis à jour le 14 mars 2024 à 10 h 02 – © La Gazette du Midi</div>
</body></html>"""
    page = extract_html(html)
    assert FR_PARAGRAPHS[0] in page.text
    assert page.published is None


def test_date_in_the_url_alone_is_not_used() -> None:
    page = extract_html(
        french_page(published_meta=False), url="https://example.org/2023/01/05/plan"
    )
    assert page.published is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1252">', "windows-1252"),
        (b"<meta charset=ISO-8859-15>", "ISO-8859-15"),
        (b'<meta http-equiv="content-type" content="text/html;charset=iso-8859-1">', "iso-8859-1"),
        (b'<?xml version="1.0" encoding="Windows-1252"?>', "Windows-1252"),
        (b'<meta name="description" content="charset-free">', None),
    ],
)
def test_declared_charset_is_read_from_the_start_of_the_page(
    head: bytes, expected: str | None
) -> None:
    assert _declared_charset(b"<html><head>" + head + b"<title>t</title></head>") == expected
