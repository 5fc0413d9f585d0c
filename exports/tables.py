"""Writing tables as CSV or XLSX, streamed and atomic.

XLSX is written with XlsxWriter in constant-memory mode (each row goes to disk
as it is written, so a large export keeps memory flat): several sheets, typed
cells, column widths, a bold frozen header row and an autofilter.

Numbers stay numbers (numeric cells), booleans are boolean cells (``true`` /
``false`` in CSV), a :class:`Percent` is a number shown as a percentage; text
that a spreadsheet could take for a formula stays text (an apostrophe before
it in CSV; in XLSX every text cell is written as a string, never a formula).
"""

from __future__ import annotations

import csv
import math
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports.files import WriteError, atomic_output

__all__ = ["Cell", "Percent", "Sheet", "FORMULA_START", "csv_value", "sheet_name", "to_csv", "to_xlsx",
           "write_csv", "write_xlsx", "write_table"]


class Percent(float):
    """A proportion (0.79) shown as a percentage (79%) in XLSX; the proportion itself in CSV."""

    __slots__ = ()


Cell = str | int | float | bool | None
"""A table cell.  An int or float is written as a number (a numeric XLSX cell,
a bare CSV value), a bool as a boolean, text as text, None as an empty cell."""

# A spreadsheet may read text that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry (a worksheet holding one will not open): left out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 60


@dataclass
class Sheet:
    """One worksheet: its name, header, rows (any iterable: read once, as written)
    and, optionally, a width per column in characters (otherwise from the header)."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]
    widths: Sequence[int] | None = None


def _number(value: Cell) -> str | None:
    """The number as written (shortest exact form), or None for text, None,
    a bool, NaN or infinity (which are written as text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return repr(float(value)) if isinstance(value, Percent) else repr(value)


def _text(value: Cell) -> str:
    return "" if value is None else str(value)


def csv_value(value: Cell) -> str:
    """What a CSV file holds for a cell: text that a spreadsheet would take for
    a formula gets a leading apostrophe, so it stays text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    number = _number(value)
    if number is not None:
        return number
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def sheet_name(name: str) -> str:
    """A name Excel accepts for a worksheet: at most 31 characters, none of []:*?/\\."""
    cleaned = _NOT_IN_SHEET_NAME.sub("_", _NOT_XML.sub("", name)).strip("'")[:31]
    return cleaned or "Sheet1"


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------


_STARTS = frozenset(FORMULA_START)


def _csv_rows(f: Any, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """The rows through :func:`csv_value`, with a fast path for the common
    cells (text, None, int, bool: written as :func:`csv_value` would)."""
    w = csv.writer(f)
    w.writerow([csv_value(c) for c in header])
    conv, starts, fast = csv_value, _STARTS, {True: "true", False: "false", None: ""}
    for r in rows:
        w.writerow([(("'" + c) if c[:1] in starts else c) if type(c) is str
                    else fast[c] if c is None or type(c) is bool else c if type(c) is int else conv(c) for c in r])


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """CSV (UTF-8 with a byte-order mark, for Excel), streamed into a temporary
    file and renamed into place.  A lone surrogate becomes "?"."""
    with atomic_output(Path(path)) as tmp, open(tmp, "w", encoding="utf-8-sig", errors="replace", newline="") as f:
        _csv_rows(f, header, rows)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.csv"
        write_csv(path, header, rows)
        return path.read_bytes()


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------


def _fits(value: int | float) -> bool:
    """XlsxWriter writes 16 significant digits: a number so near the largest
    double that rounding would overflow to infinity is written as text instead."""
    return abs(value) < 1e308 or math.isfinite(float(f"{value:.16G}"))


class _Writer:
    """Typed cells into one XlsxWriter worksheet (never ``write()``, which would
    take text starting with "=" for a formula)."""

    def __init__(self, book: Any, ws: Any) -> None:
        self.ws = ws
        self.pct = book.add_format({"num_format": "0%"})
        self.bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})

    def header(self, header: Sequence[str], widths: Sequence[int] | None) -> None:
        for c, name in enumerate(header):
            width = widths[c] if widths and c < len(widths) else len(name) + 2
            self.ws.set_column(c, c, min(max(width, 8), MAX_WIDTH))
            self.ws.write_string(0, c, _NOT_XML.sub("", name), self.bold)
        self.ws.freeze_panes(1, 0)

    def row(self, r: int, values: Sequence[Cell]) -> None:
        ws = self.ws
        for c, v in enumerate(values):
            if v is None or v == "":
                continue
            if isinstance(v, bool):
                ws.write_boolean(r, c, v)
            elif isinstance(v, int | float) and _number(v) is not None and _fits(v):
                ws.write_number(r, c, v, self.pct if isinstance(v, Percent) else None)
            else:
                ws.write_string(r, c, _NOT_XML.sub("", str(v)))


def _sheet(book: Any, sheet: Sheet, used: set[str]) -> None:
    name = sheet_name(sheet.name)
    n = 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = sheet_name(sheet.name)[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    w = _Writer(book, book.add_worksheet(name))
    w.header(sheet.header, sheet.widths)
    last = 0
    for last, values in enumerate(sheet.rows, start=1):
        w.row(last, values)
    if sheet.header:
        w.ws.autofilter(0, 0, last, len(sheet.header) - 1)


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """An .xlsx workbook of ``sheets``, streamed (constant memory) into a
    temporary file and renamed into place."""
    import xlsxwriter
    from xlsxwriter.exceptions import XlsxWriterException

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    with atomic_output(Path(path)) as tmp:
        book = xlsxwriter.Workbook(str(tmp), options)
        try:
            used: set[str] = set()
            for sheet in sheets:
                _sheet(book, sheet, used)
        finally:
            try:
                book.close()
            except XlsxWriterException as e:
                raise WriteError(f"{path}: could not be written ({e}). Nothing was changed.") from e


def to_xlsx(header: Sequence[str], rows: Iterable[Sequence[Cell]], sheet: str = "Sheet1") -> bytes:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.xlsx"
        write_xlsx(path, [Sheet(sheet, header, rows)])
        return path.read_bytes()


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]], sheet: str = "Sheet1") -> None:
    """Write an .xlsx file (by the name's suffix) or else CSV, atomically.  See :data:`Cell`."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, [Sheet(sheet, header, rows)])
    else:
        write_csv(path, header, rows)
