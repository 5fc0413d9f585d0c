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
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from models.i18n import LANGUAGES, set_language
from ui.cli import (
    answers,
    atrest,
    bin,
    conflicts,
    exchange,
    export_data,
    inspections,
    integrity,
    keys,
    printing,
    profile,
    qa,
    queries,
    questionsets,
    review,
    scores,
)

__version__ = "0.1.0"
DB_HELP = ("the database file (default: case-assessor.sqlite3 in your data folder, or $CASE_ASSESSOR_DB); "
           "only commands that create (new-inspection, import-bundle, import-pack) make a new one, and never "
           "in a folder that does not exist")
LANG_HELP = ("the language of messages and printed documents: en (English) or cy (Cymraeg); the app's default is "
             "its View › Language setting, a command's is English")
GROUPS = (questionsets, profile, inspections, bin, scores, export_data, printing, exchange, keys, conflicts, qa, review,
          queries, answers, integrity, atrest)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="case-assessor", description="Case Assessor: probation-inspection case assessment")
    p.add_argument("--db", metavar="PATH", help=DB_HELP)
    p.add_argument("--lang", choices=list(LANGUAGES), default=None, help=LANG_HELP)
    p.add_argument("--version", action="version", version=f"Case Assessor {__version__}")
    db = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --db given before the command is kept, not replaced by this default
    db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    db.add_argument("--as", dest="as_name", metavar="NAME",
                    help="who is making this change, recorded with it (default: the name stored with 'profile')")
    db.add_argument("--db-passphrase-file", metavar="PATH",
                    help="file holding the passphrase that protects the database and your keys when this computer "
                         "has no keystore (default: the file named by CASE_ASSESSOR_PASSPHRASE_FILE)")
    db.add_argument("--lang", choices=list(LANGUAGES), default=argparse.SUPPRESS, help=LANG_HELP)
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
    from ui.ops import unlock
    from ui.ops.errors import USER_ERRORS, OpError
    from ui.ops.workspace import NO_NAME, Workspace

    out = out or sys.stdout
    set_language(getattr(args, "lang", None) or "en")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    pw_file = getattr(args, "db_passphrase_file", None) or os.environ.get(unlock.PASSPHRASE_ENV) or None
    unlock.set_session(unlock.Keys(passphrase_file=pw_file))  # the keys this command unlocks, once
    try:
        if getattr(args, "opens_db", False):
            from ui.ops.paths import default_db_path

            writes = getattr(args, "writes", False) and not getattr(args, "dry_run", False)  # a dry run changes nothing
            creates = getattr(args, "creates_db", False)
            path = Path(args.db) if getattr(args, "db", None) else default_db_path()
            if writes and not args.as_name and creates and not path.exists():
                raise OpError(NO_NAME)  # a new database has no stored name: refuse before creating it
            with Workspace.open(path, must_exist=not creates, acting_as=args.as_name) as ws:
                if not ws.encrypted:
                    print(f"note: {path} is not encrypted; 'encrypt --db {path}' encrypts it", file=sys.stderr)
                if writes:
                    ws.who()  # no name (or a bad one): refused before anything changes
                return int(args.func(args, out, ws))
        return int(args.func(args, out))
    except USER_ERRORS as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, as other tools do
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit would raise again
        return 1
