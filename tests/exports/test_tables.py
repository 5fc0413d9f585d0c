"""CSV and XLSX tables: numbers stay numbers, formulas stay text, the files read back."""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports.tables import FORMULA_START, sheet_name, to_csv, to_xlsx, write_table

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RISKY = ["=1+2", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]


_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def excel_text(raw: str) -> str:
    """Text as Excel reads it: ``_xHHHH_`` is one character (``_x005F_`` a literal underscore)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), raw)


def read_xlsx(data: bytes, part: str = "xl/worksheets/sheet1.xml") -> tuple[str, dict[str, tuple[str | None, str]]]:
    """(sheet name, {cell ref: (type attribute, text)}); fails on a formula."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} <= names
        for name in names:
            ElementTree.fromstring(z.read(name))  # every part is well-formed XML
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        sheet = ElementTree.fromstring(z.read(part))
    cells: dict[str, tuple[str | None, str]] = {}
    for c in sheet.iterfind(".//m:c", NS):
        assert c.find("m:f", NS) is None
        if c.get("t") == "inlineStr":
            cells[c.get("r")] = ("inlineStr", excel_text("".join(t.text or "" for t in c.iterfind("m:is/m:t", NS))))
        else:
            cells[c.get("r")] = (c.get("t"), c.find("m:v", NS).text)
    index = int(part.rsplit("sheet", 1)[1].split(".")[0]) - 1
    return book.findall("m:sheets/m:sheet", NS)[index].get("name"), cells


def test_numbers_are_numeric_cells_and_text_is_text():
    rows = [["R-1", 12, 0.25, None, -3, 1e-05], ["R-2", 0, 2.5, "", 10**15, "12"]]
    name, cells = read_xlsx(to_xlsx(["Case", "Cases", "Score", "Blank", "Delta", "Tiny"], rows, sheet="Outcomes"))
    assert name == "Outcomes"
    assert cells["A1"] == ("inlineStr", "Case") and cells["A2"] == ("inlineStr", "R-1")
    assert cells["B2"] == (None, "12") and cells["C2"] == (None, "0.25") and cells["E2"] == (None, "-3")
    assert float(cells["F2"][1]) == 1e-05
    assert cells["B3"] == (None, "0") and cells["E3"] == (None, "1000000000000000")
    assert cells["F3"] == ("inlineStr", "12")  # text that looks like a number stays text
    assert "D2" not in cells and "D3" not in cells  # None and "" are empty cells
    lines = list(csv.reader(io.StringIO(to_csv(["Case", "Cases", "Score", "Blank", "Delta", "Tiny"], rows).decode("utf-8-sig"))))
    assert lines[1] == ["R-1", "12", "0.25", "", "-3", "1e-05"]
    assert lines[2] == ["R-2", "0", "2.5", "", "1000000000000000", "12"]


def test_text_that_could_be_a_formula_stays_text():
    _name, cells = read_xlsx(to_xlsx(["Note"], [[r] for r in RISKY]))
    assert [cells[f"A{i}"] for i in range(2, 2 + len(RISKY))] == [("inlineStr", r) for r in RISKY]
    text = to_csv(["=head"], [[r] for r in RISKY] + [[-3], ["a=b"]]).decode("utf-8-sig")
    lines = [row[0] for row in csv.reader(io.StringIO(text, newline=""))]
    assert lines == ["'=head"] + ["'" + r for r in RISKY] + ["-3", "a=b"]  # a negative number is not text


def test_what_is_not_a_finite_number_or_not_xml_is_written_safely():
    data = to_xlsx(["A", "B", "C", "D"], [[math.nan, math.inf, True, "bell\x07 and \x00nul ŵ"]], sheet="Sheet [1]: a/b?*")
    name, cells = read_xlsx(data)
    assert name == "Sheet _1__ a_b__"
    assert cells["A2"] == ("inlineStr", "nan") and cells["B2"] == ("inlineStr", "inf")
    assert cells["C2"] == ("b", "1")  # a boolean cell (TRUE)
    _name, big = read_xlsx(to_xlsx(["x"], [[1.7976931348623155e308], [-1.7976931348623157e308], [1e308]]))
    assert big["A2"] == ("inlineStr", "1.7976931348623155e+308") and big["A3"][0] == "inlineStr"
    assert big["A4"] == (None, "1E+308")  # rounding to 16 digits keeps it finite: a number
    assert cells["D2"] == ("inlineStr", "bell and nul ŵ")
    assert b"_x005F_x0041_" in zipfile.ZipFile(io.BytesIO(to_xlsx(["_x0041_"], []))).read("xl/worksheets/sheet1.xml")
    assert sheet_name("") == "Sheet1" and len(sheet_name("x" * 40)) == 31 and sheet_name("'quoted'") == "quoted"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                                   st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)), min_size=3, max_size=3), max_size=6))
def test_any_table_reads_back(rows):
    _name, cells = read_xlsx(to_xlsx(["a", "b", "c"], rows))
    back = list(csv.reader(io.StringIO(to_csv(["a", "b", "c"], rows).decode("utf-8-sig"), newline="")))
    assert len(back) == len(rows) + 1
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            ref = f"{'abc'[c].upper()}{r}"
            if isinstance(value, int | float) and cells[ref][0] == "inlineStr":
                assert abs(value) >= 1e308 and float(cells[ref][1]) == value  # would round to infinity: text
            elif isinstance(value, int | float):
                # XlsxWriter writes 16 significant digits (Excel shows 15): equal to within one in 10^15
                assert math.isclose(float(cells[ref][1]), value, rel_tol=1e-15) and float(back[r - 1][c]) == value
            else:
                text = value or ""
                xml_text = "".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch and ch not in "\ufffe\uffff"
                                                                            and not "\ud800" <= ch <= "\udfff"))
                assert cells.get(ref, ("inlineStr", ""))[1] == xml_text
                assert back[r - 1][c] == ("'" + text if text.startswith(FORMULA_START) else text)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".CSV"])
def test_write_table_picks_the_format_by_suffix(tmp_path, suffix):
    path = tmp_path / f"t{suffix}"
    write_table(path, ["Case", "Cases"], [["R-1", 3]], sheet="Findings")
    data = path.read_bytes()
    if suffix == ".xlsx":
        assert read_xlsx(data)[1]["B2"] == (None, "3")
    else:
        assert data.decode("utf-8-sig").splitlines() == ["Case,Cases", "R-1,3"]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_workbook_has_several_typed_sheets_with_frozen_headers_and_widths(tmp_path):
    from exports.tables import Percent, Sheet, write_xlsx

    path = tmp_path / "book.xlsx"
    write_xlsx(path, [Sheet("Data", ["Case", "Above", "Score"], iter([["R-1", True, Percent(0.79)], ["R-2", False, None]]),
                            widths=[20, 6, 9]),
                      Sheet("Data", ["Variable"], [["q1"]])])  # the same name twice gets a suffix
    data = path.read_bytes()
    name, cells = read_xlsx(data)
    assert name == "Data" and cells["B2"] == ("b", "1") and cells["B3"] == ("b", "0") and cells["C2"] == (None, "0.79")
    assert read_xlsx(data, "xl/worksheets/sheet2.xml")[0] == "Data (2)"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in sheet
    assert 'width="20.7109375"' in sheet and '<autoFilter ref="A1:C3"/>' in sheet
    assert 'formatCode="0%"' in styles
    assert to_csv(["Above", "Score"], [[True, Percent(0.5)], [False, None]]).decode("utf-8-sig").splitlines() == [
        "Above,Score", "true,0.5", "false,"]
