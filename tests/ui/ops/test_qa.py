"""QA second reads end to end: the lead, two assessors and a QA reader on
separate databases and key folders; assign, packs (the QA pack blind), exports,
merge, scope, agreement against a hand calculation, moderation."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from exports import pack as pack_fmt
from exports.secure import open_sealed
from main import run_cli
from models.agreement import MIN_PAIRS
from models.questionset import builtin_catalog
from tests.ui.ops.test_exchange import world  # noqa: F401, F811  (the two-assessor fixture)
from ui.ops import answers, exchange, inspections, moderation, qa
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

QS = builtin_catalog().get("iaow-2013")
QUESTIONS = ["IAOW-2.1-02", "IAOW-2.1-03", "IAOW-2.1-04", "IAOW-2.1-05"]
# y = yes, n = no; one letter per question above
READINGS = {
    "Ann": {"R-1": "yyyn", "R-2": "nyyy", "R-3": "yyyy"},
    "Bob": {"R-7": "ynyn", "R-8": "nnnn"},
    "Quinn": {"R-1": "yynn", "R-2": "nyyy", "R-7": "yyyn"},
}


@contextmanager
def laptop(root: Path, name: str) -> Iterator[Workspace]:
    """One person's own database and key folder (CASE_ASSESSOR_KEYS)."""
    folder = root / name
    folder.mkdir(exist_ok=True)
    old = os.environ.get("CASE_ASSESSOR_KEYS")
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys")
    ws = Workspace.open(folder / "db.sqlite3")
    try:
        if not ws.setting("assessor_name"):
            ws.set_profile(name)
        yield ws
    finally:
        ws.close()
        if old is None:
            os.environ.pop("CASE_ASSESSOR_KEYS", None)
        else:
            os.environ["CASE_ASSESSOR_KEYS"] = old


def fingerprint(root: Path, name: str) -> str:
    with laptop(root, name):
        return exchange.my_fingerprint()


def read_cases(ws: Workspace, person: str, note: str = "") -> None:
    """Record the person's answers through the same path as the CLI's ``answer``."""
    for ref, letters in READINGS[person].items():
        for qid, letter in zip(QUESTIONS, letters, strict=True):
            answers.record(ws, ref, qid, value="yes" if letter == "y" else "no",
                           note=note if (ref, qid) == ("R-1", "IAOW-2.1-04") else None)


@pytest.fixture
def trip(tmp_path: Path) -> dict:
    d = tmp_path
    pw = d / "pw.txt"
    pw.write_text("granite oxidize pelican marmalade tundra\n")
    (d / "s.csv").write_text("reference,case_type,rosh_level,requirements\n"
                             + "".join(f"R-{i},licence,medium,supervision\n" for i in range(1, 13)))
    with laptop(d, "Lead") as ws:
        iid = inspections.new_inspection(ws, "York", QS.id).id
        inspections.import_sample(ws, iid, d / "s.csv")
        exchange.make_pack(ws, iid, "Ann", d / "ann.pack", str(pw), [f"R-{i}" for i in range(1, 7)])
        exchange.make_pack(ws, iid, "Bob", d / "bob.pack", str(pw), [f"R-{i}" for i in range(7, 13)])
        lead_fp = exchange.my_fingerprint()
    for person, note in (("Ann", "the plan says 'not discussed'"), ("Bob", "")):
        with laptop(d, person) as ws:
            exchange.import_pack(ws, d / f"{person.lower()}.pack", str(pw), lead_fingerprint=lead_fp)
            read_cases(ws, person, note)
            exchange.export_secure(ws, iid, d / f"{person.lower()}.export")
    trust = [f"{p}={fingerprint(d, p)}" for p in ("Ann", "Bob", "Quinn")]
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [d / "ann.export", d / "bob.export"], trust=trust[:2])
        assert [f.status for f in merged.files] == ["merged", "merged"]
        done = qa.assign_qa(ws, iid, readers=["Quinn"], case_refs=["R-1", "R-2", "R-7"])
        assert done.count == 3 and {r.reader for r in done.reads} == {"Quinn"}
        exchange.make_pack(ws, iid, "Quinn", d / "quinn.pack", str(pw), qa=True)
    with laptop(d, "Quinn") as ws:
        exchange.import_pack(ws, d / "quinn.pack", str(pw), lead_fingerprint=lead_fp)
        read_cases(ws, "Quinn")
        exchange.export_secure(ws, iid, d / "quinn.export")
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [d / "quinn.export"], trust=trust)
        assert [f.status for f in merged.files] == ["merged"], merged.files[0].reason
    return {"dir": d, "iid": iid, "pw": pw, "trust": trust}


def test_the_qa_readers_pack_is_blind(trip):
    d = trip["dir"]
    with laptop(d, "Lead"):
        opened = open_sealed((d / "quinn.pack").read_bytes(), passphrase=trip["pw"].read_text().strip(), kind="pack")
    pack = pack_fmt.parse(opened.payload)
    assert pack.reading == "qa" and pack.assessor == "Quinn"
    assert sorted(c.reference for c in pack.cases) == ["R-1", "R-2", "R-7"]
    text = opened.payload.decode()
    assert "not discussed" not in text  # Ann's note on R-1
    assert not any(k in json.loads(text)["cases"][0] for k in ("answers", "assessments", "scores"))
    assert all(QUESTIONS[0] not in json.dumps(c.model_dump()) for c in pack.cases)


def test_qa_reads_come_back_as_qa_readings_and_are_never_conflicts(trip):
    with laptop(trip["dir"], "Lead") as ws:
        case = ws.store.find_case("R-1")
        kinds = sorted((a.assessor, a.kind) for a in ws.store.assessments_for_case(case.id))
        assert kinds == [("Ann", "primary"), ("Quinn", "qa")]
        assert ws.store.list_cases(trip["iid"]) and not ws.store.query("SELECT * FROM conflicts")
        summary = {s.case.reference: s for s in ws.case_summaries(trip["iid"])}
        assert summary["R-1"].assessment.assessor == "Ann"  # the QA read never scores
    with laptop(trip["dir"], "Quinn") as ws:  # the reader's own case list shows their QA reads
        mine = {s.case.reference: s.answered for s in ws.case_summaries(trip["iid"])}
        assert mine == {"R-1": 4, "R-2": 4, "R-7": 4}


def test_agreement_against_a_hand_calculation(trip):
    with laptop(trip["dir"], "Lead") as ws:
        rep = moderation.agreement_report(ws, trip["iid"])
    assert rep.pairs == 12 and rep.second_reads == {"qa": 3}
    # per question: 2.1-02 3/3, 2.1-03 2/3, 2.1-04 2/3, 2.1-05 3/3
    assert rep.by_question == {"IAOW-2.1-02": (3, 3), "IAOW-2.1-03": (2, 3), "IAOW-2.1-04": (2, 3),
                               "IAOW-2.1-05": (3, 3)}
    # Ann: 8 pairs, 7 agree; Ann yes 6 no 2, Quinn yes 5 no 3: pe = (6*5 + 2*3)/64 = 36/64;
    # kappa = (7/8 - 36/64) / (1 - 36/64) = 5/7; SE = sqrt(7/8 * 1/8 / (8 * (28/64)^2)) = 0.26726
    ann = rep.by_assessor["Ann"]
    assert (ann.n, ann.agree) == (8, 7)
    assert ann.kappa == pytest.approx(5 / 7)
    assert ann.low == pytest.approx(5 / 7 - 1.959964 * 0.267261, abs=1e-5) and ann.high == 1.0
    # Bob: 4 pairs, 3 agree; Bob yes 2 no 2, Quinn yes 3 no 1: pe = 8/16; kappa = (0.75 - 0.5)/0.5
    assert rep.by_assessor["Bob"].kappa == pytest.approx(0.5)
    # criterion 2.1: 12 pairs, 10 agree; first yes 8 no 4, second yes 8 no 4: pe = 80/144; kappa = 40/64
    crit = rep.by_criterion["2.1"]
    assert (crit.n, crit.kappa) == (12, pytest.approx(0.625))
    assert 12 < MIN_PAIRS and crit.describe().startswith("too few to judge (12 pairs")
    assert {(p.case, p.question) for p in rep.disagreements} == {("R-1", "IAOW-2.1-04"), ("R-7", "IAOW-2.1-03")}


def test_moderation_records_the_agreed_answer_which_then_scores(trip):
    with laptop(trip["dir"], "Lead") as ws:
        todo = moderation.disagreements(ws, trip["iid"])
        d = next(x for x in todo if x.reference == "R-1")
        assert (d.primary.assessor, d.first_value, d.second.assessor, d.second_value) == ("Ann", "yes", "Quinn", "no")
        assert d.primary.notes["IAOW-2.1-04"] == "the plan says 'not discussed'" and d.decision is None
        with pytest.raises(OpError, match="say why"):
            moderation.moderate(ws, "R-1", "IAOW-2.1-04", "no", " ")
        with pytest.raises(OpError, match="no QA disagreement"):
            moderation.moderate(ws, "R-2", "IAOW-2.1-04", "no", "checked")
        moderation.moderate(ws, "R-1", "IAOW-2.1-04", "no", "the plan was not discussed with him")
        case = ws.store.find_case("R-1")
        primary = ws.store.primary_assessment(case.id)
        row = ws.store.answers(primary.id)["IAOW-2.1-04"]
        assert (row.value, row.origin) == ("no", "lead")
        summary = {s.case.reference: s for s in ws.case_summaries(trip["iid"])}
        assert summary["R-1"].answers["IAOW-2.1-04"] == "no"  # the agreed answer scores
        d = next(x for x in moderation.disagreements(ws, trip["iid"]) if x.reference == "R-1")
        assert d.decision is not None and d.decision.why == "the plan was not discussed with him"
        # agreement still compares what each reader said, not the decision
        assert moderation.agreement_report(ws, trip["iid"]).by_assessor["Ann"].kappa == pytest.approx(5 / 7)
        audit = [r for r in ws.store.audit_rows(case_id=case.id) if r.action == "moderate"]
        assert audit[0].who == "Lead" and audit[0].new["readings"]["primary"]["value"] == "yes"


def test_scope_a_qa_reader_cannot_write_the_primary_reading_nor_an_assessor_a_qa_reading(trip):
    d, iid = trip["dir"], trip["iid"]
    with laptop(d, "Quinn") as ws:  # Quinn starts a primary reading of a case given to her for QA
        case = ws.store.find_case("R-2")
        aid = ws.store.start_assessment(case.id, "Quinn", QS.version, kind="primary")
        ws.store.save_answer(aid, "IAOW-2.1-02", value="yes", who="Quinn")
        exchange.export_secure(ws, iid, d / "quinn-primary.export")
    with laptop(d, "Ann") as ws:  # Ann starts a QA reading of her own case
        case = ws.store.find_case("R-3")
        aid = ws.store.start_assessment(case.id, "Ann", QS.version, kind="qa")
        ws.store.save_answer(aid, "IAOW-2.1-02", value="no", who="Ann")
        exchange.export_secure(ws, iid, d / "ann-qa.export")
    with laptop(d, "Lead") as ws:
        before = ws.store.query("SELECT count(*) FROM answers")[0][0]
        res = exchange.merge_files(ws, [d / "quinn-primary.export", d / "ann-qa.export"], trust=trip["trust"])
        assert [f.status for f in res.files] == ["refused", "refused"]
        assert "Quinn was not given case 'R-2' for a primary reading" in res.files[0].reason
        assert "Ann was not given case 'R-3' for a qa reading" in res.files[1].reason
        assert ws.store.query("SELECT count(*) FROM answers")[0][0] == before


def test_cli_agreement_prints_n_intervals_and_too_few(trip):
    out = io.StringIO()
    with laptop(trip["dir"], "Lead") as ws:
        db = str(ws.path)
    code = run_cli(["agreement", "--db", db, "--inspection", "York"], out)
    text = out.getvalue()
    assert code == 0
    assert "12 pairs from 3 QA second reads" in text
    assert "too few to judge (8 pairs; at least 20 needed)" in text  # Ann
    assert "R-1" in text and "Ann: yes (the plan says 'not discussed')" in text and "to moderate" in text
    out = io.StringIO()
    code = run_cli(["moderate", "--db", db, "--as", "Lead", "--case", "R-7", "--question", "IAOW-2.1-03",
                    "--value", "yes", "--why", "induction notes on file"], out)
    assert code == 0 and "moderated R-7 IAOW-2.1-03: yes" in out.getvalue()


def test_two_assessors_primary_readings_of_one_case_are_compared_too(world):  # noqa: F811
    """Two primary readings (no QA read) used to give 'No case has both a primary and a QA reading'."""
    d = world["dir"]
    trust = [f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"]
    with world["lead"] as s:
        exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"], trust=trust)
        ws = Workspace(s)
        rep = moderation.agreement_report(ws, world["iid"])
        assert rep.second_reads == {"primary": 2}  # read by Ann first, then Bob
        assert rep.pairs == 3 and rep.by_question["IAOW-2.1-03"] == (0, 1)
        assert moderation.disagreements(ws, world["iid"]) == []  # those are conflicts, decided with 'resolve'
        out = io.StringIO()
        run_cli(["agreement", "--db", str(world["lead"].db), "--inspection", "York"], out)
    assert "3 pairs from 2 second primary readings" in out.getvalue()
    assert "a conflict (resolve)" in out.getvalue()


def test_agreement_compares_the_assessors_own_answer_not_a_leads_correction(trip):
    with laptop(trip["dir"], "Lead") as ws:
        answers.record(ws, "R-1", "IAOW-2.1-04", value="no", why="plan not discussed (case record)")
        rep = moderation.agreement_report(ws, trip["iid"])
        assert rep.by_assessor["Ann"].kappa == pytest.approx(5 / 7)  # Ann said yes; the lead's "no" is not hers
