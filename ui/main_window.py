"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from storage.store import Store
from ui import ops


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(self.tr("Case Assessor"))
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(QLabel(self.tr("Database: {0}").format(store.path)))
        self.inspections = QComboBox()
        self.inspections.setAccessibleName(self.tr("Inspection"))
        lay.addWidget(self.inspections)
        self.cases = QTableWidget(0, 3)
        self.cases.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Assessor"), self.tr("Progress")])
        self.cases.setAccessibleName(self.tr("Cases"))
        lay.addWidget(self.cases)
        self.setCentralWidget(body)
        for ins in store.list_inspections():
            self.inspections.addItem(ins.name, ins.id)
        self.inspections.currentIndexChanged.connect(self._load)
        self._load()

    def _load(self) -> None:
        iid = self.inspections.currentData()
        self.cases.setRowCount(0)
        if not iid:
            return
        ins = self.store.get_inspection(iid)
        qs = ops.question_set_for(self.store, ins)
        rows = self.store.case_summaries(iid)
        self.cases.setRowCount(len(rows))
        for r, s in enumerate(rows):
            done, total = ops.progress(qs, s.case.details, s.answers)
            self.cases.setItem(r, 0, QTableWidgetItem(s.case.reference))
            self.cases.setItem(r, 1, QTableWidgetItem(s.assessment.assessor if s.assessment else ""))
            self.cases.setItem(r, 2, QTableWidgetItem(f"{done}/{total}"))
