"""``make bench``: cost of the entity stage against the bare spaCy NER pass on the same texts.

Each measurement runs in a process of its own, pipelines loaded before the clock starts:
  ner        nlp.pipe over every text with only tok2vec + ner (the baseline)
  entities   recoupe's whole entity stage: the same NER pass, then mentions, chains, roles,
             relations (analyse_documents) and cross-document resolution (resolve_entities)
The figure to watch is the added cost: (entities - ner) / ner, goal < 0.2.
Usage: python -m bench.entities [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.texts import article_texts

OUT = Path(__file__).resolve().parent / "out"


def _measure(mode: str, repeat: int) -> dict[str, Any]:
    from recoupe.entities.pipelines import load, parse

    texts = article_texts() * repeat
    for language in ("fr", "en"):
        load(language)
    words = sum(len(text.split()) for _, text, _ in texts)
    start = time.perf_counter()
    if mode == "ner":
        for language in ("fr", "en"):
            for _ in parse([t for _, t, lang in texts if lang == language], language=language):
                pass
    else:
        from recoupe.entities.pipeline import analyse_documents, resolve_entities

        unique = [(f"{doc_id}-{i}", text, lang) for i, (doc_id, text, lang) in enumerate(texts)]
        resolve_entities(analyse_documents(unique))
    seconds = time.perf_counter() - start
    return {
        "mode": mode,
        "documents": len(texts),
        "words": words,
        "seconds": round(seconds, 2),
        "docs_per_s": round(len(texts) / seconds, 2),
        "words_per_s": round(words / seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="go over the texts N times")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.repeat)))
        return
    results = {}
    for mode in ("ner", "entities"):
        command = [
            sys.executable,
            "-m",
            "bench.entities",
            "--measure",
            mode,
            "--repeat",
            str(args.repeat),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps(results[mode]), flush=True)
    ner, full = results["ner"]["seconds"], results["entities"]["seconds"]
    added = (full - ner) / ner
    print(
        f"\nentity stage: {results['entities']['docs_per_s']} docs/s, NER alone "
        f"{results['ner']['docs_per_s']} docs/s; added cost {added:.3f}x of the NER pass "
        "(goal < 0.2)"
    )
    OUT.mkdir(exist_ok=True)
    (OUT / "entities.json").write_text(
        json.dumps({**results, "added_cost": round(added, 4)}, indent=2)
    )


if __name__ == "__main__":
    main()
