"""The findings report's grades and its appendix on agreement (exports/pdf/agreement.py)."""

from __future__ import annotations

from tests.exports.test_pdf import text_of
from tests.ui.ops.test_qa import laptop, trip  # noqa: F401  (the lead, two assessors and a QA reader)
from ui.ops import grades, inspections, printing


def test_the_findings_carry_the_agreement_appendix_with_n_and_too_few(trip):  # noqa: F811
    with laptop(trip["dir"], "Lead") as ws:
        printing.print_report(ws, trip["iid"], trip["dir"] / "findings.pdf")
    text, _reader = text_of((trip["dir"] / "findings.pdf").read_bytes())
    flat = " ".join(text.split())
    assert "Appendix: agreement between readings" in flat
    assert "12 pairs from 3 QA second reads" in flat
    assert "too few to judge (8 pairs; at least 20 needed)" in flat  # Ann
    assert "IAOW-2.1-03" in flat and "3 67%" in flat  # per question: 2 of 3 agree


def test_the_findings_print_the_inspection_grades(tmp_path):
    with laptop(tmp_path, "Lead") as ws:
        iid = inspections.new_inspection(ws, "Thames Valley", "omi2-2010").id
        grades.set_grade(ws, iid, "4.2", "not_sufficiently", "staffing gaps in two offices")
        printing.print_report(ws, iid, tmp_path / "f.pdf")
    flat = " ".join(text_of((tmp_path / "f.pdf").read_bytes())[0].split())
    assert "Inspection grades" in flat and "Not sufficiently effective" in flat
    assert "staffing gaps in two offices" in flat and "not graded" in flat
    assert "Appendix: agreement" not in flat  # no second readings: no appendix
