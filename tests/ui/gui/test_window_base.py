"""The window asks for the assessor's name once per profile; a change is never
recorded as made by "unknown assessor" (issue 13, item 7)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from storage.store import Store
from ui.gui import dialogs
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace


@pytest.fixture
def window(qtbot, db_path, iaow, monkeypatch):
    s = Store(db_path)
    iid = s.create_inspection("GUI test", iaow.id, iaow.version)
    cid = s.add_case(iid, "G-001", {"case_type": "licence", "gender": "male", "rosh_level": "high"})
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    yield w, s, cid, warnings
    s.close()


def test_no_name_given_means_no_change_and_a_clear_message(window, monkeypatch):
    w, s, cid, warnings = window
    asked = []
    monkeypatch.setattr(dialogs.SettingsDialog, "exec", lambda self: asked.append(1) or QDialog.DialogCode.Rejected)
    assert w.open_case(cid) is None
    assert asked == [1] and "no name is set" in warnings[0]
    assert s.primary_assessment(cid) is None  # no assessment started by nobody


def test_the_name_is_asked_once_and_recorded(window, monkeypatch):
    w, s, cid, warnings = window
    asked = []

    def fill(self):
        asked.append(1)
        self.name.setText("Jo Bloggs")
        self.ident.setText("LA-07")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.SettingsDialog, "exec", fill)
    assert w.open_case(cid) is not None
    w.show_list()
    assert w.open_case(cid) is not None and asked == [1] and warnings == []
    a = s.primary_assessment(cid)
    assert a is not None and a.assessor == "Jo Bloggs (LA-07)"
