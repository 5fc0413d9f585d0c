"""The analysis export: every answer of an inspection, one row per case,
reading and question (long) or per case and reading (wide), with a codebook.

Rows are built one reading at a time from an iterator, and written straight
to the file (:mod:`exports.tables` streams CSV and constant-memory XLSX), so
an export of thousands of cases keeps memory flat.  ``docs/export-format.md``
describes every column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from exports.codebook import FIXED_LONG, FIXED_WIDE, codebook_rows, codebook_sheet
from exports.tables import Cell, Sheet, write_csv, write_xlsx
from models.conditions import applicability_fast
from models.qs_common import text_in
from models.qs_runtime import CaseField, Option
from models.questionset import QuestionSet, QuestionView
from storage.readings import Reading

__all__ = ["ExportOptions", "long_rows", "wide_rows", "write_export", "codebook_path", "value_label"]

NA = "na"
NA_LABEL = "N/A"
Shape = Literal["long", "wide"]


@dataclass(frozen=True)
class ExportOptions:
    fmt: Literal["csv", "xlsx"] = "csv"
    shape: Shape = "long"
    labels: bool = False  # case details as labels (long), answers as labels (wide)


def _label(options: Sequence[Option], value: str) -> str:
    if value == NA:
        return NA_LABEL
    for o in options:
        if o.value == value:
            return text_in(o.label)
    return value


def value_label(options: Sequence[Option], value: Any) -> str:
    """The label of a stored value ("; " between the labels of a multi-select)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_label(options, str(v)) for v in value)
    return _label(options, str(value))


def _code(value: Any) -> str:
    if value is None:
        return ""
    return "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)


def _detail(f: CaseField, value: Any, labels: bool) -> Cell:
    if value is None or value == "" or value == []:
        return None
    if f.kind == "bool":
        return bool(value)
    if f.kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if f.kind in ("choice", "multi"):
        return value_label(f.options, value) if labels else _code(value)
    return str(value)


def _case_cells(qs: QuestionSet, inspection: str, r: Reading, labels: bool) -> list[Cell]:
    a = r.assessment
    details = [_detail(f, r.case.details.get(f.id), labels) for f in qs.data.case_fields]
    state = (r.review or a.status).replace("_", " ") if a else "not started"
    return [inspection, r.case.reference, r.case.id, *details, a.assessor if a else None, a.kind if a else None,
            state, r.scored]


def _above(qv: QuestionView, value: Any) -> bool | None:
    if not isinstance(value, str) or value == NA or qv.scale.kind != "single":
        return None
    return value in qv.scale.above_values


def _factors(qs: QuestionSet, qv: QuestionView, values: dict[str, Any]) -> list[Option]:
    """The factors a per-factor question is asked for: those chosen at its
    source question, and any answered, in the source scale's order."""
    src = qs.by_id[str(qv.q.per_option_of)]
    chosen = values.get(src.id)
    wanted = set(chosen if isinstance(chosen, list) else []) | set(values.get(qv.id) or {})
    return [o for o in src.scale.options if o.value in wanted]


def _question_rows(qs: QuestionSet, qv: QuestionView, r: Reading, values: dict[str, Any],
                   applies: bool) -> Iterator[list[Cell]]:
    """[question, criterion, factor, value, label, above, applicable, N/A, note, practice] rows of one question."""
    ans = r.answers.get(qv.id)
    note, practice = (ans.note or None, ans.practice) if ans else (None, False)
    value = values.get(qv.id)
    base = [qv.id, qv.criterion.code]
    factors = _factors(qs, qv, values) if qv.q.per_option_of is not None and value != NA else []
    for o in factors:
        v = value.get(o.value) if isinstance(value, dict) else None
        yield [*base, o.value, v, value_label(qv.scale.options, v), _above(qv, v) if applies else None,
               applies, v == NA, note, practice]
    if not factors:
        yield [*base, None, _code(value) or None, value_label(qv.scale.options, value) or None,
               _above(qv, value) if applies else None, applies, value == NA, note, practice]


def long_rows(qs: QuestionSet, inspection: str, readings: Iterable[Reading], labels: bool = False) -> Iterator[list[Cell]]:
    """One row per case, reading and question (per factor for a per-factor question)."""
    for r in readings:
        head = _case_cells(qs, inspection, r, labels)
        values = {qid: a.value for qid, a in r.answers.items() if a.value is not None}
        tri = applicability_fast(qs, r.case.details, values)
        for qv in qs.questions:
            for row in _question_rows(qs, qv, r, values, tri.get(qv.id) is True):
                yield head + row


def wide_columns(qs: QuestionSet) -> list[tuple[QuestionView, Option | None]]:
    """One column per question, per factor for a per-factor question."""
    out: list[tuple[QuestionView, Option | None]] = []
    for qv in qs.questions:
        if qv.q.per_option_of is None:
            out.append((qv, None))
        else:
            out.extend((qv, o) for o in qs.by_id[qv.q.per_option_of].scale.options)
    return out


def wide_header(qs: QuestionSet) -> list[str]:
    fixed = [c for c, _ in FIXED_WIDE]
    fields = [f.id for f in qs.data.case_fields]
    return fixed[:3] + fields + fixed[3:] + [qv.id if o is None else f"{qv.id}[{o.value}]" for qv, o in wide_columns(qs)]


def wide_rows(qs: QuestionSet, inspection: str, readings: Iterable[Reading], labels: bool = False) -> Iterator[list[Cell]]:
    """One row per case and reading: a column per question holding the code (or label)."""
    cols = wide_columns(qs)
    for r in readings:
        row = _case_cells(qs, inspection, r, labels)
        for qv, o in cols:
            ans = r.answers.get(qv.id)
            v = ans.value if ans else None
            if o is not None:
                v = v.get(o.value) if isinstance(v, dict) else v if v == NA else None
            row.append((value_label(qv.scale.options, v) if labels else _code(v)) or None)
        yield row


def long_header(qs: QuestionSet) -> list[str]:
    fixed = [c for c, _ in FIXED_LONG]
    return fixed[:3] + [f.id for f in qs.data.case_fields] + fixed[3:]


def codebook_path(path: Path) -> Path:
    """Where a CSV export's codebook goes: beside it, ``NAME.codebook.csv``."""
    return path.with_name(f"{path.stem}.codebook.csv")


def _widths(header: Sequence[str]) -> list[int]:
    wide = {"inspection": 24, "case_reference": 16, "case_id": 12, "note": 40, "label": 24, "value": 14}
    return [wide.get(h, len(h) + 3) for h in header]


def write_export(path: Path, qs: QuestionSet, inspection: str, readings: Iterable[Reading], opts: ExportOptions,
                 about: Sequence[tuple[str, Cell]] = ()) -> list[Path]:
    """Write the export (and, for CSV, its codebook beside it); the files written."""
    if opts.shape == "long":
        header, rows = long_header(qs), long_rows(qs, inspection, readings, opts.labels)
    else:
        header, rows = wide_header(qs), wide_rows(qs, inspection, readings, opts.labels)
    book = codebook_sheet(qs, opts.shape)
    if opts.fmt == "xlsx":
        write_xlsx(path, [Sheet("Data", header, rows, _widths(header)), book,
                          Sheet("About", ["item", "value"], list(about), [24, 60])])
        return [path]
    write_csv(path, header, rows)
    write_csv(codebook_path(path), book.header, codebook_rows(qs, opts.shape))
    return [path, codebook_path(path)]
