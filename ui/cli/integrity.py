"""``verify``: the audit trail's hash chain and the database file's soundness."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace

BROKEN = 3  # the exit status when a check fails


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("verify", parents=[db],
                       help="check the audit trail's hash chain and the file; exit 3 naming the first broken link")
    s.set_defaults(func=verify)


def verify(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.integrity import verify as check

    found = check(ws)
    for line in found.lines:
        out.write(line + "\n")
    return 0 if found.ok else BROKEN
