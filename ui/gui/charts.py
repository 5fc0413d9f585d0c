"""The dashboard's painted bar charts (QtCharts is not in the PySide6-Essentials
wheels): horizontal bars, stacked for answers option by option and single for
scores and counts, with n beside every bar and small numbers flagged (striped
and marked *).  The arrow keys move from bar to bar; each bar's figures are its
tooltip and the chart's accessible description."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ui.gui.colours import ChartColours, chart_colours


@dataclass(frozen=True)
class Part:
    """One segment of a bar: a count, or a proportion (0..1) on a score chart."""

    name: str
    amount: float
    above_line: bool | None = None
    tone: int = 0  # which of the colours for its side of the line


@dataclass(frozen=True)
class ChartRow:
    label: str
    parts: tuple[Part, ...] = ()
    note: str = ""  # beside the bar: the figures and n
    tip: str = ""  # every figure in words (tooltip, accessible description)
    small: bool = False
    heading: bool = False  # a row of words only, over the bars that follow


@dataclass
class ChartData:
    title: str
    rows: list[ChartRow]
    scale: float | None = None  # the axis' end (1.0 for scores); None: the largest bar
    legend: list[Part] = field(default_factory=list)
    percent: bool = False  # the axis in percentages


class BarChart(QWidget):
    """One :class:`ChartData`, painted; ``current`` is the bar the keyboard is on."""

    current_moved = Signal(int, int)  # the current bar's top and bottom (for a scroll area)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData("", [])
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)

    # ------------------------------------------------------------------ geometry
    def row_height(self) -> int:
        return max(20, int(self.fontMetrics().height() * 1.5))

    def _legend_height(self) -> int:
        return self.row_height() if self.data.legend else 0

    def _top(self) -> int:
        return 8 + self.fontMetrics().height() + 6 + self._legend_height()

    def row_rect(self, i: int) -> QRect:
        return QRect(0, self._top() + i * self.row_height(), self.width(), self.row_height())

    def sizeHint(self) -> QSize:
        return QSize(640, self._top() + len(self.data.rows) * self.row_height() + self.row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def row_at(self, pos: QPoint) -> int:
        if pos.y() < self._top():
            return -1
        i = (pos.y() - self._top()) // self.row_height()
        return i if 0 <= i < len(self.data.rows) else -1

    def _columns(self) -> tuple[int, int, int]:
        """Where the bars start, how wide they may be, and where the notes start."""
        fm = self.fontMetrics()
        labels = max((fm.horizontalAdvance(r.label) for r in self.data.rows if not r.heading), default=0)
        label_w = min(int(self.width() * 0.4), labels + 12)
        note_w = min(int(self.width() * 0.3), max((fm.horizontalAdvance(r.note) for r in self.data.rows), default=0) + 12)
        bar_w = max(40, self.width() - label_w - note_w - 16)
        return label_w + 8, bar_w, label_w + 8 + bar_w + 8

    def _end(self) -> float:
        if self.data.scale:
            return self.data.scale
        return max([sum(p.amount for p in r.parts) for r in self.data.rows] + [1])

    # ------------------------------------------------------------------ data
    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        bars = self._bars()
        self.current = bars[0] if bars else -1
        self._describe()
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def _bars(self) -> list[int]:
        return [i for i, r in enumerate(self.data.rows) if not r.heading]

    def _describe(self) -> None:
        bars = self._bars()
        if self.current < 0:
            self.setAccessibleDescription(self.tr("No figures to chart."))
            return
        row = self.data.rows[self.current]
        heading = next((r.label for r in reversed(self.data.rows[:self.current]) if r.heading), "")
        self.setAccessibleDescription(self.tr("Bar {0} of {1}: {2}").format(
            bars.index(self.current) + 1, len(bars), ", ".join(x for x in (heading, row.tip or row.label) if x)))

    def move_to(self, i: int) -> None:
        self.current = i
        self._describe()
        rect = self.row_rect(i)
        self.current_moved.emit(rect.top(), rect.bottom())
        self.update()

    # ------------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        bars = self._bars()
        if not bars:
            super().keyPressEvent(event)
            return
        at = bars.index(self.current) if self.current in bars else 0
        page = max(1, self.visibleRegion().boundingRect().height() // self.row_height() - 1)
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: page, Qt.Key.Key_PageUp: -page,
                 Qt.Key.Key_Home: -len(bars), Qt.Key.Key_End: len(bars)}
        key = Qt.Key(event.key())
        if key not in steps:
            super().keyPressEvent(event)
            return
        self.move_to(bars[min(len(bars) - 1, max(0, at + steps[key]))])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self.row_at(event.position().toPoint())
        if i >= 0 and not self.data.rows[i].heading:
            self.move_to(i)
        super().mousePressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            i = self.row_at(e.pos())
            if i >= 0 and (tip := self.data.rows[i].tip or self.data.rows[i].label):
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        c = chart_colours(self.palette())
        p = QPainter(self)
        p.fillRect(self.rect(), c.background)
        fm = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(c.text)
        p.drawText(QRect(8, 8, self.width() - 16, fm.height()), Qt.AlignmentFlag.AlignLeft, self.data.title)
        p.setFont(self.font())
        self._paint_legend(p, c, 8 + fm.height() + 6)
        x0, bar_w, note_x = self._columns()
        self._paint_grid(p, c, x0, bar_w)
        for i, row in enumerate(self.data.rows):
            self._paint_row(p, c, i, row, x0, bar_w, note_x)
        p.end()

    def _paint_legend(self, p: QPainter, c: ChartColours, y: int) -> None:
        fm = self.fontMetrics()
        x = 8
        box = fm.height() - 4
        for part in self.data.legend:
            p.fillRect(QRect(x, y + 2, box, box), c.fill(part.above_line, part.tone))
            p.setPen(c.text)
            p.drawText(QRect(x + box + 4, y, fm.horizontalAdvance(part.name) + 4, fm.height()),
                       Qt.AlignmentFlag.AlignVCenter, part.name)
            x += box + fm.horizontalAdvance(part.name) + 18

    def _paint_grid(self, p: QPainter, c: ChartColours, x0: int, bar_w: int) -> None:
        """Light lines at 0, 25, 50, 75 and 100% (or of the largest count), labelled under the bars."""
        top = self._top()
        bottom = top + len(self.data.rows) * self.row_height()
        end = self._end()
        fm = self.fontMetrics()
        p.setPen(QPen(c.track, 1, Qt.PenStyle.DotLine))
        for k in range(5):
            x = x0 + int(bar_w * k / 4)
            p.drawLine(x, top, x, bottom)
            value = end * k / 4
            text = f"{round(value * 100)}%" if self.data.percent else (f"{value:g}" if value == int(value) else "")
            p.setPen(c.text)
            p.drawText(QRect(x - 30, bottom + 2, 60, fm.height()), Qt.AlignmentFlag.AlignHCenter, text)
            p.setPen(QPen(c.track, 1, Qt.PenStyle.DotLine))

    def _paint_row(self, p: QPainter, c: ChartColours, i: int, row: ChartRow, x0: int, bar_w: int, note_x: int) -> None:
        rect = self.row_rect(i)
        fm = self.fontMetrics()
        p.setPen(c.text)
        if row.heading:
            bold = self.font()
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(rect.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(row.label, Qt.TextElideMode.ElideRight, rect.width() - 16))
            p.setFont(self.font())
            return
        label = fm.elidedText(row.label, Qt.TextElideMode.ElideRight, x0 - 16)
        p.drawText(QRect(8, rect.top(), x0 - 16, rect.height()),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
        bar_h = max(8, rect.height() - 8)
        x = float(x0)
        end = self._end()
        for part in row.parts:
            w = bar_w * part.amount / end
            seg = QRect(int(round(x)), rect.top() + (rect.height() - bar_h) // 2, int(round(x + w)) - int(round(x)), bar_h)
            if seg.width() > 0:
                p.fillRect(seg.adjusted(0, 0, -1 if len(row.parts) > 1 else 0, 0), c.fill(part.above_line, part.tone))
                if row.small:  # striped: a figure on too few cases
                    p.fillRect(seg, QBrush(c.background, Qt.BrushStyle.BDiagPattern))
            x += w
        p.setPen(c.small if row.small else c.text)
        p.drawText(QRect(note_x, rect.top(), self.width() - note_x - 4, rect.height()), Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(row.note, Qt.TextElideMode.ElideRight, self.width() - note_x - 4))
        if i == self.current and self.hasFocus():
            p.setPen(QPen(QColor(self.palette().color(self.palette().ColorRole.Highlight)), 2))
            p.drawRect(rect.adjusted(2, 1, -3, -2))
