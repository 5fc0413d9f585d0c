"""``conflicts``, ``resolve`` and ``agreement``: the lead inspector's decisions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table, write_json

if TYPE_CHECKING:
    from models.agreement import AgreementReport
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("conflicts", parents=[db], help="list per-answer conflicts")
    s.add_argument("--inspection", required=True)
    s.add_argument("--status", choices=["open", "resolved"])
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=conflicts)
    s = sub.add_parser("resolve", parents=[db], help="decide a conflict: choose a side or give the value")
    s.add_argument("--conflict", required=True, help="conflict id (or a unique prefix)")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--choose", type=int, help="1, 2, ... as listed by 'conflicts'")
    g.add_argument("--value", help="the answer to record instead")
    s.add_argument("--why", required=True)
    s.add_argument("--change", action="store_true", help="change a decision already made (recorded as a change)")
    s.set_defaults(func=resolve, writes=True)
    s = sub.add_parser("agreement", parents=[db], help="QA second reads: agreement and Cohen's kappa")
    s.add_argument("--inspection", required=True)
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=agreement)


def conflicts(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.conflicts import conflicts as list_conflicts

    rows = list_conflicts(ws, args.inspection, args.status)
    if args.format == "json":
        write_json(rows, out)
        return 0
    shown = []
    for k in rows:
        sides = "  |  ".join(f"{i}: {v['assessor']}: {v['value']}" + (f" ({v['note']})" if v["note"] else "")
                             for i, v in enumerate(k["versions"], 1))
        done = f"resolved by {k['resolved_by']}: {k['why']}" if k["status"] == "resolved" else "open"
        shown.append([k["id"][:8], k["reference"], k["question_id"], sides, done])
    out.write(table(shown, ["id", "case", "question", "versions", "status"]) + "\n")
    return 0


def resolve(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.conflicts import resolve as decide

    decide(ws, args.conflict, choose=args.choose, value=args.value, why=args.why, change=args.change)
    out.write("decision changed\n" if args.change else "resolved\n")
    return 0


def _agreement_json(rep: AgreementReport) -> dict[str, Any]:
    return {
        "pairs": rep.pairs,
        "by_question": {q: {"agree": a, "n": n, "share": a / n} for q, (a, n) in rep.by_question.items()},
        "kappa_by_criterion": {c: {"kappa": k, "n": n} for c, (k, n) in rep.kappa_by_criterion.items()},
        "kappa_by_readers": [{"readers": list(r), "kappa": k, "n": n} for r, (k, n) in rep.kappa_by_readers.items()],
        "disagreements": [{"case": p.case, "question": p.question, "first": p.first, "second": p.second}
                          for p in rep.disagreements],
    }


def agreement(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.conflicts import agreement_report

    rep = agreement_report(ws, args.inspection)
    if args.format == "json":
        write_json(_agreement_json(rep), out)
        return 0
    if not rep.pairs:
        out.write("No case has both a primary and a QA reading.\n")
        return 0

    def kappa(k: float | None) -> str:
        return "n/a" if k is None else f"{k:.2f}"

    out.write(table([[c, kappa(k), n] for c, (k, n) in rep.kappa_by_criterion.items()],
                    ["criterion", "kappa", "pairs"]) + "\n\n")
    out.write(table([[" / ".join(r), kappa(k), n] for r, (k, n) in rep.kappa_by_readers.items()],
                    ["readers", "kappa", "pairs"]) + "\n\n")
    out.write(f"{len(rep.disagreements)} disagreements:\n")
    out.write(table([[p.case, p.question, p.first, p.second] for p in rep.disagreements],
                    ["case", "question", "primary", "QA"]) + "\n")
    return 0
