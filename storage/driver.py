"""The one SQLite driver every storage module uses: SQLCipher.

``sqlcipher3`` is Python's ``sqlite3`` module built against SQLCipher (SQLite
with page-level AES-256 encryption).  Without a key it reads and writes plain
SQLite files exactly as ``sqlite3`` does; with ``PRAGMA key`` set first, every
page of the database, its write-ahead log and its backups is encrypted.

Its exceptions are its own classes (not ``sqlite3``'s), so storage code catches
``driver.Error``, ``driver.IntegrityError`` ... from here, and its errors carry
SQLite's result code (``sqlite_errorcode``) as ``sqlite3``'s do, which
:mod:`storage.errors` maps.  For the type checker the names below are
``sqlite3``'s (the same DB-API); at run time they are SQLCipher's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite3 import Connection, DatabaseError, Error, IntegrityError, OperationalError, ProgrammingError, Row
else:
    from sqlcipher3.dbapi2 import (
        Connection,
        DatabaseError,
        Error,
        IntegrityError,
        OperationalError,
        ProgrammingError,
        Row,
    )

import sqlcipher3.dbapi2 as _dbapi

__all__ = ["Connection", "DatabaseError", "Error", "IntegrityError", "OperationalError", "ProgrammingError", "Row",
           "connect", "apply_key", "key_literal", "file_kind", "SQLITE_MAGIC", "KEY_BYTES", "codes"]

SQLITE_MAGIC = b"SQLite format 3\x00"
KEY_BYTES = 32  # a raw 256-bit key: no key derivation on open


class _Codes:
    """SQLite's primary result codes, as the driver defines them."""

    BUSY: int = _dbapi.SQLITE_BUSY
    LOCKED: int = _dbapi.SQLITE_LOCKED
    PROTOCOL: int = _dbapi.SQLITE_PROTOCOL
    FULL: int = _dbapi.SQLITE_FULL
    IOERR: int = _dbapi.SQLITE_IOERR
    READONLY: int = _dbapi.SQLITE_READONLY
    PERM: int = _dbapi.SQLITE_PERM
    CORRUPT: int = _dbapi.SQLITE_CORRUPT
    NOTADB: int = _dbapi.SQLITE_NOTADB
    CANTOPEN: int = _dbapi.SQLITE_CANTOPEN


codes = _Codes()


def connect(path: str | Path, **kw: Any) -> Connection:
    """A connection with SQLCipher's own error log off (it would print
    "hmac check failed" to the console for a wrong key; the caller reports
    that in words)."""
    conn: Connection = _dbapi.connect(str(path), **kw)
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def key_literal(key: bytes) -> str:
    """The SQL literal for a raw key: ``"x'<64 hex digits>'"`` (SQLCipher uses
    the bytes as the key itself, with no per-open key derivation)."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key is {KEY_BYTES} bytes")
    return f"\"x'{key.hex()}'\""


def apply_key(conn: Connection, key: bytes, schema: str = "main") -> None:
    """``PRAGMA key``: must come before anything else reads the file."""
    conn.execute(f"PRAGMA {schema}.key = {key_literal(key)}")


def file_kind(path: Path) -> str:
    """``"new"`` (missing or empty), ``"plain"`` (an SQLite file) or
    ``"other"`` (encrypted, or not a database at all: only a key tells them
    apart).  Raises OSError when the file cannot be read."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return "new"
    if not head:
        return "new"
    return "plain" if head == SQLITE_MAGIC else "other"
