"""QA second reads: the lead picks a sample of each assessor's cases and a QA
reader for each, never the case's own assessor (``assign-qa``).  The reader's
pack (``make-pack --qa``) carries those cases blind; their reads come back
through the ordinary export and merge, in scope as QA readings.

The default sample is stratified by assessor: ``share`` (10%) of each
assessor's cases, rounded up, at least one each, counting QA reads already
assigned.  Within an assessor's cases the choice follows a fixed pseudo-random
order (SHA-256 of the inspection and case ids), so the same database gives the
same sample and no case is favoured by its reference or its place in the list.
A reader is chosen for each case from the readers given (or, with none, from
every assessor given primary cases): the one with the fewest QA reads so far
who is not one of the case's own assessors.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from storage import qa as qa_sql
from storage.merge import same_person
from storage.rows import CaseRow
from ui.ops.changes import CASES
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


@dataclass(frozen=True)
class QaRead:
    reference: str
    assessor: str  # the case's primary assessor(s), joined
    reader: str
    new: bool  # assigned now (False: assigned before)


@dataclass
class QaAssigned:
    reads: list[QaRead]
    skipped: list[str] = field(default_factory=list)  # cases that could not be given a reader, and why
    changes = CASES

    @property
    def count(self) -> int:
        return sum(1 for r in self.reads if r.new)


def _order(inspection_id: str, case_id: str) -> str:
    return hashlib.sha256(f"{inspection_id}:{case_id}".encode()).hexdigest()


def _sample_size(n: int, share: float) -> int:
    return max(1, math.ceil(round(n * share, 9))) if n else 0


def assign_qa(ws: Workspace, inspection_id: str, *, readers: Sequence[str] = (), case_refs: Sequence[str] = (),
              share: float = 0.1) -> QaAssigned:
    """Choose the QA sample (or take ``case_refs``) and a reader for each case; recorded as QA assignments."""
    if not 0 < share <= 1:
        raise OpError("--share is a fraction of each assessor's cases, more than 0 and at most 1 (0.1 is 10%)")
    ins = ws.find_inspection(inspection_id)
    given = qa_sql.assignments(ws.store, ins.id)
    primary: dict[str, list[str]] = {}
    for g in given:
        if g.kind == "primary" and g.assessor not in primary.setdefault(g.case_id, []):
            primary[g.case_id].append(g.assessor)
    qa_done = {g.case_id: g.assessor for g in given if g.kind == "qa"}
    pool = [r.strip() for r in readers if r.strip()] or sorted({a for names in primary.values() for a in names})
    load = {r: sum(1 for x in qa_done.values() if same_person(x, r)) for r in pool}
    cases = {c.id: c for c in ws.cases(ins.id)}
    wanted = _explicit(cases, primary, case_refs) if case_refs else _sample(ins.id, cases, primary, qa_done, share)
    out = QaAssigned([])
    new: list[tuple[str, str]] = []
    for cid in wanted:
        case = cases[cid]
        own = primary.get(cid, [])
        if cid in qa_done:
            out.reads.append(QaRead(case.reference, ", ".join(own), qa_done[cid], False))
            continue
        fit = [r for r in pool if not any(same_person(r, a) for a in own)]
        if not fit:
            if case_refs and readers:
                raise OpError(f"case {case.reference} is {', '.join(own)}'s own: a QA reader is never the case's "
                              "assessor. Nothing was changed.")
            out.skipped.append(f"{case.reference}: no QA reader other than its own assessor ({', '.join(own)})")
            continue
        reader = min(fit, key=lambda r: (load[r], pool.index(r)))
        load[reader] += 1
        new.append((cid, reader))
        out.reads.append(QaRead(case.reference, ", ".join(own), reader, True))
    if new:
        qa_sql.assign_readings(ws.store, ins.id, new, "qa", ws.who())
    return out


def _explicit(cases: dict[str, CaseRow], primary: dict[str, list[str]], refs: Sequence[str]) -> list[str]:
    by_ref = {c.reference: cid for cid, c in cases.items()}
    missing = [r for r in refs if r not in by_ref]
    if missing:
        raise OpError(f"no such cases: {', '.join(missing)}. Nothing was changed.")
    unread = [r for r in refs if by_ref[r] not in primary]
    if unread:
        raise OpError(f"not given to any assessor yet (make their pack first): {', '.join(unread)}. "
                      "Nothing was changed.")
    return list(dict.fromkeys(by_ref[r] for r in refs))


def _sample(inspection_id: str, cases: dict[str, CaseRow], primary: dict[str, list[str]], qa_done: dict[str, str],
            share: float) -> list[str]:
    """The stratified sample: per assessor (by the case's first primary assessor), share of their cases."""
    strata: dict[str, list[str]] = {}
    for cid, names in primary.items():
        if cid in cases:
            strata.setdefault(names[0], []).append(cid)
    out: list[str] = []
    # the smallest strata first: their cases have the fewest readers to spare, so loads come out even
    for assessor in sorted(strata, key=lambda a: (len(strata[a]), a)):
        mine = sorted(strata[assessor], key=lambda cid: _order(inspection_id, cid))
        k = _sample_size(len(mine), share)
        done = [cid for cid in mine if cid in qa_done]
        out += done + [cid for cid in mine if cid not in qa_done][:max(0, k - len(done))]
    return out


def qa_reads(ws: Workspace, inspection_id: str) -> list[QaRead]:
    """Every QA read the lead has given out in the inspection."""
    ins = ws.find_inspection(inspection_id)
    given = qa_sql.assignments(ws.store, ins.id)
    refs = {c.id: c.reference for c in ws.cases(ins.id)}
    own: dict[str, list[str]] = {}
    for g in given:
        if g.kind == "primary":
            own.setdefault(g.case_id, []).append(g.assessor)
    return [QaRead(refs.get(g.case_id, g.case_id), ", ".join(own.get(g.case_id, [])), g.assessor, False)
            for g in given if g.kind == "qa"]


def pack_cases(ws: Workspace, inspection_id: str, reader: str, case_refs: Sequence[str] | None) -> list[CaseRow]:
    """The cases of a QA reader's (blind) pack: the QA reads given to them
    (``case_refs`` must be among those)."""
    ins = ws.find_inspection(inspection_id)
    mine = {g.case_id for g in qa_sql.assignments(ws.store, ins.id) if g.kind == "qa" and same_person(g.assessor, reader)}
    cases = [c for c in ws.cases(ins.id) if c.id in mine]
    if case_refs:
        other = set(case_refs) - {c.reference for c in cases}
        if other:
            raise OpError(f"not QA reads given to {reader} (use assign-qa first): {', '.join(sorted(other))}")
        cases = [c for c in cases if c.reference in set(case_refs)]
    if not cases:
        raise OpError(f"{reader} has no QA reads in {ins.name}: give them some with assign-qa first")
    return cases
