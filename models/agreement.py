"""Agreement between two readings of the same cases (QA second reads).

Pure functions: per-question agreement and Cohen's kappa,
kappa = (p_o - p_e) / (1 - p_e), where p_o is the observed share of pairs that
agree and p_e the agreement expected by chance from each reader's own
distribution of answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Pair:
    case: str
    question: str
    criterion: str
    first: str  # the primary reading's answer
    second: str  # the QA reading's answer
    readers: tuple[str, str]


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa over (reader 1, reader 2) answers; None when undefined."""
    n = len(pairs)
    if n == 0:
        return None
    po = sum(1 for a, b in pairs if a == b) / n
    c1 = Counter(a for a, _ in pairs)
    c2 = Counter(b for _, b in pairs)
    pe = sum(c1[k] * c2[k] for k in set(c1) | set(c2)) / (n * n)
    if pe == 1:
        return None  # both readers used one category throughout: kappa is undefined
    return (po - pe) / (1 - pe)


@dataclass
class AgreementReport:
    pairs: int
    by_question: dict[str, tuple[int, int]]  # question -> (agree, n)
    kappa_by_criterion: dict[str, tuple[float | None, int]]
    kappa_by_readers: dict[tuple[str, str], tuple[float | None, int]]
    disagreements: list[Pair]


def agreement(pairs: Sequence[Pair]) -> AgreementReport:
    by_q: dict[str, list[int]] = {}
    by_c: dict[str, list[tuple[str, str]]] = {}
    by_r: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for p in pairs:
        s = by_q.setdefault(p.question, [0, 0])
        s[0] += p.first == p.second
        s[1] += 1
        by_c.setdefault(p.criterion, []).append((p.first, p.second))
        by_r.setdefault(p.readers, []).append((p.first, p.second))
    return AgreementReport(
        pairs=len(pairs),
        by_question={q: (v[0], v[1]) for q, v in by_q.items()},
        kappa_by_criterion={c: (cohen_kappa(v), len(v)) for c, v in by_c.items()},
        kappa_by_readers={r: (cohen_kappa(v), len(v)) for r, v in by_r.items()},
        disagreements=[p for p in pairs if p.first != p.second],
    )
