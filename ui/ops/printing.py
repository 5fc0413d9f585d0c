"""Printing: case summaries (one, a batch with an index, or one file per case)
and the findings report, as PDF."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exports.files import atomic_write
from models.i18n import N_, _, gettext_for, language
from models.scoring import Rule
from storage.private import private_dir
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.scores import inspection_scores, subgroup_reports
from ui.ops.workspace import Workspace

if TYPE_CHECKING:
    from exports.pdf import CaseDoc, FindingsDoc

Progress = Callable[[int, int], bool]
BILINGUAL = ("cy", "en")  # Welsh first, as the Welsh language standards ask of a bilingual document


def _langs(langs: Sequence[str] | None) -> tuple[str, ...]:
    """The languages to print in: as given, or the language in use."""
    return tuple(langs or (language(),))


def case_doc(ws: Workspace, case_id: str, lang: str | None = None) -> CaseDoc:
    from exports.pdf import CaseDoc
    from storage import queries as query_sql
    from storage.bin import case_deleted
    from storage.merge import open_conflict_counts

    store = ws.store
    case = store.get_case(case_id)
    if case_deleted(store, case_id):
        raise OpError(_("case {0!r} is in the bin: restore it to print it").format(case.reference))
    ins = store.get_inspection(case.inspection_id)
    qs = ws.question_set(ins)
    a = store.primary_assessment(case_id, ws.reading_kind(ins.id))
    answers = store.answers(a.id) if a else {}
    status = ("complete" if a.status == "complete" else "in progress") if a else "not started"
    n_open = open_conflict_counts(store, ins.id).get(case_id, 0)
    return CaseDoc(qs=qs, inspection=ins, case=case, assessment=a, answers=answers, status=status,
                   lang=lang or language(), open_conflicts=n_open,
                   queries=query_sql.listing(store, ins.id, case_id=case_id))


def print_case(ws: Workspace, case_id: str, out: Path, langs: Sequence[str] | None = None) -> None:
    """One case summary, in ``langs`` (default: the language in use; ``BILINGUAL``: Welsh, then English)."""
    from exports.pdf import case_summary_pdf

    check_output(ws, Path(out))
    langs = _langs(langs)
    atomic_write(Path(out), case_summary_pdf(case_doc(ws, case_id, langs[0]), langs))


MANIFEST = "manifest.csv"
_MAX_STEM = 60


def _stem(reference: str) -> str:
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in reference)[:_MAX_STEM]


def case_file_names(references: Sequence[str]) -> dict[str, str]:
    """A file name per reference, unique and reversible: ``case-REF.pdf`` when
    the reference is a safe name of its own and no other reference comes to the
    same name (ignoring case, as some file systems do); otherwise the sanitised
    reference plus the first 10 hex digits of the SHA-256 of the exact
    reference.  ``manifest.csv`` maps the names back."""
    stems = {ref: _stem(ref) for ref in references}
    clashes: dict[str, int] = {}
    for stem in stems.values():
        clashes[stem.casefold()] = clashes.get(stem.casefold(), 0) + 1
    names = {}
    for ref, stem in stems.items():
        if stem == ref and clashes[stem.casefold()] == 1:
            names[ref] = f"case-{stem}.pdf"
        else:
            names[ref] = f"case-{stem}-{hashlib.sha256(ref.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.pdf"
    if len({n.casefold() for n in names.values()}) != len(names):  # ten hex digits clashing: refuse, never collapse
        raise OpError(_("two case references would print to the same file name; print them to one PDF instead"))
    return names


def _manifest_bytes(inspection_id: str, names: dict[str, str]) -> bytes:
    from exports.tables import to_csv

    return to_csv(["inspection_id", "reference", "file"], [[inspection_id, ref, name] for ref, name in names.items()])


def _manifest_inspection(folder: Path) -> str | None:
    """The inspection id a previous print wrote into ``folder``'s manifest, if any."""
    try:
        rows = list(csv.reader(io.StringIO((folder / MANIFEST).read_text("utf-8-sig"))))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    ids = {r[0] for r in rows[1:] if r}
    return ids.pop() if len(ids) == 1 else None


def _check_folder(folder: Path, inspection_id: str) -> None:
    """A folder for per-case files must be new, empty, or hold only a previous
    print of the same inspection (its manifest and case-*.pdf files): nothing
    the user did not ask for is ever overwritten."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise OpError(_("{0}: not a folder; give a folder for one file per case, or a name ending in .pdf").format(folder))
    entries = [p.name for p in folder.iterdir()]
    if not entries:
        return
    ours = all(n == MANIFEST or (n.startswith("case-") and n.endswith(".pdf")) for n in entries)
    if not ours or _manifest_inspection(folder) != inspection_id:
        raise OpError(_("{0}: the folder already holds other files; choose a new or empty folder. "
                        "Nothing was written.").format(folder))


def print_cases(ws: Workspace, inspection_id: str, out: Path, case_ids: list[str] | None = None,
                progress: Progress | None = None, *, names_by_reference: bool = False,
                langs: Sequence[str] | None = None) -> int:
    """One PDF with a cover index (``out`` ends in .pdf), or one file per case
    in the folder ``out``: ``case-0001.pdf``... in the order printed, so a file
    name carries no personal data, unless ``names_by_reference`` (then named by
    :func:`case_file_names`: unique and reversible).  ``manifest.csv`` maps each
    reference to its file; the folder must be new, empty or a previous print of
    the same inspection.  ``progress(done, total)`` returning False cancels; a
    cancelled batch writes nothing.  ``langs`` as for :func:`print_case`."""
    from exports.pdf import Cancelled, batch_pdf, case_summary_pdf

    ins = ws.find_inspection(inspection_id)
    ids = case_ids or [c.id for c in ws.cases(ins.id)]
    if not ids:
        raise OpError(_("this inspection has no cases to print"))
    langs = _langs(langs)
    docs = [case_doc(ws, cid, langs[0]) for cid in ids]
    out = Path(out)
    check_output(ws, out)
    try:
        if out.suffix.lower() == ".pdf":
            atomic_write(out, batch_pdf(docs, ins, progress, langs))
            return len(docs)
        _check_folder(out, ins.id)
        refs = [d.case.reference for d in docs]
        names = case_file_names(refs) if names_by_reference else {r: f"case-{i + 1:04d}.pdf" for i, r in enumerate(refs)}
        blobs = []
        for i, d in enumerate(docs):
            if progress is not None and not progress(i, len(docs)):
                raise Cancelled()
            blobs.append((out / names[d.case.reference], case_summary_pdf(d, langs)))
        try:
            private_dir(out)
        except OSError as e:
            raise OpError(_("{0}: the folder could not be created ({1})").format(out, e.strerror or e)) from e
        for path, data in blobs:
            check_output(ws, path)
            atomic_write(path, data)
        atomic_write(out / MANIFEST, _manifest_bytes(ins.id, names))
        if progress is not None:
            progress(len(docs), len(docs))
    except Cancelled:
        raise OpError(_("printing was cancelled; nothing was written")) from None
    return len(docs)


def findings_doc(ws: Workspace, inspection_id: str, *, rule: Rule | None = None, lang: str | None = None,
                 approved_only: bool = False) -> FindingsDoc:
    from exports.pdf import FindingsDoc
    from ui.ops.exchange import merge_history
    from ui.ops.grades import grades
    from ui.ops.moderation import agreement_report
    from ui.ops.review import review_summary

    res = inspection_scores(ws, inspection_id, rule=rule, approved_only=approved_only)
    cases = res.cases
    assessors = sorted({c.assessor for c in cases if c.assessor})
    lang = lang or language()
    t = gettext_for(lang)
    which = (N_("{0} approved cases in this database for {1}; {2} with answers; assessors: {3}.") if approved_only
             else N_("{0} cases in this database for {1}; {2} with answers; assessors: {3}."))
    provenance = [t(which).format(len(cases), res.inspection.name, sum(1 for c in cases if c.answers),
                                  ", ".join(assessors) or t(N_("none")))]
    provenance.append(review_summary(ws, res.inspection.id, t))
    provenance += [m.describe() for m in merge_history(ws)]
    return FindingsDoc(qs=res.qs, inspection=res.inspection, report=res.report, cases=cases,
                       subgroups=subgroup_reports(res.qs, cases, rule=rule), splits=res.splits,
                       provenance=provenance, conflicts_unresolved=res.open_conflicts,
                       sample_fields=list(res.qs.data.sample_by), lang=lang,
                       grades=[(g.code, g.title, g.label, g.note) for g in grades(ws, res.inspection.id, lang)],
                       agreement=agreement_report(ws, res.inspection.id))


def print_report(ws: Workspace, inspection_id: str, out: Path, *, rule: Rule | None = None,
                 langs: Sequence[str] | None = None, approved_only: bool = False) -> None:
    """The findings report, in ``langs`` as for :func:`print_case`."""
    from exports.pdf import findings_pdf

    check_output(ws, Path(out))
    langs = _langs(langs)
    atomic_write(Path(out), findings_pdf(findings_doc(ws, inspection_id, rule=rule, lang=langs[0],
                                                      approved_only=approved_only), langs))
