"""The History panel (Ctrl+H in the walk-through): who changed an answer, when,
from what to what, and why, read from the audit trail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.questionset import text_in
from ui.ops import history
from ui.ops.workspace import Workspace

HEADERS = ("When", "Who", "What", "Reading", "Question", "Before", "After", "Note", "Why")


class HistoryPanel(QDialog):
    """One case's history, or one answer's."""

    def __init__(self, ws: Workspace, case_id: str, question_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.case_id, self.question_id = ws, case_id, question_id
        case = ws.case(case_id)
        self.qs = ws.question_set(case.inspection_id)
        self.setWindowTitle(self.tr("History · {0}").format(case.reference))
        self.resize(980, 420)
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.only_question = QCheckBox(self.tr("This question only"))
        self.only_question.setChecked(question_id is not None)
        self.only_question.setEnabled(question_id is not None)
        self.only_question.toggled.connect(self.refresh)
        lay.addWidget(self.only_question)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Reading"), self.tr("Question"),
                                             self.tr("Before"), self.tr("After"), self.tr("Note"), self.tr("Why")])
        self.table.setAccessibleName(self.tr("History of changes"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (HEADERS.index("Note"), HEADERS.index("Why")):  # free text: they share what is left
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.refresh()

    def _shown(self, qid: str, value: Any) -> str:
        if value is None:
            return "—"
        qv = self.qs.by_id.get(qid)
        opt = qv.scale.option(value) if qv is not None and isinstance(value, str) else None
        return text_in(opt.label) if opt else (self.tr("N/A") if value == "na" else str(value))

    def refresh(self) -> None:
        qid = self.question_id if self.only_question.isChecked() else None
        rows = history.history(self.ws, self.case_id, qid)
        qv = self.qs.by_id.get(qid) if qid else None
        self.heading.setText(f"<b>{qid}</b> {text_in(qv.q.text)}" if qv else self.tr("Every change to this case"))
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            cells = [c.at[:19].replace("T", " "), c.who, c.action, c.reading, c.question,
                     self._shown(c.question, c.old), self._shown(c.question, c.new), c.note, c.why]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()
        if rows:
            self.table.scrollToBottom()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


def show_history(parent: QWidget, ws: Workspace, case_id: str, question_id: str | None) -> HistoryPanel:
    """Open the History panel beside the walk-through (not modal: the assessor can keep working)."""
    panel = HistoryPanel(ws, case_id, question_id or None, parent)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.show()
    return panel
