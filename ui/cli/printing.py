"""``print-case``, ``print-cases``, ``print-report``, ``print-merge-report``: PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ui.ops.workspace import Workspace


BILINGUAL_HELP = ("print in Welsh, then in English (each a whole document, Welsh first); "
                  "question-set texts without Welsh are printed in English and marked so")


def _langs(args: argparse.Namespace) -> tuple[str, ...] | None:
    from ui.ops.printing import BILINGUAL

    return BILINGUAL if args.bilingual else None  # None: the --lang in use


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("print-case", parents=[db], help="print one case summary as PDF (in --lang, or --bilingual)")
    s.add_argument("--bilingual", action="store_true", help=BILINGUAL_HELP)
    s.add_argument("--case", required=True, help="case reference (or id)")
    s.add_argument("--inspection", help="needed only if the reference is in several inspections")
    s.add_argument("--out", required=True)
    s.set_defaults(func=print_case)
    s = sub.add_parser("print-cases", parents=[db], help="print every case: one PDF with an index, or one file per case")
    s.add_argument("--bilingual", action="store_true", help=BILINGUAL_HELP)
    s.add_argument("--inspection", required=True)
    s.add_argument("--cases", help="comma-separated references (default: all)")
    s.add_argument("--out", required=True, help="FILE.pdf for one document, or a folder")
    s.add_argument("--names-by-reference", action="store_true",
                   help="in a folder, name each file by its case reference (default: case-0001.pdf..., no personal data)")
    s.set_defaults(func=print_cases)
    s = sub.add_parser("print-report", parents=[db], help="print the inspection's findings as PDF (in --lang, or --bilingual)")
    s.add_argument("--bilingual", action="store_true", help=BILINGUAL_HELP)
    s.add_argument("--inspection", required=True)
    s.add_argument("--rule", choices=["questions", "criteria"])
    s.add_argument("--approved-only", action="store_true", help="only the cases the lead inspector has approved")
    s.add_argument("--out", required=True)
    s.set_defaults(func=print_report)
    s = sub.add_parser("print-merge-report", parents=[db],
                       help="print the merges and every conflict (both sides, decision, who and why) as PDF (in --lang)")
    s.add_argument("--inspection", required=True)
    s.add_argument("--out", required=True)
    s.set_defaults(func=print_merge_report)


def print_case(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import printing

    iid = ws.find_inspection(args.inspection).id if args.inspection else None
    printing.print_case(ws, ws.find_case(args.case, iid), Path(args.out), _langs(args))
    out.write(f"wrote {args.out}\n")
    return 0


def print_cases(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import printing

    ins = ws.find_inspection(args.inspection)
    ids = None
    if args.cases:
        ids = [ws.find_case(ref.strip(), ins.id) for ref in args.cases.split(",") if ref.strip()]
    n = printing.print_cases(ws, ins.id, Path(args.out), ids, names_by_reference=args.names_by_reference,
                             langs=_langs(args))
    out.write(f"printed {n} cases to {args.out}\n")
    return 0


def print_report(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import printing

    printing.print_report(ws, args.inspection, Path(args.out), rule=args.rule, langs=_langs(args),
                          approved_only=args.approved_only)
    out.write(f"wrote {args.out}\n")
    return 0


def print_merge_report(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops import merge_print

    merge_print.print_merge_report(ws, args.inspection, Path(args.out))
    out.write(f"wrote {args.out}\n")
    return 0
