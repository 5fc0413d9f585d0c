"""What every part of the main window shares: the workspace, the case list,
the open case, and how a failure or a change is shown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from ui.gui.case_list import CaseList
from ui.ops import inspections
from ui.ops.changes import Done
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace

if TYPE_CHECKING:
    from ui.gui.assess import AssessView

log = logging.getLogger("case_assessor.ui")


class WindowBase(QMainWindow):
    """The main window's state and helpers; menus and actions live in subclasses."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.view: AssessView | None = None
        self.lead_view: QWidget | None = None
        self.stack = QStackedWidget()
        self.list = CaseList()
        self.stack.addWidget(self.list)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Save state"))

    def edit_settings(self) -> None:
        from ui.gui.dialogs import SettingsDialog

        dlg = SettingsDialog(self.ws.setting("assessor_name") or "", self.ws.setting("assessor_id") or "", self)
        if dlg.exec():
            try:
                self.ws.set_profile(dlg.name.text(), dlg.ident.text())
            except USER_ERRORS as e:
                self.fail(e, self.tr("The settings could not be saved."))

    def who(self) -> str:
        """The assessor's name, asked once per profile; OpError (shown by the
        caller, nothing changed) if they give none: no change is recorded as
        made by nobody."""
        if not (self.ws.setting("assessor_name") or "").strip():
            self.edit_settings()
        return self.ws.who()

    def fail(self, e: Exception, what: str) -> None:
        log.warning("%s failed: %s", what, type(e).__name__)
        QMessageBox.warning(self, self.tr("Case Assessor"), f"{what}\n\n{e}")

    def _set_saved(self, state: str) -> None:
        text = {"saved": self.tr("✓ Saved"), "unsaved": self.tr("⚠ Not saved — retrying"), "editing": self.tr("Typing…")}
        self.saved_label.setText(text.get(state, state))
        self.saved_label.setStyleSheet("color: #a00; font-weight: bold;" if state == "unsaved" else "")

    def apply(self, done: Done) -> None:
        """Refresh what an operation changed, and no more."""
        if done.changes.inspections:
            self.reload_inspections(done.id or None)
        elif done.changes.cases:
            self.reload_cases()

    def current_inspection(self) -> str | None:
        data = self.list.inspection.currentData()
        return str(data) if data else None

    def reload_inspections(self, select: str | None = None) -> None:
        box = self.list.inspection
        keep = select or box.currentData() or self.ws.setting("last_inspection")
        box.blockSignals(True)
        box.clear()
        for ins in self.ws.inspections():
            box.addItem(f"{ins.name}  ·  {ins.question_set_id}", ins.id)
        i = box.findData(keep)
        box.setCurrentIndex(i if i >= 0 else 0)
        box.blockSignals(False)
        self.reload_cases()

    def reload_cases(self) -> None:
        iid = self.current_inspection()
        if not iid:
            self.list.show_listing(None)
            self.list.summary.setText(self.tr("No inspection yet: create one with New inspection…"))
            return
        try:
            self.ws.set_setting("last_inspection", iid)
            listing = inspections.case_listing(self.ws, iid)
        except USER_ERRORS as e:
            self.list.show_listing(None)
            self.fail(e, self.tr("The cases could not be loaded."))
            return
        self.list.show_listing(listing)
