"""Merge conflicts and their decisions (agreement and moderation: ``ui.ops.moderation``)."""

from __future__ import annotations

from typing import Any

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


def resolve(ws: Workspace, conflict_id: str, *, choose: int | None = None, value: Any = None, why: str,
            note: str | None = None) -> OpChanges:
    """Decide one conflict: a side (1, 2, ...) or a value of the lead's own, with the reason."""
    if not why.strip():
        raise OpError("say why (every decision is recorded with who, when and why)")
    k = _find_conflict(ws, conflict_id) if conflict_id else {}
    if not k:
        raise OpError("name a conflict")
    if choose is not None:
        if not 1 <= choose <= len(k["versions"]):
            raise OpError(f"choose a side between 1 and {len(k['versions'])}")
        v = k["versions"][choose - 1]
        value, note = v["value"], v["note"] if note is None else note
    qs = ws.question_set(k["inspection_id"])
    problem = qs.check_value(k["question_id"], value)
    if problem:
        raise OpError(problem)
    merge_sql.resolve_conflict(ws.store, k["id"], value, note, ws.who(), why.strip())
    return DECIDED
