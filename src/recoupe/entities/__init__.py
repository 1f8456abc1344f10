"""Entities: mentions of people, organisations and places, one entity per real referent across
documents, spellings and languages, with roles and relations (stage ``recoupe.entities.v1``)."""
