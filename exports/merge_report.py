"""The merge report: what one merge did with each file, as a versioned JSON format.

The lead inspector's merge records one report per run in the database and
writes it with ``merge --report FILE``.  ``docs/merge-report.schema.json`` is
generated from the models below.  Reports stored before the format was
versioned (no ``format`` key) are read as version 1 with the merge's id, time
and person taken from the database row.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exports.jsonschema import published

FORMAT = "case-assessor-merge-report"
FORMAT_VERSION = 1

Status = Literal["merged", "unchanged", "refused"]


class MergeReportError(Exception):
    """A merge report that cannot be read."""


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FileOutcome(_M):
    name: str
    sha256: str = ""
    status: Status
    reason: str = ""
    signer: str = ""


class Duplicate(_M):
    reference: str
    ids: list[str]
    kept_id: str


class MergeReport(_M):
    format: Literal["case-assessor-merge-report"] = "case-assessor-merge-report"
    format_version: Literal[1] = 1
    merge_id: str = ""
    at: str = ""
    who: str = ""
    files: list[FileOutcome] = Field(default_factory=list)
    assessors: list[str] = Field(default_factory=list)
    cases_new: list[str] = Field(default_factory=list)
    cases_updated: list[str] = Field(default_factory=list)
    cases_unchanged: list[str] = Field(default_factory=list)
    duplicates: list[Duplicate] = Field(default_factory=list)  # merges before causal versions
    cases_added: list[str] = Field(default_factory=list)  # added offline by an assessor whose pack allowed it
    held: list[str] = Field(default_factory=list)  # "REF QUESTION": assessor changes held beside a lead decision
    cases_in_bin: list[str] = Field(default_factory=list)  # deleted here: their work merged, left in the bin
    cases_submitted: list[str] = Field(default_factory=list)  # submitted or resubmitted for review by this merge
    conflicts_open: int = 0
    queries: list[str] = Field(default_factory=list)  # "REF QUESTION: state": queries replied to in this merge

    @property
    def refused(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "refused"]

    def describe(self) -> str:
        """One line for the findings report's provenance."""
        files = ", ".join(f"{Path(f.name).name} ({f.status}, sha256 {f.sha256[:12]})" for f in self.files)
        return (f"Merge {self.at[:16].replace('T', ' ')} by {self.who}: {files}; assessors "
                f"{', '.join(self.assessors) or '-'}; {len(self.duplicates)} duplicates; "
                f"{self.conflicts_open} conflicts open after it.")


def schema() -> dict[str, Any]:
    return published(MergeReport, "Case Assessor merge report")


def to_bytes(report: MergeReport) -> bytes:
    return (report.model_dump_json(indent=1) + "\n").encode()


def parse(data: str | bytes, *, merge_id: str = "", at: str = "", who: str = "") -> MergeReport:
    """Read a report; an unversioned (older) one takes id, time and person from the caller."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as e:
        raise MergeReportError(f"not a merge report ({e})") from None
    if not isinstance(raw, dict):
        raise MergeReportError("not a merge report")
    if "format" not in raw:
        raw = {**raw, "format": FORMAT, "format_version": 1, "merge_id": merge_id, "at": at, "who": who}
    elif raw.get("format") != FORMAT:
        raise MergeReportError("not a merge report")
    elif isinstance(raw.get("format_version"), int) and raw["format_version"] > FORMAT_VERSION:
        raise MergeReportError(f"made by a newer Case Assessor (merge report format {raw['format_version']})")
    try:
        return MergeReport.model_validate(raw)
    except ValidationError as e:
        raise MergeReportError(f"not a valid merge report ({e.errors(include_url=False)[0]['msg']})") from None
