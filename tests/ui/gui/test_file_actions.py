"""The File and Lead menus' save dialogs suggest neutral file names: a name is
seen in folders, backups and mail, so it carries no case reference,
inspection or person (issue 13, item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

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


def test_every_suggested_file_name_is_neutral(window, monkeypatch):
    w, cid = window
    suggested: list[str] = []

    def dialog(parent, title, name="", filters=""):
        suggested.append(name)
        return "", ""  # the user cancels: nothing is written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    w.export_bundle()
    w.export_secure()
    w.print_findings()
    assert w.open_case(cid) is not None
    w.print_current()
    w.print_selected()
    assert "case-summary.pdf" in suggested and "case-summaries.pdf" in suggested and len(suggested) == 5
    personal = ("CRN", "X123456", "Leeds", "Yorkshire", "Jo", "Bloggs")
    assert [n for n in suggested if any(p.lower() in n.lower() for p in personal)] == []
