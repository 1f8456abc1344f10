"""The two set-up commands from a clean clone, as a new user runs them (slow tier)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, validate_dossier

pytestmark = pytest.mark.slow


def test_make_demo_from_a_clean_clone(tmp_path: Path, dossier_schema: dict[str, Any]) -> None:
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("git and make are needed")
    clone = tmp_path / "recoupe"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    done = subprocess.run(
        ["make", "demo", f"PYTHON={sys.executable}"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "demo-out/dossier.json" in done.stdout
    dossier = json.loads((clone / "demo-out" / "dossier.json").read_text(encoding="utf-8"))
    validate_dossier(dossier, dossier_schema)
    assert len(dossier["documents"]) == 5 and dossier["errors"] == []
    assert dossier["entities"] and dossier["events"] and dossier["quotes"] and dossier["stories"]
    assert (clone / "demo-out" / "timeline.svg").read_text(encoding="utf-8").startswith("<svg")


def test_benchmark_runs_on_a_small_corpus() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.ingest", "--pages", "12"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "docs/s" in done.stdout and "baseline" in done.stdout
