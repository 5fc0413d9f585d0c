"""Printed documents: case summaries and the inspection's findings (reportlab).

Every page carries the OFFICIAL-SENSITIVE protective marking in its header and
footer and "Page x of y".  Output is A4, with the document title set and the
DejaVu fonts embedded (so Welsh letters such as ŵ and ŷ print), and is byte-for-
byte deterministic (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from models.conditions import applicability_fast
from models.questionset import STAGE_TITLES, QuestionSet, text_in
from models.scoring import CaseInput, ScoreReport, case_scores, fmt_pct
from storage.store import AnswerRow, AssessmentRow, CaseRow, InspectionRow

MARKING = "OFFICIAL-SENSITIVE"
FONT_DIR = Path(__file__).with_name("fonts")
ACCENT = colors.HexColor("#1d4f91")
ABOVE = colors.HexColor("#1b7a3e")
BELOW = colors.HexColor("#b3261e")
PRACTICE_BG = colors.HexColor("#fff4c2")
GRID = colors.HexColor("#c8ccd2")
HEAD_BG = colors.HexColor("#e8edf5")


class Cancelled(Exception):
    """Batch printing was cancelled; nothing was written."""


_fonts_ready = False


def _fonts() -> None:
    global _fonts_ready
    if _fonts_ready:
        return
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Oblique", str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu-Oblique",
                                  boldItalic="DejaVu-Bold")
    _fonts_ready = True


def _styles() -> dict[str, ParagraphStyle]:
    _fonts()
    base = ParagraphStyle("base", fontName="DejaVu", fontSize=8.8, leading=11.2)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.6, leading=9.4),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.6, leading=9.4, textColor=colors.HexColor("#555b66")),
        "title": ParagraphStyle("title", parent=base, fontName="DejaVu-Bold", fontSize=16, leading=20,
                                textColor=ACCENT, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base, fontName="DejaVu-Bold", fontSize=12, leading=15, textColor=ACCENT,
                             spaceBefore=8, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName="DejaVu-Bold", fontSize=9.8, leading=12.5, spaceBefore=6,
                             spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.2),
        "cellb": ParagraphStyle("cellb", parent=base, fontName="DejaVu-Bold", fontSize=8.2, leading=10.2),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def P(text: str, style: ParagraphStyle) -> Paragraph:  # noqa: N802
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _canvas_class(doc_label: str) -> type[rl_canvas.Canvas]:
    """A canvas that draws the marking, the label and 'Page x of y' once the
    page count is known."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", "DejaVu")  # every font in the file is embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            w, h = A4
            self.saveState()
            self.setFillColor(BELOW)
            self.setFont("DejaVu-Bold", 9)
            self.drawCentredString(w / 2, h - 10 * mm, MARKING)
            self.drawCentredString(w / 2, 7 * mm, MARKING)
            self.setFillColor(colors.HexColor("#555b66"))
            self.setFont("DejaVu", 7.5)
            label = doc_label if len(doc_label) <= 48 else doc_label[:47] + "…"
            self.drawString(16 * mm, 7 * mm, label)
            self.drawRightString(w - 16 * mm, 7 * mm, f"Page {self._pageNumber} of {total}")
            self.setStrokeColor(GRID)
            self.line(16 * mm, h - 12 * mm, w - 16 * mm, h - 12 * mm)
            self.line(16 * mm, 10 * mm, w - 16 * mm, 10 * mm)
            self.restoreState()

    return NumberedCanvas


def _doc(target: io.BytesIO | str, title: str, subject: str, author: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=17 * mm,
        bottomMargin=15 * mm,
        title=title,
        subject=subject,
        author=author,
        creator="Case Assessor",
        invariant=1,
        initialFontName="DejaVu",
        initialFontSize=9,
    )


class _Outline(Flowable):
    """A PDF bookmark (and outline entry) at this point of the story."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)


def _table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
           extra: Iterable[tuple[Any, ...]] = ()) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=1)
    style = [
        ("FONT", (0, 0), (-1, -1), "DejaVu", 8.2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 8.2)]
    t.setStyle(TableStyle(style + list(extra)))
    return t


# ---------------------------------------------------------------------------
# Case summary
# ---------------------------------------------------------------------------


@dataclass
class CaseDoc:
    """Everything a case summary prints (plain data, gathered by the caller)."""

    qs: QuestionSet
    inspection: InspectionRow
    case: CaseRow
    assessment: AssessmentRow | None
    answers: dict[str, AnswerRow]
    status: str = ""  # e.g. "complete", "in progress", "merged with unresolved conflicts"
    lang: str = "en"
    extra_status: list[str] = field(default_factory=list)


def _value_label(qs: QuestionSet, qid: str, value: Any, lang: str) -> tuple[str, bool | None]:
    """(label, above the line?) for a stored answer."""
    qv = qs.by_id[qid]
    if value is None:
        return "", None
    if value == "na":
        return "N/A", None
    if qv.q.per_option_of:
        src = qs.by_id[qv.q.per_option_of].scale
        parts = []
        for k, v in value.items():
            o = src.option(k)
            name = text_in(o.label, lang) if o else k
            ans = "N/A" if v == "na" else text_in(qv.scale.option(v).label, lang) if qv.scale.option(v) else v
            parts.append(f"{name}: {ans}")
        return "; ".join(parts), None
    if isinstance(value, list):
        return ", ".join(text_in(qv.scale.option(v).label, lang) if qv.scale.option(v) else v for v in value), None
    o = qv.scale.option(value)
    label = text_in(o.label, lang) if o else str(value)
    if not qv.q.scored:
        return label, None
    return label, value in qv.scale.above_values


def _details_rows(qs: QuestionSet, details: dict[str, Any], lang: str, st: dict[str, ParagraphStyle]) -> list[list[Any]]:
    rows = []
    for f in qs.data.case_fields:
        v = details.get(f.id)
        if v is None or v == [] or v == "":
            continue
        if f.kind in ("choice", "multi"):
            vals = v if isinstance(v, list) else [v]
            shown = ", ".join(
                text_in(next((o.label for o in f.options if o.value == x), {"en": x}), lang) for x in vals
            )
        elif f.kind == "bool":
            shown = "Yes" if v else "No"
        else:
            shown = str(v)
        rows.append([P(text_in(f.label, lang), st["cell"]), P(shown, st["cell"])])
    return rows


def case_story(doc: CaseDoc, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    qs, lang = doc.qs, doc.lang
    values = {qid: a.value for qid, a in doc.answers.items() if a.value is not None}
    app = applicability_fast(qs, doc.case.details, values)
    story: list[Flowable] = [
        _Outline(f"case-{doc.case.id}", f"Case {doc.case.reference}"),
        P(f"Case summary: {doc.case.reference}", st["title"]),
        P(f"{doc.inspection.name}  ·  {qs.title(lang)} (version {qs.version})", st["muted"]),
        Spacer(1, 4),
    ]
    a = doc.assessment
    status = doc.status or (a.status.replace("_", " ") if a else "not started")
    last = max((x.updated_at for x in doc.answers.values()), default="")
    head = [
        ["Inspection", doc.inspection.name + (f" ({doc.inspection.area})" if doc.inspection.area else "")],
        ["Question set", f"{qs.id} version {qs.version}"],
        ["Assessor", a.assessor if a else "—"],
        ["Status", status + ("; " + "; ".join(doc.extra_status) if doc.extra_status else "")],
        ["Started", (a.created_at[:16].replace("T", " ") if a else "—")],
        ["Last change", last[:16].replace("T", " ") or "—"],
    ]
    if a and a.completed_at:
        head.append(["Completed", a.completed_at[:16].replace("T", " ")])
    rows = [[P(k, st["cellb"]), P(v, st["cell"])] for k, v in head]
    rows += _details_rows(qs, doc.case.details, lang, st)
    story.append(_table(rows, [42 * mm, 136 * mm], header=False,
                        extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))

    # scores
    sc = case_scores(qs, CaseInput(doc.case.id, doc.case.reference, doc.case.details, values))
    story.append(P("Scores for this case", st["h1"]))
    srows: list[list[Any]] = [[P("Outcome / section", st["cellb"]), P("Score", st["cellb"]),
                              P("Criterion scores", st["cellb"])]]
    for gid, g in qs.groups.items():
        if g.kind == "headline":
            continue
        crits = [c for c in qs.criteria_in_order() if c.group == gid and c.code in sc["criteria"]]
        crit_text = ", ".join(f"{c.code}: {fmt_pct(sc['criteria'][c.code])}" for c in crits)
        if gid not in sc["groups"] and not crit_text:
            continue
        srows.append([P(text_in(g.title, lang), st["cell"]), P(fmt_pct(sc["groups"].get(gid)), st["cell"]),
                      P(crit_text, st["cell"])])
    for hid, v in sc["headlines"].items():
        srows.append([P("Headline: " + text_in(qs.groups[hid].title, lang), st["cell"]), P(fmt_pct(v), st["cell"]),
                      P("", st["cell"])])
    story.append(_table(srows, [70 * mm, 18 * mm, 90 * mm]))
    story.append(Spacer(1, 3))
    story.append(P(f"{len(sc['below_line'])} judgements fell below the line. Scores are the proportion of this case's "
                   "applicable, answered scoring questions judged above the line.", st["muted"]))

    # answers in journey order
    story.append(P("Answers, in the order of the offender's journey", st["h1"]))
    inapplicable: list[str] = []
    kept: list[str] = []
    unanswered: list[str] = []
    stage = None
    crit = None
    rows = []
    practice_rows: list[int] = []

    widths = [70 * mm, 38 * mm, 9 * mm, 61 * mm]
    marks: list[tuple[int, bool]] = []

    def flush() -> None:
        nonlocal rows, practice_rows, marks
        if rows:
            extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, r), (-1, r), PRACTICE_BG) for r in practice_rows]
            extra.append(("ALIGN", (2, 1), (2, -1), "CENTER"))
            extra += [("TEXTCOLOR", (2, r), (2, r), ABOVE if ok else BELOW) for r, ok in marks]
            extra += [("FONT", (2, 1), (2, -1), "DejaVu-Bold", 8.2)]
            story.append(_table([["Question", "Judgement", "", "Note"]] + rows, widths, extra=extra))
        rows = []
        practice_rows = []
        marks = []

    def cell(text: str, col: int) -> Any:
        """Plain text where it fits on one line (much faster), else a wrapping paragraph."""
        if "\n" not in text and pdfmetrics.stringWidth(text, "DejaVu", 8.2) < widths[col] - 8:
            return text
        return P(text, st["cell"])

    for qv in qs.questions:
        ans = doc.answers.get(qv.id)
        if app[qv.id] is not True:
            inapplicable.append(qv.id)
            if ans is not None and ans.value is not None:
                kept.append(qv.id)
            continue
        if qv.stage != stage:
            flush()
            stage = qv.stage
            story.append(CondPageBreak(30 * mm))
            story.append(P(STAGE_TITLES[stage], st["h1"]))
            crit = None
        if qv.criterion.code != crit:
            flush()
            crit = qv.criterion.code
            g = qs.groups[qv.criterion.group]
            story.append(CondPageBreak(35 * mm))
            story.append(P(f"{crit} {text_in(qv.criterion.title, lang)}  ({text_in(g.short or g.title, lang)})", st["h2"]))
        label, above = _value_label(qs, qv.id, ans.value if ans else None, lang)
        if not label:
            unanswered.append(qv.id)
            label = "— not answered —"
        note = ans.note if ans else ""
        if ans and ans.practice:
            note = ("★ Practice illustration. " + note).strip()
            practice_rows.append(len(rows) + 1)
        if above is not None:
            marks.append((len(rows) + 1, above))
        qtext = f"{qv.id.split('-', 1)[-1]}  {text_in(qv.q.text, lang)}" + ("" if qv.q.scored else " (data item)")
        rows.append([cell(qtext, 0), cell(label, 1), "" if above is None else ("✓" if above else "✗"), cell(note, 3)])
    flush()

    story.append(CondPageBreak(25 * mm))
    story.append(P("Not shown", st["h1"]))
    if unanswered:
        story.append(P(f"Applicable but not yet answered ({len(unanswered)}): " + ", ".join(unanswered), st["small"]))
    story.append(P(f"Did not apply to this case ({len(inapplicable)}): " + (", ".join(inapplicable) or "none"),
                   st["small"]))
    if kept:
        story.append(P("Answers kept but not scored, because the question no longer applies: " + ", ".join(kept),
                       st["small"]))
    story.append(Spacer(1, 6))
    story.append(P("✓ above the line  ·  ✗ below the line  ·  highlighted rows are practice illustrations", st["muted"]))
    return story


def case_summary_pdf(doc: CaseDoc) -> bytes:
    st = _styles()
    buf = io.BytesIO()
    label = f"{doc.inspection.name} · case {doc.case.reference}"
    d = _doc(buf, f"Case summary {doc.case.reference}", f"{doc.inspection.name}: case {doc.case.reference}",
             doc.assessment.assessor if doc.assessment else "")
    d.build(case_story(doc, st), canvasmaker=_canvas_class(label))
    return buf.getvalue()


def batch_pdf(docs: Sequence[CaseDoc], inspection: InspectionRow,
              progress: Callable[[int, int], bool] | None = None) -> bytes:
    """All cases in one PDF, with a cover index.  ``progress(done, total)``
    returning False cancels (raises Cancelled)."""
    st = _styles()
    story: list[Flowable] = [
        P(f"Case summaries: {inspection.name}", st["title"]),
        P(f"{len(docs)} cases", st["muted"]),
        Spacer(1, 6),
    ]
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in ("Case", "Assessor", "Status", "Answered")]]
    for d in docs:
        rows.append([P(d.case.reference, st["cell"]), P(d.assessment.assessor if d.assessment else "—", st["cell"]),
                     P(d.status or (d.assessment.status.replace("_", " ") if d.assessment else "not started"), st["cell"]),
                     P(str(sum(1 for a in d.answers.values() if a.value is not None)), st["cell"])])
    story.append(_table(rows, [40 * mm, 60 * mm, 48 * mm, 30 * mm]))
    story.append(P("Each case starts on a new page; the PDF's bookmarks list them.", st["muted"]))
    for i, d in enumerate(docs):
        if progress is not None and not progress(i, len(docs)):
            raise Cancelled()
        story.append(PageBreak())
        story.extend(case_story(d, st))
    buf = io.BytesIO()
    doc = _doc(buf, f"Case summaries: {inspection.name}", inspection.name, "")
    doc.build(story, canvasmaker=_canvas_class(f"{inspection.name} · case summaries"))
    if progress is not None and not progress(len(docs), len(docs)):
        raise Cancelled()
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Findings report
# ---------------------------------------------------------------------------


@dataclass
class FindingsDoc:
    qs: QuestionSet
    inspection: InspectionRow
    report: ScoreReport
    cases: list[CaseInput]
    subgroups: dict[str, dict[str, ScoreReport]]  # field -> value -> report
    splits: dict[str, ScoreReport] = field(default_factory=dict)
    provenance: list[str] = field(default_factory=list)
    conflicts_unresolved: int = 0
    lang: str = "en"


def _bar_chart(items: list[tuple[str, int, int]], width: float) -> Drawing:
    """Horizontal yes/no bars, one per question, as in the reports' Data Summary."""
    n = len(items)
    bar_h = 11
    height = n * bar_h + 36
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 0.42 * width
    chart.y = 26
    chart.width = 0.5 * width
    chart.height = n * bar_h
    chart.data = [[yes for _l, yes, _no in reversed(items)], [no for _l, _yes, no in reversed(items)]]
    chart.categoryAxis.categoryNames = [label[:58] + ("…" if len(label) > 58 else "") for label, _y, _n in reversed(items)]
    chart.categoryAxis.labels.fontName = "DejaVu"
    chart.categoryAxis.labels.fontSize = 6.3
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.labels.fontName = "DejaVu"
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max([y + no for _l, y, no in items] + [1])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.categoryAxis.style = "stacked"
    chart.bars[0].fillColor = ABOVE
    chart.bars[1].fillColor = colors.HexColor("#d9a3a0")
    chart.bars.strokeWidth = 0
    chart.barWidth = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "DejaVu"
    chart.barLabels.fontSize = 5.8
    chart.barLabels.fillColor = colors.white
    chart.barLabels.boxAnchor = "e"
    chart.barLabels.dx = -1
    d.add(chart)
    d.add(String(chart.x, 4, "■ above the line (yes)   ", fontName="DejaVu", fontSize=6.5, fillColor=ABOVE))
    d.add(String(chart.x + 80, 4, "■ below the line (no)", fontName="DejaVu", fontSize=6.5,
                 fillColor=colors.HexColor("#b05550")))
    return d


def _share_chart(title: str, counts: list[tuple[str, int]], width: float) -> Drawing:
    n = max(1, len(counts))
    d = Drawing(width, n * 12 + 26)
    chart = HorizontalBarChart()
    chart.x = 0.42 * width
    chart.y = 6
    chart.width = 0.5 * width
    chart.height = n * 12
    chart.data = [[c for _l, c in reversed(counts)] or [0]]
    chart.categoryAxis.categoryNames = [label[:56] for label, _c in reversed(counts)] or [""]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = "DejaVu"
        axis.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([c for _l, c in counts] + [1])
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 5))
    chart.bars[0].fillColor = ACCENT
    chart.barWidth = 8
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "DejaVu"
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    d.add(chart)
    d.add(String(0, n * 12 + 14, title, fontName="DejaVu-Bold", fontSize=8))
    return d


def findings_pdf(doc: FindingsDoc) -> bytes:
    st = _styles()
    qs, rep, lang = doc.qs, doc.report, doc.lang
    width = A4[0] - 32 * mm
    story: list[Flowable] = [
        P(f"Findings: {doc.inspection.name}", st["title"]),
        P(f"{qs.title(lang)} (version {qs.version})  ·  {rep.cases} cases  ·  outcome rule: "
          + ("mean over each outcome's scoring questions" if rep.rule == "questions" else "mean of criterion scores"),
          st["muted"]),
    ]
    if doc.conflicts_unresolved:
        story.append(P(f"⚠ {doc.conflicts_unresolved} merge conflicts are unresolved: these figures may change.",
                       ParagraphStyle("warn", parent=st["base"], textColor=BELOW)))
    story.append(Spacer(1, 4))

    # outcome summary
    story.append(P("The proportion of work judged to have been done well enough", st["h1"]))
    banded = bool(qs.data.bands)
    split_keys = list(doc.splits)
    heads = ["Outcome / section", "Score"] + (["Band"] if banded else []) + ["Mean of", "Other rule"]
    heads += [k.split("=", 1)[1].upper() for k in split_keys]
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in heads]]
    for gid, g in rep.groups.items():
        other = rep.groups_other_rule.get(gid)
        row = [P(text_in(qs.groups[gid].title, lang), st["cell"]), P(fmt_pct(g.value), st["cellb"])]
        if banded:
            row.append(P(g.band or "", st["cell"]))
        row += [P(f"{g.parts} questions" if g.rule == "questions" else f"{g.parts} criteria", st["cell"]),
                P(fmt_pct(other.value) if other else "", st["cell"])]
        for k in split_keys:
            sg = doc.splits[k].groups.get(gid)
            row.append(P(fmt_pct(sg.value if sg else None), st["cell"]))
        rows.append(row)
    fixed = [64 * mm, 16 * mm] + ([26 * mm] if banded else []) + [24 * mm, 18 * mm]
    rest = width - sum(fixed)
    widths = fixed + ([rest / len(split_keys)] * len(split_keys) if split_keys else [])
    if not split_keys:
        widths[0] += rest
    story.append(_table(rows, widths))

    if rep.headlines:
        story.append(P("Headline scores", st["h2"]))
        hrows: list[list[Any]] = [[P(h, st["cellb"]) for h in ("Headline", "Score", "Band", "Mean of")]]
        for hid, h in rep.headlines.items():
            hrows.append([P(text_in(qs.groups[hid].title, lang), st["cell"]), P(fmt_pct(h.value), st["cellb"]),
                          P(h.band or "", st["cell"]), P(f"{h.parts} questions", st["cell"])])
        story.append(_table(hrows, [80 * mm, 20 * mm, 30 * mm, 30 * mm]))

    story.append(P("Criterion scores", st["h2"]))
    banded = bool(qs.data.bands)
    crows: list[list[Any]] = [[P(h, st["cellb"]) for h in
                               ("Criterion", "Score") + (("Band",) if banded else ()) + ("Mean of", "Not applicable to any case")]]
    for code, c in rep.criteria.items():
        crows.append([P(f"{code} {text_in(qs.criteria[code].title, lang)}", st["cell"]), P(fmt_pct(c.value), st["cell"])]
                     + ([P(c.band or "", st["cell"])] if banded else [])
                     + [P(f"{c.parts} questions", st["cell"]), P(str(len(c.excluded)), st["cell"])])
    story.append(_table(crows, ([88 * mm, 16 * mm, 24 * mm] if banded else [112 * mm, 16 * mm]) + [25 * mm, 25 * mm]))

    # data summary charts per outcome
    story.append(PageBreak())
    story.append(P("Data summary", st["h1"]))
    story.append(P("For each scoring question: the number of cases judged above the line (yes) and below it (no). "
                   "N/A and unanswered are left out, so totals vary.", st["muted"]))
    for gid, g in qs.groups.items():
        if g.kind == "headline" or gid not in rep.groups:
            continue
        items = []
        for qv in qs.questions:
            if qv.q.scored and qv.criterion.group == gid and rep.questions[qv.id].applicable:
                s = rep.questions[qv.id]
                items.append((f"{qv.id.split('-', 1)[-1]} {text_in(qv.q.text, lang)}", s.above, s.applicable - s.above))
        if not items:
            continue
        for start in range(0, len(items), 40):
            head = P(text_in(g.title, lang) + (" (continued)" if start else ""), st["h2"])
            story.append(KeepTogether([head, _bar_chart(items[start:start + 40], width)]))

    # multi-category distributions
    multi = [qv for qv in qs.questions if qv.q.scored and len(qv.scale.options) > 2 and rep.questions[qv.id].applicable]
    if multi:
        story.append(P("Multi-category judgements", st["h2"]))
        mrows: list[list[Any]] = [[P("Question", st["cellb"]), P("Distribution (share of applicable cases)", st["cellb"])]]
        for qv in multi:
            s = rep.questions[qv.id]
            parts = [f"{text_in(o.label, lang)}: {s.distribution.get(o.value, 0)} ({fmt_pct(s.distribution.get(o.value, 0) / s.applicable)})"
                     for o in qv.scale.options]
            mrows.append([P(f"{qv.id} {text_in(qv.q.text, lang)}", st["cell"]), P("; ".join(parts), st["cell"])])
        story.append(_table(mrows, [70 * mm, 108 * mm]))

    # sample context
    story.append(PageBreak())
    story.append(P("The sample", st["h1"]))
    for fid in ("case_type", "gender", "ethnicity", "rosh_level", "principal_offence", "organisation"):
        f = qs.fields.get(fid)
        if f is None:
            continue
        counts = [(text_in(o.label, lang), sum(1 for c in doc.cases if c.details.get(fid) == o.value)) for o in f.options]
        missing = sum(1 for c in doc.cases if c.details.get(fid) in (None, ""))
        if missing:
            counts.append(("Not recorded in the tool", missing))
        story.append(KeepTogether([_share_chart(text_in(f.label, lang), counts, width), Spacer(1, 6)]))

    # offending-related factors
    per = [qv for qv in qs.questions if qv.q.per_option_of]
    if per:
        src = qs.by_id[per[0].q.per_option_of]
        story.append(CondPageBreak(60 * mm))
        story.append(P("Offending-related factors", st["h1"]))
        frows: list[list[Any]] = [[P("Factor (cases where identified)", st["cellb"])]
                                  + [P(text_in(qv.q.text, lang).replace("For each offending-related factor identified: ", ""),
                                       st["cellb"]) for qv in per]]
        prevalence = {o.value: sum(1 for c in doc.cases if o.value in (c.answers.get(src.id) or []))
                      for o in src.scale.options}
        for o in sorted(src.scale.options, key=lambda o: -prevalence[o.value]):
            row = [P(f"{text_in(o.label, lang)} ({prevalence[o.value]})", st["cell"])]
            for qv in per:
                n, above = rep.questions[qv.id].per_option.get(o.value, (0, 0))
                row.append(P(fmt_pct(above / n) if n else "—", st["cell"]))
            frows.append(row)
        story.append(_table(frows, [70 * mm] + [(width - 70 * mm) / len(per)] * len(per)))
        story.append(P("Percentages use the cases where the factor was identified and the question was answered.",
                       st["muted"]))

    # subgroup appendix
    if doc.subgroups:
        story.append(PageBreak())
        story.append(P("Appendix: outcome scores by subgroup", st["h1"]))
        for fid, reports in doc.subgroups.items():
            f = qs.fields.get(fid)
            title = text_in(f.label, lang) if f else fid
            groups = [gid for gid in rep.groups]
            srows: list[list[Any]] = [[P(title, st["cellb"]), P("Cases", st["cellb"])]
                                      + [P(text_in(qs.groups[g].short or qs.groups[g].title, lang), st["cellb"]) for g in groups]]
            for value, r in reports.items():
                label = value
                if f is not None:
                    label = next((text_in(o.label, lang) for o in f.options if o.value == value), value)
                srows.append([P(label, st["cell"]), P(str(r.cases), st["cell"])]
                             + [P(fmt_pct(r.groups[g].value) if g in r.groups else "—", st["cell"]) for g in groups])
            rest = (width - 60 * mm) / max(1, len(groups))
            story.append(_table(srows, [45 * mm, 15 * mm] + [rest] * len(groups)))
            story.append(Spacer(1, 6))

    story.append(CondPageBreak(40 * mm))
    story.append(P("Provenance", st["h1"]))
    for line in doc.provenance or ["Figures computed from this database; no merge of assessor files is recorded."]:
        story.append(P(line, st["small"]))
    if rep.excluded:
        story.append(P(f"{len(rep.excluded)} scoring questions had no applicable case and are left out of every mean: "
                       + ", ".join(rep.excluded), st["small"]))

    buf = io.BytesIO()
    d = _doc(buf, f"Findings: {doc.inspection.name}", f"{qs.title(lang)} findings", "")
    d.build(story, canvasmaker=_canvas_class(f"{doc.inspection.name} · findings"))
    return buf.getvalue()
