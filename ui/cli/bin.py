"""Deleting, restoring and renaming: ``delete-case``, ``restore-case``,
``rename-case``, ``delete-inspection``, ``restore-inspection``,
``rename-inspection`` and ``bin`` (what can be restored).

A delete asks for confirmation at a terminal and needs ``--yes`` otherwise;
everything is audited, and a deleted case or inspection waits in the bin."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ui.cli.output import table
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("delete-case", parents=[db], help="put a case in its inspection's bin (restore-case undoes it)")
    _case_args(s)
    s.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    s.set_defaults(func=delete_case, writes=True)
    s = sub.add_parser("restore-case", parents=[db], help="take a case out of its inspection's bin")
    s.add_argument("--case", required=True, help="the deleted case's reference (or id)")
    s.add_argument("--inspection", required=True)
    s.set_defaults(func=restore_case, writes=True)
    s = sub.add_parser("rename-case", parents=[db], help="give a case a new reference (audited)")
    _case_args(s)
    s.add_argument("--to", required=True, metavar="REFERENCE", help="the new reference")
    s.set_defaults(func=rename_case, writes=True)
    s = sub.add_parser("delete-inspection", parents=[db], help="put an inspection in the bin (restore-inspection)")
    s.add_argument("--inspection", required=True)
    s.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    s.set_defaults(func=delete_inspection, writes=True)
    s = sub.add_parser("restore-inspection", parents=[db], help="take an inspection out of the bin")
    s.add_argument("--inspection", required=True, help="the deleted inspection's name, id or id prefix")
    s.set_defaults(func=restore_inspection, writes=True)
    s = sub.add_parser("rename-inspection", parents=[db], help="give an inspection a new name (audited)")
    s.add_argument("--inspection", required=True)
    s.add_argument("--to", required=True, metavar="NAME", help="the new name")
    s.set_defaults(func=rename_inspection, writes=True)
    s = sub.add_parser("bin", parents=[db], help="list deleted inspections, and an inspection's deleted cases")
    s.add_argument("--inspection", help="also list this inspection's deleted cases")
    s.set_defaults(func=show_bin)


def _case_args(s: argparse.ArgumentParser) -> None:
    s.add_argument("--case", required=True, help="case reference (or id)")
    s.add_argument("--inspection", help="needed only if the reference is in several inspections")


def _case_id(ws: Workspace, args: argparse.Namespace) -> str:
    iid = ws.find_inspection(args.inspection).id if args.inspection else None
    return ws.find_case(args.case, iid)


def confirm(question: str, yes: bool) -> None:
    """Go on with ``--yes`` or a "y" typed at a terminal; OpError otherwise."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise OpError(f"{question} Add --yes to confirm. Nothing was changed.")
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise OpError("not confirmed. Nothing was changed.")


def delete_case(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    case = ws.case(_case_id(ws, args))
    ins = ws.inspection(case.inspection_id)
    confirm(f"Delete case {case.reference!r} of {ins.name!r}? It goes to the inspection's bin.", args.yes)
    bin.delete_case(ws, case.id)
    out.write(f"case {case.reference} is in the bin; 'restore-case --inspection {ins.id[:8]} --case "
              f"{case.reference}' brings it back\n")
    return 0


def restore_case(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    done = bin.restore_case(ws, args.inspection, args.case)
    out.write(f"case {ws.case(done.id).reference} restored\n")
    return 0


def rename_case(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    case_id = _case_id(ws, args)
    old = ws.case(case_id).reference
    bin.rename_case(ws, case_id, args.to)
    out.write(f"case {old} is now {ws.case(case_id).reference}\n")
    return 0


def delete_inspection(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    ins = ws.find_inspection(args.inspection)
    n = len(ws.cases(ins.id))
    confirm(f"Delete inspection {ins.name!r} with its {n} cases? It goes to the bin.", args.yes)
    bin.delete_inspection(ws, ins.id)
    out.write(f"inspection {ins.name} is in the bin; 'restore-inspection --inspection {ins.id[:8]}' brings it back\n")
    return 0


def restore_inspection(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    done = bin.restore_inspection(ws, args.inspection)
    out.write(f"inspection {ws.inspection(done.id).name} restored\n")
    return 0


def rename_inspection(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    ins = ws.find_inspection(args.inspection)
    bin.rename_inspection(ws, ins.id, args.to)
    out.write(f"inspection {ins.name} is now {ws.inspection(ins.id).name}\n")
    return 0


def show_bin(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import bin

    b = bin.bin_contents(ws, args.inspection)
    rows = [["inspection", d.name, d.id[:8], d.deleted_at[:16].replace("T", " "), d.deleted_by] for d in b.inspections]
    rows += [["case", d.name, d.id[:8], d.deleted_at[:16].replace("T", " "), d.deleted_by] for d in b.cases]
    out.write(table(rows, ["kind", "name", "id", "deleted", "by"]) + "\n" if rows else "(the bin is empty)\n")
    return 0
