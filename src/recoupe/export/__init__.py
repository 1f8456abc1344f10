"""Exports of the dossier. ``json`` writes the contract format ``recoupe.dossier/1``."""
