"""File > Export data for analysis…: every answer of the inspection with a
codebook, as CSV or XLSX, long or wide (the ``export-data`` command's dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.gui.widgets import path_row
from ui.gui.window_base import WindowBase
from ui.ops import export_data as ops
from ui.ops.errors import USER_ERRORS

__all__ = ["ExportDataDialog", "export_data"]


class ExportDataDialog(QDialog):
    """Format, shape, labels and where to write."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export data for analysis"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Every answer of this inspection, with a codebook describing each column.\n"
                                     "The file holds personal data: keep it where the case files are kept.")))
        form = QFormLayout()
        lay.addLayout(form)
        self.fmt = QComboBox()
        self.fmt.setAccessibleName(self.tr("Format"))
        self.fmt.addItem(self.tr("Excel workbook (XLSX): data, codebook and about sheets"), "xlsx")
        self.fmt.addItem(self.tr("CSV: the data, and the codebook in a second file"), "csv")
        form.addRow(self.tr("&Format"), self.fmt)
        self.shape = QComboBox()
        self.shape.setAccessibleName(self.tr("Shape"))
        self.shape.addItem(self.tr("Long: a row per case and question"), "long")
        self.shape.addItem(self.tr("Wide: a row per case, a column per question"), "wide")
        form.addRow(self.tr("&Shape"), self.shape)
        self.labels = QCheckBox(self.tr("Labels instead of codes (case details; answers in the wide shape)"))
        form.addRow("", self.labels)
        self.path = QLineEdit(str(folder / "inspection-data.xlsx"))
        self.path.setAccessibleName(self.tr("File to write"))
        path_row(form, self.tr("&Where"), self.path, self.tr("&Choose…"), self.choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.fmt.currentIndexChanged.connect(self._suffix)
        self.path.textChanged.connect(self._ready)

    def choose(self) -> None:
        kind = self.fmt.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export data"), self.path.text(),
                                              f"{str(kind).upper()} (*.{kind})")
        if path:
            self.path.setText(path)

    def _suffix(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + str(self.fmt.currentData()))))

    def _ready(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path.text().strip()))

    def chosen(self) -> tuple[Path, str, str, bool]:
        """(file, format, shape, labels)."""
        return (Path(self.path.text().strip()), str(self.fmt.currentData()), str(self.shape.currentData()),
                self.labels.isChecked())


def export_data(window: WindowBase, dialog: ExportDataDialog | None = None) -> ops.DataExport | None:
    """Ask (or take a prepared ``dialog``), then write; problems are shown, nothing is half-written."""
    iid = window.current_inspection()
    if not iid:
        return None
    if dialog is None:
        dialog = ExportDataDialog(window.ws.path.parent if window.ws.path.parent.exists() else Path.home(), window)
        if not dialog.exec():
            return None
    path, fmt, shape, labels = dialog.chosen()
    try:
        done = ops.export_data(window.ws, iid, path, fmt=fmt, shape=shape, labels=labels)
    except USER_ERRORS as e:
        window.fail(e, QCoreApplication.translate("export_data", "The data was not exported."))
        return None
    window.statusBar().showMessage(QCoreApplication.translate("export_data", "Exported {0} cases to {1}.").format(
        done.cases, ", ".join(p.name for p in done.files)), 8000)
    return done
