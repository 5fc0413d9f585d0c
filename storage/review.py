"""Review states and steps, as SQL (the rules are :mod:`models.review`).

``review_states`` holds each reading's current state and step number;
``review_events`` every step (who, when, the comment) and the lead's comments
on single answers (action ``comment``, with the question, numbered as the
return they came with).  A reading without a row is in progress.

Steps travel between laptops by id: the assessor's submissions in the export,
the lead's returns, approvals and reopenings in packs.  :func:`apply_incoming`
stores the other side's steps: a step already held changes nothing, a known
step number with other content is refused, and only the next allowed step moves
the state, so files merge the same in any order and any number of times.
Audit rows of review steps carry the case, never the reading, so they stay on
the laptop that recorded them (an export carries a reading's audit rows).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models import review as model
from storage import driver, tables
from storage.db import now
from storage.store import Store

__all__ = ["ReviewEvent", "Step", "state", "states", "events", "take_step", "plan_submissions", "apply_incoming",
           "assessor_events", "lead_events_for"]

_COLS = "id, assessment_id, n, action, state, who, at, comment, question_id"


@dataclass(frozen=True)
class ReviewEvent:
    """One review step (or the lead's comment on one answer) of one reading."""

    id: str
    assessment_id: str
    n: int
    action: str
    state: str
    who: str
    at: str
    comment: str = ""
    question_id: str | None = None


@dataclass(frozen=True)
class Step:
    """A step asked for: the reading, the action, the case comment, the reason,
    and comments on answers (question id, text)."""

    assessment_id: str
    action: str
    comment: str = ""
    why: str = ""
    answer_comments: tuple[tuple[str, str], ...] = ()


def _event(r: Sequence[object]) -> ReviewEvent:
    return ReviewEvent(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]),  # type: ignore[call-overload]
                       str(r[7] or ""), None if r[8] is None else str(r[8]))


def _state(c: driver.Connection, assessment_id: str) -> tuple[str, int]:
    row = c.execute("SELECT state, n FROM review_states WHERE assessment_id = ?", (assessment_id,)).fetchone()
    return (str(row[0]), int(row[1])) if row else ("in_progress", 0)


def state(store: Store, assessment_id: str) -> str:
    """The reading's review state ("in_progress" when it has none)."""
    return _state(store.conn, assessment_id)[0]


def states(store: Store, inspection_id: str) -> dict[str, str]:
    """Every reading's review state in the inspection that has one, by reading id."""
    return {r[0]: r[1] for r in store.query(
        "SELECT r.assessment_id, r.state FROM review_states r JOIN assessments a ON a.id = r.assessment_id "
        "JOIN cases c ON c.id = a.case_id WHERE c.inspection_id = ?", (inspection_id,))}


def events(store: Store, assessment_id: str) -> list[ReviewEvent]:
    """The reading's steps and comments, in step order (a step before its answer comments)."""
    return [_event(r) for r in store.query(
        f"SELECT {_COLS} FROM review_events WHERE assessment_id = ? ORDER BY n, question_id IS NOT NULL, "
        "question_id, id", (assessment_id,))]


def _insert(c: driver.Connection, e: ReviewEvent) -> None:
    c.execute(f"INSERT INTO review_events ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (e.id, e.assessment_id, e.n, e.action, e.state, e.who, e.at, e.comment, e.question_id))


def _set_state(c: driver.Connection, e: ReviewEvent) -> None:
    c.execute("INSERT INTO review_states (assessment_id, state, n, at, who) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT (assessment_id) DO UPDATE SET state = excluded.state, n = excluded.n, at = excluded.at, "
              "who = excluded.who", (e.assessment_id, e.state, e.n, e.at, e.who))


def _audit(c: driver.Connection, e: ReviewEvent, why: str = "") -> None:
    row = c.execute("SELECT a.case_id, c.inspection_id FROM assessments a JOIN cases c ON c.id = a.case_id "
                    "WHERE a.id = ?", (e.assessment_id,)).fetchone()
    new = {"state": e.state, "n": e.n, "comment": e.comment, **({"question_id": e.question_id} if e.question_id
                                                                else {}), **({"why": why} if why else {})}
    tables.audit(c, f"review_{e.action}", e.who, inspection_id=row[1], case_id=row[0], question_id=e.question_id,
                 new=new, at=e.at)


def _new_events(c: driver.Connection, step: Step, who: str, at: str) -> list[ReviewEvent]:
    """The events one step makes (the step, then its answer comments); ReviewError if not allowed."""
    current, n = _state(c, step.assessment_id)
    new_state = model.step(current, step.action, comment=step.comment, why=step.why)
    text = step.comment if step.action != "reopen" else step.why
    out = [ReviewEvent(str(uuid.uuid4()), step.assessment_id, n + 1, step.action, new_state, who, at, text)]
    for qid, comment in step.answer_comments:
        if not comment.strip():
            raise model.ReviewError(f"the comment on {qid} is empty")
        if step.action != "return":
            raise model.ReviewError("comments on answers go with a return")
        out.append(ReviewEvent(str(uuid.uuid4()), step.assessment_id, n + 1, model.COMMENT, new_state, who, at,
                               comment.strip(), qid))
    return out


def take_step(store: Store, steps: Iterable[Step], who: str) -> list[ReviewEvent]:
    """Take steps (all or none, audited); :class:`models.review.ReviewError` if one is not allowed."""
    t = now()
    made: list[ReviewEvent] = []
    with store.transaction() as c:
        for step in steps:
            evs = _new_events(c, step, who, t)
            for e in evs:
                _insert(c, e)
                _audit(c, e, step.why if e.action != model.COMMENT else "")
            _set_state(c, evs[0])
            made += evs
    return made


def plan_submissions(store: Store, inspection_id: str, kind: str, who: str) -> list[ReviewEvent]:
    """The submissions an export now would make: every complete reading of
    ``kind`` in progress or returned.  Nothing is stored (:func:`commit`)."""
    rows = store.query("SELECT a.id, coalesce(r.state, 'in_progress'), coalesce(r.n, 0) FROM assessments a "
                       "JOIN cases c ON c.id = a.case_id LEFT JOIN review_states r ON r.assessment_id = a.id "
                       "WHERE c.inspection_id = ? AND c.deleted_at IS NULL AND a.kind = ? AND a.status = 'complete' "
                       "ORDER BY a.id", (inspection_id, kind))
    t = now()
    out = []
    for aid, current, n in rows:
        action = model.submission(current)
        if action is not None:
            out.append(ReviewEvent(str(uuid.uuid4()), aid, int(n) + 1, action, model.step(current, action), who, t))
    return out


def commit(store: Store, planned: Sequence[ReviewEvent]) -> None:
    """Store submissions planned by :func:`plan_submissions` (after the export was written)."""
    with store.transaction() as c:
        for e in planned:
            if _state(c, e.assessment_id)[1] + 1 != e.n:
                continue  # taken meanwhile by another export
            _insert(c, e)
            _set_state(c, e)
            _audit(c, e)


def assessor_events(store: Store, inspection_id: str) -> list[ReviewEvent]:
    """The assessor's own steps (submissions) of the inspection's readings: what an export carries."""
    return _of_inspection(store, inspection_id, model.ASSESSOR_ACTIONS)


def lead_events_for(store: Store, inspection_id: str, reading_ids: Iterable[str]) -> list[ReviewEvent]:
    """The lead's steps and answer comments on these readings: what a pack carries."""
    wanted = set(reading_ids)
    return [e for e in _of_inspection(store, inspection_id, model.LEAD_ACTIONS | {model.COMMENT})
            if e.assessment_id in wanted]


def _of_inspection(store: Store, inspection_id: str, actions: frozenset[str]) -> list[ReviewEvent]:
    marks = ", ".join("?" * len(actions))
    return [_event(r) for r in store.query(
        f"SELECT {', '.join('e.' + c for c in _COLS.split(', '))} FROM review_events e "
        "JOIN assessments a ON a.id = e.assessment_id JOIN cases c ON c.id = a.case_id "
        f"WHERE c.inspection_id = ? AND e.action IN ({marks}) ORDER BY e.assessment_id, e.n, e.id",
        (inspection_id, *sorted(actions)))]


def apply_incoming(c: driver.Connection, incoming: Iterable[ReviewEvent]) -> list[str]:
    """Store steps received from the other side, inside the caller's
    transaction; the reading ids whose state moved.  The caller has checked
    whose steps they may be.  :class:`models.review.ReviewError` (the caller
    rolls back) for a step that rewrites one held here or skips ahead."""
    by_reading: dict[str, list[ReviewEvent]] = {}
    for e in incoming:
        by_reading.setdefault(e.assessment_id, []).append(e)
    moved = []
    for aid, evs in sorted(by_reading.items()):
        if _apply_reading(c, aid, sorted(evs, key=lambda e: (e.n, e.action == model.COMMENT, e.id))):
            moved.append(aid)
    return moved


def _apply_reading(c: driver.Connection, aid: str, evs: list[ReviewEvent]) -> bool:
    current, n = _state(c, aid)
    moved = False
    for e in evs:
        held = c.execute(f"SELECT {_COLS} FROM review_events WHERE id = ?", (e.id,)).fetchone()
        if held is not None:
            if _event(held) != e:
                raise model.ReviewError(f"a review step in the file rewrites one recorded here ({e.action} {e.n})")
            continue
        if e.action == model.COMMENT:
            if e.n > n:
                raise model.ReviewError("a comment on an answer arrives without its return")
            _insert(c, e)
            continue
        if model.incoming(current, n, e.n, e.action):
            if model.step(current, e.action, comment="-", why="-") != e.state:
                raise model.ReviewError(f"a review step says {e.state!r} where {e.action} leads elsewhere")
            current, n = e.state, e.n
            _insert(c, e)
            _set_state(c, e)
            _audit(c, e)
            moved = True
        elif c.execute("SELECT 1 FROM review_events WHERE assessment_id = ? AND n = ? AND action != ?",
                       (aid, e.n, model.COMMENT)).fetchone():
            raise model.ReviewError(f"review step {e.n} in the file is not the one recorded here")
        else:
            _insert(c, e)  # an earlier step, not yet held here: kept as history
    return moved


def check_edit(c: driver.Connection, assessment_id: str, who: str, why: str) -> bool:
    """PermissionError when the reading's review state locks it against this
    change by ``who`` (:func:`models.review.edit_refusal`); True when it is
    approved (and ``why`` was given: the change may go ahead, audited with it)."""
    from storage.merge import same_person

    row = c.execute("SELECT r.state, a.assessor FROM review_states r JOIN assessments a ON a.id = r.assessment_id "
                    "WHERE r.assessment_id = ?", (assessment_id,)).fetchone()
    if row is None:
        return False
    refusal = model.edit_refusal(row[0], by_owner=same_person(who, row[1]), why=why)
    if refusal:
        raise PermissionError(refusal)
    return bool(row[0] == "approved")


def _owners(c: driver.Connection, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Reading id -> (assessor, kind, case reference), for the readings held here."""
    out = {}
    for aid in set(ids):
        row = c.execute("SELECT a.assessor, a.kind, c.reference FROM assessments a JOIN cases c ON c.id = a.case_id "
                        "WHERE a.id = ?", (aid,)).fetchone()
        if row is not None:
            out[aid] = (str(row[0]), str(row[1]), str(row[2]))
    return out


def merge_steps(c: driver.Connection, incoming: Sequence[ReviewEvent], assessor: str) -> list[str]:
    """An assessor's submissions from their export, in the merge's transaction
    (after its cases and readings): the case references whose state moved.
    :class:`storage.merge.ScopeError` (nothing merged) for a step that is not
    the assessor's own submission of their own primary reading, or that does
    not fit the review history held here."""
    from storage.merge import ScopeError, same_person

    owners = _owners(c, [e.assessment_id for e in incoming])
    for e in incoming:
        owner = owners.get(e.assessment_id)
        if e.action not in model.ASSESSOR_ACTIONS or e.question_id is not None:
            raise ScopeError(f"the file claims a review step only the lead inspector takes ({e.action})")
        if owner is None or owner[1] != "primary" or not same_person(owner[0], assessor) \
                or not same_person(e.who, assessor):
            raise ScopeError(f"the file submits a reading that is not {assessor}'s own primary reading")
    try:
        moved = apply_incoming(c, incoming)
    except model.ReviewError as err:
        raise ScopeError(f"the file's review steps do not fit those recorded here: {err}") from None
    return sorted({owners[aid][2] for aid in moved})


def import_steps(store: Store, incoming: Sequence[ReviewEvent], assessor: str) -> tuple[list[str], int]:
    """The lead's steps from a pack, for this laptop's readings: the reading ids
    whose state moved, and how many steps were on readings not held here (left
    out).  :class:`models.review.ReviewError` (nothing changed) for a step on
    another assessor's reading or one that does not fit the history held here."""
    from storage.merge import same_person

    with store.transaction() as c:
        owners = _owners(c, [e.assessment_id for e in incoming])
        mine = []
        for e in incoming:
            owner = owners.get(e.assessment_id)
            if owner is None:
                continue
            if e.action not in model.LEAD_ACTIONS | {model.COMMENT} or not same_person(owner[0], assessor):
                raise model.ReviewError("the pack holds a review step on a reading that is not this assessor's")
            mine.append(e)
        return apply_incoming(c, mine), len(incoming) - len(mine)


def approved_of(c: driver.Connection, inspection_id: str, references: Iterable[str], assessor: str) -> list[str]:
    """Which of these cases hold a reading by ``assessor`` that is approved here."""
    from storage.merge import same_person

    out = []
    for ref in sorted(set(references)):
        rows = c.execute("SELECT a.assessor FROM cases c JOIN assessments a ON a.case_id = c.id JOIN review_states r "
                         "ON r.assessment_id = a.id WHERE c.inspection_id = ? AND c.reference = ? AND "
                         "r.state = 'approved'", (inspection_id, ref)).fetchall()
        if any(same_person(str(r[0]), assessor) for r in rows):
            out.append(ref)
    return out
