"""Every reading of an inspection, one case at a time, for the analysis export.

Memory stays flat however large the inspection: the cases and their readings
(small rows) are read at once, the answers one reading at a time through the
answers table's primary key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storage import tables
from storage.db import Database
from storage.errors import mapped_errors
from storage.rows import AnswerRow, AssessmentRow, CaseRow

__all__ = ["Reading", "iter_readings"]


@dataclass(frozen=True)
class Reading:
    """One case with one of its readings (None: not started) and that reading's
    answers (cleared answers, stored as tombstones, are left out).  ``scored``:
    this is the reading the scores use (the case's first primary reading)."""

    case: CaseRow
    assessment: AssessmentRow | None
    answers: dict[str, AnswerRow]
    scored: bool


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
    order (the scored primary reading first among the primaries)."""
    cases = [tables.case_row(r) for r in db.query(
        "SELECT * FROM cases WHERE inspection_id = ? ORDER BY reference", (inspection_id,))]
    readings: dict[str, list[AssessmentRow]] = {}
    for r in db.query("SELECT a.* FROM assessments a JOIN cases c ON c.id = a.case_id WHERE c.inspection_id = ? "
                      f"ORDER BY {tables.READING_ORDER}", (inspection_id,)):
        readings.setdefault(r["case_id"], []).append(tables.assessment_row(r))
    for case in cases:
        mine = readings.get(case.id, [])
        if not mine:
            yield Reading(case, None, {}, True)
            continue
        first = next((a.id for a in mine if a.kind == "primary"), None)
        for a in mine:
            yield Reading(case, a, _answers(db, a.id), a.id == first)
