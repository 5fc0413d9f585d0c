"""The bin: deleted cases of the inspection and deleted inspections, each
restorable (issue 14: "a deleted case goes to a restorable bin")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops.bin import Bin, Deleted

ID = Qt.ItemDataRole.UserRole


def _item(d: Deleted) -> QListWidgetItem:
    it = QListWidgetItem(QCoreApplication.translate("BinDialog", "{0}   ·   deleted {1} by {2}").format(
        d.name, d.deleted_at[:16].replace("T", " "), d.deleted_by))
    it.setData(ID, d.id)
    return it


class BinDialog(QDialog):
    """Lists the bin; ``restore_case(id)`` / ``restore_inspection(id)`` act and return the bin afresh."""

    def __init__(self, contents: Bin, inspection_name: str, restore_case: Callable[[str], Bin | None],
                 restore_inspection: Callable[[str], Bin | None], parent: QWidget | None = None, *,
                 writable: bool = True) -> None:
        super().__init__(parent)
        self.writable = writable
        self.setWindowTitle(self.tr("Bin"))
        self._restore_case, self._restore_inspection = restore_case, restore_inspection
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Deleted cases and inspections wait here, with every answer, until restored. They are "
                              "left out of the case list, scores, prints and exports; the audit trail records who "
                              "deleted and restored them."))
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(QLabel(self.tr("<b>Deleted cases of {0}</b>").format(inspection_name or "-")))
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Deleted cases"))
        lay.addWidget(self.cases)
        self.restore_case_btn = QPushButton(self.tr("Restore &case"))
        self.restore_case_btn.clicked.connect(self._case)
        lay.addWidget(self.restore_case_btn, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(QLabel(self.tr("<b>Deleted inspections</b>")))
        self.inspections = QListWidget()
        self.inspections.setAccessibleName(self.tr("Deleted inspections"))
        self.inspections.setMaximumHeight(110)
        lay.addWidget(self.inspections)
        self.restore_ins_btn = QPushButton(self.tr("Restore &inspection"))
        self.restore_ins_btn.clicked.connect(self._inspection)
        lay.addWidget(self.restore_ins_btn, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.cases.currentRowChanged.connect(lambda _r: self._enable())
        self.inspections.currentRowChanged.connect(lambda _r: self._enable())
        self.show_bin(contents)
        self.resize(560, 460)

    def show_bin(self, contents: Bin) -> None:
        for lst, entries in ((self.cases, contents.cases), (self.inspections, contents.inspections)):
            lst.clear()
            for d in entries:
                lst.addItem(_item(d))
            if not entries:
                empty = QListWidgetItem(self.tr("(none)"))
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                lst.addItem(empty)
            else:
                lst.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        for lst, btn in ((self.cases, self.restore_case_btn), (self.inspections, self.restore_ins_btn)):
            it = lst.currentItem()
            btn.setEnabled(self.writable and it is not None and it.data(ID) is not None)

    def _case(self) -> None:
        self._restore(self.cases, self._restore_case)

    def _inspection(self) -> None:
        self._restore(self.inspections, self._restore_inspection)

    def _restore(self, lst: QListWidget, restore: Callable[[str], Bin | None]) -> None:
        it = lst.currentItem()
        if it is not None and it.data(ID):
            fresh = restore(str(it.data(ID)))
            if fresh is not None:
                self.show_bin(fresh)
