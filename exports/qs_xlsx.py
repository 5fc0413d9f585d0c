"""Question-set workbooks (.xlsx) read and written with openpyxl.

Reading is bounded: the file's size, the unpacked size and count of the
parts inside it (a zip bomb is refused before any XML is parsed), the rows
and columns of each sheet and the length of each cell; the workbook is read
in read-only (streaming) mode and a cell holding a formula is refused.
Writing puts every text in a text cell, never a formula, whatever it
starts with.  The layout is :mod:`exports.qs_layout`."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from typing import Any

from exports.qs_cells import CellError, RawSheet, column_letter
from exports.qs_layout import DROPDOWNS, NUMBER_COLUMNS, REF_DROPDOWNS, SPECS, WIDE_COLUMNS, Table, to_tables
from models.qs_common import QuestionSetError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 500
MAX_ROWS = 20_000  # per sheet
MAX_COLUMNS = 200
MAX_CELL_CHARS = 20_000


class WorkbookError(QuestionSetError):
    """A workbook that cannot be read or written; the message says why. Nothing was changed."""


class WorkbookProblems(QuestionSetError):
    """A workbook that was read but does not make a valid set: every problem, placed."""

    def __init__(self, path: Path, errors: list[CellError]) -> None:
        self.errors = errors
        shown = errors[:50]
        more = f"\n  ... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        super().__init__(f"{path}: {len(errors)} problem(s), nothing was written:\n"
                         + "\n".join(f"  {e}" for e in shown) + more)


_DTD = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 20


def _check_zip(path: Path, data: bytes) -> None:
    """Refuse, before openpyxl parses anything, a file too large, a zip bomb
    (the sizes the zip declares; zipfile stops at them and checks each part's
    CRC), and any part with a DTD (entity tricks; a workbook never has one)."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; not a question-set workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
                raise WorkbookError(f"{path}: unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB or "
                                    f"{MAX_PARTS} parts; refused (a question set is far smaller)")
            for part in parts:
                if _has_dtd(z, part):
                    raise WorkbookError(f"{path}: the part {part.filename} declares a DTD, which no workbook saved "
                                        "by Excel or LibreOffice has; refused. Save the workbook again from "
                                        "Excel or LibreOffice.")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        raise WorkbookError(f"{path}: not an .xlsx workbook ({e}); save it from Excel or LibreOffice as "
                            "'Excel 2007-365 (.xlsx)'") from None


def _has_dtd(z: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether the part holds a DOCTYPE (in UTF-8 or UTF-16), read in bounded chunks."""
    tail = b""
    with z.open(part) as f:
        while chunk := f.read(_CHUNK):
            window = tail + chunk
            if any(d in window for d in _DTD):
                return True
            tail = window[-32:]
    return False


def column_name(col: int, header: list[str]) -> str:
    """A column as a spreadsheet shows it, with its header when it has one: C ('stem')."""
    head = header[col - 1] if col <= len(header) and header[col - 1] else ""
    return column_letter(col) + (f" ('{head}')" if head else "")


def _cell_value(sheet: RawSheet, row: int, col: int, cell: Any) -> Any:
    if getattr(cell, "data_type", None) == "f":
        raise WorkbookError(f"sheet '{sheet.name}', row {row}, column {column_name(col, sheet.header)}: holds a "
                            "formula; type the value itself (nothing was read or written)")
    value = cell.value
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise WorkbookError(f"sheet '{sheet.name}', row {row}, column {column_name(col, sheet.header)}: longer "
                            f"than {MAX_CELL_CHARS} characters; shorten it")
    return value


def _read_sheet(name: str, ws: Any) -> RawSheet:
    """The sheet's header and rows.  Bounded whatever the file declares: rows
    are read up to the one after the last allowed, cells up to the column
    after the last allowed, and a value found there refuses the workbook."""
    sheet = RawSheet(name, [])
    declared = ws.max_column  # from the sheet's <dimension>, when it has one
    if declared is not None and declared > MAX_COLUMNS:
        raise WorkbookError(f"sheet '{name}': uses columns up to {column_letter(declared)}; a question-set sheet has "
                            f"at most {MAX_COLUMNS} columns: delete the columns after the last one you use")
    for r, cells in enumerate(ws.iter_rows(max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS + 1), start=1):
        values = [_cell_value(sheet, r, c, cell) for c, cell in enumerate(cells, start=1)]
        while values and values[-1] in (None, ""):
            values.pop()
        if values and r > MAX_ROWS + 1:
            raise WorkbookError(f"sheet '{name}': more than {MAX_ROWS} rows; a question set is far smaller "
                                "(move notes to a sheet of their own)")
        if len(values) > MAX_COLUMNS:
            raise WorkbookError(f"sheet '{name}', row {r}: more than {MAX_COLUMNS} columns; delete the extra ones")
        if r == 1:
            sheet.header = [str(v).strip() if v is not None else "" for v in values]
        elif values:
            sheet.rows.append((r, values))
    return sheet


def read_workbook(path: Path) -> dict[str, RawSheet]:
    """The workbook's known sheets (by lower-case name), or WorkbookError."""
    from openpyxl import load_workbook  # only when a workbook is read

    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise WorkbookError(f"{path}: cannot be read ({e.strerror or e})") from e
    _check_zip(path, data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                return {ws.title.strip().lower(): _read_sheet(ws.title.strip().lower(), ws)
                        for ws in wb.worksheets if ws.title.strip().lower() in SPECS}
            finally:
                wb.close()
    except WorkbookError:
        raise
    except Exception as e:  # noqa: BLE001 - a damaged or odd file: refused with a message, never a traceback
        raise WorkbookError(f"{path}: not a readable .xlsx workbook ({type(e).__name__}: {e}); open it in Excel "
                            "or LibreOffice and save it again as .xlsx") from None


SPARE_ROWS = 500  # rows below the last that keep the drop-down lists, for new rows
_HEADER_FILL = "D9E2F3"  # a pale blue: the header row reads as one, printed or on screen


def _widths(ws: Any, t: Table) -> None:
    """Texts wide and wrapped; other columns as wide as their longest value
    (10 to 40 characters).  Every column but a number column is formatted as
    text, so a code typed in a new row (1.10, 2013-04-01) stays as typed."""
    from openpyxl.styles import Alignment

    for i, head in enumerate(t.header):
        letter = column_letter(i + 1)
        dim = ws.column_dimensions[letter]
        if head not in NUMBER_COLUMNS:
            dim.number_format = "@"
        if "::" in head or head in WIDE_COLUMNS:
            dim.width = 60
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            continue
        longest = max((len(str(r[i])) for r in t.rows if i < len(r) and r[i] is not None), default=0)
        dim.width = max(10, min(40, max(len(head), longest) + 3))


def _dropdowns(ws: Any, t: Table) -> None:
    """Fixed lists (yes/no, kinds, stages) and lists of ids from other sheets
    (scales, criteria, stems, groups) offered in each column; a value typed
    that is not listed is still taken (build reports it), nothing is blocked."""
    from openpyxl.worksheet.datavalidation import DataValidation

    last = max(len(t.rows) + 1, 2) + SPARE_ROWS
    for i, head in enumerate(t.header):
        options, ref = DROPDOWNS.get((t.name, head)), REF_DROPDOWNS.get((t.name, head))
        if options:
            formula = '"' + ",".join(options) + '"'
        elif ref:
            col = column_letter(SPECS[ref[0]].columns.index(ref[1]) + 1)
            formula = f"{ref[0]}!${col}$2:${col}${SPARE_ROWS * 4}"
        else:
            continue
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
        letter = column_letter(i + 1)
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)


def _write_table(wb: Any, t: Table) -> None:
    from openpyxl.styles import Font, PatternFill

    ws = wb.create_sheet(t.name)
    ws.append(t.header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for cells in t.rows:
        ws.append(cells)
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                cell.number_format = "@"
    _widths(ws, t)
    ws.freeze_panes = "B2"  # the header row and the id column stay in view
    ws.auto_filter.ref = f"A1:{column_letter(max(len(t.header), 1))}{len(t.rows) + 1}"
    _dropdowns(ws, t)


def workbook_bytes(dump: dict[str, Any]) -> bytes:
    """The workbook of a set (its normalised dump), as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        tables = to_tables(dump)
    except ValueError as e:
        raise WorkbookError(f"this set cannot be written as a workbook: {e}") from None
    wb = Workbook()
    wb.remove(wb.active)
    try:
        for t in tables:
            _write_table(wb, t)
    except IllegalCharacterError as e:
        raise WorkbookError(f"a text of this set holds a control character a workbook cannot store ({e})") from None
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
