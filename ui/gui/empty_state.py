"""The case area before there is anything to list: the three first steps, each
with its buttons (issue 14: "first launch: one line of hint at the bottom")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Create an inspection, then import the sample or add cases, then assess.
    The buttons show the window's own actions (:meth:`bind`), so one that
    cannot act yet (no inspection, a read-only database) is disabled with them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(760)
        grid = QGridLayout(box)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setVerticalSpacing(14)
        title = QLabel(self.tr("Getting started"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        grid.addWidget(title, 0, 0, 1, 3)
        self.new_inspection, self.import_sample, self.template, self.add_case = (QToolButton() for _ in range(4))
        self.steps = [
            (self.tr("Create the inspection"),
             self.tr("Its name, the area and the framework (question set) the cases are assessed against."),
             [self.new_inspection]),
            (self.tr("Add the cases"),
             self.tr("Import the sample list from a spreadsheet saved as CSV (the template lists every column and "
                     "the values it takes), or add cases one at a time."),
             [self.import_sample, self.template, self.add_case]),
            (self.tr("Assess"),
             self.tr("Select a case and press Enter (or Assess ▶). Every answer is saved the moment you give it; "
                     "F1 lists the keys."),
             []),
        ]
        self.marks: list[QLabel] = []
        self.texts: list[QLabel] = []
        for i, (head, text, buttons) in enumerate(self.steps):
            mark = QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setMinimumWidth(28)
            grid.addWidget(mark, i + 1, 0)
            body = QVBoxLayout()
            label = QLabel(f"<b>{head}</b><br>{text}")
            label.setWordWrap(True)
            body.addWidget(label)
            row = QHBoxLayout()
            for b in buttons:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                b.setMinimumHeight(30)
                row.addWidget(b)
            row.addStretch(1)
            body.addLayout(row)
            grid.addLayout(body, i + 1, 1)
            self.marks.append(mark)
            self.texts.append(label)
        grid.setColumnStretch(1, 1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.step = 1
        self.show_step(1)

    def bind(self, new_inspection: QAction, import_sample: QAction, template: QAction, add_case: QAction) -> None:
        """Show these actions as the steps' buttons (text, enabled state and all)."""
        for button, action in ((self.new_inspection, new_inspection), (self.import_sample, import_sample),
                               (self.template, template), (self.add_case, add_case)):
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", "").replace("…", ""))

    def show_step(self, step: int) -> None:
        """Mark the steps before ``step`` done."""
        self.step = step
        for i, mark in enumerate(self.marks, start=1):
            mark.setText("✓" if i < step else f"<b>{i}</b>")
            mark.setAccessibleName(self.tr("Step {0}, done").format(i) if i < step else self.tr("Step {0}").format(i))
