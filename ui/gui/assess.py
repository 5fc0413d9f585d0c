"""The walk-through: one case, question by question, in journey order.

Widgets hold no business rules: applicability, progress, validation and saving
live in :class:`ui.ops.session.CaseSession`.  Every change is saved the moment it is
made; a failed save keeps the answer on screen, says so, and is retried.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.questionset import STAGE_TITLES, QuestionView, text_in
from ui.gui import history as history_panel
from ui.gui.journey_tree import JourneyTree
from ui.gui.question_panel import QuestionPanel
from ui.gui.score_panel import ScorePanel
from ui.gui.undo import AnswerCommand
from ui.ops.session import AnswerState, CaseSession, SaveResult

log = logging.getLogger("case_assessor.ui")

QID_ROLE = Qt.ItemDataRole.UserRole


class AssessView(QWidget):
    """The assessment of one case."""

    status_message = Signal(str)
    save_state = Signal(str)  # "saved" / "unsaved"
    closed = Signal()
    changed = Signal()

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.s = session
        self.qs = session.qs
        self.undo = QUndoStack(self)
        self.retry = QTimer(self)
        self.retry.setInterval(2000)
        self.retry.timeout.connect(self._retry_pending)
        self.current: str = ""
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
        outer.addLayout(self._header())

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #e0c060; padding: 6px; }")
        self.banner.hide()
        outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        # navigation tree
        self.tree = JourneyTree(self.qs)
        self.tree.question_chosen.connect(self._go_to)
        split.addWidget(self.tree)

        # question panel
        self.panel = QuestionPanel(self.qs)
        split.addWidget(self.panel)
        p = self.panel
        self.crumb, self.crit_progress, self.wording, self.reason = p.crumb, p.crit_progress, p.wording, p.reason
        self.guide_btn, self.guidance, self.options_box, self.practice = p.guide_btn, p.guidance, p.options_box, p.practice
        self.note, self.prev_btn, self.next_btn, self.todo_btn = p.note, p.prev_btn, p.next_btn, p.todo_btn
        self.options_box.chosen.connect(self._option_clicked)
        self.options_box.factor_chosen.connect(self._factor_changed)
        self.guide_btn.toggled.connect(self._toggle_guidance)
        self.practice.toggled.connect(self._practice_toggled)
        self.note.textChanged.connect(self._note_edited)
        self.note.installEventFilter(self)
        self.prev_btn.clicked.connect(lambda: self.go(False))
        self.next_btn.clicked.connect(lambda: self.go(True))
        self.todo_btn.clicked.connect(self.go_unanswered)

        # live scores
        self.scores = ScorePanel(self.qs, self.s.open_conflicts())
        self.scores.question_chosen.connect(self._go_to)
        split.addWidget(self.scores)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([260, 700, 260])

        self._shortcuts()

    def _header(self) -> QHBoxLayout:
        """The case's title, its progress, and the way back to the list."""
        head = QHBoxLayout()
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        self.case_progress = QProgressBar()
        self.case_progress.setAccessibleName(self.tr("Case progress"))
        self.case_progress.setMinimumWidth(200)
        self.case_progress.setMaximumWidth(280)
        self.case_progress.setFormat(self.tr("%v of %m answered"))
        head.addWidget(self.case_progress)
        self.back_to_list = QPushButton(self.tr("Case list"))
        self.back_to_list.setToolTip(self.tr("Back to the case list (Ctrl+L)"))
        self.back_to_list.setAccessibleName(self.tr("Back to the case list"))
        self.back_to_list.clicked.connect(self.closed.emit)
        head.addWidget(self.back_to_list)
        return head

    def _shortcuts(self) -> None:
        """The walk-through's own keys (F1 lists them; none is also a menu shortcut)."""
        for seq, fn in [
            ("Ctrl+Z", self.undo.undo),
            ("Ctrl+Y", self.undo.redo),
            ("Ctrl+Shift+Z", self.undo.redo),
            ("Ctrl+J", self.go_unanswered),
            ("Ctrl+E", self.note.setFocus),
            ("Ctrl+I", self.practice.toggle),
            ("F2", self.guide_btn.toggle),
            ("F3", lambda: history_panel.show_history(self, self.s.ws, self.s.case.id, self.current)),
            ("Ctrl+L", self.closed.emit),
        ]:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

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
        """Navigate to a question (committing the note being typed first)."""
        self._commit_note()
        self._display(qid)

    def _display(self, qid: str) -> None:
        self.current = qid
        qv = self.qv()
        app = self.s.applicability()[qid]
        crit = qv.criterion
        self.title.setText(
            self.tr("Case {0} · {1}").format(self.s.case.reference, self.qs.title())
        )
        self.crumb.setText(
            f"{self.tr(STAGE_TITLES[qv.stage])} › {crit.code} {text_in(crit.title)} › {qv.id}"
            + ("" if qv.q.scored else self.tr("  (data item, not scored)"))
        )
        self.wording.setText(text_in(qv.q.text))
        self.guidance.setText(text_in(qv.q.guidance) or self.tr("No guidance for this question."))
        self.reason.setText(self.s.reason(qid))
        self.reason.setVisible(app is not True)
        self.options_box.show_question(qv, self.state(qv.id),
                                       self.state(qv.q.per_option_of) if qv.q.per_option_of else None,
                                       app is True and not self.s.complete)
        st = self.state(qid)
        typing = self.note.hasFocus() and self.note.toPlainText() == st.note
        if not typing:
            self.note.blockSignals(True)
            self.note.setPlainText(st.note)
            self.note.blockSignals(False)
        self.practice.blockSignals(True)
        self.practice.setChecked(st.practice)
        self.practice.blockSignals(False)
        editable = not self.s.complete
        self.note.setReadOnly(not editable)
        self.practice.setEnabled(editable)
        self.banner.setVisible(self.s.complete)
        if self.s.complete:
            self.banner.setText(self.tr("This case is marked complete and is read-only. Use Case › Reopen (Ctrl+R) to change it."))
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
        self.next_btn.setEnabled(self.s.step(self.current, True) is not None)

    def _refresh_answers_view(self) -> None:
        """Redraw what depends on the answers: tree marks, progress, live scores."""
        done, total = self.s.progress()
        self.case_progress.setMaximum(max(total, 1))
        self.case_progress.setValue(done)
        self.tree.refresh(self.s)
        self.scores.refresh(self.s)

    def _toggle_guidance(self, on: bool) -> None:
        self.guidance.setVisible(on)
        self.guide_btn.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # ------------------------------------------------------------------ navigation
    def go(self, forward: bool) -> None:
        target = self.s.step(self.current, forward)
        if target:
            self.show_question(target)
        else:
            self.status_message.emit(self.tr("End of the case.") if forward else self.tr("Start of the case."))

    def go_unanswered(self) -> None:
        target = self.s.next_unanswered(self.current)
        if target:
            self.show_question(target)
        else:
            self.status_message.emit(self.tr("Every applicable question is answered."))

    def _go_to(self, qid: str) -> None:
        if qid != self.current:
            self.show_question(qid)

    # ------------------------------------------------------------------ answering
    def _apply(self, qid: str, new: AnswerState, label: str) -> None:
        old = self.state(qid)
        if old.as_tuple() == new.as_tuple():
            return
        if self.s.complete:
            self.status_message.emit(self.tr("This case is complete; reopen it to change answers."))
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
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                if self.select_option(key - Qt.Key.Key_1):
                    return
            elif key == Qt.Key.Key_0:
                if self.select_option(-1):
                    return
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
                self.go(True)
                return
            elif key == Qt.Key.Key_PageUp:
                self.go(False)
                return
            elif event.text() and self.options_box.select_letter(event.text().lower()):
                return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.note:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self._commit_note()
                    self.setFocus()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self._commit_note()
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
