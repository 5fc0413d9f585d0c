"""Agreement between two readings of the same cases (QA second reads).

Pure functions.  A *pair* is one question of one case answered in both readings
being compared: the case's scoring primary reading (``first``) and a second
reading of it (``second``: a QA second read, or a second primary reading where
two assessors were given the case).

* **Per question**: percentage agreement (agreeing pairs / pairs).
* **Per criterion** and **per assessor** (the assessor whose primary readings
  were read again, against every second read of them): Cohen's kappa,
  kappa = (p_o - p_e) / (1 - p_e), where p_o is the observed share of pairs
  that agree and p_e the agreement expected by chance from each reader's own
  distribution of answers; with n and a 95% interval kappa +- 1.96 SE, where
  SE = sqrt(p_o (1 - p_o) / (n (1 - p_e)^2)) (Cohen 1960's large-sample
  standard error), clipped to [-1, 1].
* Below :data:`MIN_PAIRS` pairs a kappa is "too few to judge": with 20 pairs at
  p_o 0.8 and p_e 0.5 the interval is already +-0.35 wide.  Pairs within one
  case are not independent, so the interval is, if anything, too narrow.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_PAIRS = 20
Z95 = 1.959964


@dataclass(frozen=True)
class Pair:
    case: str
    question: str
    criterion: str
    first: str  # the scoring primary reading's answer
    second: str  # the second reading's answer
    assessor: str  # whose primary reading ``first`` is
    reader: str  # who made the second reading
    kind: str = "qa"  # the second reading's kind: "qa", or "primary" (two assessors given the case)


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa over (reader 1, reader 2) answers; None when undefined."""
    po, pe = _po_pe(pairs)
    if po is None or pe is None or pe == 1:
        return None  # no pairs, or both readers used one category throughout: kappa is undefined
    return (po - pe) / (1 - pe)


def _po_pe(pairs: Sequence[tuple[str, str]]) -> tuple[float | None, float | None]:
    n = len(pairs)
    if n == 0:
        return None, None
    po = sum(1 for a, b in pairs if a == b) / n
    c1 = Counter(a for a, _ in pairs)
    c2 = Counter(b for _, b in pairs)
    pe = sum(c1[k] * c2[k] for k in set(c1) | set(c2)) / (n * n)
    return po, pe


@dataclass(frozen=True)
class Kappa:
    """Cohen's kappa over ``n`` pairs with its 95% interval; ``kappa`` None when undefined."""

    n: int
    agree: int
    kappa: float | None
    low: float | None
    high: float | None

    @property
    def judged(self) -> bool:
        return self.n >= MIN_PAIRS and self.kappa is not None

    def describe(self) -> str:
        """The figure as a report prints it."""
        if self.n < MIN_PAIRS:
            return f"too few to judge ({self.n} pairs; at least {MIN_PAIRS} needed)"
        if self.kappa is None or self.low is None or self.high is None:
            return "undefined (both readings gave one answer throughout)"
        return f"{_fmt(self.kappa)} (95% interval {_fmt(self.low)} to {_fmt(self.high)})"


def _fmt(x: float) -> str:
    s = f"{x:.2f}"
    return "0.00" if s == "-0.00" else s


def kappa_with_interval(pairs: Sequence[tuple[str, str]]) -> Kappa:
    n = len(pairs)
    agree = sum(1 for a, b in pairs if a == b)
    po, pe = _po_pe(pairs)
    k = cohen_kappa(pairs)
    if k is None or po is None or pe is None:
        return Kappa(n, agree, None, None, None)
    se = math.sqrt(max(0.0, po * (1 - po)) / (n * (1 - pe) ** 2))
    return Kappa(n, agree, k, max(-1.0, k - Z95 * se), min(1.0, k + Z95 * se))


@dataclass
class AgreementReport:
    pairs: int
    by_question: dict[str, tuple[int, int]]  # question -> (agree, n)
    by_criterion: dict[str, Kappa]
    by_assessor: dict[str, Kappa]  # an assessor's primary readings against every second read of them
    disagreements: list[Pair]
    second_reads: dict[str, int]  # kind of second reading -> cases read again that way


def agreement(pairs: Sequence[Pair]) -> AgreementReport:
    by_q: dict[str, list[int]] = {}
    by_c: dict[str, list[tuple[str, str]]] = {}
    by_a: dict[str, list[tuple[str, str]]] = {}
    reads: dict[str, set[tuple[str, str]]] = {}
    for p in pairs:
        s = by_q.setdefault(p.question, [0, 0])
        s[0] += p.first == p.second
        s[1] += 1
        by_c.setdefault(p.criterion, []).append((p.first, p.second))
        by_a.setdefault(p.assessor, []).append((p.first, p.second))
        reads.setdefault(p.kind, set()).add((p.case, p.reader))
    return AgreementReport(
        pairs=len(pairs),
        by_question={q: (v[0], v[1]) for q, v in by_q.items()},
        by_criterion={c: kappa_with_interval(v) for c, v in by_c.items()},
        by_assessor={a: kappa_with_interval(v) for a, v in sorted(by_a.items())},
        disagreements=[p for p in pairs if p.first != p.second],
        second_reads={k: len(v) for k, v in sorted(reads.items())},
    )
