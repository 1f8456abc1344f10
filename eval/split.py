"""The tune/check split of every development set ``make eval`` reads: defined here and only here.

Every harness computes its figures on both parts. Developers look at what fails on the TUNE part
and tune on it; the CHECK part is scored and reported, never read for what it misses, and the
floors of ``eval/floors.json`` are pinned on it only (keys ``<task>.<set>.<figure>.check``). The
gap (tune - check) says how much of a figure is tuning.

The split is fixed and deterministic, by document or by topic (never random, never by sentence:
the documents of one story stay together where a task reads a story as a whole):

==========================  ==============================================  ======================
set (harness.set)           unit and rule                                   parts
==========================  ==============================================  ======================
``extraction.aeb``          pages, sorted ids, alternate                    1st tune, 2nd check…
``extraction.fr_en``        pages, sorted keys, alternate                   1st tune, 2nd check…
``time.fr_timebank``        files, sorted names, alternate                  1st tune, 2nd check…
``time.meantime``           corpus (:func:`meantime_part`)                  apple tune, airbus check
``entities.meantime``       corpus (:func:`meantime_part`)                  apple tune, airbus check
``entities.ecbplus``        topic (:func:`ecbplus_part`)                    blocks of six numbers
``entities.hipe``           documents in file order, alternate              1st tune, 2nd check…
``stories.rpm2``            topic (:func:`rpm2_part`)                       T01-T05 tune, T06-T10
``stories.ecbplus``         topic (:func:`ecbplus_part`)                    blocks of six numbers
``quotes.invented``         passages, sorted ids, alternate                 1st tune, 2nd check…
``timeline.semeval``        corpus (:func:`semeval_part`)                   trial tune, corpus_1
``dossiers``                gold story (:func:`dossier_part`)               as ``eval/gold/README``
==========================  ==============================================  ======================

The sets and stories that overlap agree: MEANTIME ``corpus_apple`` / ``corpus_airbus`` are the
SemEval trial corpus (Apple) / corpus 1 (Airbus), and each gold story dossier of ``eval/gold``
falls in the part of its set (RPM2 T03, T05 and ECB+ topic 3 tune; RPM2 T06, T08, T10 and ECB+
topics 9 and 11 check). ECB+ topics go by blocks of six topic numbers (1-6 tune, 7-12 check, 13-18
tune, …; the development half holds odd topics only: 1, 3, 5 tune, 7, 9, 11 check, …) rather than
one in two because topics 3 and 11, the first gold stories, are four odd numbers apart: any period
of two or four would put them in one part.

``--fast`` runs take their subset inside each part (:func:`split` with ``fast_step``), so both
parts stay represented.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeVar

Part = Literal["tune", "check"]
TUNE: Part = "tune"
CHECK: Part = "check"
PARTS: tuple[Part, Part] = (TUNE, CHECK)

T = TypeVar("T")

# corpora by name; a corpus not listed has no part yet: KeyError, so that new data is placed
# on purpose. MEANTIME's four corpora are SemEval 2015 Task 4's (trial = apple, 1-3 = the rest).
MEANTIME_CORPORA: dict[str, Part] = {
    "corpus_apple": TUNE,
    "corpus_airbus": CHECK,
    "corpus_gm": TUNE,
    "corpus_stock": CHECK,
}
SEMEVAL_CORPORA: dict[str, Part] = {
    "trial": TUNE,  # Apple
    "corpus_1": CHECK,  # Airbus
    "corpus_2": TUNE,  # General Motors
    "corpus_3": CHECK,  # stock market
}
RPM2_BLOCK = 5  # T01-T05 tune, T06-T10 check, T11-T15 tune, T16-T20 check
ECBPLUS_BLOCK = 6  # topic numbers 1-6 tune, 7-12 check, 13-18 tune, …
_RPM2_TOPIC = re.compile(r"T?(\d+)")
_ECBPLUS_TOPIC = re.compile(r"(\d+)")


def alternate(items: Sequence[T]) -> dict[Part, list[T]]:
    """``items`` in the order given (sort them first): 1st, 3rd, … tune; 2nd, 4th, … check."""
    return {TUNE: list(items[0::2]), CHECK: list(items[1::2])}


def alternate_part(items: Sequence[str]) -> dict[str, Part]:
    """Each of ``items`` (ids, in the order given) with its part under :func:`alternate`."""
    return {item: (TUNE if i % 2 == 0 else CHECK) for i, item in enumerate(items)}


def split(
    items: Iterable[T], part_of: Callable[[T], Part], *, fast_step: int | None = None
) -> dict[Part, list[T]]:
    """``items`` by part, in their order; with ``fast_step``, every ``fast_step``-th item of each
    part only (the ``--fast`` subset, taken inside each part)."""
    parts: dict[Part, list[T]] = {TUNE: [], CHECK: []}
    for item in items:
        parts[part_of(item)].append(item)
    if fast_step is not None:
        parts = {part: members[::fast_step] for part, members in parts.items()}
    return parts


def split_alternate(items: Sequence[T], *, fast_step: int | None = None) -> dict[Part, list[T]]:
    """:func:`alternate`, then the ``--fast`` subset of each part."""
    parts = alternate(items)
    if fast_step is not None:
        parts = {part: members[::fast_step] for part, members in parts.items()}
    return parts


# --- sets split by topic or corpus --------------------------------------------------------------


def rpm2_part(topic: str | int) -> Part:
    """RPM2 topic ``T03`` (or 3, or a file name ``T03_C1_01``): blocks of five topics."""
    match = _RPM2_TOPIC.match(str(topic))
    if match is None:
        raise ValueError(f"not an RPM2 topic: {topic!r}")
    return TUNE if (int(match.group(1)) - 1) // RPM2_BLOCK % 2 == 0 else CHECK


def ecbplus_part(topic: str | int) -> Part:
    """ECB+ topic 3 (or ``3ecbplus``, ``3_1ecb``): blocks of six topic numbers."""
    match = _ECBPLUS_TOPIC.match(str(topic))
    if match is None:
        raise ValueError(f"not an ECB+ topic: {topic!r}")
    return TUNE if (int(match.group(1)) - 1) // ECBPLUS_BLOCK % 2 == 0 else CHECK


def meantime_part(corpus: str) -> Part:
    """MEANTIME corpus ``corpus_apple`` (or ``apple``)."""
    name = corpus if corpus.startswith("corpus_") else f"corpus_{corpus}"
    return MEANTIME_CORPORA[name]


def semeval_part(corpus: str) -> Part:
    """SemEval 2015 Task 4 corpus ``trial`` or ``corpus_N``."""
    return SEMEVAL_CORPORA[corpus]


# --- story dossiers -----------------------------------------------------------------------------

# eval/gold/README.md's table; tests/test_eval_split.py checks that each agrees with its set
DOSSIERS: dict[str, Part] = {
    "rpm2-T03": TUNE,
    "rpm2-T05": TUNE,
    "meantime-apple": TUNE,
    "ecbplus-3": TUNE,
    "rpm2-T01": TUNE,
    "rpm2-T04": TUNE,
    "ecbplus-5": TUNE,
    "rpm2-T02": TUNE,
    "ecbplus-13": TUNE,
    "ecbplus-25": TUNE,
    "ecbplus-27": TUNE,
    "ecbplus-1": TUNE,
    "ecbplus-29": TUNE,
    "ecbplus-37": TUNE,
    "ecbplus-39": TUNE,
    "ecbplus-41": TUNE,
    "rpm2-T08": CHECK,
    "meantime-airbus": CHECK,
    "ecbplus-11": CHECK,
    "rpm2-T06": CHECK,
    "rpm2-T10": CHECK,
    "ecbplus-9": CHECK,
    "rpm2-T07": CHECK,
    "rpm2-T09": CHECK,
    "ecbplus-7": CHECK,
    "ecbplus-19": CHECK,
    "ecbplus-21": CHECK,
    "ecbplus-23": CHECK,
    "ecbplus-31": CHECK,
    "ecbplus-33": CHECK,
    "ecbplus-35": CHECK,
    "ecbplus-43": CHECK,
    "ecbplus-45": CHECK,
}


def story_part(story: str) -> Part:
    """The part of a whole story (``rpm2-T03``, ``meantime-apple``, ``ecbplus-3``, or with a
    slash: ``rpm2/T03``) by the rule of its set."""
    kind, _, name = story.replace("/", "-").partition("-")
    if kind == "rpm2":
        return rpm2_part(name)
    if kind == "ecbplus":
        return ecbplus_part(name)
    if kind == "meantime":
        return meantime_part(name)
    raise ValueError(f"unknown story kind: {story!r}")


def dossier_part(story: str) -> Part:
    """The part of a gold story dossier (``eval/gold/<story>.json``): :data:`DOSSIERS`, else the
    part of its set."""
    return DOSSIERS.get(story.replace("/", "-")) or story_part(story)
