"""The lead inspector's screens: merge files, decide conflicts, see the findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.questionset import text_in
from models.scoring import fmt_pct
from ui.gui import moderation as moderation_tab
from ui.gui.widgets import clear_layout, progress_dialog
from ui.ops import conflicts, exchange, scores
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(t: QTableWidget, rows: list[list[Any]], data: list[Any] | None = None) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, QWidget):
                t.setCellWidget(r, c, v)
                continue
            item = QTableWidgetItem("" if v is None else str(v))
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            t.setItem(r, c, item)


def _row_data(t: QTableWidget, row: int) -> Any:
    """What was stored with a row (in its first cell) by :func:`_fill`."""
    item = t.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _table_rows(t: QTableWidget) -> tuple[list[str], list[list[str]]]:
    header = [h.text() if (h := t.horizontalHeaderItem(c)) else "" for c in range(t.columnCount())]
    rows = []
    for r in range(t.rowCount()):
        row = []
        for c in range(t.columnCount()):
            w = t.cellWidget(r, c)
            if isinstance(w, QProgressBar):
                row.append(w.text())
            else:
                it = t.item(r, c)
                row.append(it.text() if it else "")
        rows.append(row)
    return header, rows


class LeadView(QWidget):
    """Merge, conflicts and findings for one inspection."""

    def __init__(self, ws: Workspace, inspection_id: str, on_close: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.inspection = ws.inspection(inspection_id)
        self.qs = ws.question_set(self.inspection)
        self._cases: list[Any] = []
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("<b>Lead inspector</b> · {0}").format(self.inspection.name))
        head.addWidget(title, 1)
        self.conflict_flag = QLabel()
        self.conflict_flag.setStyleSheet("color: #b3261e; font-weight: bold;")
        head.addWidget(self.conflict_flag)
        back = QPushButton(self.tr("Case list"))
        back.setAccessibleName(self.tr("Back to the case list"))
        back.clicked.connect(on_close)
        head.addWidget(back)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Lead inspector views"))
        lay.addWidget(self.tabs, 1)
        self._merge_tab()
        self._conflicts_tab()
        self._findings_tab()
        self.moderation = moderation_tab.add_tab(self.tabs, ws, inspection_id)
        self.refresh()

    # ------------------------------------------------------------------ merge
    def _merge_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.merge_btn = QPushButton(self.tr("Merge assessors' files…"))
        self.merge_btn.setAccessibleName(self.tr("Merge assessors' files"))
        self.merge_btn.clicked.connect(lambda: self.merge())
        row.addWidget(self.merge_btn)
        row.addWidget(QLabel(self.tr("Your fingerprint: {0}").format(exchange.my_fingerprint())))
        row.addStretch(1)
        lay.addLayout(row)
        self.merge_table = _table([self.tr(h) for h in ("Status", "File", "Signer", "Reason", "SHA-256")],
                                  self.tr("Files merged"))
        lay.addWidget(self.merge_table, 1)
        self.merge_report = QPlainTextEdit()
        self.merge_report.setReadOnly(True)
        self.merge_report.setAccessibleName(self.tr("Merge report"))
        self.merge_report.setMaximumHeight(160)
        lay.addWidget(self.merge_report)
        self.tabs.addTab(w, self.tr("Merge"))

    def merge(self, paths: list[str] | None = None, passphrase_file: str | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Assessors' exports"), "",
                                                    self.tr("Case Assessor exports (*.export *.age);;All files (*)"))
        if not paths:
            return
        dlg, progress = progress_dialog(self, self.tr("Merging…"), self.tr("Merge"), self.tr("Cancel"), len(paths))

        def ask(claimed: str, fp: str, inspection_id: str) -> str | None:
            """Whose key is it?  The lead chooses from the assessors given cases;
            the name inside the file is shown, never taken."""
            from PySide6.QtWidgets import QInputDialog

            choose = self.tr("— not trusted: refuse the file —")
            names = exchange.assessors_with_cases(self.ws, inspection_id)
            name, ok = QInputDialog.getItem(
                self, self.tr("A key not yet trusted"),
                self.tr("A file is signed with the key\n\n{0}\n\nIt says it is from {1!r}. Check the fingerprint "
                        "with the assessor by phone or in person, then choose whose key it is. Their files may "
                        "only change the cases given to them.").replace("{1!r}", "“{1}”").format(fp, claimed),
                [choose, *names], 0, False)
            return name if ok and name != choose else None

        try:
            merged = exchange.merge_files(self.ws, [Path(p) for p in paths],
                                          passphrase_file=passphrase_file, ask_trust=ask, progress=progress)
        except USER_ERRORS as e:
            dlg.close()
            QMessageBox.warning(self, self.tr("Merge"), str(e))
            return
        dlg.close()
        rep = merged.report
        _fill(self.merge_table, [[f.status, Path(f.name).name, f.signer, f.reason, f.sha256[:16]] for f in rep.files])
        self.merge_report.setPlainText(
            self.tr("Assessors: {0}\nNew cases: {1}\nUpdated: {2}\nUnchanged: {3}\nDuplicates: {4}\nOpen conflicts: {5}")
            .format(", ".join(rep.assessors) or "-", len(rep.cases_new), len(rep.cases_updated),
                    len(rep.cases_unchanged), len(rep.duplicates), rep.conflicts_open))
        self.refresh()

    # ------------------------------------------------------------------ conflicts
    def _conflicts_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        split = QSplitter(Qt.Orientation.Vertical)
        self.conflict_table = _table([self.tr(h) for h in ("Case", "Question", "Status", "Versions")],
                                     self.tr("Conflicts"))
        self.conflict_table.itemSelectionChanged.connect(self._show_conflict)
        split.addWidget(self.conflict_table)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.conflict_question = QLabel()
        self.conflict_question.setWordWrap(True)
        dl.addWidget(self.conflict_question)
        self.sides = QGridLayout()
        dl.addLayout(self.sides)
        why_row = QHBoxLayout()
        why_row.addWidget(QLabel(self.tr("Why:")))
        self.why = QLineEdit()
        self.why.setAccessibleName(self.tr("Reason for the decision"))
        self.why.setPlaceholderText(self.tr("Required: the evidence for the decision"))
        why_row.addWidget(self.why, 1)
        dl.addLayout(why_row)
        dl.addStretch(1)
        split.addWidget(detail)
        split.setSizes([330, 300])
        lay.addWidget(split)
        self.tabs.addTab(w, self.tr("Conflicts"))
        self._side_buttons: list[QPushButton] = []

    def _show_conflict(self) -> None:
        clear_layout(self.sides)
        self._side_buttons = []
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            return
        k = _row_data(self.conflict_table, rows[0].row())
        qv = self.qs.by_id[k["question_id"]]
        self.conflict_question.setText(f"<b>{k['reference']} · {k['question_id']}</b><br>{text_in(qv.q.text)}")
        for i, v in enumerate(k["versions"], 1):
            box = QGroupBox(self.tr("Side {0}: {1}").format(i, v["assessor"]))
            bl = QVBoxLayout(box)
            opt = qv.scale.option(v["value"]) if isinstance(v["value"], str) else None
            shown = text_in(opt.label) if opt else ("N/A" if v["value"] == "na" else str(v["value"]))
            for text in (self.tr("Answer: {0}").format(shown), self.tr("Note: {0}").format(v["note"] or "—"),
                         self.tr("When: {0}").format(v["updated_at"][:16].replace("T", " "))):
                lab = QLabel(text)
                lab.setWordWrap(True)
                bl.addWidget(lab)
            btn = QPushButton(self.tr("Keep side {0}").format(i))
            btn.setAccessibleName(self.tr("Keep side {0}").format(i))
            btn.clicked.connect(lambda _c=False, n=i, kid=k["id"]: self.resolve(kid, n))
            btn.setEnabled(k["status"] == "open")
            bl.addWidget(btn)
            self._side_buttons.append(btn)
            self.sides.addWidget(box, 0, i - 1)

    def resolve(self, conflict_id: str, side: int) -> None:
        why = self.why.text().strip()
        if not why:
            QMessageBox.information(self, self.tr("Conflicts"), self.tr("Say why first: every decision is recorded."))
            self.why.setFocus()
            return
        try:
            conflicts.resolve(self.ws, conflict_id, choose=side, why=why)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Conflicts"), str(e))
            return
        self.why.clear()
        self.refresh()

    # ------------------------------------------------------------------ findings
    def _findings_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
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
        self.filter_value.currentIndexChanged.connect(self.refresh_findings)
        filt.addWidget(self.filter_field)
        filt.addWidget(self.filter_value)
        filt.addStretch(1)
        for label, ext in (("Export table as CSV…", "csv"), ("Export table as XLSX…", "xlsx")):
            b = QPushButton(self.tr(label))
            b.setAccessibleName(self.tr(label.replace("…", "")))
            b.clicked.connect(lambda _c=False, e=ext: self.export_table(e))
            filt.addWidget(b)
        lay.addLayout(filt)
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.finding_tabs = QTabWidget()
        self.outcome_table = _table([self.tr(h) for h in ("Outcome / section", "Score", "Band", "Mean of", "Other rule")],
                                    self.tr("Outcome scores"))
        self.criterion_table = _table([self.tr(h) for h in ("Criterion", "Score", "Band", "Questions")],
                                      self.tr("Criterion and headline scores"))
        self.question_table = _table([self.tr(h) for h in ("Question", "Above the line", "Yes", "No", "N/A", "Distribution")],
                                     self.tr("Questions"))
        self.sample_table = _table([self.tr(h) for h in ("Case detail", "Value", "Cases", "Share")], self.tr("The sample"))
        self.factor_table = _table([self.tr(h) for h in ("Factor", "Cases", "Interventions", "Progress")],
                                   self.tr("Offending-related factors"))
        qsplit = QSplitter(Qt.Orientation.Horizontal)
        qsplit.addWidget(self.question_table)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.addWidget(QLabel(self.tr("Cases behind the selected figure")))
        self.drill = QListWidget()
        self.drill.setAccessibleName(self.tr("Cases behind the selected figure"))
        sl.addWidget(self.drill)
        qsplit.addWidget(side)
        qsplit.setSizes([800, 200])
        self.question_table.itemSelectionChanged.connect(self._drill_down)
        for t, name in ((self.outcome_table, "Outcomes"), (self.criterion_table, "Criteria and headlines"),
                        (qsplit, "Questions"), (self.sample_table, "Sample"), (self.factor_table, "Factors")):
            self.finding_tabs.addTab(t, self.tr(name))
        lay.addWidget(self.finding_tabs, 1)
        self.tabs.addTab(w, self.tr("Findings"))

    def _values_for_field(self) -> None:
        fid = self.filter_field.currentData()
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        if fid:
            for label, value in scores.filter_values(self.qs, self._cases, fid):
                self.filter_value.addItem(self.tr(label) if label in ("Yes", "No") else label, value)
        self.filter_value.blockSignals(False)
        self.refresh_findings()

    def _where(self) -> dict[str, list[str]]:
        fid = self.filter_field.currentData()
        value = self.filter_value.currentData()
        return {fid: [value]} if fid and value is not None else {}

    def refresh(self) -> None:
        rows = conflicts.conflicts(self.ws, self.inspection.id)
        open_n = sum(1 for k in rows if k["status"] == "open")
        self.conflict_flag.setText(self.tr("⚠ {0} unresolved conflicts: scores may change").format(open_n) if open_n else "")
        _fill(self.conflict_table, [[k["reference"], k["question_id"], k["status"],
                                     "  |  ".join(f"{v['assessor']}: {v['value']}" for v in k["versions"])]
                                    for k in rows], rows)
        self.refresh_findings()

    def refresh_findings(self) -> None:
        res = scores.inspection_scores(self.ws, self.inspection.id, where=self._where())
        self._cases = cases = res.cases
        rep = self._report = res.report
        qs = self.qs
        self.summary.setText(self.tr("{0} cases · rule: {1} · the proportion of work judged to have been done well enough")
                             .format(rep.cases, rep.rule))
        out = []
        for gid, g in rep.groups.items():
            other = rep.groups_other_rule.get(gid)
            out.append([text_in(qs.groups[gid].title), fmt_pct(g.value), g.band or "", g.parts,
                        fmt_pct(other.value) if other else ""])
        _fill(self.outcome_table, out)
        crit = [[f"{c} {text_in(qs.criteria[c].title)}", fmt_pct(g.value), g.band or "", g.parts]
                for c, g in rep.criteria.items()]
        crit += [[self.tr("Headline: ") + text_in(qs.groups[h].title), fmt_pct(g.value), g.band or "", g.parts]
                 for h, g in rep.headlines.items()]
        _fill(self.criterion_table, crit)
        qrows, qdata = [], []
        for qv in qs.questions:
            s = rep.questions[qv.id]
            if not qv.q.scored:
                continue
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(int(round((s.proportion or 0) * 1000)))
            bar.setFormat(fmt_pct(s.proportion) + f"  ({s.above}/{s.applicable})")
            bar.setAccessibleName(f"{qv.id} {fmt_pct(s.proportion)}")
            dist = ", ".join(f"{text_in(o.label)}: {s.distribution.get(o.value, 0)}" for o in qv.scale.options)
            qrows.append([f"{qv.id} {text_in(qv.q.text)}", bar, s.above, s.applicable - s.above, s.na, dist])
            qdata.append(qv.id)
        _fill(self.question_table, qrows, qdata)
        header = self.question_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.question_table.setColumnWidth(0, 480)
        self.question_table.setColumnWidth(1, 170)
        self.question_table.setWordWrap(True)
        _fill(self.sample_table, [[r.field, r.value, r.cases, fmt_pct(r.share) if r.share is not None else ""]
                                  for r in scores.sample_shares(qs, cases, self._where())])
        qids, factors = scores.factor_rows(qs, cases, rep)
        self.factor_table.setColumnCount(2 + len(qids))
        self.factor_table.setHorizontalHeaderLabels([self.tr("Factor"), self.tr("Cases"), *qids])
        _fill(self.factor_table, [[f.factor, f.cases, *("—" if v is None else fmt_pct(v) for v in f.shares)]
                                  for f in factors])

    def _drill_down(self) -> None:
        self.drill.clear()
        rows = self.question_table.selectionModel().selectedRows()
        if not rows:
            return
        qid = _row_data(self.question_table, rows[0].row())
        for ref, above in scores.drill_down(self._cases, self._report, qid):
            self.drill.addItem(f"{ref}  ({self.tr('above') if above else self.tr('below')})")

    def export_table(self, ext: str, path: str | None = None) -> None:
        current = self.finding_tabs.currentWidget()
        table = current if isinstance(current, QTableWidget) else self.question_table
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table"), f"findings.{ext}",
                                                  f"{ext.upper()} (*.{ext})")
        if not path:
            return
        header, rows = _table_rows(table)
        try:
            scores.write_table(Path(path), header, rows, ws=self.ws,
                               sheet=self.finding_tabs.tabText(self.finding_tabs.currentIndex()))
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Export table"), str(e))
