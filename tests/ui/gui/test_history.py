"""The History panel: Ctrl+H in the walk-through shows who changed the answer, when, from what to what, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.gui.test_assess import setup, window  # noqa: F401  (a case open in the main window)
from ui.gui.history import HistoryPanel
from ui.ops import answers


def _rows(panel):
    t = panel.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_f3_opens_the_answers_history(qtbot, window, setup):  # noqa: F811
    s, _iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)  # Yes
    qtbot.keyClick(view, Qt.Key.Key_2)  # then No
    answers.record(window.ws, "G-001", "IAOW-2.1-02", value="yes", note="letter found on file")
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    panel = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryPanel) and w.isVisible())
    qtbot.addWidget(panel)
    rows = _rows(panel)
    assert [(r[1], r[2], r[5], r[6]) for r in rows] == [
        ("Jo Bloggs (LA-07)", "answered", "—", "Yes"), ("Jo Bloggs (LA-07)", "answered", "Yes", "No"),
        ("Jo Bloggs (LA-07)", "answered", "No", "Yes")]
    assert rows[-1][7] == "letter found on file" and "IAOW-2.1-02" in panel.heading.text()
    panel.only_question.setChecked(False)  # the whole case
    assert [r[2] for r in _rows(panel)][:2] == ["case added", "reading started"]


def test_the_panel_shows_a_correction_and_its_reason(qtbot, setup):  # noqa: F811
    from ui.ops.workspace import Workspace

    s, _iid, cid = setup
    ws = Workspace(s)
    answers.record(ws, "G-001", "IAOW-2.1-03", value="yes")
    lead = Workspace(s, acting_as="Lead")
    answers.record(lead, "G-001", "IAOW-2.1-03", value="no", why="no induction record")
    panel = HistoryPanel(ws, cid, "IAOW-2.1-03")
    qtbot.addWidget(panel)
    last = _rows(panel)[-1]
    assert (last[1], last[5], last[6], last[8]) == ("Lead", "Yes", "No", "no induction record")
