"""QA second reads and moderation: ``assign-qa``, ``agreement``, ``moderate``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli.output import table, write_json

if TYPE_CHECKING:
    from models.agreement import AgreementReport, Kappa
    from ui.ops.workspace import Workspace


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("assign-qa", parents=[db], help="lead inspector: give cases for blind QA second reads")
    s.add_argument("--inspection", required=True)
    s.add_argument("--reader", action="append", default=[], metavar="NAME",
                   help="a QA reader (repeat for several; default: the other assessors)")
    s.add_argument("--cases", help="comma-separated references (default: a stratified sample of each assessor's cases)")
    s.add_argument("--share", type=float, default=0.1, help="the sample's share of each assessor's cases (default 0.1)")
    s.set_defaults(func=assign_qa, writes=True)
    s = sub.add_parser("agreement", parents=[db], help="QA second reads: agreement and Cohen's kappa with intervals")
    s.add_argument("--inspection", required=True)
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=agreement)
    s = sub.add_parser("moderate", parents=[db], help="lead inspector: the agreed answer to a QA disagreement")
    s.add_argument("--case", required=True)
    s.add_argument("--question", required=True)
    s.add_argument("--value", required=True)
    s.add_argument("--why", required=True)
    s.add_argument("--inspection", help="when case references repeat across inspections")
    s.set_defaults(func=moderate, writes=True)


def assign_qa(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.qa import assign_qa as assign

    refs = [r.strip() for r in args.cases.split(",") if r.strip()] if args.cases else []
    done = assign(ws, args.inspection, readers=args.reader, case_refs=refs, share=args.share)
    out.write(table([[r.reference, r.assessor, r.reader, "new" if r.new else "given before"] for r in done.reads],
                    ["case", "assessor", "QA reader", ""]) + "\n")
    for line in done.skipped:
        out.write(f"not given: {line}\n")
    out.write(f"{done.count} QA reads given; make each reader's blind pack with make-pack --qa --assessor NAME\n")
    return 0


def _kappa_json(k: Kappa) -> dict[str, Any]:
    return {"n": k.n, "agree": k.agree, "kappa": k.kappa, "low": k.low, "high": k.high, "judged": k.judged,
            "says": k.describe()}


def _agreement_json(rep: AgreementReport) -> dict[str, Any]:
    return {
        "pairs": rep.pairs,
        "second_reads": rep.second_reads,
        "by_question": {q: {"agree": a, "n": n, "share": a / n} for q, (a, n) in rep.by_question.items()},
        "by_criterion": {c: _kappa_json(k) for c, k in rep.by_criterion.items()},
        "by_assessor": {a: _kappa_json(k) for a, k in rep.by_assessor.items()},
        "disagreements": [{"case": p.case, "question": p.question, "assessor": p.assessor, "first": p.first,
                           "reader": p.reader, "second": p.second, "kind": p.kind} for p in rep.disagreements],
    }


PAIRS_EXPLAINED = ("Pairs: each case's scoring primary reading against each other reading of it (a QA second read, "
                   "or a second primary reading where two assessors were given the case), one pair per scoring "
                   "question answered and applicable in both.")


def agreement(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.moderation import agreement_report

    rep = agreement_report(ws, args.inspection)
    if args.format == "json":
        write_json(_agreement_json(rep), out)
        return 0
    if not rep.pairs:
        out.write("No case has two readings to compare yet. " + PAIRS_EXPLAINED
                  + " Give QA second reads with assign-qa.\n")
        return 0
    reads = ", ".join(f"{n} {'QA second reads' if k == 'qa' else 'second primary readings'}"
                      for k, n in rep.second_reads.items())
    out.write(f"{rep.pairs} pairs from {reads}. {PAIRS_EXPLAINED}\n\n")
    out.write(table([[c, k.n, f"{k.agree / k.n:.0%}", k.describe()] for c, k in rep.by_criterion.items()],
                    ["criterion", "pairs", "agree", "Cohen's kappa"]) + "\n\n")
    out.write(table([[a, k.n, f"{k.agree / k.n:.0%}", k.describe()] for a, k in rep.by_assessor.items()],
                    ["assessor (primary readings vs their second reads)", "pairs", "agree", "Cohen's kappa"]) + "\n\n")
    out.write(table([[q, n, f"{a / n:.0%}"] for q, (a, n) in rep.by_question.items()],
                    ["question", "pairs", "agree"]) + "\n\n")
    _disagreements(rep, out, ws, args.inspection)
    return 0


def _said(who: str, value: Any, note: str) -> str:
    return f"{who}: {value}" + (f" ({note})" if note else "")


def _disagreements(rep: AgreementReport, out: TextIO, ws: Workspace, inspection: str) -> None:
    from ui.ops.moderation import disagreements

    qa = disagreements(ws, inspection)
    rows = [[d.reference, d.question_id, _said(d.primary.assessor, d.first_value, d.primary.notes.get(d.question_id, "")),
             _said(d.second.assessor, d.second_value, d.second.notes.get(d.question_id, "")),
             f"moderated: {d.decision.value} by {d.decision.who}: {d.decision.why}" if d.decision else "to moderate"]
            for d in qa]
    rows += [[p.case, p.question, f"{p.assessor}: {p.first}", f"{p.reader}: {p.second}", "a conflict (resolve)"]
             for p in rep.disagreements if p.kind != "qa"]
    out.write(f"{len(rows)} disagreements:\n")
    out.write(table(rows, ["case", "question", "primary reading", "second reading", "decision"]) + "\n")


def moderate(args: argparse.Namespace, out: TextIO, ws: Workspace) -> int:
    from ui.ops.answers import parse_value
    from ui.ops.moderation import moderate as decide

    case = ws.case(ws.find_case(args.case, ws.find_inspection(args.inspection).id if args.inspection else None))
    value = parse_value(ws.question_set(case.inspection_id), args.question, args.value)
    decide(ws, case.reference, args.question, value, args.why, inspection=case.inspection_id)
    out.write(f"moderated {case.reference} {args.question}: {value} (the primary reading now scores it)\n")
    return 0
