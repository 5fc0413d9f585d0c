"""The main window: the case list and the walk-through of one case."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMessageBox,
)

from ui.gui.case_actions import CaseActions
from ui.gui.database_actions import remember_database
from ui.ops import inspections
from ui.ops.changes import Done
from ui.ops.errors import USER_ERRORS
from ui.ops.session import CaseSession
from ui.ops.workspace import Workspace, catalog

if TYPE_CHECKING:
    from ui.gui.assess import AssessView

log = logging.getLogger("case_assessor.ui")


class MainWindow(CaseActions):
    """The case list and the walk-through of one case, with the menus."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self._menus()
        self._toolbar()
        self.case_context_menu()
        self.list.empty.bind(self.acts["new_inspection"], self.acts["import_sample"], self.acts["template"],
                             self.acts["add_case"])
        self.list.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
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
        remember_database(ws.path)
        self.database_changed()
        if ws.damaged:
            # shown once, and kept in the title and the banner: nothing can be saved to a damaged file
            self.statusBar().showMessage(ws.damaged)
            QMessageBox.warning(self, self.tr("Damaged database"), ws.damaged)

    # ------------------------------------------------------------------ menus
    def _menus(self) -> None:
        mb, a, act = self.menuBar(), self.acts, self._action
        f = mb.addMenu(self.tr("&File"))
        self.database_menu(f)
        a["new_inspection"] = act(f, self.tr("&New inspection…"), self.new_inspection)
        a["rename_inspection"] = act(f, self.tr("Rena&me inspection…"), self.rename_inspection)
        a["delete_inspection"] = act(f, self.tr("De&lete inspection…"), self.delete_inspection)
        f.addSeparator()
        a["import_sample"] = act(f, self.tr("&Import sample list (CSV)…"), self.import_sample)
        a["template"] = act(f, self.tr("Save CSV &template…"), self.save_template,
                            tip=self.tr("A sample list to fill in, with help on every column"))
        a["import_bundle"] = act(f, self.tr("Import &bundle…"), self.import_bundle)
        f.addSeparator()
        a["export_secure"] = secure = act(f, self.tr("E&xport for the lead inspector (signed, encrypted)…"),
                                          self.export_secure)
        a["export_bundle"] = act(f, self.tr("&Export unencrypted bundle…"), self.export_bundle)
        a["export_data"] = act(f, self.tr("Export &data for analysis…"), self.export_data)
        f.addSeparator()
        a["print_case"] = act(f, self.tr("&Print case summary…"), self.print_current, QKeySequence.StandardKey.Print)
        a["print_selected"] = act(f, self.tr("Print &selected cases…"), self.print_selected)
        f.addSeparator()
        act(f, self.tr("&Question sets…"), self.show_question_sets)
        f.addSeparator()
        act(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        e = mb.addMenu(self.tr("&Edit"))
        self.undo_action = act(e, self.tr("&Undo"), self._undo, "Ctrl+Z")  # the menu shows its keys
        self.redo_action = act(e, self.tr("&Redo"), self._redo, "Ctrl+Y")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        c = mb.addMenu(self.tr("&Case"))
        a["add_case"] = act(c, self.tr("&Add case…"), self.add_case, "Ctrl+Shift+N")
        a["assess"] = act(c, self.tr("Assess the selected &case"), self.open_selected)
        a["edit_case"] = act(c, self.tr("Edit case &details…"), self.edit_case, "Ctrl+D")
        a["rename_case"] = act(c, self.tr("Re&name case…"), self.rename_case)
        a["delete_case"] = act(c, self.tr("Dele&te case…"), self.delete_case)
        a["bin"] = act(c, self.tr("&Bin (deleted cases)…"), self.show_bin)
        c.addSeparator()
        a["mark_complete"] = act(c, self.tr("&Mark complete"), self.mark_complete, "Ctrl+M")
        a["reopen"] = act(c, self.tr("&Reopen"), self.reopen, "Ctrl+R")
        a["back_to_list"] = act(c, self.tr("Back to the case &list"), self.show_list)
        a["raise_query"] = act(c, self.tr("Raise a &query…"), lambda: self._queries("raise_from"), "Ctrl+Shift+Q")
        act(c, self.tr("&Search cases"), self.focus_search, QKeySequence.StandardKey.Find)
        self._role_menus(secure)
        from ui.gui.language_menu import LanguageMenu

        v = mb.addMenu(self.tr("&View"))
        v.addMenu(LanguageMenu(self))
        h = mb.addMenu(self.tr("&Help"))
        act(h, self.tr("&Keyboard shortcuts"), self.show_help, QKeySequence.StandardKey.HelpContents)
        act(h, self.tr("&About Case Assessor"), self.about)

    def _toolbar(self) -> None:
        """The main actions, one click away (they are enabled and disabled with the menus')."""
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key, text in (("new_inspection", self.tr("New inspection")), ("import_sample", self.tr("Import sample")),
                          ("add_case", self.tr("Add case")), ("assess", self.tr("Assess ▶")),
                          ("back_to_list", self.tr("◀ Case list")), ("mark_complete", self.tr("Mark complete")),
                          ("print_case", self.tr("Print")), ("lead", self.tr("Lead: merge and findings"))):
            self.acts[key].setIconText(text)
            bar.addAction(self.acts[key])
        from PySide6.QtWidgets import QToolButton

        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")  # shown when the window is too narrow
        if more is not None:
            more.setAccessibleName(self.tr("More toolbar actions"))

    def _role_menus(self, secure: QAction) -> None:
        """An Assessor menu and a Lead menu: each role's jobs, and only theirs."""
        mb = self.menuBar()
        acts, act = self.acts, self._action
        m = mb.addMenu(self.tr("&Assessor"))
        acts["import_pack"] = act(m, self.tr("Import an inspection &pack…"), self.import_pack)
        m.addAction(secure)
        from ui.gui import keys  # Qt only: the key work is imported on first use

        act(m, self.tr("Write my &enrolment file…"), lambda: keys.write_enrolment(self))
        m.addSeparator()
        act(m, self.tr("&Assessor settings…"), self.edit_settings)
        lead = mb.addMenu(self.tr("&Lead"))
        acts["lead"] = act(lead, self.tr("&Merge, conflicts and findings…"), self.show_lead, "Ctrl+Shift+L")
        lead.addSeparator()
        acts["merge"] = act(lead, self.tr("Merge assessors' &files…"), lambda: self._lead_job("merge"))
        acts["make_pack"] = act(lead, self.tr("Make a &pack for an assessor…"), lambda: self._lead_job("make_pack"))
        act(lead, self.tr("Import an assessor's enrol&ment…"), lambda: keys.import_enrolment(self))
        act(lead, self.tr("&Trusted keys…"), lambda: keys.show_trusted_keys(self))
        acts["queries"] = act(lead, self.tr("&Queries…"), lambda: self._queries("show_list"))
        lead.addSeparator()
        acts["migrate"] = act(lead, self.tr("Move inspection to another question-set &version…"), self.migrate_inspection)
        acts["print_findings"] = act(lead, self.tr("Print &findings…"), self.print_findings)
        from ui.gui import review

        review.add_actions(self, lead)

    def migrate_inspection(self) -> None:
        iid = self.current_inspection()
        if not iid:
            return
        from ui.gui.migrate_dialog import MigrateDialog

        dlg = MigrateDialog(self.ws, iid, self)
        dlg.exec()
        if dlg.migration is not None:
            self.apply(Done(0, iid, dlg.migration.changes))

    def _queries(self, job: str) -> None:
        from ui.gui import queries

        getattr(queries, job)(self)

    def _lead_job(self, job: str) -> None:
        self.show_lead()
        from ui.gui.lead import LeadView

        if isinstance(self.lead_view, LeadView):
            self.lead_view.tabs.setCurrentWidget(self.lead_view.merging)
            getattr(self.lead_view.merging, job)()

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
        try:  # a read-only database is only viewed: no name is needed, nothing is recorded
            session = CaseSession(self.ws, case_id, self.who() if self.ws.read_only is None else "")
        except USER_ERRORS as e:
            self.stack.setCurrentWidget(self.list)
            self.fail(e, self.tr("The case could not be opened."))
            return None
        from ui.gui.assess import AssessView  # the walk-through loads when a case opens

        view = AssessView(session, self)
        from ui.gui.queries import attach

        self.query_strip = attach(view)  # the case's queries: the strip, the tree's marks, F4
        view.status_message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        view.save_state.connect(self._set_saved)
        view.closed.connect(self.show_list)
        view.save_state.connect(lambda _s: self.update_actions())
        view.mark_complete_requested.connect(self.mark_complete)  # the end-of-case screen's buttons
        view.open_case_requested.connect(self.open_case)
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
        self.update_title()
        self.update_actions()
        view.setFocus()
        return view

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
            self.update_title()
            self.update_actions()
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
        self.update_actions()
        self.statusBar().showMessage(self.tr("Case marked complete."), 6000)

    def reopen(self) -> None:
        if self.view is None or not self.view.s.complete:
            return
        from ui.gui.review import reopen_reason

        why = reopen_reason(self)
        if why is None:
            return
        try:
            self.view.s.reopen(why)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case could not be reopened."))
            return
        self.view.show_question(self.view.current)
        self.update_actions()
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
            self.lead_view = LeadView(self.ws, iid, self.show_list, self, open_case=self.open_case)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The lead inspector's view could not be opened."))
            return
        self.stack.addWidget(self.lead_view)
        self.stack.setCurrentWidget(self.lead_view)
        self.update_actions()

    def show_help(self) -> None:
        from ui.gui.dialogs import HelpDialog

        HelpDialog(self).exec()

    def show_question_sets(self) -> None:
        from ui.gui.question_sets_dialog import QuestionSetsDialog

        QuestionSetsDialog(self).exec()

    def about(self) -> None:
        from ui.gui.dialogs import about_text

        QMessageBox.about(self, self.tr("About Case Assessor"), about_text(self.ws.path))

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
