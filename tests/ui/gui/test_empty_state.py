"""First launch: the case area shows the three first steps with their buttons;
actions that cannot act are disabled, not silently doing nothing; the name
dialog says why it asks; a toolbar holds the main actions (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QToolBar

from ui.gui import dialogs
from ui.gui.main_window import MainWindow
from ui.ops import inspections
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

NEVER_WITHOUT_A_CASE = ("assess", "edit_case", "mark_complete", "reopen", "delete_case", "rename_case")


def _enabled(w: MainWindow) -> set[str]:
    return {k for k, a in w.acts.items() if a.isEnabled()}


def test_first_launch_shows_the_steps_and_disables_what_cannot_act(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "new.sqlite3")
    w = MainWindow(ws)
    qtbot.addWidget(w)
    assert w.list.pages.currentWidget() is w.list.empty and w.list.empty.step == 1
    assert not _enabled(w) & {*NEVER_WITHOUT_A_CASE, "import_sample", "add_case", "lead"}
    assert "new_inspection" in _enabled(w) and "template" in _enabled(w)
    assert not w.list.open_btn.isEnabled() and not w.list.edit_btn.isEnabled() and not w.list.add_btn.isEnabled()
    buttons = {b.text(): b.isEnabled() for b in (w.list.empty.new_inspection, w.list.empty.import_sample,
                                                 w.list.empty.template, w.list.empty.add_case)}
    assert buttons == {"New inspection": True, "Import sample": False, "Save CSV template": True, "Add case": False}
    ws.set_setting("assessor_name", "Jo")
    w.apply(inspections.new_inspection(ws, "York", "iaow-2013"))
    assert w.list.empty.step == 2 and {"import_sample", "add_case"} <= _enabled(w)
    assert not _enabled(w) & set(NEVER_WITHOUT_A_CASE)
    done = inspections.add_case(ws, w.current_inspection(), "Y-1", {"case_type": "licence"}, "Jo")
    w.reload_cases()
    w.list.select_case(done.id)
    assert w.list.pages.currentWidget() is w.list.table
    assert {"assess", "edit_case", "delete_case"} <= _enabled(w) and w.list.open_btn.isEnabled()
    assert not _enabled(w) & {"mark_complete", "reopen"}  # only inside a case
    w.open_selected()
    assert "mark_complete" in _enabled(w) and "reopen" not in _enabled(w) and "assess" not in _enabled(w)
    w.show_list()
    w.list.table.clearSelection()
    assert not _enabled(w) & {"assess", "edit_case"} and not w.list.open_btn.isEnabled()
    ws.close()


def test_the_toolbar_holds_the_main_actions(qtbot, tmp_path):
    ws = Workspace.open(tmp_path / "new.sqlite3")
    w = MainWindow(ws)
    qtbot.addWidget(w)
    bar = w.findChild(QToolBar, "main_toolbar")
    assert [a.iconText() for a in bar.actions()][:4] == ["New inspection", "Import sample", "Add case", "Assess ▶"]
    ws.close()


def test_the_name_dialog_says_why_it_asks(qtbot, tmp_path, monkeypatch):
    ws = Workspace.open(tmp_path / "new.sqlite3")
    w = MainWindow(ws)
    qtbot.addWidget(w)
    seen = []

    def look(dlg):
        seen.append((dlg.windowTitle(), " ".join(lbl.text() for lbl in dlg.findChildren(QLabel))))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs.SettingsDialog, "exec", look)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    with pytest.raises(OpError, match="no name is set"):  # no name given: refused, as before
        w.who()
    assert seen[0][0] == "Who is working?" and "audit trail" in seen[0][1] and "stored in this database" in seen[0][1]
    ws.close()
