"""Reading an inspection's sample list from CSV.

The first column is the case reference (header ``reference``); the others are
case details named by field id or label.  Values may be given as the option
value or its label (any case).  Multi-select values are separated by ``;``.
Tick boxes take yes/no, true/false, y/n, 1/0 or blank.  Rows above the header
starting with ``#`` are notes (the template's column help).  Every row is
checked and every problem listed at once, with its spreadsheet row number, the
column's label and the allowed values in words; any problem fails the whole
file.  :func:`template` writes a file to fill in, derived from the question
set's case fields.

The limits of :mod:`models.limits` hold: the file's size, the number of cases
(reading stops at the first row past it, so a huge file is refused at once),
each cell's length and each reference's characters.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from models.limits import MAX_CASES, MAX_CELL_CHARS, MAX_SAMPLE_BYTES, reference_problem
from models.questionset import CaseField, QuestionSet, text_in


class SampleError(Exception):
    """A sample file that cannot be read: every problem found, each naming its
    row and column, in :attr:`problems`; the message lists them all."""

    def __init__(self, problems: str | list[str], *, note: str = "", where: str = "") -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.note = note
        if len(self.problems) == 1:
            text = self.problems[0]
        else:
            text = f"{len(self.problems)} problems:\n" + "\n".join(f"  {p}" for p in self.problems)
        sep = ". " if len(self.problems) == 1 else "\n"
        super().__init__((f"{where}: " if where else "") + text + (sep + note if note else ""))


@dataclass(frozen=True)
class Sample:
    """A sample file read: the cases to add, and the references skipped
    because the inspection already holds them (with ``skip_existing``)."""

    rows: list[tuple[str, dict[str, Any]]]
    skipped: list[str]


_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}
_REFERENCE = ("reference", "case reference", "ref")
MAX_PROBLEMS = 1_000  # listed at once; a file with more is mostly wrong, and the list says where it stopped
COMMENT = "#"  # rows above the header starting with this are notes (the template's column help)


def _label(f: CaseField) -> str:
    return text_in(f.label)


def _column_map(header: list[str], qs: QuestionSet) -> list[CaseField | None]:
    """The case field of each column; SampleError listing every bad column."""
    by_key: dict[str, CaseField] = {}
    for f in qs.data.case_fields:
        by_key[f.id.lower()] = f
        by_key[_label(f).lower()] = f
    out: list[CaseField | None] = []
    seen: dict[str, str] = {}
    problems = []
    for i, name in enumerate(header):
        key = name.strip().lower()
        if i == 0:
            if key not in _REFERENCE:
                problems.append(f"row 1, column 1: the first column must be 'reference', not {name!r}")
            out.append(None)
            continue
        found = by_key.get(key)
        if found is None:
            problems.append(f"row 1, column {i + 1}: unknown column {name!r}")
        elif found.id in seen:
            problems.append(f"row 1, column {i + 1}: {name!r} is {_label(found)} again (already column {seen[found.id]})")
        else:
            seen[found.id] = str(i + 1)
        out.append(found)
    if problems:
        known = ", ".join(_label(f) for f in qs.data.case_fields)
        raise SampleError(problems, note=f"The columns are: reference, then any of: {known}.")
    return out


def _option(f: CaseField, raw: str) -> str:
    key = raw.strip().lower()
    for o in f.options:
        if key in (o.value.lower(), text_in(o.label).lower()):
            return o.value
    raise ValueError(f"{raw.strip()!r} is not one of: {', '.join(text_in(o.label) for o in f.options)}")


def _number(f: CaseField, raw: str) -> int | float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{raw[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{raw[:40]!r} is not a finite number")
    if (f.minimum is not None and value < f.minimum) or (f.maximum is not None and value > f.maximum):
        raise ValueError(f"{raw} is outside {_range(f)}")
    return int(value) if value.is_integer() else value


def _range(f: CaseField) -> str:
    def num(x: float) -> str:
        return f"{x:g}"

    if f.minimum is not None and f.maximum is not None:
        return f"{num(f.minimum)} to {num(f.maximum)}"
    if f.minimum is not None:
        return f"{num(f.minimum)} or more"
    return f"{num(f.maximum)} or less" if f.maximum is not None else "any number"


def _convert(f: CaseField, raw: str) -> Any:
    raw = raw.strip()
    if f.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ValueError(f"{raw!r} is not yes or no")
    if raw == "":
        return None
    if f.kind == "choice":
        return _option(f, raw)
    if f.kind == "multi":
        return [_option(f, part) for part in raw.split(";") if part.strip()]
    if f.kind == "number":
        return _number(f, raw)
    return raw


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, cells) of the file's non-blank rows, read one
    at a time; a cell over the limit or a broken quote stops the reading."""
    n = 0
    try:
        for row in csv.reader(io.StringIO(text)):
            n += 1
            if not any(cell.strip() for cell in row):
                continue
            long = next((cell for cell in row if len(cell) > MAX_CELL_CHARS), None)
            if long is not None:
                raise SampleError(f"row {n}: a cell is {len(long):,} characters long; "
                                  f"at most {MAX_CELL_CHARS:,} are allowed")
            yield n, row
    except csv.Error as e:
        raise SampleError(f"row {n + 1}: not a readable CSV file ({e})") from e


def _header(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The first row that is not a note (``#`` ...)."""
    for n, row in rows:
        if not row[0].lstrip().startswith(COMMENT):
            return n, row
    raise SampleError("the file is empty (it has no header row)")


def _details(n: int, row: list[str], columns: list[CaseField | None], qs: QuestionSet,
             problems: list[str]) -> dict[str, Any]:
    """One row's case details; each bad cell adds a problem naming row and column."""
    details: dict[str, Any] = {}
    for f, raw in zip(columns[1:], row[1:], strict=True):
        assert f is not None
        try:
            value = _convert(f, raw)
        except ValueError as e:
            problems.append(f"row {n}, {_label(f)}: {e}")
            continue
        if value is not None and value != []:
            details[f.id] = value
    given = {f.id for f in columns[1:] if f is not None}
    for f in qs.data.case_fields:
        if f.required and details.get(f.id) in (None, "", []) and not any(
                p.startswith(f"row {n}, {_label(f)}:") for p in problems):
            problems.append(f"row {n}, {_label(f)}: required" + ("" if f.id in given else " (add the column)"))
    problems.extend(f"row {n}: {p}" for p in qs.check_details(details) if not p.endswith(": required"))
    return details


def read_sample(data: bytes, qs: QuestionSet, existing: set[str] | None = None, *,
                skip_existing: bool = False) -> Sample:
    """The cases of a sample file.  Every problem is found before SampleError
    lists them all (the size, encoding and case-count limits, a cell over the
    limit and a broken quote stop the reading at once).  ``skip_existing``
    passes over references the inspection already holds instead of refusing."""
    if len(data) > MAX_SAMPLE_BYTES:
        raise SampleError(f"the file is too large: a sample list may be at most {MAX_SAMPLE_BYTES // 2**20} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SampleError("the file is not UTF-8 text (save it as CSV UTF-8)") from None
    rows = _rows(text)
    _n, header = _header(rows)
    columns = _column_map(header, qs)
    existing = set(existing or ())
    in_file: dict[str, int] = {}
    problems: list[str] = []
    out: list[tuple[str, dict[str, Any]]] = []
    skipped: list[str] = []
    taken = 0  # rows that would become cases, bad ones included: the limit counts them all
    for n, row in rows:
        if len(problems) >= MAX_PROBLEMS:
            raise SampleError([*problems, f"row {n} and after: not checked (over {MAX_PROBLEMS:,} problems already)"])
        if len(existing) + taken >= MAX_CASES:
            raise SampleError([*problems, f"row {n}: too many cases; an inspection holds at most {MAX_CASES:,} "
                                          f"(it has {len(existing):,} already)"])
        if len(row) != len(columns):
            problems.append(f"row {n}: has {len(row)} columns; the header has {len(columns)}")
            continue
        reference = row[0].strip()
        problem = reference_problem(reference)
        if problem:
            problems.append(f"row {n}: {problem}")
        elif reference in in_file:
            problems.append(f"row {n}, reference: {reference!r} is in the file twice (row {in_file[reference]})")
        elif reference in existing and not skip_existing:
            problems.append(f"row {n}, reference: {reference!r} is already in the inspection "
                            "(skip existing cases to import the others)")
        in_file.setdefault(reference, n)
        details = _details(n, row, columns, qs, problems)
        if reference in existing and skip_existing:
            skipped.append(reference)
            continue
        taken += 1
        if not problems:
            out.append((reference, details))
    if problems:
        raise SampleError(problems)
    if not out and not skipped:
        raise SampleError("the file has a header but no cases")
    return Sample(out, skipped)


def parse_sample(data: bytes, qs: QuestionSet, existing: set[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Rows of (reference, details); SampleError lists every problem."""
    return read_sample(data, qs, existing).rows


def describe_field(f: CaseField) -> str:
    """What a column takes, in words (the template's column help)."""
    if f.kind == "choice":
        what = "one of: " + ", ".join(text_in(o.label) for o in f.options)
    elif f.kind == "multi":
        what = "any of: " + ", ".join(text_in(o.label) for o in f.options) + " (separate several with ;)"
    elif f.kind == "bool":
        what = "yes or no (blank is no)"
    elif f.kind == "number":
        what = f"a number, {_range(f)}"
    else:
        what = "text"
    extra = f" ({text_in(f.help)})" if f.help else ""
    return f"{_label(f)}{' (required)' if f.required else ''}: {what}{extra}"


def template(qs: QuestionSet) -> bytes:
    """A sample-list template for the question set: notes on every column
    (rows starting with #, which the reader skips above the header), then the
    header, by label, ready for one case per row."""
    from exports.tables import to_csv  # every CSV the app writes goes through it (formula-safe cells)

    notes = [[f"{COMMENT} Sample list for {qs.title()} ({qs.id} {qs.version}). Rows starting with # are notes and "
              "are skipped. One case per row under the header; values by their label or code, any case."],
             [f"{COMMENT} reference (required): the case reference, unique in the inspection"],
             *([f"{COMMENT} {describe_field(f)}"] for f in qs.data.case_fields)]
    return to_csv(notes[0], [*notes[1:], ["reference", *(_label(f) for f in qs.data.case_fields)]])
