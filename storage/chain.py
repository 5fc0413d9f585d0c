"""The audit trail's hash chain (schema version 3).

Each audit row stores ``chain = sha256(previous row's chain + canonical row
content)``, the content being the row's columns as canonical JSON (id first,
then the stored text of every column).  Changing, inserting or deleting a row
with raw SQL breaks the link at that row; :func:`verify` names the first
broken one.  The first row chains from the empty string.

A chain without a secret cannot stop someone who rewrites every later row
too, nor show rows cut from the end: it makes a careless or partial edit
evident (the merge and ``verify`` report it), not an impossible one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["COLUMNS", "link", "verify", "VerifyResult"]

# The columns a link commits to, in order (``chain`` itself is not one of them).
COLUMNS = ("id", "at", "who", "action", "inspection_id", "case_id", "assessment_id", "question_id", "old", "new",
           "digest")

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def link(previous: str, row: Sequence[Any]) -> str:
    """The chain value of ``row`` (values in :data:`COLUMNS` order) after ``previous``."""
    return hashlib.sha256((previous + _ENCODE(list(row))).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of checking the chain: ``ok``, or the first broken link."""

    ok: bool
    rows: int  # rows checked
    row_id: int | None = None  # the first row whose link is broken
    problem: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"audit trail OK: {self.rows} rows, every link intact"
        return f"audit trail BROKEN at row {self.row_id}: {self.problem}"


def verify(rows: Iterable[Sequence[Any]], previous: str = "", last_id: int = 0) -> VerifyResult:
    """Check rows given as (COLUMNS..., chain) in id order, after the row
    ``last_id`` whose chain is ``previous``; stops at the first break.
    Messages name the row, its action and time; never its content (personal data)."""
    n = 0
    for r in rows:
        row_id, chain = int(r[0]), r[len(COLUMNS)]
        if row_id != last_id + 1:
            missing = f"row {last_id + 1}" if row_id == last_id + 2 else f"rows {last_id + 1}-{row_id - 1}"
            return VerifyResult(False, n, row_id, f"{missing} missing: row {row_id} follows row {last_id} "
                                                  "(rows were deleted)")
        expected = link(previous, r[:len(COLUMNS)])
        if chain != expected:
            return VerifyResult(False, n, row_id, f"row {row_id} ({r[3]}, {r[1]}) does not match its link: it was "
                                                  "changed or inserted after it was written")
        previous, last_id, n = chain, row_id, n + 1
    return VerifyResult(True, n)
