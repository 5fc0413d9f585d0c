"""The queries on a case, as the case summary prints them: each query with its
question, state, the lead's words and the latest reply (plain data from
``storage.queries``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from exports.pdf.base import P, Styles, table
from models.i18n import gettext_for
from models.queries import describe
from storage.queries import Query


def _latest(q: Query, role: str, _: Callable[[str], str]) -> str:
    ms = [m for m in q.messages if m.role == role]
    if not ms:
        return "—"
    m = ms[-1]
    answer = _(" (answer then: {0})").format(m.value) if m.value is not None and m.action == "reply" else ""
    return f"{m.who}, {m.at[:10]}: {m.text}{answer}"


def queries_story(queries: list[Query], st: Styles, lang: str = "en") -> list[Flowable]:
    """A "Queries" section (nothing when the case has none)."""
    if not queries:
        return []
    _ = gettext_for(lang)
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Question"), _("State"), _("Lead inspector"),
                                                           _("Latest reply"))]]
    for q in queries:
        rows.append([P(escape(q.question_id or _("whole case")), st["cell"]), P(_(describe(q.state)), st["cell"]),
                     P(escape(_latest(q, "lead", _)), st["cell"]), P(escape(_latest(q, "assessor", _)), st["cell"])])
    open_ = sum(q.state != "closed" for q in queries)
    note = _("Queries on this case: {0}, not closed: {1}. The lead's latest message and the assessor's latest reply "
             "are shown; 'queries' lists each whole thread.").format(len(queries), open_)
    return [CondPageBreak(30 * mm), P(_("Queries"), st["h1"]), table(rows, [26 * mm, 26 * mm, 63 * mm, 63 * mm]),
            Spacer(1, 3), P(note, st["muted"])]
