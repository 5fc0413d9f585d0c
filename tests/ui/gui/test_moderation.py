"""The lead's Moderation tab on real files: give QA reads, see the figures, decide a disagreement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from tests.ui.ops.test_qa import laptop, trip  # noqa: F401  (the lead, two assessors and a QA reader)
from tests.ui.ops.test_qa_sample import lead  # noqa: F401  (a lead with three assessors' cases)
from ui.gui.moderation import ModerationTab, add_tab
from ui.ops import qa


def _cells(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_moderation_tab_decides_a_qa_disagreement(qtbot, trip, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    with laptop(trip["dir"], "Lead") as ws:
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        tab = add_tab(tabs, ws, trip["iid"])
        assert tabs.tabText(0) == "Moderation"
        assert "too few to judge (8 pairs; at least 20 needed)" in _cells(tab.figures, 3)
        assert _cells(tab.disagreement_table, 0) == ["R-1", "R-7"]
        tab.disagreement_table.selectRow(0)
        assert "the plan says 'not discussed'" in tab.primary_side.text() and "Quinn" in tab.qa_side.text()
        tab.agreed.setCurrentIndex(tab.agreed.findData("no"))
        qtbot.mouseClick(tab.decide_btn, Qt.MouseButton.LeftButton)  # no reason yet: nothing recorded
        assert _cells(tab.disagreement_table, 4)[0] == "to moderate" and "Say why first" in told[0]
        qtbot.keyClicks(tab.why, "the plan was not discussed")
        qtbot.mouseClick(tab.decide_btn, Qt.MouseButton.LeftButton)
        assert _cells(tab.disagreement_table, 4)[0] == "No (Lead: the plan was not discussed)"
        case = ws.store.find_case("R-1")
        assert ws.store.answers(ws.store.primary_assessment(case.id).id)["IAOW-2.1-04"].value == "no"


def test_moderation_tab_gives_a_qa_sample(qtbot, lead, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    ws, iid, _given = lead
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    tab = ModerationTab(ws, iid)
    qtbot.addWidget(tab)
    tab.share.setValue(20)
    qtbot.mouseClick(tab.assign_btn, Qt.MouseButton.LeftButton)
    assert len(qa.qa_reads(ws, iid)) == 6 + 3 + 1  # 20% of 30, 12 and 3 cases, rounded up
    assert "10 QA reads given" in tab.sample_note.text()
    qtbot.keyClicks(tab.cases, "R-99")
    qtbot.mouseClick(tab.assign_btn, Qt.MouseButton.LeftButton)
    assert warned and "no such cases: R-99" in warned[0]
