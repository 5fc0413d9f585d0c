"""Entry speed: auto-advance, a letter for every option, Tab to the answers first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from models.questionset import builtin_catalog, text_in
from ui.gui.answer_options import unique_letters
from ui.gui.question_panel import QuestionPanel


def _walk(qtbot, view) -> dict[str, int]:
    """Answer a whole case from the keyboard with auto-advance on, counting keys."""
    keys = {"single": 0, "single_questions": 0, "other": 0}
    for _ in range(1000):
        if view.at_end:
            break
        qv = view.qv()
        app = view.s.applicability()[view.current]
        if app is True and not view.s._fully_answered(view.current):
            if qv.q.per_option_of:
                for _f in range(len(view.factor_boxes)):
                    qtbot.keyClick(view, Qt.Key.Key_1)
                    keys["other"] += 1
            elif qv.scale.kind == "multi":
                qtbot.keyClick(view, Qt.Key.Key_1)
                keys["other"] += 1
            else:
                before = view.current
                qtbot.keyClick(view, Qt.Key.Key_1)
                keys["single"] += 1
                keys["single_questions"] += 1
                assert view.current != before or view.at_end, f"{before}: the answer did not move on"
                continue
        qtbot.keyClick(view, Qt.Key.Key_Return)
        keys["other"] += 1
    return keys


def test_one_key_per_single_choice_question_with_auto_advance(qtbot, window, setup):
    """Replays the probe: two keys per question (364 for a 184-question case)."""
    s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.auto_advance.setChecked(True)
    view.show_question(view.qs.questions[0].id)
    keys = _walk(qtbot, view)
    done, total = view.s.progress()
    assert view.at_end and view.s.unanswered() == [] and done == total > 150
    assert keys["single"] == keys["single_questions"] > 140  # exactly one key per single-choice question
    assert keys["single"] + keys["other"] < 1.15 * total  # was 2 keys per question
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the end-of-case screen: Enter marks it complete
    assert s.primary_assessment(cid).status == "complete"
    print(f"\nkeys for {total} questions: {keys['single']} single-choice + {keys['other']} other, +1 to complete")


def test_auto_advance_is_off_by_default_and_remembered(qtbot, window, setup):
    _s, _iid, cid, cid2 = setup
    view = window.open_case(cid)
    assert not view.auto_advance.isChecked()  # off: a note written after an answer stays on its question
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.current == "IAOW-2.1-02"
    view.auto_advance.setChecked(True)
    view = window.open_case(cid2)
    assert view.auto_advance.isChecked()
    view.show_question("IAOW-2.1-02")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.current != "IAOW-2.1-02"


def test_multi_choice_does_not_advance(qtbot, window, setup):
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.auto_advance.setChecked(True)
    view.show_question("IAOW-3.1-16")
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.current == "IAOW-3.1-16" and len(view.s.state("IAOW-3.1-16").value) == 2


@pytest.mark.parametrize("set_id", ["iaow-2013", "omi2-2010", "tr-2016"])
def test_every_option_of_every_list_has_its_own_letter(set_id):
    """Replays the probe: first-letter keys only where the first letter was unique."""
    qs = builtin_catalog().get(set_id)
    for qv in qs.questions:
        opts = [(o.value, text_in(o.label)) for o in qv.scale.options]
        letters = unique_letters(opts)
        assert set(letters) == {v for v, _ in opts}, qv.id
        assert len(set(letters.values())) == len(letters), qv.id


def test_letters_keep_unique_initials_and_resolve_shared_ones():
    letters = unique_letters([("yes", "Yes"), ("no", "No"), ("nr", "Not required")])
    assert letters["yes"] == "y"
    assert letters["no"] != letters["nr"] and {letters["no"], letters["nr"]} <= set("nrq") | {"o", "t"}


def test_a_letter_chooses_an_option_that_shares_its_initial(qtbot, window, setup):
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    qid = next(qv.id for qv in view.qs.questions
               if len({text_in(o.label)[:1] for o in qv.scale.options}) < len(qv.scale.options)
               and qv.scale.kind == "single" and view.s.applicability()[qv.id] is True)
    view.show_question(qid)
    qv = view.qv()
    letters = unique_letters([(o.value, text_in(o.label)) for o in qv.scale.options])
    firsts = [text_in(o.label)[:1].lower() for o in qv.scale.options]
    target = next(o.value for o, f in zip(qv.scale.options, firsts, strict=True) if firsts.count(f) > 1)
    qtbot.keyClicks(view, letters[target])
    assert view.s.state(qid).value == target
    button = next(b for b in view.option_buttons if b.property("answer_value") == target)
    assert f"/ {letters[target].upper()}]" in button.text()  # the key is shown beside the option


def test_tab_goes_to_the_answers_first(qtbot, window, setup):
    """Replays the probe: Tab visited the tree, an invisible scroll area and the scores first."""
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    window.activateWindow()
    view.show_question("IAOW-2.1-02")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = QApplication.focusWidget()
    assert isinstance(first, QRadioButton) and first in view.option_buttons
    seen = [first]
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert not any(isinstance(w, QuestionPanel) for w in seen)  # the scroll area is no stop
    assert seen.index(view.note) < seen.index(view.tree) < seen.index(view.scores.tree)
    qtbot.keyClick(view.option_buttons[0], Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view.header.back_to_list  # Shift+Tab wraps to the end


def test_letters_answer_per_factor_questions_too(qtbot, window, setup):
    """Every option list has its letters: on a per-factor question a letter answers the next factor."""
    _s, _iid, cid, _ = setup
    view = window.open_case(cid)
    view.show_question("IAOW-3.1-16")
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    view.show_question("IAOW-3.2-13")
    qv = view.qv()
    letters = unique_letters([(o.value, text_in(o.label)) for o in qv.scale.options])
    second = qv.scale.options[1].value
    qtbot.keyClicks(view, letters[second])
    first_box = list(view.factor_boxes.values())[0]
    assert first_box.currentData() == second
    assert f"/ {letters[second].upper()}]" in first_box.itemText(2)
