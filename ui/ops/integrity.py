"""Checking a database: the audit trail's hash chain and the file's soundness."""

from __future__ import annotations

from dataclasses import dataclass

from ui.ops.workspace import Workspace


@dataclass(frozen=True)
class Verified:
    """What ``verify`` found: ``ok``, and a line per check fit to show."""

    ok: bool
    lines: list[str]
    broken_row: int | None = None


def verify(ws: Workspace) -> Verified:
    """The audit trail's chain (first broken link) and the open-time integrity check."""
    result = ws.store.verify_audit()
    lines = [result.describe()]
    ok = result.ok
    if ws.store.damaged is not None:
        lines.append(f"database file: {ws.store.damaged}")
        ok = False
    else:
        lines.append("database file: integrity check OK")
    return Verified(ok, lines, result.row_id)
