"""storage.keys: enrolments and revocation, each one audited transaction."""

from __future__ import annotations

import json

from storage import keys as keys_sql
from storage import merge as merge_sql
from storage.store import Store


def test_enrol_trusts_the_key_for_the_inspection_and_revoke_is_audited(db_path):
    with Store(db_path) as s:
        iid = s.create_inspection("York", "iaow-2013", "1")
        keys_sql.enrol(s, inspection_id=iid, assessor="Ann", fingerprint="AAAA-BBBB-CCCC-DDDD-EEEE", public_key="k",
                       age_recipient="age1x", who="Lee")
        assert merge_sql.authority(s, "AAAA-BBBB-CCCC-DDDD-EEEE", iid).assessor == "Ann"
        row = keys_sql.enrolment(s, iid, "Ann")
        assert (row.fingerprint, row.age_recipient, row.enrolled_by) == ("AAAA-BBBB-CCCC-DDDD-EEEE", "age1x", "Lee")
        assert keys_sql.enrolment(s, iid, "ann") is None  # the name exactly as the lead gave it
        assert keys_sql.revocation(s, "AAAA-BBBB-CCCC-DDDD-EEEE") is None
        assert keys_sql.revoke(s, "AAAA-BBBB-CCCC-DDDD-EEEE", "Lee")
        assert not keys_sql.revoke(s, "AAAA-BBBB-CCCC-DDDD-EEEE", "Lee")
        assert not keys_sql.revoke(s, "0000-0000-0000-0000-0000", "Lee")
        at, by, name = keys_sql.revocation(s, "AAAA-BBBB-CCCC-DDDD-EEEE")
        assert (by, name) == ("Lee", "Ann") and at
        (k,) = keys_sql.keys(s)
        assert k.revoked_at == at and k.inspections == (("York", "Ann"),) and k.enrolled == ("York",)
        actions = [(r["action"], json.loads(r["new"])) for r in s.query("SELECT action, new FROM audit ORDER BY id")]
        assert [a for a, _ in actions][-2:] == ["enrol_key", "revoke_key"]
        assert actions[-1][1] == {"fingerprint": "AAAA-BBBB-CCCC-DDDD-EEEE", "name": "Ann"}
        assert s.verify_audit().ok


def test_a_schema_4_database_gains_enrolments_and_revocation_keeping_its_trust(tmp_path):
    """The one migration step of this change, from a database of the version before it."""
    import sqlite3

    from storage import schema

    db = tmp_path / "v4.sqlite3"
    c = sqlite3.connect(db)
    import sqlite_utils

    d = sqlite_utils.Database(c)
    for step in range(1, 5):
        schema.MIGRATIONS[step](d)
    c.execute("PRAGMA user_version = 4")
    c.execute("INSERT INTO trusted_keys (fingerprint, public_key, name, trusted_at, trusted_by) "
              "VALUES ('AAAA-BBBB-CCCC-DDDD-EEEE', 'k', 'Ann', '2026-01-01', 'Lee')")
    c.commit()
    c.close()
    with Store(db) as s:
        assert s.schema_version() == schema.SCHEMA_VERSION
        assert merge_sql.trusted_keys(s) == {"AAAA-BBBB-CCCC-DDDD-EEEE": {"public_key": "k", "name": "Ann"}}
        assert keys_sql.revocation(s, "AAAA-BBBB-CCCC-DDDD-EEEE") is None and keys_sql.keys(s)[0].revoked_at == ""
