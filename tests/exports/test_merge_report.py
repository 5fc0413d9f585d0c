"""The merge report format: versioned, readable when stored before versions existed."""

from __future__ import annotations

import json

import pytest

from exports import merge_report as mr


def test_a_report_round_trips_and_describes_itself():
    r = mr.MergeReport(merge_id="m", at="2026-11-29T10:00:00Z", who="Lead",
                       files=[mr.FileOutcome(name="/x/ann.export", sha256="ab" * 32, status="merged")],
                       assessors=["Ann"], duplicates=[mr.Duplicate(reference="R-1", ids=["a", "b"], kept_id="a")])
    back = mr.parse(mr.to_bytes(r))
    assert back == r and back.format_version == 1
    assert back.describe().startswith("Merge 2026-11-29 10:00 by Lead: ann.export (merged, sha256 abababababab)")


def test_an_unversioned_stored_report_takes_its_row_details():
    old = {"files": [{"name": "a", "sha256": "", "status": "refused", "reason": "bad", "signer": ""}],
           "assessors": [], "cases_new": [], "cases_updated": [], "cases_unchanged": [], "duplicates": [],
           "conflicts_open": 2}
    r = mr.parse(json.dumps(old), merge_id="m1", at="2025-01-01T00:00:00Z", who="Lead")
    assert (r.merge_id, r.who, r.conflicts_open, [f.status for f in r.refused]) == ("m1", "Lead", 2, ["refused"])


@pytest.mark.parametrize("data, says", [
    ("[" * 100_000, "not a merge report"),
    ("[]", "not a merge report"),
    (json.dumps({"format": "case-assessor-merge-report", "format_version": 9}), "newer"),
    (json.dumps({"format": "other"}), "not a merge report"),
    (json.dumps({"format": "case-assessor-merge-report", "format_version": 1, "files": [{"name": "a", "status": "x"}]}),
     "not a valid merge report"),
])
def test_bad_reports_are_refused(data, says):
    with pytest.raises(mr.MergeReportError, match=says):
        mr.parse(data)
