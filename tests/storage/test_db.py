"""storage.db on real SQLite files: durability settings, transactions, bulk writes."""

from __future__ import annotations

import pytest

from storage import driver as sqlite3  # noqa: I001 (the app's driver: two SQLite copies in one process miss each other's locks)
from storage.errors import DatabaseBusy
from storage.schema import SCHEMA_VERSION
from storage.store import StorageError, Store

from ..conftest import make_inspection


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


def test_locked_database_is_a_clear_error_and_loses_nothing(db_path, iaow):
    s = Store(db_path, timeout=0.1)
    iid = s.create_inspection("I", iaow.id, iaow.version)
    aid = s.start_assessment(s.add_case(iid, "R1", {}), "ann", iaow.version)
    s.save_answer(aid, "IAOW-2.1-02", value="yes", who="ann")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseBusy, match="locked") as exc:
        s.save_answer(aid, "IAOW-2.1-03", value="no", who="ann")
    assert isinstance(exc.value, StorageError) and exc.value.retryable
    blocker.execute("ROLLBACK")
    blocker.close()
    assert set(s.answers(aid)) == {"IAOW-2.1-02"}
    s.save_answer(aid, "IAOW-2.1-03", value="no", who="ann")  # the retry works
    assert set(s.answers(aid)) == {"IAOW-2.1-02", "IAOW-2.1-03"}
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


def test_a_bug_inside_a_transaction_is_raised_as_it_is_and_rolled_back(store, iaow):
    iid = store.create_inspection("I", iaow.id, iaow.version)
    with pytest.raises(sqlite3.OperationalError, match="syntax error"):
        with store.transaction() as c:
            c.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
            c.execute("INSERT INTO nowhere VALUE (1)")
    assert store.get_setting("k") is None
    assert not store.conn.in_transaction
    assert [i.id for i in store.list_inspections()] == [iid]


def _damage_page(path, index_name: str) -> None:
    """Scribble over one b-tree page of the closed database ``path``."""
    c = sqlite3.connect(path)
    page_size = c.execute("PRAGMA page_size").fetchone()[0]
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index_name,)).fetchone()[0]
    c.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff\x13" * 200)


@pytest.mark.parametrize("damaged", ["idx_cases_inspection_id_reference", "answers"])
def test_a_damaged_database_opens_read_only_and_is_never_written(tmp_path, iaow, damaged):
    """A damaged index page let the merge write into the damaged file; a damaged answers
    page gave a raw sqlite3.DatabaseError traceback."""
    from storage.errors import Damaged, StorageError

    path = tmp_path / "d.sqlite3"
    s = Store(path)
    iid = make_inspection(s, iaow, 30)
    s.close()
    _damage_page(path, damaged)
    before = path.read_bytes()
    try:
        s = Store(path)
    except StorageError as e:  # so damaged that even reading fails: refused, never a traceback
        assert path.read_bytes() == before, e
        return
    assert isinstance(s.damaged, Damaged) and "read-only" in str(s.damaged)
    with pytest.raises(Damaged):
        s.add_case(iid, "NEW-1", {"case_type": "licence"})
    with pytest.raises(Damaged):
        s.set_setting("x", "y")
    s.close()
    assert path.read_bytes() == before
    assert not path.with_name("d.sqlite3-wal").exists() or path.with_name("d.sqlite3-wal").stat().st_size == 0


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    """Opening another program's SQLite file switched it to WAL mode while the message said nothing changed."""
    from storage.errors import NotCaseAssessor

    other = tmp_path / "places.sqlite"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    c.execute("PRAGMA user_version = 2")  # a version number of its own, like a v2 Case Assessor file
    c.commit()
    c.close()
    before = other.read_bytes()
    for _ in range(2):
        with pytest.raises(NotCaseAssessor, match="not a Case Assessor database"):
            Store(other)
    assert other.read_bytes() == before
    assert before[18:20] == b"\x01\x01"  # still a rollback-journal file: not switched to WAL
    assert not other.with_name("places.sqlite-wal").exists()
