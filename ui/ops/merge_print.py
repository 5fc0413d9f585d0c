"""The merge report as a printed document: every merge recorded for the
inspection and every conflict, with both sides and, once decided, the
decision with who, when and why (``exports.pdf.merge``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from exports.files import atomic_write
from models.i18n import language
from models.questionset import QuestionSet
from ui.ops import conflicts as conflict_ops
from ui.ops.exchange import merge_history
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace

if TYPE_CHECKING:
    from exports.pdf.merge import ConflictLine, MergeDoc


def _replaced_side(ws: Workspace, k: dict[str, Any]) -> dict[str, Any] | None:
    """The primary reading's own version that a decision took the place of in the
    conflict's versions: its answer just before the latest first decision (the
    audit's old value; a change of decision records the earlier decision instead)."""
    lead = [v for v in k["versions"] if v.get("origin") == "lead"]
    if not lead:
        return None
    rows = [r for r in ws.store.audit_rows(case_id=k["case_id"])
            if r.action == "resolve_conflict" and r.question_id == k["question_id"]
            and r.assessment_id == lead[0]["assessment_id"]]
    if not rows or not isinstance(rows[-1].old, dict):
        return None
    who = ws.store.get_assessment(lead[0]["assessment_id"]).assessor
    return {"assessor": who, "value": rows[-1].old.get("value"), "held": False}


def _line(ws: Workspace, qs: QuestionSet, k: dict[str, Any], lang: str) -> ConflictLine:
    from exports.pdf.base import words
    from exports.pdf.merge import ConflictLine

    q = k["question_id"]
    question = words(qs.by_id[q].q.text, lang) if q in qs.by_id else ""
    replaced = _replaced_side(ws, k)
    if replaced and any(v["assessor"] == replaced["assessor"] for v in conflict_ops.sides(k)):
        replaced = None  # reopened by their later work: their own newer version is in the row
    shown = conflict_ops.sides({"versions": k["versions"] + ([replaced] if replaced else [])})
    sides = [(str(v["assessor"]), conflict_ops.answer_label(qs, q, v["value"], lang)) for v in shown]
    if not k.get("resolution"):
        return ConflictLine(k["reference"], q, question, sides, decided=False)
    return ConflictLine(k["reference"], q, question, sides, decided=True,
                        decision=conflict_ops.answer_label(qs, q, k["resolution"]["value"], lang),
                        who=str(k.get("resolved_by") or ""),
                        when=(k.get("resolved_at") or "")[:16].replace("T", " "), why=str(k.get("why") or ""))


def merge_doc(ws: Workspace, inspection_id: str, lang: str | None = None) -> MergeDoc:
    """The inspection's merges (oldest first) and its conflicts, open and decided."""
    from exports.pdf.merge import MergeDoc

    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    lang = lang or language()
    lines = [_line(ws, qs, k, lang) for k in conflict_ops.conflicts(ws, ins.id)]
    return MergeDoc(inspection=ins.name, merges=merge_history(ws), conflicts=lines, lang=lang)


def print_merge_report(ws: Workspace, inspection_id: str, out: Path, lang: str | None = None) -> None:
    """Write the merge report as PDF to ``out`` (never the open database or its companions)."""
    from exports.pdf.merge import merge_report_pdf

    check_output(ws, Path(out))
    atomic_write(Path(out), merge_report_pdf(merge_doc(ws, inspection_id, lang)))
