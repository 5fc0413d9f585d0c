"""models.limits: the checks say what is wrong, in plain words, and accept
every ordinary value (issue 13, item 5)."""

from __future__ import annotations

import pytest

from models.limits import (
    MAX_CASES,
    MAX_DETAIL_CHARS,
    MAX_NOTE_CHARS,
    MAX_REFERENCE_CHARS,
    detail_text_problem,
    name_problem,
    note_problem,
    reference_problem,
    too_many_cases,
)


@pytest.mark.parametrize("ref", ["Y-001", "CRN X123456", "Réf/2014-07", "A" * MAX_REFERENCE_CHARS])
def test_ordinary_references_pass(ref):
    assert reference_problem(ref) is None


@pytest.mark.parametrize("ref, needle", [
    ("Y-\x00001", "U+0000"),
    ("ABC\u202e1-Y", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("ABC\u2066X\u2069", "U+2066"),
    ("A\u200fB", "U+200F (RIGHT-TO-LEFT MARK)"),
    ("A\u200bB", "U+200B (ZERO WIDTH SPACE)"),
    ("line\nbreak", "U+000A"),
    ("x" * 5_000, "5,000 characters long; at most 100"),
    ("   ", "empty"),
])
def test_hidden_characters_and_long_references_are_refused(ref, needle):
    problem = reference_problem(ref)
    assert problem is not None and needle in problem


def test_names_follow_the_reference_rules():
    assert name_problem("Ann Assessor (HMIP-12)") is None
    assert "U+202E" in (name_problem("Ann\u202e") or "")
    assert "empty" in (name_problem("") or "")


def test_notes_keep_line_breaks_and_scripts_but_not_controls_or_overrides():
    assert note_problem("Seen on file.\n\tRisk plan: \u0639\u0644\u064a\u200d ok") is None
    assert note_problem("x" * MAX_NOTE_CHARS) is None
    assert "20,001 characters long; at most 20,000" in (note_problem("x" * (MAX_NOTE_CHARS + 1)) or "")
    assert "U+0000" in (note_problem("a\x00b") or "")
    assert "U+202D" in (note_problem("a\u202db") or "")


def test_detail_text_and_case_counts():
    assert detail_text_problem("North Yorkshire") is None
    assert "at most 1,000" in (detail_text_problem("x" * (MAX_DETAIL_CHARS + 1)) or "")
    assert too_many_cases(MAX_CASES - 1, 1) is None
    assert "at most 10,000 cases" in (too_many_cases(MAX_CASES, 1) or "")
