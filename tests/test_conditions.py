"""Applicability: the seeds' examples, three-valued logic, and compiled == interpreted."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from models.conditions import applicability, applicability_fast, applicable_ids, describe

from .conftest import synthetic_answers, synthetic_details

BASE = {"case_type": "community_order", "rosh_level": "low", "child_protection": "none", "requirements": ["supervision"]}


def test_no_report_means_report_questions_do_not_apply(iaow):
    app = applicability(iaow, BASE, {"IAOW-1.1-01": "none"})
    assert app["IAOW-1.1-03"] is False and app["IAOW-1.1-15"] is False and app["IAOW-1.1-02"] is False
    app = applicability(iaow, BASE, {"IAOW-1.1-01": "standard"})
    assert app["IAOW-1.1-03"] is True and app["IAOW-1.1-15"] is True and app["IAOW-1.1-02"] is False
    app = applicability(iaow, BASE, {"IAOW-1.1-01": "oral"})
    assert app["IAOW-1.1-02"] is True and app["IAOW-1.1-03"] is False


def test_unanswered_filter_leaves_dependants_pending(iaow):
    app = applicability(iaow, BASE, {})
    assert app["IAOW-1.1-03"] is None


def test_licence_cases_have_no_court_report_questions(iaow):
    app = applicability(iaow, {**BASE, "case_type": "licence"}, {"IAOW-1.1-01": "standard"})
    assert app["IAOW-1.1-01"] is False
    assert app["IAOW-1.1-03"] is False  # the stale answer to 1.1-01 is ignored
    assert app["IAOW-5.5-01"] is True and app["IAOW-2.2-12"] is True


def test_rosh_medium_or_higher_brings_in_the_risk_management_plan(iaow):
    for level, expected in [("not_recorded", False), ("low", False), ("medium", True), ("high", True), ("very_high", True)]:
        app = applicability(iaow, {**BASE, "rosh_level": level}, {})
        assert app["IAOW-4.1-13"] is expected, level
    app = applicability(iaow, {**BASE, "rosh_level": "high"}, {"IAOW-4.1-13": "not_completed"})
    assert app["IAOW-4.1-15"] is False
    app = applicability(iaow, {**BASE, "rosh_level": "high"}, {"IAOW-4.1-13": "not_sufficient"})
    assert app["IAOW-4.1-15"] is True


def test_child_protection_victim_and_enforcement(iaow):
    app = applicability(iaow, BASE, {})
    assert app["IAOW-4.3-04"] is False and app["IAOW-4.2-11"] is False
    app = applicability(iaow, {**BASE, "child_protection": "procedures"}, {})
    assert app["IAOW-4.3-04"] is True and app["IAOW-4.2-11"] is True
    assert applicability(iaow, BASE, {})["IAOW-5.2-02"] is False
    assert applicability(iaow, {**BASE, "identifiable_victim": True}, {})["IAOW-5.2-02"] is True
    assert applicability(iaow, BASE, {})["IAOW-2.2-21"] is False
    assert applicability(iaow, {**BASE, "enforcement_needed": True}, {})["IAOW-2.2-21"] is True


def test_lor_assessment_not_required_for_unpaid_work_only_orders(iaow):
    app = applicability(iaow, {**BASE, "requirements": ["unpaid_work", "curfew"]}, {})
    assert app["IAOW-3.1-01"] is False
    app = applicability(iaow, {**BASE, "requirements": ["unpaid_work", "supervision"]}, {})
    assert app["IAOW-3.1-01"] is True


def test_per_factor_questions_follow_the_factors_chosen(iaow):
    d = {**BASE}
    assert applicability(iaow, d, {})["IAOW-3.2-13"] is None
    assert applicability(iaow, d, {"IAOW-3.1-16": ["alcohol_misuse"]})["IAOW-3.2-13"] is True


def test_describe_reads_as_english(iaow):
    text = describe(iaow.by_id["IAOW-4.1-13"].q.applies, iaow)
    assert text == "RoSH classification at start (OASys) is Medium or higher"


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000), fill=st.floats(0, 1))
def test_compiled_predicates_agree_with_the_interpreter(iaow, seed, fill):
    rng = random.Random(seed)
    details = synthetic_details(iaow, rng)
    answers = synthetic_answers(iaow, details, rng, fill)
    # scramble some answers so stale answers to inapplicable questions exist too
    for qv in rng.sample(iaow.questions, 10):
        if qv.scale.kind == "single" and not qv.q.per_option_of:
            answers[qv.id] = rng.choice([o.value for o in qv.scale.options])
    slow = applicability(iaow, details, answers)
    assert applicability_fast(iaow, details, answers) == slow
    assert applicable_ids(iaow, details, answers) == [q for q, r in slow.items() if r is True]
