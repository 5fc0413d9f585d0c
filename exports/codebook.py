"""The codebook (data dictionary) of the analysis export: every column of the
data, every case detail and every question with its scale's values and labels,
applicability in words, whether it is scored, and the seed lines it comes from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from exports.tables import Cell, Sheet
from models.conditions import describe
from models.qs_common import text_in
from models.qs_runtime import Option, Source
from models.questionset import QuestionSet, QuestionView

__all__ = ["FIXED_LONG", "FIXED_WIDE", "CODEBOOK_HEADER", "codebook_rows", "codebook_sheet"]

_CASE = [
    ("inspection", "The inspection's name"),
    ("case_reference", "The case's reference"),
    ("case_id", "The case's identifier (stable across files and merges)"),
]
_READING = [
    ("assessor", "Who assessed the case (blank: not started)"),
    ("reading", "The kind of reading: primary, or a second reading / quality check"),
    ("review_state", "The reading's state: not started, in progress or complete; once submitted to the lead, "
                     "its review state (submitted, returned, resubmitted, approved)"),
    ("scored_reading", "true for the reading the scores use (each case's first primary reading)"),
]
_ANSWER = [
    ("question_id", "The question (see its row below)"),
    ("criterion", "The question's criterion code"),
    ("factor", "For a per-factor question: the factor (a value of the question it follows); blank otherwise"),
    ("value", "The stored answer code ('na' for N/A; '; ' between the codes of a multi-select); blank: unanswered"),
    ("label", "The answer's label"),
    ("above_line", "true/false: the answer is above the line; blank when not applicable, unanswered, N/A or unscored"),
    ("applicable", "true when the question applies to this case (with the answers before it), false otherwise"),
    ("na", "true when the answer is N/A"),
    ("note", "The assessor's note on the answer"),
    ("practice", "true when the answer is flagged as an example of practice"),
]
FIXED_LONG = _CASE + _READING + _ANSWER
FIXED_WIDE = _CASE + _READING

CODEBOOK_HEADER = ["variable", "kind", "text", "criterion", "outcomes", "scale", "values", "above_line_values",
                   "na_allowed", "applies_when", "per_factor_of", "scored", "sources"]


def _values(options: Sequence[Option], na: bool) -> str:
    parts = [f"{o.value} = {text_in(o.label)}" for o in options]
    return " | ".join(parts + (["na = N/A"] if na else []))


def _sources(items: Sequence[Source]) -> str:
    return "; ".join(s.ref() for s in items)


def _applies(qs: QuestionSet, qv: QuestionView) -> str:
    words = describe(qv.q.applies, qs)
    note = text_in(qv.q.applies_note)
    return f"{words} ({note})" if note else words


def _question(qs: QuestionSet, qv: QuestionView, column: str) -> list[Cell]:
    per = qv.q.per_option_of
    return [column, "question", text_in(qv.q.text), qv.criterion.code, "; ".join(qs.groups_of(qv)),
            qv.scale.kind, _values(qv.scale.options, qv.scale.allow_na or per is not None),
            "; ".join(o.value for o in qv.scale.options if o.above_line) or None,
            qv.scale.allow_na or per is not None, _applies(qs, qv), per, qv.q.scored, _sources(qv.q.sources)]


def codebook_rows(qs: QuestionSet, shape: str = "long") -> Iterator[list[Cell]]:
    """The fixed columns, the case details, then the questions in journey order."""
    fixed = FIXED_LONG if shape == "long" else FIXED_WIDE
    for name, text in fixed:
        yield [name, "column", text, None, None, None, None, None, None, None, None, None, None]
    for f in qs.data.case_fields:
        yield [f.id, "case detail", text_in(f.label), None, None, f.kind, _values(f.options, False) or None, None,
               None, None, None, None, _sources(f.sources) or None]
    for qv in qs.questions:
        if shape == "wide" and qv.q.per_option_of:
            for o in qs.by_id[qv.q.per_option_of].scale.options:
                yield _question(qs, qv, f"{qv.id}[{o.value}]")
        else:
            yield _question(qs, qv, qv.id)


def codebook_sheet(qs: QuestionSet, shape: str = "long") -> Sheet:
    widths = [14, 12, 60, 10, 14, 8, 50, 16, 10, 40, 12, 8, 30]
    return Sheet("Codebook", CODEBOOK_HEADER, codebook_rows(qs, shape), widths)
