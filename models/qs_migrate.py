"""Moving answers from one version of a question set to another: the plan.

Pure.  For every stored answer the plan says what becomes of it: carried
over unchanged (the question is the same and the answer fits), moved (a
renamed question, or an option renamed by the mapping), or dropped because it
no longer fits (the question is gone, or the answer is not on its new scale).
Dropped answers are kept in the audit trail by the storage step that carries
the plan out, and listed in the report; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from models.qs_set import QuestionSet


@dataclass(frozen=True)
class AnswerMap:
    """A methodology team's mapping between two versions: renamed questions
    (old id -> new id) and renamed options (new question id -> old value -> new value)."""

    questions: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Move:
    """What becomes of one stored answer."""

    assessment_id: str
    old_question: str
    new_question: str | None  # None: dropped
    old_value: Any
    new_value: Any
    reason: str  # why it moved or was dropped ("" when carried unchanged)

    @property
    def dropped(self) -> bool:
        return self.new_question is None

    @property
    def changed(self) -> bool:
        return not self.dropped and (self.new_question != self.old_question or self.new_value != self.old_value)


@dataclass
class MigrationPlan:
    old: str  # "id version"
    new: str
    moves: list[Move] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # case details that no longer fit (kept, listed)

    @property
    def carried(self) -> list[Move]:
        return [m for m in self.moves if not m.dropped and not m.changed]

    @property
    def changed(self) -> list[Move]:
        return [m for m in self.moves if m.changed]

    @property
    def dropped(self) -> list[Move]:
        return [m for m in self.moves if m.dropped]


def check_map(amap: AnswerMap, old: QuestionSet, new: QuestionSet) -> list[str]:
    """Why the mapping cannot be used between these two sets (each problem in words)."""
    problems = []
    for a, b in amap.questions.items():
        if a not in old.by_id:
            problems.append(f"questions: {a} is not a question of {old.id} {old.version}")
        if b not in new.by_id:
            problems.append(f"questions: {b} is not a question of {new.id} {new.version}")
    targets = list(amap.questions.values())
    problems += [f"questions: {b} is the target of two questions" for b in sorted(set(targets))
                 if targets.count(b) > 1]
    for qid, renames in amap.values.items():
        if qid not in new.by_id:
            problems.append(f"values: {qid} is not a question of {new.id} {new.version}")
            continue
        allowed = new.by_id[qid].scale.allowed_values | {"na"}
        problems += [f"values: {qid}: {v!r} is not an answer on its new scale"
                     for v in renames.values() if v not in allowed]
    return problems


def _map_value(value: Any, renames: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [renames.get(v, v) if isinstance(v, str) else v for v in value]
    if isinstance(value, dict):
        return {k: renames.get(v, v) if isinstance(v, str) else v for k, v in value.items()}
    return value


def plan_answer(old: QuestionSet, new: QuestionSet, amap: AnswerMap, assessment_id: str, qid: str,
                value: Any, taken: set[str]) -> Move:
    """The fate of one answer; ``taken`` holds the new question ids already
    answered in this assessment (a second answer for one of them is dropped)."""
    target = amap.questions.get(qid, qid)
    renamed = target != qid
    if target not in new.by_id:
        return Move(assessment_id, qid, None, value, None, f"{qid} is not in {new.id} {new.version}")
    if target in taken:
        return Move(assessment_id, qid, None, value, None, f"{target} already has an answer moved from another question")
    new_value = _map_value(value, amap.values.get(target, {}))
    problem = new.check_value(target, new_value)
    if problem is not None:
        return Move(assessment_id, qid, None, value, None, f"no longer fits: {problem}")
    taken.add(target)
    reasons = ([f"question renamed {qid} -> {target}"] if renamed else []) + (
        ["option renamed by the mapping"] if new_value != value else [])
    return Move(assessment_id, qid, target, value, new_value, "; ".join(reasons))


def plan_migration(old: QuestionSet, new: QuestionSet, amap: AnswerMap,
                   answers: Iterable[tuple[str, str, Any]],
                   details: Iterable[tuple[str, Mapping[str, Any]]] = ()) -> MigrationPlan:
    """The plan for ``answers`` ((assessment id, question id, value) in a stable
    order: answers under their own id first, so a renamed question never
    displaces an answer kept in place) and ``details`` ((case reference, details))."""
    plan = MigrationPlan(f"{old.id} {old.version}", f"{new.id} {new.version}")
    rows = sorted(answers, key=lambda r: (r[0], r[1] in amap.questions, r[1]))
    taken: dict[str, set[str]] = {}
    for assessment_id, qid, value in rows:
        plan.moves.append(plan_answer(old, new, amap, assessment_id, qid, value, taken.setdefault(assessment_id, set())))
    for reference, d in details:
        plan.details += [f"{reference}: {p}" for p in new.check_details(dict(d))]
    return plan
