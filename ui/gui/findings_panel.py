"""The lead's findings dashboard: outcomes, criteria, questions, the sample and
factors for a chosen subgroup; every table sorts; a figure drills down to its
questions and cases, and a case opens with a double-click."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, text_in
from models.scoring import fmt_pct
from ui.gui import findings_views
from ui.gui.lead_tables import Bar, Cell, bar_column, fill, find_row, make_table, row_data, select_row, table_rows
from ui.gui.save_paths import ask_save
from ui.ops import scores
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace

ROLE = Qt.ItemDataRole.UserRole


def _pct(value: float | None) -> Cell:
    return Cell(fmt_pct(value), value)


def _with_side(table: QWidget, title: str, side: QListWidget) -> QSplitter:
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(table)
    box = QWidget()
    bl = QVBoxLayout(box)
    bl.setContentsMargins(0, 0, 0, 0)
    bl.addWidget(QLabel(title))
    bl.addWidget(side)
    split.addWidget(box)
    split.setSizes([820, 260])
    return split


class FindingsPanel(QWidget):
    def __init__(self, ws: Workspace, inspection_id: str, qs: QuestionSet,
                 open_case: Callable[[str], Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id, self.qs = ws, inspection_id, qs
        self._open_case = open_case
        self._cases: list[Any] = []
        lay = QVBoxLayout(self)
        lay.addLayout(self._filter_row())
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.outcome_table = make_table([self.tr("Outcome / section"), self.tr("Score"), self.tr("Band"), self.tr("Mean of"), self.tr("Other rule")],
                                        self.tr("Outcome scores"))
        self.criterion_table = make_table([self.tr("Criterion"), self.tr("Score"), self.tr("Band"), self.tr("Questions")],
                                          self.tr("Criterion and headline scores"))
        self.question_table = make_table([self.tr("Question"), self.tr("Above the line"), self.tr("Yes"), self.tr("No"), self.tr("N/A"), self.tr("Distribution")], self.tr("Questions"))
        bar_column(self.question_table, 1)
        self.sample_table = make_table([self.tr("Case detail"), self.tr("Value"), self.tr("Cases"), self.tr("Share")], self.tr("The sample"))
        self.factor_table = make_table([self.tr("Factor"), self.tr("Cases")], self.tr("Offending-related factors"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Questions behind the selected score"))
        self.members.itemActivated.connect(self._to_question)  # a double-click or Enter
        self.drill = QListWidget()
        self.drill.setAccessibleName(self.tr("Cases behind the selected figure"))
        self.drill.itemActivated.connect(self._open_drilled)
        self.outcome_table.itemSelectionChanged.connect(lambda: self._show_members(self.outcome_table))
        self.criterion_table.itemSelectionChanged.connect(lambda: self._show_members(self.criterion_table))
        self.question_table.itemSelectionChanged.connect(self._drill_down)
        self._score_table = self.outcome_table  # the one exported from the first tab: the last chosen
        for t, name in ((self._member_view(), self.tr("Outcomes and criteria")),
                        (_with_side(self.question_table, self.tr("Cases behind the selected question (double-click "
                                                            "opens one)"), self.drill), self.tr("Questions")),
                        (self.sample_table, self.tr("Sample")), (self.factor_table, self.tr("Factors"))):
            self.tabs.addTab(t, name)
        self.charts, self.crosstab = findings_views.add_tabs(self, self.tabs, qs)
        lay.addWidget(self.tabs, 1)

    def _member_view(self) -> QWidget:
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self.outcome_table)
        tables.addWidget(self.criterion_table)
        return _with_side(tables, self.tr("Questions behind the selected score (double-click shows its cases)"),
                          self.members)

    def _filter_row(self) -> QHBoxLayout:
        filt = QHBoxLayout()
        filt.addWidget(QLabel(self.tr("Subgroup:")))
        self.filter_field = QComboBox()
        self.filter_field.setAccessibleName(self.tr("Subgroup field"))
        self.filter_field.addItem(self.tr("All cases"), None)
        self.filter_field.addItem(self.tr("Assessor"), "assessor")
        for label, fid in scores.filter_fields(self.qs):
            self.filter_field.addItem(label, fid)
        self.filter_value = QComboBox()
        self.filter_value.setAccessibleName(self.tr("Subgroup value"))
        self.filter_field.currentIndexChanged.connect(self._values_for_field)
        self.filter_value.currentIndexChanged.connect(self.refresh)
        filt.addWidget(self.filter_field)
        filt.addWidget(self.filter_value)
        self.approved_only = QCheckBox(self.tr("&Approved cases only"))
        self.approved_only.setToolTip(self.tr("Only the cases the lead inspector has approved"))
        self.approved_only.toggled.connect(self.refresh)
        filt.addWidget(self.approved_only)
        self.small_n = QSpinBox()
        findings_views.small_n_box(self, self.small_n, filt)
        self.small_n.valueChanged.connect(self.refresh)
        filt.addStretch(1)
        for label, ext in ((self.tr("Export table as CSV…"), "csv"), (self.tr("Export table as XLSX…"), "xlsx")):
            b = QPushButton(label)
            b.setAccessibleName(label.replace("…", ""))
            b.clicked.connect(lambda _c=False, e=ext: self.export_table(e))
            filt.addWidget(b)
        return filt

    def _values_for_field(self) -> None:
        fid = self.filter_field.currentData()
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        if fid:
            everyone = scores.inspection_scores(self.ws, self.inspection_id).cases
            for label, value in scores.filter_values(self.qs, everyone, fid):
                self.filter_value.addItem(self.tr(label) if label in ("Yes", "No") else label, value)  # marked where defined
        self.filter_value.blockSignals(False)
        self.refresh()

    def where(self) -> dict[str, list[str]]:
        fid = self.filter_field.currentData()
        value = self.filter_value.currentData()
        return {fid: [value]} if fid and value is not None else {}

    # ------------------------------------------------------------------ figures
    def refresh(self) -> None:
        where = self.where()
        res = scores.inspection_scores(self.ws, self.inspection_id, where=where,
                                       approved_only=self.approved_only.isChecked())
        self._cases, rep = res.cases, res.report
        findings_views.show(self.charts, self.crosstab, res, where, self.small_n.value())
        self._report = rep
        qs = self.qs
        rule = self.tr("the mean of its questions") if rep.rule == "questions" else self.tr("the mean of its criteria")
        self.summary.setText(self.tr("{0} cases{2} · rule: {1} · the proportion of work judged to have been done well "
                                     "enough").format(rep.cases, rule, self.tr(" (approved only)")
                                                      if self.approved_only.isChecked() else ""))
        out, out_ids = [], []
        for i, (gid, g) in enumerate(rep.groups.items()):
            other = rep.groups_other_rule.get(gid)
            out.append([Cell(text_in(qs.groups[gid].title), i), _pct(g.value), g.band or "", g.parts,
                        _pct(other.value) if other else ""])
            out_ids.append(("group", gid))
        fill(self.outcome_table, out, out_ids)
        crit: list[list[Any]] = [[f"{c} {text_in(qs.criteria[c].title)}", _pct(g.value), g.band or "", g.parts]
                for c, g in rep.criteria.items()]
        crit += [[self.tr("Headline: ") + text_in(qs.groups[h].title), _pct(g.value), g.band or "", g.parts]
                 for h, g in rep.headlines.items()]
        crit = [[Cell(row[0], i), *row[1:]] for i, row in enumerate(crit)]
        fill(self.criterion_table, crit, [("criterion", c) for c in rep.criteria] + [("headline", h) for h in rep.headlines])
        self._fill_questions()
        fill(self.sample_table, [[r.field, r.value, r.cases, _pct(r.share) if r.share is not None else ""]
                                 for r in scores.sample_shares(qs, self._cases, where)])
        qids, factors = scores.factor_rows(qs, self._cases, rep, where)
        self.factor_table.setColumnCount(2 + len(qids))
        self.factor_table.setHorizontalHeaderLabels([self.tr("Factor"), self.tr("Cases"), *qids])
        fill(self.factor_table, [[f.factor, f.cases, *(Cell("—", None) if v is None else _pct(v) for v in f.shares)]
                                 for f in factors])

    def _fill_questions(self) -> None:
        rows, ids = [], []
        for i, qv in enumerate(self.qs.questions):
            if not qv.q.scored:
                continue
            s = self._report.questions[qv.id]
            dist = ", ".join(f"{text_in(o.label)}: {s.distribution.get(o.value, 0)}" for o in qv.scale.options)
            rows.append([Cell(f"{qv.id} {text_in(qv.q.text)}", i),
                         Bar(s.proportion, f"{fmt_pct(s.proportion)}  ({s.above}/{s.applicable})"),
                         s.above, s.applicable - s.above, s.na, dist])
            ids.append(qv.id)
        fill(self.question_table, rows, ids)
        header = self.question_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.question_table.setColumnWidth(0, 460)
        self.question_table.setColumnWidth(1, 170)

    # ------------------------------------------------------------------ drilling down
    def _show_members(self, table: QTableWidget) -> None:
        self.members.clear()
        rows = table.selectionModel().selectedRows()
        if not rows:
            return
        other = self.criterion_table if table is self.outcome_table else self.outcome_table
        other.blockSignals(True)
        other.clearSelection()
        other.blockSignals(False)
        self._score_table = table
        kind, key = row_data(table, rows[0].row())
        for qid in scores.members(self.qs, kind, key):
            s = self._report.questions[qid]
            it = QListWidgetItem(f"{qid}  {fmt_pct(s.proportion)}  ({s.above}/{s.applicable})  "
                                 f"{text_in(self.qs.by_id[qid].q.text)}")
            it.setData(ROLE, qid)
            self.members.addItem(it)

    def _to_question(self, item: QListWidgetItem) -> None:
        """From a score's question to its cases: the Questions tab, that question selected."""
        self.show_question(str(item.data(ROLE)))

    def show_question(self, qid: str) -> None:
        self.tabs.setCurrentIndex(1)
        row = find_row(self.question_table, qid)
        if row >= 0:
            select_row(self.question_table, row)
            self.drill.setFocus()

    def _drill_down(self) -> None:
        self.drill.clear()
        rows = self.question_table.selectionModel().selectedRows()
        if not rows:
            return
        qid = row_data(self.question_table, rows[0].row())
        by_ref = {c.reference: c.case_id for c in self._cases}
        for ref, above in scores.drill_down(self._cases, self._report, qid):
            it = QListWidgetItem(f"{ref}  ({self.tr('above') if above else self.tr('below')})")
            it.setData(ROLE, by_ref.get(ref))
            self.drill.addItem(it)

    def _open_drilled(self, item: QListWidgetItem) -> None:
        case_id = item.data(ROLE)
        if case_id and self._open_case is not None:
            self._open_case(str(case_id))

    # ------------------------------------------------------------------ export
    def current_table(self) -> QTableWidget:
        i = self.tabs.currentIndex()
        if i == 0:
            return self._score_table
        return [self.outcome_table, self.question_table, self.sample_table, self.factor_table][i]

    def export_table(self, ext: str, path: str | Path | None = None) -> None:
        view = self.tabs.currentWidget()
        table = view.table if isinstance(view, findings_views.VIEWS) else self.current_table()
        target = Path(path) if path else ask_save(self, self.ws, self.tr("Export table"), f"findings.{ext}",
                                                  f"{ext.upper()} (*.{ext})")
        if target is None:
            return
        header, rows = view.export_rows() if isinstance(view, findings_views.VIEWS) else table_rows(table)
        try:
            scores.write_table(target, header, rows, ws=self.ws, sheet=table.accessibleName()[:31])
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Export table"), str(e))
            return
        if path is None:
            QMessageBox.information(self, self.tr("Export table"), self.tr("Wrote the table to\n{0}").format(target))
