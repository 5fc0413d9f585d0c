"""The question: its group's stem, real guidance (F2), and where it comes from (F3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .walk_setup import make_store, make_window


@pytest.fixture
def view(qtbot, db_path, iaow):
    s, _iid, cid, _ = make_store(db_path, iaow)
    w = make_window(qtbot, s)
    yield w.open_case(cid)
    s.close()


def test_grouped_items_show_their_stem(view):
    """Replays the probe: 1.1-05 read 'Based on risk of harm screening/ assessment' alone."""
    view.show_question("IAOW-1.1-05")
    assert not view.panel.stem.isHidden()
    assert view.panel.stem.text() == "The report for this court appearance:"
    assert view.wording.text() == "Based on risk of harm screening/ assessment"
    view.show_question("IAOW-1.1-03")
    assert view.panel.stem.text() == "The report for this court appearance:"
    assert view.wording.text() == "Was based on sufficient information"  # the stem is not repeated
    view.show_question("IAOW-1.1-01")
    assert view.panel.stem.isHidden()


def test_f2_shows_guidance_not_provenance(qtbot, view):
    """Replays the probe: F2 showed 'Wording from the York data-summary chart (OCR text, ...)'."""
    view.show_question("IAOW-1.1-05")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    text = view.guidance.text()
    assert not view.guidance.isHidden()
    assert "Wording from" not in text and "OCR" not in text
    assert "Criterion 1.1" in text and "good quality reports" in text
    assert "From the reports: 000:127" in text  # each guidance text names its seed lines


def test_question_guidance_follows_the_criterion(view):
    view.show_question("IAOW-4.2-06")
    text = view.guidance.text()
    assert text.index("Criterion 4.2") < text.index("This question")
    assert "003:1590" in text


def test_f3_shows_the_sources_and_provenance(qtbot, view):
    view.show_question("IAOW-1.1-05")
    assert view.panel.sources.isHidden()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    text = view.panel.sources.text()
    assert not view.panel.sources.isHidden()
    assert "003_b64db95b1e64ce7a.txt</b>, line 371" in text
    assert "Provenance." in text and "Wording from the York data-summary chart" in text
    assert "Stem:" in text and "line 364" in text  # the stem's own seed line


def test_the_breadcrumb_is_not_pale(view):
    """Replays the probe: the breadcrumb was palette(mid), about 1.7:1 against the window."""
    view.show_question("IAOW-1.1-01")
    assert "palette(mid)" not in view.crumb.styleSheet() and "color" not in view.crumb.styleSheet()
