"""storage.private: a new database, its -wal and -shm, a migration backup and
the folders made for them are readable by their owner only (POSIX)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.private import private_dir
from storage.store import Store

from ..conftest import file_mode

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
              pytest.mark.usefixtures("usual_umask")]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_new_database_and_its_wal_and_shm_are_0600_in_new_0700_folders(tmp_path):
    db = tmp_path / "data" / "case-assessor" / "cases.sqlite3"
    s = Store(db)
    s.set_setting("assessor_name", "Ann")  # a write, so the log holds data
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    assert wal.exists() and shm.exists()
    assert (file_mode(db), file_mode(wal), file_mode(shm)) == (0o600, 0o600, 0o600)
    assert file_mode(db.parent) == file_mode(db.parent.parent) == 0o700
    s.close()


def test_an_existing_folder_and_file_keep_their_file_mode(tmp_path):
    tmp_path.chmod(0o755)
    db = tmp_path / "shared.sqlite3"
    Store(db).close()
    assert file_mode(tmp_path) == 0o755  # the user's own folder is theirs to share
    db.chmod(0o640)
    Store(db).close()
    assert file_mode(db) == 0o640


def test_a_migration_backup_is_0600(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-v1.sqlite3", db)
    s = Store(db)
    assert s.backup_path is not None and s.backup_path.exists()
    assert file_mode(s.backup_path) == 0o600
    s.close()


def test_private_dir_tightens_only_when_asked(tmp_path):
    own = tmp_path / "own"
    own.mkdir(mode=0o755)
    private_dir(own)
    assert file_mode(own) == 0o755
    private_dir(own, tighten=True)
    assert file_mode(own) == 0o700
