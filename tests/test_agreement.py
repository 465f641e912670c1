"""Cohen's kappa and raw agreement (pure): a worked textbook case, and the edges."""
from __future__ import annotations

import pytest

from tracker.analysis.agreement import agreement


def test_the_worked_example():
    # 50 items: both yes 20, yes/no 5, no/yes 10, both no 15: observed 0.7, chance 0.5, kappa 0.4
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    figures = agreement(pairs)
    assert (figures.items, figures.agreed) == (50, 35)
    assert figures.raw == pytest.approx(0.7)
    assert figures.kappa == pytest.approx(0.4)


def test_full_agreement_is_one_and_chance_level_is_zero():
    assert agreement([("a", "a"), ("b", "b"), ("c", "c")]).kappa == pytest.approx(1.0)
    # each rater splits evenly and agreement is exactly what chance gives
    assert agreement([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]).kappa == pytest.approx(0.0)
    assert agreement([("a", "b"), ("b", "a")]).kappa < 0


def test_nothing_to_compare_and_a_single_label():
    assert agreement([]).record() == {"items": 0, "agreed": 0, "raw_agreement": None, "kappa": None}
    same = agreement([("a", "a")] * 4)
    assert same.raw == 1.0 and same.kappa is None  # chance agrees completely: kappa is undefined
