"""The save-and-retry queue lives in the Qt-free session: a failed write is kept
and shown, retried in order, and never lost."""

from __future__ import annotations

from storage.store import DiskFull
from ui.ops.session import AnswerState, CaseSession
from ui.ops.workspace import Workspace


def test_a_failed_save_stays_pending_then_is_stored_on_retry(store, iaow, monkeypatch):
    iid = store.create_inspection("Q", iaow.id, iaow.version)
    cid = store.add_case(iid, "R-1", {"case_type": "community_order", "gender": "male", "rosh_level": "low"})
    s = CaseSession(Workspace(store), cid, "Ann")
    real = store.save_answer

    def full(*a, **k):
        raise DiskFull("the disk is full")

    monkeypatch.setattr(store, "save_answer", full)
    r = s.submit("IAOW-2.1-02", AnswerState("yes"))
    r2 = s.submit("IAOW-2.1-03", AnswerState("no"))
    assert (r.saved, r.pending, r.message) == (False, 1, "the disk is full") and r2.pending == 2
    assert s.state("IAOW-2.1-02").value == "yes"  # shown although not stored
    assert not s.is_answered("IAOW-2.1-02")
    assert s.retry_pending().saved is False
    monkeypatch.setattr(store, "save_answer", real)
    done = s.retry_pending()
    assert done.saved and done.pending == 0 and s.pending == {}
    a = store.primary_assessment(cid)
    assert {q: r.value for q, r in store.answers(a.id).items()} == {"IAOW-2.1-02": "yes", "IAOW-2.1-03": "no"}


def test_a_write_that_can_never_succeed_is_refused_not_retried(store, iaow, monkeypatch):
    iid = store.create_inspection("Q", iaow.id, iaow.version)
    cid = store.add_case(iid, "R-1", {"case_type": "community_order", "gender": "male", "rosh_level": "low"})
    s = CaseSession(Workspace(store), cid, "Ann")

    def denied(*a, **k):
        raise PermissionError("read-only")

    monkeypatch.setattr(store, "save_answer", denied)
    r = s.submit("IAOW-2.1-02", AnswerState("yes"))
    assert r.refused == "read-only" and s.pending == {}


def test_a_45_mb_note_is_refused_at_once_and_nothing_is_stored(store, iaow):
    """Issue 13: a 45 MB note was stored, and printing the case then ran for over 5 minutes."""
    import time

    iid = store.create_inspection("Q", iaow.id, iaow.version)
    cid = store.add_case(iid, "R-1", {"case_type": "community_order", "gender": "male", "rosh_level": "low"})
    s = CaseSession(Workspace(store), cid, "Ann")
    s.submit("IAOW-2.1-02", AnswerState("yes", "first note"))
    audit = len(store.audit_rows())
    t = time.perf_counter()
    r = s.submit("IAOW-2.1-02", AnswerState("no", "x" * 45_000_000))
    assert time.perf_counter() - t < 2
    assert "the note is 45,000,000 characters long; at most 20,000" in r.refused and s.pending == {}
    assert r.saved and not r.message  # refused, not left to retry
    a = store.primary_assessment(cid)
    assert a is not None and store.answers(a.id)["IAOW-2.1-02"].note == "first note"
    assert s.state("IAOW-2.1-02").as_tuple() == ("yes", "first note", False) and len(store.audit_rows()) == audit
    r = s.submit("IAOW-2.1-03", AnswerState("yes", "NUL \x00 inside"))
    assert "U+0000" in r.refused and "IAOW-2.1-03" not in store.answers(a.id)
