"""Applicability: the seeds' examples, three-valued logic, and compiled == interpreted."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from models.conditions import applicability, applicability_fast, applicable_columns, describe
from models.questionset import builtin_catalog, validate_dict

from ..conftest import synthetic_answers, synthetic_details

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


# --------------------------------------------------------------------------
# The columnar evaluator (scoring's hot path) against the case-by-case one
# --------------------------------------------------------------------------

LEVELS = ["low", "medium", "high"]
TAGS = ["a", "b", "c"]
YN = {"kind": "single", "options": [{"value": "yes", "label": {"en": "Yes"}, "above_line": True},
                                    {"value": "no", "label": {"en": "No"}}]}
MULTI = {"kind": "multi", "options": [{"value": t, "label": {"en": t}} for t in TAGS]}


@st.composite
def conditions(draw, earlier: list[tuple[str, str]], depth: int = 0):
    kinds = ["field", "answer"] if earlier else ["field"]
    if depth < 2:
        kinds += ["all", "any", "not"]
    kind = draw(st.sampled_from(kinds))
    if kind in ("all", "any"):
        return {kind: draw(st.lists(conditions(earlier, depth + 1), min_size=1, max_size=3))}
    if kind == "not":
        return {"not": draw(conditions(earlier, depth + 1))}
    if kind == "answer":
        qid, scale = draw(st.sampled_from(earlier))
        if scale == "multi":
            return {"answer": qid, "includes": draw(st.sampled_from(TAGS))}
        values = st.lists(st.sampled_from(["yes", "no", "na"]), min_size=1, max_size=2, unique=True)
        return {"answer": qid, draw(st.sampled_from(["in", "not_in"])): draw(values)}
    return draw(st.sampled_from([
        {"field": "level", "equals": draw(st.sampled_from(LEVELS))},
        {"field": "level", "in": draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=2, unique=True))},
        {"field": "level", "not_in": [draw(st.sampled_from(LEVELS))]},
        {"field": "level", "at_least": draw(st.sampled_from(LEVELS))},
        {"field": "level", "at_most": draw(st.sampled_from(LEVELS))},
        {"field": "tags", "includes": draw(st.sampled_from(TAGS))},
        {"field": "tags", "includes_any": draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=2, unique=True))},
        {"field": "flag", "equals": draw(st.booleans())},
        {"field": "score", "at_least": draw(st.sampled_from([0, 6.9, 50]))},
        {"field": "score", "at_most": draw(st.sampled_from([0, 6.89, 100]))},
    ]))


@st.composite
def random_sets(draw):
    questions: list[dict] = []
    earlier: list[tuple[str, str]] = []
    for i in range(draw(st.integers(2, 9))):
        qid = f"q{i}"
        multi_before = [q for q, s in earlier if s == "multi"]
        shape = draw(st.sampled_from(["single", "multi"] + (["per"] if multi_before else [])))
        q: dict = {"id": qid, "criterion": "C.1", "text": {"en": qid},
                   "sources": [{"seed": "000_08de22779dae0d75.txt", "line": 941, "quote": "above the line"}],
                   "scale": MULTI if shape == "multi" else "yn"}
        if shape == "per":
            q["per_option_of"] = draw(st.sampled_from(multi_before))
        if draw(st.booleans()):
            q["applies"] = draw(conditions(earlier))
        questions.append(q)
        earlier.append((qid, "multi" if shape == "multi" else "single"))
    data = {
        "format": 1, "id": "rnd", "title": {"en": "R"}, "framework": "R", "version": "1",
        "effective_date": "2013-01-01", "languages": ["en"],
        "groups": [{"id": "C", "kind": "outcome", "title": {"en": "C"}}],
        "criteria": [{"code": "C.1", "title": {"en": "c"}, "group": "C", "stage": "assessment_planning"}],
        "case_fields": [
            {"id": "level", "label": {"en": "L"}, "kind": "choice", "ordinal": True,
             "options": [{"value": v, "label": {"en": v}} for v in LEVELS]},
            {"id": "tags", "label": {"en": "T"}, "kind": "multi",
             "options": [{"value": v, "label": {"en": v}} for v in TAGS]},
            {"id": "flag", "label": {"en": "F"}, "kind": "bool"},
            {"id": "score", "label": {"en": "S"}, "kind": "number"},
        ],
        "scales": {"yn": YN},
        "questions": questions,
    }
    return validate_dict(data)


def random_case(draw, qs):
    details = {}
    for name, values in (("level", st.sampled_from(LEVELS + ["", "other"])),
                         ("tags", st.lists(st.sampled_from(TAGS), max_size=3, unique=True)),
                         ("flag", st.booleans()),
                         ("score", st.sampled_from([0, 6.89, 6.9, 7, 100.0, "", "n/k"]))):
        if draw(st.booleans()):
            details[name] = draw(values)
    answers = {}
    for qv in qs.questions:
        if not draw(st.integers(0, 3)):
            continue  # unanswered
        if qv.q.per_option_of:
            answers[qv.id] = draw(st.dictionaries(st.sampled_from(TAGS), st.sampled_from(["yes", "no", "na"])))
        elif qv.scale.kind == "multi":
            answers[qv.id] = draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))
        else:
            answers[qv.id] = draw(st.sampled_from(["yes", "no", "na", ""]))
    return details, answers


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_columnar_applicability_equals_case_by_case(data):
    qs = data.draw(random_sets())
    cases = [random_case(data.draw, qs) for _ in range(data.draw(st.integers(0, 12)))]
    got = applicable_columns(qs, [d for d, _ in cases], [a for _, a in cases])
    for qv in qs.questions:
        expected = [i for i, (d, a) in enumerate(cases) if applicability(qs, d, a)[qv.id] is True]
        assert got[qv.id] == expected, qv.id


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_columnar_applicability_on_the_builtin_sets(seed):
    rng = random.Random(seed)
    for qs in builtin_catalog().sets.values():
        details, answers = [], []
        for _ in range(rng.randint(1, 6)):
            d = synthetic_details(qs, rng)
            a = synthetic_answers(qs, d, rng, rng.random())
            for qv in rng.sample(qs.questions, 10):  # stale answers to inapplicable questions
                if qv.scale.kind == "single" and not qv.q.per_option_of:
                    a[qv.id] = rng.choice([o.value for o in qv.scale.options] + ["", "na"])
            for key in rng.sample(sorted(d), min(2, len(d))):  # details never filled in
                del d[key]
            details.append(d)
            answers.append(a)
        got = applicable_columns(qs, details, answers)
        for i, (d, a) in enumerate(zip(details, answers, strict=True)):
            assert [q for q, idx in got.items() if i in idx] == [q for q, r in applicability_fast(qs, d, a).items() if r]


def _numeric_set(cond: dict, kind: str = "number") -> dict:
    return {
        "format": 1, "id": "num", "title": {"en": "N"}, "framework": "N", "version": "1",
        "effective_date": "2016-01-01", "languages": ["en"],
        "groups": [{"id": "A", "kind": "section", "title": {"en": "A"}}],
        "criteria": [{"code": "A.1", "title": {"en": "a"}, "group": "A", "stage": "assessment_planning"}],
        "case_fields": [{"id": "rsr_score", "label": {"en": "RSR score (%)"}, "kind": kind}],
        "scales": {"yn": YN},
        "questions": [{"id": "A11", "criterion": "A.1", "text": {"en": "allocated to the NPS"}, "scale": "yn",
                       "applies": cond,
                       "sources": [{"seed": "001_4afb5bcd615a4c5e.txt", "line": 192, "quote": "6.90 or higher"}]}],
    }


def test_a_condition_can_compare_a_number_field_with_a_number():
    qs = validate_dict(_numeric_set({"field": "rsr_score", "at_least": 6.9}))
    for score, expected in [(6.89, False), (6.9, True), (7, True), ("7.5", True), (0, False), ("", None),
                            (None, None), ("not known", False)]:
        assert applicability(qs, {"rsr_score": score}, {})["A11"] is expected, score
        assert (applicable_columns(qs, [{"rsr_score": score}], [{}])["A11"] == [0]) is (expected is True)
    assert describe(qs.by_id["A11"].q.applies, qs) == "RSR score (%) is 6.9 or more"
    below = validate_dict(_numeric_set({"field": "rsr_score", "at_most": 6.89}))
    assert applicability(below, {"rsr_score": 6.89}, {})["A11"] is True


def test_numbers_in_conditions_are_checked_against_the_field_kind():
    import pytest

    from models.questionset import QuestionSetError

    with pytest.raises(QuestionSetError, match="needs a number field"):
        validate_dict(_numeric_set({"field": "rsr_score", "at_least": 6.9}, kind="text"))
    for text_test in ({"field": "rsr_score", "equals": "6.9"}, {"field": "rsr_score", "in": ["6.9", "7"]},
                      {"field": "rsr_score", "not_in": ["0"]}):
        with pytest.raises(QuestionSetError, match="on the number field 'rsr_score' compare text"):
            validate_dict(_numeric_set(text_test))
    with pytest.raises(QuestionSetError, match="need a number, not text"):
        validate_dict(_numeric_set({"field": "rsr_score", "at_least": "high"}))
    with pytest.raises(QuestionSetError):
        validate_dict(_numeric_set({"field": "rsr_score", "at_least": True}))
