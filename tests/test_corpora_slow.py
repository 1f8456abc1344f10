"""Never crash on a corpus (slow tier): every development corpus of ``../shared/data`` as whole
dossiers, each built by ONE ``recoupe ingest`` of the real command, then checked.

Dossiers (all of each set, no sampling; about five minutes in all on two cores):

- RPM2: the 200 French documents of its ten topics together (twenty clusters);
- MEANTIME: each English corpus (``corpus_*``), its articles rebuilt from the XML tokens;
- ECB+: every development topic (both sub-topics), 496 English documents together;
- HTML: the pages of trafilatura's evaluation set and of the article-extraction benchmark (many
  languages, some pages without an article);
- all of RPM2, MEANTIME and ECB+ in one bilingual dossier (entities, stories and copies across
  languages and across sets: name and id collisions on purpose).

Texts are built as the story evaluation builds them (:mod:`eval.story_texts`). For each dossier:
exit status 0, or 1 only with coded read errors (an empty page); no traceback; no error coded
``analysis_failed``, ``corpus_step_failed`` or ``internal`` (a stage or step that failed is
recorded and passed over, so only the errors tell); every stored document in an analysed
language has been through every per-document stage; the export validates against the contract
schema, every evidence span is exact, ids are unique in every table and every analysed document is
in exactly one story. Skips when the data are absent.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, SCHEMA, run_recoupe, validate_dossier

from eval.common import data_dir
from eval.story_texts import Story, materialise
from recoupe.entities.pipeline import STAGE as ENTITY_STAGE
from recoupe.errors import Code
from recoupe.events.stage import STAGE as EVENT_STAGE
from recoupe.quotes.stage import STAGE as QUOTE_STAGE
from recoupe.store import open_store

pytestmark = pytest.mark.slow

DATA = data_dir()
SHARED_SCHEMA = REPO.parent / "shared" / "contract" / "dossier.schema.json"
BUGS = {str(Code.ANALYSIS_FAILED), str(Code.CORPUS_STEP_FAILED), str(Code.INTERNAL)}
TABLES = ("documents", "entities", "events", "quotes", "discrepancies", "stories")
INGEST_TIMEOUT = 1800  # seconds; the largest dossier takes about three minutes


def _need(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def _rpm2() -> list[Path]:
    return sorted(_need("rpm2-fr-multidoc", "Corpus_RPM2_documents").glob("*.txt"))


def _meantime_names() -> list[str]:
    base = DATA / "meantime-en" / "intra_cross-doc_annotation"
    return sorted(p.name.removeprefix("corpus_") for p in base.glob("corpus_*") if p.is_dir())


def _meantime(name: str, out: Path) -> Path:
    _need("meantime-en", "intra_cross-doc_annotation", f"corpus_{name}")
    return materialise(Story(f"meantime/{name}", "en"), DATA, out) / "manifest.jsonl"


def _ecbplus(out: Path) -> list[Path]:
    base = _need("ecbplus-cdcr", "by_subtopic")
    topics = sorted(
        {
            int(m.group(1))
            for p in base.iterdir()
            if (m := re.fullmatch(r"(\d+)ecb(?:plus)?", p.name))
        }
    )
    return [materialise(Story(f"ecbplus/{t}", "en"), DATA, out) / "manifest.jsonl" for t in topics]


def ingest(db: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    """One ``recoupe ingest`` of all ``inputs`` into ``db``: the real command, in a subprocess."""
    assert inputs, "nothing to ingest"
    return _recoupe("ingest", *map(str, inputs), "--db", str(db), "-q", timeout=INGEST_TIMEOUT)


def _recoupe(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return run_recoupe(*args, cwd=REPO, timeout=timeout)


def check_dossier(db: Path, run: subprocess.CompletedProcess[str], *, documents: int) -> None:
    """Everything a dossier built from a whole corpus must be (see the module's docstring)."""
    assert "Traceback" not in run.stderr, run.stderr[-5000:]
    assert run.returncode in (0, 1), (run.returncode, run.stderr[-3000:])

    status = _recoupe("status", "--db", str(db), "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    errors = report["errors_list"]
    assert all(e["code"] for e in errors), errors
    assert not [e for e in errors if e["code"] in BUGS], [e for e in errors if e["code"] in BUGS]
    if run.returncode == 1:
        assert errors, "exit status 1 without an error to show for it"
    assert report["documents"] + len(errors) >= documents, report

    with open_store(str(db)) as store:
        analysed = [doc for doc in store.documents() if doc.analysed]
        assert {doc.language for doc in analysed} <= {"fr", "en"}
        for stage in (ENTITY_STAGE, EVENT_STAGE, QUOTE_STAGE):
            assert store.unanalysed(stage) == [], stage
    assert report["analysed"] == len(analysed)

    exported = _recoupe("export", "--db", str(db), "--format", "json")
    assert exported.returncode == 0, exported.stderr[-3000:]
    assert "Traceback" not in exported.stderr
    dossier = json.loads(exported.stdout)
    schema_path = SHARED_SCHEMA if SHARED_SCHEMA.is_file() else SCHEMA
    validate_dossier(dossier, json.loads(schema_path.read_text(encoding="utf-8")))
    for table in TABLES:
        counts = Counter(row["id"] for row in dossier[table])
        assert not [i for i, n in counts.items() if n > 1], (table, counts.most_common(3))
    in_stories = Counter(doc for story in dossier["stories"] for doc in story["documents"])
    assert set(in_stories) == {doc["id"] for doc in dossier["documents"] if doc["analysed"]}
    assert max(in_stories.values(), default=1) == 1
    assert {e["code"] for e in dossier["errors"]} == {e["code"] for e in errors}


def test_rpm2_all_documents_one_dossier(tmp_path: Path) -> None:
    files = _rpm2()
    assert len(files) >= 200
    db = tmp_path / "rpm2.db"
    check_dossier(db, ingest(db, *files), documents=len(files))


@pytest.mark.parametrize("name", _meantime_names() or ["absent"])
def test_meantime_corpus_one_dossier(name: str, tmp_path: Path) -> None:
    manifest = _meantime(name, tmp_path / "texts")
    count = sum(1 for _ in manifest.open(encoding="utf-8"))
    db = tmp_path / f"meantime-{name}.db"
    check_dossier(db, ingest(db, manifest), documents=count)


def test_ecbplus_all_topics_one_dossier(tmp_path: Path) -> None:
    manifests = _ecbplus(tmp_path / "texts")
    count = sum(1 for m in manifests for _ in m.open(encoding="utf-8"))
    db = tmp_path / "ecbplus.db"
    check_dossier(db, ingest(db, *manifests), documents=count)


def test_html_pages_one_dossier(tmp_path: Path) -> None:
    folders = [
        _need("trafilatura-eval-fr-en", "html"),
        _need("article-extraction-benchmark", "html"),
    ]
    count = sum(1 for f in folders for p in f.iterdir() if not p.name.startswith("."))
    db = tmp_path / "html.db"
    check_dossier(db, ingest(db, *folders), documents=count)


def test_every_story_set_in_one_bilingual_dossier(tmp_path: Path) -> None:
    files = _rpm2()
    manifests = [_meantime(name, tmp_path / "texts") for name in _meantime_names()]
    manifests += _ecbplus(tmp_path / "texts")
    count = len(files) + sum(1 for m in manifests for _ in m.open(encoding="utf-8"))
    db = tmp_path / "all.db"
    check_dossier(db, ingest(db, *files, *manifests), documents=count)
