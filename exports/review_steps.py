"""Review steps in files: the ``review`` section of an export and of a pack.

An assessor's export carries their own steps (``submit``, ``resubmit``); a
pack carries the lead's (``return``, ``approve``, ``reopen`` and comments on
answers).  Each side's section admits only its own actions, so a file can
never claim the other side's step (the merge and the pack import check whose
reading each step is on as well).  The section is optional: a file without
steps leaves it out, and reads as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.review import MAX_COMMENT
from storage.review import ReviewEvent

MAX_STEPS = 50_000
_TEXT = 500
StateName = Literal["in_progress", "submitted", "returned", "resubmitted", "approved"]


class _Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1, max_length=100)
    assessment_id: str = Field(min_length=1, max_length=_TEXT, description="the reading the step is on")
    n: int = Field(ge=1, le=2**31, description="the reading's step number")
    state: StateName = Field(description="the state the step leads to")
    who: str = Field(max_length=_TEXT)
    at: str = Field(max_length=_TEXT)
    comment: str = Field("", max_length=MAX_COMMENT)


class AssessorStep(_Step):
    """A submission: the assessor exported the reading marked complete."""

    action: Literal["submit", "resubmit"]


class LeadStep(_Step):
    """The lead's step, or (``comment``) their comment on one answer made with a return."""

    action: Literal["return", "approve", "reopen", "comment"]
    question_id: str | None = Field(None, max_length=_TEXT)


def to_json(events: Iterable[ReviewEvent]) -> list[dict[str, Any]]:
    """Steps as the file carries them (an assessor's carry no question)."""
    out = []
    for e in events:
        d: dict[str, Any] = {"id": e.id, "assessment_id": e.assessment_id, "n": e.n, "action": e.action,
                             "state": e.state, "who": e.who, "at": e.at, "comment": e.comment}
        if e.question_id is not None:
            d["question_id"] = e.question_id
        out.append(d)
    return out


def to_rows(steps: Iterable[AssessorStep | LeadStep]) -> list[ReviewEvent]:
    return [ReviewEvent(s.id, s.assessment_id, s.n, s.action, s.state, s.who, s.at, s.comment,
                        getattr(s, "question_id", None)) for s in steps]
