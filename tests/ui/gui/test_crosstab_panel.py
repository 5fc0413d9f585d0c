"""The dashboard's Cross-tab tab: the figures of ``scores --by FIELD --split FIELD``,
n in every cell, small numbers flagged, Wilson intervals, sorting, keyboard, export."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.scoring import fmt_pct
from models.tabulate import wilson
from storage.store import Store
from ui.gui.colours import chart_colours

from ...conftest import make_inspection
from ...exports.test_tables import read_xlsx
from ..cli.test_commands import cli
from .walk_setup import findings_panel

CELL = re.compile(r"^(n/a|\d+%)(?: \((\d+%)–(\d+%)\))?  n=(\d+)(\*?)$")


@pytest.fixture
def built(db_path, iaow):
    """A synthetic inspection on a real SQLite file (closed: the command line opens it too)."""
    with Store(db_path) as s:
        return str(db_path), make_inspection(s, iaow, 40, seed=11)


@pytest.fixture
def panel(qtbot, built, iaow):
    db, iid = built
    with Store(db) as s:
        f = findings_panel(qtbot, s, iid, iaow)
        f.tabs.setCurrentWidget(f.crosstab)
        yield f


def _shown(panel):
    """{(row label, column label): text} as the table shows it."""
    t = panel.crosstab.table
    heads = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    return {(t.item(r, 0).text(), heads[c]): t.item(r, c).text() for r in range(t.rowCount()) for c in range(1, len(heads))}


def _labels(iaow, field):
    if field == "assessor":
        return {}
    f = iaow.fields[field]
    return {o.value: o.label["en"] if isinstance(o.label, dict) else str(o.label) for o in f.options} or \
        {"yes": "Yes", "no": "No"}


@pytest.mark.parametrize(("rows", "cols", "measure", "where", "small"), [
    ("rosh_level", "case_type", None, None, 10),
    ("case_type", "gender", "2.1", None, 10),
    ("rosh_level", "domestic_abuse", "IAOW-2.1-02", None, 5),
    ("assessor", "case_type", "O2", ("gender", "male"), 3),
])
def test_every_cell_is_the_figure_scores_split_prints(panel, built, iaow, rows, cols, measure, where, small):
    db, iid = built
    args = ["scores", "--db", db, "--inspection", iid, "--by", rows, "--split", cols, "--format", "json",
            "--small-n", str(small)]
    args += ["--of", measure] if measure else []
    args += ["--where", f"{where[0]}={where[1]}"] if where else []
    code, out = cli(*args)
    assert code == 0
    expected = json.loads(out)
    if where:
        panel.filter_field.setCurrentIndex(panel.filter_field.findData(where[0]))
        panel.filter_value.setCurrentIndex(panel.filter_value.findData(where[1]))
    panel.small_n.setValue(small)
    panel.crosstab.choose(rows, cols, measure)
    shown = _shown(panel)
    row_labels, col_labels = _labels(iaow, rows), _labels(iaow, cols)
    assert len(expected) == panel.crosstab.table.rowCount() > 0
    checked = 0
    for line in expected:
        rlabel = row_labels.get(line[rows], line[rows])
        for key, value in line.items():
            if key in (rows, "all"):
                continue
            text = shown[(rlabel, col_labels.get(key, key))]
            if measure is None:
                assert text == str(value) + ("*" if 0 < value < small else "")
            else:
                m = CELL.match(text)
                assert m, text
                assert m.group(1) == fmt_pct(value["value"]) and int(m.group(4)) == value["denominator"]
                assert (m.group(5) == "*") == (value["small_n"] and value["value"] is not None)
            checked += 1
        if measure is None:
            assert shown[(rlabel, "All")] == str(line["all"])
    assert checked == len(expected) * (len(expected[0]) - (2 if measure is None else 1))


def test_small_cells_are_flagged_in_colour_with_the_reason(panel, qapp):
    panel.crosstab.choose("rosh_level", "case_type", "O1")
    t = panel.crosstab.table
    small = chart_colours(t.palette()).small
    items = [t.item(r, c) for r in range(t.rowCount()) for c in range(1, t.columnCount())]
    flagged = [i for i in items if i.text().endswith("*")]
    assert flagged and all(i.foreground().color() == small and "fewer than 10 cases" in i.toolTip().lower() for i in flagged)
    assert all(i.toolTip() == "" for i in items if not i.text().endswith("*"))
    assert "rest on fewer than 10 cases" in panel.crosstab.note.text()
    panel.small_n.setValue(1)  # the threshold is the user's: nothing under 1
    assert not any(t.item(r, c).text().endswith("*") for r in range(t.rowCount()) for c in range(1, t.columnCount()))


def test_wilson_intervals_on_demand(panel):
    x = panel.crosstab
    x.choose("case_type", "gender", "IAOW-2.1-02")
    assert "–" not in "".join(_shown(panel).values())
    x.intervals.setChecked(True)
    tab = x.tab
    for (rv, rlabel), (cv, clabel) in ((r, c) for r in tab.rows for c in tab.columns):
        cell = tab.cells[(rv, cv)]
        text = _shown(panel)[(rlabel, clabel)]
        ci = wilson(cell.above, cell.answered)
        if ci is None:
            assert "–" not in text
        else:
            assert f"({fmt_pct(ci[0])}–{fmt_pct(ci[1])})" in text
    # cases: each cell's share of its row, with its interval
    x.choose("case_type", "gender", None)
    row = [x.table.item(0, c).text() for c in range(x.table.columnCount())]
    total = int(row[-1])
    n = int(row[1].split()[0])
    lo, hi = wilson(n, total)
    assert row[1].startswith(f"{n}  {fmt_pct(n / total)} ({fmt_pct(lo)}–{fmt_pct(hi)})")
    # a mean of question scores has no k of n: said, not faked
    x.choose("case_type", "gender", "2.1")
    assert "–" not in "".join(_shown(panel).values()) and "no Wilson interval" in x.note.text()


def test_sorts_by_a_column_as_numbers_and_keeps_the_values_order_first(panel):
    x = panel.crosstab
    x.choose("rosh_level", "case_type", None)
    t = x.table
    assert [t.item(r, 0).text() for r in range(t.rowCount())] == ["Not recorded", "Low", "Medium", "High", "Very high"]
    last = t.columnCount() - 1
    t.horizontalHeader().sectionClicked.emit(last)
    t.sortByColumn(last, Qt.SortOrder.DescendingOrder)
    totals = [int(t.item(r, last).text()) for r in range(t.rowCount())]
    assert totals == sorted(totals, reverse=True) and sum(totals) == 40


def test_reachable_from_the_keyboard(panel, qtbot):
    x = panel.crosstab
    panel.activateWindow()
    x.rows_field.setFocus()
    QApplication.processEvents()
    seen = [QApplication.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [x.rows_field, x.cols_field, x.measure, x.intervals, x.table]
    for label_text, widget in (("&Rows:", x.rows_field), ("Colum&ns:", x.cols_field), ("&In each cell:", x.measure)):
        label = next(w for w in x.findChildren(type(panel.summary)) if w.text() == label_text)
        assert label.buddy() is widget
    assert not x.table.tabKeyNavigation() and x.table.accessibleName() == "Cross-tabulation"


def test_export_writes_numbers_as_numbers(panel, tmp_path):
    x = panel.crosstab
    x.choose("case_type", "gender", "O1")
    x.intervals.setChecked(False)
    panel.export_table("csv", str(tmp_path / "x.csv"))
    lines = list(csv.reader(io.StringIO((tmp_path / "x.csv").read_text(encoding="utf-8-sig"))))
    assert lines[0] == ["Type of case", "Male", "Male n", "Male small numbers", "Female", "Female n",
                        "Female small numbers"]
    cell = x.tab.cells[("community_order", "male")]
    licence = next(line for line in lines if line[0] == "Community order")
    assert licence[2] == str(cell.denominator) and licence[3] == str(0 < cell.denominator < 10).lower()
    assert float(licence[1]) == pytest.approx(float(fmt_pct(cell.value).rstrip("%")) / 100)
    panel.export_table("xlsx", str(tmp_path / "x.xlsx"))
    _name, cells = read_xlsx((tmp_path / "x.xlsx").read_bytes())
    row = next(r for r in range(2, 6) if cells[f"A{r}"][1] == "Community order")
    assert cells[f"B{row}"][0] is None and cells[f"C{row}"] == (None, str(cell.denominator))
    assert cells[f"D{row}"][0] == "b"  # the flag is a boolean cell
