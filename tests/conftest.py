from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recoupe.store import SqliteStore, open_store

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "marseille"
SCHEMA = REPO / "tests" / "contract" / "dossier.schema.json"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with open_store(str(tmp_path / "dossier.db")) as opened:
        yield opened


@pytest.fixture(scope="session")
def dossier_schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def run_recoupe(
    *args: str, cwd: Path | None = None, stdin: str | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """The real command, in a subprocess: exit statuses and output as a user sees them."""
    return subprocess.run(
        [sys.executable, "-m", "recoupe", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        timeout=timeout,
        check=False,
    )


def validate_dossier(dossier: dict[str, Any], schema: dict[str, Any]) -> None:
    """Schema validation plus what a schema cannot say: every evidence span is exact."""
    import jsonschema

    jsonschema.Draft202012Validator(schema).validate(dossier)
    texts = {doc["id"]: doc["text"] for doc in dossier["documents"]}
    for span in _spans(dossier):
        assert texts[span["document"]][span["start"] : span["end"]] == span["text"], span


def _spans(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"document", "start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)
