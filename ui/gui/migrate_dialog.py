"""Move an inspection to another version of its question set: pick the version
(and a mapping file if the methodology team wrote one), preview exactly what
would change, then migrate (backup first, one audited transaction)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import questionsets
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace, catalog


class MigrateDialog(QDialog):
    """Preview first: the Migrate button is enabled only by a preview of the
    same version and mapping, so what runs is what was shown."""

    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ins = ws.inspection(inspection_id)
        self.migration: questionsets.Migration | None = None
        self._previewed: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Move inspection to another question-set version"))
        self.resize(760, 520)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("{name} uses {set} version {version}.").format(
            name=self.ins.name, set=self.ins.question_set_id, version=self.ins.question_set_version)))
        form = QFormLayout()
        self.version = QComboBox()
        cat = catalog()
        for v, qs in sorted(cat.versions.get(self.ins.question_set_id, {}).items()):
            if v != self.ins.question_set_version:
                self.version.addItem(f"{v}  ({cat.origin.get((qs.id, v), 'built-in')})", v)
        self.version.setAccessibleName(self.tr("Version to move to"))
        form.addRow(self.tr("Move to &version"), self.version)
        row = QHBoxLayout()
        self.map_path = QLineEdit()
        self.map_path.setPlaceholderText(self.tr("none: only questions and options with the same ids carry over"))
        self.map_path.setAccessibleName(self.tr("Mapping file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.map_path)
        row.addWidget(browse)
        form.addRow(self.tr("&Mapping file"), row)
        lay.addLayout(form)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("What the migration would do"))
        self.report.setPlainText(self.tr("Preview shows every answer that would move or be removed. "
                                         "Nothing changes until you press Migrate."))
        lay.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = self.buttons.addButton(self.tr("&Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.migrate_button = self.buttons.addButton(self.tr("&Migrate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.migrate_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview)
        self.migrate_button.clicked.connect(self.migrate)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.version.currentIndexChanged.connect(self._changed)
        self.map_path.textChanged.connect(self._changed)
        if self.version.count() == 0:
            self.preview_button.setEnabled(False)
            self.report.setPlainText(self.tr("No other version of this question set is installed. Install one "
                                             "with File › Question sets… or 'question-sets install'."))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Mapping file"), "", self.tr("JSON files (*.json)"))
        if path:
            self.map_path.setText(path)

    def _choice(self) -> tuple[str, str]:
        return str(self.version.currentData() or ""), self.map_path.text().strip()

    def _changed(self) -> None:
        self.migrate_button.setEnabled(self._previewed is not None and self._previewed == self._choice())

    def preview(self) -> None:
        version, mapping = self._choice()
        try:
            m = questionsets.migrate_inspection(self.ws, self.ins.id, version, Path(mapping) if mapping else None,
                                                dry_run=True)
        except USER_ERRORS as e:
            self._previewed = None
            self.report.setPlainText(self.tr("This migration cannot be made:\n\n{error}").format(error=e))
            self._changed()
            return
        self._previewed = (version, mapping)
        self.report.setPlainText(questionsets.report_text(m))
        self._changed()

    def migrate(self) -> None:
        version, mapping = self._choice()
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Move {name} to version {version}? A backup of the database is written first.").format(
                name=self.ins.name, version=version),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.migration = questionsets.migrate_inspection(self.ws, self.ins.id, version,
                                                          Path(mapping) if mapping else None)
        except USER_ERRORS as e:
            self.report.setPlainText(self.tr("The migration was not made; nothing was changed.\n\n{error}").format(
                error=e))
            return
        self.report.setPlainText(questionsets.report_text(self.migration))
        self.migrate_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
