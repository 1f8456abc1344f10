"""Roles (offices, titles, descriptions) of people and organisations, and relations between
mentions, read from appositions and title patterns around the mentions in French and English.

Everything is a token pattern over the raw text around the mentions already found; there is no
parse. A role is a contiguous span of the text built on a *head* from a generic lexicon
(``ministre``, ``procureure``, ``mayor``, ``spokesperson`` ...):

* before the name: ``le ministre des Armées Jean Martin``, ``le maire de Lyon, Jean Martin``
  (French: after a determiner, a qualifier or at the start of a clause), ``Defence Minister
  Jane Roe``, ``Lyon’s chief prosecutor Jane Roe``, ``judge Jane Roe`` (English
  premodifiers), ``the mayor of Leeds, Jane Roe``; when no head of the lexicon is there, a
  lowercase noun of a doer right before the name (English ``courthouse killer X``; French, after
  a determiner: ``le sinologue X``, ``son éditeur, X``, ``l'ancien éditeur X``);
* after the name, as an apposition up to the next comma, period or clause:
  ``Jean Martin, coordinateur du Parti X``, ``Jane Roe, the deputy head of the agency``;
  coordinated roles (``maire de Lyon et députée du Rhône``) are two roles; an age
  (``22 ans``, ``45``, ``22-year-old``) is skipped, never a role;
* kin nouns are heads too (``X, veuve d'un policier``, ``Nichols' mother, Claritha``,
  ``Jane Roe, widow of a deputy``): what a person is to the story, whether or not the relative
  is named (when named, a relation is read as well, below);
* appointments: ``proposed Jane Roe to lead the agency``, ``Jean Martin, pressenti pour diriger
  l'office``, ``nommée à la tête de ...``, ``la nomination de X en tant que recteur``.

The role's text leaves out determiners and qualifiers; the qualifier is ``former`` (``ancien``,
``ex-``, ``alors``, ``former``, ``then``), ``designate`` (``futur``, ``pressenti``, ``nommé``,
``incoming``, ``-elect``, ``proposed ... to``) or ``current``. A plural role before coordinated
names (``les ministres A et B``) goes to each; a role whose complements are coordinated
(``les ministres des Armées et de la Culture, A et B``) gives A its own part
(``ministres des Armées``): B's part is not a contiguous span, so B gets none. Coordinated
names followed by as many coordinated roles (``A et B, alors ministre des Sports et ministre
de la Culture``) get one each, in order.

Relations (:func:`find_relations`): family ties from ``X, frère de Y``, ``the brother of Y, X``,
``Y's sister X``, ``X, whose son, Z``, ``X, dont le frère Z``; ``holds_office`` and
``member_of`` from the organisation mentions named in a current role, kin roles aside
(``coordinateur de <ORG>`` holds an office there; ``député <ORG>``, ``<ORG> mayor of``,
``candidate of <ORG>`` are members); ``member_of`` from ``Name (ORG)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from recoupe.abbreviations import RANKS
from recoupe.entities.model import EntityType, Mention, RelationFact, RoleFact
from recoupe.entities.names import PARTICLES
from recoupe.plurals import english_plurals, french_plurals

__all__ = ["find_relations", "find_roles", "strip_title"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FR_PERSON_SINGULAR = _words(
    """
    ministre président présidente vice-président vice-présidente procureur procureure maire
    député députée eurodéputé eurodéputée sénateur sénatrice préfet préfète sous-préfet
    sous-préfète juge magistrat magistrate avocat avocate bâtonnier bâtonnière greffier
    greffière notaire porte-parole secrétaire directeur directrice chef cheffe commissaire
    haut-commissaire coordinateur coordinatrice animateur animatrice militant militante
    activiste candidat candidate fondateur fondatrice cofondateur cofondatrice co-fondateur
    co-fondatrice pdg dg élu élue conseiller conseillère adjoint adjointe délégué déléguée
    dirigeant dirigeante responsable patron patronne leader gouverneur gouverneure ambassadeur
    ambassadrice consul chancelier chancelière trésorier trésorière rapporteur rapporteure
    rapporteuse recteur rectrice inspecteur inspectrice commandant commandante colonel
    capitaine lieutenant général générale officier policier policière gendarme enquêteur
    enquêtrice journaliste éditorialiste rédacteur rédactrice chroniqueur chroniqueuse
    présentateur présentatrice chercheur chercheuse professeur professeure universitaire expert
    experte économiste sociologue politologue historien historienne syndicaliste membre
    adhérent adhérente sympathisant sympathisante négociateur négociatrice médiateur
    médiatrice défenseur défenseure roi reine prince princesse pape évêque archevêque
    cardinal imam rabbin entrepreneur entrepreneuse questeur questrice bourgmestre édile
    collaborateur collaboratrice assistant assistante avocat-conseil gérant gérante
    administrateur administratrice représentant représentante émissaire dissident dissidente
    """
) | _words(  # occupations outside public life: sport, care, teaching, arts, faith, trades
    """
    entraîneur entraîneuse sélectionneur sélectionneuse joueur joueuse arbitre athlète
    footballeur footballeuse attaquant attaquante gardien gardienne pilote coureur coureuse
    cycliste nageur nageuse boxeur boxeuse champion championne médecin docteur chirurgien
    chirurgienne infirmier infirmière pharmacien pharmacienne enseignant enseignante
    instituteur institutrice étudiant étudiante lycéen lycéenne ingénieur ingénieure
    architecte artiste acteur actrice comédien comédienne chanteur chanteuse musicien
    musicienne réalisateur réalisatrice cinéaste écrivain écrivaine auteur auteure autrice
    romancier romancière poète photographe peintre sculpteur producteur productrice
    agriculteur agricultrice ouvrier ouvrière salarié salariée employé employée commerçant
    commerçante banquier banquière soldat militaire pompier prêtre curé moine religieuse
    pasteur chauffeur agent agente interprète traducteur traductrice diplomate scientifique
    biologiste physicien physicienne mathématicien mathématicienne astronaute juriste
    consultant consultante analyste
    """
)
_FR_ORG_SINGULAR = _words(
    """
    parti syndicat association organisation ong agence entreprise groupe société mouvement
    collectif fondation institut parquet juridiction tribunal cour ministère office
    fédération confédération coalition alliance banque
    """
)
_EN_PERSON_SINGULAR = (
    _words(
        """
    minister president vice-president premier chancellor prosecutor attorney lawyer barrister
    solicitor judge magistrate mayor mp mep senator congressman congresswoman lawmaker
    legislator councillor councilor governor prefect ambassador envoy consul spokesperson
    spokesman spokeswoman secretary director chief head leader boss chairman chairwoman chair
    chairperson ceo cfo coo cto cio ciso founder co-founder cofounder commissioner coordinator
    activist
    campaigner candidate member supporter official officer inspector detective investigator
    superintendent commander general colonel captain lieutenant sergeant admiral treasurer
    adviser advisor aide deputy editor journalist reporter correspondent columnist presenter
    researcher professor economist analyst expert historian sociologist king queen prince
    princess pope bishop archbishop cardinal imam rabbi manager executive entrepreneur
    businessman businesswoman rapporteur mediator negotiator ombudsman politician unionist
    delegate representative dissident
    """
    )
    | _words(  # occupations outside public life: sport, care, teaching, arts, faith, trades
        """
    coach trainer player guard forward quarterback pitcher referee umpire athlete footballer
    cyclist swimmer boxer champion doctor physician surgeon nurse pharmacist teacher student
    engineer architect artist actor actress singer musician filmmaker writer author novelist
    poet photographer painter sculptor producer farmer worker employee banker soldier
    firefighter priest monk nun pastor driver pilot agent interpreter translator diplomat
    scientist biologist physicist mathematician astronaut consultant recruit
    """
    )
    | _words(  # positions in team sports ("cornerback X", "the goalkeeper X"; not the
        # common nouns "back", "end", "safety": "welcome back X", "at the end X"; nor
        # "receiver", a firm as often: "the lender appointed receiver Grant Thornton")
        """
    cornerback linebacker fullback halfback tailback lineman kicker punter striker
    midfielder defender goalkeeper goalie goaltender winger defenseman defenceman catcher
    shortstop outfielder infielder rookie
    """
    )
)
_EN_ORG_SINGULAR = _words(
    """
    party union association organisation organization ngo agency company group firm movement
    charity foundation institute body watchdog regulator court ministry office federation
    coalition alliance bank
    """
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    english: bool
    heads: frozenset[str]  # roles of people, every form
    plural: frozenset[str]  # the plural forms among them
    org_heads: frozenset[str]  # descriptions of organisations
    ambiguous: frozenset[str]  # heads that are also common verbs or adjectives
    affiliation: frozenset[str]  # an organisation as a bare modifier means membership
    membership: frozenset[str]  # an organisation in the complement means membership
    dets: frozenset[str]
    np_dets: frozenset[str]  # determiners opening a noun phrase after a preposition
    qualifiers: Mapping[str, str]  # before the head
    post_qualifiers: Mapping[str, str]  # right after the head
    skips: frozenset[str]  # words before the head that belong to neither role nor qualifier
    pre_adjs: frozenset[str]  # French adjectives kept before the head (premier, vice)
    adjs: frozenset[str]
    adj_suffixes: tuple[str, ...]
    nouns: frozenset[str]  # English nouns that premodify a head (police chief)
    preps: frozenset[str]
    conj: frozenset[str]
    stop: frozenset[str]  # never inside a role
    cap_stop: frozenset[str]  # capitalised words that are not premodifiers
    courtesy: frozenset[str]
    kin: Mapping[str, str]
    kin_adjs: frozenset[str]
    kin_preps: frozenset[str]
    designators: frozenset[str]  # words announcing an appointment
    role_verbs: frozenset[str]  # head, lead / diriger, présider
    copulas: frozenset[str]  # become, be / devenir, être
    as_words: frozenset[str]  # as / comme
    to_words: frozenset[str]  # to / pour
    aux: frozenset[str]
    age_words: frozenset[str]
    intro: frozenset[str]  # "selon le ministre, X": the role is not X's
    copula_verbs: frozenset[str]  # X est le frère de Y
    whose: frozenset[str]


# kin nouns are roles too ("X, veuve d'un policier"): what a person is to the story when the
# other person is not named (a relation is read as well when they are)
_FR_KIN_SINGULAR = _words(
    "frère sœur soeur fils fille père mère épouse époux mari veuve veuf compagne compagnon"
)
_EN_KIN_SINGULAR = _words(
    """brother sister son daughter stepson stepdaughter father mother stepfather stepmother
    wife husband spouse widow widower"""
)


def _fr_lexicon() -> _Lexicon:
    heads = french_plurals(_FR_PERSON_SINGULAR | _FR_KIN_SINGULAR)
    return _Lexicon(
        english=False,
        heads=heads,
        plural=heads - _FR_PERSON_SINGULAR - _FR_KIN_SINGULAR | _words("porte-parole"),
        org_heads=french_plurals(_FR_ORG_SINGULAR),
        ambiguous=french_plurals(
            _words("juge élu élue général générale responsable garde pilote agent champion")
        ),
        affiliation=french_plurals(
            _words(
                """député députée eurodéputé eurodéputée sénateur sénatrice élu élue candidat
                candidate militant militante membre adhérent adhérente sympathisant
                sympathisante conseiller conseillère maire adjoint adjointe"""
            )
        ),
        membership=french_plurals(
            _words(
                """membre adhérent adhérente sympathisant sympathisante militant militante
                candidat candidate élu élue député députée sénateur sénatrice"""
            )
        ),
        dets=_words("le la les l' un une son sa ses leur leurs ce cet cette ces du des au aux d'"),
        np_dets=_words("le la les l' un une son sa ses leur leurs ce cet cette ces"),
        qualifiers={
            **dict.fromkeys(("ancien", "ancienne", "anciens", "anciennes", "ex-"), "former"),
            **dict.fromkeys(("alors", "éphémère", "défunt", "défunte", "feu"), "former"),
            **dict.fromkeys(("futur", "future", "futurs", "futures"), "designate"),
            **dict.fromkeys(("prochain", "prochaine", "prochains", "prochaines"), "designate"),
            **dict.fromkeys(("actuel", "actuelle", "actuels", "actuelles"), "current"),
            **dict.fromkeys(("nouveau", "nouvel", "nouvelle", "nouveaux"), "current"),
            **dict.fromkeys(("nouvelles", "désormais", "toujours"), "current"),
        },
        post_qualifiers={
            **dict.fromkeys(("désigné", "désignée", "désignés", "désignées"), "designate"),
            **dict.fromkeys(("pressenti", "pressentie", "élu", "élue"), "designate"),
            **dict.fromkeys(("sortant", "sortante", "sortants", "sortantes"), "current"),
        },
        skips=_words("respectivement jeune célèbre"),
        pre_adjs=_words("premier première premiers premières vice haut haute grand grande"),
        adjs=_words(
            """public publique publics publiques général générale généraux générales adjoint
            adjointe adjoints adjointes délégué déléguée délégués déléguées chargé chargée
            chargés chargées principal principale national nationale nationaux nationales
            honoraire honoraires municipal municipale municipaux régional régionale
            départemental départementale unique spécial spéciale intérimaire"""
        ),
        adj_suffixes=tuple(
            _words(
                """ique iques aire aires al ale aux ales el elle els elles ais aise aises ois oise
            oises ien ienne iens iennes iste istes if ive ifs ives ain aine ains aines éen éenne
            éens éennes ier ière iers ières"""
            )
        ),
        nouns=frozenset(),
        preps=_words("de d' du des à au aux en pour chez contre auprès"),
        conj=_words("et"),
        stop=_words(
            """a ai as ont avait avaient aura auront aurait est sont était étaient sera seront
            serait fut été être avoir qui que qu' quoi dont où mais car donc or ni puis
            lorsque quand alors comme selon si se s' ne n' pas plus il elle ils elles on lui
            y cela ça très aussi déjà encore jamais devenu devenue devenus devenues dit dite
            déclare affirme estime assure annonce explique rappelle souligne indique précise
            ajoute reconnaît appelle demande veut doit peut va fait insiste dénonce prévient
            répond lance confie regrette salue réclame exige accuse critique réplique
            invite insiste réagit publie signe reçoit rencontre dans sur sous par avec sans
            entre vers depuis pendant après avant lors ou tout toute tous toutes même
            engagé engagée engagés engagées connu connue qualifié qualifiée"""
        ),
        cap_stop=frozenset(),
        courtesy=_words(
            """m. mm. mme mmes mlle mlles me maître monsieur madame mademoiselle dr dr. pr pr.
            mgr mgr. docteur"""
        ),
        kin={
            **dict.fromkeys(
                ("frère", "frères", "sœur", "sœurs", "soeur", "soeurs", "demi-frère"), "sibling_of"
            ),
            **dict.fromkeys(("demi-sœur", "demi-soeur"), "sibling_of"),
            **dict.fromkeys(("fils", "fille"), "child_of"),
            **dict.fromkeys(("père", "mère"), "parent_of"),
            **dict.fromkeys(("épouse", "époux", "mari", "femme", "compagne"), "spouse_of"),
            **dict.fromkeys(("compagnon", "conjoint", "conjointe", "veuve", "veuf"), "spouse_of"),
        },
        kin_adjs=_words("autre petit petite grand grande jeune aîné aînée cadet cadette propre"),
        kin_preps=_words("de d' du"),
        designators=_words(
            """proposé proposée proposés proposées nommé nommée nommés nommées désigné désignée
            désignés désignées pressenti pressentie pressentis pressenties choisi choisie
            choisis choisies propose proposer nomme nommer choisit choisir veut nomination
            désignation candidature"""
        ),
        role_verbs=_words("diriger présider piloter prendre"),
        copulas=_words("devenir être"),
        as_words=_words("comme"),
        to_words=_words("pour"),
        aux=_words("a ont est sont été sera serait va devrait doit être , vient de d'"),
        age_words=_words("an ans"),
        intro=_words("selon après pour"),
        copula_verbs=_words("est était sont étaient"),
        whose=_words("dont"),
    )


# ranks and offices abbreviated before a name head a role ("state Rep. Jane Roe", "Sgt. Doe")
_RANK_HEADS = frozenset(rank + "." for rank in RANKS)


def _en_lexicon() -> _Lexicon:
    heads = english_plurals(_EN_PERSON_SINGULAR | _EN_KIN_SINGULAR) | _RANK_HEADS
    return _Lexicon(
        english=True,
        heads=heads,
        plural=heads - _EN_PERSON_SINGULAR - _EN_KIN_SINGULAR,
        org_heads=english_plurals(_EN_ORG_SINGULAR),
        ambiguous=english_plurals(
            _words(
                """head chief chair judge general deputy official member leader executive
                officer aide editor representative supporter premier guard forward coach
                driver pilot agent champion"""
            )
        ),
        affiliation=english_plurals(
            _words(
                """mp mep senator congressman congresswoman lawmaker legislator councillor
                councilor candidate activist campaigner member supporter mayor deputy
                politician representative delegate"""
            )
        ),
        membership=english_plurals(
            _words("member supporter activist campaigner candidate mp mep senator lawmaker")
        ),
        dets=_words("the a an his her its their our this these those"),
        np_dets=_words("the a an his her its their our this these those"),
        qualifiers={
            **dict.fromkeys(("former", "ex-", "then", "then-", "late", "erstwhile"), "former"),
            **dict.fromkeys(("one-time", "onetime", "previous"), "former"),
            **dict.fromkeys(("future", "incoming", "designate", "next"), "designate"),
            **dict.fromkeys(("prospective", "would-be"), "designate"),
            **dict.fromkeys(("current", "new", "sitting", "incumbent", "serving"), "current"),
            **dict.fromkeys(("outgoing", "now"), "current"),
        },
        post_qualifiers={"designate": "designate", "elect": "designate"},
        skips=_words("respectively veteran longtime long-time"),
        pre_adjs=frozenset(),
        adjs=_words(
            """public chief senior junior deputy general top prime vice acting interim local
            federal state assistant associate principal executive managing special private
            permanent foreign home"""
        ),
        adj_suffixes=tuple(_words("al ic ive ian ean ese ish ary ory ous ful ible able ist")),
        nouns=_words(
            """police party opposition campaign union government city state county district
            defence defense interior justice finance health trade labour labor education
            transport culture environment business army navy court appeals tax
            anti-corruption anti-terrorism anti-drug communications security press
            parliamentary group bar student family"""
        ),
        preps=_words("of for at to from against"),
        conj=_words("and"),
        stop=_words(
            """said says say told tells added has have had is are was were be been being will
            would could should can may might must shall do does did who whom whose which that
            and or but because as when while after before since also himself herself itself
            themselves he she it they we i you there here not what where why how if than in
            on by with during over under about into through across"""
        ),
        cap_stop=_words(
            """the a an in on at but and or when after before meanwhile however earlier later
            last this that these those as for with by from if while according during since
            among yesterday today tomorrow then there here it he she they we i his her their
            its our monday tuesday wednesday thursday friday saturday sunday so also both
            neither either"""
        ),
        courtesy=_words(
            """mr mr. mrs mrs. ms ms. miss mx mx. dr dr. prof prof. sir dame lord lady rev
            rev. hon. st."""
        ),
        kin={
            **dict.fromkeys(("brother", "brothers", "sister", "sisters"), "sibling_of"),
            **dict.fromkeys(("half-brother", "half-sister", "sibling", "twin"), "sibling_of"),
            **dict.fromkeys(("son", "daughter", "stepson", "stepdaughter"), "child_of"),
            **dict.fromkeys(("father", "mother", "stepfather", "stepmother"), "parent_of"),
            **dict.fromkeys(("wife", "husband", "spouse", "widow", "widower"), "spouse_of"),
        },
        kin_adjs=_words("other younger older elder eldest youngest big little twin own late"),
        kin_preps=_words("of"),
        designators=_words(
            """proposed nominated named appointed tipped picked chosen chose designated
            selected tapped propose nominate name appoint pick choose select wants want
            nomination appointment"""
        ),
        role_verbs=_words("head lead run chair direct oversee helm"),
        copulas=_words("become be"),
        as_words=_words("as"),
        to_words=_words("to"),
        aux=_words("has have had been was is be being will , just"),
        age_words=_words("years year"),
        intro=_words("according"),
        copula_verbs=_words("is was are were"),
        whose=_words("whose"),
    )


_LEXICONS: dict[str, _Lexicon] = {"fr": _fr_lexicon(), "en": _en_lexicon()}

# person nouns that also name, right before a name, what is no person's title: "the official
# Xinhua agency", "the head Office", "the General Motors", "Premier League"
_NOT_BEFORE_NAMES = _words(
    """official head forward member guard chair premier general representative supporter
    champion agent général générale responsable garde"""
)
PERSON_TITLES = (_EN_PERSON_SINGULAR | _FR_PERSON_SINGULAR | _RANK_HEADS) - _NOT_BEFORE_NAMES
"""Singular person nouns, French and English, that make the name right after them a person's
("coach Sean Payton", "le chanteur Jean Roe")."""

# ---------------------------------------------------------------------------------------------
# Tokens

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_TOKEN = re.compile(
    r"(?P<abbr>(?:MM|Mmes|Mme|Mlle|Mgr|Mrs|Mr|Ms|Mx|Dr|Pr|Prof|Rev|Hon|St|Jr|Sr|"
    + "|".join(sorted((rank.capitalize() for rank in RANKS), key=len, reverse=True))
    + r"|[A-Z])\.)"
    r"|(?P<elided>(?i:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’ʼ](?=[^\W\d_]))"
    r"|(?P<prefix>(?i:ex|then)[-‐‑](?=[^\W\d_]))"
    r"|(?P<poss>['’ʼ]s(?!\w))"
    r"|(?P<num>\d\w*(?:[-‐‑]\w+)*)"
    r"|(?P<word>[^\W\d_]\w*(?:[-‐‑]\w+)*)"
    r"|(?P<punct>[^\w\s])"
)
_CLAUSE_WORDS = _words("qui que qu' dont où who which that whom said dit says")
_BOUNDARY = frozenset('.!?;:()[]«»"“”–—…|•')
_CLOSERS = frozenset(',.;:!?)]»"”–—…')


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lowercased, apostrophes straightened
    kind: str  # abbr elided prefix poss num word punct mention
    mention: int = -1
    newline: bool = False  # a line break (or unread text) comes before it


@dataclass(slots=True)
class _Doc:
    text: str
    mentions: Sequence[Mention]
    lex: _Lexicon
    toks: list[_Tok] = field(default_factory=list)
    at: dict[int, int] = field(default_factory=dict)  # mention index → token index


# Text read around each mention: far more than any pattern looks at (16 tokens back, 30 on).
_BEFORE, _AFTER = 300, 500


def _scan(text: str, start: int, end: int, toks: list[_Tok], *, cut: bool = False) -> None:
    """Tokens of ``text[start:end]``; ``cut``: the first one follows unread text."""
    prev = start
    for found in _TOKEN.finditer(text, start):
        if found.start() >= end:
            break
        # lookaheads see past ``end`` (``d’`` before a name); a token never runs into it
        m = _TOKEN.match(text, found.start(), end) if found.end() > end else found
        if m is None:
            break
        kind = m.lastgroup or "punct"
        word = m.group()
        low = word.lower()
        if kind in ("elided", "poss", "punct"):
            low = low.translate(_APOSTROPHES)
        elif kind == "prefix":
            low = low[:-1] + "-"
        newline = cut or text.find("\n", prev, m.start()) >= 0
        toks.append(_Tok(m.start(), m.end(), word, low, kind, -1, newline))
        prev, cut = m.end(), False


def _windows(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around the mentions, merged, each starting at a space."""
    out: list[tuple[int, int]] = []
    for mention in mentions:
        start = max(0, mention.start - _BEFORE)
        if start > 0:
            space = text.find(" ", start, mention.start)
            start = space if space >= 0 else mention.start
        end = min(len(text), mention.end + _AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _document(text: str, mentions: Sequence[Mention], lex: _Lexicon) -> _Doc:
    """Tokens around the mentions, each mention one token."""
    doc = _Doc(text, mentions, lex)
    index = 0
    for start, end in _windows(text, mentions):
        pos, cut = start, start > 0
        while index < len(mentions) and mentions[index].start < end:
            mention = mentions[index]
            if mention.start >= pos:  # overlapping mentions: keep the first
                before = len(doc.toks)
                _scan(text, pos, mention.start, doc.toks, cut=cut)
                read = len(doc.toks) > before
                gap = doc.toks[-1].end if read else pos
                newline = (cut and not read) or text.find("\n", gap, mention.start) >= 0
                doc.at[index] = len(doc.toks)
                low = mention.text.lower()
                doc.toks.append(
                    _Tok(mention.start, mention.end, mention.text, low, "mention", index, newline)
                )
                pos, cut = mention.end, False
            index += 1
        _scan(text, pos, end, doc.toks, cut=cut)
    return doc


# ---------------------------------------------------------------------------------------------
# Token classes


def _tok(doc: _Doc, i: int) -> _Tok | None:
    return doc.toks[i] if 0 <= i < len(doc.toks) else None


def _low(doc: _Doc, i: int) -> str:
    t = _tok(doc, i)
    return t.low if t else ""


def _mtype(doc: _Doc, t: _Tok) -> EntityType | None:
    return doc.mentions[t.mention].type if t.kind == "mention" else None


def _is_cap(t: _Tok) -> bool:
    return t.kind == "word" and t.text[:1].isupper()


def _is_acronym(t: _Tok) -> bool:
    return t.kind == "word" and len(t.text) >= 2 and t.text.isupper()


def _is_boundary(t: _Tok) -> bool:
    return t.kind == "punct" and t.text in _BOUNDARY


def _sentence_start(doc: _Doc, i: int) -> bool:
    prev = _tok(doc, i - 1)
    return prev is None or doc.toks[i].newline or _is_boundary(prev)


def _heads_for(doc: _Doc, i: int) -> frozenset[str]:
    t = doc.toks[i]
    kind = doc.mentions[t.mention].type
    if kind is EntityType.PERSON:
        return doc.lex.heads
    return doc.lex.org_heads if kind is EntityType.ORG else frozenset()


def _head_word(low: str) -> str:
    for suffix in ("-elect", "-designate"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def _head_end(doc: _Doc, i: int, heads: frozenset[str]) -> int:
    """Index of the last token of the head starting at ``i``, else -1."""
    t = _tok(doc, i)
    if t is None or (t.kind != "word" and not (t.kind == "abbr" and t.low in heads)):
        return -1  # an abbreviation heads a role when it is a rank's ("Sgt.", "Rep.")
    if not doc.lex.english and t.low == "garde" and heads is doc.lex.heads:
        ok = _low(doc, i + 1) == "des" and _low(doc, i + 2) == "sceaux"
        return i + 2 if ok else -1
    return i if _head_word(t.low) in heads else -1


def _adj_like(doc: _Doc, t: _Tok) -> bool:
    lex = doc.lex
    if t.kind != "word" or t.low in lex.stop or t.low in lex.preps or t.low in lex.conj:
        return False
    if t.low in lex.adjs:
        return True
    if lex.english and "-" in t.low and t.text[:1].islower():
        return True  # left-wing, centre-left
    return len(t.low) > 4 and t.low.endswith(lex.adj_suffixes) and t.text[:1].islower()


def _content(doc: _Doc, t: _Tok) -> bool:
    """A lowercase word that may be a noun inside a complement."""
    lex = doc.lex
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and t.low not in lex.stop
        and t.low not in lex.preps
        and t.low not in lex.conj
        and t.low not in lex.dets
        and t.low not in lex.courtesy
    )


def _cap_word(doc: _Doc, t: _Tok) -> bool:
    return _is_cap(t) and t.low not in doc.lex.cap_stop and t.low not in doc.lex.courtesy


def _qualifier(doc: _Doc, t: _Tok) -> str | None:
    return doc.lex.qualifiers.get(t.low) if t.kind in ("word", "prefix") else None


def _is_age(doc: _Doc, i: int) -> bool:
    t = doc.toks[i]
    return t.kind == "num" and (t.low.endswith("-year-old") or t.low.endswith("-years-old"))


# ---------------------------------------------------------------------------------------------
# Role phrases


@dataclass(frozen=True, slots=True)
class _Phrase:
    first: int  # first token of the role's text
    head: int  # first token of the head
    last: int  # last token of the role's text
    qualifier: str = "current"
    conj_ends: tuple[int, ...] = ()  # ends of coordinated complements but the last


def _np(doc: _Doc, j: int, limit: int) -> int:
    """Last token of a noun phrase starting at ``j`` (inside a complement), else -1."""
    k = j
    while k < limit and doc.toks[k].low in doc.lex.np_dets and k - j < 2:
        k += 1
    t = _tok(doc, k)
    if t is None or k >= limit:
        return -1
    if t.kind == "mention" or _cap_word(doc, t):
        return _np_rest(doc, k, limit, named=True)
    if _content(doc, t):
        return _np_rest(doc, k, limit, named=False)
    return -1


def _np_rest(doc: _Doc, k: int, limit: int, *, named: bool) -> int:
    last = k
    count = 1
    english = doc.lex.english
    while last + 1 < limit and count < 6:
        t = doc.toks[last + 1]
        if _mtype(doc, t) is EntityType.PERSON and not _names_a_person(doc, last):
            break  # "minister of culture <PERSON>": the name is not part of the complement
        named_word = t.kind == "mention" or _cap_word(doc, t)
        if named_word or (english and t.kind == "poss" and named):
            named = named or named_word
        elif not (_content(doc, t) and count < 4 if english else _adj_like(doc, t)):
            break
        last += 1
        count += 1
    return last


def _names_a_person(doc: _Doc, i: int) -> bool:
    """May a person's name follow token ``i`` inside a complement?

    After a role (``conseiller du ministre <PERSON>``) and, in French, after a common noun
    (``du gouvernement <PERSON>``).
    """
    t = doc.toks[i]
    return _head_word(t.low) in doc.lex.heads or (not doc.lex.english and _content(doc, t))


def _post_mods(doc: _Doc, i: int, limit: int) -> tuple[int, str | None]:
    """French modifiers after the head (``délégué``, ``socialiste``, an acronym, a party)."""
    lex = doc.lex
    qualifier: str | None = None
    for _ in range(3):
        t = _tok(doc, i + 1)
        if t is None or i + 1 >= limit:
            break
        if lex.english:
            if t.low == "designate":  # "minister designate"
                qualifier = "designate"
                i += 1
            break
        if t.low in lex.post_qualifiers:
            qualifier = lex.post_qualifiers[t.low]
        elif not (
            _adj_like(doc, t)
            or t.low in lex.heads
            or _is_acronym(t)
            or _mtype(doc, t) in (EntityType.ORG, EntityType.MISC)
        ):
            break
        i += 1
    return i, qualifier


def _extend(doc: _Doc, head_last: int, limit: int) -> tuple[int, str | None, tuple[int, ...]]:
    """Greedy end of the role from its head: modifiers, then complements (``de ...``, ``of``)."""
    lex = doc.lex
    i, qualifier = _post_mods(doc, head_last, limit)
    conj_ends: list[int] = []
    while True:
        j = i + 1
        coordinated = _low(doc, j) in lex.conj and _low(doc, j + 1) in lex.preps
        j += 1 if coordinated else 0
        if j >= limit or _low(doc, j) not in lex.preps or doc.toks[j].kind == "mention":
            break
        k = _np(doc, j + 1, limit)
        if k < 0 and _low(doc, j) == "auprès":
            k = _np(doc, j + 2, limit) if _low(doc, j + 1) in lex.preps else -1
        if k < 0:
            break
        if coordinated:
            conj_ends.append(i)
        i = k
    return i, qualifier, tuple(conj_ends)


def _premod(doc: _Doc, i: int) -> bool:
    """May token ``i`` stand before a head as part of the role (``Interior``, ``public``)?"""
    t = doc.toks[i]
    lex = doc.lex
    if not lex.english:
        return t.low in lex.pre_adjs
    if t.kind == "mention":
        return True
    if t.kind == "poss":
        prev = _tok(doc, i - 1)
        return prev is not None and (prev.kind == "mention" or _cap_word(doc, prev))
    if t.kind != "word" or t.low in lex.stop:
        return False
    if _cap_word(doc, t):
        return True
    return t.text[:1].islower() and (
        _adj_like(doc, t) or t.low in lex.nouns or _head_word(t.low) in lex.heads
    )


_NOUN_PREMODS = 2  # nouns before an English head read as part of the role ("market research firm")


def _noun_premod(doc: _Doc, i: int, head: int) -> bool:
    """An English noun before the head (``animation`` in "the animation company X"), when at
    most :data:`_NOUN_PREMODS` such words stand between a determiner or a possessive and the
    head: never a verb ("owns", "acquired") before a bare head."""
    if not doc.lex.english or head - i > _NOUN_PREMODS:
        return False
    for k in range(i, head):
        t = doc.toks[k]
        if not _content(doc, t) or t.low.endswith(("ed", "ing")) or t.low in _BEFORE_VERBS:
            return False
    before = _tok(doc, i - 1)
    return before is not None and (
        before.low in doc.lex.dets
        or before.kind == "poss"
        or before.low in _PREMOD_OPENERS  # "from research firm X", "at security vendor X"
    )


_PREMOD_OPENERS = _words("from at by with for of")  # not "to": "voted to fire coach X"


def _walk_back(doc: _Doc, head: int, floor: int) -> tuple[int, str, bool, int]:
    """First token of the role ending in ``head``, its qualifier, read backwards.

    Also says whether something opens the phrase (a determiner, a qualifier, a modifier) and
    gives the leftmost token read (determiners included).
    """
    lex = doc.lex
    first, qualifier, opened = head, "current", False
    i = head - 1
    while i >= floor and head - i <= 8:
        t = doc.toks[i]
        q = _qualifier(doc, t)
        if t.low in lex.dets and t.kind != "mention":
            return first, qualifier, True, i
        if q is not None:
            qualifier = q if qualifier == "current" else qualifier
            opened = True
        elif t.low in lex.skips:
            opened = True
        elif qualifier == "current" and _premod(doc, i) and first == i + 1:
            first, opened = i, True
        elif qualifier == "current" and first == i + 1 and _noun_premod(doc, i, head):
            first, opened = i, True  # "the animation company X", "the Beatles' record company"
        else:
            break
        i -= 1
    return first, qualifier, opened, i + 1


_ASIDE_TOKENS = 12  # tokens of a bracketed aside skipped between a role and its name


def _before_brackets(doc: _Doc, i: int) -> int:
    """The token before the brackets closing at ``i`` ("(DGPN)"), else ``i``."""
    if _low(doc, i) != ")":
        return i
    for j in range(i - 1, max(-1, i - _ASIDE_TOKENS), -1):
        low = _low(doc, j)
        if low == "(":
            return j - 1 if j > 0 else i
        if low == ")" or doc.toks[j].newline:
            return i
    return i


def _clause_floor(doc: _Doc, i: int, span: int = 16) -> int:
    floor = max(0, i - span)
    while i > floor:
        t = doc.toks[i]
        if t.newline:
            return i
        prev = doc.toks[i - 1]
        if _is_boundary(prev) or prev.text == ",":
            return i
        i -= 1
    return floor


def _skip_courtesy(doc: _Doc, i: int) -> int:
    while i < len(doc.toks) and doc.toks[i].low in doc.lex.courtesy:
        i += 1
    return i


def _skip_courtesy_back(doc: _Doc, i: int) -> int:
    while i >= 0 and doc.toks[i].low in doc.lex.courtesy:
        i -= 1
    return i


def _before_name(doc: _Doc, p: int) -> _Phrase | None:
    """The role written before the mention at token ``p``."""
    heads = _heads_for(doc, p)
    if not heads:
        return None
    gap_end = _skip_courtesy_back(doc, p - 1)
    comma = _low(doc, gap_end) == ","
    gap_end -= 1 if comma else 0
    if gap_end < 0 or (doc.toks[p].newline and not comma):
        return None
    # an aside between the role and the name: "le directeur de la police (DGPN) X",
    # "le secrétaire général de la FSU (première fédération), X"
    gap_end = _before_brackets(doc, gap_end)
    floor = _clause_floor(doc, gap_end)
    # "Selon le ministre, X a menti" is no title, "Selon le ministre, X, ..." is one
    cue_ok = not comma or _low(doc, p + 1) in (",", ")", "»", "–", "—")
    if _relative_clause_subject(doc, p):
        return None  # "the widow of a deputy [that] Nichols murdered": Nichols is no deputy
    kin = False
    for h in range(floor, gap_end + 1):
        phrase = _reaching(doc, h, gap_end, floor, heads, comma=comma, cue_ok=cue_ok)
        if phrase is not None and not _kin_of(doc, phrase.head):
            return phrase
        kin = kin or (phrase is not None and comma)  # "la veuve du sinologue, X": the widow
    last = doc.toks[gap_end]
    if doc.lex.english and not comma and heads is doc.lex.heads and _agent_noun(doc, gap_end):
        # "courthouse killer X", "the plumber X": a doer's noun right before a name
        heads = heads | {last.low}
        return _reaching(doc, gap_end, gap_end, floor, heads, comma=False, cue_ok=cue_ok)
    if not doc.lex.english and heads is doc.lex.heads and not kin:
        # "le sinologue X", "son éditeur, X", "à l'essayiste chinois X": a doer's noun after a
        # determiner, when no head of the lexicon is there (nor a kin noun's apposition: "la
        # veuve du sinologue, X" is the widow; "le fils du dessinateur X" is not); the one
        # nearest the name first ("le successeur du sinologue X"), the whole apposition's after
        # a comma ("l'éditeur du sinologue, X")
        agents = {k: doc.toks[k].low for k in range(floor, gap_end + 1) if _french_agent(doc, k)}
        for h in sorted(agents, reverse=not comma):
            if comma and not _opens_clause(doc, h):
                continue  # "Face à son agresseur, X": X is not the one facing
            phrase = _reaching(
                doc, h, gap_end, floor, heads | set(agents.values()), comma=comma, cue_ok=cue_ok
            )
            if phrase is not None:
                return phrase
    return None


_FR_AGENT_ENDINGS = ("eur", "rice", "iste", "logue", "ien", "ienne")  # not -euse: "fameuse"
# words of those endings that name no doer: things, adjectives ("le triste X")
_FR_NOT_AGENTS = _words(
    """secteur moteur bonheur malheur honneur erreur valeur couleur douleur chaleur hauteur
    longueur largeur lenteur rumeur terreur horreur fureur faveur ampleur lueur extérieur
    intérieur supérieur inférieur meilleur majeur mineur antérieur postérieur ordinateur
    ascenseur tracteur réacteur détecteur capteur radiateur aspirateur ancien quotidien
    soutien maintien entretien lien moyen citoyen rien bien combien dialogue catalogue
    prologue épilogue monologue matrice cicatrice triste chienne humeur"""
)


def _opens_clause(doc: _Doc, h: int) -> bool:
    """Whether the determiner before the doer's noun at ``h`` (or before its qualifier) opens
    its clause: a sentence's start, a comma or a colon before it, not a preposition."""
    k = h - 1
    if _low(doc, k) in doc.lex.qualifiers:
        k -= 1
    before = _tok(doc, k - 1)
    return before is None or _sentence_start(doc, k) or before.low in (",", ":", ";")


def _french_agent(doc: _Doc, i: int) -> bool:
    """A lowercase French noun of a doer ("sinologue", "éditeur", "humoriste") at token ``i``,
    right after a determiner (or a determiner and a qualifier: "l'ancien éditeur"): not a thing
    ("l'ordinateur", "la valeur": a noun in -eur after a feminine determiner is no doer), nor a
    word of the lexicon's own lists. Nouns in -ant, -ent and -euse are left out: as many are
    adjectives ("le puissant X", "le truculent X", "la fameuse X")."""
    t = doc.toks[i]
    lex = doc.lex
    before = i - 2 if _low(doc, i - 1) in lex.qualifiers else i - 1  # "l'ancien éditeur X"
    return (
        t.kind == "word"
        and t.text == t.low
        and len(t.low) >= 6
        and t.low.endswith(_FR_AGENT_ENDINGS)
        and t.low not in _FR_NOT_AGENTS
        and t.low not in lex.kin
        and t.low not in lex.stop
        and t.low not in lex.qualifiers
        and t.low not in lex.pre_adjs
        and _low(doc, before) in lex.dets | lex.np_dets
        and not (t.low.endswith("eur") and _low(doc, before) in _FEMININE_DETS)
    )


_FEMININE_DETS = frozenset({"la", "une", "cette", "sa", "ma", "ta"})


_AGENT_ENDINGS = ("er", "or", "ist", "ian")
# words of those endings that name no doer, or verbs ("insist", "murder", "consider")
_NOT_AGENTS = _words(
    """another however whether together further either neither former latter number border
    powder matter quarter corner dinner summer winter october november december september
    monitor sector factor mirror interior exterior superior inferior remember consider deliver
    answer counter register cluster poster shelter insist resist assist persist exist murder
    prefer offer suffer wonder gather bother consider discover recover"""
)


_BEFORE_VERBS = _words(
    """to i we they you he she it will would can could should may might must do does did not
    never also who which that"""
)


def _kin_of(doc: _Doc, head: int) -> bool:
    """A kin word with its complement ("the daughter of the court reporter X"): the name is the
    relative, not the kin; its own role, if any, is inside the complement."""
    return _low(doc, head) in doc.lex.kin and _low(doc, head + 1) in doc.lex.kin_preps


def _relative_clause_subject(doc: _Doc, p: int) -> bool:
    """English: a name right after "of <description>" and right before a past participle with
    no object ("the widow of a deputy Nichols murdered."): the subject of a relative clause
    without "whom", not the person the description names."""
    if not doc.lex.english:
        return False
    verb, after = _tok(doc, p + 1), _tok(doc, p + 2)
    if verb is None or verb.kind != "word" or not verb.text.islower():
        return False
    if not verb.low.endswith("ed"):
        return False
    if after is not None and not (_is_boundary(after) or after.low in (",", "in", "on", "at")):
        return False
    for k in range(p - 1, max(-1, p - 7), -1):  # back over the description to "of a"/"of the"
        t = doc.toks[k]
        if t.low in doc.lex.dets and _low(doc, k - 1) in doc.lex.kin_preps:
            return True
        if t.kind in ("mention", "punct"):
            return False
    return False


def _agent_noun(doc: _Doc, i: int) -> bool:
    """A lowercase English noun of a doer ("killer", "bomber", "columnist") at token ``i`` —
    not a verb after "to", a pronoun or a modal ("tried to murder X", "we prefer X")."""
    t = doc.toks[i]
    before = _tok(doc, i - 1)
    return (
        (before is None or before.low not in _BEFORE_VERBS)
        and t.kind == "word"
        and t.text == t.low
        and len(t.low) >= 6
        and t.low.endswith(_AGENT_ENDINGS)
        and t.low not in _NOT_AGENTS
        and t.low not in doc.lex.kin
        and t.low not in doc.lex.stop
    )


def _reaching(
    doc: _Doc,
    h: int,
    gap_end: int,
    floor: int,
    heads: frozenset[str],
    *,
    comma: bool,
    cue_ok: bool,
) -> _Phrase | None:
    """The role with head at ``h`` if it ends exactly at ``gap_end`` and opens properly."""
    lex = doc.lex
    head_last = _head_end(doc, h, heads)
    if head_last < 0 or head_last > gap_end:
        return None
    if lex.english:
        while head_last < gap_end and _head_end(doc, head_last + 1, heads) >= 0:
            head_last += 1
    last, qualifier, conj_ends = _extend(doc, head_last, gap_end + 1)
    if last != gap_end:
        return None
    first, pre_qualifier, opened, leftmost = _walk_back(doc, h, floor)
    if not _opens(doc, h, leftmost, opened, comma=comma, cue_ok=cue_ok):
        return None
    return _Phrase(first, h, last, qualifier or pre_qualifier, conj_ends)


def _opens(doc: _Doc, h: int, leftmost: int, opened: bool, *, comma: bool, cue_ok: bool) -> bool:
    """Does the role read backwards start a phrase of its own, not an apposition or a cue?"""
    lex = doc.lex
    before = _tok(doc, leftmost - 1)
    if not cue_ok and before is not None and before.low in lex.intro:
        return False  # "selon le ministre, X ..."
    if comma and before is not None and before.text == ",":
        owner = _tok(doc, _skip_courtesy_back(doc, leftmost - 2))
        if owner is not None and _mtype(doc, owner) is not None:
            return False  # "A, le maire de Lyon, B": the role is A's apposition
    head = doc.toks[h]
    if not lex.english:
        return opened or _sentence_start(doc, leftmost)
    if head.text[:1].isupper() or _head_word(head.low) not in lex.ambiguous:
        return True
    # "Voters judge X": a capitalised first word of a sentence does not make "judge" a title
    lone_cap = leftmost == h - 1 and _is_cap(doc.toks[leftmost]) and _sentence_start(doc, leftmost)
    return opened and not lone_cap


_FRONTED_WORDS = 6  # words from a sentence's start to a name in its introducing phrase


def _after_name(doc: _Doc, p: int) -> list[_Phrase]:
    """Roles in the apposition after the mention at token ``p`` (``X, maire de Y, ...``)."""
    heads = _heads_for(doc, p)
    opener = _low(doc, p + 1)
    if not heads or opener not in (",", "("):
        return []
    s = p + 2
    while _age_end(doc, s) >= 0:
        s = _age_end(doc, s) + 2
    if _names_before(doc, p):
        s = _after_distributive(doc, s)  # "X et Y, tous deux juges", "X and Y, both judges"
    limit = _segment_end(doc, s)
    phrases: list[_Phrase] = []
    phrase = _nominal(doc, s, limit, heads, apposed=True)
    while phrase is not None:
        if _is_person(doc, _skip_courtesy(doc, phrase.last + 1)):
            break  # "A, l'ex-préfète B": the role is B's, written before B's name
        phrases.append(phrase)
        nxt = phrase.last + 1
        if nxt >= limit or _low(doc, nxt) not in doc.lex.conj:
            break
        follow = _nominal(doc, nxt + 1, limit, heads)
        if follow is not None and follow.qualifier == "current" and phrase.qualifier != "current":
            follow = _Phrase(follow.first, follow.head, follow.last, phrase.qualifier)
        phrase = follow
    if phrases and _fronted(doc, p) and not _closed(doc, phrases[-1].last + 1):
        return []  # "Selon X, le ministre a menti": the main clause's subject, not X's role
    return phrases


# what says that a plural apposition after coordinated names is each one's
_DISTRIBUTIVE = (
    ("tous", "deux"), ("toutes", "deux"), ("tous", "les", "deux"), ("toutes", "les", "deux"),
    ("tous", "trois"), ("toutes", "trois"), ("tous", "les", "trois"), ("both",), ("all", "three"),
)  # fmt: skip


def _after_distributive(doc: _Doc, s: int) -> int:
    for words in _DISTRIBUTIVE:
        if all(_low(doc, s + k) == word for k, word in enumerate(words)):
            return s + len(words)
    return s


def _fronted(doc: _Doc, p: int) -> bool:
    """Whether the mention at ``p`` is in a phrase that opens its sentence with an introducer
    (``Selon le journal X,``, ``According to X,``): the comma after it closes that phrase, and
    what follows is an apposition only when it is closed too (not so of ``…, selon X, …``)."""
    for k in range(p - 1, max(-1, p - 1 - _FRONTED_WORDS), -1):
        if _sentence_start(doc, k):
            mark = _tok(doc, k - 1)
            if _low(doc, k) == "," or (mark is not None and mark.text in ("»", "”", '"')):
                return False  # "« … », selon X, …": the quote is the main clause
            intro = next((j for j in (k, k + 1) if j < p and _low(doc, j) in doc.lex.intro), -1)
            return intro >= 0 and all(_low(doc, j) != "," for j in range(intro + 1, p))
    return False


def _closed(doc: _Doc, i: int) -> bool:
    """Whether an apposition ends before token ``i``: a comma, a sentence's end, a line's."""
    t = _tok(doc, i)
    if t is None or t.newline or t.low == "," or _is_boundary(t):
        return True
    # "X, maire de Lyon depuis 2014,", "X, a nurse who works at the clinic,": a modifier the
    # phrase did not take, up to a second comma
    if t.low in _CLAUSE_WORDS or t.low in doc.lex.preps or t.low in ("depuis", "since"):
        end = _tok(doc, _segment_end(doc, i))
        return end is not None and end.low == ","
    return False


def _segment_end(doc: _Doc, s: int) -> int:
    i = s
    while i < len(doc.toks) and i - s < 30:
        t = doc.toks[i]
        if (t.kind == "punct" and (t.text in _BOUNDARY or t.text == ",")) or (t.newline and i > s):
            break
        i += 1
    return i


def _age_end(doc: _Doc, s: int) -> int:
    """Last token of an age apposition at ``s`` followed by a comma (``22 ans,``), else -1."""
    lex = doc.lex
    i = s
    if _low(doc, i) in ("âgé", "âgée", "aged"):
        i += 2 if _low(doc, i + 1) == "de" else 1
    t = _tok(doc, i)
    if t is None or t.kind != "num" or not t.text.isdigit():
        return _age_end_words(doc, s)
    if _low(doc, i + 1) in lex.age_words:
        i += 1
        i += 1 if _low(doc, i + 1) == "old" else 0
    return i if _low(doc, i + 1) == "," else -1


def _age_end_words(doc: _Doc, s: int) -> int:
    if _tok(doc, s) is not None and _is_age(doc, s) and _low(doc, s + 1) == ",":
        return s
    return -1


_APPOSED_NOUNS = 3  # lowercase nouns before an English head in an apposition


def _nominal(
    doc: _Doc, s: int, limit: int, heads: frozenset[str], *, apposed: bool = False
) -> _Phrase | None:
    """A role phrase read forwards from ``s``: determiners, qualifiers, modifiers, head, rest.

    ``apposed``: the phrase stands between commas after a name, where an English role may
    open with nouns the lexicon does not know ("X, intelligence director of Y", "X, senior
    antivirus researcher for Y", "X, security and forensic analyst at Y"): up to
    :data:`_APPOSED_NOUNS` of them, no verb form ("-ed", "-ing") among them."""
    lex = doc.lex
    first, qualifier = -1, "current"
    nouns = 0
    i = s
    while i < limit and i - s < 8:
        t = doc.toks[i]
        head_last = _head_end(doc, i, heads)
        if head_last >= 0 and head_last < limit:
            phrase = _finish(doc, first if first >= 0 else i, i, head_last, limit, qualifier)
            if nouns and not _one_apposed(doc, phrase):
                return None  # "X, police and fire officials said": a list, not X's role
            return phrase
        q = _qualifier(doc, t)
        if first < 0 and t.low in lex.dets and t.kind != "mention":
            pass
        elif q is not None:
            qualifier = q
        elif t.low in lex.skips or _is_age(doc, i):
            pass
        elif _premod(doc, i):
            first = i if first < 0 else first
        elif apposed and lex.english and nouns < _APPOSED_NOUNS and _apposed_noun(doc, i, first):
            first = i if first < 0 else first
            nouns += 1
        else:
            return None
        i += 1
    return None


def _one_apposed(doc: _Doc, phrase: _Phrase) -> bool:
    """A role opened by unknown nouns is one person's: its head is singular and the
    apposition closes after it or goes on with a modifier ("X, Y, city council members and
    the mayor" is a list)."""
    head = doc.toks[phrase.head].low
    singular = not head.endswith("s") or head.endswith("ss")
    nxt = _tok(doc, phrase.last + 1)
    # closed, or going on with a modifier ("… for Kaspersky since 2010.", "… in London, said")
    modified = nxt is not None and (
        nxt.low in doc.lex.preps or nxt.low in doc.lex.conj or nxt.low in ("since", "depuis")
    )
    return singular and (_closed(doc, phrase.last + 1) or modified)


_NOT_APPOSED = _words(
    """once twice ex also now then still later soon already most many some several few all
    both each every other such"""
)


def _apposed_noun(doc: _Doc, i: int, first: int) -> bool:
    """A lowercase noun opening an English role, or "and" between two of them."""
    t = doc.toks[i]
    if t.low in ("and", "&"):
        nxt = _tok(doc, i + 1)
        return first >= 0 and nxt is not None and _content(doc, nxt)
    return (
        _content(doc, t)
        and not t.low.endswith(("ed", "ing", "ly"))
        and t.low not in _BEFORE_VERBS
        and t.low not in _NOT_APPOSED
    )


def _finish(doc: _Doc, first: int, h: int, head_last: int, limit: int, qualifier: str) -> _Phrase:
    heads = doc.lex.heads if _head_word(doc.toks[h].low) in doc.lex.heads else doc.lex.org_heads
    if doc.lex.english:
        while head_last + 1 < limit and _head_end(doc, head_last + 1, heads) >= 0:
            head_last += 1
    if _head_word(doc.toks[head_last].low) != doc.toks[head_last].low:
        qualifier = "designate"
    last, post, _ = _extend(doc, head_last, limit)
    return _Phrase(first, h, last, post or qualifier)


# ---------------------------------------------------------------------------------------------
# Appointments


def _designated(doc: _Doc, p: int) -> list[_Phrase]:
    """``proposed X to lead Y``, ``X, pressentie pour diriger Y``, ``X, nommé à la tête de Y``."""
    lex = doc.lex
    heads = _heads_for(doc, p)
    if heads is not lex.heads:
        return []
    j = p + 1
    while _low(doc, j) in lex.aux and j - p < 5:
        j += 1
    after = _low(doc, j) in lex.designators
    j += 1 if after else 0
    designated = after or _designator_before(doc, p)
    limit = _segment_end(doc, j)
    phrase = _appointment(doc, j, limit, heads, designated=designated, after=after)
    return [phrase] if phrase is not None else []


def _appointment(
    doc: _Doc, j: int, limit: int, heads: frozenset[str], *, designated: bool, after: bool
) -> _Phrase | None:
    lex = doc.lex
    qualifier = "designate" if designated else "current"
    low = _low(doc, j)
    if low in lex.to_words and designated:
        return _verbal(doc, j + 1, limit, heads, qualifier)
    if low in lex.as_words and designated:
        return _requalify(_nominal(doc, j + 1, limit, heads), qualifier)
    if low == "en" and _low(doc, j + 1) == "tant" and _low(doc, j + 2) == "que":
        return _requalify(_nominal(doc, j + 3, limit, heads), qualifier)
    if low in ("à", "au") and _at_the_head(doc, j):
        return _verbal(doc, j, limit, heads, qualifier)
    if after:
        return _requalify(_nominal(doc, j, limit, heads), qualifier)
    return None


def _at_the_head(doc: _Doc, j: int) -> bool:
    """``à la tête de``, ``au poste de``, ``à la direction de``."""
    if _low(doc, j) == "au":
        return _low(doc, j + 1) == "poste"
    return _low(doc, j + 1) == "la" and _low(doc, j + 2) in ("tête", "direction", "présidence")


def _requalify(phrase: _Phrase | None, qualifier: str) -> _Phrase | None:
    if phrase is None or qualifier == "current":
        return phrase
    return _Phrase(phrase.first, phrase.head, phrase.last, qualifier)


def _verbal(doc: _Doc, v: int, limit: int, heads: frozenset[str], qualifier: str) -> _Phrase | None:
    """``lead the agency``, ``diriger l'office``, ``à la tête du tribunal``."""
    lex = doc.lex
    low = _low(doc, v)
    if low in lex.copulas:
        return _requalify(_nominal(doc, v + 1, limit, heads), qualifier)
    if low not in lex.role_verbs and low not in ("à", "au"):
        return None
    k = _np(doc, v + 1, limit)
    if k < 0:
        return None
    last, _, _ = _extend(doc, k, limit)
    return _Phrase(v, v, last, qualifier)


def _designator_before(doc: _Doc, p: int) -> bool:
    """A verb or noun of appointment shortly before the mention in the same clause."""
    floor = _clause_floor(doc, p - 1, span=8) if p > 0 else 0
    return any(doc.toks[i].low in doc.lex.designators for i in range(floor, p))


# ---------------------------------------------------------------------------------------------
# Coordinated names


def _names_after(doc: _Doc, p: int) -> list[int]:
    """Token indices of the names coordinated with the mention at ``p`` that follow it."""
    out: list[int] = []
    i = p
    while True:
        j = _next_coordinated(doc, i)
        if j < 0:
            return out
        out.append(j)
        i = j


def _next_coordinated(doc: _Doc, i: int) -> int:
    j = i + 1
    if _low(doc, j) == ",":
        j += 1
        return j if _is_person(doc, j) and _next_coordinated(doc, j) >= 0 else -1
    if _low(doc, j) not in doc.lex.conj:
        return -1
    j += 1
    j += 1 if _low(doc, j) in ("de", "d'", "of") else 0
    j += 1 if _low(doc, j) in doc.lex.courtesy else 0
    return j if _is_person(doc, j) else -1


def _names_before(doc: _Doc, p: int) -> list[int]:
    """Token indices of the names coordinated with the mention at ``p`` that precede it."""
    out: list[int] = []
    i = p
    while True:
        j = i - 1
        j -= 1 if _low(doc, j) in doc.lex.courtesy else 0
        j -= 1 if _low(doc, j) in ("de", "d'", "of") else 0
        if _low(doc, j) not in doc.lex.conj and _low(doc, j) != ",":
            return out
        j -= 1
        j -= 1 if _low(doc, j) in doc.lex.courtesy else 0
        if not _is_person(doc, j):
            return out
        out.insert(0, j)
        i = j


def _is_mention(doc: _Doc, i: int) -> bool:
    t = _tok(doc, i)
    return t is not None and t.kind == "mention"


def _is_person(doc: _Doc, i: int) -> bool:
    t = _tok(doc, i)
    return t is not None and _mtype(doc, t) is EntityType.PERSON


# ---------------------------------------------------------------------------------------------
# Roles


def _fact(doc: _Doc, p: int, phrase: _Phrase, last: int | None = None) -> RoleFact:
    end_tok = doc.toks[phrase.last if last is None else last]
    start = doc.toks[phrase.first].start
    organisation = _organisation(doc, phrase.first, phrase.head, end_tok.end)
    mention = doc.toks[p].mention
    return RoleFact(
        mention, start, end_tok.end, doc.text[start : end_tok.end], phrase.qualifier, organisation
    )


def _pre_roles(doc: _Doc, p: int) -> list[RoleFact]:
    phrase = _before_name(doc, p)
    if phrase is None:
        return []
    names = [p, *_names_after(doc, p)]
    if phrase.conj_ends and len(names) == len(phrase.conj_ends) + 1:
        return [_fact(doc, p, phrase, phrase.conj_ends[0])]  # the others' parts are not spans
    if len(names) > 1 and doc.toks[phrase.head].low in doc.lex.plural:
        return [_fact(doc, q, phrase) for q in names]
    return [_fact(doc, p, phrase)]


def _post_roles(doc: _Doc, p: int) -> list[RoleFact]:
    phrases = _after_name(doc, p)
    if not phrases:
        return []
    if len(phrases) == 1 and (following := _named_next(doc, phrases[0])) is not None:
        return [_fact(doc, following, phrases[0])]
    names = [*_names_before(doc, p), p]
    if len(names) > 1 and len(phrases) == len(names):
        return [_fact(doc, q, ph) for q, ph in zip(names, phrases, strict=True)]
    if len(names) > 1 and doc.toks[phrases[0].head].low in doc.lex.plural:
        return [_fact(doc, q, ph) for q in names for ph in phrases]
    return [_fact(doc, p, ph) for ph in phrases]


# present forms of the verbs of leading ("qui dirige Y", "who heads Y")
_LEADING_VERBS = _words(
    """dirige dirigent préside président pilote commande gère anime heads leads runs chairs
    directs oversees manages commands"""
)


def _relative_role(doc: _Doc, p: int) -> list[RoleFact]:
    """ "X, qui dirige Y,", "X, who heads Y,": the office the clause describes."""
    if (
        not _is_person(doc, p)
        or _low(doc, p + 1) != ","
        or _low(doc, p + 2)
        not in (
            "qui",
            "who",
        )
    ):
        return []
    verb = p + 3
    if _low(doc, verb) in ("also", "aussi", "now", "désormais", "currently"):
        verb += 1
    if _low(doc, verb) not in _LEADING_VERBS:
        return []
    after = _tok(doc, verb + 1)
    if after is None or not (after.low in doc.lex.dets or after.kind == "mention"):
        return []  # "who heads to Brussels", "qui pilote depuis": not an office
    last = -1
    for i in range(verb + 1, min(len(doc.toks), verb + _APPOSITION_WORDS)):
        t = doc.toks[i]
        if t.newline or (t.kind == "punct" and t.low in (",", ".", ")", ";")):
            break
        last = i
    if last < 0:
        return []
    return [_fact(doc, p, _Phrase(verb, verb, last))]


def _role_before_comma(doc: _Doc, p: int) -> list[RoleFact]:
    """ "The agency's chief, Jane Roe,", "Interpol's secretary general, X,": a description
    ending with a role head, then a comma, then the name (and a comma or the verb after it)."""
    comma = p - 1
    if not _is_person(doc, p) or _low(doc, comma) != ",":
        return []
    head_last = comma - 1
    t = _tok(doc, head_last)
    if t is None or t.kind != "word" or _head_word(t.low) not in doc.lex.heads:
        return []
    first = head_last
    while first - 1 >= 0 and first > head_last - _APPOSITION_WORDS:
        before = doc.toks[first - 1]
        if before.newline or (before.kind == "punct" and before.low not in ("'", "’")):
            break
        if before.low in doc.lex.stop and before.low not in doc.lex.dets:
            return []  # "Reçu par le Premier ministre, X": an object, not X's description
        first -= 1
    else:
        if first > 0:
            return []  # no clause start within reach
    opening = _tok(doc, first)
    if opening is None or opening.low not in doc.lex.dets:
        return []  # "the agency's chief", "le directeur du Tour": a determiner opens it
    if any(doc.toks[i].low in doc.lex.intro for i in range(max(0, first - 1), head_last + 1)):
        return []  # "Selon le ministre, X a menti": the minister is a source, not X
    while first < head_last and doc.toks[first].low in doc.lex.dets:
        first += 1
    if doc.toks[first].kind == "mention" and _is_person(doc, first):
        return []  # "X, chief, Y": a list
    phrase = _Phrase(first, head_last, head_last)
    names = [p, *_names_after(doc, p)]
    if len(names) > 1 and doc.toks[head_last].low in doc.lex.plural:
        return [_fact(doc, q, phrase) for q in names]  # "Les deux ministres, X et Y,"
    return [_fact(doc, p, phrase)]


def _named_next(doc: _Doc, phrase: _Phrase) -> int | None:
    """The person named right after a description between commas that follows another name:
    in "Outre X, le patron de Y, Z, a protesté" the description is Z's (French puts the
    description before the name it presents), not X's."""
    comma = phrase.last + 1
    if doc.lex.english or _low(doc, comma) != "," or not _is_person(doc, comma + 1):
        return None  # English lists ("X, the mayor, Y, the treasurer") pair in order
    first = doc.toks[phrase.first]
    before = _tok(doc, phrase.first - 1)
    definite = before is not None and before.low in ("le", "la", "l'", "the")
    if not (definite or first.low in ("le", "la", "l'", "the")):
        return None
    after = _tok(doc, comma + 2)
    return comma + 1 if after is not None and after.low == "," else None


def find_roles(text: str, mentions: Sequence[Mention], *, language: str) -> list[RoleFact]:
    """Roles of the people and organisations in ``mentions`` stated around them in ``text``.

    ``mentions`` are sorted, non-overlapping spans of ``text``; each fact's ``mention`` is an
    index into them and ``text[fact.start:fact.end] == fact.text``. Languages other than French
    and English give no roles.
    """
    lex = _LEXICONS.get(language[:2].lower())
    if lex is None or not mentions:
        return []
    return _roles_in(_document(text, mentions, lex))


def find_roles_and_relations(
    text: str, mentions: Sequence[Mention], *, language: str
) -> tuple[list[RoleFact], list[RelationFact]]:
    """:func:`find_roles` and :func:`find_relations` at once, reading the text once."""
    lex = _LEXICONS.get(language[:2].lower())
    if lex is None or not mentions:
        return [], []
    doc = _document(text, mentions, lex)
    roles = _roles_in(doc)
    return roles, _relations_in(doc, roles)


def _roles_in(doc: _Doc) -> list[RoleFact]:
    found: dict[tuple[int, int, int], RoleFact] = {}
    for p in doc.at.values():
        facts = (*_pre_roles(doc, p), *_post_roles(doc, p), *_designated_roles(doc, p))
        if not facts:
            facts = (*_apposition(doc, p), *_relative_role(doc, p), *_role_before_comma(doc, p))
        for fact in facts:
            found.setdefault((fact.mention, fact.start, fact.end), fact)
    return sorted(found.values(), key=lambda r: (r.start, r.mention, r.end))


_APPOSITION_WORDS = 10  # tokens of an apposition read at most
_CLAUSE_WORDS = _words("who which whom whose that qui que qu' dont où lequel laquelle")
_TIME_NOUNS = _words(
    """day days week weeks month months year years hour hours minute minutes time moment later
    earlier morning evening night weekend jour jours semaine semaines mois an ans année années
    heure heures minute minutes veille lendemain matin soir nuit fois instant"""
)


def _apposition(doc: _Doc, p: int) -> list[RoleFact]:
    """A noun phrase between commas right after a person's name, whatever its head: "X, a
    doctor at Y,", "X, one of the defence lawyers,", "X, un chercheur du CNRS,". It opens with a
    determiner (or "one of" / "l'un des"), holds no clause, and ends at a comma, a full stop or
    a closing bracket; the lexicon of roles did not recognise it."""
    if not _is_person(doc, p) or _low(doc, p + 1) != ",":
        return []
    i = p + 2
    if _low(doc, i) in ("one", "l'un", "l'une", "un", "une") and _low(doc, i + 1) in (
        "of",
        "des",
        "de",
    ):
        i += 2
    first = i
    if _low(doc, i) not in doc.lex.dets:
        return []
    i += 1
    last = -1
    while i < min(len(doc.toks), first + _APPOSITION_WORDS):
        t = doc.toks[i]
        if t.newline or (t.kind == "punct" and t.low in (",", ".", ")", ";", ":")):
            break
        stop = t.low in doc.lex.stop and t.low not in doc.lex.conj
        if t.low in _CLAUSE_WORDS or stop or t.kind == "num" or t.low in _TIME_NOUNS:
            return []  # a clause, or a time ("X, the next day, said")
        if t.kind == "mention" and _is_person(doc, i):
            return []  # another person: a list of names, not a description
        last = i
        i += 1
    else:
        return []  # no end in sight: a clause, not an apposition
    if _fronted(doc, p) and (i >= len(doc.toks) or doc.toks[i].low != ","):
        return []  # "According to X, the agency lied": the main clause's subject
    if (
        last < 0
        or i >= len(doc.toks)
        or not any(
            doc.toks[k].kind == "word" and not doc.toks[k].text[:1].isupper()
            for k in range(first + 1, last + 1)
        )
    ):
        return []
    return [_fact(doc, p, _Phrase(first + 1, first + 1, last))]


def _designated_roles(doc: _Doc, p: int) -> list[RoleFact]:
    return [_fact(doc, p, phrase) for phrase in _designated(doc, p)]


# ---------------------------------------------------------------------------------------------
# Organisations in roles


def _org_links(doc: _Doc, first: int, head: int, end: int) -> list[tuple[int, str]]:
    """(mention index, how) of the organisations named in a role.

    ``how``: ``bare`` (``<ORG> president``, ``député <ORG>``), ``poss`` (``<ORG>'s``), ``of``
    (in the head's own complement) or ``deep`` (in a later complement: ``mayor of <ORG>`` in
    ``candidate for mayor of <ORG>``).
    """
    links: list[tuple[int, str]] = []
    preps = 0
    i = first
    while i < len(doc.toks) and doc.toks[i].end <= end:
        t = doc.toks[i]
        if i > head and t.low in doc.lex.preps:
            preps += 1
        if _mtype(doc, t) is EntityType.ORG:
            links.append((t.mention, _org_position(doc, i, head, preps)))
        i += 1
    return links


def _org_position(doc: _Doc, i: int, head: int, preps: int) -> str:
    if i < head:
        return "poss" if _low(doc, i + 1) == "'s" else "bare"
    return "bare" if preps == 0 else "of" if preps == 1 else "deep"


def _org_predicate(doc: _Doc, head: int, how: str) -> str | None:
    """What naming the organisation this way says: ``holds_office``, ``member_of`` or nothing."""
    word = _head_word(doc.toks[head].low)
    if how == "deep":
        return None if word in doc.lex.affiliation else "holds_office"
    if how == "of":
        return "member_of" if word in doc.lex.membership else "holds_office"
    return "member_of" if word in doc.lex.affiliation else "holds_office"


def _organisation(doc: _Doc, first: int, head: int, end: int) -> int | None:
    """The organisation the role is at: named in a complement, possessive or premodifier."""
    for mention, how in _org_links(doc, first, head, end):
        predicate = _org_predicate(doc, head, how)
        if predicate == "holds_office" or (predicate is not None and how != "bare"):
            return mention
    return None


# ---------------------------------------------------------------------------------------------
# strip_title


def strip_title(text: str, start: int, end: int, *, language: str) -> tuple[int, int, str | None]:
    """The bare name in ``text[start:end]`` and the courtesy title or office stripped from it.

    ``M. Martin`` → ``Martin`` and ``M.``; ``le président Jean Martin`` → ``Jean Martin`` and
    ``président``; ``Defence Minister Jane Roe`` → ``Jane Roe`` and ``Defence Minister``.
    Leading determiners are dropped from both. Without a title: ``(start, end, None)``.
    """
    lex = _LEXICONS.get(language[:2].lower())
    if lex is None:
        return start, end, None
    toks: list[_Tok] = []
    _scan(text, start, end, toks)
    doc = _Doc(text, [], lex, toks)
    k = _title_length(doc)
    if k == 0:
        return start, end, None
    first = 0
    while toks[first].low in lex.dets:
        first += 1
    return toks[k].start, end, text[toks[first].start : toks[k - 1].end]


def _title_length(doc: _Doc) -> int:
    """Number of leading tokens that are a title followed by a name, else 0."""
    lex = doc.lex
    best = 0
    for i, t in enumerate(doc.toks[:-1]):
        if t.low in lex.courtesy or _head_end(doc, i, lex.heads) >= 0:
            best = i + 1 if _name_start(doc, i + 1) else best
        elif not _title_word(doc, i):
            break
    return best


def _title_word(doc: _Doc, i: int) -> bool:
    lex = doc.lex
    t = doc.toks[i]
    return (
        t.low in lex.dets
        or _qualifier(doc, t) is not None
        or t.low in lex.pre_adjs
        or (lex.english and _premod(doc, i))
        or (not lex.english and i > 0 and _adj_like(doc, t))
        or (t.low in ("des", "sceaux") and not lex.english)
    )


def _name_start(doc: _Doc, i: int) -> bool:
    t = doc.toks[i]
    courtesy = i > 0 and doc.toks[i - 1].low in doc.lex.courtesy
    if courtesy and t.low in PARTICLES and i + 1 < len(doc.toks):
        return _name_start(doc, i + 1)  # "M. de Castries", "Mr. van Dyke"; not "maire de Paris"
    return t.text[:1].isupper() and t.low not in doc.lex.courtesy and t.kind in ("word", "abbr")


# ---------------------------------------------------------------------------------------------
# Relations


def _kin_object(doc: _Doc, i: int) -> int:
    """Token of the person a kin word's complement names, starting at ``i``, else -1.

    A name right after the kin word counts whatever its type (NER often mistypes a lone first
    name); one further on must be a person.
    """
    if _is_mention(doc, i):
        return i
    lex = doc.lex
    phrase = _nominal(doc, i, _segment_end(doc, i), lex.heads)
    k = phrase.last + 1 if phrase is not None else i
    if phrase is not None and _low(doc, k) == "," and _is_person(doc, k + 1):
        return k + 1
    for j in range(k, min(k + 7, len(doc.toks))):
        t = doc.toks[j]
        if _is_person(doc, j):
            return -1 if _relative_clause_subject(doc, j) else j
        if t.kind in ("punct", "mention") or t.low in lex.aux or t.low in _CLAUSE_WORDS:
            return -1
    return -1


def _kin_at(doc: _Doc, i: int) -> tuple[int, str] | None:
    """(kin word index, predicate) after optional determiner and adjectives at ``i``."""
    lex = doc.lex
    j = i
    if _low(doc, j) in lex.np_dets:
        j += 1
    while _low(doc, j) in lex.kin_adjs and j - i < 3:
        j += 1
    predicate = lex.kin.get(_low(doc, j))
    return (j, predicate) if predicate else None


def _relation(doc: _Doc, subj: int, predicate: str, obj: int, start: int, end: int) -> RelationFact:
    return RelationFact(
        doc.toks[subj].mention,
        predicate,
        doc.toks[obj].mention,
        doc.toks[start].start,
        doc.toks[end].end,
    )


def _kin_after(doc: _Doc, p: int) -> list[RelationFact]:
    """``X, frère de Y``, ``X, the brother of Y``, ``X est la fille de Y``."""
    lex = doc.lex
    nxt = _low(doc, p + 1)
    if nxt != "," and nxt not in lex.copula_verbs:
        return []
    kin = _kin_at(doc, p + 2)
    if kin is None or _low(doc, kin[0] + 1) not in lex.kin_preps:
        return []
    obj = _kin_object(doc, kin[0] + 2)
    return [_relation(doc, p, kin[1], obj, kin[0], obj)] if obj >= 0 else []


def _kin_possessive(doc: _Doc, p: int) -> list[RelationFact]:
    """``Y's brother X`` → X sibling_of Y."""
    if _low(doc, p + 1) != "'s":
        return []
    kin = _kin_at(doc, p + 2)
    if kin is None:
        return []
    x = kin[0] + 1 + (_low(doc, kin[0] + 1) == ",")
    return [_relation(doc, x, kin[1], p, p, x)] if _is_mention(doc, x) else []


def _kin_whose(doc: _Doc, p: int) -> list[RelationFact]:
    """``X, whose brother, Z`` / ``X, dont le frère Z`` → Z sibling_of X."""
    if _low(doc, p + 1) != "," or _low(doc, p + 2) not in doc.lex.whose:
        return []
    kin = _kin_at(doc, p + 3)
    if kin is None:
        return []
    z = kin[0] + 1 + (_low(doc, kin[0] + 1) == ",")
    return [_relation(doc, z, kin[1], p, p + 2, z)] if _is_mention(doc, z) else []


def _kin_before(doc: _Doc, p: int) -> list[RelationFact]:
    """``le frère de Y, X, ...`` / ``the brother of Y, X,`` → X sibling_of Y."""
    lex = doc.lex
    if _low(doc, p - 1) != "," or _low(doc, p + 1) not in (",", ")", "."):
        return []
    y = _skip_courtesy_back(doc, p - 2)
    if not _is_person(doc, y) or _low(doc, y - 1) not in lex.kin_preps:
        return []
    k = y - 2
    predicate = lex.kin.get(_low(doc, k))
    if predicate is None or _low(doc, k - 1) not in lex.np_dets:
        return []
    before = _tok(doc, k - 2)
    if before is not None and (before.kind == "mention" or before.low in lex.copula_verbs):
        return []
    return [_relation(doc, p, predicate, y, k, p)]


def _party_in_brackets(doc: _Doc, p: int) -> list[RelationFact]:
    """``Jean Martin (PX)`` → member_of the organisation in brackets."""
    org = p + 2
    t = _tok(doc, org)
    if _low(doc, p + 1) != "(" or t is None or _mtype(doc, t) is not EntityType.ORG:
        return []
    if _low(doc, org + 1) != ")":
        return []
    return [_relation(doc, p, "member_of", org, p, org + 1)]


def _role_relations(doc: _Doc, roles: Sequence[RoleFact]) -> list[RelationFact]:
    out: list[RelationFact] = []
    by_start = {t.start: i for i, t in enumerate(doc.toks)}
    for role in roles:
        first = by_start.get(role.start)
        if role.qualifier != "current" or first is None:
            continue
        head = _role_head(doc, first, role.end)
        if _low(doc, head) in doc.lex.kin:
            continue  # "veuve d'un policier de la BAC": a family tie, no office there
        for mention, how in _org_links(doc, first, head, role.end):
            predicate = _org_predicate(doc, head, how)
            if predicate is None or (predicate == "holds_office" and mention != role.organisation):
                continue
            out.append(RelationFact(role.mention, predicate, mention, role.start, role.end))
    return out


def _role_head(doc: _Doc, first: int, end: int) -> int:
    """The role's head token (its first head word), else its first token."""
    lex = doc.lex
    i = first
    while i < len(doc.toks) and doc.toks[i].end <= end:
        if _head_end(doc, i, lex.heads) >= 0 or _head_end(doc, i, lex.org_heads) >= 0:
            return i
        i += 1
    return first


def find_relations(
    text: str, mentions: Sequence[Mention], roles: Sequence[RoleFact], *, language: str
) -> list[RelationFact]:
    """Relations between ``mentions`` stated in ``text``: family ties, offices, memberships.

    ``roles`` are the document's roles (from :func:`find_roles`); their current ones that name
    an organisation mention give ``holds_office`` or ``member_of``. Subjects and objects are
    indices into ``mentions``; ``text[fact.start:fact.end]`` states the relation.
    """
    lex = _LEXICONS.get(language[:2].lower())
    if lex is None or not mentions:
        return []
    return _relations_in(_document(text, mentions, lex), roles)


def _relations_in(doc: _Doc, roles: Sequence[RoleFact]) -> list[RelationFact]:
    found: dict[tuple[int, str, int], RelationFact] = {}
    facts: list[RelationFact] = []
    for p in doc.at.values():
        if _is_person(doc, p):
            facts += _kin_after(doc, p) + _kin_possessive(doc, p) + _kin_whose(doc, p)
            facts += _kin_before(doc, p) + _party_in_brackets(doc, p)
    for fact in (*facts, *_role_relations(doc, roles)):
        if fact.subject != fact.object:
            found.setdefault((fact.subject, fact.predicate, fact.object), fact)
    return sorted(found.values(), key=lambda r: (r.start, r.subject, r.object))


_TITLE_ABBREVIATIONS = RANKS
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_][\w.'’-]*\.?) $")


def title_before(text: str, start: int, *, language: str) -> int | None:
    """Where a courtesy title or a capitalised title word right before ``text[start]`` begins.

    ``"M. Martin"``, ``"Mme Roe"``, ``"Judge Roe"``, ``"Sgt. Roe"`` → the start of the title, so
    that the name as written with its title can be an alias; otherwise ``None``.
    """
    lex = _LEXICONS.get(language[:2].lower())
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if lex is None or found is None:
        return None
    word = found.group(1)
    low = word.lower().translate(_APOSTROPHES)
    if low in lex.courtesy or low.rstrip(".") in lex.courtesy:
        return found.start(1)
    if word.endswith(".") and word[:1].isupper() and low.rstrip(".") in _TITLE_ABBREVIATIONS:
        return found.start(1)  # "Sgt. Roe", "Rep. Roe", "Gén. Roe"
    if word[:1].isupper() and _head_word(low) in lex.heads:  # capitalised: a title here
        return found.start(1)
    return None
