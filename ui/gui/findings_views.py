"""The findings dashboard's Charts and Cross-tab tabs, and the small-numbers
threshold they share (kept between sessions, like the window's layout)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTabWidget, QWidget

from models.questionset import QuestionSet
from models.scoring import matches
from models.tabulate import SMALL_N
from ui.gui.chart_figures import Figures
from ui.gui.charts_panel import ChartsPanel
from ui.gui.crosstab_panel import CrossTabPanel
from ui.ops import scores

VIEWS = (ChartsPanel, CrossTabPanel)
SMALL_N_KEY = "findings/small_n"


def add_tabs(owner: QWidget, tabs: QTabWidget, qs: QuestionSet) -> tuple[ChartsPanel, CrossTabPanel]:
    """The two tabs, their names translated in ``owner``'s context (the findings panel)."""
    charts, cross = ChartsPanel(), CrossTabPanel(qs)
    tabs.addTab(charts, QCoreApplication.translate("FindingsPanel", "Charts"))
    tabs.addTab(cross, QCoreApplication.translate("FindingsPanel", "Cross-tab"))
    return charts, cross


def small_n_box(owner: QWidget, box: QSpinBox, row: QHBoxLayout) -> None:
    """The threshold under which a denominator is flagged (``--small-n`` on the command line)."""
    label = QLabel(QCoreApplication.translate("FindingsPanel", "Flag n &under:"))
    label.setBuddy(box)
    box.setRange(1, 1000)
    box.setAccessibleName(QCoreApplication.translate("FindingsPanel", "Flag percentages resting on fewer cases than"))
    box.setToolTip(QCoreApplication.translate("FindingsPanel", "Percentages resting on fewer cases than this are marked * (the default is {0})")
                   .format(SMALL_N))
    try:
        box.setValue(int(str(QSettings().value(SMALL_N_KEY, SMALL_N))))
    except ValueError:
        box.setValue(SMALL_N)
    box.valueChanged.connect(lambda v: QSettings().setValue(SMALL_N_KEY, v))
    row.addWidget(label)
    row.addWidget(box)


def show(charts: ChartsPanel, cross: CrossTabPanel, res: scores.InspectionScores, where: dict[str, list[str]],
         small_n: int) -> None:
    """Both tabs for the (sub)sample ``where`` chooses."""
    cases = [c for c in res.cases if not where or matches(c, where)]
    subgroups = scores.subgroup_reports(res.qs, cases, rule=res.report.rule)
    charts.show_figures(Figures(res.qs, res.report, cases, subgroups, small_n))
    cross.show_for(res, where, small_n)
