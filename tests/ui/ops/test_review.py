"""Review states end to end: a lead and an assessor on separate databases and
key folders; pack, export (submitted), merge, return pack, import, fix, export
(resubmitted), merge, approve; and the attacks a trusted key might try."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from main import run_cli
from storage import review as review_sql
from storage.store import Store
from tests.ui.ops.test_exchange import ANN_PW, QS, SAMPLE, Person, answer
from ui.ops import exchange, inspections
from ui.ops import review as review_ops
from ui.ops.answers import record
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

Q1, Q2 = "IAOW-2.1-02", "IAOW-2.1-03"


def complete(store: Store, ref: str) -> None:
    store.set_status(store.primary_assessment(store.find_case(ref).id).id, "complete", "Ann")


def steps_at(store: Store, ref: str) -> list[tuple[int, str, str, str | None]]:
    aid = store.primary_assessment(store.find_case(ref).id).id
    return [(e.n, e.action, e.state, e.question_id) for e in review_sql.events(store, aid)]


def merge(lead: Person, *files: Path, trust: str | None = None) -> exchange.Merged:
    with lead as s:
        return exchange.merge_files(Workspace(s), list(files), trust=[trust] if trust else [])


@pytest.fixture
def trip(tmp_path):
    """Ann has exported R-1 complete (submitted) and R-2 in progress; the lead has merged it."""
    lead, ann = Person(tmp_path, "Lead"), Person(tmp_path, "Ann")
    pw = tmp_path / "pw.txt"
    pw.write_text(ANN_PW + "\n")
    lead_fp = lead.fingerprint()
    with lead as s:
        iid = s.create_inspection("York", QS.id, QS.version)
        (tmp_path / "s.csv").write_text(SAMPLE)
        inspections.import_sample(Workspace(s), iid, tmp_path / "s.csv")
        exchange.make_pack(Workspace(s), iid, "Ann", tmp_path / "ann.pack", str(pw), ["R-1", "R-2"])
    with ann as s:
        exchange.import_pack(Workspace(s), tmp_path / "ann.pack", str(pw), lead_fingerprint=lead_fp)
        answer(s, "R-1", {Q1: "yes", Q2: "no"})
        answer(s, "R-2", {Q1: "no"})
        complete(s, "R-1")
        exchange.export_secure(Workspace(s), iid, tmp_path / "ann1.export")
        assert review_sql.state(s, s.primary_assessment(s.find_case("R-1").id).id) == "submitted"
    trust = f"Ann={ann.fingerprint()}"
    merged = merge(lead, tmp_path / "ann1.export", trust=trust)
    assert merged.report.cases_submitted == ["R-1"]
    return {"lead": lead, "ann": ann, "iid": iid, "dir": tmp_path, "pw": pw}


def test_the_whole_round_trip_loses_and_duplicates_nothing(trip):
    lead, ann, iid, d = trip["lead"], trip["ann"], trip["iid"], trip["dir"]
    with lead as s:
        ws = Workspace(s)
        assert [(r.reference, r.state) for r in review_ops.review_list(ws, iid)] == [
            ("R-1", "submitted"), ("R-2", "in_progress")]
        review_ops.return_case(ws, "R-1", "Check the plan's date", [(Q2, "The plan was dated after 15 days")])
        with pytest.raises(OpError, match="nothing to send Bob"):
            exchange.make_pack(ws, iid, "Bob", d / "bob.returns", returns=True, passphrase=ANN_PW)
        exchange.make_pack(ws, iid, "Ann", d / "ann.returns", str(trip["pw"]), returns=True)
    with ann as s:
        ws = Workspace(s)
        aid = s.primary_assessment(s.find_case("R-1").id).id
        with pytest.raises(PermissionError, match="submitted to the lead"):
            s.set_status(aid, "in_progress", "Ann")  # locked until returned
        done = exchange.import_pack(ws, d / "ann.returns", str(trip["pw"]))
        assert done.count == 1
        got = review_ops.case_review(ws, aid)
        assert got.state == "returned" and got.latest_return().comment == "Check the plan's date"
        assert [e.comment for e in got.answer_comments[Q2]] == ["The plan was dated after 15 days"]
        assert s.get_assessment(aid).status == "in_progress"  # editable again
        exchange.import_pack(ws, d / "ann.returns", str(trip["pw"]))  # again: nothing changes
        assert steps_at(s, "R-1") == [(1, "submit", "submitted", None), (2, "return", "returned", None),
                                      (2, "comment", "returned", Q2)]
        answer(s, "R-1", {Q2: "yes"})
        complete(s, "R-1")
        exchange.export_secure(ws, iid, d / "ann2.export")
    merged = merge(lead, d / "ann2.export", d / "ann1.export")
    assert [f.status for f in merged.files] == ["merged", "unchanged"]
    assert merged.report.cases_submitted == ["R-1"]
    with lead as s:
        ws = Workspace(s)
        r1 = s.primary_assessment(s.find_case("R-1").id).id
        assert review_sql.state(s, r1) == "resubmitted" and s.answers(r1)[Q2].value == "yes"
        review_ops.approve(ws, ["R-1"])
        assert steps_at(s, "R-1") == [(1, "submit", "submitted", None), (2, "return", "returned", None),
                                      (2, "comment", "returned", Q2), (3, "resubmit", "resubmitted", None),
                                      (4, "approve", "approved", None)]
        n_events = s.query("SELECT count(*), count(DISTINCT id) FROM review_events")[0]
        assert tuple(n_events) == (5, 5)
        assert review_ops.approved_case_ids(ws, iid) == {s.find_case("R-1").id}
        view = {r[0]: r[1] for r in s.query("SELECT DISTINCT case_reference, review_state FROM answer_values")}
        assert view == {"R-1": "approved", "R-2": "in_progress"}  # the plain view: review state once submitted
        from storage.readings import iter_readings

        assert {r.case.reference: r.review for r in iter_readings(s, iid) if r.assessment} == {
            "R-1": "approved", "R-2": None}
    again = merge(lead, d / "ann1.export", d / "ann2.export")  # any order, any number of times
    assert [f.status for f in again.files] == ["unchanged", "unchanged"]
    with lead as s:
        assert review_sql.state(s, s.primary_assessment(s.find_case("R-1").id).id) == "approved"


def test_an_approved_case_changes_only_with_a_reason_and_is_audited(trip):
    lead, _iid = trip["lead"], trip["iid"]
    with lead as s:
        ws = Workspace(s)
        review_ops.approve(ws, ["R-1"], "Well evidenced")
        with pytest.raises(OpError, match="needs --why"):
            record(ws, "R-1", Q1, value="no")
        aid = s.primary_assessment(s.find_case("R-1").id).id
        with pytest.raises(PermissionError, match="approved: a change needs a reason"):
            s.save_answer(aid, Q1, value="no", who="Ann")  # even its own assessor
        assert record(ws, "R-1", Q1, value="no", why="file shows the plan was late").changed
        row = [r for r in s.audit_rows(assessment_id=aid) if r.action == "answer"][-1]
        assert row.who == "Lead" and row.new["why"] == "file shows the plan was late"
        with pytest.raises(OpError, match="needs a reason"):
            review_ops.reopen(ws, "R-1", " ")
        review_ops.reopen(ws, "R-1", "second look at the plan")
        assert review_sql.state(s, aid) == "submitted"
        assert [r.new["why"] for r in s.audit_rows(case_id=s.find_case("R-1").id) if r.action == "review_reopen"] == [
            "second look at the plan"]
        with pytest.raises(OpError, match="only an approved case can be reopened"):
            review_ops.reopen(ws, "R-1", "again")
        with pytest.raises(OpError, match="not submitted: only a submitted"):
            review_ops.approve(ws, ["R-2"])
        with pytest.raises(OpError, match="needs a comment"):
            review_ops.return_case(ws, "R-1", "")


def _signed_export(ann: Person, iid: str, bundle: dict, out: Path) -> Path:
    from exports import bundle as bundle_mod
    from exports.secure import seal

    with ann as s:
        recipient = s.get_setting(f"lead_recipient:{iid}")
        out.write_bytes(seal(bundle_mod.to_bytes(bundle), "export", exchange.signing_key(), "Ann",
                             "2026-11-30T00:00:00Z", recipients=[recipient]))
    return out


def _ann_bundle(ann: Person, iid: str) -> dict:
    from exports import bundle as bundle_mod

    with ann as s:
        Workspace(s)
        data = bundle_mod.build(s, iid, QS, review=review_sql.assessor_events(s, iid))
        return json.loads(bundle_mod.to_bytes(data))


def _snapshot(store: Store) -> list:
    return [sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall()) for t in ("review_events", "review_states",
                                                                                   "answers")]


@pytest.mark.parametrize("attack", ["approve", "resubmit ahead", "rewrite return", "another reading"])
def test_a_trusted_assessor_key_cannot_approve_return_or_rewrite_the_leads_comments(trip, attack):
    """An attacker holding Ann's trusted key signs an export that approves her
    case, skips ahead of the lead, rewrites the lead's return comment or
    submits a reading that is not hers: the whole file is refused."""
    lead, ann, iid, d = trip["lead"], trip["ann"], trip["iid"], trip["dir"]
    with lead as s:
        review_ops.return_case(Workspace(s), "R-1", "Check the plan's date")
        ret = [e for e in review_sql.events(s, s.primary_assessment(s.find_case("R-1").id).id)
               if e.action == "return"][0]
        before = _snapshot(s)
    data = _ann_bundle(ann, iid)
    step = dict(data["review"][0])
    if attack == "approve":
        data["review"].append({**step, "id": "x-approve", "n": 2, "action": "approve", "state": "approved"})
    elif attack == "resubmit ahead":
        data["review"].append({**step, "id": "x-ahead", "n": 9, "action": "resubmit", "state": "resubmitted"})
    elif attack == "rewrite return":
        data["review"].append({**step, "id": ret.id, "n": 2, "action": "resubmit", "state": "resubmitted",
                               "comment": "all fine, approve it"})
    else:
        data["review"] = [{**step, "assessment_id": "not-hers"}]
    f = _signed_export(ann, iid, data, d / "evil.export")
    r = merge(lead, f).files[0]
    assert r.status == "refused", r
    assert "review" in r.reason or "lead inspector takes" in r.reason or "not Ann's own" in r.reason
    with lead as s:
        assert _snapshot(s) == before
        assert review_sql.events(s, ret.assessment_id)[-1].comment == "Check the plan's date"


def test_a_pack_cannot_bring_review_steps_from_another_lead(trip, tmp_path):
    """A second lead's key (a stranger's trusted elsewhere) returning Ann's case is refused: custody as for packs."""
    other = Person(tmp_path, "Other")
    ann, iid, d = trip["ann"], trip["iid"], trip["dir"]
    with trip["lead"] as s:
        review_ops.return_case(Workspace(s), "R-1", "Check the plan's date")
        exchange.make_pack(Workspace(s), iid, "Ann", d / "ann.returns", str(trip["pw"]), returns=True)
    from exports import pack as pack_fmt
    from exports.secure import seal

    with trip["lead"] as s:
        _opened, pack = exchange._open_pack(d / "ann.returns", ANN_PW)
    with other as s:
        key = exchange.signing_key()
        ident = exchange.lead_identity()
        import base64

        forged = pack.model_copy(update={"lead": pack_fmt.PackLead(
            name="Lead", age_recipient=str(ident.to_public()), signing_key=base64.b64encode(key.public_bytes).decode())})
        (d / "forged.returns").write_bytes(seal(pack_fmt.to_bytes(forged), "pack", key, "Lead", "2026-11-30T00:00:00Z",
                                                passphrase=ANN_PW))
    with ann as s:
        before = _snapshot(s)
        with pytest.raises(OpError, match="not signed by the lead key it was set up from"):
            exchange.import_pack(Workspace(s), d / "forged.returns", str(trip["pw"]))
        assert _snapshot(s) == before


def test_cli_review_return_approve_list(trip, capsys):
    lead, _iid = trip["lead"], trip["iid"]
    db = str(lead.db)
    with lead:
        out = io.StringIO()
        assert run_cli(["review", "--db", db, "--case", "R-1", "--return", "--comment", "Check the date",
                        "--question", Q2, "--comment", "Dated late?"], out) == 0
        assert "returned R-1" in out.getvalue()
        out = io.StringIO()
        assert run_cli(["review", "--db", db, "--list", "--inspection", "York", "--state", "returned"], out) == 0
        assert "R-1" in out.getvalue() and "R-2" not in out.getvalue() and "Check the date" in out.getvalue()
        out = io.StringIO()
        assert run_cli(["review", "--db", db, "--case", "R-1", "--approve"], out) == 2
        assert "only a submitted or resubmitted case" in capsys.readouterr().err
        with Store(lead.db) as s:
            aid = s.primary_assessment(s.find_case("R-1").id).id
            assert [(e.action, e.question_id, e.comment) for e in review_sql.events(s, aid)][1:] == [
                ("return", None, "Check the date"), ("comment", Q2, "Dated late?")]


def test_an_assessor_file_changing_an_approved_case_is_refused(trip):
    """An older app (or a tampered database) that changes a case the lead approved: the file is refused."""
    lead, ann, iid, d = trip["lead"], trip["ann"], trip["iid"], trip["dir"]
    with lead as s:
        review_ops.approve(Workspace(s), ["R-1"])
        before = _snapshot(s)
    with ann as s:
        aid = s.primary_assessment(s.find_case("R-1").id).id
        with s.transaction() as c:
            c.execute("DELETE FROM review_states WHERE assessment_id = ?", (aid,))  # the lock removed by hand
        s.set_status(aid, "in_progress", "Ann")
        answer(s, "R-1", {Q1: "no"})
        exchange.export_secure(Workspace(s), iid, d / "late.export")
    r = merge(lead, d / "late.export").files[0]
    assert r.status == "refused" and "R-1, which the lead inspector has approved" in r.reason
    with lead as s:
        assert _snapshot(s) == before


def test_findings_limited_to_approved_cases_and_the_review_line(trip):
    from ui.ops import printing
    from ui.ops.scores import inspection_scores

    with trip["lead"] as s:
        ws = Workspace(s)
        assert inspection_scores(ws, trip["iid"], approved_only=True).report.cases == 0
        review_ops.approve(ws, ["R-1"])
        res = inspection_scores(ws, trip["iid"], approved_only=True)
        assert [c.reference for c in res.cases] == ["R-1"]
        assert len(inspection_scores(ws, trip["iid"]).cases) == 4
        doc = printing.findings_doc(ws, trip["iid"], approved_only=True)
        assert doc.provenance[0].startswith("1 approved cases") and "Review: 1 not submitted, 1 approved." in \
            doc.provenance
        out = io.StringIO()
        assert run_cli(["scores", "--db", str(trip["lead"].db), "--inspection", "York", "--approved-only",
                        "--format", "json"], out) == 0


def test_the_cli_answer_on_an_approved_case_of_ones_own_needs_why(trip):
    """The lead's own reading, approved: --why is asked for by name."""
    with trip["ann"] as s:
        ws = Workspace(s)
        aid = s.primary_assessment(s.find_case("R-1").id).id
        with s.transaction() as c:  # as if the lead's pack had approved it
            review_sql.apply_incoming(c, [review_sql.ReviewEvent("a2", aid, 2, "approve", "approved", "Lead", "t")])
        with pytest.raises(OpError, match="R-1 is approved: a change needs --why"):
            record(ws, "R-1", Q1, value="no")
        assert record(ws, "R-1", Q1, value="no", why="lead asked by phone").changed


def test_one_return_pack_carries_the_return_and_a_query_and_one_export_answers_both(trip):
    """The return pack (make-pack --returns) brings the lead's return and query
    together; the assessor's next export brings the resubmission and the reply;
    the merge records the one and closes the other."""
    from ui.ops import queries as query_ops

    lead, ann, iid, d = trip["lead"], trip["ann"], trip["iid"], trip["dir"]
    with lead as s:
        ws = Workspace(s)
        review_ops.return_case(ws, "R-1", "Check the plan's date")
        asked = query_ops.raise_query(ws, "R-1", "Was the plan dated after 15 working days?", question=Q2)
        done = exchange.make_pack(ws, iid, "Ann", d / "ann.returns", str(trip["pw"]), returns=True)
        assert (done.count, done.queries) == (0, 1)
    with ann as s:
        ws = Workspace(s)
        got = exchange.import_pack(ws, d / "ann.returns", str(trip["pw"]))
        assert (got.later, got.count, got.queries) == (True, 1, 1)
        aid = s.primary_assessment(s.find_case("R-1").id).id
        assert review_ops.case_review(ws, aid).state == "returned"
        [q] = query_ops.listing(ws)
        assert q.question_id == Q2 and q.state == "open"
        query_ops.reply(ws, q.id, "Yes: dated 3 May; changed to yes")
        answer(s, "R-1", {Q2: "yes"})
        complete(s, "R-1")
        exchange.export_secure(ws, iid, d / "ann2.export")
    merged = merge(lead, d / "ann2.export")
    assert merged.report.cases_submitted == ["R-1"] and len(merged.report.queries) == 1
    with lead as s:
        ws = Workspace(s)
        r1 = s.primary_assessment(s.find_case("R-1").id).id
        assert review_sql.state(s, r1) == "resubmitted" and s.answers(r1)[Q2].value == "yes"
        assert query_ops.find(ws, asked.query.id).state == "closed"
