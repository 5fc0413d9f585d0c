"""The journey tree: a mark per state with a legend, elided titles, a remembered width."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.gui.journey_tree import MARKS, legend_text, mark_for


def test_waiting_and_not_applying_have_different_marks(window, setup):
    """Replays the probe: '-' meant both 'does not apply' and 'not yet known'."""
    _s, _iid, _cid, cid2 = setup
    view = window.open_case(cid2)
    app = view.s.applicability()
    waiting = next(q for q, a in app.items() if a is None)
    never = next(q for q, a in app.items() if a is False)
    w_text, n_text = view.tree.items[waiting].text(0), view.tree.items[never].text(0)
    assert w_text.startswith(MARKS["waiting"][0]) and n_text.startswith(MARKS["inapplicable"][0])
    assert w_text[0] != n_text[0]
    assert len({m for m, _ in MARKS.values()}) == len(MARKS)
    assert "waits on an earlier answer" in view.tree.items[waiting].toolTip(0)


def test_the_legend_explains_every_mark(window, setup):
    view = window.open_case(setup[2])
    legend = view.tree_pane.legend
    assert legend.isVisibleTo(view) and legend.text() == legend_text()
    for mark, words in MARKS.values():
        assert f"{mark}\u00a0{words}" in legend.text()
    assert mark_for(True, True) == "answered" and mark_for(None, False) == "waiting"


def test_titles_are_elided_with_the_whole_title_in_a_tooltip(window, setup):
    """Replays the probe: titles were cut at every width (no ellipsis, no tooltip)."""
    view = window.open_case(setup[2])
    tree = view.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideRight
    assert tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert tree.header().sectionResizeMode(0) == tree.header().ResizeMode.Stretch
    item = tree.items["IAOW-1.1-05"]
    assert "The report for this court appearance: Based on risk of harm" in item.toolTip(0)


def test_the_tree_width_is_remembered(qtbot, window, setup):
    """Replays the probe: the tree's width was not remembered."""
    _s, _iid, cid, cid2 = setup
    view = window.open_case(cid)
    before = view.split.sizes()[0]
    view.split.moveSplitter(before + 90, 1)
    widened = view.split.sizes()[0]
    assert widened > before
    view = window.open_case(cid2)
    assert view.split.sizes()[0] == widened


def test_case_progress_text_sits_beside_its_bar(window, setup):
    """Replays the probe: '%v of %m answered' was drawn over the bar's fill."""
    view = window.open_case(setup[2])
    assert not view.case_progress.isTextVisible()
    done, total = view.s.progress()
    assert view.header.progress_text.text() == f"{done} of {total} answered"
