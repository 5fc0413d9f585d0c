"""Publishing a format's JSON Schema from its pydantic model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def published(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The model's JSON Schema (draft 2020-12) under a human title."""
    s = model.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = title
    return s
