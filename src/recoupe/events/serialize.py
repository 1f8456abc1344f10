"""Per-document results of the time and event stages, to JSON and back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from recoupe.events.model import DocumentEvents, EventFact


def dump(events: DocumentEvents, timexes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"timexes": timexes, "events": [asdict(fact) for fact in events.events]}


def load(document: str, data: dict[str, Any]) -> DocumentEvents:
    facts = [
        EventFact(
            **{**item, "mentions": tuple(item["mentions"]), "classes": tuple(item["classes"])}
        )
        for item in data.get("events", [])
    ]
    return DocumentEvents(document, facts)
