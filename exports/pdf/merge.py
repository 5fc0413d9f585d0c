"""The printed merge report: each merge of assessors' files (files, counts,
submissions, queries) and every conflict of the inspection with both sides
and, once decided, the decision with who, when and why."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exports.merge_report import MergeReport
from exports.pdf.base import P, Styles, canvas_class, new_doc, styles, table
from models.i18n import N_, gettext_for

STATUSES = (N_("merged"), N_("unchanged"), N_("refused"))  # a file's status, translated when printed


@dataclass(frozen=True)
class ConflictLine:
    """One conflict as printed: every answer already in words."""

    reference: str
    question_id: str
    question: str
    sides: list[tuple[str, str]]  # (assessor, their answer in words)
    decided: bool
    decision: str = ""
    who: str = ""
    when: str = ""
    why: str = ""


@dataclass(frozen=True)
class MergeDoc:
    inspection: str
    merges: list[MergeReport]
    conflicts: list[ConflictLine] = field(default_factory=list)
    lang: str = "en"


def _files(rep: MergeReport, st: Styles, _: Callable[[str], str]) -> list[Flowable]:
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("File"), _("Status"), _("Signer"), _("Reason"))]]
    for f in rep.files:
        rows.append([P(Path(f.name).name, st["cell"]), P(_(f.status), st["cell"]), P(f.signer, st["cell"]),
                     P(f.reason, st["cell"])])
    return [table(rows, [48 * mm, 28 * mm, 58 * mm, 44 * mm])] if rep.files else []


def _merge_section(rep: MergeReport, st: Styles, _: Callable[[str], str]) -> list[Flowable]:
    at = rep.at[:16].replace("T", " ")
    lines = [
        _("Assessors: {0}").format(", ".join(rep.assessors) or "—"),
        _("New cases: {0} · Updated: {1} · Unchanged: {2} · Added offline: {3}").format(
            len(rep.cases_new), len(rep.cases_updated), len(rep.cases_unchanged), len(rep.cases_added)),
        _("Submitted for review: {0}").format(", ".join(rep.cases_submitted) or "—"),
        _("Queries replied to: {0}").format("; ".join(rep.queries) or "—"),
        _("Changes held beside a decision: {0}").format(", ".join(rep.held) or "—"),
        _("Open conflicts after it: {0}").format(rep.conflicts_open),
    ]
    if rep.cases_in_bin:
        lines.append(_("Merged into deleted cases, left in the bin: {0}").format(", ".join(rep.cases_in_bin)))
    return ([P(_("Merge {0} by {1}").format(at, rep.who), st["h2"])] + _files(rep, st, _)
            + [Spacer(1, 2)] + [P(line, st["small"]) for line in lines])


def _conflict_rows(doc: MergeDoc, st: Styles, _: Callable[[str], str]) -> list[list[Any]]:
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Case"), _("Question"), _("Each side"),
                                                           _("Decision"))]]
    for k in doc.conflicts:
        sides = "\n".join(f"{who}: {value}" for who, value in k.sides)
        if k.decided:
            decision = P(_("{0}\nDecided by {1}, {2}\nWhy: {3}").format(k.decision, k.who, k.when, k.why), st["cell"])
        else:
            decision = P(_("open: not yet decided"), st["cellb"])
        rows.append([P(k.reference, st["cell"]), P(f"{k.question_id}\n{k.question}", st["cell"]),
                     P(sides, st["cell"]), decision])
    return rows


def merge_report_pdf(doc: MergeDoc) -> bytes:
    """The merge report of one inspection, in ``doc.lang``."""
    _ = gettext_for(doc.lang)
    st = styles()
    open_ = sum(not k.decided for k in doc.conflicts)
    story: list[Flowable] = [P(_("Merge report"), st["title"]), P(doc.inspection, st["h2"]), P(_("Merges"), st["h1"])]
    if not doc.merges:
        story.append(P(_("No merge of assessors' files is recorded in this database."), st["muted"]))
    for rep in doc.merges:
        story += _merge_section(rep, st, _)
    story += [P(_("Conflicts"), st["h1"]),
              P(_("Conflicts: {0}, open: {1}, decided: {2}.").format(len(doc.conflicts), open_,
                                                                     len(doc.conflicts) - open_), st["muted"])]
    if doc.conflicts:
        story.append(table(_conflict_rows(doc, st, _), [20 * mm, 58 * mm, 40 * mm, 60 * mm]))
    buf = io.BytesIO()
    d = new_doc(buf, _("Merge report"))
    label = _("merge report")
    d.build(story, canvasmaker=canvas_class(f"{doc.inspection} · {label}", (doc.lang,)))
    return buf.getvalue()
