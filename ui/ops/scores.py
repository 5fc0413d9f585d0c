"""Scores and the figures around them, computed once for every screen and command.

Subgroups, sample shares, factor tables and drill-down all live here, read from
the question set's own data (``subgroup_by``, ``sample_by``, ``split_by``), so
the dashboard, the command line and the findings PDF agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from exports.tables import Percent
from models.figures import FactorRow, factor_table, sample_counts
from models.questionset import QuestionSet, QuestionView, text_in
from models.scoring import CaseInput, Rule, ScoreReport, matches, score
from models.tabulate import CrossTab, field_values
from models.tabulate import cross_tab as _cross_tab
from storage.store import CaseSummary, InspectionRow
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace

Where = Mapping[str, Iterable[str]]


def case_inputs(summaries: Iterable[CaseSummary]) -> list[CaseInput]:
    return [
        CaseInput(s.case.id, s.case.reference, s.case.details, s.answers,
                  s.assessment.assessor if s.assessment else "")
        for s in summaries
    ]


@dataclass
class InspectionScores:
    inspection: InspectionRow
    qs: QuestionSet
    report: ScoreReport
    splits: dict[str, ScoreReport]
    cases: list[CaseInput]
    open_conflicts: int = 0


def check_where(qs: QuestionSet, where: Where) -> None:
    for key in where:
        if key != "assessor" and key not in qs.fields:
            known = ", ".join(["assessor", *qs.fields])
            raise OpError(f"unknown case detail {key!r} (known: {known})")


def inspection_scores(ws: Workspace, inspection_id: str, *, rule: Rule | None = None,
                      where: Where | None = None, split: Sequence[str] | None = None,
                      approved_only: bool = False) -> InspectionScores:
    """The inspection's scores, split by the set's ``split_by`` fields (or the
    case details ``split`` names), for the cases matching ``where`` (and only
    the approved ones with ``approved_only``: ``ui.ops.review``)."""
    from storage.merge import open_conflict_counts

    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    where = dict(where or {})
    check_where(qs, where)
    summaries = ws.case_summaries(ins.id)
    if approved_only:
        from ui.ops.review import approved_case_ids

        approved = approved_case_ids(ws, ins.id)
        summaries = [s for s in summaries if s.case.id in approved]
    cases = case_inputs(summaries)
    report = score(qs, cases, rule=rule, where=where)
    splits = {}
    split = list(qs.data.split_by if split is None else split)
    check_where(qs, dict.fromkeys(split, ()))
    for field_id in split:
        for value, _label in field_values(qs, cases, field_id):
            splits[f"{field_id}={value}"] = score(qs, cases, rule=rule, where={**where, field_id: [value]})
    n_open = sum(open_conflict_counts(ws.store, ins.id).values())
    return InspectionScores(ins, qs, report, splits, cases, n_open)


@dataclass(frozen=True)
class CaseScoreRow:
    reference: str
    assessor: str
    above: int
    applicable: int
    groups: dict[str, float | None]


def case_rows(res: InspectionScores, *, rule: Rule | None = None, where: Where | None = None) -> list[CaseScoreRow]:
    """One row per case: its scoring questions above the line and its group scores."""
    rows = []
    for c in res.cases:
        if where and not matches(c, where):
            continue
        r1 = score(res.qs, [c], rule=rule)
        above = sum(s.above for s in r1.questions.values() if s.scored)
        appl = sum(s.applicable for s in r1.questions.values() if s.scored)
        rows.append(CaseScoreRow(c.reference, c.assessor, above, appl, {gid: g.value for gid, g in r1.groups.items()}))
    return rows


def subgroup_reports(qs: QuestionSet, cases: Sequence[CaseInput], *,
                     rule: Rule | None = None) -> dict[str, dict[str, ScoreReport]]:
    """Scores per value of each ``subgroup_by`` field, and per assessor when there are several."""
    out: dict[str, dict[str, ScoreReport]] = {}
    for fid in qs.data.subgroup_by:
        out[fid] = {v: score(qs, cases, rule=rule, where={fid: [v]}) for v, _label in field_values(qs, cases, fid)}
    assessors = sorted({c.assessor for c in cases if c.assessor})
    if len(assessors) > 1:
        out["assessor"] = {a: score(qs, cases, rule=rule, where={"assessor": [a]}) for a in assessors}
    return out


# ---------------------------------------------------------------------------
# The dashboard's figures
# ---------------------------------------------------------------------------


def filter_fields(qs: QuestionSet) -> list[tuple[str, str]]:
    """(label, field id) of every case detail a subgroup can be chosen by
    (free text such as the LDU by the values recorded)."""
    return [(text_in(f.label), f.id) for f in qs.data.case_fields if f.kind in ("choice", "bool", "text")]


def filter_values(qs: QuestionSet, cases: Sequence[CaseInput], field_id: str) -> list[tuple[str, str]]:
    """(label, value) choices for one subgroup field; values are what :func:`matches` takes."""
    return [(label, value) for value, label in field_values(qs, cases, field_id)]


@dataclass(frozen=True)
class ShareRow:
    field: str
    value: str
    cases: int
    share: float | None


def sample_shares(qs: QuestionSet, cases: Sequence[CaseInput], where: Where | None = None) -> list[ShareRow]:
    """How the (sub)sample divides by each ``sample_by`` case detail (the
    findings PDF charts the same counts, from :mod:`models.figures`)."""
    sub = [c for c in cases if not where or matches(c, where)]
    rows = []
    for fid in qs.data.sample_by:
        f = qs.fields[fid]
        for label, n in sample_counts(f, sub) or []:
            rows.append(ShareRow(text_in(f.label), label, n, n / len(sub) if sub else None))
    return rows


def factor_rows(qs: QuestionSet, cases: Sequence[CaseInput], report: ScoreReport,
                where: Where | None = None) -> tuple[list[str], list[FactorRow]]:
    """Per offending-related factor: cases where it was chosen, and the share
    addressed by each per-factor question (as the findings PDF prints them).
    ``where`` is the subgroup ``report`` was scored for: the counts use it too."""
    return factor_table(qs, [c for c in cases if not where or matches(c, where)], report)


def members(qs: QuestionSet, kind: str, key: str) -> list[str]:
    """The scored questions behind one figure: a criterion (by code), an
    outcome/section (``group``) or a ``headline`` (by id)."""
    def belongs(qv: QuestionView) -> bool:
        if kind == "criterion":
            return qv.criterion.code == key
        if kind == "headline":
            return key in qs.headlines_of(qv)
        return key in qs.groups_of(qv)

    return [qv.id for qv in qs.questions if qv.q.scored and belongs(qv)]


def drill_down(cases: Sequence[CaseInput], report: ScoreReport, question_id: str) -> list[tuple[str, bool]]:
    """(reference, above the line) for every case behind one question's figure."""
    refs = {c.case_id: c.reference for c in cases}
    s = report.questions[question_id]
    return [(refs.get(cid, cid), True) for cid in s.above_cases] + [(refs.get(cid, cid), False) for cid in s.below_cases]


@dataclass(frozen=True)
class DrillQuestion:
    """One question behind a criterion's or outcome's figure, with its cases."""

    question: str
    criterion: str
    above: int
    applicable: int
    cases: list[tuple[str, bool]]


def drill_group(qs: QuestionSet, cases: Sequence[CaseInput], report: ScoreReport, key: str) -> list[DrillQuestion]:
    """From a criterion (code), an outcome or section, or a headline (group id)
    to its scoring questions, and from each question to its cases."""
    if key in qs.criteria:
        members = [qv for qv in qs.questions if qv.criterion.code == key]
    elif key in qs.groups:
        members = [qv for qv in qs.questions if key in qs.groups_of(qv) or key in qs.headlines_of(qv)]
    else:
        raise OpError(f"no criterion, outcome, section or headline {key!r} in {qs.id}")
    out = []
    for qv in members:
        if qv.q.scored:
            s = report.questions[qv.id]
            out.append(DrillQuestion(qv.id, qv.criterion.code, s.above, s.applicable,
                                     drill_down(cases, report, qv.id)))
    return out


def cross_tab(res: InspectionScores, row_field: str, col_field: str, *, measure: str | None = None,
              rule: Rule | None = None, where: Where | None = None) -> CrossTab:
    """Cases (and a score, given ``measure``: a question, criterion, outcome,
    section or headline id) for each pair of values of two case details or the assessor."""
    check_where(res.qs, {row_field: (), col_field: (), **(where or {})})
    try:
        return _cross_tab(res.qs, res.cases, row_field, col_field, measure=measure, rule=rule, where=where)
    except KeyError as e:
        raise OpError(f"no question, criterion, outcome, section or headline {measure!r} in {res.qs.id}") from e


Cell = str | int | float | bool | None


_PERCENT = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)%")


def _typed(cell: Cell) -> Cell:
    """A screen's "79%" as the number 0.79 shown as a percentage, so a spreadsheet can add it up."""
    if isinstance(cell, str) and (m := _PERCENT.fullmatch(cell.strip())):
        return Percent(float(m.group(1)) / 100)
    return cell


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], *, sheet: str = "Sheet1",
                ws: Workspace | None = None) -> None:
    """A table as CSV or XLSX (by the file's suffix); never over the open
    database ``ws``.  Percentages shown as text ("79%") are written as numbers."""
    from exports.tables import write_table as write

    check_output(ws, Path(path))
    write(path, list(header), [[_typed(c) for c in r] for r in rows], sheet=sheet)
