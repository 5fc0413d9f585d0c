"""The assessor's walk-through, driven through the real widgets with qtbot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from storage.store import DiskFull, ReadOnly, Store
from ui.gui import completion
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

DETAILS = {
    "case_type": "licence", "gender": "male", "rosh_level": "high", "child_protection": "procedures",
    "identifiable_victim": True, "mappa_level": "2", "requirements": ["supervision", "accredited_programme"],
    "domestic_abuse": True, "enforcement_needed": True,
}


@pytest.fixture
def setup(db_path, iaow):
    s = Store(db_path)
    s.set_setting("assessor_name", "Jo Bloggs")
    s.set_setting("assessor_id", "LA-07")
    iid = s.create_inspection("GUI test", iaow.id, iaow.version)
    cid = s.add_case(iid, "G-001", DETAILS)
    s.add_case(iid, "G-002", {"case_type": "community_order", "rosh_level": "low", "requirements": ["supervision"]})
    yield s, iid, cid
    s.close()


@pytest.fixture
def window(qtbot, setup):
    s, iid, cid = setup
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    w.show()
    return w


def answers_in_db(store, case_id):
    a = store.primary_assessment(case_id)
    return store.answers(a.id) if a else {}


def test_keyboard_only_walk_through_a_full_case(qtbot, window, setup):
    s, _iid, cid = setup
    view = window.open_case(cid)
    qtbot.keyClick(view, Qt.Key.Key_Home)  # harmless key: focus is on the view
    for _ in range(800):
        qv = view.qv()
        app = view.s.applicability()[view.current]
        if app is True and not view.s._fully_answered(view.current):
            qtbot.keyClick(view, Qt.Key.Key_1)
            if qv.q.per_option_of:
                for _f in range(len(view.factor_boxes)):
                    qtbot.keyClick(view, Qt.Key.Key_1)
        if view.s.step(view.current, True) is None:
            break
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.s.unanswered() == []
    stored = answers_in_db(s, cid)
    done, total = view.s.progress()
    assert done == total > 150
    assert len(stored) >= total
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert s.primary_assessment(cid).status == "complete"


def test_applicability_hides_and_shows_live(qtbot, window, setup):
    s, iid, _ = setup
    cid = s.find_case("G-002", iid).id
    view = window.open_case(cid)
    view.show_question("IAOW-1.1-01")
    item = view.tree.items["IAOW-1.1-03"]
    qtbot.keyClick(view, Qt.Key.Key_1)  # no report
    assert item.isDisabled() and view.s.applicability()["IAOW-1.1-03"] is False
    view.show_question("IAOW-1.1-01")
    qtbot.keyClick(view, Qt.Key.Key_4)  # full typed report
    assert not item.isDisabled()
    # going forward now lands on the report questions; an oral-only item is skipped
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.current == "IAOW-1.1-03"
    view.show_question("IAOW-1.1-03")
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.show_question("IAOW-1.1-01")
    qtbot.keyClick(view, Qt.Key.Key_1)  # back to no report: the answer is kept but marked
    assert "IAOW-1.1-03" in view.s.kept_inapplicable()
    assert "answer kept" in view.tree.items["IAOW-1.1-03"].text(0)
    assert answers_in_db(s, cid)["IAOW-1.1-03"].value == "yes"
    view.show_question("IAOW-1.1-03")
    assert "Does not apply" in view.reason.text() and not view.reason.isHidden()


def test_autosave_survives_a_fresh_window(qtbot, setup, db_path):
    s, _iid, cid = setup
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    view = w.open_case(cid)
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_2)
    view.note.setFocus()
    qtbot.keyClicks(view.note, "Seen at interview, p.4")
    qtbot.keyClick(view.note, Qt.Key.Key_Escape)
    view.show_question("IAOW-2.1-03")
    assert "✓ Saved" in w.saved_label.text()
    w.close()
    s2 = Store(db_path)
    try:
        w2 = MainWindow(Workspace(s2))
        qtbot.addWidget(w2)
        v2 = w2.open_case(cid)
        assert v2.current == "IAOW-2.1-03"  # resumes where it was
        v2.show_question("IAOW-2.1-02")
        assert v2.option_buttons[1].isChecked()
        assert v2.note.toPlainText() == "Seen at interview, p.4"
    finally:
        s2.close()


def test_undo_and_redo_are_stored_and_audited(qtbot, window, setup):
    s, _iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value == "no"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value == "yes"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value is None  # cleared: a tombstone travels to the lead
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value == "yes"
    actions = [r.action for r in s.audit_rows(assessment_id=view.s.assessment.id) if r.question_id == "IAOW-2.1-02"]
    assert actions == ["answer", "answer", "undo", "undo", "redo"]


def test_completion_validation_lists_and_jumps(qtbot, window, setup, monkeypatch):
    s, _iid, cid = setup
    view = window.open_case(cid)
    seen = {}

    def fake_exec(dlg):
        seen["items"] = dlg.list.count()
        dlg._go(dlg.list.item(3))
        return 1

    monkeypatch.setattr(completion.CompletionDialog, "exec", fake_exec)
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert seen["items"] == len(view.s.unanswered()) > 0
    assert view.current == view.s.unanswered()[3]
    assert s.primary_assessment(cid).status == "in_progress"


def test_reopen_is_audited_and_complete_is_read_only(qtbot, window, setup):
    s, _iid, cid = setup
    view = window.open_case(cid)
    view.s.unanswered = lambda: []  # treat as fully answered for this test
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert view.s.complete and not view.banner.isHidden()
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert "IAOW-2.1-02" not in answers_in_db(s, cid)  # read-only
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not view.s.complete
    rows = s.audit_rows(assessment_id=view.s.assessment.id)
    assert [r.action for r in rows][-2:] == ["complete", "reopen"]
    assert rows[-1].who == "Jo Bloggs (LA-07)"


def test_write_failure_keeps_the_answer_and_retries(qtbot, window, setup, monkeypatch):
    s, _iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    real = s.save_answer
    calls = {"n": 0}

    def flaky(*a, **k):
        calls["n"] += 1
        if calls["n"] == 1:
            raise DiskFull()
        return real(*a, **k)

    monkeypatch.setattr(s, "save_answer", flaky)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.option_buttons[0].isChecked()  # still on screen
    assert "IAOW-2.1-02" in view.pending
    assert "Not saved" in window.saved_label.text()
    assert "disk is full" in window.statusBar().currentMessage()
    assert view.retry.isActive()
    view._retry_pending()
    assert view.pending == {}
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value == "yes"
    assert "✓ Saved" in window.saved_label.text()


def test_a_write_that_can_never_succeed_is_refused_not_retried(qtbot, window, setup, monkeypatch):
    s, _iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")

    def read_only(*a, **k):
        raise ReadOnly()

    monkeypatch.setattr(s, "save_answer", read_only)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.pending == {}
    assert "read-only" in window.statusBar().currentMessage()
    assert "IAOW-2.1-02" not in answers_in_db(s, cid)


def test_an_unsaved_answer_keeps_its_case_open(qtbot, window, setup, monkeypatch):
    """Opening another case while an answer cannot be written yet leaves the
    first case on screen with the answer pending, never hidden or dropped."""
    s, iid, cid = setup
    other = [c.id for c in s.list_cases(iid) if c.id != cid][0]
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    real = s.save_answer

    def full(*a, **k):
        raise DiskFull()

    monkeypatch.setattr(s, "save_answer", full)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.open_case(other) is None
    assert window.view is view and window.stack.currentWidget() is view
    assert "IAOW-2.1-02" in view.pending and warned
    monkeypatch.setattr(s, "save_answer", real)
    opened = window.open_case(other)
    assert opened is not None and window.view is opened
    assert answers_in_db(s, cid)["IAOW-2.1-02"].value == "yes"


def test_case_list_filters_and_searches(qtbot, window):
    t = window.list
    assert t.proxy.rowCount() == 2
    qtbot.keyClicks(t.search, "G-002")
    assert t.proxy.rowCount() == 1
    t.search.clear()
    t.status_filter.setCurrentIndex(t.status_filter.findData("in_progress"))
    assert all(t.table.isRowHidden(r) for r in range(t.proxy.rowCount()))


def test_every_control_has_an_accessible_name(qtbot, window, setup):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    _s, _iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    missing = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit):
        for w in window.findChildren(cls):
            if w.isVisible() and not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text()):
                missing.append(f"{cls.__name__}:{w.objectName()}")
    assert missing == []


def test_no_key_means_two_things_inside_a_case(qtbot, window, setup):
    """Replays the probe: Ctrl+P was both 'Practice illustration' and 'Print case
    summary' (Qt: 'Ambiguous shortcut overload'), so it did nothing."""
    from PySide6.QtGui import QAction, QShortcut

    s, iid, cid = setup
    view = window.open_case(cid)
    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    keys += [sc.key().toString() for sc in view.findChildren(QShortcut)]
    assert "Ctrl+P" in keys
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    view.show_question("IAOW-2.1-02")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert view.practice.isChecked()


def test_the_chosen_answer_is_a_checked_radio(qtbot, window, setup):
    """Replays the probe: the chosen answer was a barely darker push button."""
    from PySide6.QtWidgets import QRadioButton

    s, iid, cid = setup
    view = window.open_case(cid)
    view.show_question("IAOW-2.1-02")
    assert view.select_option(0)
    buttons = view.option_buttons
    assert all(isinstance(b, QRadioButton) for b in buttons)
    assert [b.isChecked() for b in buttons].count(True) == 1 and buttons[0].isChecked()
    assert "[1" in buttons[0].text()  # the key is shown, not only in a tooltip
