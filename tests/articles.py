"""Realistic news text written for the tests (not taken from any outlet)."""

from __future__ import annotations

FRENCH = """La mairie de Lyon a présenté mardi un plan de rénovation des écoles, chiffré à 120 millions d'euros sur six ans.
Selon l'adjointe chargée de l'éducation, les premiers chantiers commenceront à l'été dans les arrondissements les plus anciens.
« Nous avons trop attendu, et les enfants en paient le prix », a-t-elle déclaré devant le conseil municipal, où l'opposition a dénoncé un calendrier électoral.
Le préfet du Rhône doit encore valider le financement de l'État, attendu pour la fin du mois de mars."""

ENGLISH = """The city council of Leeds approved on Monday a plan to rebuild three flood barriers along the river, at a cost of 45 million pounds.
Officials said work would start in the spring and last two years, with the first barrier due to open in 2027.
"We cannot wait for the next storm to find out whether the old walls hold," the council leader told reporters after the vote.
Residents who were flooded in 2020 welcomed the decision but asked for a compensation scheme."""

SPANISH = """El ayuntamiento de Valencia aprobó el lunes un plan para renovar las escuelas públicas de la ciudad.
Según la concejala de educación, las obras comenzarán en verano y durarán dos años."""


def html_page(
    title: str, body: str, *, charset: str = "utf-8", published: str | None = None
) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.splitlines())
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>
<body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>© 2026 Le Journal — Tous droits réservés</footer>
</body></html>"""
