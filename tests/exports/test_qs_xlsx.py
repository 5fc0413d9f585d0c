"""Question-set workbooks: the exact round trip of every built-in file, texts
in any language, bounded reading of hostile files, safe writing.  The kinds of
problem a workbook can have are in test_qs_locate.py."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import openpyxl
import pytest

from exports import qs_xlsx
from exports.qs_xlsx import WorkbookError, read_workbook, workbook_bytes
from models.questionset import builtin_catalog
from tests.exports.qs_books import IAOW, build, edited, hostile_books, with_part


@pytest.mark.parametrize("spec", [f"{qs.id}@{qs.version}" for qs in builtin_catalog().all()])
def test_json_to_xlsx_to_json_is_exact_for_the_builtin_sets(spec, tmp_path):
    set_id, version = spec.split("@")
    original = builtin_catalog().get(set_id, version).data.to_json()
    path = tmp_path / f"{set_id}.xlsx"
    path.write_bytes(workbook_bytes(original))
    dump, errors = build(path)
    assert errors == []
    assert dump == original


# ------------------------------------------------------------------ bounded reading, safe writing
def test_a_zip_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    monkeypatch.setattr(qs_xlsx, "MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
    (tmp_path / "bomb.xlsx").write_bytes(buf.getvalue())
    with pytest.raises(WorkbookError, match="unpacks to more than 20 MB"):
        read_workbook(tmp_path / "bomb.xlsx")


def test_a_huge_file_a_huge_sheet_and_a_long_cell_are_refused(iaow_book, tmp_path, monkeypatch):
    monkeypatch.setattr(qs_xlsx, "MAX_FILE_BYTES", 50_000)
    with pytest.raises(WorkbookError, match="larger than 0 MB; not a question-set workbook"):
        read_workbook(iaow_book)
    monkeypatch.undo()
    monkeypatch.setattr(qs_xlsx, "MAX_ROWS", 100)
    with pytest.raises(WorkbookError, match="sheet 'questions': more than 100 rows"):
        read_workbook(iaow_book)
    monkeypatch.undo()
    book = edited(iaow_book, tmp_path, lambda wb: setattr(wb["settings"]["A2"], "value", "x" * 20_001))
    with pytest.raises(WorkbookError, match=r"sheet 'settings', row 2, column A \('form_id'\): longer than 20000"):
        read_workbook(book)


@pytest.mark.parametrize("kind", ["not a zip", "malformed XML", "entity expansion", "DTD in UTF-16", "lying sizes",
                                  "formula", "far column"])
def test_hostile_workbooks_are_refused_with_a_clear_message(iaow_book, tmp_path, kind):
    path, words = hostile_books(iaow_book, tmp_path)[kind]
    with pytest.raises(WorkbookError) as e:
        read_workbook(path)
    assert words in str(e.value) and "Traceback" not in str(e.value)


def test_a_declared_size_of_the_whole_sheet_costs_nothing(iaow_book, tmp_path):
    """A sheet may declare it spans every row and column (A1:XFD1048576); rows
    are still read only as far as they hold values, and the columns to the
    last allowed (no million-cell rows are made)."""
    with zipfile.ZipFile(iaow_book) as z:
        xml = z.read("xl/worksheets/sheet3.xml").decode()  # the scales sheet
    xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:GR1048576"/>', xml)
    book = with_part(iaow_book, tmp_path / "tall.xlsx", "xl/worksheets/sheet3.xml", xml.encode())
    dump, errors = build(book)
    assert errors == [] and dump == IAOW().data.to_json()


def test_texts_starting_like_formulas_are_written_as_text(iaow_book):
    with zipfile.ZipFile(iaow_book) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    dump, _ = build(iaow_book)
    assert dump is not None
    assert any(s["quote"].startswith("- ") for c in dump["criteria"] for s in c["sources"])


def test_cells_a_spreadsheet_retypes_still_read_the_same(iaow_book, tmp_path):
    """Excel and LibreOffice turn a typed date into a date cell and may store
    whole numbers as decimals; TRUE/FALSE cells stand for yes/no."""
    import datetime as dt

    def change(wb: Any) -> None:
        header = [c.value for c in wb["settings"][1]]
        wb["settings"].cell(row=2, column=header.index("effective_date") + 1, value=dt.datetime(2013, 4, 1))
        line = [c.value for c in wb["sources"][1]].index("line")
        for row in wb["sources"].iter_rows(min_row=2):
            row[line].value = float(row[line].value)
        for row in wb["choices"].iter_rows(min_row=2):
            row[2].value = row[2].value == "yes"

    dump, errors = build(edited(iaow_book, tmp_path, change))
    assert errors == [] and dump == IAOW().data.to_json()


def test_the_written_workbook_is_laid_out_for_editing(iaow_book):
    """Frozen header and id column, a filter on every sheet, drop-down lists
    (fixed values, and the ids of other sheets) that never block a value,
    widths that show the codes whole, id columns formatted as text."""
    wb = openpyxl.load_workbook(iaow_book)
    lists = {dv.formula1 for dv in wb["criteria"].data_validations.dataValidation}
    assert '"case_details,assessment_planning,delivery_review,outcomes,victim_work,leadership_management"' in lists
    assert "groups!$A$2:$A$2000" in lists
    q = wb["questions"]
    by_column = {str(dv.sqref).split(":")[0]: dv for dv in q.data_validations.dataValidation}
    assert by_column["D2"].formula1 == "scales!$A$2:$A$2000" and by_column["E2"].formula1 == '"yes,no"'
    assert not any(dv.showErrorMessage for dv in q.data_validations.dataValidation)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert all(c.font.bold for c in ws[1]), ws.title
    src = wb["sources"]
    assert src.column_dimensions["D"].width >= len("003_b64db95b1e64ce7a.txt")  # the seed column
    assert src.column_dimensions["A"].number_format == "@" and src.column_dimensions["E"].number_format == "General"
    assert q.column_dimensions["L"].width == 60 and q["L2"].alignment.wrap_text  # the English text


def _translated(x: Any, lang: str, odd: list[str]) -> Any:
    """Every text of a set dump given in ``lang`` too (odd starts and characters included)."""
    if isinstance(x, dict) and "en" in x and all(isinstance(v, str) for v in x.values()):
        return {**x, lang: odd[len(x["en"]) % len(odd)] + x["en"]}
    if isinstance(x, dict):
        return {k: _translated(v, lang, odd) for k, v in x.items()}
    if isinstance(x, list):
        return [_translated(v, lang, odd) for v in x]
    return x


@pytest.mark.parametrize("spec", ["tr-2016@1.1.0", "iaow-2013@1.1.0"])
def test_every_text_round_trips_in_every_language(tmp_path, spec):
    """Welsh (listed), Cornish (listed, a code the layout has no name for) and
    Irish (given in texts but not listed): one column each beside English for
    every text, guidance, stems and provenance included."""
    set_id, version = spec.split("@")
    odd = ["Cymraeg: ", "=", "-", "@", "+", "ŵ ŷ â ", "line\nbreak ", "'", "", "  spaced  "]
    dump = _translated(builtin_catalog().get(set_id, version).data.to_json(), "cy", odd)
    dump = _translated(dump, "kw", ["Kernewek "])
    dump["questions"][0]["text"]["ga"] = "Gaeilge"
    dump["languages"] = ["en", "cy", "kw"]
    path = tmp_path / "cy.xlsx"
    path.write_bytes(workbook_bytes(dump))
    wb = openpyxl.load_workbook(path)
    heads = [c.value for c in wb["questions"][1]]
    for base in ("text", "guidance", "provenance", "applies_note"):
        assert heads.index(f"{base}::English (en)") + 1 == heads.index(f"{base}::Welsh (cy)")
        assert f"{base}::kw (kw)" in heads and f"{base}::Irish (ga)" in heads
    assert "text::Welsh (cy)" in [c.value for c in wb["stems"][1]]
    assert "guidance::Welsh (cy)" in [c.value for c in wb["criteria"][1]]
    got, errors = build(path)
    assert errors == [] and got == dump


def test_language_columns_are_read_by_their_code(iaow_book, tmp_path):
    """'text::cy', 'text::Cymraeg (cy)' and 'text::Welsh (cy)' are one column
    each way; two columns for one language are refused."""
    def change(wb: Any, header: str = "text::cy") -> None:
        ws = wb["stems"]
        ws.cell(row=1, column=ws.max_column + 1, value=header)
        ws.cell(row=2, column=ws.max_column, value="Yr adroddiad ar gyfer yr ymddangosiad hwn yn y llys:")

    for header in ("text::cy", "text::Cymraeg (cy)"):
        got, errors = build(edited(iaow_book, tmp_path, lambda wb, h=header: change(wb, h)))
        assert errors == [] and got is not None
        assert got["stems"][0]["text"]["cy"] == "Yr adroddiad ar gyfer yr ymddangosiad hwn yn y llys:"

    def twice(wb: Any) -> None:
        change(wb, "text::cy")
        change(wb, "text::Welsh (cy)")

    _, errors = build(edited(iaow_book, tmp_path, twice))
    assert errors == ["sheet 'stems', column 'text::Welsh (cy)': a second column for text in 'cy'; keep one column "
                      "per language"]


def test_a_set_no_workbook_can_hold_is_refused_clearly():
    dump = IAOW().data.to_json()
    for change, words in ((lambda d: d["questions"][0]["text"].update(cy=" "), "a text in 'cy' is empty"),
                          (lambda d: d["questions"][0]["text"].update({"Welsh!": "x"}), "is not in a language code"),
                          (lambda d: d.update(split_by=["case type"]), "cannot be written in a list")):
        bad = IAOW().data.to_json()
        change(bad)
        with pytest.raises(WorkbookError, match=words):
            workbook_bytes(bad)
    assert workbook_bytes(dump)
