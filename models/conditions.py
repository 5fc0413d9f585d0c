"""Evaluating applicability conditions, safely and without ``eval``.

Conditions are data (see :mod:`models.questionset`).  Evaluation uses
three-valued logic: ``True`` (applies), ``False`` (does not apply) and
``None`` (cannot tell yet, because an answer it depends on is still empty).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import compress, repeat
from operator import eq
from typing import Any

from models.questionset import (
    AllCond,
    AnswerCond,
    AnyCond,
    CaseField,
    Condition,
    FieldCond,
    NotCond,
    QuestionSet,
    text_in,
)

Tri = bool | None


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _field_test(cond: FieldCond, value: Any, field: CaseField | None) -> Tri:
    if isinstance(cond.equals, bool):
        # a yes/no case detail is a tick box: unticked means no, never unknown
        return bool(value) is cond.equals
    if _is_empty(value):
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
    order = field.option_values() if field else []
    if value not in order:
        return False
    if cond.at_least is not None:
        return order.index(value) >= order.index(cond.at_least)
    if cond.at_most is not None:
        return order.index(value) <= order.index(cond.at_most)
    raise AssertionError("validated condition has no test")  # pragma: no cover


class _Off:
    """Stands for the answer to a question that does not apply: every test on
    it is false, so a chain of conditions collapses to 'does not apply'."""

    def __repr__(self) -> str:
        return "OFF"


OFF = _Off()


def _answer_test(cond: AnswerCond, value: Any) -> Tri:
    if value is OFF:
        return False
    if _is_empty(value):
        return None
    if cond.includes is not None:
        return isinstance(value, list) and cond.includes in value
    if cond.in_ is not None:
        return value in cond.in_
    if cond.not_in is not None:
        return value not in cond.not_in
    raise AssertionError("validated condition has no test")  # pragma: no cover


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
        result: Tri = True
        for c in cond.all:
            r = evaluate(c, details, answers, fields)
            if r is False:
                return False
            if r is None:
                result = None
        return result
    if isinstance(cond, AnyCond):
        result = False
        for c in cond.any:
            r = evaluate(c, details, answers, fields)
            if r is True:
                return True
            if r is None:
                result = None
        return result
    if isinstance(cond, NotCond):
        r = evaluate(cond.not_, details, answers, fields)
        return None if r is None else not r
    if isinstance(cond, FieldCond):
        return _field_test(cond, details.get(cond.field), (fields or {}).get(cond.field))
    if isinstance(cond, AnswerCond):
        return _answer_test(cond, answers.get(cond.answer))
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def applicability(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Tri]:
    """Applicability of every question of a case, in journey order.

    An answer to a question that does not apply is ignored by the questions
    that depend on it, so a chain of conditions collapses consistently.
    """
    effective: dict[str, Any] = {}
    result: dict[str, Tri] = {}
    for qv in qs.questions:
        r = evaluate(qv.q.applies, details, effective, qs.fields)
        if r is True and qv.q.per_option_of is not None:
            chosen = effective.get(qv.q.per_option_of)
            r = False if chosen is OFF else None if _is_empty(chosen) else True
        result[qv.id] = r
        if r is True and qv.id in answers:
            effective[qv.id] = answers[qv.id]
        elif r is False:
            effective[qv.id] = OFF
    return result


def describe(cond: Condition | None, qs: QuestionSet, lang: str = "en") -> str:
    """A plain-English reading of a condition, for 'why is this hidden?'."""
    if cond is None:
        return "all cases"
    if isinstance(cond, AllCond):
        return " and ".join(_paren(describe(c, qs, lang)) for c in cond.all)
    if isinstance(cond, AnyCond):
        return " or ".join(_paren(describe(c, qs, lang)) for c in cond.any)
    if isinstance(cond, NotCond):
        return f"not ({describe(cond.not_, qs, lang)})"
    if isinstance(cond, FieldCond):
        f = qs.fields[cond.field]
        name = text_in(f.label, lang)

        def lab(v: str) -> str:
            for o in f.options:
                if o.value == v:
                    return text_in(o.label, lang)
            return v

        if cond.equals is not None:
            if isinstance(cond.equals, bool):
                return f"{name}: {'yes' if cond.equals else 'no'}"
            return f"{name} is {lab(cond.equals)}"
        if cond.in_ is not None:
            return f"{name} is " + " or ".join(lab(v) for v in cond.in_)
        if cond.not_in is not None:
            return f"{name} is not " + " or ".join(lab(v) for v in cond.not_in)
        if cond.includes is not None:
            return f"{name} include {lab(cond.includes)}"
        if cond.includes_any is not None:
            return f"{name} include any of " + ", ".join(lab(v) for v in cond.includes_any)
        if cond.at_least is not None:
            return f"{name} is {lab(cond.at_least)} or higher"
        return f"{name} is {lab(cond.at_most or '')} or lower"
    if isinstance(cond, AnswerCond):
        qv = qs.by_id[cond.answer]

        def alab(v: str) -> str:
            if v == "na":
                return "N/A"
            o = qv.scale.option(v)
            return text_in(o.label, lang) if o else v

        if cond.includes is not None:
            return f"answer to {cond.answer} includes {alab(cond.includes)}"
        if cond.in_ is not None:
            return f"answer to {cond.answer} is " + " or ".join(alab(v) for v in cond.in_)
        return f"answer to {cond.answer} is not " + " or ".join(alab(v) for v in cond.not_in or [])
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def _paren(s: str) -> str:
    return f"({s})" if (" and " in s or " or " in s) else s


# --------------------------------------------------------------------------
# Compiled form, for scoring thousands of cases
# --------------------------------------------------------------------------

Pred = Callable[[Mapping[str, Any], Mapping[str, Any]], Tri]


def compile_condition(cond: Condition | None, fields: Mapping[str, CaseField]) -> Pred:
    """A closure equivalent to :func:`evaluate` for ``cond`` (no interpretation
    of the data structure per call)."""
    if cond is None:
        return lambda d, a: True
    if isinstance(cond, AllCond):
        parts = [compile_condition(c, fields) for c in cond.all]

        def all_(d: Mapping[str, Any], a: Mapping[str, Any]) -> Tri:
            result: Tri = True
            for p in parts:
                r = p(d, a)
                if r is False:
                    return False
                if r is None:
                    result = None
            return result

        return all_
    if isinstance(cond, AnyCond):
        parts = [compile_condition(c, fields) for c in cond.any]

        def any_(d: Mapping[str, Any], a: Mapping[str, Any]) -> Tri:
            result: Tri = False
            for p in parts:
                r = p(d, a)
                if r is True:
                    return True
                if r is None:
                    result = None
            return result

        return any_
    if isinstance(cond, NotCond):
        inner = compile_condition(cond.not_, fields)

        def not_(d: Mapping[str, Any], a: Mapping[str, Any]) -> Tri:
            r = inner(d, a)
            return None if r is None else not r

        return not_
    if isinstance(cond, FieldCond):
        name = cond.field
        f = fields.get(name)
        c = cond
        return lambda d, a: _field_test(c, d.get(name), f)
    if isinstance(cond, AnswerCond):
        qid = cond.answer
        ac = cond
        return lambda d, a: _answer_test(ac, a.get(qid))
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def compiled_questions(qs: QuestionSet) -> list[tuple[str, Pred, str | None]]:
    """(question id, predicate, per_option_of) in journey order, cached per set."""
    got: list[tuple[str, Pred, str | None]] | None = getattr(qs, "_compiled_preds", None)
    if got is None:
        got = [(qv.id, compile_condition(qv.q.applies, qs.fields), qv.q.per_option_of) for qv in qs.questions]
        qs._compiled_preds = got  # type: ignore[attr-defined]
    return got


def applicability_fast(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Tri]:
    """Same result as :func:`applicability`, using compiled predicates."""
    effective: dict[str, Any] = {}
    result: dict[str, Tri] = {}
    for qid, pred, per in compiled_questions(qs):
        r = pred(details, effective)
        if r is True and per is not None:
            chosen = effective.get(per)
            r = False if chosen is OFF else None if _is_empty(chosen) else True
        result[qid] = r
        if r is True and qid in answers:
            effective[qid] = answers[qid]
        elif r is False:
            effective[qid] = OFF
    return result


# --------------------------------------------------------------------------
# Columnar form: one question at a time over a whole sample
# --------------------------------------------------------------------------
#
# Scoring a sample asks the same question of every case.  Instead of walking
# each case through every question (cases x questions predicate calls), the
# columnar evaluator walks each question once over *all* cases, with the set of
# cases for each truth value held as a mask (a Python int with one byte per
# case, so masks convert to and from ``bytes`` without a Python loop).  A test
# on a case detail or an earlier answer is decided once per distinct value;
# ``all``/``any``/``not`` are then integer operations.  The result equals
# :func:`applicability` case by case (a property test holds it to that).

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


def _column_eval(
    cond: Condition | None,
    cols: _Columns,
    fields: Mapping[str, CaseField],
    details: Sequence[Mapping[str, Any]],
) -> _Masks:
    everyone = cols.all
    if cond is None:
        return everyone, 0
    if isinstance(cond, AllCond | AnyCond):
        conj = isinstance(cond, AllCond)
        members = cond.all if isinstance(cond, AllCond) else cond.any
        parts = [_column_eval(c, cols, fields, details) for c in members]
        true, false = (everyone, 0) if conj else (0, everyone)
        for t, u in parts:
            f = everyone & ~(t | u)
            if conj:  # any part false -> false; all true -> true
                true &= t
                false |= f
            else:  # any part true -> true; all false -> false
                true |= t
                false &= f
        return true, everyone & ~(true | false)
    if isinstance(cond, NotCond):
        t, u = _column_eval(cond.not_, cols, fields, details)
        return everyone & ~(t | u), u
    true = unknown = 0
    if isinstance(cond, FieldCond):
        spec = fields.get(cond.field)
        for value, cases in cols.field_values(cond.field, details).values():
            r = _field_test(cond, value, spec)
            if r is True:
                true |= cases
            elif r is None:
                unknown |= cases
        return true, unknown
    if isinstance(cond, AnswerCond):
        applies = cols.true.get(cond.answer)
        if applies is None:  # a forward reference: no answer is in effect yet
            return 0, everyone
        in_effect = 0
        for value, cases in cols.answers_to(cond.answer).values():
            cases &= applies
            in_effect |= cases
            r = _answer_test(cond, value)
            if r is True:
                true |= cases
            elif r is None:
                unknown |= cases
        # no answer in effect (pending, or unanswered) -> unknown; not applicable -> false
        unknown |= everyone & ~(in_effect | cols.false[cond.answer])
        return true, unknown
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
                if not _is_empty(value):
                    chosen |= cases & per_true
            false |= true & cols.false.get(per, 0)
            true &= chosen
        cols.true[qv.id] = true
        cols.false[qv.id] = false
        out[qv.id] = cols.indices(true)
    return out
