"""The "Question sets…" dialog: every version known with its origin, and
installing a set (JSON or a spreadsheet) or saving one as a spreadsheet.

Problems (a workbook's, each with its sheet, row and column) are listed in
the dialog itself, where they can be read and copied while the workbook is
fixed; nothing is installed or written when there is any."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.gui.widgets import list_table, report_box
from ui.ops import authoring
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import catalog


class QuestionSetsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question sets"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Every version of every question set this copy knows. New inspections are offered "
                               "the newest version of a set; an inspection stays on its own version."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = list_table([self.tr("Set"), self.tr("Version"), self.tr("Title"), self.tr("Questions"),
                                 self.tr("Origin"), self.tr("Offered")], self.tr("Question sets and versions"), 2)
        lay.addWidget(self.table, 3)
        self.report = report_box(self.tr("Result of the last action"),
                                 self.tr("Problems found in a file you install are listed here, each with its sheet, "
                                         "row and column."))
        lay.addWidget(self.report, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.install_button = QPushButton(self.tr("&Install JSON/XLSX…"))
        self.save_button = QPushButton(self.tr("&Save as XLSX…"))
        buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.install_button.clicked.connect(self.choose_install)
        self.save_button.clicked.connect(self.choose_save)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self, select: tuple[str, str] | None = None) -> None:
        cat = catalog()
        sets = cat.all()
        self.table.setRowCount(len(sets))
        for row, qs in enumerate(sets):
            cells = [qs.id, qs.version, qs.title(), str(len(qs.questions)),
                     self.tr("built-in") if cat.origin.get((qs.id, qs.version)) == "built-in" else self.tr("installed"),
                     self.tr("newest") if cat.newest(qs.id) is qs else ""]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
            if select == (qs.id, qs.version):
                self.table.selectRow(row)
        for col in (0, 1, 3, 4, 5):
            self.table.resizeColumnToContents(col)
        if cat.errors and not self.report.toPlainText():
            self.report.setPlainText(self.tr("Files not loaded:") + "\n" + "\n".join(cat.errors))
        self._selection_changed()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        item_id, item_version = self.table.item(r, 0), self.table.item(r, 1)
        return f"{item_id.text()}@{item_version.text()}" if item_id and item_version else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.save_button.setEnabled(chosen is not None)
        self.save_button.setToolTip(self.tr("Save {0} as a workbook to edit").format(chosen) if chosen else
                                    self.tr("Select a set and version in the list first"))

    # ------------------------------------------------------------------ actions
    def choose_install(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Install a question set"), "",
                                              self.tr("Question sets (*.json *.xlsx)"))
        if path:
            self.install(Path(path))

    def install(self, path: Path) -> bool:
        try:
            qs = authoring.install_file(path)
        except USER_ERRORS as e:
            self.report.setPlainText(self.tr("Not installed; nothing was changed.") + "\n\n" + str(e))
            return False
        self.report.setPlainText(self.tr("Installed {0} version {1} ({2} questions).")
                                 .format(qs.id, qs.version, len(qs.questions)))
        self.refresh(select=(qs.id, qs.version))
        return True

    def choose_save(self) -> None:
        spec = self.selected()
        if spec is None:
            return
        suggested = spec.replace("@", "-") + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the question set as a spreadsheet"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.save(spec, Path(path))

    def save(self, spec: str, path: Path) -> bool:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            qs = authoring.set_to_workbook(spec, path)
        except USER_ERRORS as e:
            self.report.setPlainText(self.tr("Not saved.") + "\n\n" + str(e))
            return False
        self.report.setPlainText(self.tr("Saved {0} version {1} to {2}. Edit it, give it a new version number "
                                         "on the settings sheet, and install it here.")
                                 .format(qs.id, qs.version, str(path)))
        return True
