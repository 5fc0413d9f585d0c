"""Helpers for the question-set workbook tests: a built-in set as a workbook,
edited with openpyxl as a methodology team would, and built back."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from exports.qs_assemble import assemble
from exports.qs_locate import validate_assembled
from exports.qs_xlsx import read_workbook, workbook_bytes
from models.questionset import QuestionSet, builtin_catalog


def IAOW() -> QuestionSet:  # noqa: N802 - the version the edits in the tests were written against
    return builtin_catalog().get("iaow-2013", "1.0.0")


def book_of(qs: QuestionSet, path: Path) -> Path:
    path.write_bytes(workbook_bytes(qs.data.to_json()))
    return path


def build(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    dump, errors = validate_assembled(assemble(read_workbook(path)))
    return dump, [str(e) for e in errors]


def edited(book: Path, tmp_path: Path, change: Callable[[Any], None], name: str = "edited.xlsx") -> Path:
    wb = openpyxl.load_workbook(book)
    change(wb)
    out = tmp_path / name
    wb.save(out)
    return out


def column(ws: Any, header: str) -> int:
    """The 1-based column headed ``header``."""
    return [c.value for c in ws[1]].index(header) + 1


def cell(ws: Any, key: str, col: str, key_column: str = "id") -> Any:
    """The cell of ``col`` in the row whose ``key_column`` is ``key``."""
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index(key_column)].value == key:
            return row[header.index(col)]
    raise KeyError(key)


def source_rows(ws: Any, sheet: str, key: str, part: str | None = None) -> list[int]:
    """The rows of the 'sources' sheet for the item ``key`` of ``sheet`` (and part)."""
    h = [c.value for c in ws[1]]
    return [row[0].row for row in ws.iter_rows(min_row=2) if (row[h.index("sheet")].value, row[h.index("id")].value,
                                                               row[h.index("part")].value) == (sheet, key, part)]


def only_problem(book: Path) -> str:
    dump, errors = build(book)
    assert dump is None and len(errors) == 1, errors
    return errors[0]


# ------------------------------------------------------------------ hostile workbooks
def with_part(book: Path, out: Path, name: str, data: bytes) -> Path:
    """A copy of the workbook with one part (a zip member) replaced."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info.filename))
    return out


def lying_sizes(book: Path, out: Path) -> Path:
    """A copy whose central directory claims every part unpacks to 10 bytes."""
    data = bytearray(book.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, 10)  # uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    out.write_bytes(bytes(data))
    return out


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
          '</sheetData></worksheet>')


def hostile_books(book: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Workbooks made to hurt, each with the words its refusal must contain."""
    sheet = "xl/worksheets/sheet1.xml"
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "not.xlsx").write_text("just text")
    return {
        "not a zip": (tmp_path / "not.xlsx", "not an .xlsx workbook"),
        "malformed XML": (with_part(book, tmp_path / "bad-xml.xlsx", sheet, b"<worksheet><sheetData><row r="),
                          "not a readable .xlsx workbook"),
        "entity expansion": (with_part(book, tmp_path / "laughs.xlsx", sheet, LAUGHS.encode()), "declares a DTD"),
        "DTD in UTF-16": (with_part(book, tmp_path / "laughs16.xlsx", sheet,
                                    LAUGHS.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16")),
                          "declares a DTD"),
        "lying sizes": (lying_sizes(book, tmp_path / "lying.xlsx"), "not an .xlsx workbook"),
        "formula": (edited(book, tmp_path, lambda wb: setattr(wb["settings"]["B2"], "value", "=1+1"), "formula.xlsx"),
                    "holds a formula"),
        "far column": (edited(book, tmp_path, lambda wb: wb["questions"].cell(row=3, column=500, value="x"),
                              "wide.xlsx"), "uses columns up to SF; a question-set sheet has at most 200 columns"),
    }
