"""Scores and the figures around them, computed once for every screen and command.

Subgroups, sample shares, factor tables and drill-down all live here, read from
the question set's own data (``subgroup_by``, ``sample_by``, ``split_by``), so
the dashboard, the command line and the findings PDF agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.figures import FactorRow, factor_table, sample_counts
from models.questionset import QuestionSet, QuestionView, text_in
from models.scoring import CaseInput, Rule, ScoreReport, matches, score
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
            raise OpError(f"--where names unknown case detail {key!r} (known: {known})")


def inspection_scores(ws: Workspace, inspection_id: str, *, rule: Rule | None = None,
                      where: Where | None = None) -> InspectionScores:
    """The inspection's scores, split by the set's ``split_by`` fields, for the cases matching ``where``."""
    from storage.merge import open_conflict_counts

    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    where = dict(where or {})
    check_where(qs, where)
    cases = case_inputs(ws.case_summaries(ins.id))
    report = score(qs, cases, rule=rule, where=where)
    splits = {}
    for field_id in qs.data.split_by:
        for opt in qs.fields[field_id].options:
            splits[f"{field_id}={opt.value}"] = score(qs, cases, rule=rule, where={**where, field_id: [opt.value]})
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
        f = qs.fields[fid]
        out[fid] = {o.value: score(qs, cases, rule=rule, where={fid: [o.value]}) for o in f.options}
    assessors = sorted({c.assessor for c in cases if c.assessor})
    if len(assessors) > 1:
        out["assessor"] = {a: score(qs, cases, rule=rule, where={"assessor": [a]}) for a in assessors}
    return out


# ---------------------------------------------------------------------------
# The dashboard's figures
# ---------------------------------------------------------------------------


def filter_fields(qs: QuestionSet) -> list[tuple[str, str]]:
    """(label, field id) of every case detail a subgroup can be chosen by."""
    return [(text_in(f.label), f.id) for f in qs.data.case_fields if f.kind in ("choice", "bool")]


def filter_values(qs: QuestionSet, cases: Sequence[CaseInput], field_id: str) -> list[tuple[str, str]]:
    """(label, value) choices for one subgroup field; values are what :func:`matches` takes."""
    if field_id == "assessor":
        return [(a, a) for a in sorted({c.assessor for c in cases if c.assessor})]
    f = qs.fields[field_id]
    if f.kind == "bool":
        return [("Yes", "yes"), ("No", "no")]
    return [(text_in(o.label), o.value) for o in f.options]


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


Cell = str | int | float | None


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], *, sheet: str = "Sheet1",
                ws: Workspace | None = None) -> None:
    """A table as CSV or XLSX (by the file's suffix); never over the open database ``ws``."""
    from exports.tables import write_table as write

    check_output(ws, Path(path))
    write(path, list(header), [list(r) for r in rows], sheet=sheet)
