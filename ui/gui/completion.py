"""'Mark complete' validation: what is still unanswered, with links to each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from models.questionset import text_in
from ui.ops.session import CaseSession


class CompletionDialog(QDialog):
    def __init__(self, session: CaseSession, todo: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: str | None = None
        self.setWindowTitle(self.tr("Not ready to mark complete"))
        lay = QVBoxLayout(self)
        msg = QLabel(self.tr("{0} applicable questions are still unanswered. Choose one to go to it.").format(len(todo)))
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Unanswered questions"))
        for qid in todo:
            qv = session.qs.by_id[qid]
            it = QListWidgetItem(f"{qid}  {text_in(qv.q.text)}")
            it.setData(Qt.ItemDataRole.UserRole, qid)
            it.setToolTip(text_in(qv.q.text))
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
