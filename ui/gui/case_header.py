"""The walk-through's header: the case, its progress, and the way back to the list."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        head = QHBoxLayout(self)
        head.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        # the bar carries no text: its words sit beside it, never over the fill
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Case progress"))
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(120)
        self.progress.setMaximumWidth(200)
        self.progress.setMaximumHeight(14)
        self.progress_text = QLabel()
        head.addWidget(self.progress)
        head.addWidget(self.progress_text)
        self.back_to_list = QPushButton(self.tr("Case list"))
        self.back_to_list.setToolTip(self.tr("Back to the case list (Ctrl+L)"))
        self.back_to_list.setAccessibleName(self.tr("Back to the case list"))
        head.addWidget(self.back_to_list)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress_text.setText(self.tr("{0} of {1} answered").format(done, total))
        self.progress.setAccessibleDescription(self.progress_text.text())
