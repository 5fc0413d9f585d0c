"""storage.store: the audit trail, read-only completed cases, all-or-none batches."""

from __future__ import annotations

import pytest

from storage import driver as sqlite3  # noqa: I001 (the app's driver: two SQLite copies in one process miss each other's locks)


def test_every_change_is_audited_with_old_and_new(store, iaow):
    iid = store.create_inspection("I", iaow.id, iaow.version)
    cid = store.add_case(iid, "R1", {})
    aid = store.start_assessment(cid, "ann", iaow.version)
    assert store.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")
    assert not store.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")  # no change, no row
    store.save_answer(aid, "IAOW-2.1-02", value="no", note="late", who="bob")
    store.save_answer(aid, "IAOW-2.1-02", value=None, who="bob")  # cleared
    rows = [r for r in store.audit_rows(assessment_id=aid) if r.action == "answer"]
    assert [(r.who, r.old, r.new) for r in rows] == [
        ("ann", None, {"value": "yes", "note": "", "practice": False}),
        ("bob", {"value": "yes", "note": "", "practice": False}, {"value": "no", "note": "late", "practice": False}),
        ("bob", {"value": "no", "note": "late", "practice": False}, None),
    ]
    cleared = store.answers(aid)["IAOW-2.1-02"]  # a tombstone, so the clearing can travel to the lead
    assert (cleared.value, cleared.note, cleared.practice, cleared.seq) == (None, "", False, 3)
    assert not store.save_answer(aid, "IAOW-2.1-02", value=None, who="bob")  # clearing again changes nothing


def test_audit_log_is_append_only(store, iaow):
    store.create_inspection("I", iaow.id, iaow.version)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE audit SET who = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM audit")


def test_complete_case_is_read_only_until_reopened(store, iaow):
    iid = store.create_inspection("I", iaow.id, iaow.version)
    aid = store.start_assessment(store.add_case(iid, "R1", {}), "ann", iaow.version)
    store.set_status(aid, "complete", "ann")
    with pytest.raises(PermissionError):
        store.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")
    store.set_status(aid, "in_progress", "lead")
    store.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")
    actions = [r.action for r in store.audit_rows(assessment_id=aid)]
    assert actions[-3:] == ["complete", "reopen", "answer"]


def test_duplicate_reference_rolls_back_the_whole_batch(store, iaow):
    iid = store.create_inspection("I", iaow.id, iaow.version)
    store.add_case(iid, "R1", {})
    with pytest.raises(ValueError, match="already in this inspection"):
        store.add_cases(iid, [("R2", {}), ("R1", {})])
    assert [c.reference for c in store.list_cases(iid)] == ["R1"]
