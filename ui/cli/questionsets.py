"""``question-sets`` and ``schemas``: what the app knows, and its published formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from ui.cli.output import table, write_json


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("question-sets", help="list the question sets, or show one in full")
    s.add_argument("--show", metavar="ID", help="dump one set with every field, sources included")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument("--schema", action="store_true", help="print the question-set JSON Schema")
    s.set_defaults(func=question_sets)
    acts = s.add_subparsers(dest="action", metavar="ACTION", required=False)
    a = acts.add_parser("install", help="validate a question-set file (.json or .xlsx) and install it beside the "
                        "built-in sets")
    a.add_argument("file", type=Path)
    a.set_defaults(func=authoring)
    a = acts.add_parser("build", help="validate a question-set workbook (.xlsx) and write the set as JSON")
    a.add_argument("file", type=Path, metavar="FILE.xlsx")
    a.add_argument("--out", type=Path, metavar="FILE.json", help="where to write the set (default: FILE.json)")
    a.set_defaults(func=authoring)
    a = acts.add_parser("to-xlsx", help="write a question set out as a workbook to edit in Excel or LibreOffice")
    a.add_argument("spec", metavar="ID[@VERSION]")
    a.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    a.set_defaults(func=authoring)
    a = acts.add_parser("template", help="write the documented workbook template (docs/question-set-template.xlsx)")
    a.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    a.set_defaults(func=authoring)
    a = acts.add_parser("diff", help="questions, scales and case fields added, removed or changed between two sets")
    a.add_argument("old", metavar="ID[@VERSION]")
    a.add_argument("new", metavar="ID[@VERSION]")
    a.add_argument("--format", choices=["table", "json"], default="table")
    a.set_defaults(func=diff)
    s = sub.add_parser("migrate-inspection", parents=[db],
                       help="move an inspection to another version of its question set (see --dry-run)")
    s.add_argument("--inspection", required=True, help="inspection id, id prefix or name")
    s.add_argument("--to", required=True, metavar="VERSION", help="the version to move to (installed or built-in)")
    s.add_argument("--map", type=Path, metavar="FILE", help="mapping of renamed questions and options (JSON)")
    s.add_argument("--dry-run", action="store_true", help="show exactly what would change; change nothing")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.set_defaults(func=migrate_inspection, writes=True)
    s = sub.add_parser("schemas", help="write the published JSON Schemas into a folder")
    s.add_argument("--out", default="docs")
    s.set_defaults(func=schemas)


def _show(qs: Any, fmt: str, out: TextIO) -> int:
    from models.questionset import text_in

    if fmt == "json":
        data = qs.data.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["journey_order"] = [qv.id for qv in qs.questions]
        write_json(data, out)
        return 0
    out.write(f"{qs.title()}  ({qs.id} {qs.version}, effective {qs.data.effective_date})\n\n")
    rows = [[qv.position + 1, qv.id, qv.criterion.code, qv.stage.value, "scored" if qv.q.scored else "data",
             "/".join(qs.groups_of(qv) + qs.headlines_of(qv)), text_in(qv.q.text)[:70],
             "; ".join(s.ref() for s in qv.q.sources)] for qv in qs.questions]
    out.write(table(rows, ["#", "id", "crit", "stage", "kind", "feeds", "wording", "sources"]) + "\n")
    return 0


def question_sets(args: argparse.Namespace, out: TextIO) -> int:
    from models.questionset import schema
    from ui.ops.workspace import catalog

    if args.schema:
        write_json(schema(), out)
        return 0
    cat = catalog()
    for err in cat.errors:
        print(f"warning: {err}", file=sys.stderr)
    if args.show:
        return _show(cat.get(args.show), args.format, out)
    sets: list[dict[str, Any]] = []
    for qs in cat.all():
        counts: dict[str, int] = {}
        for qv in qs.questions:
            counts[qv.criterion.code] = counts.get(qv.criterion.code, 0) + 1
        sets.append({"id": qs.id, "title": qs.title(), "version": qs.version, "framework": qs.data.framework,
                     "effective_date": qs.data.effective_date, "questions": len(qs.questions),
                     "origin": cat.origin.get((qs.id, qs.version), "built-in"),
                     "newest": cat.newest(qs.id) is qs,
                     "scored": sum(1 for qv in qs.questions if qv.q.scored), "per_criterion": counts})
    if args.format == "json":
        write_json(sets, out)
        return 0
    for s in sets:
        newest = ", offered for new inspections" if s["newest"] else ""
        out.write(f"{s['id']}  {s['title']}  (version {s['version']}, {s['origin']}{newest}; "
                  f"{s['questions']} questions, {s['scored']} scored)\n")
        out.write("   " + "  ".join(f"{k}:{v}" for k, v in s["per_criterion"].items()) + "\n")
    return 0


def schemas(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.schemas import write_schemas

    written = write_schemas(Path(args.out))
    out.write(f"wrote {len(written)} schemas to {args.out}\n")
    return 0


def _set(qs: Any) -> str:
    return f"{qs.id} version {qs.version} ({len(qs.questions)} questions)"


def authoring(args: argparse.Namespace, out: TextIO) -> int:
    """install, build, to-xlsx and template: the set files and workbooks."""
    from ui.ops import authoring as ops
    from ui.ops.paths import sets_dir

    if args.action == "install":
        out.write(f"installed {_set(ops.install_file(args.file))} in {sets_dir()}\n")
    elif args.action == "build":
        qs, target = ops.build_set(args.file, args.out)
        out.write(f"built {_set(qs)} into {target}\n")
    elif args.action == "to-xlsx":
        out.write(f"wrote {_set(ops.set_to_workbook(args.spec, args.out))} to {args.out}\n")
    else:
        out.write(f"wrote the template, {_set(ops.write_template(args.out))}, to {args.out}\n")
    return 0


def diff(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.questionsets import diff as diff_sets

    d = diff_sets(args.old, args.new)
    if args.format == "json":
        write_json(d.to_json(), out)
        return 0
    out.write(f"{d.old} -> {d.new}\n")
    if d.empty:
        out.write("  no differences\n")
    for title, items in (("added", d.added), ("removed", d.removed), ("moved in the journey", d.moved)):
        if items:
            out.write(f"  questions {title} ({len(items)}): {', '.join(items)}\n")
    for qid, what in d.changed.items():
        out.write(f"  changed {qid}: {', '.join(what)}\n")
    for line in d.scales + d.case_fields:
        out.write(f"  {line}\n")
    for lang, n in d.translations.items():
        out.write(f"  texts in {lang!r} added, reworded or removed: {n}\n")
    return 0


def migrate_inspection(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    from ui.ops.questionsets import migrate_inspection as migrate
    from ui.ops.questionsets import report_text

    m = migrate(ws, args.inspection, args.to, args.map, dry_run=args.dry_run)
    if args.format == "json":
        write_json(m.to_json(), out)
    else:
        out.write(report_text(m))
    return 0
