"""Grades given once per inspection (OMI2 section 4, leadership): the lead
sets each item on the set's scale; every change is audited."""

from __future__ import annotations

from dataclasses import dataclass

from models.questionset import text_in
from ui.ops.changes import OpChanges
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

GRADED = OpChanges(answers=True)


@dataclass(frozen=True)
class GradeLine:
    code: str
    title: str
    value: str | None  # the option's value, None if not graded
    label: str  # the option's words ("" if not graded)
    note: str
    by: str
    at: str


def grades(ws: Workspace, inspection_id: str, lang: str = "en") -> list[GradeLine]:
    """Every item the inspection's set grades, in the set's order, with its grade if given."""
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    stored = ws.store.grades(ins.id)
    out = []
    for g in qs.data.grades:
        row = stored.get(g.code)
        value = row.value if row else None
        opt = qs.data.scales[g.scale].option(value) if value else None
        out.append(GradeLine(g.code, text_in(g.title, lang), value, text_in(opt.label, lang) if opt else "",
                             row.note if row else "", row.updated_by if row else "", row.updated_at if row else ""))
    return out


def set_grade(ws: Workspace, inspection_id: str, code: str, value: str | None, note: str = "") -> OpChanges:
    """Grade one item (``value`` None clears it), checked against the set's scale."""
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    item = next((g for g in qs.data.grades if g.code == code), None)
    if item is None:
        codes = ", ".join(g.code for g in qs.data.grades) or "none"
        raise OpError(f"{qs.id} grades no item {code!r} (its graded items: {codes})")
    scale = qs.data.scales[item.scale]
    if value is not None and scale.option(value) is None:
        raise OpError(f"{value!r} is not a grade on {code}'s scale (its grades: {', '.join(o.value for o in scale.options)})")
    ws.store.set_grade(ins.id, code, value, note.strip(), ws.who())
    return GRADED
