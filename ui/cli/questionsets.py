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
    for qs in cat.sets.values():
        counts: dict[str, int] = {}
        for qv in qs.questions:
            counts[qv.criterion.code] = counts.get(qv.criterion.code, 0) + 1
        sets.append({"id": qs.id, "title": qs.title(), "version": qs.version, "framework": qs.data.framework,
                     "effective_date": qs.data.effective_date, "questions": len(qs.questions),
                     "scored": sum(1 for qv in qs.questions if qv.q.scored), "per_criterion": counts})
    if args.format == "json":
        write_json(sets, out)
        return 0
    for s in sets:
        out.write(f"{s['id']}  {s['title']}  (version {s['version']}, {s['questions']} questions, {s['scored']} scored)\n")
        out.write("   " + "  ".join(f"{k}:{v}" for k, v in s["per_criterion"].items()) + "\n")
    return 0


def schemas(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.schemas import write_schemas

    written = write_schemas(Path(args.out))
    out.write(f"wrote {len(written)} schemas to {args.out}\n")
    return 0
