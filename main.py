"""Case Assessor: the app and its command line.

``python main.py [--db PATH]`` opens the app; the subcommands below work
headless and never import Qt.  On any error a command prints a clear message to
stderr, exits non-zero and leaves the database unchanged.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__version__ = "0.1.0"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="case-assessor", description="Case Assessor: probation-inspection case assessment")
    p.add_argument("--db", help="database file (default: case-assessor.sqlite3 in your data folder)")
    p.add_argument("--version", action="version", version=f"Case Assessor {__version__}")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("question-sets", help="list the question sets, or show one in full")
    s.add_argument("--show", metavar="ID", help="dump one set with every field, sources included")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument("--schema", action="store_true", help="print the question-set JSON Schema")

    s = sub.add_parser("new-inspection", help="create an inspection; prints its id")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--question-set", default="iaow-2013")
    s.add_argument("--area", default="")
    s.add_argument("--start", default="")
    s.add_argument("--end", default="")

    s = sub.add_parser("import-sample", help="add cases from a sample-list CSV")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("file")

    s = sub.add_parser("import-bundle", help="import an assessment bundle (JSON)")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("file")

    s = sub.add_parser("export-bundle", help="write an inspection as an assessment bundle (JSON)")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--out", required=True)

    s = sub.add_parser("scores", help="scores with their numerators and denominators")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument(
        "--by", choices=["question", "criterion", "outcome", "section", "headline", "case"], default="outcome"
    )
    s.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE")
    s.add_argument("--rule", choices=["questions", "criteria"])
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")

    s = sub.add_parser("print-case", help="print one case summary as PDF")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--case", required=True, help="case reference (or id)")
    s.add_argument("--inspection", help="needed only if the reference is in several inspections")
    s.add_argument("--out", required=True)

    s = sub.add_parser("print-cases", help="print every case: one PDF with an index, or one file per case")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--cases", help="comma-separated references (default: all)")
    s.add_argument("--out", required=True, help="FILE.pdf for one document, or a folder")

    s = sub.add_parser("print-report", help="print the inspection's findings as PDF")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--rule", choices=["questions", "criteria"])
    s.add_argument("--out", required=True)

    s = sub.add_parser("make-pack", help="lead inspector: an encrypted pack of cases for one assessor")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--assessor", required=True)
    s.add_argument("--cases", help="comma-separated references (default: all)")
    s.add_argument("--passphrase-file", required=True)
    s.add_argument("--out", required=True)

    s = sub.add_parser("import-pack", help="assessor: set up from an inspection pack")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--passphrase-file", required=True)
    s.add_argument("file")

    s = sub.add_parser("export", help="assessor: a signed, encrypted export for the lead inspector")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--passphrase-file", help="encrypt to a passphrase (when no pack was issued)")
    s.add_argument("--escrow", action="append", default=[], metavar="AGE_RECIPIENT", help="also encrypt to this key")

    s = sub.add_parser("merge", help="lead inspector: merge assessors' exports")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--passphrase-file")
    s.add_argument("--trust", action="append", default=[], metavar="FINGERPRINT")
    s.add_argument("--report", help="also write the merge report (JSON) here")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument("files", nargs="+")

    s = sub.add_parser("conflicts", help="list per-answer conflicts")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--status", choices=["open", "resolved"])
    s.add_argument("--format", choices=["table", "json"], default="table")

    s = sub.add_parser("resolve", help="decide a conflict: choose a side or give the value")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--conflict", required=True, help="conflict id (or a unique prefix)")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--choose", type=int, help="1, 2, ... as listed by 'conflicts'")
    g.add_argument("--value", help="the answer to record instead")
    s.add_argument("--why", required=True)

    s = sub.add_parser("agreement", help="QA second reads: agreement and Cohen's kappa")
    s.add_argument("--db", dest="sub_db", required=True)
    s.add_argument("--inspection", required=True)
    s.add_argument("--format", choices=["table", "json"], default="table")

    s = sub.add_parser("key", help="show this user's signing-key fingerprint")

    s = sub.add_parser("schemas", help="write the published JSON Schemas into a folder")
    s.add_argument("--out", default="docs")
    return p


class CliError(Exception):
    pass


def _table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    cells = [[str(c) for c in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _emit(rows: list[dict[str, Any]], fmt: str, out: Any) -> None:
    if fmt == "json":
        json.dump(rows, out, indent=1, ensure_ascii=False)
        out.write("\n")
        return
    if not rows:
        out.write("(nothing to show)\n")
        return
    header = list(rows[0].keys())
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if r[k] is None else json.dumps(r[k]) if isinstance(r[k], (dict, list)) else r[k] for k in header])
        out.write(buf.getvalue())
        return
    flat = [[json.dumps(r[k]) if isinstance(r[k], (dict, list)) else r[k] for k in header] for r in rows]
    out.write(_table(flat, header) + "\n")


# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------


def cmd_question_sets(args: argparse.Namespace, out: Any) -> int:
    from models.questionset import schema, text_in
    from ui import ops

    if args.schema:
        json.dump(schema(), out, indent=1)
        out.write("\n")
        return 0
    cat = ops.catalog()
    for err in cat.errors:
        print(f"warning: {err}", file=sys.stderr)
    if args.show:
        qs = cat.get(args.show)
        data = qs.data.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["journey_order"] = [qv.id for qv in qs.questions]
        if args.format == "json":
            json.dump(data, out, indent=1, ensure_ascii=False)
            out.write("\n")
            return 0
        out.write(f"{qs.title()}  ({qs.id} {qs.version}, effective {qs.data.effective_date})\n\n")
        rows = []
        for qv in qs.questions:
            rows.append(
                [
                    qv.position + 1,
                    qv.id,
                    qv.criterion.code,
                    qv.stage.value,
                    "scored" if qv.q.scored else "data",
                    "/".join(qs.groups_of(qv) + qs.headlines_of(qv)),
                    text_in(qv.q.text)[:70],
                    "; ".join(s.ref() for s in qv.q.sources),
                ]
            )
        out.write(_table(rows, ["#", "id", "crit", "stage", "kind", "feeds", "wording", "sources"]) + "\n")
        return 0
    sets = []
    for qs in cat.sets.values():
        counts: dict[str, int] = {}
        for qv in qs.questions:
            counts[qv.criterion.code] = counts.get(qv.criterion.code, 0) + 1
        sets.append(
            {
                "id": qs.id,
                "title": qs.title(),
                "version": qs.version,
                "framework": qs.data.framework,
                "effective_date": qs.data.effective_date,
                "questions": len(qs.questions),
                "scored": sum(1 for qv in qs.questions if qv.q.scored),
                "per_criterion": counts,
            }
        )
    if args.format == "json":
        json.dump(sets, out, indent=1, ensure_ascii=False)
        out.write("\n")
        return 0
    for s in sets:
        out.write(f"{s['id']}  {s['title']}  (version {s['version']}, {s['questions']} questions, {s['scored']} scored)\n")
        out.write("   " + "  ".join(f"{k}:{v}" for k, v in s["per_criterion"].items()) + "\n")
    return 0


def _pct(v: float | None) -> str:
    from models.scoring import fmt_pct

    return fmt_pct(v)


def cmd_scores(args: argparse.Namespace, out: Any) -> int:
    from models.questionset import text_in
    from ui import ops

    where: dict[str, list[str]] = {}
    for item in args.where:
        if "=" not in item:
            raise CliError(f"--where expects FIELD=VALUE, not {item!r}")
        k, v = item.split("=", 1)
        where.setdefault(k.strip(), []).append(v.strip())
    with ops.open_store(args.sub_db, must_exist=True) as store:
        res = ops.inspection_scores(store, args.inspection, rule=args.rule, where=where)
        n_open = sum(ops.open_conflicts(store, res.inspection.id).values())
        cases = ops.case_inputs(store.case_summaries(res.inspection.id)) if args.by == "case" else []
    qs, rep = res.qs, res.report
    flag = "" if rep.cases else " (no cases match)"
    if args.format == "table":
        out.write(
            f"{res.inspection.name}: {qs.title()} {qs.version}; {rep.cases} cases{flag}"
            + (f"; where {where}" if where else "")
            + "\n"
        )

    def with_splits(row: dict[str, Any], getter: Any) -> dict[str, Any]:
        for key, srep in res.splits.items():
            v = getter(srep)
            row[key] = _pct(v)
        return row

    rows: list[dict[str, Any]] = []
    if args.by == "question":
        for qv in qs.questions:
            s = rep.questions[qv.id]
            row = {
                "question": qv.id,
                "criterion": qv.criterion.code,
                "scored": qv.q.scored,
                "above": s.above,
                "applicable": s.applicable,
                "score": _pct(s.proportion) if qv.q.scored else "",
                "na": s.na,
                "unanswered": s.unanswered,
                "distribution": dict(sorted(s.distribution.items())),
                "wording": text_in(qv.q.text)[:60] if args.format == "table" else text_in(qv.q.text),
            }
            if args.format == "json":
                row["proportion"] = s.proportion
            rows.append(with_splits(row, lambda r, q=qv.id: r.questions[q].proportion))
    elif args.by == "criterion":
        for code, g in rep.criteria.items():
            row = {
                "criterion": code,
                "title": text_in(qs.criteria[code].title),
                "score": _pct(g.value),
                "band": g.band or "",
                "mean_of": g.parts,
                "above": g.numerator,
                "applicable": g.denominator,
                "excluded": len(g.excluded),
            }
            if args.format == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            rows.append(with_splits(row, lambda r, c=code: r.criteria[c].value if c in r.criteria else None))
    elif args.by in ("outcome", "section"):
        for gid, g in rep.groups.items():
            if args.by == "outcome" and g.level not in ("outcome", "section"):
                continue
            other = rep.groups_other_rule.get(gid)
            row = {
                "group": gid,
                "title": text_in(qs.groups[gid].title),
                "rule": g.rule,
                "score": _pct(g.value),
                "band": g.band or "",
                "mean_of": g.parts,
                "above": g.numerator,
                "applicable": g.denominator,
                f"score_by_{other.rule}" if other else "other": _pct(other.value) if other else "",
            }
            if args.format == "json":
                row["value"] = g.value
                row["excluded"] = g.excluded
            rows.append(with_splits(row, lambda r, i=gid: r.groups[i].value if i in r.groups else None))
    elif args.by == "headline":
        for hid, g in rep.headlines.items():
            row = {
                "headline": hid,
                "title": text_in(qs.groups[hid].title),
                "score": _pct(g.value),
                "band": g.band or "",
                "mean_of": g.parts,
                "above": g.numerator,
                "applicable": g.denominator,
            }
            if args.format == "json":
                row["value"] = g.value
            rows.append(with_splits(row, lambda r, i=hid: r.headlines[i].value))
        if not rows and args.format == "table":
            out.write("This question set has no headline scores.\n")
            return 0
    elif args.by == "case":
        from models.scoring import matches
        from models.scoring import score as score_fn


        for c in cases:
            if where and not matches(c, where):
                continue
            r1 = score_fn(qs, [c], rule=args.rule)
            above = sum(s.above for s in r1.questions.values() if s.scored)
            appl = sum(s.applicable for s in r1.questions.values() if s.scored)
            row = {"case": c.reference, "assessor": c.assessor, "above": above, "applicable": appl}
            for gid, g in r1.groups.items():
                row[gid] = _pct(g.value)
            if args.format == "json":
                row["values"] = {gid: g.value for gid, g in r1.groups.items()}
            rows.append(row)
    _emit(rows, args.format, out)
    if n_open:
        print(f"warning: {n_open} merge conflicts are unresolved; these scores may change", file=sys.stderr)
    if args.format == "table":
        if n_open:
            out.write(f"\n⚠ {n_open} merge conflicts are unresolved: these scores may change.\n")
        if rep.excluded:
            out.write(f"\n{len(rep.excluded)} scoring questions had no applicable case and are left out of the means.\n")
        if args.by in ("outcome", "section"):
            out.write(
                "Rule: "
                + ("mean over the group's scoring questions" if rep.rule == "questions" else "mean of criterion scores")
                + ". Percentages rounded half-up for display only.\n"
            )
    return 0


def cmd_exchange(args: argparse.Namespace, out: Any) -> int:
    from ui import exchange, ops

    if args.command == "key":
        out.write(exchange.my_fingerprint() + "\n")
        return 0
    if args.command == "import-pack":
        with ops.open_store(args.sub_db) as store:
            iid = exchange.import_pack(store, Path(args.file), args.passphrase_file)
        out.write(iid + "\n")
        return 0
    with ops.open_store(args.sub_db, must_exist=True) as store:
        if args.command == "make-pack":
            refs = [r.strip() for r in args.cases.split(",")] if args.cases else None
            n = exchange.make_pack(store, args.inspection, args.assessor, Path(args.out), args.passphrase_file, refs)
            out.write(f"wrote a pack of {n} cases for {args.assessor} to {args.out}\n")
            out.write(f"lead inspector's key fingerprint: {exchange.my_fingerprint()}\n")
            return 0
        if args.command == "export":
            info = exchange.export_secure(store, args.inspection, Path(args.out), args.passphrase_file, args.escrow)
            out.write(f"wrote {info['cases']} cases to {args.out}, signed by {info['fingerprint']}, "
                      f"encrypted to the {info['encrypted_to']}\n")
            return 0
        if args.command == "merge":
            results, summary = exchange.merge_files(store, [Path(f) for f in args.files],
                                                    passphrase_file=args.passphrase_file, trust=args.trust)
            if args.report:
                from exports.files import atomic_write

                atomic_write(Path(args.report), (json.dumps(summary, indent=1) + "\n").encode())
            if args.format == "json":
                json.dump(summary, out, indent=1)
                out.write("\n")
            else:
                out.write(_table([[r.status, Path(r.name).name, r.signer, r.reason] for r in results],
                                 ["status", "file", "signer", "reason"]) + "\n")
                out.write(f"new cases: {len(summary['cases_new'])}; updated: {len(summary['cases_updated'])}; "
                          f"unchanged: {len(summary['cases_unchanged'])}; duplicates: {len(summary['duplicates'])}; "
                          f"open conflicts: {summary['conflicts_open']}\n")
            refused = [r for r in results if r.status == "refused"]
            for r in refused:
                print(f"refused: {r.name}: {r.reason}", file=sys.stderr)
            return 3 if refused else 0
        if args.command == "conflicts":
            rows = exchange.conflicts(store, args.inspection, args.status)
            if args.format == "json":
                json.dump(rows, out, indent=1, ensure_ascii=False)
                out.write("\n")
                return 0
            table = []
            for k in rows:
                sides = "  |  ".join(f"{i}: {v['assessor']}: {v['value']}" + (f" ({v['note']})" if v["note"] else "")
                                     for i, v in enumerate(k["versions"], 1))
                done = f"resolved by {k['resolved_by']}: {k['why']}" if k["status"] == "resolved" else "open"
                table.append([k["id"][:8], k["reference"], k["question_id"], sides, done])
            out.write(_table(table, ["id", "case", "question", "versions", "status"]) + "\n")
            return 0
        if args.command == "resolve":
            exchange.resolve(store, args.conflict, choose=args.choose, value=args.value, why=args.why)
            out.write("resolved\n")
            return 0
        if args.command == "agreement":
            rep = exchange.agreement_report(store, args.inspection)
            data = {
                "pairs": rep.pairs,
                "by_question": {q: {"agree": a, "n": n, "share": a / n} for q, (a, n) in rep.by_question.items()},
                "kappa_by_criterion": {c: {"kappa": k, "n": n} for c, (k, n) in rep.kappa_by_criterion.items()},
                "kappa_by_readers": [{"readers": list(r), "kappa": k, "n": n} for r, (k, n) in rep.kappa_by_readers.items()],
                "disagreements": [{"case": p.case, "question": p.question, "first": p.first, "second": p.second}
                                  for p in rep.disagreements],
            }
            if args.format == "json":
                json.dump(data, out, indent=1)
                out.write("\n")
                return 0
            if not rep.pairs:
                out.write("No case has both a primary and a QA reading.\n")
                return 0
            out.write(_table([[c, "n/a" if k is None else f"{k:.2f}", n] for c, (k, n) in rep.kappa_by_criterion.items()],
                             ["criterion", "kappa", "pairs"]) + "\n\n")
            out.write(_table([[" / ".join(r), "n/a" if k is None else f"{k:.2f}", n]
                              for r, (k, n) in rep.kappa_by_readers.items()], ["readers", "kappa", "pairs"]) + "\n\n")
            out.write(f"{len(rep.disagreements)} disagreements:\n")
            out.write(_table([[p.case, p.question, p.first, p.second] for p in rep.disagreements],
                             ["case", "question", "primary", "QA"]) + "\n")
            return 0
    return 2


def run_cli(argv: Sequence[str] | None = None, out: Any = None) -> int:
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from ui.app import run_app

        return run_app(args.db)
    from ui import ops

    try:
        if args.command == "question-sets":
            return cmd_question_sets(args, out)
        if args.command == "new-inspection":
            with ops.open_store(args.sub_db) as store:
                iid = ops.new_inspection(
                    store, args.name, args.question_set, area=args.area, start_date=args.start, end_date=args.end
                )
            out.write(iid + "\n")
            return 0
        if args.command == "import-sample":
            with ops.open_store(args.sub_db, must_exist=True) as store:
                n = ops.import_sample(store, args.inspection, Path(args.file))
            out.write(f"imported {n} cases\n")
            return 0
        if args.command == "import-bundle":
            with ops.open_store(args.sub_db) as store:
                iid = ops.import_bundle(store, Path(args.file))
            out.write(iid + "\n")
            return 0
        if args.command == "export-bundle":
            with ops.open_store(args.sub_db, must_exist=True) as store:
                n = ops.export_bundle(store, args.inspection, Path(args.out))
            out.write(f"wrote {n} cases to {args.out}\n")
            return 0
        if args.command == "scores":
            return cmd_scores(args, out)
        if args.command == "print-case":
            with ops.open_store(args.sub_db, must_exist=True) as store:
                iid = ops.find_inspection(store, args.inspection).id if args.inspection else None
                ops.print_case(store, ops.find_case(store, args.case, iid), Path(args.out))
            out.write(f"wrote {args.out}\n")
            return 0
        if args.command == "print-cases":
            with ops.open_store(args.sub_db, must_exist=True) as store:
                ins = ops.find_inspection(store, args.inspection)
                ids = None
                if args.cases:
                    ids = [ops.find_case(store, ref.strip(), ins.id) for ref in args.cases.split(",") if ref.strip()]
                n = ops.print_cases(store, ins.id, Path(args.out), ids)
            out.write(f"printed {n} cases to {args.out}\n")
            return 0
        if args.command == "print-report":
            with ops.open_store(args.sub_db, must_exist=True) as store:
                ops.print_report(store, args.inspection, Path(args.out), rule=args.rule)
            out.write(f"wrote {args.out}\n")
            return 0
        if args.command in ("make-pack", "import-pack", "export", "merge", "conflicts", "resolve", "agreement", "key"):
            return cmd_exchange(args, out)
        if args.command == "schemas":
            from exports.bundle import schema as bundle_schema
            from models.questionset import schema as qs_schema

            folder = Path(args.out)
            (folder / "question-set.schema.json").write_text(json.dumps(qs_schema(), indent=1) + "\n")
            (folder / "bundle.schema.json").write_text(json.dumps(bundle_schema(), indent=1) + "\n")
            return 0
    except (CliError, *ops.USER_ERRORS) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    parser.error(f"unknown command {args.command}")
    return 2  # pragma: no cover


def run() -> None:
    sys.exit(run_cli())


if __name__ == "__main__":
    run()
