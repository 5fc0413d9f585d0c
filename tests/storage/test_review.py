"""Review steps in SQL: the lead's database takes an assessor's files in any
order, any number of times, with the same result (Hypothesis); a migrated
database has the tables."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.review import ReviewError
from storage import review as rs
from storage.review import ReviewEvent, Step
from storage.store import Store


def _lead_db(path: Path, iaow) -> tuple[Store, str]:
    """A lead's database holding Ann's reading of R-1: submitted (step 1), returned (step 2)."""
    s = Store(path)
    iid = s.create_inspection("York", iaow.id, iaow.version)
    cid = s.add_case(iid, "R-1", {})
    aid = s.start_assessment(cid, "Ann", iaow.version)
    with s.transaction() as c:
        rs.apply_incoming(c, [SUBMIT(aid)])
    rs.take_step(s, [Step(aid, "return", "fix the plan date", "", (("IAOW-2.1-02", "dated late?"),))], "Lead")
    return s, aid


def SUBMIT(aid: str) -> ReviewEvent:  # noqa: N802
    return ReviewEvent("s1", aid, 1, "submit", "submitted", "Ann", "2026-11-01T10:00:00Z")


def RESUBMIT(aid: str) -> ReviewEvent:  # noqa: N802
    return ReviewEvent("s3", aid, 3, "resubmit", "resubmitted", "Ann", "2026-11-03T10:00:00Z")


def _tables(s: Store) -> tuple[list, list]:
    return (sorted(tuple(r) for r in s.conn.execute("SELECT * FROM review_events")),
            sorted(tuple(r) for r in s.conn.execute("SELECT assessment_id, state, n, who FROM review_states")))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["first", "second"]), min_size=1, max_size=5))
def test_assessor_files_merge_the_same_in_any_order_and_number(iaow, files):
    """Ann's first export (step 1) and her export after the return (steps 1 and 3),
    merged in any order and repeated: the reading is resubmitted, each step held once."""
    with tempfile.TemporaryDirectory() as d:
        s, aid = _lead_db(Path(d) / "lead.sqlite3", iaow)
        try:
            content = {"first": [SUBMIT(aid)], "second": [RESUBMIT(aid), SUBMIT(aid)]}
            for name in files:
                with s.transaction() as c:
                    rs.apply_incoming(c, content[name])
            events, states = _tables(s)
            assert sorted(e[2] for e in events) == ([1, 2, 2, 3] if "second" in files else [1, 2, 2])
            assert states[0][1:3] == (("resubmitted", 3) if "second" in files else ("returned", 2))
        finally:
            s.close()


def test_a_step_rewriting_one_held_or_skipping_ahead_is_refused(iaow, tmp_path):
    s, aid = _lead_db(tmp_path / "lead.sqlite3", iaow)
    with s:
        before = _tables(s)
        bad = [ReviewEvent("s1", aid, 1, "submit", "submitted", "Ann", "2026-11-01T10:00:00Z", "changed"),
               ReviewEvent("s9", aid, 9, "resubmit", "resubmitted", "Ann", "x"),
               ReviewEvent("s2", aid, 2, "resubmit", "resubmitted", "Ann", "x"),
               ReviewEvent("s3", aid, 3, "resubmit", "approved", "Ann", "x")]
        for e in bad:
            with pytest.raises(ReviewError):
                with s.transaction() as c:
                    rs.apply_incoming(c, [e])
            assert _tables(s) == before, e


def test_an_approved_reading_is_locked_without_a_reason(iaow, tmp_path):
    s, aid = _lead_db(tmp_path / "lead.sqlite3", iaow)
    with s:
        with s.transaction() as c:
            rs.apply_incoming(c, [RESUBMIT(aid)])
        rs.take_step(s, [Step(aid, "approve")], "Lead")
        with pytest.raises(PermissionError, match="needs a reason"):
            s.set_status(aid, "complete", "Lead")
        s.set_status(aid, "complete", "Lead", "closing after review")
        assert s.audit_rows(assessment_id=aid)[-1].new == {"status": "complete", "why": "closing after review"}
