"""Case summaries: one case's details, scores and answers in journey order, on
its own or many to a file behind a cover index."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from exports.pdf.base import (
    ABOVE,
    BELOW,
    HEAD_BG,
    PRACTICE_BG,
    STEM_BG,
    Cancelled,
    Outline,
    P,
    Styles,
    canvas_class,
    new_doc,
    styles,
    table,
    words,
)
from exports.pdf.queries import queries_story
from models.conditions import applicability_fast
from models.i18n import N_, gettext_for
from models.questionset import STAGE_TITLES, QuestionSet, Scale
from models.scoring import CaseInput, case_scores, fmt_pct
from storage.queries import Query
from storage.store import AnswerRow, AssessmentRow, CaseRow, InspectionRow


@dataclass
class CaseDoc:
    """Everything a case summary prints (plain data, gathered by the caller)."""

    qs: QuestionSet
    inspection: InspectionRow
    case: CaseRow
    assessment: AssessmentRow | None
    answers: dict[str, AnswerRow]
    status: str = ""  # "complete", "in progress" or "not started" (English: translated where printed)
    lang: str = "en"
    extra_status: list[str] = field(default_factory=list)  # translated by the caller
    open_conflicts: int = 0  # merged with this many unresolved conflicts
    queries: list[Query] = field(default_factory=list)  # the case's queries and their state

    def __post_init__(self) -> None:
        self._ = gettext_for(self.lang)


# the words of a case's status, marked for extraction (translated where printed)
STATUS_WORDS = (N_("complete"), N_("in progress"), N_("not started"))


def _option_label(scale: Scale, value: str, lang: str) -> str:
    o = scale.option(value)
    return words(o.label, lang) if o else str(value)


def _value_label(qs: QuestionSet, qid: str, value: Any, lang: str) -> tuple[str, bool | None]:
    """(label, above the line?) for a stored answer."""
    qv = qs.by_id[qid]
    na = gettext_for(lang)(N_("N/A"))
    if value is None:
        return "", None
    if value == "na":
        return na, None
    if qv.q.per_option_of:
        src = qs.by_id[qv.q.per_option_of].scale
        parts = []
        for k, v in value.items():
            ans = na if v == "na" else _option_label(qv.scale, v, lang)
            parts.append(f"{_option_label(src, k, lang)}: {ans}")
        return "; ".join(parts), None
    if isinstance(value, list):
        return ", ".join(_option_label(qv.scale, v, lang) for v in value), None
    label = _option_label(qv.scale, value, lang)
    if not qv.q.scored:
        return label, None
    return label, value in qv.scale.above_values


def _details_rows(qs: QuestionSet, details: dict[str, Any], lang: str, st: Styles) -> list[list[Any]]:
    _ = gettext_for(lang)
    rows = []
    for f in qs.data.case_fields:
        v = details.get(f.id)
        if v is None or v == [] or v == "":
            continue
        if f.kind in ("choice", "multi"):
            vals = v if isinstance(v, list) else [v]
            shown = ", ".join(
                words(next((o.label for o in f.options if o.value == x), {"en": x, lang: x}), lang) for x in vals
            )
        elif f.kind == "bool":
            shown = _("Yes") if v else _("No")
        else:
            shown = str(v)
        rows.append([P(words(f.label, lang), st["cell"]), P(shown, st["cell"])])
    return rows


def _status(doc: CaseDoc) -> str:
    a = doc.assessment
    return doc._(doc.status or (a.status.replace("_", " ") if a else "not started"))


class _CaseStart(Outline):
    """The case's bookmark, noting the page it lands on (for the batch's index)."""

    def __init__(self, key: str, title: str, pages: dict[str, int] | None) -> None:
        super().__init__(key, title)
        self.pages = pages

    def draw(self) -> None:
        super().draw()
        if self.pages is not None:
            self.pages[self.key] = self.canv.getPageNumber()


def _case_head(doc: CaseDoc, st: Styles, pages: dict[str, int] | None = None) -> list[Flowable]:
    """Title, then a table of who, when and the case's details."""
    qs, a, _ = doc.qs, doc.assessment, doc._
    last = max((x.updated_at for x in doc.answers.values()), default="")
    extra = list(doc.extra_status)
    if doc.open_conflicts:
        extra.append(_("merged with {0} unresolved conflicts").format(doc.open_conflicts))
    head = [
        [_("Inspection"), doc.inspection.name + (f" ({doc.inspection.area})" if doc.inspection.area else "")],
        [_("Question set"), _("{0} version {1}").format(qs.id, qs.version)],
        [_("Assessor"), a.assessor if a else "—"],
        [_("Status"), _status(doc) + ("; " + "; ".join(extra) if extra else "")],
        [_("Started"), (a.created_at[:16].replace("T", " ") if a else "—")],
        [_("Last change"), last[:16].replace("T", " ") or "—"],
    ]
    if a and a.completed_at:
        head.append([_("Completed"), a.completed_at[:16].replace("T", " ")])
    rows = [[P(k, st["cellb"]), P(v, st["cell"])] for k, v in head]
    rows += _details_rows(qs, doc.case.details, doc.lang, st)
    return [
        _CaseStart(f"case-{doc.case.id}-{doc.lang}", _("Case {0}").format(doc.case.reference), pages),
        P(_("Case summary: {0}").format(doc.case.reference), st["title"]),
        P(_("{0}  ·  {1} (version {2})").format(doc.inspection.name, words(qs.data.title, doc.lang), qs.version),
          st["muted"]),
        Spacer(1, 4),
        table(rows, [42 * mm, 136 * mm], header=False, extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]),
    ]


def _case_scores(doc: CaseDoc, st: Styles, values: dict[str, Any]) -> list[Flowable]:
    """This case's outcome, criterion and headline scores."""
    qs, lang, _ = doc.qs, doc.lang, doc._
    sc = case_scores(qs, CaseInput(doc.case.id, doc.case.reference, doc.case.details, values))
    srows: list[list[Any]] = [[P(_("Outcome / section"), st["cellb"]), P(_("Score"), st["cellb"]),
                              P(_("Criterion scores"), st["cellb"])]]
    for gid, g in qs.groups.items():
        if g.kind == "headline":
            continue
        crits = [c for c in qs.criteria_in_order() if c.group == gid and c.code in sc["criteria"]]
        crit_text = ", ".join(f"{c.code}: {fmt_pct(sc['criteria'][c.code])}" for c in crits)
        if gid not in sc["groups"] and not crit_text:
            continue
        srows.append([P(words(g.title, lang), st["cell"]), P(fmt_pct(sc["groups"].get(gid)), st["cell"]),
                      P(crit_text, st["cell"])])
    for hid, v in sc["headlines"].items():
        srows.append([P(_("Headline: {0}").format(words(qs.groups[hid].title, lang)), st["cell"]), P(fmt_pct(v), st["cell"]),
                      P("", st["cell"])])
    return [
        P(_("Scores for this case"), st["h1"]),
        table(srows, [70 * mm, 18 * mm, 90 * mm]),
        Spacer(1, 3),
        P(_("{0} judgements fell below the line. Scores are the proportion of this case's applicable, answered "
            "scoring questions judged above the line.").format(len(sc["below_line"])), st["muted"]),
    ]


class _AnswerTables:
    """The answers section as it is built: one table per criterion, practice
    illustrations highlighted and the ✓/✗ marks coloured."""

    WIDTHS = [70 * mm, 38 * mm, 9 * mm, 61 * mm]

    def __init__(self, story: list[Flowable], cell_style: ParagraphStyle, stem_style: ParagraphStyle,
                 lang: str) -> None:
        self.story, self.cell_style, self.stem_style = story, cell_style, stem_style
        self._ = gettext_for(lang)
        self.rows: list[list[Any]] = []
        self.practice_rows: list[int] = []
        self.marks: list[tuple[int, bool]] = []
        self.stem_rows: list[int] = []

    def flush(self) -> None:
        """End the current table (if it has rows)."""
        if self.rows:
            extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, r), (-1, r), PRACTICE_BG) for r in self.practice_rows]
            extra.append(("ALIGN", (2, 1), (2, -1), "CENTER"))
            extra += [("TEXTCOLOR", (2, r), (2, r), ABOVE if ok else BELOW) for r, ok in self.marks]
            extra += [("FONT", (2, 1), (2, -1), "DejaVu-Bold", 8.2)]
            for r in self.stem_rows:  # a group's stem spans the row above its items
                extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), STEM_BG)]
            head = [self._("Question"), self._("Judgement"), "", self._("Note")]
            self.story.append(table([head] + self.rows, self.WIDTHS, extra=extra))
        self.rows = []
        self.practice_rows = []
        self.marks = []
        self.stem_rows = []

    def _cell(self, text: str, col: int) -> Any:
        """Plain text where it fits on one line (much faster), else a wrapping paragraph."""
        if "\n" not in text and pdfmetrics.stringWidth(text, "DejaVu", 8.2) < self.WIDTHS[col] - 8:
            return text
        return P(text, self.cell_style)

    def add_stem(self, stem: str) -> None:
        """The stem of the questions that follow (a field-list group), once above them."""
        self.stem_rows.append(len(self.rows) + 1)
        self.rows.append([P(stem, self.stem_style), "", "", ""])

    def add(self, question: str, label: str, above: bool | None, note: str, practice: bool) -> None:
        if practice:
            note = ("★ " + self._("Practice illustration.") + " " + note).strip()
            self.practice_rows.append(len(self.rows) + 1)
        if above is not None:
            self.marks.append((len(self.rows) + 1, above))
        mark = "" if above is None else ("✓" if above else "✗")
        self.rows.append([self._cell(question, 0), self._cell(label, 1), mark, self._cell(note, 3)])


@dataclass
class _NotShown:
    inapplicable: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # answered, but the question no longer applies
    unanswered: list[str] = field(default_factory=list)


def _case_answers(doc: CaseDoc, st: Styles, values: dict[str, Any], story: list[Flowable]) -> _NotShown:
    """Append the applicable questions and their answers, by stage and
    criterion; return what was left out."""
    qs, lang, _ = doc.qs, doc.lang, doc._
    app = applicability_fast(qs, doc.case.details, values)
    story.append(P(_("Answers, in the order of the offender's journey"), st["h1"]))
    out = _NotShown()
    tables = _AnswerTables(story, st["cell"], st["stem"], lang)
    stage = crit = stem = None
    for qv in qs.questions:
        ans = doc.answers.get(qv.id)
        if app[qv.id] is not True:
            out.inapplicable.append(qv.id)
            if ans is not None and ans.value is not None:
                out.kept.append(qv.id)
            continue
        if qv.stage != stage:
            tables.flush()
            stage = qv.stage
            story += [CondPageBreak(30 * mm), P(_(STAGE_TITLES[stage]), st["h1"])]
            crit = None
        if qv.criterion.code != crit:
            tables.flush()
            crit, stem = qv.criterion.code, None
            g = qs.groups[qv.criterion.group]
            story += [CondPageBreak(35 * mm),
                      P(f"{crit} {words(qv.criterion.title, lang)}  ({words(g.short or g.title, lang)})", st["h2"])]
        if qv.q.stem != stem:
            stem = qv.q.stem
            if stem:
                tables.add_stem(words(qs.stems[stem].text, lang) if stem in qs.stems else "")
        label, above = _value_label(qs, qv.id, ans.value if ans else None, lang)
        if not label:
            out.unanswered.append(qv.id)
            label = _("— not answered —")
        qtext = f"{qv.id.split('-', 1)[-1]}  {words(qv.q.text, lang)}" + ("" if qv.q.scored else _(" (data item)"))
        tables.add(qtext, label, above, ans.note if ans else "", bool(ans and ans.practice))
    tables.flush()
    return out


def _not_shown(st: Styles, out: _NotShown, lang: str) -> list[Flowable]:
    _ = gettext_for(lang)
    story: list[Flowable] = [CondPageBreak(25 * mm), P(_("Not shown"), st["h1"])]
    if out.unanswered:
        story.append(P(_("Applicable but not yet answered ({0}): {1}").format(len(out.unanswered),
                                                                             ", ".join(out.unanswered)), st["small"]))
    story.append(P(_("Did not apply to this case ({0}): {1}").format(len(out.inapplicable),
                                                                    ", ".join(out.inapplicable) or _("none")),
                   st["small"]))
    if out.kept:
        story.append(P(_("Answers kept but not scored, because the question no longer applies: {0}").format(
            ", ".join(out.kept)), st["small"]))
    story.append(Spacer(1, 6))
    story.append(P(_("✓ above the line  ·  ✗ below the line  ·  highlighted rows are practice illustrations"),
                   st["muted"]))
    return story


def case_story(doc: CaseDoc, st: Styles, pages: dict[str, int] | None = None) -> list[Flowable]:
    """One case summary as flowables (also used for each case of a batch, which
    passes ``pages`` to learn the page each case starts on)."""
    values = {qid: a.value for qid, a in doc.answers.items() if a.value is not None}
    story = _case_head(doc, st, pages) + _case_scores(doc, st, values)
    left_out = _case_answers(doc, st, values, story)
    return story + queries_story(doc.queries, st, doc.lang) + _not_shown(st, left_out, doc.lang)


def in_languages(doc: CaseDoc, langs: Sequence[str]) -> list[CaseDoc]:
    """The same case summary in each of ``langs``, in that order."""
    return [replace(doc, lang=lang) for lang in langs]


def _joined(langs: Sequence[str], message: str, *args: object) -> str:
    """``message`` in each language, joined with " / " (a bilingual document's title and page label)."""
    return " / ".join(gettext_for(lang)(message).format(*args) for lang in langs)


def case_summary_pdf(doc: CaseDoc, langs: Sequence[str] | None = None) -> bytes:
    """One case's summary; given ``langs`` (e.g. ``("cy", "en")``), printed
    once in each language, one after the other, each starting on a new page."""
    langs = tuple(langs or (doc.lang,))
    st = styles()
    buf = io.BytesIO()
    story: list[Flowable] = []
    for i, d in enumerate(in_languages(doc, langs)):
        story += ([PageBreak()] if i else []) + case_story(d, st)
    case_words = _joined(langs, "case {0}", doc.case.reference)
    label = f"{doc.inspection.name} · {case_words}"
    d = new_doc(buf, _joined(langs, "Case summary"))
    d.build(story, canvasmaker=canvas_class(label, langs))
    return buf.getvalue()


class _StartPage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A cell of the cover index: the page a case starts on.  The index is laid
    out before the cases, so the number is written onto the page when the
    document is saved, as "Page x of y" is (see ``canvas_class``)."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 10.2  # a cell paragraph's leading

    def draw(self) -> None:
        self.canv.draw_later(0, 2.4, lambda: str(self.pages.get(self.key, "")))


def _index(docs: Sequence[CaseDoc], st: Styles, pages: dict[str, int], lang: str) -> Flowable:
    """The cover index: each case, linked to its first page, with that page's number."""
    _ = gettext_for(lang)
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Case"), _("Assessor"), _("Status"), _("Answered"),
                                                           _("Page"))]]
    for d in docs:
        key = f"case-{d.case.id}-{d.lang}"
        link = Paragraph(f'<a href="#{key}" color="#1d4f91">{escape(d.case.reference)}</a>', st["cell"])
        rows.append([link, P(d.assessment.assessor if d.assessment else "—", st["cell"]), P(_status(d), st["cell"]),
                     P(str(sum(1 for a in d.answers.values() if a.value is not None)), st["cell"]),
                     _StartPage(key, pages)])
    return table(rows, [40 * mm, 56 * mm, 44 * mm, 22 * mm, 16 * mm])


def batch_pdf(docs: Sequence[CaseDoc], inspection: InspectionRow,
              progress: Callable[[int, int], bool] | None = None, langs: Sequence[str] | None = None) -> bytes:
    """All cases in one PDF, behind a cover index that gives each case's first
    page (and links to it).  Given ``langs``, each case is printed in each
    language in turn and the cover is in the first.  ``progress(done, total)``
    returning False cancels (raises Cancelled)."""
    langs = tuple(langs or (docs[0].lang if docs else "en",))
    _ = gettext_for(langs[0])
    st = styles()
    pages: dict[str, int] = {}
    firsts = [in_languages(d, langs[:1])[0] for d in docs]
    story: list[Flowable] = [
        P(_("Case summaries: {0}").format(inspection.name), st["title"]),
        P(_("{0} cases").format(len(docs)), st["muted"]),
        Spacer(1, 6),
        _index(firsts, st, pages, langs[0]),
        P(_("Each case starts on a new page; the PDF's bookmarks list them, and each reference above links to it."),
          st["muted"]),
    ]
    for i, d in enumerate(docs):
        if progress is not None and not progress(i, len(docs)):
            raise Cancelled()
        for version in in_languages(d, langs):
            story.append(PageBreak())
            story.extend(case_story(version, st, pages))
    buf = io.BytesIO()
    doc = new_doc(buf, _joined(langs, "Case summaries"))
    what = _joined(langs, "case summaries")
    doc.build(story, canvasmaker=canvas_class(f"{inspection.name} · {what}", langs))
    if progress is not None and not progress(len(docs), len(docs)):
        raise Cancelled()
    return buf.getvalue()
