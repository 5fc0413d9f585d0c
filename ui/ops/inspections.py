"""Inspections and cases: create, import a sample list, add a case, bundles."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports.files import atomic_write
from exports.sample_csv import SampleError, read_sample
from models.i18n import _
from models.limits import MAX_SAMPLE_BYTES, reference_problem, too_many_cases
from models.questionset import QuestionSet, text_in
from storage.bin import deleted_cases, reference_in_bin
from storage.review import states as review_states
from ui.ops.changes import CASES, INSPECTIONS, Done
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace, catalog

log = logging.getLogger("case_assessor")


def new_inspection(ws: Workspace, name: str, set_id: str, *, area: str = "", start_date: str = "",
                   end_date: str = "", who: str | None = None) -> Done:
    if not name.strip():
        raise OpError(_("an inspection needs a name"))
    sid, _sep, version = set_id.partition("@")
    qs = catalog().get(sid, version or None)
    iid = ws.store.create_inspection(name.strip(), qs.id, qs.version, area=area, start_date=start_date,
                                     end_date=end_date, who=who or ws.who())
    return Done(1, iid, INSPECTIONS)


def import_sample(ws: Workspace, inspection_id: str, path: Path, who: str | None = None, *,
                  skip_existing: bool = False) -> Done:
    """Add the cases of a sample CSV, all or none; every problem is listed at
    once.  ``skip_existing`` passes over references the inspection already
    holds (the bin included) instead of refusing the file; ``Done.skipped``
    counts them."""
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    try:
        with open(path, "rb") as f:  # no further than one byte past the limit: the reader refuses more
            data = f.read(MAX_SAMPLE_BYTES + 1)
    except OSError as e:
        raise OpError(_("{0}: cannot be read ({1})").format(path, e.strerror or e)) from e
    existing = {c.reference for c in ws.cases(ins.id)} | {d.name for d in deleted_cases(ws.store, ins.id)}
    try:
        sample = read_sample(data, qs, existing, skip_existing=skip_existing)
    except SampleError as e:
        raise SampleError(e.problems, where=str(path), note=" ".join(filter(None, [e.note, "Nothing was imported."]))
                          ) from e
    if sample.rows:
        ws.store.add_cases(ins.id, sample.rows, who or ws.who())
    log.info("imported %d cases into inspection %s", len(sample.rows), ins.id)
    return Done(len(sample.rows), ins.id, CASES, skipped=len(sample.skipped))


def add_case(ws: Workspace, inspection_id: str, reference: str, details: dict[str, Any], who: str) -> Done:
    qs = ws.question_set(inspection_id)
    reference = reference.strip()
    problem = reference_problem(reference) or too_many_cases(len(ws.cases(inspection_id)), 1)
    if problem:
        raise OpError(_("{0}. The case was not added.").format(problem))
    problems = qs.check_details(details)
    if problems:
        raise OpError("; ".join(problems))
    if reference_in_bin(ws.store, inspection_id, reference):
        raise OpError(_("case {0!r} is in the bin (deleted): restore it, or choose another reference. "
                        "The case was not added.").format(reference))
    try:
        cid = ws.store.add_case(inspection_id, reference, details, who)
    except ValueError as e:
        raise OpError(str(e)) from e
    return Done(1, cid, CASES)


def sample_template(qs: QuestionSet, out: Path, ws: Workspace | None = None) -> Path:
    """Write a sample-list template for the question set (column help, then the header)."""
    from exports.sample_csv import template

    if ws is not None:
        check_output(ws, Path(out))
    atomic_write(Path(out), template(qs))
    return Path(out)


def export_bundle(ws: Workspace, inspection_id: str, out: Path) -> Done:
    from exports import bundle

    check_output(ws, Path(out))
    ins = ws.find_inspection(inspection_id)
    data = bundle.build(ws.store, ins.id, ws.question_set(ins))
    atomic_write(Path(out), bundle.to_bytes(data))
    return Done(len(data["cases"]), ins.id)


def import_bundle(ws: Workspace, path: Path) -> Done:
    from exports import bundle

    b, _qs = bundle.read_file(Path(path), catalog())
    try:
        ws.store.load_inspection(bundle.to_store_data(b), ws.who())
    except ValueError as e:
        raise OpError(f"{path}: {e}") from e
    return Done(len(b.cases), b.inspection.id, INSPECTIONS)


@dataclass(frozen=True)
class CaseListRow:
    case_id: str
    reference: str
    details: tuple[str, ...]  # labels of the set's ``case_list_columns``, in order
    assessor: str
    status: str  # "", "in_progress" or "complete"
    answered: int
    applicable: int
    last_edit: str
    review: str = "in_progress"  # the reading's review state (models/review.py)


@dataclass(frozen=True)
class CaseListing:
    title: str  # the question set's title and version
    columns: tuple[str, ...]  # labels of the case-detail columns
    rows: list[CaseListRow]

    @property
    def complete(self) -> int:
        return sum(1 for r in self.rows if r.status == "complete")


def _value_label(qs: QuestionSet, field_id: str, value: Any) -> str:
    f = qs.fields.get(field_id)
    if f is None or value is None:
        return ""
    for o in f.options:
        if o.value == value:
            return text_in(o.label)
    return str(value)


def case_listing(ws: Workspace, inspection_id: str) -> CaseListing:
    """Every case of the inspection with the set's list columns, status and progress."""
    from ui.ops.session import progress

    qs = ws.question_set(inspection_id)
    cols = list(qs.data.case_list_columns)
    reviewed = review_states(ws.store, inspection_id)
    rows = []
    for s in ws.case_summaries(inspection_id):
        done, total = progress(qs, s.case.details, s.answers)
        rows.append(CaseListRow(
            s.case.id, s.case.reference, tuple(_value_label(qs, f, s.case.details.get(f)) for f in cols),
            s.assessment.assessor if s.assessment else "", s.assessment.status if s.assessment else "",
            done, total, (s.last_edit or "")[:16].replace("T", " "),
            reviewed.get(s.assessment.id, "in_progress") if s.assessment else "in_progress"))
    return CaseListing(f"{qs.title()} {qs.version}", tuple(text_in(qs.fields[f].label) for f in cols), rows)
