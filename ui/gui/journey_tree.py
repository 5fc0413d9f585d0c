"""The walk-through's navigation: stages, criteria and questions in journey order,
each question marked answered, to answer, waiting on an earlier answer, or not
applying, with a legend for the marks.  Long titles are elided ("…") and shown
whole in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from models.questionset import QuestionSet, text_in
from ui.gui.i18n import stage_title
from ui.ops.session import CaseSession

QID_ROLE = Qt.ItemDataRole.UserRole

# one mark per state: "does not apply" and "not yet known" never share one
MARKS = {
    "answered": ("✓", str(QT_TRANSLATE_NOOP("JourneyTree", "answered"))),
    "todo": ("•", str(QT_TRANSLATE_NOOP("JourneyTree", "to answer"))),
    "waiting": ("?", str(QT_TRANSLATE_NOOP("JourneyTree", "waits on an earlier answer"))),
    "inapplicable": ("–", str(QT_TRANSLATE_NOOP("JourneyTree", "does not apply to this case"))),
}


def mark_for(applies: bool | None, answered: bool) -> str:
    """The state shown for a question: answered, to answer, waiting, or not applying."""
    if applies is True:
        return "answered" if answered else "todo"
    return "waiting" if applies is None else "inapplicable"


QUERY_MARK = ("✉", str(QT_TRANSLATE_NOOP("JourneyTree", "a query from the lead (F4)")))


def legend_text() -> str:
    marks = [*MARKS.values(), QUERY_MARK]
    return "   ".join(f"{m}\u00a0{QCoreApplication.translate('JourneyTree', words)}" for m, words in marks)  # marked where defined


class JourneyTree(QTreeWidget):
    question_chosen = Signal(str)

    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Sections, criteria and questions"))
        self.setMinimumWidth(180)
        # one column as wide as the pane: long titles end in "…" instead of running off the edge
        self.setColumnCount(1)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.queried: dict[str, str] = {}  # question id -> its query's state (ui/gui/queries.py keeps it)
        self._crit_items: dict[str, QTreeWidgetItem] = {}
        for stage in dict.fromkeys(qv.stage for qv in qs.questions):
            st_item = QTreeWidgetItem([stage_title(stage)])
            st_item.setToolTip(0, st_item.text(0))
            bold = QFont(st_item.font(0))
            bold.setBold(True)
            st_item.setFont(0, bold)
            self.addTopLevelItem(st_item)
            for qv in qs.questions:
                if qv.stage != stage:
                    continue
                code = qv.criterion.code
                if code not in self._crit_items:
                    self._crit_items[code] = QTreeWidgetItem(st_item, [code])
                qi = QTreeWidgetItem(self._crit_items[code], [""])
                qi.setData(0, QID_ROLE, qv.id)
                self.items[qv.id] = qi
            st_item.setExpanded(True)

    def _chosen(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        qid = item.data(0, QID_ROLE)
        if qid:
            self.question_chosen.emit(qid)

    def refresh(self, s: CaseSession) -> None:
        """Marks and per-criterion progress for the session's current answers."""
        qs = self.qs
        app = s.applicability()
        for code, ci in self._crit_items.items():
            qids = [child.data(0, QID_ROLE) for i in range(ci.childCount()) if (child := ci.child(i)) is not None]
            d, t = s.progress(qids)
            ci.setText(0, f"{code} {text_in(qs.criteria[code].title)}  ({d}/{t})")
            ci.setToolTip(0, ci.text(0))
        kept = set(s.kept_inapplicable())
        for qid, item in self.items.items():
            a = app[qid]
            state = mark_for(a, s.is_answered(qid) or qid in s.pending)
            mark, words = MARKS[state]
            qv = qs.by_id[qid]
            text = f"{mark} {qid.split('-', 1)[-1]}  {text_in(qv.q.text)}"
            if qid in kept:
                text += self.tr("  [answer kept, not scored]")
            if qid in self.queried:
                text = f"{QUERY_MARK[0]} {text}"
                words += self.tr("; query {0}").format(self.queried[qid])
            item.setText(0, text)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, state)
            tip = f"{qid} ({words})\n{qs.full_text(qv)}"
            item.setToolTip(0, tip + ("\n" + s.reason(qid) if a is not True else ""))
            item.setDisabled(a is False)


class JourneyPane(QWidget):
    """The tree with its legend underneath."""

    def __init__(self, tree: JourneyTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(tree, 1)
        self.legend = QLabel(legend_text())
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Legend of the marks"))
        lay.addWidget(self.legend)
