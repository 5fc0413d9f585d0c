"""Dashboard figures come from one place and agree with the scoring engine's subgroup rule."""

from __future__ import annotations

from models.questionset import text_in
from models.scoring import matches
from ui.ops import inspections, scores
from ui.ops.workspace import Workspace

from ...conftest import make_inspection


def test_a_yes_no_subgroup_counts_its_cases(store, iaow):
    """Replays the probe: every yes/no subgroup showed 0 cases in the Sample tab
    (the widget compared "yes" with "True")."""
    iid = make_inspection(store, iaow, 30, seed=3)
    res = scores.inspection_scores(Workspace(store), iid)
    ticked = sum(1 for c in res.cases if c.details.get("domestic_abuse") is True)
    assert 0 < ticked < 30
    for value, expected in (("yes", ticked), ("no", 30 - ticked)):
        where = {"domestic_abuse": [value]}
        rows = scores.sample_shares(iaow, res.cases, where)
        first_field = [r for r in rows if r.field == rows[0].field]
        assert sum(r.cases for r in first_field) == expected
        assert sum(1 for c in res.cases if matches(c, where)) == expected
        assert scores.inspection_scores(Workspace(store), iid, where=where).report.cases == expected


def test_filter_values_are_what_the_subgroup_rule_takes(store, iaow):
    iid = make_inspection(store, iaow, 3)
    cases = scores.inspection_scores(Workspace(store), iid).cases
    assert scores.filter_values(iaow, cases, "domestic_abuse") == [("Yes", "yes"), ("No", "no")]
    assert scores.filter_values(iaow, cases, "assessor") == [("A. Assessor", "A. Assessor")]
    assert "domestic_abuse" in [f for _label, f in scores.filter_fields(iaow)]


def test_sample_tables_and_case_list_read_their_fields_from_the_question_set(store, iaow):
    iid = make_inspection(store, iaow, 5)
    ws = Workspace(store)
    res = scores.inspection_scores(ws, iid)
    fields = list(dict.fromkeys(r.field for r in scores.sample_shares(iaow, res.cases)))
    assert fields == [text_in(iaow.fields[f].label) for f in iaow.data.sample_by]
    listing = inspections.case_listing(ws, iid)
    assert len(listing.columns) == len(iaow.data.case_list_columns) == len(listing.rows[0].details)
    assert all(r.applicable > 0 for r in listing.rows)


def test_factor_rows_and_drill_down(store, iaow):
    iid = make_inspection(store, iaow, 12, seed=9)
    res = scores.inspection_scores(Workspace(store), iid)
    qids, rows = scores.factor_rows(iaow, res.cases, res.report)
    assert qids and rows and all(len(r.shares) == len(qids) for r in rows)
    q = next(qv.id for qv in iaow.questions if qv.q.scored and res.report.questions[qv.id].applicable)
    drilled = scores.drill_down(res.cases, res.report, q)
    s = res.report.questions[q]
    assert len(drilled) == s.above + len(s.below_cases) and sum(a for _r, a in drilled) == s.above


def test_factor_counts_follow_the_subgroup(store, iaow):
    iid = make_inspection(store, iaow, 12, seed=9)
    ws = Workspace(store)
    everyone = scores.inspection_scores(ws, iid)
    field, value = "case_type", everyone.cases[0].details["case_type"]
    where = {field: [value]}
    sub = scores.inspection_scores(ws, iid, where=where)
    _q, all_rows = scores.factor_rows(iaow, everyone.cases, everyone.report)
    _q, sub_rows = scores.factor_rows(iaow, sub.cases, sub.report, where)
    total = {r.factor: r.cases for r in all_rows}
    counted = {r.factor: r.cases for r in sub_rows}
    assert all(counted[f] <= total[f] for f in total) and sum(counted.values()) < sum(total.values())
    src = next(qv for qv in iaow.questions if qv.q.per_option_of).q.per_option_of
    inside = [c for c in sub.cases if c.details[field] == value]
    assert sum(counted.values()) == sum(len(c.answers.get(src) or []) for c in inside)


def test_members_are_the_questions_behind_a_figure(iaow):
    crit = next(iter(iaow.criteria))
    qids = scores.members(iaow, "criterion", crit)
    assert qids and all(iaow.by_id[q].criterion.code == crit and iaow.by_id[q].q.scored for q in qids)
    outcome = next(g for g in iaow.data.groups if g.kind != "headline")
    inside = scores.members(iaow, "group", outcome.id)
    assert inside and all(outcome.id in iaow.groups_of(iaow.by_id[q]) for q in inside)


def test_drill_from_a_criterion_or_an_outcome_to_questions_to_cases(store, iaow):
    import pytest

    from ui.ops.errors import OpError

    iid = make_inspection(store, iaow, 8, seed=4)
    res = scores.inspection_scores(Workspace(store), iid)
    crit = scores.drill_group(iaow, res.cases, res.report, "2.1")
    assert [d.question for d in crit] == [qv.id for qv in iaow.questions if qv.criterion.code == "2.1" and qv.q.scored]
    for d in crit:
        assert len(d.cases) == d.applicable and sum(a for _r, a in d.cases) == d.above
    outcome = {d.question for d in scores.drill_group(iaow, res.cases, res.report, "O2")}
    assert {d.question for d in crit} <= outcome
    assert sum(d.above for d in crit) == res.report.criteria["2.1"].numerator
    with pytest.raises(OpError, match="no criterion"):
        scores.drill_group(iaow, res.cases, res.report, "Z9")


def test_cross_tab_checks_its_fields_and_measure(store, iaow):
    import pytest

    from ui.ops.errors import OpError

    iid = make_inspection(store, iaow, 6, seed=2)
    res = scores.inspection_scores(Workspace(store), iid)
    tab = scores.cross_tab(res, "rosh_level", "assessor", measure="2.1")
    assert [c for c, _ in tab.columns] == ["A. Assessor"]
    with pytest.raises(OpError, match="unknown case detail 'ldu'"):
        scores.cross_tab(res, "ldu", "case_type")
    with pytest.raises(OpError, match="no question"):
        scores.cross_tab(res, "rosh_level", "case_type", measure="nope")


def test_the_ldu_free_text_detail_is_a_filter_and_a_subgroup(store, iaow):
    """The IAOW set records the LDU as free text: it divides the sample by the values recorded."""
    iid = make_inspection(store, iaow, 9, seed=5)
    res = scores.inspection_scores(Workspace(store), iid)
    assert "area" in [f for _l, f in scores.filter_fields(iaow)]
    values = [v for _l, v in scores.filter_values(iaow, res.cases, "area")]
    assert values == sorted({c.details["area"] for c in res.cases})
    assert sum(scores.inspection_scores(Workspace(store), iid, where={"area": [v]}).report.cases for v in values) == 9
    assert "area" in iaow.data.subgroup_by
    assert set(scores.subgroup_reports(iaow, res.cases)["area"]) == set(values)


def test_tables_written_from_a_screen_keep_percentages_as_numbers(tmp_path):
    from ...exports.test_tables import read_xlsx

    scores.write_table(tmp_path / "t.xlsx", ["Outcome", "Score"], [["O1", "79%"], ["O2", "n/a"], ["O3", "12.5%"]])
    _name, cells = read_xlsx((tmp_path / "t.xlsx").read_bytes())
    assert cells["B2"] == (None, "0.79") and cells["B3"] == ("inlineStr", "n/a") and cells["B4"] == (None, "0.125")
    scores.write_table(tmp_path / "t.csv", ["Score"], [["79%"]])
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines() == ["Score", "0.79"]
