"""The review state machine: every allowed step, every refused one with a
clear reason, and the law that steps from files merge in any order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import review as r


def test_the_allowed_steps():
    assert r.step("in_progress", "submit") == "submitted"
    assert r.step("submitted", "return", comment="fix 2.1") == "returned"
    assert r.step("returned", "resubmit") == "resubmitted"
    assert r.step("resubmitted", "return", comment="again") == "returned"
    assert r.step("resubmitted", "approve") == "approved"
    assert r.step("submitted", "approve") == "approved"
    assert r.step("approved", "reopen", why="a late record") == "submitted"


@pytest.mark.parametrize("state, action, says", [
    ("in_progress", "approve", "the case is not submitted: only a submitted or resubmitted case can be approved"),
    ("returned", "approve", "the case is returned: only a submitted"),
    ("approved", "return", "the case is approved: only a submitted or resubmitted case can be returned"),
    ("submitted", "reopen", "only an approved case can be reopened"),
    ("approved", "submit", "only a reading in progress is submitted"),
    ("submitted", "resubmit", "only a returned reading is resubmitted"),
    ("submitted", "delete", "unknown review step"),
])
def test_illegal_steps_are_refused_with_a_reason(state, action, says):
    with pytest.raises(r.ReviewError, match=says):
        r.step(state, action, comment="c", why="w")


def test_a_return_needs_a_comment_and_a_reopen_a_reason():
    with pytest.raises(r.ReviewError, match="needs a comment"):
        r.step("submitted", "return", comment="  ")
    with pytest.raises(r.ReviewError, match="needs a reason"):
        r.step("approved", "reopen")
    with pytest.raises(r.ReviewError, match="limited"):
        r.step("submitted", "return", comment="x" * (r.MAX_COMMENT + 1))


def test_submission_on_export_and_the_locks():
    assert [r.submission(s) for s in r.STATES] == ["submit", None, "resubmit", None, None]
    assert r.edit_refusal("approved", by_owner=False, why="") and not r.edit_refusal("approved", by_owner=True, why="x")
    assert r.edit_refusal("submitted", by_owner=True, why="") and not r.edit_refusal("submitted", by_owner=False, why="")
    assert not r.edit_refusal("returned", by_owner=True, why="")


# A legal history: the assessor and the lead alternate, each step numbered.
HISTORY = [("submit", "submitted"), ("return", "returned"), ("resubmit", "resubmitted"), ("return", "returned"),
           ("resubmit", "resubmitted"), ("approve", "approved"), ("reopen", "submitted"), ("approve", "approved")]


def _fold(known: set[int], order: list[int]) -> tuple[str, int, set[int]]:
    """Apply step numbers (1-based into HISTORY) in ``order`` to a side that
    already holds ``known`` (a prefix); steps that do not fit yet are left out."""
    state, n = ("in_progress", 0) if not known else (HISTORY[max(known) - 1][1], max(known))
    held = set(known)
    for i in order:
        action, _to = HISTORY[i - 1]
        try:
            moved = r.incoming(state, n, i, action)
        except r.ReviewError:
            continue  # skips ahead: an honest file never does; the merge refuses it
        if moved:
            state, n = HISTORY[i - 1][1], i
        held.add(i)
    return state, n, held


@given(st.integers(0, 7), st.lists(st.integers(1, 8), max_size=12))
def test_steps_already_known_or_repeated_never_move_the_state_back(prefix, replays):
    """Replaying any earlier steps, in any order and any number of times, after a
    side reached step ``prefix`` leaves it there; the next step (only) moves it on."""
    known = set(range(1, prefix + 1))
    old = [i for i in replays if i <= prefix]
    state, n, _ = _fold(known, old)
    assert n == prefix and state == (HISTORY[prefix - 1][1] if prefix else "in_progress")
    if prefix < len(HISTORY):
        state, n, _ = _fold(known, [*old, prefix + 1, *old])
        assert (state, n) == (HISTORY[prefix][1], prefix + 1)
