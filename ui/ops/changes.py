"""What an operation changed, so a screen refreshes only that (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpChanges:
    """Flags naming the kinds of data an operation changed.

    A screen holding a list of inspections reloads it only when ``inspections``
    is set; the case list when ``cases`` is; the findings when ``answers`` is;
    the conflicts table when ``conflicts`` is.
    """

    inspections: bool = False
    cases: bool = False
    answers: bool = False
    conflicts: bool = False
    settings: bool = False

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(*(a or b for a, b in zip(self._flags(), other._flags(), strict=True)))

    def _flags(self) -> tuple[bool, ...]:
        return (self.inspections, self.cases, self.answers, self.conflicts, self.settings)

    def __bool__(self) -> bool:
        return any(self._flags())


NOTHING = OpChanges()
CASES = OpChanges(cases=True)
INSPECTIONS = OpChanges(inspections=True, cases=True)
MERGED = OpChanges(inspections=True, cases=True, answers=True, conflicts=True)
DECIDED = OpChanges(answers=True, conflicts=True)


@dataclass(frozen=True)
class Done:
    """The result of an operation that made something: how many, which, what changed."""

    count: int = 0
    id: str = ""
    changes: OpChanges = NOTHING
    skipped: int = 0  # left as they were (a sample import's existing cases)
