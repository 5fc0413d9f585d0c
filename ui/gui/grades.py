"""The lead's Grades tab: items graded once per inspection (OMI2 section 4),
each on its scale, with a note; every change is audited.  Shown only when the
inspection's question set grades anything."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.questionset import text_in
from ui.ops import grades
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


class GradesTab(QWidget):
    """One row per graded item: its title, a grade on its scale, a note."""

    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id = ws, inspection_id
        qs = ws.question_set(inspection_id)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Graded once per inspection, from meetings and documents, not from the cases.")))
        grid = QGridLayout()
        self.choices: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for r, line in enumerate(grades.grades(ws, inspection_id)):
            item = next(g for g in qs.data.grades if g.code == line.code)
            title = QLabel(f"<b>{line.code}</b> {line.title}")
            title.setWordWrap(True)
            grid.addWidget(title, r, 0)
            box = QComboBox()
            box.setAccessibleName(self.tr("Grade for {0}").format(line.code))
            box.addItem(self.tr("not graded"), None)
            for o in qs.data.scales[item.scale].options:
                box.addItem(text_in(o.label), o.value)
            box.setCurrentIndex(max(0, box.findData(line.value)))
            grid.addWidget(box, r, 1)
            note = QLineEdit(line.note)
            note.setAccessibleName(self.tr("Note for {0}").format(line.code))
            note.setPlaceholderText(self.tr("the evidence"))
            grid.addWidget(note, r, 2)
            self.choices[line.code], self.notes[line.code] = box, note
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        lay.addLayout(grid)
        self.save_btn = QPushButton(self.tr("Save grades"))
        self.save_btn.setAccessibleName(self.tr("Save the grades"))
        self.save_btn.clicked.connect(self.save)
        lay.addWidget(self.save_btn)
        self.saved = QLabel()
        lay.addWidget(self.saved)
        lay.addStretch(1)

    def save(self) -> None:
        """Store each grade that changed (each change audited)."""
        before = {g.code: (g.value, g.note) for g in grades.grades(self.ws, self.inspection_id)}
        changed = 0
        try:
            for code, box in self.choices.items():
                now = (box.currentData(), self.notes[code].text().strip())
                if now != before.get(code):
                    grades.set_grade(self.ws, self.inspection_id, code, now[0], now[1])
                    changed += 1
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Grades"), str(e))
            return
        self.saved.setText(self.tr("{0} grades saved.").format(changed))
