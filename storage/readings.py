"""Every reading of an inspection, one case at a time, for the analysis export.

Memory stays flat however large the inspection: cases come from a cursor,
and each case's readings and answers through their indexes, one case at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storage import driver, tables
from storage.db import Database
from storage.errors import mapped_errors
from storage.rows import AnswerRow, AssessmentRow, CaseRow

__all__ = ["Reading", "iter_readings"]


@dataclass(frozen=True)
class Reading:
    """One case with one of its readings (None: not started) and that reading's
    answers (cleared answers, stored as tombstones, are left out).  ``scored``:
    this is the reading the scores use (the case's first primary reading);
    ``review``: its review state once submitted (``storage/review.py``), else None."""

    case: CaseRow
    assessment: AssessmentRow | None
    answers: dict[str, AnswerRow]
    scored: bool
    review: str | None = None


def _answers(db: Database, assessment_id: str) -> dict[str, AnswerRow]:
    with mapped_errors():
        cur = db.conn.execute(
            "SELECT question_id, value, note, practice, updated_at, updated_by FROM answers "
            "WHERE assessment_id = ? ORDER BY question_id", (assessment_id,))
        out = {}
        for r in cur:
            row = tables.answer_row(r)
            if row.value is not None or row.note or row.practice:
                out[row.question_id] = row
        return out


def iter_readings(db: Database, inspection_id: str) -> Iterator[Reading]:
    """The inspection's cases by reference, each with its readings in reading
    order (the scored primary reading first among the primaries).  Cases come
    from a cursor and readings and answers case by case, so memory does not
    grow with the inspection."""
    with mapped_errors():
        cur = db.conn.execute("SELECT * FROM cases WHERE inspection_id = ? ORDER BY reference", (inspection_id,))
        cur.row_factory = driver.Row
        for row in cur:
            case = tables.case_row(row)
            mine = [tables.assessment_row(r) for r in db.query(
                f"SELECT * FROM assessments a WHERE case_id = ? ORDER BY {tables.READING_ORDER}", (case.id,))]
            if not mine:
                yield Reading(case, None, {}, True)
                continue
            first = next((a.id for a in mine if a.kind == "primary"), None)
            for a in mine:
                row = db.conn.execute("SELECT state FROM review_states WHERE assessment_id = ?", (a.id,)).fetchone()
                yield Reading(case, a, _answers(db, a.id), a.id == first, row[0] if row else None)
