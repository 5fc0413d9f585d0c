"""The descriptive figures around the scores, computed once for every view:
how the sample divides by a case detail, and the per-factor table.

The dashboard (``ui.ops.scores``) and the findings PDF (``exports.pdf``) both
read these, so a screen and a printed page never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from models.i18n import N_, gettext_for, language
from models.qs_common import Text, text_in
from models.qs_runtime import CaseField
from models.qs_set import QuestionSet
from models.scoring import CaseInput, ScoreReport

NOT_RECORDED = N_("Not recorded in the tool")  # translated here, in the figures' language

# How a set's text is put into words: ``text_in`` on screen; the printed
# report marks English standing in for a missing translation (exports.pdf.base.words).
Say = Callable[[Text | None, str | None], str]


def sample_counts(f: CaseField, cases: Sequence[CaseInput], lang: str | None = None,
                  say: Say = text_in) -> list[tuple[str, int]] | None:
    """(label, cases) for each value of a choice, multi-choice or yes/no case
    detail, then the cases where it is not recorded (if any); None for a kind
    that does not divide the sample (free text, numbers)."""
    words = gettext_for(lang or language())
    values: list[tuple[str, Any]]
    if f.kind in ("choice", "multi"):
        values = [(say(o.label, lang), o.value) for o in f.options]
    elif f.kind == "bool":
        values = [(words(N_("Yes")), True), (words(N_("No")), False)]
    else:
        return None

    def has(detail: Any, value: Any) -> bool:
        return value in detail if isinstance(detail, list) else bool(detail == value)

    counts = [(label, sum(1 for c in cases if has(c.details.get(f.id), value))) for label, value in values]
    missing = sum(1 for c in cases if c.details.get(f.id) in (None, "", []))
    if missing:
        counts.append((words(NOT_RECORDED), missing))
    return counts


@dataclass(frozen=True)
class FactorRow:
    factor: str
    cases: int  # cases where the factor was identified
    shares: tuple[float | None, ...]  # per per-factor question: addressed / answered (None: no answers)


def factor_table(qs: QuestionSet, cases: Sequence[CaseInput], report: ScoreReport,
                 lang: str | None = None) -> tuple[list[str], list[FactorRow]]:
    """The per-factor questions that follow the first factor list, and one row
    per factor, most often identified first."""
    per = [qv for qv in qs.questions if qv.q.per_option_of]
    if not per:
        return [], []
    src = qs.by_id[str(per[0].q.per_option_of)]
    per = [qv for qv in per if qv.q.per_option_of == src.id]
    prevalence = {o.value: sum(1 for c in cases if o.value in (c.answers.get(src.id) or [])) for o in src.scale.options}
    rows = []
    for o in sorted(src.scale.options, key=lambda o: -prevalence[o.value]):
        shares = []
        for qv in per:
            n, above = report.questions[qv.id].per_option.get(o.value, (0, 0))
            shares.append(above / n if n else None)
        rows.append(FactorRow(text_in(o.label, lang), prevalence[o.value], tuple(shares)))
    return [qv.id for qv in per], rows


# ---------------------------------------------------------------------------
# What the charts draw (the findings PDF and the dashboard's charts)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: an answer and how many cases gave it."""

    label: str
    n: int
    above_line: bool | None = None


@dataclass(frozen=True)
class StackedBar:
    """A question's answers, option by option (N/A and unanswered left out)."""

    question: str
    label: str
    segments: tuple[Segment, ...]
    of: int  # the applicable cases answered (a multi-select's options may add up to more)


@dataclass(frozen=True)
class ScoreBar:
    """A score (a proportion) and the cases behind it (``models.tabulate.cases_behind``)."""

    key: str
    label: str
    value: float | None
    n: int


def yes_no_bars(qs: QuestionSet, report: ScoreReport, lang: str | None = None,
                say: Say = text_in) -> list[tuple[str, str, list[StackedBar]]]:
    """The data summary: for each outcome or section (not headlines), each
    scoring question with an applicable case as cases above / below the line."""
    out = []
    for gid, group in qs.groups.items():
        if group.kind == "headline" or gid not in report.groups:
            continue
        bars = []
        for qv in qs.questions:
            s = report.questions[qv.id]
            if qv.q.scored and qv.criterion.group == gid and s.applicable:
                bars.append(StackedBar(qv.id, say(qv.q.text, lang),
                                       (Segment("yes", s.above, True), Segment("no", s.applicable - s.above, False)), s.applicable))
        out.append((gid, say(group.title, lang), bars))
    return out


def multi_category_bars(qs: QuestionSet, report: ScoreReport, lang: str | None = None, say: Say = text_in) -> list[StackedBar]:
    """Scoring judgements with more than two options (e.g. "not completed" vs
    "not sufficient"): the cases giving each option, in scale order."""
    out = []
    for qv in qs.questions:
        s = report.questions[qv.id]
        if qv.q.scored and len(qv.scale.options) > 2 and s.applicable:
            stem = qs.stems[qv.q.stem].text if qv.q.stem in qs.stems else None
            label = f"{say(stem, lang)} {say(qv.q.text, lang)}" if stem else say(qv.q.text, lang)
            out.append(StackedBar(qv.id, label, tuple(
                Segment(say(o.label, lang), s.distribution.get(o.value, 0), o.above_line)
                for o in qv.scale.options), s.applicable))
    return out


def score_bars(qs: QuestionSet, report: ScoreReport, level: str, lang: str | None = None, say: Say = text_in) -> list[ScoreBar]:
    """Outcome/section (``group``), ``criterion`` or ``headline`` scores, each
    with the cases behind it."""
    from models.tabulate import cases_behind

    if level == "criterion":
        return [ScoreBar(code, f"{code} {say(qs.criteria[code].title, lang)}", g.value,
                         cases_behind(qs, report, code)) for code, g in report.criteria.items()]
    scores = report.headlines if level == "headline" else report.groups
    return [ScoreBar(gid, say(qs.groups[gid].title, lang), g.value, cases_behind(qs, report, gid))
            for gid, g in scores.items()]


def value_label(qs: QuestionSet, field_id: str, value: str, lang: str | None = None, say: Say = text_in) -> str:
    """A subgroup value's words (a choice's label; the value itself otherwise)."""
    f = qs.fields.get(field_id)
    return next((say(o.label, lang) for o in f.options if o.value == value), value) if f else value


def subgroup_bars(qs: QuestionSet, reports: dict[str, ScoreReport], field_id: str, groups: Sequence[str],
                  lang: str | None = None, say: Say = text_in) -> list[tuple[str, int, list[ScoreBar | None]]]:
    """Per value of one subgroup field: its label, its cases, and each of
    ``groups``' scores in that subgroup (None where the subgroup has no such score)."""
    from models.tabulate import cases_behind

    out = []
    for value, r in reports.items():
        bars = [ScoreBar(g, say(qs.groups[g].short or qs.groups[g].title, lang), r.groups[g].value,
                         cases_behind(qs, r, g)) if g in r.groups else None for g in groups]
        out.append((value_label(qs, field_id, value, lang, say), r.cases, bars))
    return out
