"""Size and character limits on what enters the app (docs/limits.md).

Each limit is far above any real inspection (the largest sample in the
published reports is a few hundred cases) and far below what makes the app
slow: a 45 MB note once made printing one case take over five minutes.  The
checks are pure: each returns the problem in plain words, or None, and the
caller refuses the whole change with it, so nothing is half-done.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "MAX_CASES", "MAX_SAMPLE_BYTES", "MAX_CELL_CHARS", "MAX_REFERENCE_CHARS", "MAX_NOTE_CHARS",
    "MAX_DETAIL_CHARS", "MAX_NAME_CHARS", "reference_problem", "name_problem", "note_problem",
    "detail_text_problem", "too_many_cases",
]

MAX_CASES = 10_000  # cases in one inspection (a sample list, or added one by one)
MAX_SAMPLE_BYTES = 10 * 1024 * 1024  # a sample-list CSV file
MAX_CELL_CHARS = 1_000  # one cell of a sample-list CSV
MAX_REFERENCE_CHARS = 100  # a case reference
MAX_NOTE_CHARS = 20_000  # the note on one answer (about eight printed pages)
MAX_DETAIL_CHARS = 1_000  # a free-text case detail
MAX_NAME_CHARS = 200  # the name recorded for a person (``--as``, the assessor profile)

# Characters that reorder the text around them when shown: bidirectional
# embeddings, overrides and isolates (a reference "ABC\u202e1-Y" shows as "ABCY-1").
BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\n\r\t")


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'a control character')})"


def _hidden_char(text: str, *, free_text: bool) -> str | None:
    """The first character that is not allowed.  A label (a reference, a name)
    refuses every control, format (invisible, direction mark) and line
    separator character; free text keeps line breaks, tabs and format
    characters some scripts need (joiners, direction marks), and refuses the
    other controls (NUL among them) and the direction overrides."""
    for ch in text:
        cat = unicodedata.category(ch)
        if free_text:
            bad = (cat in ("Cc", "Cs") and ch not in _LINE_BREAKS) or ch in BIDI_OVERRIDES
        else:
            bad = cat in ("Cc", "Cf", "Cs", "Zl", "Zp")
        if bad:
            return ch
    return None


def _label_problem(text: str, what: str, limit: int) -> str | None:
    """A one-line label shown in lists and printed: a reference or a name."""
    if not text.strip():
        return f"the {what} is empty"
    if len(text) > limit:
        return f"the {what} is {len(text):,} characters long; at most {limit:,} are allowed"
    ch = _hidden_char(text, free_text=False)
    if ch is not None:
        return (f"the {what} contains {_char_name(ch)}: control, invisible and text-direction "
                f"characters are not allowed in a {what}")
    return None


def reference_problem(reference: str) -> str | None:
    """Why ``reference`` cannot be a case reference, or None."""
    return _label_problem(reference, "case reference", MAX_REFERENCE_CHARS)


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be recorded as the person making a change, or None."""
    return _label_problem(name, "name", MAX_NAME_CHARS)


def _text_problem(text: str, what: str, limit: int) -> str | None:
    """Free text (line breaks allowed): its length and hidden characters."""
    if len(text) > limit:
        return f"the {what} is {len(text):,} characters long; at most {limit:,} are allowed"
    ch = _hidden_char(text, free_text=True)
    if ch is not None:
        return f"the {what} contains {_char_name(ch)}, which is not allowed in text"
    return None


def note_problem(note: str) -> str | None:
    """Why ``note`` cannot be stored with an answer, or None."""
    return _text_problem(note, "note", MAX_NOTE_CHARS)


def detail_text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a free-text case detail, or None."""
    return _text_problem(text, "text", MAX_DETAIL_CHARS)


def too_many_cases(existing: int, adding: int) -> str | None:
    """Why ``adding`` more cases to an inspection holding ``existing`` is refused, or None."""
    if existing + adding > MAX_CASES:
        return (f"an inspection holds at most {MAX_CASES:,} cases (this one has {existing:,}; "
                f"adding {adding:,} would make {existing + adding:,})")
    return None
