"""Reading an inspection's sample list from CSV.

The first column is the case reference (header ``reference``); the others are
case details named by field id or label.  Values may be given as the option
value or its label (any case).  Multi-select values are separated by ``;``.
Tick boxes take yes/no, true/false, y/n, 1/0 or blank.  Every row is checked;
any bad row fails the whole file, naming the row number.

The limits of :mod:`models.limits` hold: the file's size, the number of cases
(reading stops at the first row past it, so a huge file is refused at once),
each cell's length and each reference's characters.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from typing import Any

from models.limits import MAX_CASES, MAX_CELL_CHARS, MAX_SAMPLE_BYTES, reference_problem
from models.questionset import CaseField, QuestionSet, text_in


class SampleError(Exception):
    """A sample file that cannot be read; the message says why (and the row)."""


_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


def _column_map(header: list[str], qs: QuestionSet) -> list[CaseField | None]:
    by_key: dict[str, CaseField] = {}
    for f in qs.data.case_fields:
        by_key[f.id.lower()] = f
        by_key[text_in(f.label).lower()] = f
    out: list[CaseField | None] = []
    seen = set()
    for i, name in enumerate(header):
        key = name.strip().lower()
        if i == 0:
            if key not in ("reference", "case reference", "ref"):
                raise SampleError(f"row 1: the first column must be 'reference', not {name!r}")
            out.append(None)
            continue
        found = by_key.get(key)
        if found is None:
            known = ", ".join(x.id for x in qs.data.case_fields)
            raise SampleError(f"row 1: unknown column {name!r} (known case details: {known})")
        if found.id in seen:
            raise SampleError(f"row 1: column {name!r} names {found.id} twice")
        seen.add(found.id)
        out.append(found)
    return out


def _option(f: CaseField, raw: str) -> str:
    key = raw.strip().lower()
    for o in f.options:
        if key in (o.value.lower(), text_in(o.label).lower()):
            return o.value
    raise ValueError(f"{f.id}: {raw!r} is not one of {', '.join(f.option_values())}")


def _convert(f: CaseField, raw: str) -> Any:
    raw = raw.strip()
    if f.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ValueError(f"{f.id}: {raw!r} is not yes or no")
    if raw == "":
        return None
    if f.kind == "choice":
        return _option(f, raw)
    if f.kind == "multi":
        return [_option(f, part) for part in raw.split(";") if part.strip()]
    if f.kind == "number":
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"{f.id}: {raw[:40]!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{f.id}: {raw[:40]!r} is not a finite number")
        if (f.minimum is not None and value < f.minimum) or (f.maximum is not None and value > f.maximum):
            raise ValueError(f"{f.id}: {raw} is outside {f.minimum}-{f.maximum}")
        return int(value) if value.is_integer() else value
    return raw


def _rows(text: str) -> Iterator[list[str]]:
    """The file's non-blank rows, read one at a time; a cell over the limit
    or a broken quote stops the reading with the row's number."""
    n = 0
    try:
        for row in csv.reader(io.StringIO(text)):
            if not any(cell.strip() for cell in row):
                continue
            n += 1
            long = next((cell for cell in row if len(cell) > MAX_CELL_CHARS), None)
            if long is not None:
                raise SampleError(f"row {n}: a cell is {len(long):,} characters long; "
                                  f"at most {MAX_CELL_CHARS:,} are allowed")
            yield row
    except csv.Error as e:
        raise SampleError(f"row {n + 1}: not a readable CSV file ({e})") from e


def parse_sample(data: bytes, qs: QuestionSet, existing: set[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Rows of (reference, details).  Raises SampleError naming the row."""
    if len(data) > MAX_SAMPLE_BYTES:
        raise SampleError(f"the file is too large: a sample list may be at most {MAX_SAMPLE_BYTES // 2**20} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SampleError("the file is not UTF-8 text (save it as CSV UTF-8)") from None
    rows = _rows(text)
    header = next(rows, None)
    if header is None:
        raise SampleError("the file is empty")
    columns = _column_map(header, qs)
    seen = set(existing or ())
    had = len(seen)
    out: list[tuple[str, dict[str, Any]]] = []
    for n, row in enumerate(rows, start=2):
        if had + len(out) >= MAX_CASES:
            raise SampleError(f"row {n}: too many cases; an inspection holds at most {MAX_CASES:,} "
                              f"(it has {had:,} already)")
        if len(row) != len(columns):
            raise SampleError(f"row {n}: has {len(row)} columns; the header has {len(columns)}")
        reference = row[0].strip()
        problem = reference_problem(reference)
        if problem:
            raise SampleError(f"row {n}: {problem}")
        if reference in seen:
            raise SampleError(f"row {n}: case reference {reference!r} is already in the inspection or the file")
        seen.add(reference)
        details: dict[str, Any] = {}
        for f, raw in zip(columns[1:], row[1:], strict=True):
            assert f is not None
            try:
                value = _convert(f, raw)
            except ValueError as e:
                raise SampleError(f"row {n}: {e}") from None
            if value is not None:
                details[f.id] = value
        problems = qs.check_details(details)
        if problems:
            raise SampleError(f"row {n}: {problems[0]}")
        out.append((reference, details))
    if not out:
        raise SampleError("the file has a header but no cases")
    return out
