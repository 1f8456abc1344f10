"""Copies and rewrites: which documents repeat an earlier one.

Three kinds, strongest first:

``copy``
    The same text once normalised: a hash of its words, case-folded (NFKC; accents kept),
    so that punctuation, spacing and case do not count.
``near_copy``
    Almost the same text: the Jaccard similarity of the two sets of word 3-grams (shingles) is at
    least :data:`NEAR_JACCARD`, estimated from MinHash signatures (:data:`PERMUTATIONS` hash
    functions) and looked up through LSH buckets (:data:`TEXT_BANDS` bands of
    :data:`TEXT_ROWS` rows: a pair at Jaccard 0.5 shares a bucket with probability 0.87, at 0.6
    with 0.99). A 5 % word edit rate leaves a Jaccard near 0.75, a paraphrase 0.1-0.3.
``rewrite``
    The same dispatch in other words. Word overlap is low, so the evidence is the FACTS the two
    documents state (keys given by the caller: entity ids, event ids, quote keys): they share at
    least :data:`MIN_SHARED_FACTS` facts, making up at least :data:`FACT_SHARE` of the facts of
    the one that states fewer. Facts alone also join independent reports of one event (same
    people, places, figures: on ECB+ and RPM2 dozens of such pairs share 75-100 % of the smaller
    one's facts with a word 3-gram Jaccard under 0.05), so a rewrite must also keep some of the
    wording, a Jaccard of at least :data:`REWRITE_JACCARD` (estimated from the signatures): names,
    figures and quotations in their context. Paraphrased rewrites measure 0.12-0.35, near copies
    0.5 and more. Candidates come from a second MinHash LSH over the fact sets
    (:data:`FACT_BANDS` x :data:`FACT_ROWS`: found with probability 0.94 at a fact Jaccard of
    0.4, 0.68 at 0.3); the share is then computed exactly.

Only documents of one language are copies or rewrites of each other. A translation states the
same facts, but so do two independent reports of one event in two languages: facts alone cannot
tell them apart, and a false ``duplicate_of`` hides an independent source, which is worse for a
cross-checking tool than a missed one. A translation lands in the same story (``stories``).

Groups: two documents linked by any kind are one group (links are transitive: a near copy of a
copy of X is a near copy of X). The group's ORIGINAL is its earliest document: earliest
publication date where known (undated after dated), then ingestion ``order``, then id. Every
other member maps to it, with the strongest kind that connects it to the original: ``copy`` when
a chain of copies does, else ``near_copy`` when a chain of copies and near copies does, else
``rewrite``.

Order-free: a pair is linked or not whatever came first (exact keys and LSH buckets are
symmetric), and groups, originals and kinds are computed from the links, so the same documents
give the same answer in any arrival order. :class:`CopyIndex` is incremental: each
:meth:`~CopyIndex.add` compares the new document with the index's buckets only, never with all
documents.

MinHash is implemented here (numpy, a dozen lines) rather than taken from ``datasketch``: that
package needs ``scipy`` (only to choose band sizes by numerical integration; ours are fixed), and
this one signs about 4,000 RPM2 articles a second (datasketch: about 800 measured). Each of the
:data:`PERMUTATIONS` hash functions is a multiply-add-shift hash of the shingle's CRC-32,
``((a * h + b) mod 2^64) >> 32`` with a random odd ``a`` (Dietzfelbinger), a universal family;
the signature is the minimum over the shingles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt

Kind = Literal["copy", "near_copy", "rewrite"]
KINDS: tuple[Kind, ...] = ("copy", "near_copy", "rewrite")  # strongest first

SHINGLE = 3  # words per shingle
PERMUTATIONS = 128
TEXT_BANDS, TEXT_ROWS = 32, 4
NEAR_JACCARD = 0.5
FACT_BANDS, FACT_ROWS = 42, 3
FACT_SHARE = 0.75
MIN_SHARED_FACTS = 5
REWRITE_JACCARD = 0.12  # the word overlap a rewrite keeps (names, figures, quotations in context)
MIN_WORDS = 10  # shorter texts are compared on their facts only
SEED = 20260611

_SHIFT = np.uint64(32)
_WORD = re.compile(r"\w+", re.UNICODE)
_RNG = np.random.default_rng(SEED)
_A = _RNG.integers(0, 1 << 64, size=PERMUTATIONS, dtype=np.uint64, endpoint=False) | np.uint64(1)
_B = _RNG.integers(0, 1 << 64, size=PERMUTATIONS, dtype=np.uint64, endpoint=False)

Signature = npt.NDArray[np.uint32]
_K = TypeVar("_K")


@dataclass(frozen=True, slots=True)
class DupDoc:
    id: str
    text: str
    language: str
    published: str | None  # ISO date (YYYY-MM-DD...) or None
    order: int  # ingestion position
    facts: frozenset[str] = frozenset()  # keys of the facts it states (entity, event, quote ids)


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded (NFKC): what copies are compared on."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_key(text: str) -> str:
    """Equal for two texts that differ only in case, punctuation and spacing."""
    return _key(words(text))


def _key(tokens: Sequence[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> set[str]:
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def minhash(items: Iterable[str]) -> Signature | None:
    """The MinHash signature of a set of strings (None for an empty set)."""
    hashes = np.fromiter((zlib.crc32(item.encode("utf-8")) for item in items), dtype=np.uint64)
    if hashes.size == 0:
        return None
    # multiply-add-shift (Dietzfelbinger): (a * h + b) mod 2^64, its high 32 bits; numpy's
    # uint64 arithmetic wraps, which is the mod
    values = (_A[:, None] * hashes[None, :] + _B[:, None]) >> _SHIFT
    signature: Signature = values.min(axis=1).astype(np.uint32)
    return signature


def jaccard_estimate(a: Signature, b: Signature) -> float:
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def _bands(signature: Signature, bands: int, rows: int) -> list[tuple[int, bytes]]:
    return [(band, signature[band * rows : (band + 1) * rows].tobytes()) for band in range(bands)]


def fact_share(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    """Facts shared, and their share of the smaller set's facts."""
    shared = len(a & b)
    smaller = min(len(a), len(b))
    return shared, (shared / smaller if smaller else 0.0)


def is_rewrite(a: frozenset[str], b: frozenset[str], jaccard: float) -> bool:
    """Facts ``a`` and ``b`` and word-shingle Jaccard ``jaccard`` of two documents make them one
    dispatch in other words (see the module's docstring)."""
    shared, share = fact_share(a, b)
    return shared >= MIN_SHARED_FACTS and share >= FACT_SHARE and jaccard >= REWRITE_JACCARD


@dataclass(slots=True)
class _Entry:
    doc: DupDoc
    key: str | None  # None: too short to be compared on its text
    signature: Signature | None
    facts_signature: Signature | None


def _earliest(doc: DupDoc) -> tuple[bool, str, int, str]:
    return (doc.published is None, doc.published or "", doc.order, doc.id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while self.parent[root] != root:
            root = self.parent[root]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


class Groups:
    """Documents joined by links of the three kinds; each group's original and each member's
    kind (the strongest kind of a chain of links joining it to the original)."""

    def __init__(self) -> None:
        self._docs: dict[str, DupDoc] = {}
        self._levels: dict[Kind, _UnionFind] = {kind: _UnionFind() for kind in KINDS}
        self._members: dict[str, list[str]] = {}  # root of the weakest level -> member ids

    def add(self, doc: DupDoc) -> None:
        if doc.id not in self._docs:
            self._docs[doc.id] = doc
            self._members[doc.id] = [doc.id]

    def link(self, a: str, b: str, kind: Kind) -> None:
        """``a`` and ``b`` (both added) are of one group: ``b`` is a ``kind`` of ``a``."""
        weakest = self._levels[KINDS[-1]]
        ra, rb = weakest.find(a), weakest.find(b)
        if weakest.union(a, b):
            members = self._members.pop(ra) + self._members.pop(rb)
            self._members[weakest.find(a)] = members
        for level in KINDS[KINDS.index(kind) : -1]:  # the stronger levels that hold it
            self._levels[level].union(a, b)

    def original(self, doc_id: str) -> tuple[str, Kind] | None:
        """(id of the earliest document of ``doc_id``'s group, kind), or None when it is that
        document or alone."""
        members = self._members[self._levels[KINDS[-1]].find(doc_id)]
        if len(members) == 1:
            return None
        first = min(members, key=lambda m: _earliest(self._docs[m]))
        if first == doc_id:
            return None
        for kind in KINDS:
            if self._levels[kind].find(first) == self._levels[kind].find(doc_id):
                return first, kind
        raise AssertionError("linked documents without a kind")  # pragma: no cover

    def copies(self) -> dict[str, tuple[str, Kind]]:
        """Every document that repeats another: id -> (original id, kind)."""
        result: dict[str, tuple[str, Kind]] = {}
        for doc_id in sorted(self._docs):
            found = self.original(doc_id)
            if found is not None:
                result[doc_id] = found
        return result


def group_links(
    docs: Iterable[DupDoc], links: Iterable[tuple[str, str, Kind]]
) -> dict[str, tuple[str, Kind]]:
    """Links found elsewhere (or gold links) reduced as :func:`find_copies` reduces its own."""
    groups = Groups()
    for doc in docs:
        groups.add(doc)
    for a, b, kind in links:
        groups.link(a, b, kind)
    return groups.copies()


class CopyIndex:
    """Documents as they arrive, with the links found between them.

    :meth:`add` checks a new document against the index (exact keys, LSH buckets of the text and
    of the facts), records its links and returns what it repeats, if anything. The answer for
    documents added earlier can change when an EARLIER document arrives later (it becomes the
    original): :meth:`copies` gives the current answer for all of them.
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._text_buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
        self._fact_buckets: dict[tuple[str, int, bytes], list[str]] = defaultdict(list)
        self._groups = Groups()
        self.links: list[tuple[str, str, Kind]] = []  # (indexed id, new id, kind), as found

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def add(self, doc: DupDoc) -> tuple[str, Kind] | None:
        """Index ``doc``; what it copies or rewrites: (original id, kind), or None.

        A document id already indexed is not indexed again.
        """
        if doc.id in self._entries:
            return self.original(doc.id)
        entry = _entry(doc)
        found = self._matches(entry)
        self._store(entry)
        for other, kind in sorted(found.items()):
            self.links.append((other, doc.id, kind))
            self._groups.link(other, doc.id, kind)
        return self.original(doc.id)

    def extend(self, docs: Iterable[DupDoc]) -> None:
        for doc in docs:
            self.add(doc)

    def original(self, doc_id: str) -> tuple[str, Kind] | None:
        """(id of the earliest document ``doc_id`` copies or rewrites, kind), or None."""
        return self._groups.original(doc_id)

    def copies(self) -> dict[str, tuple[str, Kind]]:
        """Every indexed document that repeats another: id -> (original id, kind)."""
        return self._groups.copies()

    def _matches(self, entry: _Entry) -> dict[str, Kind]:
        doc = entry.doc
        found: dict[str, Kind] = {}
        if entry.key is not None:
            for other in self._by_key.get(entry.key, ()):
                if self._entries[other].doc.language == doc.language:
                    found[other] = "copy"
        if entry.signature is not None:
            text_bands = _bands(entry.signature, TEXT_BANDS, TEXT_ROWS)
            for other in _candidates(self._text_buckets, text_bands):
                signature = self._entries[other].signature
                if (
                    other not in found
                    and signature is not None
                    and self._entries[other].doc.language == doc.language
                    and jaccard_estimate(entry.signature, signature) >= NEAR_JACCARD
                ):
                    found[other] = "near_copy"
        if entry.facts_signature is not None:
            fact_bands = [
                (doc.language, band, value)
                for band, value in _bands(entry.facts_signature, FACT_BANDS, FACT_ROWS)
            ]
            for other in _candidates(self._fact_buckets, fact_bands):
                signature = self._entries[other].signature
                if (
                    other not in found
                    and entry.signature is not None
                    and signature is not None
                    and is_rewrite(
                        doc.facts,
                        self._entries[other].doc.facts,
                        jaccard_estimate(entry.signature, signature),
                    )
                ):
                    found[other] = "rewrite"
        return found

    def _store(self, entry: _Entry) -> None:
        doc_id = entry.doc.id
        self._entries[doc_id] = entry
        if entry.key is not None:
            self._by_key[entry.key].append(doc_id)
        if entry.signature is not None:
            for key in _bands(entry.signature, TEXT_BANDS, TEXT_ROWS):
                self._text_buckets[key].append(doc_id)
        if entry.facts_signature is not None:
            for band, value in _bands(entry.facts_signature, FACT_BANDS, FACT_ROWS):
                self._fact_buckets[(entry.doc.language, band, value)].append(doc_id)
        self._groups.add(entry.doc)


def _entry(doc: DupDoc) -> _Entry:
    tokens = words(doc.text)
    long_enough = len(tokens) >= MIN_WORDS
    return _Entry(
        doc,
        _key(tokens) if long_enough else None,
        minhash(shingles(tokens)) if long_enough else None,
        minhash(sorted(doc.facts)) if len(doc.facts) >= MIN_SHARED_FACTS else None,
    )


def _candidates(buckets: Mapping[_K, list[str]], keys: Iterable[_K]) -> list[str]:
    seen: set[str] = set()
    for key in keys:
        seen.update(buckets.get(key, ()))
    return sorted(seen)


def find_copies(docs: Sequence[DupDoc]) -> dict[str, tuple[str, Kind]]:
    """``{id: (id of the earliest document it copies or rewrites, kind)}`` for the documents of
    ``docs`` that repeat another; the same answer whatever the order of ``docs``."""
    index = CopyIndex()
    index.extend(sorted(docs, key=_earliest))
    return index.copies()
