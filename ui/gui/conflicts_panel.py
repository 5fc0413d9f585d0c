"""The lead's conflicts screen: each disagreement with both sides, labelled;
a decision is shown with who and why and then locked (changing it is asked
for, with a reason); the next open conflict follows; decisions in bulk."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, text_in
from ui.gui.lead_tables import Cell, fill, find_row, make_table, row_data, select_row, selected_data
from ui.gui.widgets import clear_layout
from ui.ops import conflicts
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace


def _when(at: str | None) -> str:
    return (at or "")[:16].replace("T", " ")


class ConflictsPanel(QWidget):
    """Emits ``changed`` after every decision (the lead's view refreshes its figures)."""

    changed = Signal()

    def __init__(self, ws: Workspace, inspection_id: str, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id, self.qs = ws, inspection_id, qs
        self._rows: dict[str, dict[str, Any]] = {}
        self._changing = False
        self.side_buttons: list[QPushButton] = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("&Open conflicts only"))
        self.open_only.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.open_only)
        self.counts = QLabel()
        top.addWidget(self.counts, 1)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table([self.tr("Case"), self.tr("Question"), self.tr("Status"), self.tr("Versions"), self.tr("Decision")],
                                self.tr("Conflicts"), multi=True)
        self.table.itemSelectionChanged.connect(self._show)
        split.addWidget(self.table)
        split.addWidget(self._detail())
        split.setSizes([300, 330])
        lay.addWidget(split, 1)

    def _detail(self) -> QWidget:
        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.question = QLabel()
        self.question.setWordWrap(True)
        dl.addWidget(self.question)
        self.sides = QGridLayout()
        dl.addLayout(self.sides)
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setAccessibleName(self.tr("The decision"))
        dl.addWidget(self.decision)
        why_row = QHBoxLayout()
        why_label = QLabel(self.tr("&Why:"))
        self.why = QLineEdit()
        why_label.setBuddy(self.why)
        self.why.setAccessibleName(self.tr("Reason for the decision"))
        self.why.setPlaceholderText(self.tr("Required: the evidence for the decision (kept for the next one)"))
        why_row.addWidget(why_label)
        why_row.addWidget(self.why, 1)
        self.change_btn = QPushButton(self.tr("&Change decision…"))
        self.change_btn.setAccessibleName(self.tr("Change the decision"))
        self.change_btn.clicked.connect(self.start_change)
        why_row.addWidget(self.change_btn)
        dl.addLayout(why_row)
        bulk = QHBoxLayout()
        bulk.addWidget(QLabel(self.tr("Keep the answers of")))
        self.bulk_assessor = QComboBox()
        self.bulk_assessor.setAccessibleName(self.tr("Assessor whose answers to keep"))
        bulk.addWidget(self.bulk_assessor)
        self.bulk_case_btn = QPushButton(self.tr("in this &case"))
        self.bulk_case_btn.clicked.connect(lambda: self.keep_in_bulk(whole_case=True))
        self.bulk_rows_btn = QPushButton(self.tr("in the &selected rows"))
        self.bulk_rows_btn.clicked.connect(lambda: self.keep_in_bulk(whole_case=False))
        bulk.addWidget(self.bulk_case_btn)
        bulk.addWidget(self.bulk_rows_btn)
        bulk.addStretch(1)
        self.query_btn = QPushButton(self.tr("Ask the assessor (&query)…"))
        self.query_btn.clicked.connect(self.raise_query)
        bulk.addWidget(self.query_btn)
        dl.addLayout(bulk)
        dl.addStretch(1)
        return detail

    def raise_query(self) -> None:
        """A query on the conflict's answer, to one of the assessors (it travels in their next pack)."""
        from ui.gui.queries import raise_on

        k = self._rows.get(self.current_id() or "")
        if k is not None and raise_on(self, self.ws, k["case_id"], k["question_id"]) is not None:
            self.decision.setText(self.tr("Query raised: it travels in the assessor's next pack."))

    # ------------------------------------------------------------------ listing
    def versions_text(self, k: dict[str, Any]) -> str:
        return conflicts.versions_text(self.qs, k)

    def decision_text(self, k: dict[str, Any]) -> str:
        return conflicts.decision_text(self.qs, k)

    def refresh(self, select: str | None = None) -> None:
        current = select or self.current_id()
        rows = conflicts.conflicts(self.ws, self.inspection_id)
        self._rows = {k["id"]: k for k in rows}
        open_n = sum(1 for k in rows if k["status"] == "open")
        self.counts.setText(self.tr("{0} open, {1} decided").format(open_n, len(rows) - open_n))
        shown = [k for k in rows if k["status"] == "open" or not self.open_only.isChecked()]
        names = sorted({v["assessor"] for k in rows for v in conflicts.sides(k)})
        keep = self.bulk_assessor.currentText()
        self.bulk_assessor.clear()
        self.bulk_assessor.addItems(names)
        self.bulk_assessor.setCurrentText(keep)
        self.table.blockSignals(True)
        fill(self.table, [[Cell(k["reference"], f"{k['reference']}\t{k['question_id']}"), k["question_id"],
                           self.tr("open") if k["status"] == "open" else self.tr("decided"),
                           self.versions_text(k), self.decision_text(k)] for k in shown], [k["id"] for k in shown])
        self.table.blockSignals(False)
        row = find_row(self.table, current) if current else -1
        if row >= 0:
            select_row(self.table, row)
        self._show()

    def current_id(self) -> str | None:
        ids = selected_data(self.table)
        return str(ids[0]) if ids else None

    def open_count(self) -> int:
        return sum(1 for k in self._rows.values() if k["status"] == "open")

    # ------------------------------------------------------------------ one conflict
    def _show(self) -> None:
        clear_layout(self.sides)
        self.side_buttons = []
        self._changing = False
        cid = self.current_id()
        k = self._rows.get(cid or "")
        self.change_btn.setEnabled(bool(k and k["status"] == "resolved"))
        if k is None:
            self.question.setText(self.tr("Choose a conflict above."))
            self.decision.setText("")
            return
        qv = self.qs.by_id[k["question_id"]]
        self.question.setText(f"<b>{k['reference']} · {k['question_id']}</b><br>{text_in(qv.q.text)}")
        for i, v in enumerate(conflicts.sides(k), 1):
            self.sides.addWidget(self._side_box(k, i, v), 0, i - 1)
        self.decision.setText(self.tr("<b>Decided:</b> {0}").format(self.decision_text(k)) if k["resolution"]
                              else self.tr("<b>Open:</b> choose the answer to keep and say why."))

    def _side_box(self, k: dict[str, Any], i: int, v: dict[str, Any]) -> QGroupBox:
        box = QGroupBox(self.tr("{0}").format(v["assessor"]) + (self.tr(" (held change)") if v.get("held") else ""))
        bl = QVBoxLayout(box)
        shown = conflicts.answer_label(self.qs, k["question_id"], v["value"])
        for text in (self.tr("Answer: {0}").format(shown), self.tr("Note: {0}").format(v["note"] or "—"),
                     self.tr("When: {0}").format(_when(v["updated_at"]))):
            lab = QLabel(text)
            lab.setWordWrap(True)
            bl.addWidget(lab)
        btn = QPushButton(self.tr("Keep &{0}: {1}'s answer").format(i, v["assessor"]))
        btn.setAccessibleName(self.tr("Keep {0}'s answer").format(v["assessor"]))
        btn.clicked.connect(lambda _c=False, kid=k["id"], side=v: self.decide(kid, side))
        btn.setEnabled(k["status"] == "open")
        bl.addWidget(btn)
        self.side_buttons.append(btn)
        return box

    def start_change(self) -> None:
        """Unlock a decided conflict's sides: the change needs its own reason."""
        k = self._rows.get(self.current_id() or "")
        if k is None or k["status"] != "resolved":
            return
        self._changing = True
        for b in self.side_buttons:
            b.setEnabled(True)
        self.why.clear()
        self.why.setFocus()
        self.decision.setText(self.tr("<b>Changing the decision</b> ({0}): choose the answer to keep and say why "
                                      "it changes. The earlier decision stays in the audit trail.")
                              .format(self.decision_text(k)))

    def _reason(self) -> str | None:
        why = self.why.text().strip()
        if not why:
            QMessageBox.information(self, self.tr("Conflicts"), self.tr("Say why first: every decision is recorded."))
            self.why.setFocus()
            return None
        return why

    def decide(self, conflict_id: str, side: dict[str, Any]) -> None:
        why = self._reason()
        if why is None:
            return
        try:
            conflicts.resolve(self.ws, conflict_id, value=side["value"], note=side["note"], why=why,
                              change=self._changing)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Conflicts"), str(e))
            self.refresh()
            return
        self._after(conflict_id)

    def _after(self, conflict_id: str) -> None:
        """Refresh, then move to the next open conflict after this one (the reason is kept)."""
        order = [row_data(self.table, r) for r in range(self.table.rowCount())]
        self.refresh()
        after = order[order.index(conflict_id) + 1:] + order[:order.index(conflict_id)] if conflict_id in order else order
        nxt = next((c for c in after if self._rows.get(c, {}).get("status") == "open"), None)
        row = find_row(self.table, nxt or conflict_id)
        if row >= 0:
            select_row(self.table, row)
        self.changed.emit()

    def keep_in_bulk(self, *, whole_case: bool) -> None:
        assessor = self.bulk_assessor.currentText()
        ids = [str(i) for i in selected_data(self.table)]
        if whole_case and ids:
            case = self._rows[ids[0]]["case_id"]
            ids = [k["id"] for k in self._rows.values() if k["case_id"] == case and k["status"] == "open"]
        if not assessor or not ids:
            return
        why = self._reason()
        if why is None:
            return
        try:
            done = conflicts.keep_assessor(self.ws, self.inspection_id, ids, assessor, why=why)
        except USER_ERRORS as e:
            QMessageBox.warning(self, self.tr("Conflicts"), str(e))
            return
        msg = self.tr("Kept {0}'s answers in {1} conflicts.").format(assessor, done.decided)
        if done.skipped:
            msg += "\n" + self.tr("Left as they were (no answer of theirs, or decided already): {0}").format(
                ", ".join(done.skipped))
            QMessageBox.information(self, self.tr("Conflicts"), msg)
        self.counts.setToolTip(msg)
        self._after(ids[0])
