"""``scores``: every figure with its numerator and denominator."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import emit

if TYPE_CHECKING:
    from models.scoring import ScoreReport
    from ui.ops.scores import InspectionScores
    from ui.ops.workspace import Workspace

LEVELS = ["question", "criterion", "outcome", "section", "headline", "case"]


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("scores", parents=[db], help="scores with their numerators and denominators")
    s.add_argument("--inspection", required=True)
    s.add_argument("--by", choices=LEVELS, default="outcome")
    s.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE")
    s.add_argument("--rule", choices=["questions", "criteria"])
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


def _value(rep: ScoreReport, level: str, key: str) -> float | None:
    """One figure of a (split) report: a question's proportion or a score's value."""
    if level == "question":
        return rep.questions[key].proportion
    scores = {"criterion": rep.criteria, "group": rep.groups, "headline": rep.headlines}[level]
    return scores[key].value if key in scores else None


class _Rows:
    """Builds the rows for one ``--by`` level, with a column per split."""

    def __init__(self, res: InspectionScores, fmt: str) -> None:
        from models.questionset import text_in
        from models.scoring import fmt_pct

        self.res, self.fmt, self.text, self.pct = res, fmt, text_in, fmt_pct
        self.rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any], level: str, key: str) -> None:
        for name, srep in self.res.splits.items():
            row[name] = self.pct(_value(srep, level, key))
        self.rows.append(row)

    def questions(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for qv in qs.questions:
            s = rep.questions[qv.id]
            wording = self.text(qv.q.text)
            row = {"question": qv.id, "criterion": qv.criterion.code, "scored": qv.q.scored, "above": s.above,
                   "applicable": s.applicable, "score": self.pct(s.proportion) if qv.q.scored else "", "na": s.na,
                   "unanswered": s.unanswered, "distribution": dict(sorted(s.distribution.items())),
                   "wording": wording[:60] if self.fmt == "table" else wording}
            if self.fmt == "json":
                row["proportion"] = s.proportion
            self.add(row, "question", qv.id)

    def criteria(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for code, g in rep.criteria.items():
            row: dict[str, Any] = {"criterion": code, "title": self.text(qs.criteria[code].title),
                                   "score": self.pct(g.value), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator, "excluded": len(g.excluded)}
            if self.fmt == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            self.add(row, "criterion", code)

    def groups(self, outcomes_only: bool) -> None:
        qs, rep = self.res.qs, self.res.report
        for gid, g in rep.groups.items():
            if outcomes_only and g.level not in ("outcome", "section"):
                continue
            other = rep.groups_other_rule.get(gid)
            row: dict[str, Any] = {"group": gid, "title": self.text(qs.groups[gid].title), "rule": g.rule,
                                   "score": self.pct(g.value), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator,
                                   f"score_by_{other.rule}" if other else "other": self.pct(other.value) if other else ""}
            if self.fmt == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            self.add(row, "group", gid)

    def headlines(self) -> None:
        qs, rep = self.res.qs, self.res.report
        for hid, g in rep.headlines.items():
            row: dict[str, Any] = {"headline": hid, "title": self.text(qs.groups[hid].title),
                                   "score": self.pct(g.value), "band": g.band or "", "mean_of": g.parts,
                                   "above": g.numerator, "applicable": g.denominator}
            if self.fmt == "json":
                row["value"] = g.value
            self.add(row, "headline", hid)

    def cases(self, rule: Any, where: dict[str, list[str]]) -> None:
        from ui.ops.scores import case_rows

        for c in case_rows(self.res, rule=rule, where=where):
            row: dict[str, Any] = {"case": c.reference, "assessor": c.assessor, "above": c.above,
                                   "applicable": c.applicable}
            row.update({gid: self.pct(v) for gid, v in c.groups.items()})
            if self.fmt == "json":
                row["values"] = c.groups
            self.rows.append(row)


def _footer(res: InspectionScores, by: str, out: TextIO) -> None:
    rep = res.report
    if res.open_conflicts:
        out.write(f"\n⚠ {res.open_conflicts} merge conflicts are unresolved: these scores may change.\n")
    if rep.excluded:
        out.write(f"\n{len(rep.excluded)} scoring questions had no applicable case and are left out of the means.\n")
    if by in ("outcome", "section"):
        rule = "mean over the group's scoring questions" if rep.rule == "questions" else "mean of criterion scores"
        out.write(f"Rule: {rule}. Percentages rounded half-up for display only.\n")


def scores(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.scores import inspection_scores

    where = parse_where(args.where)
    res = inspection_scores(ws, args.inspection, rule=args.rule, where=where)
    qs, rep = res.qs, res.report
    if args.format == "table":
        flag = "" if rep.cases else " (no cases match)"
        out.write(f"{res.inspection.name}: {qs.title()} {qs.version}; {rep.cases} cases{flag}"
                  + (f"; where {where}" if where else "") + "\n")
    b = _Rows(res, args.format)
    if args.by == "question":
        b.questions()
    elif args.by == "criterion":
        b.criteria()
    elif args.by in ("outcome", "section"):
        b.groups(outcomes_only=args.by == "outcome")
    elif args.by == "headline":
        b.headlines()
        if not b.rows and args.format == "table":
            out.write("This question set has no headline scores.\n")
            return 0
    else:
        b.cases(args.rule, where)
    emit(b.rows, args.format, out)
    if res.open_conflicts:
        print(f"warning: {res.open_conflicts} merge conflicts are unresolved; these scores may change", file=sys.stderr)
    if args.format == "table":
        _footer(res, args.by, out)
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
