"""The dashboard's charts: the findings PDF's figures (what the PDF draws and
prints, caught as it is built, against what the app paints), n and the
small-numbers flag on every bar, keyboard and screen-reader access, the table
alternative and its export, and the sizes it must fit."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from exports.pdf import findings as pdf_findings
from exports.pdf import findings_pdf
from ui.gui.charts import BarChart, ChartData, ChartRow, Part
from ui.gui.colours import dark_palette
from ui.ops import printing
from ui.ops.workspace import Workspace

from ...conftest import make_inspection
from ...exports.test_tables import read_xlsx
from .walk_setup import findings_panel


@pytest.fixture
def lead(qtbot, store, iaow):
    iid = make_inspection(store, iaow, 24, seed=5)
    f = findings_panel(qtbot, store, iid, iaow)
    f.tabs.setCurrentWidget(f.charts)
    return f, store, iid


@pytest.fixture
def printed(monkeypatch, lead):
    """What the findings PDF draws and tabulates, caught while it is built."""
    seen: dict[str, list] = {"bars": [], "shares": [], "tables": []}

    def spy(name, real):
        def wrapped(*args, **kw):
            seen[name].append(args)
            return real(*args, **kw)
        return wrapped

    monkeypatch.setattr(pdf_findings, "bar_chart", spy("bars", pdf_findings.bar_chart))
    monkeypatch.setattr(pdf_findings, "share_chart", spy("shares", pdf_findings.share_chart))
    monkeypatch.setattr(pdf_findings, "table", spy("tables", pdf_findings.table))
    f, store, iid = lead
    findings_pdf(printing.findings_doc(Workspace(store), iid))
    tables = [[[cell.getPlainText() for cell in row] for row in args[0]] for args in seen["tables"]]
    return f, seen, tables


def _chart(f, name):
    f.charts.choose(name)
    return f.charts.chart.data


def _bars(data: ChartData) -> list[ChartRow]:
    return [r for r in data.rows if not r.heading]


def test_yes_no_bars_are_the_pdfs_data_summary(printed):
    f, seen, _tables = printed
    names = [n for n in (f.charts.choice.itemText(i) for i in range(f.charts.choice.count()))
             if n.startswith("Above and below the line: ")]
    assert len(names) == 5
    drawn = [items for (items, *_size_and_language) in seen["bars"]]
    ours = []
    for name in names:
        rows = _bars(_chart(f, name))
        ours.append([(r.label.split(" ", 1)[0].split("-", 1)[1], int(r.parts[0].amount), int(r.parts[1].amount))
                     for r in rows])
        assert all(r.note.startswith(f"{int(r.parts[0].amount)} / {int(r.parts[1].amount)}  n=") for r in rows)
    pdf = [(label.split(" ", 1)[0], yes, no) for items in drawn for label, yes, no in items]  # 40 to a chart
    assert [bar for chart in ours for bar in chart] == pdf and len(pdf) > 100


def test_sample_bars_are_the_pdfs_sample_charts(printed):
    f, seen, _tables = printed
    for title, counts, _width in seen["shares"]:
        rows = _bars(_chart(f, f"The sample: {title}"))
        assert [(r.label, int(r.parts[0].amount)) for r in rows] == counts
        total = sum(n for _l, n in counts if _l != "Not recorded in the tool") or 1
        assert total <= 24


def test_multi_category_shares_are_the_pdfs(printed):
    f, _seen, tables = printed
    pdf = next(t for t in tables if t[0][0] == "Question" and t[0][1].startswith("Distribution"))
    rows = _bars(_chart(f, "Multi-category judgements"))
    assert len(rows) == len(pdf) - 1 > 10
    for row, (question, distribution) in zip(rows, pdf[1:], strict=True):
        assert row.label.split(" ", 1)[0] == question.split(" ", 1)[0]
        assert distribution in row.tip  # "label: n (pct*)" for every answer, the same words
        n = int(re.search(r"n=(\d+)", row.note).group(1))
        assert sum(p.amount for p in row.parts) == pytest.approx(1.0) and n > 0


def test_outcome_and_criterion_scores_are_the_pdfs(printed):
    f, _seen, tables = printed
    outcomes = next(t for t in tables if t[0][0] == "Outcome / section")
    rows = _bars(_chart(f, "Outcome and section scores"))
    assert [(r.label, r.note.split()[0]) for r in rows] == [(t[0], t[1]) for t in outcomes[1:]]
    criteria = next(t for t in tables if t[0][0] == "Criterion")
    rows = _bars(_chart(f, "Criterion scores"))
    assert [(r.label, r.note.split()[0]) for r in rows] == [(t[0], t[1]) for t in criteria[1:]]
    assert all(re.fullmatch(r"n=\d+", r.note.split()[1]) for r in rows)


def test_subgroup_comparisons_are_the_pdfs_appendix(printed):
    f, _seen, tables = printed
    rosh = next(t for t in tables if t[0][0] == "RoSH classification at start (OASys)")
    data = _chart(f, "Outcome scores by RoSH classification at start (OASys)")
    headings = [r.label for r in data.rows if r.heading]
    assert len(headings) == len(rosh[0]) - 2
    per_heading: list[list[ChartRow]] = []
    for r in data.rows:
        if r.heading:
            per_heading.append([])
        else:
            per_heading[-1].append(r)
    for col, rows in enumerate(per_heading, start=2):
        assert [(r.label, r.note.split()[0]) for r in rows] == [(f"{t[0]} ({t[1]} cases)", t[col]) for t in rosh[1:]]


def test_small_numbers_are_striped_marked_and_said(lead):
    f, _store, _iid = lead
    f.charts.choose("Above and below the line: Delivering effective work for victims")
    rows = _bars(f.charts.chart.data)
    small = [r for r in rows if r.small]
    assert small and all(r.note.endswith("*") and "too few for close comparisons" in r.tip for r in small)
    assert all(not r.note.endswith("*") for r in rows if not r.small)
    assert all(int(re.search(r"n=(\d+)", r.note).group(1)) < 10 for r in small)
    f.small_n.setValue(2)
    assert not any(r.small for r in _bars(f.charts.chart.data) if int(re.search(r"n=(\d+)", r.note).group(1)) >= 2)
    assert "fewer than 2 cases" in f.charts.note.text()


def test_keyboard_moves_bar_to_bar_and_says_each_figure(lead, qtbot):
    f, _store, _iid = lead
    f.charts.choose("Outcome and section scores")
    chart = f.charts.chart
    chart.setFocus()
    QApplication.processEvents()
    rows = chart.data.rows
    assert chart.current == 0 and chart.accessibleName() == "Outcome and section scores"
    assert chart.accessibleDescription() == f"Bar 1 of {len(rows)}: {rows[0].tip}"
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == 2 and rows[2].tip in chart.accessibleDescription()
    assert "resting on" in rows[2].tip and "%" in rows[2].tip
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == len(rows) - 1
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.current == 0
    # headings are skipped: the keyboard lands on bars only
    f.charts.choose("Outcome scores by Gender")
    assert not chart.data.rows[chart.current].heading
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert not chart.data.rows[chart.current].heading


def test_hovering_a_bar_shows_its_figures(lead):
    f, _store, _iid = lead
    f.charts.choose("Criterion scores")
    chart = f.charts.chart
    QApplication.processEvents()
    rect = chart.row_rect(1)
    pos = QPoint(rect.center())
    chart.event(QHelpEvent(QHelpEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
    assert QToolTip.text() == chart.data.rows[1].tip


def test_the_table_says_what_the_chart_shows_and_exports_numbers(lead, tmp_path):
    f, _store, _iid = lead
    f.charts.choose("Multi-category judgements")
    f.charts.as_table.setChecked(True)
    assert f.charts.stack.currentWidget() is f.charts.table
    t = f.charts.table
    bars = _bars(f.charts.chart.data)
    assert t.rowCount() == sum(len(b.parts) for b in bars)
    first = bars[0]
    qid = first.label.split(" ", 1)[0]
    mine = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())
            if t.item(r, 0).text() == qid]
    assert [(m[1], m[2]) for m in mine] == [(p.name, str(round(p.amount * int(m[3])))) for p, m in zip(first.parts, mine, strict=True)]
    f.export_table("xlsx", str(tmp_path / "chart.xlsx"))
    _name, cells = read_xlsx((tmp_path / "chart.xlsx").read_bytes())
    assert cells["A1"] == ("inlineStr", "Question") and cells["C2"][0] is None and cells["E2"][0] is None
    assert 0 <= float(cells["E2"][1]) <= 1  # a share, as a number


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("dark", [False, True])
def test_fits_and_reads_at_laptop_and_desktop_sizes(qtbot, lead, qapp, size, dark):
    f, _store, _iid = lead
    old = qapp.palette()
    if dark:
        qapp.setPalette(dark_palette())
    try:
        f.resize(*size)
        f.charts.choose("Multi-category judgements")
        QApplication.processEvents()
        assert f.minimumSizeHint().width() <= size[0] - 40
        chart = f.charts.chart
        x0, bar_w, note_x = chart._columns()
        fm = chart.fontMetrics()
        widest_note = max(fm.horizontalAdvance(r.note) for r in chart.data.rows)
        assert bar_w >= 200 and note_x + widest_note <= chart.width()  # every n is in view, none cut
        image = chart.grab().toImage()
        assert image.pixelColor(2, 2) == chart.palette().color(chart.palette().ColorRole.Base)
    finally:
        qapp.setPalette(old)


def test_bar_chart_without_figures_says_so(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(ChartData("Empty", []))
    assert chart.current == -1 and "No figures" in chart.accessibleDescription()
    chart.set_data(ChartData("One", [ChartRow("A", (Part("Score", 0.5),), "50%  n=4*", "A: 50%", True)], 1.0))
    assert chart.current == 0 and chart.sizeHint().height() > chart.row_height()
