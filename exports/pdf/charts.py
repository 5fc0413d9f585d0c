"""The findings report's charts: yes/no bars per question, and counts per
case detail value."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from exports.pdf.base import ABOVE, ACCENT
from models.i18n import gettext_for

# The counts beside each bar: dark text on the white page (never white on a pale bar)
COUNT_TEXT = colors.HexColor("#333a45")
NO_FILL = colors.HexColor("#d9a3a0")
NO_TEXT = colors.HexColor("#9e2a22")  # the legend's "below the line" words: 6:1 on white
LABEL_SIZE = 6.3


def fit(label: str, room: float, size: float = LABEL_SIZE) -> str:
    """``label``, cut (with "…") to fit ``room`` points: by width, not by
    letters, so a label of wide letters never runs off the page or into its neighbour."""
    if stringWidth(label, "DejaVu", size) <= room:
        return label
    while label and stringWidth(label + "…", "DejaVu", size) > room:
        label = label[:-1]
    return label.rstrip() + "…"


def bar_chart(items: list[tuple[str, int, int]], width: float, lang: str = "en") -> Drawing:
    """Horizontal yes/no bars, one per question, as in the reports' Data Summary.

    Each bar's counts are printed to its right as "yes / no" in dark text: a
    count inside a short or empty segment overlapped its neighbour, and white
    on the pale "no" fill could not be read."""
    n = len(items)
    bar_h = 11
    height = n * bar_h + 36
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 0.42 * width
    chart.y = 26
    chart.width = 0.46 * width
    chart.height = n * bar_h
    chart.data = [[yes for _l, yes, _no in reversed(items)], [no for _l, _yes, no in reversed(items)]]
    chart.categoryAxis.categoryNames = [fit(label, chart.x - 4) for label, _y, _n in reversed(items)]
    chart.categoryAxis.labels.fontName = "DejaVu"
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
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
    chart.bars[1].fillColor = NO_FILL
    chart.bars.strokeWidth = 0
    chart.barWidth = 7
    d.add(chart)
    step = chart.height / max(n, 1)
    for row, (_label, yes, no) in enumerate(reversed(items)):
        end = chart.x + chart.width * (yes + no) / top
        d.add(String(end + 2.5, chart.y + step * (row + 0.5) - 2, f"{yes} / {no}", fontName="DejaVu", fontSize=5.8,
                     fillColor=COUNT_TEXT))
    x = chart.x
    _ = gettext_for(lang)
    for text, colour in (("■ " + _("above the line (yes)"), ABOVE), ("■ " + _("below the line (no)"), NO_TEXT),
                         (_("numbers: yes / no"), COUNT_TEXT)):
        d.add(String(x, 4, text, fontName="DejaVu", fontSize=6.5, fillColor=colour))
        x += stringWidth(text, "DejaVu", 6.5) + 10  # side by side, never over each other
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
    chart.categoryAxis.categoryNames = [fit(label, chart.x - 4, 6.5) for label, _c in reversed(counts)] or [""]
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
