"""Agreement and Cohen's kappa: hand-worked values and laws."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.agreement import MIN_PAIRS, Pair, agreement, cohen_kappa, kappa_with_interval

answers = st.sampled_from(["yes", "no", "na"])
pairs = st.lists(st.tuples(answers, answers), min_size=1, max_size=60)


def test_kappa_and_interval_against_a_hand_worked_example():
    # 10 pairs: both yes 4, both no 3, yes/no 2, no/yes 1
    p = [("y", "y")] * 4 + [("n", "n")] * 3 + [("y", "n")] * 2 + [("n", "y")]
    # po = 0.7; reader 1: y 6, n 4; reader 2: y 5, n 5; pe = (6*5 + 4*5)/100 = 0.5; kappa = 0.4
    # SE = sqrt(0.7 * 0.3 / (10 * 0.5^2)) = sqrt(0.084) = 0.289828; 95%: 0.4 -+ 0.568053
    k = kappa_with_interval(p)
    assert (k.n, k.agree) == (10, 7)
    assert k.kappa == pytest.approx(0.4)
    assert k.low == pytest.approx(0.4 - 0.568053, abs=1e-5) and k.high == pytest.approx(0.968053, abs=1e-5)
    assert k.describe() == f"too few to judge (10 pairs; at least {MIN_PAIRS} needed)" and not k.judged
    k2 = kappa_with_interval(p * 2)  # 20 pairs: the same kappa, a narrower interval (SE / sqrt 2)
    assert k2.judged and k2.describe() == "0.40 (95% interval 0.00 to 0.80)"


def test_undefined_and_empty():
    assert cohen_kappa([("y", "y")] * 3) is None
    assert cohen_kappa([]) is None
    k = kappa_with_interval([("y", "y")] * MIN_PAIRS)
    assert k.kappa is None and k.describe().startswith("undefined")


def test_per_assessor_means_their_primary_readings_against_every_second_read():
    ps = [Pair("R-1", "q1", "c1", "yes", "yes", "Ann", "Quinn"), Pair("R-2", "q1", "c1", "no", "yes", "Ann", "Bob"),
          Pair("R-3", "q1", "c2", "no", "no", "Bob", "Quinn", "primary")]
    rep = agreement(ps)
    assert set(rep.by_assessor) == {"Ann", "Bob"} and rep.by_assessor["Ann"].n == 2
    assert rep.by_question == {"q1": (2, 3)} and rep.second_reads == {"primary": 1, "qa": 2}
    assert [(p.case, p.question) for p in rep.disagreements] == [("R-2", "q1")]


@given(pairs)
def test_kappa_is_symmetric(ps):
    a, b = cohen_kappa(ps), cohen_kappa([(y, x) for x, y in ps])
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a == pytest.approx(b)


@given(pairs)
def test_kappa_lies_in_minus_one_to_one_and_its_interval_holds_it(ps):
    k = kappa_with_interval(ps)
    if k.kappa is not None:
        assert -1 - 1e-9 <= k.kappa <= 1 + 1e-9
        assert k.low is not None and k.high is not None
        assert -1 <= k.low <= k.kappa + 1e-9 and k.kappa - 1e-9 <= k.high <= 1


@given(st.lists(answers, min_size=1, max_size=60))
def test_kappa_is_one_on_identical_readings(xs):
    k = cohen_kappa([(x, x) for x in xs])
    if len(set(xs)) > 1:
        assert k == pytest.approx(1.0)
    else:
        assert k is None  # one answer throughout: chance agreement is 1, kappa undefined
