"""The main window: the case list and the walk-through of one case."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
)

from ui.gui.file_actions import FileActions
from ui.ops import inspections
from ui.ops.errors import USER_ERRORS
from ui.ops.session import CaseSession
from ui.ops.workspace import Workspace, catalog

if TYPE_CHECKING:
    from ui.gui.assess import AssessView

log = logging.getLogger("case_assessor.ui")


class MainWindow(FileActions):
    """The case list and the walk-through of one case, with the menus."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self.setWindowTitle(self.tr("Case Assessor"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(QLabel(str(ws.path)))
        self._menus()
        self.list.inspection.currentIndexChanged.connect(self.reload_cases)
        self.list.new_inspection.clicked.connect(self.new_inspection)
        self.list.add_btn.clicked.connect(self.add_case)
        self.list.edit_btn.clicked.connect(self.edit_case)
        self.list.open_btn.clicked.connect(self.open_selected)
        self.list.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.list.table.activated.connect(lambda _i: self.open_selected())
        self.reload_inspections()
        last = ws.setting("last_case")
        if last and ws.has_case(last):  # the app was closed or killed inside a case: carry on there
            self.open_case(last)
        settings = QSettings()
        geo = settings.value("main/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            room = self.screen().availableGeometry()  # fit a 1366x768 laptop, title bar included
            self.resize(min(1280, room.width() - 40), min(760, room.height() - 60))
        self._set_saved("saved")
        if ws.damaged:
            # shown once, and kept in the title: nothing can be saved to a damaged file
            self.setWindowTitle(self.tr("Case Assessor — read-only: the database is damaged"))
            self.statusBar().showMessage(ws.damaged)
            QMessageBox.warning(self, self.tr("Damaged database"), ws.damaged)

    # ------------------------------------------------------------------ menus
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

    def _menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(self.tr("&File"))
        self._action(f, self.tr("&New inspection…"), self.new_inspection)
        self._action(f, self.tr("&Import sample list (CSV)…"), self.import_sample)
        self._action(f, self.tr("Import &bundle…"), self.import_bundle)
        self._action(f, self.tr("&Export bundle…"), self.export_bundle)
        f.addSeparator()
        self._action(f, self.tr("&Print case summary…"), self.print_current, QKeySequence.StandardKey.Print)
        self._action(f, self.tr("Print &selected cases…"), self.print_selected)
        self._action(f, self.tr("Print &findings…"), self.print_findings)
        f.addSeparator()
        self._action(f, self.tr("&Assessor settings…"), self.edit_settings)
        self._action(f, self.tr("&Question sets…"), self.show_question_sets)
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        e = mb.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(e, self.tr("&Undo"), self._undo)
        self.undo_action.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.redo_action = self._action(e, self.tr("&Redo"), self._redo)
        self.redo_action.setToolTip(self.tr("Redo (Ctrl+Y)"))
        c = mb.addMenu(self.tr("&Case"))
        self._action(c, self.tr("&Add case…"), self.add_case, "Ctrl+Shift+N")
        self._action(c, self.tr("Edit case &details…"), self.edit_case, "Ctrl+D")
        self._action(c, self.tr("&Mark complete"), self.mark_complete, "Ctrl+M")
        self._action(c, self.tr("&Reopen"), self.reopen, "Ctrl+R")
        self._action(c, self.tr("Back to the case &list"), self.show_list)
        self._action(c, self.tr("&Search cases"), self.focus_search, QKeySequence.StandardKey.Find)
        lead = mb.addMenu(self.tr("&Lead"))
        self._action(lead, self.tr("&Merge, conflicts and findings…"), self.show_lead, "Ctrl+Shift+L")
        lead.addSeparator()
        self._action(lead, self.tr("Export for the lead inspector (signed, encrypted)…"), self.export_secure)
        self._action(lead, self.tr("Import an inspection &pack…"), self.import_pack)
        h = mb.addMenu(self.tr("&Help"))
        self._action(h, self.tr("&Keyboard shortcuts"), self.show_help, QKeySequence.StandardKey.HelpContents)
        self._action(h, self.tr("&About Case Assessor"), self.about)

    # ------------------------------------------------------------------ inspections and cases
    def new_inspection(self) -> None:
        cat = catalog()
        from ui.gui.dialogs import NewInspectionDialog

        dlg = NewInspectionDialog([(s.id, s.title()) for s in cat.sets.values()], self)
        if not dlg.exec():
            return
        try:
            done = inspections.new_inspection(self.ws, dlg.name.text(), dlg.set_box.currentData(), area=dlg.area.text(),
                                     who=self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The inspection could not be created."))
            return
        self.apply(done)

    def add_case(self) -> None:
        iid = self.current_inspection()
        if not iid:
            self.new_inspection()
            iid = self.current_inspection()
            if not iid:
                return
        qs = self.ws.question_set(iid)
        from ui.gui.dialogs import CaseDetailsDialog

        dlg = CaseDetailsDialog(qs, {}, None, self)
        if not dlg.exec():
            return
        try:
            done = inspections.add_case(self.ws, iid, dlg.reference(), dlg.details(), self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case could not be added."))
            return
        self.reload_cases()
        self.list.select_case(done.id)  # Enter now opens the new case

    def edit_case(self) -> None:
        if self.view is not None:
            case_id = self.view.s.case.id
        else:
            ids = self.list.selected_case_ids()
            if not ids:
                return
            case_id = ids[0]
        try:
            session = self.view.s if self.view else CaseSession(self.ws, case_id, self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case could not be opened."))
            return
        from ui.gui.dialogs import CaseDetailsDialog

        dlg = CaseDetailsDialog(session.qs, dict(session.case.details), session.case.reference, self)
        if not dlg.exec():
            return
        try:
            session.update_details(dlg.details())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case details could not be saved."))
            return
        if self.view:
            self.view.show_question(self.view.current)
        self.reload_cases()

    def open_selected(self) -> None:
        ids = self.list.selected_case_ids()
        if ids:
            self.open_case(ids[0])

    def open_case(self, case_id: str) -> AssessView | None:
        if not self._close_view():
            return None  # the open case still has unsaved answers: it stays on screen, retrying
        try:
            session = CaseSession(self.ws, case_id, self.who())
        except USER_ERRORS as e:
            self.stack.setCurrentWidget(self.list)
            self.fail(e, self.tr("The case could not be opened."))
            return None
        from ui.gui.assess import AssessView  # the walk-through loads when a case opens

        view = AssessView(session, self)
        view.status_message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        view.save_state.connect(self._set_saved)
        view.closed.connect(self.show_list)
        view.undo.canUndoChanged.connect(self.undo_action.setEnabled)
        view.undo.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.view = view
        try:
            self.ws.set_setting("last_case", case_id)
        except USER_ERRORS:
            pass
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.setFocus()
        return view

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

    def show_list(self) -> None:
        if self._close_view():
            if self.lead_view is not None:
                self.stack.removeWidget(self.lead_view)
                self.lead_view.deleteLater()
                self.lead_view = None
            try:
                self.ws.set_setting("last_case", "")
            except USER_ERRORS:
                pass
            self.stack.setCurrentWidget(self.list)
            self.reload_cases()
            self.list.table.setFocus()

    def focus_search(self) -> None:
        self.show_list()
        self.list.search.setFocus()
        self.list.search.selectAll()

    def _undo(self) -> None:
        if self.view:
            self.view.undo.undo()

    def _redo(self) -> None:
        if self.view:
            self.view.undo.redo()

    # ------------------------------------------------------------------ completion
    def mark_complete(self) -> None:
        if self.view is None:
            return
        self.view.flush_all()
        todo = self.view.s.mark_complete()
        if todo:
            from ui.gui.completion import CompletionDialog

            dlg = CompletionDialog(self.view.s, todo, self)
            if dlg.exec() and dlg.target:
                self.view.show_question(dlg.target)
            return
        self.view.undo.clear()
        self.view.show_question(self.view.current)
        self.statusBar().showMessage(self.tr("Case marked complete."), 6000)

    def reopen(self) -> None:
        if self.view is None or not self.view.s.complete:
            return
        try:
            self.view.s.reopen()
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case could not be reopened."))
            return
        self.view.show_question(self.view.current)
        self.statusBar().showMessage(self.tr("Case reopened (recorded in the audit log)."), 6000)

    # ------------------------------------------------------------------ lead inspector
    def show_lead(self) -> None:
        iid = self.current_inspection()
        if not iid or not self._close_view():
            return
        from ui.gui.lead import LeadView

        if self.lead_view is not None:
            self.stack.removeWidget(self.lead_view)
            self.lead_view.deleteLater()
        try:
            self.lead_view = LeadView(self.ws, iid, self.show_list, self)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The lead inspector's view could not be opened."))
            return
        self.stack.addWidget(self.lead_view)
        self.stack.setCurrentWidget(self.lead_view)

    def show_help(self) -> None:
        from ui.gui.dialogs import HelpDialog

        HelpDialog(self).exec()

    def show_question_sets(self) -> None:
        from ui.gui.question_sets_dialog import QuestionSetsDialog

        QuestionSetsDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Case Assessor"),
                          self.tr("Case Assessor 0.1\nOffline case assessment for probation inspections.\n\nDatabase: {0}")
                          .format(self.ws.path))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.view is not None and not self.view.flush_all():
            answer = QMessageBox.question(
                self, self.tr("Unsaved answers"),
                self.tr("Some answers could not be saved (the disk may be full or the database locked). "
                        "Quit anyway and lose them?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        QSettings().setValue("main/geometry", self.saveGeometry())
        event.accept()
