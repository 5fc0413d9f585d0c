"""The findings report's lead-inspector parts: the inspection-level grades
(OMI2 section 4) after the criterion scores, and an appendix on QA second
reads: agreement per question, Cohen's kappa per criterion and per assessor
with n and a 95% interval ("too few to judge" below the minimum n)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from exports.pdf.base import P, Styles, table, words
from models.agreement import MIN_PAIRS, Kappa
from models.i18n import gettext_for

if TYPE_CHECKING:
    from exports.pdf.findings import FindingsDoc


def grades_section(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Items graded once per inspection, with the grade given (or "not graded")."""
    if not doc.grades:
        return []
    _ = gettext_for(doc.lang)
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Graded once per inspection"), _("Grade"), _("Note"))]]
    for code, title, label, note in doc.grades:
        rows.append([P(f"{code} {title}", st["cell"]), P(label or _("not graded"), st["cellb" if label else "cell"]),
                     P(note, st["cell"])])
    return [P(_("Inspection grades"), st["h2"]), table(rows, [90 * mm, 38 * mm, width - 128 * mm])]


def _kappa_rows(title: str, figures: dict[str, Kappa], st: Styles, lang: str) -> list[list[Any]]:
    _ = gettext_for(lang)
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (title, _("Pairs"), _("Agree"),
                                                           _("Cohen's kappa ({0} interval)").format("95%"))]]
    for name, k in figures.items():
        rows.append([P(name, st["cell"]), P(str(k.n), st["cell"]), P(f"{k.agree / k.n:.0%}" if k.n else "", st["cell"]),
                     P(k.describe(), st["cell"])])
    return rows


def agreement_appendix(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Appendix: how far second readings agreed with the primary readings."""
    rep = doc.agreement
    if rep is None or not rep.pairs:
        return []
    qs, lang = doc.qs, doc.lang
    _ = gettext_for(lang)
    reads = ", ".join((_("{0} QA second reads") if k == "qa" else _("{0} second primary readings")).format(n)
                      for k, n in rep.second_reads.items())
    widths = [70 * mm, 18 * mm, 18 * mm, width - 106 * mm]
    qrows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Question"), _("Pairs"), _("Agree"))]]
    for q, (a, n) in rep.by_question.items():
        text = words(qs.by_id[q].q.text, lang) if q in qs.by_id else ""
        qrows.append([P(f"{q} {text}", st["cell"]), P(str(n), st["cell"]), P(f"{a / n:.0%}", st["cell"])])
    criteria = {f"{c} {words(qs.criteria[c].title, lang)}" if c in qs.criteria else c: k
                for c, k in rep.by_criterion.items()}
    return [
        CondPageBreak(80 * mm),
        P(_("Appendix: agreement between readings"), st["h1"]),
        P(_("{0} pairs from {1}. A pair is one scoring question answered, and applicable, in a case's scoring "
            "primary reading and in a second reading of it; each reading as its assessor gave it, before any "
            "moderation. Kappa below {2} pairs is not printed: too few to judge.").format(rep.pairs, reads, MIN_PAIRS),
          st["muted"]),
        table(_kappa_rows(_("Criterion"), criteria, st, lang), widths),
        Spacer(1, 6),
        P(_("Per assessor: their primary readings against every second read of them."), st["muted"]),
        table(_kappa_rows(_("Assessor"), rep.by_assessor, st, lang), widths),
        P(_("Agreement per question"), st["h2"]),
        table(qrows, [width - 36 * mm, 18 * mm, 18 * mm]),
        P(_("{0} disagreements.").format(len(rep.disagreements)), st["small"]),
    ]
