"""Checks across a whole question set, beyond what each model checks alone.

Every reference must resolve: criteria name known groups, questions name
known criteria, scales and groups, conditions name known case fields, values
and earlier questions, and the set-level field lists name known case fields.
They run on every load, whether the set came from full validation or from the
cache, and need no pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models.qs_runtime import (
    AllCond,
    AnswerCond,
    AnyCond,
    CaseField,
    Condition,
    FieldCond,
    Group,
    NotCond,
    Question,
    QuestionSetData,
    Scale,
)
from models.qs_texts import language_problems

# (problem, the question it is about or None)
Problem = tuple[str, str | None]

# the set-level lists that must each name case fields of the set
FIELD_LISTS = ("split_by", "case_list_columns", "subgroup_by", "sample_by")


def journey_order(d: QuestionSetData) -> list[int]:
    """The indexes of ``d.questions`` in journey order: by stage, then by the
    set's ``journey_order`` of criteria when it has one (criteria it does not
    name follow, in the usual order), else by group and criterion as listed,
    then as the file lists them."""
    crit = {c.code: c for c in d.criteria}
    group_order = {g.id: i for i, g in enumerate(d.groups)}
    crit_order = {c.code: i for i, c in enumerate(d.criteria)}
    chosen = {code: i for i, code in enumerate(d.journey_order)}

    def key(i: int) -> tuple[int, int, int, int, int]:
        c = crit.get(d.questions[i].criterion)
        if c is None:  # reported by problems(); keep the file's order meanwhile
            return (0, 0, 0, 0, i)
        named = chosen.get(c.code, len(chosen))
        return (c.stage.rank, named, group_order.get(c.group, 0), crit_order[c.code], i)

    return sorted(range(len(d.questions)), key=key)


def first_problem(d: QuestionSetData) -> Problem | None:
    """The first problem found in ``d``, or None when every reference resolves."""
    return next(problems(d), None)


def problems(d: QuestionSetData) -> Iterator[Problem]:
    """Every problem, set-level first, then question by question in file order,
    then each text that lacks a language the set lists."""
    for problem in _set_problems(d):
        yield problem, None
    ids: dict[str, Question] = {}
    for q in d.questions:
        if q.id in ids:
            yield "duplicate question id", q.id
        ids[q.id] = q
    refs = _Refs(
        groups={g.id: g for g in d.groups},
        codes={c.code for c in d.criteria},
        fields={f.id: f for f in d.case_fields},
        questions=ids,
        position={d.questions[i].id: pos for pos, i in enumerate(journey_order(d))},
        stems=frozenset(st.id for st in d.stems),
    )
    for q in d.questions:
        for problem in _question_problems(d, q, refs):
            yield problem, q.id
    yield from language_problems(d)


def _set_problems(d: QuestionSetData) -> Iterator[str]:
    if "en" not in d.languages:
        yield "languages must include 'en'"
    groups = {g.id: g for g in d.groups}
    if len(groups) != len(d.groups):
        yield "duplicate group id"
    codes = {c.code for c in d.criteria}
    if len(codes) != len(d.criteria):
        yield "duplicate criterion code"
    for code in d.journey_order:
        if code not in codes:
            yield f"journey_order names unknown criterion {code!r}"
    if len(set(d.journey_order)) != len(d.journey_order):
        yield "journey_order names a criterion twice"
    for c in d.criteria:
        if c.group not in groups or groups[c.group].kind == "headline":
            yield f"criterion {c.code} names unknown outcome/section {c.group!r}"
    for g in d.groups:
        for s in g.sections or []:
            if s not in groups:
                yield f"headline {g.id} names unknown section {s!r}"
    fields = {f.id for f in d.case_fields}
    if len(fields) != len(d.case_fields):
        yield "duplicate case field id"
    for name in FIELD_LISTS:
        for f in getattr(d, name):
            if f not in fields:
                yield f"{name} names unknown case field {f!r}"
    for gr in d.grades:
        if gr.scale not in d.scales:
            yield f"grade {gr.code} names unknown scale {gr.scale!r}"
    yield from _stem_problems(d)


def _stem_problems(d: QuestionSetData) -> Iterator[str]:
    """Stems are unique, each is used, and a stem's questions share one criterion."""
    ids = [st.id for st in d.stems]
    if len(ids) != len(set(ids)):
        yield "duplicate stem id"
    criteria: dict[str, set[str]] = {i: set() for i in ids}
    for q in d.questions:
        if q.stem is not None and q.stem in criteria:
            criteria[q.stem].add(q.criterion)
    for stem_id, codes in criteria.items():
        if not codes:
            yield f"stem {stem_id} is used by no question"
        elif len(codes) > 1:
            yield f"stem {stem_id} is used in more than one criterion ({', '.join(sorted(codes))})"


@dataclass(frozen=True)
class _Refs:
    """The set's lookups, built once for the checks of every question."""

    groups: dict[str, Group]
    codes: set[str]
    fields: dict[str, CaseField]
    questions: dict[str, Question]
    position: dict[str, int]
    stems: frozenset[str]


def _question_problems(d: QuestionSetData, q: Question, refs: _Refs) -> Iterator[str]:
    groups = refs.groups
    if q.criterion not in refs.codes:
        yield f"unknown criterion {q.criterion!r}"
    if isinstance(q.scale, str) and q.scale not in d.scales:
        yield f"unknown scale {q.scale!r}"
    if "en" not in q.text:
        yield "wording has no English text"
    if q.stem is not None and q.stem not in refs.stems:
        yield f"unknown stem {q.stem!r}"
    for gid in q.outcomes:
        if gid not in groups or groups[gid].kind == "headline":
            yield f"feeds unknown outcome/section {gid!r}"
    for h in q.headlines:
        if h not in groups or groups[h].kind != "headline":
            yield f"feeds unknown headline {h!r}"
    if q.per_option_of is not None:
        src = refs.questions.get(q.per_option_of)
        if src is None:
            yield f"per_option_of names unknown question {q.per_option_of!r}"
        else:
            src_scale = scale_of(src, d.scales)
            if src_scale is None or src_scale.kind != "multi":
                yield "per_option_of must name a multi-select question"
    if q.applies is not None:
        yield from condition_problems(q.applies, refs.fields, refs.questions, d.scales, q.id, refs.position)


def scale_of(q: Question, scales: dict[str, Scale]) -> Scale | None:
    """The question's scale, inline or named; None for an unknown name."""
    return q.scale if isinstance(q.scale, Scale) else scales.get(q.scale)


def condition_problems(
    cond: Condition,
    fields: dict[str, CaseField],
    questions: dict[str, Question],
    scales: dict[str, Scale],
    qid: str,
    position: dict[str, int],
) -> Iterator[str]:
    """What is wrong with the condition of question ``qid``, part by part."""
    if isinstance(cond, AllCond | AnyCond):
        for c in cond.all if isinstance(cond, AllCond) else cond.any:
            yield from condition_problems(c, fields, questions, scales, qid, position)
    elif isinstance(cond, NotCond):
        yield from condition_problems(cond.not_, fields, questions, scales, qid, position)
    elif isinstance(cond, FieldCond):
        yield from _field_cond_problems(cond, fields)
    elif isinstance(cond, AnswerCond):
        yield from _answer_cond_problems(cond, questions, scales, qid)
        if cond.answer in position and qid in position and position[cond.answer] > position[qid]:
            yield (f"condition on {cond.answer}, which comes later in the journey (questions are asked in "
                   "journey order, so its answer is never known in time)")


def _field_cond_problems(cond: FieldCond, fields: dict[str, CaseField]) -> Iterator[str]:
    f = fields.get(cond.field)
    if f is None:
        yield f"condition names unknown case field {cond.field!r}"
        return
    named = [*(cond.in_ or []), *(cond.not_in or []), *(cond.includes_any or [])]
    named += [v for v in (cond.at_least, cond.at_most, cond.includes) if isinstance(v, str)]
    numeric = [v for v in (cond.at_least, cond.at_most) if isinstance(v, int | float)]
    if numeric and f.kind != "number":
        yield f"a number in at_least/at_most needs a number field; {cond.field!r} is not"
    if f.kind == "number" and (isinstance(cond.at_least, str) or isinstance(cond.at_most, str)):
        yield f"at_least/at_most on the number field {cond.field!r} need a number, not text"
    if f.kind == "number" and (isinstance(cond.equals, str) or cond.in_ is not None or cond.not_in is not None):
        yield (f"equals, in and not_in on the number field {cond.field!r} compare text (6.9 is not 6.90); "
               "compare a number with at_least/at_most")
    if isinstance(cond.equals, str):
        named.append(cond.equals)
    if f.kind in ("choice", "multi"):
        allowed = set(f.option_values())
        for v in named:
            if v not in allowed:
                yield f"condition on {cond.field!r} names unknown value {v!r}"
    if (isinstance(cond.at_least, str) or isinstance(cond.at_most, str)) and not f.ordinal and f.kind != "number":
        yield f"at_least/at_most need an ordinal field; {cond.field!r} is not"
    if (cond.includes or cond.includes_any) and f.kind != "multi":
        yield f"includes needs a multi-select field; {cond.field!r} is not"
    if isinstance(cond.equals, bool) and f.kind != "bool":
        yield f"a true/false test needs a bool field; {cond.field!r} is not"


def _answer_cond_problems(
    cond: AnswerCond, questions: dict[str, Question], scales: dict[str, Scale], qid: str
) -> Iterator[str]:
    src = questions.get(cond.answer)
    if src is None:
        yield f"condition names unknown question {cond.answer!r}"
        return
    if cond.answer == qid:
        yield "condition refers to the question itself"
        return
    scale = scale_of(src, scales)
    if scale is None:
        return
    allowed = {o.value for o in scale.options} | {"na"}
    for v in [*(cond.in_ or []), *(cond.not_in or []), *([cond.includes] if cond.includes else [])]:
        if v not in allowed:
            yield f"condition on {cond.answer} names unknown answer {v!r}"
    if cond.includes and scale.kind != "multi":
        yield f"includes needs a multi-select question; {cond.answer} is not"
