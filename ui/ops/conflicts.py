"""Merge conflicts and their decisions (agreement and moderation: ``ui.ops.moderation``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.questionset import Option, QuestionSet, text_in
from storage import merge as merge_sql
from ui.ops.changes import DECIDED, OpChanges
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


def open_conflicts(ws: Workspace, inspection_id: str) -> dict[str, int]:
    """Open conflicts per case id."""
    return merge_sql.open_conflict_counts(ws.store, inspection_id)


def conflicts(ws: Workspace, inspection_id: str, status: str | None = None) -> list[dict[str, Any]]:
    ins = ws.find_inspection(inspection_id)
    return merge_sql.list_conflicts(ws.store, ins.id, status)


def _find_conflict(ws: Workspace, conflict_id: str) -> dict[str, Any]:
    found = [c for ins in ws.inspections() for c in merge_sql.list_conflicts(ws.store, ins.id)
             if c["id"].startswith(conflict_id)]
    if len(found) != 1:
        raise OpError(f"no single conflict matches {conflict_id!r}")
    return found[0]


def answer_label(qs: QuestionSet, question_id: str, value: Any, lang: str | None = None) -> str:
    """An answer as the assessor saw it: option labels (in ``lang``, default the
    language in use), not stored codes."""
    qv = qs.by_id.get(question_id)
    if value is None:
        return "(no answer)"
    if value == "na":
        return "N/A"
    if qv is None:
        return str(value)
    if isinstance(value, list):
        return ", ".join(answer_label(qs, question_id, v, lang) for v in value) or "(none chosen)"
    if isinstance(value, dict) and qv.q.per_option_of:
        src = qs.by_id[qv.q.per_option_of].scale
        return "; ".join(f"{_label(src.option(k), k, lang)}: {answer_label(qs, question_id, v, lang)}"
                         for k, v in value.items())
    return _label(qv.scale.option(value), value, lang) if isinstance(value, str) else str(value)


def _label(opt: Option | None, value: str, lang: str | None = None) -> str:
    return text_in(opt.label, lang) if opt is not None else value


def sides(k: dict[str, Any]) -> list[dict[str, Any]]:
    """A conflict's assessor versions, by name (the lead's own decision row is its decision)."""
    return sorted((v for v in k["versions"] if v.get("origin") != "lead"),
                  key=lambda v: (str(v["assessor"]).casefold(), bool(v.get("held"))))


def versions_text(qs: QuestionSet, k: dict[str, Any]) -> str:
    """Each assessor's answer, labelled: "Ann: No  ·  Bob: Yes"."""
    return "  ·  ".join(f"{v['assessor']}: {answer_label(qs, k['question_id'], v['value'])}" for v in sides(k))


def decision_text(qs: QuestionSet, k: dict[str, Any]) -> str:
    """The decision with who, when and why ("" while undecided)."""
    if not k.get("resolution"):
        return ""
    shown = answer_label(qs, k["question_id"], k["resolution"]["value"])
    at = (k.get("resolved_at") or "")[:16].replace("T", " ")
    return f"{shown} — {k['resolved_by']}, {at}: {k['why']}"


def _side(k: dict[str, Any], choose: int | None, value: Any, note: str | None) -> tuple[Any, str | None]:
    if choose is None:
        return value, note
    if not 1 <= choose <= len(k["versions"]):
        raise OpError(f"choose a side between 1 and {len(k['versions'])}")
    v = k["versions"][choose - 1]
    return v["value"], v["note"] if note is None else note


def resolve(ws: Workspace, conflict_id: str, *, choose: int | None = None, value: Any = None, why: str,
            note: str | None = None, change: bool = False) -> OpChanges:
    """Decide one conflict: a side (1, 2, ...) or a value of the lead's own, with the reason.
    A decided conflict is changed only with ``change`` (recorded as a change of decision)."""
    if not why.strip():
        raise OpError("say why (every decision is recorded with who, when and why)")
    k = _find_conflict(ws, conflict_id) if conflict_id else {}
    if not k:
        raise OpError("name a conflict")
    value, note = _side(k, choose, value, note)
    qs = ws.question_set(k["inspection_id"])
    problem = qs.check_value(k["question_id"], value)
    if problem:
        raise OpError(problem)
    _decide(ws, [(k["id"], value, note)], why, change)
    return DECIDED


def _decide(ws: Workspace, decisions: list[tuple[str, Any, str | None]], why: str, change: bool) -> None:
    try:
        merge_sql.resolve_conflicts(ws.store, decisions, ws.who(), why.strip(), change=change)
    except merge_sql.AlreadyDecided as e:
        raise OpError(f"{e}. Nothing was changed: to change a decision, ask for a change of decision "
                      "and say why") from None


@dataclass(frozen=True)
class Bulk:
    decided: int
    skipped: list[str]  # "REF QUESTION": no version by that assessor, or decided already
    changes: OpChanges = DECIDED


def keep_assessor(ws: Workspace, inspection_id: str, conflict_ids: list[str], assessor: str, *, why: str,
                  change: bool = False) -> Bulk:
    """Keep one assessor's version in each named conflict, with one reason, all in one
    transaction.  Conflicts with no version of theirs, or decided already (unless
    ``change``), are skipped and listed."""
    if not why.strip():
        raise OpError("say why (every decision is recorded with who, when and why)")
    wanted = set(conflict_ids)
    decisions, skipped = [], []
    for k in conflicts(ws, inspection_id):
        if k["id"] not in wanted:
            continue
        theirs = [v for v in k["versions"] if v["assessor"] == assessor and not v.get("held")]
        if not theirs or (k["status"] == "resolved" and not change):
            skipped.append(f"{k['reference']} {k['question_id']}")
            continue
        decisions.append((k["id"], theirs[0]["value"], theirs[0]["note"]))
    if decisions:
        _decide(ws, decisions, why, change)
    return Bulk(len(decisions), skipped)
