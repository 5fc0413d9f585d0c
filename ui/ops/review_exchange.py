"""Review steps crossing between laptops (``ui.ops.exchange`` calls these):
the assessor's submissions on export, the lead's steps in packs, and the
merge's check that a file submits only its signer's own readings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from exports.review_steps import AssessorStep, to_rows
from models import review as model
from storage import review as review_sql
from storage.merge import ScopeError, same_person
from storage.review import ReviewEvent
from storage.rows import MergeOutcome
from ui.ops.errors import OpError
from ui.ops.review import REVIEWED
from ui.ops.workspace import Workspace

__all__ = ["REVIEWED", "return_pack_cases", "plan_submissions", "export_steps",
           "commit_submissions", "with_submissions", "pack_steps", "apply_pack_steps"]


def return_pack_cases(inspection: str, assessor: str, qa: bool, case_refs: Sequence[str] | None,
                      steps: Sequence[ReviewEvent], n_queries: int) -> list[Any]:
    """A return pack's cases (none), once it is clear it has something to carry
    (review steps or queries)."""
    if qa or case_refs:
        raise OpError("a return pack carries the lead's review steps and queries and no cases: leave out --qa and "
                      "--cases")
    if not steps and not n_queries:
        raise OpError(f"nothing to send {assessor} in {inspection}: none of their cases has been returned, approved "
                      "or reopened ('review --return') and they have no queries ('query'). Nothing was written.")
    return []


def plan_submissions(ws: Workspace, inspection_id: str) -> list[ReviewEvent]:
    """The submissions an export makes now (complete readings in progress or returned)."""
    return review_sql.plan_submissions(ws.store, inspection_id, ws.reading_kind(inspection_id), ws.who())


def export_steps(ws: Workspace, inspection_id: str, planned: Sequence[ReviewEvent]) -> list[ReviewEvent]:
    """What an export carries: every submission of the inspection's readings, those planned now included."""
    return [*review_sql.assessor_events(ws.store, inspection_id), *planned]


def commit_submissions(ws: Workspace, planned: Sequence[ReviewEvent]) -> None:
    review_sql.commit(ws.store, planned)


OnCommit = Callable[[Any, MergeOutcome], None]


def with_submissions(steps: Sequence[AssessorStep], assessor: str, then: OnCommit) -> OnCommit:
    """The merge's last step inside its transaction: the file's submissions
    (refusing the whole file when one is not the signer's to make, or when it
    changes a case of theirs the lead has approved), then ``then``."""
    rows = to_rows(steps)

    def apply(c: Any, out: MergeOutcome) -> None:
        if rows:
            out.submitted.extend(review_sql.merge_steps(c, rows, assessor))
        locked = review_sql.approved_of(c, out.inspection_id, out.updated, assessor)
        if locked:
            raise ScopeError(f"the file changes {', '.join(locked)}, which the lead inspector has approved (a change "
                             "to an approved case is the lead's, with a reason)")
        then(c, out)

    return apply


def pack_steps(ws: Workspace, inspection_id: str, assessor: str) -> list[ReviewEvent]:
    """The lead's steps on the assessor's readings: what their next pack (or a return pack) carries."""
    readings = [a.id for case in ws.cases(inspection_id) for a in ws.store.assessments_for_case(case.id)
                if a.kind == "primary" and same_person(a.assessor, assessor)]
    return review_sql.lead_events_for(ws.store, inspection_id, readings)


def apply_pack_steps(ws: Workspace, steps: Sequence[ReviewEvent], assessor: str, source: str) -> int:
    """The lead's steps from a pack, on this laptop: a returned reading is
    reopened for its assessor (audited as theirs), with the comments to see.
    Returns how many readings were returned."""
    if not steps:
        return 0
    try:
        moved, _skipped = review_sql.import_steps(ws.store, steps, assessor)
    except model.ReviewError as e:
        raise OpError(f"{source}: {e}. Nothing was changed.") from None
    returned = 0
    for aid in moved:
        if review_sql.state(ws.store, aid) == "returned":
            ws.store.set_status(aid, "in_progress", ws.who())
            returned += 1
    return returned
