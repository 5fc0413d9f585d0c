"""Each table's INSERT, written once, and each row's decoding.

The store and the merge both write through these functions, inside a
transaction they hold (the ``c`` passed in is the connection that
:meth:`storage.db.Database.transaction` yields).  Values and audit ``old`` /
``new`` are stored as canonical JSON text (:func:`storage.db.dumps`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from storage import chain, driver
from storage.db import dumps, now
from storage.rows import AnswerRow, AssessmentRow, AuditRow, CaseRow, InspectionRow

__all__ = [
    "insert_inspection",
    "insert_case",
    "insert_assessment",
    "write_answers",
    "write_audit",
    "audit",
    "inspection_row",
    "case_row",
    "assessment_row",
    "answer_row",
    "audit_row",
]

_INSERT_INSPECTION = (
    "INSERT INTO inspections (id, name, area, question_set_id, question_set_version, start_date, end_date, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# The order of a case's readings, the first primary being the one scores use: the
# order the lead gave the cases out (assignments, the lead's own clock), then the
# reading's id; never a laptop's clock.  On a laptop (no assignments) it is the
# order the readings were started.
READING_ORDER = ("coalesce((SELECT min(g.assigned_at) FROM assignments g WHERE g.case_id = a.case_id "
                 "AND g.assessor = a.assessor AND g.kind = a.kind), a.created_at), a.id")

_INSERT_CASE = (
    "INSERT INTO cases (id, inspection_id, reference, details, created_at, updated_at, details_seq) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ASSESSMENT = (
    "INSERT INTO assessments (id, case_id, assessor, question_set_version, status, kind, lineage, created_at, "
    "updated_at, completed_at, position, seq, status_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# One statement for a new answer and a changed one.
_UPSERT_ANSWER = (
    "INSERT INTO answers (assessment_id, question_id, value, note, practice, updated_at, updated_by, seq, origin, "
    "base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, question_id) DO UPDATE SET "
    "value = excluded.value, note = excluded.note, practice = excluded.practice, "
    "updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq, "
    "origin = excluded.origin, base = excluded.base"
)
_INSERT_AUDIT = (
    "INSERT INTO audit (id, at, who, action, inspection_id, case_id, assessment_id, question_id, old, new, digest, "
    "chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_LAST_AUDIT = "SELECT id, chain FROM audit ORDER BY id DESC LIMIT 1"


# -- writing -------------------------------------------------------------------
def insert_inspection(c: driver.Connection, ins: InspectionRow) -> None:
    c.execute(
        _INSERT_INSPECTION,
        (ins.id, ins.name, ins.area, ins.question_set_id, ins.question_set_version, ins.start_date, ins.end_date,
         ins.created_at),
    )


def insert_case(c: driver.Connection, inspection_id: str, case: CaseRow) -> None:
    """The case under ``inspection_id`` (raises driver.IntegrityError on a
    clash of id or reference, or an unknown inspection)."""
    c.execute(
        _INSERT_CASE,
        (case.id, inspection_id, case.reference, dumps(case.details), case.created_at, case.updated_at,
         case.details_seq),
    )


def insert_assessment(c: driver.Connection, case_id: str, a: AssessmentRow) -> None:
    c.execute(
        _INSERT_ASSESSMENT,
        (a.id, case_id, a.assessor, a.question_set_version, a.status, a.kind, a.lineage, a.created_at,
         a.updated_at, a.completed_at, a.position, a.seq, a.status_seq),
    )


def write_answers(c: driver.Connection, assessment_id: str, answers: Iterable[AnswerRow]) -> None:
    """Store each answer of one assessment, replacing a stored one."""
    c.executemany(
        _UPSERT_ANSWER,
        [(assessment_id, n.question_id, dumps(n.value), n.note, int(n.practice), n.updated_at, n.updated_by,
          n.seq, n.origin, n.base) for n in answers],
    )


def _json_or_null(value: Any) -> str | None:
    return None if value is None else dumps(value)


def write_audit(c: driver.Connection, rows: Iterable[AuditRow]) -> None:
    """Append audit rows as they are, each linked into the hash chain
    (:mod:`storage.chain`): one read of the last row per call, inside the
    caller's write transaction, then one executemany.  Ids follow on from the
    last row (an ``id`` on the rows given is ignored)."""
    last = c.execute(_LAST_AUDIT).fetchone()
    n, previous = (int(last[0]), last[1] or "") if last else (0, "")
    params = []
    for r in rows:
        n += 1
        row = (n, r.at, r.who, r.action, r.inspection_id, r.case_id, r.assessment_id, r.question_id,
               _json_or_null(r.old), _json_or_null(r.new), r.digest)
        previous = chain.link(previous, row)
        params.append((*row, previous))
    c.executemany(_INSERT_AUDIT, params)


def audit(
    c: driver.Connection,
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
    """Append one audit row for a change made now (or ``at``)."""
    write_audit(c, [AuditRow(at or now(), who, action, question_id, old, new, inspection_id, case_id,
                             assessment_id)])


# -- reading -------------------------------------------------------------------
_INSPECTION_FIELDS = frozenset(InspectionRow.__dataclass_fields__)


def inspection_row(r: driver.Row) -> InspectionRow:
    return InspectionRow(**{k: (r[k] or "") for k in r.keys() if k in _INSPECTION_FIELDS})


def case_row(r: driver.Row) -> CaseRow:
    return CaseRow(
        id=r["id"],
        inspection_id=r["inspection_id"],
        reference=r["reference"],
        details=json.loads(r["details"]),
        created_at=r["created_at"] or "",
        updated_at=r["updated_at"] or "",
        details_seq=r["details_seq"] or 0,
    )


def assessment_row(r: driver.Row) -> AssessmentRow:
    return AssessmentRow(**{k: r[k] for k in r.keys()})


def answer_row(r: driver.Row | tuple[Any, ...]) -> AnswerRow:
    """From (question_id, value, note, practice, updated_at, updated_by[, seq, origin, base])."""
    extra = (int(r[6] or 0), r[7] or "", int(r[8] or 0)) if len(r) > 6 else (0, "", 0)
    return AnswerRow(r[0], json.loads(r[1]) if r[1] else None, r[2] or "", bool(r[3]), r[4], r[5], *extra)


def audit_row(r: driver.Row) -> AuditRow:
    return AuditRow(
        at=r["at"],
        who=r["who"],
        action=r["action"],
        question_id=r["question_id"],
        old=None if r["old"] is None else json.loads(r["old"]),
        new=None if r["new"] is None else json.loads(r["new"]),
        inspection_id=r["inspection_id"],
        case_id=r["case_id"],
        assessment_id=r["assessment_id"],
        digest=r["digest"],
        id=r["id"],
    )
