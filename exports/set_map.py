"""The mapping file a migration between question-set versions may take:

```json
{"format": "case-assessor-set-map", "format_version": 1,
 "questions": {"OLD-ID": "NEW-ID"},
 "values": {"NEW-ID": {"old option": "new option"}}}
```

Read with bounds (size, entries, lengths); anything else is refused with a
message saying what to fix (:class:`SetMapError`, a user error)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from models.qs_migrate import AnswerMap
from models.questionset import QuestionSetError

FORMAT = "case-assessor-set-map"
FORMAT_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
_Id = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class SetMapError(QuestionSetError):
    """A mapping file that cannot be used; nothing was changed."""


class _SetMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    format: Literal["case-assessor-set-map"]
    format_version: int = Field(ge=1)
    questions: dict[_Id, _Id] = Field(default_factory=dict, max_length=10_000)
    values: dict[_Id, dict[_Id, _Id]] = Field(default_factory=dict, max_length=10_000)


def read_map(path: Path) -> AnswerMap:
    """The mapping in ``path``, or SetMapError saying why not."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SetMapError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; not a mapping file")
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as e:
        raise SetMapError(f"{path}: cannot be read ({e.strerror or e})") from e
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise SetMapError(f"{path}: not a JSON mapping file ({e})") from e
    if isinstance(raw, dict) and isinstance(raw.get("format_version"), int) and raw["format_version"] > FORMAT_VERSION:
        raise SetMapError(f"{path}: written for a newer Case Assessor (mapping format {raw['format_version']})")
    try:
        m = _SetMap.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise SetMapError(f"{path}: {where}: {first['msg']} ({len(e.errors())} problem(s); "
                          f"see docs/question-sets.md, 'Migrating an inspection')") from None
    return AnswerMap(questions=dict(m.questions), values={k: dict(v) for k, v in m.values.items()})
