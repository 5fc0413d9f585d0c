"""models.figures: the sample's counts and the factor table, one rule for the dashboard and the PDF."""

from __future__ import annotations

from models.figures import multi_category_bars, sample_counts, score_bars, subgroup_bars, yes_no_bars
from models.scoring import CaseInput, score


def test_sample_counts_for_choice_multi_and_yes_no_details(iaow):
    cases = [CaseInput(str(i), str(i), d, {}) for i, d in enumerate([
        {"gender": "male", "requirements": ["unpaid_work", "curfew"], "domestic_abuse": True},
        {"gender": "female", "requirements": ["unpaid_work"], "domestic_abuse": False},
        {"requirements": [], "domestic_abuse": True},
    ])]
    gender = dict(sample_counts(iaow.fields["gender"], cases, "en"))
    assert gender["Male"] == 1 and gender["Female"] == 1 and gender["Not recorded in the tool"] == 1
    reqs = sample_counts(iaow.fields["requirements"], cases, "en")
    by_value = dict(zip(iaow.fields["requirements"].option_values(), reqs, strict=False))
    assert by_value["unpaid_work"][1] == 2 and by_value["curfew"][1] == 1 and reqs[-1] == ("Not recorded in the tool", 1)
    assert sample_counts(iaow.fields["domestic_abuse"], cases, "en") == [("Yes", 2), ("No", 1)]
    assert sample_counts(iaow.fields["area"], cases, "en") is None


def _cases(answers):
    return [CaseInput(f"c{i}", f"R{i}", {"case_type": t}, a, "A") for i, (t, a) in enumerate(answers)]


def test_chart_figures_match_a_hand_count(iaow):
    """What the PDF and the dashboard chart: yes/no, multi-category, scores with n, subgroups."""
    cases = _cases([("licence", {"IAOW-2.1-01": "yes", "IAOW-2.1-02": "yes"}),
                    ("licence", {"IAOW-2.1-01": "no_invalid", "IAOW-2.1-02": "no"}),
                    ("sso", {"IAOW-2.1-01": "yes", "IAOW-2.1-02": "yes"})])
    rep = score(iaow, cases)
    group = iaow.by_id["IAOW-2.1-02"].criterion.group
    bars = {b.question: b for _g, _t, bs in yes_no_bars(iaow, rep) for b in bs}
    assert [(s.label, s.n) for s in bars["IAOW-2.1-02"].segments] == [("yes", 2), ("no", 1)]
    assert bars["IAOW-2.1-02"].of == 3 and "IAOW-1.1-02" not in bars  # no applicable case: no bar
    multi = {b.question: b for b in multi_category_bars(iaow, rep)}
    assert [(s.n, s.above_line) for s in multi["IAOW-2.1-01"].segments] == [(2, True), (0, True), (1, False)]
    assert "IAOW-2.1-02" not in multi  # two options: not multi-category
    scores = {b.key: b for b in score_bars(iaow, rep, "criterion")}
    assert scores["2.1"].n == 3
    by_type = subgroup_bars(iaow, {"licence": score(iaow, cases[:2]), "sso": score(iaow, cases[2:])}, "case_type",
                            [group])
    assert [(label, n) for label, n, _b in by_type] == [("Licence", 2), ("Suspended sentence order", 1)]
    assert by_type[1][2][0].n == 1 and by_type[1][2][0].value == 1.0
