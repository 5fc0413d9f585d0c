"""Question sets: the data model, its validation, and loading from data files.

A question set is a JSON file (one per framework and version) under
``models/question_sets/``.  Its shape is described by the pydantic models
below; ``docs/question-set.schema.json`` is generated from them.  Nothing in a
question set is executed: applicability conditions are plain data evaluated by
:mod:`models.conditions`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

FORMAT_VERSION = 1
BUILTIN_DIR = Path(__file__).with_name("question_sets")

# A translatable text: {"en": "...", "cy": "..."}.  English is required.
Text = dict[str, str]


def text_in(text: Text | None, lang: str = "en") -> str:
    """The text in ``lang``, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text.get("en", "")


class Stage(StrEnum):
    """The stages of the offender's journey, in the order a case is read."""

    CASE_DETAILS = "case_details"
    ASSESSMENT_PLANNING = "assessment_planning"
    DELIVERY_REVIEW = "delivery_review"
    OUTCOMES = "outcomes"
    VICTIM_WORK = "victim_work"
    LEADERSHIP_MANAGEMENT = "leadership_management"

    @property
    def rank(self) -> int:
        return list(Stage).index(self)


STAGE_TITLES: dict[Stage, str] = {
    Stage.CASE_DETAILS: "Case details",
    Stage.ASSESSMENT_PLANNING: "Assessment and planning",
    Stage.DELIVERY_REVIEW: "Delivery and review",
    Stage.OUTCOMES: "Outcomes",
    Stage.VICTIM_WORK: "Victim work",
    Stage.LEADERSHIP_MANAGEMENT: "Leadership and management (officer interview)",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------
# Applicability conditions (declarative; see models/conditions.py)
# --------------------------------------------------------------------------


class FieldCond(_Strict):
    """A test on a case detail."""

    field: str
    equals: str | bool | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    not_in: list[str] | None = None
    at_least: str | None = None
    at_most: str | None = None
    includes: str | None = None
    includes_any: list[str] | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> FieldCond:
        tests = [
            self.equals is not None,
            self.in_ is not None,
            self.not_in is not None,
            self.at_least is not None,
            self.at_most is not None,
            self.includes is not None,
            self.includes_any is not None,
        ]
        if sum(tests) != 1:
            raise ValueError("a field condition needs exactly one test")
        return self


class AnswerCond(_Strict):
    """A test on an earlier answer in the same case."""

    answer: str
    in_: list[str] | None = Field(default=None, alias="in")
    not_in: list[str] | None = None
    includes: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> AnswerCond:
        tests = [self.in_ is not None, self.not_in is not None, self.includes is not None]
        if sum(tests) != 1:
            raise ValueError("an answer condition needs exactly one test")
        return self


class AllCond(_Strict):
    all: list[Condition]


class AnyCond(_Strict):
    any: list[Condition]


class NotCond(_Strict):
    not_: Condition = Field(alias="not")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Condition = AllCond | AnyCond | NotCond | FieldCond | AnswerCond
AllCond.model_rebuild()
AnyCond.model_rebuild()
NotCond.model_rebuild()


# --------------------------------------------------------------------------
# Scales, fields, structure
# --------------------------------------------------------------------------


class Option(_Strict):
    value: str = Field(min_length=1)  # "" means "not answered"
    label: Text
    above_line: bool = False
    key: str | None = None  # keyboard shortcut; defaults to the option's number


class Scale(_Strict):
    kind: Literal["single", "multi"] = "single"
    options: list[Option]
    allow_na: bool = True

    @model_validator(mode="after")
    def _unique(self) -> Scale:
        values = [o.value for o in self.options]
        if len(values) != len(set(values)):
            raise ValueError("scale option values must be unique")
        if "na" in values:
            raise ValueError("'na' is reserved for not applicable")
        if not values:
            raise ValueError("a scale needs at least one option")
        return self

    @cached_property
    def above_values(self) -> frozenset[str]:
        return frozenset(o.value for o in self.options if o.above_line)

    @cached_property
    def allowed_values(self) -> frozenset[str]:
        return frozenset(o.value for o in self.options)

    def option(self, value: str) -> Option | None:
        for o in self.options:
            if o.value == value:
                return o
        return None


class CaseField(_Strict):
    id: str
    label: Text
    kind: Literal["choice", "multi", "bool", "number", "text"]
    options: list[Option] = []
    ordinal: bool = False  # options are in increasing order (e.g. RoSH level)
    required: bool = False
    help: Text | None = None
    sources: list[Source] = []
    minimum: float | None = None
    maximum: float | None = None

    @model_validator(mode="after")
    def _options(self) -> CaseField:
        if self.kind in ("choice", "multi") and not self.options:
            raise ValueError(f"case field {self.id!r} of kind {self.kind} needs options")
        if self.kind not in ("choice", "multi") and self.options:
            raise ValueError(f"case field {self.id!r} of kind {self.kind} takes no options")
        return self

    def option_values(self) -> list[str]:
        return [o.value for o in self.options]


class Source(_Strict):
    """A seed line that carries the item, with a verbatim quote from it."""

    seed: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    line: int = Field(ge=1)
    quote: str = Field(min_length=4)

    def ref(self) -> str:
        return f"{self.seed}:{self.line}"


CaseField.model_rebuild()


class Group(_Strict):
    """A score group: an outcome, a section, or a headline."""

    id: str
    kind: Literal["outcome", "section", "headline"]
    title: Text
    short: Text | None = None
    # headlines: which sections' questions may feed them (OMI2's RoH excludes section 3)
    sections: list[str] | None = None
    sources: list[Source] = []


class Criterion(_Strict):
    code: str
    title: Text
    group: str  # the outcome or section it belongs to
    stage: Stage
    sources: list[Source] = []


class Band(_Strict):
    label: str
    min: float  # inclusive lower bound, in percent
    evidenced: bool = True


class BandRule(_Strict):
    id: str
    title: Text
    applies_to: list[Literal["question", "criterion", "outcome", "section", "headline"]]
    bands: list[Band]
    note: Text | None = None
    sources: list[Source] = []

    @model_validator(mode="after")
    def _ordered(self) -> BandRule:
        mins = [b.min for b in self.bands]
        if mins != sorted(mins, reverse=True):
            raise ValueError(f"band rule {self.id!r}: bands must run from highest min to lowest")
        if not mins or mins[-1] != 0:
            raise ValueError(f"band rule {self.id!r}: the last band must start at 0")
        return self

    def band_for(self, percent: float) -> str:
        for b in self.bands:
            if percent >= b.min:
                return b.label
        return self.bands[-1].label


class Grade(_Strict):
    """An item graded once per inspection (OMI2 section 4), not per case."""

    code: str
    title: Text
    scale: str
    sources: list[Source] = []


class Question(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    criterion: str
    text: Text
    guidance: Text | None = None
    wording: Literal["chart_label", "chart_title", "table", "text", "paraphrase"] = "text"
    scale: str | Scale
    scored: bool = True
    applies: Condition | None = None
    applies_note: Text | None = None
    per_option_of: str | None = None  # asked once per option chosen in that multi question
    outcomes: list[str] = []  # extra outcomes fed besides the criterion's own group
    headlines: list[str] = []
    covers: list[str] = []  # catalogue ids this question stands for
    sources: list[Source] = Field(min_length=1)


class QuestionSetFile(_Strict):
    """The top level of a question-set data file."""

    format: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    title: Text
    framework: str
    version: str
    effective_date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    languages: list[str]
    description: Text | None = None
    outcome_rule_default: Literal["questions", "criteria"] = "questions"
    split_by: list[str] = []  # case fields every figure is split by (TR: organisation)
    groups: list[Group]
    criteria: list[Criterion]
    case_fields: list[CaseField]
    scales: dict[str, Scale]
    bands: list[BandRule] = []
    grades: list[Grade] = []
    questions: list[Question]
    sources: list[Source] = []


# --------------------------------------------------------------------------
# Loaded, cross-checked question set
# --------------------------------------------------------------------------


class QuestionSetError(Exception):
    """A question-set file that cannot be used.  The message names the file,
    the question (where there is one) and the problem."""


@dataclass(frozen=True)
class QuestionView:
    """A question with its scale resolved and its position in journey order."""

    q: Question
    scale: Scale
    criterion: Criterion
    position: int

    @property
    def id(self) -> str:
        return self.q.id

    @property
    def stage(self) -> Stage:
        return self.criterion.stage


class QuestionSet:
    """A validated question set with lookups the rest of the app needs."""

    def __init__(self, data: QuestionSetFile, path: Path | None = None) -> None:
        self.data = data
        self.path = path
        self._check()
        crit = {c.code: c for c in data.criteria}
        group_order = {g.id: i for i, g in enumerate(data.groups)}
        crit_order = {c.code: i for i, c in enumerate(data.criteria)}
        indexed = list(enumerate(data.questions))
        indexed.sort(
            key=lambda iq: (
                crit[iq[1].criterion].stage.rank,
                group_order[crit[iq[1].criterion].group],
                crit_order[iq[1].criterion],
                iq[0],
            )
        )
        views = []
        for pos, (_, q) in enumerate(indexed):
            scale = q.scale if isinstance(q.scale, Scale) else data.scales[q.scale]
            views.append(QuestionView(q=q, scale=scale, criterion=crit[q.criterion], position=pos))
        self.questions: list[QuestionView] = views
        self.by_id: dict[str, QuestionView] = {v.id: v for v in views}
        self.criteria: dict[str, Criterion] = crit
        self.groups = {g.id: g for g in data.groups}
        self.fields = {f.id: f for f in data.case_fields}

    # -- identity -----------------------------------------------------------
    @property
    def id(self) -> str:
        return self.data.id

    @property
    def version(self) -> str:
        return self.data.version

    def title(self, lang: str = "en") -> str:
        return text_in(self.data.title, lang)

    def groups_of(self, qv: QuestionView) -> list[str]:
        """Outcome/section ids a question feeds: its criterion's group plus extras."""
        out = [qv.criterion.group]
        out.extend(g for g in qv.q.outcomes if g not in out)
        return out

    def headlines_of(self, qv: QuestionView) -> list[str]:
        result = []
        for h in qv.q.headlines:
            allowed = self.groups[h].sections
            if allowed is None or qv.criterion.group in allowed:
                result.append(h)
        return result

    # -- value checking ------------------------------------------------------
    @cached_property
    def single_choice_values(self) -> dict[str, frozenset[str]]:
        """Question id -> every valid text answer, for the single-choice
        questions (the bulk): a fast path that agrees with :meth:`check_value`."""
        return {
            qv.id: qv.scale.allowed_values | ({"na"} if qv.scale.allow_na else set())
            for qv in self.questions
            if qv.scale.kind == "single" and qv.q.per_option_of is None
        }

    def check_value(self, question_id: str, value: Any) -> str | None:
        """Why ``value`` is not a valid stored answer to the question, or None."""
        qv = self.by_id.get(question_id)
        if qv is None:
            return f"unknown question {question_id!r}"
        if value is None:
            return None
        allowed = qv.scale.allowed_values
        if value == "na":
            return None if qv.scale.allow_na or qv.q.per_option_of else f"{question_id} has no N/A option"
        if qv.q.per_option_of is not None:
            src = self.by_id[qv.q.per_option_of].scale
            if not isinstance(value, dict):
                return f"{question_id} expects one answer per option of {qv.q.per_option_of}"
            for k, v in value.items():
                if src.option(k) is None:
                    return f"{question_id}: unknown option {k!r}"
                if v != "na" and v not in allowed:
                    return f"{question_id}: {v!r} is not an answer on its scale"
            return None
        if qv.scale.kind == "multi":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"{question_id} expects a list of options"
            bad = [v for v in value if v not in allowed]
            if bad:
                return f"{question_id}: {bad[0]!r} is not an option"
            if len(set(value)) != len(value):
                return f"{question_id}: an option is listed twice"
            return None
        if not isinstance(value, str) or value not in allowed:
            return f"{question_id}: {value!r} is not an answer on its scale"
        return None

    def check_details(self, details: dict[str, Any]) -> list[str]:
        """Problems with a case's details against the set's case fields."""
        problems = []
        for key, value in details.items():
            f = self.fields.get(key)
            if f is None:
                problems.append(f"unknown case detail {key!r}")
                continue
            if value is None:
                continue
            if f.kind == "choice":
                if value not in f.option_values():
                    problems.append(f"{key}: {value!r} is not one of {', '.join(f.option_values())}")
            elif f.kind == "multi":
                if not isinstance(value, list) or any(v not in f.option_values() for v in value):
                    problems.append(f"{key}: expects a list of {', '.join(f.option_values())}")
            elif f.kind == "bool":
                if not isinstance(value, bool):
                    problems.append(f"{key}: expects true or false")
            elif f.kind == "number":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    problems.append(f"{key}: expects a number")
                elif (f.minimum is not None and value < f.minimum) or (f.maximum is not None and value > f.maximum):
                    problems.append(f"{key}: {value} is outside {f.minimum}-{f.maximum}")
            elif not isinstance(value, str):
                problems.append(f"{key}: expects text")
        for f in self.data.case_fields:
            if f.required and details.get(f.id) in (None, "", []):
                problems.append(f"{f.id}: required")
        return problems

    def band_rule(self, level: str) -> BandRule | None:
        for rule in self.data.bands:
            if level in rule.applies_to:
                return rule
        return None

    def criteria_in_order(self) -> list[Criterion]:
        seen: dict[str, Criterion] = {}
        for qv in self.questions:
            seen.setdefault(qv.criterion.code, qv.criterion)
        for c in self.data.criteria:
            seen.setdefault(c.code, c)
        return list(seen.values())

    # -- validation across the file ------------------------------------------
    def _fail(self, problem: str, question: str | None = None) -> QuestionSetError:
        where = str(self.path) if self.path else f"question set {self.data.id!r}"
        if question:
            where += f", question {question}"
        return QuestionSetError(f"{where}: {problem}")

    def _check(self) -> None:
        d = self.data
        if "en" not in d.languages:
            raise self._fail("languages must include 'en'")
        group_ids = [g.id for g in d.groups]
        if len(group_ids) != len(set(group_ids)):
            raise self._fail("duplicate group id")
        groups = {g.id: g for g in d.groups}
        codes = [c.code for c in d.criteria]
        if len(codes) != len(set(codes)):
            raise self._fail("duplicate criterion code")
        for c in d.criteria:
            if c.group not in groups or groups[c.group].kind == "headline":
                raise self._fail(f"criterion {c.code} names unknown outcome/section {c.group!r}")
        for g in d.groups:
            for s in g.sections or []:
                if s not in groups:
                    raise self._fail(f"headline {g.id} names unknown section {s!r}")
        fields = {f.id: f for f in d.case_fields}
        if len(fields) != len(d.case_fields):
            raise self._fail("duplicate case field id")
        for f in d.split_by:
            if f not in fields:
                raise self._fail(f"split_by names unknown case field {f!r}")
        ids: dict[str, Question] = {}
        for q in d.questions:
            if q.id in ids:
                raise self._fail("duplicate question id", q.id)
            ids[q.id] = q
        for gr in d.grades:
            if gr.scale not in d.scales:
                raise self._fail(f"grade {gr.code} names unknown scale {gr.scale!r}")
        position = {q.id: i for i, q in enumerate(d.questions)}
        for q in d.questions:
            if q.criterion not in set(codes):
                raise self._fail(f"unknown criterion {q.criterion!r}", q.id)
            if isinstance(q.scale, str) and q.scale not in d.scales:
                raise self._fail(f"unknown scale {q.scale!r}", q.id)
            if "en" not in q.text:
                raise self._fail("wording has no English text", q.id)
            for gid in q.outcomes:
                if gid not in groups or groups[gid].kind == "headline":
                    raise self._fail(f"feeds unknown outcome/section {gid!r}", q.id)
            for h in q.headlines:
                if h not in groups or groups[h].kind != "headline":
                    raise self._fail(f"feeds unknown headline {h!r}", q.id)
            if q.per_option_of is not None:
                src = ids.get(q.per_option_of)
                if src is None:
                    raise self._fail(f"per_option_of names unknown question {q.per_option_of!r}", q.id)
                src_scale = src.scale if isinstance(src.scale, Scale) else d.scales.get(src.scale)
                if src_scale is None or src_scale.kind != "multi":
                    raise self._fail("per_option_of must name a multi-select question", q.id)
            if q.applies is not None:
                for problem in _condition_problems(q.applies, fields, ids, d.scales, q.id, position):
                    raise self._fail(problem, q.id)


def _scale_of(q: Question, scales: dict[str, Scale]) -> Scale | None:
    return q.scale if isinstance(q.scale, Scale) else scales.get(q.scale)


def _condition_problems(
    cond: Condition,
    fields: dict[str, CaseField],
    questions: dict[str, Question],
    scales: dict[str, Scale],
    qid: str,
    position: dict[str, int],
) -> Iterable[str]:
    if isinstance(cond, AllCond):
        for c in cond.all:
            yield from _condition_problems(c, fields, questions, scales, qid, position)
    elif isinstance(cond, AnyCond):
        for c in cond.any:
            yield from _condition_problems(c, fields, questions, scales, qid, position)
    elif isinstance(cond, NotCond):
        yield from _condition_problems(cond.not_, fields, questions, scales, qid, position)
    elif isinstance(cond, FieldCond):
        f = fields.get(cond.field)
        if f is None:
            yield f"condition names unknown case field {cond.field!r}"
            return
        allowed = set(f.option_values())
        named: list[str] = []
        if cond.in_:
            named += cond.in_
        if cond.not_in:
            named += cond.not_in
        if cond.includes_any:
            named += cond.includes_any
        for v in (cond.at_least, cond.at_most, cond.includes):
            if v is not None:
                named.append(v)
        if isinstance(cond.equals, str):
            named.append(cond.equals)
        if f.kind in ("choice", "multi"):
            for v in named:
                if v not in allowed:
                    yield f"condition on {cond.field!r} names unknown value {v!r}"
        if (cond.at_least or cond.at_most) and not f.ordinal:
            yield f"at_least/at_most need an ordinal field; {cond.field!r} is not"
        if (cond.includes or cond.includes_any) and f.kind != "multi":
            yield f"includes needs a multi-select field; {cond.field!r} is not"
        if isinstance(cond.equals, bool) and f.kind != "bool":
            yield f"a true/false test needs a bool field; {cond.field!r} is not"
    elif isinstance(cond, AnswerCond):
        src = questions.get(cond.answer)
        if src is None:
            yield f"condition names unknown question {cond.answer!r}"
            return
        if cond.answer == qid:
            yield "condition refers to the question itself"
            return
        scale = _scale_of(src, scales)
        if scale is None:
            return
        allowed = {o.value for o in scale.options} | {"na"}
        for v in (cond.in_ or []) + (cond.not_in or []) + ([cond.includes] if cond.includes else []):
            if v not in allowed:
                yield f"condition on {cond.answer} names unknown answer {v!r}"
        if cond.includes and scale.kind != "multi":
            yield f"includes needs a multi-select question; {cond.answer} is not"


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _describe_validation(path: Path, raw: Any, err: ValidationError) -> str:
    first = err.errors()[0]
    loc = list(first.get("loc", ()))
    where = str(path)
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        try:
            qid = raw["questions"][loc[1]].get("id", f"#{loc[1] + 1}")
        except (KeyError, IndexError, TypeError, AttributeError):
            qid = f"#{loc[1] + 1}"
        where += f", question {qid}"
        loc = loc[2:]
    field = ".".join(str(p) for p in loc) or "(top level)"
    more = f" (and {err.error_count() - 1} more problems)" if err.error_count() > 1 else ""
    return f"{where}: {field}: {first['msg']}{more}"


def load_question_set(path: Path) -> QuestionSet:
    """Load and validate one question-set file, or raise QuestionSetError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise QuestionSetError(f"{path}: cannot be read ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise QuestionSetError(f"{path}: is not UTF-8 text") from e
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise QuestionSetError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from e
    if not isinstance(raw, dict):
        raise QuestionSetError(f"{path}: the top level must be a JSON object")
    fmt = raw.get("format")
    if isinstance(fmt, int) and fmt > FORMAT_VERSION:
        raise QuestionSetError(
            f"{path}: written for a newer Case Assessor (format {fmt}; this version reads {FORMAT_VERSION})"
        )
    try:
        data = QuestionSetFile.model_validate(raw)
    except ValidationError as e:
        raise QuestionSetError(_describe_validation(path, raw, e)) from e
    return QuestionSet(data, path)


@dataclass
class Catalog:
    """Every question set found, and the files refused with their reasons."""

    sets: dict[str, QuestionSet]
    errors: list[str]

    def get(self, set_id: str, version: str | None = None) -> QuestionSet:
        qs = self.sets.get(set_id)
        if qs is None or (version is not None and qs.version != version):
            wanted = f"{set_id} version {version}" if version else set_id
            known = ", ".join(sorted(self.sets)) or "none"
            raise QuestionSetError(f"unknown question set {wanted} (known: {known})")
        return qs


def load_catalog(dirs: Iterable[Path] | None = None) -> Catalog:
    """Load every ``*.json`` set in ``dirs``; bad files are reported, not fatal."""
    sets: dict[str, QuestionSet] = {}
    errors: list[str] = []
    for d in dirs if dirs is not None else [BUILTIN_DIR]:
        for path in sorted(Path(d).glob("*.json")):
            try:
                qs = load_question_set(path)
            except QuestionSetError as e:
                errors.append(str(e))
                continue
            if qs.id in sets:
                errors.append(f"{path}: question set id {qs.id!r} is already defined by {sets[qs.id].path}")
                continue
            sets[qs.id] = qs
    return Catalog(sets, errors)


_builtin: Catalog | None = None


def builtin_catalog() -> Catalog:
    """The question sets shipped with the app (loaded once)."""
    global _builtin
    if _builtin is None:
        _builtin = load_catalog()
    return _builtin


def schema() -> dict[str, Any]:
    """The published JSON Schema of a question-set file."""
    return QuestionSetFile.model_json_schema(by_alias=True)
