"""An answer's history from the audit trail: who changed what, when and why
(the walk-through's History panel, F3, and ``history``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ui.ops.workspace import Workspace

# What each audit action means, in the words the history shows.
ACTIONS = {
    "answer": "answered", "undo": "undone", "redo": "redone", "start_assessment": "reading started",
    "complete": "marked complete", "reopen": "reopened", "case_details": "case details changed",
    "resolve_conflict": "conflict decided", "moderate": "moderated", "assign_qa": "QA read given",
    "import_bundle": "imported", "grade": "graded", "add_case": "case added",
}


@dataclass(frozen=True)
class Change:
    at: str
    who: str
    action: str  # in words (ACTIONS)
    reading: str  # whose reading, and its kind ("Ann (primary)"), or "" for the case itself
    question: str
    old: Any  # the value before (None: unanswered)
    new: Any
    note: str  # the note after the change, if any
    why: str


def _value(d: Any) -> Any:
    return d.get("value") if isinstance(d, dict) else d


def history(ws: Workspace, case_ref: str, question_id: str | None = None, *,
            inspection: str | None = None) -> list[Change]:
    """The case's audit trail, oldest first; with ``question_id`` only that answer's changes."""
    case = ws.case(ws.find_case(case_ref, ws.find_inspection(inspection).id if inspection else None))
    readings = {a.id: f"{a.assessor} ({a.kind})" for a in ws.store.assessments_for_case(case.id)}
    out = []
    for r in ws.store.audit_rows(case_id=case.id):
        if question_id is not None and r.question_id != question_id:
            continue
        new = r.new if isinstance(r.new, dict) else {}
        out.append(Change(r.at, r.who, ACTIONS.get(r.action, r.action), readings.get(r.assessment_id or "", ""),
                          r.question_id or "", _value(r.old), _value(r.new) if r.action != "case_details" else "",
                          str(new.get("note") or ""), str(new.get("why") or "")))
    return out
