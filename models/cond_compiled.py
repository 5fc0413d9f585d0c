"""The compiled evaluator: each condition made once into a closure, for
evaluating one case at a time (the form shown on screen, per case reports)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.cond_base import Pred, Tri, answer_test, field_test, tri_all, tri_any, tri_not, walk_case
from models.qs_runtime import AllCond, AnswerCond, AnyCond, CaseField, Condition, FieldCond, NotCond
from models.qs_set import QuestionSet


def _always(d: Mapping[str, Any], a: Mapping[str, Any]) -> Tri:
    return True


def compile_condition(cond: Condition | None, fields: Mapping[str, CaseField]) -> Pred:
    """A closure equivalent to :func:`models.cond_interpret.evaluate` for
    ``cond`` (no interpretation of the data structure per call)."""
    if cond is None:
        return _always
    if isinstance(cond, AllCond | AnyCond):
        parts = [compile_condition(c, fields) for c in (cond.all if isinstance(cond, AllCond) else cond.any)]
        combine = tri_all if isinstance(cond, AllCond) else tri_any
        return lambda d, a: combine(p(d, a) for p in parts)
    if isinstance(cond, NotCond):
        inner = compile_condition(cond.not_, fields)
        return lambda d, a: tri_not(inner(d, a))
    if isinstance(cond, FieldCond):
        name, spec, fc = cond.field, fields.get(cond.field), cond
        return lambda d, a: field_test(fc, d.get(name), spec)
    if isinstance(cond, AnswerCond):
        qid, ac = cond.answer, cond
        return lambda d, a: answer_test(ac, a.get(qid))
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def compiled_questions(qs: QuestionSet) -> list[tuple[str, Pred, str | None]]:
    """(question id, predicate, per_option_of) in journey order, cached per set."""
    got: list[tuple[str, Pred, str | None]] | None = getattr(qs, "_compiled_preds", None)
    if got is None:
        got = [(qv.id, compile_condition(qv.q.applies, qs.fields), qv.q.per_option_of) for qv in qs.questions]
        qs._compiled_preds = got  # type: ignore[attr-defined]
    return got


def applicability_fast(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Tri]:
    """Same result as :func:`models.cond_interpret.applicability`, using compiled predicates."""
    return walk_case(compiled_questions(qs), details, answers)
