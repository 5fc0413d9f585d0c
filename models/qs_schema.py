"""The question-set file format as pydantic models: validation and JSON Schema.

Imported only when a set file must be validated in full (a new or changed
file, or no usable cache) and for the published schema; the app otherwise
runs on the plain objects of :mod:`models.qs_runtime`, which mirror these
models field for field.  ``docs/question-set.schema.json`` is generated from
:func:`schema`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, ValidationError, model_validator

from models.qs_common import QuestionSetError, Stage, Text


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
    # an option value of an ordinal field, or a number for a number field (inclusive)
    at_least: StrictStr | StrictFloat | StrictInt | None = None
    at_most: StrictStr | StrictFloat | StrictInt | None = None
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


class Source(_Strict):
    """A seed line that carries the item, with a verbatim quote from it."""

    seed: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    line: int = Field(ge=1)
    quote: str = Field(min_length=4)


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


class Guidance(_Strict):
    """Advice for the assessor, written from the reports' criteria and
    narrative, naming the seed lines it is drawn from."""

    text: Text
    sources: list[Source] = Field(min_length=1)


class Stem(_Strict):
    """The shared lead-in of a group of questions (a field-list group): the
    chart title or sentence the items complete, shown above each of them."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    text: Text
    sources: list[Source] = Field(min_length=1)


class Criterion(_Strict):
    code: str
    title: Text
    group: str  # the outcome or section it belongs to
    stage: Stage
    guidance: Guidance | None = None  # shown with each of its questions
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
    stem: str | None = None  # id of the stem shown above this question
    guidance: Guidance | None = None
    provenance: Text | None = None  # where the wording comes from (the Sources view)
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

    @model_validator(mode="before")
    @classmethod
    def _legacy_guidance(cls, data: Any) -> Any:
        """A file written before guidance named its seed lines gave it as plain
        text ({"en": ...}); that text is kept, as the question's provenance note."""
        g = data.get("guidance") if isinstance(data, dict) else None
        if isinstance(g, dict) and "text" not in g and "sources" not in g:
            data = {k: v for k, v in data.items() if k != "guidance"}
            data.setdefault("provenance", g)
        return data


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
    case_list_columns: list[str] = []  # case fields shown as columns of the case list
    subgroup_by: list[str] = []  # case fields the findings report's subgroup appendix splits by
    sample_by: list[str] = []  # case fields the sample tables (dashboard, report) count by
    # criteria in the order the walk-through takes them within each stage (default: by outcome/section)
    journey_order: list[str] = []
    groups: list[Group]
    criteria: list[Criterion]
    case_fields: list[CaseField]
    scales: dict[str, Scale]
    bands: list[BandRule] = []
    grades: list[Grade] = []
    stems: list[Stem] = []
    questions: list[Question]
    sources: list[Source] = []


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


def validate(raw: dict[str, Any], path: Path | str) -> dict[str, Any]:
    """Validate a parsed file against the models; the normalised dump, or
    QuestionSetError naming the file, the question and the problem."""
    try:
        data = QuestionSetFile.model_validate(raw)
    except ValidationError as e:
        raise QuestionSetError(_describe_validation(Path(path), raw, e)) from e
    return data.model_dump(mode="json", by_alias=True, exclude_none=True)


def schema() -> dict[str, Any]:
    """The published JSON Schema of a question-set file."""
    return QuestionSetFile.model_json_schema(by_alias=True)
