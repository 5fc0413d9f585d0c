"""The File and Lead menus' file work: bundles, secure export, packs, and
printing (sample lists: ui/gui/case_actions.py).  The exchange and PDF code is imported on first use, so
the window opens without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from ui.gui.save_paths import ask_save
from ui.gui.widgets import progress_dialog
from ui.gui.window_base import WindowBase
from ui.ops import inspections
from ui.ops.errors import USER_ERRORS


class FileActions(WindowBase):
    def import_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import bundle"), "", self.tr("Bundles (*.json)"))
        if not path:
            return
        try:
            done = inspections.import_bundle(self.ws, Path(path))
        except USER_ERRORS as e:
            self.fail(e, self.tr("The bundle was not imported."))
            return
        self.apply(done)

    def export_bundle(self) -> None:
        iid = self.current_inspection()
        if not iid:
            return
        plain = QMessageBox.warning(
            self, self.tr("Export unencrypted bundle"),
            self.tr("A bundle is not encrypted: anyone who gets the file can read every case's details and answers."
                    "\n\nTo send your work to the lead inspector, use File > Export for the lead inspector (signed, "
                    "encrypted) instead.\n\nWrite an unencrypted bundle anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if plain != QMessageBox.StandardButton.Yes:
            return
        path = ask_save(self, self.ws, self.tr("Export unencrypted bundle"), "bundle.json", self.tr("Bundles (*.json)"))
        if path is None:
            return
        try:
            done = inspections.export_bundle(self.ws, iid, path)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The bundle was not written."))
            return
        QMessageBox.information(self, self.tr("Exported"),
                                self.tr("Wrote {0} cases (not encrypted) to\n{1}").format(done.count, path))

    def export_data(self) -> None:
        from ui.gui.export_data import export_data

        export_data(self)

    def _passphrase_file(self, title: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(self, title, self.tr("Passphrase:"), QLineEdit.EchoMode.Password)
        if not ok or not text:
            return None
        import tempfile

        fd, name = tempfile.mkstemp(prefix="ca-pass-")
        with open(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def export_secure(self) -> None:
        from ui.ops import exchange

        iid = self.current_inspection()
        if not iid:
            return
        path = ask_save(self, self.ws, self.tr("Export for the lead inspector"), "assessment.export",
                        self.tr("Case Assessor exports (*.export)"))
        if path is None:
            return
        pw = None
        if exchange.needs_passphrase(self.ws, iid):
            pw = self._passphrase_file(self.tr("No pack was imported: encrypt to a passphrase"))
            if pw is None:
                return
        try:
            info = exchange.export_secure(self.ws, iid, path, pw)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The export was not written."))
            return
        finally:
            if pw:
                Path(pw).unlink(missing_ok=True)
        QMessageBox.information(self, self.tr("Exported"), self.tr(
            "Wrote {0} cases to\n{3}\n\nsigned with your key {1} and encrypted to the {2}.").format(
            info.cases, info.fingerprint, info.encrypted_to, path))

    def import_pack(self, path: str | None = None) -> None:
        from ui.gui.keys import confirm_lead
        from ui.ops import exchange, passphrases

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import an inspection pack"), "",
                                                  self.tr("Inspection packs (*.pack);;All files (*)"))
        if not path:
            return
        pw = None
        if passphrases.needs_passphrase(Path(path)):  # a first-contact pack; one for your key needs none
            pw = self._passphrase_file(self.tr("The pack's passphrase"))
            if pw is None:
                return
        try:
            done = exchange.import_pack(self.ws, Path(path), pw, confirm=confirm_lead(self))
        except USER_ERRORS as e:
            self.fail(e, self.tr("The pack was not imported."))
            return
        finally:
            if pw:
                Path(pw).unlink(missing_ok=True)
        self.apply(done)
        if done.later:  # the inspection was here: the lead's review steps and queries only
            self.statusBar().showMessage(self.tr("{0} cases returned to you for changes and {1} queries from the lead "
                                                 "inspector: open the cases to see the comments and queries.")
                                         .format(done.count, done.queries), 10000)

    # ------------------------------------------------------------------ printing
    def _offer_open(self, path: Path) -> None:
        answer = QMessageBox.question(self, self.tr("Printed"),
                                      self.tr("Wrote {0}.\n\nOpen it now?").format(path))
        if answer == QMessageBox.StandardButton.Yes:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_current(self) -> None:
        if self.view is None:
            self.print_selected()
            return
        self.view.flush_all()
        # a neutral default: a file name is seen in folders, backups and mail, so it names no case
        path = ask_save(self, self.ws, self.tr("Print case summary"), "case-summary.pdf", self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        try:
            from ui.ops import printing

            printing.print_case(self.ws, self.view.s.case.id, Path(path))
        except USER_ERRORS as e:
            self.fail(e, self.tr("The case summary was not written."))
            return
        self._offer_open(Path(path))

    def print_selected(self, _checked: bool = False, target: str | None = None) -> None:
        iid = self.current_inspection()
        ids = self.list.selected_case_ids() if self.view is None else [self.view.s.case.id]
        if not iid or not ids:
            return
        if len(ids) == 1 and self.list.proxy.rowCount() > 1 and self.view is None:
            ask = QMessageBox.question(self, self.tr("Print cases"),
                                       self.tr("Only one case is selected. Print every case of the inspection instead?"))
            if ask == QMessageBox.StandardButton.Yes:
                ids = [c.id for c in self.ws.cases(iid)]
        if target is None:
            chosen = ask_save(self, self.ws, self.tr("Print cases (one PDF with an index)"), "case-summaries.pdf",
                              self.tr("PDF files (*.pdf)"))
            target = str(chosen) if chosen else None
        if not target:
            return
        dlg, progress = progress_dialog(self, self.tr("Printing case summaries…"), self.tr("Printing"),
                                        self.tr("Cancel"), len(ids))

        try:
            from ui.ops import printing

            n = printing.print_cases(self.ws, iid, Path(target), ids, progress)
        except USER_ERRORS as e:
            dlg.close()
            self.fail(e, self.tr("The case summaries were not written."))
            return
        dlg.close()
        self.statusBar().showMessage(self.tr("Printed {0} cases.").format(n), 6000)
        self._offer_open(Path(target))

    def print_findings(self) -> None:
        iid = self.current_inspection()
        if not iid:
            return
        path = ask_save(self, self.ws, self.tr("Print findings"), "findings.pdf", self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        try:
            from ui.ops import printing

            printing.print_report(self.ws, iid, Path(path))
        except USER_ERRORS as e:
            self.fail(e, self.tr("The findings were not written."))
            return
        self._offer_open(Path(path))
