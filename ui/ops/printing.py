"""Printing: case summaries (one, a batch with an index, or one file per case)
and the findings report, as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from exports.files import atomic_write
from models.scoring import Rule
from storage.private import private_dir
from ui.ops.errors import OpError
from ui.ops.scores import inspection_scores, subgroup_reports
from ui.ops.workspace import Workspace

if TYPE_CHECKING:
    from exports.pdf import CaseDoc, FindingsDoc

Progress = Callable[[int, int], bool]


def case_doc(ws: Workspace, case_id: str) -> CaseDoc:
    from exports.pdf import CaseDoc
    from storage.merge import open_conflict_counts

    store = ws.store
    case = store.get_case(case_id)
    ins = store.get_inspection(case.inspection_id)
    qs = ws.question_set(ins)
    a = store.primary_assessment(case_id)
    answers = store.answers(a.id) if a else {}
    status = ("complete" if a.status == "complete" else "in progress") if a else "not started"
    extra = []
    n_open = open_conflict_counts(store, ins.id).get(case_id, 0)
    if n_open:
        extra.append(f"merged with {n_open} unresolved conflicts")
    return CaseDoc(qs=qs, inspection=ins, case=case, assessment=a, answers=answers, status=status, extra_status=extra)


def print_case(ws: Workspace, case_id: str, out: Path) -> None:
    from exports.pdf import case_summary_pdf

    atomic_write(Path(out), case_summary_pdf(case_doc(ws, case_id)))


def _file_name(reference: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in reference)


def print_cases(ws: Workspace, inspection_id: str, out: Path, case_ids: list[str] | None = None,
                progress: Progress | None = None, *, names_by_reference: bool = False) -> int:
    """One PDF with a cover index (``out`` ends in .pdf), or one file per case
    in the folder ``out``: ``case-0001.pdf``... in the order printed, so a file
    name carries no personal data, unless ``names_by_reference`` (the case
    reference is inside each file).  ``progress(done, total)`` returning False
    cancels; a cancelled batch writes nothing."""
    from exports.pdf import Cancelled, batch_pdf, case_summary_pdf

    ins = ws.find_inspection(inspection_id)
    ids = case_ids or [c.id for c in ws.cases(ins.id)]
    if not ids:
        raise OpError("this inspection has no cases to print")
    docs = [case_doc(ws, cid) for cid in ids]
    out = Path(out)
    try:
        if out.suffix.lower() == ".pdf":
            atomic_write(out, batch_pdf(docs, ins, progress))
            return len(docs)
        blobs = []
        for i, d in enumerate(docs):
            if progress is not None and not progress(i, len(docs)):
                raise Cancelled()
            name = _file_name(d.case.reference) if names_by_reference else f"{i + 1:04d}"
            blobs.append((out / f"case-{name}.pdf", case_summary_pdf(d)))
        try:
            private_dir(out)
        except OSError as e:
            raise OpError(f"{out}: the folder could not be created ({e.strerror or e})") from e
        for path, data in blobs:
            atomic_write(path, data)
        if progress is not None:
            progress(len(docs), len(docs))
    except Cancelled:
        raise OpError("printing was cancelled; nothing was written") from None
    return len(docs)


def findings_doc(ws: Workspace, inspection_id: str, *, rule: Rule | None = None) -> FindingsDoc:
    from exports.pdf import FindingsDoc
    from ui.ops.exchange import merge_history

    res = inspection_scores(ws, inspection_id, rule=rule)
    cases = res.cases
    assessors = sorted({c.assessor for c in cases if c.assessor})
    provenance = [
        f"{len(cases)} cases in this database for {res.inspection.name}; "
        f"{sum(1 for c in cases if c.answers)} with answers; assessors: {', '.join(assessors) or 'none'}."
    ]
    provenance += [m.describe() for m in merge_history(ws)]
    return FindingsDoc(qs=res.qs, inspection=res.inspection, report=res.report, cases=cases,
                       subgroups=subgroup_reports(res.qs, cases, rule=rule), splits=res.splits,
                       provenance=provenance, conflicts_unresolved=res.open_conflicts,
                       sample_fields=list(res.qs.data.sample_by))


def print_report(ws: Workspace, inspection_id: str, out: Path, *, rule: Rule | None = None) -> None:
    from exports.pdf import findings_pdf

    atomic_write(Path(out), findings_pdf(findings_doc(ws, inspection_id, rule=rule)))
