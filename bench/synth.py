"""Fast synthetic samples for the benchmarks: distinct cases in thousands.

``tests/conftest.py`` has the readable generators the tests use; these walk the
compiled applicability predicates once per case instead, so 100,000 distinct
cases take about a minute rather than hours.  The answers follow the same
distribution: every applicable question answered, mostly above the line,
about 5% N/A where the scale allows it.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from typing import Any

from models.conditions import OFF, compiled_questions
from models.questionset import QuestionSet
from models.scoring import CaseInput, case_scores
from tests.conftest import synthetic_details  # the same case details the tests draw


def cases(qs: QuestionSet, n: int, seed: int = 7) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """``n`` distinct (details, answers) pairs."""
    rng = random.Random(seed)
    plan = []
    for (qid, pred, per), qv in zip(compiled_questions(qs), qs.questions, strict=True):
        opts = [o.value for o in qv.scale.options]
        above = [o.value for o in qv.scale.options if o.above_line]
        multi = qv.scale.kind == "multi"
        plan.append((qid, pred, per, opts, above, multi, qv.scale.allow_na))
    for _ in range(n):
        details = synthetic_details(qs, rng)
        answers: dict[str, Any] = {}
        effective: dict[str, Any] = {}
        for qid, pred, per, opts, above, multi, allow_na in plan:
            r = pred(details, effective)
            if r is False:
                effective[qid] = OFF
                continue
            if r is None:
                continue
            if per is not None:
                chosen = effective.get(per)
                if chosen is OFF:
                    effective[qid] = OFF
                    continue
                if not chosen:
                    continue
                value: Any = {o: rng.choice(opts + ["na"]) for o in chosen}
            elif multi:
                value = sorted(rng.sample(opts, rng.randint(1, min(4, len(opts)))))
            elif allow_na and rng.random() < 0.05:
                value = "na"
            elif above and rng.random() < 0.6:
                value = rng.choice(above)
            else:
                value = rng.choice(opts)
            answers[qid] = value
            effective[qid] = value
        yield details, answers


def case_inputs(qs: QuestionSet, n: int, seed: int = 7) -> list[CaseInput]:
    return [CaseInput(f"c{i}", f"R{i:06d}", d, a) for i, (d, a) in enumerate(cases(qs, n, seed))]


class BundleMaker:
    """Assessment bundles (``exports.bundle`` format) built as plain data, for
    merging benchmarks: each file is one assessor's export of distinct cases."""

    STAMP = "2026-01-01T00:00:00.000Z"

    def __init__(self, qs: QuestionSet, inspection_id: str, pool: int = 200, seed: int = 3) -> None:
        self.qs = qs
        self.iid = inspection_id
        self.pool = []
        for d, a in cases(qs, pool, seed):
            scores = case_scores(qs, CaseInput("x", "x", d, a))
            self.pool.append((d, a, scores))

    def bundle(self, file_no: int, n_cases: int) -> dict[str, Any]:
        out = []
        for c in range(n_cases):
            d, a, scores = self.pool[(file_no * n_cases + c) % len(self.pool)]
            who = f"assessor-{file_no}"
            out.append({
                "id": str(uuid.uuid4()), "reference": f"F{file_no:04d}-C{c:04d}", "details": d,
                "created_at": self.STAMP, "updated_at": self.STAMP, "scores": scores,
                "assessments": [{
                    "id": str(uuid.uuid4()), "assessor": who, "question_set_version": self.qs.version,
                    "status": "complete", "kind": "primary", "lineage": None, "created_at": self.STAMP,
                    "updated_at": self.STAMP, "completed_at": self.STAMP, "position": None,
                    "answers": [{"question_id": q, "value": v, "note": "", "practice": False,
                                 "updated_at": self.STAMP, "updated_by": who} for q, v in a.items()],
                    "audit": [],
                }],
            })
        return {
            "format": "case-assessor-bundle", "format_version": 1, "exported_at": self.STAMP,
            "inspection": {"id": self.iid, "name": "Bench", "area": "", "question_set_id": self.qs.id,
                           "question_set_version": self.qs.version, "start_date": "", "end_date": "",
                           "created_at": self.STAMP},
            "question_set": {"id": self.qs.id, "version": self.qs.version},
            "grades": {},
            "cases": out,
        }
