-- recoupe dossier schema, migration 5: quotes keep who is named as saying them and their count of
-- independent sources; which document copies or rewrites which (derived, rebuilt).
ALTER TABLE quotes ADD COLUMN data TEXT NOT NULL DEFAULT '{}';

CREATE TABLE document_copies (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,             -- copy | near_copy | rewrite
    stage       TEXT NOT NULL
);
