"""Writing a table as CSV or XLSX (Office Open XML, written directly: no
spreadsheet library needed).  Both are written atomically.

Numbers stay numbers (numeric cells); text that a spreadsheet could take for a
formula stays text (an apostrophe before it in CSV, a string cell in XLSX).
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from exports.files import atomic_write

Cell = str | int | float | None
"""A table cell.  An int or float is written as a number (a numeric XLSX cell,
a bare CSV value); text as text; None as an empty cell."""

# A spreadsheet may read text that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry (a worksheet holding one will not open): left out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile("_x[0-9A-Fa-f]{4}_")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _number(value: Cell) -> str | None:
    """The number as written (shortest exact form), or None for text, None,
    a bool, NaN or infinity (which are written as text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return repr(value)


def _text(value: Cell) -> str:
    return "" if value is None else str(value)


def csv_value(value: Cell) -> str:
    """What a CSV file holds for a cell: text that a spreadsheet would take for
    a formula gets a leading apostrophe, so it stays text."""
    number = _number(value)
    if number is not None:
        return number
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([csv_value(c) for c in header])
    for r in rows:
        w.writerow([csv_value(c) for c in r])
    return buf.getvalue().encode("utf-8-sig", "replace")  # "replace": a lone surrogate becomes "?"


def _col(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _cell(ref: str, value: Cell) -> str:
    """One worksheet cell: numeric, or an inline string (never a formula)."""
    number = _number(value)
    if number is not None:
        return f'<c r="{ref}"><v>{number}</v></c>'
    text = _NOT_XML.sub("", _text(value))
    if not text:
        return ""
    # Excel reads _xHHHH_ as an escaped character: a literal one is escaped in turn
    text = _EXCEL_ESCAPE.sub(r"_x005F\g<0>", text)
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text, {chr(13): "&#13;"})}</t></is></c>'


def sheet_name(name: str) -> str:
    """A name Excel accepts for a worksheet: at most 31 characters, none of []:*?/\\."""
    cleaned = _NOT_IN_SHEET_NAME.sub("_", _NOT_XML.sub("", name)).strip("'")[:31]
    return cleaned or "Sheet1"


def to_xlsx(header: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str = "Sheet1") -> bytes:
    lines = []
    table: list[Sequence[Cell]] = [header, *rows]
    for r, values in enumerate(table, start=1):
        cells = "".join(_cell(f"{_col(c)}{r}", v) for c, v in enumerate(values))
        lines.append(f'<row r="{r}">{cells}</row>')
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 f'<sheetData>{"".join(lines)}</sheetData></worksheet>')
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet_name(sheet), {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            z.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str = "Sheet1") -> None:
    """Write an .xlsx file (by the name's suffix) or else CSV (UTF-8 with a
    byte-order mark, for Excel), atomically.  See :data:`Cell`."""
    path = Path(path)
    data = to_xlsx(header, rows, sheet) if path.suffix.lower() == ".xlsx" else to_csv(header, rows)
    atomic_write(path, data)
