"""The File and Lead menus' save dialogs suggest neutral file names: a name is
seen in folders, backups and mail, so it carries no case reference,
inspection or person (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from storage.store import Store
from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace


@pytest.fixture
def window(qtbot, db_path, iaow):
    s = Store(db_path)
    s.set_setting("assessor_name", "Jo Bloggs")
    iid = s.create_inspection("Leeds 2015", iaow.id, iaow.version, area="West Yorkshire")
    cid = s.add_case(iid, "CRN-X123456", {"case_type": "licence", "gender": "male", "rosh_level": "high"})
    s.add_case(iid, "CRN-Y654321", {"case_type": "licence", "gender": "female", "rosh_level": "low"})
    w = MainWindow(Workspace(s))
    qtbot.addWidget(w)
    w.show()
    yield w, cid
    s.close()


def test_every_suggested_file_name_is_neutral_and_in_a_sensible_folder(window, monkeypatch):
    w, cid = window
    suggested: list[str] = []
    folders: set[Path] = set()

    def dialog(parent, title, name="", filters=""):
        suggested.append(Path(name).name)
        folders.add(Path(name).parent)
        return "", ""  # the user cancels: nothing is written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.export_bundle()
    w.export_secure()
    w.print_findings()
    assert w.open_case(cid) is not None
    w.print_current()
    w.print_selected()
    assert "case-summary.pdf" in suggested and "case-summaries.pdf" in suggested and len(suggested) == 5
    personal = ("CRN", "X123456", "Leeds", "Yorkshire", "Jo", "Bloggs")
    assert [n for n in suggested if any(p.lower() in n.lower() for p in personal)] == []
    # the user's documents or the database's folder, never the folder the app was started in
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert folders and folders <= {Path(docs), w.ws.path.resolve().parent} and Path.cwd() not in folders


def test_the_unencrypted_bundle_warns_first_and_says_where_it_went(window, monkeypatch, tmp_path):
    w, _cid = window
    warned: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "b.json"), ""))
    w.export_bundle()
    assert "not encrypted" in warned[0][2] and warned[0][4] == QMessageBox.StandardButton.No  # No is the default
    assert not (tmp_path / "b.json").exists()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    w.export_bundle()
    assert (tmp_path / "b.json").exists() and str(tmp_path / "b.json") in told[0]


def test_menus_are_arranged_by_role(window):
    w, _cid = window
    menus = {m.title().replace("&", ""): [a.text().replace("&", "") for a in m.actions() if a.text()]
             for m in (a.menu() for a in w.menuBar().actions())}
    assessor, lead, file_menu = menus["Assessor"], menus["Lead"], menus["File"]
    assert any("inspection pack" in t for t in assessor) and any("encrypted" in t for t in assessor)
    assert not any("inspection pack" in t or "Export" in t for t in lead)
    assert any("Make a pack" in t for t in lead) and any("Merge" in t for t in lead)
    exports = [t for t in file_menu if "xport" in t]
    assert "encrypted" in exports[0] and "unencrypted" in exports[1]
