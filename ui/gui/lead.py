"""The lead inspector's screens: merge files and make packs, decide conflicts,
see the findings (each a panel of its own module)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.gui import moderation as moderation_tab
from ui.gui.conflicts_panel import ConflictsPanel
from ui.gui.findings_panel import FindingsPanel
from ui.gui.merge_panel import MergePanel
from ui.ops.workspace import Workspace


class LeadView(QWidget):
    """Merge, conflicts and findings for one inspection."""

    def __init__(self, ws: Workspace, inspection_id: str, on_close: Callable[[], None],
                 parent: QWidget | None = None, *, open_case: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.inspection = ws.inspection(inspection_id)
        self.qs = ws.question_set(self.inspection)
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Lead inspector</b> · {0}").format(self.inspection.name)), 1)
        self.conflict_flag = QLabel()
        dark = self.palette().color(self.backgroundRole()).lightness() < 128
        self.conflict_flag.setStyleSheet(f"color: {'#ff8a80' if dark else '#b3261e'}; font-weight: bold;")
        head.addWidget(self.conflict_flag)
        back = QPushButton(self.tr("Case list"))
        back.setAccessibleName(self.tr("Back to the case list"))
        back.clicked.connect(on_close)
        head.addWidget(back)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Lead inspector views"))
        lay.addWidget(self.tabs, 1)
        self.merging = MergePanel(ws, inspection_id, self.qs)
        self.conflicts = ConflictsPanel(ws, inspection_id, self.qs)
        self.findings = FindingsPanel(ws, inspection_id, self.qs, open_case)
        self.tabs.addTab(self.merging, self.tr("&Merge"))
        self.tabs.addTab(self.conflicts, self.tr("C&onflicts"))
        self.tabs.addTab(self.findings, self.tr("&Findings"))
        self.merging.merged.connect(self.refresh)
        self.conflicts.changed.connect(self._decided)
        self.moderation = moderation_tab.add_tab(self.tabs, ws, inspection_id)
        self.refresh()

    def _flag(self) -> None:
        n = self.conflicts.open_count()
        self.conflict_flag.setText(self.tr("⚠ {0} unresolved conflicts: scores may change").format(n) if n else "")

    def _decided(self) -> None:
        self._flag()
        self.findings.refresh()

    def refresh(self) -> None:
        self.conflicts.refresh()
        self._flag()
        self.findings.refresh()
