"""The findings report's charts: yes/no bars per question, and counts per
case detail value."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from exports.pdf.base import ABOVE, ACCENT


def bar_chart(items: list[tuple[str, int, int]], width: float) -> Drawing:
    """Horizontal yes/no bars, one per question, as in the reports' Data Summary."""
    n = len(items)
    bar_h = 11
    height = n * bar_h + 36
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 0.42 * width
    chart.y = 26
    chart.width = 0.5 * width
    chart.height = n * bar_h
    chart.data = [[yes for _l, yes, _no in reversed(items)], [no for _l, _yes, no in reversed(items)]]
    chart.categoryAxis.categoryNames = [label[:58] + ("…" if len(label) > 58 else "") for label, _y, _n in reversed(items)]
    chart.categoryAxis.labels.fontName = "DejaVu"
    chart.categoryAxis.labels.fontSize = 6.3
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.labels.fontName = "DejaVu"
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max([y + no for _l, y, no in items] + [1])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.categoryAxis.style = "stacked"
    chart.bars[0].fillColor = ABOVE
    chart.bars[1].fillColor = colors.HexColor("#d9a3a0")
    chart.bars.strokeWidth = 0
    chart.barWidth = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "DejaVu"
    chart.barLabels.fontSize = 5.8
    chart.barLabels.fillColor = colors.white
    chart.barLabels.boxAnchor = "e"
    chart.barLabels.dx = -1
    d.add(chart)
    d.add(String(chart.x, 4, "■ above the line (yes)   ", fontName="DejaVu", fontSize=6.5, fillColor=ABOVE))
    d.add(String(chart.x + 80, 4, "■ below the line (no)", fontName="DejaVu", fontSize=6.5,
                 fillColor=colors.HexColor("#b05550")))
    return d


def share_chart(title: str, counts: list[tuple[str, int]], width: float) -> Drawing:
    """One bar per value of a case detail: how many cases of the sample have it."""
    n = max(1, len(counts))
    d = Drawing(width, n * 12 + 26)
    chart = HorizontalBarChart()
    chart.x = 0.42 * width
    chart.y = 6
    chart.width = 0.5 * width
    chart.height = n * 12
    chart.data = [[c for _l, c in reversed(counts)] or [0]]
    chart.categoryAxis.categoryNames = [label[:56] for label, _c in reversed(counts)] or [""]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = "DejaVu"
        axis.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([c for _l, c in counts] + [1])
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 5))
    chart.bars[0].fillColor = ACCENT
    chart.barWidth = 8
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "DejaVu"
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    d.add(chart)
    d.add(String(0, n * 12 + 14, title, fontName="DejaVu-Bold", fontSize=8))
    return d
