"""The reference evaluator: walks the condition data for each case.

Slow but plain; the compiled and columnar evaluators are held to it by
property tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.cond_base import Pred, Tri, answer_test, field_test, tri_all, tri_any, tri_not, walk_case
from models.qs_runtime import AllCond, AnswerCond, AnyCond, CaseField, Condition, FieldCond, NotCond
from models.qs_set import QuestionSet


def evaluate(
    cond: Condition | None,
    details: Mapping[str, Any],
    answers: Mapping[str, Any],
    fields: Mapping[str, CaseField] | None = None,
) -> Tri:
    """Evaluate ``cond`` over case ``details`` and answer ``values``.

    ``answers`` maps question id to the stored answer value.  A question that
    is itself inapplicable counts as empty for the questions that depend on it;
    :func:`applicability` takes care of that chain.
    """
    if cond is None:
        return True
    if isinstance(cond, AllCond):
        return tri_all(evaluate(c, details, answers, fields) for c in cond.all)
    if isinstance(cond, AnyCond):
        return tri_any(evaluate(c, details, answers, fields) for c in cond.any)
    if isinstance(cond, NotCond):
        return tri_not(evaluate(cond.not_, details, answers, fields))
    if isinstance(cond, FieldCond):
        return field_test(cond, details.get(cond.field), (fields or {}).get(cond.field))
    if isinstance(cond, AnswerCond):
        return answer_test(cond, answers.get(cond.answer))
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def applicability(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Tri]:
    """Applicability of every question of a case, in journey order.

    An answer to a question that does not apply is ignored by the questions
    that depend on it, so a chain of conditions collapses consistently.
    """
    fields = qs.fields

    def interpreted(cond: Condition | None) -> Pred:
        return lambda d, a: evaluate(cond, d, a, fields)

    return walk_case(((qv.id, interpreted(qv.q.applies), qv.q.per_option_of) for qv in qs.questions), details, answers)
