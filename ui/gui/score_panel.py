"""The walk-through's live scores for the case, and its questions below the line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, text_in
from models.scoring import fmt_pct
from ui.ops.session import CaseSession

QID_ROLE = Qt.ItemDataRole.UserRole


class ScorePanel(QWidget):
    question_chosen = Signal(str)

    def __init__(self, qs: QuestionSet, open_conflicts: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        rl = QVBoxLayout(self)
        rl.setContentsMargins(4, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("<b>Scores for this case</b>")))
        self.conflict_note = QLabel()
        self.conflict_note.setWordWrap(True)
        self.conflict_note.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.conflict_note.setText(self.tr("⚠ {0} unresolved merge conflicts in this case: these scores may change.")
                                   .format(open_conflicts))
        self.conflict_note.setVisible(bool(open_conflicts))
        rl.addWidget(self.conflict_note)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Outcome / criterion"), self.tr("Score")])
        self.tree.setAccessibleName(self.tr("Scores for this case"))
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.tree, 2)
        rl.addWidget(QLabel(self.tr("<b>Below the line</b>")))
        self.below = QListWidget()
        self.below.setAccessibleName(self.tr("Questions below the line"))
        self.below.setWordWrap(True)
        self.below.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.below.itemActivated.connect(self._chosen)
        self.below.itemClicked.connect(self._chosen)
        rl.addWidget(self.below, 1)
        self.setMinimumWidth(200)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.question_chosen.emit(item.data(QID_ROLE))

    def refresh(self, s: CaseSession) -> None:
        scores = s.scores()
        self.tree.clear()
        for gid, value in scores["groups"].items():
            g = self.qs.groups[gid]
            QTreeWidgetItem(self.tree, [text_in(g.short or g.title), fmt_pct(value)])
        for code, value in scores["criteria"].items():
            QTreeWidgetItem(self.tree, [f"   {code}", fmt_pct(value)])
        self.tree.resizeColumnToContents(1)
        self.below.clear()
        for qid in scores["below_line"]:
            text = self.qs.full_text(self.qs.by_id[qid])
            it = QListWidgetItem(f"{qid}  {text}")
            it.setData(QID_ROLE, qid)
            it.setToolTip(text)
            self.below.addItem(it)
