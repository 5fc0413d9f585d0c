"""Printing results: aligned tables, JSON and CSV (CSV cells injection-safe)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any, TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    cells = [[str(c) for c in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, indent=1, ensure_ascii=False)
    out.write("\n")


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v


def _csv_cell(v: Any) -> Any:
    v = "" if v is None else _flat(v)
    if isinstance(v, str) and v.startswith(_FORMULA_START) and not _is_number(v):
        return "'" + v
    return v


# A plain decimal number (as the tables print a negative figure): left as it is.
# Anything else float() accepts ("\t1", "-inf", "1_0") is not, and is neutralised.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def _is_number(text: str) -> bool:
    return _PLAIN_NUMBER.fullmatch(text) is not None


def emit(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Rows of dicts as a table, JSON or CSV."""
    if fmt == "json":
        write_json(rows, out)
        return
    if not rows:
        out.write("(nothing to show)\n")
        return
    header = list(rows[0].keys())
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        for r in rows:
            w.writerow([_csv_cell(r[k]) for k in header])
        out.write(buf.getvalue())
        return
    out.write(table([[_flat(r[k]) for k in header] for r in rows], header) + "\n")
