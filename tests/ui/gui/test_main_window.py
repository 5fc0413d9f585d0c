"""The main window on a database that failed its integrity check: read-only, and it says so."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from storage.store import Store
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ...conftest import make_inspection
from ...storage.test_db import _damage_page


def test_a_damaged_database_opens_read_only_and_says_so(qtbot, tmp_path, iaow, monkeypatch):
    path = tmp_path / "d.sqlite3"
    s = Store(path)
    make_inspection(s, iaow, 30)
    s.set_setting("assessor_name", "Jo")
    s.close()
    _damage_page(path, "idx_cases_inspection_id_reference")
    before = path.read_bytes()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    store = Store(path)
    assert store.damaged is not None
    w = MainWindow(Workspace(store))
    qtbot.addWidget(w)
    assert "read-only" in w.windowTitle() and warned and "damaged" in warned[0]
    w.close()
    store.close()
    assert path.read_bytes() == before
