"""Reading the cells of a question-set workbook: one converter per kind of
cell, each reporting a :class:`CellError` (sheet, row, column, what is wrong,
what to do) instead of raising, so that every problem is listed at once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from exports.qs_layout import LANG_COLUMN, SPECS, SheetSpec, text_header


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int | None  # the spreadsheet's row number (the header is row 1)
    column: str | None
    problem: str
    todo: str = ""

    def __str__(self) -> str:
        where = f"sheet '{self.sheet}'" + (f", row {self.row}" if self.row else "") + \
            (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.problem}" + (f"; {self.todo}" if self.todo else "")


@dataclass
class RawSheet:
    """A sheet as read: row 1 is the header, then (row number, values)."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


@dataclass
class Row:
    sheet: str
    number: int
    cells: dict[str, Any]  # column header -> value (non-empty cells only)
    texts: dict[str, dict[str, Any]]  # text base -> {language: value}


class Cells:
    """Converters that collect errors; each returns None for a bad or empty cell."""

    def __init__(self) -> None:
        self.errors: list[CellError] = []
        self.broken: set[str] = set()  # sheets missing or with a wrong header: their rows are not read

    def error(self, row: Row | None, sheet: str, column: str | None, problem: str, todo: str = "") -> None:
        self.errors.append(CellError(sheet, row.number if row else None, column, problem, todo))

    def columns(self, sheet: RawSheet, spec: SheetSpec) -> tuple[dict[str, int], dict[str, dict[str, int]]] | None:
        """The sheet's plain and text columns by position, or None (errors noted)."""
        plain: dict[str, int] = {}
        texts: dict[str, dict[str, int]] = {}
        ok = True
        for i, head in enumerate(sheet.header):
            if not head:
                if any(i < len(vals) and _filled(vals[i]) for _, vals in sheet.rows):
                    self.error(None, sheet.name, column_letter(i + 1), "values under a column with no header",
                               "give the column a header or clear it")
                    ok = False
                continue
            m = LANG_COLUMN.match(head)
            if m and m["base"] in spec.texts:
                lang = m["code"] or m["bare"]
                if lang in texts.setdefault(m["base"], {}):
                    self.error(None, sheet.name, head, f"a second column for {m['base']} in '{lang}'",
                               "keep one column per language")
                    ok = False
                texts[m["base"]][lang] = i
            elif head in spec.columns:
                if head in plain:
                    self.error(None, sheet.name, head, "the column appears twice", "keep one of them")
                    ok = False
                plain[head] = i
            else:
                known = list(spec.columns) + [f"{b}::<Language> (<code>)" for b in spec.texts]
                self.error(None, sheet.name, head, "unknown column", "the columns of this sheet are: "
                           + ", ".join(known) + " (see docs/question-sets.md)")
                ok = False
        for need in spec.required:
            if need not in plain:
                self.error(None, sheet.name, need, "the column is missing", f"add a column headed '{need}'")
                ok = False
        return (plain, texts) if ok else None

    def rows(self, sheet: RawSheet) -> list[Row]:
        spec = SPECS[sheet.name]
        cols = self.columns(sheet, spec)
        if cols is None:
            self.broken.add(sheet.name)
            return []
        plain, texts = cols
        out = []
        for number, vals in sheet.rows:
            filled = {i: v for i, v in enumerate(vals) if _filled(v)}
            cells = {c: filled[i] for c, i in plain.items() if i in filled}
            tx = {b: {lang: filled[i] for lang, i in by.items() if i in filled} for b, by in texts.items()}
            if not cells and not any(tx.values()):
                continue  # a blank row
            row = Row(sheet.name, number, cells, tx)
            for need in spec.required:
                if need not in cells:
                    self.error(row, sheet.name, need, "is empty", f"fill in the {need}")
            out.append(row)
        return out

    def text(self, row: Row, col: str) -> str | None:
        v = row.cells.get(col)
        if v is None:
            return None
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, dt.datetime):
            return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
        if isinstance(v, dt.date):
            return v.isoformat()
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    def ident(self, row: Row, col: str) -> str | None:
        v = self.text(row, col)
        return v.strip() if v is not None else None

    def ids(self, row: Row, col: str) -> list[str] | None:
        v = self.text(row, col)
        return [p for p in re.split(r"[\s,]+", v) if p] if v is not None else None

    def flag(self, row: Row, col: str) -> bool | None:
        v = row.cells.get(col)
        if v is None or isinstance(v, bool):
            return v
        word = str(v).strip().lower()
        if word in ("yes", "true", "1", "y"):
            return True
        if word in ("no", "false", "0", "n"):
            return False
        self.error(row, row.sheet, col, f"{v!r} is not yes or no", "write yes or no")
        return None

    def number(self, row: Row, col: str, integer: bool = False) -> float | int | None:
        v = row.cells.get(col)
        if v is None:
            return None
        if isinstance(v, str):
            try:
                v = float(v.strip()) if not re.fullmatch(r"\s*-?\d+\s*", v) else int(v)
            except ValueError:
                v = None
        if isinstance(v, bool) or not isinstance(v, int | float) or (integer and float(v) != int(v)):
            self.error(row, row.sheet, col, f"{row.cells[col]!r} is not {'a whole number' if integer else 'a number'}",
                       "write a number")
            return None
        return int(v) if integer else v

    def texts(self, row: Row, base: str, required: bool = False) -> dict[str, str] | None:
        given = {lang: self.text_value(v) for lang, v in row.texts.get(base, {}).items()}
        if not given:
            if required:
                self.error(row, row.sheet, text_header(base, "en"), "is empty", f"write the {base} in English")
            return None
        if "en" not in given:
            self.error(row, row.sheet, text_header(base, "en"), f"the {base} has no English text",
                       "every text needs English (other languages fall back to it): fill in the English column")
            return None
        return given

    @staticmethod
    def text_value(v: Any) -> str:
        return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def column_letter(col: int) -> str:
    """The spreadsheet's name of the 1-based column ``col``: A, Z, AA..."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _filled(v: Any) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())
