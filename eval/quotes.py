"""Quotation quality: recoupe's ``find_quotes`` against a naive extractor, on an invented set.

Run from the repository root::

    python -m eval.quotes [--fast] [--ratchet]

The set is ``eval/data/quotes.jsonl`` (see ``eval/data/README.md``): short French and English
passages written for this purpose, each with its gold quotes (quoted words, speaker as named in
the text or null, anonymous flag). Both systems read the same texts; recoupe gets the mentions
and roles of its own entity stage (``recoupe.entities.pipeline.analyse_documents``: spaCy NER,
so the figures are end to end).

Scoring
    Detection: a predicted quote matches a gold quote when their normalised texts (case and
    accents folded, marks, apostrophe shapes and surrounding punctuation dropped, white space
    collapsed) are equal, or one contains the other and their spans overlap on at least half of
    the gold quote's characters (the gold span is the gold text found in the passage, in order).
    Matching is one to one; precision, recall and F1 are micro-averaged over the set.

    Attribution accuracy, on matched quotes: right when the anonymous flags agree and either the
    gold speaker is null and nothing is predicted, or ``speaker_text`` or the resolved mention's
    text equals the gold speaker once folded, or holds the gold speaker's last word.
    Anonymity accuracy, on matched quotes: the flags agree.

Baseline (``naive``): every stretch between paired « », “ ” or straight double quotes within a
line is a quote; its speaker is the first capitalised word sequence after it in the paragraph;
never anonymous.

Records marked ``held_out`` were written after the rules were first frozen and scored once before
any further change (``eval/data/README.md`` gives that first score); their figures are reported
apart (row ``held-out``) and are the less optimistic ones.

The passages are split into a tune and a check part (``eval/split.py``: sorted ids, alternate;
both parts hold French, English and held-out passages), scored apart; the check part's figures
are checked against ``eval/floors.json`` (keys ``….check``). The set is small, so ``--fast`` reads
all of it too (its floors end in ``.check.fast``). Speed is
``find_quotes`` alone (mentions computed beforehand), in MB of UTF-8 text per CPU second;
reported, not floored. The passages are short and dense with quotes, so this is a low bound:
longer articles go faster (the per-document set-up is paid once). Results go to
``eval/out/quotes.json``; exit status 1 when a figure is below its floor, 0 otherwise, also when
the spaCy pipelines are missing (skipped).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval import split
from eval.common import (
    EVAL_DIR,
    check_figures,
    check_floors,
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
    withhold_check,
    write_result,
)
from recoupe.entities.model import Mention, RoleFact
from recoupe.errors import RecoupeError
from recoupe.quotes import QuoteFact, find_quotes

DATA = EVAL_DIR / "data" / "quotes.jsonl"
SET = "invented"
FLOORED = ("precision", "recall", "f1", "attribution", "anonymity")
MIN_OVERLAP = 0.5
SPEED_SECONDS = 0.5  # find_quotes runs over the set until this much time has passed


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    speaker: str | None
    anonymous: bool


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    text: str
    speaker_text: str | None
    mention_text: str | None
    anonymous: bool


@dataclass(slots=True)
class Record:
    id: str
    language: str
    text: str
    gold: list[Gold]
    held_out: bool = False
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)


# --- data ---------------------------------------------------------------------------------------


def _gold_spans(text: str, quotes: Sequence[dict[str, Any]]) -> list[Gold]:
    out, pos = [], 0
    for q in quotes:
        start = text.find(q["text"], pos)
        start = start if start >= 0 else text.find(q["text"])
        if start < 0:
            raise ValueError(f"gold quote not in its text: {q['text']!r}")
        end = start + len(q["text"])
        out.append(Gold(start, end, q["text"], q["speaker"], bool(q["anonymous"])))
        pos = end
    return out


def load(path: Path = DATA) -> list[Record]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold = _gold_spans(item["text"], item["quotes"])
            held_out = bool(item.get("held_out", False))
            records.append(Record(item["id"], item["language"], item["text"], gold, held_out))
    return sorted(records, key=lambda r: r.id)


def add_entities(records: Sequence[Record]) -> None:
    """Mentions and roles from recoupe's entity stage (raises when spaCy pipelines are missing)."""
    from recoupe.entities.pipeline import analyse_documents

    analysed = analyse_documents([(r.id, r.text, r.language) for r in records])
    for record, doc in zip(records, analysed, strict=True):
        record.mentions, record.roles = doc.mentions, doc.roles


# --- systems ------------------------------------------------------------------------------------


def run_recoupe(record: Record) -> list[Predicted]:
    facts = find_quotes(record.text, record.mentions, record.roles, language=record.language)
    return [_predicted(record, q) for q in facts]


def _predicted(record: Record, q: QuoteFact) -> Predicted:
    mention = record.mentions[q.speaker_mention].text if q.speaker_mention is not None else None
    return Predicted(q.start, q.end, q.text, q.speaker_text, mention, q.anonymous)


_NAIVE_QUOTE = re.compile(
    r"«[ \u00a0\u202f]*([^»\n]+?)[ \u00a0\u202f]*»|“([^”\n]+)”|\"([^\"\n]+)\""
)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w’'-]*(?:[ \u00a0][A-ZÀ-Ý][\w’'-]*)*")


def run_naive(record: Record) -> list[Predicted]:
    out = []
    text = record.text
    for m in _NAIVE_QUOTE.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start, end = m.start(group), m.end(group)
        line_end = text.find("\n", m.end())
        name = _CAPITALISED.search(text, m.end(), len(text) if line_end < 0 else line_end)
        speaker = name.group() if name else None
        out.append(Predicted(start, end, text[start:end], speaker, None, False))
    return out


SYSTEMS: dict[str, Callable[[Record], list[Predicted]]] = {
    "recoupe": run_recoupe,
    "naive": run_naive,
}


# --- scoring ------------------------------------------------------------------------------------

_MARKS = "«»“”„‘’'\"—–-,;:.!?… \u00a0\u202f\n\t()"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split()).strip(_MARKS)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def matches(gold: Gold, pred: Predicted) -> bool:
    g, p = fold(gold.text), fold(pred.text)
    if g == p:
        return True
    if not g or not p or (g not in p and p not in g):
        return False
    overlap = min(gold.end, pred.end) - max(gold.start, pred.start)
    return overlap >= MIN_OVERLAP * (gold.end - gold.start)


def speaker_right(gold: Gold, pred: Predicted) -> bool:
    if gold.anonymous != pred.anonymous:
        return False
    if gold.speaker is None:
        return pred.speaker_text is None and pred.mention_text is None
    want = fold(gold.speaker)
    last = _words(gold.speaker)[-1:]
    for candidate in (pred.speaker_text, pred.mention_text):
        if candidate is None:
            continue
        if fold(candidate) == want or (last and last[0] in _words(candidate)):
            return True
    return False


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributed: int = 0
    anonymity: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        tp, fp, fn = self.tp, self.fp, self.fn
        return {
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
            "attribution": self.attributed / tp if tp else 0.0,
            "anonymity": self.anonymity / tp if tp else 0.0,
            "gold": tp + fn,
            "predicted": tp + fp,
        }


def score_record(record: Record, predicted: Sequence[Predicted], score: Score) -> None:
    used: set[int] = set()
    for gold in record.gold:
        pick = next(
            (i for i, p in enumerate(predicted) if i not in used and matches(gold, p)), None
        )
        if pick is None:
            score.fn += 1
            score.errors.append({"id": record.id, "missed": gold.text})
            continue
        used.add(pick)
        score.tp += 1
        pred = predicted[pick]
        score.anonymity += gold.anonymous == pred.anonymous
        if speaker_right(gold, pred):
            score.attributed += 1
        else:
            score.errors.append(
                {
                    "id": record.id,
                    "quote": gold.text,
                    "gold_speaker": gold.speaker,
                    "gold_anonymous": gold.anonymous,
                    "speaker_text": pred.speaker_text,
                    "mention": pred.mention_text,
                    "anonymous": pred.anonymous,
                }
            )
    for i, pred in enumerate(predicted):
        if i not in used:
            score.fp += 1
            score.errors.append({"id": record.id, "spurious": pred.text})


def evaluate(records: Sequence[Record]) -> dict[str, Any]:
    result: dict[str, Any] = {"passages": len(records), "systems": {}}
    for name, system in SYSTEMS.items():
        scores = {"all": Score(), "fr": Score(), "en": Score(), "held_out": Score()}
        for record in records:
            predicted = system(record)
            score_record(record, predicted, scores["all"])
            score_record(record, predicted, scores[record.language[:2]])
            if record.held_out:
                score_record(record, predicted, scores["held_out"])
        result["systems"][name] = {
            **scores["all"].figures(),
            "by_language": {lang: scores[lang].figures() for lang in ("fr", "en")},
            "held_out": scores["held_out"].figures(),
            "errors": scores["all"].errors,
        }
    result["systems"]["recoupe"]["mb_per_second"] = speed(records)
    return result


def speed(records: Sequence[Record]) -> float:
    """MB of UTF-8 text per second through ``find_quotes`` (mentions given)."""
    size = sum(len(r.text.encode("utf-8")) for r in records)
    done, start = 0, time.process_time()  # CPU time: steadier than wall time on a shared machine
    while time.process_time() - start < SPEED_SECONDS:
        for r in records:
            find_quotes(r.text, r.mentions, r.roles, language=r.language)
        done += size
    return done / 1e6 / (time.process_time() - start)


# --- report -------------------------------------------------------------------------------------


def part_figures(result: dict[str, Any]) -> dict[str, float]:
    """recoupe's figures on one part, and its margins over the naive extractor."""
    ours, naive = result["systems"]["recoupe"], result["systems"]["naive"]
    figures = {f"quotes.{SET}.{m}": ours[m] for m in FLOORED}
    for metric in ("f1", "attribution"):
        figures[f"quotes.{SET}.{metric}_vs_naive"] = ours[metric] - naive[metric]
    return figures


def results_table(results: dict[str, dict[str, Any]]) -> str:
    rows = []
    for part, result in results.items():
        for name, s in result["systems"].items():
            subsets = (("all", s), *s["by_language"].items(), ("held-out", s["held_out"]))
            for lang, figures in subsets:
                rows.append(
                    (
                        part,
                        name,
                        lang,
                        figures["gold"],
                        figures["predicted"],
                        figures["precision"],
                        figures["recall"],
                        figures["f1"],
                        figures["attribution"],
                        figures["anonymity"],
                        f"{s['mb_per_second']:.2f}"
                        if "mb_per_second" in s and lang == "all"
                        else "",
                    )
                )
    headers = (
        "part",
        "system",
        "subset",
        "gold",
        "pred",
        "precision",
        "recall",
        "F1",
        "attribution",
        "anonymity",
        "MB/s",
    )
    return format_table(headers, rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    return harness_arguments(
        argv,
        prog="python -m eval.quotes",
        description=__doc__.split("\n")[0],
        fast="the same set (it is small)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    records = load()
    try:
        add_entities(records)
    except (ImportError, OSError, RecoupeError) as error:  # spaCy pipelines not installed
        print(f"skipped: entity stage unavailable ({error})")
        return 0
    results: dict[str, dict[str, Any]] = {}
    for part, members in split.split_alternate(records).items():
        quotes = sum(len(r.gold) for r in members)
        progress(f"quotes ({part}): {len(members)} passages, {quotes} quotes")
        results[part] = evaluate(members)
    by_part = figures_by_part({part: part_figures(results[part]) for part in split.PARTS})
    floors = load_floors()
    figures = check_figures(by_part, fast=args.fast, floors=floors)
    if args.ratchet:
        ratchet_floors(figures)
        floors = load_floors()
    checks = check_floors(figures, floors)
    print(results_table(results))
    print()
    print(format_parts_table(by_part, floors, fast=args.fast))
    print()
    print(format_floor_checks(checks))
    path = write_result(
        "quotes",
        {
            "fast": args.fast,
            "data": str(DATA),
            "sets": {SET: withhold_check(results, ("errors",))},
            "parts": by_part,
            "floors": floors_json(checks),
        },
    )
    return exit_status(path, checks)


if __name__ == "__main__":
    sys.exit(main())
