"""The walk-through's centre: where the assessor is, the question, why it does
or does not apply, its guidance, the answers, the note, and the way on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet
from ui.gui.answer_options import AnswerOptions


class QuestionPanel(QScrollArea):
    """The widgets only; the walk-through connects them to what they do."""

    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(12, 4, 12, 4)
        self.crumb = QLabel()
        self.crumb.setWordWrap(True)
        self.crumb.setStyleSheet("color: palette(mid);")
        cl.addWidget(self.crumb)
        self.crit_progress = QProgressBar()
        self.crit_progress.setAccessibleName(self.tr("Criterion progress"))
        self.crit_progress.setMaximumHeight(10)
        self.crit_progress.setTextVisible(False)
        cl.addWidget(self.crit_progress)
        self.wording = QLabel()
        self.wording.setWordWrap(True)
        self.wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wf = self.wording.font()
        wf.setPointSizeF(wf.pointSizeF() * 1.25)
        self.wording.setFont(wf)
        self.wording.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        cl.addWidget(self.wording)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a4b00; font-style: italic;")
        cl.addWidget(self.reason)
        self.guide_btn = QToolButton()
        self.guide_btn.setText(self.tr("Guidance"))
        self.guide_btn.setCheckable(True)
        self.guide_btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guide_btn.setArrowType(Qt.ArrowType.RightArrow)
        self.guide_btn.setToolTip(self.tr("Show or hide the guidance (F2)"))
        self.guide_btn.setAccessibleName(self.tr("Show guidance"))
        cl.addWidget(self.guide_btn)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance.setStyleSheet("QLabel { padding: 6px; }")
        self.guidance.hide()
        cl.addWidget(self.guidance)

        self.options_box = AnswerOptions(qs)
        cl.addWidget(self.options_box)

        self.practice = QCheckBox(self.tr("Practice illustration (Ctrl+I)"))
        self.practice.setAccessibleName(self.tr("Practice illustration"))
        cl.addWidget(self.practice)
        note_label = QLabel(self.tr("&Note (Ctrl+E; Esc returns to the answers)"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Evidence, reasons, page references…"))
        self.note.setMaximumHeight(110)
        self.note.setTabChangesFocus(True)
        note_label.setBuddy(self.note)
        cl.addWidget(note_label)
        cl.addWidget(self.note)

        nav = QHBoxLayout()
        self.prev_btn = QPushButton(self.tr("◀ Back"))
        self.prev_btn.setToolTip(self.tr("Previous question (Page Up)"))
        self.prev_btn.setAccessibleName(self.tr("Previous question"))
        self.next_btn = QPushButton(self.tr("Next ▶"))
        self.next_btn.setToolTip(self.tr("Next question (Enter or Page Down)"))
        self.next_btn.setAccessibleName(self.tr("Next question"))
        self.todo_btn = QPushButton(self.tr("Next unanswered"))
        self.todo_btn.setToolTip(self.tr("Jump to the next unanswered question (Ctrl+J)"))
        self.todo_btn.setAccessibleName(self.tr("Next unanswered question"))
        nav.addWidget(self.prev_btn)
        nav.addStretch(1)
        nav.addWidget(self.todo_btn)
        nav.addWidget(self.next_btn)
        cl.addStretch(1)
        cl.addLayout(nav)
        self.setWidgetResizable(True)
        self.setWidget(centre)
        self.setFrameShape(QFrame.Shape.NoFrame)
