"""The typed rows the store reads and writes, and its whole-inspection contracts.

* One table row each: :class:`InspectionRow`, :class:`CaseRow`,
  :class:`AssessmentRow`, :class:`AnswerRow`, :class:`AuditRow`,
  :class:`GradeRow`; :class:`CaseSummary` is one line of the case list.
* :class:`InspectionDump` is every stored row of one inspection, as
  :meth:`Store.dump_inspection` returns it and as :meth:`Store.load_inspection`
  and :func:`storage.merge.merge_data` take it (the bundle reader builds one).
* :class:`MergeOutcome` is what merging one file changed.

Answers and audit rows are named tuples: a merge builds hundreds of thousands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "InspectionRow",
    "CaseRow",
    "AssessmentRow",
    "AnswerRow",
    "AuditRow",
    "GradeRow",
    "CaseSummary",
    "AssessmentDump",
    "CaseDump",
    "InspectionDump",
    "DuplicateCase",
    "MergeOutcome",
    "Authority",
]


@dataclass(frozen=True)
class InspectionRow:
    id: str
    name: str
    area: str
    question_set_id: str
    question_set_version: str
    start_date: str
    end_date: str
    created_at: str


@dataclass(frozen=True)
class CaseRow:
    id: str
    inspection_id: str
    reference: str
    details: dict[str, Any]
    created_at: str
    updated_at: str
    details_seq: int = 0  # the change counter of the details (causal order; see docs/merge.md)


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    case_id: str
    assessor: str
    question_set_version: str
    status: str
    kind: str
    lineage: str | None
    created_at: str
    updated_at: str
    completed_at: str | None
    position: str | None
    seq: int = 0  # the assessment's change counter: every answer or status change takes the next number
    status_seq: int = 0  # the counter value of the last status change


class AnswerRow(NamedTuple):
    """One stored answer (a named tuple: merging builds hundreds of thousands)."""

    question_id: str
    value: Any
    note: str = ""
    practice: bool = False
    updated_at: str = ""
    updated_by: str = ""
    seq: int = 0  # the assessment's counter when this version was written (0: before causal versions)
    origin: str = ""  # "" written by the assessment's own assessor; "lead" a lead inspector's decision
    base: int = 0  # for a lead decision: the assessor's version (seq) it was made on

    def content(self) -> dict[str, Any]:
        return {"value": self.value, "note": self.note, "practice": self.practice}


class AuditRow(NamedTuple):
    """One audit entry.  ``old`` and ``new`` are the values themselves (stored
    as JSON).  A bundle carries only the first six fields; the rest are where
    the row is stored (``id`` and ``digest`` are set by the database and the
    merge)."""

    at: str
    who: str
    action: str
    question_id: str | None = None
    old: Any = None
    new: Any = None
    inspection_id: str | None = None
    case_id: str | None = None
    assessment_id: str | None = None
    digest: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class GradeRow:
    """One graded item of an inspection (OMI2 section 4)."""

    value: str | None
    note: str
    updated_at: str
    updated_by: str


@dataclass
class CaseSummary:
    """One row of the case list."""

    case: CaseRow
    assessment: AssessmentRow | None
    answered: int = 0
    last_edit: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AssessmentDump:
    """An assessment with its answers (ordered by question id) and audit rows."""

    assessment: AssessmentRow
    answers: list[AnswerRow]
    audit: list[AuditRow]


@dataclass(frozen=True)
class CaseDump:
    case: CaseRow
    assessments: list[AssessmentDump]


@dataclass(frozen=True)
class InspectionDump:
    """Every stored row of one inspection."""

    inspection: InspectionRow
    cases: list[CaseDump]
    grades: dict[str, GradeRow] = field(default_factory=dict)


@dataclass(frozen=True)
class DuplicateCase:
    """Two case records with one reference, folded into ``kept_id``."""

    reference: str
    ids: list[str]
    kept_id: str


@dataclass
class MergeOutcome:
    """What merging one file changed: case references new, updated and
    unchanged, the duplicates folded, the assessors seen (sorted), and the
    inspection's open conflicts afterwards."""

    inspection_id: str
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[DuplicateCase] = field(default_factory=list)  # files before causal versions only
    assessors: list[str] = field(default_factory=list)
    conflicts_open: int = 0
    added: list[str] = field(default_factory=list)  # cases the assessor added offline (the pack allowed it)
    held: list[str] = field(default_factory=list)  # "REF QUESTION": changes made after a lead's decision
    in_bin: list[str] = field(default_factory=list)  # cases deleted here: work merged, the case left in the bin
    submitted: list[str] = field(default_factory=list)  # cases whose review moved: submitted or resubmitted
    queries: list[str] = field(default_factory=list)  # "REF QUESTION: state": queries the file replied to

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.duplicates or self.held or self.submitted or self.queries)


@dataclass(frozen=True)
class Authority:
    """What one trusted key may write: one named assessor's assigned cases
    (with the kind of reading) in one inspection."""

    fingerprint: str
    inspection_id: str
    assessor: str
    assigned: frozenset[tuple[str, str]]  # (case_id, kind)
    may_add_cases: bool = False
