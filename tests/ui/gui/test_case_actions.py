"""Case and inspection work in the window: delete to the bin and restore,
rename, and the sample import with "skip existing", every problem listed and
the CSV template (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from storage.store import Store
from ui.gui import bin_dialog, sample_dialog
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ...conftest import make_inspection


@pytest.fixture
def window(qtbot, db_path, iaow, monkeypatch):
    s = Store(db_path)
    make_inspection(s, iaow, 3)
    s.set_setting("assessor_name", "Jo")
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"unexpected warning: {a[2]}"))
    yield w
    s.close()


def _refs(w: MainWindow) -> list[str]:
    return [w.list.proxy.index(r, 0).data() for r in range(w.list.proxy.rowCount())]


def _answer(monkeypatch, button):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: button)


def test_delete_asks_then_moves_the_open_case_to_the_bin_and_the_bin_restores_it(window, monkeypatch):
    w = window
    cid = w.ws.find_case("CASE-002", w.current_inspection())
    w.open_case(cid)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    w.delete_case()
    assert w.view is not None and w.ws.has_case(cid)  # No: nothing happened
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w.delete_case()
    assert w.view is None and _refs(w) == ["CASE-001", "CASE-003"] and not w.ws.has_case(cid)
    shown = []

    def run(dlg):
        shown.append([dlg.cases.item(i).text() for i in range(dlg.cases.count())])
        dlg._case()  # Restore case, on the first (selected) entry
        shown.append([dlg.cases.item(i).text() for i in range(dlg.cases.count())])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(bin_dialog.BinDialog, "exec", run)
    w.show_bin()
    assert shown[0][0].startswith("CASE-002") and "by Jo" in shown[0][0] and shown[1] == ["(none)"]
    assert _refs(w) == ["CASE-001", "CASE-002", "CASE-003"] and w.list.selected_case_ids() == [cid]


def test_rename_a_case_and_the_inspection(window, monkeypatch):
    w = window
    w.list.select_case(w.ws.find_case("CASE-001", w.current_inspection()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("CASE-101", True))
    w.rename_case()
    assert _refs(w) == ["CASE-002", "CASE-003", "CASE-101"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("York 2014", True))
    w.rename_inspection()
    assert w.list.inspection.currentText().startswith("York 2014")


def test_deleting_the_inspection_empties_the_window_and_the_bin_brings_it_back(window, monkeypatch):
    w = window
    iid = w.current_inspection()
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w.delete_inspection()
    assert w.current_inspection() is None and w.list.pages.currentWidget() is w.list.empty
    assert not w.acts["import_sample"].isEnabled()
    monkeypatch.setattr(bin_dialog.BinDialog, "exec", lambda dlg: dlg._inspection() or QDialog.DialogCode.Rejected)
    w.show_bin()
    assert w.current_inspection() == iid and len(_refs(w)) == 3


def test_import_lists_every_problem_and_skips_existing_when_ticked(window, tmp_path, monkeypatch):
    w = window
    csv = tmp_path / "sample.csv"
    csv.write_text("reference,case_type,gender\nCASE-001,licence,male\nN-1,Community,male\nN-2,licence,robot\n"
                   "N-3,licence,female\n")
    shown: list[list[str]] = []
    monkeypatch.setattr(sample_dialog, "show_problems", lambda parent, title, what, e: shown.append(e.problems))
    skip = {"on": False}

    def fill(dlg):
        dlg.path.setText(str(csv))
        dlg.skip.setChecked(skip["on"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sample_dialog.SampleDialog, "exec", fill)
    w.import_sample()
    assert shown == [["row 2, reference: 'CASE-001' is already in the inspection (skip existing cases to import "
                      "the others)",
                      "row 3, Type of case: 'Community' is not one of: Community order, Suspended sentence order, "
                      "Licence",
                      "row 4, Gender: 'robot' is not one of: Male, Female"]]
    csv.write_text("reference,case_type,gender\nCASE-001,licence,male\nN-3,licence,female\n")
    skip["on"] = True
    w.import_sample()
    assert len(shown) == 1 and "N-3" in _refs(w) and "skipped 1" in w.statusBar().currentMessage()


def test_save_csv_template_writes_the_columns_of_the_inspection_s_set(window, tmp_path, monkeypatch):
    out = tmp_path / "template.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.save_template()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[-1].startswith("reference,Type of case,") and any("Gender: one of: Male, Female" in x for x in lines)
