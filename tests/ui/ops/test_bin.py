"""ui.ops.bin: deleting, restoring and renaming cases and inspections (issue 14:
"no way to delete or rename a case or an inspection; a typo in a reference is
permanent").  A deleted case waits in the bin, leaves scores and prints, and a
merge never brings it back silently."""

from __future__ import annotations

import pytest

from exports.sample_csv import SampleError
from storage.store import Store
from ui.ops import bin, exchange, inspections, printing, scores
from ui.ops import conflicts as conflict_ops
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

from ...conftest import make_inspection
from .test_exchange import world  # noqa: F401  (the lead, Ann and Bob, with their exports)


@pytest.fixture
def ws(store, iaow):
    w = Workspace(store)
    w.set_setting("assessor_name", "Lee")
    make_inspection(store, iaow, 4)
    return w


def _iid(ws: Workspace) -> str:
    return ws.inspections()[0].id


def _actions(ws: Workspace) -> list[str]:
    return [r.action for r in ws.store.audit_rows()]


def test_a_deleted_case_leaves_the_list_scores_and_prints_and_comes_back(ws, tmp_path):
    iid = _iid(ws)
    cid = ws.find_case("CASE-002", iid)
    assert scores.inspection_scores(ws, iid).report.cases == 4
    bin.delete_case(ws, cid)
    assert [r.reference for r in inspections.case_listing(ws, iid).rows] == ["CASE-001", "CASE-003", "CASE-004"]
    assert scores.inspection_scores(ws, iid).report.cases == 3
    assert printing.print_cases(ws, iid, tmp_path / "all.pdf") == 3
    with pytest.raises(OpError, match="in the bin: restore it to print it"):
        printing.print_case(ws, cid, tmp_path / "one.pdf")
    with pytest.raises(OpError, match="no single case"):
        ws.find_case("CASE-002", iid)
    assert not ws.has_case(cid)
    assert [(d.name, d.deleted_by) for d in bin.bin_contents(ws, iid).cases] == [("CASE-002", "Lee")]
    with pytest.raises(OpError, match="is in the bin .deleted.: restore it"):
        inspections.add_case(ws, iid, "CASE-002", {"case_type": "licence"}, "Lee")
    bin.restore_case(ws, iid, "CASE-002")
    assert len(inspections.case_listing(ws, iid).rows) == 4 and bin.bin_contents(ws, iid).cases == []
    assert _actions(ws)[-2:] == ["delete_case", "restore_case"]


def test_renaming_a_case_is_audited_and_refuses_a_clash(ws):
    iid = _iid(ws)
    cid = ws.find_case("CASE-001", iid)
    bin.rename_case(ws, cid, " CASE-101 ")
    assert ws.case(cid).reference == "CASE-101"
    row = ws.store.audit_rows(case_id=cid)[-1]
    assert (row.action, row.old, row.new) == ("rename_case", {"reference": "CASE-001"}, {"reference": "CASE-101"})
    with pytest.raises(OpError, match="already used by another case.*keeps its reference 'CASE-101'"):
        bin.rename_case(ws, cid, "CASE-002")
    bin.delete_case(ws, ws.find_case("CASE-003", iid))
    with pytest.raises(OpError, match="already used by a deleted case in the bin"):
        bin.rename_case(ws, cid, "CASE-003")
    with pytest.raises(OpError, match="U\\+0000"):
        bin.rename_case(ws, cid, "X\x00")
    assert ws.case(cid).reference == "CASE-101"


def test_an_inspection_is_renamed_deleted_and_restored(ws):
    iid = _iid(ws)
    bin.rename_inspection(ws, iid, "York 2014")
    assert ws.inspection(iid).name == "York 2014"
    bin.delete_inspection(ws, "York 2014")
    assert ws.inspections() == [] and [d.name for d in bin.bin_contents(ws, None).inspections] == ["York 2014"]
    with pytest.raises(OpError, match="no inspection matches"):
        ws.find_inspection("York 2014")
    bin.restore_inspection(ws, iid[:8])
    assert [i.name for i in ws.inspections()] == ["York 2014"]
    assert _actions(ws)[-3:] == ["rename_inspection", "delete_inspection", "restore_inspection"]


def test_a_merge_keeps_work_for_a_deleted_case_but_leaves_it_in_the_bin(world):  # noqa: F811
    d = world["dir"]
    with world["lead"] as s:
        ws = Workspace(s)
        iid = world["iid"]
        bin.delete_case(ws, ws.find_case("R-2", iid))
        merged = exchange.merge_files(ws, [d / "ann.export", d / "bob.export"],
                                      trust=[f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"])
        assert merged.report.cases_in_bin == ["R-2"]
        assert [r.reference for r in inspections.case_listing(ws, iid).rows] == ["R-1", "R-3", "R-4"]
        assert conflict_ops.conflicts(ws, iid, "open") == []  # R-2's disagreement waits in the bin with it
        bin.restore_case(ws, iid, "R-2")
        assert [(k["reference"], k["question_id"]) for k in conflict_ops.conflicts(ws, iid, "open")] == [
            ("R-2", "IAOW-2.1-03")]


def test_a_sample_reimport_skips_existing_cases_when_asked(ws, tmp_path):
    iid = _iid(ws)
    bin.delete_case(ws, ws.find_case("CASE-004", iid))
    sample = tmp_path / "s.csv"
    sample.write_text("reference,case_type\nCASE-001,licence\nCASE-004,licence\nNEW-1,licence\n")
    with pytest.raises(SampleError, match="2 problems") as e:
        inspections.import_sample(ws, iid, sample)
    assert "row 2, reference: 'CASE-001' is already in the inspection" in str(e.value)
    assert "Nothing was imported" in str(e.value)
    done = inspections.import_sample(ws, iid, sample, skip_existing=True)
    assert (done.count, done.skipped) == (1, 2)
    assert [r.reference for r in inspections.case_listing(ws, iid).rows][-1] == "NEW-1"
    assert bin.bin_contents(ws, iid).cases[0].name == "CASE-004"  # skipped, still in the bin


def test_the_store_bin_is_per_inspection(tmp_path, iaow):
    s = Store(tmp_path / "x.sqlite3")
    a, b = make_inspection(s, iaow, 1), make_inspection(s, iaow, 1, seed=2)
    ws = Workspace(s)
    ws.set_setting("assessor_name", "Lee")
    bin.delete_case(ws, ws.find_case("CASE-001", a))
    assert len(bin.bin_contents(ws, a).cases) == 1 and bin.bin_contents(ws, b).cases == []
    with pytest.raises(OpError, match="already in the bin"):
        bin.delete_case(ws, bin.bin_contents(ws, a).cases[0].id)
    s.close()
