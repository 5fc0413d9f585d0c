"""Queries: ``query`` (raise, reply, close, reopen) and ``queries`` (the list)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import emit, write_json

if TYPE_CHECKING:
    from ui.ops.queries import Query
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("query", parents=[db], help="raise a query on a case or an answer (lead), reply to one "
                       "(assessor), close or reopen one (lead)")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--case", help="lead: raise a query on this case (with --text)")
    g.add_argument("--reply", metavar="ID", help="assessor: reply to the query (with --text)")
    g.add_argument("--close", metavar="ID", help="lead: close the query")
    g.add_argument("--reopen", metavar="ID", help="lead: reopen the query with a further comment (with --text)")
    s.add_argument("--question", help="with --case: the question the query is about")
    s.add_argument("--text", help="the query, reply or comment")
    s.add_argument("--why", default="", help="with --close: why it is closed")
    s.add_argument("--keep-open", action="store_true",
                   help="with --case or --reopen: keep it open for you to close when the reply is merged")
    s.add_argument("--assessor", help="with --case: who it is for, when the case was given to several")
    s.add_argument("--inspection", help="with --case: when case references repeat across inspections")
    s.set_defaults(func=query, writes=True)
    s = sub.add_parser("queries", parents=[db], help="list queries and their state")
    s.add_argument("--inspection")
    s.add_argument("--case")
    s.add_argument("--state", choices=["open", "answered", "closed"])
    s.add_argument("--format", choices=["text", "json", "csv"], default="text")
    s.set_defaults(func=queries)


def query(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import queries as ops
    from ui.ops.errors import OpError

    if (args.case or args.reply or args.reopen) and not args.text:
        raise OpError("give the words with --text")
    if args.case:
        done = ops.raise_query(ws, args.case, args.text, question=args.question, inspection=args.inspection,
                               assessor=args.assessor, keep_open=args.keep_open)
        out.write(f"query {done.query.id[:8]} raised on {done.query.reference} {done.query.question_id} for "
                  f"{done.query.assessor}; it travels in their next pack (make-pack, or make-pack --returns)\n")
        return 0
    if args.reply:
        done = ops.reply(ws, args.reply, args.text)
        out.write(f"replied to query {done.query.id[:8]}; the reply travels in your next export\n")
    elif args.close:
        done = ops.close(ws, args.close, args.why)
        out.write(f"query {done.query.id[:8]} closed\n")
    else:
        done = ops.reopen(ws, args.reopen, args.text, keep_open=args.keep_open)
        out.write(f"query {done.query.id[:8]} reopened; it travels in {done.query.assessor}'s next pack\n")
    return 0


def _row(q: Query) -> dict[str, Any]:
    last = q.messages[-1] if q.messages else None
    return {"id": q.id[:8], "case": q.reference, "question": q.question_id, "assessor": q.assessor,
            "state": q.state, "query": q.text, "last": f"{last.who}: {last.text}" if last else ""}


def queries(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.queries import listing

    found = listing(ws, args.inspection, case=args.case, state=args.state)
    if args.format == "json":
        write_json([{"id": q.id, "case": q.reference, "question": q.question_id, "assessor": q.assessor,
                     "state": q.state, "messages": [vars(m) for m in q.messages]} for q in found], out)
        return 0
    emit([_row(q) for q in found], "table" if args.format == "text" else "csv", out)
    return 0
