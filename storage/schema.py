"""The database schema, its version, and migrations.

``PRAGMA user_version`` holds the schema version.  Every released version has a
migration step here; a database from a newer Case Assessor is refused.  A copy
of the file is taken (SQLite online backup) before any migration runs.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from storage.errors import NewerDatabaseError, StorageError
from storage.private import private_file

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["SCHEMA_VERSION", "MIGRATIONS", "migrate", "StorageError", "NewerDatabaseError"]

SCHEMA_VERSION = 2


class _DDL:
    """Collects the SQL that sqlite-utils generates, so a migration runs as
    one transaction (sqlite-utils' own ``create`` commits as it goes)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def table(self, name: str, columns: dict[str, type], **kw: object) -> None:
        self.db.execute(self.db.create_table_sql(name, columns, **kw))  # type: ignore[arg-type]

    def index(self, table: str, cols: list[str], unique: bool = False) -> None:
        name = f"idx_{table}_{'_'.join(cols)}"
        self.db.execute(
            f"CREATE {'UNIQUE ' if unique else ''}INDEX {name} ON {table} ({', '.join(cols)})"
        )


def _v1(db: sqlite_utils.Database) -> None:
    """The first schema (long by nature: every table of version 1, declared in one place)."""
    ddl = _DDL(db)
    ddl.table("meta", {"key": str, "value": str}, pk="key")
    ddl.table("settings", {"key": str, "value": str}, pk="key")
    ddl.table(
        "inspections",
        {
            "id": str,
            "name": str,
            "area": str,
            "question_set_id": str,
            "question_set_version": str,
            "start_date": str,
            "end_date": str,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "question_set_id", "question_set_version", "created_at"},
    )
    ddl.table(
        "cases",
        {
            "id": str,
            "inspection_id": str,
            "reference": str,
            "details": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("inspection_id", "inspections", "id")],
        not_null={"inspection_id", "reference", "details"},
    )
    ddl.index("cases", ["inspection_id", "reference"], unique=True)
    ddl.table(
        "assessments",
        {
            "id": str,
            "case_id": str,
            "assessor": str,
            "question_set_version": str,
            "status": str,
            "kind": str,
            "lineage": str,
            "created_at": str,
            "updated_at": str,
            "completed_at": str,
            "position": str,
        },
        pk="id",
        foreign_keys=[("case_id", "cases", "id")],
        not_null={"case_id", "assessor", "status", "kind"},
        defaults={"status": "in_progress", "kind": "primary"},
    )
    ddl.index("assessments", ["case_id"])
    ddl.table(
        "answers",
        {
            "assessment_id": str,
            "question_id": str,
            "value": str,
            "note": str,
            "practice": int,
            "updated_at": str,
            "updated_by": str,
        },
        pk=("assessment_id", "question_id"),
        foreign_keys=[("assessment_id", "assessments", "id")],
        not_null={"assessment_id", "question_id", "updated_at", "updated_by"},
        defaults={"note": "", "practice": 0},
    )
    ddl.table(
        "audit",
        {
            "id": int,
            "at": str,
            "who": str,
            "action": str,
            "inspection_id": str,
            "case_id": str,
            "assessment_id": str,
            "question_id": str,
            "old": str,
            "new": str,
        },
        pk="id",
        not_null={"at", "who", "action"},
    )
    ddl.index("audit", ["assessment_id"])
    ddl.table(
        "inspection_grades",
        {
            "inspection_id": str,
            "code": str,
            "value": str,
            "note": str,
            "updated_at": str,
            "updated_by": str,
        },
        pk=("inspection_id", "code"),
        foreign_keys=[("inspection_id", "inspections", "id")],
    )
    # The audit log is append-only.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


# version -> step that brings a database at (version - 1) to version
def _v2(db: sqlite_utils.Database) -> None:
    """The lead inspector's merge: trusted assessor keys, merge reports,
    per-answer conflicts and their resolutions."""
    ddl = _DDL(db)
    ddl.table(
        "trusted_keys",
        {"fingerprint": str, "public_key": str, "name": str, "trusted_at": str, "trusted_by": str},
        pk="fingerprint",
        not_null={"public_key", "trusted_at"},
    )
    ddl.table("merges", {"id": str, "at": str, "who": str, "report": str}, pk="id", not_null={"at", "report"})
    ddl.table("merged_files", {"sha256": str, "merge_id": str, "name": str, "signer": str, "at": str}, pk="sha256")
    ddl.table(
        "conflicts",
        {
            "id": str,
            "inspection_id": str,
            "case_id": str,
            "question_id": str,
            "versions": str,
            "status": str,
            "resolution": str,
            "resolved_by": str,
            "resolved_at": str,
            "why": str,
        },
        pk="id",
        foreign_keys=[("case_id", "cases", "id")],
        not_null={"case_id", "question_id", "versions", "status"},
    )
    ddl.index("conflicts", ["case_id", "question_id"], unique=True)
    db.execute("ALTER TABLE audit ADD COLUMN digest TEXT")
    db.execute("CREATE INDEX idx_audit_digest ON audit (assessment_id, digest)")


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _v1, 2: _v2}


def backup_before_migration(conn: sqlite3.Connection, path: Path, from_version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    private_file(target)  # 0600 before SQLite writes a byte of the copy
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path | None) -> Path | None:
    """Bring the database to SCHEMA_VERSION.  Returns the backup taken, if any."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"This database was written by a newer Case Assessor (schema {version}; this version "
            f"understands up to {SCHEMA_VERSION}). Update Case Assessor to open it. Nothing was changed."
        )
    if version == SCHEMA_VERSION:
        return None
    has_tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if version == 0 and has_tables:
        raise StorageError("This file is an SQLite database, but not a Case Assessor database. Nothing was changed.")
    backup = None
    if version > 0 and path is not None:
        backup = backup_before_migration(conn, path, version)
    import sqlite_utils  # only needed when the schema changes

    db = sqlite_utils.Database(conn)
    for step in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](db)
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return backup
