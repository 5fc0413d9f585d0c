"""The connection: opening, pragmas, migration, transactions and reads.

The database runs in WAL mode with ``synchronous=FULL`` and foreign keys on.
Each write is one transaction, committed before the call returns.  Environment
problems (locked, full, read-only, damaged, unopenable) become a
:class:`~storage.errors.StorageError` subclass with a message fit for the user
(see :mod:`storage.errors`); any other SQLite error is a bug and is raised as
it is.  Nothing half-written is left behind either way.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage import driver
from storage.errors import CannotOpen, Damaged, NotCaseAssessor, ReadOnly, StorageError, WrongKey, mapped_errors
from storage.private import private_db_file
from storage.schema import SCHEMA_VERSION, backup_copy, check_ours, migrate

__all__ = ["Database", "now", "new_id", "dumps"]


def now() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_id() -> str:
    return str(uuid.uuid4())


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    """Canonical JSON text (one encoder, built once: merging calls this per answer)."""
    return _ENCODE(value)


def _rollback(conn: driver.Connection) -> None:
    try:
        conn.execute("ROLLBACK")
    except driver.Error:
        pass  # no transaction is open (SQLite already rolled it back)


def _refuse_non_sqlite(path: Path, keyed: bool) -> None:
    """Without a key, a file that exists, is not empty and is not SQLite is
    refused unread (with a key, SQLCipher tells: see :func:`_check_key`)."""
    try:
        kind = driver.file_kind(path)
    except OSError as e:
        raise CannotOpen(f"The database file could not be opened: {e.strerror or e}") from e
    if kind == "other" and not keyed:
        raise NotCaseAssessor("This file is not a Case Assessor database, or it is encrypted and no key was given "
                              "to open it. Nothing was changed.")


def _check_key(conn: driver.Connection) -> None:
    """The first read after ``PRAGMA key``: a wrong key (or a file that is no
    database at all) fails here, before anything could write to the file."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError as e:
        if getattr(e, "sqlite_errorcode", 0) & 0xFF == driver.codes.NOTADB:
            raise WrongKey() from None
        raise


def quick_check(conn: driver.Connection) -> bool:
    """``PRAGMA quick_check``: True when the file is sound."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except driver.DatabaseError as e:
        if getattr(e, "sqlite_errorcode", 0) & 0xFF == driver.codes.CORRUPT:
            return False
        raise
    return [tuple(r) for r in rows] == [("ok",)]


READ_ONLY = ("The database is open read-only (the file or its folder may not be written): you can view and print, "
             "but nothing can be changed. Copy it somewhere you can write to work on it.")


def unwritable(path: Path) -> bool:
    """An existing database this user may not write (the file or its folder:
    SQLite writes its journal beside the file)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _open_read_only(path: Path, timeout: float, key: bytes | None) -> driver.Connection:
    """A read-only connection (``mode=ro``; ``immutable=1`` when the write-ahead
    log's index cannot be created in a read-only folder) to a current database."""
    from urllib.parse import quote

    _refuse_non_sqlite(path, key is not None)
    for extra in ("", "&immutable=1"):
        with mapped_errors():
            conn = driver.connect(f"file:{quote(str(path.resolve()))}?mode=ro{extra}", uri=True, timeout=timeout,
                                  isolation_level=None, check_same_thread=False)
        try:
            with mapped_errors():
                if key is not None:
                    driver.apply_key(conn, key)
                    _check_key(conn)
                conn.execute("PRAGMA query_only = ON")
                check_ours(conn)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                raise ReadOnly("The database is read-only and was written by an older Case Assessor: it must be "
                               "upgraded, which needs write access. Copy it somewhere you can write. Nothing was changed.")
            return conn
        except CannotOpen:
            conn.close()
            if extra:
                raise
        except BaseException:
            conn.close()
            raise
    raise AssertionError("unreachable")


class Database:
    """An open, migrated Case Assessor database file (or ``":memory:"``).

    Opening touches nothing until the file is known to be ours: a file that is
    not SQLite, or an SQLite file without the Case Assessor schema, is refused
    (:class:`~storage.errors.NotCaseAssessor`) before any pragma that writes.
    ``PRAGMA quick_check`` then runs once; a damaged file is opened read-only
    (``damaged`` holds the :class:`~storage.errors.Damaged` error to show, and
    every write transaction raises it).

    With ``key`` (32 random bytes) the file is SQLCipher-encrypted: the key
    is set before anything reads the file, and a wrong key is refused with
    :class:`~storage.errors.WrongKey`, the file untouched.  Without it the
    file is plain SQLite (``encrypted`` says which).  ``read_only`` (or a
    file or folder this user may not write) opens it for reading only."""

    def __init__(self, path: str | Path, *, key: bytes | None = None, timeout: float = 5.0,
                 read_only: bool = False) -> None:
        self.path = Path(path)
        self.encrypted = key is not None
        self.key = key  # held while open (SQLCipher holds it too): the key file's recovery copy is made from it
        self.backup_path: Path | None = None
        self.damaged: Damaged | None = None
        self.read_only: ReadOnly | None = None  # set when open read-only: every write raises it
        self._closed = False
        memory = str(path) == ":memory:"
        if not memory and (read_only or unwritable(self.path)):
            self.conn = _open_read_only(self.path, timeout, key)
            self.read_only = ReadOnly(READ_ONLY)
            return
        try:
            if not memory:
                private_db_file(self.path)
                _refuse_non_sqlite(self.path, key is not None)
            with mapped_errors():
                conn = driver.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
                if key is not None:
                    driver.apply_key(conn, key)  # before anything else touches the file
        except OSError as e:
            raise CannotOpen(f"The database folder could not be created: {e.strerror or e}") from e
        self.conn = conn
        try:
            with mapped_errors():
                conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                if key is not None:
                    _check_key(conn)
                check_ours(conn)  # before anything writes to the file
                conn.execute("PRAGMA foreign_keys = ON")
                if not memory and not quick_check(conn):
                    self.damaged = Damaged()
                    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                        raise Damaged("The database file is damaged (its integrity check failed) and from an older "
                                      "Case Assessor, so it cannot be opened. Restore it from a backup. "
                                      "Nothing was changed.")
                    conn.execute("PRAGMA query_only = ON")
                    return
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if not memory and mode.lower() != "wal":
                    raise StorageError("The database could not be switched to WAL mode.")
                conn.execute("PRAGMA synchronous = FULL")
                self.backup_path = migrate(conn, None if memory else self.path, key)
        except BaseException:
            conn.close()
            raise

    # -- lifetime -------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()
        self._closed = True

    @property
    def closed(self) -> bool:
        """True after :meth:`close`; using a closed store is a bug (a ProgrammingError)."""
        return self._closed

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[driver.Connection]:
        """One write transaction: all of it is committed, or none of it.
        Environment errors inside it become :class:`StorageError`; bugs are
        re-raised unchanged (after the rollback).  A damaged database refuses
        every write with :class:`~storage.errors.Damaged`."""
        if self.damaged is not None:
            raise Damaged()
        if self.read_only is not None:
            raise ReadOnly(READ_ONLY)
        with mapped_errors():
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            with mapped_errors():
                yield self.conn
        except BaseException:
            _rollback(self.conn)
            raise
        try:
            with mapped_errors():
                self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise

    @contextmanager
    def bulk_writes(self, wal_pages: int = 25_000) -> Iterator[None]:
        """Many write transactions in a row (a merge of many files).  Every
        commit is still durable; only the checkpoint that copies the
        write-ahead log into the database waits until the log is ~100 MB rather
        than 4 MB (checkpointing after every file doubled the merge's commits)."""
        with mapped_errors():
            old = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
            self.conn.execute(f"PRAGMA wal_autocheckpoint={int(wal_pages)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint={old}")
            try:  # copy the log into the database and give its disk space back
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except driver.Error:
                pass  # the log is checkpointed later; nothing is lost

    # -- reads ------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[driver.Row]:
        """Every row of one read, as rows readable by name or index."""
        with mapped_errors():
            cur = self.conn.execute(sql, params)
            cur.row_factory = driver.Row
            return list(cur.fetchall())

    def backup_copy(self, label: str) -> Path:
        """A whole copy of the database beside it (``<name>.<label>-<time>.bak``, 0600)."""
        if self.path == Path(":memory:"):
            raise StorageError("An in-memory database has no file to back up.")
        try:
            with mapped_errors():
                return backup_copy(self.conn, self.path, label, self.key)
        except OSError as e:
            raise StorageError(f"The backup beside the database could not be written ({e.strerror or e}). "
                               "Nothing was changed.") from e

    def integrity_ok(self) -> bool:
        return bool(self.query("PRAGMA integrity_check")[0][0] == "ok")

    def schema_version(self) -> int:
        return int(self.query("PRAGMA user_version")[0][0])

    @staticmethod
    def expected_schema_version() -> int:
        return SCHEMA_VERSION
