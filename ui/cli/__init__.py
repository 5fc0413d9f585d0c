"""The command line.  Each module registers one group of commands; every
command that works on a database takes ``--db`` from one parent parser.

Commands never import Qt, and reach storage and exports only through the
application layer (``ui.ops``).  On any error a command prints a clear message
to stderr, exits 2 and changes nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TextIO

from ui.cli import conflicts, exchange, inspections, integrity, printing, questionsets, scores

__version__ = "0.1.0"
GROUPS = (questionsets, inspections, scores, printing, exchange, conflicts, integrity)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="case-assessor", description="Case Assessor: probation-inspection case assessment")
    p.add_argument("--db", help="database file (default: case-assessor.sqlite3 in your data folder)")
    p.add_argument("--version", action="version", version=f"Case Assessor {__version__}")
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", required=True, help="the database file")
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
    from ui.ops.errors import USER_ERRORS
    from ui.ops.workspace import Workspace

    out = out or sys.stdout
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if getattr(args, "opens_db", False):
            with Workspace.open(args.db, must_exist=not getattr(args, "creates_db", False)) as ws:
                return int(args.func(args, out, ws))
        return int(args.func(args, out))
    except USER_ERRORS as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
