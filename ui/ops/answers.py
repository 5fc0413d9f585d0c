"""One answer recorded, changed or cleared from the command line (``answer``):
the same validation, applicability, save path and audit as the walk-through
(:class:`ui.ops.session.CaseSession`).  A lead's correction of someone else's
reading needs a reason, recorded in the audit trail with the change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from models.questionset import QuestionSet
from storage.merge import same_person
from ui.ops.changes import OpChanges
from ui.ops.errors import OpError
from ui.ops.session import AnswerState, CaseSession
from ui.ops.workspace import Workspace

ANSWERED = OpChanges(cases=True, answers=True)


def parse_value(qs: QuestionSet, question_id: str, text: str) -> Any:
    """A value as typed: an option (or "na"); a multi-select as "a,b"; a
    per-factor answer as "factor=value,..."; or JSON.  Checked against the scale."""
    qv = qs.by_id.get(question_id)
    if qv is None:
        raise OpError(f"unknown question {question_id!r} in {qs.id}")
    text = text.strip()
    value: Any = text
    if text[:1] in "[{":
        try:
            value = json.loads(text)
        except ValueError:
            raise OpError(f"{question_id}: {text!r} is not valid JSON") from None
    elif qv.q.per_option_of:
        pairs = [p.partition("=") for p in text.split(",") if p.strip()]
        if any(not sep for _k, sep, _v in pairs):
            raise OpError(f"{question_id} takes one answer per factor, as factor=value,factor=value")
        value = {k.strip(): v.strip() for k, _sep, v in pairs}
    elif qv.scale.kind == "multi":
        value = [v.strip() for v in text.split(",") if v.strip()]
    problem = qs.check_value(question_id, value)
    if problem:
        allowed = ", ".join([o.value for o in qv.scale.options] + (["na"] if qv.scale.allow_na else []))
        raise OpError(f"{problem} (its answers: {allowed})")
    return value


@dataclass(frozen=True)
class Answered:
    changed: bool
    reading: str  # whose reading it went into
    changes: OpChanges = ANSWERED


def record(ws: Workspace, case_ref: str, question_id: str, *, value: str | None = None, note: str | None = None,
           why: str = "", clear: bool = False, inspection: str | None = None) -> Answered:
    """Record, change (``value``, ``note``) or ``clear`` one answer of the case's reading."""
    if clear == (value is not None):
        raise OpError("give --value, or --clear to clear the answer")
    case_id = ws.find_case(case_ref, ws.find_inspection(inspection).id if inspection else None)
    who = ws.who()
    session = CaseSession(ws, case_id, who)
    if question_id not in session.qs.by_id:
        raise OpError(f"unknown question {question_id!r} in {session.qs.id}")
    owner = session.assessment.assessor
    if not same_person(who, owner) and not why.strip():
        raise OpError(f"this is {owner}'s reading: a correction needs --why (recorded with it)")
    if not why.strip() and session.review().state == "approved":
        raise OpError(f"case {case_ref} is approved: a change needs --why (recorded with it). Nothing was changed.")
    old = session.stored_state(question_id)
    if clear:
        state = AnswerState()
    else:
        if session.applicability()[question_id] is not True:
            raise OpError(f"{question_id}: {session.reason(question_id)} Nothing was changed.")
        parsed = parse_value(session.qs, question_id, value or "")
        state = AnswerState(parsed, old.note if note is None else note, old.practice)
    try:
        changed = session.save(question_id, state, why=why.strip())
    except (PermissionError, ValueError) as e:
        raise OpError(f"{e}. Nothing was changed.") from None
    return Answered(changed, owner)
