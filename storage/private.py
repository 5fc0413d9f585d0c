"""Private files and folders: readable by their owner only.

Case data is about real people, so on POSIX every file the app creates is 0600
and every folder it creates is 0700 (other local accounts can read neither).
On Windows the user's profile folder already restricts access; nothing here
changes a mode there.

SQLite creates a database's ``-wal`` and ``-shm`` files with the database
file's own mode, so creating the database file 0600 before SQLite opens it
makes all three private (tested).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FILE_MODE", "DIR_MODE", "private_dir", "private_file", "private_db_file"]

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create ``path`` and any missing parent folders, each 0700.

    Folders that already exist keep their mode (the user's working folder is
    theirs to share), unless ``tighten``: the app's own data, keys and cache
    folders are made 0700 even when an earlier version created them 0755."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists() and p.parent != p:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=DIR_MODE)  # the umask can only narrow 0700
        except FileExistsError:
            pass
    if tighten and POSIX and stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 unless it exists; True if it was created.
    An existing file is left exactly as it is."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def private_db_file(path: Path) -> None:
    """Before SQLite opens ``path``: its missing folders 0700, and a new
    database file 0600 (so its ``-wal`` and ``-shm`` are 0600 too).  An empty
    file is a new database to SQLite.  Raises OSError."""
    private_dir(path.parent)
    private_file(path)
