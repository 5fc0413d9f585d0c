"""ui.ops.questionsets: installing a set, versions side by side, and moving an
inspection to a newer version with a mapping (issue 17, items 2 and 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.questionset import BUILTIN_DIR, QuestionSetError
from ui.ops import inspections, questionsets
from ui.ops.errors import OpError
from ui.ops.session import AnswerState, CaseSession
from ui.ops.workspace import Workspace, catalog

DETAILS = {"case_type": "licence", "gender": "male", "rosh_level": "high"}


def new_version(tmp_path: Path, version: str = "2.0.0") -> Path:
    """iaow-2013 with 2.2-12 renamed to 2.2-12R, 1.1-05 removed, and the
    option 'no' of 2.1-02's scale renamed 'not_arranged' (a scale of its own)."""
    d = json.loads((BUILTIN_DIR / "iaow-2013.json").read_text(encoding="utf-8"))
    d["version"] = version
    d["questions"] = [q for q in d["questions"] if q["id"] != "IAOW-1.1-05"]
    for q in d["questions"]:
        if q["id"] == "IAOW-2.2-12":
            q["id"] = "IAOW-2.2-12R"
        if q["id"] == "IAOW-2.1-02":
            q["scale"] = {"kind": "single", "allow_na": True, "options": [
                {"value": "yes", "label": {"en": "Yes"}, "above_line": True},
                {"value": "not_arranged", "label": {"en": "No"}}]}
    path = tmp_path / f"iaow-{version}.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


@pytest.fixture
def ws(store):
    w = Workspace(store)
    w.set_setting("assessor_name", "Lead")
    return w


def answered_case(ws: Workspace, iid: str, ref: str, answers: dict) -> CaseSession:
    cid = inspections.add_case(ws, iid, ref, DETAILS, "Lead").id
    s = CaseSession(ws, cid, "Ann")
    for qid, value in answers.items():
        s.save(qid, AnswerState(value, "", False))
    return s


def test_an_installed_version_sits_beside_the_old_one_and_new_inspections_get_it(ws, tmp_path):
    old = inspections.new_inspection(ws, "Old", "iaow-2013@1.0.0").id
    qs = questionsets.install_set(new_version(tmp_path))
    assert (qs.id, qs.version) == ("iaow-2013", "2.0.0")
    assert ws.question_set(old).version == "1.0.0"  # the old inspection still opens on its version
    assert ws.question_set(inspections.new_inspection(ws, "New", "iaow-2013").id).version == "2.0.0"
    assert ws.question_set(inspections.new_inspection(ws, "Pinned", "iaow-2013@1.0.0").id).version == "1.0.0"
    with pytest.raises(OpError, match="already installed"):
        questionsets.install_set(new_version(tmp_path))
    with pytest.raises(OpError, match="already built-in"):
        questionsets.install_set(BUILTIN_DIR / "iaow-2013.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "id": "x"}', encoding="utf-8")
    with pytest.raises(QuestionSetError):
        questionsets.install_set(bad)
    assert sorted(catalog().versions["iaow-2013"]) == ["1.0.0", "1.1.0", "2.0.0"]


def test_diff_names_what_changed(ws, tmp_path):
    questionsets.install_set(new_version(tmp_path))
    d = questionsets.diff("iaow-2013@1.0.0", "iaow-2013@2.0.0")
    assert d.removed == ["IAOW-1.1-05", "IAOW-2.2-12"] and d.added == ["IAOW-2.2-12R"]
    assert d.changed["IAOW-2.1-02"] == ["scale (options removed: no; added: not_arranged)"]
    assert questionsets.diff("iaow-2013@1.0.0", "iaow-2013@1.0.0").empty


def _map(tmp_path: Path) -> Path:
    m = tmp_path / "map.json"
    m.write_text(json.dumps({"format": "case-assessor-set-map", "format_version": 1,
                             "questions": {"IAOW-2.2-12": "IAOW-2.2-12R"},
                             "values": {"IAOW-2.1-02": {"no": "not_arranged"}}}), encoding="utf-8")
    return m


def test_migration_dry_run_shows_exactly_what_the_real_run_does(ws, tmp_path):
    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    a = answered_case(ws, iid, "Y-1", {"IAOW-2.1-01": "yes", "IAOW-2.1-02": "no", "IAOW-2.2-12": "yes"})
    answered_case(ws, iid, "Y-2", {"IAOW-2.1-02": "yes"})
    questionsets.install_set(new_version(tmp_path))
    audit_before = ws.store.query("SELECT count(*) FROM audit")[0][0]

    dry = questionsets.migrate_inspection(ws, "York", "2.0.0", _map(tmp_path), dry_run=True)
    assert ws.question_set(iid).version == "1.0.0" and ws.store.query("SELECT count(*) FROM audit")[0][0] == audit_before
    assert len(dry.plan.carried) == 2 and len(dry.plan.dropped) == 0
    assert {(m.old_question, m.new_question, m.new_value) for m in dry.plan.changed} == {
        ("IAOW-2.1-02", "IAOW-2.1-02", "not_arranged"), ("IAOW-2.2-12", "IAOW-2.2-12R", "yes")}

    real = questionsets.migrate_inspection(ws, "York", "2.0.0", _map(tmp_path))
    assert real.plan.moves == dry.plan.moves
    assert real.backup is not None and real.backup.exists()
    assert ws.question_set(iid).version == "2.0.0"
    got = {q: r.value for q, r in ws.store.answers(a.assessment.id).items()}
    assert got == {"IAOW-2.1-01": "yes", "IAOW-2.1-02": "not_arranged", "IAOW-2.2-12R": "yes"}
    assert ws.store.assessments_for_case(a.case.id)[0].question_set_version == "2.0.0"
    moved = [r for r in ws.store.audit_rows(inspection_id=iid) if r.action == "migrate_question_set"]
    assert len(moved) == 3  # two answers and the inspection itself
    assert ws.store.verify_audit().ok
    with pytest.raises(OpError, match="already on iaow-2013 2.0.0"):
        questionsets.migrate_inspection(ws, "York", "2.0.0")


def test_answers_that_no_longer_fit_are_removed_listed_and_kept_in_the_audit(ws, tmp_path):
    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    s = answered_case(ws, iid, "Y-1", {"IAOW-2.1-02": "no", "IAOW-2.2-12": "yes"})
    questionsets.install_set(new_version(tmp_path))
    m = questionsets.migrate_inspection(ws, "York", "2.0.0")  # no mapping
    assert sorted((d.old_question, d.reason.split(":")[0]) for d in m.plan.dropped) == [
        ("IAOW-2.1-02", "no longer fits"), ("IAOW-2.2-12", "IAOW-2.2-12 is not in iaow-2013 2.0.0")]
    assert ws.store.answers(s.assessment.id) == {}
    trail = {r.question_id: r.old for r in ws.store.audit_rows(case_id=s.case.id) if r.action == "migrate_question_set"}
    assert trail["IAOW-2.1-02"]["value"] == "no" and trail["IAOW-2.2-12"]["value"] == "yes"
    text = questionsets.report_text(m)
    assert "2 answers that no longer fit removed (kept in the audit trail)" in text and str(m.backup) in text


@pytest.mark.parametrize("content, needle", [
    ("{", "not a JSON mapping file"),
    ('{"format": "case-assessor-set-map", "format_version": 9}', "newer Case Assessor"),
    ('{"format": "case-assessor-set-map", "format_version": 1, "questions": {"NOPE": "IAOW-2.1-01"}}',
     "NOPE is not a question of iaow-2013 1.0.0"),
    ('{"format": "case-assessor-set-map", "format_version": 1, "values": {"IAOW-2.1-02": {"no": "maybe"}}}',
     "'maybe' is not an answer on its new scale"),
    ('[' * 100_000 + ']' * 100_000, "not a JSON mapping file"),
])
def test_a_bad_mapping_is_refused_and_nothing_changes(ws, tmp_path, content, needle):
    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    answered_case(ws, iid, "Y-1", {"IAOW-2.1-02": "no"})
    questionsets.install_set(new_version(tmp_path))
    bad = tmp_path / "bad-map.json"
    bad.write_text(content, encoding="utf-8")
    before = ws.store.query("SELECT count(*) FROM audit")[0][0]
    with pytest.raises((OpError, QuestionSetError), match=needle):
        questionsets.migrate_inspection(ws, "York", "2.0.0", bad)
    assert ws.question_set(iid).version == "1.0.0"
    assert ws.store.query("SELECT count(*) FROM audit")[0][0] == before
    assert not list(Path(ws.path).parent.glob("*.bak"))


def test_the_corrected_built_in_versions_and_the_migration_to_them(ws):
    """Issue 17's four checked rules, as the 1.1.0 sets have them, and the IAOW
    migration path exercised: every answer carries over and the corrected
    rules apply at once."""
    from models.conditions import applicability

    iaow_old, iaow_new = catalog().get("iaow-2013", "1.0.0"), catalog().get("iaow-2013", "1.1.0")
    low = {"case_type": "community_order", "rosh_level": "low"}
    no_plan = {"IAOW-2.1-08": "not_completed"}
    assert applicability(iaow_old, low, no_plan)["IAOW-2.1-22"] is False
    assert applicability(iaow_new, low, no_plan)["IAOW-2.1-22"] is True
    assert applicability(iaow_old, low, {})["IAOW-4.1-19"] is False
    assert applicability(iaow_new, low, {})["IAOW-4.1-19"] is True and iaow_new.by_id["IAOW-4.1-19"].scale.allow_na
    tr = catalog().get("tr-2016", "1.1.0")
    assert [applicability(tr, {"rsr_score": s}, {})["TR-A11"] for s in (6.89, 6.9, 12)] == [False, True, True]
    omi2 = catalog().get("omi2-2010", "1.1.0")
    assert "OMI2-1.2-14" not in omi2.by_id
    assert applicability(omi2, {"mappa_level": "1"}, {})["OMI2-1.2-14A"] is True
    assert applicability(omi2, {"mappa_level": "1"}, {})["OMI2-1.2-14B"] is False
    assert applicability(omi2, {"mappa_level": "2"}, {})["OMI2-1.2-14B"] is True

    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    s = answered_case(ws, iid, "Y-1", {"IAOW-2.1-01": "yes", "IAOW-2.1-08": "not_completed", "IAOW-4.1-13": "not_sufficient"})
    m = questionsets.migrate_inspection(ws, "York", "1.1.0")
    assert (len(m.plan.carried), m.plan.changed, m.plan.dropped) == (3, [], [])
    after = CaseSession(ws, s.case.id, "Ann")
    assert after.applicability()["IAOW-2.1-22"] is True and after.applicability()["IAOW-4.1-19"] is True
    assert "IAOW-2.1-22" in after.unanswered()
