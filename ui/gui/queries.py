"""Queries on screen: the strip in the walk-through (the query on the question
shown, its thread, and the assessor's reply box; the lead's close and reopen),
the ✉ marks in the journey tree with F4 / Shift+F4 to the next / previous
question with a query not closed, the dialog the lead raises a query in, and the
lead's list of queries with filters."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from models.i18n import _ as translated
from models.queries import STATES, describe
from ui.gui.lead_tables import fill, make_table, row_data, selected_data
from ui.ops import queries as ops
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.gui.assess import AssessView

CASE = ""  # the question id of a query on the whole case


def thread_html(q: ops.Query) -> str:
    """The thread as the strip and the list show it, oldest first."""
    lines = []
    for m in q.messages:
        who = html.escape(m.who)
        what = {"raise": QCoreApplication.translate("Queries", "asked"),
                "reopen": QCoreApplication.translate("Queries", "asked again"),
                "close": QCoreApplication.translate("Queries", "closed"),
                "reply": QCoreApplication.translate("Queries", "replied")}[m.action]
        then = QCoreApplication.translate("Queries", "(answer then: {0})")
        answer = f" <i>{then.format(html.escape(str(m.value)))}</i>" if m.value is not None else ""
        lines.append(f"<b>{who}</b> {what}, {html.escape(m.at[:10])}: {html.escape(m.text)}{answer}")
    return "<br>".join(lines)


def _fail(parent: QWidget, e: Exception) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, QCoreApplication.translate("Queries", "Query"), str(e))


class QueryStrip(QFrame):
    """The query on the question shown (else the one on the whole case)."""

    changed = Signal()

    def __init__(self, ws: Workspace, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.case_id = ws, case_id
        self.query: ops.Query | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Query"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.heading = QLabel()
        self.talk = QLabel()
        self.talk.setWordWrap(True)
        self.talk.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.heading)
        lay.addWidget(self.talk)
        row = QHBoxLayout()
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(54)
        self.text.setAccessibleName(self.tr("Your reply"))
        row.addWidget(self.text, 1)
        self.send = QPushButton(self.tr("Send reply"))
        self.send.clicked.connect(self._reply)
        self.close_btn = QPushButton(self.tr("Close query"))
        self.close_btn.clicked.connect(self._close)
        self.reopen_btn = QPushButton(self.tr("Reopen with comment"))
        self.reopen_btn.clicked.connect(self._reopen)
        for b in (self.send, self.close_btn, self.reopen_btn):
            row.addWidget(b)
        lay.addLayout(row)
        self.queries: list[ops.Query] = []
        self.reload()

    def reload(self) -> None:
        self.queries = ops.for_case(self.ws, self.case_id)

    def marks(self) -> dict[str, str]:
        """Question id -> the state of its latest query (for the tree's ✉ marks)."""
        return {q.question_id: q.state for q in self.queries if q.question_id}

    def show_for(self, question_id: str) -> None:
        mine = [q for q in self.queries if q.question_id == question_id] or [
            q for q in self.queries if q.question_id == CASE and q.state != "closed"]
        live = [q for q in mine if q.state != "closed"]
        self.query = live[-1] if live else (mine[-1] if mine else None)
        q = self.query
        self.setVisible(q is not None)
        if q is None:
            return
        where = q.question_id or self.tr("the whole case")
        others = sum(x.state != "closed" for x in self.queries if x.id != q.id)
        more = self.tr(" · {0} more not closed on this case (F4)").format(others) if others else ""
        self.heading.setText(self.tr("<b>Query on {0}</b> · {1}{2}").format(html.escape(where), translated(describe(q.state)),
                                                                           more))
        self.talk.setText(thread_html(q))
        may_reply = not q.here and q.state != "closed" and self.ws.read_only is None
        self.send.setVisible(not q.here)
        self.send.setEnabled(may_reply)
        self.close_btn.setVisible(q.here)
        self.close_btn.setEnabled(q.state != "closed")
        self.reopen_btn.setVisible(q.here)
        self.text.setVisible(may_reply or q.here)
        self.text.setPlaceholderText(self.tr("Reply to the lead inspector (change the answer above if needed)")
                                     if not q.here else self.tr("A further comment (to reopen)"))

    def _act(self, job: Callable[[ops.Query], object]) -> None:
        if self.query is None:
            return
        try:
            job(self.query)
        except USER_ERRORS as e:
            _fail(self, e)
            return
        self.text.clear()
        qid = self.query.question_id
        self.reload()
        self.show_for(qid)
        self.changed.emit()

    def _reply(self) -> None:
        self._act(lambda q: ops.reply(self.ws, q.id, self.text.toPlainText()))

    def _close(self) -> None:
        self._act(lambda q: ops.close(self.ws, q.id, self.text.toPlainText()))

    def _reopen(self) -> None:
        self._act(lambda q: ops.reopen(self.ws, q.id, self.text.toPlainText()))


def attach(view: AssessView) -> QueryStrip:
    """The strip above the walk-through's panes, the tree's marks, F4 / Shift+F4."""
    strip = QueryStrip(view.s.ws, view.s.case.id, view)
    layout = view.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(2, strip)

    def remark() -> None:
        view.tree.queried = strip.marks()
        view.tree.refresh(view.s)

    strip.changed.connect(remark)
    view.tree.currentItemChanged.connect(lambda *_: strip.show_for(view.current))
    remark()
    for seq, forward in (("F4", True), ("Shift+F4", False)):
        sc = QShortcut(QKeySequence(seq), view)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(lambda forward=forward: jump(view, strip, forward))
    strip.show_for(view.current)
    return strip


def jump(view: AssessView, strip: QueryStrip, forward: bool) -> None:
    """To the next (previous) question in journey order with a query not closed, round the end."""
    order = [qv.id for qv in view.qs.questions]
    live = {q.question_id for q in strip.queries if q.state != "closed" and q.question_id}
    if not live:
        view.status_message.emit(QCoreApplication.translate("Queries", "No question of this case has a query open."))
        return
    at = order.index(view.current) if view.current in order else -1
    ring = order[at + 1:] + order[:at + 1] if forward else list(reversed(order[:at])) + list(reversed(order[at:]))
    target = next(q for q in ring if q in live)
    view.show_question(target)
    if strip.send.isEnabled():
        strip.text.setFocus()


class RaiseDialog(QDialog):
    """The lead's new query on a case, or on one of its answers."""

    def __init__(self, ws: Workspace, case_id: str, question_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.case = ws, ws.case(case_id)
        self.setWindowTitle(self.tr("Raise a query · {0}").format(self.case.reference))
        lay = QVBoxLayout(self)
        self.question = QComboBox()
        self.question.addItem(self.tr("The whole case"), CASE)
        for qv in ws.question_set(self.case.inspection_id).questions:
            self.question.addItem(qv.id, qv.id)
        self.question.setCurrentIndex(max(0, self.question.findData(question_id)))
        self.question.setAccessibleName(self.tr("Question"))
        lay.addWidget(QLabel(self.tr("About:")))
        lay.addWidget(self.question)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The query"))
        self.text.setPlaceholderText(self.tr("e.g. the plan was dated after the 15 working days; please check"))
        lay.addWidget(self.text)
        self.to = QComboBox()
        self.to.setAccessibleName(self.tr("For"))
        for name in ops.addressees(ws, case_id):
            self.to.addItem(name, name)
        if self.to.count() > 1:  # the case was given to two assessors (double reading): say which one
            lay.addWidget(QLabel(self.tr("For:")))
            lay.addWidget(self.to)
        self.keep_open = QCheckBox(self.tr("Keep it open when the reply is merged (I will close it)"))
        lay.addWidget(self.keep_open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Raise query"))
        buttons.accepted.connect(self._raise)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.raised: ops.Query | None = None

    def _raise(self) -> None:
        try:
            done = ops.raise_query(self.ws, self.case.reference, self.text.toPlainText(),
                                   question=self.question.currentData() or None,
                                   inspection=self.case.inspection_id, keep_open=self.keep_open.isChecked(),
                                   assessor=self.to.currentData() if self.to.count() > 1 else None)
        except USER_ERRORS as e:
            _fail(self, e)
            return
        self.raised = done.query
        self.accept()


HEADERS = ("Case", "Question", "Assessor", "State", "Query", "Latest")  # column keys; their words are in the dialog


class QueriesDialog(QDialog):
    """Every query of the inspection, filtered by state and case; Enter opens the case at the question."""

    def __init__(self, ws: Workspace, inspection_id: str, open_at: Callable[[str, str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.inspection_id, self.open_at = ws, inspection_id, open_at
        self.setWindowTitle(self.tr("Queries · {0}").format(ws.inspection(inspection_id).name))
        self.resize(980, 460)
        lay = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("State"))
        self.state.addItem(self.tr("Not closed"), "live")
        self.state.addItem(self.tr("All states"), None)
        for s in STATES:
            self.state.addItem(translated(describe(s)), s)
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Case reference"))
        self.case.setAccessibleName(self.tr("Case reference"))
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.state)
        filters.addWidget(self.case, 1)
        lay.addLayout(filters)
        self.table = make_table([self.tr("Case"), self.tr("Question"), self.tr("Assessor"), self.tr("State"),
                                 self.tr("Query"), self.tr("Latest")], self.tr("Queries"))
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        for col in (HEADERS.index("Query"), HEADERS.index("Latest")):  # the words share what is left
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._open)
        lay.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        lay.addWidget(self.detail)
        self.table.itemSelectionChanged.connect(self._show_detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.state.currentIndexChanged.connect(self.refresh)
        self.case.textChanged.connect(self.refresh)
        self.shown: list[ops.Query] = []
        self.refresh()

    def refresh(self) -> None:
        wanted = self.state.currentData()
        found = ops.listing(self.ws, self.inspection_id, state=wanted if wanted in STATES else None)
        ref = self.case.text().strip().casefold()
        self.shown = [q for q in found if (wanted != "live" or q.state != "closed")
                      and (not ref or ref in q.reference.casefold())]
        fill(self.table, [[q.reference, q.question_id or self.tr("(case)"), q.assessor, translated(describe(q.state)), q.text,
                           f"{q.messages[-1].who}: {q.messages[-1].text}"] for q in self.shown],
             list(range(len(self.shown))))
        self.detail.setText(self.tr("{0} queries shown.").format(len(self.shown)))

    def _show_detail(self) -> None:
        picked = selected_data(self.table)
        if picked:
            self.detail.setText(thread_html(self.shown[int(picked[0])]))

    def _open(self, row: int, _col: int = 0) -> None:
        index = row_data(self.table, row)
        if self.open_at is not None and index is not None:
            q = self.shown[int(index)]
            self.open_at(q.case_id, q.question_id)
            self.accept()


# -- the main window's actions ------------------------------------------------------


def raise_from(window: Any) -> None:
    """Case › Raise a query: on the case open in the walk-through (its question
    preselected) or the case selected in the list."""
    view = getattr(window, "view", None)
    if view is not None and window.stack.currentWidget() is view:
        case_id, qid = view.s.case.id, view.current
    else:
        ids = window.list.selected_case_ids()
        if not ids:
            window.statusBar().showMessage(QCoreApplication.translate("Queries", "Select a case first."), 6000)
            return
        case_id, qid = ids[0], CASE
    dlg = RaiseDialog(window.ws, case_id, qid, window)
    if dlg.exec() and dlg.raised is not None:
        window.statusBar().showMessage(QCoreApplication.translate("Queries", "Query raised for {0}; it travels in their next pack.").format(
            dlg.raised.assessor), 8000)
        strip = getattr(window, "query_strip", None)
        if isinstance(strip, QueryStrip) and strip.case_id == case_id:
            strip.reload()
            strip.show_for(qid)
            strip.changed.emit()


def raise_on(parent: QWidget | None, ws: Workspace, case_id: str, question_id: str) -> ops.Query | None:
    """The Raise dialog from a lead's view (a conflict, a moderation row); the query raised, or None."""
    dlg = RaiseDialog(ws, case_id, question_id, parent)
    return dlg.raised if dlg.exec() else None


def show_list(window: Any) -> QueriesDialog | None:
    """Lead › Queries: the inspection's queries; Enter opens the case at the question."""
    iid = window.current_inspection()
    if not iid:
        return None

    def open_at(case_id: str, question_id: str) -> None:
        view = window.open_case(case_id)
        if view is not None and question_id:
            view.show_question(question_id)

    dlg = QueriesDialog(window.ws, iid, open_at, window)
    dlg.show()
    return dlg
