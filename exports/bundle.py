"""The assessment bundle: a documented plain-JSON file holding one inspection.

It carries the inspection, the question set id and version, the cases and
their details, every assessment with its answers, notes and audit rows, and the
per-case scores.  ``docs/bundle.schema.json`` is generated from the models
below.  The secure export signs and encrypts exactly these bytes.

Reading is strict: the JSON must match the schema (unknown keys refused), the
question set must be known in the same version, and every answer and case
detail must be valid for it.  Any problem raises :class:`BundleError` before the
database is touched.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from typing_extensions import TypedDict  # pydantic needs this TypedDict before Python 3.12

from exports import review_steps
from exports.errors import BundleError
from exports.jsonschema import published
from exports.queries import MAX_QUERIES, BundleQuery, bundle_section
from exports.review_steps import MAX_STEPS, AssessorStep
from models.limits import MAX_REFERENCE_CHARS, note_problem, reference_problem, too_many_cases
from models.questionset import Catalog, QuestionSet, QuestionSetError
from models.scoring import CaseInput, case_scores
from storage.review import ReviewEvent
from storage.rows import (
    AnswerRow,
    AssessmentDump,
    AssessmentRow,
    AuditRow,
    CaseDump,
    CaseRow,
    GradeRow,
    InspectionDump,
    InspectionRow,
)
from storage.store import Store, now

FORMAT = "case-assessor-bundle"
FORMAT_VERSION = 2  # 2: change numbers (seq) on answers, assessments and details; tombstones
READABLE_VERSIONS = (1, 2)
MAX_BYTES = 200 * 1024 * 1024

JSONValue = Any


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BInspection(_M):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    area: str = ""
    question_set_id: str
    question_set_version: str
    start_date: str = ""
    end_date: str = ""
    created_at: str


def _default(value: Any) -> Any:
    """A missing key's meaning, stated in the published schema (readers use ``.get``)."""
    return Field(json_schema_extra={"default": value})


# Answers and audit rows are the bulk of a bundle (hundreds of thousands in a
# merge), so they are validated as typed dicts: the same strict checks, without
# building a model object per row.
class BAnswer(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    question_id: str
    value: JSONValue
    note: NotRequired[Annotated[str, _default("")]]
    practice: NotRequired[Annotated[bool, _default(False)]]
    updated_at: str
    updated_by: str
    seq: NotRequired[Annotated[int, Field(ge=0, le=2**53), _default(0)]]
    origin: NotRequired[Annotated[Literal["", "lead"], _default("")]]
    base: NotRequired[Annotated[int, Field(ge=0, le=2**53), _default(0)]]


class BAudit(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    at: str
    who: str
    action: str
    question_id: NotRequired[Annotated[str | None, _default(None)]]
    old: NotRequired[Annotated[JSONValue, _default(None)]]
    new: NotRequired[Annotated[JSONValue, _default(None)]]


class BAssessment(_M):
    id: str = Field(min_length=1)
    assessor: str
    question_set_version: str
    status: Literal["in_progress", "complete"]
    kind: Literal["primary", "qa"] = "primary"
    lineage: str | None = None
    created_at: str
    updated_at: str
    completed_at: str | None = None
    position: str | None = None
    seq: int = Field(0, ge=0, le=2**53)
    status_seq: int = Field(0, ge=0, le=2**53)
    answers: list[BAnswer]
    audit: list[BAudit]


class BCase(_M):
    id: str = Field(min_length=1)
    reference: str = Field(min_length=1)
    details: dict[str, JSONValue]
    created_at: str
    updated_at: str
    details_seq: int = Field(0, ge=0, le=2**53)
    assessments: list[BAssessment]
    scores: dict[str, JSONValue] = {}


class BGrade(_M):
    value: str | None
    note: str = ""
    updated_at: str
    updated_by: str


class BQuestionSet(_M):
    id: str
    version: str


class Bundle(_M):
    format: Literal["case-assessor-bundle"]
    format_version: int
    exported_at: str
    inspection: BInspection
    question_set: BQuestionSet
    grades: dict[str, BGrade] = {}
    cases: list[BCase]
    review: list[AssessorStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                       description="the assessor's submissions (exports/review_steps.py)")
    queries: list[BundleQuery] = Field(default_factory=list, max_length=MAX_QUERIES,
                                       description="replies to the lead's queries (exports/queries.py)")


def schema() -> dict[str, Any]:
    return published(Bundle, "Case Assessor assessment bundle")


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _assessment_json(ae: AssessmentDump) -> dict[str, Any]:
    """One assessment of the bundle, with its answers and audit rows."""
    a = ae.assessment
    return {
        "id": a.id,
        "assessor": a.assessor,
        "question_set_version": a.question_set_version,
        "status": a.status,
        "kind": a.kind,
        "lineage": a.lineage,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
        "completed_at": a.completed_at,
        "position": a.position,
        "seq": a.seq,
        "status_seq": a.status_seq,
        "answers": [
            {"question_id": n.question_id, "value": n.value, "note": n.note, "practice": n.practice,
             "updated_at": n.updated_at, "updated_by": n.updated_by, "seq": n.seq, "origin": n.origin, "base": n.base}
            for n in ae.answers
        ],
        "audit": [
            {"at": r.at, "who": r.who, "action": r.action, "question_id": r.question_id, "old": r.old, "new": r.new}
            for r in ae.audit
        ],
    }


def build(store: Store, inspection_id: str, qs: QuestionSet,
          review: Sequence[ReviewEvent] = ()) -> dict[str, Any]:
    """The bundle for one inspection, as plain data; ``review``: the assessor's
    submissions (the key is left out when there are none)."""
    dump = store.dump_inspection(inspection_id)
    ins = dump.inspection
    cases = []
    for entry in dump.cases:
        case = entry.case
        assessments = []
        primary_scores: dict[str, Any] = {}
        for ae in entry.assessments:
            a, answers = ae.assessment, ae.answers
            assessments.append(_assessment_json(ae))
            if a.kind == "primary" and not primary_scores:
                primary_scores = case_scores(
                    qs,
                    CaseInput(case.id, case.reference, case.details, {n.question_id: n.value for n in answers}, a.assessor),
                )
        cases.append(
            {
                "id": case.id,
                "reference": case.reference,
                "details": case.details,
                "created_at": case.created_at,
                "updated_at": case.updated_at,
                "details_seq": case.details_seq,
                "assessments": assessments,
                "scores": primary_scores,
            }
        )
    replies = bundle_section(store, inspection_id)
    return ({"queries": replies} if replies else {}) | {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": now(),
        "inspection": {
            "id": ins.id,
            "name": ins.name,
            "area": ins.area,
            "question_set_id": ins.question_set_id,
            "question_set_version": ins.question_set_version,
            "start_date": ins.start_date,
            "end_date": ins.end_date,
            "created_at": ins.created_at,
        },
        "question_set": {"id": qs.id, "version": qs.version},
        "grades": {
            code: {"value": g.value, "note": g.note, "updated_at": g.updated_at, "updated_by": g.updated_by}
            for code, g in dump.grades.items()
        },
        "cases": cases,
    } | ({"review": review_steps.to_json(review)} if review else {})


def to_bytes(bundle: dict[str, Any]) -> bytes:
    return (json.dumps(bundle, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _newer(source: str, version: int) -> str:
    return (
        f"{source}: written by a newer Case Assessor (bundle format {version}; this version reads "
        f"{FORMAT_VERSION}). Update Case Assessor to read it."
    )


def _refuse_unreadable_json(err: ValidationError, raw: bytes, source: str) -> None:
    """Raise BundleError when pydantic-core could not read the bytes as JSON at
    all.  Its parser is bounded (nesting deeper than 200 and numbers longer
    than 4,300 digits are errors, not a RecursionError or ValueError), so only
    JSON it accepted ever reaches the standard library's recursive parser."""
    first = err.errors(include_url=False)[0]
    if first["type"] != "json_invalid":
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError(f"{source}: not UTF-8 text, so not a Case Assessor bundle") from None
    msg = str(first.get("ctx", {}).get("error", first["msg"]))
    if "recursion limit" in msg:
        raise BundleError(f"{source}: not a readable bundle (nested too deeply: {msg})")
    if "number out of range" in msg:
        raise BundleError(f"{source}: not a readable bundle (a number is too long: {msg})")
    raise BundleError(f"{source}: not valid JSON ({msg})")


def _parse_refused(raw: bytes, source: str) -> Bundle:
    """The slow, explaining path for JSON the one-pass validation refused
    (never reached by bytes that are not JSON: see :func:`_refuse_unreadable_json`)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise BundleError(f"{source}: not UTF-8 text, so not a Case Assessor bundle") from e
    except json.JSONDecodeError as e:
        raise BundleError(f"{source}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from e
    except ValueError as e:  # e.g. a number thousands of digits long
        raise BundleError(f"{source}: not a readable bundle ({e})") from e
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(f"{source}: not a Case Assessor bundle")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise BundleError(_newer(source, version))
    try:
        return Bundle.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise BundleError(f"{source}: {where}: {first['msg']}{more}") from e


def parse(raw: bytes, catalog: Catalog, *, source: str = "bundle") -> tuple[Bundle, QuestionSet]:
    """Validate bundle bytes fully.  Raises BundleError with a clear reason."""
    if len(raw) > MAX_BYTES:
        raise BundleError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB; refused")
    try:
        # the common case, a good file: parsed and validated in one pass by pydantic-core
        bundle = Bundle.model_validate_json(raw)
    except ValidationError as e:
        _refuse_unreadable_json(e, raw, source)
        bundle = _parse_refused(raw, source)  # explains what is wrong (or accepts what only JSON mode refused)
    if bundle.format_version > FORMAT_VERSION:
        raise BundleError(_newer(source, bundle.format_version))
    if bundle.format_version not in READABLE_VERSIONS:
        raise BundleError(f"{source}: unsupported bundle format version {bundle.format_version}")
    try:
        qs = catalog.get(bundle.question_set.id, bundle.question_set.version)
    except QuestionSetError as e:
        raise BundleError(f"{source}: {e}") from e
    if (bundle.inspection.question_set_id, bundle.inspection.question_set_version) != (qs.id, qs.version):
        raise BundleError(f"{source}: the inspection names a different question set from the bundle")
    refs: set[str] = set()
    ids: set[str] = set()
    simple = qs.single_choice_values
    too_many = too_many_cases(0, len(bundle.cases))
    if too_many:
        raise BundleError(f"{source}: {too_many}")
    for c in bundle.cases:
        problem = reference_problem(c.reference)
        if problem:
            raise BundleError(f"{source}: case {c.reference[:MAX_REFERENCE_CHARS]!r}: {problem}")
        if c.reference in refs:
            raise BundleError(f"{source}: case reference {c.reference!r} appears twice")
        if c.id in ids:
            raise BundleError(f"{source}: case id {c.id} appears twice")
        refs.add(c.reference)
        ids.add(c.id)
        problems = qs.check_details(c.details)
        if problems:
            raise BundleError(f"{source}: case {c.reference}: {problems[0]}")
        for a in c.assessments:
            if a.id in ids:
                raise BundleError(f"{source}: assessment id {a.id} appears twice")
            ids.add(a.id)
            seen: set[str] = set()
            for n in a.answers:
                qid, value = n["question_id"], n["value"]
                if qid in seen:
                    raise BundleError(f"{source}: case {c.reference}: {qid} answered twice")
                seen.add(qid)
                note = n.get("note")
                if note and (problem := note_problem(note)):
                    raise BundleError(f"{source}: case {c.reference}: {qid}: {problem}")
                ok = simple.get(qid)
                if ok is not None and value.__class__ is str and value in ok:
                    continue  # a plain valid choice: the common case, checked by set lookup
                problem = qs.check_value(qid, value)
                if problem:
                    raise BundleError(f"{source}: case {c.reference}: {problem}")
    for code in bundle.grades:
        if code not in {g.code for g in qs.data.grades}:
            raise BundleError(f"{source}: unknown graded item {code!r}")
    return bundle, qs


def _assessment_dump(case_id: str, a: BAssessment) -> AssessmentDump:
    row = AssessmentRow(a.id, case_id, a.assessor, a.question_set_version, a.status, a.kind, a.lineage, a.created_at,
                        a.updated_at, a.completed_at, a.position, a.seq, a.status_seq)
    answers = [AnswerRow(n["question_id"], n["value"], n.get("note", ""), n.get("practice", False), n["updated_at"],
                         n["updated_by"], n.get("seq", 0), n.get("origin", ""), n.get("base", 0)) for n in a.answers]
    audit = [AuditRow(r["at"], r["who"], r["action"], r.get("question_id"), r.get("old"), r.get("new"))
             for r in a.audit]
    return AssessmentDump(row, answers, audit)


def to_store_data(bundle: Bundle) -> InspectionDump:
    """The bundle as the rows :meth:`Store.load_inspection` and the merge write."""
    i = bundle.inspection
    ins = InspectionRow(i.id, i.name, i.area, i.question_set_id, i.question_set_version, i.start_date, i.end_date,
                        i.created_at)
    cases = [
        CaseDump(
            CaseRow(id=c.id, inspection_id=i.id, reference=c.reference, details=c.details, created_at=c.created_at,
                    updated_at=c.updated_at, details_seq=c.details_seq),
            [_assessment_dump(c.id, a) for a in c.assessments],
        )
        for c in bundle.cases
    ]
    grades = {k: GradeRow(g.value, g.note, g.updated_at, g.updated_by) for k, g in bundle.grades.items()}
    return InspectionDump(ins, cases, grades)


def read_file(path: Path, catalog: Catalog) -> tuple[Bundle, QuestionSet]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BundleError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; refused")
        raw = path.read_bytes()
    except OSError as e:
        raise BundleError(f"{path}: cannot be read ({e.strerror or e})") from e
    return parse(raw, catalog, source=str(path))
