"""The published tables of ``scores`` beyond the score levels: answers option
by option (``--by distribution``), the per-factor figures (``--by factor``)
and cross-tabulations (``--by FIELD --split FIELD``).

Every percentage carries its numerator and denominator; one over fewer than
``--small-n`` answers is marked (``*`` in a table, ``small_n`` in JSON and CSV).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.scoring import fmt_pct
from models.tabulate import is_small

if TYPE_CHECKING:
    from ui.ops.scores import InspectionScores

SMALL_MARK = "*"


def shown(value: float | None, n: int, fmt: str, small_n: int) -> Any:
    """A percentage as a table shows it (marked when small) or as JSON/CSV carry it."""
    if fmt == "table":
        return fmt_pct(value) + (SMALL_MARK if value is not None and is_small(n, small_n) else "")
    return fmt_pct(value) if fmt == "csv" else value


def interval(k: int, n: int, fmt: str) -> Any:
    """The Wilson 95% interval of k of n: "49%-94%" in a table or CSV, [low, high] in JSON."""
    from models.tabulate import wilson

    ci = wilson(k, n)
    if ci is None:
        return None if fmt == "json" else ""
    return list(ci) if fmt == "json" else f"{fmt_pct(ci[0])}-{fmt_pct(ci[1])}"


def distribution_rows(res: InspectionScores, fmt: str, small_n: int, intervals: bool = False) -> list[dict[str, Any]]:
    """One row per question and option (the reports' multi-category shares, each its own figure)."""
    from models.questionset import text_in
    from models.tabulate import distribution

    rows: list[dict[str, Any]] = []
    last = ""
    for d in distribution(res.qs, res.report):
        first = d.question != last
        last = d.question
        row: dict[str, Any] = {"question": d.question if first or fmt != "table" else "",
                               "answer": d.label, "value": d.option, "n": d.n, "of": d.of,
                               "share": shown(d.share, d.of, fmt, small_n) if d.of else "",
                               "above_line": "" if d.above_line is None else d.above_line}
        if intervals:
            row["ci95"] = interval(d.n, d.of, fmt)
        if fmt == "table":
            row["wording"] = text_in(res.qs.by_id[d.question].q.text)[:50] if first else ""
            row["above_line"] = {True: "above", False: "", "": ""}[row["above_line"]]
        else:
            row["small_n"] = is_small(d.of, small_n)
        rows.append(row)
    return rows


def factor_rows(res: InspectionScores, fmt: str, small_n: int) -> list[dict[str, Any]]:
    """Per factor: the cases where it was relevant, and per question asked
    for it how many of those were addressed (n, of, %)."""
    from models.tabulate import factor_figures

    rows: list[dict[str, Any]] = []
    for f in factor_figures(res.qs, res.cases, res.report):
        row: dict[str, Any] = {"factor": f.label, "relevant": f.relevant}
        if fmt == "table":
            for qid, addressed, answered in f.addressed:
                row[qid] = f"{addressed}/{answered} {shown(addressed / answered if answered else None, answered, fmt, small_n)}"
        elif fmt == "json":
            row["source"], row["value"] = f.source, f.factor
            row["questions"] = {qid: {"addressed": a, "answered": n, "share": a / n if n else None,
                                      "small_n": is_small(n, small_n)} for qid, a, n in f.addressed}
        else:
            row["source"], row["value"] = f.source, f.factor
            for qid, a, n in f.addressed:
                row.update({f"{qid} addressed": a, f"{qid} answered": n,
                            f"{qid} %": fmt_pct(a / n) if n else "", f"{qid} small_n": is_small(n, small_n)})
        rows.append(row)
    return rows


def cross_rows(res: InspectionScores, row_field: str, col_field: str, measure: str | None, fmt: str,
               small_n: int, where: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One row per value of ``row_field``, a column per value of ``col_field``:
    cases, or the measure's score with its denominator."""
    from ui.ops.scores import cross_tab

    tab = cross_tab(res, row_field, col_field, measure=measure, rule=res.report.rule, where=where)
    rows: list[dict[str, Any]] = []
    for rv, rlabel in tab.rows:
        row: dict[str, Any] = {row_field: rlabel if fmt == "table" else rv}
        for cv, clabel in tab.columns:
            cell = tab.cells[(rv, cv)]
            name = clabel if fmt == "table" else cv
            if measure is None:
                row[name] = cell.cases
            elif fmt == "table":
                row[name] = f"{shown(cell.value, cell.denominator, fmt, small_n)} (n={cell.denominator})"
            elif fmt == "json":
                row[name] = {"cases": cell.cases, "value": cell.value, "denominator": cell.denominator,
                             "small_n": is_small(cell.denominator, small_n)}
            else:
                row.update({f"{cv}": fmt_pct(cell.value) if cell.value is not None else "",
                            f"{cv} n": cell.denominator, f"{cv} small_n": is_small(cell.denominator, small_n)})
        if measure is None:
            row["all"] = sum(tab.cells[(rv, cv)].cases for cv, _ in tab.columns)
        rows.append(row)
    return rows
