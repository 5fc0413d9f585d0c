"""The command line.  Each module registers one group of commands; every
command that works on a database takes ``--db`` from one parent parser.

A command that changes anything (``writes``) names the person making the
change: ``--as NAME`` or the name stored with ``profile``; with neither it
refuses before opening the database for writing, and never records the login
name or "unknown".

Commands never import Qt, and reach storage and exports only through the
application layer (``ui.ops``).  On any error a command prints a clear message
to stderr, exits 2 and changes nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ui.cli import answers, conflicts, exchange, inspections, integrity, printing, profile, qa, questionsets, scores

__version__ = "0.1.0"
GROUPS = (questionsets, profile, inspections, scores, printing, exchange, conflicts, qa, answers, integrity)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="case-assessor", description="Case Assessor: probation-inspection case assessment")
    p.add_argument("--db", help="database file (default: case-assessor.sqlite3 in your data folder)")
    p.add_argument("--version", action="version", version=f"Case Assessor {__version__}")
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", required=True, help="the database file")
    db.add_argument("--as", dest="as_name", metavar="NAME",
                    help="who is making this change, recorded with it (default: the name stored with 'profile')")
    db.set_defaults(opens_db=True)  # the command's function takes the open workspace too
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub, db)
    return p


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; ``command`` is None when the app should open."""
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run one parsed command; user-facing problems become exit 2 with a message."""
    from ui.ops.errors import USER_ERRORS, OpError
    from ui.ops.workspace import NO_NAME, Workspace

    out = out or sys.stdout
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if getattr(args, "opens_db", False):
            writes = getattr(args, "writes", False)
            creates = getattr(args, "creates_db", False)
            if writes and not args.as_name and creates and not Path(args.db).exists():
                raise OpError(NO_NAME)  # a new database has no stored name: refuse before creating it
            with Workspace.open(args.db, must_exist=not creates, acting_as=args.as_name) as ws:
                if writes:
                    ws.who()  # no name (or a bad one): refused before anything changes
                return int(args.func(args, out, ws))
        return int(args.func(args, out))
    except USER_ERRORS as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
