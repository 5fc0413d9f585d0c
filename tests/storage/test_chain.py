"""The audit trail's hash chain: written with every audit row, checked by verify."""

from __future__ import annotations

import shutil

from storage import driver as sqlite3  # noqa: I001 (the app's driver: two SQLite copies in one process miss each other's locks)
from storage.store import Store

from ..conftest import REPO, make_inspection


def _raw(path, *sql: str) -> None:
    """An edit with raw SQL, as someone bypassing the app would make it."""
    c = sqlite3.connect(path)
    c.execute("DROP TRIGGER IF EXISTS audit_no_update")
    c.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for s in sql:
        c.execute(s)
    c.commit()
    c.close()


def _db(tmp_path, iaow):
    path = tmp_path / "c.sqlite3"
    s = Store(path)
    make_inspection(s, iaow, 3)
    n = s.query("SELECT count(*) FROM audit")[0][0]
    s.close()
    return path, n


def test_an_untouched_trail_verifies(tmp_path, iaow):
    path, n = _db(tmp_path, iaow)
    with Store(path) as s:
        r = s.verify_audit()
    assert r.ok and r.rows == n > 10


def test_an_edited_row_is_named(tmp_path, iaow):
    path, _ = _db(tmp_path, iaow)
    _raw(path, "UPDATE audit SET new = '{\"value\":\"no\"}' WHERE id = 7")
    with Store(path) as s:
        r = s.verify_audit()
    assert not r.ok and r.row_id == 7 and "row 7" in r.problem and "changed" in r.problem


def test_a_deleted_row_is_named_as_a_gap(tmp_path, iaow):
    path, _ = _db(tmp_path, iaow)
    _raw(path, "DELETE FROM audit WHERE id = 5")
    with Store(path) as s:
        r = s.verify_audit()
    assert not r.ok and r.row_id == 6 and "row 5 missing" in r.problem


def test_rewriting_a_row_with_a_fresh_link_breaks_the_next(tmp_path, iaow):
    from storage import chain

    path, _ = _db(tmp_path, iaow)
    c = sqlite3.connect(path)
    prev = c.execute("SELECT chain FROM audit WHERE id = 3").fetchone()[0]
    row = list(c.execute(f"SELECT {', '.join(chain.COLUMNS)} FROM audit WHERE id = 4").fetchone())
    row[2] = "Mallory"
    c.close()
    _raw(path, f"UPDATE audit SET who = 'Mallory', chain = '{chain.link(prev, row)}' WHERE id = 4")
    with Store(path) as s:
        assert s.verify_audit().row_id == 5


def test_migrated_databases_are_chained(tmp_path):
    for v in (1, 2):
        path = tmp_path / f"v{v}.sqlite3"
        shutil.copy(REPO / "tests" / "fixtures" / f"schema-v{v}.sqlite3", path)
        with Store(path) as s:
            r = s.verify_audit()
            assert r.ok and r.rows == s.query("SELECT count(*) FROM audit")[0][0] > 0
            s.set_setting("x", "y")
            s.create_inspection("After", "iaow-2013", "1.0.0")
            assert s.verify_audit().ok
