"""The lead inspector's merge, as SQL: cases, assessments, answers, conflicts.

Rules (docs/merge.md):

* A case is matched by its UUID, else by its reference within the inspection
  (a *duplicate*: the incoming case is folded into the stored one).
* An assessment is matched by its UUID.  For the same assessment, each answer
  keeps the version with the greatest (updated_at, content): merging the same
  file again, or an older export, changes nothing, and the order of files does
  not matter.
* Audit rows are added once each (by digest).
* Two *primary* assessments of one case that disagree on an answer make a
  per-answer conflict.  A QA second read (kind ``qa``) is never a conflict.

The merge uses the store's public interface only: :meth:`Store.transaction`
and :meth:`Store.query`, and the table writers of :mod:`storage.tables`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from typing import Any

from storage import tables
from storage.db import dumps, now
from storage.rows import (
    AnswerRow,
    AssessmentDump,
    AssessmentRow,
    AuditRow,
    CaseDump,
    CaseRow,
    DuplicateCase,
    InspectionDump,
    MergeOutcome,
)
from storage.store import Store


def _digest(r: AuditRow) -> str:
    """The audit row's identity across files (the same dict, hence the same
    digest, as earlier versions stored)."""
    key = {"at": r.at, "who": r.who, "action": r.action, "question_id": r.question_id, "old": r.old, "new": r.new}
    return hashlib.sha256(dumps(key).encode()).hexdigest()[:32]


def _version_key(updated_at: str, content: dict[str, Any]) -> tuple[str, str]:
    return (updated_at or "", dumps(content))


def already_merged(store: Store, sha256: str) -> bool:
    return bool(store.query("SELECT 1 FROM merged_files WHERE sha256 = ?", (sha256,)))


def merge_data(store: Store, data: InspectionDump, *, file_sha: str, file_name: str, signer: str,
               merge_id: str) -> MergeOutcome:
    """Merge one validated bundle in a single transaction; returns what changed."""
    ins = data.inspection
    out = MergeOutcome(inspection_id=ins.id)
    assessors: set[str] = set()
    with store.transaction() as c:
        row = c.execute("SELECT question_set_id, question_set_version FROM inspections WHERE id = ?", (ins.id,)).fetchone()
        if row is None:
            tables.insert_inspection(c, ins)
        elif tuple(row) != (ins.question_set_id, ins.question_set_version):
            raise ValueError(
                f"the file uses {ins.question_set_id} {ins.question_set_version} but the inspection here uses "
                f"{row[0]} {row[1]}; an inspection never mixes question sets"
            )
        touched: set[str] = set()
        for entry in data.cases:
            case_id = _merge_case(c, ins.id, entry, out)
            assessors.update(ae.assessment.assessor for ae in entry.assessments)
            touched.add(case_id)
        out.conflicts_open = refresh_conflicts(c, ins.id, sorted(touched))
        c.execute("INSERT OR IGNORE INTO merged_files (sha256, merge_id, name, signer, at) VALUES (?, ?, ?, ?, ?)",
                  (file_sha, merge_id, file_name, signer, now()))
        tables.audit(c, "merge", signer, inspection_id=ins.id, new={"file": file_name, "sha256": file_sha})
    out.assessors = sorted(assessors)
    return out


def _merge_case(c: sqlite3.Connection, inspection_id: str, entry: CaseDump, out: MergeOutcome) -> str:
    """One case and its assessments; records it in ``out`` as new, updated,
    unchanged or a duplicate.  Returns the id the case is stored under."""
    case = entry.case
    stored = c.execute("SELECT id, details, updated_at FROM cases WHERE id = ?", (case.id,)).fetchone()
    changed: bool | None = False
    if stored is None:
        dup = c.execute("SELECT id FROM cases WHERE inspection_id = ? AND reference = ?",
                        (inspection_id, case.reference)).fetchone()
        if dup is not None:
            case_id = _fold_duplicate(c, inspection_id, dup[0], case)
            out.duplicates.append(DuplicateCase(case.reference, sorted([case.id, dup[0]]), case_id))
            changed = True
        else:
            tables.insert_case(c, inspection_id, case)
            case_id = case.id
            out.new.append(case.reference)
            changed = None  # counted as new
    else:
        case_id = case.id
        if _version_key(case.updated_at, case.details) > _version_key(stored[2], json.loads(stored[1])):
            c.execute("UPDATE cases SET details = ?, updated_at = ? WHERE id = ?",
                      (dumps(case.details), case.updated_at, case_id))
            changed = True
    for ae in entry.assessments:
        if _merge_assessment(c, case_id, ae):
            changed = changed if changed is None else True
    if changed is True:
        out.updated.append(case.reference)
    elif changed is False:
        out.unchanged.append(case.reference)
    return case_id


def _fold_duplicate(c: sqlite3.Connection, inspection_id: str, stored_id: str, case: CaseRow) -> str:
    """Two case records with one reference: keep the smaller UUID (so the
    result does not depend on which file came first) and the newer details."""
    row = c.execute("SELECT details, updated_at, created_at FROM cases WHERE id = ?", (stored_id,)).fetchone()
    stored_key = _version_key(row[1], json.loads(row[0]))
    incoming_key = _version_key(case.updated_at, case.details)
    details, updated = (case.details, case.updated_at) if incoming_key > stored_key else (json.loads(row[0]), row[1])
    keep = min(stored_id, case.id)
    if keep == stored_id:
        c.execute("UPDATE cases SET details = ?, updated_at = ? WHERE id = ?", (dumps(details), updated, stored_id))
        return stored_id
    created = min(row[2] or "", case.created_at or "")
    c.execute("UPDATE cases SET reference = reference || ' (moving)' WHERE id = ?", (stored_id,))
    tables.insert_case(c, inspection_id, CaseRow(keep, inspection_id, case.reference, details, created, updated))
    c.execute("UPDATE assessments SET case_id = ? WHERE case_id = ?", (keep, stored_id))
    c.execute("DELETE FROM conflicts WHERE case_id = ?", (stored_id,))
    c.execute("DELETE FROM cases WHERE id = ?", (stored_id,))
    return keep


def _merge_assessment(c: sqlite3.Connection, case_id: str, ae: AssessmentDump) -> bool:
    """One assessment under ``case_id``; True if anything of it changed."""
    a = ae.assessment
    row = c.execute("SELECT status, updated_at, completed_at FROM assessments WHERE id = ?", (a.id,)).fetchone()
    if row is None:
        # a new assessment: every row goes straight in (the common case, kept fast)
        tables.insert_assessment(c, case_id, a)
        tables.write_answers(c, a.id, ae.answers)
        _add_audit(c, case_id, a.id, ae.audit, set())
        return True
    changed = False
    if (a.updated_at or "") > (row[1] or "") or ((a.updated_at or "") == (row[1] or "") and a.status > row[0]):
        c.execute("UPDATE assessments SET status = ?, updated_at = ?, completed_at = ? WHERE id = ?",
                  (a.status, a.updated_at, a.completed_at, a.id))
        changed = True
    newer = [n for n in ae.answers if _is_newer(c, a.id, n)]
    tables.write_answers(c, a.id, newer)
    stored = {d for (d,) in c.execute("SELECT digest FROM audit WHERE assessment_id = ? AND digest IS NOT NULL",
                                      (a.id,))}
    _add_audit(c, case_id, a.id, ae.audit, stored)
    return changed or bool(newer)


def _is_newer(c: sqlite3.Connection, assessment_id: str, n: AnswerRow) -> bool:
    """Whether the incoming answer wins over the stored one (greatest (updated_at, content))."""
    old = c.execute("SELECT value, note, practice, updated_at FROM answers WHERE assessment_id = ? AND question_id = ?",
                    (assessment_id, n.question_id)).fetchone()
    if old is None:
        return True
    old_content = {"value": json.loads(old[0]) if old[0] else None, "note": old[1] or "", "practice": bool(old[2])}
    return _version_key(n.updated_at, n.content()) > _version_key(old[3], old_content)


def _add_audit(c: sqlite3.Connection, case_id: str, assessment_id: str, audit: list[AuditRow],
               seen: set[str]) -> None:
    """The audit rows whose digest is not in ``seen`` (nor repeated), under the case and assessment."""
    rows = []
    for r in audit:
        d = _digest(r)
        if d in seen:
            continue
        seen.add(d)
        rows.append(AuditRow(r.at, r.who, r.action, r.question_id, r.old, r.new, None, case_id, assessment_id, d))
    tables.write_audit(c, rows)


def refresh_conflicts(c: sqlite3.Connection, inspection_id: str, case_ids: list[str]) -> int:
    """Recompute per-answer conflicts between primary assessments of the cases."""
    for case_id in case_ids:
        prim = c.execute(
            "SELECT id, assessor FROM assessments WHERE case_id = ? AND kind = 'primary' ORDER BY created_at, id",
            (case_id,),
        ).fetchall()
        versions: dict[str, list[dict[str, Any]]] = {}
        if len(prim) > 1:
            for aid, assessor in prim:
                for qid, value, note, updated_at, updated_by in c.execute(
                    "SELECT question_id, value, note, updated_at, updated_by FROM answers WHERE assessment_id = ?", (aid,)
                ):
                    versions.setdefault(qid, []).append({
                        "assessment_id": aid, "assessor": assessor, "value": json.loads(value) if value else None,
                        "note": note or "", "updated_at": updated_at, "updated_by": updated_by,
                    })
        for qid, vs in versions.items():
            distinct = {dumps(v["value"]) for v in vs}
            existing = c.execute("SELECT id, status, resolution FROM conflicts WHERE case_id = ? AND question_id = ?",
                                 (case_id, qid)).fetchone()
            if len(vs) < 2 or len(distinct) < 2:
                if existing is not None and existing[1] == "open":
                    c.execute("DELETE FROM conflicts WHERE id = ?", (existing[0],))
                continue
            vs_sorted = sorted(vs, key=lambda v: (v["assessment_id"]))
            if existing is None:
                c.execute(
                    "INSERT INTO conflicts (id, inspection_id, case_id, question_id, versions, status) VALUES (?, ?, ?, ?, ?, 'open')",
                    (_conflict_id(case_id, qid), inspection_id, case_id, qid, dumps(vs_sorted)),
                )
            else:
                c.execute("UPDATE conflicts SET versions = ? WHERE id = ?", (dumps(vs_sorted), existing[0]))
    row = c.execute("SELECT count(*) FROM conflicts WHERE inspection_id = ? AND status = 'open'", (inspection_id,)).fetchone()
    return int(row[0])


def _conflict_id(case_id: str, question_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"case-assessor:conflict:{case_id}:{question_id}"))


def list_conflicts(store: Store, inspection_id: str, status: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT k.*, c.reference FROM conflicts k JOIN cases c ON c.id = k.case_id WHERE k.inspection_id = ?"
           + (" AND k.status = ?" if status else "") + " ORDER BY c.reference, k.question_id")
    rows = store.query(sql, (inspection_id, status) if status else (inspection_id,))
    out = []
    for r in rows:
        d = {k: r[k] for k in r.keys()}
        d["versions"] = json.loads(d["versions"])
        d["resolution"] = json.loads(d["resolution"]) if d["resolution"] else None
        out.append(d)
    return out


def resolve_conflict(store: Store, conflict_id: str, value: Any, note: str | None, who: str, why: str) -> None:
    """Record the lead's decision and apply it to the case's scoring (first
    primary) assessment, with who, when and why."""
    with store.transaction() as c:
        row = c.execute("SELECT case_id, question_id, status FROM conflicts WHERE id = ?", (conflict_id,)).fetchone()
        if row is None:
            raise KeyError(conflict_id)
        case_id, qid, _status = row
        prim = c.execute("SELECT id FROM assessments WHERE case_id = ? AND kind = 'primary' ORDER BY created_at, id LIMIT 1",
                         (case_id,)).fetchone()
        old = c.execute("SELECT value, note, practice FROM answers WHERE assessment_id = ? AND question_id = ?",
                        (prim[0], qid)).fetchone()
        keep_note = old[1] if old else ""
        new_note = keep_note if note is None else note
        t = now()
        tables.write_answers(c, prim[0], [AnswerRow(qid, value, new_note, bool(old[2]) if old else False, t, who)])
        resolution = {"value": value, "note": new_note}
        c.execute("UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?, why = ? "
                  "WHERE id = ?", (dumps(resolution), who, t, why, conflict_id))
        tables.audit(c, "resolve_conflict", who, case_id=case_id, assessment_id=prim[0], question_id=qid,
                     old={"value": json.loads(old[0]) if old and old[0] else None, "note": keep_note},
                     new={**resolution, "why": why}, at=t)


def trust_key(store: Store, fp: str, public_key: str, name: str, who: str) -> None:
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO trusted_keys (fingerprint, public_key, name, trusted_at, trusted_by) "
                  "VALUES (?, ?, ?, ?, ?)", (fp, public_key, name, now(), who))


def trusted_keys(store: Store) -> dict[str, dict[str, str]]:
    return {r[0]: {"public_key": r[1], "name": r[2]} for r in
            store.query("SELECT fingerprint, public_key, name FROM trusted_keys")}


def record_merge(store: Store, merge_id: str, who: str, report: dict[str, Any]) -> None:
    with store.transaction() as c:
        c.execute("INSERT INTO merges (id, at, who, report) VALUES (?, ?, ?, ?)", (merge_id, now(), who, dumps(report)))


def merge_reports(store: Store) -> list[dict[str, str]]:
    """Every recorded merge, oldest first; the report as the JSON text stored."""
    return [{"id": r[0], "at": r[1], "who": r[2], "report_json": r[3]}
            for r in store.query("SELECT id, at, who, report FROM merges ORDER BY at, id")]


def all_assessments(store: Store, inspection_id: str) -> list[tuple[CaseRow, AssessmentRow, dict[str, Any]]]:
    """Every assessment of the inspection (primary and QA), with its answer values."""
    out = []
    for case in store.list_cases(inspection_id):
        for a in store.assessments_for_case(case.id):
            out.append((case, a, {k: v.value for k, v in store.answers(a.id).items() if v.value is not None}))
    return out


def open_conflict_counts(store: Store, inspection_id: str) -> dict[str, int]:
    """Open conflicts per case id (empty on a database that has never merged)."""
    rows = store.query(
        "SELECT case_id, count(*) FROM conflicts WHERE inspection_id = ? AND status = 'open' GROUP BY case_id",
        (inspection_id,),
    )
    return {r[0]: int(r[1]) for r in rows}
