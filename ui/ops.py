"""The operations layer: what the GUI and the command line can do.

This module is Qt-free (an import-linter contract checks it).  Widgets and CLI
commands call these functions; the functions call storage, exports and models.
Errors the user can act on are raised as :class:`OpError` (and its storage and
file relatives), with a message fit to show as it is.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports.files import WriteError, atomic_write
from exports.sample_csv import SampleError, parse_sample
from models.conditions import applicability_fast
from models.questionset import Catalog, QuestionSet, QuestionSetError, builtin_catalog
from models.scoring import CaseInput, Rule, ScoreReport, score
from storage.store import CaseSummary, InspectionRow, StorageError, Store

log = logging.getLogger("case_assessor")

APP_NAME = "Case Assessor"
DEFAULT_SET = "iaow-2013"


class OpError(Exception):
    """A problem the user can act on; the message says what and what to do."""


class _Lazy:
    """exports.bundle (pydantic models, scoring) is imported on first use, to
    keep the app's start-up short."""

    def __getattr__(self, name: str) -> Any:
        from exports import bundle

        return getattr(bundle, name)


bundle_mod: Any = _Lazy()

from exports.errors import BundleError  # noqa: E402

USER_ERRORS: tuple[type[Exception], ...] = (
    OpError,
    StorageError,
    WriteError,
    SampleError,
    BundleError,
    QuestionSetError,
)


def data_path(env: str, name: str) -> Path:
    """A file or folder in the user's data folder, unless ``env`` names another."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("case-assessor", appauthor=False)) / name


def default_db_path() -> Path:
    """The default database: a SQLite file in the user's data folder."""
    return data_path("CASE_ASSESSOR_DB", "case-assessor.sqlite3")


def catalog() -> Catalog:
    cat = builtin_catalog()
    for err in cat.errors:
        log.warning("question set refused: %s", err)
    return cat


def open_store(path: str | Path | None = None, *, must_exist: bool = False) -> Store:
    p = Path(path) if path else default_db_path()
    if must_exist and not p.exists():
        raise OpError(f"{p}: no such database")
    return Store(p)


def question_set_for(store: Store, inspection: InspectionRow) -> QuestionSet:
    try:
        return catalog().get(inspection.question_set_id, inspection.question_set_version)
    except QuestionSetError as e:
        raise OpError(f"inspection {inspection.name!r} uses {e}") from e


def find_inspection(store: Store, key: str) -> InspectionRow:
    try:
        return store.find_inspection(key)
    except KeyError:
        names = ", ".join(f"{i.name} ({i.id[:8]})" for i in store.list_inspections()) or "none"
        raise OpError(f"no inspection matches {key!r} (inspections here: {names})") from None


def new_inspection(
    store: Store, name: str, set_id: str, *, area: str = "", start_date: str = "", end_date: str = "", who: str = "system"
) -> str:
    if not name.strip():
        raise OpError("an inspection needs a name")
    qs = catalog().get(set_id)
    return store.create_inspection(
        name.strip(), qs.id, qs.version, area=area, start_date=start_date, end_date=end_date, who=who
    )


def import_sample(store: Store, inspection_id: str, path: Path, who: str = "system") -> int:
    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise OpError(f"{path}: cannot be read ({e.strerror or e})") from e
    existing = {c.reference for c in store.list_cases(ins.id)}
    try:
        rows = parse_sample(data, qs, existing)
    except SampleError as e:
        raise SampleError(f"{path}: {e}. Nothing was imported.") from e
    store.add_cases(ins.id, rows, who)
    log.info("imported %d cases into inspection %s", len(rows), ins.id)
    return len(rows)


def export_bundle(store: Store, inspection_id: str, out: Path) -> int:
    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    data = bundle_mod.build(store, ins.id, qs)
    atomic_write(Path(out), bundle_mod.to_bytes(data))
    return len(data["cases"])


def import_bundle(store: Store, path: Path) -> str:
    b, _qs = bundle_mod.read_file(Path(path), catalog())
    try:
        store.load_inspection(bundle_mod.to_store_data(b))
    except ValueError as e:
        raise OpError(f"{path}: {e}") from e
    return b.inspection.id


def case_inputs(summaries: Iterable[CaseSummary]) -> list[CaseInput]:
    return [
        CaseInput(
            s.case.id,
            s.case.reference,
            s.case.details,
            s.answers,
            s.assessment.assessor if s.assessment else "",
        )
        for s in summaries
    ]


@dataclass
class InspectionScores:
    inspection: InspectionRow
    qs: QuestionSet
    report: ScoreReport
    splits: dict[str, ScoreReport]


def inspection_scores(
    store: Store,
    inspection_id: str,
    *,
    rule: Rule | None = None,
    where: Mapping[str, Iterable[str]] | None = None,
) -> InspectionScores:
    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    where = dict(where or {})
    for key in where:
        if key != "assessor" and key not in qs.fields:
            known = ", ".join(["assessor", *qs.fields])
            raise OpError(f"--where names unknown case detail {key!r} (known: {known})")
    cases = case_inputs(store.case_summaries(ins.id))
    report = score(qs, cases, rule=rule, where=where)
    splits = {}
    for field_id in qs.data.split_by:
        for opt in qs.fields[field_id].options:
            splits[f"{field_id}={opt.value}"] = score(qs, cases, rule=rule, where={**where, field_id: [opt.value]})
    return InspectionScores(ins, qs, report, splits)


def progress(qs: QuestionSet, details: Mapping[str, Any], answers: Mapping[str, Any]) -> tuple[int, int]:
    """(answered, applicable) for one case."""
    app = applicability_fast(qs, details, answers)
    applicable = [qid for qid, a in app.items() if a is True]
    answered = sum(1 for qid in applicable if answers.get(qid) not in (None, "", [], {}))
    return answered, len(applicable)


# ---------------------------------------------------------------------------
# One case being assessed (the GUI's model; Qt-free)
# ---------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass
class AnswerState:
    value: Any = None
    note: str = ""
    practice: bool = False

    def as_tuple(self) -> tuple[Any, str, bool]:
        return (self.value, self.note, self.practice)


class CaseSession:
    """A case's assessment: answers, applicability, progress and saving.

    Every change goes straight to the store (durable when ``save`` returns).
    """

    def __init__(self, store: Store, case_id: str, assessor: str) -> None:
        self.store = store
        self.case = store.get_case(case_id)
        self.inspection = store.get_inspection(self.case.inspection_id)
        self.qs = question_set_for(store, self.inspection)
        a = store.primary_assessment(case_id)
        if a is None:
            aid = store.start_assessment(case_id, assessor, self.qs.version)
            a = store.get_assessment(aid)
        self.assessment = a
        self.assessor = assessor
        self.answers: dict[str, AnswerState] = {
            qid: AnswerState(r.value, r.note, r.practice) for qid, r in store.answers(a.id).items()
        }
        self._app: dict[str, bool | None] | None = None
        self.revision = 0  # bumped on every stored change, so views know when to redraw

    # -- state ------------------------------------------------------------
    @property
    def complete(self) -> bool:
        return self.assessment.status == "complete"

    def values(self) -> dict[str, Any]:
        return {qid: s.value for qid, s in self.answers.items() if s.value is not None}

    def applicability(self) -> dict[str, bool | None]:
        if self._app is None:
            self._app = applicability_fast(self.qs, self.case.details, self.values())
        return self._app

    def state(self, qid: str) -> AnswerState:
        return self.answers.get(qid, AnswerState())

    def is_answered(self, qid: str) -> bool:
        return not _empty(self.state(qid).value)

    def reason(self, qid: str) -> str:
        """Why a question does not (yet) apply, in plain words."""
        from models.conditions import describe

        qv = self.qs.by_id[qid]
        app = self.applicability()[qid]
        if app is True:
            return ""
        cond = describe(qv.q.applies, self.qs) if qv.q.applies else ""
        if qv.q.per_option_of and (app is not False or not qv.q.applies):
            cond = cond or f"factors are chosen at {qv.q.per_option_of}"
        if app is None:
            return f"Waiting for an earlier answer: applies when {cond}."
        return f"Does not apply to this case: applies only when {cond}."

    def progress(self, qids: list[str] | None = None) -> tuple[int, int]:
        app = self.applicability()
        ids = qids if qids is not None else list(app)
        applicable = [q for q in ids if app[q] is True]
        return sum(1 for q in applicable if self.is_answered(q)), len(applicable)

    def unanswered(self) -> list[str]:
        app = self.applicability()
        return [qv.id for qv in self.qs.questions if app[qv.id] is True and not self._fully_answered(qv.id)]

    def _fully_answered(self, qid: str) -> bool:
        qv = self.qs.by_id[qid]
        value = self.state(qid).value
        if qv.q.per_option_of:
            chosen = self.state(qv.q.per_option_of).value or []
            return isinstance(value, dict) and all(value.get(o) is not None for o in chosen)
        return not _empty(value)

    def kept_inapplicable(self) -> list[str]:
        """Answers kept although their question no longer applies (left out of scores)."""
        app = self.applicability()
        return [qid for qid in self.answers if app.get(qid) is not True and self.is_answered(qid)]

    def next_unanswered(self, after: str | None = None) -> str | None:
        todo = self.unanswered()
        if not todo:
            return None
        if after is None:
            return todo[0]
        pos = self.qs.by_id[after].position
        later = [q for q in todo if self.qs.by_id[q].position > pos]
        return (later or todo)[0]

    def step(self, current: str, forward: bool) -> str | None:
        """The next (or previous) question that applies or is pending, in journey order."""
        app = self.applicability()
        order = [qv.id for qv in self.qs.questions]
        i = order.index(current)
        rng = range(i + 1, len(order)) if forward else range(i - 1, -1, -1)
        for j in rng:
            if app[order[j]] is not False:
                return order[j]
        return None

    def scores(self) -> dict[str, Any]:
        from models.scoring import case_scores

        return case_scores(self.qs, CaseInput(self.case.id, self.case.reference, self.case.details, self.values()))

    # -- changes ----------------------------------------------------------
    def save(self, qid: str, state: AnswerState, action: str = "answer") -> bool:
        """Store one answer durably; raises StorageError / PermissionError."""
        if qid not in self.qs.by_id:
            raise KeyError(qid)
        problem = self.qs.check_value(qid, state.value)
        if problem:
            raise ValueError(problem)
        changed = self.store.save_answer(
            self.assessment.id, qid, value=state.value, note=state.note, practice=state.practice,
            who=self.assessor, action=action,
        )
        if _empty(state.value) and not state.note and not state.practice:
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = AnswerState(state.value, state.note, state.practice)
        self._app = None
        self.revision += 1
        return changed

    def remember_position(self, qid: str) -> None:
        self.store.set_position(self.assessment.id, qid)

    def _status_changed(self) -> None:
        self.assessment = self.store.get_assessment(self.assessment.id)
        self.revision += 1

    def mark_complete(self) -> list[str]:
        """Mark complete if nothing applicable is unanswered; else return what is."""
        todo = self.unanswered()
        if todo:
            return todo
        self.store.set_status(self.assessment.id, "complete", self.assessor)
        self._status_changed()
        return []

    def reopen(self) -> None:
        self.store.set_status(self.assessment.id, "in_progress", self.assessor)
        self._status_changed()

    def update_details(self, details: dict[str, Any]) -> None:
        problems = self.qs.check_details(details)
        if problems:
            raise OpError("; ".join(problems))
        self.store.update_case_details(self.case.id, details, self.assessor)
        self.case = self.store.get_case(self.case.id)
        self._app = None
        self.revision += 1


def add_case(store: Store, inspection_id: str, reference: str, details: dict[str, Any], who: str) -> str:
    ins = store.get_inspection(inspection_id)
    qs = question_set_for(store, ins)
    reference = reference.strip()
    if not reference:
        raise OpError("a case needs a reference")
    problems = qs.check_details(details)
    if problems:
        raise OpError("; ".join(problems))
    try:
        return store.add_case(inspection_id, reference, details, who)
    except ValueError as e:
        raise OpError(str(e)) from e


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------


def case_doc(store: Store, case_id: str) -> Any:
    from exports.pdf import CaseDoc

    case = store.get_case(case_id)
    ins = store.get_inspection(case.inspection_id)
    qs = question_set_for(store, ins)
    a = store.primary_assessment(case_id)
    answers = store.answers(a.id) if a else {}
    status = ("complete" if a.status == "complete" else "in progress") if a else "not started"
    extra = []
    n_open = open_conflicts(store, ins.id).get(case_id, 0)
    if n_open:
        extra.append(f"merged with {n_open} unresolved conflicts")
    return CaseDoc(qs=qs, inspection=ins, case=case, assessment=a, answers=answers, status=status, extra_status=extra)


def open_conflicts(store: Store, inspection_id: str) -> dict[str, int]:
    from storage.merge import open_conflict_counts

    return open_conflict_counts(store, inspection_id)


def find_case(store: Store, reference: str, inspection_id: str | None = None) -> str:
    try:
        return store.find_case(reference, inspection_id).id
    except KeyError:
        raise OpError(f"no single case matches {reference!r}; give --inspection too if references repeat") from None


def print_case(store: Store, case_id: str, out: Path) -> None:
    from exports.pdf import case_summary_pdf

    atomic_write(Path(out), case_summary_pdf(case_doc(store, case_id)))


def print_cases(
    store: Store,
    inspection_id: str,
    out: Path,
    case_ids: list[str] | None = None,
    progress: Any = None,
) -> int:
    """One PDF with a cover index (``out`` ends in .pdf), or one file per case
    in the folder ``out``.  ``progress(done, total)`` returning False cancels;
    a cancelled batch writes nothing."""
    from exports.pdf import Cancelled, batch_pdf, case_summary_pdf

    ins = find_inspection(store, inspection_id)
    ids = case_ids or [c.id for c in store.list_cases(ins.id)]
    if not ids:
        raise OpError("this inspection has no cases to print")
    docs = [case_doc(store, cid) for cid in ids]
    out = Path(out)
    try:
        if out.suffix.lower() == ".pdf":
            atomic_write(out, batch_pdf(docs, ins, progress))
            return len(docs)
        blobs = []
        for i, d in enumerate(docs):
            if progress is not None and not progress(i, len(docs)):
                raise Cancelled()
            safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in d.case.reference)
            blobs.append((out / f"case-{safe}.pdf", case_summary_pdf(d)))
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OpError(f"{out}: the folder could not be created ({e.strerror or e})") from e
        for path, data in blobs:
            atomic_write(path, data)
        if progress is not None:
            progress(len(docs), len(docs))
    except Cancelled:
        raise OpError("printing was cancelled; nothing was written") from None
    return len(docs)


SUBGROUP_FIELDS = ("case_type", "gender", "rosh_level", "organisation")


def findings_doc(store: Store, inspection_id: str, *, rule: Rule | None = None) -> Any:
    from exports.pdf import FindingsDoc

    res = inspection_scores(store, inspection_id, rule=rule)
    cases = case_inputs(store.case_summaries(res.inspection.id))
    subgroups: dict[str, dict[str, ScoreReport]] = {}
    for fid in SUBGROUP_FIELDS:
        f = res.qs.fields.get(fid)
        if f is None:
            continue
        subgroups[fid] = {o.value: score(res.qs, cases, rule=rule, where={fid: [o.value]}) for o in f.options}
    assessors = sorted({c.assessor for c in cases if c.assessor})
    if len(assessors) > 1:
        subgroups["assessor"] = {a: score(res.qs, cases, rule=rule, where={"assessor": [a]}) for a in assessors}
    provenance = [
        f"{len(cases)} cases in this database for {res.inspection.name}; "
        f"{sum(1 for c in cases if c.answers)} with answers; assessors: {', '.join(assessors) or 'none'}."
    ]
    from storage.merge import merge_reports

    for m in merge_reports(store):
        rep = m["report"]
        files = ", ".join(f"{Path(f['name']).name} ({f['status']}, sha256 {f['sha256'][:12]})" for f in rep["files"])
        provenance.append(f"Merge {m['at'][:16].replace('T', ' ')} by {m['who']}: {files}; assessors "
                          f"{', '.join(rep['assessors']) or '-'}; {len(rep['duplicates'])} duplicates; "
                          f"{rep['conflicts_open']} conflicts open after it.")
    return FindingsDoc(qs=res.qs, inspection=res.inspection, report=res.report, cases=cases,
                       subgroups=subgroups, splits=res.splits, provenance=provenance,
                       conflicts_unresolved=sum(open_conflicts(store, res.inspection.id).values()),
                       sample_fields=["case_type", "gender", "ethnicity", "rosh_level", "principal_offence", "organisation"])


def print_report(store: Store, inspection_id: str, out: Path, *, rule: Rule | None = None) -> None:
    from exports.pdf import findings_pdf

    atomic_write(Path(out), findings_pdf(findings_doc(store, inspection_id, rule=rule)))
