"""Queries on screen, on real files: the assessor answers a query in the
walk-through (the ✉ mark, F4, the reply box, the answer changed), and the reply
goes back and closes it; the lead raises a query from the walk-through with the
question preselected, and filters the list of queries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.ops.test_qa import laptop
from tests.ui.ops.test_queries import Q, _import_queries, world  # noqa: F401  (lead + two assessors, queries out)
from ui.gui import queries as query_gui
from ui.gui.main_window import MainWindow
from ui.ops import exchange
from ui.ops import queries as q_ops


def _window(qtbot, ws) -> MainWindow:
    w = MainWindow(ws)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()  # shortcuts (F4) need the window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def test_query_answered_in_the_walk_through(qtbot, world):  # noqa: F811
    d, ids = world["dir"], world["ids"]
    _import_queries(world, "Ann")
    with laptop(d, "Ann") as ws:
        w = _window(qtbot, ws)
        view = w.open_case(ws.find_case("R-1"))
        assert view is not None
        strip = w.query_strip
        view.show_question(view.qs.questions[0].id)
        assert "✉" in view.tree.items[Q].text(0) and "query open" in view.tree.items[Q].toolTip(0)
        assert not strip.isVisible()
        qtbot.keyClick(view, Qt.Key.Key_F4)
        assert view.current == Q and strip.isVisible()
        assert "15 working days" in strip.talk.text() and strip.send.isEnabled()
        assert not strip.close_btn.isVisible()  # only the lead closes
        assert view.select_option(1)  # the answer changes: "no"
        assert view.state(Q).value == "no"
        strip.text.setPlainText("Checked: the plan was late. Changed to no.")
        qtbot.mouseClick(strip.send, Qt.MouseButton.LeftButton)
        assert q_ops.find(ws, ids["ann-q"]).state == "answered"
        assert "replied" in strip.talk.text() and "answered" in strip.heading.text()
        assert "query answered" in view.tree.items[Q].toolTip(0)
        w.close()
        exchange.export_secure(ws, world["iid"], d / "ann-gui.export")
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [d / "ann-gui.export"], trust=world["trust"])
        assert merged.files[0].status == "merged"
        q = q_ops.find(ws, ids["ann-q"])
        assert q.state == "closed" and q.messages[1].text.startswith("Checked") and q.messages[1].value == "no"


def test_the_lead_raises_a_query_from_the_walk_through_and_filters_the_list(qtbot, world, monkeypatch):  # noqa: F811
    d = world["dir"]
    with laptop(d, "Lead") as ws:
        w = _window(qtbot, ws)
        view = w.open_case(ws.find_case("R-8"))
        assert view is not None
        view.show_question("IAOW-2.1-03")
        seen = []

        def run(dlg):
            seen.append(dlg.question.currentData())
            dlg.text.setPlainText("2.1-03: which date is on the plan?")
            dlg._raise()
            return True

        monkeypatch.setattr(query_gui.RaiseDialog, "exec", run)
        w.acts["raise_query"].trigger()
        assert seen == ["IAOW-2.1-03"]  # the current question preselected
        assert w.query_strip.isVisible() and "which date" in w.query_strip.talk.text()
        assert w.query_strip.close_btn.isVisible() and not w.query_strip.send.isVisible()
        w.show_list()
        dlg = query_gui.show_list(w)
        assert dlg is not None
        assert sorted(q.reference for q in dlg.shown) == ["R-1", "R-2", "R-7", "R-8"]
        dlg.case.setText("R-8")
        assert [q.reference for q in dlg.shown] == ["R-8"]
        dlg.case.setText("")
        q_ops.close(ws, world["ids"]["bob-q"], "settled by phone")
        dlg.state.setCurrentIndex(dlg.state.findData("closed"))
        assert [q.reference for q in dlg.shown] == ["R-7"]
        dlg.table.selectRow(0)
        assert "settled by phone" in dlg.detail.text()
        dlg._open(0)
        assert w.view is not None and w.view.s.case.reference == "R-7" and w.view.current == Q
        w.close()


def test_a_case_given_to_two_assessors_asks_whom_the_query_is_for(qtbot, world, monkeypatch):  # noqa: F811
    from storage import merge as merge_sql

    with laptop(world["dir"], "Lead") as ws:
        case_id = ws.find_case("R-3")
        merge_sql.assign(ws.store, world["iid"], [case_id], "Bob")  # a double reading
        dlg = query_gui.RaiseDialog(ws, case_id, Q)
        qtbot.addWidget(dlg)
        assert [dlg.to.itemData(i) for i in range(dlg.to.count())] == ["Ann", "Bob"]
        dlg.to.setCurrentIndex(1)
        dlg.text.setPlainText("Bob: which plan did you read?")
        dlg._raise()
        assert dlg.raised is not None and dlg.raised.assessor == "Bob" and dlg.raised.question_id == Q

        def answered(self):
            self.text.setPlainText("Ann: which plan did you read?")
            self._raise()
            return True

        monkeypatch.setattr(query_gui.RaiseDialog, "exec", answered)
        got = query_gui.raise_on(None, ws, case_id, Q)  # as the conflicts panel asks
        assert got is not None and got.assessor == "Ann"
