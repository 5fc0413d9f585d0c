"""Review states: the lead inspector's review of a reading, as a pure state machine.

A reading (an assessor's assessment of a case) moves::

    in progress --submit--> submitted --return--> returned --resubmit--> resubmitted
                               |  ^                                         |
                               |  '-------------- reopen ---.               |
                               '--approve--> approved <------+--approve-----'
                                                              (resubmitted can be returned again)

* **submit** / **resubmit** are the assessor's: they happen when the assessor
  exports a reading they have marked complete (a complete reading is what
  ODK Collect calls finalized and Survey Solutions calls completed; the export
  is the "send").  An incomplete reading travels in the export as work in
  progress and is not submitted.
* **return** (with a comment on the case, and optionally on answers),
  **approve** and **reopen** (with a reason) are the lead inspector's.
* Each step takes the reading's next step number ``n``.  The two sides never
  step at the same time: while a reading is submitted only the lead can act,
  while it is returned only the assessor can.  So a step from a file is either
  one already known (``n`` at most the current one) or the very next one.
* A submitted reading is locked for its assessor until it is returned; an
  approved reading is locked for everyone: a change needs a reason (audited).
"""

from __future__ import annotations

from typing import Literal

from models.i18n import N_

State = Literal["in_progress", "submitted", "returned", "resubmitted", "approved"]
Action = Literal["submit", "resubmit", "return", "approve", "reopen"]

STATES: tuple[State, ...] = ("in_progress", "submitted", "returned", "resubmitted", "approved")
LABELS: dict[str, str] = {"in_progress": N_("Not submitted"), "submitted": N_("Submitted"), "returned": N_("Returned"),
                          "resubmitted": N_("Resubmitted"), "approved": N_("Approved")}  # translated where shown
ASSESSOR_ACTIONS: frozenset[str] = frozenset({"submit", "resubmit"})
LEAD_ACTIONS: frozenset[str] = frozenset({"return", "approve", "reopen"})
COMMENT = "comment"  # not a step: the lead's comment on one answer, made with a return
MAX_COMMENT = 4_000

_NEXT: dict[tuple[str, str], State] = {
    ("in_progress", "submit"): "submitted",
    ("returned", "resubmit"): "resubmitted",
    ("submitted", "return"): "returned",
    ("resubmitted", "return"): "returned",
    ("submitted", "approve"): "approved",
    ("resubmitted", "approve"): "approved",
    ("approved", "reopen"): "submitted",
}

_WHY_NOT: dict[str, str] = {
    "submit": "only a reading in progress is submitted (on export, once marked complete)",
    "resubmit": "only a returned reading is resubmitted",
    "return": "only a submitted or resubmitted case can be returned",
    "approve": "only a submitted or resubmitted case can be approved",
    "reopen": "only an approved case can be reopened",
}


class ReviewError(ValueError):
    """A step the review does not allow; the message says why."""


def label(state: str) -> str:
    return LABELS.get(state, state)


def step(state: str, action: str, *, comment: str = "", why: str = "") -> State:
    """The state after ``action``; :class:`ReviewError` if it is not allowed
    (a return needs a comment on the case, a reopen a reason)."""
    nxt = _NEXT.get((state, action))
    if nxt is None:
        if action not in _WHY_NOT:
            raise ReviewError(f"unknown review step {action!r}")
        raise ReviewError(f"the case is {label(state).lower()}: {_WHY_NOT[action]}")
    if action == "return" and not comment.strip():
        raise ReviewError("a return needs a comment on the case saying what to change")
    if action == "reopen" and not why.strip():
        raise ReviewError("reopening an approved case needs a reason (recorded)")
    if len(comment) > MAX_COMMENT or len(why) > MAX_COMMENT:
        raise ReviewError(f"a comment or reason is limited to {MAX_COMMENT} characters")
    return nxt


def submission(state: str) -> Action | None:
    """The assessor's step when a complete reading in ``state`` is exported, if any."""
    return "submit" if state == "in_progress" else "resubmit" if state == "returned" else None


def incoming(state: str, n: int, event_n: int, action: str) -> bool:
    """Whether a step received from the other side (number ``event_n``) moves a
    reading now at (``state``, ``n``): False for a step already known or
    superseded; True for the next step when it is allowed.  :class:`ReviewError`
    for a step that skips ahead or is not allowed from here: no honest file holds one."""
    if event_n <= n:
        return False
    if event_n != n + 1:
        raise ReviewError(f"review step {event_n} follows step {n} known here: steps are missing")
    step(state, action, comment="-", why="-")
    return True


def edit_refusal(state: str, *, by_owner: bool, why: str) -> str | None:
    """Why a change to a reading in ``state`` is refused (None: allowed).
    ``by_owner``: the reading's own assessor is making it."""
    if state == "approved" and not why.strip():
        return "this case is approved: a change needs a reason (recorded in the audit trail)"
    if state in ("submitted", "resubmitted") and by_owner:
        return "this case was submitted to the lead inspector: it can be changed again once they return it"
    return None
