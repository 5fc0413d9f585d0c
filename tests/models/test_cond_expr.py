"""The applicability expression language: parse, write back, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.cond_expr import KEYWORDS, MAX_DEPTH, ExprError, parse, to_text
from models.qs_runtime import AllCond, AnswerCond, AnyCond, FieldCond, NotCond
from models.questionset import builtin_catalog

QUESTIONS = {"IAOW-1.1-01", "Q2", "1.2-14"}


def test_the_examples_compile_to_the_declarative_conditions():
    assert parse("case_type in (community_order, sso) and IAOW-1.1-01 != none", QUESTIONS) == AllCond(all=[
        FieldCond(field="case_type", in_=["community_order", "sso"]),
        AnswerCond(answer="IAOW-1.1-01", not_in=["none"])])
    assert parse("rsr_score >= 6.9") == FieldCond(field="rsr_score", at_least=6.9)
    assert parse("age <= 25") == FieldCond(field="age", at_most=25)
    assert parse("rosh_level >= medium") == FieldCond(field="rosh_level", at_least="medium")
    assert parse("rosh_level >= '3'") == FieldCond(field="rosh_level", at_least="3")
    assert parse("requirements includes supervision") == FieldCond(field="requirements", includes="supervision")
    assert parse("requirements includes any (a, b)") == FieldCond(field="requirements", includes_any=["a", "b"])
    assert parse("identifiable_victim") == FieldCond(field="identifiable_victim", equals=True)
    assert parse("not identifiable_victim") == FieldCond(field="identifiable_victim", equals=False)
    assert parse("not (identifiable_victim)") == NotCond(not_=FieldCond(field="identifiable_victim", equals=True))
    assert parse("Q2 = yes", QUESTIONS) == AnswerCond(answer="Q2", in_=["yes"])
    assert parse("Q2 not in (yes, na)", QUESTIONS) == AnswerCond(answer="Q2", not_in=["yes", "na"])
    assert parse("sex = 'male or female'") == FieldCond(field="sex", equals="male or female")
    assert parse("  ") is None


def test_and_binds_tighter_than_or_and_brackets_are_kept():
    a, b, c = (FieldCond(field=x, equals=True) for x in "abc")
    assert parse("a or b and c") == AnyCond(any=[a, AllCond(all=[b, c])])
    assert parse("a and (b and c)") == AllCond(all=[a, AllCond(all=[b, c])])
    assert parse("all(a)") == AllCond(all=[a]) and parse("any()") == AnyCond(any=[])
    assert parse("A AND b") == AllCond(all=[FieldCond(field="A", equals=True), b])  # keywords in any case


@pytest.mark.parametrize(("text", "position", "expected"), [
    ("a in (b", 8, "',' or ')'"),
    ("(a = b", 7, "')'"),
    ("a = ", 5, "a value"),
    ("x and", 6, "a case field, a question id"),
    ("'abc", 1, "no closing"),
    ("a > 5", 3, "use >= or <="),
    ("IAOW-1.1-01", 12, "a test after"),
    ("a b", 3, "a test after a"),
    ("a = b c", 7, "'and', 'or' or the end"),
    ("Q2 >= 3", 4, "compares a case field"),
    ("not Q2", 5, "a test after the question Q2"),
    ("Q2 includes any (a)", 13, "tests a case field"),
    ("a not b", 7, "'in' after 'not'"),
])
def test_every_syntax_error_names_the_position_and_what_was_expected(text, position, expected):
    with pytest.raises(ExprError) as e:
        parse(text, QUESTIONS)
    assert e.value.position == position, str(e.value)
    assert expected in str(e.value) and str(e.value).startswith(f"at character {position}:")


def test_deep_nesting_and_long_texts_are_refused_not_crashing():
    with pytest.raises(ExprError, match="nested more than"):
        parse("(" * (MAX_DEPTH + 5) + "a" + ")" * (MAX_DEPTH + 5))
    with pytest.raises(ExprError, match="not" + "|nested"):
        parse("not " * (MAX_DEPTH + 5) + "(a)")
    with pytest.raises(ExprError, match="at most"):
        parse("a and " * 2000 + "a")


def test_every_condition_of_the_builtin_sets_reads_back_exactly():
    for qs in builtin_catalog().all():
        ids = {q.id for q in qs.data.questions}
        for q in qs.data.questions:
            if q.applies is not None:
                assert parse(to_text(q.applies), ids) == q.applies, q.id


# ------------------------------------------------------------------ the round trip law
_names = st.one_of(st.sampled_from(["case_type", "rsr_score", "x", "all", "in", "6.9", "a b", "-x", "it's"]),
                   st.text(min_size=1, max_size=6))
_values = st.one_of(st.sampled_from(["yes", "none", "and", "3", "-1", "", "a'b", "c\\d", "x y"]), st.text(max_size=6))
_numbers = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False))
_qids = st.sampled_from(sorted(QUESTIONS))


def _field() -> st.SearchStrategy[FieldCond]:
    lists = st.lists(_values, max_size=3)
    return st.one_of(
        st.builds(lambda f, v: FieldCond(field=f, equals=v), _names, st.one_of(st.booleans(), _values)),
        st.builds(lambda f, v: FieldCond(field=f, in_=v), _names, lists),
        st.builds(lambda f, v: FieldCond(field=f, not_in=v), _names, lists.filter(bool)),
        st.builds(lambda f, v: FieldCond(field=f, at_least=v), _names, st.one_of(_values, _numbers)),
        st.builds(lambda f, v: FieldCond(field=f, at_most=v), _names, st.one_of(_values, _numbers)),
        st.builds(lambda f, v: FieldCond(field=f, includes=v), _names, _values),
        st.builds(lambda f, v: FieldCond(field=f, includes_any=v), _names, lists),
    )


def _answer() -> st.SearchStrategy[AnswerCond]:
    lists = st.lists(_values, min_size=1, max_size=3)
    return st.one_of(
        st.builds(lambda q, v: AnswerCond(answer=q, in_=v), _qids, lists),
        st.builds(lambda q, v: AnswerCond(answer=q, not_in=v), _qids, lists),
        st.builds(lambda q, v: AnswerCond(answer=q, includes=v), _qids, _values),
    )


conditions = st.recursive(
    st.one_of(_field().filter(lambda c: c.field not in QUESTIONS), _answer()),
    lambda inner: st.one_of(
        st.builds(lambda xs: AllCond(all=xs), st.lists(inner, max_size=4)),
        st.builds(lambda xs: AnyCond(any=xs), st.lists(inner, max_size=4)),
        st.builds(lambda x: NotCond(not_=x), inner),
    ),
    max_leaves=12,
)


@settings(max_examples=500, deadline=None)
@given(cond=conditions)
def test_condition_to_text_to_condition_is_exact(cond):
    text = to_text(cond)
    assert parse(text, QUESTIONS) == cond, text


def test_keywords_and_odd_values_are_quoted():
    assert to_text(FieldCond(field="in", equals="and")) == "'in' = 'and'"
    assert to_text(FieldCond(field="f", in_=["3", "x y", ""])) == "f in ('3', 'x y', '')"
    assert all(to_text(FieldCond(field="f", equals=k)) == f"f = '{k}'" for k in KEYWORDS)
