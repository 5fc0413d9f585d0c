"""File > Export data for analysis…: the dialog's choices reach the export,
the menu offers it, and a refused file is reported with nothing written."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from storage.store import Store
from ui.gui.export_data import ExportDataDialog, export_data
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ...conftest import make_inspection


@pytest.fixture
def window(qtbot, db_path, iaow):
    s = Store(db_path)
    s.set_setting("assessor_name", "Jo Bloggs")
    make_inspection(s, iaow, 3)
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    w.show()
    yield w
    s.close()


def test_the_file_menu_offers_the_export(window):
    texts = [a.text().replace("&", "") for m in window.menuBar().actions() for a in m.menu().actions()]
    assert "Export data for analysis…" in texts


def test_the_dialog_choices_reach_the_file(window, tmp_path, qtbot):
    dlg = ExportDataDialog(tmp_path, window)
    qtbot.addWidget(dlg)
    assert dlg.path.text().endswith("inspection-data.xlsx")
    dlg.fmt.setCurrentIndex(dlg.fmt.findData("csv"))
    assert dlg.path.text().endswith("inspection-data.csv")  # the suffix follows the format
    dlg.shape.setCurrentIndex(dlg.shape.findData("wide"))
    dlg.labels.setChecked(True)
    done = export_data(window, dlg)
    assert done is not None and done.cases == 3
    rows = list(csv.DictReader(io.StringIO((tmp_path / "inspection-data.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 3 and "IAOW-1.1-01" in rows[0] and (tmp_path / "inspection-data.codebook.csv").exists()
    assert "Exported 3 cases" in window.statusBar().currentMessage()
    dlg.path.setText("")
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_refused_file_is_reported_and_nothing_written(window, db_path, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = db_path.read_bytes()
    dlg = ExportDataDialog(db_path.parent, window)
    qtbot.addWidget(dlg)
    dlg.fmt.setCurrentIndex(dlg.fmt.findData("csv"))
    dlg.path.setText(str(db_path))
    assert export_data(window, dlg) is None
    assert shown and "open database" in shown[0] and db_path.read_bytes() == before
