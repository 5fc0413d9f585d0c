"""The case list: every case of the inspection, filterable and searchable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.i18n import _ as translated
from models.review import LABELS as REVIEW_LABELS
from ui.gui.empty_state import EmptyState
from ui.ops.inspections import CaseListing

CASE_ID = Qt.ItemDataRole.UserRole + 1
STATUS_KEY = Qt.ItemDataRole.UserRole + 2
SORT_KEY = Qt.ItemDataRole.UserRole + 3  # what a column sorts by: its text, or Progress's fraction
REVIEW_KEY = Qt.ItemDataRole.UserRole + 4
# the statuses' words, marked for translation here and translated where shown
STATUS_LABELS = {"in_progress": str(QT_TRANSLATE_NOOP("CaseList", "In progress")),
                 "complete": str(QT_TRANSLATE_NOOP("CaseList", "Complete")),
                 "": str(QT_TRANSLATE_NOOP("CaseList", "Not started"))}


class CaseList(QWidget):
    """Every case of the inspection, filterable and searchable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Inspection:")))
        self.inspection = QComboBox()
        self.inspection.setAccessibleName(self.tr("Inspection"))
        self.inspection.setMinimumWidth(280)
        top.addWidget(self.inspection, 1)
        self.new_inspection = QPushButton(self.tr("New inspection…"))
        self.new_inspection.setAccessibleName(self.tr("New inspection"))
        top.addWidget(self.new_inspection)
        lay.addLayout(top)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search cases (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.status_filter = self._filter_box(self.tr("Filter by status"), self.tr("All cases"),
                                              {k: self.tr(v) for k, v in STATUS_LABELS.items()})  # marked where defined
        self.review_filter = self._filter_box(self.tr("Filter by review state"), self.tr("Any review state"),
                                              {k: translated(v) for k, v in REVIEW_LABELS.items()})
        bar.addWidget(self.status_filter)
        bar.addWidget(self.review_filter)
        self.add_btn = QPushButton(self.tr("Add case…"))
        self.add_btn.setToolTip(self.tr("Add a case (Ctrl+Shift+N)"))
        self.add_btn.setAccessibleName(self.tr("Add case"))
        self.edit_btn = QPushButton(self.tr("Edit details…"))
        self.edit_btn.setAccessibleName(self.tr("Edit case details"))
        self.open_btn = QPushButton(self.tr("Assess ▶"))
        self.open_btn.setToolTip(self.tr("Open the selected case (Enter)"))
        self.open_btn.setAccessibleName(self.tr("Assess the selected case"))
        self.open_btn.setDefault(True)
        for b in (self.add_btn, self.edit_btn, self.open_btn):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.model = QStandardItemModel(0, 0, self)
        self.status_col = -1
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_KEY)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyState()  # first launch, or an inspection without cases: the first steps
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        lay.addWidget(self.pages, 1)
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.review_filter.currentIndexChanged.connect(self._filter)

    def _filter_box(self, name: str, everything: str, labels: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem(everything, None)
        for key, label in labels.items():
            box.addItem(label, key)  # already in words
        return box

    def _filter(self) -> None:
        self.proxy.setFilterFixedString(self.search.text())
        self._apply_status(self.status_filter.currentData())

    def _apply_status(self, status: str | None) -> None:
        review = self.review_filter.currentData()
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0))
            item = self.model.item(src.row(), self.status_col)
            shown = (status is None or item.data(STATUS_KEY) == status) and (
                review is None or item.data(REVIEW_KEY) == review)
            self.table.setRowHidden(r, not shown)

    def select_case(self, case_id: str) -> None:
        """Select a case's row and give the table the keyboard."""
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(CASE_ID) == case_id:
                self._select_row(r)
                break
        self.table.setFocus()

    def _select_row(self, row: int) -> None:
        """Select exactly this row (``selectRow`` would toggle it while Ctrl is held)."""
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                 | QItemSelectionModel.SelectionFlag.Current)
        self.table.selectionModel().setCurrentIndex(self.proxy.index(row, 0), flags)

    def show_listing(self, listing: CaseListing | None) -> None:
        """Fill the table: reference, the question set's list columns, assessor, status, progress."""
        m = self.model
        m.clear()
        cols = listing.columns if listing else ()
        m.setHorizontalHeaderLabels([self.tr("Case"), *cols, self.tr("Assessor"), self.tr("Status"),
                                     self.tr("Progress"), self.tr("Last edit"), self.tr("Review")])
        self.status_col = 2 + len(cols)
        has_cases = bool(listing and listing.rows)
        self.empty.show_step(2 if listing is not None else 1)
        self.pages.setCurrentWidget(self.table if has_cases else self.empty)
        if listing is None:
            return
        for r in listing.rows:
            items = [QStandardItem(c) for c in (r.reference, *r.details, r.assessor, self.tr(STATUS_LABELS[r.status]),  # marked where defined
                                                f"{r.answered} / {r.applicable}", r.last_edit,
                                                translated(REVIEW_LABELS[r.review]))]
            items[0].setData(r.case_id, CASE_ID)
            items[self.status_col].setData(r.status, STATUS_KEY)
            items[self.status_col].setData(r.review, REVIEW_KEY)
            items[self.status_col + 1].setData(r.answered / r.applicable if r.applicable else 0.0,
                                               Qt.ItemDataRole.UserRole)
            for it in items:
                it.setData(it.text().casefold(), SORT_KEY)
            items[self.status_col + 1].setData(items[self.status_col + 1].data(Qt.ItemDataRole.UserRole), SORT_KEY)
            m.appendRow(items)
        self.summary.setText(self.tr("{0} cases · {1} complete · {2}").format(len(listing.rows), listing.complete,
                                                                              listing.title))
        self._filter()
        if listing.rows and not self.table.selectionModel().hasSelection():
            self._select_row(0)

    def selected_case_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(CASE_ID) for r in rows if not self.table.isRowHidden(r)]
