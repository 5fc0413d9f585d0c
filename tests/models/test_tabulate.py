"""models.tabulate: option-by-option shares, per-factor figures and cross-tabs
against hand counts; the small-numbers flag."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from models.scoring import CaseInput, score
from models.tabulate import SMALL_N, cases_behind, cross_tab, distribution, factor_figures, is_small

from ..conftest import synthetic_answers, synthetic_details

FACTORS = "IAOW-3.1-16"


def _case(i: int, details: dict, answers: dict, assessor: str = "A") -> CaseInput:
    return CaseInput(f"id{i}", f"R{i}", details, answers, assessor)


def test_small_numbers_threshold():
    assert SMALL_N == 10
    assert is_small(9) and not is_small(10) and not is_small(0) and is_small(4, 5) and not is_small(5, 5)


def test_per_factor_figures_match_a_hand_count(iaow):
    cases = [
        _case(1, {"case_type": "licence"}, {FACTORS: ["accommodation", "ete"],
                                            "IAOW-3.2-13": {"accommodation": "yes", "ete": "no"},
                                            "IAOW-3.3-03": {"accommodation": "na", "ete": "yes"}}),
        _case(2, {"case_type": "licence"}, {FACTORS: ["accommodation"], "IAOW-3.2-13": {"accommodation": "yes"}}),
        _case(3, {"case_type": "licence"}, {FACTORS: ["drug_misuse", "accommodation"],
                                            "IAOW-3.2-13": {"drug_misuse": "no", "accommodation": "no"}}),
    ]
    figures = {f.factor: f for f in factor_figures(iaow, cases, score(iaow, cases))}
    acc = figures["accommodation"]
    # accommodation: relevant in 3 cases; interventions addressed it in 2 of 3; progress: one N/A, none counted
    assert acc.relevant == 3 and acc.addressed == (("IAOW-3.2-13", 2, 3), ("IAOW-3.3-03", 0, 0))
    assert figures["ete"].relevant == 1 and figures["ete"].addressed == (("IAOW-3.2-13", 0, 1), ("IAOW-3.3-03", 1, 1))
    assert figures["drug_misuse"].addressed[0] == ("IAOW-3.2-13", 0, 1)
    first = factor_figures(iaow, cases, score(iaow, cases))[0]
    assert first.factor == "accommodation"  # most often identified first


def test_distribution_gives_each_option_its_own_figure(iaow):
    cases = [_case(i, {"case_type": "community_order"}, {"IAOW-1.1-01": v})
             for i, v in enumerate(["none", "oral", "oral", "standard"])]
    rows = [d for d in distribution(iaow, score(iaow, cases)) if d.question == "IAOW-1.1-01"]
    assert [(d.option, d.n, d.of) for d in rows] == [("none", 1, 4), ("oral", 2, 4), ("fast", 0, 4), ("standard", 1, 4)]
    assert rows[1].share == 0.5 and rows[0].label == "No report"


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(0, 25))
def test_cross_tab_cells_add_up_and_agree_with_the_subgroup_scores(iaow, seed, n):
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        d = synthetic_details(iaow, rng)
        cases.append(_case(i, d, synthetic_answers(iaow, d, rng, 0.7), rng.choice(["Ann", "Bob"])))
    tab = cross_tab(iaow, cases, "rosh_level", "case_type")
    assert sum(c.cases for c in tab.cells.values()) == sum(1 for c in cases if c.details.get("rosh_level"))
    by = cross_tab(iaow, cases, "assessor", "domestic_abuse", measure="O2")
    assert sum(c.cases for c in by.cells.values()) == n
    for (a, da), cell in by.cells.items():
        sub = [c for c in cases if c.assessor == a and bool(c.details.get("domestic_abuse")) == (da == "yes")]
        rep = score(iaow, sub)
        assert cell.cases == len(sub)
        assert cell.value == (rep.groups["O2"].value if sub and "O2" in rep.groups else None)
        assert cell.denominator == (cases_behind(iaow, rep, "O2") if sub else 0)


def test_cases_behind_a_group_is_the_most_behind_any_question(iaow):
    cases = [_case(i, {"case_type": "community_order"}, {"IAOW-1.1-01": "oral", "IAOW-1.1-02": "yes"} if i else {})
             for i in range(3)]
    rep = score(iaow, cases)
    assert cases_behind(iaow, rep, "IAOW-1.1-02") == 2 and cases_behind(iaow, rep, "1.1") == 2
    assert cases_behind(iaow, rep, "O1") == 2


def test_wilson_interval_against_known_values():
    from models.tabulate import wilson

    lo, hi = wilson(8, 10)
    assert round(lo, 4) == 0.4902 and round(hi, 4) == 0.9433  # by hand: (0.992 -+ 0.3136) / 1.3842
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and round(hi, 4) == 0.2775
    lo, hi = wilson(10, 10)
    assert round(lo, 4) == 0.7225 and hi == 1.0
    assert wilson(0, 0) is None
