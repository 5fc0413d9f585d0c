"""The inspection's findings report: one function per section, in print order."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from exports.pdf.agreement import agreement_appendix, grades_section
from exports.pdf.base import BELOW, P, Styles, canvas_class, new_doc, styles, table, words
from exports.pdf.charts import bar_chart, share_chart
from models.agreement import AgreementReport
from models.figures import multi_category_bars, sample_counts, subgroup_bars, yes_no_bars
from models.i18n import N_, gettext_for
from models.questionset import QuestionSet
from models.scoring import CaseInput, ScoreReport, fmt_pct
from models.tabulate import SMALL_N, cases_behind, factor_figures, is_small
from storage.store import InspectionRow


@dataclass
class FindingsDoc:
    """Everything a findings report prints (plain data, gathered by the caller)."""

    qs: QuestionSet
    inspection: InspectionRow
    report: ScoreReport
    cases: list[CaseInput]
    subgroups: dict[str, dict[str, ScoreReport]]  # field -> value -> report
    splits: dict[str, ScoreReport] = field(default_factory=dict)
    provenance: list[str] = field(default_factory=list)
    conflicts_unresolved: int = 0
    lang: str = "en"
    # the case details charted under "The sample", in order (ids the set does not have are left out)
    sample_fields: list[str] = field(default_factory=list)
    grades: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, title, grade's words, note
    agreement: AgreementReport | None = None  # QA second reads (an appendix)


Section = Callable[[FindingsDoc, Styles, float], list[Flowable]]
SMALL_NOTE = N_("A percentage marked * rests on fewer than {0} cases: too few for close comparisons "
                 "(the reports warn against them).")  # translated where printed


def _pct(value: float | None, n: int) -> str:
    """A percentage, marked * when it rests on few cases (models.tabulate.SMALL_N)."""
    return fmt_pct(value) + ("*" if value is not None and is_small(n) else "")


def _g(rep: ScoreReport, qs: QuestionSet, key: str, value: float | None) -> str:
    return _pct(value, cases_behind(qs, rep, key))


def _head(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    qs, rep, lang = doc.qs, doc.report, doc.lang
    _ = gettext_for(lang)
    rule = _("mean over each outcome's scoring questions") if rep.rule == "questions" else _("mean of criterion scores")
    story: list[Flowable] = [
        P(_("Findings: {0}").format(doc.inspection.name), st["title"]),
        P(_("{0} (version {1})  ·  {2} cases  ·  outcome rule: {3}").format(words(qs.data.title, lang), qs.version,
                                                                          rep.cases, rule), st["muted"]),
    ]
    if doc.conflicts_unresolved:
        story.append(P("⚠ " + _("{0} merge conflicts are unresolved: these figures may change.").format(
            doc.conflicts_unresolved), ParagraphStyle("warn", parent=st["base"], textColor=BELOW)))
    story += [P(_(SMALL_NOTE).format(SMALL_N), st["muted"]), Spacer(1, 4)]
    return story


def _outcomes(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Outcome and section scores, with a column per split (e.g. NPS / CRC)."""
    qs, rep, lang = doc.qs, doc.report, doc.lang
    _ = gettext_for(lang)
    banded = bool(qs.data.bands)
    split_keys = list(doc.splits)
    heads = [_("Outcome / section"), _("Score")] + ([_("Band")] if banded else []) + [_("Mean of"), _("Other rule")]
    heads += [k.split("=", 1)[1].upper() for k in split_keys]
    rows: list[list[Any]] = [[P(h, st["cellb"]) for h in heads]]
    for gid, g in rep.groups.items():
        other = rep.groups_other_rule.get(gid)
        row = [P(words(qs.groups[gid].title, lang), st["cell"]), P(_g(rep, qs, gid, g.value), st["cellb"])]
        if banded:
            row.append(P(g.band or "", st["cell"]))
        row += [P((_("{0} questions") if g.rule == "questions" else _("{0} criteria")).format(g.parts), st["cell"]),
                P(_g(rep, qs, gid, other.value) if other else "", st["cell"])]
        for k in split_keys:
            sg = doc.splits[k].groups.get(gid)
            row.append(P(_g(doc.splits[k], qs, gid, sg.value if sg else None), st["cell"]))
        rows.append(row)
    fixed = [64 * mm, 16 * mm] + ([26 * mm] if banded else []) + [24 * mm, 18 * mm]
    rest = width - sum(fixed)
    widths = fixed + ([rest / len(split_keys)] * len(split_keys) if split_keys else [])
    if not split_keys:
        widths[0] += rest
    return [P(_("The proportion of work judged to have been done well enough"), st["h1"]), table(rows, widths)]


def _headlines(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    qs, rep, lang = doc.qs, doc.report, doc.lang
    if not rep.headlines:
        return []
    _ = gettext_for(lang)
    hrows: list[list[Any]] = [[P(h, st["cellb"]) for h in (_("Headline"), _("Score"), _("Band"), _("Mean of"))]]
    for hid, h in rep.headlines.items():
        hrows.append([P(words(qs.groups[hid].title, lang), st["cell"]), P(_g(rep, qs, hid, h.value), st["cellb"]),
                      P(h.band or "", st["cell"]), P(_("{0} questions").format(h.parts), st["cell"])])
    return [P(_("Headline scores"), st["h2"]), table(hrows, [80 * mm, 20 * mm, 30 * mm, 30 * mm])]


def _criteria(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    qs, rep, lang = doc.qs, doc.report, doc.lang
    banded = bool(qs.data.bands)
    _ = gettext_for(lang)
    heads = (_("Criterion"), _("Score")) + ((_("Band"),) if banded else ()) + (_("Mean of"),
                                                                                _("Not applicable to any case"))
    crows: list[list[Any]] = [[P(h, st["cellb"]) for h in heads]]
    for code, c in rep.criteria.items():
        crows.append([P(f"{code} {words(qs.criteria[code].title, lang)}", st["cell"]),
                      P(_g(rep, qs, code, c.value), st["cell"])]
                     + ([P(c.band or "", st["cell"])] if banded else [])
                     + [P(_("{0} questions").format(c.parts), st["cell"]), P(str(len(c.excluded)), st["cell"])])
    widths = ([88 * mm, 16 * mm, 24 * mm] if banded else [112 * mm, 16 * mm]) + [25 * mm, 25 * mm]
    return [P(_("Criterion scores"), st["h2"]), table(crows, widths)]


def _data_summary(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Yes/no bar charts per outcome, 40 questions to a chart."""
    qs, rep, lang = doc.qs, doc.report, doc.lang
    _ = gettext_for(lang)
    story: list[Flowable] = [
        PageBreak(),
        P(_("Data summary"), st["h1"]),
        P(_("For each scoring question: the number of cases judged above the line (yes) and below it (no). "
            "N/A and unanswered are left out, so totals vary."), st["muted"]),
    ]
    for _gid, title, bars in yes_no_bars(qs, rep, lang, words):
        items = [(f"{b.question.split('-', 1)[-1]} {b.label}", b.segments[0].n, b.segments[1].n) for b in bars]
        for start in range(0, len(items), 40):
            head = P(title + (_(" (continued)") if start else ""), st["h2"])
            story.append(KeepTogether([head, bar_chart(items[start:start + 40], width, lang)]))
    return story


def _multi_category(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """How the cases spread over judgements with more than two options."""
    multi = multi_category_bars(doc.qs, doc.report, doc.lang, words)
    if not multi:
        return []
    _ = gettext_for(doc.lang)
    mrows: list[list[Any]] = [[P(_("Question"), st["cellb"]), P(_("Distribution (share of applicable cases)"),
                                                                 st["cellb"])]]
    for b in multi:
        parts = [f"{seg.label}: {seg.n} ({_pct(seg.n / b.of, b.of)})" for seg in b.segments]
        mrows.append([P(f"{b.question} {b.label}", st["cell"]), P("; ".join(parts), st["cell"])])
    return [P(_("Multi-category judgements"), st["h2"]), table(mrows, [70 * mm, 108 * mm])]


def _sample(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """A count chart for each of ``doc.sample_fields`` (nothing if none)."""
    charts: list[Flowable] = []
    for fid in doc.sample_fields:
        f = doc.qs.fields.get(fid)
        counts = sample_counts(f, doc.cases, doc.lang, words) if f is not None else None
        if f is not None and counts is not None:
            charts.append(KeepTogether([share_chart(words(f.label, doc.lang), counts, width), Spacer(1, 6)]))
    return [PageBreak(), P(gettext_for(doc.lang)(N_("The sample")), st["h1"]), *charts] if charts else []


def _factors(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Per-factor questions (e.g. offending-related factors): the score for
    each factor, most often identified first."""
    qs, rep, lang = doc.qs, doc.report, doc.lang
    per = [qv for qv in qs.questions if qv.q.per_option_of]
    if not per:
        return []
    figures = factor_figures(qs, doc.cases, rep, lang)
    figures = [f for f in figures if f.source == figures[0].source]
    per = [qs.by_id[q] for q, _a, _n in figures[0].addressed]
    _ = gettext_for(lang)
    frows: list[list[Any]] = [[P(_("Factor (cases where identified)"), st["cellb"])]
                              + [P(words(qv.q.text, lang).replace("For each offending-related factor identified: ", ""),
                                   st["cellb"]) for qv in per]]
    for f in figures:
        frows.append([P(f"{f.label} ({f.relevant})", st["cell"])]
                     + [P("—" if not n else _pct(a / n, n), st["cell"]) for _q, a, n in f.addressed])
    return [
        CondPageBreak(60 * mm),
        P(_("Offending-related factors"), st["h1"]),
        table(frows, [70 * mm] + [(width - 70 * mm) / len(per)] * len(per)),
        P(_("Percentages use the cases where the factor was identified and the question was answered."), st["muted"]),
    ]


def _subgroups(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    """Appendix: a table of outcome scores per subgroup field."""
    qs, lang = doc.qs, doc.lang
    if not doc.subgroups:
        return []
    _ = gettext_for(lang)
    story: list[Flowable] = [PageBreak(), P(_("Appendix: outcome scores by subgroup"), st["h1"])]
    groups = list(doc.report.groups)
    for fid, reports in doc.subgroups.items():
        if not reports:
            continue  # a free-text detail (e.g. the LDU) with no value recorded
        f = qs.fields.get(fid)
        title = words(f.label, lang) if f else fid
        srows: list[list[Any]] = [[P(title, st["cellb"]), P(_("Cases"), st["cellb"])]
                                  + [P(words(qs.groups[g].short or qs.groups[g].title, lang), st["cellb"]) for g in groups]]
        for label, cases, bars in subgroup_bars(qs, reports, fid, groups, lang, words):
            srows.append([P(label, st["cell"]), P(str(cases), st["cell"])]
                         + [P("—" if b is None else _pct(b.value, b.n), st["cell"]) for b in bars])
        rest = (width - 60 * mm) / max(1, len(groups))
        story += [table(srows, [45 * mm, 15 * mm] + [rest] * len(groups)), Spacer(1, 6)]
    return story


def _provenance(doc: FindingsDoc, st: Styles, width: float) -> list[Flowable]:
    rep, _ = doc.report, gettext_for(doc.lang)
    story: list[Flowable] = [CondPageBreak(40 * mm), P(_("Provenance"), st["h1"])]
    for line in doc.provenance or [_("Figures computed from this database; no merge of assessor files is recorded.")]:
        story.append(P(line, st["small"]))
    if rep.excluded:
        story.append(P(_("{0} scoring questions had no applicable case and are left out of every mean: {1}").format(
            len(rep.excluded), ", ".join(rep.excluded)), st["small"]))
    return story


SECTIONS: tuple[Section, ...] = (_head, _outcomes, _headlines, _criteria, grades_section, _data_summary,
                                 _multi_category, _sample, _factors, _subgroups, agreement_appendix, _provenance)


def findings_pdf(doc: FindingsDoc, langs: Sequence[str] | None = None) -> bytes:
    """The findings report; given ``langs`` (e.g. ``("cy", "en")``), printed
    once in each language, one after the other, each starting on a new page."""
    langs = tuple(langs or (doc.lang,))
    st = styles()
    width = A4[0] - 32 * mm
    story: list[Flowable] = []
    for i, lang in enumerate(langs):
        one = replace(doc, lang=lang)
        story += ([PageBreak()] if i else []) + [f for section in SECTIONS for f in section(one, st, width)]
    buf = io.BytesIO()
    joined = " / ".join(gettext_for(lang)(N_("findings")) for lang in langs)
    d = new_doc(buf, " / ".join(gettext_for(lang)(N_("Findings")) for lang in langs))
    d.build(story, canvasmaker=canvas_class(f"{doc.inspection.name} · {joined}", langs))
    return buf.getvalue()
