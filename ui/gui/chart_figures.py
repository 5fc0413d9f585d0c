"""The dashboard charts' figures: each chart the findings PDF draws or tabulates
(``models.figures``: the same numbers), as a :class:`ChartData` to paint and a
table that says the same (the accessible alternative, and what is exported)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from models.figures import (
    ScoreBar,
    StackedBar,
    multi_category_bars,
    sample_counts,
    score_bars,
    subgroup_bars,
    yes_no_bars,
)
from models.questionset import QuestionSet, text_in
from models.scoring import CaseInput, ScoreReport, fmt_pct
from models.tabulate import is_small
from ui.gui.charts import ChartData, ChartRow, Part
from ui.gui.lead_tables import Cell


@dataclass
class Chart:
    """A chart and its table: ``header`` and ``rows`` (numbers as numbers, a
    percentage as a :class:`Cell`)."""

    data: ChartData
    header: list[str]
    rows: list[list[Any]]


@dataclass
class Figures:
    """What every chart is drawn from: one (sub)sample's scores."""

    qs: QuestionSet
    report: ScoreReport
    cases: Sequence[CaseInput]
    subgroups: dict[str, dict[str, ScoreReport]]  # field -> value -> report
    small_n: int


class ChartBuilder(QObject):
    """The charts on offer for one set of figures, by name, in menu order."""

    def __init__(self, f: Figures) -> None:
        super().__init__()
        self.f = f

    def pct(self, value: float | None, n: int) -> str:
        """A percentage, marked * when it rests on fewer than the threshold (as the PDF marks it)."""
        return fmt_pct(value) + ("*" if value is not None and is_small(n, self.f.small_n) else "")

    def small_words(self, n: int) -> str:
        return self.tr(" (fewer than {0} cases: too few for close comparisons)").format(self.f.small_n) \
            if is_small(n, self.f.small_n) else ""

    def menu(self) -> list[tuple[str, Callable[[], Chart]]]:
        f = self.f
        out: list[tuple[str, Callable[[], Chart]]] = [
            (self.tr("Outcome and section scores"), lambda: self.scores("group", self.tr("Outcome and section scores"))),
            (self.tr("Criterion scores"), lambda: self.scores("criterion", self.tr("Criterion scores")))]
        if f.report.headlines:
            out.append((self.tr("Headline scores"), lambda: self.scores("headline", self.tr("Headline scores"))))
        for _gid, title, bars in yes_no_bars(f.qs, f.report):
            name = self.tr("Above and below the line: {0}").format(title)
            out.append((name, lambda b=bars, n=name: self.stacked(n, b, yes_no=True)))  # type: ignore[misc]
        multi = multi_category_bars(f.qs, f.report)
        if multi:
            out.append((self.tr("Multi-category judgements"),
                        lambda: self.stacked(self.tr("Multi-category judgements (share of the cases giving each answer)"), multi,
                                             shares=True)))
        for fid in f.subgroups:
            label = self.tr("Assessor") if fid == "assessor" else text_in(f.qs.fields[fid].label)
            name = self.tr("Outcome scores by {0}").format(label)
            out.append((name, lambda i=fid, n=name: self.subgroups(i, n)))  # type: ignore[misc]
        for fid in f.qs.data.sample_by:
            fld = f.qs.fields.get(fid)
            if fld is not None and sample_counts(fld, f.cases) is not None:
                name = self.tr("The sample: {0}").format(text_in(fld.label))
                out.append((name, lambda i=fid, n=name: self.sample(i, n)))  # type: ignore[misc]
        return out

    # ------------------------------------------------------------------ scores
    def score_row(self, b: ScoreBar, label: str | None = None) -> ChartRow:
        shown = self.pct(b.value, b.n)
        tip = self.tr("{0}: {1}, resting on {2} cases{3}").format(label or b.label, fmt_pct(b.value), b.n,
                                                                  self.small_words(b.n))
        parts = () if b.value is None else (Part(self.tr("Score"), b.value),)
        return ChartRow(label or b.label, parts, f"{shown}  n={b.n}", tip, b.value is not None and is_small(b.n, self.f.small_n))

    def scores(self, level: str, title: str) -> Chart:
        bars = score_bars(self.f.qs, self.f.report, level)
        rows = [self.score_row(b) for b in bars]
        table = [[b.label, Cell(fmt_pct(b.value), b.value), b.n, is_small(b.n, self.f.small_n)] for b in bars]
        header = [self.tr("Score of"), self.tr("Score"), self.tr("Cases behind it"), self.tr("Small numbers")]
        return Chart(ChartData(title, rows, 1.0, percent=True), header, table)

    # ------------------------------------------------------------------ answers
    def stacked(self, title: str, bars: list[StackedBar], *, yes_no: bool = False, shares: bool = False) -> Chart:
        """One bar per question, a segment per answer: counts (as the PDF's data
        summary draws them) or shares of the question's cases (``shares``)."""
        legend: dict[tuple[bool | None, int], Part] = {}
        rows, table = [], []
        for b in bars:
            parts, tones = [], {True: 0, False: 0, None: 0}
            for s in b.segments:
                parts.append(Part(s.label, s.n / b.of if shares else s.n, s.above_line, tones[s.above_line]))
                tones[s.above_line] += 1
                legend.setdefault((s.above_line, parts[-1].tone), Part(self._side(parts[-1], yes_no), 0, s.above_line,
                                                                       parts[-1].tone))
                table.append([b.question, s.label, s.n, b.of, Cell(fmt_pct(s.n / b.of), s.n / b.of),
                              is_small(b.of, self.f.small_n)])
            words = "; ".join(f"{s.label}: {s.n} ({self.pct(s.n / b.of, b.of)})" for s in b.segments)
            note = " / ".join(str(s.n) for s in b.segments) + f"  n={b.of}" + ("*" if is_small(b.of, self.f.small_n) else "")
            rows.append(ChartRow(f"{b.question} {b.label}", tuple(parts), note,
                                 f"{b.question} {b.label}: {words}; {b.of} cases{self.small_words(b.of)}",
                                 is_small(b.of, self.f.small_n)))
        header = [self.tr("Question"), self.tr("Answer"), self.tr("Cases"), self.tr("Of"), self.tr("Share"),
                  self.tr("Small numbers")]
        order = sorted(legend, key=lambda k: (k[0] is False, k[1]))
        return Chart(ChartData(title, rows, 1.0 if shares else None, [legend[k] for k in order], shares), header, table)

    def _side(self, p: Part, yes_no: bool) -> str:
        """The legend's words for a colour (on a multi-category chart, one colour
        serves the first answer above the line of every scale, and so on)."""
        if yes_no:
            return self.tr("yes: above the line") if p.above_line else self.tr("no: below the line")
        if p.above_line:
            return self.tr("above the line") if p.tone == 0 else self.tr("above the line ({0})").format(p.tone + 1)
        return self.tr("below the line ({0})").format(p.tone + 1)

    # ------------------------------------------------------------------ subgroups and the sample
    def subgroups(self, fid: str, title: str) -> Chart:
        f = self.f
        groups = list(f.report.groups)
        values = subgroup_bars(f.qs, f.subgroups[fid], fid, groups)
        rows: list[ChartRow] = []
        table: list[list[Any]] = []
        for gi, g in enumerate(groups):
            rows.append(ChartRow(text_in(f.qs.groups[g].title), heading=True))
            for label, cases, bars in values:
                b = bars[gi]
                name = self.tr("{0} ({1} cases)").format(label, cases)
                if b is None:
                    rows.append(ChartRow(name, note="—", tip=self.tr("{0}: no score").format(name)))
                    table.append([g, label, cases, Cell("—", None), 0, False])
                    continue
                rows.append(self.score_row(b, name))
                table.append([g, label, cases, Cell(fmt_pct(b.value), b.value), b.n, is_small(b.n, f.small_n)])
        header = [self.tr("Outcome / section"), self.tr("Subgroup"), self.tr("Cases"), self.tr("Score"),
                  self.tr("Cases behind it"), self.tr("Small numbers")]
        return Chart(ChartData(title, rows, 1.0, percent=True), header, table)

    def sample(self, fid: str, title: str) -> Chart:
        f = self.f
        counts = sample_counts(f.qs.fields[fid], f.cases) or []
        total = len(f.cases)
        rows = [ChartRow(label, (Part(label, n),), f"{n}  ({fmt_pct(n / total) if total else 'n/a'})",
                         self.tr("{0}: {1} of {2} cases").format(label, n, total)) for label, n in counts]
        table = [[label, n, Cell(fmt_pct(n / total), n / total) if total else Cell("n/a", None)] for label, n in counts]
        return Chart(ChartData(title, rows), [text_in(f.qs.fields[fid].label), self.tr("Cases"), self.tr("Share")], table)
