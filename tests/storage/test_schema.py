"""storage.schema: versions, migrations from committed fixture databases, foreign files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage import driver as sqlite3  # noqa: I001 (the app's driver: two SQLite copies in one process miss each other's locks)
from storage.schema import SCHEMA_VERSION
from storage.store import StorageError, Store


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
    with pytest.raises(StorageError, match="not a Case Assessor database, or it is encrypted"):
        Store(junk)
    assert junk.read_bytes() == b"this is not sqlite at all" * 100


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


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("version", [1, 2])
def test_committed_fixture_databases_migrate_to_the_current_schema(tmp_path, version):
    src = FIXTURES / f"schema-v{version}.sqlite3"
    db = tmp_path / "old.sqlite3"
    shutil.copy(src, db)
    before = sqlite3.connect(db)
    counts = {t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("cases", "answers", "audit")}
    answers = before.execute("SELECT * FROM answers ORDER BY assessment_id, question_id").fetchall()
    old_cols = [r[1] for r in before.execute("PRAGMA table_info(answers)")]
    before.close()
    s = Store(db)
    assert s.schema_version() == SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        assert s.backup_path is not None and s.backup_path.read_bytes()[:16] == b"SQLite format 3\x00"
    else:
        assert s.backup_path is None  # nothing to migrate, so no backup
    for table, n in counts.items():
        assert s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    assert s.conn.execute(f"SELECT {', '.join(old_cols)} FROM answers ORDER BY assessment_id, question_id").fetchall() == answers
    assert s.integrity_ok()
    s.close()
