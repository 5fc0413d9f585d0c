"""The database the window works on: read-only mode, File › Open / Open recent /
New database, the title naming the database and the case, and no database
created for a mistyped path without asking (issue 14)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from storage.store import Store
from ui.gui import app as gui_app
from ui.gui.database_actions import RECENT_KEY, recent_databases
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ...conftest import make_inspection


@pytest.fixture(autouse=True)
def _no_recent():
    """Qt reads its settings file once per process: start each test with an empty list."""
    QSettings().remove(RECENT_KEY)


@pytest.fixture
def filled(tmp_path, iaow):
    path = tmp_path / "team.sqlite3"
    s = Store(path)
    make_inspection(s, iaow, 5)
    s.close()
    return path


@pytest.fixture
def asked(monkeypatch):
    """Every question and warning the window puts up, answered No / OK."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen.append(a[2]) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen.append(a[2]))
    return seen


def _window(qtbot, ws: Workspace) -> MainWindow:
    w = MainWindow(ws)
    qtbot.addWidget(w)
    return w


def test_a_read_only_database_is_viewed_with_a_banner_and_cannot_be_changed(qtbot, filled, asked):
    before = filled.read_bytes()
    ws = Workspace.open(filled, read_only=True)
    w = _window(qtbot, ws)
    assert w.list.proxy.rowCount() == 5  # the data is readable: the list shows it
    assert not w.banner.isHidden() and "read-only" in w.banner.text() and "(read-only)" in w.windowTitle()
    for key in ("new_inspection", "import_sample", "add_case", "edit_case", "delete_case", "rename_case"):
        assert not w.acts[key].isEnabled(), key
    assert w.acts["assess"].isEnabled() and w.acts["print_case"].isEnabled()
    view = w.open_case(w.list.selected_case_ids()[0])
    assert view is not None and not view.s.editable
    assert view.options_box.buttons and not any(b.isEnabled() for b in view.options_box.buttons)
    assert view.note.isReadOnly() and not view.practice.isEnabled()
    assert not w.acts["mark_complete"].isEnabled() and not w.acts["reopen"].isEnabled()
    view._apply(view.current, type(view.state(view.current))("yes"), "x")  # a key press that slipped through
    assert view.undo.count() == 0
    w.close()
    assert asked == []  # no warning of lost answers on quitting
    ws.close()
    assert filled.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write a file whatever its mode")
def test_a_file_without_write_permission_opens_read_only_in_the_window(qtbot, filled, asked):
    filled.chmod(0o400)
    try:
        ws = Workspace.open(filled)
        w = _window(qtbot, ws)
        assert w.list.proxy.rowCount() == 5 and not w.banner.isHidden()
        w.close()
        ws.close()
    finally:
        filled.chmod(0o600)


def test_open_switches_database_and_the_title_names_it_and_the_case(qtbot, tmp_path, filled, monkeypatch):
    first = Workspace.open(tmp_path / "mine.sqlite3")
    w = _window(qtbot, first)
    assert w.windowTitle() == "Case Assessor — mine.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(filled), ""))
    w.open_database()
    assert w.ws.path == filled and first.store.closed and w.list.proxy.rowCount() == 5
    w.ws.set_setting("assessor_name", "Jo")
    w.open_case(w.list.selected_case_ids()[0])
    assert w.windowTitle() == "Case Assessor — team.sqlite3 — case CASE-001"
    assert recent_databases()[:2] == [str(filled.resolve()), str((tmp_path / "mine.sqlite3").resolve())]
    w.ws.close()


def test_open_recent_marks_missing_files_and_can_forget_them(qtbot, tmp_path, filled):
    gone = tmp_path / "gone.sqlite3"
    Store(gone).close()
    ws = Workspace.open(gone)
    w = _window(qtbot, ws)
    assert w.switch_database(filled)
    gone.unlink()
    w._fill_recent()
    texts = {a.text(): a.isEnabled() for a in w.recent_menu.actions() if a.text()}
    assert texts[f"{gone.resolve()} — missing (moved or removed)"] is False
    assert texts[str(filled.resolve())] is False  # the one open now
    w._forget_missing()
    assert recent_databases() == [str(filled.resolve())]
    w.ws.close()


def test_new_database_never_replaces_a_file(qtbot, tmp_path, filled, asked, monkeypatch):
    ws = Workspace.open(filled)
    w = _window(qtbot, ws)
    before = filled.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(filled), ""))
    w.new_database()
    assert "already exists, so it was not replaced" in asked[0] and filled.read_bytes() == before
    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    w.new_database()
    assert w.ws.path == fresh and fresh.exists() and w.list.pages.currentWidget() is w.list.empty
    w.ws.close()


def test_a_mistyped_db_asks_before_creating_and_no_creates_nothing(qtbot, tmp_path, asked):
    typo = tmp_path / "Documnets" / "case.sqlite3"
    assert gui_app.run_app(str(typo)) == 1
    assert "Create a new, empty database there?" in asked[0] and str(tmp_path / "Documnets") in asked[0]
    assert not (tmp_path / "Documnets").exists()
