"""The lead inspector's merge, as SQL: scope, cases, assessments, answers, conflicts.

Rules (docs/merge.md):

* **Scope.**  A file is merged under the :class:`Authority` of the key that
  signed it: one named assessor, one inspection.  Every assessment in it must
  be that assessor's, of a case assigned to them with that kind of reading;
  case details only for those cases; a new case only when their pack allowed
  it, and never under a reference already used.  Anything else refuses the
  whole file (:class:`ScopeError`) and nothing is written.
* **Causal versions, not clocks.**  Each assessment counts its changes
  (``seq``); an answer, a status change and a case's details carry the number
  they were written at.  A stored version is replaced only by one with a
  greater number from the same writer, so an old, replayed or re-exported file
  changes nothing, whatever its timestamps say.  A cleared answer travels as a
  tombstone (value null) and wins the same way.
* **The lead's decisions are versions too.**  A decision is stored with
  ``origin = 'lead'`` and ``base`` = the assessor's version it was made on.  An
  assessor's change made after that version (without seeing the decision) is
  *held* beside the decision and reopens the conflict; it never overwrites it.
* **Bundles of format 1** (no change numbers) fill empty answers and replace
  other un-numbered versions by (updated_at, content) as before; they never
  replace a numbered version or a decision.
* Audit rows are added once each (by digest).  Two *primary* assessments of one
  case that disagree on an answer make a per-answer conflict; a QA second read
  (kind ``qa``) is never a conflict.

The merge uses the store's public interface only: :meth:`Store.transaction`
and :meth:`Store.query`, and the table writers of :mod:`storage.tables`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

from storage import driver, tables
from storage.db import dumps, now
from storage.rows import (
    AnswerRow,
    AssessmentDump,
    AssessmentRow,
    AuditRow,
    Authority,
    CaseDump,
    CaseRow,
    InspectionDump,
    MergeOutcome,
)
from storage.store import Store


class ScopeError(ValueError):
    """The file writes outside what its signer was given; nothing was merged."""


# What an assessor's own laptop records; anything else in a file is the lead's to record.
ASSESSOR_ACTIONS = frozenset({"answer", "undo", "redo", "start_assessment", "complete", "reopen", "case_details"})


def same_person(name: str, assessor: str) -> bool:
    """Whether ``name`` (as a laptop records it: "Name" or "Name (staff id)")
    is the assessor the lead gave the cases to."""
    name, assessor = name.strip().casefold(), assessor.strip().casefold()
    return name == assessor or (name.startswith(assessor + " (") and name.endswith(")"))


def _digest(r: AuditRow) -> str:
    """The audit row's identity across files (the same dict, hence the same
    digest, as earlier versions stored)."""
    key = {"at": r.at, "who": r.who, "action": r.action, "question_id": r.question_id, "old": r.old, "new": r.new}
    return hashlib.sha256(dumps(key).encode()).hexdigest()[:32]


def _legacy_key(updated_at: str, content: dict[str, Any]) -> tuple[str, str]:
    return (updated_at or "", dumps(content))


def already_merged(store: Store, sha256: str) -> bool:
    return bool(store.query("SELECT 1 FROM merged_files WHERE sha256 = ?", (sha256,)))


# ---------------------------------------------------------------------------
# Who may write what
# ---------------------------------------------------------------------------


def assign(store: Store, inspection_id: str, case_ids: list[str], assessor: str, kind: str = "primary") -> None:
    """Record that ``assessor`` was given these cases (as the lead's pack says)."""
    t = now()
    with store.transaction() as c:
        c.executemany("INSERT OR IGNORE INTO assignments (inspection_id, case_id, assessor, kind, assigned_at) "
                      "VALUES (?, ?, ?, ?, ?)", [(inspection_id, cid, assessor, kind, t) for cid in case_ids])


def grant(store: Store, fingerprint: str, public_key: str, inspection_id: str, assessor: str, who: str,
          may_add_cases: bool = False) -> None:
    """Trust a key as ``assessor`` (the name the lead gave, not the file's claim) for one inspection."""
    with store.transaction() as c:
        grant_in(c, fingerprint, public_key, inspection_id, assessor, who, may_add_cases)


def grant_in(c: driver.Connection, fingerprint: str, public_key: str, inspection_id: str, assessor: str, who: str,
             may_add_cases: bool = False) -> None:
    """:func:`grant` inside the caller's transaction (a merge's, so a refused file leaves no trust behind)."""
    c.execute("INSERT OR IGNORE INTO trusted_keys (fingerprint, public_key, name, trusted_at, trusted_by) "
              "VALUES (?, ?, ?, ?, ?)", (fingerprint, public_key, assessor, now(), who))
    c.execute("INSERT OR REPLACE INTO authorities (fingerprint, inspection_id, assessor, may_add_cases, "
              "trusted_at, trusted_by) VALUES (?, ?, ?, ?, ?, ?)",
              (fingerprint, inspection_id, assessor, int(may_add_cases), now(), who))
    tables.audit(c, "trust_key", who, inspection_id=inspection_id, new={"fingerprint": fingerprint, "assessor": assessor})


def assigned_assessors(store: Store, inspection_id: str) -> list[str]:
    return [r[0] for r in store.query("SELECT DISTINCT assessor FROM assignments WHERE inspection_id = ? "
                                      "ORDER BY assessor", (inspection_id,))]


def assigned_cases(store: Store, inspection_id: str, assessor: str) -> frozenset[tuple[str, str]]:
    """(case id, kind) of every reading the assessor was given in the inspection."""
    return frozenset((r[0], r[1]) for r in store.query(
        "SELECT case_id, kind FROM assignments WHERE inspection_id = ? AND assessor = ?", (inspection_id, assessor)))


def authority(store: Store, fingerprint: str, inspection_id: str) -> Authority | None:
    """What the key may write in the inspection, or None if it is not trusted there."""
    rows = store.query("SELECT assessor, may_add_cases FROM authorities WHERE fingerprint = ? AND inspection_id = ?",
                       (fingerprint, inspection_id))
    if not rows:
        return None
    assessor = rows[0][0]
    assigned = store.query("SELECT case_id, kind FROM assignments WHERE inspection_id = ? AND assessor = ?",
                           (inspection_id, assessor))
    return Authority(fingerprint, inspection_id, assessor, frozenset((r[0], r[1]) for r in assigned),
                     bool(rows[0][1]))


def _check_scope(c: driver.Connection, data: InspectionDump, auth: Authority) -> None:
    """Refuse the file when anything in it is outside the signer's authority."""
    ins = data.inspection
    if ins.id != auth.inspection_id:
        raise ScopeError(f"the file is for another inspection ({ins.name!r}) than its signer was trusted for")
    assigned_cases = {cid for cid, _kind in auth.assigned}
    for entry in data.cases:
        case = entry.case
        known = c.execute("SELECT reference FROM cases WHERE id = ?", (case.id,)).fetchone()
        if known is None:
            clash = c.execute("SELECT 1 FROM cases WHERE inspection_id = ? AND reference = ?",
                              (ins.id, case.reference)).fetchone()
            if clash:
                raise ScopeError(f"case {case.reference!r} in the file is a new record for a case already held here; "
                                 "a new record never takes over an existing case")
            if not auth.may_add_cases:
                raise ScopeError(f"case {case.reference!r} was not given to {auth.assessor} and their pack does not "
                                 "allow adding cases")
        elif case.id not in assigned_cases:
            raise ScopeError(f"case {known[0]!r} was not given to {auth.assessor}")
        for ae in entry.assessments:
            a = ae.assessment
            if not same_person(a.assessor, auth.assessor):
                raise ScopeError(f"case {case.reference!r} holds an assessment by {a.assessor!r}, but the file is "
                                 f"signed by {auth.assessor}'s key")
            if any(not same_person(n.updated_by, auth.assessor) for n in ae.answers) or any(
                    not same_person(r.who, auth.assessor) or r.action not in ASSESSOR_ACTIONS for r in ae.audit):
                raise ScopeError(f"case {case.reference!r} holds answers or audit entries in another person's name "
                                 "or of a kind only the lead records")
            if known is not None and (case.id, a.kind) not in auth.assigned:
                raise ScopeError(f"{auth.assessor} was not given case {known[0]!r} for a {a.kind} reading")
            owner = c.execute("SELECT case_id, assessor FROM assessments WHERE id = ?", (a.id,)).fetchone()
            if owner is not None and tuple(owner) != (case.id, a.assessor):
                raise ScopeError(f"an assessment in case {case.reference!r} is already held for another case or "
                                 "assessor")
            if owner is None and c.execute("SELECT 1 FROM assessments WHERE case_id = ? AND assessor = ? AND kind = ?",
                                           (case.id, a.assessor, a.kind)).fetchone():
                raise ScopeError(f"the file starts a second {a.kind} reading of case {case.reference!r} by "
                                 f"{auth.assessor}; one reading each")
            if any(n.origin for n in ae.answers):
                raise ScopeError("the file claims a lead inspector's decision; only the lead records those")


# ---------------------------------------------------------------------------
# The merge
# ---------------------------------------------------------------------------


OnCommit = Callable[[driver.Connection, MergeOutcome], None]


def merge_data(store: Store, data: InspectionDump, auth: Authority, *, file_sha: str, file_name: str, signer: str,
               merge_id: str, on_commit: OnCommit | None = None,
               on_begin: Callable[[driver.Connection], None] | None = None) -> MergeOutcome:
    """Merge one validated bundle in a single transaction under ``auth``;
    returns what changed.  Raises :class:`ScopeError` (nothing written).
    ``on_commit`` runs inside the same transaction (the merge report is
    brought up to date there, so a kill never leaves a merged file unreported)."""
    ins = data.inspection
    out = MergeOutcome(inspection_id=ins.id)
    with store.transaction() as c:
        if on_begin is not None:
            on_begin(c)
        row = c.execute("SELECT question_set_id, question_set_version FROM inspections WHERE id = ?", (ins.id,)).fetchone()
        if row is None:
            raise ScopeError(f"inspection {ins.name!r} is not in this database")
        if tuple(row) != (ins.question_set_id, ins.question_set_version):
            raise ScopeError(
                f"the file uses {ins.question_set_id} {ins.question_set_version} but the inspection here uses "
                f"{row[0]} {row[1]}; an inspection never mixes question-set versions: move the laptop's inspection "
                f"to {row[1]} ('migrate-inspection --to {row[1]}' there, with the lead's mapping) and export again"
            )
        _check_scope(c, data, auth)
        touched: set[str] = set()
        for entry in data.cases:
            _merge_case(c, ins.id, entry, auth, out)
            touched.add(entry.case.id)
        out.conflicts_open = refresh_conflicts(c, ins.id, sorted(touched))
        c.execute("INSERT OR IGNORE INTO merged_files (sha256, merge_id, name, signer, at) VALUES (?, ?, ?, ?, ?)",
                  (file_sha, merge_id, file_name, signer, now()))
        tables.audit(c, "merge", signer, inspection_id=ins.id, new={"file": file_name, "sha256": file_sha})
        out.assessors = [auth.assessor] if any(e.assessments for e in data.cases) else []
        if on_commit is not None:
            on_commit(c, out)
    return out


def _merge_case(c: driver.Connection, inspection_id: str, entry: CaseDump, auth: Authority,
                out: MergeOutcome) -> None:
    """One case (in scope) and its assessments, recorded in ``out``."""
    case = entry.case
    stored = c.execute("SELECT details_seq, updated_at, details, deleted_at FROM cases WHERE id = ?",
                       (case.id,)).fetchone()
    changed = False
    if stored is None:
        tables.insert_case(c, inspection_id, case)
        c.execute("INSERT OR IGNORE INTO assignments (inspection_id, case_id, assessor, kind, assigned_at) "
                  "VALUES (?, ?, ?, 'primary', ?)", (inspection_id, case.id, auth.assessor, now()))
        out.added.append(case.reference)
        out.new.append(case.reference)
    elif case.details_seq > stored[0] or (case.details_seq == stored[0] and _legacy_key(case.updated_at, case.details)
                                          > _legacy_key(stored[1], json.loads(stored[2]))):
        # a greater change number, or the same one and the greater (updated_at, details): order-independent
        c.execute("UPDATE cases SET details = ?, updated_at = ?, details_seq = ? WHERE id = ?",
                  (dumps(case.details), case.updated_at, case.details_seq, case.id))
        changed = True
    for ae in entry.assessments:
        changed = _merge_assessment(c, case, ae, out) or changed
    if stored is not None:
        (out.updated if changed else out.unchanged).append(case.reference)
        if stored[3] is not None:  # deleted here: the work is kept, the case stays in the bin (docs/merge.md)
            out.in_bin.append(case.reference)


def _merge_assessment(c: driver.Connection, case: CaseRow, ae: AssessmentDump, out: MergeOutcome) -> bool:
    """One assessment of ``case``; True if anything of it changed."""
    a = ae.assessment
    row = c.execute("SELECT status_seq, seq FROM assessments WHERE id = ?", (a.id,)).fetchone()
    if row is None:
        # a new assessment: every row goes straight in (the common case, kept fast)
        tables.insert_assessment(c, case.id, a)
        tables.write_answers(c, a.id, ae.answers)
        _add_audit(c, case.id, a.id, ae.audit, set())
        return True
    changed = False
    if a.status_seq > row[0]:
        c.execute("UPDATE assessments SET status = ?, updated_at = ?, completed_at = ?, status_seq = ? WHERE id = ?",
                  (a.status, a.updated_at, a.completed_at, a.status_seq, a.id))
        changed = True
    if a.seq > row[1]:
        c.execute("UPDATE assessments SET seq = ? WHERE id = ?", (a.seq, a.id))
    take, held = _sort_answers(c, a.id, ae.answers)
    tables.write_answers(c, a.id, take)
    for n in held:
        cur = c.execute("INSERT INTO held_versions (assessment_id, question_id, value, note, practice, updated_at, "
                  "updated_by, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, question_id) DO UPDATE "
                  "SET value = excluded.value, note = excluded.note, practice = excluded.practice, "
                  "updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq "
                  "WHERE excluded.seq > held_versions.seq",
                  (a.id, n.question_id, dumps(n.value), n.note, int(n.practice), n.updated_at, n.updated_by, n.seq))
        if cur.rowcount:
            out.held.append(f"{case.reference} {n.question_id}")
    stored_digests = {d for (d,) in c.execute(
        "SELECT digest FROM audit WHERE assessment_id = ? AND digest IS NOT NULL", (a.id,))}
    _add_audit(c, case.id, a.id, ae.audit, stored_digests)
    return changed or bool(take) or bool(out.held)


def _sort_answers(c: driver.Connection, assessment_id: str,
                  incoming: list[AnswerRow]) -> tuple[list[AnswerRow], list[AnswerRow]]:
    """Which incoming answers replace the stored ones, and which are held
    beside a lead's decision they did not see."""
    stored = {r[0]: r for r in c.execute(
        "SELECT question_id, value, note, practice, updated_at, seq, origin, base FROM answers WHERE assessment_id = ?",
        (assessment_id,))}
    take, held = [], []
    for n in incoming:
        old = stored.get(n.question_id)
        if old is None:
            take.append(n)
        elif old[6] == "lead":
            if n.seq > old[7]:
                held.append(n)
        elif n.seq > old[5]:
            take.append(n)
        elif n.seq == old[5]:
            # the same version number (a re-export, or a file before change numbers): the greater
            # (updated_at, content) stands, so the result does not depend on the order of files
            old_content = {"value": json.loads(old[1]) if old[1] else None, "note": old[2] or "",
                           "practice": bool(old[3])}
            if _legacy_key(n.updated_at, n.content()) > _legacy_key(old[4], old_content):
                take.append(n)
    return take, held


def _add_audit(c: driver.Connection, case_id: str, assessment_id: str, audit: list[AuditRow],
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


# ---------------------------------------------------------------------------
# Conflicts
# ---------------------------------------------------------------------------


def _versions(c: driver.Connection, case_id: str) -> dict[str, list[dict[str, Any]]]:
    """Per question, every primary reading's version and every held version."""
    prim = c.execute("SELECT id, assessor FROM assessments a WHERE case_id = ? AND kind = 'primary' "
                     f"ORDER BY {tables.READING_ORDER}", (case_id,)).fetchall()
    versions: dict[str, list[dict[str, Any]]] = {}
    for aid, assessor in prim:
        rows = c.execute("SELECT question_id, value, note, updated_at, updated_by, seq, origin, 0 FROM answers "
                         "WHERE assessment_id = ? UNION ALL SELECT question_id, value, note, updated_at, updated_by, "
                         "seq, '', 1 FROM held_versions WHERE assessment_id = ?", (aid, aid)).fetchall()
        for qid, value, note, updated_at, updated_by, seq, origin, is_held in rows:
            if len(prim) < 2 and not is_held and origin != "lead":
                continue
            if value in (None, "null") and not is_held and origin != "lead":
                continue  # a cleared answer is no reading, as one never given is not
            versions.setdefault(qid, []).append({
                "assessment_id": aid, "assessor": "lead inspector's decision" if origin == "lead" else assessor,
                "value": json.loads(value) if value else None, "note": note or "", "updated_at": updated_at,
                "updated_by": updated_by, "seq": seq, "held": bool(is_held), "origin": origin,
            })
    return versions


def refresh_conflicts(c: driver.Connection, inspection_id: str, case_ids: list[str]) -> int:
    """Recompute per-answer conflicts of the cases.  A resolved conflict whose
    readings changed since the decision (a new version number on any side, or
    a held version) is reopened; a decision is never silently kept over new work."""
    for case_id in case_ids:
        for qid, vs in _versions(c, case_id).items():
            distinct = {dumps(v["value"]) for v in vs}
            existing = c.execute("SELECT id, status, versions FROM conflicts WHERE case_id = ? AND question_id = ?",
                                 (case_id, qid)).fetchone()
            if len(vs) < 2 or len(distinct) < 2:
                if existing is not None and existing[1] == "open":
                    # readings agree again: an undecided conflict goes; a decided one returns to its decision
                    c.execute("DELETE FROM conflicts WHERE id = ? AND resolution IS NULL", (existing[0],))
                    c.execute("UPDATE conflicts SET status = 'resolved', versions = ? WHERE id = ? "
                              "AND resolution IS NOT NULL", (dumps(sorted(vs, key=lambda v: (v["assessment_id"],
                                                                                      v["held"]))), existing[0]))
                continue
            vs_sorted = sorted(vs, key=lambda v: (v["assessment_id"], v["held"]))
            if existing is None:
                c.execute(
                    "INSERT INTO conflicts (id, inspection_id, case_id, question_id, versions, status) VALUES (?, ?, ?, ?, ?, 'open')",
                    (_conflict_id(case_id, qid), inspection_id, case_id, qid, dumps(vs_sorted)),
                )
                continue
            reopen = existing[1] == "resolved" and _sides(json.loads(existing[2])) != _sides(vs_sorted)
            c.execute("UPDATE conflicts SET versions = ?, status = CASE WHEN ? THEN 'open' ELSE status END "
                      "WHERE id = ?", (dumps(vs_sorted), reopen, existing[0]))
    row = c.execute("SELECT count(*) FROM conflicts WHERE inspection_id = ? AND status = 'open'", (inspection_id,)).fetchone()
    return int(row[0])


def _sides(versions: list[dict[str, Any]]) -> set[tuple[str, int, bool]]:
    """The assessor versions a decision was made on (the lead's own row aside)."""
    return {(v["assessment_id"], int(v.get("seq", 0)), bool(v.get("held"))) for v in versions
            if v.get("origin") != "lead"}


def _conflict_id(case_id: str, question_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"case-assessor:conflict:{case_id}:{question_id}"))


def list_conflicts(store: Store, inspection_id: str, status: str | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT k.*, c.reference FROM conflicts k JOIN cases c ON c.id = k.case_id WHERE k.inspection_id = ? "
           "AND c.deleted_at IS NULL"
           + (" AND k.status = ?" if status else "") + " ORDER BY c.reference, k.question_id")
    rows = store.query(sql, (inspection_id, status) if status else (inspection_id,))
    out = []
    for r in rows:
        d = {k: r[k] for k in r.keys()}
        d["versions"] = json.loads(d["versions"])
        d["resolution"] = json.loads(d["resolution"]) if d["resolution"] else None
        out.append(d)
    return out


class AlreadyDecided(ValueError):
    """The conflict was decided already; changing a decision must be asked for."""


def resolve_conflict(store: Store, conflict_id: str, value: Any, note: str | None, who: str, why: str, *,
                     change: bool = False) -> None:
    """Record the lead's decision and apply it to the case's scoring (first
    primary) assessment, with who, when and why.  The decision is stored as a
    version of its own (``origin`` lead, ``base`` the newest assessor version
    it saw), so later assessor changes reopen it instead of overwriting it.
    A decided conflict is changed only with ``change`` (audited as
    ``change_conflict_decision``, the earlier decision kept in the row);
    otherwise :class:`AlreadyDecided` and nothing is written."""
    resolve_conflicts(store, [(conflict_id, value, note)], who, why, change=change)


def resolve_conflicts(store: Store, decisions: list[tuple[str, Any, str | None]], who: str, why: str, *,
                      change: bool = False) -> None:
    """Several decisions (conflict id, value, note) with one reason, all or none."""
    with store.transaction() as c:
        t = now()
        for conflict_id, value, note in decisions:
            _decide(c, conflict_id, value, note, who, why, t, change)


def _decide(c: driver.Connection, conflict_id: str, value: Any, note: str | None, who: str, why: str, t: str,
            change: bool) -> None:
    row = c.execute("SELECT case_id, question_id, status, resolution, resolved_by, why FROM conflicts WHERE id = ?",
                    (conflict_id,)).fetchone()
    if row is None:
        raise KeyError(conflict_id)
    case_id, qid, status, earlier, earlier_by, earlier_why = row
    if status == "resolved" and not change:
        raise AlreadyDecided(f"this conflict was decided already by {earlier_by} ({earlier_why})")
    prim = c.execute("SELECT id FROM assessments a WHERE case_id = ? AND kind = 'primary' "
                     f"ORDER BY {tables.READING_ORDER} LIMIT 1", (case_id,)).fetchone()
    old = c.execute("SELECT value, note, practice, seq, base FROM answers WHERE assessment_id = ? AND question_id = ?",
                    (prim[0], qid)).fetchone()
    held = c.execute("SELECT seq FROM held_versions WHERE assessment_id = ? AND question_id = ?",
                     (prim[0], qid)).fetchone()
    base = max([0, *(int(x) for x in (old[3], old[4]) if old), *(int(held[0]) for _ in [0] if held)])
    keep_note = old[1] if old else ""
    new_note = keep_note if note is None else note
    tables.write_answers(c, prim[0], [AnswerRow(qid, value, new_note, bool(old[2]) if old else False, t, who,
                                                base, "lead", base)])
    c.execute("DELETE FROM held_versions WHERE assessment_id = ? AND question_id = ?", (prim[0], qid))
    resolution = {"value": value, "note": new_note}
    decided = sorted(_versions(c, case_id).get(qid, []), key=lambda v: (v["assessment_id"], v["held"]))
    c.execute("UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?, why = ?, "
              "versions = ? WHERE id = ?", (dumps(resolution), who, t, why, dumps(decided), conflict_id))
    before: dict[str, Any] = {"value": json.loads(old[0]) if old and old[0] else None, "note": keep_note}
    if status == "resolved":
        before |= {"decision": json.loads(earlier) if earlier else None, "by": earlier_by, "why": earlier_why}
    tables.audit(c, "change_conflict_decision" if status == "resolved" else "resolve_conflict", who,
                 case_id=case_id, assessment_id=prim[0], question_id=qid, old=before,
                 new={**resolution, "why": why}, at=t)


def trust_key(store: Store, fp: str, public_key: str, name: str, who: str) -> None:
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO trusted_keys (fingerprint, public_key, name, trusted_at, trusted_by) "
                  "VALUES (?, ?, ?, ?, ?)", (fp, public_key, name, now(), who))


def trusted_keys(store: Store) -> dict[str, dict[str, str]]:
    return {r[0]: {"public_key": r[1], "name": r[2]} for r in
            store.query("SELECT fingerprint, public_key, name FROM trusted_keys")}


def write_report(c: driver.Connection, merge_id: str, who: str, report: dict[str, Any]) -> None:
    """Store (or bring up to date) one merge's report, in the caller's transaction."""
    c.execute("INSERT INTO merges (id, at, who, report) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
              "report = excluded.report", (merge_id, now(), who, dumps(report)))


def record_merge(store: Store, merge_id: str, who: str, report: dict[str, Any]) -> None:
    """Store (or bring up to date) one merge's report."""
    with store.transaction() as c:
        write_report(c, merge_id, who, report)


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
        "SELECT case_id, count(*) FROM conflicts k WHERE inspection_id = ? AND status = 'open' AND NOT EXISTS "
        "(SELECT 1 FROM cases c WHERE c.id = k.case_id AND c.deleted_at IS NOT NULL) GROUP BY case_id",
        (inspection_id,),
    )
    return {r[0]: int(r[1]) for r in rows}
