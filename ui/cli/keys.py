"""Keys between people: ``enrol``, ``enrol-import``, ``trust`` and ``new-passphrase``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.exchange import ask_on_terminal
from ui.cli.output import table, write_json

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("enrol", help="assessor: write your enrolment file (your public keys) for the lead inspector")
    s.add_argument("--out", required=True)
    s.add_argument("--name", help="your name as the lead inspector knows you (default: the name stored with "
                   "'profile' in --db)")
    s.add_argument("--db", help="the database whose stored name to use when --name is not given")
    s.set_defaults(func=enrol)
    s = sub.add_parser("enrol-import", parents=[db],
                       help="lead inspector: record an assessor's enrolment, so their packs are encrypted to them alone")
    s.add_argument("--inspection", required=True)
    s.add_argument("--fingerprint", metavar="FP", help="the assessor's key fingerprint, as they read it out to you: "
                   "the file is refused unless it matches (without it, asked on a terminal)")
    s.add_argument("--assessor", metavar="NAME", help="the name their cases are given under (default: the name in "
                   "the file)")
    s.add_argument("file")
    s.set_defaults(func=enrol_import, writes=True)
    s = sub.add_parser("trust", parents=[db], help="list the trusted keys, or revoke one")
    what = s.add_mutually_exclusive_group(required=True)
    what.add_argument("--list", action="store_true", help="every key trusted here, with where and whether revoked")
    what.add_argument("--revoke", metavar="FINGERPRINT", help="revoke this key: every file it signs is refused")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=trust)
    s = sub.add_parser("new-passphrase", help="write a new strong passphrase (five random words) to a new file")
    s.add_argument("--out", required=True)
    s.set_defaults(func=new_passphrase)


def _profile_name(db: str | None) -> str:
    from ui.ops.errors import OpError
    from ui.ops.workspace import Workspace

    try:
        with Workspace.open(db, must_exist=True) as ws:
            return ws.who()
    except OpError:
        raise OpError("give your name (--name NAME), as the lead inspector knows you. Nothing was written.") from None


def enrol(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops import enrolment

    name = args.name if args.name is not None else _profile_name(args.db)
    written = enrolment.write_enrolment(Path(args.out), name)
    out.write(f"wrote the enrolment of {written.name} to {args.out}; your key's fingerprint is\n\n"
              f"    {written.fingerprint}\n\n"
              "Send the file to the lead inspector (nothing in it is secret), then read this fingerprint out to them "
              "by phone or in person.\n")
    return 0


def enrol_import(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import enrolment

    e = enrolment.read_enrolment(Path(args.file))
    name = (args.assessor or e.name).strip()
    out.write(f"the enrolment of {e.name!r} has the key fingerprint\n\n    {e.fingerprint}\n\n")
    out.flush()
    confirm = None if args.fingerprint else ask_on_terminal(
        "Is this the fingerprint " + name.replace("{", "{{").replace("}", "}}") + " read out to you (by phone or in "
        "person)?")
    done = enrolment.import_enrolment(ws, Path(args.file), args.inspection, fingerprint=args.fingerprint,
                                      confirm=confirm, assessor=args.assessor)
    said = "enrolled" if done.count else "was already enrolled"
    out.write(f"{name} {said} for this inspection: packs for {name} are encrypted to their key alone, and their "
              f"files are trusted as {name}'s\n")
    return 0


def trust(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import trust as trust_ops

    if args.revoke:
        r = trust_ops.revoke(ws, args.revoke)
        k = r.key
        state = "revoked" if r.now else "was already revoked"
        out.write(f"{k.fingerprint} ({k.name}) {state} on {trust_ops.when(k.revoked_at)} by {k.revoked_by}: every "
                  "file it signs is refused\n")
        return 0
    keys = trust_ops.list_keys(ws)
    if args.format == "json":
        write_json([{"fingerprint": k.fingerprint, "name": k.name, "trusted_at": k.trusted_at,
                     "trusted_by": k.trusted_by, "revoked_at": k.revoked_at or None, "revoked_by": k.revoked_by or None,
                     "inspections": [{"inspection": i, "assessor": a} for i, a in k.inspections],
                     "enrolled_for": list(k.enrolled)} for k in keys], out)
        return 0
    rows = [[k.fingerprint, k.name, "; ".join(f"{i} as {a}" for i, a in k.inspections) or "-",
             f"{trust_ops.when(k.trusted_at)} by {k.trusted_by}" if k.trusted_at else "",
             f"REVOKED {trust_ops.when(k.revoked_at)} by {k.revoked_by}" if k.revoked_at else "trusted"]
            for k in keys]
    out.write(table(rows, ["fingerprint", "name", "trusted for", "since", "status"]) + "\n" if rows
              else "no keys are trusted in this database\n")
    return 0


def new_passphrase(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops import passphrases

    bits = passphrases.new_passphrase_file(Path(args.out))
    out.write(f"wrote a new passphrase (five random words, {bits:.1f} bits) to {args.out}. Give it to the one person "
              "it is for by phone or in person, never with the file it opens; make a new one for each person.\n")
    return 0
