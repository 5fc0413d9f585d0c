"""Carrying out a question-set migration (the plan is :mod:`models.qs_migrate`).

One transaction: the inspection and its readings move to the new version;
answers moved to a renamed question or option are rewritten under their new
id and value with their change numbers kept (the same plan, run on an
assessor's laptop, gives the same rows, so the merge still lines them up);
answers that no longer fit are removed, each with an audit row holding the
old answer and the reason, so nothing is lost from the record.  Conflicts and
held versions follow their question.  The caller takes a backup first.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storage import tables
from storage.db import Database, now
from storage.errors import StorageError
from storage.rows import AnswerRow

ACTION = "migrate_question_set"

_READ = ("SELECT n.question_id, n.value, n.note, n.practice, n.updated_at, n.updated_by, n.seq, n.origin, n.base, "
         "a.case_id FROM answers n JOIN assessments a ON a.id = n.assessment_id "
         "WHERE n.assessment_id = ? AND n.question_id = ?")


def _move_row(c: Any, assessment_id: str, old_qid: str, new_qid: str | None, new_value: Any,
              who: str, reason: str, at: str) -> None:
    row = c.execute(_READ, (assessment_id, old_qid)).fetchone()
    if row is None:
        raise StorageError("The answers changed while the migration was being prepared; run it again. "
                           "Nothing was changed.")
    old = tables.answer_row(row[:9])
    c.execute("DELETE FROM answers WHERE assessment_id = ? AND question_id = ?", (assessment_id, old_qid))
    held = c.execute("DELETE FROM held_versions WHERE assessment_id = ? AND question_id = ? RETURNING 1",
                     (assessment_id, old_qid)).fetchall()
    if new_qid is not None:
        tables.write_answers(c, assessment_id, [AnswerRow(new_qid, new_value, old.note, old.practice, old.updated_at,
                                                          old.updated_by, old.seq, old.origin, old.base)])
    tables.audit(c, ACTION, who, case_id=row[9], assessment_id=assessment_id, question_id=old_qid,
                 old={"value": old.value, "note": old.note, "practice": old.practice},
                 new=None if new_qid is None else {"question": new_qid, "value": new_value, "reason": reason,
                                                   "held_version_dropped": bool(held)},
                 at=at)


def inspection_answers(db: Database, inspection_id: str) -> list[tuple[str, str, Any]]:
    """Every stored answer of the inspection: (assessment id, question id, value)."""
    rows = db.query("SELECT n.assessment_id, n.question_id, n.value FROM answers n JOIN assessments a "
                    "ON a.id = n.assessment_id JOIN cases c ON c.id = a.case_id WHERE c.inspection_id = ? "
                    "ORDER BY n.assessment_id, n.question_id", (inspection_id,))
    return [(r[0], r[1], json.loads(r[2]) if r[2] else None) for r in rows]


def apply_migration(db: Database, inspection_id: str, old_version: str, new_version: str,
                    moves: Sequence[tuple[str, str, str | None, Any, str]], who: str) -> None:
    """Move the inspection to ``new_version``.  ``moves`` are the changed and
    dropped answers: (assessment id, old question id, new question id or None,
    new value, reason).  Refused, changing nothing, when the inspection is no
    longer on ``old_version`` (someone migrated it meanwhile)."""
    at = now()
    with db.transaction() as c:
        got = c.execute("SELECT question_set_version FROM inspections WHERE id = ?", (inspection_id,)).fetchone()
        if got is None or got[0] != old_version:
            raise StorageError("The inspection is no longer on the version the migration was planned from; "
                               "plan it again. Nothing was changed.")
        c.execute("UPDATE inspections SET question_set_version = ? WHERE id = ?", (new_version, inspection_id))
        c.execute("UPDATE assessments SET question_set_version = ? WHERE case_id IN "
                  "(SELECT id FROM cases WHERE inspection_id = ?)", (new_version, inspection_id))
        # drops first, so an answer moved onto a question id frees nothing it needs
        for assessment_id, old_qid, new_qid, value, reason in sorted(moves, key=lambda m: m[2] is not None):
            _move_row(c, assessment_id, old_qid, new_qid, value, who, reason, at)
        removed = _follow_conflicts(c, inspection_id, moves)
        tables.audit(c, ACTION, who, inspection_id=inspection_id, old={"version": old_version},
                     new={"version": new_version, "changed": sum(1 for m in moves if m[2] is not None),
                          "dropped": sum(1 for m in moves if m[2] is None), "conflicts_removed": removed}, at=at)


def _follow_conflicts(c: Any, inspection_id: str, moves: Sequence[tuple[str, str, str | None, Any, str]]) -> int:
    """Conflicts on a renamed question follow it; those on a question that is
    gone are removed (the readings they compared are in the audit rows of the
    moves).  Returns how many were removed."""
    renamed = {old: new for _a, old, new, _v, _r in moves if new is not None and new != old}
    gone = {old for _a, old, new, _v, _r in moves if new is None} - set(renamed)
    for old, new in renamed.items():
        c.execute("UPDATE OR IGNORE conflicts SET question_id = ? WHERE inspection_id = ? AND question_id = ?",
                  (new, inspection_id, old))
    removed = 0
    for old in sorted(gone | set(renamed)):  # a renamed one left behind collided with an existing conflict
        removed += len(c.execute("DELETE FROM conflicts WHERE inspection_id = ? AND question_id = ? RETURNING 1",
                                 (inspection_id, old)).fetchall())
    return removed
