"""Generic French and English words for reported speech: speech verbs, speakers, title cues.

Every word is lower-case with straight apostrophes. Nothing here is about a story.
"""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.plurals import english_plurals, french_plurals


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------------------------
# Speech verbs

# French verbs of the first group (infinitives, reflexive ones without "se"); their forms are
# generated. ``weak``: they report speech only right before the quotation (``appelle à « … »``).
_FR_ER = """
    déclarer affirmer estimer dénoncer assurer expliquer souligner ajouter indiquer préciser
    rappeler insister confier lancer répliquer rétorquer marteler trancher regretter déplorer
    critiquer accuser interroger demander questionner souhaiter espérer juger considérer
    observer noter constater commenter raconter relater témoigner résumer annoncer confirmer
    avouer signaler clamer proclamer jurer analyser détailler nuancer argumenter plaider glisser
    souffler lâcher tweeter exclamer écrier indigner insurger alarmer inquiéter féliciter
    étonner emporter agacer ironiser railler fustiger tacler cingler tonner pester alerter
    enchaîner abonder tempérer compléter concéder répéter suggérer relever pointer avancer
    objecter assener asséner confesser préconiser recommander exhorter réclamer exiger appeler
    prôner saluer murmurer crier hurler chuchoter tempêter fulminer offusquer plaisanter soupirer
"""
_FR_IRREGULAR = """
    dit dits dite dites disent disait disaient disant dire dira dirait
    répond répondent répondu répondue répondait répondant répondit
    prévient préviennent prévenu prévenue prévenait prévenant prévint
    reconnaît reconnait reconnaissent reconnu reconnue reconnaissait reconnaissant reconnut
    admet admettent admis admise admettait admettant admit
    promet promettent promis promise promettait promettant promit
    conclut concluent conclu conclue concluait concluant
    écrit écrivent écrite écrivait écrivant écrivit
    poursuit poursuivent poursuivi poursuivait poursuivant poursuivit
    avertit avertissent averti avertie avertissait avertissant
    soutient soutiennent soutenu soutenue soutenait soutenant soutint
    maintient maintiennent maintenu maintenait maintenant
    réjouit réjoui réjouie renchérit renchéri renchérissant
    dément démentent démenti démentait démentant
    prédit prédisent prédisait prédisant
    répète répètent concède concèdent inquiète inquiètent tempère complète suggère relève
    rappelle rappellent assène réagit réagissent réagi réagissant
"""
_FR_WEAK = _words(
    """préconiser recommander exhorter réclamer exiger appeler prôner saluer plaider demander
    souhaiter espérer lancer"""
)
# Forms that are nouns or other verbs as often as speech verbs ("le juge", "le projet avance",
# "l'enquête se poursuit"): they count in an incise after the quote, not in the sentence before.
_FR_NOUN_LIKE = _words("juge jugent note notent estime cri poursuit poursuivent poursuivi")
_FR_INCISE_ONLY = _words(
    """avancer pointer lancer relever souffler glisser emporter tonner pester alerter compléter
    enchaîner abonder"""
)

_EN_REGULAR = """
    add explain warn insist claim argue note state declare tweet ask reply respond answer admit
    acknowledge concede confirm deny recall stress emphasise emphasize continue conclude suggest
    predict promise vow pledge urge complain lament joke quip observe remark announce assert
    maintain contend counter retort shout exclaim whisper recount testify caution allege boast
    reflect muse agree repeat reiterate affirm insist demand plead protest scream yell explain
    describe recommend call welcome
"""
_EN_IRREGULAR = """
    say says said saying tell tells told telling write writes wrote written writing
    reply replies replied deny denies denied testify testifies testified quip quips quipped
    quipping admit admits admitted admitting put
"""
_EN_INCISE_ONLY = """
    note state claim answer counter call put continue reflect maintain observe agree repeat
    shout
"""
_EN_WEAK = _words("urge demand recommend call welcome plead describe")


def _fr_forms(infinitive: str) -> set[str]:
    stem = infinitive[:-2]
    soft = stem + ("e" if stem.endswith("g") else "")
    soft = soft[:-1] + "ç" if soft.endswith("c") else soft
    out = {infinitive, stem + "e", stem + "ent", stem + "ait", stem + "aient", soft + "ant"}
    out |= {stem + "é", stem + "ée", stem + "és", stem + "ées", soft + "a", stem + "èrent"}
    out |= {stem + "era", stem + "eront", stem + "erait"}
    return out


def _en_forms(base: str) -> set[str]:
    out = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        out |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x")):
        out |= {base + "es", base + "ed", base + "ing"}
    else:
        out |= {base + "s", base + "ed", base + "ing"}
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of one language."""

    english: bool
    verbs: frozenset[str]  # every form of every speech verb
    weak: frozenset[str]  # forms that report speech only right before the quotation
    noun_like: frozenset[str]  # bare forms that are nouns as often: only inverted they count
    aux: frozenset[str]  # auxiliaries before a participle
    adverbs: frozenset[str]  # skipped inside a verb group or before its subject
    dets: frozenset[str]
    indefinite: frozenset[str]  # a determiner that leaves the speaker unnamed
    possessive: frozenset[str]
    pronouns: frozenset[str]  # a person
    plural_pronouns: frozenset[str]
    latter: tuple[tuple[str, ...], ...]  # "ce dernier", "the latter"
    courtesy: frozenset[str]
    person_heads: frozenset[str]
    org_heads: frozenset[str]
    speaks_for: frozenset[str]  # "porte-parole", "spokesman": the organisation speaks
    source_heads: frozenset[str]  # "source", "entourage": unnamed whatever the determiner
    report_heads: frozenset[str]  # "informations", "reports": the speaker is their author
    generic_orgs: frozenset[str]  # "l'entreprise", "the company": the organisation named last
    anonymous_fixed: tuple[tuple[str, ...], ...]  # "nos informations", "our information"
    adjectives: frozenset[str]  # kept in a description after the head
    adj_suffixes: tuple[str, ...]
    linkers: frozenset[str]  # "proche", "close": an adjective opening a complement
    preps: frozenset[str]  # complements of a description
    complement_preps: frozenset[str]  # a complement between verb and subject: "à l'AFP"
    according: tuple[tuple[str, ...], ...]  # "selon", "d'après", "according to"
    as_words: frozenset[str]  # "comme le souligne X", "as X put it"
    for_words: frozenset[str]  # "pour X, « … »"
    that_words: frozenset[str]  # "que", "that"
    weak_preps: frozenset[str]  # "appelle à « … »", "called for “…”"
    stop: frozenset[str]  # never inside a description
    title_cues: frozenset[str]  # "l'émission « … »", "dubbed “…”": a name, not a quote
    time_words: frozenset[str]  # "mardi", "on Tuesday": skipped around a verb
    cap_stop: frozenset[str]  # capitalised words that do not start a name
    agent_suffixes: tuple[str, ...]  # "blogger", "analyste": a noun that may end a title
    not_title: frozenset[str]  # prepositions never inside a title: "Acme after X", "contre X"


# nouns of time after a determiner ("la veille", "le mois dernier", "the next day"): no speaker
TIME_NOUNS = _words(
    """veille lendemain surlendemain jour journée semaine mois an année soir soirée matin
    matinée nuit week-end weekend day week month year night morning evening afternoon"""
)
TIME_AFTER = _words(
    """dernier dernière derniers dernières prochain prochaine suivant suivante même last next
    same following previous"""
)
# words before a noun that are none themselves ("the visibly moved X", "once director")
NOT_NOUNS = _words(
    """once twice ex also now then still later soon already most many some several few all
    both very visibly"""
)
_FR_PERSON = """
    ministre président présidente vice-président vice-présidente procureur procureure maire député
    députée eurodéputé eurodéputée sénateur sénatrice préfet préfète juge magistrat magistrate
    avocat avocate porte-parole secrétaire directeur directrice chef cheffe commissaire
    coordinateur coordinatrice militant militante candidat candidate fondateur fondatrice
    dirigeant dirigeante responsable patron patronne leader gouverneur ambassadeur ambassadrice
    chancelier chancelière conseiller conseillère adjoint adjointe délégué déléguée élu élue
    expert experte chercheur chercheuse professeur professeure économiste sociologue politologue
    historien historienne syndicaliste membre enquêteur enquêtrice policier policière gendarme
    témoin habitant habitante riverain riveraine proche diplomate fonctionnaire officiel
    officielle cadre médecin analyste spécialiste observateur observatrice collaborateur
    collaboratrice négociateur négociatrice interlocuteur interlocutrice journaliste
    entraîneur entraîneuse capitaine sélectionneur joueur joueuse pdg victime mère père frère
    sœur épouse mari ami amie voisin voisine salarié salariée agent employé employée étudiant
    étudiante manifestant manifestante représentant représentante rapporteur rapporteure
    recteur rectrice évêque pape inspecteur inspectrice commandant colonel général officier
    connaisseur connaisseuse familier participant participante organisateur organisatrice
    dirigeante présidente-directrice président-directeur gérant gérante administrateur
    administratrice infirmier infirmière enseignant enseignante élève parent prévenu prévenue
    accusé accusée suspect suspecte détenu détenue plaignant plaignante auteur autrice écrivain
    écrivaine réalisateur réalisatrice artiste chanteur chanteuse homme femme garçon fille
    parlementaire passant passante commerçant commerçante retraité retraitée ouvrier ouvrière
    agriculteur agricultrice éleveur éleveuse soignant soignante patient patiente usager usagère
    client cliente lecteur lectrice supporter spectateur spectatrice internaute utilisateur
    utilisatrice fils soeur époux veuve veuf oncle tante cousin cousine neveu nièce grand-mère
    grand-père compagne compagnon fiancé fiancée
"""
_FR_ORG = """
    ministère gouvernement préfecture parquet police gendarmerie mairie présidence parti
    syndicat association entreprise groupe société agence institut office tribunal cour
    commission conseil direction fédération collectif ong armée hôpital université exécutif
    état-major ambassade municipalité région département opposition majorité journal quotidien
    hebdomadaire chaîne radio site magazine institution organisation club équipe banque
    compagnie firme collectivité
"""
_EN_PERSON = """
    minister president premier chancellor prosecutor attorney lawyer judge mayor mp mep senator
    congressman congresswoman lawmaker legislator councillor councilor governor ambassador envoy
    secretary director chief head leader chairman chairwoman chair ceo founder commissioner
    coordinator activist campaigner candidate member official officer inspector detective
    investigator superintendent commander general colonel captain adviser advisor aide deputy
    editor journalist reporter researcher professor economist analyst expert historian
    sociologist scientist doctor witness resident neighbour neighbor friend relative source
    diplomat insider executive manager spokesperson spokesman spokeswoman representative
    negotiator mediator victim mother father brother sister wife husband teacher student worker
    employee nurse coach player protester organiser organizer politician unionist observer critic
    supporter opponent colleague person someone man woman magistrate officer agent author
    writer novelist director filmmaker artist singer defendant suspect user son daughter widow
    widower uncle aunt cousin nephew niece grandson granddaughter grandmother grandfather parent
    child stepfather stepmother girlfriend boyfriend fiance fiancee fiancé fiancée
"""
_EN_ORG = """
    ministry government police prosecutor's office department agency company firm party union
    group council commission court army military hospital university institute organisation
    organization charity federation association palace administration opposition newspaper
    paper broadcaster channel network watchdog regulator authority authorities presidency
    embassy cabinet institution club team bank board
"""


def _fr_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    forms: set[str] = set(_FR_IRREGULAR.split())
    weak: set[str] = set()
    incise_only: set[str] = set(_FR_NOUN_LIKE)
    for infinitive in _FR_ER.split():
        made = _fr_forms(infinitive)
        forms |= made
        if infinitive in _FR_WEAK:
            weak |= made
        if infinitive in _FR_INCISE_ONLY:
            incise_only |= made
    return frozenset(forms), frozenset(weak), frozenset(incise_only)


def _en_verbs() -> tuple[frozenset[str], frozenset[str]]:
    forms: set[str] = set(_EN_IRREGULAR.split())
    weak: set[str] = set()
    for base in _EN_REGULAR.split():
        made = _en_forms(base)
        forms |= made
        if base in _EN_WEAK:
            weak |= made
    return frozenset(forms), frozenset(weak)


def _en_incise_only() -> frozenset[str]:
    out: set[str] = set()
    for base in _EN_INCISE_ONLY.split():
        out |= _en_forms(base)
    return frozenset(out)


def _fr_lexicon() -> Lexicon:
    verbs, weak, incise_only = _fr_verbs()
    return Lexicon(
        english=False,
        verbs=verbs,
        weak=weak,
        noun_like=incise_only,
        aux=_words("a ont avait avaient aura auront aurait auraient est sont était étaient"),
        adverbs=_words(
            """également aussi encore ensuite enfin alors ainsi déjà notamment pourtant cependant
            toutefois lui leur ne n' se s' y en même bien donc simplement sobrement fermement
            clairement récemment publiquement volontiers immédiatement aussitôt"""
        ),
        dets=_words(
            """le la les l' un une des du ce cet cette ces son sa ses leur leurs notre nos
            plusieurs certains certaines deux trois quelques"""
        ),
        indefinite=_words("un une des plusieurs certains certaines deux trois quelques d'autres"),
        possessive=_words("son sa ses leur leurs notre nos"),
        pronouns=_words("il elle lui celui-ci celle-ci"),
        plural_pronouns=_words("ils elles eux ceux-ci celles-ci"),
        latter=(("ce", "dernier"), ("cette", "dernière")),
        courtesy=_words("m. mme mlle me maître dr pr mgr monsieur madame docteur professeur"),
        person_heads=french_plurals(_FR_PERSON.split()),
        org_heads=french_plurals(_FR_ORG.split()),
        speaks_for=_words("porte-parole"),
        source_heads=french_plurals(_words("source entourage proche")),
        report_heads=_words("informations information révélations"),
        generic_orgs=_words(
            """institution organisation entreprise société groupe club équipe firme compagnie
            association collectif"""
        ),
        anonymous_fixed=(
            ("nos", "informations"),
            ("des", "sources", "concordantes"),
            ("de", "source", "sûre"),
            ("source", "sûre"),
        ),
        adjectives=_words(
            """proche proches indépendant indépendante indépendants haut haute hauts hautes
            gouvernemental gouvernementale policière policier judiciaire judiciaires bien
            informé informée informés anonyme anonymes local locale locaux"""
        ),
        adj_suffixes=(
            "ique",
            "iques",
            "aire",
            "aires",
            "al",
            "ale",
            "aux",
            "ales",
            "elle",
            "elles",
            "ais",
            "aise",
            "ois",
            "oise",
            "ien",
            "ienne",
            "iens",
            "iste",
            "istes",
            "ive",
            "ives",
            "ière",
            "ières",
            "éen",
            "éenne",
        ),
        agent_suffixes=("eur", "euse", "rice", "iste", "ien", "ienne", "ant", "ante", "aire"),
        not_title=_words("contre envers selon après avant pendant depuis malgré parmi sans face"),
        linkers=_words("proche proches chargé chargée"),
        preps=_words("de d' du des en à au aux chez pour auprès"),
        complement_preps=_words("à au aux sur dans devant lors auprès"),
        according=(("selon",), ("d'après",), ("aux", "yeux", "de"), ("aux", "yeux", "du")),
        as_words=_words("comme"),
        for_words=_words("pour"),
        that_words=_words("que qu'"),
        weak_preps=_words("à pour de"),
        stop=_words(
            """a ont avait avaient est sont était qui que qu' dont où et ou mais car donc
            selon il elle ils elles on ne n' pas se s' avec sans dans sur par lors après avant
            pendant depuis comme si"""
        ),
        title_cues=_words(
            """intitulé intitulée intitulés intitulées baptisé baptisée baptisés baptisées
            surnommé surnommée surnommés surnommées dite dites dits appelé appelée appelés
            appelées nommé nommée émission film livre ouvrage série chanson album documentaire
            rapport opération slogan hashtag mot mots expression formule terme label journal
            magazine programme spectacle pièce roman titre thème campagne concept notion
            festival salon exposition concours prix plan projet loi mot-dièse hashtag
            réseau marque logiciel application
            qualifié qualifiée qualifiés qualifiées qualifie qualifient"""
        ),
        time_words=_words(
            """lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui matin soir
            midi après-midi dernier dernière ce cette soirée"""
        ),
        cap_stop=_words(
            """le la les l' un une des du de d' en au aux à dans pour par sur mais et ou donc
            puis alors ensuite enfin hier aujourd'hui selon il elle ils elles on ce cette ces
            son sa ses leur leurs lundi mardi mercredi jeudi vendredi samedi dimanche janvier
            février mars avril mai juin juillet août septembre octobre novembre décembre
            pourtant cependant après avant depuis lors quand si comme oui non je nous vous
            tu"""
        ),
    )


def _en_lexicon() -> Lexicon:
    verbs, weak = _en_verbs()
    return Lexicon(
        english=True,
        verbs=verbs,
        weak=weak,
        noun_like=_en_incise_only(),
        aux=_words("has have had was were is are will would did does do 'd 'll 've"),
        adverbs=_words(
            """also later then further repeatedly previously recently earlier simply again
            once not still already even just only however"""
        ),
        dets=_words(
            """the a an this that these those his her its their our some several two three one
            another many"""
        ),
        indefinite=_words("a an some several two three one another other many"),
        possessive=_words("his her its their our"),
        pronouns=_words("he she him"),
        plural_pronouns=_words("they them"),
        latter=(("the", "latter"),),
        courtesy=_words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady"),
        person_heads=english_plurals(_EN_PERSON.split()) | {"people", "children"},
        org_heads=english_plurals(_EN_ORG.split()),
        speaks_for=english_plurals(_words("spokesperson spokesman spokeswoman")),
        source_heads=english_plurals(_words("source insider")),
        report_heads=_words("reports report information"),
        generic_orgs=_words(
            "institution organisation organization company firm group club team charity body"
        ),
        anonymous_fixed=(("our", "information"), ("informed", "sources")),
        adjectives=_words("familiar close knowledgeable briefed anonymous"),
        adj_suffixes=(),
        agent_suffixes=("er", "or", "ist", "man", "woman", "ian", "ant", "ent"),
        not_title=_words(
            """after over under about via against following during since without within until
            toward towards despite among amid per"""
        ),
        linkers=_words("close familiar knowledgeable briefed"),
        preps=_words("of for at in from with to on"),
        complement_preps=_words("to in on at during before after from"),
        according=(("according", "to"), ("in", "the", "words", "of")),
        as_words=_words("as"),
        for_words=frozenset(),
        that_words=_words("that"),
        weak_preps=_words("to for on"),
        stop=_words(
            """said says told tells added has have had is are was were be been who whom whose
            which that and or but because as when while if it he she they we i you not said
            by"""
        ),
        title_cues=_words(
            """titled entitled dubbed called named nicknamed so-called known film book show
            series programme program song album documentary report operation slogan hashtag
            word words term phrase expression label newspaper magazine campaign bill
            described branded labelled labeled novel movie play poem painting exhibition
            festival brand app motto hashtag scheme programme"""
        ),
        time_words=_words(
            """monday tuesday wednesday thursday friday saturday sunday yesterday today morning
            evening night afternoon last this on"""
        ),
        cap_stop=_words(
            """the a an in on at but and or when after before meanwhile however earlier later
            last this that these those as for with by from if while according during since
            yesterday today tomorrow then there here it he she they we i you his her their its
            our so also both monday tuesday wednesday thursday friday saturday sunday january
            february march april may june july august september october november december
            yes no asked speaking yet still now thus instead"""
        ),
    )


LEXICONS: dict[str, Lexicon] = {"fr": _fr_lexicon(), "en": _en_lexicon()}


def lexicon(language: str) -> Lexicon | None:
    """The lexicon of ``language`` (``fr``, ``en``, ``fr-FR`` ...), else None."""
    return LEXICONS.get(language[:2].lower())
