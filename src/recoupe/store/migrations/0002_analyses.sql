-- recoupe dossier schema, migration 2: what each stage found in one document (its cache, so that
-- corpus-level steps re-run without re-reading documents), and entity details.

CREATE TABLE analyses (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,             -- e.g. recoupe.entities.v1
    data        TEXT NOT NULL,             -- JSON
    ran_at      TEXT NOT NULL,
    PRIMARY KEY (document_id, stage)
);

-- aliases, merge reasons, spelling variants, curation state (JSON)
ALTER TABLE entities ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
