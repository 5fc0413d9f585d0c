"""The queries on a case, as the case summary prints them: each query with its
question, state, the lead's words and the latest reply (plain data from
``storage.queries``)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from exports.pdf.base import P, Styles, table
from models.queries import describe
from storage.queries import Query


def _latest(q: Query, role: str) -> str:
    ms = [m for m in q.messages if m.role == role]
    if not ms:
        return "—"
    m = ms[-1]
    answer = f" (answer then: {m.value})" if m.value is not None and m.action == "reply" else ""
    return f"{m.who}, {m.at[:10]}: {m.text}{answer}"


def queries_story(queries: list[Query], st: Styles) -> list[Flowable]:
    """A "Queries" section (nothing when the case has none)."""
    if not queries:
        return []
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in ("Question", "State", "Lead inspector", "Latest reply")]]
    for q in queries:
        rows.append([P(escape(q.question_id or "whole case"), st["cell"]), P(describe(q.state), st["cell"]),
                     P(escape(_latest(q, "lead")), st["cell"]), P(escape(_latest(q, "assessor")), st["cell"])])
    open_ = sum(q.state != "closed" for q in queries)
    return [CondPageBreak(30 * mm), P("Queries", st["h1"]), table(rows, [26 * mm, 26 * mm, 63 * mm, 63 * mm]),
            Spacer(1, 3), P(f"{len(queries)} {'query' if len(queries) == 1 else 'queries'} on this case, {open_} not closed. The lead's latest message "
                            "and the assessor's latest reply are shown; 'queries' lists each whole thread.",
                            st["muted"])]
