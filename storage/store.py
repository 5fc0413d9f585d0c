"""The case store: every SQL statement of Case Assessor lives in ``storage/``.

The database runs in WAL mode with ``synchronous=FULL`` and foreign keys on.
Each write is one transaction, committed before the call returns, so an answer
is durable when :meth:`Store.save_answer` returns.  Environment problems
(locked, full, corrupt, unreadable) become :class:`StorageError` with a message
fit for the user; nothing half-written is left behind.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from storage.schema import SCHEMA_VERSION, StorageError, migrate

__all__ = ["Store", "StorageError", "CaseRow", "AssessmentRow", "AnswerRow", "InspectionRow", "now"]


def now() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_id() -> str:
    return str(uuid.uuid4())


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _dumps(value: Any) -> str:
    """Canonical JSON text (one encoder, built once: merging calls this per answer)."""
    return _ENCODE(value)


def _explain(e: sqlite3.Error) -> StorageError:
    msg = str(e).lower()
    if "locked" in msg or "busy" in msg:
        text = "The database is locked by another program. Close it there, then try again."
    elif "full" in msg or "disk i/o" in msg:
        text = "The disk is full or could not be written. Free some space, then try again."
    elif "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        text = "The database file is damaged or is not a Case Assessor database."
    elif "readonly" in msg or "read-only" in msg:
        text = "The database is read-only. Check the file's permissions."
    elif "unable to open" in msg:
        text = "The database file could not be opened. Check that its folder exists and is writable."
    else:
        text = f"The database reported an error: {e}"
    return StorageError(text)


@dataclass(frozen=True)
class InspectionRow:
    id: str
    name: str
    area: str
    question_set_id: str
    question_set_version: str
    start_date: str
    end_date: str
    created_at: str


@dataclass(frozen=True)
class CaseRow:
    id: str
    inspection_id: str
    reference: str
    details: dict[str, Any]
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    case_id: str
    assessor: str
    question_set_version: str
    status: str
    kind: str
    lineage: str | None
    created_at: str
    updated_at: str
    completed_at: str | None
    position: str | None


class AnswerRow(NamedTuple):
    """One stored answer (a named tuple: merging builds hundreds of thousands)."""

    question_id: str
    value: Any
    note: str = ""
    practice: bool = False
    updated_at: str = ""
    updated_by: str = ""

    def content(self) -> dict[str, Any]:
        return {"value": self.value, "note": self.note, "practice": self.practice}


@dataclass
class CaseSummary:
    """One row of the case list."""

    case: CaseRow
    assessment: AssessmentRow | None
    answered: int = 0
    last_edit: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)


class Store:
    """An open Case Assessor database."""

    def __init__(self, path: str | Path, *, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.backup_path: Path | None = None
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
        except OSError as e:
            raise StorageError(f"The database folder could not be created: {e.strerror or e}") from e
        except sqlite3.Error as e:
            raise _explain(e) from e
        self.conn = conn
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(path) != ":memory:" and mode.lower() != "wal":
                raise StorageError("The database could not be switched to WAL mode.")
            conn.execute("PRAGMA synchronous = FULL")
            self.backup_path = migrate(conn, None if str(path) == ":memory:" else self.path)
        except sqlite3.Error as e:
            conn.close()
            raise _explain(e) from e
        except StorageError:
            conn.close()
            raise

    # -- plumbing -----------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def bulk_writes(self, wal_pages: int = 25_000) -> Iterator[None]:
        """Many write transactions in a row (a merge of many files).  Every
        commit is still durable; only the checkpoint that copies the
        write-ahead log into the database waits until the log is ~100 MB rather
        than 4 MB (checkpointing after every file doubled the merge's commits)."""
        old = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self.conn.execute(f"PRAGMA wal_autocheckpoint={int(wal_pages)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint={old}")
            try:  # copy the log into the database and give its disk space back
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # the log is checkpointed later; nothing is lost

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise _explain(e) from e
        try:
            yield self.conn
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.Error):
                raise _explain(exc) from exc
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise _explain(e) from e

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return list(cur.fetchall())
        except sqlite3.Error as e:
            raise _explain(e) from e

    def integrity_ok(self) -> bool:
        return bool(self._query("PRAGMA integrity_check")[0][0] == "ok")

    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    @staticmethod
    def expected_schema_version() -> int:
        return SCHEMA_VERSION

    def _audit(
        self,
        action: str,
        who: str,
        *,
        inspection_id: str | None = None,
        case_id: str | None = None,
        assessment_id: str | None = None,
        question_id: str | None = None,
        old: Any = None,
        new: Any = None,
        at: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, who, action, inspection_id, case_id, assessment_id, question_id, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at or now(),
                who,
                action,
                inspection_id,
                case_id,
                assessment_id,
                question_id,
                None if old is None else _dumps(old),
                None if new is None else _dumps(new),
            ),
        )

    # -- settings -----------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
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
        with self.transaction() as c:
            c.execute(
                "INSERT INTO inspections (id, name, area, question_set_id, question_set_version, start_date, end_date, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (iid, name, area, question_set_id, question_set_version, start_date, end_date, now()),
            )
            self._audit("create_inspection", who, inspection_id=iid, new={"name": name, "question_set": question_set_id})
        return iid

    def list_inspections(self) -> list[InspectionRow]:
        rows = self._query("SELECT * FROM inspections ORDER BY created_at, id")
        return [InspectionRow(**{k: (r[k] or "") for k in r.keys()}) for r in rows]

    def get_inspection(self, inspection_id: str) -> InspectionRow:
        rows = self._query("SELECT * FROM inspections WHERE id = ?", (inspection_id,))
        if not rows:
            raise KeyError(inspection_id)
        r = rows[0]
        return InspectionRow(**{k: (r[k] or "") for k in r.keys()})

    def find_inspection(self, key: str) -> InspectionRow:
        """By id, unique id prefix, or exact name."""
        rows = self._query(
            "SELECT id FROM inspections WHERE id = ? OR name = ? OR id LIKE ? ORDER BY created_at",
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
                cid = new_id()
                t = now()
                try:
                    c.execute(
                        "INSERT INTO cases (id, inspection_id, reference, details, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (cid, inspection_id, reference, _dumps(details), t, t),
                    )
                except sqlite3.IntegrityError as e:
                    if "UNIQUE" in str(e):
                        raise ValueError(f"case reference {reference!r} is already in this inspection") from e
                    raise ValueError(f"inspection {inspection_id!r} does not exist") from e
                self._audit("add_case", who, inspection_id=inspection_id, case_id=cid, new={"reference": reference})
                ids.append(cid)
        return ids

    def add_case(self, inspection_id: str, reference: str, details: dict[str, Any], who: str = "system") -> str:
        return self.add_cases(inspection_id, [(reference, details)], who)[0]

    def _case(self, r: sqlite3.Row) -> CaseRow:
        return CaseRow(
            id=r["id"],
            inspection_id=r["inspection_id"],
            reference=r["reference"],
            details=json.loads(r["details"]),
            created_at=r["created_at"] or "",
            updated_at=r["updated_at"] or "",
        )

    def list_cases(self, inspection_id: str) -> list[CaseRow]:
        rows = self._query("SELECT * FROM cases WHERE inspection_id = ? ORDER BY reference", (inspection_id,))
        return [self._case(r) for r in rows]

    def get_case(self, case_id: str) -> CaseRow:
        rows = self._query("SELECT * FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise KeyError(case_id)
        return self._case(rows[0])

    def find_case(self, reference: str, inspection_id: str | None = None) -> CaseRow:
        if inspection_id:
            rows = self._query(
                "SELECT * FROM cases WHERE reference = ? AND inspection_id = ?", (reference, inspection_id)
            )
        else:
            rows = self._query("SELECT * FROM cases WHERE reference = ? OR id = ?", (reference, reference))
        if len(rows) != 1:
            raise KeyError(reference)
        return self._case(rows[0])

    def update_case_details(self, case_id: str, details: dict[str, Any], who: str) -> None:
        with self.transaction() as c:
            old = c.execute("SELECT details, inspection_id FROM cases WHERE id = ?", (case_id,)).fetchone()
            if old is None:
                raise KeyError(case_id)
            if json.loads(old[0]) == details:
                return
            c.execute("UPDATE cases SET details = ?, updated_at = ? WHERE id = ?", (_dumps(details), now(), case_id))
            self._audit(
                "case_details", who, inspection_id=old[1], case_id=case_id, old=json.loads(old[0]), new=details
            )

    # -- assessments ----------------------------------------------------------
    def _assessment(self, r: sqlite3.Row) -> AssessmentRow:
        return AssessmentRow(**{k: r[k] for k in r.keys()})

    def assessments_for_case(self, case_id: str) -> list[AssessmentRow]:
        rows = self._query("SELECT * FROM assessments WHERE case_id = ? ORDER BY created_at, id", (case_id,))
        return [self._assessment(r) for r in rows]

    def get_assessment(self, assessment_id: str) -> AssessmentRow:
        rows = self._query("SELECT * FROM assessments WHERE id = ?", (assessment_id,))
        if not rows:
            raise KeyError(assessment_id)
        return self._assessment(rows[0])

    def start_assessment(
        self, case_id: str, assessor: str, question_set_version: str, *, kind: str = "primary"
    ) -> str:
        aid = new_id()
        t = now()
        with self.transaction() as c:
            c.execute(
                "INSERT INTO assessments (id, case_id, assessor, question_set_version, status, kind, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?)",
                (aid, case_id, assessor, question_set_version, kind, t, t),
            )
            self._audit("start_assessment", assessor, case_id=case_id, assessment_id=aid, new={"kind": kind})
        return aid

    def primary_assessment(self, case_id: str) -> AssessmentRow | None:
        rows = self._query(
            "SELECT * FROM assessments WHERE case_id = ? AND kind = 'primary' ORDER BY created_at, id LIMIT 1",
            (case_id,),
        )
        return self._assessment(rows[0]) if rows else None

    def set_status(self, assessment_id: str, status: str, who: str) -> None:
        if status not in ("in_progress", "complete"):
            raise ValueError(status)
        with self.transaction() as c:
            row = c.execute("SELECT status, case_id FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
            if row is None:
                raise KeyError(assessment_id)
            if row[0] == status:
                return
            t = now()
            c.execute(
                "UPDATE assessments SET status = ?, updated_at = ?, completed_at = ? WHERE id = ?",
                (status, t, t if status == "complete" else None, assessment_id),
            )
            self._audit(
                "complete" if status == "complete" else "reopen",
                who,
                case_id=row[1],
                assessment_id=assessment_id,
                old=row[0],
                new=status,
                at=t,
            )

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
    ) -> bool:
        """Store one answer durably, with its audit row.  ``value`` None with an
        empty note and no flag clears the answer.  Returns False if nothing changed."""
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
            if row[0] == "complete":
                raise PermissionError("this case is marked complete; reopen it to change answers")
            old = None
            if row[2] is not None or row[3] is not None:
                old = {"value": json.loads(row[2]) if row[2] else None, "note": row[3] or "", "practice": bool(row[4])}
            if old == (None if clear else new):
                return False
            t = now()
            if clear:
                c.execute(
                    "DELETE FROM answers WHERE assessment_id = ? AND question_id = ?", (assessment_id, question_id)
                )
            else:
                c.execute(
                    "INSERT INTO answers (assessment_id, question_id, value, note, practice, updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, question_id) DO UPDATE SET "
                    "value = excluded.value, note = excluded.note, practice = excluded.practice, "
                    "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                    (assessment_id, question_id, _dumps(value), new["note"], int(new["practice"]), t, who),
                )
            c.execute("UPDATE assessments SET updated_at = ? WHERE id = ?", (t, assessment_id))
            self._audit(
                action,
                who,
                case_id=row[1],
                assessment_id=assessment_id,
                question_id=question_id,
                old=old,
                new=None if clear else new,
                at=t,
            )
        return True

    def answers(self, assessment_id: str) -> dict[str, AnswerRow]:
        rows = self._query(
            "SELECT question_id, value, note, practice, updated_at, updated_by FROM answers WHERE assessment_id = ?",
            (assessment_id,),
        )
        return {
            r[0]: AnswerRow(
                question_id=r[0],
                value=json.loads(r[1]) if r[1] else None,
                note=r[2] or "",
                practice=bool(r[3]),
                updated_at=r[4],
                updated_by=r[5],
            )
            for r in rows
        }

    def audit_rows(
        self, *, assessment_id: str | None = None, case_id: str | None = None, inspection_id: str | None = None
    ) -> list[dict[str, Any]]:
        if assessment_id:
            rows = self._query("SELECT * FROM audit WHERE assessment_id = ? ORDER BY id", (assessment_id,))
        elif case_id:
            rows = self._query("SELECT * FROM audit WHERE case_id = ? ORDER BY id", (case_id,))
        elif inspection_id:
            rows = self._query(
                "SELECT * FROM audit WHERE inspection_id = ? OR case_id IN (SELECT id FROM cases WHERE inspection_id = ?) "
                "ORDER BY id",
                (inspection_id, inspection_id),
            )
        else:
            rows = self._query("SELECT * FROM audit ORDER BY id")
        out = []
        for r in rows:
            d = {k: r[k] for k in r.keys()}
            d["old"] = json.loads(d["old"]) if d["old"] is not None else None
            d["new"] = json.loads(d["new"]) if d["new"] is not None else None
            out.append(d)
        return out

    # -- bulk reads for scoring and the case list ----------------------------
    def case_summaries(self, inspection_id: str) -> list[CaseSummary]:
        """Every case with its primary assessment and answers, in two queries."""
        cases = self.list_cases(inspection_id)
        arows = self._query(
            "SELECT a.* FROM assessments a JOIN cases c ON c.id = a.case_id "
            "WHERE c.inspection_id = ? AND a.kind = 'primary' ORDER BY a.created_at, a.id",
            (inspection_id,),
        )
        primary: dict[str, AssessmentRow] = {}
        for r in arows:
            primary.setdefault(r["case_id"], self._assessment(r))
        ans: dict[str, dict[str, Any]] = {a.id: {} for a in primary.values()}
        last: dict[str, str] = {}
        cur = self.conn.execute(
            "SELECT n.assessment_id, n.question_id, n.value, n.updated_at FROM answers n "
            "JOIN assessments a ON a.id = n.assessment_id JOIN cases c ON c.id = a.case_id "
            "WHERE c.inspection_id = ? AND a.kind = 'primary'",
            (inspection_id,),
        )
        loads = json.loads
        for aid, qid, value, at in cur:
            d = ans.get(aid)
            if d is None:
                continue
            if value is not None:
                d[qid] = loads(value)
            if at > last.get(aid, ""):
                last[aid] = at
        out = []
        for case in cases:
            a = primary.get(case.id)
            answers = ans.get(a.id, {}) if a else {}
            out.append(
                CaseSummary(case=case, assessment=a, answered=len(answers), last_edit=last.get(a.id) if a else None,
                            answers=answers)
            )
        return out

    # -- inspection grades (OMI2 section 4) ---------------------------------
    def set_grade(self, inspection_id: str, code: str, value: str | None, note: str, who: str) -> None:
        with self.transaction() as c:
            old = c.execute(
                "SELECT value, note FROM inspection_grades WHERE inspection_id = ? AND code = ?", (inspection_id, code)
            ).fetchone()
            c.execute(
                "INSERT OR REPLACE INTO inspection_grades (inspection_id, code, value, note, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (inspection_id, code, value, note, now(), who),
            )
            self._audit(
                "grade",
                who,
                inspection_id=inspection_id,
                question_id=code,
                old={"value": old[0], "note": old[1]} if old else None,
                new={"value": value, "note": note},
            )

    def grades(self, inspection_id: str) -> dict[str, dict[str, Any]]:
        rows = self._query(
            "SELECT code, value, note, updated_at, updated_by FROM inspection_grades WHERE inspection_id = ?",
            (inspection_id,),
        )
        return {r[0]: {"value": r[1], "note": r[2] or "", "updated_at": r[3], "updated_by": r[4]} for r in rows}

    # -- whole-inspection dump and load (the assessment bundle) --------------
    def dump_inspection(self, inspection_id: str) -> dict[str, Any]:
        """Every stored row of one inspection, as plain data."""
        ins = self.get_inspection(inspection_id)
        cases = self.list_cases(inspection_id)
        out_cases = []
        for case in cases:
            assessments = []
            for a in self.assessments_for_case(case.id):
                answers = self.answers(a.id)
                assessments.append(
                    {
                        "assessment": a,
                        "answers": [answers[k] for k in sorted(answers)],
                        "audit": self.audit_rows(assessment_id=a.id),
                    }
                )
            out_cases.append({"case": case, "assessments": assessments})
        return {"inspection": ins, "cases": out_cases, "grades": self.grades(inspection_id)}

    def load_inspection(self, data: dict[str, Any]) -> None:
        """Write a whole inspection (as produced by the bundle reader) in one
        transaction.  Refuses an inspection id that already exists."""
        ins: InspectionRow = data["inspection"]
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM inspections WHERE id = ?", (ins.id,)).fetchone():
                raise ValueError(
                    f"inspection {ins.name!r} ({ins.id}) is already in this database; nothing was imported"
                )
            c.execute(
                "INSERT INTO inspections (id, name, area, question_set_id, question_set_version, start_date, end_date, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (ins.id, ins.name, ins.area, ins.question_set_id, ins.question_set_version, ins.start_date,
                 ins.end_date, ins.created_at),
            )
            for code, g in sorted(data.get("grades", {}).items()):
                c.execute(
                    "INSERT INTO inspection_grades (inspection_id, code, value, note, updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (ins.id, code, g["value"], g["note"], g["updated_at"], g["updated_by"]),
                )
            for entry in data["cases"]:
                case: CaseRow = entry["case"]
                try:
                    c.execute(
                        "INSERT INTO cases (id, inspection_id, reference, details, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (case.id, ins.id, case.reference, _dumps(case.details), case.created_at, case.updated_at),
                    )
                except sqlite3.IntegrityError as e:
                    raise ValueError(f"case {case.reference!r} ({case.id}) clashes with one already stored") from e
                for ae in entry["assessments"]:
                    a: AssessmentRow = ae["assessment"]
                    try:
                        c.execute(
                            "INSERT INTO assessments (id, case_id, assessor, question_set_version, status, kind, lineage, "
                            "created_at, updated_at, completed_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (a.id, case.id, a.assessor, a.question_set_version, a.status, a.kind, a.lineage,
                             a.created_at, a.updated_at, a.completed_at, a.position),
                        )
                    except sqlite3.IntegrityError as e:
                        raise ValueError(f"assessment {a.id} clashes with one already stored") from e
                    c.executemany(
                        "INSERT INTO answers (assessment_id, question_id, value, note, practice, updated_at, updated_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            (a.id, n.question_id, _dumps(n.value), n.note, int(n.practice), n.updated_at, n.updated_by)
                            for n in ae["answers"]
                        ],
                    )
                    c.executemany(
                        "INSERT INTO audit (at, who, action, inspection_id, case_id, assessment_id, question_id, old, new) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (r["at"], r["who"], r["action"], r.get("inspection_id"), case.id, a.id, r.get("question_id"),
                             None if r.get("old") is None else _dumps(r["old"]),
                             None if r.get("new") is None else _dumps(r["new"]))
                            for r in ae["audit"]
                        ],
                    )
            self._audit("import_bundle", "system", inspection_id=ins.id, new={"cases": len(data["cases"])})
