"""The end-of-case screen: what is left, jumps to it, Mark complete, the next case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.gui.end_of_case import count_phrase, next_case_id


def _last(view) -> str:
    app = view.s.applicability()
    return [qv.id for qv in view.qs.questions if app[qv.id] is not False][-1]


def test_past_the_last_question_comes_the_end_of_case_screen(qtbot, window, setup):
    """Replays the probe: Enter on the last question only said 'End of the case.'"""
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.show_question(_last(view))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.at_end and view.centre.currentWidget() is view.end
    todo = view.s.unanswered()
    assert view.end.todo.count() == len(todo) > 0
    assert f"Still to answer: {len(todo)} questions" in view.end.summary.text()
    assert not view.end.complete_btn.isEnabled()  # not while anything applicable is unanswered
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter: go to the first unanswered question
    assert not view.at_end and view.current == todo[0]


def test_a_jump_from_the_list_and_back(qtbot, window, setup):
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.show_end()
    item = view.end.todo.item(2)
    view.end.todo.itemActivated.emit(item)
    assert view.current == view.s.unanswered()[2] and not view.at_end
    view.show_end()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert not view.at_end and view.centre.currentWidget() is view.panel


def test_mark_complete_and_next_case_from_the_end(qtbot, window, setup):
    s, _iid, cid, cid2 = setup
    view = window.open_case(cid)
    view.s.unanswered = lambda: []  # treat as fully answered for this test
    view.show_end()
    assert view.end.complete_btn.isEnabled() and "press Enter to mark" in view.end.summary.text()
    view.end.complete_btn.click()
    assert s.primary_assessment(cid).status == "complete"
    assert view.at_end and "marked complete" in view.end.summary.text()  # the screen stays, updated
    assert not view.end.complete_btn.isEnabled() and view.end.next_btn.isEnabled()
    view.end.next_btn.click()
    assert window.view is not None and window.view.s.case.id == cid2


def test_next_case_skips_complete_cases_and_wraps(qtbot, window, setup):
    _s, _iid, cid, cid2 = setup
    view = window.open_case(cid2)
    assert next_case_id(view.s) == cid  # G-002 wraps round to G-001
    view = window.open_case(cid)
    view.s.unanswered = lambda: []
    view.s.mark_complete()
    view = window.open_case(cid2)
    assert next_case_id(view.s) is None  # the only other case is complete


def test_counts_read_as_english():
    """Replays the probe: '1 applicable questions'."""
    assert count_phrase(1, "question", "questions") == "1 question"
    assert count_phrase(3, "question", "questions") == "3 questions"


def test_the_completion_dialog_counts_in_english(qtbot, window, setup):
    from PySide6.QtWidgets import QLabel

    from ui.gui.completion import CompletionDialog

    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    one = CompletionDialog(view.s, ["IAOW-1.1-05"], window)
    qtbot.addWidget(one)
    words = " ".join(lab.text() for lab in one.findChildren(QLabel))
    assert "1 applicable question is still unanswered" in words, words
    assert one.list.item(0).text().startswith("IAOW-1.1-05  The report for this court appearance:")  # with its stem


def test_next_on_the_last_question_leads_to_the_end(qtbot, window, setup):
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.show_question(_last(view))
    assert view.next_btn.isEnabled()
    view.next_btn.click()
    assert view.at_end
