"""Make an inspection pack from the GUI: the assessor, their cases, whether they
may add cases offline, and the passphrase the pack is encrypted to.  Calls
``ui.ops.exchange.make_pack`` with keyword arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.gui.save_paths import ask_save, export_folder, remember
from ui.gui.widgets import path_row
from ui.ops import exchange
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


class MakePackDialog(QDialog):
    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id = ws, inspection_id
        self.setWindowTitle(self.tr("Make a pack for an assessor"))
        self.written: Path | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("A pack gives an assessor their cases, encrypted to a passphrase you tell them in "
                               "person or by phone (never in the same e-mail). Only their signed files may change "
                               "these cases when you merge."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.assessor = QComboBox()
        self.assessor.setEditable(True)
        self.assessor.addItems(exchange.assessors_with_cases(ws, inspection_id))
        self.assessor.setCurrentText("")
        self.assessor.setAccessibleName(self.tr("Assessor"))
        form.addRow(self.tr("&Assessor (name as on their cases):"), self.assessor)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What the pack carries"))
        for text, key in ((self.tr("Cases to assess"), "primary"),
                          (self.tr("Blind QA second reads (the QA reads given to this reader)"), "qa"),
                          (self.tr("Returns only: cases returned, approved or reopened (no new cases)"), "returns")):
            self.kind.addItem(text, key)
        form.addRow(self.tr("&Kind of pack:"), self.kind)
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases in the pack"))
        for c in ws.cases(inspection_id):
            it = QListWidgetItem(c.reference)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(it)
        form.addRow(self.tr("&Cases:"), self._cases_box())
        self.may_add = QCheckBox(self.tr("The assessor &may add cases offline (flagged at merge)"))
        form.addRow("", self.may_add)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase a&gain:"), self.again)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        form.addRow("", self.key_note)
        self.assessor.currentTextChanged.connect(self._recipient_changed)
        self._recipient_changed(self.assessor.currentText())
        self.out = QLineEdit(str(export_folder(ws) / "inspection.pack"))
        self.out.setAccessibleName(self.tr("Where to write the pack"))
        path_row(form, self.tr("&Save to:"), self.out, self.tr("&Browse…"), self._browse)
        lay.addLayout(form)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_btn = box.addButton(self.tr("&Make the pack"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.make)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def _cases_box(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.cases)
        row = QHBoxLayout()
        for text, state in ((self.tr("Tick a&ll"), Qt.CheckState.Checked), (self.tr("Tick &none"), Qt.CheckState.Unchecked)):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, s=state: self._tick_all(s))
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        return w

    def _kind_changed(self) -> None:
        """Cases are chosen for an ordinary pack; a QA pack takes the reader's
        QA reads (or the ticked ones among them); a return pack carries none."""
        kind = self.kind.currentData()
        self.cases.setEnabled(kind != "returns")
        self.may_add.setEnabled(kind == "primary")
        if kind != "primary":
            self.may_add.setChecked(False)
        name = {"qa": "qa-reads.pack", "returns": "returns.pack"}.get(kind, "inspection.pack")
        self.out.setText(str(Path(self.out.text()).with_name(name)))

    def _tick_all(self, state: Qt.CheckState) -> None:
        for i in range(self.cases.count()):
            self.cases.item(i).setCheckState(state)

    def _browse(self) -> None:
        path = ask_save(self, self.ws, self.tr("Save the pack"), Path(self.out.text()).name or "inspection.pack",
                        self.tr("Inspection packs (*.pack)"))
        if path is not None:
            self.out.setText(str(path))

    def enrolled(self) -> bool:
        """True when the assessor has enrolled: the pack goes to their own key, no passphrase."""
        from ui.ops import enrolment

        name = self.assessor.currentText().strip()
        try:
            return bool(name) and enrolment.pack_recipient(self.ws, self.inspection_id, name) is not None
        except USER_ERRORS:
            return False  # a revoked enrolment: make_pack says so

    def _recipient_changed(self, _name: str) -> None:
        enrolled = self.enrolled()
        self.passphrase.setEnabled(not enrolled)
        self.again.setEnabled(not enrolled)
        self.key_note.setText(self.tr("Enrolled: the pack is encrypted to their own key; no passphrase is needed.")
                              if enrolled else self.tr("Not enrolled yet: the pack is encrypted to the passphrase, "
                                                       "which must be strong (five random words are best)."))

    def chosen_cases(self) -> list[str]:
        return [self.cases.item(i).text() for i in range(self.cases.count())
                if self.cases.item(i).checkState() == Qt.CheckState.Checked]

    def _problem(self) -> str | None:
        if not self.assessor.currentText().strip():
            return self.tr("Name the assessor the pack is for.")
        if self.kind.currentData() == "primary" and not self.chosen_cases():
            return self.tr("Tick the cases to give them.")
        if not self.enrolled():
            if len(self.passphrase.text()) < 8:
                return self.tr("Choose a passphrase of at least 8 characters (a few words are best).")
            if self.passphrase.text() != self.again.text():
                return self.tr("The two passphrases differ.")
        if not self.out.text().strip():
            return self.tr("Say where to save the pack.")
        return None

    def kwargs(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        return {"inspection_id": self.inspection_id, "assessor": self.assessor.currentText().strip(),
                "out": Path(self.out.text().strip()),
                "case_refs": None if kind == "returns" else self.chosen_cases() or None,
                "allow_new_cases": self.may_add.isChecked(), "qa": kind == "qa", "returns": kind == "returns",
                "passphrase": None if self.enrolled() else self.passphrase.text()}

    def make(self) -> None:
        problem = self._problem()
        if problem:
            QMessageBox.information(self, self.windowTitle(), problem)
            return
        args = self.kwargs()
        try:
            done = exchange.make_pack(self.ws, **args)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The pack was not written.\n\n{0}").format(e))
            return
        self.written = args["out"]
        remember(args["out"])
        QMessageBox.information(self, self.windowTitle(), self.tr(
            ("Wrote a return pack for {1} to\n{2}\n\n" if args["returns"] else
             "Wrote a blind QA pack of {0} cases for {1} to\n{2}\n\n" if args["qa"] else
             "Wrote a pack of {0} cases for {1} to\n{2}\n\n") + (
                "" if args["passphrase"] is None else "Tell them the passphrase separately, and ")
            + "read them your key's fingerprint when they import it: {3}").format(done.count, args["assessor"], args["out"],
                                                                 exchange.my_fingerprint()))
        self.accept()
