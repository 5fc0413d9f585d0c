"""``conflicts`` and ``resolve``: the lead inspector's decisions on merge conflicts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table, write_json

if TYPE_CHECKING:
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
