"""Reading a versioned JSON format strictly: "not ours", "newer", or the model.

A small header model is read first (pydantic-core: deep nesting and huge
numbers are errors, not a crash), so a file of another kind or from a newer
Case Assessor is named as such before the strict model says what is wrong.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

_M = TypeVar("_M", bound=BaseModel)


class _Head(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: str = Field("", max_length=100)
    format_version: int = Field(0, ge=0, le=1_000_000)


def first_problem(err: ValidationError) -> str:
    e = err.errors(include_url=False)[0]
    where = ".".join(str(p) for p in e["loc"]) or "the file"
    return f"{where}: {e['msg']}"


def read(data: bytes, model: type[_M], *, fmt: str, version: int, noun: str, label: str,
         error: type[Exception]) -> _M:
    """``data`` as ``model``, or ``error`` saying "not an {noun}", "made by a
    newer Case Assessor ({label} N ...)" or "not a valid {noun} (where: what)"."""
    try:
        head = _Head.model_validate_json(data)
    except ValidationError as e:
        raise error(f"not an {noun} ({first_problem(e)})") from None
    if head.format != fmt:
        raise error(f"not an {noun}")
    if head.format_version > version:
        raise error(f"made by a newer Case Assessor ({label} {head.format_version}; this one reads {version}): "
                    "update Case Assessor to open it")
    try:
        return model.model_validate_json(data)
    except ValidationError as e:
        raise error(f"not a valid {noun} ({first_problem(e)})") from None
