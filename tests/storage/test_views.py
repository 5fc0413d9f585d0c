"""The plain-value views (schema 5): other tools read and facet on answers
without the JSON quoting the answers table keeps, and nothing stored changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlite_utils

from storage.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _answered(store: Store, iaow) -> str:
    iid = store.create_inspection("V", iaow.id, iaow.version)
    cid = store.add_case(iid, "R-1", {"case_type": "community_order", "domestic_abuse": True, "requirements": ["rar"]})
    aid = store.start_assessment(cid, "Ann", iaow.version)
    store.save_answer(aid, "IAOW-1.1-01", value="oral", who="Ann")
    store.save_answer(aid, "IAOW-3.1-16", value=["ete", "accommodation"], who="Ann")
    store.save_answer(aid, "IAOW-3.2-13", value={"ete": "yes"}, note="=x", who="Ann")
    store.save_answer(aid, "IAOW-1.1-02", value="yes", who="Ann")
    store.save_answer(aid, "IAOW-1.1-02", value=None, who="Ann")  # cleared: a tombstone, not shown
    return iid


def test_answers_read_as_plain_values_and_facet(store, iaow, db_path):
    """Replays the issue: sqlite-utils showed "\\"oral\\"" and could not facet on answers."""
    _answered(store, iaow)
    assert store.conn.execute("SELECT value FROM answers WHERE question_id = 'IAOW-1.1-01'").fetchone()[0] == '"oral"'
    db = sqlite_utils.Database(db_path)
    rows = {r["question_id"]: r for r in db["answer_values"].rows}
    assert rows["IAOW-1.1-01"]["value"] == "oral" and rows["IAOW-1.1-01"]["value_json"] == '"oral"'
    assert rows["IAOW-3.1-16"]["value"] == '["ete","accommodation"]'  # lists stay JSON (facet as arrays)
    assert rows["IAOW-3.2-13"]["value"] == '{"ete":"yes"}' and rows["IAOW-3.2-13"]["note"] == "=x"
    assert "IAOW-1.1-02" not in rows
    assert rows["IAOW-1.1-01"]["case_reference"] == "R-1" and rows["IAOW-1.1-01"]["reading"] == "primary"
    facet = db.execute("SELECT value, count(*) FROM answer_values WHERE question_id = 'IAOW-1.1-01' GROUP BY value")
    assert facet.fetchall() == [("oral", 1)]
    details = {r["field"]: r["value"] for r in db["case_detail_values"].rows}
    assert details == {"case_type": "community_order", "domestic_abuse": 1, "requirements": '["rar"]'}
    db.close()


def test_migrating_to_the_views_keeps_every_row_and_the_audit_chain(tmp_path, iaow):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-v2.sqlite3", db)
    s = Store(db)
    assert s.verify_audit().ok
    n = s.conn.execute("SELECT count(*) FROM answers WHERE value IS NOT NULL AND value != 'null'").fetchone()[0]
    assert n and s.conn.execute("SELECT count(*) FROM answer_values").fetchone()[0] >= n
    plain = s.conn.execute("SELECT value, value_json FROM answer_values WHERE value_json LIKE '\"%'").fetchall()
    assert plain and all(f'"{v}"' == j for v, j in plain)
    s.close()
