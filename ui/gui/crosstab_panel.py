"""The findings dashboard's Cross-tab tab: two case details (or the assessor)
against each other, cases or a score in every cell with its n, small numbers
flagged, Wilson 95% intervals on demand; the figures of
``python main.py scores --by FIELD --split FIELD [--of ID]`` (``ui.ops.scores.cross_tab``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from models.questionset import QuestionSet, text_in
from models.scoring import fmt_pct
from models.tabulate import SMALL_N, CrossCell, CrossTab, is_small, wilson
from ui.gui.colours import chart_colours
from ui.gui.lead_tables import Cell, fill, make_table
from ui.ops import scores
from ui.ops.errors import USER_ERRORS


def _ci(k: int, n: int) -> tuple[str, str] | None:
    ci = wilson(k, n)
    return (fmt_pct(ci[0]), fmt_pct(ci[1])) if ci else None


class CrossTabPanel(QWidget):
    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.res: scores.InspectionScores | None = None
        self.where: dict[str, list[str]] = {}
        self.small_n = SMALL_N
        self.tab: CrossTab | None = None
        lay = QVBoxLayout(self)
        self.rows_field, self.cols_field, self.measure = QComboBox(), QComboBox(), QComboBox()
        self.intervals = QCheckBox(self.tr("&Wilson 95% intervals"))
        grid = self._controls()
        lay.addLayout(grid)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.table: QTableWidget = make_table([""], self.tr("Cross-tabulation"))
        lay.addWidget(self.table, 1)
        for combo in (self.rows_field, self.cols_field, self.measure):
            combo.currentIndexChanged.connect(self.recompute)
        self.intervals.toggled.connect(self.recompute)

    def _controls(self) -> QGridLayout:
        """Rows, columns and the figure in each cell: each a labelled list (Alt+letter reaches it)."""
        grid = QGridLayout()
        fields = [(self.tr("Assessor"), "assessor"), *scores.filter_fields(self.qs)]
        for combo in (self.rows_field, self.cols_field):
            for words, fid in fields:
                combo.addItem(words, fid)
        self.rows_field.setCurrentIndex(min(1, len(fields) - 1))
        self.cols_field.setCurrentIndex(min(2, len(fields) - 1))
        self.measure.addItem(self.tr("Cases"), None)
        for words, key in self._measures():
            self.measure.addItem(words, key)
        self.intervals.setAccessibleName(self.tr("Show Wilson 95% intervals"))
        for col, (text, w, name) in enumerate(((self.tr("&Rows:"), self.rows_field, self.tr("Rows: case detail")),
                                               (self.tr("Colum&ns:"), self.cols_field, self.tr("Columns: case detail")),
                                               (self.tr("&In each cell:"), self.measure, self.tr("Figure in each cell")))):
            label = QLabel(text)
            label.setBuddy(w)
            w.setAccessibleName(name)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(24 if w is not self.measure else 20)
            grid.addWidget(label, 0, 2 * col)
            grid.addWidget(w, 0, 2 * col + 1)
        grid.addWidget(self.intervals, 0, 6)
        grid.setColumnStretch(5, 1)
        return grid

    def _measures(self) -> list[tuple[str, str]]:
        qs = self.qs
        out = [(self.tr("Score: {0}").format(text_in(g.title)), gid) for gid, g in qs.groups.items()]
        out += [(self.tr("Criterion {0}: {1}").format(code, text_in(c.title)), code) for code, c in qs.criteria.items()]
        out += [(self.tr("Question {0}: {1}").format(qv.id, text_in(qv.q.text)[:70]), qv.id)
                for qv in qs.questions if qv.q.scored]
        return out

    def choose(self, row_field: str, col_field: str, measure: str | None = None) -> None:
        for combo, value in ((self.rows_field, row_field), (self.cols_field, col_field), (self.measure, measure)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        self.recompute()

    def show_for(self, res: scores.InspectionScores, where: dict[str, list[str]], small_n: int) -> None:
        self.res, self.where, self.small_n = res, where, small_n
        self.recompute()

    # ------------------------------------------------------------------ figures
    def recompute(self) -> None:
        if self.res is None:
            return
        measure = self.measure.currentData()
        try:
            self.tab = scores.cross_tab(self.res, self.rows_field.currentData(), self.cols_field.currentData(),
                                        measure=measure, rule=self.res.report.rule, where=self.where)
        except USER_ERRORS as e:
            self.tab = None
            self.note.setText(str(e))
            fill(self.table, [])
            return
        self._note(measure)
        self._fill()

    def _note(self, measure: str | None) -> None:
        what = self.tr("Cases with each pair of values.") if measure is None else self.tr(
            "The score in each cell, with n: the cases it rests on.")
        small = self.tr(" Cells marked * rest on fewer than {0} cases: too few for close comparisons.").format(self.small_n)
        if not self.intervals.isChecked():
            ci = ""
        elif measure is None:
            ci = self.tr(" Intervals: each cell's share of its row, with its Wilson 95% interval.")
        elif measure in self.qs.by_id:
            ci = self.tr(" Intervals: Wilson 95%.")
        else:
            ci = self.tr(" A criterion or outcome score is a mean of question scores, not k of n: it has no Wilson interval "
                    "(choose a question for one).")
        self.note.setText(what + small + ci)

    def _cell(self, cell: CrossCell, row_total: int) -> Cell:
        ci = None
        if self.tab is not None and self.tab.measure is None:
            text = str(cell.cases)
            if self.intervals.isChecked() and row_total:
                ci = _ci(cell.cases, row_total)
                text += f"  {fmt_pct(cell.cases / row_total)}" + (f" ({ci[0]}–{ci[1]})" if ci else "")
            return Cell(text + ("*" if is_small(cell.cases, self.small_n) else ""), cell.cases)
        text = f"{fmt_pct(cell.value)}"
        if self.intervals.isChecked() and cell.answered and (ci := _ci(cell.above, cell.answered)):
            text += f" ({ci[0]}–{ci[1]})"
        text += f"  n={cell.denominator}" + ("*" if cell.value is not None and is_small(cell.denominator, self.small_n) else "")
        return Cell(text, cell.value)

    def _fill(self) -> None:
        tab = self.tab
        if tab is None:
            return
        counting = tab.measure is None
        header = [self.rows_field.currentText()] + [label for _v, label in tab.columns] + ([self.tr("All")] if counting else [])
        rows: list[list[Any]] = []
        for rv, rlabel in tab.rows:
            cells = [tab.cells[(rv, cv)] for cv, _ in tab.columns]
            total = sum(c.cases for c in cells)
            rows.append([Cell(rlabel, len(rows)), *(self._cell(c, total) for c in cells)] + ([total] if counting else []))
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        fill(self.table, rows, [rv for rv, _ in tab.rows])
        self._flag()

    def _flag(self) -> None:
        """Small numbers in the flag's colour, with the reason as the cell's tooltip."""
        colour = chart_colours(self.palette()).small
        tip = self.tr("Fewer than {0} cases: too few for close comparisons").format(self.small_n)
        for r in range(self.table.rowCount()):
            for c in range(1, self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None and item.text().endswith("*"):
                    item.setForeground(colour)
                    item.setToolTip(tip)

    # ------------------------------------------------------------------ export
    def export_rows(self) -> tuple[list[str], list[list[Any]]]:
        """The table with numbers as numbers: per column its figure, n and the small-numbers flag."""
        tab = self.tab
        if tab is None:
            return [], []
        header = [self.rows_field.currentText()]
        rows: list[list[Any]] = [[label] for _v, label in tab.rows]
        for cv, clabel in tab.columns:
            with_ci = self.intervals.isChecked() and (tab.measure is None or tab.measure in self.qs.by_id)
            header += ([clabel] if tab.measure is None else [clabel, f"{clabel} n"]) + [f"{clabel} small numbers"]
            header += [f"{clabel} 95% low", f"{clabel} 95% high"] if with_ci else []
            for (rv, _), row in zip(tab.rows, rows, strict=True):
                cell = tab.cells[(rv, cv)]
                total = sum(tab.cells[(rv, c)].cases for c, _ in tab.columns)
                n = cell.cases if tab.measure is None else cell.denominator
                row += [cell.cases] if tab.measure is None else [fmt_pct(cell.value) if cell.value is not None else None, n]
                row.append(is_small(n, self.small_n))
                if with_ci:
                    ci = _ci(cell.cases, total) if tab.measure is None else _ci(cell.above, cell.answered)
                    row += list(ci) if ci else [None, None]
        return header, rows
