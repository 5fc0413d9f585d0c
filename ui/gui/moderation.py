"""The lead inspector's Moderation tab: give QA second reads, see how far the
readings agree, and decide each QA disagreement with a reason.

Added to the lead's tabs by :func:`add_tab` (one line in ``ui/gui/lead.py``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.agreement import Kappa
from models.questionset import text_in
from ui.gui.grades import GradesTab
from ui.ops import moderation, qa
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


def add_tab(tabs: QTabWidget, ws: Workspace, inspection_id: str) -> ModerationTab:
    """Add the Moderation tab to the lead's tabs (and the Grades tab, when the set grades anything)."""
    tab = ModerationTab(ws, inspection_id)
    tabs.addTab(tab, QCoreApplication.translate("ModerationTab", "Moderation"))
    if ws.question_set(inspection_id).data.grades:
        tabs.addTab(GradesTab(ws, inspection_id), QCoreApplication.translate("ModerationTab", "Grades"))
    # a merge on another tab brings new readings: the figures are read again whenever the tab is shown
    tabs.currentChanged.connect(lambda _i: tab.refresh() if tabs.currentWidget() is tab else None)
    return tab


def _line(row: QHBoxLayout, label: str, name: str, hint: str) -> QLineEdit:
    """A labelled line of text in ``row``, taking the room left."""
    row.addWidget(QLabel(label))
    edit = QLineEdit()
    edit.setPlaceholderText(hint)
    edit.setAccessibleName(name)
    row.addWidget(edit, 1)
    return edit


class _Table(QTableWidget):
    """A read-only table whose rows are chosen one at a time."""

    def __init__(self, headers: list[str], name: str) -> None:
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(name)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        head = self.horizontalHeader()
        head.setStretchLastSection(True)
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def _put(t: QTableWidget, rows: list[list[Any]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.setItem(r, c, QTableWidgetItem("" if v is None else str(v)))


class ModerationTab(QWidget):
    """QA sample, agreement figures and the moderation of QA disagreements."""

    def __init__(self, ws: Workspace, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.inspection_id = inspection_id
        self.qs = ws.question_set(inspection_id)
        self._todo: list[moderation.Disagreement] = []
        lay = QVBoxLayout(self)
        lay.addWidget(self._sample_box())
        self.figures = _Table([self.tr("Criterion or assessor"), self.tr("Pairs"), self.tr("Agree"), self.tr("Cohen's kappa")],
                              self.tr("Agreement figures"))
        lay.addWidget(self.figures, 2)
        self.disagreement_table = _Table([self.tr("Case"), self.tr("Question"), self.tr("Primary reading"), self.tr("QA reading"), self.tr("Decision")],
                                         self.tr("QA disagreements"))
        self.disagreement_table.itemSelectionChanged.connect(self._show)
        lay.addWidget(self.disagreement_table, 3)
        lay.addWidget(self._decision_box())
        self.refresh()

    # ------------------------------------------------------------ the QA sample
    def _sample_box(self) -> QWidget:
        box = QGroupBox(self.tr("QA second reads"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Share of each assessor's cases:")))
        self.share = QDoubleSpinBox()
        self.share.setRange(1, 100)
        self.share.setValue(10)
        self.share.setSuffix(" %")
        self.share.setAccessibleName(self.tr("Share of each assessor's cases"))
        row.addWidget(self.share)
        self.readers = _line(row, self.tr("Readers:"), self.tr("QA readers"),
                             self.tr("names, comma-separated (empty: the other assessors)"))
        self.cases = _line(row, self.tr("Cases:"), self.tr("Cases for QA"), self.tr("references (empty: a sample)"))
        self.assign_btn = QPushButton(self.tr("Give QA reads"))
        self.assign_btn.setAccessibleName(self.tr("Give QA second reads"))
        self.assign_btn.clicked.connect(self.assign)
        row.addWidget(self.assign_btn)
        self.sample_note = QLabel()
        self.sample_note.setWordWrap(True)
        outer = QWidget()
        v = QVBoxLayout(outer)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(box)
        v.addWidget(self.sample_note)
        return outer

    def assign(self) -> None:
        split = [x.strip() for x in self.readers.text().split(",") if x.strip()]
        refs = [x.strip() for x in self.cases.text().split(",") if x.strip()]
        try:
            done = qa.assign_qa(self.ws, self.inspection_id, readers=split, case_refs=refs,
                                share=self.share.value() / 100)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("QA second reads"), str(e))
            return
        text = self.tr("{0} QA reads given. Make each reader's blind pack: "
                       "python main.py make-pack --qa --assessor NAME …").format(done.count)
        if done.skipped:
            text += "\n" + self.tr("Not given: {0}").format("; ".join(done.skipped))
        self.sample_note.setText(text)
        self.refresh()

    # ------------------------------------------------------------ a decision
    def _decision_box(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.question = QLabel()
        self.question.setWordWrap(True)
        v.addWidget(self.question)
        sides = QHBoxLayout()
        self.primary_side = QLabel()
        self.qa_side = QLabel()
        for lab, name in ((self.primary_side, self.tr("Primary reading")), (self.qa_side, self.tr("QA reading"))):
            lab.setWordWrap(True)
            lab.setAlignment(Qt.AlignmentFlag.AlignTop)
            lab.setAccessibleName(name)
            box = QGroupBox(name)
            QVBoxLayout(box).addWidget(lab)
            sides.addWidget(box, 1)
        v.addLayout(sides)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Agreed answer:")))
        self.agreed = QComboBox()
        self.agreed.setAccessibleName(self.tr("Agreed answer"))
        row.addWidget(self.agreed)
        self.why = _line(row, self.tr("Why:"), self.tr("Reason for the agreed answer"),
                         self.tr("Required: the evidence for the agreed answer"))
        self.decide_btn = QPushButton(self.tr("Record agreed answer"))
        self.decide_btn.setAccessibleName(self.tr("Record the agreed answer"))
        self.decide_btn.clicked.connect(self.decide)
        self.decide_btn.setEnabled(False)
        row.addWidget(self.decide_btn)
        ask = QPushButton(self.tr("Ask the assessor (query)…"))
        ask.clicked.connect(self.ask)
        row.addWidget(ask)
        v.addLayout(row)
        v.addStretch(1)
        return w

    def ask(self) -> None:
        """A query on the primary reading's answer, to its assessor (in their next pack)."""
        from ui.gui.queries import raise_on

        d = self._selected()
        if d is not None:
            raise_on(self, self.ws, self.ws.find_case(d.reference, self.inspection_id), d.question_id)

    def _label(self, qid: str, value: Any) -> str:
        opt = self.qs.by_id[qid].scale.option(value) if isinstance(value, str) else None
        return text_in(opt.label) if opt else (self.tr("N/A") if value == "na" else str(value))

    def _selected(self) -> moderation.Disagreement | None:
        rows = self.disagreement_table.selectionModel().selectedRows()
        return self._todo[rows[0].row()] if rows else None

    def _show(self) -> None:
        d = self._selected()
        self.decide_btn.setEnabled(d is not None)
        if d is None:
            return
        qv = self.qs.by_id[d.question_id]
        self.question.setText(f"<b>{d.reference} · {d.question_id}</b><br>{text_in(qv.q.text)}")
        for lab, reading, value in ((self.primary_side, d.primary, d.first_value),
                                    (self.qa_side, d.second, d.second_value)):
            note = reading.notes.get(d.question_id, "")
            lab.setText(self.tr("{0}\nAnswer: {1}\nNote: {2}").format(reading.assessor, self._label(d.question_id, value),
                                                                      note or "—"))
        self.agreed.clear()
        for o in qv.scale.options:
            self.agreed.addItem(text_in(o.label), o.value)
        if qv.scale.allow_na:
            self.agreed.addItem(self.tr("N/A"), "na")
        current = d.decision.value if d.decision else d.first_value
        self.agreed.setCurrentIndex(max(0, self.agreed.findData(current)))

    def decide(self) -> None:
        d, why = self._selected(), self.why.text().strip()
        if d is None:
            return
        if not why:
            QMessageBox.information(self, self.tr("Moderation"), self.tr("Say why first: every decision is recorded."))
            self.why.setFocus()
            return
        try:
            moderation.moderate(self.ws, d.reference, d.question_id, self.agreed.currentData(), why,
                                inspection=self.inspection_id)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Moderation"), str(e))
            return
        self.why.clear()
        self.refresh()

    # ------------------------------------------------------------ refresh
    def _figure_rows(self, title: str, figures: dict[str, Kappa]) -> list[list[Any]]:
        return [[f"{title} {name}", k.n, f"{k.agree / k.n:.0%}" if k.n else "", k.describe()]
                for name, k in figures.items()]

    def refresh(self) -> None:
        reads = qa.qa_reads(self.ws, self.inspection_id)
        rep = moderation.agreement_report(self.ws, self.inspection_id)
        self.sample_note.setText(self.sample_note.text() or self.tr(
            "{0} QA reads given; {1} pairs to compare so far.").format(len(reads), rep.pairs))
        self.sample_note.setToolTip("\n".join(f"{r.reference}: {r.assessor} → {r.reader}" for r in reads))
        titled = {f"{c} {text_in(self.qs.criteria[c].title)}" if c in self.qs.criteria else c: k
                  for c, k in rep.by_criterion.items()}
        _put(self.figures, self._figure_rows(self.tr("Criterion"), titled)
             + self._figure_rows(self.tr("Assessor"), rep.by_assessor))
        self._todo = moderation.disagreements(self.ws, self.inspection_id)
        rows = []
        for d in self._todo:
            done = (self.tr("{0} ({1}: {2})").format(self._label(d.question_id, d.decision.value), d.decision.who,
                                                      d.decision.why) if d.decision else self.tr("to moderate"))
            rows.append([d.reference, d.question_id,
                         f"{d.primary.assessor}: {self._label(d.question_id, d.first_value)}",
                         f"{d.second.assessor}: {self._label(d.question_id, d.second_value)}", done])
        _put(self.disagreement_table, rows)
        self._show()
