"""``answer``: one answer recorded, changed or cleared with the walk-through's checks and audit;
``history`` shows it back; ``grade`` sets OMI2 section 4 grades."""

from __future__ import annotations

import io

import pytest

from main import run_cli
from ui.ops import answers, grades, history, inspections
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


@pytest.fixture
def db(tmp_path):
    (tmp_path / "s.csv").write_text("reference,case_type,rosh_level,requirements\nR-1,licence,medium,supervision\n")
    path = tmp_path / "ann.sqlite3"
    with Workspace.open(path) as ws:
        ws.set_profile("Ann")
        iid = inspections.new_inspection(ws, "York", "iaow-2013").id
        inspections.import_sample(ws, iid, tmp_path / "s.csv")
    return str(path)


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run_cli(list(argv), out), out.getvalue()


def test_record_change_and_clear_an_answer_with_its_history(db, capsys):
    assert cli("answer", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-02", "--value", "yes")[0] == 0
    code, out = cli("answer", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-02", "--value", "no",
                    "--note", "no appointment letter")
    assert code == 0 and "recorded R-1 IAOW-2.1-02 in Ann's reading" in out
    assert "already so" in cli("answer", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-02", "--value", "no")[1]
    assert cli("answer", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-02", "--clear")[0] == 0
    with Workspace.open(db) as ws:
        trail = history.history(ws, "R-1", "IAOW-2.1-02")
        assert [(c.who, c.action, c.old, c.new, c.note) for c in trail] == [
            ("Ann", "answered", None, "yes", ""), ("Ann", "answered", "yes", "no", "no appointment letter"),
            ("Ann", "answered", "no", None, "")]
        assert all(c.reading == "Ann (primary)" for c in trail)
        assert [c.action for c in history.history(ws, "R-1")][:3] == ["case added", "reading started", "answered"]
    code, out = cli("history", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-02")
    assert code == 0 and "no appointment letter" in out and out.count("Ann") >= 3


@pytest.mark.parametrize(("argv", "says"), [
    (["--question", "IAOW-2.1-02", "--value", "maybe"], "'maybe' is not an answer on its scale (its answers: yes, no, na)"),
    (["--question", "NOPE", "--value", "yes"], "unknown question 'NOPE'"),
    (["--question", "IAOW-2.1-02", "--value", "yes", "--note", "x" * 20_001], "The answer was not saved"),
    (["--question", "IAOW-1.1-01", "--value", "yes"], "Does not apply to this case"),
    (["--question", "IAOW-2.1-07", "--value", "yes"], "Waiting for an earlier answer"),
])
def test_bad_answers_are_refused_and_nothing_changes(db, argv, says, capsys):
    code, _out = cli("answer", "--db", db, "--case", "R-1", *argv)
    assert code == 2 and says in capsys.readouterr().err
    with Workspace.open(db) as ws:
        assert not [c for c in history.history(ws, "R-1") if c.action == "answered"]


def test_a_lead_correcting_someone_elses_reading_must_say_why(db, capsys):
    cli("answer", "--db", db, "--case", "R-1", "--question", "IAOW-2.1-03", "--value", "yes")
    code, _ = cli("answer", "--db", db, "--as", "Lead", "--case", "R-1", "--question", "IAOW-2.1-03", "--value", "no")
    assert code == 2 and "this is Ann's reading: a correction needs --why" in capsys.readouterr().err
    code, _ = cli("answer", "--db", db, "--as", "Lead", "--case", "R-1", "--question", "IAOW-2.1-03", "--value", "no",
                  "--why", "the induction was not offered (case record, 3 March)")
    assert code == 0
    with Workspace.open(db) as ws:
        last = history.history(ws, "R-1", "IAOW-2.1-03")[-1]
        assert (last.who, last.old, last.new, last.why) == ("Lead", "yes", "no",
                                                            "the induction was not offered (case record, 3 March)")


def test_a_complete_reading_must_be_reopened_first(db, capsys):
    with Workspace.open(db) as ws:
        from ui.ops.session import CaseSession

        s = CaseSession(ws, ws.find_case("R-1"), "Ann")
        ws.store.set_status(s.assessment.id, "complete", "Ann")
        with pytest.raises(OpError, match="reopen it to change answers"):
            answers.record(ws, "R-1", "IAOW-2.1-02", value="yes")


def test_grades_are_checked_against_the_scale_audited_and_shown(tmp_path, capsys):
    db = str(tmp_path / "lead.sqlite3")
    with Workspace.open(db) as ws:
        ws.set_profile("Lead")
        iid = inspections.new_inspection(ws, "Thames Valley", "omi2-2010").id
    assert cli("grade", "--db", db, "--inspection", iid, "--item", "4.1", "--value", "sufficiently",
               "--note", "from the managers' meetings")[0] == 0
    assert cli("grade", "--db", db, "--inspection", iid, "--item", "4.1", "--value", "superb")[0] == 2
    assert "not a grade on 4.1's scale (its grades: very, sufficiently" in capsys.readouterr().err
    assert cli("grade", "--db", db, "--inspection", iid, "--item", "9.9", "--value", "very")[0] == 2
    assert "grades no item '9.9' (its graded items: 4.1, 4.2, 4.3, 4.4, 4.5)" in capsys.readouterr().err
    with Workspace.open(db) as ws:
        lines = {g.code: g for g in grades.grades(ws, iid)}
        assert (lines["4.1"].label, lines["4.1"].by, lines["4.2"].value) == ("Sufficiently effective", "Lead", None)
        audit = [r for r in ws.store.audit_rows(inspection_id=iid) if r.action == "grade"]
        assert len(audit) == 1 and audit[0].new["value"] == "sufficiently"
    code, out = cli("scores", "--db", db, "--inspection", iid)
    assert code == 0 and "Sufficiently effective" in out and "not graded" in out
    assert cli("grade", "--db", db, "--inspection", iid, "--item", "4.1", "--clear")[0] == 0
