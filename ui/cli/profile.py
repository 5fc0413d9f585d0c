"""Who works on a database: ``profile`` shows or stores the name recorded with
every change (the app's Settings dialog stores the same)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("profile", parents=[db], help="show, or store, the name recorded with your changes")
    s.add_argument("--name", help="your name, as it should appear in the audit trail")
    s.add_argument("--id", default="", help="your staff or assessor id (optional)")
    s.set_defaults(func=profile)


def profile(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    if args.name is not None:
        ws.set_profile(args.name, args.id)
    name = ws.setting("assessor_name") or ""
    ident = ws.setting("assessor_id") or ""
    out.write(f"{name} ({ident})\n" if name and ident else f"{name or '(no name stored)'}\n")
    return 0
