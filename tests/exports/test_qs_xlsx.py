"""Question-set workbooks: the exact round trip, one test per kind of
problem (each placed on its sheet, row and column), and bounded reading."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exports import qs_xlsx
from exports.qs_assemble import assemble
from exports.qs_locate import validate_assembled
from exports.qs_xlsx import WorkbookError, read_workbook, workbook_bytes
from models.questionset import builtin_catalog


def IAOW() -> Any:  # noqa: N802 - the version the edits below were written against
    return builtin_catalog().get("iaow-2013", "1.0.0")


def _build(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    dump, errors = validate_assembled(assemble(read_workbook(path)))
    return dump, [str(e) for e in errors]


@pytest.mark.parametrize("spec", [f"{qs.id}@{qs.version}" for qs in builtin_catalog().all()])
def test_json_to_xlsx_to_json_is_exact_for_the_builtin_sets(spec, tmp_path):
    set_id, version = spec.split("@")
    original = builtin_catalog().get(set_id, version).data.to_json()
    path = tmp_path / f"{set_id}.xlsx"
    path.write_bytes(workbook_bytes(original))
    dump, errors = _build(path)
    assert errors == []
    assert dump == original


@pytest.fixture(scope="module")
def iaow_book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("book") / "iaow.xlsx"
    path.write_bytes(workbook_bytes(IAOW().data.to_json()))
    return path


def edited(book: Path, tmp_path: Path, change: Callable[[Any], None]) -> Path:
    wb = openpyxl.load_workbook(book)
    change(wb)
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def cell(ws: Any, key: str, column: str, key_column: str = "id") -> Any:
    """The cell of ``column`` in the row whose ``key_column`` is ``key``."""
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index(key_column)].value == key:
            return row[header.index(column)]
    raise KeyError(key)


def only_problem(book: Path) -> str:
    dump, errors = _build(book)
    assert dump is None and len(errors) == 1, errors
    return errors[0]


def test_unknown_scale(iaow_book, tmp_path):
    c = None

    def change(wb: Any) -> None:
        nonlocal c
        c = cell(wb["questions"], "IAOW-1.1-03", "scale")
        c.value = "yes_noo"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert msg.startswith(f"sheet 'questions', row {c.row}, column 'scale': unknown scale 'yes_noo'")
    assert "'scales' sheet" in msg


def test_unknown_field_in_a_condition(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "applies").value = "case_tpye in (sso)"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'applies': condition names unknown case field 'case_tpye'" in msg and "'case_fields'" in msg


def test_duplicate_id(iaow_book, tmp_path):
    rows = {}

    def change(wb: Any) -> None:
        c = cell(wb["questions"], "IAOW-1.1-04", "id")
        rows["first"] = cell(wb["questions"], "IAOW-1.1-03", "id").row
        rows["second"] = c.row
        c.value = "IAOW-1.1-03"

    _, errors = _build(edited(iaow_book, tmp_path, change))
    assert errors[0] == (f"sheet 'questions', row {rows['second']}, column 'id': duplicate id 'IAOW-1.1-03' "
                         f"(also on row {rows['first']}); give each row its own id")


def test_missing_english_text(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        ws = wb["questions"]
        c = cell(ws, "IAOW-1.1-03", "text::English (en)")
        ws.cell(row=1, column=ws.max_column + 1, value="text::Welsh (cy)")
        ws.cell(row=c.row, column=ws.max_column, value="Roedd yn seiliedig ar wybodaeth ddigonol")
        c.value = None

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'text::English (en)': the text has no English text; " in msg


def test_a_condition_on_a_later_question_or_a_cycle(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-01", "applies").value = "IAOW-1.1-03 = yes"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'applies': condition on IAOW-1.1-03, which comes later in the journey" in msg
    assert "asked earlier" in msg

    def itself(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "applies").value = "IAOW-1.1-03 = yes"

    assert "the question itself" in only_problem(edited(iaow_book, tmp_path, itself))


def test_bad_expression_syntax(iaow_book, tmp_path):
    row = {}

    def change(wb: Any) -> None:
        c = cell(wb["questions"], "IAOW-1.1-03", "applies")
        row["n"] = c.row
        c.value = "case_type in (sso, licence"

    assert only_problem(edited(iaow_book, tmp_path, change)) == (
        f"sheet 'questions', row {row['n']}, column 'applies': at character 27: expected ',' or ')' to close the "
        "list, found the end of the expression; see 'Applicability expressions' in docs/question-sets.md")


def test_missing_sheet(iaow_book, tmp_path):
    msg = only_problem(edited(iaow_book, tmp_path, lambda wb: wb.remove(wb["criteria"])))
    assert msg.startswith("sheet 'criteria': the workbook has no such sheet; add a sheet named 'criteria'")


def test_wrong_header(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        next(c for c in wb["questions"][1] if c.value == "scale").value = "scael"

    _, errors = _build(edited(iaow_book, tmp_path, change))
    assert errors[0].startswith("sheet 'questions', column 'scael': unknown column; the columns of this sheet are: id,")
    assert errors[1] == "sheet 'questions', column 'scale': the column is missing; add a column headed 'scale'"


def test_several_problems_are_listed_at_once(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "scale").value = "nope"
        cell(wb["questions"], "IAOW-1.1-04", "applies").value = "a >"
        cell(wb["questions"], "IAOW-1.1-05", "scored").value = "perhaps"

    _, errors = _build(edited(iaow_book, tmp_path, change))
    assert len(errors) == 3 and {"'scale'", "'applies'", "'scored'"} == {e.split("column ")[1].split(":")[0]
                                                                         for e in errors}


# ------------------------------------------------------------------ bounded reading, safe writing
def test_a_zip_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    monkeypatch.setattr(qs_xlsx, "MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
    (tmp_path / "bomb.xlsx").write_bytes(buf.getvalue())
    with pytest.raises(WorkbookError, match="unpacks to more than 20 MB"):
        read_workbook(tmp_path / "bomb.xlsx")


def test_a_huge_sheet_a_long_cell_a_formula_and_a_non_workbook_are_refused(iaow_book, tmp_path, monkeypatch):
    monkeypatch.setattr(qs_xlsx, "MAX_ROWS", 100)
    with pytest.raises(WorkbookError, match="sheet 'questions': more than 100 rows"):
        read_workbook(iaow_book)
    monkeypatch.setattr(qs_xlsx, "MAX_ROWS", 20_000)
    book = edited(iaow_book, tmp_path, lambda wb: setattr(wb["settings"]["A2"], "value", "x" * 20_001))
    with pytest.raises(WorkbookError, match="sheet 'settings', row 2, column 1: longer than 20000"):
        read_workbook(book)
    book = edited(iaow_book, tmp_path, lambda wb: setattr(wb["settings"]["B2"], "value", "=1+1"))
    with pytest.raises(WorkbookError, match="holds a formula; type the value itself"):
        read_workbook(book)
    (tmp_path / "text.xlsx").write_text("not a workbook")
    with pytest.raises(WorkbookError, match="not an .xlsx workbook"):
        read_workbook(tmp_path / "text.xlsx")


def test_texts_starting_like_formulas_are_written_as_text(iaow_book):
    with zipfile.ZipFile(iaow_book) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    dump, _ = _build(iaow_book)
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

    dump, errors = _build(edited(iaow_book, tmp_path, change))
    assert errors == [] and dump == IAOW().data.to_json()


def test_the_written_workbook_offers_drop_down_lists(iaow_book):
    wb = openpyxl.load_workbook(iaow_book)
    lists = {dv.formula1 for dv in wb["criteria"].data_validations.dataValidation}
    assert '"case_details,assessment_planning,delivery_review,outcomes,victim_work,leadership_management"' in lists
    assert '"yes,no"' in {dv.formula1 for dv in wb["questions"].data_validations.dataValidation}


def _with_welsh(x: Any, odd: list[str]) -> Any:
    if isinstance(x, dict) and "en" in x and all(isinstance(v, str) for v in x.values()):
        return {**x, "cy": odd[len(x["en"]) % len(odd)] + x["en"]}
    if isinstance(x, dict):
        return {k: _with_welsh(v, odd) for k, v in x.items()}
    if isinstance(x, list):
        return [_with_welsh(v, odd) for v in x]
    return x


def test_every_text_round_trips_in_two_languages(tmp_path):
    odd = ["Cymraeg: ", "=", "-", "@", "+", "ŵ ŷ â ", "line\nbreak ", "'", ""]
    dump = _with_welsh(builtin_catalog().get("tr-2016").data.to_json(), odd)
    dump["languages"] = ["en", "cy"]
    path = tmp_path / "cy.xlsx"
    path.write_bytes(workbook_bytes(dump))
    assert "text::Welsh (cy)" in [c.value for c in openpyxl.load_workbook(path)["questions"][1]]
    got, errors = _build(path)
    assert errors == [] and got == dump


def test_problems_found_by_full_validation_are_placed_too(iaow_book, tmp_path):
    rows = {}

    def change(wb: Any) -> None:
        c = cell(wb["case_fields"], "case_type", "kind")
        rows["field"] = c.row
        c.value = "chioce"
        c = cell(wb["criteria"], "1.1", "stage", "code")
        rows["criterion"] = c.row
        c.value = "planning"
        wb["sources"].cell(row=2, column=[c.value for c in wb["sources"][1]].index("seed") + 1, value="report.txt")

    _, errors = _build(edited(iaow_book, tmp_path, change))
    assert sorted(e.split(":")[0] for e in errors) == [
        f"sheet 'case_fields', row {rows['field']}, column 'kind'",
        f"sheet 'criteria', row {rows['criterion']}, column 'stage'",
        "sheet 'sources', row 2, column 'seed'"], errors
    assert errors[1].endswith("or 'text'; choose one of those values (the cell's drop-down list offers them)")
    assert errors[2].endswith("; name a seed file, such as 003_b64db95b1e64ce7a.txt")
