"""The migration dialog: nothing changes until a preview of the same choice
has been shown and Migrate confirmed (issue 17, item 3, in the GUI)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.gui.migrate_dialog import MigrateDialog
from ui.ops import inspections, questionsets
from ui.ops.workspace import Workspace

from ..ops.test_questionsets import _map, answered_case, new_version


def test_preview_then_migrate(qtbot, store, tmp_path, monkeypatch):
    ws = Workspace(store)
    ws.set_setting("assessor_name", "Lead")
    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    answered_case(ws, iid, "Y-1", {"IAOW-2.1-02": "no", "IAOW-2.2-12": "yes"})
    questionsets.install_set(new_version(tmp_path))
    dlg = MigrateDialog(ws, iid)
    qtbot.addWidget(dlg)
    assert [dlg.version.itemData(i) for i in range(dlg.version.count())] == ["1.1.0", "2.0.0"]
    dlg.version.setCurrentIndex(1)
    assert not dlg.migrate_button.isEnabled()  # no preview yet
    dlg.map_path.setText(str(_map(tmp_path)))
    qtbot.mouseClick(dlg.preview_button, qtbot_button())
    assert "would move from iaow-2013 1.0.0 to iaow-2013 2.0.0" in dlg.report.toPlainText()
    assert ws.question_set(iid).version == "1.0.0" and dlg.migrate_button.isEnabled()
    dlg.map_path.setText("")  # a different choice needs its own preview
    assert not dlg.migrate_button.isEnabled()
    dlg.map_path.setText(str(_map(tmp_path)))
    qtbot.mouseClick(dlg.preview_button, qtbot_button())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dlg.migrate_button, qtbot_button())
    assert ws.question_set(iid).version == "2.0.0"
    assert dlg.migration is not None and dlg.migration.backup is not None and dlg.migration.backup.exists()
    assert "backup of the database" in dlg.report.toPlainText() and not dlg.migrate_button.isEnabled()


def test_a_bad_mapping_is_shown_and_nothing_changes(qtbot, store, tmp_path):
    ws = Workspace(store)
    ws.set_setting("assessor_name", "Lead")
    iid = inspections.new_inspection(ws, "York", "iaow-2013@1.0.0").id
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    dlg = MigrateDialog(ws, iid)
    qtbot.addWidget(dlg)
    dlg.map_path.setText(str(bad))
    qtbot.mouseClick(dlg.preview_button, qtbot_button())
    assert "cannot be made" in dlg.report.toPlainText() and "not a JSON mapping file" in dlg.report.toPlainText()
    assert not dlg.migrate_button.isEnabled() and ws.question_set(iid).version == "1.0.0"


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
