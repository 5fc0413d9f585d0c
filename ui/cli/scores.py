"""``scores``: every figure with its numerator and denominator."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import emit

if TYPE_CHECKING:
    from models.questionset import QuestionSet
    from models.scoring import ScoreReport
    from ui.ops.scores import InspectionScores
    from ui.ops.workspace import Workspace

LEVELS = ["question", "criterion", "outcome", "section", "headline", "case"]
TABLES = ["distribution", "factor"]


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    from models.tabulate import SMALL_N

    s = sub.add_parser("scores", parents=[db], help="scores with their numerators and denominators")
    s.add_argument("--inspection", required=True)
    s.add_argument("--by", default="outcome", metavar="LEVEL|TABLE|FIELD",
                   help=f"a level ({', '.join(LEVELS)}), a table (distribution: answers option by option; factor: "
                        "the per-factor figures), or a case detail or 'assessor' to cross-tabulate with --split")
    s.add_argument("--split", metavar="FIELD",
                   help="a column per value of this case detail (or 'assessor'); default: the set's split_by")
    s.add_argument("--of", metavar="ID", help="with --by FIELD --split FIELD: the score of this question, criterion, "
                                              "outcome, section or headline in each cell (default: case counts)")
    s.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE")
    s.add_argument("--rule", choices=["questions", "criteria"])
    s.add_argument("--small-n", type=int, default=SMALL_N, metavar="N",
                   help=f"mark percentages over fewer than N answers (default {SMALL_N})")
    s.add_argument("--intervals", action="store_true",
                   help="add the Wilson 95%% interval of each question's score (--by question, distribution)")
    s.add_argument("--approved-only", action="store_true", help="only the cases the lead inspector has approved")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=scores)


def parse_where(items: list[str]) -> dict[str, list[str]]:
    from ui.ops.errors import OpError

    where: dict[str, list[str]] = {}
    for item in items:
        if "=" not in item:
            raise OpError(f"--where expects FIELD=VALUE, not {item!r}")
        k, v = item.split("=", 1)
        where.setdefault(k.strip(), []).append(v.strip())
    return where


def _value(qs: QuestionSet, rep: ScoreReport, level: str, key: str) -> tuple[float | None, int]:
    """One figure of a (split) report and the cases behind it: a question's proportion or a score's value."""
    from models.tabulate import cases_behind

    if level == "question":
        return rep.questions[key].proportion, cases_behind(qs, rep, key)
    scores = {"criterion": rep.criteria, "group": rep.groups, "headline": rep.headlines}[level]
    return (scores[key].value, cases_behind(qs, rep, key)) if key in scores else (None, 0)


class _Rows:
    """Builds the rows for one ``--by`` level, with a column per split."""

    def __init__(self, res: InspectionScores, fmt: str, small_n: int, intervals: bool = False) -> None:
        from models.questionset import text_in
        from models.scoring import fmt_pct

        self.res, self.fmt, self.text, self.small_n, self.intervals = res, fmt, text_in, small_n, intervals
        self.rows: list[dict[str, Any]] = []
        self.pct = fmt_pct

    def show(self, value: float | None, n: int) -> Any:
        from ui.cli.score_tables import shown

        return shown(value, n, "csv" if self.fmt == "json" else self.fmt, self.small_n)

    def behind(self, key: str) -> int:
        from models.tabulate import cases_behind

        return cases_behind(self.res.qs, self.res.report, key)

    def add(self, row: dict[str, Any], level: str, key: str, n: int) -> None:
        from models.tabulate import is_small

        if self.fmt != "table":
            row["small_n"] = is_small(n, self.small_n)
        for name, srep in self.res.splits.items():
            row[name] = self.show(*_value(self.res.qs, srep, level, key))
        self.rows.append(row)

    def questions(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for qv in qs.questions:
            s = rep.questions[qv.id]
            wording = self.text(qv.q.text)
            row = {"question": qv.id, "criterion": qv.criterion.code, "scored": qv.q.scored, "above": s.above,
                   "applicable": s.applicable, "score": self.show(s.proportion, self.behind(qv.id)) if qv.q.scored else "",
                   "na": s.na,
                   "unanswered": s.unanswered, "distribution": dict(sorted(s.distribution.items())),
                   "wording": wording[:60] if self.fmt == "table" else wording}
            if self.intervals:
                from ui.cli.score_tables import interval

                items = list(row.items())  # the interval beside the score
                ci = interval(s.above, s.applicable, self.fmt) if qv.q.scored else ""
                row = dict(items[:6] + [("ci95", ci)] + items[6:])
            if self.fmt == "json":
                row["proportion"] = s.proportion
            self.add(row, "question", qv.id, self.behind(qv.id))

    def criteria(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for code, g in rep.criteria.items():
            row: dict[str, Any] = {"criterion": code, "title": self.text(qs.criteria[code].title),
                                   "score": self.show(g.value, self.behind(g.id)), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator, "excluded": len(g.excluded)}
            if self.fmt == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            self.add(row, "criterion", code, self.behind(code))

    def groups(self, outcomes_only: bool) -> None:
        qs, rep = self.res.qs, self.res.report
        for gid, g in rep.groups.items():
            if outcomes_only and g.level not in ("outcome", "section"):
                continue
            other = rep.groups_other_rule.get(gid)
            row: dict[str, Any] = {"group": gid, "title": self.text(qs.groups[gid].title), "rule": g.rule,
                                   "score": self.show(g.value, self.behind(g.id)), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator,
                                   f"score_by_{other.rule}" if other else "other": self.pct(other.value) if other else ""}
            if self.fmt == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            self.add(row, "group", gid, self.behind(gid))

    def headlines(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for hid, g in rep.headlines.items():
            row: dict[str, Any] = {"headline": hid, "title": self.text(qs.groups[hid].title),
                                   "score": self.show(g.value, self.behind(g.id)), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator}
            if self.fmt == "json":
                row["value"] = g.value
            self.add(row, "headline", hid, self.behind(hid))

    def cases(self, rule: Any, where: dict[str, list[str]]) -> None:
        from ui.ops.scores import case_rows

        for c in case_rows(self.res, rule=rule, where=where):
            row: dict[str, Any] = {"case": c.reference, "assessor": c.assessor, "above": c.above,
                                   "applicable": c.applicable}
            row.update({gid: self.pct(v) for gid, v in c.groups.items()})
            if self.fmt == "json":
                row["values"] = c.groups
            self.rows.append(row)


def _footer(res: InspectionScores, by: str, small_n: int, marked: bool, out: TextIO) -> None:
    from models.tabulate import SMALL_N

    rep = res.report
    if res.open_conflicts:
        out.write(f"\n⚠ {res.open_conflicts} merge conflicts are unresolved: these scores may change.\n")
    if rep.excluded and by in LEVELS:
        out.write(f"\n{len(rep.excluded)} scoring questions had no applicable case and are left out of the means.\n")
    if by in ("outcome", "section"):
        rule = "mean over the group's scoring questions" if rep.rule == "questions" else "mean of criterion scores"
        out.write(f"Rule: {rule}. Percentages rounded half-up for display only.\n")
    default = " (the default)" if small_n == SMALL_N else ""
    if marked:
        out.write(f"* fewer than {small_n} cases behind the percentage{default}: too few for close comparisons.\n")


def _rows(args: argparse.Namespace, res: InspectionScores, where: dict[str, list[str]]) -> list[dict[str, Any]] | None:
    """The rows ``--by`` asks for; None when there is nothing of that kind."""
    from ui.cli import score_tables as t

    fmt, small = args.format, args.small_n
    if args.by == "distribution":
        return t.distribution_rows(res, fmt, small, args.intervals)
    if args.by == "factor":
        return t.factor_rows(res, fmt, small) or None
    if args.by not in LEVELS:
        if not args.split:
            from ui.ops.errors import OpError

            raise OpError(f"--by {args.by}: give a level ({', '.join(LEVELS)}), distribution, factor, or a case "
                          "detail with --split FIELD to cross-tabulate")
        return t.cross_rows(res, args.by, args.split, args.of, fmt, small, where)
    b = _Rows(res, fmt, small, args.intervals)
    if args.by == "question":
        b.questions()
    elif args.by == "criterion":
        b.criteria()
    elif args.by in ("outcome", "section"):
        b.groups(outcomes_only=args.by == "outcome")
    elif args.by == "headline":
        b.headlines()
    else:
        b.cases(args.rule, where)
    return b.rows if b.rows or args.by != "headline" else None


def scores(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.cli.score_tables import SMALL_MARK
    from ui.ops.errors import OpError
    from ui.ops.scores import inspection_scores

    if args.small_n < 1:
        raise OpError("--small-n must be 1 or more")
    where = parse_where(args.where)
    crossing = args.by not in LEVELS + TABLES
    split = [args.split] if args.split and not crossing else ([] if crossing else None)
    res = inspection_scores(ws, args.inspection, rule=args.rule, where=where, split=split,
                            approved_only=args.approved_only)
    qs, rep = res.qs, res.report
    if args.format == "table":
        flag = "" if rep.cases else " (no cases match)"
        out.write(f"{res.inspection.name}: {qs.title()} {qs.version}; {rep.cases} cases{flag}"
                  + (f"; where {where}" if where else "") + "\n")
    rows = _rows(args, res, where)
    if rows is None:
        if args.format == "table":
            out.write(f"This question set has no {'headline scores' if args.by == 'headline' else 'factor lists'}.\n")
            return 0
        rows = []
    emit(rows, args.format, out)
    if res.open_conflicts:
        print(f"warning: {res.open_conflicts} merge conflicts are unresolved; these scores may change", file=sys.stderr)
    if args.format == "table":
        marked = any(isinstance(v, str) and "%" + SMALL_MARK in v for r in rows for v in r.values())
        _footer(res, args.by, args.small_n, marked, out)
        if args.by in ("outcome", "section"):
            _grades(ws, res.inspection.id, out)
    return 0


def _grades(ws: Workspace, inspection_id: str, out: TextIO) -> None:
    """The inspection-level grades (OMI2 section 4), if the set has any."""
    from ui.cli.output import table
    from ui.ops.grades import grades

    lines = grades(ws, inspection_id)
    if lines:
        out.write("\nGraded once per inspection:\n" + table(
            [[g.code, g.title, g.label or "not graded", g.note] for g in lines], ["item", "", "grade", "note"]) + "\n")
