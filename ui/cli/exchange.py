"""Secure exchange: ``make-pack``, ``import-pack``, ``export``, ``merge``, ``key``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table, write_json

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("make-pack", parents=[db], help="lead inspector: an encrypted pack of cases for one assessor")
    s.add_argument("--inspection", required=True)
    s.add_argument("--assessor", required=True)
    s.add_argument("--cases", help="comma-separated references (default: all)")
    s.add_argument("--passphrase-file", help="first contact only, before the assessor enrols: encrypt to this strong "
                   "passphrase (an enrolled assessor's pack is encrypted to their key)")
    s.add_argument("--allow-new-cases", action="store_true", help="let the assessor add cases offline (flagged)")
    s.add_argument("--qa", action="store_true", help="a QA reader's blind pack of the QA reads given with assign-qa")
    s.add_argument("--returns", action="store_true", help="a return pack: the cases returned (with comments), "
                   "approved or reopened with 'review', and the assessor's queries ('query'); no new cases")
    s.add_argument("--out", required=True)
    s.set_defaults(func=make_pack, writes=True)
    s = sub.add_parser("import-pack", parents=[db], help="assessor: set up from an inspection pack")
    s.add_argument("--passphrase-file", help="the pack's passphrase (a pack encrypted to your key needs none)")
    s.add_argument("--lead-fingerprint", metavar="FP", help="the lead inspector's key fingerprint, as they read it out "
                   "to you: the pack is refused unless it matches (without it, asked on a terminal)")
    s.add_argument("file")
    s.set_defaults(func=import_pack, creates_db=True, writes=True)
    s = sub.add_parser("export", parents=[db], help="assessor: a signed, encrypted export for the lead inspector")
    s.add_argument("--inspection", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--passphrase-file", help="encrypt to a passphrase (when no pack was issued)")
    s.add_argument("--escrow", action="append", default=[], metavar="AGE_RECIPIENT", help="also encrypt to this key")
    s.set_defaults(func=export, writes=True)
    s = sub.add_parser("merge", parents=[db], help="lead inspector: merge assessors' exports")
    s.add_argument("--passphrase-file")
    s.add_argument("--trust", action="append", default=[], metavar="NAME=FINGERPRINT",
                   help="trust this key as the named assessor (for the files' inspection)")
    s.add_argument("--report", help="also write the merge report (JSON) here")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument("files", nargs="+")
    s.set_defaults(func=merge, writes=True)
    s = sub.add_parser("key", help="show this user's signing-key fingerprint")
    s.set_defaults(func=key)


def key(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops import exchange

    out.write(exchange.my_fingerprint() + "\n")
    return 0


def make_pack(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import enrolment, exchange

    refs = [r.strip() for r in args.cases.split(",")] if args.cases else None
    done = exchange.make_pack(ws, args.inspection, args.assessor, Path(args.out), args.passphrase_file, refs,
                              allow_new_cases=args.allow_new_cases, qa=args.qa, returns=args.returns)
    to_key = enrolment.pack_recipient(ws, done.id, args.assessor)
    sealed = f"encrypted to {args.assessor}'s key {to_key.fingerprint}" if to_key else "encrypted to the passphrase"
    blind = "blind QA " if args.qa else ""
    what = "return pack (review steps and queries, no cases)" if args.returns else f"{blind}pack of {done.count} cases"
    out.write(f"wrote a {what} and {done.queries} queries for {args.assessor} to {args.out}, {sealed}\n")
    out.write(f"lead inspector's key fingerprint: {exchange.my_fingerprint()}\n")
    return 0


def ask_on_terminal(question: str) -> Callable[[str, str], bool] | None:
    """A yes/no question on the terminal (default no), or None when there is no terminal."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None

    def confirm(claimed: str, fingerprint: str) -> bool:
        sys.stderr.write(question.format(name=claimed, fingerprint=fingerprint) + " [y/N] ")
        sys.stderr.flush()
        return sys.stdin.readline().strip().lower() in ("y", "yes")

    return confirm


def import_pack(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import exchange
    confirm = None if args.lead_fingerprint else ask_on_terminal(
        "The pack is signed by the lead inspector {name!r} with the key\n\n    {fingerprint}\n\n"
        "Is this the fingerprint the lead inspector read out to you (by phone or in person)?")
    done = exchange.import_pack(ws, Path(args.file), args.passphrase_file, lead_fingerprint=args.lead_fingerprint,
                                confirm=confirm)
    if isinstance(done, exchange.PackDone) and done.later:  # the inspection was here: the lead's review steps and queries only
        out.write(f"{done.count} cases returned to you for changes and {done.queries} queries from the lead "
                  "(open the cases to see the lead's comments and queries)\n")
    else:
        out.write(done.id + "\n")
    return 0


def export(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import exchange

    info = exchange.export_secure(ws, args.inspection, Path(args.out), args.passphrase_file, args.escrow)
    out.write(f"wrote {info.cases} cases to {args.out}, signed by {info.fingerprint}, "
              f"encrypted to the {info.encrypted_to}\n")
    return 0


def merge(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import exchange
    from ui.ops.guards import check_output

    inputs = [Path(f) for f in args.files]
    if args.report:  # checked first: a refused report path must not leave a merge without its report
        check_output(ws, Path(args.report), inputs)
    merged = exchange.merge_files(ws, inputs, passphrase_file=args.passphrase_file, trust=args.trust)
    rep = merged.report
    if args.report:
        exchange.write_merge_report(rep, Path(args.report), ws, inputs)
    if args.format == "json":
        write_json(rep.model_dump(mode="json"), out)
    else:
        out.write(table([[f.status, Path(f.name).name, f.signer, f.reason] for f in rep.files],
                        ["status", "file", "signer", "reason"]) + "\n")
        out.write(f"new cases: {len(rep.cases_new)}; updated: {len(rep.cases_updated)}; "
                  f"unchanged: {len(rep.cases_unchanged)}; duplicates: {len(rep.duplicates)}; "
                  f"open conflicts: {rep.conflicts_open}\n")
        if rep.cases_submitted:
            out.write(f"submitted for review: {', '.join(rep.cases_submitted)} ('review --return' or '--approve')\n")
        if rep.cases_in_bin:  # never restored by a merge (docs/merge.md)
            out.write(f"work merged into deleted cases, left in the bin: {', '.join(rep.cases_in_bin)} "
                      "(restore-case brings one back)\n")
    for f in rep.refused:
        print(f"refused: {f.name}: {f.reason}", file=sys.stderr)
    for r in merged.files:
        if r.untrusted:
            print(f"  to trust it: merge again with --trust NAME={r.untrusted}", file=sys.stderr)
        if r.locked:
            print("  it is encrypted to a passphrase: give it with --passphrase-file", file=sys.stderr)
    return 3 if rep.refused else 0
