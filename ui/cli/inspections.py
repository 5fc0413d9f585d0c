"""Inspections and cases: ``new-inspection``, ``import-sample``, bundles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("new-inspection", parents=[db], help="create an inspection; prints its id")
    s.add_argument("--name", required=True)
    s.add_argument("--question-set", default="iaow-2013")
    s.add_argument("--area", default="")
    s.add_argument("--start", default="")
    s.add_argument("--end", default="")
    s.set_defaults(func=new_inspection, creates_db=True, writes=True)
    s = sub.add_parser("import-sample", parents=[db], help="add cases from a sample-list CSV")
    s.add_argument("--inspection", required=True)
    s.add_argument("--skip-existing", action="store_true",
                   help="leave cases the inspection already holds as they are and import the others "
                        "(default: such a file is refused)")
    s.add_argument("file")
    s.set_defaults(func=import_sample, writes=True)
    s = sub.add_parser("sample-template", help="write a sample-list CSV to fill in, with help on every column")
    s.add_argument("--question-set", default="iaow-2013")
    s.add_argument("--out", required=True, help="the CSV file to write")
    s.set_defaults(func=sample_template)
    s = sub.add_parser("import-bundle", parents=[db], help="import an assessment bundle (JSON)")
    s.add_argument("file")
    s.set_defaults(func=import_bundle, creates_db=True, writes=True)
    s = sub.add_parser("export-bundle", parents=[db], help="write an inspection as an assessment bundle (JSON)")
    s.add_argument("--inspection", required=True)
    s.add_argument("--out", required=True)
    s.set_defaults(func=export_bundle)


def new_inspection(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    from ui.ops import inspections

    done = inspections.new_inspection(ws, args.name, args.question_set, area=args.area, start_date=args.start,
                                      end_date=args.end)
    out.write(done.id + "\n")
    return 0


def import_sample(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    from ui.ops import inspections

    done = inspections.import_sample(ws, args.inspection, Path(args.file), skip_existing=args.skip_existing)
    out.write(f"imported {done.count} cases" + (f"; skipped {done.skipped} already in the inspection"
                                                 if done.skipped else "") + "\n")
    return 0


def sample_template(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops import inspections
    from ui.ops.workspace import catalog

    path = inspections.sample_template(catalog().get(args.question_set), Path(args.out))
    out.write(f"wrote a sample-list template for {args.question_set} to {path} "
              "(the rows starting with # describe each column)\n")
    return 0


def import_bundle(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    from ui.ops import inspections

    out.write(inspections.import_bundle(ws, Path(args.file)).id + "\n")
    return 0


def export_bundle(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    from ui.ops import inspections

    done = inspections.export_bundle(ws, args.inspection, Path(args.out))
    out.write(f"wrote {done.count} cases to {args.out}\n")
    return 0
