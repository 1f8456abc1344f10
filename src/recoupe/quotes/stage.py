"""Stage ``recoupe.quotes.v1`` and the corpus step: the same quote in several documents is one
quote with all its occurrences and a count of independent sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

from recoupe import ids
from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import FUNCTION_WORDS, fold, full_name, name_key, split_person
from recoupe.entities.resolve import ResolvedEntity
from recoupe.entities.roles import strip_title
from recoupe.quotes.extract import find_quotes
from recoupe.quotes.lexicon import lexicon
from recoupe.quotes.model import QuoteFact
from recoupe.store.records import QuoteOccurrence, QuoteRecord, Span

STAGE = "recoupe.quotes.v1"
_NOT_WORDS = re.compile(r"[^\w]+")
_MIN_CONTAINED_WORDS = 8


def analyse_document(text: str, entities: DocumentEntities) -> list[dict[str, Any]]:
    """The quotes of one document, JSON-ready."""
    facts = find_quotes(text, entities.mentions, entities.roles, language=entities.language)
    return [asdict(fact) for fact in facts]


def _key(text: str) -> str:
    return _NOT_WORDS.sub(" ", fold(text)).strip()


def group_quotes(
    per_document: Mapping[str, Sequence[dict[str, Any]]],
    texts: Mapping[str, str],
    entities: Sequence[ResolvedEntity],
    copies: Mapping[str, str],
    order: Sequence[str],
) -> list[QuoteRecord]:
    """One record per quote across documents (documents in ``order``: earliest first)."""
    owners = {m: e.id for e in entities if not e.rejected for m in e.mentions}
    names = _person_names(entities)
    groups: dict[str, list[tuple[str, QuoteFact]]] = {}
    keys: list[str] = []
    for document in order:
        for item in per_document.get(document, []):
            fact = QuoteFact(**item)
            key = _key(fact.text)
            home = next((k for k in keys if _same(k, key)), None)
            if home is None:
                keys.append(key)
                home = key
            groups.setdefault(home, []).append((document, fact))
    return ids.unique(
        [_record(found, owners, names, copies) for found in groups.values()],
        id_of=lambda q: q.id,
        content_key=lambda q: tuple(o.span for o in q.occurrences),
        with_id=lambda q, new: replace(q, id=new),
    )


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter.split()) >= _MIN_CONTAINED_WORDS and shorter in longer


def _told_best(found: Sequence[tuple[str, QuoteFact]]) -> int:
    """Which telling of a quote shows it: the fullest (a partial quote inside a longer one shows
    the longer), then the wording most articles give ("cyber-criminals" in four, "cyber
    criminals" in one), then the earliest."""
    wordings = Counter(" ".join(fact.text.split()) for _, fact in found)
    return max(
        range(len(found)),
        key=lambda i: (
            len(_key(found[i][1].text)),
            wordings[" ".join(found[i][1].text.split())],
            -i,
        ),
    )


def _record(
    found: list[tuple[str, QuoteFact]],
    owners: Mapping[tuple[str, int], str],
    names: Mapping[str, set[str]],
    copies: Mapping[str, str],
) -> QuoteRecord:
    document, first = found[0]
    told = _told_best(found)
    found = [found[told], *found[:told], *found[told + 1 :]]
    speaker = next(
        (
            owners.get((doc, fact.speaker_mention))
            for doc, fact in found
            if fact.speaker_mention is not None and (doc, fact.speaker_mention) in owners
        ),
        None,
    )
    if speaker is None:
        speaker = next(
            (
                found_id
                for _, fact in found
                if fact.speaker_text and not fact.anonymous
                for found_id in [_named_in_dossier(fact.speaker_text, names)]
                if found_id is not None
            ),
            None,
        )
    occurrences = tuple(
        QuoteOccurrence(
            Span(doc, fact.start, fact.end),
            fact.speaker_text,
            Span(doc, fact.speaker_start, fact.speaker_end)
            if fact.speaker_start is not None and fact.speaker_end is not None
            else None,
        )
        for doc, fact in found
    )
    key = f"{document}:{first.start}:{first.end}"  # the earliest telling names it
    _, best = found[0]
    return QuoteRecord(
        id="q" + ids.short_hash(key),
        text=best.text,
        speaker=speaker,
        speaker_text=best.speaker_text,
        anonymous=best.anonymous and speaker is None,
        occurrences=occurrences,
        sources=len({copies.get(doc, doc) for doc, _ in found}),
    )


# a name after these words is another's: "l'avocat de X", "the lawyer for X"
_ARTICLES = frozenset({"l", "la", "le", "les", "the", "a", "an", "un", "une"})
_NOT_SPEAKER_BEFORE = (FUNCTION_WORDS - _ARTICLES) | {
    "d",
    "chez",
    "avec",
    "with",
    "by",
    "par",
    "from",
}
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w'’.-]*")


def _person_names(entities: Sequence[ResolvedEntity]) -> dict[str, set[str]]:
    """Name keys of the dossier's persons → their ids: every full name they are called by, and
    the surname of each full name (a bare surname is theirs only when one person has it)."""
    names: dict[str, set[str]] = {}
    for entity in entities:
        if entity.rejected or entity.type is not EntityType.PERSON:
            continue
        for alias in {entity.name, *entity.aliases}:
            if full_name(alias):
                names.setdefault(name_key(alias), set()).add(entity.id)
                names.setdefault(split_person(alias)[1], set()).add(entity.id)
    return names


def _named_in_dossier(speaker_text: str, names: Mapping[str, set[str]]) -> str | None:
    """The person of the dossier a speaker's words end by naming, when the document's entities
    did not ("a annoncé la ministre de l'Économie Christine Lagarde" where NER missed the name;
    "Roe said" where the article never gave the full name): the longest run of capitalised last
    words that is one person's name in the dossier — never a name after a preposition ("the
    lawyer for Jane Roe")."""
    words = speaker_text.replace("’", "'").split()
    run = 0
    while run < len(words) and _NAME_WORD.fullmatch(words[len(words) - 1 - run]):
        run += 1
    before = words[len(words) - run - 1] if len(words) > run else ""
    elided, _, rest = before.rpartition("'")
    portfolio = bool(elided) and _NAME_WORD.fullmatch(rest) is not None
    if portfolio:  # "d'Alain Roe", "l'Économie Christine Lagarde", "l'Intérieur Roe"
        words[len(words) - run - 1] = rest
        run += 1
        before = elided
    if fold(before) in _NOT_SPEAKER_BEFORE:
        return None  # "l'avocat de Jean Roe" / "d'Alain Roe" is not Jean Roe, nor Roe
    if _relation_before(words[: len(words) - run]):
        return None  # "l'avocate de la ministre Jeanne Roe": the minister's lawyer
    name = _untitled(words[len(words) - run :])
    # a surname alone only after no other capitalised word, or after a portfolio: "Hunter
    # Biden" the dossier does not know is not Joe Biden; "l'Intérieur Retailleau" is Retailleau
    alone = len(name) == 1 or (portfolio and len(name) == 2 and fold(before) not in ("d",))
    for size in range(len(name), 0, -1):
        if size == 1 and not alone:
            break
        ids_ = names.get(name_key(" ".join(name[len(name) - size :])), set())
        if len(ids_) == 1:
            return next(iter(ids_))
    return None


_PERSON_HEADS = frozenset().union(
    *(lex.person_heads for lex in (lexicon("fr"), lexicon("en")) if lex is not None)
)
_RELATION_REACH = 3  # words between a preposition and the person noun before a name


def _relation_before(words: list[str]) -> bool:
    """Whether the words before a name end with a preposition, then a person's noun (an
    article or an adjective between): "l'avocate de la ministre", "the lawyer of the former
    senator" — the name is of the person the description relates to. "la porte-parole du
    gouvernement", "le président du parti" end with no person's noun: the name is the speaker's."""
    if not words or fold(words[-1]) not in _PERSON_HEADS:
        return False
    reach = words[-1 - _RELATION_REACH : -1]
    return any(fold(w.split("'")[0]) in _NOT_SPEAKER_BEFORE for w in reach)


def _untitled(run: list[str]) -> list[str]:
    """The name in capitalised words after a title ("President Roe", "Head Coach Jane Roe")."""
    text = " ".join(run)
    for language in ("en", "fr"):
        start, end, title = strip_title(text, 0, len(text), language=language)
        if title is not None and start < end:
            return text[start:end].split()
    return run
