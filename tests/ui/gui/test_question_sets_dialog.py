"""The "Question sets…" dialog: versions listed with their origin, a workbook
installed (or its problems listed, nothing installed), a set saved as XLSX."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.questionset import builtin_catalog
from ui.gui.question_sets_dialog import QuestionSetsDialog
from ui.ops.authoring import read_set_workbook
from ui.ops.paths import sets_dir


def _rows(dlg: QuestionSetsDialog) -> list[list[str]]:
    t = dlg.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_save_as_xlsx_then_install_a_new_version(qtbot, tmp_path, monkeypatch):
    dlg = QuestionSetsDialog()
    qtbot.addWidget(dlg)
    cat = builtin_catalog()
    assert [r[:2] + r[4:] for r in _rows(dlg)] == [[qs.id, qs.version, "built-in",
                                                     "newest" if cat.newest(qs.id) is qs else ""] for qs in cat.all()]
    assert not dlg.save_button.isEnabled()
    dlg.table.selectRow([r[:2] for r in _rows(dlg)].index(["tr-2016", "1.0.0"]))
    assert dlg.save_button.isEnabled()
    book = tmp_path / "tr"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(book), ""))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    saved = Path(f"{book}.xlsx")
    assert "Saved tr-2016 version 1.0.0" in dlg.report.toPlainText()
    tr = cat.get("tr-2016", "1.0.0")
    assert read_set_workbook(saved).data.to_json() == tr.data.to_json()

    wb = openpyxl.load_workbook(saved)
    wb["settings"]["B2"] = "9.9.0"
    applies = wb["questions"].cell(row=2, column=[c.value for c in wb["questions"][1]].index("applies") + 1)
    applies.value = "organisation = nps and ("
    wb.save(saved)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dlg.install_button, Qt.MouseButton.LeftButton)
    report = dlg.report.toPlainText()
    assert report.startswith("Not installed; nothing was changed.")
    assert "sheet 'questions', row 2, column 'applies': at character 25" in report
    assert len(_rows(dlg)) == len(cat.all()) and not list(sets_dir().glob("*.json"))

    applies.value = None
    wb.save(saved)
    qtbot.mouseClick(dlg.install_button, Qt.MouseButton.LeftButton)
    assert dlg.report.toPlainText() == f"Installed tr-2016 version 9.9.0 ({len(tr.questions)} questions)."
    rows = _rows(dlg)
    assert ["tr-2016", "1.0.0", "built-in", ""] in [r[:2] + r[4:] for r in rows]
    assert [r[:2] + r[4:] for r in rows][-1] == ["tr-2016", "9.9.0", "installed", "newest"]
    assert dlg.selected() == "tr-2016@9.9.0"
