"""Cases and inspections: import the sample list (with "skip existing" and the
CSV template), rename, delete to the bin and restore (issue 14)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from models.questionset import QuestionSet
from ui.gui.database_actions import DatabaseActions
from ui.ops import bin, inspections
from ui.ops.changes import Done
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import DEFAULT_SET, catalog


class CaseActions(DatabaseActions):
    def case_context_menu(self) -> None:
        """Right-click on the case list: the actions on the selected cases."""
        table = self.list.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for key in ("assess", "edit_case", "rename_case", "delete_case", "print_case"):
            table.addAction(self.acts[key])

    # ------------------------------------------------------------------ sample lists
    def _question_set(self) -> QuestionSet:
        iid = self.current_inspection()
        return self.ws.question_set(iid) if iid else catalog().get(DEFAULT_SET)

    def import_sample(self) -> None:
        iid = self.current_inspection()
        if not iid:
            return
        from ui.gui.sample_dialog import SampleDialog, show_problems

        qs = self.ws.question_set(iid)
        dlg = SampleDialog(qs.title(), self)
        dlg.template.clicked.connect(self.save_template)
        if not dlg.exec():
            return
        try:
            done = inspections.import_sample(self.ws, iid, Path(dlg.path.text().strip()), self.who(),
                                             skip_existing=dlg.skip.isChecked())
        except USER_ERRORS as e:
            show_problems(self, self.tr("Import sample list"), self.tr("The sample list was not imported."), e)
            return
        self.statusBar().showMessage(self.tr("Imported {0} cases; skipped {1} already in the inspection.")
                                     .format(done.count, done.skipped) if done.skipped else
                                     self.tr("Imported {0} cases.").format(done.count), 8000)
        self.apply(done)
        self.update_actions()

    def save_template(self) -> None:
        qs = self._question_set()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save CSV template"), f"sample-{qs.id}.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            inspections.sample_template(qs, Path(path), self.ws)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The template was not written."))
            return
        QMessageBox.information(self, self.tr("CSV template"), self.tr(
            "Wrote {0}.\n\nOpen it in a spreadsheet and put one case per row under the header. The rows starting "
            "with # describe each column and the values it takes; they are skipped on import.").format(path))

    # ------------------------------------------------------------------ rename and delete
    def _target_cases(self) -> list[str]:
        return [self.view.s.case.id] if self.view is not None else self.list.selected_case_ids()

    def _changed(self, done: Done) -> None:
        self.apply(done)
        self.update_title()
        self.update_actions()

    def rename_case(self) -> None:
        ids = self._target_cases()
        if not ids:
            return
        old = self.ws.case(ids[0]).reference
        new, ok = QInputDialog.getText(self, self.tr("Rename case"), self.tr(
            "New reference for case {0} (the change is recorded in the audit trail):").format(old),
            QLineEdit.EchoMode.Normal, old)
        if not ok or new.strip() == old:
            return
        try:
            done = bin.rename_case(self.ws, ids[0], new, self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case was not renamed."))
            return
        if self.view is not None:
            self.view.s.case = self.ws.case(ids[0])
            self.view.show_question(self.view.current)
        self._changed(done)
        self.list.select_case(ids[0])

    def delete_case(self) -> None:
        ids = self._target_cases()
        if not ids:
            return
        refs = [self.ws.case(i).reference for i in ids]
        what = self.tr("case {0}").format(refs[0]) if len(refs) == 1 else self.tr("{0} cases").format(len(refs))
        answer = QMessageBox.question(
            self, self.tr("Delete case"),
            self.tr("Delete {0}?\n\nIt goes to the inspection's bin with every answer: it leaves the case list, "
                    "scores and prints, and Case › Bin restores it.").format(what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.view is not None:
            if not self._close_view():
                return
            self.stack.setCurrentWidget(self.list)
        try:
            who = self.who()
            for case_id in ids:
                done = bin.delete_case(self.ws, case_id, who)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case was not deleted."))
            self.reload_cases()
            return
        self._changed(done)
        self.statusBar().showMessage(self.tr("Moved {0} to the bin (Case › Bin restores it).").format(what), 8000)

    def rename_inspection(self) -> None:
        iid = self.current_inspection()
        if not iid:
            return
        old = self.ws.inspection(iid).name
        new, ok = QInputDialog.getText(self, self.tr("Rename inspection"), self.tr("New name for {0}:").format(old),
                                       QLineEdit.EchoMode.Normal, old)
        if not ok or new.strip() == old:
            return
        try:
            self._changed(bin.rename_inspection(self.ws, iid, new, self.who()))
        except USER_ERRORS as e:
            self.fail(e, self.tr("The inspection was not renamed."))

    def delete_inspection(self) -> None:
        iid = self.current_inspection()
        if not iid or not self._close_view():
            return
        ins = self.ws.inspection(iid)
        answer = QMessageBox.question(
            self, self.tr("Delete inspection"),
            self.tr("Delete the inspection {0} with its {1} cases?\n\nIt goes to the bin with everything in it; "
                    "Case › Bin restores it.").format(ins.name, len(self.ws.cases(iid))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.stack.setCurrentWidget(self.list)
        try:
            done = bin.delete_inspection(self.ws, iid, self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The inspection was not deleted."))
            return
        self._changed(Done(done.count, "", done.changes))  # the list shows another inspection

    def show_bin(self) -> None:
        from ui.gui.bin_dialog import BinDialog

        iid = self.current_inspection()
        try:
            contents = bin.bin_contents(self.ws, iid)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The bin could not be read."))
            return
        name = self.ws.inspection(iid).name if iid else ""
        BinDialog(contents, name, self._restore_case, self._restore_inspection, self,
                  writable=self.ws.read_only is None).exec()

    def _restore_case(self, case_id: str) -> bin.Bin | None:
        iid = self.current_inspection()
        if not iid:
            return None
        try:
            done = bin.restore_case(self.ws, iid, case_id, self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case was not restored."))
            return None
        self._changed(done)
        self.list.select_case(case_id)
        return bin.bin_contents(self.ws, iid)

    def _restore_inspection(self, inspection_id: str) -> bin.Bin | None:
        try:
            done = bin.restore_inspection(self.ws, inspection_id, self.who())
        except USER_ERRORS as e:
            self.fail(e, self.tr("The inspection was not restored."))
            return None
        self._changed(done)  # the restored inspection is shown
        return bin.bin_contents(self.ws, self.current_inspection())
