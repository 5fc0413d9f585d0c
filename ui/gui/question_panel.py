"""The walk-through's centre: where the assessor is, the group's stem and the
question, why it does or does not apply, its guidance and its sources, the
answers, the note, and the way on."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
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

from models.questionset import QuestionSet, QuestionView, Source, text_in
from ui.gui.answer_options import AnswerOptions, style_for
from ui.gui.colours import WalkColours


def _refs(sources: list[Source]) -> str:
    """Seed lines as the catalogue writes them: 000:127, 003:250."""
    return ", ".join(f"{s.seed[:3]}:{s.line}" for s in sources)


def guidance_html(qs: QuestionSet, qv: QuestionView) -> str:
    """The assessor's guidance for ``qv``: its criterion's, then its own, each naming its seed lines."""
    parts = []
    for heading, g in qs.guidance(qv):
        parts.append(f"<p><b>{escape(heading)}.</b> {escape(text_in(g.text))}<br><small>"
                     + escape(QCoreApplication.translate("question_panel", "From the reports: {0}").format(_refs(g.sources))) + "</small></p>")
    return "".join(parts) or "<p>" + escape(QCoreApplication.translate("question_panel", "No guidance for this question.")) + "</p>"


def sources_html(qs: QuestionSet, qv: QuestionView) -> str:
    """Where the question comes from: its seed lines (with the words quoted) and its provenance note."""
    line = QCoreApplication.translate("question_panel", "<b>{0}</b>, line {1}: “{2}”")
    rows = "".join("<li>" + line.format(escape(s.seed), s.line, escape(s.quote)) + "</li>" for s in qv.q.sources)
    stem = qs.stems.get(qv.q.stem or "")
    if stem is not None:
        rows += "".join("<li>" + QCoreApplication.translate("question_panel", "Stem: {0}").format(line.format(escape(s.seed), s.line, escape(s.quote)))
                        + "</li>" for s in stem.sources)
    note = text_in(qv.q.provenance)
    return ("<p><b>" + QCoreApplication.translate("question_panel", "Seed lines for {0}").format(escape(qv.id)) + f"</b></p><ul>{rows}</ul>"
            + ("<p><b>" + QCoreApplication.translate("question_panel", "Provenance.") + f"</b> {escape(note)}</p>" if note else ""))


def _fold(text: str, tip: str) -> tuple[QToolButton, QLabel]:
    """A show/hide button and the framed text it shows."""
    btn = QToolButton()
    btn.setText(text)
    btn.setCheckable(True)
    btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    btn.setArrowType(Qt.ArrowType.RightArrow)
    btn.setToolTip(tip)
    btn.setAccessibleName(tip)
    body = QLabel()
    body.setWordWrap(True)
    body.setTextFormat(Qt.TextFormat.RichText)
    body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    body.setFrameShape(QFrame.Shape.StyledPanel)
    body.setStyleSheet("QLabel { padding: 6px; }")
    body.hide()

    def toggled(on: bool) -> None:
        body.setVisible(on)
        btn.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    btn.toggled.connect(toggled)
    return btn, body


class QuestionPanel(QScrollArea):
    """The widgets only; the walk-through connects them to what they do."""

    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scroll area is no stop for Tab
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(12, 4, 12, 4)
        self.crumb = QLabel()  # palette text colour: readable in any palette
        self.crumb.setWordWrap(True)
        cl.addWidget(self.crumb)
        self.crit_progress = QProgressBar()
        self.crit_progress.setAccessibleName(self.tr("Criterion progress"))
        self.crit_progress.setMaximumHeight(10)
        self.crit_progress.setTextVisible(False)
        cl.addWidget(self.crit_progress)
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.stem.setAccessibleName(self.tr("Question group"))
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sf = self.stem.font()
        sf.setPointSizeF(sf.pointSizeF() * 1.1)
        sf.setItalic(True)
        self.stem.setFont(sf)
        cl.addWidget(self.stem)
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
        cl.addWidget(self.reason)
        folds = QHBoxLayout()
        self.guide_btn, self.guidance = _fold(self.tr("Guidance (F2)"), self.tr("Show or hide the guidance (F2)"))
        self.sources_btn, self.sources = _fold(self.tr("Sources (F3)"),
                                               self.tr("Show or hide where the question comes from (F3)"))
        folds.addWidget(self.guide_btn)
        folds.addWidget(self.sources_btn)
        folds.addStretch(1)
        cl.addLayout(folds)
        cl.addWidget(self.guidance)
        cl.addWidget(self.sources)

        self.options_box = AnswerOptions(qs)
        cl.addWidget(self.options_box)

        self.auto_advance = QCheckBox(self.tr("Mo&ve on after each answer"))
        self.auto_advance.setToolTip(self.tr("After a single-choice answer, go straight to the next question"))
        self.auto_advance.setAccessibleName(self.tr("Move on after each answer"))
        self.practice = QCheckBox(self.tr("Practice illustration (Ctrl+I)"))
        self.practice.setAccessibleName(self.tr("Practice illustration"))
        ticks = QHBoxLayout()
        ticks.addWidget(self.practice)
        ticks.addStretch(1)
        ticks.addWidget(self.auto_advance)
        cl.addLayout(ticks)
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

    def set_colours(self, c: WalkColours) -> None:
        self.reason.setStyleSheet(f"color: {c.caution.name()}; font-style: italic;")
        self.options_box.setStyleSheet(style_for(c))

    def show_texts(self, qs: QuestionSet, qv: QuestionView) -> None:
        """The stem, the wording, the guidance and the sources of ``qv``."""
        stem = qs.stem_text(qv)
        self.stem.setText(stem)
        self.stem.setVisible(bool(stem))
        self.wording.setText(text_in(qv.q.text))
        self.wording.setAccessibleName(qs.full_text(qv))
        self.guidance.setText(guidance_html(qs, qv))
        self.sources.setText(sources_html(qs, qv))

    def tab_chain(self) -> list[QWidget]:
        """Tab order after the answers: the tick boxes, the note, the way on."""
        return [self.practice, self.auto_advance, self.note, self.guide_btn, self.sources_btn,
                self.prev_btn, self.todo_btn, self.next_btn]
