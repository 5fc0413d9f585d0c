"""The lead inspector's GUI: merge, conflict resolution and the findings dashboard."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ui.gui.main_window import MainWindow
from ui.ops.workspace import Workspace

from ..ops.test_exchange import world  # noqa: F401  (fixture)


def test_gui_merge_resolve_and_dashboard(qtbot, world, monkeypatch, tmp_path):  # noqa: F811
    d = world["dir"]
    asked = []

    def choose(parent, title, label, items, current, editable):
        """The lead reads the fingerprint out with the assessor and chooses their name."""
        asked.append((label, items, current))
        return next(i for i in items if f"“{i}”" in label), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with world["lead"] as s:
        w = MainWindow(Workspace(s))
        qtbot.addWidget(w)
        w.show()
        w.show_lead()
        lead = w.lead_view
        assert lead is not None and w.stack.currentWidget() is lead
        lead.merge([str(d / "ann.export"), str(d / "bob.export")])
        assert len(asked) == 2 and all("Check the fingerprint" in q for q, _i, _c in asked)
        # the prompt never preselects a name: the first choice refuses the file
        assert all(items[c].startswith("— not trusted") and set(items[1:]) == {"Ann", "Bob"} for _q, items, c in asked)
        statuses = [lead.merge_table.item(r, 0).text() for r in range(lead.merge_table.rowCount())]
        assert statuses == ["merged", "merged"]
        assert "Open conflicts: 1" in lead.merge_report.toPlainText()
        assert "1 unresolved conflicts" in lead.conflict_flag.text()

        # decide the conflict: a reason is required
        lead.tabs.setCurrentIndex(1)
        lead.conflict_table.selectRow(0)
        assert len(lead._side_buttons) == 2
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        lead._side_buttons[0].click()
        assert lead.conflict_table.item(0, 2).text() == "open"
        qtbot.keyClicks(lead.why, "case file read again")
        lead.conflict_table.selectRow(0)
        lead._side_buttons[0].click()
        assert lead.conflict_table.item(0, 2).text() == "resolved"
        assert lead.conflict_flag.text() == ""

        # the dashboard: outcomes, per-question bars, drill-down, subgroup filter, CSV/XLSX
        lead.tabs.setCurrentIndex(2)
        assert lead.outcome_table.rowCount() >= 2
        lead.finding_tabs.setCurrentIndex(2)
        row = next(r for r in range(lead.question_table.rowCount())
                   if lead.question_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "IAOW-2.1-02")
        lead.question_table.selectRow(row)
        refs = [lead.drill.item(i).text() for i in range(lead.drill.count())]
        assert any(r.startswith("R-1") for r in refs) and len(refs) == 4
        lead.filter_field.setCurrentIndex(lead.filter_field.findData("assessor"))
        lead.filter_value.setCurrentIndex(lead.filter_value.findData("Bob"))
        # scores use each case's first primary reading: Bob's is the scoring one only for R-4
        assert lead.summary.text().startswith("1 cases")
        lead.finding_tabs.setCurrentIndex(0)
        lead.export_table("csv", str(tmp_path / "o.csv"))
        lead.export_table("xlsx", str(tmp_path / "o.xlsx"))
        assert "Outcome / section" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
        with zipfile.ZipFile(tmp_path / "o.xlsx") as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "Outcome / section" in sheet
        w.close()
