"""One case being assessed: answers, applicability, progress, and saving.

Every change goes straight to the store.  When a write fails for a reason the
user can fix or wait out (a full disk, a locked database), the answer is kept
in :attr:`CaseSession.pending`, shown as the current answer, and written by
:meth:`CaseSession.retry_pending`; the screen only drives the timer.  A write
that can never succeed (a read-only or damaged database: ``StorageError.retryable``
is False) is not retried: it is dropped and its reason shown once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.conditions import applicability_fast, describe
from models.limits import note_problem
from models.questionset import QuestionSet
from models.scoring import CaseInput, case_scores
from storage.errors import StorageError
from storage.rows import AssessmentRow
from ui.ops.errors import USER_ERRORS, OpError
from ui.ops.review import CaseReview, case_review
from ui.ops.workspace import Workspace

log = logging.getLogger("case_assessor")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def progress(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> tuple[int, int]:
    """(answered, applicable) for one case."""
    app = applicability_fast(qs, details, answers)
    applicable = [qid for qid, a in app.items() if a is True]
    answered = sum(1 for qid in applicable if not _empty(answers.get(qid)))
    return answered, len(applicable)


class AnswerRefused(OpError):
    """An answer that can never be stored as it is (a note over the limit):
    the save-and-retry queue drops it and shows why, once."""


@dataclass
class AnswerState:
    value: Any = None
    note: str = ""
    practice: bool = False

    def as_tuple(self) -> tuple[Any, str, bool]:
        return (self.value, self.note, self.practice)


@dataclass(frozen=True)
class SaveResult:
    """After a save or a retry: is everything stored, and if not, why."""

    saved: bool
    pending: int = 0
    message: str = ""  # the environment problem, to show while retrying
    refused: str = ""  # a write that can never succeed (read-only): dropped, shown once


class CaseSession:
    """A case's assessment: answers, applicability, progress and saving."""

    def __init__(self, ws: Workspace, case_id: str, assessor: str) -> None:
        self.ws = ws
        store = ws.store
        self.case = store.get_case(case_id)
        self.inspection = store.get_inspection(self.case.inspection_id)
        self.qs = ws.question_set(self.inspection)
        kind = ws.reading_kind(self.inspection.id)
        a = store.primary_assessment(case_id, kind)
        if a is None and ws.read_only is not None:
            # a read-only database: nothing to show and nothing may be started; an empty reading, never stored
            a = AssessmentRow("", case_id, "", self.qs.version, "in_progress", kind, None, "", "", None, None)
        elif a is None:
            aid = store.start_assessment(case_id, assessor, self.qs.version, kind=kind)
            a = store.get_assessment(aid)
        self.assessment = a
        self.assessor = assessor
        self.answers: dict[str, AnswerState] = {
            qid: AnswerState(r.value, r.note, r.practice) for qid, r in store.answers(a.id).items()
        }
        self.pending: dict[str, tuple[AnswerState, str]] = {}  # answers not yet stored, in order
        self._app: dict[str, bool | None] | None = None
        self.revision = 0  # bumped on every stored change, so views know when to redraw
        self.change_reason = ""  # why an approved case is being changed: recorded with every change

    # -- state ------------------------------------------------------------
    @property
    def complete(self) -> bool:
        return self.assessment.status == "complete"

    @property
    def editable(self) -> bool:
        """Whether answers may be given: not marked complete, and the database writable."""
        return not self.complete and self.ws.read_only is None

    def values(self) -> dict[str, Any]:
        return {qid: s.value for qid, s in self.answers.items() if s.value is not None}

    def applicability(self) -> dict[str, bool | None]:
        if self._app is None:
            self._app = applicability_fast(self.qs, self.case.details, self.values())
        return self._app

    def state(self, qid: str) -> AnswerState:
        """The answer as the assessor sees it: a pending one wins over the stored one."""
        if qid in self.pending:
            return self.pending[qid][0]
        return self.answers.get(qid, AnswerState())

    def stored_state(self, qid: str) -> AnswerState:
        return self.answers.get(qid, AnswerState())

    def is_answered(self, qid: str) -> bool:
        return not _empty(self.stored_state(qid).value)

    def reason(self, qid: str) -> str:
        """Why a question does not (yet) apply, in plain words."""
        qv = self.qs.by_id[qid]
        app = self.applicability()[qid]
        if app is True:
            return ""
        cond = describe(qv.q.applies, self.qs) if qv.q.applies else ""
        if qv.q.per_option_of and (app is not False or not qv.q.applies):
            cond = cond or f"factors are chosen at {qv.q.per_option_of}"
        if app is None:
            return f"Waiting for an earlier answer: applies when {cond}."
        return f"Does not apply to this case: applies only when {cond}."

    def progress(self, qids: list[str] | None = None) -> tuple[int, int]:
        app = self.applicability()
        ids = qids if qids is not None else list(app)
        applicable = [q for q in ids if app[q] is True]
        return sum(1 for q in applicable if self.is_answered(q)), len(applicable)

    def unanswered(self) -> list[str]:
        app = self.applicability()
        return [qv.id for qv in self.qs.questions if app[qv.id] is True and not self._fully_answered(qv.id)]

    def _fully_answered(self, qid: str) -> bool:
        qv = self.qs.by_id[qid]
        value = self.stored_state(qid).value
        if qv.q.per_option_of:
            chosen = self.stored_state(qv.q.per_option_of).value or []
            return isinstance(value, dict) and all(value.get(o) is not None for o in chosen)
        return not _empty(value)

    def kept_inapplicable(self) -> list[str]:
        """Answers kept although their question no longer applies (left out of scores)."""
        app = self.applicability()
        return [qid for qid in self.answers if app.get(qid) is not True and self.is_answered(qid)]

    def next_unanswered(self, after: str | None = None) -> str | None:
        todo = self.unanswered()
        if not todo:
            return None
        if after is None:
            return todo[0]
        pos = self.qs.by_id[after].position
        later = [q for q in todo if self.qs.by_id[q].position > pos]
        return (later or todo)[0]

    def step(self, current: str, forward: bool) -> str | None:
        """The next (or previous) question that applies or is pending, in journey order."""
        app = self.applicability()
        order = [qv.id for qv in self.qs.questions]
        i = order.index(current)
        rng = range(i + 1, len(order)) if forward else range(i - 1, -1, -1)
        for j in rng:
            if app[order[j]] is not False:
                return order[j]
        return None

    def scores(self) -> dict[str, Any]:
        return case_scores(self.qs, CaseInput(self.case.id, self.case.reference, self.case.details, self.values()))

    def open_conflicts(self) -> int:
        from storage.merge import open_conflict_counts

        return open_conflict_counts(self.ws.store, self.case.inspection_id).get(self.case.id, 0)

    # -- changes ----------------------------------------------------------
    def save(self, qid: str, state: AnswerState, action: str = "answer", why: str = "") -> bool:
        """Store one answer durably; raises a USER_ERRORS member (AnswerRefused
        for a note over the limit) or PermissionError."""
        if qid not in self.qs.by_id:
            raise KeyError(qid)
        problem = self.qs.check_value(qid, state.value)
        if problem:
            raise ValueError(problem)
        problem = note_problem(state.note)
        if problem:
            raise AnswerRefused(f"{problem}. The answer was not saved.")
        changed = self.ws.store.save_answer(
            self.assessment.id, qid, value=state.value, note=state.note, practice=state.practice,
            who=self.assessor, action=action, why=why or self.change_reason,
        )
        if _empty(state.value) and not state.note and not state.practice:
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = AnswerState(state.value, state.note, state.practice)
        self._app = None
        self.revision += 1
        return changed

    def submit(self, qid: str, state: AnswerState, action: str = "answer") -> SaveResult:
        """Queue one answer and try to store it now (the save-and-retry queue)."""
        self.pending[qid] = (state, action)
        return self._flush_one(qid)

    def _flush_one(self, qid: str) -> SaveResult:
        state, action = self.pending[qid]
        try:
            self.save(qid, state, action)
        except StorageError as e:
            if e.retryable:  # locked, full, a failed write: it may succeed later
                log.warning("answer not saved yet (%s); will retry", type(e).__name__)
                return SaveResult(False, len(self.pending), message=str(e))
            log.warning("answer not saved (%s); not retried", type(e).__name__)
            self.pending.pop(qid, None)
            return SaveResult(not self.pending, len(self.pending), refused=str(e))
        except (AnswerRefused, PermissionError) as e:
            self.pending.pop(qid, None)
            return SaveResult(not self.pending, len(self.pending), refused=str(e))
        except USER_ERRORS as e:
            log.warning("answer not saved yet; will retry")
            return SaveResult(False, len(self.pending), message=str(e))
        self.pending.pop(qid, None)
        return SaveResult(not self.pending, len(self.pending))

    def retry_pending(self) -> SaveResult:
        """Store the queued answers in order; stop at the first that still fails."""
        result = SaveResult(True)
        for qid in list(self.pending):
            result = self._flush_one(qid)
            if qid in self.pending:
                return result
        return result

    def remember_position(self, qid: str) -> None:
        """Where the assessor is; a convenience, so a failure is ignored (and
        nothing is remembered once the database is closed)."""
        if self.ws.store.closed:
            return
        try:
            self.ws.store.set_position(self.assessment.id, qid)
        except USER_ERRORS:
            pass

    def _status_changed(self) -> None:
        self.assessment = self.ws.store.get_assessment(self.assessment.id)
        self.revision += 1

    def mark_complete(self) -> list[str]:
        """Mark complete if nothing applicable is unanswered; else return what is."""
        todo = self.unanswered()
        if todo:
            return todo
        self.ws.store.set_status(self.assessment.id, "complete", self.assessor, self.change_reason)
        self._status_changed()
        return []

    def reopen(self, why: str = "") -> None:
        """Reopen for changes; an approved case needs ``why``, then kept for each change (audited).
        OpError while the review locks it (submitted, for its assessor)."""
        try:
            self.ws.store.set_status(self.assessment.id, "in_progress", self.assessor, why)
        except PermissionError as e:
            raise OpError(f"{e}. Nothing was changed.") from None
        self.change_reason = why
        self._status_changed()

    def review(self) -> CaseReview:
        """The reading's review state and the lead's comments (``ui.ops.review``)."""
        return case_review(self.ws, self.assessment.id)

    def update_details(self, details: dict[str, Any]) -> None:
        problems = self.qs.check_details(details)
        if problems:
            raise OpError("; ".join(problems))
        self.ws.store.update_case_details(self.case.id, details, self.assessor)
        self.case = self.ws.store.get_case(self.case.id)
        self._app = None
        self.revision += 1
