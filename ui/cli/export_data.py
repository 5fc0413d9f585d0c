"""``export-data``: every answer with a codebook, for analysis (docs/export-format.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("export-data", parents=[db],
                       help="every answer of an inspection with a codebook, as CSV or XLSX, for analysis")
    s.add_argument("--inspection", required=True)
    s.add_argument("--format", choices=["csv", "xlsx"], help="default: from the file name's suffix (CSV otherwise)")
    s.add_argument("--shape", choices=["long", "wide"], default="long",
                   help="long: a row per case, reading and question (default); wide: a row per case and reading")
    s.add_argument("--labels", action="store_true",
                   help="case details (and, in the wide shape, answers) as labels instead of codes")
    s.add_argument("--out", required=True, help="the file to write (a CSV export writes NAME.codebook.csv beside it)")
    s.set_defaults(func=export_data)


def export_data(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.export_data import export_data as run

    done = run(ws, args.inspection, Path(args.out), fmt=args.format, shape=args.shape, labels=args.labels)
    out.write(f"exported {done.cases} cases x {done.questions} questions ({args.shape}) to "
              + ", ".join(str(p) for p in done.files) + "\n")
    return 0
