"""Question sets: the public names, gathered from the modules that make them.

A question set is a JSON file (one per framework and version) under
``models/question_sets/``.  Nothing in it is executed: applicability
conditions are plain data evaluated by :mod:`models.conditions`.

* :mod:`models.qs_common`: texts, stages, the error;
* :mod:`models.qs_schema`: the file format as pydantic models (validation and
  the JSON Schema), imported only when a file must be validated in full;
* :mod:`models.qs_runtime`: the plain frozen objects the app runs on;
* :mod:`models.qs_validate`: the checks across a whole set;
* :mod:`models.qs_set`: :class:`QuestionSet`, a checked set with its lookups;
* :mod:`models.catalog`: loading, the catalogue and the checked cache.

This module does not import pydantic (a test holds it to that); the pydantic
model of the file is still reachable as ``QuestionSetFile``, loaded on first
use.
"""

from __future__ import annotations

from typing import Any

from models.catalog import (
    CACHE_KIND,
    Catalog,
    builtin_catalog,
    cache_path,
    cache_version,
    load_catalog,
    load_question_set,
    validate_dict,
)
from models.qs_common import BUILTIN_DIR, FORMAT_VERSION, STAGE_TITLES, QuestionSetError, Stage, Text, text_in
from models.qs_runtime import (
    AllCond,
    AnswerCond,
    AnyCond,
    Band,
    BandRule,
    CaseField,
    Condition,
    Criterion,
    FieldCond,
    Grade,
    Group,
    Guidance,
    NotCond,
    Option,
    Question,
    QuestionSetData,
    Scale,
    Source,
    Stem,
)
from models.qs_set import QuestionSet, QuestionView

__all__ = [
    "BUILTIN_DIR",
    "CACHE_KIND",
    "FORMAT_VERSION",
    "STAGE_TITLES",
    "AllCond",
    "AnswerCond",
    "AnyCond",
    "Band",
    "BandRule",
    "CaseField",
    "Catalog",
    "Condition",
    "Criterion",
    "FieldCond",
    "Grade",
    "Group",
    "Guidance",
    "NotCond",
    "Option",
    "Question",
    "QuestionSet",
    "QuestionSetData",
    "QuestionSetError",
    "QuestionView",
    "Scale",
    "Source",
    "Stage",
    "Stem",
    "Text",
    "builtin_catalog",
    "cache_path",
    "cache_version",
    "load_catalog",
    "load_question_set",
    "schema",
    "text_in",
    "validate_dict",
]


def schema() -> dict[str, Any]:
    """The published JSON Schema of a question-set file (imports pydantic)."""
    from models.qs_schema import schema as file_schema

    return file_schema()


def __getattr__(name: str) -> Any:
    """``QuestionSetFile``, the pydantic model of the file, on first use only."""
    if name == "QuestionSetFile":
        from models.qs_schema import QuestionSetFile

        return QuestionSetFile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
