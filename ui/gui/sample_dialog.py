"""Importing a sample list: the file, "skip cases already in the inspection",
the CSV template, and every problem shown at once (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SHOWN = 15  # problems listed in the message itself; all of them under "Show Details…"


class SampleDialog(QDialog):
    """Choose the CSV and whether to skip the cases the inspection already holds."""

    def __init__(self, set_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import sample list"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A CSV file (from a spreadsheet: Save as › CSV UTF-8) with one case per row: the case reference first, "
            "then any case details of {0}, by column label. The template lists every column and the values it "
            "takes. Nothing is imported unless every row is right; every problem is listed at once.").format(set_title))
        intro.setWordWrap(True)
        intro.setMinimumWidth(520)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Sample list file"))
        self.path.setPlaceholderText(self.tr("sample.csv"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        self.skip = QCheckBox(self.tr("&Skip cases already in the inspection (import only the new ones)"))
        self.skip.setToolTip(self.tr("Without this, a file holding a case the inspection already has is refused whole."))
        lay.addWidget(self.skip)
        self.template = QPushButton(self.tr("Save CSV &template…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Import"))
        self.ok.setEnabled(False)
        buttons.addButton(self.template, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        lay.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Sample list"), "", self.tr("CSV files (*.csv)"))
        if path:
            self.path.setText(path)


def show_problems(parent: QWidget, title: str, what: str, e: Exception) -> None:
    """A refusal with many problems: the first few in the message, all of them under Show Details."""
    problems: list[str] = list(getattr(e, "problems", []) or [])
    box = QMessageBox(QMessageBox.Icon.Warning, title, what, QMessageBox.StandardButton.Ok, parent)
    if len(problems) > 1:
        more = len(problems) - SHOWN
        head = "\n".join(problems[:SHOWN]) + (QCoreApplication.translate("sample_dialog", "\n… and {0} more (Show Details… lists them all)")
                                               .format(more) if more > 0 else "")
        box.setInformativeText(QCoreApplication.translate("sample_dialog", "{0} problems; nothing was imported:\n\n{1}").format(len(problems), head))
        box.setDetailedText(str(e))
    else:
        box.setInformativeText(str(e))
    box.exec()
