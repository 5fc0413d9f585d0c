"""storage.errors on real SQLite files: each environment problem has its class,
a message fit for the user (no personal data), and says whether a retry can
help; a bug (constraint, syntax, misuse) is raised as the sqlite3 error it is."""

from __future__ import annotations

import os
import sqlite3 as stdlib_sqlite3  # result-code constants only
import stat
from pathlib import Path

import pytest

from storage import driver as sqlite3  # noqa: I001 (the app's driver: two SQLite copies in one process miss each other's locks)
from storage.errors import (
    CannotOpen,
    Corrupt,
    DatabaseBusy,
    DiskError,
    DiskFull,
    NotCaseAssessor,
    ReadOnly,
    storage_error,
)
from storage.store import StorageError, Store

REF, NOTE = "CASE-SECRET-77", "private note about the person"


def _filled(db: Path, iaow, n: int = 30) -> tuple[str, str]:
    """A database with ``n`` cases and answers; returns (inspection id, first assessment id)."""
    s = Store(db)
    iid = s.create_inspection("I", iaow.id, iaow.version)
    first = ""
    for i in range(n):
        aid = s.start_assessment(s.add_case(iid, f"{REF}-{i}", {}), "ann", iaow.version)
        first = first or aid
        for q in ("IAOW-2.1-02", "IAOW-2.1-03", "IAOW-2.1-04"):
            s.save_answer(aid, q, value="yes", note=f"{NOTE} {i}", who="ann")
    s.close()  # checkpoints the write-ahead log into the file
    return iid, first


def _no_personal_data(err: StorageError) -> None:
    assert REF not in str(err) and NOTE not in str(err) and "yes" not in str(err)


def _corrupt_page(db: Path, name: str) -> None:
    """Overwrite the root page of table or index ``name`` with garbage."""
    c = sqlite3.connect(db)
    page_size = c.execute("PRAGMA page_size").fetchone()[0]
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    c.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes([0xA5]) * page_size)


def test_read_only_database(db_path, iaow):
    _iid, aid = _filled(db_path, iaow, 1)
    s = Store(db_path)
    s.conn.close()
    s.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(ReadOnly, match="read-only") as exc:
        s.save_answer(aid, "IAOW-2.1-05", value="no", note=NOTE, who="ann")
    assert not exc.value.retryable
    assert exc.value.code is not None and exc.value.code & 0xFF == stdlib_sqlite3.SQLITE_READONLY
    _no_personal_data(exc.value)
    assert set(s.answers(aid)) == {"IAOW-2.1-02", "IAOW-2.1-03", "IAOW-2.1-04"}  # reads still work
    s.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root")
def test_read_only_file_in_a_read_only_folder(tmp_path, iaow):
    folder = tmp_path / "ro"
    folder.mkdir()
    _iid, aid = _filled(folder / "cases.sqlite3", iaow, 1)
    (folder / "cases.sqlite3").chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StorageError) as exc:
            s = Store(folder / "cases.sqlite3")
            s.save_answer(aid, "IAOW-2.1-05", value="no", who="ann")
        assert isinstance(exc.value, ReadOnly | CannotOpen) and not exc.value.retryable
    finally:
        folder.chmod(stat.S_IRWXU)


def test_full_disk(db_path, iaow):
    _iid, aid = _filled(db_path, iaow, 1)
    s = Store(db_path)
    pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
    s.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="disk is full") as exc:
        s.save_answer(aid, "IAOW-2.1-05", value="no", note=NOTE * 2000, who="ann")
    assert exc.value.retryable
    _no_personal_data(exc.value)
    assert "IAOW-2.1-05" not in s.answers(aid)  # nothing half-written
    s.conn.execute(f"PRAGMA max_page_count = {pages * 100}")  # space freed: the retry works
    assert s.save_answer(aid, "IAOW-2.1-05", value="no", note=NOTE * 2000, who="ann")
    s.close()


def test_locked_database(db_path, iaow):
    _iid, aid = _filled(db_path, iaow, 1)
    s = Store(db_path, timeout=0.1)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseBusy, match="locked") as exc:
            s.save_answer(aid, "IAOW-2.1-05", value="no", note=NOTE, who="ann")
        assert exc.value.retryable
        _no_personal_data(exc.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert s.save_answer(aid, "IAOW-2.1-05", value="no", who="ann")
    s.close()


@pytest.mark.parametrize("damaged", ["answers", "sqlite_autoindex_answers_1"])
def test_damaged_page_says_restore_a_backup(db_path, iaow, damaged):
    iid, aid = _filled(db_path, iaow)
    _corrupt_page(db_path, damaged)
    s = Store(db_path)  # the first page is intact: it opens
    try:
        with pytest.raises(Corrupt, match="damaged.*Restore it from a backup") as exc:
            s.answers(aid)
        assert not exc.value.retryable
        _no_personal_data(exc.value)
        with pytest.raises(Corrupt):
            s.case_summaries(iid)
        assert not s.conn.in_transaction
    finally:
        s.close()


def test_corrupted_middle_of_the_file(db_path, iaow):
    iid, _aid = _filled(db_path, iaow)
    size = db_path.stat().st_size
    with open(db_path, "r+b") as f:
        f.seek(size // 3)
        f.write(b"\xff" * (size // 3))
    with pytest.raises(Corrupt):
        s = Store(db_path)
        try:
            s.case_summaries(iid)
        finally:
            s.close()


def test_not_a_database(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage that is no database\x00" * 200)
    with pytest.raises(NotCaseAssessor, match="not a Case Assessor database"):
        Store(junk)  # refused by its first bytes, before SQLite reads it
    assert junk.read_bytes() == b"\x00garbage that is no database\x00" * 200


def test_cannot_open_a_folder(tmp_path):
    with pytest.raises(CannotOpen, match="could not be opened"):
        Store(tmp_path)


def test_a_folder_that_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(CannotOpen, match="folder could not be created"):
        Store(tmp_path / "file" / "cases.sqlite3")


def test_a_constraint_violation_is_a_bug_raised_as_it_is(store, iaow):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.start_assessment("no-such-case", "ann", iaow.version)
    assert store.audit_rows() == []  # rolled back, audit row and all


def test_syntax_error_and_misuse_are_bugs(store):
    with pytest.raises(sqlite3.OperationalError, match="syntax"):
        store.query("SELEC 1")
    with pytest.raises(sqlite3.ProgrammingError):
        store.query("SELECT ?", (1, 2))


@pytest.mark.parametrize(
    ("code", "cls", "retryable"),
    [
        (stdlib_sqlite3.SQLITE_BUSY, DatabaseBusy, True),
        (stdlib_sqlite3.SQLITE_LOCKED, DatabaseBusy, True),
        (517, DatabaseBusy, True),  # SQLITE_BUSY_SNAPSHOT: an extended code, mapped by its primary code
        (stdlib_sqlite3.SQLITE_FULL, DiskFull, True),
        (778, DiskError, True),  # SQLITE_IOERR_WRITE
        (stdlib_sqlite3.SQLITE_READONLY, ReadOnly, False),
        (stdlib_sqlite3.SQLITE_PERM, ReadOnly, False),
        (stdlib_sqlite3.SQLITE_CORRUPT, Corrupt, False),
        (stdlib_sqlite3.SQLITE_NOTADB, Corrupt, False),
        (stdlib_sqlite3.SQLITE_CANTOPEN, CannotOpen, False),
    ],
)
def test_codes_map_to_classes(code, cls, retryable):
    e = sqlite3.OperationalError("whatever the message says")
    e.sqlite_errorcode = code
    err = storage_error(e)
    assert type(err) is cls and err.retryable is retryable and err.code == code


@pytest.mark.parametrize("code", [stdlib_sqlite3.SQLITE_CONSTRAINT, stdlib_sqlite3.SQLITE_ERROR, stdlib_sqlite3.SQLITE_MISUSE,
                                  stdlib_sqlite3.SQLITE_AUTH, 2067])  # 2067: SQLITE_CONSTRAINT_UNIQUE
def test_other_codes_and_messages_are_bugs(code):
    e = sqlite3.OperationalError("database is locked")  # the message is not what decides
    e.sqlite_errorcode = code
    assert storage_error(e) is None
    assert storage_error(sqlite3.ProgrammingError("database is locked")) is None
