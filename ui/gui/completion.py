"""'Mark complete' validation: what is still unanswered, with links to each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.gui.end_of_case import count_phrase
from ui.ops.session import CaseSession


class CompletionDialog(QDialog):
    def __init__(self, session: CaseSession, todo: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: str | None = None
        self.setWindowTitle(self.tr("Not ready to mark complete"))
        lay = QVBoxLayout(self)
        left = count_phrase(len(todo), "applicable question is", "applicable questions are")
        msg = QLabel(self.tr("{0} still unanswered. Choose one to go to it.").format(left))
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Unanswered questions"))
        for qid in todo:
            qv = session.qs.by_id[qid]
            it = QListWidgetItem(f"{qid}  {session.qs.full_text(qv)}")
            it.setData(Qt.ItemDataRole.UserRole, qid)
            it.setToolTip(session.qs.full_text(qv))
            self.list.addItem(it)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._go)
        self.list.itemDoubleClicked.connect(self._go)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox()
        go = buttons.addButton(self.tr("Go to question"), QDialogButtonBox.ButtonRole.AcceptRole)
        go.clicked.connect(lambda: self._go(self.list.currentItem()))
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420)

    def _go(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.target = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
