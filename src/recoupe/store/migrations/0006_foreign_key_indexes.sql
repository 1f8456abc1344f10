-- recoupe dossier schema, migration 6: an index under every foreign key, so that deleting a
-- document, a span or an entity finds what points at it without scanning whole tables (a
-- rebuild of a large dossier deleted spans in quadratic time).
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS roles_entity ON roles (entity_id);
CREATE INDEX IF NOT EXISTS roles_span ON roles (span_id);
CREATE INDEX IF NOT EXISTS relations_subject ON relations (subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations (object);
CREATE INDEX IF NOT EXISTS relation_evidence_relation ON relation_evidence (relation_id);
CREATE INDEX IF NOT EXISTS relation_evidence_span ON relation_evidence (span_id);
CREATE INDEX IF NOT EXISTS event_evidence_event ON event_evidence (event_id);
CREATE INDEX IF NOT EXISTS event_evidence_span ON event_evidence (span_id);
CREATE INDEX IF NOT EXISTS event_evidence_date ON event_evidence (date_span);
CREATE INDEX IF NOT EXISTS event_entities_event ON event_entities (event_id);
CREATE INDEX IF NOT EXISTS event_entities_entity ON event_entities (entity_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
CREATE INDEX IF NOT EXISTS quote_occurrences_quote ON quote_occurrences (quote_id);
CREATE INDEX IF NOT EXISTS quote_occurrences_span ON quote_occurrences (span_id);
CREATE INDEX IF NOT EXISTS quote_occurrences_speaker ON quote_occurrences (speaker_span);
CREATE INDEX IF NOT EXISTS discrepancy_values_discrepancy ON discrepancy_values (discrepancy_id);
CREATE INDEX IF NOT EXISTS discrepancy_evidence_value ON discrepancy_evidence (value_id);
CREATE INDEX IF NOT EXISTS discrepancy_evidence_span ON discrepancy_evidence (span_id);
CREATE INDEX IF NOT EXISTS story_documents_story ON story_documents (story_id);
CREATE INDEX IF NOT EXISTS document_copies_original ON document_copies (original_id);
CREATE INDEX IF NOT EXISTS documents_snapshot ON documents (snapshot_id);
