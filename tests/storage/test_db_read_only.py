"""storage.db: a database that may not be written opens read-only (issue 14:
"a read-only database traps the assessor").  Reads work, every write is refused
with a clear message, and the file is unchanged."""

from __future__ import annotations

import os

import pytest

from storage.errors import ReadOnly, StorageError
from storage.schema import SCHEMA_VERSION
from storage.store import Store

from ..conftest import make_inspection


@pytest.fixture
def filled(db_path, iaow):
    s = Store(db_path)
    make_inspection(s, iaow, 3)
    s.close()
    return db_path


def test_a_database_opened_read_only_reads_and_refuses_every_write(filled):
    before = filled.read_bytes()
    s = Store(filled, read_only=True)
    assert s.read_only is not None and "read-only" in str(s.read_only)
    iid = s.list_inspections()[0].id
    assert len(s.case_summaries(iid)) == 3
    with pytest.raises(ReadOnly, match="view and print"):
        s.set_setting("last_inspection", iid)
    with pytest.raises(ReadOnly):
        s.add_case(iid, "NEW", {})
    s.close()
    assert filled.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write a file whatever its mode")
def test_a_file_without_write_permission_opens_read_only(filled):
    filled.chmod(0o400)
    try:
        s = Store(filled)
        assert s.read_only is not None and len(s.list_inspections()) == 1
        with pytest.raises(ReadOnly):
            s.set_setting("x", "y")
        s.close()
    finally:
        filled.chmod(0o600)


def test_an_unwritable_file_is_detected(filled, monkeypatch):
    # the check root cannot make fail with chmod: os.access says the file may not be written
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    s = Store(filled)
    assert s.read_only is not None
    s.close()


def test_an_older_database_that_may_not_be_written_is_refused_clearly(filled):
    import sqlite3

    c = sqlite3.connect(filled)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    c.close()
    with pytest.raises(StorageError, match="older Case Assessor: it must be upgraded"):
        Store(filled, read_only=True)
