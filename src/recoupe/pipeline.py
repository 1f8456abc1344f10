"""The pipeline, stage by stage: what each one reads and what it writes. Start reading here.

=====================  ==========================================  ===============================
stage (name.version)   reads                                       writes
=====================  ==========================================  ===============================
read                   paths, folders, jsonl records, WARC, URLs,  RawDocument (bytes as read,
                       RSS/Atom feeds (ingest/sources.py)          headers, fetch time) or Failure
recoupe.clean.v1       RawDocument (clean.py; extract/*.py,        Article: clean text, title,
                       language.py)                                author, source, date, language
store                  Article | Failure (store/sqlite.py)         snapshots, documents (+ FTS5),
                                                                   versions, errors
recoupe.entities.v1    a document's clean text (entities/:         per document (analyses table):
                       pipelines, mentions, acronyms, cues,        mentions, chains, acronyms,
                       coref, roles)                               roles, relations
recoupe.events.v1      clean text, publication date, entity          per document: temporal
                       mentions (time/, events/extract.py)         expressions, dated events
recoupe.quotes.v1      clean text, mentions, roles (quotes/)       per document: quotes, speakers
resolve (corpus)       every document's entity results             entities, mentions, roles,
                       (entities/resolve.py, reference.py,         relations (spans as evidence)
                       curation.py; analysis.py)
copies, stories        documents, entities, event dates            duplicate_of, stories
                       (corpus.py, duplicates.py, stories.py)
timeline (corpus)      every document's events (events/timeline)   events, follow-ups, sources
quotes (corpus)        every document's quotes (quotes/stage.py)   quotes with occurrences
recoupe.discrepancies  entities, timeline (discrepancies.py)       discrepancies, both sides
export                 the store (export/json.py)                  recoupe.dossier/1 JSON
=====================  ==========================================  ===============================

``build.ingest`` drives read → clean → store; cleaning runs in this process or a process pool
(runners.py) and only the driver writes, one transaction per batch. ``analysis.analyse`` then runs
the per-document stages on what is new and rebuilds the corpus-level results (curation
decisions re-applied); a rebuild needs no model.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    reads: str
    writes: str


STAGES: tuple[Stage, ...] = (
    Stage("read", "paths, folders, jsonl, WARC, URLs, feeds", "raw documents or failures"),
    Stage("recoupe.clean.v1", "raw documents", "clean text and metadata"),
    Stage("store", "articles and failures", "documents, snapshots, versions, errors"),
    Stage("recoupe.entities.v1", "clean text", "mentions, chains, acronyms, roles, relations"),
    Stage("recoupe.events.v1", "clean text, date, mentions", "temporal expressions, events"),
    Stage("recoupe.quotes.v1", "clean text, mentions, roles", "quotes and speakers"),
    Stage("resolve", "per-document entity results", "entities, mentions, roles, relations"),
    Stage("copies, stories", "documents, entities, dates", "duplicate_of, stories"),
    Stage("timeline", "per-document events", "events with follow-ups and sources"),
    Stage("quotes", "per-document quotes", "quotes with occurrences and sources"),
    Stage("recoupe.discrepancies.v1", "entities, timeline", "discrepancies"),
    Stage("export", "the store", "recoupe.dossier/1"),
)
