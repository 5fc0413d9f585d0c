"""Agreement between readings, and moderation of QA disagreements.

Which pairs count: for each case, its scoring primary reading (the first
primary reading in the order the lead gave the cases out) against every other
reading of it: each QA second read, and each further primary reading where two
assessors were given the case (double entry, whose disagreements are also
conflicts).  Each reading counts as its assessor gave it: where a lead's
decision stands in a reading, the assessor's own answer is compared.  A pair is
a scoring, single-choice question that applies to the case in both readings
and is answered in both (multi-select and per-factor questions are left out).

Moderation: the lead records the agreed answer to a QA disagreement and why;
it is written into the scoring primary reading as a lead's decision (so it
scores), and audited with both readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.agreement import AgreementReport, Pair, agreement
from models.conditions import applicability_fast
from models.questionset import QuestionSet
from storage import merge as merge_sql
from storage import qa as qa_sql
from storage.rows import AssessmentRow, CaseRow
from ui.ops.changes import DECIDED, OpChanges
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


@dataclass(frozen=True)
class Reading:
    assessment_id: str
    assessor: str
    kind: str
    values: dict[str, Any]  # as the assessor gave them
    notes: dict[str, str]


@dataclass(frozen=True)
class Disagreement:
    case_id: str
    reference: str
    question_id: str
    primary: Reading
    second: Reading
    decision: qa_sql.Moderation | None  # the lead's agreed answer, once moderated

    @property
    def first_value(self) -> Any:
        return self.primary.values.get(self.question_id)

    @property
    def second_value(self) -> Any:
        return self.second.values.get(self.question_id)


def _reading(ws: Workspace, a: AssessmentRow) -> Reading:
    notes = {qid: r.note for qid, r in ws.store.answers(a.id).items() if r.note}
    return Reading(a.id, a.assessor, a.kind, qa_sql.own_answers(ws.store, a.id, a.assessor), notes)


def _case_readings(ws: Workspace, case: CaseRow) -> tuple[Reading, list[Reading]] | None:
    """The case's scoring primary reading and every other reading of it."""
    rows = ws.store.assessments_for_case(case.id)
    first = next((a for a in rows if a.kind == "primary"), None)
    if first is None:
        return None
    return _reading(ws, first), [_reading(ws, a) for a in rows if a.id != first.id]


def _compared(qs: QuestionSet) -> list[str]:
    return [qv.id for qv in qs.questions if qv.q.scored and not qv.q.per_option_of and qv.scale.kind != "multi"]


def _pairs(qs: QuestionSet, case: CaseRow, first: Reading, second: Reading) -> list[Pair]:
    app1 = applicability_fast(qs, case.details, first.values)
    app2 = applicability_fast(qs, case.details, second.values)
    out = []
    for qid in _compared(qs):
        x, y = first.values.get(qid), second.values.get(qid)
        if x is None or y is None or app1[qid] is not True or app2[qid] is not True:
            continue
        out.append(Pair(case.reference, qid, qs.by_id[qid].criterion.code, str(x), str(y), first.assessor,
                        second.assessor, second.kind))
    return out


def _walk(ws: Workspace, inspection_id: str) -> tuple[QuestionSet, list[tuple[CaseRow, Reading, Reading, list[Pair]]]]:
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    out = []
    for case in ws.cases(ins.id):
        found = _case_readings(ws, case)
        if found is None:
            continue
        first, others = found
        for second in others:
            out.append((case, first, second, _pairs(qs, case, first, second)))
    return qs, out


def agreement_report(ws: Workspace, inspection_id: str) -> AgreementReport:
    """Agreement per question, kappa per criterion and per assessor (see the module's doc for the pairs)."""
    _qs, walked = _walk(ws, inspection_id)
    return agreement([p for *_rest, pairs in walked for p in pairs])


def disagreements(ws: Workspace, inspection_id: str) -> list[Disagreement]:
    """Each QA disagreement with both readings (values and notes) and its moderation, if any."""
    ins = ws.find_inspection(inspection_id)
    decided = qa_sql.moderations(ws.store, ins.id)
    _qs, walked = _walk(ws, ins.id)
    out = []
    for case, first, second, pairs in walked:
        if second.kind != "qa":
            continue  # two primary readings that disagree are conflicts: decided with 'resolve'
        for p in pairs:
            if p.first != p.second:
                out.append(Disagreement(case.id, case.reference, p.question, first, second,
                                        decided.get((first.assessment_id, p.question))))
    return out


def moderate(ws: Workspace, case_ref: str, question_id: str, value: Any, why: str, *,
             inspection: str | None = None) -> OpChanges:
    """Record the agreed answer to one QA disagreement and why; the scoring primary reading then carries it."""
    if not why.strip():
        raise OpError("say why (every moderation decision is recorded with who, when and why)")
    case = ws.case(ws.find_case(case_ref, ws.find_inspection(inspection).id if inspection else None))
    ins = ws.inspection(case.inspection_id)
    qs = ws.question_set(ins)
    problem = qs.check_value(question_id, value)
    if problem:
        raise OpError(problem)
    found = [d for d in disagreements(ws, ins.id) if d.case_id == case.id and d.question_id == question_id]
    if not found:
        raise OpError(f"no QA disagreement on {question_id} in case {case_ref!r} (see 'agreement')")
    d = found[0]
    if any(k["question_id"] == question_id and k["case_id"] == d.case_id
           for k in merge_sql.list_conflicts(ws.store, ins.id, "open")):
        raise OpError(f"{case_ref} {question_id} has an open conflict between primary readings: decide it first "
                      "('conflicts', 'resolve')")
    readings = {"primary": {"assessor": d.primary.assessor, "value": d.first_value,
                            "note": d.primary.notes.get(question_id, "")},
                "qa": [{"assessor": x.second.assessor, "value": x.second_value,
                        "note": x.second.notes.get(question_id, "")} for x in found]}
    qa_sql.record_moderation(ws.store, d.case_id, d.primary.assessment_id, question_id, value=value, who=ws.who(),
                             why=why.strip(), readings=readings)
    return DECIDED
