"""ui.ops.inspections: a case's reference and details and a sample list are
checked against the limits where they enter; a refusal changes nothing
(issue 13, item 5)."""

from __future__ import annotations

import time

import pytest

import models.limits
from ui.ops import inspections
from ui.ops.errors import USER_ERRORS, OpError
from ui.ops.session import CaseSession
from ui.ops.workspace import Workspace

DETAILS = {"case_type": "licence", "gender": "male", "rosh_level": "low"}


@pytest.fixture
def ws(store):
    w = Workspace(store)
    w.set_setting("assessor_name", "Ann")
    w.set_setting("last_inspection", inspections.new_inspection(w, "York", "iaow-2013").id)
    return w


def state(ws: Workspace) -> tuple:
    return ws.store.query("SELECT count(*) FROM cases")[0][0], ws.store.query("SELECT count(*) FROM audit")[0][0]


@pytest.mark.parametrize("ref, needle", [
    ("Y-\x00001", "U+0000"),
    ("ABC\u202e1-Y", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("R" * 5_000, "5,000 characters long; at most 100"),
    ("  ", "empty"),
])
def test_add_case_refuses_hidden_characters_and_long_references(ws, ref, needle):
    before = state(ws)
    with pytest.raises(OpError, match="The case was not added") as e:
        inspections.add_case(ws, ws.setting("last_inspection") or "", ref, DETAILS, "Ann")
    assert needle in str(e.value) and state(ws) == before


def test_add_case_refuses_a_case_past_the_inspection_limit(ws, monkeypatch):
    iid = ws.setting("last_inspection") or ""
    monkeypatch.setattr(models.limits, "MAX_CASES", 2)
    inspections.add_case(ws, iid, "R-1", DETAILS, "Ann")
    inspections.add_case(ws, iid, "R-2", DETAILS, "Ann")
    before = state(ws)
    with pytest.raises(OpError, match="an inspection holds at most 2 cases"):
        inspections.add_case(ws, iid, "R-3", DETAILS, "Ann")
    assert state(ws) == before


def test_long_case_detail_text_is_refused_when_added_or_edited(ws):
    iid = ws.setting("last_inspection") or ""
    with pytest.raises(OpError, match="area: the text is 2,000 characters long; at most 1,000"):
        inspections.add_case(ws, iid, "R-1", {**DETAILS, "area": "x" * 2_000}, "Ann")
    cid = inspections.add_case(ws, iid, "R-1", {**DETAILS, "area": "North"}, "Ann").id
    s = CaseSession(ws, cid, "Ann")
    before = state(ws)
    with pytest.raises(OpError, match="area: the text contains U\\+202E"):
        s.update_details({**DETAILS, "area": "North\u202e"})
    assert state(ws) == before and ws.case(cid).details["area"] == "North"


def test_a_million_row_sample_list_is_refused_quickly_and_nothing_is_imported(ws, tmp_path):
    big = tmp_path / "million.csv"
    big.write_bytes(b"reference,case_type\n" + b"".join(b"R-%d,licence\n" % i for i in range(1_000_000)))
    before = state(ws)
    t = time.perf_counter()
    with pytest.raises(USER_ERRORS, match="a sample list may be at most 10 MB. Nothing was imported"):
        inspections.import_sample(ws, ws.setting("last_inspection") or "", big)
    assert time.perf_counter() - t < 2 and state(ws) == before
