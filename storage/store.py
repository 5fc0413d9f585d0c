"""The case store: every SQL statement of Case Assessor lives in ``storage/``.

:class:`Store` is the facade the rest of the program uses: settings,
inspections, cases, assessments, answers, audit, grades, and the
whole-inspection dump and load of the assessment bundle.  The connection,
transactions and error mapping are :class:`storage.db.Database`'s; each
table's INSERT is in :mod:`storage.tables`; the typed rows are in
:mod:`storage.rows` (re-exported here, so ``from storage.store import
CaseRow`` keeps working).

Each write is one transaction, committed before the call returns, so an answer
is durable when :meth:`Store.save_answer` returns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storage import chain, driver, tables
from storage.db import Database, dumps, new_id, now
from storage.errors import (
    CannotOpen,
    Corrupt,
    DatabaseBusy,
    DiskError,
    DiskFull,
    NewerDatabaseError,
    ReadOnly,
    StorageError,
    mapped_errors,
)
from storage.rows import (
    AnswerRow,
    AssessmentDump,
    AssessmentRow,
    AuditRow,
    CaseDump,
    CaseRow,
    CaseSummary,
    GradeRow,
    InspectionDump,
    InspectionRow,
)

__all__ = [  # the rows and errors are re-exported: callers import them from here
    "Store", "now", "new_id", "StorageError", "DatabaseBusy", "DiskFull", "DiskError", "ReadOnly", "Corrupt",
    "CannotOpen", "NewerDatabaseError", "InspectionRow", "CaseRow", "AssessmentRow", "AnswerRow", "AuditRow",
    "GradeRow", "CaseSummary", "InspectionDump", "CaseDump", "AssessmentDump",
]

class Store(Database):
    """An open Case Assessor database."""

    # -- settings -----------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    # -- inspections --------------------------------------------------------
    def create_inspection(
        self,
        name: str,
        question_set_id: str,
        question_set_version: str,
        *,
        area: str = "",
        start_date: str = "",
        end_date: str = "",
        who: str = "system",
        inspection_id: str | None = None,
    ) -> str:
        iid = inspection_id or new_id()
        ins = InspectionRow(iid, name, area, question_set_id, question_set_version, start_date, end_date, now())
        with self.transaction() as c:
            tables.insert_inspection(c, ins)
            tables.audit(c, "create_inspection", who, inspection_id=iid,
                         new={"name": name, "question_set": question_set_id})
        return iid

    def list_inspections(self) -> list[InspectionRow]:
        return [tables.inspection_row(r) for r in self.query(
            "SELECT * FROM inspections WHERE deleted_at IS NULL ORDER BY created_at, id")]

    def get_inspection(self, inspection_id: str) -> InspectionRow:
        rows = self.query("SELECT * FROM inspections WHERE id = ?", (inspection_id,))
        if not rows:
            raise KeyError(inspection_id)
        return tables.inspection_row(rows[0])

    def find_inspection(self, key: str) -> InspectionRow:
        """By id, unique id prefix, or exact name."""
        rows = self.query(
            "SELECT id FROM inspections WHERE (id = ? OR name = ? OR id LIKE ?) AND deleted_at IS NULL "
            "ORDER BY created_at",
            (key, key, key.replace("%", "").replace("_", "") + "%"),
        )
        ids = list(dict.fromkeys(r[0] for r in rows))
        if len(ids) != 1:
            raise KeyError(key)
        return self.get_inspection(ids[0])

    # -- cases --------------------------------------------------------------
    def add_cases(
        self, inspection_id: str, cases: Sequence[tuple[str, dict[str, Any]]], who: str = "system"
    ) -> list[str]:
        """Add several cases in one transaction (all or none)."""
        ids = []
        with self.transaction() as c:
            for reference, details in cases:
                t = now()
                case = CaseRow(new_id(), inspection_id, reference, details, t, t)
                try:
                    tables.insert_case(c, inspection_id, case)
                except driver.IntegrityError as e:
                    if "UNIQUE" in str(e):
                        raise ValueError(f"case reference {reference!r} is already in this inspection") from e
                    raise ValueError(f"inspection {inspection_id!r} does not exist") from e
                tables.audit(c, "add_case", who, inspection_id=inspection_id, case_id=case.id,
                             new={"reference": reference})
                ids.append(case.id)
        return ids

    def add_case(self, inspection_id: str, reference: str, details: dict[str, Any], who: str = "system") -> str:
        return self.add_cases(inspection_id, [(reference, details)], who)[0]

    def list_cases(self, inspection_id: str) -> list[CaseRow]:
        rows = self.query("SELECT * FROM cases WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY reference",
                          (inspection_id,))
        return [tables.case_row(r) for r in rows]

    def get_case(self, case_id: str) -> CaseRow:
        rows = self.query("SELECT * FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise KeyError(case_id)
        return tables.case_row(rows[0])

    def find_case(self, reference: str, inspection_id: str | None = None) -> CaseRow:
        if inspection_id:
            rows = self.query(
                "SELECT * FROM cases WHERE reference = ? AND inspection_id = ? AND deleted_at IS NULL",
                (reference, inspection_id)
            )
        else:
            rows = self.query("SELECT * FROM cases WHERE (reference = ? OR id = ?) AND deleted_at IS NULL",
                              (reference, reference))
        if len(rows) != 1:
            raise KeyError(reference)
        return tables.case_row(rows[0])

    def update_case_details(self, case_id: str, details: dict[str, Any], who: str) -> None:
        with self.transaction() as c:
            old = c.execute("SELECT details, inspection_id FROM cases WHERE id = ?", (case_id,)).fetchone()
            if old is None:
                raise KeyError(case_id)
            if json.loads(old[0]) == details:
                return
            c.execute("UPDATE cases SET details = ?, updated_at = ?, details_seq = details_seq + 1 WHERE id = ?",
                      (dumps(details), now(), case_id))
            tables.audit(c, "case_details", who, inspection_id=old[1], case_id=case_id, old=json.loads(old[0]),
                         new=details)

    # -- assessments ----------------------------------------------------------
    def assessments_for_case(self, case_id: str) -> list[AssessmentRow]:
        rows = self.query(f"SELECT * FROM assessments a WHERE case_id = ? ORDER BY {tables.READING_ORDER}", (case_id,))
        return [tables.assessment_row(r) for r in rows]

    def get_assessment(self, assessment_id: str) -> AssessmentRow:
        rows = self.query("SELECT * FROM assessments WHERE id = ?", (assessment_id,))
        if not rows:
            raise KeyError(assessment_id)
        return tables.assessment_row(rows[0])

    def start_assessment(
        self, case_id: str, assessor: str, question_set_version: str, *, kind: str = "primary"
    ) -> str:
        t = now()
        a = AssessmentRow(new_id(), case_id, assessor, question_set_version, "in_progress", kind, None, t, t, None,
                          None)
        with self.transaction() as c:
            tables.insert_assessment(c, case_id, a)
            tables.audit(c, "start_assessment", assessor, case_id=case_id, assessment_id=a.id, new={"kind": kind})
        return a.id

    def primary_assessment(self, case_id: str, kind: str = "primary") -> AssessmentRow | None:
        """The case's first reading of ``kind`` (a QA reader's laptop works on its ``qa`` reading)."""
        rows = self.query(
            f"SELECT * FROM assessments a WHERE case_id = ? AND kind = ? ORDER BY {tables.READING_ORDER} LIMIT 1",
            (case_id, kind),
        )
        return tables.assessment_row(rows[0]) if rows else None

    def set_status(self, assessment_id: str, status: str, who: str, why: str = "") -> None:
        """Mark a reading complete or reopen it; refused (PermissionError) while
        its review locks it (:func:`models.review.edit_refusal`; ``why``: the reason)."""
        if status not in ("in_progress", "complete"):
            raise ValueError(status)
        with self.transaction() as c:
            row = c.execute("SELECT status, case_id FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
            if row is None:
                raise KeyError(assessment_id)
            if row[0] == status:
                return
            _check_review(c, assessment_id, who, why)
            t = now()
            c.execute(
                "UPDATE assessments SET status = ?, updated_at = ?, completed_at = ?, seq = seq + 1, "
                "status_seq = seq + 1 WHERE id = ?",
                (status, t, t if status == "complete" else None, assessment_id),
            )
            tables.audit(c, "complete" if status == "complete" else "reopen", who, case_id=row[1],
                         assessment_id=assessment_id, old=row[0], new={"status": status, "why": why} if why else status,
                         at=t)

    def set_position(self, assessment_id: str, question_id: str) -> None:
        """Remember where the assessor is (not audited: not a change of data)."""
        with self.transaction() as c:
            c.execute("UPDATE assessments SET position = ? WHERE id = ?", (question_id, assessment_id))

    # -- answers --------------------------------------------------------------
    def save_answer(
        self,
        assessment_id: str,
        question_id: str,
        *,
        value: Any,
        note: str = "",
        practice: bool = False,
        who: str,
        action: str = "answer",
        why: str = "",
    ) -> bool:
        """Store one answer durably, with its audit row.  ``value`` None with an
        empty note and no flag clears the answer: the row stays as a tombstone
        (value null) so the clearing travels to the lead inspector.  Every change
        takes the assessment's next change number (``seq``).  Returns False if
        nothing changed.  ``why`` (a correction's reason) is recorded in the audit row."""
        new = {"value": value, "note": note or "", "practice": bool(practice)}
        clear = value is None and not note and not practice
        with self.transaction() as c:
            row = c.execute(
                "SELECT a.status, a.case_id, n.value, n.note, n.practice FROM assessments a "
                "LEFT JOIN answers n ON n.assessment_id = a.id AND n.question_id = ? WHERE a.id = ?",
                (question_id, assessment_id),
            ).fetchone()
            if row is None:
                raise KeyError(assessment_id)
            approved = _check_review(c, assessment_id, who, why)
            if row[0] == "complete" and not approved:
                raise PermissionError("this case is marked complete; reopen it to change answers")
            old = None
            if row[2] is not None or row[3] is not None:
                old = {"value": json.loads(row[2]) if row[2] else None, "note": row[3] or "", "practice": bool(row[4])}
                if old == {"value": None, "note": "", "practice": False}:
                    old = None  # a tombstone: the answer was cleared
            if old == (None if clear else new):
                return False
            t = now()
            seq = c.execute("UPDATE assessments SET updated_at = ?, seq = seq + 1 WHERE id = ? RETURNING seq",
                            (t, assessment_id)).fetchone()[0]
            tables.write_answers(c, assessment_id,
                                 [AnswerRow(question_id, value, new["note"], new["practice"], t, who, seq)])
            tables.audit(c, action, who, case_id=row[1], assessment_id=assessment_id, question_id=question_id,
                         old=old, new={**new, "why": why} if why else None if clear else new, at=t)
        return True

    def answers(self, assessment_id: str) -> dict[str, AnswerRow]:
        rows = self.query(
            "SELECT question_id, value, note, practice, updated_at, updated_by, seq, origin, base FROM answers "
            "WHERE assessment_id = ?",
            (assessment_id,),
        )
        return {r[0]: tables.answer_row(r) for r in rows}

    def audit_rows(
        self, *, assessment_id: str | None = None, case_id: str | None = None, inspection_id: str | None = None
    ) -> list[AuditRow]:
        """The audit trail of one assessment, case or inspection (or all of it), oldest first."""
        if assessment_id:
            rows = self.query("SELECT * FROM audit WHERE assessment_id = ? ORDER BY id", (assessment_id,))
        elif case_id:
            rows = self.query("SELECT * FROM audit WHERE case_id = ? ORDER BY id", (case_id,))
        elif inspection_id:
            rows = self.query(
                "SELECT * FROM audit WHERE inspection_id = ? OR case_id IN (SELECT id FROM cases WHERE inspection_id = ?) "
                "ORDER BY id",
                (inspection_id, inspection_id),
            )
        else:
            rows = self.query("SELECT * FROM audit ORDER BY id")
        return [tables.audit_row(r) for r in rows]

    def verify_audit(self, since: tuple[int, str] | None = None) -> chain.VerifyResult:
        """Check the audit trail's hash chain; the first broken link, if any.
        ``since`` = (row id, its chain) checks only the rows after a point
        verified before (that row must still carry that chain)."""
        cols = ", ".join(chain.COLUMNS)
        with mapped_errors():
            if since is None:
                return chain.verify(self.conn.execute(f"SELECT {cols}, chain FROM audit ORDER BY id"))
            row = self.conn.execute("SELECT chain FROM audit WHERE id = ?", (since[0],)).fetchone()
            if row is None or row[0] != since[1]:
                return chain.VerifyResult(False, 0, since[0], f"row {since[0]}, checked before, was changed or removed")
            cur = self.conn.execute(f"SELECT {cols}, chain FROM audit WHERE id > ? ORDER BY id", (since[0],))
            return chain.verify(cur, since[1], since[0])

    def audit_head(self) -> tuple[int, str] | None:
        """The last audit row's (id, chain): a point later checks can start from."""
        row = self.conn.execute("SELECT id, chain FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None

    # -- bulk reads for scoring and the case list ----------------------------
    def case_summaries(self, inspection_id: str, kind: str = "primary") -> list[CaseSummary]:
        """Every case with its primary (or ``kind``) assessment and answers, in three queries."""
        cases = self.list_cases(inspection_id)
        arows = self.query(
            "SELECT a.* FROM assessments a JOIN cases c ON c.id = a.case_id "
            f"WHERE c.inspection_id = ? AND a.kind = ? ORDER BY {tables.READING_ORDER}",
            (inspection_id, kind),
        )
        primary: dict[str, AssessmentRow] = {}
        for r in arows:
            primary.setdefault(r["case_id"], tables.assessment_row(r))
        ans: dict[str, dict[str, Any]] = {a.id: {} for a in primary.values()}
        last: dict[str, str] = {}
        loads = json.loads
        with mapped_errors():
            cur = self.conn.execute(
                "SELECT n.assessment_id, n.question_id, n.value, n.updated_at FROM answers n "
                "JOIN assessments a ON a.id = n.assessment_id JOIN cases c ON c.id = a.case_id "
                "WHERE c.inspection_id = ? AND a.kind = ?",
                (inspection_id, kind),
            )
            for aid, qid, value, at in cur:
                d = ans.get(aid)
                if d is None:
                    continue
                if value is not None and value != "null":  # "null": a cleared answer (tombstone)
                    d[qid] = loads(value)
                if at > last.get(aid, ""):
                    last[aid] = at
        out = []
        for case in cases:
            a = primary.get(case.id)
            answers = ans.get(a.id, {}) if a else {}
            out.append(CaseSummary(case=case, assessment=a, answered=len(answers),
                                   last_edit=last.get(a.id) if a else None, answers=answers))
        return out

    # -- inspection grades (OMI2 section 4) ---------------------------------
    def set_grade(self, inspection_id: str, code: str, value: str | None, note: str, who: str) -> None:
        with self.transaction() as c:
            old = c.execute(
                "SELECT value, note FROM inspection_grades WHERE inspection_id = ? AND code = ?", (inspection_id, code)
            ).fetchone()
            _write_grades(c, inspection_id, {code: GradeRow(value, note, now(), who)})
            tables.audit(c, "grade", who, inspection_id=inspection_id, question_id=code,
                         old={"value": old[0], "note": old[1]} if old else None, new={"value": value, "note": note})

    def grades(self, inspection_id: str) -> dict[str, GradeRow]:
        rows = self.query(
            "SELECT code, value, note, updated_at, updated_by FROM inspection_grades WHERE inspection_id = ?",
            (inspection_id,),
        )
        return {r[0]: GradeRow(r[1], r[2] or "", r[3], r[4]) for r in rows}

    # -- whole-inspection dump and load (the assessment bundle) --------------
    def dump_inspection(self, inspection_id: str) -> InspectionDump:
        """Every stored row of one inspection."""
        cases = []
        for case in self.list_cases(inspection_id):
            assessments = []
            for a in self.assessments_for_case(case.id):
                answers = self.answers(a.id)
                assessments.append(AssessmentDump(a, [answers[k] for k in sorted(answers)],
                                                  self.audit_rows(assessment_id=a.id)))
            cases.append(CaseDump(case, assessments))
        return InspectionDump(self.get_inspection(inspection_id), cases, self.grades(inspection_id))

    def load_inspection(self, data: InspectionDump, who: str) -> None:
        """Write a whole inspection (as produced by the bundle reader) in one
        transaction, its audit row naming ``who``.  Refuses an inspection id
        that already exists."""
        ins = data.inspection
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM inspections WHERE id = ?", (ins.id,)).fetchone():
                raise ValueError(
                    f"inspection {ins.name!r} ({ins.id}) is already in this database; nothing was imported"
                )
            tables.insert_inspection(c, ins)
            _write_grades(c, ins.id, dict(sorted(data.grades.items())))
            for entry in data.cases:
                _load_case(c, ins.id, entry)
            tables.audit(c, "import_bundle", who, inspection_id=ins.id, new={"cases": len(data.cases)})


def _check_review(c: driver.Connection, assessment_id: str, who: str, why: str) -> bool:
    from storage.review import check_edit  # that module imports this one

    return check_edit(c, assessment_id, who, why)


def _write_grades(c: driver.Connection, inspection_id: str, grades: dict[str, GradeRow]) -> None:
    c.executemany(
        "INSERT OR REPLACE INTO inspection_grades (inspection_id, code, value, note, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(inspection_id, code, g.value, g.note, g.updated_at, g.updated_by) for code, g in grades.items()],
    )


def _load_case(c: driver.Connection, inspection_id: str, entry: CaseDump) -> None:
    """One case of :meth:`Store.load_inspection`, with its assessments, answers and audit rows."""
    case = entry.case
    try:
        tables.insert_case(c, inspection_id, case)
    except driver.IntegrityError as e:
        raise ValueError(f"case {case.reference!r} ({case.id}) clashes with one already stored") from e
    for ae in entry.assessments:
        a = ae.assessment
        try:
            tables.insert_assessment(c, case.id, a)
        except driver.IntegrityError as e:
            raise ValueError(f"assessment {a.id} clashes with one already stored") from e
        tables.write_answers(c, a.id, ae.answers)
        tables.write_audit(c, [AuditRow(r.at, r.who, r.action, r.question_id, r.old, r.new, r.inspection_id, case.id,
                                        a.id) for r in ae.audit])
