"""Review: ``review`` (the lead returns, approves or reopens a case; lists the states)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


class _InOrder(argparse.Action):
    """--comment and --question kept in the order given, so each --question takes the --comment after it."""

    def __call__(self, parser: argparse.ArgumentParser, ns: argparse.Namespace, values: str | Sequence[Any] | None,
                 option_string: str | None = None) -> None:
        ns.items = [*(getattr(ns, "items", None) or []), (option_string, values)]


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    from models.review import STATES

    s = sub.add_parser("review", parents=[db], help="lead inspector: return a case with comments, approve it, reopen "
                       "it, or list the review states")
    s.add_argument("--case", help="the case's reference")
    s.add_argument("--inspection", help="the inspection (needed with --list, or when references repeat)")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--return", dest="ret", action="store_true",
                   help="return the case to its assessor: --comment on the case, then --question ID --comment T "
                        "for each answer to comment on")
    g.add_argument("--approve", action="store_true", help="approve the case (locked: a change then needs a reason)")
    g.add_argument("--reopen", action="store_true", help="reopen an approved case (needs --why)")
    g.add_argument("--list", action="store_true", help="every case's review state")
    s.add_argument("--comment", action=_InOrder, metavar="TEXT", help="a comment: on the case, or on the --question "
                   "given just before it")
    s.add_argument("--question", action=_InOrder, metavar="ID", help="the answer the next --comment is on")
    s.add_argument("--why", default="", help="the reason for reopening an approved case (recorded)")
    s.add_argument("--state", choices=STATES, help="with --list: only cases in this state")
    s.set_defaults(func=review, writes=True, items=None)


def _comments(items: list[tuple[str, str]] | None) -> tuple[str, list[tuple[str, str]]]:
    """The case comment and the (question, comment) pairs, as given in order."""
    from ui.ops.errors import OpError

    case, answers, question = "", [], None
    for opt, value in items or []:
        if opt == "--question":
            if question is not None:
                raise OpError(f"--question {question} has no --comment after it")
            question = value
        elif question is not None:
            answers.append((question, value))
            question = None
        elif case:
            raise OpError("one --comment on the case; comments on answers follow their --question")
        else:
            case = value
    if question is not None:
        raise OpError(f"--question {question} has no --comment after it")
    return case, answers


def review(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from models.review import label
    from ui.ops import review as ops
    from ui.ops.errors import OpError

    if args.list:
        if not args.inspection:
            raise OpError("review --list needs --inspection")
        rows = ops.review_list(ws, args.inspection, args.state)
        out.write(table([[r.reference, r.assessor, label(r.state), r.at[:16].replace("T", " "), r.who, r.comment]
                         for r in rows], ["case", "assessor", "review", "when", "by", "comment"]) + "\n")
        return 0
    if not args.case:
        raise OpError("name the case: --case REF")
    case, answers = _comments(args.items)
    if args.ret:
        ops.return_case(ws, args.case, case, answers, inspection=args.inspection)
        out.write(f"returned {args.case} with {len(answers)} comments on answers; send it with "
                  "'make-pack --returns'\n")
    elif args.approve:
        ops.approve(ws, [args.case], case, inspection=args.inspection)
        out.write(f"approved {args.case}: a change now needs a reason\n")
    else:
        ops.reopen(ws, args.case, args.why, inspection=args.inspection)
        out.write(f"reopened {args.case}: under review again\n")
    return 0
