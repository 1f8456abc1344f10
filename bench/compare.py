"""Analysis cost per document of the working tree against an earlier revision, same machine,
same run.

    python -m bench.compare --before REV [--rounds N]

REV (a commit, a tag) is checked out into a temporary git worktree; both versions run the same
command on the same corpus, alternately, ``--rounds`` times each, every run in a fresh process
and a fresh database: ``recoupe ingest`` of the benchmark's article texts (bench/texts.py: the
public HTML pages' clean texts and the demo corpus, written once as a JSONL of records), which
reads, cleans, analyses every document and builds the dossier. The figure is the median wall time
per document of each version and their ratio (after / before); the goal of issue 9 is a ratio
≤ 1.10. The result goes to bench/out/compare.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.texts import article_texts

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def _corpus(folder: Path) -> tuple[Path, int]:
    texts = article_texts()
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc_id, text, language in texts:
            out.write(json.dumps({"id": doc_id, "text": text, "language": language}) + "\n")
    return path, len(texts)


def _run(source: Path, corpus: Path, folder: Path) -> float:
    db = folder / f"run-{time.monotonic_ns()}.db"
    env = {**os.environ, "PYTHONPATH": str(source / "src")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "recoupe", "ingest", str(corpus), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"recoupe failed in {source}:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the revision to compare against")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        worktree = folder / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.before],
            check=True,
            capture_output=True,
        )
        try:
            corpus, documents = _corpus(folder)
            times: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(args.rounds):
                times["before"].append(_run(worktree, corpus, folder))
                times["after"].append(_run(ROOT, corpus, folder))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)],
                check=False,
                capture_output=True,
            )
    before = statistics.median(times["before"]) / documents
    after = statistics.median(times["after"]) / documents
    result = {
        "before": args.before,
        "documents": documents,
        "rounds": args.rounds,
        "seconds_per_document": {"before": round(before, 4), "after": round(after, 4)},
        "ratio": round(after / before, 3),
        "runs": times,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "compare.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"analysis cost per document: before ({args.before}) {before * 1000:.1f} ms, "
        f"after {after * 1000:.1f} ms, ratio {after / before:.3f} "
        f"({documents} documents, median of {args.rounds} runs each)"
    )


if __name__ == "__main__":
    main()
