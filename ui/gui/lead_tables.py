"""The lead's tables: read-only, sortable (numbers as numbers), with bars drawn
by a delegate (no widget per cell, so nothing piles up across refreshes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
)

DATA_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Cell:
    """A cell shown as ``text`` and sorted by ``key`` (a percentage by its value)."""

    text: str
    key: float | str | None


@dataclass(frozen=True)
class Bar:
    """A proportion drawn as a bar, with its text; sorted by the proportion."""

    value: float | None
    text: str


class SortItem(QTableWidgetItem):
    """Sorts by its key: numbers before text, numbers as numbers, text without case."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        a = float("-inf") if a is None else a  # "n/a" and "—" below every figure
        b = float("-inf") if b is None else b
        num_a, num_b = isinstance(a, (int, float)), isinstance(b, (int, float))
        if num_a and num_b:
            return bool(a < b)
        if num_a != num_b:
            return num_a  # blanks and "n/a" after the figures
        return str(a or "").casefold() < str(b or "").casefold()


class BarDelegate(QStyledItemDelegate):
    """Paints a cell's :class:`Bar`: its text in the palette's text colour, and a
    thin bar under it (legible in light and dark palettes, never text on the fill)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(BAR_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        text_only = QStyleOptionViewItem(option)
        self.initStyleOption(text_only, index)
        rect = option.rect
        bar_h = max(4, rect.height() // 6)
        text_only.rect = rect.adjusted(0, 0, 0, -bar_h - 2)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_only, painter, option.widget)
        track = QRect(rect.left() + 4, rect.bottom() - bar_h - 2, rect.width() - 8, bar_h)
        painter.save()
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(track, pal.color(QPalette.ColorRole.Mid))
        done = QRect(track)
        done.setWidth(int(round(track.width() * min(1.0, max(0.0, float(value))))))
        painter.fillRect(done, pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight))
        painter.restore()


def make_table(headers: list[str], name: str, *, multi: bool = False) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                       else QAbstractItemView.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setSortingEnabled(True)
    t.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the given order until the user clicks a header
    return t


def _item(v: Any) -> SortItem:
    item = SortItem()
    if isinstance(v, Bar):
        item.setText(v.text)
        item.setData(BAR_ROLE, 0.0 if v.value is None else v.value)
        item.setData(SORT_ROLE, v.value)
    elif isinstance(v, Cell):
        item.setText(v.text)
        item.setData(SORT_ROLE, v.key)
    else:
        item.setText("" if v is None else str(v))
        item.setData(SORT_ROLE, v if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v or ""))
    return item


def fill(t: QTableWidget, rows: list[list[Any]], data: list[Any] | None = None) -> None:
    """Replace the table's rows; ``data[r]`` is kept with row r (see :func:`row_data`).
    The user's sort order is kept."""
    t.setSortingEnabled(False)  # rows must not move while they are written
    t.clearContents()
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            item = _item(v)
            if data is not None:
                item.setData(DATA_ROLE, data[r])
            t.setItem(r, c, item)
    t.setSortingEnabled(True)


def bar_column(t: QTableWidget, column: int) -> None:
    t.setItemDelegateForColumn(column, BarDelegate(t))


def row_data(t: QTableWidget, row: int) -> Any:
    """What was stored with a row by :func:`fill`."""
    item = t.item(row, 0)
    return item.data(DATA_ROLE) if item is not None else None


def selected_data(t: QTableWidget) -> list[Any]:
    return [row_data(t, i.row()) for i in sorted(t.selectionModel().selectedRows(), key=lambda i: i.row())]


def table_rows(t: QTableWidget) -> tuple[list[str], list[list[str]]]:
    """The table as shown (header and rows, in the current order) for CSV/XLSX."""
    header = [h.text() if (h := t.horizontalHeaderItem(c)) else "" for c in range(t.columnCount())]
    rows = [[(it.text() if (it := t.item(r, c)) else "") for c in range(t.columnCount())]
            for r in range(t.rowCount())]
    return header, rows


def select_row(t: QTableWidget, row: int) -> None:
    t.clearSelection()
    t.selectRow(row)
    t.setCurrentCell(row, 0)
    item = t.item(row, 0)
    if item is not None:
        t.scrollToItem(item)


def find_row(t: QTableWidget, wanted: Any) -> int:
    return next((r for r in range(t.rowCount()) if row_data(t, r) == wanted), -1)

