"""Stories and copies: ``recoupe.stories.cluster_stories`` and ``recoupe.duplicates.find_copies``.

Run from the repository root::

    python -m eval.stories [--fast] [--ratchet]

Stories: documents grouped into stories, scored with B³ F1 (document-level B³: each document's
precision and recall over the documents of its system and gold clusters, averaged) against gold
partitions read from the file names:

``rpm2`` (``rpm2-fr-multidoc``, RPM2, 2008 French press; topics T01-T10 here)
    ``TNN_Ck_DD.txt``: topic ``NN``, cluster ``k`` (cluster 2 is about a month after cluster 1),
    document ``DD``; the first line is the title. Gold: the TOPIC (10 classes, the pinned target)
    and the topic+cluster (20 classes, reported too: without publication dates the two clusters of
    a topic are the same story to recoupe, which caps that figure near 0.67).
``ecbplus`` (``ecbplus-cdcr/by_subtopic``, ECB+, English)
    ``<T>ecb[plus]/<T>_<N>ecb[plus].json``: title and text. Gold: the topic ``T`` and the
    subtopic ``<T>ecb`` / ``<T>ecbplus`` (two different events of one kind: a subtopic is a story,
    a topic is a kind of event). Their ``date_publish`` are free-text strings on the ``ecbplus``
    side only: not used (no publication dates), like RPM2.

Entity ids come from recoupe's entity layer (``recoupe.entities.pipeline``: ``analyse_documents``
then ``resolve_entities`` over the set), the input ``cluster_stories`` expects; the entity pass is
timed apart and not counted in the stories' speed.

Systems: ``recoupe`` (``cluster_stories``); ``recoupe-text`` (the same without entity ids: what
the entities add); baselines ``tfidf-single-link`` (TF-IDF cosine of whole texts, words folded,
smooth idf, pairs at cosine >= :data:`BASELINE_THRESHOLD` linked, clusters = connected
components; 0.25 is the best single threshold for the topic figures of both sets in a sweep from
0.10 to 0.50: a baseline tuned on the test data) and ``singletons`` (one story per document). The
baselines are never floored.

Copies (``find_copies``): a synthetic test built from the set's own texts. Every
:data:`COPY_STEP`-th document (in id order) gets three derived documents, ingested after all the
originals: an exact copy (same text), a near copy (:data:`NEAR_EDIT_RATE` of the words replaced,
deleted or doubled) and a paraphrase keeping the facts (the sentences of the body swapped two by
two, :data:`PARAPHRASE_RATE` of the lower-case words outside quotations replaced by words drawn
from the corpus; names, numbers and quotations kept: its word 3-gram Jaccard with the source is
about 0.2-0.3, the range measured for real paraphrased rewrites). Facts, the input the caller
gives, are the same for every document: entity ids (the entity layer run over originals and
derived documents together), numbers and quotation keys (the first words of each quoted passage).
Gold: derived document -> its source (``copy``, ``near_copy``, ``rewrite``); and, since both
corpora hold real republished dispatches, original pairs whose exact word 3-gram Jaccard is at
least ``duplicates.NEAR_JACCARD`` are near copies (a silver standard that scores the MinHash/LSH
approximation). Gold and predictions are both reduced to "document -> earliest document of its
group" (earliest: ingestion order here, no dates). A predicted mapping is right when gold maps the
document to the same original; precision and recall over mappings, recall per kind, and the share
of right mappings with the right kind. Every other prediction counts as false, including originals
that are real rewrites of one dispatch (no gold for those; ECB+ holds many: "Greek government
under fire" twice, the Palin church fire from two wire versions): ``precision`` is a lower bound.
``precision_derived`` is the precision over the predictions for derived documents only.

Speed: documents per second of ``cluster_stories`` and of ``find_copies`` (entities given).

Each set is split by topic into a tune and a check part (``eval/split.py``: RPM2 T01-T05 tune,
T06-T10 check; ECB+ by blocks of six topic numbers), each part clustered and scored as a set of its
own (its entities resolved over the part, its copies derived from the part). The results go to
``eval/out/stories.json``; recoupe's figures on the check part are checked against
``eval/floors.json`` (keys ``….check``; ``--fast``: RPM2 every 2nd document, ECB+ every 3rd topic,
of each part, keys ending in ``.check.fast``); the margin over the TF-IDF baseline
(``*_vs_tfidf``) is reported as a figure once positive (or once floored). Exit status 1 when a
figure is below its floor or a system crashed, 0 otherwise, also when the data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eval import split
from eval.common import (
    check_figures,
    check_floors,
    data_dir,
    exit_status,
    figures_by_part,
    floors_json,
    format_floor_checks,
    format_parts_table,
    format_table,
    harness_arguments,
    load_floors,
    progress,
    ratchet_floors,
    skip_message,
    withhold_check,
    write_result,
)
from eval.coref_metrics import b_cubed
from recoupe import duplicates, stories
from recoupe.corpus import fact_key
from recoupe.duplicates import DupDoc, find_copies
from recoupe.stories import StoryDoc, cluster_stories

RPM2_DIR = "rpm2-fr-multidoc"
ECBPLUS_DIR = "ecbplus-cdcr"
BASELINE_THRESHOLD = 0.25
COPY_STEP = 5
NEAR_EDIT_RATE = 0.05
PARAPHRASE_RATE = 0.35
_ECB_SUBTOPIC_RE = re.compile(r"^(\d+)(ecb|ecbplus)$")
_ECB_FILE_RE = re.compile(r"^\d+_\d+(ecb|ecbplus)$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r"[«“\"]\s*([^«»“”\"]{8,}?)\s*[»”\"]")
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"“])")


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    text: str  # the body, without the title
    language: str
    gold: Mapping[str, str] = field(default_factory=dict)  # partition name -> class

    @property
    def full_text(self) -> str:
        return f"{self.title}\n{self.text}" if self.title else self.text


def load_rpm2(root: Path, *, fast: bool) -> dict[split.Part, list[Document]]:
    """The documents by part (by topic)."""
    paths = sorted((root / "Corpus_RPM2_documents").glob("T*_C*_*.txt"))
    parts = split.split(paths, lambda p: split.rpm2_part(p.stem), fast_step=2 if fast else None)
    return {part: _rpm2_documents(members) for part, members in parts.items()}


def _rpm2_documents(paths: Sequence[Path]) -> list[Document]:
    documents = []
    for path in paths:
        raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").strip()
        title, _, body = raw.partition("\n")
        topic, cluster, _ = path.stem.split("_")
        gold = {"topic": topic, "cluster": f"{topic}_{cluster}"}
        documents.append(Document(path.stem, title.strip(), body.strip(), "fr", gold))
    return documents


def load_ecbplus(root: Path, *, fast: bool) -> dict[split.Part, list[Document]]:
    """The documents by part (by topic); fast: every 3rd topic of each part."""
    folders = sorted(
        (p for p in (root / "by_subtopic").iterdir() if _ECB_SUBTOPIC_RE.match(p.name)),
        key=lambda p: p.name,
    )
    topics = sorted({int(_ECB_SUBTOPIC_RE.match(p.name).group(1)) for p in folders})  # type: ignore[union-attr]
    by_part = split.split(topics, split.ecbplus_part, fast_step=3 if fast else None)
    return {
        part: _ecbplus_documents(
            [p for p in folders if int(_ECB_SUBTOPIC_RE.match(p.name).group(1)) in set(kept)]  # type: ignore[union-attr]
        )
        for part, kept in by_part.items()
    }


def _ecbplus_documents(folders: Sequence[Path]) -> list[Document]:
    documents = []
    for folder in folders:
        topic = _ECB_SUBTOPIC_RE.match(folder.name).group(1)  # type: ignore[union-attr]
        for path in sorted(folder.glob("*.json")):
            if not _ECB_FILE_RE.match(path.stem):
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
            gold = {"topic": topic, "subtopic": folder.name}
            title = (data.get("title") or "").strip()
            text = (data.get("text") or "").strip()
            documents.append(Document(f"{folder.name}/{path.stem}", title, text, "en", gold))
    return documents


SETS: dict[str, tuple[str, Callable[..., dict[split.Part, list[Document]]], tuple[str, ...]]] = {
    "rpm2": (RPM2_DIR, load_rpm2, ("topic", "cluster")),
    "ecbplus": (ECBPLUS_DIR, load_ecbplus, ("topic", "subtopic")),
}


# --- entities -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Entities:
    """Entity ids per document and their names, from recoupe's entity layer."""

    ids: dict[str, frozenset[str]]
    names: dict[str, str]
    types: dict[str, Any] = field(default_factory=dict)  # entity id -> EntityType
    seconds: float = 0.0


class EntityLayer:
    def __init__(self) -> None:
        from recoupe.entities.pipeline import analyse_documents, resolve_entities

        self._analyse = analyse_documents
        self._resolve = resolve_entities
        self._analysed: dict[str, Any] = {}
        self.seconds = 0.0

    def analyse(self, documents: Sequence[Document]) -> None:
        todo = [d for d in documents if d.id not in self._analysed]
        started = time.perf_counter()
        for result in self._analyse([(d.id, d.full_text, d.language) for d in todo]):
            self._analysed[result.document] = result
        self.seconds += time.perf_counter() - started

    def entities(self, documents: Sequence[Document]) -> Entities:
        self.analyse(documents)
        started = time.perf_counter()
        resolved = self._resolve([self._analysed[d.id] for d in documents])
        self.seconds += time.perf_counter() - started
        ids: dict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        types: dict[str, Any] = {}
        for entity in resolved:
            if getattr(entity, "rejected", False):
                continue
            names[entity.id] = entity.name
            types[entity.id] = entity.type
            for doc_id, _ in entity.mentions:
                ids[doc_id].add(entity.id)
        return Entities({d.id: frozenset(ids.get(d.id, ())) for d in documents}, names, types)


# --- stories ------------------------------------------------------------------------------------


def story_docs(documents: Sequence[Document], entities: Entities | None) -> list[StoryDoc]:
    result = []
    for d in documents:
        ids = entities.ids.get(d.id, frozenset()) if entities is not None else frozenset()
        names = {key: entities.names[key] for key in ids} if entities is not None else {}
        result.append(StoryDoc(d.id, d.language, d.title or None, d.text, None, ids, names))
    return result


def tfidf_single_link(documents: Sequence[Document], threshold: float) -> list[list[str]]:
    """Baseline: whole-text TF-IDF cosine, pairs above ``threshold`` linked, components."""
    bags = [Counter(stories.words(d.full_text)) for d in documents]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(documents)
    vectors = []
    for bag in bags:
        vector = {w: tf * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            small, large = sorted((vectors[i], vectors[j]), key=len)
            if sum(v * large.get(w, 0.0) for w, v in small.items()) >= threshold:
                parent[find(i)] = find(j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, d in enumerate(documents):
        groups[find(i)].append(d.id)
    return list(groups.values())


def b3_f1(
    documents: Sequence[Document], clusters: Iterable[Iterable[str]], partition: str
) -> dict[str, float]:
    key: dict[str, set[str]] = defaultdict(set)
    for d in documents:
        key[d.gold[partition]].add(d.id)
    return b_cubed(list(key.values()), [set(c) for c in clusters]).as_dict()


def evaluate_stories(
    documents: Sequence[Document], entities: Entities, partitions: Sequence[str]
) -> dict[str, Any]:
    with_entities = story_docs(documents, entities)
    systems: dict[str, Callable[[], list[list[str]]]] = {
        "recoupe": lambda: [list(s.documents) for s in cluster_stories(with_entities)],
        "recoupe-text": lambda: [
            list(s.documents) for s in cluster_stories(story_docs(documents, None))
        ],
        "tfidf-single-link": lambda: tfidf_single_link(documents, BASELINE_THRESHOLD),
        "singletons": lambda: [[d.id] for d in documents],
    }
    result: dict[str, Any] = {"docs": len(documents), "systems": {}}
    for name, system in systems.items():
        started = time.perf_counter()
        errors = 0
        try:
            clusters = system()
        except Exception:  # scored as singletons; counted, logged, and fails the run
            logging.getLogger(__name__).exception("%s crashed", name)
            errors, clusters = 1, [[d.id] for d in documents]
        seconds = time.perf_counter() - started
        result["systems"][name] = {
            "stories": len(clusters),
            **{p: b3_f1(documents, clusters, p) for p in partitions},
            "docs_per_second": len(documents) / seconds if seconds else 0.0,
            "errors": errors,
        }
    shuffled = list(with_entities)
    random.Random(7).shuffle(shuffled)
    result["order_free"] = cluster_stories(shuffled) == cluster_stories(with_entities)
    result["labels"] = [
        {"label": s.label, "documents": len(s.documents)}
        for s in sorted(cluster_stories(with_entities), key=lambda s: (-len(s.documents), s.id))[
            :12
        ]
    ]
    return result


# --- copies -------------------------------------------------------------------------------------


def _rng(doc_id: str, salt: str) -> random.Random:
    return random.Random(zlib.crc32(f"{salt}:{doc_id}".encode()))


def near_copy(text: str, vocabulary: Sequence[str], rng: random.Random) -> str:
    """``NEAR_EDIT_RATE`` of the words replaced by a corpus word, deleted or doubled."""
    out: list[str] = []
    for word in text.split(" "):
        if rng.random() >= NEAR_EDIT_RATE:
            out.append(word)
            continue
        action = rng.random()
        if action < 0.5:
            out.append(rng.choice(vocabulary))
        elif action < 0.75:
            out.extend((word, word))
        # else: deleted
    return " ".join(out)


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE.finditer(text)]


def paraphrase(text: str, vocabulary: Sequence[str], rng: random.Random) -> str:
    """Sentences swapped two by two; ``PARAPHRASE_RATE`` of the lower-case words outside
    quotations replaced by corpus words. Names, numbers and quotations are kept."""
    sentences = _SENTENCE_END.split(text)
    for i in range(0, len(sentences) - 1, 2):
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    out = []
    for sentence in sentences:
        quoted = _protected(sentence)
        pieces, last = [], 0
        for match in re.finditer(r"[^\W\d_]+", sentence):
            start, end = match.span()
            word = match.group()
            inside = any(lo <= start < hi for lo, hi in quoted)
            if not inside and word.islower() and rng.random() < PARAPHRASE_RATE:
                pieces.append(sentence[last:start])
                pieces.append(rng.choice(vocabulary))
                last = end
        pieces.append(sentence[last:])
        out.append("".join(pieces))
    return " ".join(out)


def derived_documents(documents: Sequence[Document]) -> list[tuple[Document, str, str]]:
    """(derived document, source id, kind) for every ``COPY_STEP``-th document."""
    vocabulary = sorted(
        {w for d in documents for w in re.findall(r"[^\W\d_]{3,}", d.text) if w.islower()}
    )
    derived = []
    for source in sorted(documents, key=lambda d: d.id)[::COPY_STEP]:
        derived.append((replace(source, id=f"{source.id}#copy"), source.id, "copy"))
        near = near_copy(source.text, vocabulary, _rng(source.id, "near"))
        derived.append((replace(source, id=f"{source.id}#near", text=near), source.id, "near_copy"))
        title = paraphrase(source.title, vocabulary, _rng(source.id, "title"))
        body = paraphrase(source.text, vocabulary, _rng(source.id, "para"))
        derived.append(
            (
                replace(source, id=f"{source.id}#rewrite", title=title, text=body),
                source.id,
                "rewrite",
            )
        )
    return derived


def text_facts(text: str) -> set[str]:
    """Numbers and quotations (their first five words, folded) as fact keys."""
    facts = {"number:" + n.replace(",", ".") for n in _NUMBER.findall(text)}
    for quoted in _QUOTE.findall(text):
        words = stories.fold(quoted).split()
        if len(words) >= 3:
            facts.add("quote:" + " ".join(words[:5]))
    return facts


def exact_jaccard(a: str, b: str) -> float:
    sa = duplicates.shingles(duplicates.words(a))
    sb = duplicates.shingles(duplicates.words(b))
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def evaluate_copies(documents: Sequence[Document], layer: EntityLayer | None) -> dict[str, Any]:
    derived = derived_documents(documents)
    pool = [*documents, *(d for d, _, _ in derived)]
    order = {d.id: i for i, d in enumerate(pool)}
    entities = layer.entities(pool) if layer is not None else None
    dup_docs = [
        DupDoc(
            d.id,
            d.full_text,
            d.language,
            None,
            order[d.id],
            frozenset(
                {
                    fact_key(entities.types[i], entities.names[i])
                    for i in (entities.ids.get(d.id, frozenset()) if entities is not None else ())
                }
                | text_facts(d.full_text)
            ),
        )
        for d in pool
    ]
    # silver: originals that are near copies of each other (exact Jaccard; candidates by LSH
    # would be circular, so every pair of one gold partition class is compared)
    silver = []
    by_class: dict[str, list[Document]] = defaultdict(list)
    for d in documents:
        by_class[next(iter(d.gold.values()))].append(d)
    for members in by_class.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if exact_jaccard(a.full_text, b.full_text) >= duplicates.NEAR_JACCARD:
                    silver.append((a.id, b.id, "near_copy"))
    gold_links = [(source, d.id, kind) for d, source, kind in derived]
    gold = duplicates.group_links(dup_docs, [*silver, *gold_links])  # type: ignore[list-item]
    started = time.perf_counter()
    predicted = find_copies(dup_docs)
    seconds = time.perf_counter() - started
    shuffled = list(dup_docs)
    random.Random(7).shuffle(shuffled)
    order_free = find_copies(shuffled) == predicted

    right = [doc for doc, (original, _) in predicted.items() if gold.get(doc, ("",))[0] == original]
    kinds_right = sum(1 for doc in right if predicted[doc][1] == gold[doc][1])
    per_kind = {}
    for kind in duplicates.KINDS:
        wanted = [doc for doc, (_, k) in gold.items() if k == kind]
        found = sum(1 for doc in wanted if doc in right)
        per_kind[kind] = {
            "gold": len(wanted),
            "found": found,
            "recall": found / len(wanted) if wanted else 0.0,
        }
    wrong = sorted((doc, predicted[doc], gold.get(doc)) for doc in predicted if doc not in right)
    missed = sorted((doc, gold[doc]) for doc in gold if doc not in right)
    derived_ids = {d.id for d, _, _ in derived}
    on_derived = [doc for doc in predicted if doc in derived_ids]
    return {
        "docs": len(pool),
        "derived": len(derived),
        "precision_derived": (
            sum(1 for doc in on_derived if doc in right) / len(on_derived) if on_derived else 0.0
        ),
        "flagged_originals": sum(1 for doc in predicted if doc not in derived_ids),
        "flagged_originals_not_silver": sum(
            1 for doc in predicted if doc not in derived_ids and doc not in right
        ),
        "silver_near_copies": len(silver),
        "gold": len(gold),
        "predicted": len(predicted),
        "right": len(right),
        "precision": len(right) / len(predicted) if predicted else 0.0,
        "recall": len(right) / len(gold) if gold else 0.0,
        "kind_accuracy": kinds_right / len(right) if right else 0.0,
        "per_kind": per_kind,
        "docs_per_second": len(pool) / seconds if seconds else 0.0,
        "order_free": order_free,
        "false": [[doc, list(p), list(g) if g else None] for doc, p, g in wrong],
        "missed": [[doc, list(g)] for doc, g in missed],
        "rewrite_jaccard": _mean(
            exact_jaccard(d.full_text, next(o for o in documents if o.id == s).full_text)
            for d, s, kind in derived
            if kind == "rewrite"
        ),
    }


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


# --- report -------------------------------------------------------------------------------------


def part_figures(results: Mapping[str, Mapping[str, Any]], part: split.Part) -> dict[str, float]:
    """recoupe's figures on one part, and its margins over the TF-IDF baseline."""
    figures: dict[str, float] = {}
    for set_name, parts in results.items():
        result = parts[part]
        ours = result["stories"]["systems"]["recoupe"]
        bare = result["stories"]["systems"]["tfidf-single-link"]
        for partition in SETS[set_name][2]:
            name = f"stories.{set_name}.{partition}_b3_f1"
            figures[name] = ours[partition]["f1"]
            figures[f"{name}_vs_tfidf"] = ours[partition]["f1"] - bare[partition]["f1"]
        copies = result.get("copies")
        if copies is not None:
            for figure in ("precision", "recall"):
                figures[f"stories.{set_name}.copies_{figure}"] = copies[figure]
    return figures


def stories_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    rows = []
    for set_name, parts in results.items():
        coarse, fine = SETS[set_name][2]
        for part, result in parts.items():
            for name, scores in result["stories"]["systems"].items():
                rows.append(
                    (
                        set_name,
                        part,
                        result["stories"]["docs"],
                        name,
                        scores["stories"],
                        scores[coarse]["f1"],
                        scores[fine]["f1"],
                        scores[fine]["precision"],
                        scores[fine]["recall"],
                        f"{scores['docs_per_second']:.0f}",
                    )
                )
    headers = (
        "set",
        "part",
        "docs",
        "system",
        "stories",
        "B3 F1 topic",
        "B3 F1 cluster/subtopic",
        "B3 P fine",
        "B3 R fine",
        "docs/s",
    )
    return format_table(headers, rows)


def copies_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    rows = []
    for set_name, parts in results.items():
        for part, result in parts.items():
            c = result.get("copies")
            if c is None:
                continue
            rows.append(
                (
                    set_name,
                    part,
                    c["docs"],
                    c["gold"],
                    c["predicted"],
                    c["precision"],
                    c["precision_derived"],
                    c["recall"],
                    c["kind_accuracy"],
                    c["per_kind"]["copy"]["recall"],
                    c["per_kind"]["near_copy"]["recall"],
                    c["per_kind"]["rewrite"]["recall"],
                    c["rewrite_jaccard"],
                    f"{c['docs_per_second']:.0f}",
                )
            )
    headers = (
        "set",
        "part",
        "docs",
        "gold",
        "found",
        "P",
        "P derived",
        "R",
        "kind acc",
        "R copy",
        "R near",
        "R rewrite",
        "rewrite J",
        "docs/s",
    )
    return format_table(headers, rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.stories",
        description=(__doc__ or "").split("\n")[0],
        fast="RPM2 every 2nd document, ECB+ every 3rd topic, of each part",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    root = data_dir()
    if not root.is_dir():
        print(skip_message(root))
        return 0
    loaded: dict[str, dict[split.Part, list[Document]]] = {}
    for set_name, (folder, load, _) in SETS.items():
        if (root / folder).is_dir():
            loaded[set_name] = load(root / folder, fast=args.fast)
        else:
            print(skip_message(root / folder))
    if not loaded:
        return 0
    started = time.perf_counter()
    try:
        layer: EntityLayer | None = EntityLayer()
    except ImportError as exc:
        print(f"recoupe entity layer not available ({exc}): stories without entity ids")
        layer = None
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for set_name, parts in loaded.items():
        results[set_name] = {}
        for part, documents in parts.items():
            progress(f"{set_name} ({part}): {len(documents)} documents")
            entities = layer.entities(documents) if layer is not None else Entities({}, {})
            results[set_name][part] = {
                "stories": evaluate_stories(documents, entities, SETS[set_name][2]),
                "copies": evaluate_copies(documents, layer),
            }
    by_part = figures_by_part({part: part_figures(results, part) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet and figures:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    print(stories_table(results))
    print()
    print(copies_table(results))
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    problems = [
        f"{set_name}:{part}:{name}"
        for set_name, parts in results.items()
        for part, result in parts.items()
        for name, scores in result["stories"]["systems"].items()
        if scores["errors"]
    ]
    problems += [
        f"{set_name}:{part}:{task} depends on the input order"
        for set_name, parts in results.items()
        for part, result in parts.items()
        for task in ("stories", "copies")
        if not result[task]["order_free"]
    ]
    path = write_result(
        "stories",
        {
            "fast": args.fast,
            "data": str(root),
            "entity_layer_seconds": layer.seconds if layer is not None else None,
            "seconds": time.perf_counter() - started,
            "parameters": {
                "stories": {
                    name: getattr(stories, name)
                    for name in (
                        "LEAD_WORDS",
                        "TITLE_WEIGHT",
                        "ENTITY_WEIGHT",
                        "THRESHOLD",
                        "DECAY_DAYS",
                    )
                },
                "duplicates": {
                    name: getattr(duplicates, name)
                    for name in (
                        "SHINGLE",
                        "PERMUTATIONS",
                        "NEAR_JACCARD",
                        "FACT_SHARE",
                        "MIN_SHARED_FACTS",
                    )
                },
                "baseline_threshold": BASELINE_THRESHOLD,
            },
            "sets": {
                name: withhold_check(parts, ("false", "missed")) for name, parts in results.items()
            },
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks, ("failed", problems, ", "))


if __name__ == "__main__":
    sys.exit(main())
