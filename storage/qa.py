"""QA second reads and moderation, as SQL: who was given which reading, each
reading's own answers, and the lead's moderation decisions.

A moderation decision is stored like a conflict's decision (docs/merge.md): a
version of its own in the case's scoring primary reading (``origin`` lead,
``base`` the newest assessor version it was made on), so the agreed answer
scores and a later change by the assessor is held beside it and reopens it as a
conflict instead of overwriting it.  The decision (who, when, why, both
readings) is the audit row ``moderate``; nothing else is stored, so no schema
change is needed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage import tables
from storage.db import now
from storage.merge import same_person
from storage.rows import AnswerRow
from storage.store import Store

# Audit actions that are the assessor's own answer (what agreement compares).
_OWN_ACTIONS = ("answer", "undo", "redo")


@dataclass(frozen=True)
class Assignment:
    case_id: str
    assessor: str
    kind: str  # "primary" or "qa"
    assigned_at: str


def assignments(store: Store, inspection_id: str) -> list[Assignment]:
    """Every reading the lead gave out in the inspection, in the order given."""
    rows = store.query("SELECT case_id, assessor, kind, assigned_at FROM assignments WHERE inspection_id = ? "
                       "ORDER BY assigned_at, case_id, assessor", (inspection_id,))
    return [Assignment(r[0], r[1], r[2], r[3]) for r in rows]


def assign_readings(store: Store, inspection_id: str, given: list[tuple[str, str]], kind: str, who: str) -> None:
    """Record (case id, reader) readings of ``kind`` in one transaction, audited."""
    t = now()
    with store.transaction() as c:
        c.executemany("INSERT OR IGNORE INTO assignments (inspection_id, case_id, assessor, kind, assigned_at) "
                      "VALUES (?, ?, ?, ?, ?)", [(inspection_id, cid, reader, kind, t) for cid, reader in given])
        for cid, reader in given:
            tables.audit(c, f"assign_{kind}", who, inspection_id=inspection_id, case_id=cid,
                         new={"reader": reader}, at=t)


def own_answers(store: Store, assessment_id: str, assessor: str) -> dict[str, Any]:
    """The reading's answer values as its assessor gave them: where the lead's
    decision (or another person's correction) stands in the reading, the
    assessor's own newest version (held beside a decision, or the last answer
    they recorded in the audit trail)."""
    out: dict[str, Any] = {}
    decided: list[str] = []
    for qid, value, origin, by in store.query("SELECT question_id, value, origin, updated_by FROM answers "
                                              "WHERE assessment_id = ?", (assessment_id,)):
        if origin == "lead" or not same_person(by or assessor, assessor):  # a decision or someone's correction
            decided.append(qid)
        elif value not in (None, "null"):
            out[qid] = json.loads(value)
    for qid in decided:
        held = store.query("SELECT value FROM held_versions WHERE assessment_id = ? AND question_id = ?",
                           (assessment_id, qid))
        if held:
            value = json.loads(held[0][0]) if held[0][0] else None
        else:
            value = _last_own_value(store, assessment_id, qid, assessor)
        if value is not None:
            out[qid] = value
    return out


def _last_own_value(store: Store, assessment_id: str, qid: str, assessor: str) -> Any:
    marks = ",".join("?" * len(_OWN_ACTIONS))
    for who, new in store.query(f"SELECT who, new FROM audit WHERE assessment_id = ? AND question_id = ? AND action "
                                f"IN ({marks}) ORDER BY id DESC", (assessment_id, qid, *_OWN_ACTIONS)):
        if same_person(who, assessor):
            got = json.loads(new) if new else None
            return got.get("value") if isinstance(got, dict) else None
    return None


def record_moderation(store: Store, case_id: str, assessment_id: str, question_id: str, *, value: Any, who: str,
                      why: str, readings: dict[str, Any]) -> None:
    """The lead's agreed answer to one disagreement, written into the scoring
    primary reading as a lead version, and audited (``readings``: both sides)."""
    with store.transaction() as c:
        old = c.execute("SELECT value, note, practice, seq, base FROM answers WHERE assessment_id = ? AND "
                        "question_id = ?", (assessment_id, question_id)).fetchone()
        held = c.execute("SELECT seq FROM held_versions WHERE assessment_id = ? AND question_id = ?",
                         (assessment_id, question_id)).fetchone()
        seen = [int(x) for x in ((old[3], old[4]) if old else ())] + ([int(held[0])] if held else [])
        base = max([0, *seen])
        note = old[1] if old else ""
        t = now()
        row = AnswerRow(question_id, value, note, bool(old[2]) if old else False, t, who, base, "lead", base)
        tables.write_answers(c, assessment_id, [row])
        c.execute("DELETE FROM held_versions WHERE assessment_id = ? AND question_id = ?", (assessment_id, question_id))
        tables.audit(c, "moderate", who, case_id=case_id, assessment_id=assessment_id, question_id=question_id,
                     old={"value": json.loads(old[0]) if old and old[0] else None, "note": note},
                     new={"value": value, "why": why, "readings": readings}, at=t)


@dataclass(frozen=True)
class Moderation:
    value: Any
    who: str
    at: str
    why: str


def moderations(store: Store, inspection_id: str) -> dict[tuple[str, str], Moderation]:
    """The latest moderation decision per (reading id, question) in the inspection."""
    rows = store.query("SELECT assessment_id, question_id, who, at, new FROM audit WHERE action = 'moderate' AND "
                       "case_id IN (SELECT id FROM cases WHERE inspection_id = ?) ORDER BY id", (inspection_id,))
    out: dict[tuple[str, str], Moderation] = {}
    for aid, qid, who, at, new in rows:
        d = json.loads(new)
        out[(aid, qid)] = Moderation(d.get("value"), who, at, d.get("why", ""))
    return out
