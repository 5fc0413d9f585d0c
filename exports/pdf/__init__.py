"""Printed documents: case summaries and the inspection's findings (reportlab).

- :mod:`exports.pdf.base`: fonts, styles, the marked and numbered page, the document template, tables
- :mod:`exports.pdf.case`: :class:`CaseDoc`, :func:`case_summary_pdf`, :func:`batch_pdf`
- :mod:`exports.pdf.findings`: :class:`FindingsDoc`, :func:`findings_pdf`, one function per section
- :mod:`exports.pdf.charts`: the findings report's bar charts
"""

from exports.pdf.base import MARKING, Cancelled
from exports.pdf.case import CaseDoc, batch_pdf, case_story, case_summary_pdf
from exports.pdf.findings import FindingsDoc, findings_pdf

__all__ = ["MARKING", "CaseDoc", "Cancelled", "FindingsDoc", "batch_pdf", "case_story", "case_summary_pdf", "findings_pdf"]
