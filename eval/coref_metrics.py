"""Coreference metrics: MUC, B³, CEAF-e and the CoNLL F1, as the CoNLL-2012 reference scorer.

A partition is a sequence of clusters, each a set of hashable mention ids; the clusters of one
partition must be disjoint. The key (gold) and the response (system) partitions may hold different
mentions: a key mention the response lacks counts against recall, a response mention the key lacks
against precision (Pradhan et al., 2014, "Scoring Coreference Partitions of Predicted Mentions: A
Reference Implementation"). Singletons are scored as given (MUC ignores them by construction).

Each metric returns :class:`Counts` (numerators and denominators of recall and precision) so that
documents or topics scored apart can be summed before the ratios are taken, as the reference scorer
does over the documents of a corpus.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

Cluster = Collection[Hashable]
Partition = Sequence[Cluster]


@dataclass(frozen=True, slots=True)
class Counts:
    """Recall = ``recall_num / recall_den``, precision = ``precision_num / precision_den``."""

    recall_num: float = 0.0
    recall_den: float = 0.0
    precision_num: float = 0.0
    precision_den: float = 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.recall_num + other.recall_num,
            self.recall_den + other.recall_den,
            self.precision_num + other.precision_num,
            self.precision_den + other.precision_den,
        )

    @property
    def recall(self) -> float:
        return self.recall_num / self.recall_den if self.recall_den else 0.0

    @property
    def precision(self) -> float:
        return self.precision_num / self.precision_den if self.precision_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall}


def _sets(partition: Partition) -> list[frozenset[Hashable]]:
    return [frozenset(cluster) for cluster in partition if cluster]


def _index(partition: Sequence[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {mention: i for i, cluster in enumerate(partition) for mention in cluster}


def _muc_side(
    clusters: Sequence[frozenset[Hashable]], other: dict[Hashable, int]
) -> tuple[int, int]:
    """Vilain et al. (1995): sum of ``|C| - p(C)`` and of ``|C| - 1``, where ``p(C)`` counts the
    parts the other partition cuts ``C`` into (a mention the other side lacks is a part alone)."""
    numerator = denominator = 0
    for cluster in clusters:
        parts = {other[m] for m in cluster if m in other}
        parts_count = len(parts) + sum(1 for m in cluster if m not in other)
        numerator += len(cluster) - parts_count
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Partition, response: Partition) -> Counts:
    """The link-based MUC score."""
    key_sets, response_sets = _sets(key), _sets(response)
    r_num, r_den = _muc_side(key_sets, _index(response_sets))
    p_num, p_den = _muc_side(response_sets, _index(key_sets))
    return Counts(r_num, r_den, p_num, p_den)


def _b_cubed_side(
    clusters: Sequence[frozenset[Hashable]], other: Sequence[frozenset[Hashable]]
) -> tuple[float, int]:
    """Sum over the mentions m of ``C`` of ``|C ∩ O(m)| / |C|``, and the number of mentions."""
    other_index = _index(other)
    numerator = 0.0
    for cluster in clusters:
        overlaps: dict[int, int] = {}
        for mention in cluster:
            if mention in other_index:
                j = other_index[mention]
                overlaps[j] = overlaps.get(j, 0) + 1
        numerator += sum(n * n for n in overlaps.values()) / len(cluster)
    return numerator, sum(len(cluster) for cluster in clusters)


def b_cubed(key: Partition, response: Partition) -> Counts:
    """Bagga and Baldwin (1998), mention-averaged."""
    key_sets, response_sets = _sets(key), _sets(response)
    r_num, r_den = _b_cubed_side(key_sets, response_sets)
    p_num, p_den = _b_cubed_side(response_sets, key_sets)
    return Counts(r_num, r_den, p_num, p_den)


def phi4(key_cluster: Cluster, response_cluster: Cluster) -> float:
    """Luo (2005) entity similarity: ``2 |K ∩ R| / (|K| + |R|)``."""
    total = len(key_cluster) + len(response_cluster)
    return 2 * len(set(key_cluster) & set(response_cluster)) / total if total else 0.0


def max_weight_matching(weights: Sequence[Sequence[float]]) -> float:
    """Total weight of the best one-to-one assignment of rows to columns (Kuhn–Munkres).

    ``weights`` is a rectangular matrix of non-negative numbers; O(n² m) with n <= m.
    """
    if not weights or not weights[0]:
        return 0.0
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    n, m = len(weights), len(weights[0])
    inf = float("inf")
    # potentials and the column -> row assignment, 1-based with 0 as the virtual start column
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    row_of, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        row_of[0] = i
        j0 = 0
        min_slack = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                slack = -weights[i0 - 1][j - 1] - u[i0] - v[j]  # minimise the negated weights
                if slack < min_slack[j]:
                    min_slack[j], way[j] = slack, j0
                if min_slack[j] < delta:
                    delta, j1 = min_slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    min_slack[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    return sum(weights[row_of[j] - 1][j - 1] for j in range(1, m + 1) if row_of[j])


def ceaf_e(key: Partition, response: Partition) -> Counts:
    """Luo (2005) entity-based CEAF: the best one-to-one alignment of key and response clusters
    under :func:`phi4`; recall divides its total by the key clusters, precision by the response's.

    Clusters that share no mention have similarity 0, so the alignment is solved on each connected
    group of overlapping clusters separately (same optimum, much smaller matrices).
    """
    key_sets, response_sets = _sets(key), _sets(response)
    response_index = _index(response_sets)
    # union-find over key clusters (0..k-1) and response clusters (k..k+r-1) that overlap
    parent = list(range(len(key_sets) + len(response_sets)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, cluster in enumerate(key_sets):
        for mention in cluster:
            if mention in response_index:
                parent[find(i)] = find(len(key_sets) + response_index[mention])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(key_sets)):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(response_sets)):
        groups.setdefault(find(len(key_sets) + j), ([], []))[1].append(j)
    total = 0.0
    for rows, columns in groups.values():
        if rows and columns:
            matrix = [[phi4(key_sets[i], response_sets[j]) for j in columns] for i in rows]
            total += max_weight_matching(matrix)
    return Counts(total, len(key_sets), total, len(response_sets))


def conll_f1(muc_counts: Counts, b_cubed_counts: Counts, ceaf_e_counts: Counts) -> float:
    """The CoNLL-2012 figure: the unweighted mean of the MUC, B³ and CEAF-e F1."""
    return (muc_counts.f1 + b_cubed_counts.f1 + ceaf_e_counts.f1) / 3
