"""Converting between plain and encrypted database files.

:func:`encrypt_file` turns a plain Case Assessor database into an encrypted
one in place; :func:`plain_copy` writes a decrypted copy for analysis tools.
Both use SQLCipher's ``sqlcipher_export`` (a copy of every table, index and
trigger into an attached database with another key) and set the schema
version, which the export does not copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from storage import driver
from storage.db import Database, quick_check
from storage.errors import CannotOpen, Damaged, DatabaseBusy, NotCaseAssessor, StorageError, mapped_errors
from storage.private import private_file
from storage.schema import check_ours

__all__ = ["encrypt_file", "plain_copy", "AlreadyEncrypted", "NotEncrypted"]


class AlreadyEncrypted(StorageError):
    default_message = "This database is already encrypted (or is not a Case Assessor database). Nothing was changed."


class NotEncrypted(StorageError):
    default_message = "This database is not encrypted: it is already a plain SQLite file. Nothing was changed."


def _tables(conn: driver.Connection, schema: str) -> dict[str, int]:
    names = [n for (n,) in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: int(conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names}


def _export(conn: driver.Connection, target: Path, key: bytes | None, schema: str) -> None:
    """Every row of ``conn``'s main database into ``target`` (``key`` None:
    plain), with its schema version; then the row counts are compared."""
    literal = driver.key_literal(key) if key is not None else "''"
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute(f"ATTACH DATABASE ? AS {schema} KEY {literal}", (str(target),))
    try:
        conn.execute(f"SELECT sqlcipher_export('{schema}')")
        conn.execute(f"PRAGMA {schema}.user_version = {version}")
        if _tables(conn, schema) != _tables(conn, "main"):
            raise StorageError("The copy does not hold every row of the database. Nothing was changed.")
    finally:
        conn.execute(f"DETACH DATABASE {schema}")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_private(path: Path) -> None:
    try:
        created = private_file(path)
    except OSError as e:
        raise CannotOpen(f"{path} could not be created: {e.strerror or e}") from e
    if not created:
        raise StorageError(f"{path} already exists; move it away first. Nothing was changed.")


def _remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)


def _open_plain(path: Path) -> driver.Connection:
    """A plain Case Assessor database, checked (ours, sound), unchanged."""
    kind = driver.file_kind(path)
    if kind == "new":
        raise NotCaseAssessor("There is no database at this path (or it is empty). Nothing was changed.")
    if kind != "plain":
        raise AlreadyEncrypted()
    conn = driver.connect(path, isolation_level=None)
    try:
        check_ours(conn)
        if not quick_check(conn):
            raise Damaged("The database file is damaged (its integrity check failed); restore it from a backup "
                          "before encrypting it. Nothing was changed.")
    except BaseException:
        conn.close()
        raise
    return conn


def encrypt_file(path: Path, key: bytes) -> None:
    """Encrypt the plain database at ``path`` with ``key``, in place.

    An encrypted copy is written beside it first (``NAME.encrypt-backup``,
    0600) and checked row for row; a second copy of it replaces the plain file
    atomically; the backup is removed once the result opens with the key and
    passes its integrity check.  Before the replace, any failure leaves the
    plain file exactly as it was.  Refused while another program has the
    database open (its write-ahead log would be lost)."""
    backup = path.with_name(path.name + ".encrypt-backup")
    staged = path.with_name(path.name + ".encrypting")
    with mapped_errors():
        conn = _open_plain(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _new_private(backup)
            try:
                _export(conn, backup, key, "enc")
                _new_private(staged)
                staged.write_bytes(backup.read_bytes())
                _fsync(staged)
            except BaseException:
                _remove(backup, staged)
                raise
        finally:
            conn.close()
        if path.with_name(path.name + "-wal").exists():
            _remove(backup, staged)
            raise DatabaseBusy("The database is open in another program (Case Assessor?). Close it there, then "
                               "encrypt it again. Nothing was changed.")
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
        os.replace(staged, path)
        _fsync(path.parent)
    Database(path, key=key).close()  # opens, passes its integrity check: the backup is no longer needed
    backup.unlink()


def plain_copy(path: Path, key: bytes, out: Path) -> None:
    """Write a plain (decrypted) copy of the encrypted database at ``path``
    to ``out``, a new file (0600).  Refused when ``out`` exists or is the
    database itself; nothing is left at ``out`` on failure."""
    if driver.file_kind(path) == "plain":
        raise NotEncrypted()
    if out.exists() or out.resolve() == path.resolve():
        raise StorageError(f"{out} already exists (or is the database itself); name a new file. Nothing was changed.")
    with Database(path, key=key) as db, mapped_errors():
        _new_private(out)
        try:
            _export(db.conn, out, None, "plain")
        except BaseException:
            _remove(out, out.with_name(out.name + "-journal"))
            raise
