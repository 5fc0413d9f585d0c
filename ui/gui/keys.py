"""Keys between people, in the Lead menu: the assessor's enrolment file, the
lead's import of it (after comparing the fingerprint), the lead's fingerprint
check when a pack is imported, and the list of trusted keys with Revoke.

Every question about a key defaults to No: a key is trusted only when the
person says its fingerprint matches the one read out to them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.ops.errors import USER_ERRORS

if TYPE_CHECKING:
    from ui.gui.window_base import WindowBase


def ask_fingerprint(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question about a fingerprint, No by default (Enter and Escape refuse)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_lead(parent: QWidget) -> Callable[[str, str], bool]:
    """The question import-pack asks: is this the lead inspector's key?"""
    def confirm(name: str, fingerprint: str) -> bool:
        return ask_fingerprint(parent, QCoreApplication.translate("keys", "Check the lead inspector's key"), QCoreApplication.translate("keys",
            "This pack is signed by the lead inspector “{0}” with the key\n\n{1}\n\nIs this the fingerprint your lead "
            "inspector read out to you, by phone or in person? If not, or if you are not sure, choose No: "
            "nothing will be imported.").format(name, fingerprint))
    return confirm


def write_enrolment(win: WindowBase) -> None:
    """The assessor's enrolment file, for the lead inspector."""
    from ui.ops import enrolment

    try:
        name = win.who()
    except USER_ERRORS as e:
        win.fail(e, QCoreApplication.translate("keys", "The enrolment file was not written."))
        return
    path, _ = QFileDialog.getSaveFileName(win, QCoreApplication.translate("keys", "Write my enrolment file"), "enrolment.enrol",
                                          QCoreApplication.translate("keys", "Enrolment files (*.enrol)"))
    if not path:
        return
    try:
        written = enrolment.write_enrolment(Path(path), name, win.ws)
    except USER_ERRORS as e:
        win.fail(e, QCoreApplication.translate("keys", "The enrolment file was not written."))
        return
    QMessageBox.information(win, QCoreApplication.translate("keys", "Enrolment file written"), QCoreApplication.translate("keys",
        "Wrote the enrolment of {0} to\n{1}\n\nSend it to your lead inspector (nothing in it is secret), then read "
        "them this fingerprint by phone or in person:\n\n{2}").format(written.name, path, written.fingerprint))


def import_enrolment(win: WindowBase, path: str | None = None) -> None:
    """The lead records an assessor's enrolment for the current inspection."""
    from ui.ops import enrolment

    iid = win.current_inspection()
    if not iid:
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(win, QCoreApplication.translate("keys", "Import an assessor's enrolment"), "",
                                              QCoreApplication.translate("keys", "Enrolment files (*.enrol);;All files (*)"))
    if not path:
        return
    name = win.ws.inspection(iid).name

    def confirm(claimed: str, fingerprint: str) -> bool:
        return ask_fingerprint(win, QCoreApplication.translate("keys", "Check the assessor's key"), QCoreApplication.translate("keys",
            "The enrolment of “{0}” has the key\n\n{1}\n\nIs this the fingerprint {0} read out to you, by phone or "
            "in person? Yes enrols them for {2}: their packs are encrypted to this key alone and their files are "
            "trusted as theirs.").format(claimed, fingerprint, name))

    try:
        done = enrolment.import_enrolment(win.ws, Path(path), iid, confirm=confirm)
    except USER_ERRORS as e:
        win.fail(e, QCoreApplication.translate("keys", "The enrolment was not imported."))
        return
    win.statusBar().showMessage(QCoreApplication.translate("keys", "Enrolled.") if done.count else QCoreApplication.translate("keys", "Already enrolled."), 6000)


class TrustedKeysDialog(QDialog):
    """Every key this database trusts, with where and since when; Revoke."""

    def __init__(self, win: WindowBase) -> None:
        super().__init__(win)
        self.win = win
        self.setWindowTitle(self.tr("Trusted keys"))
        self.resize(900, 360)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("A revoked key is never trusted again: every file it signs is refused, with "
                                     "the date it was revoked. An assessor with a new laptop enrols again.")))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Fingerprint"), self.tr("Name"), self.tr("Trusted for"), self.tr("Since"), self.tr("Status")])
        self.table.setAccessibleName(self.tr("Trusted keys"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revoke_btn = QPushButton(self.tr("Revoke…"))
        self.revoke_btn.setAccessibleName(self.tr("Revoke the selected key"))
        self.revoke_btn.clicked.connect(self.revoke)
        buttons.addButton(self.revoke_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        from ui.ops import trust

        keys = trust.list_keys(self.win.ws)
        self.table.setRowCount(len(keys))
        for r, k in enumerate(keys):
            status = (self.tr("Revoked {0} by {1}").format(trust.when(k.revoked_at), k.revoked_by)
                      if k.revoked_at else self.tr("Trusted"))
            cells = [k.fingerprint, k.name, "; ".join(f"{i} as {a}" for i, a in k.inspections) or "-",
                     f"{trust.when(k.trusted_at)} by {k.trusted_by}" if k.trusted_at else "", status]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (k.fingerprint, k.name, bool(k.revoked_at)))
                self.table.setItem(r, c, item)
        self._selected()

    def _current(self) -> tuple[str, str, bool] | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self) -> None:
        cur = self._current()
        self.revoke_btn.setEnabled(cur is not None and not cur[2])

    def revoke(self) -> None:
        from ui.ops import trust

        cur = self._current()
        if cur is None or cur[2]:
            return
        fp, name = cur[0], cur[1]
        if not ask_fingerprint(self, self.tr("Revoke a key"), self.tr(
                "Revoke the key {0} ({1})?\n\nEvery file it signs will be refused from now on, in every inspection, "
                "and no pack will be encrypted to it. This cannot be undone: {1} would enrol again with a new "
                "key.").format(fp, name)):
            return
        try:
            trust.revoke(self.win.ws, fp)
        except USER_ERRORS as e:
            self.win.fail(e, self.tr("The key was not revoked."))
            return
        self.refresh()


def show_trusted_keys(win: WindowBase) -> None:
    TrustedKeysDialog(win).exec()
