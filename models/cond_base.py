"""What the three condition evaluators share: three-valued logic, the tests on
one value, and the walk through a case's questions in journey order.

Evaluation is three-valued: ``True`` (applies), ``False`` (does not apply) and
``None`` (cannot tell yet, because an answer it depends on is still empty).
The evaluators are :mod:`models.cond_interpret` (walks the condition data),
:mod:`models.cond_compiled` (closures, for one case at a time) and
:mod:`models.cond_columns` (masks over a whole sample).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from models.qs_runtime import AnswerCond, CaseField, FieldCond

Tri = bool | None
# a condition ready to run: (case details, answers in effect) -> applies?
Pred = Callable[[Mapping[str, Any], Mapping[str, Any]], Tri]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


# -- the combinators -----------------------------------------------------------


def _tri_fold(results: Iterable[Tri], decisive: bool) -> Tri:
    """``decisive`` as soon as one result is it; else unknown if any is; else the other."""
    result: Tri = not decisive
    for r in results:
        if r is decisive:
            return decisive
        if r is None:
            result = None
    return result


def tri_all(results: Iterable[Tri]) -> Tri:
    """``all`` in three-valued logic: False wins, then unknown (lazy: stops at False)."""
    return _tri_fold(results, False)


def tri_any(results: Iterable[Tri]) -> Tri:
    """``any`` in three-valued logic: True wins, then unknown (lazy: stops at True)."""
    return _tri_fold(results, True)


def tri_not(r: Tri) -> Tri:
    return None if r is None else not r


# -- the tests on one value ----------------------------------------------------


def field_test(cond: FieldCond, value: Any, field: CaseField | None) -> Tri:
    """``cond`` on one case detail."""
    if isinstance(cond.equals, bool):
        # a yes/no case detail is a tick box: unticked means no, never unknown
        return bool(value) is cond.equals
    if is_empty(value):
        return None
    if cond.equals is not None:
        return bool(value == cond.equals)
    if cond.in_ is not None:
        return value in cond.in_
    if cond.not_in is not None:
        return value not in cond.not_in
    if cond.includes is not None:
        return isinstance(value, list) and cond.includes in value
    if cond.includes_any is not None:
        return isinstance(value, list) and any(v in value for v in cond.includes_any)
    if isinstance(cond.at_least, int | float) or isinstance(cond.at_most, int | float):
        return _number_test(cond, value)
    order = field.option_values() if field else []
    if value not in order:
        return False
    if cond.at_least is not None:
        return order.index(value) >= order.index(cond.at_least)
    if cond.at_most is not None:
        return order.index(value) <= order.index(cond.at_most)
    raise AssertionError("validated condition has no test")  # pragma: no cover


def _number_test(cond: FieldCond, value: Any) -> Tri:
    """``at_least`` / ``at_most`` a number, on a number field (inclusive).  A
    value that is not a number (a stray text) does not meet the test."""
    if isinstance(value, bool):
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    if cond.at_least is not None:
        return number >= float(cond.at_least)
    return number <= float(cond.at_most or 0)


class _Off:
    """Stands for the answer to a question that does not apply: every test on
    it is false, so a chain of conditions collapses to 'does not apply'."""

    def __repr__(self) -> str:
        return "OFF"


OFF = _Off()


def answer_test(cond: AnswerCond, value: Any) -> Tri:
    """``cond`` on one stored answer (OFF when its question does not apply)."""
    if value is OFF:
        return False
    if is_empty(value):
        return None
    if cond.includes is not None:
        return isinstance(value, list) and cond.includes in value
    if cond.in_ is not None:
        return value in cond.in_
    if cond.not_in is not None:
        return value not in cond.not_in
    raise AssertionError("validated condition has no test")  # pragma: no cover


# -- one case, question by question ------------------------------------------------


def walk_case(
    steps: Iterable[tuple[str, Pred, str | None]], details: Mapping[str, Any], answers: Mapping[str, Any]
) -> dict[str, Tri]:
    """Applicability of each (question id, predicate, per_option_of) step, in order.

    An answer counts for later conditions only while its question applies; the
    answer of a question that does not apply reads as OFF, so a chain of
    conditions collapses consistently.  A per-option question applies once
    options are chosen at the question it follows."""
    effective: dict[str, Any] = {}
    result: dict[str, Tri] = {}
    for qid, pred, per in steps:
        r = pred(details, effective)
        if r is True and per is not None:
            chosen = effective.get(per)
            r = False if chosen is OFF else None if is_empty(chosen) else True
        result[qid] = r
        if r is True and qid in answers:
            effective[qid] = answers[qid]
        elif r is False:
            effective[qid] = OFF
    return result
