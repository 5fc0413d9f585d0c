"""The walk-through: one case, question by question, in journey order.

Widgets hold no business rules: applicability, progress, validation and saving
live in :class:`ui.ops.session.CaseSession`.  Every change is saved the moment it is
made; a failed save keeps the answer on screen, says so, and is retried.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionView, text_in
from ui.gui import review_notes, walk_keys
from ui.gui.case_header import CaseHeader
from ui.gui.colours import banner_style, walk_colours
from ui.gui.end_of_case import EndOfCase, next_case_id
from ui.gui.i18n import stage_title
from ui.gui.journey_tree import JourneyPane, JourneyTree
from ui.gui.question_panel import QuestionPanel
from ui.gui.score_panel import ScorePanel
from ui.gui.undo import AnswerCommand
from ui.ops.session import AnswerState, CaseSession, SaveResult

log = logging.getLogger("case_assessor.ui")

QID_ROLE = Qt.ItemDataRole.UserRole
SPLIT_KEY = "walk/splitter"  # the tree's width (and the others'), remembered between cases and runs
AUTO_ADVANCE_KEY = "walk/auto_advance"


class AssessView(QWidget):
    """The assessment of one case."""

    status_message = Signal(str)
    save_state = Signal(str)  # "saved" / "unsaved"
    closed = Signal()
    changed = Signal()
    mark_complete_requested = Signal()
    open_case_requested = Signal(str)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.s = session
        self.qs = session.qs
        self.undo = QUndoStack(self)
        self.retry = QTimer(self)
        self.retry.setInterval(2000)
        self.retry.timeout.connect(self._retry_pending)
        self.current: str = ""
        self.at_end = False  # the end-of-case screen is showing
        self._drawn_revision: tuple[int, int] = (-1, -1)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(700)
        self._note_timer.timeout.connect(self._commit_note)
        # where the assessor is: stored once they pause (and on leaving), not on every key press
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(400)
        self._position_timer.timeout.connect(self._save_position)
        self._build()
        start = session.assessment.position
        if not start or start not in self.qs.by_id:
            start = session.next_unanswered() or self.qs.questions[0].id
        self.show_question(start)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.header = CaseHeader()
        self.title, self.case_progress = self.header.title, self.header.progress
        self.header.back_to_list.clicked.connect(self.closed.emit)
        outer.addWidget(self.header)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.review_note = review_notes.note_label(outer)  # the lead's return comments: on the case, on this answer

        self.split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.split, 1)
        self.tree = JourneyTree(self.qs)
        self.tree.question_chosen.connect(self._go_to)
        self.tree_pane = JourneyPane(self.tree)
        self.split.addWidget(self.tree_pane)

        self.panel = p = QuestionPanel(self.qs)
        self.end = EndOfCase()
        self.centre = QStackedWidget()
        self.centre.addWidget(p)
        self.centre.addWidget(self.end)
        self.split.addWidget(self.centre)
        self.crumb, self.crit_progress, self.wording, self.reason = p.crumb, p.crit_progress, p.wording, p.reason
        self.guide_btn, self.guidance, self.options_box, self.practice = p.guide_btn, p.guidance, p.options_box, p.practice
        self.note, self.prev_btn, self.next_btn, self.todo_btn = p.note, p.prev_btn, p.next_btn, p.todo_btn
        self.auto_advance = p.auto_advance
        self.options_box.chosen.connect(self._option_clicked)
        self.options_box.factor_chosen.connect(self._factor_changed)
        self.practice.toggled.connect(self._practice_toggled)
        self.note.textChanged.connect(self._note_edited)
        self.note.installEventFilter(self)
        self.prev_btn.clicked.connect(lambda: self.go(False))
        self.next_btn.clicked.connect(lambda: self.go(True))
        self.todo_btn.clicked.connect(self.go_unanswered)
        self.end.question_chosen.connect(self._go_to)
        self.end.back.connect(self.back_from_end)
        self.end.mark_complete.connect(self.mark_complete_requested.emit)
        self.end.next_case.connect(self._open_next_case)

        self.scores = ScorePanel(self.qs, self.s.open_conflicts())
        self.scores.question_chosen.connect(self._go_to)
        self.split.addWidget(self.scores)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        self.split.setStretchFactor(2, 2)
        self._restore_settings()
        self._apply_colours()
        walk_keys.install_shortcuts(self)

    def _restore_settings(self) -> None:
        """The pane widths and the auto-advance choice, as the assessor last left them."""
        settings = QSettings()
        state = settings.value(SPLIT_KEY)
        if state is None or not self.split.restoreState(state):
            self.split.setSizes([280, 700, 260])
        self.split.splitterMoved.connect(lambda _pos, _i: QSettings().setValue(SPLIT_KEY, self.split.saveState()))
        on = settings.value(AUTO_ADVANCE_KEY, False, type=bool)  # off: a note typed after an answer stays on its question
        self.auto_advance.setChecked(bool(on))
        self.auto_advance.toggled.connect(lambda v: QSettings().setValue(AUTO_ADVANCE_KEY, v))

    def _apply_colours(self) -> None:
        """Colours from the palette in use (light or dark), re-chosen when it changes."""
        c = walk_colours(self.palette())
        self.banner.setStyleSheet(banner_style(c))
        self.review_note.setStyleSheet(banner_style(c))
        self.panel.set_colours(c)
        self.scores.conflict_note.setStyleSheet(f"color: {c.caution.name()}; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)

    # ------------------------------------------------------------------ display
    def qv(self, qid: str | None = None) -> QuestionView:
        return self.qs.by_id[qid or self.current]

    @property
    def pending(self) -> dict[str, tuple[AnswerState, str]]:
        """Answers kept on screen until the store takes them (the session's queue)."""
        return self.s.pending

    def state(self, qid: str) -> AnswerState:
        return self.s.state(qid)

    def show_question(self, qid: str) -> None:
        """Navigate to a question (committing the note being typed first).

        Asked for the question it is on while the end-of-case screen shows
        (after Mark complete or Reopen), it redraws that screen instead."""
        self._commit_note()
        if self.at_end and qid == self.current:
            self.show_end()
            return
        self._display(qid)

    def show_end(self) -> None:
        """The end-of-case screen: what is left to do, Mark complete, the next case."""
        self._commit_note()
        self.at_end = True
        self._refresh_side()
        self._show_banner()
        self.end.show_session(self.s, next_case_id(self.s) is not None)
        self.centre.setCurrentWidget(self.end)
        self.crumb.setText("")
        self.setFocus()

    def _show_banner(self) -> None:
        review_notes.show(self.banner, self.review_note, self.s, None if self.at_end else self.current)

    def _display(self, qid: str) -> None:
        self.current = qid
        self.at_end = False
        self.centre.setCurrentWidget(self.panel)
        qv = self.qv()
        app = self.s.applicability()[qid]
        crit = qv.criterion
        self.title.setText(
            self.tr("Case {0} · {1}").format(self.s.case.reference, self.qs.title())
        )
        self.crumb.setText(
            f"{stage_title(qv.stage)} › {crit.code} {text_in(crit.title)} › {qv.id}"
            + ("" if qv.q.scored else self.tr("  (data item, not scored)"))
        )
        self.panel.show_texts(self.qs, qv)
        self.reason.setText(self.s.reason(qid))
        self.reason.setVisible(app is not True)
        self.options_box.show_question(qv, self.state(qv.id),
                                       self.state(qv.q.per_option_of) if qv.q.per_option_of else None,
                                       app is True and self.s.editable)
        st = self.state(qid)
        typing = self.note.hasFocus() and self.note.toPlainText() == st.note
        if not typing:
            self.note.blockSignals(True)
            self.note.setPlainText(st.note)
            self.note.blockSignals(False)
        self.practice.blockSignals(True)
        self.practice.setChecked(st.practice)
        self.practice.blockSignals(False)
        editable = self.s.editable
        self.note.setReadOnly(not editable)
        self.practice.setEnabled(editable)
        self._show_banner()
        self._refresh_side()
        item = self.tree.items[qid]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self._position_timer.start()
        if not typing:
            self.setFocus()

    def _refresh_side(self) -> None:
        if self._drawn_revision != (self.s.revision, len(self.pending)):
            self._refresh_answers_view()
            self._drawn_revision = (self.s.revision, len(self.pending))
        crit_code = self.qv().criterion.code
        qids = [qv.id for qv in self.qs.questions if qv.criterion.code == crit_code]
        d, t = self.s.progress(qids)
        self.crit_progress.setMaximum(max(t, 1))
        self.crit_progress.setValue(d)
        self.crit_progress.setToolTip(self.tr("{0} of {1} answered in criterion {2}").format(d, t, crit_code))
        self.prev_btn.setEnabled(self.s.step(self.current, False) is not None)
        self.next_btn.setEnabled(True)  # after the last question: the end-of-case screen

    def _refresh_answers_view(self) -> None:
        """Redraw what depends on the answers: tree marks, progress, live scores."""
        self.header.show_progress(*self.s.progress())
        self.tree.refresh(self.s)
        self.scores.refresh(self.s)

    # ------------------------------------------------------------------ navigation
    def go(self, forward: bool) -> None:
        target = self.s.step(self.current, forward)
        if target:
            self.show_question(target)
        elif forward:
            self.show_end()
        else:
            self.status_message.emit(self.tr("Start of the case."))

    def go_unanswered(self) -> None:
        target = self.s.next_unanswered(self.current)
        if target:
            self.show_question(target)
        else:
            self.status_message.emit(self.tr("Every applicable question is answered."))

    def _go_to(self, qid: str) -> None:
        if qid != self.current or self.at_end:
            self.at_end = False
            self.show_question(qid)

    def back_from_end(self) -> None:
        self.at_end = False
        self.show_question(self.current)

    def _open_next_case(self) -> None:
        nid = next_case_id(self.s)
        if nid:
            self.open_case_requested.emit(nid)

    # ------------------------------------------------------------------ answering
    def _apply(self, qid: str, new: AnswerState, label: str) -> None:
        old = self.state(qid)
        if old.as_tuple() == new.as_tuple():
            return
        if not self.s.editable:
            self.status_message.emit(self.tr("This case is complete; reopen it to change answers.") if self.s.complete
                                     else self.tr("The database is read-only: nothing can be changed."))
            return
        self.undo.push(AnswerCommand(self, qid, AnswerState(*old.as_tuple()), new, label))

    def _option_clicked(self, value: str) -> None:
        qv = self.qv()
        st = self.state(self.current)
        if qv.scale.kind == "multi":
            chosen = self.options_box.checked_values()
            order = [o.value for o in qv.scale.options]
            new_value: Any = sorted(chosen, key=order.index) or None
        else:
            new_value = value
        self._apply(self.current, AnswerState(new_value, st.note, st.practice), self.tr("Answer {0}").format(self.current))
        # one key per single-choice question: the answer taken, move on (a multi-choice one waits for Enter)
        if (qv.scale.kind == "single" and self.auto_advance.isChecked() and not self.s.complete
                and self.state(self.current).value == new_value):
            self.go(True)

    def _factor_changed(self, opt: str, v: object) -> None:
        st = self.state(self.current)
        current = dict(st.value) if isinstance(st.value, dict) else {}
        if v is None:
            current.pop(opt, None)
        else:
            current[opt] = v
        self._apply(self.current, AnswerState(current or None, st.note, st.practice), self.tr("Answer {0}").format(self.current))

    def _practice_toggled(self, on: bool) -> None:
        st = self.state(self.current)
        self._apply(self.current, AnswerState(st.value, st.note, on), self.tr("Practice flag {0}").format(self.current))

    def _note_edited(self) -> None:
        self.save_state.emit("editing")
        self._note_timer.start()

    def _commit_note(self) -> None:
        self._note_timer.stop()
        if not self.current:
            return
        text = self.note.toPlainText()
        st = self.state(self.current)
        if text != st.note:
            self._apply(self.current, AnswerState(st.value, text, st.practice), self.tr("Note {0}").format(self.current))

    @property
    def option_buttons(self) -> list[QAbstractButton]:
        return self.options_box.buttons

    @property
    def factor_boxes(self) -> dict[str, QComboBox]:
        return self.options_box.factor_boxes

    def select_option(self, index: int) -> bool:
        """Choose the option at ``index`` (0-based), or N/A with index -1."""
        return self.options_box.select(index)

    def _store_answer(self, qid: str, state: AnswerState, action: str) -> None:
        """Save now; on failure the session keeps it pending (shown) and the timer retries."""
        self._show_save(self.s.submit(qid, state, action))
        self._display(qid)
        self.changed.emit()

    def _show_save(self, result: SaveResult) -> bool:
        if result.refused:
            self.status_message.emit(result.refused)
        if result.message:
            self.save_state.emit("unsaved")
            self.status_message.emit(
                self.tr("Not saved: {0} Your answer is kept on screen and will be retried.").format(result.message))
            if not self.retry.isActive():
                self.retry.start()
        elif result.saved:
            self.retry.stop()
            self.save_state.emit("saved")
        return result.saved

    def _retry_pending(self) -> None:
        if self._show_save(self.s.retry_pending()):
            self._refresh_side()

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not walk_keys.handle_key(self, event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab: the answers first, then the note and the way on, then the tree and the scores."""
        return walk_keys.move_focus(self, forward)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.note and walk_keys.note_event(self, event):
            return True
        return super().eventFilter(obj, event)

    def _save_position(self) -> None:
        self._position_timer.stop()
        self.s.remember_position(self.current)  # a convenience: a failure is ignored there

    def flush_all(self) -> bool:
        """Commit the note being typed and any pending answers; True if all stored."""
        self._commit_note()
        if self.pending and not self._show_save(self.s.retry_pending()):
            return False
        self._save_position()  # last: answers first, and nothing re-arms the timer after it
        return True
