"""Encrypted databases (SQLCipher): nothing readable at rest, a wrong key
refused untouched, plain files converted in place and copied out on request."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from storage.cipher import AlreadyEncrypted, NotEncrypted, encrypt_file, plain_copy
from storage.driver import SQLITE_MAGIC
from storage.errors import NotCaseAssessor, StorageError, WrongKey
from storage.store import Store
from tests.conftest import file_mode

REF = "CASE-SECRET-4471"


def _fill(s: Store, iaow) -> str:
    iid = s.create_inspection("Inspection Zed", iaow.id, iaow.version)
    aid = s.start_assessment(s.add_case(iid, REF, {"name": "Person"}), "ann", iaow.version)
    s.save_answer(aid, "IAOW-2.1-02", value="yes", note="a private note", who="ann")
    return iid


def _bytes_of(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_database_and_wal_hold_no_plaintext(db_path, iaow):
    key = os.urandom(32)
    s = Store(db_path, key=key)
    _fill(s, iaow)
    assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0  # the answer is in the log, encrypted
    data = _bytes_of(db_path)
    assert SQLITE_MAGIC not in data and REF.encode() not in data and b"private note" not in data
    s.close()
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC) and REF.encode() not in db_path.read_bytes()
    with Store(db_path, key=key) as again:
        assert again.encrypted and again.find_case(REF).reference == REF and again.integrity_ok()


def test_wrong_key_is_refused_and_changes_nothing(db_path, iaow):
    key = os.urandom(32)
    with Store(db_path, key=key) as s:
        _fill(s, iaow)
    before = _sha(db_path)
    with pytest.raises(WrongKey, match="Wrong passphrase or not a Case Assessor database; nothing was changed"):
        Store(db_path, key=os.urandom(32))
    with pytest.raises(NotCaseAssessor, match="encrypted and no key was given"):
        Store(db_path)
    assert _sha(db_path) == before and not db_path.with_name(db_path.name + "-wal").exists()


def test_junk_with_a_key_is_refused_untouched(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 300)
    with pytest.raises(WrongKey):
        Store(junk, key=os.urandom(32))
    assert junk.read_bytes() == b"not a database at all" * 300


def test_migration_backup_is_encrypted_with_the_same_key(db_path, iaow, monkeypatch):
    """An older encrypted database (schema 3) takes its .bak before migrating:
    encrypted with the database's key, 0600."""
    from storage import schema

    key = os.urandom(32)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr("storage.db.SCHEMA_VERSION", 3)
    with Store(db_path, key=key) as s:
        s.set_setting("note", REF)
    monkeypatch.undo()
    with Store(db_path, key=key) as s:
        bak = s.backup_path
        assert s.schema_version() == Store.expected_schema_version() and bak is not None
    raw = bak.read_bytes()
    assert SQLITE_MAGIC not in raw and REF.encode() not in raw and file_mode(bak) == 0o600
    with Store(bak, key=key) as old:
        assert old.get_setting("note") == REF


def test_plain_database_is_encrypted_in_place(db_path, iaow):
    with Store(db_path) as s:
        iid = _fill(s, iaow)
        head = s.audit_head()
    key = os.urandom(32)
    encrypt_file(db_path, key)
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC) and REF.encode() not in db_path.read_bytes()
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]  # backup removed, no leftovers
    assert file_mode(db_path) == 0o600
    with Store(db_path, key=key) as s:
        assert [c.reference for c in s.list_cases(iid)] == [REF] and s.integrity_ok()
        assert s.verify_audit().ok and s.audit_head() == head  # the audit chain came across whole
    with pytest.raises(AlreadyEncrypted):
        encrypt_file(db_path, key)


def test_encrypt_refused_while_another_connection_has_it_open(db_path, iaow):
    with Store(db_path) as s:
        _fill(s, iaow)
        with pytest.raises(StorageError, match="open in another program"):
            encrypt_file(db_path, os.urandom(32))
        assert s.find_case(REF).reference == REF
    assert db_path.read_bytes().startswith(SQLITE_MAGIC)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_failed_conversion_leaves_the_plain_file(db_path, iaow, monkeypatch):
    with Store(db_path) as s:
        _fill(s, iaow)
    before = _sha(db_path)

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("storage.cipher._fsync", boom)
    with pytest.raises(OSError):
        encrypt_file(db_path, os.urandom(32))
    assert _sha(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_plain_copy_for_analysis_tools(db_path, tmp_path, iaow):
    key = os.urandom(32)
    with Store(db_path, key=key) as s:
        iid = _fill(s, iaow)
    out = tmp_path / "analysis.sqlite3"
    plain_copy(db_path, key, out)
    assert out.read_bytes().startswith(SQLITE_MAGIC) and file_mode(out) == 0o600
    with Store(out) as p:
        assert [c.reference for c in p.list_cases(iid)] == [REF] and p.schema_version() == Store.expected_schema_version()
    with pytest.raises(StorageError, match="already exists"):
        plain_copy(db_path, key, out)
    with pytest.raises(StorageError, match="already exists"):
        plain_copy(db_path, key, db_path)
    with pytest.raises(NotEncrypted):
        plain_copy(out, key, tmp_path / "again.sqlite3")
    with pytest.raises(WrongKey):
        plain_copy(db_path, os.urandom(32), tmp_path / "wrong.sqlite3")
    assert not (tmp_path / "wrong.sqlite3").exists()
