"""The lead's merge screen: merge assessors' files (asking for a passphrase when
a file is encrypted to one, and whose key a new signer is), make packs, and
read every merge report kept in the database."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet
from ui.gui.lead_tables import fill, make_table
from ui.gui.save_paths import ask_open, ask_save
from ui.gui.widgets import progress_dialog
from ui.ops import conflicts, exchange, merge_print
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


class TrustDialog(QDialog):
    """Whose key is it?  The lead chooses from the assessors given cases; the
    name inside the file is shown, never taken.  Enter refuses the file."""

    def __init__(self, claimed: str, fingerprint: str, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A key not yet trusted"))
        self.claimed, self.fingerprint = claimed, fingerprint
        lay = QVBoxLayout(self)
        self.message = text = QLabel(self.tr("A file is signed with the key\n\n{0}\n\nIt says it is from “{1}”. Check the fingerprint "
                              "with the assessor by phone or in person, then choose whose key it is. Their files may "
                              "only change the cases given to them.").format(fingerprint, claimed))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(text)
        self.names = QComboBox()
        self.names.setAccessibleName(self.tr("Whose key it is"))
        self.names.addItem(self.tr("— choose the assessor —"), None)
        for n in names:
            self.names.addItem(n, n)
        lay.addWidget(self.names)
        box = QDialogButtonBox()
        self.trust_btn = box.addButton(self.tr("&Trust as this assessor"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.refuse_btn = box.addButton(self.tr("&Refuse the file"), QDialogButtonBox.ButtonRole.RejectRole)
        self.trust_btn.setAutoDefault(False)
        self.refuse_btn.setDefault(True)
        self.trust_btn.setEnabled(False)
        self.names.currentIndexChanged.connect(lambda _i: self.trust_btn.setEnabled(self.names.currentData() is not None))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.refuse_btn.setFocus()

    def chosen(self) -> str | None:
        return self.names.currentData() if self.result() == QDialog.DialogCode.Accepted else None


class MergePanel(QWidget):
    """Emits ``merged`` after a merge (conflicts and figures refresh)."""

    merged = Signal()

    def __init__(self, ws: Workspace, inspection_id: str, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id, self.qs = ws, inspection_id, qs
        self._history: list[exchange.MergeReport] = []
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        for text, slot in ((self.tr("&Merge assessors' files…"), lambda: self.merge()),
                           (self.tr("Make a &pack for an assessor…"), lambda: self.make_pack()),
                           (self.tr("Save the merge &report…"), lambda: self.save_report()),
                           (self.tr("Print the merge report…"), lambda: self.print_report())):
            b = QPushButton(text)
            b.setAccessibleName(text.replace("&", "").replace("…", ""))
            b.clicked.connect(slot)
            row.addWidget(b)
        fp = QLabel(self.tr("Your key's fingerprint: {0}").format(exchange.my_fingerprint()))
        fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(fp)
        row.addStretch(1)
        lay.addLayout(row)
        split = QSplitter()
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Merges made in this database"))
        self.history.currentRowChanged.connect(self._show_report)
        split.addWidget(self.history)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.table = make_table([self.tr("Status"), self.tr("File"), self.tr("Signer"), self.tr("Reason"), self.tr("SHA-256")],
                                self.tr("Files merged"))
        rl.addWidget(self.table, 2)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Merge report"))
        self.summary.setMaximumHeight(110)
        rl.addWidget(self.summary)
        rl.addWidget(QLabel(self.tr("Conflicts in the cases this merge brought")))
        self.conflict_table = make_table([self.tr("Case"), self.tr("Question"), self.tr("Versions"), self.tr("Decision")],
                                         self.tr("Conflicts in the merged cases"))
        rl.addWidget(self.conflict_table, 2)
        split.addWidget(right)
        split.setSizes([260, 1000])
        lay.addWidget(split, 1)
        self.load_history()

    # ------------------------------------------------------------------ history
    def load_history(self) -> None:
        self._history = list(reversed(exchange.merge_history(self.ws)))  # newest first
        self.history.blockSignals(True)
        self.history.clear()
        for rep in self._history:
            refused = len(rep.refused)
            text = self.tr("{0} · {1} · {2} files").format(rep.at[:16].replace("T", " "), rep.who, len(rep.files))
            item = QListWidgetItem(text + (self.tr(", {0} refused").format(refused) if refused else ""))
            self.history.addItem(item)
        self.history.blockSignals(False)
        if self._history:
            self.history.setCurrentRow(0)
        else:
            self.summary.setPlainText(self.tr("No merge yet. Merge the assessors' exports with “Merge assessors' "
                                              "files…”; give each assessor a pack first with “Make a pack…”."))

    def current_report(self) -> exchange.MergeReport | None:
        row = self.history.currentRow()
        return self._history[row] if 0 <= row < len(self._history) else None

    def _show_report(self) -> None:
        rep = self.current_report()
        if rep is None:
            return
        fill(self.table, [[f.status, Path(f.name).name, f.signer, f.reason, f.sha256[:16]] for f in rep.files])
        self.summary.setPlainText(self.tr(
            "Merged {0} by {1}\nAssessors: {2}\nNew cases: {3} · Updated: {4} · Unchanged: {5} · Added offline: {6}\n"
            "Changes held beside a decision: {7}\nOpen conflicts after it: {8}").format(
            rep.at[:16].replace("T", " "), rep.who, ", ".join(rep.assessors) or "-", len(rep.cases_new),
            len(rep.cases_updated), len(rep.cases_unchanged), len(rep.cases_added), ", ".join(rep.held) or "-",
            rep.conflicts_open))
        if rep.cases_submitted:  # review: Lead › Return or Approve
            self.summary.appendPlainText(self.tr("Submitted for review: {0}").format(", ".join(rep.cases_submitted)))
        if rep.queries:
            self.summary.appendPlainText(self.tr("Queries replied to: {0}").format("; ".join(rep.queries)))
        if rep.cases_in_bin:  # a merge never restores a deleted case (docs/merge.md)
            self.summary.appendPlainText(self.tr("Merged into deleted cases, left in the bin: {0}")
                                         .format(", ".join(rep.cases_in_bin)))
        touched = set(rep.cases_new) | set(rep.cases_updated) | set(rep.cases_added)
        try:
            ks = [k for k in conflicts.conflicts(self.ws, self.inspection_id) if k["reference"] in touched]
        except USER_ERRORS:
            ks = []
        fill(self.conflict_table, [[k["reference"], k["question_id"], conflicts.versions_text(self.qs, k),
                                    conflicts.decision_text(self.qs, k) or self.tr("open")] for k in ks])

    def save_report(self, path: Path | None = None) -> None:
        rep = self.current_report()
        if rep is None:
            return
        path = path or ask_save(self, self.ws, self.tr("Save the merge report"), "merge-report.json",
                                self.tr("JSON (*.json)"))
        if path is None:
            return
        try:
            exchange.write_merge_report(rep, path, self.ws)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Merge report"), str(e))
            return
        QMessageBox.information(self, self.tr("Merge report"), self.tr("Saved the merge report to\n{0}").format(path))

    def print_report(self, path: Path | None = None) -> None:
        """Every merge and every conflict (both sides; decision, who, when and why) as PDF."""
        path = path or ask_save(self, self.ws, self.tr("Print the merge report"), "merge-report.pdf",
                                self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        try:
            merge_print.print_merge_report(self.ws, self.inspection_id, path)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Merge report"), str(e))
            return
        QMessageBox.information(self, self.tr("Merge report"), self.tr("Printed the merge report to\n{0}").format(path))

    # ------------------------------------------------------------------ merge
    def ask_trust(self, claimed: str, fp: str, inspection_id: str) -> str | None:
        dlg = TrustDialog(claimed, fp, exchange.assessors_with_cases(self.ws, inspection_id), self)
        dlg.exec()
        return dlg.chosen()

    def ask_passphrase(self, files: Sequence[Path], again: bool) -> str | None:
        names = ", ".join(p.name for p in files)
        text = (self.tr("That passphrase did not open {0}.\n\nTry another passphrase (Cancel leaves them unmerged):")
                if again else
                self.tr("{0} is encrypted to a passphrase (its assessor had no pack).\n\nThe passphrase the assessor "
                        "used:")).format(names)
        pw, ok = QInputDialog.getText(self, self.tr("Passphrase"), text, QLineEdit.EchoMode.Password)
        return pw if ok and pw else None

    def merge(self, paths: Sequence[str | Path] | None = None, passphrase: str | None = None) -> None:
        files = [Path(p) for p in paths] if paths is not None else ask_open(
            self, self.ws, self.tr("Assessors' exports"), self.tr("Case Assessor exports (*.export *.age);;All files (*)"))
        if not files:
            return
        locked = exchange.passphrase_files(files)
        if locked and passphrase is None:
            passphrase = self.ask_passphrase(locked, again=False)
        results = self._merge_run(files, passphrase)
        while results is not None and passphrase is not None:
            retry = [Path(r.name) for r in results if r.locked]
            passphrase = self.ask_passphrase(retry, again=True) if retry else None
            if passphrase is not None:
                results = self._merge_run(retry, passphrase)
        self.load_history()
        self.merged.emit()

    def _merge_run(self, files: list[Path], passphrase: str | None) -> list[exchange.FileResult] | None:
        dlg, progress = progress_dialog(self, self.tr("Merging…"), self.tr("Merge"), self.tr("Cancel"), len(files))
        try:
            done = exchange.merge_files(self.ws, files, passphrase=passphrase, ask_trust=self.ask_trust,
                                        progress=progress)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Merge"), str(e))
            return None
        finally:
            dlg.close()
        refused = [r for r in done.files if r.status == "refused"]
        if refused:
            QMessageBox.warning(self, self.tr("Merge"), self.tr("{0} of {1} files were not merged:\n\n{2}").format(
                len(refused), len(files), "\n\n".join(f"{Path(r.name).name}: {r.reason}" for r in refused)))
        return done.files

    def make_pack(self) -> None:
        from ui.gui.pack_dialog import MakePackDialog

        MakePackDialog(self.ws, self.inspection_id, self).exec()
