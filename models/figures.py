"""The descriptive figures around the scores, computed once for every view:
how the sample divides by a case detail, and the per-factor table.

The dashboard (``ui.ops.scores``) and the findings PDF (``exports.pdf``) both
read these, so a screen and a printed page never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.qs_common import text_in
from models.qs_runtime import CaseField
from models.qs_set import QuestionSet
from models.scoring import CaseInput, ScoreReport

NOT_RECORDED = "Not recorded in the tool"


def sample_counts(f: CaseField, cases: Sequence[CaseInput], lang: str = "en") -> list[tuple[str, int]] | None:
    """(label, cases) for each value of a choice, multi-choice or yes/no case
    detail, then the cases where it is not recorded (if any); None for a kind
    that does not divide the sample (free text, numbers)."""
    values: list[tuple[str, Any]]
    if f.kind in ("choice", "multi"):
        values = [(text_in(o.label, lang), o.value) for o in f.options]
    elif f.kind == "bool":
        values = [("Yes", True), ("No", False)]
    else:
        return None

    def has(detail: Any, value: Any) -> bool:
        return value in detail if isinstance(detail, list) else bool(detail == value)

    counts = [(label, sum(1 for c in cases if has(c.details.get(f.id), value))) for label, value in values]
    missing = sum(1 for c in cases if c.details.get(f.id) in (None, "", []))
    if missing:
        counts.append((NOT_RECORDED, missing))
    return counts


@dataclass(frozen=True)
class FactorRow:
    factor: str
    cases: int  # cases where the factor was identified
    shares: tuple[float | None, ...]  # per per-factor question: addressed / answered (None: no answers)


def factor_table(qs: QuestionSet, cases: Sequence[CaseInput], report: ScoreReport,
                 lang: str = "en") -> tuple[list[str], list[FactorRow]]:
    """The per-factor questions that follow the first factor list, and one row
    per factor, most often identified first."""
    per = [qv for qv in qs.questions if qv.q.per_option_of]
    if not per:
        return [], []
    src = qs.by_id[str(per[0].q.per_option_of)]
    per = [qv for qv in per if qv.q.per_option_of == src.id]
    prevalence = {o.value: sum(1 for c in cases if o.value in (c.answers.get(src.id) or [])) for o in src.scale.options}
    rows = []
    for o in sorted(src.scale.options, key=lambda o: -prevalence[o.value]):
        shares = []
        for qv in per:
            n, above = report.questions[qv.id].per_option.get(o.value, (0, 0))
            shares.append(above / n if n else None)
        rows.append(FactorRow(text_in(o.label, lang), prevalence[o.value], tuple(shares)))
    return [qv.id for qv in per], rows
