"""The published JSON Schemas of every file format the app reads or writes."""

from __future__ import annotations

import json
from pathlib import Path

from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace


def write_schemas(folder: Path, ws: Workspace | None = None) -> list[Path]:
    """Write question-set, bundle, pack, merge-report and enrolment schemas into ``folder``
    (never over the open database ``ws``, when there is one)."""
    from exports.bundle import schema as bundle_schema
    from exports.enrolment import schema as enrolment_schema
    from exports.merge_report import schema as merge_report_schema
    from exports.pack import schema as pack_schema
    from models.questionset import schema as qs_schema

    written = []
    try:
        for name, s in (("question-set", qs_schema()), ("bundle", bundle_schema()), ("pack", pack_schema()),
                        ("merge-report", merge_report_schema()), ("enrolment", enrolment_schema())):
            path = Path(folder) / f"{name}.schema.json"
            check_output(ws, path)
            path.write_text(json.dumps(s, indent=1) + "\n")
            written.append(path)
    except OSError as e:
        raise OpError(f"{folder}: the schemas could not be written ({e.strerror or e})") from e
    return written
