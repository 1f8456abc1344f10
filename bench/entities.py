"""``make bench``: cost of the analysis stages against the bare spaCy NER pass on the same texts.

Each measurement runs in a process of its own, pipelines loaded before the clock starts:
  ner        nlp.pipe over every text with only tok2vec + ner (the baseline)
  entities   recoupe's whole entity stage: the same NER pass, then mentions, chains, roles,
             relations (analyse_documents) and cross-document resolution (resolve_entities)
  time       the time stage alone (entities computed before the clock starts): temporal
             expressions, events, and the timeline across documents
  stories    the quote, copy and story stages alone (entities computed before): quotes and
             their grouping, copies and rewrites, stories
The figures to watch: entity stage (entities - ner) / ner, goal < 0.2; time / ner, goal < 0.1.
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
    elif mode == "time":
        start = _time_stage(texts)
    elif mode == "stories":
        start = _story_stages(texts)
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


def _time_stage(texts: list[tuple[str, str, str]]) -> float:
    """Run the time stage; return when its clock started (entities are computed before)."""
    from recoupe.entities.pipeline import analyse_documents, resolve_entities
    from recoupe.events.extract import find_events
    from recoupe.events.model import DocumentEvents
    from recoupe.events.timeline import build_timeline, statements
    from recoupe.time.expressions import find_timexes

    unique = [(f"{doc_id}-{i}", text, lang) for i, (doc_id, text, lang) in enumerate(texts)]
    analysed = analyse_documents(unique)
    entities = resolve_entities(analysed)
    owners = {m: e.id for e in entities for m in e.mentions}
    start = time.perf_counter()
    events = []
    for (doc_id, text, language), result in zip(unique, analysed, strict=True):
        timexes = find_timexes(text, language=language, published="2025-11-18")
        found = find_events(text, timexes, result.mentions, reference="2025-11-18")
        events.append(DocumentEvents(doc_id, found))
    order = {doc_id: ("2025-11-18", i) for i, (doc_id, _, _) in enumerate(unique)}
    build_timeline(statements(events, owners, set(), order), {})
    return start


def _story_stages(texts: list[tuple[str, str, str]]) -> float:
    """Run the quote, copy and story stages; return when their clock started."""
    from recoupe.duplicates import DupDoc, find_copies
    from recoupe.entities.pipeline import analyse_documents, resolve_entities
    from recoupe.quotes import find_quotes
    from recoupe.stories import StoryDoc, cluster_stories

    unique = [(f"{doc_id}-{i}", text, lang) for i, (doc_id, text, lang) in enumerate(texts)]
    analysed = analyse_documents(unique)
    entities = resolve_entities(analysed)
    named: dict[str, set[str]] = {}
    for entity in entities:
        for document, _ in entity.mentions:
            named.setdefault(document, set()).add(entity.id)
    start = time.perf_counter()
    for (_, text, language), result in zip(unique, analysed, strict=True):
        find_quotes(text, result.mentions, result.roles, language=language)
    facts = {doc_id: frozenset(named.get(doc_id, set())) for doc_id, _, _ in unique}
    find_copies([DupDoc(i, t, lang, None, n, facts[i]) for n, (i, t, lang) in enumerate(unique)])
    cluster_stories([StoryDoc(i, lang, None, t, None, facts[i]) for i, t, lang in unique])
    return start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="go over the texts N times")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.repeat)))
        return
    results = {}
    for mode in ("ner", "entities", "time", "stories"):
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
    time_cost = results["time"]["seconds"] / ner
    story_cost = results["stories"]["seconds"] / ner
    print(
        f"\nentity stage: {results['entities']['docs_per_s']} docs/s, NER alone "
        f"{results['ner']['docs_per_s']} docs/s; added cost {added:.3f}x of the NER pass "
        "(goal < 0.2)"
    )
    print(
        f"time stage: {results['time']['seconds']} s, {time_cost:.3f}x of the NER pass (goal < 0.1)"
    )
    OUT.mkdir(exist_ok=True)
    (OUT / "entities.json").write_text(
        json.dumps(
            {
                **results,
                "added_cost": round(added, 4),
                "time_cost": round(time_cost, 4),
                "story_cost": round(story_cost, 4),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
