"""The findings dashboard's Charts tab: the findings report's charts in the
app (same figures), one at a time, each with a table that says the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.gui.chart_figures import Chart, ChartBuilder, Figures
from ui.gui.charts import BarChart
from ui.gui.lead_tables import Cell, fill, make_table


def shown_cell(v: Any, yes: str) -> Any:
    """A table value as the dashboard shows it (a flag as words, sorted flagged last)."""
    return Cell(yes if v else "", int(v)) if isinstance(v, bool) else v


def export_cell(v: Any) -> Any:
    """A table value as it is exported: a percentage as its text (written as a
    number by ``ui.ops.scores.write_table``), numbers and flags as they are."""
    return v.text if isinstance(v, Cell) else v


class ChartsPanel(QWidget):
    """A chart chosen by name, painted or (for a screen reader, or to copy) as a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._menu: list[tuple[str, Callable[[], Chart]]] = []
        self.chart_data: Chart | None = None
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("Char&t:"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Chart to show"))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(30)
        label.setBuddy(self.choice)
        self.as_table = QCheckBox(self.tr("&Show as a table"))
        self.as_table.setAccessibleName(self.tr("Show the chart's figures as a table"))
        row.addWidget(label)
        row.addWidget(self.choice, 1)
        row.addWidget(self.as_table)
        lay.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.chart = BarChart()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.chart)
        self.chart.current_moved.connect(lambda top, bottom: self.scroller.ensureVisible(0, (top + bottom) // 2, 0,
                                                                                       (bottom - top) * 2))
        self.table: QTableWidget = make_table([""], self.tr("Chart figures"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroller)
        self.stack.addWidget(self.table)
        lay.addWidget(self.stack, 1)
        self.choice.currentIndexChanged.connect(self._draw)
        self.as_table.toggled.connect(lambda on: self.stack.setCurrentIndex(1 if on else 0))

    def show_figures(self, figures: Figures) -> None:
        """Offer the charts for ``figures``; the chart chosen before stays chosen."""
        was = self.choice.currentText()
        self._menu = ChartBuilder(figures).menu()
        self.note.setText(self.tr("n beside every bar: the cases behind it. Striped bars and figures marked * rest on "
                                  "fewer than {0} cases: too few for close comparisons. Arrow keys move from bar to "
                                  "bar; hover or focus a bar for its figures.").format(figures.small_n))
        self.choice.blockSignals(True)
        self.choice.clear()
        for name, _make in self._menu:
            self.choice.addItem(name)
        self.choice.setCurrentIndex(max(0, self.choice.findText(was)))
        self.choice.blockSignals(False)
        self._draw()

    def choose(self, name: str) -> None:
        i = self.choice.findText(name)
        if i < 0:
            raise KeyError(name)
        self.choice.setCurrentIndex(i)

    def _draw(self) -> None:
        i = self.choice.currentIndex()
        if not 0 <= i < len(self._menu):
            return
        self.chart_data = chart = self._menu[i][1]()
        self.chart.set_data(chart.data)
        self.table.setColumnCount(len(chart.header))
        self.table.setHorizontalHeaderLabels(chart.header)
        self.table.setAccessibleName(chart.data.title)
        yes = self.tr("yes")
        fill(self.table, [[shown_cell(v, yes) for v in row] for row in chart.rows])

    def export_rows(self) -> tuple[list[str], list[list[Any]]]:
        """The chart's table (header and rows, typed) for CSV/XLSX."""
        if self.chart_data is None:
            return [], []
        return list(self.chart_data.header), [[export_cell(v) for v in row] for row in self.chart_data.rows]
