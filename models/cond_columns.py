"""The columnar evaluator: one question at a time over a whole sample.

Scoring a sample asks the same question of every case.  Instead of walking
each case through every question (cases x questions predicate calls), the
columnar evaluator walks each question once over *all* cases, with the set of
cases for each truth value held as a mask (a Python int with one byte per
case, so masks convert to and from ``bytes`` without a Python loop).  A test
on a case detail or an earlier answer is decided once per distinct value by
the same tests the other evaluators use; ``all``/``any``/``not`` are then
integer operations.  The result equals
:func:`models.cond_interpret.applicability` case by case (a property test
holds it to that).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import compress, repeat
from operator import eq
from typing import Any

from models.cond_base import Tri, answer_test, field_test, is_empty
from models.qs_runtime import AllCond, AnswerCond, AnyCond, CaseField, Condition, FieldCond, NotCond
from models.qs_set import QuestionSet

_Masks = tuple[int, int]  # (true, unknown); false is everything else
_PLAIN = {str, bool, type(None)}  # no two of these compare equal across types
_Groups = dict[Any, tuple[Any, int]]  # value key -> (a representative value, cases)


def answer_columns(
    qids: Sequence[str], answers: Sequence[Mapping[str, Any]], chunk: int = 4096
) -> dict[str, list[Any]]:
    """The answers transposed: question id -> each case's value (None when
    unanswered).  Read case by case, so each case's answers stay in the CPU
    cache; a pass per question over thousands of dicts is several times slower."""
    cols: dict[str, list[Any]] = {q: [] for q in qids}
    for start in range(0, len(answers), chunk):
        rows = [list(map(a.get, qids)) for a in answers[start : start + chunk]]
        for q, col in zip(qids, zip(*rows, strict=True), strict=True):
            cols[q].extend(col)
    return cols


class _Columns:
    def __init__(self, n: int, columns: Mapping[str, list[Any]]) -> None:
        self.n = n
        self.columns = columns
        self.all = int.from_bytes(b"\x01" * n, "little")
        self.true: dict[str, int] = {}  # question id -> cases it applies to
        self.false: dict[str, int] = {}  # question id -> cases it does not apply to
        self.answered: dict[str, _Groups] = {}  # question id -> its stored answers
        self.details: dict[str, _Groups] = {}  # case field -> its values

    def mask(self, indices: list[int]) -> int:
        buf = bytearray(self.n)
        for i in indices:
            buf[i] = 1
        return int.from_bytes(buf, "little")

    def indices(self, mask: int) -> list[int]:
        return list(compress(range(self.n), mask.to_bytes(self.n, "little")))

    def group(self, values: Sequence[Any]) -> _Groups:
        """Distinct values (equal by type and value); ``values[i]`` is case ``i``'s."""
        if set(map(type, values)) <= _PLAIN:
            # text, tick boxes and blanks (nearly every column): equal values are
            # the same value, so each distinct one is found in one C-level pass
            distinct = dict.fromkeys(values)
            if len(distinct) <= 16:
                return {
                    v: (v, int.from_bytes(bytes(map(eq, values, repeat(v))), "little")) for v in distinct
                }
        groups: dict[Any, tuple[Any, list[int]]] = {}
        for i, v in enumerate(values):
            try:
                key: Any = (type(v), tuple(v) if isinstance(v, list) else v)
                hash(key)
            except TypeError:  # an unhashable stray value is decided on its own
                key = ("case", i)
            got = groups.get(key)
            if got is None:
                groups[key] = (v, [i])
            else:
                got[1].append(i)
        return {k: (v, self.mask(ix)) for k, (v, ix) in groups.items()}

    def field_values(self, name: str, details: Sequence[Mapping[str, Any]]) -> _Groups:
        got = self.details.get(name)
        if got is None:
            got = self.details[name] = self.group([d.get(name) for d in details])
        return got

    def answers_to(self, qid: str) -> _Groups:
        """The stored answers to ``qid``, in effect or not."""
        got = self.answered.get(qid)
        if got is None:
            # an unanswered case shows as None here: tested like a missing answer (empty)
            got = self.answered[qid] = self.group(self.columns[qid])
        return got


def _mask_all(parts: list[_Masks], everyone: int) -> _Masks:
    """``all`` over masks: true where every part is true, false where any is false."""
    true, false = everyone, 0
    for t, u in parts:
        true &= t
        false |= everyone & ~(t | u)
    return true, everyone & ~(true | false)


def _mask_any(parts: list[_Masks], everyone: int) -> _Masks:
    """``any`` over masks: true where any part is true, false where every one is false."""
    true, false = 0, everyone
    for t, u in parts:
        true |= t
        false &= everyone & ~(t | u)
    return true, everyone & ~(true | false)


def _mask_not(part: _Masks, everyone: int) -> _Masks:
    t, u = part
    return everyone & ~(t | u), u


def _sort_out(tests: Sequence[tuple[Any, int]], decide: Callable[[Any], Tri]) -> _Masks:
    """(true, unknown) masks from (value, cases) pairs and a three-valued test."""
    true = unknown = 0
    for value, cases in tests:
        r = decide(value)
        if r is True:
            true |= cases
        elif r is None:
            unknown |= cases
    return true, unknown


def _answer_masks(cond: AnswerCond, cols: _Columns) -> _Masks:
    """An answer test over the sample: only answers in effect count."""
    everyone = cols.all
    applies = cols.true.get(cond.answer)
    if applies is None:  # a forward reference: no answer is in effect yet
        return 0, everyone
    in_effect = [(value, cases & applies) for value, cases in cols.answers_to(cond.answer).values()]
    true, unknown = _sort_out(in_effect, lambda v: answer_test(cond, v))
    answered = 0
    for _, cases in in_effect:
        answered |= cases
    # no answer in effect (pending, or unanswered) -> unknown; not applicable -> false
    return true, unknown | (everyone & ~(answered | cols.false[cond.answer]))


def _column_eval(
    cond: Condition | None,
    cols: _Columns,
    fields: Mapping[str, CaseField],
    details: Sequence[Mapping[str, Any]],
) -> _Masks:
    """(true, unknown) masks of ``cond`` over the sample; false is the rest."""
    if cond is None:
        return cols.all, 0
    if isinstance(cond, AllCond):
        return _mask_all([_column_eval(c, cols, fields, details) for c in cond.all], cols.all)
    if isinstance(cond, AnyCond):
        return _mask_any([_column_eval(c, cols, fields, details) for c in cond.any], cols.all)
    if isinstance(cond, NotCond):
        return _mask_not(_column_eval(cond.not_, cols, fields, details), cols.all)
    if isinstance(cond, FieldCond):
        spec = fields.get(cond.field)
        values = list(cols.field_values(cond.field, details).values())
        return _sort_out(values, lambda v: field_test(cond, v, spec))
    if isinstance(cond, AnswerCond):
        return _answer_masks(cond, cols)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def applicable_columns(
    qs: QuestionSet,
    details: Sequence[Mapping[str, Any]],
    answers: Sequence[Mapping[str, Any]],
    columns: Mapping[str, list[Any]] | None = None,
) -> dict[str, list[int]]:
    """For each question, in journey order, the indices of the cases it applies to.

    ``details[i]`` and ``answers[i]`` are case *i*'s; ``columns`` may give the
    same answers from :func:`answer_columns`.  Equal to
    ``[i for i in range(n) if applicability(qs, details[i], answers[i])[qid] is True]``.
    """
    if len(answers) != len(details):
        raise ValueError("details and answers must be one per case")
    if columns is None:
        columns = answer_columns([qv.id for qv in qs.questions], answers)
    elif any(len(col) != len(details) for col in columns.values()):
        raise ValueError("answer columns must hold one value per case")
    cols = _Columns(len(details), columns)
    out: dict[str, list[int]] = {}
    for qv in qs.questions:
        true, unknown = _column_eval(qv.q.applies, cols, qs.fields, details)
        false = cols.all & ~(true | unknown)
        per = qv.q.per_option_of
        if per is not None:
            # per factor chosen: factors not applicable -> does not apply; none chosen -> pending
            per_true = cols.true.get(per, 0)
            chosen = 0
            for value, cases in cols.answers_to(per).values():
                if not is_empty(value):
                    chosen |= cases & per_true
            false |= true & cols.false.get(per, 0)
            true &= chosen
        cols.true[qv.id] = true
        cols.false[qv.id] = false
        out[qv.id] = cols.indices(true)
    return out
