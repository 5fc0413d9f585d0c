"""The store on real SQLite files: durability settings, audit, versions, errors."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storage.schema import SCHEMA_VERSION
from storage.store import StorageError, Store


def test_pragmas(store):
    c = store.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version() == SCHEMA_VERSION


def test_answer_is_durable_when_save_returns(db_path, iaow):
    s = Store(db_path)
    iid = s.create_inspection("I", iaow.id, iaow.version)
    cid = s.add_case(iid, "R1", {"case_type": "licence"})
    aid = s.start_assessment(cid, "ann", iaow.version)
    s.save_answer(aid, "IAOW-2.1-02", value="yes", note="seen on day 3", practice=True, who="ann")
    # a second, independent connection sees it at once (committed, not buffered)
    other = sqlite3.connect(db_path)
    row = other.execute("SELECT value, note, practice FROM answers").fetchone()
    assert row == ('"yes"', "seen on day 3", 1)
    other.close()
    s.close()
    s2 = Store(db_path)
    assert s2.answers(aid)["IAOW-2.1-02"].value == "yes"
    s2.close()


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
    assert store.answers(aid) == {}


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


def test_newer_database_is_refused_unchanged(db_path):
    Store(db_path).close()
    c = sqlite3.connect(db_path)
    c.execute("PRAGMA user_version = 99")
    c.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match="newer Case Assessor"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_foreign_database_and_garbage_are_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE stuff (x)")
    c.commit()
    c.close()
    with pytest.raises(StorageError, match="not a Case Assessor database"):
        Store(other)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="damaged or is not"):
        Store(junk)
    assert junk.read_bytes() == b"this is not sqlite at all" * 100


def test_locked_database_is_a_clear_error_and_loses_nothing(db_path, iaow):
    s = Store(db_path, timeout=0.1)
    iid = s.create_inspection("I", iaow.id, iaow.version)
    aid = s.start_assessment(s.add_case(iid, "R1", {}), "ann", iaow.version)
    s.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StorageError, match="locked"):
        s.save_answer(aid, "IAOW-2.1-03", value="no", who="ann")
    blocker.execute("ROLLBACK")
    blocker.close()
    assert set(s.answers(aid)) == {"IAOW-2.1-02"}
    s.save_answer(aid, "IAOW-2.1-03", value="no", who="ann")  # the retry works
    assert set(s.answers(aid)) == {"IAOW-2.1-02", "IAOW-2.1-03"}
    s.close()


def test_migration_takes_a_backup_first(db_path, monkeypatch):
    import storage.schema as schema

    Store(db_path).close()
    applied = []

    def v2(db):
        db.execute("CREATE TABLE extra (x)")
        applied.append(2)

    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION + 1, v2)
    s = Store(db_path)
    assert applied == [2] and s.schema_version() == SCHEMA_VERSION + 1
    assert s.backup_path is not None and s.backup_path.exists()
    bak = sqlite3.connect(s.backup_path)
    assert bak.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    bak.close()
    s.close()


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("version", [1, 2])
def test_committed_fixture_databases_migrate_to_the_current_schema(tmp_path, version):
    src = FIXTURES / f"schema-v{version}.sqlite3"
    db = tmp_path / "old.sqlite3"
    shutil.copy(src, db)
    before = sqlite3.connect(db)
    counts = {t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("cases", "answers", "audit")}
    answers = before.execute("SELECT * FROM answers ORDER BY assessment_id, question_id").fetchall()
    before.close()
    s = Store(db)
    assert s.schema_version() == SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        assert s.backup_path is not None and s.backup_path.read_bytes()[:16] == b"SQLite format 3\x00"
    else:
        assert s.backup_path is None  # nothing to migrate, so no backup
    for table, n in counts.items():
        assert s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    cols = [r[1] for r in s.conn.execute("PRAGMA table_info(answers)")]
    assert s.conn.execute(f"SELECT {', '.join(cols)} FROM answers ORDER BY assessment_id, question_id").fetchall() == answers
    assert s.integrity_ok()
    s.close()


def test_bulk_writes_keep_every_commit_and_restore_checkpointing(db_path, iaow):
    s = Store(db_path)
    iid = s.create_inspection("Bulk", iaow.id, iaow.version)
    with s.bulk_writes():
        assert s.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 25_000
        for i in range(5):  # one transaction each, as a merge commits per file
            s.add_case(iid, f"B{i}", {})
    assert s.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    s.close()
    again = Store(db_path)
    try:
        assert [c.reference for c in again.list_cases(iid)] == [f"B{i}" for i in range(5)]
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        again.close()
