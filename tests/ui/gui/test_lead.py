"""The lead inspector's GUI: merge (with passphrases and trust), conflicts,
packs and the findings dashboard."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QProgressBar

from ui.gui.lead import LeadView
from ui.gui.lead_tables import row_data
from ui.gui.main_window import MainWindow
from ui.gui.merge_panel import TrustDialog
from ui.ops import conflicts as conflict_ops
from ui.ops import exchange
from ui.ops.workspace import Workspace

from ..ops.test_exchange import answer, passphrase_export, world  # noqa: F401  (fixture)

TRUST_ASKED: list[TrustDialog] = []


@pytest.fixture
def trust_by_name(monkeypatch):
    """The lead reads the fingerprint out with the assessor and chooses their name."""
    TRUST_ASKED.clear()

    def choose(self):
        TRUST_ASKED.append(self)
        assert self.names.currentData() is None and self.refuse_btn.isDefault() and not self.trust_btn.isEnabled()
        self.names.setCurrentIndex(self.names.findData(self.claimed))
        self.trust_btn.click()
        return self.result()

    monkeypatch.setattr(TrustDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def _window(qtbot, store, **kw):
    w = MainWindow(Workspace(store))
    qtbot.addWidget(w)
    w.show()
    w.show_lead()
    lead = w.lead_view
    assert isinstance(lead, LeadView) and w.stack.currentWidget() is lead
    return w, lead


def _disagree_more(world):  # noqa: F811
    """Second exports with two more disagreements (R-2 2.1-02, R-3 2.1-02): three conflicts in all."""
    d = world["dir"]
    with world["ann"] as s:
        answer(s, "R-3", {"IAOW-2.1-02": "yes"})
        exchange.export_secure(Workspace(s), world["iid"], d / "ann2.export")
    with world["bob"] as s:
        answer(s, "R-2", {"IAOW-2.1-02": "no"})
        exchange.export_secure(Workspace(s), world["iid"], d / "bob2.export")
    return [str(d / "ann2.export"), str(d / "bob2.export")]


def test_gui_merge_resolve_and_dashboard(qtbot, world, trust_by_name, tmp_path):  # noqa: F811
    d = world["dir"]
    with world["lead"] as s:
        w, lead = _window(qtbot, s)
        lead.merging.merge([str(d / "ann.export"), str(d / "bob.export")])
        assert [t.claimed for t in TRUST_ASKED] == ["Ann", "Bob"]
        assert all("Check the fingerprint" in t.message.text() and t.fingerprint in t.message.text()
                   for t in TRUST_ASKED)
        statuses = [lead.merging.table.item(r, 0).text() for r in range(lead.merging.table.rowCount())]
        assert statuses == ["merged", "merged"]
        assert "Open conflicts after it: 1" in lead.merging.summary.toPlainText()
        assert "1 unresolved conflicts" in lead.conflict_flag.text()
        # the merge report lists the conflict with both sides, labelled
        assert lead.merging.conflict_table.item(0, 2).text() == "Ann: No  ·  Bob: Yes"

        panel = lead.conflicts
        lead.tabs.setCurrentWidget(panel)
        panel.table.selectRow(0)
        assert len(panel.side_buttons) == 2
        panel.side_buttons[0].click()  # no reason yet: nothing decided
        assert panel.table.item(0, 2).text() == "open"
        qtbot.keyClicks(panel.why, "case file read again")
        panel.side_buttons[0].click()
        assert panel.table.item(0, 2).text() == "decided" and lead.conflict_flag.text() == ""

        lead.tabs.setCurrentWidget(lead.findings)
        f = lead.findings
        assert f.outcome_table.rowCount() >= 2
        f.show_question("IAOW-2.1-02")
        refs = [f.drill.item(i).text() for i in range(f.drill.count())]
        assert any(r.startswith("R-1") for r in refs) and len(refs) == 4
        f.filter_field.setCurrentIndex(f.filter_field.findData("assessor"))
        f.filter_value.setCurrentIndex(f.filter_value.findData("Bob"))
        assert f.summary.text().startswith("1 cases")  # Bob's reading scores only R-4
        f.tabs.setCurrentIndex(0)
        f.export_table("csv", str(tmp_path / "o.csv"))
        f.export_table("xlsx", str(tmp_path / "o.xlsx"))
        assert "Outcome / section" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
        with zipfile.ZipFile(tmp_path / "o.xlsx") as z:
            assert "Outcome / section" in z.read("xl/worksheets/sheet1.xml").decode()
        w.close()


@pytest.fixture
def three_conflicts(qtbot, world, trust_by_name):  # noqa: F811
    """The lead's window after merging exports with three conflicts."""
    d = world["dir"]
    more = _disagree_more(world)
    with world["lead"] as s:
        w, lead = _window(qtbot, s)
        lead.merging.merge([str(d / "ann.export"), str(d / "bob.export"), *more])
        yield s, w, lead
        w.close()


def test_a_decided_conflict_is_locked_shown_and_the_next_open_one_follows(qtbot, three_conflicts):
    s, w, lead = three_conflicts
    panel = lead.conflicts
    assert panel.table.rowCount() == 3
    assert [panel.table.item(r, 3).text() for r in range(3)] == ["Ann: Yes  ·  Bob: No", "Ann: No  ·  Bob: Yes",
                                                                "Ann: Yes  ·  Bob: No"]
    panel.table.selectRow(0)
    first = panel.current_id()
    qtbot.keyClicks(panel.why, "seen on the case file")
    panel.side_buttons[1].click()  # keep Bob's
    # the decision is shown with who and why, the reason stays, and the next open conflict is selected
    assert panel.current_id() != first and panel.why.text() == "seen on the case file"
    done_row = next(r for r in range(3) if row_data(panel.table, r) == first)
    assert panel.table.item(done_row, 2).text() == "decided"
    assert panel.table.item(done_row, 4).text().startswith("No — Lead, ")
    assert panel.table.item(done_row, 4).text().endswith(": seen on the case file")
    panel.table.selectRow(done_row)
    assert "Decided" in panel.decision.text() and not any(b.isEnabled() for b in panel.side_buttons)
    assert panel.change_btn.isEnabled()
    # a second decision through a stale button is refused, not written over the first
    warned: list[str] = []
    w.show()
    original = QMessageBox.warning
    QMessageBox.warning = lambda *a, **k: warned.append(a[2])  # type: ignore[method-assign, assignment]
    try:
        panel.decide(first, conflict_ops.sides(panel._rows[first])[0])
    finally:
        QMessageBox.warning = original  # type: ignore[method-assign]
    assert warned and "decided already" in warned[0]
    audit = [r.action for r in s.audit_rows() if "conflict" in r.action]
    assert audit == ["resolve_conflict"]
    # changing it is explicit and needs its own reason
    panel.table.selectRow(done_row)
    panel.change_btn.click()
    assert all(b.isEnabled() for b in panel.side_buttons) and panel.why.text() == ""
    qtbot.keyClicks(panel.why, "Ann's reading was right after all")
    panel.side_buttons[0].click()
    assert [r.action for r in s.audit_rows() if "conflict" in r.action] == ["resolve_conflict",
                                                                          "change_conflict_decision"]


def test_open_only_filter_bulk_keep_and_tab_leaves_the_table(qtbot, three_conflicts):
    s, w, lead = three_conflicts
    panel = lead.conflicts
    lead.tabs.setCurrentWidget(panel)
    panel.table.selectRow(0)  # two conflicts
    qtbot.keyClicks(panel.why, "Bob's reads were checked")
    panel.bulk_assessor.setCurrentText("Bob")
    panel.bulk_case_btn.click()
    states = {(panel.table.item(r, 0).text(), panel.table.item(r, 1).text()): panel.table.item(r, 2).text()
              for r in range(panel.table.rowCount())}
    assert states == {("R-2", "IAOW-2.1-02"): "decided", ("R-2", "IAOW-2.1-03"): "decided",
                      ("R-3", "IAOW-2.1-02"): "open"}
    panel.open_only.setChecked(True)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 0).text() == "R-3"
    panel.open_only.setChecked(False)
    assert panel.table.rowCount() == 3
    # Tab moves on from the table to the next control
    panel.table.setFocus()
    QApplication.processEvents()
    assert not panel.table.tabKeyNavigation()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert not panel.table.hasFocus()


def test_gui_merge_asks_for_the_passphrase_of_a_passphrase_export(qtbot, world, trust_by_name):  # noqa: F811
    f = passphrase_export(world)
    asked: list[str] = []
    answers = iter(["a wrong guess", "granite oxidize pelican marmalade tundra"])

    def passphrase(parent, title, label, echo):
        asked.append(label)
        return next(answers), True

    with world["lead"] as s:
        w, lead = _window(qtbot, s)
        original = QInputDialog.getText
        QInputDialog.getText = passphrase  # type: ignore[method-assign, assignment]
        warned: list[str] = []
        QMessageBox.warning, old_warning = (lambda *a, **k: warned.append(a[2])), QMessageBox.warning  # type: ignore
        try:
            lead.merging.merge([str(f)])
        finally:
            QInputDialog.getText = original  # type: ignore[method-assign]
            QMessageBox.warning = old_warning  # type: ignore[method-assign]
        assert len(asked) == 2 and "encrypted to a passphrase" in asked[0] and "did not open" in asked[1]
        assert "that passphrase does not open it" in warned[0] and "wrong key" not in warned[0]
        assert lead.merging.history.count() == 2  # the refused try and the merge, both kept
        assert [lead.merging.table.item(r, 0).text() for r in range(lead.merging.table.rowCount())] == ["merged"]
        w.close()


def test_merge_history_survives_reopening(qtbot, world, trust_by_name):  # noqa: F811
    d = world["dir"]
    with world["lead"] as s:
        w, lead = _window(qtbot, s)
        lead.merging.merge([str(d / "ann.export")])
        w.close()
        again = LeadView(Workspace(s), world["iid"], lambda: None)
        qtbot.addWidget(again)
        assert again.merging.history.count() == 1
        assert again.merging.table.item(0, 0).text() == "merged"


def test_trust_prompt_defaults_to_refusing(qtbot):
    dlg = TrustDialog("Ann", "AAAA-BBBB-CCCC-DDDD-EEEE", ["Ann", "Bob"])
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.refuse_btn.isDefault() and not dlg.trust_btn.isEnabled() and dlg.names.currentData() is None
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Rejected and dlg.chosen() is None


def test_dashboard_bars_do_not_pile_up_and_tables_sort_as_numbers(qtbot, world, trust_by_name):  # noqa: F811
    d = world["dir"]
    with world["lead"] as s:
        w, lead = _window(qtbot, s)
        lead.merging.merge([str(d / "ann.export"), str(d / "bob.export")])
        f = lead.findings
        rows = f.question_table.rowCount()
        for _ in range(4):
            f.refresh()
        QApplication.processEvents()
        assert f.question_table.rowCount() == rows > 100
        assert f.question_table.findChildren(QProgressBar) == []  # bars are painted, one per row, none left over
        # sorting: numbers as numbers, in every table
        header = f.question_table.horizontalHeader()
        header.sectionClicked.emit(2)
        f.question_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        yes = [int(f.question_table.item(r, 2).text()) for r in range(rows)]
        assert yes == sorted(yes, reverse=True) and yes[0] >= 2
        f.question_table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        shown = [f.question_table.item(r, 1).text().split()[0] for r in range(rows)]
        pct = [-1 if v == "n/a" else int(v.rstrip("%")) for v in shown]
        assert pct == sorted(pct, reverse=True) and pct[0] == 50 and "9%" not in shown[:3]
        for t in (f.outcome_table, f.criterion_table, f.sample_table, f.factor_table, lead.conflicts.table,
                  lead.merging.table):
            assert t.isSortingEnabled()
        w.close()


def test_drill_from_a_criterion_to_its_questions_and_open_a_case(qtbot, world, trust_by_name):  # noqa: F811
    d = world["dir"]
    opened: list[str] = []
    with world["lead"] as s:
        lead = LeadView(Workspace(s), world["iid"], lambda: None, open_case=opened.append)
        qtbot.addWidget(lead)
        lead.show()
        lead.merging.merge([str(d / "ann.export"), str(d / "bob.export")])
        f = lead.findings
        lead.tabs.setCurrentWidget(f)
        row = next(r for r in range(f.criterion_table.rowCount()) if row_data(f.criterion_table, r) == ("criterion", "2.1"))
        f.criterion_table.selectRow(row)
        qids = [f.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(f.members.count())]
        assert "IAOW-2.1-02" in qids and all(q.startswith("IAOW-2.1-") for q in qids)
        outcome = lead.qs.by_id["IAOW-2.1-02"].criterion.group
        f.outcome_table.selectRow(next(r for r in range(f.outcome_table.rowCount())
                                       if row_data(f.outcome_table, r) == ("group", outcome)))
        assert {f.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(f.members.count())} >= set(qids)
        f.criterion_table.selectRow(row)
        item = f.members.item(qids.index("IAOW-2.1-02"))
        f.members.itemActivated.emit(item)
        assert f.tabs.currentIndex() == 1 and f.drill.count() == 4
        drilled = f.drill.item(0)
        QApplication.processEvents()
        rect = f.drill.visualItemRect(drilled)
        qtbot.mouseClick(f.drill.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then the second
        qtbot.mouseDClick(f.drill.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert opened == [s.find_case(drilled.text().split()[0]).id]


def test_make_a_pack_from_the_gui(qtbot, world, monkeypatch):  # noqa: F811
    from ui.gui.pack_dialog import MakePackDialog

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    out = world["dir"] / "cat.pack"
    with world["lead"] as s:
        lead_fp = exchange.my_fingerprint()
        dlg = MakePackDialog(Workspace(s), world["iid"])
        qtbot.addWidget(dlg)
        dlg.assessor.setCurrentText("Cat")
        for i in range(dlg.cases.count()):
            if dlg.cases.item(i).text() in ("R-1", "R-4"):
                dlg.cases.item(i).setCheckState(Qt.CheckState.Checked)
        dlg.may_add.setChecked(True)
        dlg.out.setText(str(out))
        dlg.passphrase.setText("granite oxidize pelican marmalade tundra")
        dlg.again.setText("granite oxidize pelican marmalade tundras")
        dlg.make_btn.click()
        assert not out.exists() and "differ" in told[-1]
        dlg.again.setText("granite oxidize pelican marmalade tundra")
        dlg.make_btn.click()
        assert out.exists() and dlg.result() == QDialog.DialogCode.Accepted
        assert str(out) in told[-1] and "2 cases for Cat" in told[-1]
        assert "Cat" in exchange.assessors_with_cases(Workspace(s), world["iid"])
        assert s.get_setting(f"may_add_cases:{world['iid']}:Cat") == "1"
    pw = world["dir"] / "cat-pw.txt"
    pw.write_text("granite oxidize pelican marmalade tundra")
    from ..ops.test_exchange import Person

    with Person(world["dir"], "Cat") as s:
        assert exchange.import_pack(Workspace(s), out, str(pw), lead_fingerprint=lead_fp).count == 2
