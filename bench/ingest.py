"""``make bench``: ingestion throughput and peak memory vs bare trafilatura, same pages, same run.

Each measurement runs in a process of its own, so peak RSS is that of the measured work alone:
  baseline      trafilatura.extract(html) on every page (read from disk), nothing else
  ingest        ``recoupe.build.ingest`` of the folder into a fresh SQLite dossier (read, clean:
                trafilatura + htmldate + language, snapshot, store, FTS index)
  reingest      the same folder again: every page unchanged (the no-op path)
  ingest x2     the same as ``ingest`` with two cleaning processes
Usage: python -m bench.ingest [--pages N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import corpus

OUT = Path(__file__).resolve().parent / "out"


def _measure(mode: str, folder: Path, db: Path) -> dict[str, Any]:
    """Run one measurement in this process and return its figures."""
    pages = sorted(folder.glob("*.html"))
    start = time.perf_counter()
    if mode == "baseline":
        import trafilatura

        kept = sum(1 for path in pages if trafilatura.extract(path.read_bytes()))
    else:
        from recoupe.build import ingest
        from recoupe.store import open_store

        workers = 2 if mode == "ingest2" else 1
        with open_store(str(db)) as store:
            report = ingest([str(folder)], store=store, workers=workers)
        kept = len(report.outcomes) - len(report.failures)
    seconds = time.perf_counter() - start
    peak_kib = _peak_rss_kib()
    if mode == "ingest2":  # the cleaning processes too
        peak_kib = max(peak_kib, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {
        "mode": mode,
        "pages": len(pages),
        "kept": kept,
        "seconds": round(seconds, 2),
        "docs_per_s": round(len(pages) / seconds, 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def _peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not carried over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run(mode: str, folder: Path, db: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.ingest", "--measure", mode, str(folder), str(db)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="write the pages here and keep them")
    parser.add_argument(
        "--measure", nargs=3, metavar=("MODE", "FOLDER", "DB"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure:
        mode, folder, db = args.measure
        print(json.dumps(_measure(mode, Path(folder), Path(db))))
        return
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as scratch:
        folder = args.keep or Path(scratch) / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        size = 0
        for name, html in corpus(args.pages):
            size += (folder / name).write_text(html, encoding="utf-8")
        print(f"corpus: {args.pages} distinct pages, {size / 1e6:.1f} MB, in {folder}", flush=True)
        results = {}
        for mode, db in (
            ("baseline", None),
            ("ingest", "one.db"),
            ("reingest", "one.db"),
            ("ingest2", "two.db"),
        ):
            results[mode] = _run(mode, folder, Path(scratch) / (db or "unused.db"))
            print(json.dumps(results[mode]), flush=True)
    base = results["baseline"]
    print(f"\n{'measure':<12}{'docs/s':>10}{'ratio':>8}{'peak MiB':>10}{'ratio':>8}")
    for mode, row in results.items():
        speed = row["docs_per_s"] / base["docs_per_s"]
        memory = row["peak_rss_mib"] / base["peak_rss_mib"]
        print(
            f"{mode:<12}{row['docs_per_s']:>10.2f}{speed:>8.2f}{row['peak_rss_mib']:>10.1f}{memory:>8.2f}"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "ingest.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
