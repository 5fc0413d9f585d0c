"""Every CSV and XLSX the tool writes neutralises cells a spreadsheet could run
as a formula (OWASP: cells beginning with =, +, -, @, tab or carriage return).

The writers, enumerated: exports.tables (CSV and XLSX: table export from the
lead's screen and ``scores.write_table``, and the analysis export
``export-data``, whose every cell goes through it), ui.cli.output (``--format csv`` of
every listing command) and the print-cases manifest.  A new writer is added
here; ``test_no_other_csv_writer`` fails if one appears without it."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from exports import tables
from storage.store import Store
from ui.cli import output
from ui.ops import printing
from ui.ops.workspace import Workspace

from .conftest import REPO

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")", "\t1", "\r1", "-inf",
             "+1"]


def _csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]


def _safe(cell: str) -> bool:
    return not cell.startswith(tables.FORMULA_START)


def test_tables_csv_neutralises():
    cells = _csv_cells(tables.to_csv(["h"], [[v] for v in DANGEROUS]))
    assert all(_safe(c) for c in cells) and "'=1+1" in cells


def test_tables_xlsx_writes_text_cells_never_formulas():
    data = tables.to_xlsx(["h"], [[v] for v in DANGEROUS])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert sheet.count('t="inlineStr"') == len(DANGEROUS) + 1


def test_cli_csv_output_neutralises_text_but_keeps_plain_numbers():
    buf = io.StringIO()
    output.emit([{"v": v} for v in [*DANGEROUS, "-1.5", -2]], "csv", buf)
    cells = _csv_cells(buf.getvalue().encode())[1:]
    assert all(_safe(c) for c in cells[: len(DANGEROUS)]), cells
    assert cells[len(DANGEROUS):] == ["-1.5", "-2"]


def test_print_manifest_neutralises(tmp_path, iaow):
    ws = Workspace(Store(tmp_path / "a.sqlite3"))
    iid = ws.store.create_inspection("M", iaow.id, iaow.version)
    refs = ["=1+1", "+1", "-1", "@A", "\tX", "\rY"]
    ws.store.add_cases(iid, [(r, {"case_type": "licence"}) for r in refs])
    printing.print_cases(ws, iid, tmp_path / "out")
    cells = _csv_cells((tmp_path / "out" / "manifest.csv").read_bytes())
    assert all(_safe(c) for c in cells)
    ws.close()


def test_analysis_export_neutralises(tmp_path, iaow):
    from ui.ops.export_data import export_data

    ws = Workspace(Store(tmp_path / "a.sqlite3"))
    iid = ws.store.create_inspection("=N", iaow.id, iaow.version)
    ws.store.add_cases(iid, [(r, {"case_type": "licence", "area": r}) for r in DANGEROUS])
    for shape in ("long", "wide"):
        export_data(ws, iid, tmp_path / f"{shape}.csv", shape=shape)
        assert all(_safe(c) for c in _csv_cells((tmp_path / f"{shape}.csv").read_bytes()))
    ws.close()


@pytest.mark.parametrize("pattern", [r"csv\.writer\(", r"\.xlsx", r"DictWriter"])
def test_no_other_csv_writer(pattern):
    # the last two only name a suffix; their cells go through exports.tables
    known = {"exports/tables.py", "ui/cli/output.py", "ui/ops/export_data.py", "ui/gui/export_data.py"}
    found = set()
    for part in ("models", "storage", "exports", "ui"):
        for path in (REPO / part).rglob("*.py"):
            if re.search(pattern, path.read_text()):
                found.add(str(path.relative_to(REPO)))
    # question-set workbooks: every text a text cell (tests/exports/test_qs_xlsx.py)
    workbooks = {"exports/qs_xlsx.py", "exports/qs_cells.py", "exports/qs_assemble.py", "ui/ops/authoring.py",
                 "ui/gui/question_sets_dialog.py", "ui/cli/questionsets.py"}
    assert found <= known | workbooks | {"ui/gui/lead.py"}, found - known - workbooks
