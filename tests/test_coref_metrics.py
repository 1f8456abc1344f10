"""MUC, B³, CEAF-e and CoNLL F1 against values computed by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from eval.coref_metrics import (
    Counts,
    b_cubed,
    ceaf_e,
    conll_f1,
    max_weight_matching,
    muc,
    phi4,
)


def clusters(*groups: str) -> list[set[str]]:
    return [set(group) for group in groups]


def approx(value: Fraction | float) -> object:
    return pytest.approx(float(value), abs=1e-12)


# The worked example of Pradhan et al. (2014), Figure 1:
# key {a b c} {d e f g}, response {a b} {c d} {f g h i}
KEY = clusters("abc", "defg")
RESPONSE = clusters("ab", "cd", "fghi")


def test_muc_worked_example() -> None:
    # recall: {abc} cut in 2 parts (3-2), {defg} in 3 ({d} {e} {fg}: 4-3); over (3-1)+(4-1)
    # precision: {ab} 2-1, {cd} 2-2, {fghi} 4-3 ({fg} {h} {i}); over 1+1+3
    counts = muc(KEY, RESPONSE)
    assert counts == Counts(2, 5, 2, 5)
    assert counts.recall == approx(Fraction(2, 5))
    assert counts.precision == approx(Fraction(2, 5))
    assert counts.f1 == approx(Fraction(2, 5))


def test_b_cubed_worked_example() -> None:
    # recall: (2²/3 + 1²/3 + 1²/4 + 2²/4) / 7 = (35/12) / 7 = 5/12
    # precision: (2²/2 + 1²/2 + 1²/2 + 2²/4) / 8 = 4/8
    counts = b_cubed(KEY, RESPONSE)
    assert counts.recall == approx(Fraction(5, 12))
    assert counts.precision == approx(Fraction(1, 2))
    assert counts.f1 == approx(Fraction(5, 11))  # 2·(1/2)·(5/12) / (1/2 + 5/12)
    assert counts.recall_den == 7
    assert counts.precision_den == 8


def test_ceaf_e_worked_example() -> None:
    # phi4: abc~ab 4/5, abc~cd 2/5, defg~cd 2/6, defg~fghi 4/8; best: 4/5 + 1/2 = 13/10
    counts = ceaf_e(KEY, RESPONSE)
    assert counts.recall == approx(Fraction(13, 10) / 2)
    assert counts.precision == approx(Fraction(13, 10) / 3)
    assert counts.f1 == approx(Fraction(13, 25))  # 2·1.3 / (2 + 3)


def test_conll_f1_worked_example() -> None:
    expected = (Fraction(2, 5) + Fraction(5, 11) + Fraction(13, 25)) / 3
    assert conll_f1(muc(KEY, RESPONSE), b_cubed(KEY, RESPONSE), ceaf_e(KEY, RESPONSE)) == approx(
        expected
    )


def test_missing_mentions_reference_case() -> None:
    # the reference scorer's test case TC-A-2: key {a} {bc} {def}, response {a} {de}
    key, response = clusters("a", "bc", "def"), clusters("a", "de")
    assert b_cubed(key, response).recall == approx(Fraction(7, 18))
    assert b_cubed(key, response).precision == approx(1)
    assert muc(key, response) == Counts(1, 3, 1, 1)
    ceaf = ceaf_e(key, response)
    assert (ceaf.recall, ceaf.precision) == (approx(0.6), approx(0.9))  # 1 + 4/5 over 3, over 2


def test_spurious_mentions_count_against_precision_only() -> None:
    # key {a} {bc} {def}, response {a} {bcx} {defy} {z}
    key, response = clusters("a", "bc", "def"), clusters("a", "bcx", "defy", "z")
    assert muc(key, response) == Counts(3, 3, 3, 5)
    b3 = b_cubed(key, response)
    assert b3.recall == approx(1)
    # precision: a 1, b c 2/3 each, d e f 3/4 each, x y z 0 -> (1 + 4/3 + 9/4) / 9
    assert b3.precision == approx(Fraction(55, 108))
    ceaf = ceaf_e(key, response)
    common = 1 + Fraction(4, 5) + Fraction(6, 7)
    assert (ceaf.recall, ceaf.precision) == (approx(common / 3), approx(common / 4))


def test_perfect_response_scores_one() -> None:
    key = clusters("a", "bc", "def")
    for metric in (muc, b_cubed, ceaf_e):
        counts = metric(key, [set(c) for c in key])
        assert (counts.recall, counts.precision, counts.f1) == (1.0, 1.0, 1.0)


def test_empty_response_scores_zero() -> None:
    key = clusters("ab", "c")
    for metric in (muc, b_cubed, ceaf_e):
        counts = metric(key, [])
        assert (counts.recall, counts.precision, counts.f1) == (0.0, 0.0, 0.0)


def test_muc_ignores_singletons() -> None:
    assert muc(clusters("a", "b"), clusters("a", "b")) == Counts(0, 0, 0, 0)
    # one link in the response that the key does not have: precision 0, recall undefined (0)
    assert muc(clusters("a", "b"), clusters("ab")) == Counts(0, 0, 0, 1)


def test_ceaf_e_finds_the_best_alignment_not_the_greedy_one() -> None:
    # key {abc} {de}, response {abd} {c}: greedy takes abc~abd (2/3) then de~c (0);
    # the best pairs abc~c (1/2) with de~abd (2/5)
    key, response = clusters("abc", "de"), clusters("abd", "c")
    assert phi4({"a", "b", "c"}, {"a", "b", "d"}) == approx(Fraction(2, 3))
    counts = ceaf_e(key, response)
    assert counts.recall_num == approx(Fraction(9, 10))
    assert (counts.recall_den, counts.precision_den) == (2, 2)


def test_max_weight_matching() -> None:
    assert max_weight_matching([[0.9, 0.8, 0.0], [0.8, 0.0, 0.0], [0.0, 0.0, 0.1]]) == approx(1.7)
    assert max_weight_matching([[1.0], [3.0], [2.0]]) == approx(3.0)  # more rows than columns
    assert max_weight_matching([[1.0, 5.0, 2.0]]) == approx(5.0)
    assert max_weight_matching([]) == 0.0


def test_counts_add_before_the_ratios() -> None:
    # two topics scored apart: the sums are divided, not the ratios averaged
    total = Counts(1, 2, 1, 1) + Counts(0, 2, 0, 3)
    assert total == Counts(1, 4, 1, 4)
    assert total.recall == 0.25
    assert total.as_dict() == {"f1": 0.25, "precision": 0.25, "recall": 0.25}
