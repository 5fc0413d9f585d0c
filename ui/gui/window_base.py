"""What every part of the main window shares: the workspace, the case list,
the open case, and how a failure or a change is shown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

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
        self.banner = QLabel()  # read-only database: says so above every screen
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Read-only database"))
        # both colours set, so it reads the same in a light or a dark palette (contrast about 12:1)
        self.banner.setStyleSheet("QLabel { background: #fff3c4; color: #3b2f00; border: 1px solid #b38f00; "
                                  "padding: 6px 10px; font-weight: bold; }")
        self.banner.hide()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.acts: dict[str, QAction] = {}  # the window's actions by name, enabled by update_actions
        self.saved_label = QLabel()
        self.db_label = QLabel(str(ws.path))  # the open database, in the status bar
        self.saved_label.setAccessibleName(self.tr("Save state"))

    def _close_view(self) -> bool:
        if self.view is None:
            return True
        if not self.view.flush_all():
            QMessageBox.warning(self, self.tr("Case Assessor"),
                                self.tr("Some answers could not be saved yet. They stay on screen and are being retried."))
            return False
        self.stack.removeWidget(self.view)
        self.view.deleteLater()
        self.view = None
        return True

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setStatusTip(tip or text.replace("&", "").replace("…", ""))
        if shortcut is not None:
            a.setToolTip(f"{text.replace('&', '')} ({QKeySequence(shortcut).toString()})")
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def update_actions(self) -> None:
        """Enable only the actions that can act now: nothing that changes data on
        a read-only database, nothing about a case with none selected or open,
        Mark complete and Reopen only inside a case in the right state."""
        writable = self.ws.read_only is None
        has_ins = self.current_inspection() is not None
        on_list = self.stack.currentWidget() is self.list
        selected = on_list and bool(self.list.selected_case_ids())
        in_case = self.view is not None
        complete = self.view is not None and self.view.s.complete
        case = in_case or selected
        rules = {
            "new_inspection": writable, "import_sample": writable and has_ins, "add_case": writable and has_ins,
            "edit_case": writable and case, "assess": selected, "mark_complete": writable and in_case and not complete,
            "reopen": writable and complete, "rename_case": writable and case, "delete_case": writable and case,
            "rename_inspection": writable and has_ins, "delete_inspection": writable and has_ins,
            "import_bundle": writable, "import_pack": writable, "export_bundle": has_ins, "export_secure": has_ins,
            "print_case": case, "print_selected": has_ins, "print_findings": has_ins, "lead": has_ins,
            "back_to_list": not on_list, "merge": writable and has_ins, "make_pack": writable and has_ins,
            "migrate": writable and has_ins, "export_data": has_ins, "return_case": writable and case,
            "approve_cases": writable and case, "reopen_approved": writable and case, "qa_pack": writable and has_ins,
            "raise_query": writable and case, "queries": has_ins,
        }
        for key, on in rules.items():
            if key in self.acts:
                self.acts[key].setEnabled(on)
        self.list.add_btn.setEnabled(rules["add_case"])
        self.list.edit_btn.setEnabled(rules["edit_case"])
        self.list.open_btn.setEnabled(rules["assess"])
        self.list.new_inspection.setEnabled(rules["new_inspection"])

    def edit_settings(self, _checked: bool = False, *, first_time: bool = False) -> None:
        from ui.gui.dialogs import SettingsDialog

        dlg = SettingsDialog(self.ws.setting("assessor_name") or "", self.ws.setting("assessor_id") or "", self,
                             first_time=first_time)
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
            self.edit_settings(first_time=True)
        return self.ws.who()

    def fail(self, e: Exception, what: str) -> None:
        log.warning("%s failed: %s", what, type(e).__name__)
        QMessageBox.warning(self, self.tr("Case Assessor"), f"{what}\n\n{e}")

    def _set_saved(self, state: str) -> None:
        if self.ws.read_only is not None:
            state = "read_only"
        text = {"saved": self.tr("✓ Saved"), "unsaved": self.tr("⚠ Not saved — retrying"), "editing": self.tr("Typing…"),
                "read_only": self.tr("Read-only: nothing can be changed")}
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
            self.update_actions()
            return
        if self.ws.read_only is None:
            try:  # a convenience: a failure to remember it stops nothing
                self.ws.set_setting("last_inspection", iid)
            except USER_ERRORS:
                pass
        try:
            listing = inspections.case_listing(self.ws, iid)
        except USER_ERRORS as e:
            self.list.show_listing(None)
            self.fail(e, self.tr("The cases could not be loaded."))
            return
        self.list.show_listing(listing)
        self.update_actions()
