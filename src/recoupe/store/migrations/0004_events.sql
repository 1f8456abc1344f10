-- recoupe dossier schema, migration 4: timeline entries keep their words (date_text, text) and
-- their count of independent sources.
ALTER TABLE events ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
