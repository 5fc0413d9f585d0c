"""assign-qa's sample: stratified by assessor, at least one each, a reader never the case's assessor."""

from __future__ import annotations

import io

import pytest

from main import run_cli
from storage import qa as qa_sql
from ui.ops import inspections, qa
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


@pytest.fixture
def lead(tmp_path):
    (tmp_path / "s.csv").write_text("reference,case_type,rosh_level,requirements\n"
                                    + "".join(f"R-{i},licence,medium,supervision\n" for i in range(1, 46)))
    ws = Workspace.open(tmp_path / "lead.sqlite3")
    ws.set_profile("Lead")
    iid = inspections.new_inspection(ws, "York", "iaow-2013").id
    inspections.import_sample(ws, iid, tmp_path / "s.csv")
    ids = {c.reference: c.id for c in ws.cases(iid)}
    given = {"Ann": range(1, 31), "Bob": range(31, 43), "Cat": range(43, 46)}  # 30, 12 and 3 cases
    for name, rng in given.items():
        qa_sql.assign_readings(ws.store, iid, [(ids[f"R-{i}"], name) for i in rng], "primary", "Lead")
    yield ws, iid, given
    ws.close()


def test_default_sample_is_ten_percent_of_each_assessors_cases_at_least_one(lead):
    ws, iid, given = lead
    done = qa.assign_qa(ws, iid)
    per = {}
    for r in done.reads:
        per.setdefault(r.assessor, []).append(r)
        assert r.reader != r.assessor and r.new
    assert {a: len(v) for a, v in per.items()} == {"Ann": 3, "Bob": 2, "Cat": 1}  # 10% of 30, 12, 3, rounded up
    for a, reads in per.items():
        assert {int(r.reference[2:]) for r in reads} <= set(given[a])
    loads = sorted(sum(1 for r in done.reads if r.reader == x) for x in ("Ann", "Bob", "Cat"))
    assert loads == [2, 2, 2]  # shared out evenly
    # run again: the sample already holds its share, nothing new; the same database gives the same sample
    again = qa.assign_qa(ws, iid)
    assert again.count == 0 and {r.reference for r in again.reads} == {r.reference for r in done.reads}
    assert len(qa.qa_reads(ws, iid)) == 6


def test_a_named_reader_never_reads_their_own_cases(lead):
    ws, iid, _given = lead
    done = qa.assign_qa(ws, iid, readers=["Ann"])
    assert {r.assessor for r in done.reads} == {"Bob", "Cat"} and {r.reader for r in done.reads} == {"Ann"}
    assert len(done.skipped) == 3 and "no QA reader other than its own assessor (Ann)" in done.skipped[0]
    bobs = next(f"R-{i}" for i in range(31, 43) if f"R-{i}" not in {r.reference for r in done.reads})
    with pytest.raises(OpError, match=f"{bobs} is Bob's own"):
        qa.assign_qa(ws, iid, readers=["Bob"], case_refs=["R-1", bobs])
    assert not [r for r in qa.qa_reads(ws, iid) if r.reader == "Bob"]  # nothing was changed


@pytest.mark.parametrize(("args", "says"), [
    (["--share", "0"], "more than 0 and at most 1"),
    (["--share", "1.5"], "more than 0 and at most 1"),
    (["--cases", "R-99"], "no such cases: R-99"),
])
def test_bad_requests_are_refused_with_a_reason(lead, args, says, capsys):
    ws, _iid, _given = lead
    code = run_cli(["assign-qa", "--db", str(ws.path), "--as", "Lead", "--inspection", "York", *args], io.StringIO())
    assert code == 2 and says in capsys.readouterr().err


def test_cli_assign_qa_with_explicit_cases_and_reader(lead):
    ws, iid, _given = lead
    out = io.StringIO()
    code = run_cli(["assign-qa", "--db", str(ws.path), "--as", "Lead", "--inspection", "York", "--cases", "R-1,R-31",
                    "--reader", "Cat"], out)
    assert code == 0 and "2 QA reads given" in out.getvalue()
    assert sorted((r.reference, r.reader) for r in qa.qa_reads(ws, iid)) == [("R-1", "Cat"), ("R-31", "Cat")]
