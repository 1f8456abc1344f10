-- recoupe dossier schema, migration 3: reference lists of known entities a user supplied
-- (an extract of Wikidata, OpenSanctions, ...), to link entities against.
CREATE TABLE reference_entities (
    scheme  TEXT NOT NULL,                  -- e.g. wikidata
    id      TEXT NOT NULL,
    name    TEXT NOT NULL,
    type    TEXT,                           -- PERSON | ORG | LOC | MISC, or unknown
    aliases TEXT NOT NULL DEFAULT '[]',     -- JSON
    PRIMARY KEY (scheme, id)
);
