"""The merge panel's "Print the merge report…" writes the PDF where the lead chose."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from ui.gui import merge_panel
from ui.gui.lead import LeadView
from ui.ops.workspace import Workspace

from ..ops.test_conflicts import _merged
from ..ops.test_exchange import world  # noqa: F401  (fixture)


def test_the_print_button_writes_the_merge_report(qtbot, world, monkeypatch, tmp_path):  # noqa: F811
    out = tmp_path / "merges.pdf"
    said: list[str] = []
    monkeypatch.setattr(merge_panel, "ask_save", lambda *a, **k: out)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    with world["lead"] as s:
        _merged(world, s)
        lead = LeadView(Workspace(s), world["iid"], lambda: None)
        qtbot.addWidget(lead)
        (button,) = [b for b in lead.merging.findChildren(QPushButton) if b.text() == "Print the merge report…"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert said == [f"Printed the merge report to\n{out}"]
    text = " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "R-2" in text and "open: not yet decided" in text
