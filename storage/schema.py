"""The database schema, its version, and migrations.

``PRAGMA user_version`` holds the schema version.  Every released version has a
migration step here; a database from a newer Case Assessor is refused.  A copy
of the file is taken (SQLite online backup) before any migration runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from storage import driver
from storage.errors import NewerDatabaseError, NotCaseAssessor, StorageError
from storage.private import private_file

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["SCHEMA_VERSION", "MIGRATIONS", "migrate", "check_ours", "StorageError", "NewerDatabaseError"]

SCHEMA_VERSION = 9


_NO_UPDATE = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
)


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
    db.execute(_NO_UPDATE)
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


def _v3(db: sqlite_utils.Database) -> None:
    """The audit trail becomes hash-chained (:mod:`storage.chain`): the column,
    and the existing rows linked in id order (the append-only trigger is lifted
    for this one step, inside the migration's transaction)."""
    from storage import chain

    db.execute("ALTER TABLE audit ADD COLUMN chain TEXT")
    db.execute("DROP TRIGGER audit_no_update")
    previous, links = "", []
    for row in db.execute(f"SELECT {', '.join(chain.COLUMNS)} FROM audit ORDER BY id").fetchall():
        previous = chain.link(previous, row)
        links.append((previous, row[0]))
    db.conn.executemany("UPDATE audit SET chain = ? WHERE id = ?", links)
    db.execute(_NO_UPDATE)


def _v4(db: sqlite_utils.Database) -> None:
    """Causal versions and scoped authority (docs/merge.md): change counters on
    assessments, answers and case details; the cases each assessor was given;
    the keys trusted as a named assessor for an inspection.  Assignments are
    filled from the assessments already merged, so earlier work stays in scope."""
    for table, column in (("assessments", "seq"), ("assessments", "status_seq"), ("answers", "seq"),
                          ("answers", "base"), ("cases", "details_seq")):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE answers ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    ddl = _DDL(db)
    ddl.table("assignments", {"inspection_id": str, "case_id": str, "assessor": str, "kind": str, "assigned_at": str},
              pk=("inspection_id", "case_id", "assessor", "kind"), not_null={"assigned_at"})
    ddl.table("authorities", {"fingerprint": str, "inspection_id": str, "assessor": str, "may_add_cases": int,
                              "trusted_at": str, "trusted_by": str},
              pk=("fingerprint", "inspection_id"), not_null={"assessor", "trusted_at"})
    ddl.table("held_versions", {"assessment_id": str, "question_id": str, "value": str, "note": str, "practice": int,
                                "updated_at": str, "updated_by": str, "seq": int},
              pk=("assessment_id", "question_id"), foreign_keys=[("assessment_id", "assessments", "id")])
    db.execute("INSERT OR IGNORE INTO assignments (inspection_id, case_id, assessor, kind, assigned_at) "
               "SELECT c.inspection_id, a.case_id, a.assessor, a.kind, a.created_at FROM assessments a "
               "JOIN cases c ON c.id = a.case_id")
    # decisions made before this version become versions of their own, so later work cannot overwrite them
    db.execute("UPDATE answers SET origin = 'lead' WHERE (assessment_id, question_id) IN ("
               "SELECT (SELECT a.id FROM assessments a WHERE a.case_id = k.case_id AND a.kind = 'primary' "
               "ORDER BY a.created_at, a.id LIMIT 1), k.question_id FROM conflicts k WHERE k.status = 'resolved')")


def _bin(db: sqlite_utils.Database) -> None:
    """The bin (storage/bin.py): a case or an inspection can be deleted and
    restored.  A deleted one keeps every row, marked with when and by whom;
    lists, scores, prints, packs and exports leave it out."""
    for table in ("cases", "inspections"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN deleted_at TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN deleted_by TEXT")


# Answers stay JSON in the answers table (the merge, its conflict detection and
# the audit trail all compare and store that encoding); these read-only views
# give sqlite-utils, Datasette and SQL users plain values to facet on
# (docs/export-format.md, "Reading the database directly").
_PLAIN = "CASE WHEN json_valid({0}) AND json_type({0}) IN ('array', 'object') THEN {0} " \
         "WHEN json_valid({0}) THEN json_extract({0}, '$') ELSE {0} END"
_ANSWER_VALUES = (
    "CREATE VIEW answer_values AS SELECT c.inspection_id, c.id AS case_id, c.reference AS case_reference, "
    "a.id AS assessment_id, a.assessor, a.kind AS reading, a.status AS review_state, n.question_id, "
    f"{_PLAIN.format('n.value')} AS value, n.value AS value_json, n.note, n.practice, n.updated_at, n.updated_by "
    "FROM answers n JOIN assessments a ON a.id = n.assessment_id JOIN cases c ON c.id = a.case_id "
    "WHERE (n.value IS NOT NULL AND n.value != 'null') OR n.note != '' OR n.practice"
)
_CASE_DETAIL_VALUES = (
    "CREATE VIEW case_detail_values AS SELECT c.inspection_id, c.id AS case_id, c.reference AS case_reference, "
    "d.key AS field, CASE WHEN d.type IN ('array', 'object') THEN d.value ELSE d.atom END AS value "
    "FROM cases c, json_each(CASE WHEN json_valid(c.details) THEN c.details ELSE '{}' END) d"
)


def _plain_views(db: sqlite_utils.Database) -> None:
    """Plain-value views for reading the database with other tools: every
    stored answer (``answer_values``) and every case detail
    (``case_detail_values``), single values as plain text.  Views only: no
    stored row changes, so the audit chain and the merge are untouched."""
    db.execute(_ANSWER_VALUES)
    db.execute(_CASE_DETAIL_VALUES)


def _enrolment_and_revocation(db: sqlite_utils.Database) -> None:
    """Packs only their assessor can open, and revoked keys (docs/merge.md):
    each assessor's enrolled keys for an inspection (the age recipient packs are
    encrypted to), and when and by whom a trusted key was revoked."""
    db.execute("ALTER TABLE trusted_keys ADD COLUMN revoked_at TEXT")
    db.execute("ALTER TABLE trusted_keys ADD COLUMN revoked_by TEXT")
    ddl = _DDL(db)
    ddl.table("enrolments", {"inspection_id": str, "assessor": str, "fingerprint": str, "age_recipient": str,
                             "enrolled_at": str, "enrolled_by": str},
              pk=("inspection_id", "assessor"), not_null={"fingerprint", "age_recipient", "enrolled_at"})


def _review(db: sqlite_utils.Database) -> None:
    """Review states (models/review.py, storage/review.py): each reading's
    current state and step number, and every step taken (who, when, the
    comment, and for a comment on one answer its question)."""
    db.execute("CREATE TABLE review_events (id TEXT PRIMARY KEY, assessment_id TEXT NOT NULL "
               "REFERENCES assessments(id), n INTEGER NOT NULL, action TEXT NOT NULL, state TEXT NOT NULL, "
               "who TEXT NOT NULL, at TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', question_id TEXT)")
    db.execute("CREATE INDEX idx_review_events_assessment ON review_events (assessment_id, n)")
    db.execute("CREATE TABLE review_states (assessment_id TEXT PRIMARY KEY REFERENCES assessments(id), "
               "state TEXT NOT NULL, n INTEGER NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL)")
    # the plain view's review_state: the review state once submitted, else the reading's status
    db.execute("DROP VIEW answer_values")
    db.execute(_ANSWER_VALUES.replace("a.status AS review_state", "coalesce((SELECT r.state FROM review_states r "
                                      "WHERE r.assessment_id = a.id), a.status) AS review_state"))



def _queries(db: sqlite_utils.Database) -> None:
    """Queries (storage/queries.py): the lead's questions on a case or an answer,
    and the thread of messages (the lead's and the assessor's replies)."""
    db.execute("CREATE TABLE queries (id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, case_id TEXT NOT NULL "
               "REFERENCES cases(id), question_id TEXT NOT NULL DEFAULT '', assessor TEXT NOT NULL, "
               "here INTEGER NOT NULL, state TEXT NOT NULL)")
    db.execute("CREATE INDEX idx_queries_case ON queries (case_id)")
    db.execute("CREATE TABLE query_messages (id TEXT PRIMARY KEY, query_id TEXT NOT NULL REFERENCES queries(id), "
               "role TEXT NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, text TEXT NOT NULL, who TEXT NOT NULL, "
               "at TEXT NOT NULL, about INTEGER NOT NULL DEFAULT 0, keep_open INTEGER NOT NULL DEFAULT 0, value TEXT)")
    db.execute("CREATE UNIQUE INDEX idx_query_messages_seq ON query_messages (query_id, role, seq)")



MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _bin, 6: _enrolment_and_revocation, 7: _plain_views, 8: _review, 9: _queries}


def backup_before_migration(conn: driver.Connection, path: Path, from_version: int, key: bytes | None = None) -> Path:
    """A copy of the database before a migration (see :func:`backup_copy`)."""
    return backup_copy(conn, path, f"v{from_version}", key)


def backup_copy(conn: driver.Connection, path: Path, label: str, key: bytes | None = None) -> Path:
    """A copy of the whole database beside it, ``<name>.<label>-<time>.bak``
    (a new name each time: an earlier backup is never overwritten), 0600, and
    encrypted with the database's own key when it has one (SQLCipher copies
    page by page between two files with the same key)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}.bak")
    private_file(target)  # 0600 before SQLite writes a byte of the copy
    dest = driver.connect(target)
    try:
        if key is not None:
            driver.apply_key(dest, key)
        conn.backup(dest)
    finally:
        dest.close()
    return target


# Every Case Assessor database since version 1 has these tables.
_OUR_TABLES = frozenset({"meta", "settings", "inspections", "cases", "assessments", "answers", "audit"})


def check_ours(conn: driver.Connection) -> None:
    """Refuse an SQLite file that is not a Case Assessor database (only reads:
    called before anything writes to the file).  An empty file is a new database."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
    if version == 0 and not tables:
        return
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"This database was written by a newer Case Assessor (schema {version}; this version "
            f"understands up to {SCHEMA_VERSION}). Update Case Assessor to open it. Nothing was changed."
        )
    if version == 0 or not _OUR_TABLES <= tables:
        raise NotCaseAssessor("This file is an SQLite database, but not a Case Assessor database. Nothing was changed.")


def migrate(conn: driver.Connection, path: Path | None, key: bytes | None = None) -> Path | None:
    """Bring the database to SCHEMA_VERSION.  Returns the backup taken, if any."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"This database was written by a newer Case Assessor (schema {version}; this version "
            f"understands up to {SCHEMA_VERSION}). Update Case Assessor to open it. Nothing was changed."
        )
    if version == SCHEMA_VERSION:
        return None
    check_ours(conn)
    backup = None
    if version > 0 and path is not None:
        backup = backup_before_migration(conn, path, version, key)
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
