"""The published tables beyond the scores: each question's answers option by
option, the per-factor figures, cross-tabulations by two case details, and
the flag on percentages over small numbers.

The reports warn against close comparisons on small numbers (seed
002_33b5c351f1ddcaaa.txt, line 121): a percentage whose denominator is under
:data:`SMALL_N` is flagged wherever it is shown (``docs/scoring.md``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.qs_common import text_in
from models.qs_set import QuestionSet
from models.scoring import NA, CaseInput, Rule, ScoreReport, matches, score

__all__ = ["SMALL_N", "is_small", "wilson", "OptionShare", "distribution", "FactorFigure", "factor_figures",
           "field_values", "cases_behind", "CrossCell", "CrossTab", "cross_tab", "measure_value", "MEASURE_LEVELS"]

SMALL_N = 10
"""A percentage over fewer cases than this is flagged as resting on small numbers."""


def is_small(n: int, threshold: int = SMALL_N) -> bool:
    """A denominator too small for a firm percentage (0 has no percentage at all)."""
    return 0 < n < threshold


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float] | None:
    """The Wilson score interval (95% by default) for k of n, or None when n is 0."""
    if n <= 0:
        return None
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    den = 1 + z * z / n
    low = 0.0 if k == 0 else max(0.0, (centre - half) / den)
    return low, 1.0 if k == n else min(1.0, (centre + half) / den)


@dataclass(frozen=True)
class OptionShare:
    """How many answers to one question chose one option, out of how many."""

    question: str
    option: str
    label: str
    n: int
    of: int  # the answers counted (N/A and unanswered left out; N/A's own row: of = 0)
    above_line: bool | None

    @property
    def share(self) -> float | None:
        return self.n / self.of if self.of else None


def distribution(qs: QuestionSet, report: ScoreReport, lang: str | None = None) -> list[OptionShare]:
    """Each question's answers by option in scale order, then its N/A count.
    A multi-select's shares are of the cases answered (they may add up to more
    than 100%); a per-factor question's are of the factors answered."""
    out = []
    for qv in qs.questions:
        s = report.questions[qv.id]
        single = qv.scale.kind == "single"
        for o in qv.scale.options:
            out.append(OptionShare(qv.id, o.value, text_in(o.label, lang), s.distribution.get(o.value, 0),
                                   s.applicable, o.above_line if single else None))
        if s.na:
            out.append(OptionShare(qv.id, NA, "N/A", s.na, 0, None))
    return out


@dataclass(frozen=True)
class FactorFigure:
    """One factor of a factor list: in how many cases it was identified, and
    for each question asked per factor, how often it was addressed."""

    source: str  # the question whose options are the factors
    factor: str
    label: str
    relevant: int
    addressed: tuple[tuple[str, int, int], ...]  # (question, addressed, answered)


def factor_figures(qs: QuestionSet, cases: Sequence[CaseInput], report: ScoreReport,
                   lang: str | None = None) -> list[FactorFigure]:
    """For every factor list (a question that per-factor questions follow):
    one row per factor, most often identified first."""
    sources: dict[str, list[str]] = {}
    for qv in qs.questions:
        if qv.q.per_option_of:
            sources.setdefault(qv.q.per_option_of, []).append(qv.id)
    out = []
    for src_id, per in sources.items():
        src = qs.by_id[src_id]
        relevant = {o.value: sum(1 for c in cases if o.value in (c.answers.get(src_id) or [])) for o in src.scale.options}
        for o in sorted(src.scale.options, key=lambda o: -relevant[o.value]):
            figures = tuple((qid, report.questions[qid].per_option.get(o.value, (0, 0))[1],
                             report.questions[qid].per_option.get(o.value, (0, 0))[0]) for qid in per)
            out.append(FactorFigure(src_id, o.value, text_in(o.label, lang), relevant[o.value], figures))
    return out


# ---------------------------------------------------------------------------
# Cross-tabulation
# ---------------------------------------------------------------------------

MEASURE_LEVELS = ("question", "criterion", "group", "headline")


def field_values(qs: QuestionSet, cases: Sequence[CaseInput], field_id: str) -> list[tuple[str, str]]:
    """(value, label) a case detail (or ``assessor``) divides the cases by: a
    choice's options, yes/no, or the values recorded (free text, numbers)."""
    if field_id == "assessor":
        return [(a, a) for a in sorted({c.assessor for c in cases if c.assessor})]
    f = qs.fields[field_id]
    if f.kind == "bool":
        return [("yes", "Yes"), ("no", "No")]
    if f.kind in ("choice", "multi"):
        return [(o.value, text_in(o.label)) for o in f.options]
    seen = sorted({str(v) for c in cases if (v := c.details.get(field_id)) not in (None, "", [])})
    return [(v, v) for v in seen]


def cases_behind(qs: QuestionSet, report: ScoreReport, key: str) -> int:
    """How many cases a figure rests on: the cases behind a question's
    proportion (for a per-factor question, cases with a factor answered); for
    a criterion, outcome, section or headline (a mean of question proportions)
    the most cases behind any of its scoring questions."""
    def behind(qid: str) -> int:
        s = report.questions[qid]
        return len(s.above_cases) + len(s.below_cases)

    if key in report.questions:
        return behind(key)
    members = [qv.id for qv in qs.questions if qv.q.scored and (
        qv.criterion.code == key or key in qs.groups_of(qv) or key in qs.headlines_of(qv))]
    return max(map(behind, members), default=0)


def measure_value(qs: QuestionSet, report: ScoreReport, measure: str) -> tuple[float | None, int]:
    """(value, cases behind it) of a question, criterion, outcome/section or headline in a report."""
    if measure in report.questions:
        return report.questions[measure].proportion, cases_behind(qs, report, measure)
    for scores in (report.criteria, report.groups, report.headlines):
        if measure in scores:
            return scores[measure].value, cases_behind(qs, report, measure)
    if measure in qs.by_id or measure in qs.criteria or measure in qs.groups:
        return None, 0  # known, with nothing to count in this subgroup
    raise KeyError(measure)


@dataclass(frozen=True)
class CrossCell:
    cases: int
    value: float | None = None  # the measure's score in the cell (None: no measure, or nothing to count)
    denominator: int = 0  # the cases the measure rests on (see :func:`cases_behind`)
    above: int = 0  # a question's proportion as k of n (for its Wilson interval); 0 of 0 for a mean of questions
    answered: int = 0


@dataclass(frozen=True)
class CrossTab:
    rows: list[tuple[str, str]]  # (value, label)
    columns: list[tuple[str, str]]
    cells: dict[tuple[str, str], CrossCell]
    measure: str | None


def cross_tab(qs: QuestionSet, cases: Sequence[CaseInput], row_field: str, col_field: str, *,
              measure: str | None = None, rule: Rule | None = None,
              where: Mapping[str, Any] | None = None) -> CrossTab:
    """Cases (and, given ``measure``, its score) for every pair of values of two
    case details or the assessor; ``where`` narrows the cases first."""
    base = [c for c in cases if not where or matches(c, where)]
    rows, cols = field_values(qs, base, row_field), field_values(qs, base, col_field)
    if measure is not None:
        measure_value(qs, score(qs, []), measure)  # an unknown measure fails before any work
    cells = {}
    for rv, _ in rows:
        in_row = [c for c in base if matches(c, {row_field: [rv]})]
        for cv, _ in cols:
            sub = [c for c in in_row if matches(c, {col_field: [cv]})]
            if not measure or not sub:
                cells[(rv, cv)] = CrossCell(len(sub))
                continue
            rep = score(qs, sub, rule=rule)
            value, den = measure_value(qs, rep, measure)
            q = rep.questions.get(measure)
            cells[(rv, cv)] = CrossCell(len(sub), value, den, q.above if q else 0, q.applicable if q else 0)
    return CrossTab(rows, cols, cells, measure)
