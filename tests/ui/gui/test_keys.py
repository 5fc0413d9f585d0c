"""The Lead menu's key work: enrolment file, importing one, the lead's
fingerprint at import-pack (a question whose default is No), trusted keys with Revoke."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from exports import enrolment as enrolment_fmt
from storage import keys as keys_sql
from ui.gui import keys
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ..ops.test_enrolment import team  # noqa: F401  (fixture)
from ..ops.test_exchange import QS, Person


def _answer_next_question(qtbot, press, seen: list[str]) -> None:
    """When the next question box opens, note its text and press a key or a button on it."""
    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text())
        if press == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            box.button(press).click()
    QTimer.singleShot(0, act)


def _window(qtbot, store) -> MainWindow:
    w = MainWindow(Workspace(store))
    qtbot.addWidget(w)
    w.show()
    return w


def test_import_pack_shows_the_lead_fingerprint_and_enter_means_no(qtbot, team, monkeypatch):  # noqa: F811
    with team["ann"] as s:
        w = _window(qtbot, s)
        seen: list[str] = []
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
        _answer_next_question(qtbot, "enter", seen)
        w.import_pack(str(team["dir"] / "ann.pack"))
        assert team["lead_fp"] in seen[0] and s.list_inspections() == []
        assert "not confirmed" in warnings[0]
        _answer_next_question(qtbot, QMessageBox.StandardButton.Yes, seen)
        w.import_pack(str(team["dir"] / "ann.pack"))
        assert [i.id for i in s.list_inspections()] == [team["iid"]]


def test_enrolment_written_and_imported_from_the_lead_menu(qtbot, team, monkeypatch, tmp_path):  # noqa: F811
    out = tmp_path / "dee.enrol"
    dee = Person(tmp_path, "Dee")
    with dee as s:
        w = _window(qtbot, s)
        shown: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
        keys.write_enrolment(w)
        e = enrolment_fmt.parse(out.read_bytes())
        assert e.name == "Dee" and e.fingerprint in shown[0]
    with team["lead"] as s:
        w = _window(qtbot, s)
        w.reload_inspections(team["iid"])
        seen: list[str] = []
        _answer_next_question(qtbot, "enter", seen)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
        keys.import_enrolment(w, str(out))
        assert e.fingerprint in seen[0] and keys_sql.enrolment(s, team["iid"], "Dee") is None
        _answer_next_question(qtbot, QMessageBox.StandardButton.Yes, seen)
        keys.import_enrolment(w, str(out))
        assert keys_sql.enrolment(s, team["iid"], "Dee").fingerprint == e.fingerprint


def test_trusted_keys_dialog_lists_and_revokes(qtbot, team, monkeypatch):  # noqa: F811
    bob_fp = team["bob"].fingerprint()
    with team["lead"] as s:
        w = _window(qtbot, s)
        dlg = keys.TrustedKeysDialog(w)
        qtbot.addWidget(dlg)
        rows = {dlg.table.item(r, 0).text(): r for r in range(dlg.table.rowCount())}
        assert set(rows) == {team["ann"].fingerprint(), bob_fp}
        assert dlg.table.item(rows[bob_fp], 2).text() == "York as Bob"
        dlg.table.selectRow(rows[bob_fp])
        asked: list[str] = []
        monkeypatch.setattr(keys, "ask_fingerprint", lambda parent, title, text: asked.append(text) is not None)
        dlg.revoke_btn.click()
        assert bob_fp in asked[0] and keys_sql.revocation(s, bob_fp) is None  # said No
        monkeypatch.setattr(keys, "ask_fingerprint", lambda parent, title, text: True)
        dlg.table.selectRow(rows[bob_fp])
        dlg.revoke_btn.click()
        assert keys_sql.revocation(s, bob_fp)[1] == "Lead"
        dlg.table.selectRow(rows[bob_fp])
        assert dlg.table.item(rows[bob_fp], 4).text().startswith("Revoked ") and not dlg.revoke_btn.isEnabled()
        dlg.grab().save(str(team["dir"] / "trusted-keys.png"))


def test_the_lead_menu_offers_the_key_actions(qtbot, db_path):
    from storage.store import Store

    with Store(db_path) as s:
        s.set_setting("assessor_name", "Lee")
        s.create_inspection("York", QS.id, QS.version)
        w = _window(qtbot, s)
        texts = [a.text().replace("&", "") for m in w.menuBar().actions() for a in m.menu().actions()]
        assert {"Write my enrolment file…", "Import an assessor's enrolment…", "Trusted keys…"} <= set(texts)
