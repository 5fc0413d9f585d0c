"""Recording and tracing answers: ``answer``, ``history``, ``grade``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("answer", parents=[db], help="record, change or clear one answer (audited, as in the app)")
    s.add_argument("--case", required=True)
    s.add_argument("--question", required=True)
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--value", help="an option (or na); several as a,b; per factor as factor=value,...")
    g.add_argument("--clear", action="store_true", help="clear the answer")
    s.add_argument("--note")
    s.add_argument("--why", default="", help="the reason (needed to correct someone else's reading)")
    s.add_argument("--inspection", help="when case references repeat across inspections")
    s.set_defaults(func=answer, writes=True)
    s = sub.add_parser("history", parents=[db], help="who changed what, when and why (the audit trail of a case)")
    s.add_argument("--case", required=True)
    s.add_argument("--question")
    s.add_argument("--inspection", help="when case references repeat across inspections")
    s.set_defaults(func=history)
    s = sub.add_parser("grade", parents=[db], help="lead inspector: grade an inspection-level item (OMI2 section 4)")
    s.add_argument("--inspection", required=True)
    s.add_argument("--item", required=True, help="the item's code, e.g. 4.1")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--value", help="a grade on the item's scale")
    g.add_argument("--clear", action="store_true")
    s.add_argument("--note", default="")
    s.set_defaults(func=grade, writes=True)


def answer(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.answers import record

    done = record(ws, args.case, args.question, value=args.value, note=args.note, why=args.why, clear=args.clear,
                  inspection=args.inspection)
    what = "cleared" if args.clear else "recorded"
    out.write(f"{what} {args.case} {args.question} in {done.reading}'s reading\n" if done.changed
              else f"{args.case} {args.question}: already so; nothing changed\n")
    return 0


def _shown(v: Any) -> str:
    return "" if v is None else str(v)


def history(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.history import history as trail

    rows = trail(ws, args.case, args.question, inspection=args.inspection)
    if not rows:
        out.write("no recorded changes\n")
        return 0
    out.write(table([[c.at, c.who, c.action, c.reading, c.question, _shown(c.old), _shown(c.new), c.note, c.why]
                     for c in rows], ["when", "who", "what", "reading", "question", "old", "new", "note", "why"]) + "\n")
    return 0


def grade(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.grades import set_grade

    set_grade(ws, args.inspection, args.item, None if args.clear else args.value, args.note)
    out.write(f"{args.item}: {'cleared' if args.clear else args.value}\n")
    return 0
