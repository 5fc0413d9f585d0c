"""The runtime form of a question set: plain frozen objects, no pydantic.

Each class mirrors the pydantic model of the same name in
:mod:`models.qs_schema` field for field (same attribute names, same defaults,
same order), so code written against the validated models reads these alike:
``qs.data.case_fields``, ``qv.q.text``, ``qv.scale.options``, ``o.label`` ...

They are built by :func:`build` from the *normalised dump* of a validated
file, the dict that ``QuestionSetFile.model_dump(mode="json", by_alias=True,
exclude_none=True)`` gives.  That dump is what the set cache stores, so a set
built from the cache and one built by full validation come from the same dict.
:meth:`Node.model_dump` gives that dict back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, Literal, TypeVar, cast

from models.qs_common import Stage, Text

_ALIASES = {"in_": "in", "not_": "not"}
_UNALIAS = {v: k for k, v in _ALIASES.items()}
_frozen = dataclass(frozen=True, slots=True, kw_only=True)


def _dump(value: Any, mode: str, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, Node):
        out: dict[str, Any] = {}
        for f in fields(cast(Any, value)):
            if not f.init:  # derived lookups, not part of the data
                continue
            v = getattr(value, f.name)
            if v is None and exclude_none:
                continue
            out[_ALIASES.get(f.name, f.name) if by_alias else f.name] = _dump(v, mode, by_alias, exclude_none)
        return out
    if isinstance(value, list):
        return [_dump(v, mode, by_alias, exclude_none) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v, mode, by_alias, exclude_none) for k, v in value.items()}
    if isinstance(value, Enum) and mode == "json":
        return value.value
    return value


class Node:
    """Base of the runtime objects: a dump compatible with pydantic's."""

    __slots__ = ()

    def model_dump(self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False) -> dict[str, Any]:
        """The same dict as the pydantic model's ``model_dump`` with these arguments."""
        out: dict[str, Any] = _dump(self, mode, by_alias, exclude_none)
        return out


# --------------------------------------------------------------------------
# Applicability conditions (evaluated by models/conditions.py)
# --------------------------------------------------------------------------


@_frozen
class FieldCond(Node):
    """A test on a case detail (exactly one test is set)."""

    field: str
    equals: str | bool | None = None
    in_: list[str] | None = None
    not_in: list[str] | None = None
    at_least: str | float | None = None  # an ordinal option, or a number (number fields)
    at_most: str | float | None = None
    includes: str | None = None
    includes_any: list[str] | None = None


@_frozen
class AnswerCond(Node):
    """A test on an earlier answer in the same case (exactly one test is set)."""

    answer: str
    in_: list[str] | None = None
    not_in: list[str] | None = None
    includes: str | None = None


@_frozen
class AllCond(Node):
    all: list[Condition]


@_frozen
class AnyCond(Node):
    any: list[Condition]


@_frozen
class NotCond(Node):
    not_: Condition


Condition = AllCond | AnyCond | NotCond | FieldCond | AnswerCond


# --------------------------------------------------------------------------
# Scales, fields, structure
# --------------------------------------------------------------------------


@_frozen
class Option(Node):
    value: str
    label: Text
    above_line: bool = False
    key: str | None = None


@_frozen
class Scale(Node):
    kind: Literal["single", "multi"] = "single"
    options: list[Option]
    allow_na: bool = True
    above_values: frozenset[str] = field(init=False, repr=False, compare=False)
    allowed_values: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "above_values", frozenset(o.value for o in self.options if o.above_line))
        object.__setattr__(self, "allowed_values", frozenset(o.value for o in self.options))

    def option(self, value: str) -> Option | None:
        for o in self.options:
            if o.value == value:
                return o
        return None


@_frozen
class Source(Node):
    """A seed line that carries the item, with a verbatim quote from it."""

    seed: str
    line: int
    quote: str

    def ref(self) -> str:
        return f"{self.seed}:{self.line}"


@_frozen
class CaseField(Node):
    id: str
    label: Text
    kind: Literal["choice", "multi", "bool", "number", "text"]
    options: list[Option] = field(default_factory=list)
    ordinal: bool = False
    required: bool = False
    help: Text | None = None
    sources: list[Source] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None

    def option_values(self) -> list[str]:
        return [o.value for o in self.options]


@_frozen
class Group(Node):
    """A score group: an outcome, a section, or a headline."""

    id: str
    kind: Literal["outcome", "section", "headline"]
    title: Text
    short: Text | None = None
    sections: list[str] | None = None
    sources: list[Source] = field(default_factory=list)


@_frozen
class Guidance(Node):
    """Advice for the assessor, with the seed lines it is drawn from."""

    text: Text
    sources: list[Source]


@_frozen
class Stem(Node):
    """The shared lead-in shown above a group of questions."""

    id: str
    text: Text
    sources: list[Source]


@_frozen
class Criterion(Node):
    code: str
    title: Text
    group: str
    stage: Stage
    guidance: Guidance | None = None
    sources: list[Source] = field(default_factory=list)


@_frozen
class Band(Node):
    label: str
    min: float
    evidenced: bool = True


@_frozen
class BandRule(Node):
    id: str
    title: Text
    applies_to: list[Literal["question", "criterion", "outcome", "section", "headline"]]
    bands: list[Band]
    note: Text | None = None
    sources: list[Source] = field(default_factory=list)

    def band_for(self, percent: float) -> str:
        for b in self.bands:
            if percent >= b.min:
                return b.label
        return self.bands[-1].label


@_frozen
class Grade(Node):
    """An item graded once per inspection (OMI2 section 4), not per case."""

    code: str
    title: Text
    scale: str
    sources: list[Source] = field(default_factory=list)


@_frozen
class Question(Node):
    id: str
    criterion: str
    text: Text
    stem: str | None = None
    guidance: Guidance | None = None
    provenance: Text | None = None
    wording: Literal["chart_label", "chart_title", "table", "text", "paraphrase"] = "text"
    scale: str | Scale
    scored: bool = True
    applies: Condition | None = None
    applies_note: Text | None = None
    per_option_of: str | None = None
    outcomes: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    covers: list[str] = field(default_factory=list)
    sources: list[Source]


@_frozen
class QuestionSetData(Node):
    """The whole validated file (the runtime twin of ``QuestionSetFile``)."""

    format: Literal[1]
    id: str
    title: Text
    framework: str
    version: str
    effective_date: str
    languages: list[str]
    description: Text | None = None
    outcome_rule_default: Literal["questions", "criteria"] = "questions"
    split_by: list[str] = field(default_factory=list)
    case_list_columns: list[str] = field(default_factory=list)
    subgroup_by: list[str] = field(default_factory=list)
    sample_by: list[str] = field(default_factory=list)
    journey_order: list[str] = field(default_factory=list)
    groups: list[Group]
    criteria: list[Criterion]
    case_fields: list[CaseField]
    scales: dict[str, Scale]
    bands: list[BandRule] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    stems: list[Stem] = field(default_factory=list)
    questions: list[Question]
    sources: list[Source] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The normalised dump: ``model_dump(mode="json", by_alias=True, exclude_none=True)``."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# --------------------------------------------------------------------------
# Building from the normalised dump
# --------------------------------------------------------------------------

_N = TypeVar("_N", bound=Node)


def _make(cls: type[_N], d: dict[str, Any], **nested: Callable[[Any], Any]) -> _N:
    """``cls`` from the dict ``d``, converting the keys named in ``nested``.

    An unknown or missing key raises (TypeError), so a dict that is not a
    normalised dump is never half-read."""
    if not isinstance(d, dict):
        raise TypeError(f"{cls.__name__}: expected an object, got {type(d).__name__}")
    kwargs = {_UNALIAS.get(k, k): v for k, v in d.items()}
    for name, convert in nested.items():
        if name in kwargs and kwargs[name] is not None:
            kwargs[name] = convert(kwargs[name])
    return cls(**kwargs)


def _each(convert: Callable[[Any], _N]) -> Callable[[list[Any]], list[_N]]:
    return lambda items: [convert(x) for x in items]


def _option(d: dict[str, Any]) -> Option:
    return _make(Option, d)


def _source(d: dict[str, Any]) -> Source:
    return _make(Source, d)


_sources = _each(_source)


def _condition(d: dict[str, Any]) -> Condition:
    if not isinstance(d, dict):
        raise TypeError("a condition must be an object")
    if "all" in d:
        return _make(AllCond, d, all=_each(_condition))
    if "any" in d:
        return _make(AnyCond, d, any=_each(_condition))
    if "not" in d:
        return _make(NotCond, d, not_=_condition)
    if "field" in d:
        return _make(FieldCond, d)
    return _make(AnswerCond, d)


def _scale(d: dict[str, Any]) -> Scale:
    return _make(Scale, d, options=_each(_option))


def _guidance(d: dict[str, Any]) -> Guidance:
    return _make(Guidance, d, sources=_sources)


def _question(d: dict[str, Any]) -> Question:
    return _make(
        Question, d, sources=_sources, applies=_condition, guidance=_guidance,
        scale=lambda s: s if isinstance(s, str) else _scale(s),
    )


def build(dump: dict[str, Any]) -> QuestionSetData:
    """The runtime set from a normalised dump (see the module docstring).

    Raises TypeError, KeyError or ValueError on a dict of another shape."""
    return _make(
        QuestionSetData,
        dump,
        groups=_each(lambda d: _make(Group, d, sources=_sources)),
        criteria=_each(lambda d: _make(Criterion, d, sources=_sources, stage=Stage, guidance=_guidance)),
        case_fields=_each(lambda d: _make(CaseField, d, options=_each(_option), sources=_sources)),
        scales=lambda m: {k: _scale(v) for k, v in m.items()},
        bands=_each(lambda d: _make(BandRule, d, bands=_each(lambda b: _make(Band, b)), sources=_sources)),
        grades=_each(lambda d: _make(Grade, d, sources=_sources)),
        stems=_each(lambda d: _make(Stem, d, sources=_sources)),
        questions=_each(_question),
        sources=_sources,
    )
