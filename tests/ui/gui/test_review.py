"""The review in the GUI: the lead returns a case with comments and approves
it from the Lead menu, the case list shows and filters the state, an approved
case is changed only with a reason, the assessor sees the comments in the
walk-through, and the Lead menu makes a blind QA pack."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from storage import review as review_sql
from ui.gui.main_window import MainWindow
from ui.gui.review import ReturnDialog
from ui.ops import exchange
from ui.ops import review as review_ops
from ui.ops.qa import assign_qa
from ui.ops.session import AnswerState
from ui.ops.workspace import Workspace

from ..ops.test_review import Q2, trip  # noqa: F401  (fixture)


def _window(qtbot, store) -> MainWindow:
    w = MainWindow(Workspace(store))
    qtbot.addWidget(w)
    w.show()
    return w


def _select(w: MainWindow, ref: str) -> None:
    for r in range(w.list.proxy.rowCount()):
        if w.list.proxy.index(r, 0).data() == ref:
            w.list._select_row(r)
            return
    raise AssertionError(ref)


def _review_column(w: MainWindow) -> dict[str, str]:
    m = w.list.model
    col = m.columnCount() - 1
    assert m.horizontalHeaderItem(col).text() == "Review"
    return {m.item(r, 0).text(): m.item(r, col).text() for r in range(m.rowCount())}


def test_lead_returns_a_case_with_comments_and_the_assessor_sees_them(qtbot, trip, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)

    def fill(dlg: ReturnDialog) -> int:
        dlg.return_btn.click()  # no comment yet: refused, the dialog stays
        assert not dlg.result()
        dlg.comment.setPlainText("Check the plan's date")
        dlg.question.setCurrentIndex(dlg.question.findData(Q2))
        dlg.answer_text.setText("Dated after 15 days?")
        dlg.add_btn.click()
        assert dlg.answer_comments() == [(Q2, "Dated after 15 days?")]
        dlg.return_btn.click()
        return dlg.result()

    monkeypatch.setattr(ReturnDialog, "exec", fill)
    with trip["lead"] as s:
        w = _window(qtbot, s)
        assert _review_column(w) == {"R-1": "Submitted", "R-2": "Not submitted", "R-3": "Not submitted",
                                     "R-4": "Not submitted"}
        _select(w, "R-1")
        w.update_actions()
        assert w.acts["return_case"].isEnabled()
        w.acts["return_case"].trigger()
        assert _review_column(w)["R-1"] == "Returned"
        w.list.review_filter.setCurrentIndex(w.list.review_filter.findData("returned"))
        shown = [w.list.proxy.index(r, 0).data() for r in range(w.list.proxy.rowCount()) if not w.list.table.isRowHidden(r)]
        assert shown == ["R-1"]
        exchange.make_pack(Workspace(s), trip["iid"], "Ann", trip["dir"] / "ann.returns", str(trip["pw"]),
                           returns=True)
    with trip["ann"] as s:
        exchange.import_pack(Workspace(s), trip["dir"] / "ann.returns", str(trip["pw"]))
        w = _window(qtbot, s)
        view = w.open_case(s.find_case("R-1").id)
        assert view is not None and view.s.editable
        assert view.review_note.isVisible() and "Check the plan" in view.review_note.text()
        view.show_question(Q2)
        assert "Dated after 15 days?" in view.review_note.text()
        view.show_question("IAOW-2.1-02")
        assert "Dated after 15 days?" not in view.review_note.text()


def test_lead_approves_and_an_approved_case_changes_only_with_a_reason(qtbot, trip, monkeypatch):  # noqa: F811
    answers = iter([("", True), ("the plan was late", True)])
    asked: list[str] = []

    def reason(_w, _title, prompt, *a, **k):
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", reason)
    with trip["lead"] as s:
        w = _window(qtbot, s)
        _select(w, "R-1")
        w.acts["approve_cases"].trigger()
        assert _review_column(w)["R-1"] == "Approved"
        view = w.open_case(s.find_case("R-1").id)
        assert view is not None and not view.s.editable
        assert "approved" in view.banner.text()
        w.reopen()  # asked twice: an empty reason is asked again
        assert len(asked) == 2 and "approved" in asked[0]
        assert view.s.editable and view.s.change_reason == "the plan was late"
        assert view.s.save(Q2, AnswerState("yes")) is True
        aid = view.s.assessment.id
        rows = [r for r in s.audit_rows(assessment_id=aid) if r.who == "Lead"]
        assert [r.action for r in rows] == ["reopen", "answer"]
        assert all(r.new["why"] == "the plan was late" for r in rows)
        assert review_sql.state(s, aid) == "approved"


def test_reopening_an_approved_case_can_be_cancelled(qtbot, trip, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    with trip["lead"] as s:
        review_ops.approve(Workspace(s), ["R-1"])
        w = _window(qtbot, s)
        view = w.open_case(s.find_case("R-1").id)
        w.reopen()
        assert view is not None and view.s.complete and not view.s.editable


def test_the_lead_menu_makes_a_blind_qa_pack(qtbot, trip, monkeypatch):  # noqa: F811
    from ui.gui.pack_dialog import MakePackDialog

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    out = trip["dir"] / "qa.pack"

    def make(dlg: MakePackDialog) -> int:
        assert dlg.kind.currentData() == "qa" and not dlg.may_add.isEnabled()
        dlg.assessor.setCurrentText("Quinn")
        dlg.out.setText(str(out))
        dlg.passphrase.setText("granite oxidize pelican marmalade tundra")
        dlg.again.setText("granite oxidize pelican marmalade tundra")
        dlg.make_btn.click()
        return dlg.result()

    monkeypatch.setattr(MakePackDialog, "exec", make)
    with trip["lead"] as s:
        assign_qa(Workspace(s), trip["iid"], readers=["Quinn"], case_refs=["R-1"])
        w = _window(qtbot, s)
        w.update_actions()
        assert w.acts["qa_pack"].isEnabled()
        w.acts["qa_pack"].trigger()
        assert out.exists() and "blind QA pack of 1 cases for Quinn" in told[-1]


def test_the_assessor_cannot_reopen_a_submitted_case_and_is_told_why(qtbot, trip, monkeypatch):  # noqa: F811
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    with trip["ann"] as s:
        w = _window(qtbot, s)
        view = w.open_case(s.find_case("R-1").id)
        assert view is not None and "submitted to the lead inspector" in view.banner.text()
        w.reopen()
        assert warned and "submitted to the lead inspector" in warned[-1]
        assert view.s.complete and not view.s.editable
