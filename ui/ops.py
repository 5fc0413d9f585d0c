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

from exports import bundle as bundle_mod
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


USER_ERRORS: tuple[type[Exception], ...] = (
    OpError,
    StorageError,
    WriteError,
    SampleError,
    bundle_mod.BundleError,
    QuestionSetError,
)


def default_db_path() -> Path:
    """The default database: a SQLite file in the user's data folder."""
    override = os.environ.get("CASE_ASSESSOR_DB")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("case-assessor", appauthor=False)) / "case-assessor.sqlite3"


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
