"""The lead's Grades tab: OMI2 section 4 grades entered on the set's scale, audited, printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from tests.ui.ops.test_qa import laptop
from ui.gui.grades import GradesTab
from ui.gui.moderation import add_tab
from ui.ops import grades, inspections


def lead_tabs(qtbot, ws, set_id):
    iid = inspections.new_inspection(ws, "Thames Valley", set_id).id
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    add_tab(tabs, ws, iid)
    return iid, tabs


def test_grade_entry_is_saved_and_audited(qtbot, tmp_path):
    with laptop(tmp_path, "Lead") as ws:
        iid, tabs = lead_tabs(qtbot, ws, "omi2-2010")
        assert [tabs.tabText(i) for i in range(tabs.count())] == ["Moderation", "Grades"]
        tab = tabs.widget(1)
        assert isinstance(tab, GradesTab) and list(tab.choices) == ["4.1", "4.2", "4.3", "4.4", "4.5"]
        tab.choices["4.3"].setCurrentIndex(tab.choices["4.3"].findData("very"))
        qtbot.keyClicks(tab.notes["4.3"], "training plan in place")
        qtbot.mouseClick(tab.save_btn, Qt.MouseButton.LeftButton)
        assert tab.saved.text() == "1 grades saved."
        line = next(g for g in grades.grades(ws, iid) if g.code == "4.3")
        assert (line.value, line.note, line.by) == ("very", "training plan in place", "Lead")
        qtbot.mouseClick(tab.save_btn, Qt.MouseButton.LeftButton)  # nothing changed: nothing audited again
        assert len([r for r in ws.store.audit_rows(inspection_id=iid) if r.action == "grade"]) == 1


def test_no_grades_tab_for_a_set_without_grades(qtbot, tmp_path):
    with laptop(tmp_path, "Lead") as ws:
        _iid, tabs = lead_tabs(qtbot, ws, "iaow-2013")
        assert tabs.count() == 1
