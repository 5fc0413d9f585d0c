"""The scoring engine: pure functions over cases and answers (no SQL, no Qt).

The arithmetic follows the reports' appendices (see ``docs/scoring.md``):

* per question: the proportion of applicable cases judged above the line.
  A case counts for a question when the question applies to it and it has an
  answer other than N/A.  Unanswered and N/A answers are left out.
* per criterion: the mean of its scoring questions' proportions.
* per outcome/section, under two labelled rules: ``questions`` (the mean over
  all the group's scoring questions, IAOW Appendix 5's wording) and
  ``criteria`` (the mean of criterion scores, OMI2 Appendix 2).
* per headline: the mean over the questions tagged with it.

A question with no applicable case is left out of every mean and reported in
``excluded``.  Nothing is rounded here: :func:`fmt_pct` rounds half-up for
display only.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import compress
from typing import Any, Literal

from models.conditions import answer_columns, applicable_columns
from models.questionset import QuestionSet, QuestionView

Rule = Literal["questions", "criteria"]
NA = "na"


@dataclass(frozen=True)
class CaseInput:
    """One case as the engine sees it."""

    case_id: str
    reference: str
    details: Mapping[str, Any]
    answers: Mapping[str, Any]
    assessor: str = ""


@dataclass
class QuestionScore:
    question_id: str
    scored: bool
    applicable: int = 0  # denominator: applicable and answered (not N/A)
    above: int = 0
    na: int = 0
    unanswered: int = 0  # applicable but no answer yet
    distribution: Counter[str] = field(default_factory=Counter)
    above_cases: list[str] = field(default_factory=list)
    below_cases: list[str] = field(default_factory=list)
    per_option: dict[str, tuple[int, int]] = field(default_factory=dict)  # per_option_of: option -> (n, above)

    @property
    def proportion(self) -> float | None:
        return self.above / self.applicable if self.applicable else None


@dataclass
class GroupScore:
    """A criterion, outcome/section or headline score."""

    id: str
    level: str
    rule: str
    value: float | None  # a proportion in [0, 1]
    parts: int  # how many proportions were averaged
    numerator: int  # total above-the-line judgements over the parts (for reference)
    denominator: int
    band: str | None = None
    excluded: list[str] = field(default_factory=list)  # questions with no applicable case


@dataclass
class ScoreReport:
    set_id: str
    set_version: str
    cases: int
    questions: dict[str, QuestionScore]
    criteria: dict[str, GroupScore]
    groups: dict[str, GroupScore]
    groups_other_rule: dict[str, GroupScore]
    headlines: dict[str, GroupScore]
    rule: Rule
    excluded: list[str]


def fmt_pct(value: float | None, places: int = 0) -> str:
    """Half-up rounding of a proportion, as a percentage string, for display."""
    if value is None:
        return "n/a"
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    return str((Decimal(repr(value)) * 100).quantize(q, rounding=ROUND_HALF_UP)) + "%"


def pct_value(value: float | None, places: int = 0) -> float | None:
    if value is None:
        return None
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    return float((Decimal(repr(value)) * 100).quantize(q, rounding=ROUND_HALF_UP))


_TRUTHY = {"true", "yes", "y", "1"}
_BOOL_WORDS = {"true", "false", "yes", "no", "y", "n", "1", "0"}


def matches(case: CaseInput, where: Mapping[str, Iterable[str]]) -> bool:
    """Subgroup filter: every named case detail (or ``assessor``) is one of the values."""
    for key, allowed in where.items():
        allowed = set(allowed)
        value = case.assessor if key == "assessor" else case.details.get(key)
        if isinstance(value, list):
            if not allowed.intersection(value):
                return False
        elif isinstance(value, bool) or (value is None and key != "assessor" and allowed & _BOOL_WORDS):
            # a tick box: unticked (or never set) counts as no
            wanted = {a.lower() in _TRUTHY for a in allowed}
            if bool(value) not in wanted:
                return False
        elif str(value) not in allowed:
            return False
    return True


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cycle collector while tallying: the tally makes no cycles, and
    its many short-lived lists would otherwise set off collections that walk
    every live object (measured: 18% of the time at 10,000 cases)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _tally(qs: QuestionSet, cases: Sequence[CaseInput]) -> dict[str, QuestionScore]:
    with _bulk():
        return _tally_columns(qs, cases)


def _tally_columns(qs: QuestionSet, cases: Sequence[CaseInput]) -> dict[str, QuestionScore]:
    answers = [c.answers for c in cases]
    refs = [c.case_id for c in cases]
    columns = answer_columns([qv.id for qv in qs.questions], answers)
    applies = applicable_columns(qs, [c.details for c in cases], answers, columns)
    scores: dict[str, QuestionScore] = {}
    for qv in qs.questions:
        qid = qv.id
        sc = scores[qid] = QuestionScore(qid, qv.q.scored)
        idx = applies[qid]
        if qv.q.per_option_of is None and qv.scale.kind == "single":
            # single choice (most questions): one pass over the applicable cases,
            # every step a C-level iterator (no Python code per case)
            values = list(map(columns[qid].__getitem__, idx))
            dist: Counter[Any] = Counter(values)
            sc.unanswered = dist.pop(None, 0) + dist.pop("", 0)
            sc.na = dist.pop(NA, 0)
            sc.distribution = dist
            sc.applicable = sum(dist.values())
            counted = set(dist)  # answers that count: not blank, not N/A
            above = counted.intersection(qv.scale.above_values)
            below = counted.difference(above)
            sc.above_cases = list(compress(map(refs.__getitem__, idx), map(above.__contains__, values)))
            sc.below_cases = list(compress(map(refs.__getitem__, idx), map(below.__contains__, values)))
            sc.above = len(sc.above_cases)
            continue
        col = columns[qid]
        for i in idx:
            _tally_general(qv, sc, col[i], answers[i], refs[i])
    return scores


def _tally_general(qv: QuestionView, sc: QuestionScore, value: Any, answers: Mapping[str, Any], ref: str) -> None:
    above_values = qv.scale.above_values
    if qv.q.per_option_of is not None:
        chosen = answers.get(qv.q.per_option_of) or []
        got = value if isinstance(value, dict) else {}
        any_unit = False
        for opt in chosen:
            v = got.get(opt)
            if v is None:
                sc.unanswered += 1
                continue
            if v == NA:
                sc.na += 1
                continue
            any_unit = True
            sc.applicable += 1
            sc.distribution[v] += 1
            n, a = sc.per_option.get(opt, (0, 0))
            is_above = v in above_values
            sc.per_option[opt] = (n + 1, a + (1 if is_above else 0))
            if is_above:
                sc.above += 1
        if any_unit:
            sc.above_cases.append(ref)
        return
    if value is None or value == [] or value == "":
        sc.unanswered += 1
        return
    if value == NA:
        sc.na += 1
        return
    sc.applicable += 1
    for v in value if isinstance(value, list) else [value]:
        sc.distribution[v] += 1
    sc.below_cases.append(ref)  # a multi-select answer is never above the line


def _mean(scores: Sequence[QuestionScore]) -> tuple[float | None, int, int, int]:
    props = [s.proportion for s in scores if s.proportion is not None]
    if not props:
        return None, 0, 0, 0
    return (
        sum(props) / len(props),
        len(props),
        sum(s.above for s in scores if s.applicable),
        sum(s.applicable for s in scores),
    )


def _band(qs: QuestionSet, level: str, value: float | None) -> str | None:
    rule = qs.band_rule(level)
    if rule is None or value is None:
        return None
    return rule.band_for(value * 100)


def _criterion_scores(
    qs: QuestionSet, scored: list[QuestionView], qscores: dict[str, QuestionScore]
) -> dict[str, GroupScore]:
    criteria: dict[str, GroupScore] = {}
    by_crit: dict[str, list[QuestionScore]] = {}
    for qv in scored:
        by_crit.setdefault(qv.criterion.code, []).append(qscores[qv.id])
    for crit in qs.criteria_in_order():
        items = by_crit.get(crit.code, [])
        if not items:
            continue
        value, parts, num, den = _mean(items)
        criteria[crit.code] = GroupScore(
            crit.code, "criterion", "questions", value, parts, num, den, _band(qs, "criterion", value),
            [s.question_id for s in items if s.applicable == 0],
        )
    return criteria


def _group_scores(
    qs: QuestionSet, scored: list[QuestionView], qscores: dict[str, QuestionScore], which: Rule
) -> dict[str, GroupScore]:
    """Outcome/section scores under rule ``which``."""
    out: dict[str, GroupScore] = {}
    for g in qs.data.groups:
        if g.kind == "headline":
            continue
        members = [qv for qv in scored if g.id in qs.groups_of(qv)]
        if not members:
            continue
        level = g.kind
        excl = [qv.id for qv in members if qscores[qv.id].applicable == 0]
        if which == "questions":
            value, parts, num, den = _mean([qscores[qv.id] for qv in members])
        else:
            per_crit: dict[str, list[QuestionScore]] = {}
            for qv in members:
                per_crit.setdefault(qv.criterion.code, []).append(qscores[qv.id])
            means = [_mean(v) for v in per_crit.values()]
            vals = [m[0] for m in means if m[0] is not None]
            value = sum(vals) / len(vals) if vals else None
            parts = len(vals)
            num = sum(m[2] for m in means)
            den = sum(m[3] for m in means)
        out[g.id] = GroupScore(g.id, level, which, value, parts, num, den, _band(qs, level, value), excl)
    return out


def _headline_scores(
    qs: QuestionSet, scored: list[QuestionView], qscores: dict[str, QuestionScore]
) -> dict[str, GroupScore]:
    headlines: dict[str, GroupScore] = {}
    for g in qs.data.groups:
        if g.kind != "headline":
            continue
        members = [qv for qv in scored if g.id in qs.headlines_of(qv)]
        value, parts, num, den = _mean([qscores[qv.id] for qv in members])
        headlines[g.id] = GroupScore(
            g.id, "headline", "questions", value, parts, num, den, _band(qs, "headline", value),
            [qv.id for qv in members if qscores[qv.id].applicable == 0],
        )
    return headlines


def score(
    qs: QuestionSet,
    cases: Sequence[CaseInput],
    *,
    rule: Rule | None = None,
    where: Mapping[str, Iterable[str]] | None = None,
) -> ScoreReport:
    """Score ``cases`` (optionally a subgroup) under ``rule`` (default: the set's)."""
    rule = rule or qs.data.outcome_rule_default
    if where:
        cases = [c for c in cases if matches(c, where)]
    qscores = _tally(qs, cases)
    scored = [qv for qv in qs.questions if qv.q.scored]
    other: Rule = "criteria" if rule == "questions" else "questions"
    return ScoreReport(
        set_id=qs.id,
        set_version=qs.version,
        cases=len(cases),
        questions=qscores,
        criteria=_criterion_scores(qs, scored, qscores),
        groups=_group_scores(qs, scored, qscores, rule),
        groups_other_rule=_group_scores(qs, scored, qscores, other),
        headlines=_headline_scores(qs, scored, qscores),
        rule=rule,
        excluded=[qv.id for qv in scored if qscores[qv.id].applicable == 0],
    )


def case_scores(qs: QuestionSet, case: CaseInput) -> dict[str, Any]:
    """Per-case scores (the same arithmetic over a sample of one), as plain data."""
    rep = score(qs, [case])
    return {
        "criteria": {k: v.value for k, v in rep.criteria.items() if v.value is not None},
        "groups": {k: v.value for k, v in rep.groups.items() if v.value is not None},
        "headlines": {k: v.value for k, v in rep.headlines.items() if v.value is not None},
        "below_line": [
            qid for qid, s in rep.questions.items() if s.scored and s.applicable and s.above < s.applicable
        ],
    }


def split(
    qs: QuestionSet, cases: Sequence[CaseInput], field_id: str, *, rule: Rule | None = None
) -> dict[str, ScoreReport]:
    """One report per value of a case detail (TR: NPS vs CRC)."""
    values = [o.value for o in qs.fields[field_id].options] if field_id in qs.fields else []
    out = {}
    for v in values:
        out[v] = score(qs, cases, rule=rule, where={field_id: [v]})
    return out
