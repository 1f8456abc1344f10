"""Analysis of stored documents: the per-document stages, then the corpus-level steps.

``analyse`` runs the entity stage on every current document it has not seen (its results are
kept per document), then ``rebuild`` resolves entities across all documents, re-applies the
curation decisions and replaces the derived tables. Rebuilding needs no model: it reads the
per-document results.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar

from recoupe import corpus, ids
from recoupe.discrepancies import STAGE as DISCREPANCY_STAGE
from recoupe.discrepancies import find_discrepancies
from recoupe.entities import curation
from recoupe.entities.model import DocumentEntities, EntityType
from recoupe.entities.names import fold
from recoupe.entities.pipeline import STAGE as ENTITY_STAGE
from recoupe.entities.pipeline import analyse_documents, resolve_entities
from recoupe.entities.reference import Reference, link
from recoupe.entities.resolve import ResolvedEntity
from recoupe.entities.retype import retyped
from recoupe.entities.roles import title_before
from recoupe.entities.serialize import dump, load
from recoupe.errors import Code
from recoupe.events import stage as events_stage
from recoupe.events.model import DocumentEvents
from recoupe.events.serialize import dump as dump_events
from recoupe.events.serialize import load as load_events
from recoupe.events.stage import STAGE as EVENT_STAGE
from recoupe.events.timeline import TimelineEvent
from recoupe.quotes import stage as quotes_stage
from recoupe.quotes.stage import STAGE as QUOTE_STAGE
from recoupe.store import SqliteStore, StoredDocument
from recoupe.store.records import EntityRecord, RelationRecord, RoleRecord, Span

log = logging.getLogger(__name__)
CHUNK = 16  # documents analysed, then saved, at a time: what a kill can cost


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    analysed: int
    entities: int
    decisions: list[curation.Applied]


def analyse(
    store: SqliteStore, *, on_document: Callable[[int], None] | None = None
) -> AnalysisReport:
    """Analyse what is new in ``store``, then rebuild the corpus-level results.

    A per-document stage that fails on one document records a coded error for that document
    (``analysis_failed``) and stores an empty result for it, so the rest of the batch is analysed
    and a re-run does not fail the same way again.
    """
    with store.analysis_turn():
        pending = store.unanalysed(ENTITY_STAGE)
        for first in range(0, len(pending), CHUNK):
            chunk = pending[first : first + CHUNK]
            results = _entities(store, chunk)
            store.save_analyses(ENTITY_STAGE, [(r.document, dump(r)) for r in results])
            if on_document is not None:
                on_document(len(chunk))
        _analyse_events(store)
        _analyse_quotes(store)
        entities, applied = rebuild(store)
    return AnalysisReport(len(pending), entities, applied)


def _entities(store: SqliteStore, chunk: Sequence[StoredDocument]) -> list[DocumentEntities]:
    """The entity stage on a chunk at once; when that fails, document by document."""
    try:
        return analyse_documents([(d.id, d.text, d.language) for d in chunk])
    except Exception:  # a bug on one document must not cost the others their analysis
        log.warning("entity stage failed on a chunk; analysing its documents one by one")
    results = []
    for doc in chunk:
        try:
            results.extend(analyse_documents([(doc.id, doc.text, doc.language)]))
        except Exception as error:
            _document_failed(store, doc, ENTITY_STAGE, error)
            results.append(DocumentEntities(doc.id, doc.language))
    return results


def _document_failed(
    store: SqliteStore, doc: StoredDocument, stage: str, error: BaseException
) -> None:
    log.debug("stage %s failed on document %s", stage, doc.id, exc_info=error)  # -vv
    store.record_error(
        doc.origin,
        str(Code.ANALYSIS_FAILED),
        f"stored, but {stage} failed on it ({type(error).__name__}: {error}); "
        "it counts as analysed with no results — please report this bug",
    )


def _analyse_events(store: SqliteStore) -> None:
    """Dates and events of the documents the event stage has not seen (entities known)."""
    waiting = {doc.id for doc in store.unanalysed(EVENT_STAGE)}
    if not waiting:
        return
    results: list[tuple[str, object]] = []
    for doc, data in store.analyses(ENTITY_STAGE):
        if doc.id not in waiting:
            continue
        try:
            timexes, events = events_stage.analyse_document(
                doc, load(doc.id, doc.language, doc.text, data)
            )
        except Exception as error:
            _document_failed(store, doc, EVENT_STAGE, error)
            timexes, events = [], DocumentEvents(doc.id, [])
        results.append((doc.id, dump_events(events, timexes)))
        if len(results) == CHUNK:  # saved as it goes: a kill loses one chunk's work at most
            store.save_analyses(EVENT_STAGE, results)
            results = []
    store.save_analyses(EVENT_STAGE, results)


def _analyse_quotes(store: SqliteStore) -> None:
    """Quotes of the documents the quote stage has not seen (entities and roles known)."""
    waiting = {doc.id for doc in store.unanalysed(QUOTE_STAGE)}
    if not waiting:
        return
    results: list[tuple[str, object]] = []
    for doc, data in store.analyses(ENTITY_STAGE):
        if doc.id not in waiting:
            continue
        try:
            found = quotes_stage.analyse_document(
                doc.text, load(doc.id, doc.language, doc.text, data)
            )
        except Exception as error:
            _document_failed(store, doc, QUOTE_STAGE, error)
            found = []
        results.append((doc.id, {"quotes": found}))
        if len(results) == CHUNK:
            store.save_analyses(QUOTE_STAGE, results)
            results = []
    store.save_analyses(QUOTE_STAGE, results)


def load_documents(store: SqliteStore) -> list[DocumentEntities]:
    return [
        load(doc.id, doc.language, doc.text, data) for doc, data in store.analyses(ENTITY_STAGE)
    ]


def resolved(
    store: SqliteStore,
) -> tuple[list[ResolvedEntity], dict[str, DocumentEntities], list[curation.Applied]]:
    """Entities of the whole dossier with curation applied, and the documents' results (read
    again with the dossier's types where a mention's differs: :mod:`recoupe.entities.retype`)."""
    entities, by_id, applied = _resolved(store)
    try:
        by_id.update(retyped(by_id, entities, {doc.id: doc.text for doc in store.documents()}))
    except Exception:  # the rebuild records it (corpus_step_failed); the documents as analysed
        log.debug("retype failed", exc_info=True)
    return entities, by_id, applied


def _resolved(
    store: SqliteStore,
) -> tuple[list[ResolvedEntity], dict[str, DocumentEntities], list[curation.Applied]]:
    docs = load_documents(store)
    by_id = {doc.document: doc for doc in docs}
    references = [Reference(s, i, n, t, tuple(a)) for s, i, n, t, a in store.references()]
    linked = link(resolve_entities(docs), references) if references else resolve_entities(docs)
    origins = {doc.id: doc.origin for doc in store.documents()}
    entities, applied = curation.apply(linked, by_id, store.decisions(), origins)
    return unique_entities(entities), by_id, applied


def unique_entities(entities: Sequence[ResolvedEntity]) -> list[ResolvedEntity]:
    """Entity ids made distinct: two entities named alike keep apart (see :mod:`recoupe.ids`)."""
    return ids.unique(
        entities,
        id_of=lambda e: e.id,
        content_key=lambda e: min(e.mentions) if e.mentions else (e.name, str(e.type)),
        with_id=lambda e, new: replace(e, id=new),
    )


T = TypeVar("T")


class _Steps:
    """Runs the corpus steps of one rebuild; a step that fails records a coded error and hands
    the next steps an empty result, so the rest of the dossier is still built."""

    def __init__(self, store: SqliteStore) -> None:
        self.store = store
        store.clear_errors(str(Code.CORPUS_STEP_FAILED))

    def run(self, name: str, step: Callable[[], T], fallback: T) -> T:
        try:
            return step()
        except Exception as error:
            log.debug("corpus step %s failed", name, exc_info=True)  # shown with -vv
            self.store.record_error(
                f"recoupe:{name}",
                str(Code.CORPUS_STEP_FAILED),
                f"the {name} step failed ({type(error).__name__}: {error}); the rest of the "
                "dossier was built without it — please report this bug",
            )
            return fallback


def rebuild(store: SqliteStore) -> tuple[int, list[curation.Applied]]:
    """Resolve entities across the dossier, build the timeline, and replace derived tables
    (one process at a time: see :meth:`SqliteStore.analysis_turn`)."""
    with store.analysis_turn():
        return _rebuild(store)


def _rebuild(store: SqliteStore) -> tuple[int, list[curation.Applied]]:
    steps = _Steps(store)
    failed = object()
    found = steps.run("entities", lambda: _resolved(store), failed)
    if found is failed or not isinstance(found, tuple):
        return 0, []  # without entities nothing else can be rebuilt: the last build stays
    entities, docs, applied = found
    documents = store.documents()
    texts = {doc.id: doc.text for doc in documents}
    no_reread: dict[str, DocumentEntities] = {}
    reread = steps.run("retype", lambda: retyped(docs, entities, texts), no_reread)
    docs.update(reread)

    def store_entities() -> int:
        records = [to_record(entity, docs, texts) for entity in entities if not entity.rejected]
        store.replace_entities(ENTITY_STAGE, records, relations(entities, docs))
        return len(records)

    stored = steps.run("store entities", store_entities, 0)

    def load_facts() -> tuple[dict[str, set[str]], list[DocumentEvents]]:
        facts = corpus.entity_facts(entities)
        events = [load_events(doc.id, data) for doc, data in store.analyses(EVENT_STAGE)]
        for doc_events in events:
            facts[doc_events.document].update(f"date:{e.date}" for e in doc_events.events)
        return facts, events

    no_facts: tuple[dict[str, set[str]], list[DocumentEvents]] = ({}, [])
    facts, events = steps.run("events", load_facts, no_facts)

    def copies_step() -> dict[str, tuple[str, str]]:
        found = corpus.copies(documents, facts)
        store.replace_copies(corpus.COPIES_STAGE, found)
        return found

    no_copies: dict[str, tuple[str, str]] = {}
    found_copies = steps.run("copies", copies_step, no_copies)
    copies = {doc: original for doc, (original, _) in found_copies.items()}
    steps.run(
        "stories",
        lambda: store.replace_stories(corpus.STORIES_STAGE, corpus.stories(documents, entities)),
        None,
    )

    def timeline_step() -> list[TimelineEvent]:
        timeline = events_stage.timeline(documents, events, entities, copies)
        store.replace_events(EVENT_STAGE, events_stage.records(timeline, texts))
        return timeline

    no_timeline: list[TimelineEvent] = []
    timeline = steps.run("timeline", timeline_step, no_timeline)

    def quotes_step() -> None:
        quotes = {doc.id: data.get("quotes", []) for doc, data in store.analyses(QUOTE_STAGE)}
        for document, read_again in reread.items():
            if document in quotes:  # else the document's analysis stays as it was
                quotes[document] = steps.run(
                    "quotes of a retyped document",
                    partial(quotes_stage.analyse_document, texts[document], read_again),
                    quotes[document],
                )
        order = [
            doc.id
            for doc in sorted(documents, key=lambda d: (d.published is None, d.published or ""))
        ]
        store.replace_quotes(
            QUOTE_STAGE, quotes_stage.group_quotes(quotes, texts, entities, copies, order)
        )

    steps.run("quotes", quotes_step, None)

    def discrepancies_step() -> None:
        reviewed = {d["target"] for d in store.decisions() if d["action"] == "review"}
        found = find_discrepancies(entities, docs, texts, timeline, reviewed=reviewed)
        store.replace_discrepancies(DISCREPANCY_STAGE, found)

    steps.run("discrepancies", discrepancies_step, None)
    return stored, applied


def to_record(
    entity: ResolvedEntity, docs: dict[str, DocumentEntities], texts: Mapping[str, str]
) -> EntityRecord:
    mentions = sorted(
        Span(doc, docs[doc].mentions[i].start, docs[doc].mentions[i].end)
        for doc, i in entity.mentions
    )
    aliases = [entity.name, *(a for a in entity.aliases if a != entity.name)]
    aliases += _titled(entity, docs, texts, set(aliases))
    aliases += _with_article(entity, docs, texts, set(aliases))
    return EntityRecord(
        id=entity.id,
        name=entity.name,
        type=str(entity.type),
        mentions=tuple(mentions),
        roles=_roles(entity, docs),
        details={
            "aliases": aliases,
            "merges": [{"rule": m.rule, "evidence": m.evidence} for m in entity.merges],
            "variants": entity.variants,
        },
        external_ids=entity.external_ids,
    )


def _titled(
    entity: ResolvedEntity,
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
    known: set[str],
) -> list[str]:
    """The names as written with a courtesy title or title word ("M. Martin", "Judge Roe"): the
    mentions are the bare names (the title is a role), but readers search for both."""
    if entity.type is not EntityType.PERSON:
        return []
    return _written_forms(
        entity,
        docs,
        texts,
        known,
        lambda text, start, language: title_before(text, start, language=language),
    )


# after a lower-case word or a comma on the same line: mid-sentence, not a dateline
# ("WASHINGTON (AP) — The Pentagon") nor a headline's next line
_NAME_ARTICLE = re.compile(r"(?<=[a-zà-ÿ,] )(?:The|Le|La|Les|L['’])\s?$")


def _article_before(text: str, start: int, _language: str) -> int | None:
    found = _NAME_ARTICLE.search(text, max(0, start - 8), start)
    return found.start() if found is not None else None


def _with_article(
    entity: ResolvedEntity,
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
    known: set[str],
) -> list[str]:
    """An organisation's name as written with the capitalised article that is part of it
    ("reported by The Atlanta Journal-Constitution", "selon Le Parisien"): the mention leaves
    the article out, readers search for both. Not an article opening a sentence."""
    if entity.type is EntityType.PERSON:
        return []
    return _written_forms(entity, docs, texts, known, _article_before)


def _written_forms(
    entity: ResolvedEntity,
    docs: Mapping[str, DocumentEntities],
    texts: Mapping[str, str],
    known: set[str],
    start_of: Callable[[str, int, str], int | None],
) -> list[str]:
    """The entity's names as written from where ``start_of`` says the words before a mention
    begin (a title, an article), each once and none already ``known`` (which it extends)."""
    found: list[str] = []
    for document, index in entity.mentions:
        text = texts.get(document)
        if text is None:
            continue
        mention = docs[document].mentions[index]
        start = start_of(text, mention.start, docs[document].language)
        if start is not None:
            written = " ".join(text[start : mention.end].split())
            if written not in known:
                known.add(written)
                found.append(written)
    return found


def _roles(entity: ResolvedEntity, docs: dict[str, DocumentEntities]) -> tuple[RoleRecord, ...]:
    members = set(entity.mentions)
    documents = {document for document, _ in members}
    grouped: dict[tuple[str, str], list[Span]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for document, doc in docs.items():
        if document not in documents:
            continue
        for role in doc.roles:
            if (document, role.mention) in members:
                key = (fold(role.text), role.qualifier)
                names.setdefault(key, role.text)
                grouped[key].append(Span(document, role.start, role.end))
    return tuple(RoleRecord(names[key], key[1], tuple(spans)) for key, spans in grouped.items())


def relations(
    entities: Sequence[ResolvedEntity], docs: dict[str, DocumentEntities]
) -> list[RelationRecord]:
    owner = {m: e.id for e in entities if not e.rejected for m in e.mentions}
    grouped: dict[tuple[str, str, str], list[Span]] = defaultdict(list)
    for document, doc in docs.items():
        for fact in doc.relations:
            subject, obj = owner.get((document, fact.subject)), owner.get((document, fact.object))
            if subject and obj and subject != obj:
                grouped[(subject, fact.predicate, obj)].append(Span(document, fact.start, fact.end))
    return [RelationRecord(s, p, o, tuple(spans)) for (s, p, o), spans in grouped.items()]
