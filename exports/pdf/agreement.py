"""The findings report's lead-inspector parts: the inspection-level grades
(OMI2 section 4) after the criterion scores, and an appendix on QA second
reads: agreement per question, Cohen's kappa per criterion and per assessor
with n and a 95% interval ("too few to judge" below the minimum n)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from exports.pdf.base import P, Styles, table
from models.agreement import MIN_PAIRS, Kappa
from models.questionset import text_in

if TYPE_CHECKING:
    from exports.pdf.findings import FindingsDoc


def grades_section(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Items graded once per inspection, with the grade given (or "not graded")."""
    if not doc.grades:
        return []
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in ("Graded once per inspection", "Grade", "Note")]]
    for code, title, label, note in doc.grades:
        rows.append([P(f"{code} {title}", st["cell"]), P(label or "not graded", st["cellb" if label else "cell"]),
                     P(note, st["cell"])])
    return [P("Inspection grades", st["h2"]), table(rows, [90 * mm, 38 * mm, width - 128 * mm])]


def _kappa_rows(title: str, figures: dict[str, Kappa], st: Styles) -> list[list[Any]]:
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (title, "Pairs", "Agree", "Cohen's kappa (95% interval)")]]
    for name, k in figures.items():
        rows.append([P(name, st["cell"]), P(str(k.n), st["cell"]), P(f"{k.agree / k.n:.0%}" if k.n else "", st["cell"]),
                     P(k.describe(), st["cell"])])
    return rows


def agreement_appendix(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Appendix: how far second readings agreed with the primary readings."""
    rep = doc.agreement
    if rep is None or not rep.pairs:
        return []
    reads = ", ".join(f"{n} {'QA second reads' if k == 'qa' else 'second primary readings'}"
                      for k, n in rep.second_reads.items())
    qs, lang = doc.qs, doc.lang
    widths = [70 * mm, 18 * mm, 18 * mm, width - 106 * mm]
    qrows: list[list[Any]] = [[P(h, st["cellb"]) for h in ("Question", "Pairs", "Agree")]]
    for q, (a, n) in rep.by_question.items():
        words = text_in(qs.by_id[q].q.text, lang) if q in qs.by_id else ""
        qrows.append([P(f"{q} {words}", st["cell"]), P(str(n), st["cell"]), P(f"{a / n:.0%}", st["cell"])])
    criteria = {f"{c} {text_in(qs.criteria[c].title, lang)}" if c in qs.criteria else c: k
                for c, k in rep.by_criterion.items()}
    return [
        CondPageBreak(80 * mm),
        P("Appendix: agreement between readings", st["h1"]),
        P(f"{rep.pairs} pairs from {reads}. A pair is one scoring question answered, and applicable, in a case's "
          "scoring primary reading and in a second reading of it; each reading as its assessor gave it, before any "
          f"moderation. Kappa below {MIN_PAIRS} pairs is not printed: too few to judge.", st["muted"]),
        table(_kappa_rows("Criterion", criteria, st), widths),
        Spacer(1, 6),
        P("Per assessor: their primary readings against every second read of them.", st["muted"]),
        table(_kappa_rows("Assessor", rep.by_assessor, st), widths),
        P("Agreement per question", st["h2"]),
        table(qrows, [width - 36 * mm, 18 * mm, 18 * mm]),
        P(f"{len(rep.disagreements)} disagreements.", st["small"]),
    ]
