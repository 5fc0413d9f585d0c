"""The app's passphrase dialog (no keystore) and the offer to encrypt a plain
database on open."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from storage.driver import SQLITE_MAGIC
from storage.store import Store
from ui.gui.unlock import PassphraseDialog, gui_keys, offer_encrypt
from ui.ops import unlock
from ui.ops.unlock import Request, key_path
from ui.ops.workspace import Workspace

GOOD = "quartet oxidize pelican marmalade tundra"


def _answer_dialogs(answers: list[str | None], seen: list[str]) -> None:
    """Answer the next passphrase dialogs in turn (None cancels), noting the problem each one shows."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, step)
            return
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        answer = answers.pop(0)
        if answer is None:
            dialog.reject()
        else:
            dialog.field.setText(answer)
            dialog.again.setText(answer)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        if answers:
            QTimer.singleShot(10, step)

    QTimer.singleShot(10, step)


def test_choosing_a_passphrase_asks_twice_and_refuses_two_different_ones(qtbot):
    d = PassphraseDialog(Request("the database x.sqlite3", new=True))
    qtbot.addWidget(d)
    d.show()
    d.field.setText(GOOD)
    d.again.setText(GOOD + "!")
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert d.result() == 0 and d.problem.isVisible() and "differ" in d.problem.text()
    d.again.setText(GOOD)
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert d.result() == d.DialogCode.Accepted


def test_without_a_keystore_the_app_asks_and_asks_again_after_a_wrong_passphrase(qtbot, db_path, no_keystore,
                                                                                 monkeypatch):
    monkeypatch.delenv(unlock.PASSPHRASE_ENV, raising=False)
    seen: list[str] = []
    _answer_dialogs(["short", GOOD], seen)
    unlock.set_session(gui_keys())
    with Workspace.open(db_path, acting_as="Ann") as ws:
        ws.set_profile("Ann")
    assert seen[0] == "" and "at least 12 characters" in seen[1]
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC) and '"scrypt"' in key_path(db_path).read_text()
    seen.clear()
    _answer_dialogs(["wrong oxidize pelican marmalade tundra", GOOD], seen)
    unlock.set_session(gui_keys())  # the next start of the app
    with Workspace.open(db_path) as ws:
        assert ws.setting("assessor_name") == "Ann"
    assert seen == ["", "Wrong passphrase. Try again."]


def test_a_plain_database_is_offered_encryption_on_open(qtbot, db_path, monkeypatch):
    with Store(db_path) as s:
        s.set_setting("assessor_name", "Ann")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    ws = offer_encrypt(Workspace.open(db_path))
    assert not ws.encrypted and db_path.read_bytes().startswith(SQLITE_MAGIC)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ws = offer_encrypt(ws)
    assert ws.encrypted and ws.setting("assessor_name") == "Ann"
    ws.close()
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC) and key_path(db_path).exists()
