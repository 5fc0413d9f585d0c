"""Deleting, restoring and renaming cases and inspections.

A deleted case goes to its inspection's bin, a deleted inspection to the
database's: nothing is erased, every change is in the audit trail, and either
comes back with restore.  Cases in the bin are left out of the case list,
scores, prints, packs and exports; a merge keeps their incoming work but never
restores them (docs/merge.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.i18n import _
from models.limits import reference_problem
from storage import bin as store_bin
from storage.bin import Deleted
from ui.ops.changes import CASES, INSPECTIONS, Done
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

__all__ = ["Deleted", "Bin", "delete_case", "restore_case", "rename_case", "delete_inspection",
           "restore_inspection", "rename_inspection", "bin_contents"]


@dataclass(frozen=True)
class Bin:
    """What can be restored: an inspection's deleted cases, and the deleted inspections."""

    cases: list[Deleted]
    inspections: list[Deleted]


def _live_case(ws: Workspace, case_id: str) -> str:
    """The case's reference; OpError when it is unknown or already in the bin."""
    try:
        case = ws.case(case_id)
    except KeyError:
        raise OpError(_("no case {0!r}").format(case_id)) from None
    if store_bin.case_deleted(ws.store, case_id):
        raise OpError(_("case {0!r} is already in the bin").format(case.reference))
    return case.reference


def delete_case(ws: Workspace, case_id: str, who: str | None = None) -> Done:
    """Put a case in its inspection's bin (audited; restore_case brings it back)."""
    _live_case(ws, case_id)
    store_bin.delete_case(ws.store, case_id, who or ws.who())
    return Done(1, case_id, CASES)


def restore_case(ws: Workspace, inspection_id: str, reference: str, who: str | None = None) -> Done:
    """Take the case with this reference (or id) out of the inspection's bin."""
    ins = ws.find_inspection(inspection_id)
    found = [d for d in store_bin.deleted_cases(ws.store, ins.id) if reference in (d.name, d.id)]
    if not found:
        raise OpError(_("no case {0!r} in the bin of inspection {1!r}").format(reference, ins.name))
    store_bin.restore_case(ws.store, found[0].id, who or ws.who())
    return Done(1, found[0].id, CASES)


def rename_case(ws: Workspace, case_id: str, reference: str, who: str | None = None) -> Done:
    """Give a case a new reference, unique in its inspection (the bin included)."""
    reference = reference.strip()
    old = _live_case(ws, case_id)
    problem = reference_problem(reference)
    if problem:
        raise OpError(_("{0}. The case keeps its reference {1!r}.").format(problem, old))
    try:
        store_bin.rename_case(ws.store, case_id, reference, who or ws.who())
    except ValueError as e:
        raise OpError(_("{0}. The case keeps its reference {1!r}.").format(e, old)) from None
    return Done(1, case_id, CASES)


def delete_inspection(ws: Workspace, key: str, who: str | None = None) -> Done:
    """Put an inspection, with its cases, in the database's bin."""
    ins = ws.find_inspection(key)
    store_bin.delete_inspection(ws.store, ins.id, who or ws.who())
    return Done(1, ins.id, INSPECTIONS)


def restore_inspection(ws: Workspace, key: str, who: str | None = None) -> Done:
    """Take an inspection out of the bin: by id, unique id prefix or exact name."""
    found = [d for d in store_bin.deleted_inspections(ws.store) if key == d.name or d.id.startswith(key)]
    if len(found) != 1:
        names = ", ".join(f"{d.name} ({d.id[:8]})" for d in store_bin.deleted_inspections(ws.store)) or "none"
        raise OpError(_("no single deleted inspection matches {0!r} (in the bin: {1})").format(key, names))
    store_bin.restore_inspection(ws.store, found[0].id, who or ws.who())
    return Done(1, found[0].id, INSPECTIONS)


def rename_inspection(ws: Workspace, key: str, name: str, who: str | None = None) -> Done:
    ins = ws.find_inspection(key)
    if not name.strip():
        raise OpError(_("an inspection needs a name"))
    store_bin.rename_inspection(ws.store, ins.id, name.strip(), who or ws.who())
    return Done(1, ins.id, INSPECTIONS)


def bin_contents(ws: Workspace, inspection_id: str | None) -> Bin:
    """The inspection's deleted cases (none without an inspection) and the deleted inspections."""
    cases = store_bin.deleted_cases(ws.store, ws.find_inspection(inspection_id).id) if inspection_id else []
    return Bin(cases, store_bin.deleted_inspections(ws.store))


def reference_in_bin(ws: Workspace, inspection_id: str, reference: str) -> bool:
    return store_bin.reference_in_bin(ws.store, inspection_id, reference) is not None
