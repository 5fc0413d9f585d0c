"""The end of a case: shown after the last applicable question.

What is still to do (unanswered questions, questions waiting on an earlier
answer, required case details), each unanswered question a jump, then Mark
complete and the next case (CSPro's end-of-case, ODK's end-of-form screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.questionset import text_in
from ui.ops.session import CaseSession

QID_ROLE = Qt.ItemDataRole.UserRole


def next_case_id(s: CaseSession) -> str | None:
    """The next case of the inspection, by reference, that is not complete (wrapping round)."""
    rows = sorted(s.ws.case_summaries(s.case.inspection_id), key=lambda r: r.case.reference.casefold())
    ids = [r.case.id for r in rows]
    if s.case.id not in ids:
        return None
    i = ids.index(s.case.id)
    for r in rows[i + 1:] + rows[:i]:
        if r.assessment is None or r.assessment.status != "complete":
            return r.case.id
    return None


def count_phrase(n: int, one: str, many: str) -> str:
    """'1 question', '3 questions' (never '1 applicable questions')."""
    return f"{n} {one if n == 1 else many}"


class EndOfCase(QWidget):
    """The end-of-case screen; the walk-through connects its signals."""

    question_chosen = Signal(str)
    mark_complete = Signal()
    next_case = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        title = QLabel(self.tr("End of the case"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        title.setFont(f)
        lay.addWidget(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.todo = QListWidget()
        self.todo.setAccessibleName(self.tr("Unanswered questions"))
        self.todo.itemActivated.connect(self._jump)
        lay.addWidget(self.todo, 1)
        self.details_note = QLabel()
        self.details_note.setWordWrap(True)
        lay.addWidget(self.details_note)
        row = QHBoxLayout()
        self.back_btn = QPushButton(self.tr("◀ Back"))
        self.back_btn.setToolTip(self.tr("Back to the last question (Page Up)"))
        self.back_btn.clicked.connect(self.back.emit)
        self.complete_btn = QPushButton(self.tr("Mark complete (Ctrl+M)"))
        self.complete_btn.setAccessibleName(self.tr("Mark this case complete"))
        self.complete_btn.clicked.connect(self.mark_complete.emit)
        self.next_btn = QPushButton(self.tr("Next case ▶"))
        self.next_btn.setAccessibleName(self.tr("Open the next case that is not complete"))
        self.next_btn.clicked.connect(self.next_case.emit)
        row.addWidget(self.back_btn)
        row.addStretch(1)
        row.addWidget(self.complete_btn)
        row.addWidget(self.next_btn)
        lay.addLayout(row)

    def show_session(self, s: CaseSession, has_next: bool) -> None:
        """Fill in what is left to do in ``s``."""
        qs = s.qs
        done, total = s.progress()
        todo = s.unanswered()
        waiting = [qid for qid, a in s.applicability().items() if a is None]
        missing = [f for f in qs.data.case_fields if f.required and s.case.details.get(f.id) in (None, "", [])]
        lines = [self.tr("{0} answered of {1}.").format(done, count_phrase(total, "applicable question",
                                                                            "applicable questions"))]
        if todo:
            lines.append(self.tr("Still to answer: {0}. Choose one to go to it (Enter).")
                         .format(count_phrase(len(todo), "question", "questions")))
        if waiting:
            lines.append(self.tr("Waiting on an earlier answer: {0}.")
                         .format(count_phrase(len(waiting), "question", "questions")))
        if s.complete:
            lines.append(self.tr("This case is marked complete."))
        elif not todo and not missing:
            lines.append(self.tr("Everything that applies is answered: press Enter to mark the case complete."))
        self.summary.setText(" ".join(lines))
        self.todo.clear()
        for qid in todo:
            qv = qs.by_id[qid]
            it = QListWidgetItem(f"{qid}  {qs.full_text(qv)}")
            it.setData(QID_ROLE, qid)
            it.setToolTip(qs.full_text(qv))
            self.todo.addItem(it)
        self.todo.setVisible(bool(todo))
        if todo:
            self.todo.setCurrentRow(0)
        self.details_note.setText(self.tr("Required case details missing: {0} (Case › Edit case details, Ctrl+D).")
                                  .format(", ".join(text_in(f.label) for f in missing)) if missing else "")
        self.details_note.setVisible(bool(missing))
        self.complete_btn.setEnabled(not s.complete and not todo and not missing)
        self.next_btn.setEnabled(has_next)

    def _jump(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.question_chosen.emit(item.data(QID_ROLE))

    def activate(self) -> None:
        """Enter: go to the first unanswered question, else mark complete, else the next case."""
        if self.todo.count():
            self._jump(self.todo.currentItem() or self.todo.item(0))
        elif self.complete_btn.isEnabled():
            self.mark_complete.emit()
        elif self.next_btn.isEnabled():
            self.next_case.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate()
            return
        if event.key() == Qt.Key.Key_PageUp:
            self.back.emit()
            return
        super().keyPressEvent(event)
