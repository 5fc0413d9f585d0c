"""The walk-through's navigation: stages, criteria and questions in journey order,
each question marked answered, to do, or not applying."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from models.questionset import STAGE_TITLES, QuestionSet, text_in
from ui.ops.session import CaseSession

QID_ROLE = Qt.ItemDataRole.UserRole


class JourneyTree(QTreeWidget):
    question_chosen = Signal(str)

    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Sections, criteria and questions"))
        self.setMinimumWidth(220)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._crit_items: dict[str, QTreeWidgetItem] = {}
        for stage in dict.fromkeys(qv.stage for qv in qs.questions):
            st_item = QTreeWidgetItem([self.tr(STAGE_TITLES[stage])])
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
            answered = s.is_answered(qid) or qid in s.pending
            mark = "✓ " if answered and a is True else ("• " if a is True else "– ")
            text = f"{mark}{qid.split('-', 1)[-1]}  {text_in(qs.by_id[qid].q.text)}"
            if qid in kept:
                text += self.tr("  [answer kept, not scored]")
            item.setText(0, text)
            item.setToolTip(0, text_in(qs.by_id[qid].q.text) + ("\n" + s.reason(qid) if a is not True else ""))
            item.setDisabled(a is False)
