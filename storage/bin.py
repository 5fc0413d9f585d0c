"""Deleting, restoring and renaming cases and inspections (the bin).

A deleted case or inspection keeps every row: it is marked ``deleted_at`` /
``deleted_by`` and the store's lists, lookups, scores, prints, packs and
exports leave it out.  Restoring clears the mark.  Each change is one
transaction with its audit row (``delete_case``, ``restore_case``,
``rename_case``, and the same for inspections).

The merge keeps merging work into a case in the bin, without restoring it
(docs/merge.md): nothing an assessor sends is lost, and nothing the lead
deleted comes back unasked.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import tables
from storage.db import now
from storage.store import Store

__all__ = ["Deleted", "delete_case", "restore_case", "rename_case", "deleted_cases", "delete_inspection",
           "restore_inspection", "rename_inspection", "deleted_inspections", "reference_in_bin"]


@dataclass(frozen=True)
class Deleted:
    """One entry of the bin."""

    id: str
    name: str  # a case's reference or an inspection's name
    deleted_at: str
    deleted_by: str


def _mark(store: Store, table: str, row_id: str, who: str, deleted: bool) -> str:
    """Set or clear the deletion mark; the row's name (reference or inspection name).
    KeyError when there is no such row in the state the change needs."""
    name_col = "reference" if table == "cases" else "name"
    state = "IS NULL" if deleted else "IS NOT NULL"
    action = ("delete_" if deleted else "restore_") + ("case" if table == "cases" else "inspection")
    t = now()
    with store.transaction() as c:
        row = c.execute(f"SELECT {name_col}, {'inspection_id' if table == 'cases' else 'id'} FROM {table} "
                        f"WHERE id = ? AND deleted_at {state}", (row_id,)).fetchone()
        if row is None:
            raise KeyError(row_id)
        c.execute(f"UPDATE {table} SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                  (t if deleted else None, who if deleted else None, row_id))
        tables.audit(c, action, who, inspection_id=row[1], case_id=row_id if table == "cases" else None,
                     new={name_col: row[0]}, at=t)
    return str(row[0])


def delete_case(store: Store, case_id: str, who: str) -> str:
    """Put a case in the bin; its reference."""
    return _mark(store, "cases", case_id, who, True)


def restore_case(store: Store, case_id: str, who: str) -> str:
    """Take a case out of the bin; its reference."""
    return _mark(store, "cases", case_id, who, False)


def delete_inspection(store: Store, inspection_id: str, who: str) -> str:
    return _mark(store, "inspections", inspection_id, who, True)


def restore_inspection(store: Store, inspection_id: str, who: str) -> str:
    return _mark(store, "inspections", inspection_id, who, False)


def rename_case(store: Store, case_id: str, reference: str, who: str) -> None:
    """Give a case a new reference (unique in its inspection, the bin included:
    ValueError names the clash)."""
    with store.transaction() as c:
        row = c.execute("SELECT reference, inspection_id FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise KeyError(case_id)
        if row[0] == reference:
            return
        clash = c.execute("SELECT deleted_at FROM cases WHERE inspection_id = ? AND reference = ?",
                          (row[1], reference)).fetchone()
        if clash is not None:
            where = "a deleted case in the bin" if clash[0] else "another case"
            raise ValueError(f"the reference {reference!r} is already used by {where} of this inspection")
        c.execute("UPDATE cases SET reference = ? WHERE id = ?", (reference, case_id))
        tables.audit(c, "rename_case", who, inspection_id=row[1], case_id=case_id, old={"reference": row[0]},
                     new={"reference": reference})


def rename_inspection(store: Store, inspection_id: str, name: str, who: str) -> None:
    with store.transaction() as c:
        row = c.execute("SELECT name FROM inspections WHERE id = ?", (inspection_id,)).fetchone()
        if row is None:
            raise KeyError(inspection_id)
        if row[0] == name:
            return
        c.execute("UPDATE inspections SET name = ? WHERE id = ?", (name, inspection_id))
        tables.audit(c, "rename_inspection", who, inspection_id=inspection_id, old={"name": row[0]},
                     new={"name": name})


def deleted_cases(store: Store, inspection_id: str) -> list[Deleted]:
    """The inspection's bin, most recently deleted first."""
    rows = store.query("SELECT id, reference, deleted_at, deleted_by FROM cases WHERE inspection_id = ? AND "
                       "deleted_at IS NOT NULL ORDER BY deleted_at DESC, reference", (inspection_id,))
    return [Deleted(r[0], r[1], r[2], r[3] or "") for r in rows]


def deleted_inspections(store: Store) -> list[Deleted]:
    rows = store.query("SELECT id, name, deleted_at, deleted_by FROM inspections WHERE deleted_at IS NOT NULL "
                       "ORDER BY deleted_at DESC, name")
    return [Deleted(r[0], r[1], r[2], r[3] or "") for r in rows]


def reference_in_bin(store: Store, inspection_id: str, reference: str) -> str | None:
    """The id of the deleted case holding ``reference`` in the inspection, if any."""
    rows = store.query("SELECT id FROM cases WHERE inspection_id = ? AND reference = ? AND deleted_at IS NOT NULL",
                       (inspection_id, reference))
    return str(rows[0][0]) if rows else None


def case_deleted(store: Store, case_id: str) -> bool:
    rows = store.query("SELECT deleted_at FROM cases WHERE id = ?", (case_id,))
    return bool(rows and rows[0][0])
