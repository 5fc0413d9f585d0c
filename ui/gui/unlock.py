"""Unlocking in the app: the passphrase dialog (when this computer has no
keystore) and the offer to encrypt a plain database on open."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.ops import unlock
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import APP_NAME, Workspace


class PassphraseDialog(QDialog):
    """Asks for the passphrase (twice when one is chosen); says why when it
    asks again."""

    def __init__(self, request: unlock.Request, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setWindowTitle(self.tr("Choose a passphrase") if request.new else self.tr("Passphrase"))
        lay = QVBoxLayout(self)
        if request.new:
            intro = self.tr(
                "This computer has no keystore, so your case data and keys are encrypted with a passphrase you "
                "choose now. Use at least {n} characters and the strength of four random words (five unrelated, "
                "uncommon words are easy to remember; 'new-passphrase' makes some). Without it "
                "nobody can open {what}: if you lose it, only the lead inspector can recover an inspection set up "
                "from a pack."
            ).format(n=unlock.MIN_PASSPHRASE, what=request.what)
        else:
            intro = self.tr("Enter your Case Assessor passphrase to open {what}.").format(what=request.what)
        text = QLabel(intro)
        text.setWordWrap(True)
        lay.addWidget(text)
        self.problem = QLabel(request.problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d32f2f; font-weight: bold")
        self.problem.setVisible(bool(request.problem))
        lay.addWidget(self.problem)
        form = QFormLayout()
        lay.addLayout(form)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase"), self.field)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        if request.new:
            form.addRow(self.tr("&Again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def _accept(self) -> None:
        if self.request.new and self.field.text() != self.again.text():
            self.problem.setText(self.tr("The two passphrases differ. Type the same one twice."))
            self.problem.setVisible(True)
            return
        if not self.field.text():
            return
        self.accept()


def ask_passphrase(request: unlock.Request, parent: QWidget | None = None) -> str | None:
    dialog = PassphraseDialog(request, parent)
    return dialog.field.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def gui_keys(parent: QWidget | None = None) -> unlock.Keys:
    """The app's key custody: the keystore, else the passphrase file named by
    CASE_ASSESSOR_PASSPHRASE_FILE, else the dialog (asked once a session)."""
    pw_file = os.environ.get(unlock.PASSPHRASE_ENV) or None
    return unlock.Keys(ask=None if pw_file else (lambda r: ask_passphrase(r, parent)), passphrase_file=pw_file)


def offer_encrypt(ws: Workspace, parent: QWidget | None = None) -> Workspace:
    """A plain database (from an earlier version) is offered encryption on
    open; returns the workspace to go on with (reopened when encrypted)."""
    if ws.encrypted or str(ws.store.path) == ":memory:" or ws.damaged:
        return ws
    path = Path(ws.path)
    answer = QMessageBox.question(
        parent, APP_NAME,
        QCoreApplication.translate("Unlock", "The database {path} is not encrypted: anyone who gets the file can read the cases in it.\n\n"
                   "Encrypt it now? (Recommended. Its key is kept in {how}; the file keeps working as before.)")
        .format(path=path, how=unlock.session().protection()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return ws
    from ui.ops.atrest import encrypt_database

    acting_as = ws.acting_as
    ws.close()
    try:
        encrypt_database(path)
    except USER_ERRORS as e:
        QMessageBox.warning(parent, APP_NAME, QCoreApplication.translate("Unlock", "The database was not encrypted; it is as it was.\n\n{e}")
                            .format(e=e))
    return Workspace.open(path, acting_as=acting_as)
