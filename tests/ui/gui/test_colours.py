"""WCAG contrast (AA: 4.5:1 for text) over the walk-through's own colours, light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ui.gui.colours import AA_TEXT, contrast, dark_palette, is_dark, walk_colours

from .walk_setup import make_store, make_window


def _light() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


PALETTES = {"light": _light, "dark": dark_palette}


def test_contrast_matches_wcag_reference_values():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)


@pytest.mark.parametrize("name", PALETTES)
def test_every_colour_pair_the_walk_through_draws_passes_aa(qapp, name):
    pal = PALETTES[name]()
    c = walk_colours(pal)
    low = {k: round(contrast(fg, bg), 2) for k, (fg, bg) in c.pairs().items() if contrast(fg, bg) < AA_TEXT}
    assert low == {}, f"{name}: {low}"
    legend = contrast(pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window))
    assert legend >= AA_TEXT


def test_the_old_colours_failed(qapp):
    """The probe's figures: palette(mid) on the window, and white on Fusion's selection
    blue, are below 4.5:1 (so the checks above can fail)."""
    pal = _light()
    assert contrast(pal.color(QPalette.ColorRole.Mid), pal.color(QPalette.ColorRole.Window)) < AA_TEXT
    assert contrast(pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)) < AA_TEXT


def test_the_chosen_answer_is_drawn_in_the_readable_colours(qtbot, db_path, iaow):
    s, _iid, cid, _ = make_store(db_path, iaow)
    try:
        view = make_window(qtbot, s).open_case(cid)
        c = walk_colours(view.palette())
        assert f"background: {c.chosen_bg.name()}" in view.options_box.styleSheet()
    finally:
        s.close()


@pytest.fixture
def dark_app(qapp):
    old = qapp.palette()
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setPalette(old)


def test_the_complete_banner_is_readable_in_a_dark_palette(qtbot, db_path, iaow, dark_app):
    """Replays the probe: the hard-coded #fff4ce banner under a dark palette."""
    s, _iid, cid, _ = make_store(db_path, iaow)
    try:
        w = make_window(qtbot, s)
        view = w.open_case(cid)
        assert is_dark(view.palette())
        view.s.unanswered = lambda: []
        w.mark_complete()
        assert not view.banner.isHidden()
        c = walk_colours(view.palette())
        assert c.banner_bg.name() in view.banner.styleSheet() and "#fff4ce" != c.banner_bg.name()
        assert contrast(c.banner_fg, c.banner_bg) >= AA_TEXT
        assert contrast(c.banner_bg, view.palette().color(QPalette.ColorRole.Window)) < 3  # no bright slab
        assert c.caution.name() in view.reason.styleSheet()
    finally:
        s.close()


def test_colours_follow_a_palette_change(qtbot, db_path, iaow, qapp):
    s, _iid, cid, _ = make_store(db_path, iaow)
    old = qapp.palette()
    try:
        w = make_window(qtbot, s)
        view = w.open_case(cid)
        light_style = view.banner.styleSheet()
        qapp.setPalette(dark_palette())
        QApplication.processEvents()
        assert view.banner.styleSheet() != light_style
    finally:
        qapp.setPalette(old)
        s.close()


def test_disabled_text_reads_as_disabled_in_the_dark_palette(qapp):
    """A disabled button or menu item is dimmer than an enabled one (it looked
    enabled: the dark palette gave every colour group the same text colour),
    and still legible on the window."""
    pal = dark_palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        on = pal.color(QPalette.ColorGroup.Active, role)
        off = pal.color(QPalette.ColorGroup.Disabled, role)
        assert off.lightness() < on.lightness() - 40, role
        assert contrast(off, pal.color(QPalette.ColorRole.Window)) >= AA_TEXT


@pytest.mark.parametrize("name", PALETTES)
def test_chart_fills_stand_out_and_chart_text_reads_light_and_dark(qapp, name):
    """WCAG 2.1: bars 3:1 against the chart's background (1.4.11), words and the
    small-numbers flag 4.5:1, on plain and alternate table rows."""
    from ui.gui.colours import AA_NON_TEXT, chart_colours

    c = chart_colours(PALETTES[name]())
    low = [f.name() for f in c.fills() if contrast(f, c.background) < AA_NON_TEXT]
    assert low == [], f"{name}: {low}"
    weak = {k: round(contrast(fg, bg), 2) for k, (fg, bg) in c.text_pairs().items() if contrast(fg, bg) < AA_TEXT}
    assert weak == {}, f"{name}: {weak}"
    assert len({f.name() for f in c.fills()}) == len(c.fills())  # every option its own colour
    assert c.fill(True, 0) != c.fill(False, 0) and c.fill(False, 3) == c.fill(False, 0)


def test_the_light_chart_colours_would_vanish_on_a_dark_background(qapp):
    """The PDF's blue and red on the dark palette's base: under 3:1 (so the check above can fail)."""
    base = dark_palette().color(QPalette.ColorRole.Base)
    assert contrast(QColor("#1d4f91"), base) < 3 and contrast(QColor("#b3261e"), base) < 3
