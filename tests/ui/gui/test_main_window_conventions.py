"""Conventions of the main window the walk-through relies on: Undo/Redo show their
keys, About says version, licence and where the data is, Progress sorts as a number."""

from __future__ import annotations

from importlib.metadata import version

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox


def test_undo_and_redo_show_their_shortcuts(qtbot, window, setup):
    """Replays the probe: Edit › Undo and Redo showed no shortcut."""
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.s.state("IAOW-2.1-02").value is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.s.state("IAOW-2.1-02").value == "yes"


def test_about_says_version_licence_and_data_location(window, monkeypatch):
    """Replays the probe: About said only 'Case Assessor 0.1'."""
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(text))
    window.about()
    text = shown[0]
    assert f"Case Assessor {version('case-assessor')}" in text
    assert "Licence: MIT" in text
    assert f"Database: {window.ws.path}" in text and "Keys: " in text and "Window settings: " in text


def test_progress_sorts_as_a_number(qtbot):
    """Replays the probe: '9 / 120' sorted after '10 / 120' and '100 / 120' (as text)."""
    from ui.gui.case_list import CaseList
    from ui.ops.inspections import CaseListing, CaseListRow

    t = CaseList()
    qtbot.addWidget(t)
    rows = [CaseListRow(f"id{i}", f"C-{i}", (), "Jo", "in_progress", a, n, "")
            for i, (a, n) in enumerate([(10, 120), (100, 120), (2, 3), (9, 120), (0, 0)])]
    t.show_listing(CaseListing("IAOW", (), rows))
    col = t.status_col + 1
    t.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    shown = [t.proxy.index(r, col).data() for r in range(t.proxy.rowCount())]
    assert shown == ["0 / 0", "9 / 120", "10 / 120", "2 / 3", "100 / 120"]
    t.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the other columns still sort by their text
    assert [t.proxy.index(r, 0).data() for r in range(t.proxy.rowCount())] == [f"C-{i}" for i in range(5)]
