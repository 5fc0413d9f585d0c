"""Environment problems with the database, told apart by SQLite's result code.

An SQLite error is an *environment* problem (the file is locked, the disk is
full, the file is read-only, damaged or cannot be opened) or a *bug* (a
constraint violated, bad SQL, misuse of the API).  :func:`storage_error` maps
the primary result code (``sqlite_errorcode & 0xFF``) of the first kind to a
:class:`StorageError` subclass whose message is fit to show a user as it is;
it returns None for the second kind, which :func:`mapped_errors` re-raises
unchanged so that it fails loudly.

Messages never carry personal data (answers, notes, case references): they may
be shown on screen and written to logs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from storage import driver
from storage.driver import codes

__all__ = [
    "StorageError",
    "DatabaseBusy",
    "DiskFull",
    "DiskError",
    "ReadOnly",
    "Corrupt",
    "CannotOpen",
    "NewerDatabaseError",
    "Damaged",
    "NotCaseAssessor",
    "WrongKey",
    "storage_error",
    "mapped_errors",
]


class StorageError(Exception):
    """An environment problem with the database: locked, full, corrupt,
    unreadable or from a newer version.  Told to the user; never a bug.

    ``retryable`` says whether trying the same write again later can succeed
    (the lock is released, space is freed); a save queue stops retrying when
    it is False."""

    retryable: bool = False
    default_message = "The database could not be used."

    def __init__(self, message: str | None = None, *, code: int | None = None) -> None:
        super().__init__(message or self.default_message)
        self.code = code  # SQLite's extended result code, when SQLite reported it


class DatabaseBusy(StorageError):
    """SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL: another connection holds a lock."""

    retryable = True
    default_message = "The database is locked by another program. Close it there, then try again."


class DiskFull(StorageError):
    """SQLITE_FULL: the disk (or the database's size limit) is full."""

    retryable = True
    default_message = "The disk is full. Free some space, then try again."


class DiskError(StorageError):
    """SQLITE_IOERR: the operating system refused a read or a write."""

    retryable = True
    default_message = "The disk could not be read or written. Check the drive, then try again."


class ReadOnly(StorageError):
    """SQLITE_READONLY, SQLITE_PERM: the file or its folder may not be written."""

    default_message = (
        "The database is read-only. Check the permissions of the file and its folder, "
        "or copy it somewhere you can write."
    )


class Corrupt(StorageError):
    """SQLITE_CORRUPT, SQLITE_NOTADB: the file is damaged or not a database."""

    default_message = (
        "The database file is damaged or is not a Case Assessor database. "
        "Restore it from a backup; nothing more was written to it."
    )


class CannotOpen(StorageError):
    """SQLITE_CANTOPEN (and a folder that cannot be created)."""

    default_message = "The database file could not be opened. Check that its folder exists and is writable."


class NewerDatabaseError(StorageError):
    """The schema version is newer than this Case Assessor understands."""


class Damaged(Corrupt):
    """The integrity check on open failed: the database is open read-only, and
    every write (a save, a merge) is refused with this error."""

    default_message = (
        "The database file is damaged (its integrity check failed), so it is open read-only and nothing will "
        "be written to it. Restore it from a backup, or export what can still be read."
    )


class NotCaseAssessor(StorageError):
    """A file that is not a Case Assessor database, refused before anything touches it."""

    default_message = "This file is not a Case Assessor database. Nothing was changed."


class WrongKey(StorageError):
    """An encrypted database opened with a key that does not decrypt it (or a
    file that is not a database at all): refused before anything was written."""

    default_message = "Wrong passphrase or not a Case Assessor database; nothing was changed."


_BY_PRIMARY_CODE: dict[int, type[StorageError]] = {
    codes.BUSY: DatabaseBusy,
    codes.LOCKED: DatabaseBusy,
    codes.PROTOCOL: DatabaseBusy,
    codes.FULL: DiskFull,
    codes.IOERR: DiskError,
    codes.READONLY: ReadOnly,
    codes.PERM: ReadOnly,
    codes.CORRUPT: Corrupt,
    codes.NOTADB: Corrupt,
    codes.CANTOPEN: CannotOpen,
}


def storage_error(e: driver.Error) -> StorageError | None:
    """The environment problem ``e`` reports, or None when ``e`` is a bug
    (every code not in the table, and errors raised by the driver
    itself, which carry no SQLite code)."""
    code = getattr(e, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    cls = _BY_PRIMARY_CODE.get(code & 0xFF)
    return None if cls is None else cls(code=code)


@contextmanager
def mapped_errors() -> Iterator[None]:
    """Raise environment problems as :class:`StorageError`; re-raise bugs as they are."""
    try:
        yield
    except driver.Error as e:
        err = storage_error(e)
        if err is None:
            raise
        raise err from e
