"""Clean a plain-text scrape of a news page: keep the article, drop the page furniture.

A page saved as flat text keeps, around the article, the site's menus, share buttons, breadcrumb,
"previous/next article" links, lists of other headlines, the author's bio, newsletter, comment
and copyright lines. Nothing here knows any site: the method only uses the shape of the lines,
French and English stopwords and a small lexicon of boilerplate cues common to news sites.

1. **Classify every line** (after jusText): *good* when it reads as prose (a sentence of four
   words or more ending with terminal punctuation, or a line of 200+ characters, with enough
   stopwords); *bad* when it is a boilerplate cue ("Partager", "Lire aussi :", "©",
   "Newsletter", "Photo :", cookie banner…), a row of share buttons, a breadcrumb, a byline
   or a bare date (:func:`~recoupe.extract.dateline.looks_like_dateline`); *end* for cues
   that close an article ("Article suivant", "Vous aimerez aussi", "Related stories",
   comments); *weak* for lines repeated in the page, short bulleted items without a sentence
   (menus) and capitalised word runs without stopwords; *neutral* otherwise (intertitles,
   headlines, short answers).
   Lines without letters are ignored for scoring and never output.
2. **Pick the main region** as the maximum-sum run of lines (Kadane): a good line scores its
   length, other lines a penalty ``base × k`` where ``k`` counts the non-good lines since the
   last good one (base: neutral 10, weak and bad 60, end 300). A lone "Lire aussi" inside the
   article costs little; a menu, a "previous/next" block or a list of headlines grows
   quadratically and walls the article off from an author bio or a comment below it. The
   region is then extended downward over at most two neutral lines (a closing "(With
   newswires)" or signature) and the items of a list it opens, never upward: a headline above
   the article stays outside. Short bulleted items right after a line ending with ":" are a
   list of the text (neutral), not a menu.
3. **Clean inside the region**: drop bad and end lines, the headlines that follow a bare
   "Lire aussi"/"Read more" cue, and letterless lines. Neutral and weak lines stay: intertitles,
   bulleted lists and headlines quoted in the article are content there.
4. A text with no bad, end or weak line at all is already clean: it is returned whole.
5. **Metadata, without guessing**: author and date come from a byline within the eight
   non-blank lines before the region or on its first line
   (:func:`~recoupe.extract.dateline.find_dateline`: a date needs a year; a scrape-time header
   or the dates of related links after the article are never read). The title is the
   heading-like line just above the region that the page repeats (in a breadcrumb or a
   ``title | site`` line), else the heading-like line right above the byline, else None.

``CleanText.text`` keeps the original line breaks of the kept lines (trailing spaces removed).
Where lines were dropped between two kept lines, the gap becomes one blank line if it held a
blank line, else a single line break; gaps without dropped lines are kept as they were. Leading
and trailing blank lines are removed. Cost: a few regular expressions per line, linear in the
size of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from recoupe.extract.dateline import find_dateline, looks_like_dateline

__all__ = ["CleanText", "clean_plain_text"]


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article text of a scrape, its headline, author and publication date."""

    text: str  # original line breaks of the kept lines; no leading/trailing blank lines
    title: str | None
    author: str | None
    published: str | None  # YYYY-MM-DD
    removed_chars: int  # len(input) - len(text)


_FR_STOP = _words(
    """
    le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où ce
    cet cette ces c se s sa son ses leur leurs il ils elle elles on nous vous je j tu me m te t
    lui y en ne n pas plus est sont été être a ont avait avaient sera seront était étaient fait
    faire avec sans pour par sur sous dans entre vers chez depuis pendant avant après comme
    aussi très tout tous toute toutes même si alors ainsi encore déjà mon ma mes ton ta tes
    notre nos votre vos cela ça ceci celui celle ceux celles lors aujourd hui selon contre quand
    bien peut doit non oui autre autres dont afin
    """
)
_EN_STOP = _words(
    """
    the a an and or but if of to in on at by for with from as is are was were be been being have
    has had do does did not no it its this that these those he she they we you i his her their
    our your my me him them us who whom which what when where why how than then there here so
    such can could will would shall should may might must also more most other some any all each
    both about into over after before between under again once only own same too very just said
    says up out new one two last
    """
)
_PLATFORMS = _words(
    """
    facebook twitter x linkedin pinterest email e mail whatsapp telegram reddit messenger rss
    youtube instagram tiktok threads bluesky mastodon flipboard tumblr viber snapchat google
    imprimer print copier copy lien link partager share tweet sms
    """
)
_BULLET = re.compile(r"^\s*(?:[•·▪▫◦‣∙●○■□►▶➤✓✔*+]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
_WORD = re.compile(r"[^\W\d_]+")
_CLOSERS = "\"'”’»)]*"
_TERMINAL = ".!?…"
_SPACE_RUN = re.compile(r"\s+")


def _alternation(cues: str) -> str:
    words = {c.strip() for c in cues.split("\n") if c.strip()}
    variants = set(words) | {w.replace("'", "’") for w in words}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


# Cue lexicons (casefolded; "'" also matches "’"). A cue counts when the line starts with it and
# the rest is empty, a separator, a count, or (for _PHRASE cues) anything on a short non-sentence.
_WHOLE_CUES = """
accueil
home
menu
fermer
close
close menu
contact
contactez-nous
nous contacter
contact us
about us
qui sommes-nous
qui sommes-nous ?
à propos
rechercher
recherche
search
imprimer
print
signaler
report
s'inscrire
register
connexion
se connecter
log in
login
sign in
mon compte
my account
publicité
advertisement
sponsored
contenu sponsorisé
rss
à la une
top stories
accepter
tout accepter
refuser
tout refuser
j'accepte
accept
accept all
reject all
decline
ok
personnaliser
paramétrer
retour en haut
haut de page
back to top
voir plus
afficher plus
charger plus
see more
show more
load more
en savoir plus
learn more
lire la suite
continue reading
aller au contenu
skip to content
plan du site
sitemap
"""
_PHRASE_CUES = """
partager
partagez
share
share this
share on
newsletter
inscrivez-vous
abonnez-vous
s'abonner
déjà abonné
subscribe
sign up
suivez-nous
retrouvez-nous
follow us
tags
mots-clés
mots clés
topics
crédit photo
crédits photo
photo credit
image credit
mentions légales
politique de confidentialité
privacy policy
terms of use
conditions générales
gérer mes choix
continuer sans accepter
manage preferences
manage cookies
lire aussi
à lire aussi
a lire aussi
à lire également
lire également
voir aussi
à voir aussi
read more
read also
also read
see also
more on this
sur le même sujet
sur le même thème
dans la même rubrique
"""
_READ_ALSO = """
lire aussi
à lire aussi
a lire aussi
à lire également
lire également
voir aussi
à voir aussi
read more
read also
also read
see also
more on this
sur le même sujet
sur le même thème
related
"""
_END_CUES = """
vous aimerez aussi
vous aimerez peut-être
vous pourriez aussi aimer
à découvrir aussi
you may also like
you might also like
related
related stories
related articles
related posts
related content
articles similaires
articles liés
articles connexes
derniers articles
dernières actualités
dernières infos
latest news
latest stories
latest articles
most read
most popular
les plus lus
les plus populaires
les plus partagés
commentaires
comments
réactions
laisser un commentaire
laissez un commentaire
leave a comment
leave a reply
post a comment
add a comment
commenter cet article
commenter
répondre
reply
à propos de l'auteur
about the author
recommandé pour vous
recommended for you
recommended
more stories
more from
plus d'actualités
"""
_GLUED_END_CUES = """
article précédent
article suivant
previous article
next article
previous post
next post
previous story
next story
"""
_CREDIT_CUES = """
photo
photos
image
images
illustration
crédit
crédits
credit
credits
légende
caption
"""
_SEPARATORS = ":|»›>-–—•·(/"
_CREDIT_RE = re.compile(rf"^(?:{_alternation(_CREDIT_CUES)})(?P<after>.*)$", re.DOTALL)
_WHOLE_RE = re.compile(rf"^(?:{_alternation(_WHOLE_CUES)})(?P<after>.*)$", re.DOTALL)
_PHRASE_RE = re.compile(rf"^(?:{_alternation(_PHRASE_CUES)})(?P<after>.*)$", re.DOTALL)
_READ_ALSO_RE = re.compile(rf"^(?:{_alternation(_READ_ALSO)})(?P<after>.*)$", re.DOTALL)
_END_RE = re.compile(rf"^(?:{_alternation(_END_CUES)})(?P<after>.*)$", re.DOTALL)
_GLUED_END_RE = re.compile(rf"^(?:{_alternation(_GLUED_END_CUES)})")
_COUNT_RE = re.compile(
    r"^\(?\d+\)?\s*(?P<what>commentaires?|comments?|réactions?|responses?|réponses?|partages?|"
    r"shares?|likes?|vues|views|lectures?)\b"
)
_ANYWHERE_RE = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|tous droits réservés|all rights reserved|toute reproduction|"
    r"reproduction interdite|droits de reproduction|javascript"
)
_COOKIE_RE = re.compile(
    r"cookie|traceurs|consentement|consent\b",
)
_COOKIE_CONTEXT_RE = re.compile(
    r"accept|consent|navigation|utilis|we use|paramétr|préférences|preferences|partenaires|"
    r"partners|expérience|experience|personnalis"
)
_BREADCRUMB_SEPARATORS = ("»", "›", " > ", " | ", " / ", "→", " • ", " · ", "⟩")
_SHORT_LINE = 60
_CUE_MAX = 250


class _Kind(IntEnum):
    BLANK = 0
    JUNK = 1  # no letters
    GOOD = 2
    NEUTRAL = 3
    WEAK = 4  # repeated, short bullet, capitalised run: bad for scoring, kept inside the region
    BAD = 5  # furniture: dropped everywhere
    END = 6  # furniture that closes an article


_BASE_PENALTY = {_Kind.NEUTRAL: 10, _Kind.WEAK: 60, _Kind.BAD: 60, _Kind.END: 300}
_MAX_TAIL_NEUTRAL = 2
_WINDOW_BEFORE = 8
_TITLE_WINDOW = 8


@dataclass(slots=True)
class _Line:
    text: str  # right-stripped original line
    kind: _Kind
    read_also: bool = False  # a bare "Lire aussi" cue: the next lines are its links
    bullet: bool = False


def _norm(line: str) -> str:
    return _SPACE_RUN.sub(" ", line.replace("’", "'").casefold()).strip()


def _ends_sentence(body: str) -> bool:
    tail = body.rstrip()
    while tail and tail[-1] in _CLOSERS:
        tail = tail[:-1].rstrip()
    return bool(tail) and tail[-1] in _TERMINAL


def _after_is_separator(after: str) -> bool:
    rest = after.strip()
    return not rest or rest[0] in _SEPARATORS or rest[0].isdigit()


def _cue_kind(low: str, sentence: bool) -> tuple[_Kind, bool] | None:
    """Kind of a boilerplate cue line (casefolded body), and whether it is a bare read-also cue."""
    if len(low) > _CUE_MAX:
        return None
    short = len(low) <= _SHORT_LINE and not sentence
    if _GLUED_END_RE.match(low):
        return _Kind.END, False
    count = _COUNT_RE.match(low)
    if count and len(low) <= _SHORT_LINE:
        what = count.group("what")
        closing = what.startswith(("comment", "réaction", "response", "réponse"))
        return (_Kind.END if closing else _Kind.BAD), False
    end = _END_RE.match(low)
    if end and (_after_is_separator(end.group("after")) or (short and len(low) <= 40)):
        bare = not end.group("after").strip(" :-–—>»›|")
        return _Kind.END, bare and bool(_READ_ALSO_RE.match(low))
    read = _READ_ALSO_RE.match(low)
    if read:
        after = read.group("after")
        if not after.strip(" :-–—>»›|"):
            return _Kind.BAD, True
        if _after_is_separator(after) or short:
            return _Kind.BAD, False
    phrase = _PHRASE_RE.match(low)
    if phrase and (_after_is_separator(phrase.group("after")) or short):
        return _Kind.BAD, False
    whole = _WHOLE_RE.match(low) or _CREDIT_RE.match(low)
    if whole and _after_is_separator(whole.group("after")):
        return _Kind.BAD, False
    if len(low) <= 200 and (_ANYWHERE_RE.search(low) or "newsletter" in low):
        return _Kind.BAD, False
    if len(low) <= 600 and _COOKIE_RE.search(low) and _COOKIE_CONTEXT_RE.search(low):
        return _Kind.BAD, False
    return None


def _is_breadcrumb(body: str, terminal: bool) -> bool:
    if terminal:
        return False
    for sep in _BREADCRUMB_SEPARATORS:
        if sep in body:
            parts = [p.strip() for p in body.split(sep)]
            if len(parts) < 2 or not all(parts[:-1]):
                continue
            heads = parts[:-1] if len(parts) > 2 else parts
            if all(len(p.split()) <= 4 for p in heads):
                return True
    return False


def _classify(raw: str, repeated: bool) -> _Line:
    text = raw.rstrip()
    stripped = text.strip()
    if not stripped:
        return _Line(text, _Kind.BLANK)
    if not any(c.isalpha() for c in stripped):
        return _Line(text, _Kind.NEUTRAL if any(c.isdigit() for c in stripped) else _Kind.JUNK)
    bullet_match = _BULLET.match(stripped)
    bullet = bullet_match is not None and bullet_match.end() < len(stripped)
    body = stripped[bullet_match.end() :] if bullet_match and bullet else stripped
    low = _norm(body)
    tokens = [t.casefold() for t in _WORD.findall(body)]
    n = len(tokens)
    terminal = _ends_sentence(body)
    stop = max(sum(t in _FR_STOP for t in tokens), sum(t in _EN_STOP for t in tokens))
    ratio = stop / n if n else 0.0
    sentence = terminal and n >= 4 and stop >= 1
    cue = _cue_kind(low, sentence)
    if cue is not None:
        return _Line(text, cue[0], read_also=cue[1], bullet=bullet)
    platforms = sum(t in _PLATFORMS for t in tokens)
    if n >= 2 and platforms >= 2 and platforms * 2 >= n:
        return _Line(text, _Kind.BAD, bullet=bullet)
    if _is_breadcrumb(body, terminal) or looks_like_dateline(body):
        return _Line(text, _Kind.BAD, bullet=bullet)
    good = (terminal and n >= 4 and ratio >= 0.15) or (len(body) >= 200 and ratio >= 0.2)
    if good:
        return _Line(text, _Kind.GOOD, bullet=bullet)
    words = body.split()
    capitalised = (
        2 <= len(words) <= 12
        and stop == 0
        and all(not any(c.isalpha() for c in w) or w.lstrip("(\"'«“")[:1].isupper() for w in words)
    )
    if repeated or capitalised or (bullet and (len(body) < 80 or not terminal)):
        return _Line(text, _Kind.WEAK, bullet=bullet)
    return _Line(text, _Kind.NEUTRAL, bullet=bullet)


def _main_region(lines: list[_Line]) -> tuple[int, int] | None:
    """Indices ``[start, end]`` (inclusive) of the maximum-scoring run of lines."""
    best = 0
    best_span: tuple[int, int] | None = None
    run = 0
    run_start = 0
    since_good = 0
    for i, line in enumerate(lines):
        if line.kind in (_Kind.BLANK, _Kind.JUNK):
            continue
        if line.kind == _Kind.GOOD:
            score = len(line.text.strip())
            since_good = 0
        else:
            since_good += 1
            score = -_BASE_PENALTY[line.kind] * since_good
        if run <= 0:
            run = 0
            run_start = i
        run += score
        if run > best:
            best = run
            best_span = (run_start, i)
    return best_span


def _mark_introduced_lists(lines: list[_Line]) -> None:
    """Short bulleted items right after a line ending with ":" form a list of the text."""
    intro = False
    for line in lines:
        if line.kind in (_Kind.BLANK, _Kind.JUNK):
            continue
        if intro and line.bullet:
            if line.kind == _Kind.WEAK:
                line.kind = _Kind.NEUTRAL
            continue
        intro = line.kind in (_Kind.GOOD, _Kind.NEUTRAL) and line.text.rstrip().endswith(":")


def _extend_tail(lines: list[_Line], end: int) -> int:
    """Take up to two neutral lines after the region, and the items of a list it opens."""
    taken = 0
    i = end + 1
    while i < len(lines) and taken < _MAX_TAIL_NEUTRAL:
        kind = lines[i].kind
        if kind == _Kind.NEUTRAL:
            taken += 0 if lines[i].bullet else 1
            end = i
        elif kind not in (_Kind.BLANK, _Kind.JUNK):
            break
        i += 1
    return end


def _kept_flags(lines: list[_Line], start: int, end: int) -> list[bool]:
    keep = [False] * len(lines)
    skipping = False
    for i in range(start, end + 1):
        line = lines[i]
        if line.kind == _Kind.BLANK:
            skipping = False
            continue
        if line.read_also:
            skipping = True
            continue
        if skipping and line.kind in (_Kind.NEUTRAL, _Kind.WEAK):
            continue
        skipping = False
        keep[i] = line.kind in (_Kind.GOOD, _Kind.NEUTRAL, _Kind.WEAK)
    return keep


def _assemble(lines: list[_Line], keep: list[bool]) -> str:
    out: list[str] = []
    gap: list[str] = []
    dropped = False
    started = False
    for line, kept in zip(lines, keep, strict=True):
        if kept:
            if started:
                if dropped:
                    out.extend([""] if any(not g.strip() for g in gap) else [])
                else:
                    out.extend(gap)
            out.append(line.text)
            started = True
            gap = []
            dropped = False
        elif line.kind == _Kind.BLANK:
            gap.append("")
        else:
            dropped = True
    return "\n".join(out)


def _non_blank_before(lines: list[_Line], start: int, count: int) -> list[int]:
    """Up to ``count`` indices of non-blank lines before ``start``, nearest first."""
    found: list[int] = []
    i = start - 1
    while i >= 0 and len(found) < count:
        if lines[i].kind == _Kind.END:
            break
        if lines[i].kind != _Kind.BLANK:
            found.append(i)
        i -= 1
    return found


def _heading_like(line: _Line) -> bool:
    body = line.text.strip()
    if line.kind in (_Kind.BAD, _Kind.END, _Kind.JUNK, _Kind.BLANK) or line.bullet:
        return False
    n = len(_WORD.findall(body))
    return 3 <= n <= 40 and 15 <= len(body) <= 300 and not body.endswith(".")


def _find_title(lines: list[_Line], start: int, byline_index: int | None) -> str | None:
    window = _non_blank_before(lines, start, _TITLE_WINDOW)
    header = [_norm(lines[i].text) for i in range(start) if lines[i].kind != _Kind.BLANK]
    for i in window:
        if not _heading_like(lines[i]):
            continue
        key = _norm(lines[i].text)
        if sum(h == key for h in header) >= 2 or any(key in h and h != key for h in header):
            return lines[i].text.strip()
    if byline_index is not None:
        above = _non_blank_before(lines, byline_index, 1)
        if above and _heading_like(lines[above[0]]):
            return lines[above[0]].text.strip()
    return None


def clean_plain_text(raw: str) -> CleanText:
    """The article of a plain-text scrape, without page furniture, with title/author/date."""
    source = raw.replace("\r\n", "\n").replace("\r", "\n")
    texts = source.split("\n")
    keys = [_norm(t) for t in texts]
    counts: dict[str, int] = {}
    for key in keys:
        if key:
            counts[key] = counts.get(key, 0) + 1
    lines = [_classify(t, counts.get(key, 0) > 1) for t, key in zip(texts, keys, strict=True)]
    _mark_introduced_lists(lines)

    if not any(line.kind in (_Kind.WEAK, _Kind.BAD, _Kind.END) for line in lines):
        text = "\n".join(line.text for line in lines).strip("\n")
        dateline = find_dateline(text)
        return CleanText(
            text=text,
            title=None,
            author=dateline.author if dateline else None,
            published=dateline.published if dateline else None,
            removed_chars=len(raw) - len(text),
        )

    region = _main_region(lines)
    if region is None:
        return CleanText("", None, None, None, len(raw))
    start, end = region
    end = _extend_tail(lines, end)
    text = _assemble(lines, _kept_flags(lines, start, end))

    before = sorted(_non_blank_before(lines, start, _WINDOW_BEFORE))
    window_ids = [*before, start]
    window = "\n".join(lines[i].text for i in window_ids)
    dateline = find_dateline(window, max_lines=len(window_ids), max_chars=len(window) + 1)
    byline_index: int | None = None
    if dateline is not None:
        offset = 0
        for i in window_ids:
            if offset <= dateline.start < offset + len(lines[i].text) + 1:
                byline_index = i
                break
            offset += len(lines[i].text) + 1
    return CleanText(
        text=text,
        title=_find_title(lines, start, byline_index),
        author=dateline.author if dateline else None,
        published=dateline.published if dateline else None,
        removed_chars=len(raw) - len(text),
    )
