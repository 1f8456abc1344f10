"""Who says the quoted words: token patterns around the marks, before and after them.

A *speaker phrase* (:func:`phrase_at`) is a mention (``Jean Martin``, ``l'Agence X``, a title
before a name: ``Interior Minister Jane Roe`` gives the name), a pronoun (``il``, ``she``, ``ce
dernier``), a description of a person (``le ministre de l'Intérieur``, ``the prosecutor``) or
an organisation (``le parquet``, ``a spokesman for the ministry``), or an unnamed source
(``un chercheur de l'Université de X``, ``a source close to the inquiry``,
``police sources``, ``nos informations``): an indefinite or no determiner before a person's
role, or a word that is always unnamed (``source``, ``entourage``, ``proche``).

After the closing mark (:func:`after`): ``, selon X``, ``, according to X``, an incise with the
verb first (``, a déclaré X``, ``, affirme X``, ``, a-t-il ajouté``, ``, assure à l'AFP X``,
``, said X``; when no phrase follows the verb, the first person named in the clause) or the
speaker first (``, X said``, ``, X, the mayor of Y, said``, ``, he told Radio X``); a
parenthesis right after the mark is skipped; a participle (``, saluant …``, ``, adding …``) is
no attribution: its subject is the sentence's, before the quote.

Before the opening mark (:func:`before`): ``Selon X, « … »``, ``Comme le souligne X, « … »``,
``As X put it, “…”``, ``Pour X, « … »``, ``X : « … »``, a speech verb in the same sentence
(``X a déclaré : « … »``, ``X told reporters that “…”``, ``X a estimé que la situation était
« … »``, ``répond une porte-parole : « … »``), whose subject is the phrase right before it
(skipping an apposition between commas), the sentence's subject for a participle or a
coordinated verb (``X a reçu Y et dénonce « … »``), else the nearest person named earlier in the
sentence; weak verbs (``appelle à``, ``called for``) only count right before the mark; failing
all, a source opening the sentence (``Selon lui, rien n'est joué : « … »``). Words long enough
to be a quote that nothing else attributes are the sentence's subject's (:func:`clause_subject`:
``X agreed with the defence that “…”``) unless someone else is named between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from recoupe.entities.model import EntityType
from recoupe.quotes.lexicon import NOT_NOUNS, TIME_AFTER, TIME_NOUNS, Lexicon
from recoupe.quotes.tokens import (
    CLOSING,
    OPENING,
    Mentions,
    Tok,
    inverted,
    is_boundary,
    is_person,
    is_sentence_end,
    is_verb,
)

TITLE = "title"
_CLAUSE_AHEAD = 12  # tokens read after a verb for the person it is said by
_COORDINATION = frozenset(("et", "mais", "puis", "and", "but", "then"))


@dataclass(frozen=True, slots=True)
class Speaker:
    """Words naming a speaker: ``text[start:end]``.

    ``kind``: ``mention`` (``mention`` is its index), ``name`` (capitalised words that are no
    mention), ``pronoun`` (a person), ``plural`` (a plural pronoun), ``person`` / ``org`` (a
    description; ``head`` is its noun, ``mention`` an organisation named in it when it speaks
    for one; ``relative``: it describes someone by their relation to another, ``son avocat``,
    ``l'avocate de X``), ``anonymous``, or ``title`` (the marks hold a name: not a quote).
    """

    start: int
    end: int
    kind: str
    mention: int = -1
    head: str = ""
    relative: bool = False  # "son avocat", "the lawyer of X": resolved through roles only


@dataclass(frozen=True, slots=True)
class Ctx:
    toks: Sequence[Tok]
    lex: Lexicon
    mentions: Mentions
    text: str = ""  # the document: what comes before the first token

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None


# ---------------------------------------------------------------------------------------------
# Speaker phrases


def _matches(ctx: Ctx, i: int, words: tuple[str, ...]) -> bool:
    return all(ctx.low(i + k) == w for k, w in enumerate(words))


def _is_head(ctx: Ctx, i: int) -> bool:
    t = ctx.tok(i)
    if t is None or t.kind != "word":
        return False
    lex = ctx.lex
    low = t.low
    return (
        low in lex.person_heads
        or low in lex.org_heads
        or low in lex.source_heads
        or low in lex.report_heads
    )


def _is_word(ctx: Ctx, i: int) -> bool:
    t = ctx.tok(i)
    return (
        t is not None
        and t.kind in ("word", "poss")
        and t.low not in ctx.lex.stop
        and not is_verb(t, ctx.lex, strict=True)
        and t.low not in ctx.lex.aux
    )


def _is_adjective(ctx: Ctx, i: int) -> bool:
    t = ctx.tok(i)
    if t is None or t.kind != "word" or t.cap or t.low in ctx.lex.stop:
        return False
    lex = ctx.lex
    return t.low in lex.adjectives or (bool(lex.adj_suffixes) and t.low.endswith(lex.adj_suffixes))


def _title_then_name(ctx: Ctx, i: int) -> int:
    """``union president Jane Roe``, ``Leeds's prosecutor X``, ``Labour's deputy leader, Jane
    Roe,``: the name's index, else -1.

    ``i`` is right after a mention of an organisation or a place.
    """
    j = i + (ctx.low(i) == "'s")
    for k in range(j, min(j + 4, len(ctx.toks) - 1)):
        if _is_head(ctx, k) and not _is_head(ctx, k + 1):
            return _apposed_name(ctx, k + 1)
        if not _is_word(ctx, k):
            return -1
    return -1


def _mention_phrase(ctx: Ctx, i: int) -> tuple[Speaker, int]:
    t = ctx.toks[i]
    if not is_person(t, ctx.mentions) or ctx.low(i + 1) == "'s":
        name = _title_then_name(ctx, i + 1)
        if name < 0 and not is_person(t, ctx.mentions):
            name = _modified_name(ctx, i + 1)
        if name >= 0:
            n = ctx.toks[name]
            return Speaker(n.start, n.end, "mention", n.mention), name + 1
    return Speaker(t.start, t.end, "mention", t.mention), _of_body(ctx, i + 1)


_OF_BODY = frozenset({"of", "from", "at", "de", "du", "des", "d'", "chez"})


def _of_body(ctx: Ctx, k: int) -> int:
    """After a person's name, the body or place they belong to (``Jane Roe of the Acme Church
    said``, ``Jean Roe, de la CGT``: ``Jean Roe de la CGT a dit``): the index after it, else
    ``k``. Only a body or place named by a mention, not another person (``the son of X``)."""
    if ctx.low(k) not in _OF_BODY:
        return k
    j = k + 1
    j += ctx.low(j) in ctx.lex.dets
    t = ctx.tok(j)
    if t is None or t.kind != "mention" or ctx.mentions.type(t.mention) is EntityType.PERSON:
        return k
    return j + 1


_MODIFIER_WORDS = 4  # words between a place or body and the person it qualifies


def _modified_name(ctx: Ctx, i: int) -> int:
    """``Anchorage businessman and blogger Jane Roe``, ``Acme CTO Jane Roe``: a place or a
    body qualifying a person named after a title of a few words (no head of the lexicon
    needed, unlike :func:`_title_then_name`); the name's index, else -1. The words read as a
    title: nouns, no participle ("lawyers representing X"), verb ("hired X"), preposition
    ("after X") or time ("Monday"), the last one a capitalised title, a head or an agent noun;
    a coordination only between two such words ("police and John Roe": two speakers)."""
    lex = ctx.lex
    for k in range(i, min(i + _MODIFIER_WORDS + 1, len(ctx.toks))):
        t = ctx.toks[k]
        if is_person(t, ctx.mentions):
            return k if k > i and _title_end(ctx, k - 1) else -1
        if ctx.low(k) in _COORDINATION and k > i and _is_word(ctx, k - 1) and _is_word(ctx, k + 1):
            continue
        if (
            not _is_word(ctx, k)
            or t.low in lex.preps
            or t.low in lex.dets
            or t.low in lex.time_words
            or t.low in lex.not_title
            or (t.low.endswith(("ing", "ed")) and lex.english and not _is_head(ctx, k))
        ):
            return -1
    return -1


def _title_end(ctx: Ctx, k: int) -> bool:
    """Whether token ``k`` may end a title: capitalised ("CTO", "Mayor"), a head of the
    lexicon, or an agent noun ("blogger", "businessman", "consultant")."""
    t = ctx.toks[k]
    if t.kind == "poss":
        return False
    return (
        t.cap
        or _is_head(ctx, k)
        or (t.low.endswith(ctx.lex.agent_suffixes) and t.low not in ctx.lex.not_title)
    )


def _skip_courtesy(ctx: Ctx, i: int) -> int:
    while ctx.low(i) in ctx.lex.courtesy or ctx.low(i) + "." in ctx.lex.courtesy:
        i += 1
    return i


def _complements(ctx: Ctx, k: int) -> tuple[int, list[int]]:
    """End (exclusive token index) of the complements from ``k``, and the mentions in them."""
    lex = ctx.lex
    named: list[int] = []
    steps = 0
    while k < len(ctx.toks) and steps < 4:
        if ctx.low(k) in lex.linkers and ctx.low(k + 1) in lex.preps:
            k += 1
        if ctx.low(k) not in lex.preps:
            break
        m = k + 1
        if ctx.low(m) in lex.dets:
            m += 1
        t = ctx.tok(m)
        if t is not None and t.kind == "mention":
            named.append(t.mention)
            k = m + 1
        else:
            words = 0
            while words < 3 and _is_word(ctx, m) and ctx.low(m) not in lex.preps:
                m += 1
                words += 1
            if words == 0:
                break
            k = m
        steps += 1
    return k, named


def _apposed_name(ctx: Ctx, k: int) -> int:
    """``le ministre Jean Martin`` / ``the minister, Jane Roe,`` / ``le secrétaire général de
    l'Union X (…), Jean Martin``: the name's token, else -1."""
    k = _skip_parenthesis(ctx, k)
    t = ctx.tok(k)
    if t is not None and is_person(t, ctx.mentions):
        return k
    if ctx.low(k) == ",":
        t = ctx.tok(k + 1)
        after = ctx.low(k + 2)
        if (
            t is not None
            and is_person(t, ctx.mentions)
            and (after in (",", "") or is_boundary(ctx.toks[k + 2]))
        ):
            return k + 1
    return -1


def _find_head(ctx: Ctx, j: int) -> int:
    """The head noun of a description starting at ``j`` (after premodifiers), else -1."""
    lex = ctx.lex
    for k in range(j, min(j + 4, len(ctx.toks))):
        if _is_head(ctx, k):
            while _is_head(ctx, k + 1):
                k += 1
            if ctx.low(k + 1) == "'s":  # "the widow's lawyer": the lawyer
                owned = _find_head(ctx, k + 2)
                return owned if owned >= 0 else k
            if ctx.lex.english:  # "the child welfare agency": the compound's last head
                for n in range(k + 1, min(k + 3, len(ctx.toks))):
                    if not _is_word(ctx, n) or ctx.toks[n].cap or ctx.low(n) in lex.stop:
                        break
                    if _is_head(ctx, n):
                        k = n
            return k
        if not _is_word(ctx, k) or ctx.low(k) in lex.preps or ctx.low(k) in lex.dets:
            return -1
    return -1


def _fixed(ctx: Ctx, i: int) -> tuple[Speaker, int] | None:
    for words in ctx.lex.anonymous_fixed:
        if _matches(ctx, i, words):
            last = ctx.toks[i + len(words) - 1]
            return Speaker(ctx.toks[i].start, last.end, "anonymous"), i + len(words)
    for words in ctx.lex.latter:
        if _matches(ctx, i, words) and _ends_phrase(ctx, i + len(words)):
            last = ctx.toks[i + len(words) - 1]
            return Speaker(ctx.toks[i].start, last.end, "latter"), i + len(words)
    return None


def _ends_phrase(ctx: Ctx, k: int) -> bool:
    """Whether the phrase ends before ``k``: no noun follows (``ce dernier,`` / ``ce dernier a
    dit``, not ``ce dernier week-end``, ``ce dernier rapport``)."""
    t = ctx.tok(k)
    lex = ctx.lex
    return (
        t is None
        or t.kind not in ("word", "elided")
        or t.low in lex.aux
        or t.low in lex.verbs
        or t.low in lex.adverbs
        or t.low in ("qui", "who")
    )


def _pronoun(ctx: Ctx, i: int) -> tuple[Speaker, int] | None:
    t = ctx.toks[i]
    if t.kind != "word":
        return None
    if t.low in ctx.lex.pronouns:
        return Speaker(t.start, t.end, "pronoun"), i + 1
    if t.low in ctx.lex.plural_pronouns:
        return Speaker(t.start, t.end, "plural"), i + 1
    return None


def phrase_at(ctx: Ctx, i: int) -> tuple[Speaker, int] | None:
    """The speaker phrase starting at token ``i`` and the index after it, else None.

    A singular description needs a determiner (``le ministre``), unless a name follows it
    (``Interior Minister Jane Roe``); a plural one does not (``police sources``).
    """
    if i >= len(ctx.toks):
        return None
    found = _fixed(ctx, i) or _pronoun(ctx, i)
    if found is not None:
        return found
    lex = ctx.lex
    det = ctx.low(i) if ctx.low(i) in lex.dets else ""
    j = _skip_courtesy(ctx, i + (det != ""))
    t = ctx.tok(j)
    if t is not None and t.kind == "mention":
        found = _mention_phrase(ctx, j)
        if det and found[0].mention == t.mention and not is_person(t, ctx.mentions):
            described = _body_then_noun(ctx, i, det, j)
            if described is not None:
                return described
        return found
    if j > i + (det != ""):
        return None  # a courtesy title without a name
    if det:
        name = _premodified_name(ctx, j)
        if name >= 0:
            return _mention_phrase(ctx, name)
    head = _find_head(ctx, j)
    if head >= 0:
        return _description(ctx, i, det, head)
    return None if det else _name(ctx, i)


def _body_then_noun(ctx: Ctx, i: int, det: str, j: int) -> tuple[Speaker, int] | None:
    """``the <body> <noun>`` (the noun right after the mention, lowercase words between): a
    person's noun is someone of that body, named only by a role on it ("the Saints coach", "the
    White House press secretary": nobody else named before); an organisation's noun is the body
    itself when the mention is an organisation ("the Hamas militant group"), else the noun's
    ("the US company"); a spokesman speaks for the body ("the Acme spokesman")."""
    head = _find_head(ctx, j + 1)
    if head < 0 or any(not _is_word(ctx, k) or ctx.toks[k].cap for k in range(j + 1, head + 1)):
        return None
    described = _description(ctx, i, det, head)
    if described is None:
        return None
    speaker, end = described
    body = ctx.toks[j].mention
    if speaker.head in ctx.lex.speaks_for:
        return replace(speaker, mention=body), end
    if speaker.kind == "org":
        if ctx.mentions.type(body) is EntityType.ORG:
            return None  # the body itself: "the Barcelona club"
        return speaker, end
    return replace(speaker, relative=True), end


def _premodified_name(ctx: Ctx, j: int) -> int:
    """``the 14th-ranked Jane Roe``, ``le jeune Jean Martin``: the name's index, else -1."""
    for k in range(j, min(j + 2, len(ctx.toks) - 1)):
        t = ctx.toks[k]
        if t.kind not in ("word", "num") or t.cap or _is_head(ctx, k) or not _is_word(ctx, k):
            return -1
        if is_person(ctx.toks[k + 1], ctx.mentions):
            return k + 1
    return -1


def _name(ctx: Ctx, i: int) -> tuple[Speaker, int] | None:
    """Capitalised words the entity layer did not take for a name here (``Roe said`` after
    ``Jane Roe``; ``Ann Lee Hart explained``)."""
    lex = ctx.lex
    k = i
    while k < len(ctx.toks) and k - i < 3:
        t = ctx.toks[k]
        if t.kind != "word" or not t.cap or t.low in lex.cap_stop or _is_head(ctx, k):
            break
        if is_verb(t, lex) or t.low in lex.stop:
            break
        k += 1
    if k == i or (k == i + 1 and not _lone_name(ctx, i)):
        return None
    return Speaker(ctx.toks[i].start, ctx.toks[k - 1].end, "name"), k


def _lone_name(ctx: Ctx, i: int) -> bool:
    """One capitalised word is a name when some mention ends with it, where no sentence starts
    and no determiner or preposition comes before it (", Roe said", "a concédé Roe"; not "Sous
    …", "des Tibétains", "sent to Congress"), or opening a sentence before a speech verb when the
    document also writes it capitalised inside a sentence ("Roe said that …" and "…, Roe
    warned"; not "Others said", "Cela confirme"): the dossier may know it (the article never
    gave the full name)."""
    tok = ctx.toks[i]
    if tok.low in ctx.mentions.last_words:
        return True
    before = _WORD_BEFORE.search(ctx.text, max(0, tok.start - _LOOK_BEFORE), tok.start)
    if before is None:  # a sentence's first word
        following = ctx.tok(i + 1)
        return (
            following is not None
            and is_verb(following, ctx.lex, strict=True)
            and _inside_a_sentence(ctx.text, ctx.text[tok.start : tok.end])
        )
    if before.group(1) is not None:
        return True  # a comma
    word = before.group(2)
    low = word.lower().replace("’", "'")
    lex = ctx.lex
    return word[:1].islower() and not {low} & (lex.cap_stop | lex.stop | lex.preps | lex.dets)


@lru_cache(maxsize=256)
def _inside_a_sentence(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` capitalised after a comma or a lowercase word (once per
    document and word)."""
    pattern = rf"(?:,|\b[a-zà-ÿ][\w'’-]*)[ \u00a0]+{re.escape(word)}\b"
    return re.search(pattern, text) is not None


_LOOK_BEFORE = 60  # characters read back for the word before a capitalised word
# a comma, or a quote closed on a comma, "?" or "!" (not on a full stop: a sentence starts)
_WORD_BEFORE = re.compile(r"(?:(,|[,?!][ \u00a0]*[»”\"’])|([\w'’-]+))[ \u00a0]*$")


def _description(ctx: Ctx, i: int, det: str, head: int) -> tuple[Speaker, int] | None:
    lex = ctx.lex
    word = ctx.toks[head].low
    name = _apposed_name(ctx, head + 1)
    if name >= 0:
        n = ctx.toks[name]
        return Speaker(n.start, n.end, "mention", n.mention), name + 1
    k = head + 1
    for _ in range(2):
        k += _is_adjective(ctx, k)
    if word in lex.report_heads:
        return _report(ctx, i, head, det)
    end, named = _complements(ctx, k)
    name = _apposed_name(ctx, end)
    if name >= 0:
        n = ctx.toks[name]
        return Speaker(n.start, n.end, "mention", n.mention), name + 1
    plural = word.endswith(("s", "x")) or word in ("people", "children")
    if not det and not plural:
        return None
    span = (ctx.toks[i].start, ctx.toks[end - 1].end)
    kind = _kind(ctx, word, det)
    mention = named[0] if named and word in lex.speaks_for else -1
    # "son avocat", "l'avocate de X": someone else's relation, only a matching role names them
    relative = (
        det in lex.possessive
        or any(ctx.mentions.type(m) is EntityType.PERSON for m in named)
        or any(ctx.toks[x].kind == "poss" for x in range(i, head))  # "the victim's brother"
    )
    return Speaker(*span, kind, mention, word, relative), end


def _kind(ctx: Ctx, word: str, det: str) -> str:
    lex = ctx.lex
    if word in lex.speaks_for:
        return "org"
    if word in lex.source_heads or det in lex.indefinite:
        return "anonymous"
    if not det and word not in lex.org_heads:
        return "anonymous"  # "police sources", "officials", "experts"
    if word in lex.org_heads and word not in lex.person_heads:
        return "org"
    return "person"


def _report(ctx: Ctx, i: int, head: int, det: str) -> tuple[Speaker, int] | None:
    """``les informations rapportées par X``, ``reports in X``: X speaks."""
    if det in ctx.lex.possessive:
        t = ctx.toks[head]
        return Speaker(ctx.toks[i].start, t.end, "anonymous"), head + 1
    for k in range(head + 1, min(head + 7, len(ctx.toks))):
        t = ctx.toks[k]
        if t.kind == "mention":
            return Speaker(t.start, t.end, "mention", t.mention), k + 1
        if is_boundary(t) or t.low == ",":
            break
    return None


# ---------------------------------------------------------------------------------------------
# Verb groups


def verb_group(ctx: Ctx, i: int, *, loose: bool = False) -> tuple[int, Speaker | None] | None:
    """A speech verb group starting at ``i``: (index after it, inverted pronoun or None).

    ``a déclaré``, ``a-t-il déclaré``, ``affirme``, ``dit-elle``, ``s'est exclamé``, ``has
    said``. ``loose``: bare forms that are also nouns (``note``, ``estime``) count.
    """
    lex = ctx.lex
    k = i
    if ctx.low(k) in ("se", "s'"):
        k += 1
    t = ctx.tok(k)
    if t is None or t.kind != "word":
        return None
    inv = inverted(t, lex)
    if inv is not None:
        verb, start, end = inv
        pronoun = Speaker(start, end, "anonymous" if t.low.endswith("-on") else "pronoun")
        if verb in lex.verbs:
            return k + 1, pronoun
        k = _skip_adverbs(ctx, k + 1)
        return (k + 1, pronoun) if _is_participle(ctx, k) else None
    if t.low in lex.aux:
        k = _skip_adverbs(ctx, k + 1)
        return (k + 1, None) if _is_participle(ctx, k) else None
    if t.low in lex.verbs and (loose or t.low not in lex.noun_like):
        return k + 1, None
    return None


def _is_participle(ctx: Ctx, k: int) -> bool:
    t = ctx.tok(k)
    return t is not None and t.kind == "word" and t.low in ctx.lex.verbs


def _skip_adverbs(ctx: Ctx, k: int) -> int:
    lex = ctx.lex
    while k < len(ctx.toks):
        t = ctx.toks[k]
        if any(_matches(ctx, k, w) and _ends_phrase(ctx, k + len(w)) for w in lex.latter):
            return k  # "ce dernier" is a speaker, not a time ("ce dernier week-end")
        if t.kind != "word" or not (
            t.low in lex.adverbs
            or t.low in lex.time_words
            or (lex.english and t.low.endswith("ly"))
        ):
            return k
        k += 1
    return k


_ASIDES = (
    ("quant", "à", "lui"),
    ("quant", "à", "elle"),
    ("quant", "à", "eux"),
    ("pour", "sa", "part"),
    ("de", "son", "côté"),
    ("à", "son", "tour"),
    ("for", "his", "part"),
    ("for", "her", "part"),
    ("in", "turn"),
)
_ASIDE_WORDS = 6  # words of an aside between commas ("réagit, à titre personnel, X")


def _skip_asides(ctx: Ctx, k: int) -> int:
    """Past adverbs, a fixed aside ("quant à lui", "for his part") and a short aside between
    commas holding no name, before the subject of an incise."""
    while True:
        k = _skip_adverbs(ctx, k)
        aside = next((w for w in _ASIDES if _matches(ctx, k, w)), None)
        if aside is not None:
            k += len(aside)
            continue
        if ctx.low(k) != ",":
            return k
        for j in range(k + 1, min(k + 2 + _ASIDE_WORDS, len(ctx.toks))):
            t = ctx.toks[j]
            if t.kind == "mention" or is_boundary(t) or t.newline:
                return k
            if ctx.low(j) == ",":
                k = j + 1
                break
        else:
            return k


def _subject_after(ctx: Ctx, k: int) -> Speaker | None:
    """The speaker phrase after a verb group (``a déclaré mardi à l'AFP X``), else the first
    person named in the clause after it (``a estimé la parlementaire et ancienne ministre X``)."""
    k = _skip_asides(ctx, k)
    found = phrase_at(ctx, k)
    if found is None and ctx.low(k) in ctx.lex.complement_preps:
        found = phrase_at(ctx, _skip_adverbs(ctx, _after_object(ctx, k + 1)))
    if found is not None:
        return found[0]
    timed = _after_time(ctx, k)  # "a déclaré la semaine dernière le ministre"
    if timed > k:
        found = phrase_at(ctx, timed)
        if found is not None:
            return found[0]
    for j in range(k, min(k + _CLAUSE_AHEAD, len(ctx.toks))):
        t = ctx.toks[j]
        if is_person(t, ctx.mentions) and ctx.low(j - 1) not in ctx.lex.preps:
            return Speaker(t.start, t.end, "mention", t.mention)
        if is_boundary(t) or t.low == "," or (j > k and t.newline):
            break
        if t.low in _RELATIVES or (j > k and is_verb(t, ctx.lex)):
            break  # "the baker who sold X his bread", "le garde du corps de X": not X
    return _unknown_description(ctx, timed)


def _after_time(ctx: Ctx, k: int) -> int:
    """The index after a time phrase at ``k`` (``la veille``, ``le mois dernier``, ``the next
    day``), else ``k``."""
    lex = ctx.lex
    if ctx.low(k) not in lex.dets:
        return k
    j = k + 1
    j += ctx.low(j) in TIME_AFTER
    if ctx.low(j) not in TIME_NOUNS:
        return k
    j += 1
    return j + (ctx.low(j) in TIME_AFTER)


_NOT_ARTICLES = frozenset({"that", "this", "these", "those"})  # "claimed that the …"


def _unknown_description(ctx: Ctx, k: int) -> Speaker | None:
    """The subject put after a speech verb as a noun the lexicon does not know (``s'amuse un
    proche``, ``juge un banquier``, ``a déclaré l'ex-otage``): someone unnamed after an
    indefinite determiner or as a plural after a possessive (``insistent ses proches``);
    otherwise a person described, named only by a role built on the same noun. Not a time
    (``a dit la veille``) nor a name or a noun going on with a name (``le chanteur X``)."""
    lex = ctx.lex
    det = ctx.low(k)
    if det not in lex.dets or det in _NOT_ARTICLES:
        return None
    # the noun: in English the last of up to three lowercase words ("her business partner"),
    # in French the first, its adjectives after it ("le boulanger nantais")
    h = k + 1
    while h < k + 3 and _plain_noun(ctx, h) and _plain_noun(ctx, h + 1):
        h += 1
    if not _plain_noun(ctx, k + 1):
        return None
    noun = ctx.toks[h] if lex.english else ctx.toks[k + 1]
    end = ctx.toks[h].end
    after = ctx.tok(h + 1)
    if after is not None and (after.kind == "mention" or (after.cap and after.kind == "word")):
        return None
    plural = noun.low.endswith(("s", "x")) and det in _PLURAL_POSSESSIVES
    if det in lex.indefinite or plural:  # "un banquier de la BNP": unnamed all the same
        return Speaker(ctx.toks[k].start, end, "anonymous")
    if ctx.low(h + 1) in lex.preps:  # "le communiqué de Bercy": whose, when named
        j = h + 2 + (ctx.low(h + 2) in lex.dets)
        if ctx.tok(j) is not None and ctx.toks[j].kind == "mention":
            return None
    return Speaker(ctx.toks[k].start, end, "person", head=noun.low, relative=True)


_PLURAL_POSSESSIVES = frozenset({"ses", "leurs", "nos", "vos", "their"})


def _plain_noun(ctx: Ctx, k: int) -> bool:
    """A lowercase word of letters that may be a noun: no determiner, preposition, function
    word, time, verb or adverb."""
    t = _lowercase_word(ctx, k)
    lex = ctx.lex
    return (
        t is not None
        and t.low.replace("-", "").isalpha()
        and t.low not in lex.time_words
        and t.low not in TIME_NOUNS
        and t.low not in NOT_NOUNS
        and not t.low.endswith("ly")
        and not is_verb(t, lex)
    )


def _said_where(ctx: Ctx, k: int) -> Speaker | None:
    """After ``confie-t-on``: ``à l'Agence X``, ``dans l'entourage du ministre``,
    ``de source policière`` name who "on" is."""
    k = _skip_adverbs(ctx, k)
    if ctx.low(k) not in ctx.lex.complement_preps and ctx.low(k) not in ("de", "chez"):
        return None
    found = phrase_at(ctx, k + 1) or phrase_at(ctx, k)
    return found[0] if found is not None else None


def _after_object(ctx: Ctx, k: int) -> int:
    """The index after the object of a preposition at ``k - 1`` (``à l'AFP``, ``to the BBC``,
    ``à la presse``)."""
    found = phrase_at(ctx, k)
    if found is not None:
        return found[1]
    k += ctx.low(k) in ctx.lex.dets
    t = ctx.tok(k)
    if t is not None and t.kind == "mention":
        return k + 1
    words = 0
    while words < 2 and _is_word(ctx, k) and not ctx.toks[k].cap:
        k += 1
        words += 1
    return k


# ---------------------------------------------------------------------------------------------
# After the closing mark


def after(ctx: Ctx, i: int = 0) -> Speaker | None:
    """The speaker named in the tokens after a closing mark (``ctx.toks[i:]``)."""
    lex = ctx.lex
    i = _skip_parenthesis(ctx, i)
    if ctx.low(i) in (",", "—", "–"):
        i += 1
    t = ctx.tok(i)
    if t is None or t.newline or is_boundary(t):
        return None
    for words in lex.according:
        if _matches(ctx, i, words):
            found = phrase_at(ctx, i + len(words))
            return found[0] if found is not None else None
    if ctx.low(i) in ("lui", "leur", "nous", "me", "m'"):
        i += 1
    group = verb_group(ctx, i, loose=True)
    if group is not None and _is_participle_form(ctx, group[0] - 1):
        return None  # ", saluant …", ", adding …": said by the sentence's subject, before
    if group is not None:
        k, pronoun = group
        if pronoun is not None and pronoun.kind == "anonymous":
            return _said_where(ctx, k) or pronoun
        return pronoun if pronoun is not None else _subject_after(ctx, k)
    return (
        _speaker_then_verb(ctx, i) or _described_then_verb(ctx, i) or _unknown_verb_incise(ctx, i)
    )


_DESCRIPTION_WORDS = 6  # words of a description before the speaker's name


def _described_then_verb(ctx: Ctx, i: int) -> Speaker | None:
    """A description of a few words, organisations and places named in it, then a person's
    name and a speech verb: ``"…," Cisco chief security researcher Jane Roe said``, ``"…,"
    the team's Head Coach Jane Roe said``. Not across a preposition (``the lawyer for Jane Roe
    said``: the lawyer speaks), a participle (``doctors treating Jane Roe said``), a verb, a
    conjunction or punctuation, nor when the verb goes on with its object (``“Title” creator
    Jane Roe said the season …``: a title, not a quote)."""
    lex = ctx.lex
    k = i + (ctx.low(i) in lex.dets)
    while k < len(ctx.toks) and k - i <= _DESCRIPTION_WORDS:
        t = ctx.toks[k]
        if is_person(t, ctx.mentions):
            if k == i:
                return None  # a bare name: _speaker_then_verb's
            group = verb_group(ctx, _skip_adverbs(ctx, _of_body(ctx, k + 1)), loose=True)
            if group is None or group[1] is not None:
                return None
            nxt = ctx.tok(_skip_adverbs(ctx, group[0]))
            if nxt is not None and (
                nxt.kind == "mention" or nxt.low in lex.dets or nxt.low in ("that", "que", "qu'")
            ):
                return None  # "“Title” showrunner X said the season …": reported, not quoted
            return Speaker(t.start, t.end, "mention", t.mention)
        if t.kind not in ("word", "mention", "poss", "abbr"):
            return None
        if t.kind != "mention" and (
            # a participle ("doctors treating X said", "les avocats représentant X"): they speak;
            # not a title ending so ("assistant", "commandant")
            (t.low.endswith("ing" if lex.english else "ant") and not _is_head(ctx, k))
            or t.low in lex.preps
            or t.low in lex.dets
            or t.low in lex.stop
            or t.low in lex.aux
            or t.low in _COORDINATION
            or is_verb(t, lex)
        ):
            return None
        k += 1
    return None


def _unknown_verb_incise(ctx: Ctx, i: int) -> Speaker | None:
    """An incise whose verb the lexicon does not know, told by its shape: one lower-case word
    (and at most one more) then a person's name closing the clause (``, développe X.``,
    ``, tonne X,``); in English the name first (``, X noted.``)."""
    if ctx.lex.english:
        t = ctx.tok(i)
        word = ctx.tok(i + 1)
        if (
            t is None
            or t.kind != "mention"
            or ctx.mentions.type(t.mention) is not EntityType.PERSON
        ):
            return None
        if word is None or word.kind != "word" or word.cap or not _closes_clause(ctx, i + 2):
            return None
        return Speaker(t.start, t.end, "mention", t.mention)
    k = i
    while k < i + 2 and _plain_word(ctx, k):
        k += 1
    t = ctx.tok(k)
    if k == i or t is None or t.kind != "mention":
        return None
    if ctx.mentions.type(t.mention) is not EntityType.PERSON or not _closes_clause(ctx, k + 1):
        return None
    return Speaker(t.start, t.end, "mention", t.mention)


def _plain_word(ctx: Ctx, k: int) -> bool:
    """A lower-case word that may be a verb of saying; not a participle ("visant X", "accusing
    X": X is the target, the speaker is the sentence's subject)."""
    t = _lowercase_word(ctx, k)
    return t is not None and not t.low.endswith(("ant", "ing"))


def _lowercase_word(ctx: Ctx, k: int) -> Tok | None:
    """Token ``k`` when it is a lowercase word, none of a determiner, a preposition or a
    function word."""
    t = ctx.tok(k)
    lex = ctx.lex
    if t is None or t.kind != "word" or t.cap:
        return None
    return None if t.low in lex.dets or t.low in lex.preps or t.low in lex.stop else t


def _closes_clause(ctx: Ctx, k: int) -> bool:
    t = ctx.tok(k)
    return t is None or (t.kind == "punct" and t.low in (".", ",", ";", "!", "?", "…"))


def _is_participle_form(ctx: Ctx, k: int) -> bool:
    return ctx.low(k).endswith(("ant", "ing"))


def _skip_parenthesis(ctx: Ctx, i: int) -> int:
    """After ``(de lutte contre X)`` right after a closing mark: the index after it."""
    if ctx.low(i) != "(":
        return i
    for j in range(i + 1, min(i + 20, len(ctx.toks))):
        if ctx.low(j) == ")":
            return j + 1
    return i


def _speaker_then_verb(ctx: Ctx, i: int) -> Speaker | None:
    """``X said``, ``X, the mayor of Y, said``, ``il a ajouté``."""
    found = phrase_at(ctx, i)
    if found is None:
        return None
    speaker, k = found
    k = _skip_adverbs(ctx, k)
    if ctx.low(k) == "," and verb_group(ctx, k + 1, loose=True) is not None:
        k += 1
    elif ctx.low(k) == ",":
        relative = False
        for j in range(k + 1, min(k + 14, len(ctx.toks))):
            if ctx.low(j) == ",":
                k = _skip_adverbs(ctx, j + 1)
                break
            if is_boundary(ctx.toks[j]):
                return None
            # "X, who attended …, said", "X, Y and Z said", "X, but her lawyer said": the verb
            # is not X's alone ("X, a lawyer and activist said" is)
            relative = relative or ctx.low(j) in _RELATIVES or _joins_another(ctx, j)
            relative = relative or is_person(ctx.toks[j], ctx.mentions)  # "X, Y and Z said"
            if not relative and j > k + 2 and verb_group(ctx, j, loose=True) is not None:
                k = j  # "X, an assistant attorney general said": the apposition left open
                break
    return speaker if verb_group(ctx, k, loose=True) is not None else None


def _joins_another(ctx: Ctx, j: int) -> bool:
    """A coordination bringing in another subject: "but", or "and" before a name."""
    if ctx.low(j) not in _COORDINATION:
        return False
    nxt = ctx.tok(j + 1)
    return ctx.low(j) not in ("and", "et") or (
        nxt is not None and (nxt.cap or nxt.kind == "mention")
    )


_RELATIVES = frozenset({"who", "which", "whose", "whom", "that", "qui", "que", "qu'", "dont"})


# ---------------------------------------------------------------------------------------------
# Before the opening mark


def _clause_start(ctx: Ctx, end: int, *, commas: bool) -> int:
    """Index of the first token of the clause (sentence, or comma-delimited part of it, or
    line) ending before ``end``."""
    k = end - 1
    while k >= 0:
        t = ctx.toks[k]
        if is_boundary(t) or (commas and t.low == ","):
            return k + 1
        if t.newline:
            return k
        k -= 1
    return 0


def _title_cue(ctx: Ctx, n: int) -> bool:
    lex = ctx.lex
    k = n - 1
    for _ in range(3):
        low = ctx.low(k)
        if low in lex.title_cues:
            return True
        if low in lex.dets or low in ("de", "d'", "of", "as", "comme", "en", "du"):
            k -= 1
            continue
        return False
    return False


def before(ctx: Ctx) -> Speaker | None:
    """The speaker named in the tokens before an opening mark (all of ``ctx.toks``).

    A :data:`TITLE` speaker says the marks hold a name or a title.
    """
    n = len(ctx.toks)
    if n == 0:
        return None
    if _title_cue(ctx, n):
        return Speaker(0, 0, TITLE)
    last = ctx.toks[-1].low
    if last == ":":
        t = ctx.tok(n - 2)
        if (
            t is not None
            and t.kind == "mention"
            and _clause_start(ctx, n - 1, commas=True) >= n - 3
        ):
            return Speaker(t.start, t.end, "mention", t.mention)
    if last == ",":
        found = _introduced(ctx, n - 1)
        if found is not None:
            return found
    if last in ctx.lex.weak_preps and n >= 2 and is_verb(ctx.toks[n - 2], ctx.lex):
        return subject_of(ctx, n - 2)
    if is_verb(ctx.toks[-1], ctx.lex):
        return subject_of(ctx, n - 1)
    verb = _verb_in_sentence(ctx, n)
    if verb >= 0:
        return _inverted_subject(ctx, verb, n) or subject_of(ctx, verb)
    return _according_at_start(ctx, n)


_SUBJECT_KINDS = frozenset({"mention", "pronoun", "latter", "person", "org"})
# a leading clause whose subject is not the sentence's ("After X resigned, the board wrote, …")
_SUBORDINATING = """after before when while because although though if since once unless until
    as après avant quand lorsque lorsqu' alors puisque puisqu' si comme bien quoique dès"""
_SUBORDINATORS = frozenset(_SUBORDINATING.split())


def clause_subject(ctx: Ctx) -> Speaker | None:
    """No speech verb the lexicon knows before the marks (``X called the software “…”``, ``X
    agreed with the defence that “…”``, ``After the case closed, X extended an invitation,
    “…”``): the words are the subject's of the sentence when it is a person or a body followed
    by a verb. Of phrases set off by commas (``Au nom de X, Jeanne Roe, secrétaire, a fait part
    …``) a person named is the subject."""
    n = len(ctx.toks)
    if ctx.low(n - 1) in ctx.lex.preps or ctx.low(n - 1) in ("with", "against", "contre"):
        return None  # "poursuivi pour « … »", "charged with “…”": words about them, not theirs
    start = _sentence_start(ctx, n)
    if ctx.low(start) in _SUBORDINATORS:
        comma = next((k for k in range(start, n) if ctx.low(k) == ","), n)
        start = comma + 1
    apposed: list[tuple[Speaker, int]] = []
    k = start
    while k < min(n - 1, start + _CLAUSE_AHEAD):
        if ctx.toks[k].kind == "punct" and ctx.low(k) != ",":
            return None
        found = phrase_at(ctx, k)
        if found is None or found[0].kind not in _SUBJECT_KINDS:
            k += 1
            continue
        if ctx.low(found[1]) != ",":
            return _subject_saying(ctx, *found)
        apposed.append(found)
        k = found[1] + 1
    people = [
        f
        for f in apposed
        if f[0].kind == "mention" and ctx.mentions.type(f[0].mention) is EntityType.PERSON
    ]
    chosen = (people or apposed)[:1]
    return _subject_saying(ctx, *chosen[0]) if chosen else None


def _subject_saying(ctx: Ctx, speaker: Speaker, end: int) -> Speaker | None:
    """``speaker`` when a verb follows it (across an apposition) and no one else is named
    between it and the marks ("X renvoie aux propos du gouverneur : « … »": whose words?)."""
    n = len(ctx.toks)
    if speaker.kind == "mention" and ctx.mentions.type(speaker.mention) not in (
        EntityType.PERSON,
        EntityType.ORG,
    ):
        return None
    if ctx.low(end) == ",":  # "X, the company's chief, indicated …": across the apposition
        close = next((k for k in range(end + 1, n) if ctx.low(k) == ","), -1)
        if close < 0:  # "X, secrétaire confédérale a fait part …": to the auxiliary
            close = next(
                (k - 1 for k in range(end + 1, min(n, end + 6)) if ctx.low(k) in ctx.lex.aux), n
            )
        end = close + 1
    verb = ctx.tok(end)
    if (
        verb is None
        or verb.kind != "word"
        or verb.cap
        or verb.low in ctx.lex.preps
        or verb.low in ctx.lex.dets
        or verb.low in _COORDINATION
        or (verb.low in ctx.lex.stop and verb.low not in ctx.lex.aux)
    ):
        return None
    for k in range(end + 1, n):
        t = ctx.toks[k]
        if (t.kind == "mention" and ctx.mentions.type(t.mention) is EntityType.PERSON) or (
            t.kind == "word" and t.low in ctx.lex.person_heads
        ):
            return None
    return speaker


def _inverted_subject(ctx: Ctx, v: int, n: int) -> Speaker | None:
    """``Pour la bonne cause, répond une porte-parole : « … »``: the phrase between the verb
    and the colon closing the tokens."""
    if ctx.lex.english or ctx.low(n - 1) != ":" or inverted(ctx.toks[v], ctx.lex) is not None:
        return None
    k = _skip_adverbs(ctx, v + 1)
    found = phrase_at(ctx, k)
    return found[0] if found is not None and found[1] == n - 1 else None


def _according_at_start(ctx: Ctx, n: int) -> Speaker | None:
    """``Selon lui, aucune avancée n'est possible : « … »``: the source opening the sentence."""
    start = _sentence_start(ctx, n)
    for words in ctx.lex.according:
        if _matches(ctx, start, words):
            found = phrase_at(ctx, start + len(words))
            if found is not None and ctx.low(found[1]) == ",":
                return found[0]
    return None


def _introduced(ctx: Ctx, comma: int) -> Speaker | None:
    """``Selon X, « … »``, ``Comme le souligne X, « … »``, ``As X put it, “…”``, ``Pour X,``,
    ``“…,” he said, “…”``, ``He added, “…”``."""
    lex = ctx.lex
    c = _clause_start(ctx, comma, commas=False)
    if c > 0 and ctx.toks[c - 1].low in CLOSING | {'"', "'"}:
        return after(ctx, c)
    if ctx.low(c) in ("et", "mais", "and", "but", "or"):
        c += 1
    for words in lex.according:
        if _matches(ctx, c, words):
            found = phrase_at(ctx, c + len(words))
            return found[0] if found is not None and found[1] == comma else None
    if ctx.low(c) in lex.as_words:
        return _as_phrase(ctx, c + 1, comma)
    if ctx.low(c) in lex.for_words:
        found = phrase_at(ctx, c + 1)
        if found is not None and found[1] == comma and found[0].kind != "plural":
            return found[0]
    if comma >= 1 and is_verb(ctx.toks[comma - 1], lex):
        return subject_of(ctx, comma - 1)
    return None


def _as_phrase(ctx: Ctx, k: int, comma: int) -> Speaker | None:
    """After ``comme`` / ``as``: ``le souligne X``, ``l'a dit X``, ``X put it``, ``X said``."""
    j = k + (ctx.low(k) in ("le", "l'"))
    group = verb_group(ctx, j, loose=True)
    if group is not None:
        end, pronoun = group
        return pronoun if pronoun is not None else _subject_after(ctx, end)
    found = phrase_at(ctx, k)
    if found is None:
        return None
    speaker, end = found
    return speaker if verb_group(ctx, _skip_adverbs(ctx, end), loose=True) is not None else None


def _verb_in_sentence(ctx: Ctx, n: int) -> int:
    """The nearest strict speech verb before token ``n`` in its sentence, else -1."""
    k = n - 1
    limit = max(0, n - 40)
    while k >= limit:
        t = ctx.toks[k]
        if t.newline and k < n - 1:
            if is_verb(t, ctx.lex, strict=True) and not _after_det(ctx, k):
                return k
            return -1
        if _is_closing(t):
            if _ends_sentence(ctx, k):
                return -1
            k = _skip_quoted(ctx, k)
            continue
        if is_sentence_end(t) or t.low in (";", "(", ")") or t.low in OPENING:
            return -1
        if is_verb(t, ctx.lex, strict=True) and not _after_det(ctx, k):
            return k
        k -= 1
    return -1


def _after_det(ctx: Ctx, k: int) -> bool:
    return ctx.low(k - 1) in ctx.lex.dets


def _is_closing(t: Tok) -> bool:
    return t.kind == "punct" and (t.low in CLOSING or t.low in ('"', "'"))


def _ends_sentence(ctx: Ctx, k: int) -> bool:
    """Whether the quote closed by the mark at ``k`` ends its sentence (``« … pas. » La``)."""
    t = ctx.tok(k - 1)
    nxt = ctx.tok(k + 1)
    return t is not None and t.low in (".", "…") and (nxt is None or nxt.cap)


def _skip_quoted(ctx: Ctx, k: int) -> int:
    """From a closing mark at ``k``, the index before its opening mark (or before ``k``)."""
    close = ctx.toks[k].low
    want = {"»": "«", "”": "“", "’": "‘", '"': '"', "'": "'"}.get(close, "")
    j = k - 1
    while j >= 0 and not ctx.toks[j].newline:
        if ctx.toks[j].low == want or (want == "“" and ctx.toks[j].low == "„"):
            return j - 1
        j -= 1
    return k - 1


def subject_of(ctx: Ctx, v: int) -> Speaker | None:
    """The speaker of the speech verb at token ``v`` before a quote."""
    lex = ctx.lex
    inv = inverted(ctx.toks[v], lex)
    if inv is not None:
        kind = "anonymous" if ctx.toks[v].low.endswith("-on") else "pronoun"
        return Speaker(inv[1], inv[2], kind)
    k = v - 1
    while k >= 0 and ctx.low(k) in lex.aux | lex.adverbs:
        k -= 1
    if k >= 0 and ctx.low(k) in (",", "—", "–") and ctx.low(k - 1) in CLOSING | {'"', "'"}:
        found = after(ctx, k)
        if found is not None:
            return found
    if k >= 0 and ctx.low(k) != ",":
        found = _phrase_ending(ctx, _clause_start(ctx, k + 1, commas=True), k + 1)
        if found is not None:
            return found
    elif k >= 0:
        found = _across_apposition(ctx, k)
        if found is not None:
            return found
    # a participle or a coordinated verb ("X a rencontré Y et dénonce « … »") shares the
    # sentence's subject; another verb's subject is the nearest person named before it
    shared = _is_participle_form(ctx, v) or (k >= 0 and ctx.low(k) in _COORDINATION)
    found = _sentence_subject(ctx, v) if shared else None
    return found or _nearest_person(ctx, v) or _sentence_subject(ctx, v)


def _sentence_subject(ctx: Ctx, v: int) -> Speaker | None:
    """The phrase opening the sentence of a participle or of a coordinated verb (``La
    direction a répondu, affirmant : « … »``)."""
    start = _sentence_start(ctx, v)
    start += ctx.low(start) in _COORDINATION
    found = phrase_at(ctx, start)
    return found[0] if found is not None and found[1] < v else None


def _phrase_ending(ctx: Ctx, start: int, end: int) -> Speaker | None:
    """The longest speaker phrase ending right before token ``end``."""
    for s in range(start, end):
        found = phrase_at(ctx, s)
        if found is not None and found[1] == end:
            return found[0]
    return None


def _across_apposition(ctx: Ctx, comma: int) -> Speaker | None:
    """``X, ministre de l'Intérieur, a déclaré`` / ``X, affirmant``: the phrase before the
    apposition."""
    sentence = _clause_start(ctx, comma, commas=False)
    k = comma - 1
    while k >= sentence and ctx.low(k) != ",":
        k -= 1
    if k < sentence:
        return None
    inner = ctx.toks[k + 1 : comma]
    if len(inner) == 1 and is_person(inner[0], ctx.mentions):
        return Speaker(inner[0].start, inner[0].end, "mention", inner[0].mention)
    return _phrase_ending(ctx, sentence, k)


def _sentence_start(ctx: Ctx, v: int) -> int:
    """The first token of the sentence of token ``v``, quoted words skipped."""
    k = v - 1
    while k >= 0:
        t = ctx.toks[k]
        if _is_closing(t):
            if _ends_sentence(ctx, k):
                return k + 1
            k = _skip_quoted(ctx, k)
            continue
        if is_sentence_end(t) or t.low in OPENING:
            return k + 1
        if t.newline:
            return k
        k -= 1
    return 0


def _nearest_person(ctx: Ctx, v: int) -> Speaker | None:
    """The nearest person named before token ``v`` in its sentence, quoted words left out."""
    k = v - 1
    while k >= 0:
        t = ctx.toks[k]
        if _is_closing(t):
            if _ends_sentence(ctx, k):
                return None
            k = _skip_quoted(ctx, k)
            continue
        if is_sentence_end(t) or t.low in OPENING:
            return None
        if t.kind == "mention" and ctx.mentions.type(t.mention) is EntityType.PERSON:
            return Speaker(t.start, t.end, "mention", t.mention)
        if t.newline:
            return None
        k -= 1
    return None


# ---------------------------------------------------------------------------------------------
# An incise inside the marks


def incise(ctx: Ctx, i: int) -> tuple[Speaker, int] | None:
    """``, a-t-il dit,`` / ``, explique le ministre,`` from the comma at ``i``: the speaker and
    the index of the token ending the incise (a comma or a sentence end), else None."""
    group = verb_group(ctx, i + 1, loose=True)
    if group is None:
        return None
    k, pronoun = group
    if pronoun is not None and pronoun.kind == "anonymous":
        return None  # "dit-on": a hedge of the speaker, not an attribution
    speaker = pronoun
    if speaker is None:
        k = _skip_adverbs(ctx, k)
        found = phrase_at(ctx, k)
        if found is None:
            return None
        speaker, k = found
    t = ctx.tok(_skip_adverbs(ctx, k))
    if t is None or t.low == "," or is_sentence_end(t):
        return speaker, _skip_adverbs(ctx, k)
    return None
