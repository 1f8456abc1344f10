-- recoupe dossier schema, migration 1: documents, raw snapshots, errors, full-text index, and the
-- tables the analysis stages fill (entities, events, quotes, discrepancies, stories, curation).
-- Every derived row names the stage (name and version, e.g. 'recoupe.entities.v1') that made it,
-- and points at its evidence through `spans`, which belong to one document: deleting a document
-- deletes everything derived from it (ON DELETE CASCADE).

CREATE TABLE snapshots (
    id           INTEGER PRIMARY KEY,
    origin       TEXT NOT NULL,
    sha256       TEXT NOT NULL,             -- of the raw bytes as read
    fetched_at   TEXT NOT NULL,             -- ISO 8601 UTC: when they were read
    url          TEXT,                      -- final URL after redirects, for fetched pages
    content_type TEXT,
    headers      TEXT NOT NULL DEFAULT '{}', -- JSON: HTTP or WARC headers as received
    size         INTEGER NOT NULL,
    data         BLOB NOT NULL,             -- zlib-compressed raw bytes
    UNIQUE (origin, sha256)
);

CREATE TABLE documents (
    id             TEXT PRIMARY KEY,        -- sha256(origin, text)[:16]: same content, same id
    origin         TEXT NOT NULL,
    version        INTEGER NOT NULL,        -- 1, 2, ... for each changed content of one origin
    is_current     INTEGER NOT NULL DEFAULT 1,
    snapshot_id    INTEGER REFERENCES snapshots (id) ON DELETE SET NULL,
    kind           TEXT NOT NULL,           -- plain | html | pdf | clean
    text           TEXT NOT NULL,           -- clean text: every evidence offset indexes it
    text_sha256    TEXT NOT NULL,
    title          TEXT,
    source         TEXT,
    author         TEXT,
    published      TEXT,
    published_from TEXT,                    -- metadata | html | text
    language       TEXT NOT NULL,
    analysed       INTEGER NOT NULL,        -- 0 for languages without a pipeline
    removed_chars  INTEGER NOT NULL DEFAULT 0,
    record_id      TEXT,                    -- the id given in a jsonl record
    ingested_at    TEXT NOT NULL,
    stage          TEXT NOT NULL,           -- the cleaning stage and version
    UNIQUE (origin, version)
);
CREATE INDEX documents_origin ON documents (origin, is_current);
CREATE INDEX documents_text_sha ON documents (text_sha256);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE errors (
    id       INTEGER PRIMARY KEY,
    origin   TEXT NOT NULL UNIQUE,          -- the latest failure of an origin; cleared on success
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    at       TEXT NOT NULL
);

-- Which stage (name, version) has processed which document: a changed stage re-runs alone.
CREATE TABLE stage_runs (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    ran_at      TEXT NOT NULL,
    PRIMARY KEY (document_id, stage)
);

-- Evidence: a span of one document's clean text. Facts point at spans, never at bare offsets.
CREATE TABLE spans (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    stage       TEXT NOT NULL
);
CREATE INDEX spans_document ON spans (document_id, start);

CREATE TABLE entities (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    type         TEXT NOT NULL,             -- PERSON | ORG | LOC | MISC
    external_ids TEXT NOT NULL DEFAULT '{}',
    stage        TEXT NOT NULL
);
CREATE TABLE mentions (
    span_id   INTEGER PRIMARY KEY REFERENCES spans (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    type      TEXT NOT NULL,                -- as typed at this mention, before agreement
    stage     TEXT NOT NULL
);
CREATE TABLE roles (
    id        INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    span_id   INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    qualifier TEXT NOT NULL DEFAULT 'unknown', -- current | former | designate | unknown
    stage     TEXT NOT NULL
);
CREATE TABLE relations (
    id        INTEGER PRIMARY KEY,
    subject   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    predicate TEXT NOT NULL,
    object    TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    stage     TEXT NOT NULL
);
CREATE TABLE relation_evidence (
    relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    span_id     INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
    PRIMARY KEY (relation_id, span_id)
);

CREATE TABLE events (
    id        TEXT PRIMARY KEY,
    date      TEXT,
    precision TEXT NOT NULL,
    status    TEXT NOT NULL DEFAULT 'unknown', -- happened | planned | unknown
    follow_up TEXT,                           -- JSON, for announced events
    stage     TEXT NOT NULL
);
CREATE TABLE event_evidence (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    span_id   INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
    date_span INTEGER REFERENCES spans (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, span_id)
);
CREATE TABLE event_entities (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, entity_id)
);

CREATE TABLE quotes (
    id        TEXT PRIMARY KEY,
    text      TEXT NOT NULL,
    speaker   TEXT REFERENCES entities (id) ON DELETE SET NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    stage     TEXT NOT NULL
);
CREATE TABLE quote_occurrences (
    quote_id     TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    span_id      INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
    speaker_span INTEGER REFERENCES spans (id) ON DELETE SET NULL,
    PRIMARY KEY (quote_id, span_id)
);

CREATE TABLE discrepancies (
    id       TEXT PRIMARY KEY,
    kind     TEXT NOT NULL,
    subject  TEXT,
    summary  TEXT NOT NULL,
    reviewed INTEGER NOT NULL DEFAULT 0,
    stage    TEXT NOT NULL
);
CREATE TABLE discrepancy_values (
    id             INTEGER PRIMARY KEY,
    discrepancy_id TEXT NOT NULL REFERENCES discrepancies (id) ON DELETE CASCADE,
    value          TEXT NOT NULL
);
CREATE TABLE discrepancy_evidence (
    value_id INTEGER NOT NULL REFERENCES discrepancy_values (id) ON DELETE CASCADE,
    span_id  INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
    PRIMARY KEY (value_id, span_id)
);

CREATE TABLE stories (
    id    TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    stage TEXT NOT NULL
);
CREATE TABLE story_documents (
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, document_id)
);

-- Curation: a person's decisions, kept apart from computed rows and re-applied after rebuilds.
CREATE TABLE curation_decisions (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,                  -- merge | split | rename | reject | review ...
    target  TEXT NOT NULL,                  -- what it is about (entity key, discrepancy id ...)
    payload TEXT NOT NULL DEFAULT '{}'      -- JSON
);
