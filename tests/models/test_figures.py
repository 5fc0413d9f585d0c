"""models.figures: the sample's counts and the factor table, one rule for the dashboard and the PDF."""

from __future__ import annotations

from models.figures import sample_counts
from models.scoring import CaseInput


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
