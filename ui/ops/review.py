"""Review: the lead returns a case with comments, approves it, reopens it;
the assessor's exports submit and resubmit (docs/lead-workflow.md).

The states and their rules are :mod:`models.review`; the SQL is
:mod:`storage.review`; the files' section is :mod:`exports.review_steps`.  A
case's review is its scoring primary reading's (a QA second read is moderated,
not reviewed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from models import review as model
from models.i18n import N_
from models.i18n import _ as translated
from storage import review as review_sql
from storage.review import ReviewEvent, Step
from ui.ops.changes import OpChanges
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

REVIEWED = OpChanges(cases=True)


@dataclass(frozen=True)
class Reviewed:
    count: int
    state: str
    changes: OpChanges = REVIEWED


@dataclass(frozen=True)
class CaseReview:
    """A reading's review as the walk-through shows it: its state, the lead's
    comments on the case (newest last) and on answers (by question)."""

    state: str = "in_progress"
    case_comments: list[ReviewEvent] = field(default_factory=list)
    answer_comments: dict[str, list[ReviewEvent]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return model.label(self.state)

    def latest_return(self) -> ReviewEvent | None:
        returns = [e for e in self.case_comments if e.action == "return"]
        return returns[-1] if returns else None


@dataclass(frozen=True)
class ReviewRow:
    reference: str
    assessor: str
    state: str
    at: str
    who: str
    comment: str


def _reading(ws: Workspace, case_ref: str, inspection: str | None) -> tuple[str, str]:
    """(reading id, case reference) of the case's scoring primary reading."""
    case_id = ws.find_case(case_ref, ws.find_inspection(inspection).id if inspection else None)
    a = ws.store.primary_assessment(case_id)
    if a is None:
        raise OpError(f"case {case_ref!r} has no reading yet: nothing to review")
    return a.id, ws.store.get_case(case_id).reference


def _take(ws: Workspace, steps: Sequence[Step]) -> list[ReviewEvent]:
    try:
        return review_sql.take_step(ws.store, steps, ws.who())
    except model.ReviewError as e:
        raise OpError(f"{e}. Nothing was changed.") from None


def return_case(ws: Workspace, case_ref: str, comment: str, answer_comments: Sequence[tuple[str, str]] = (), *,
                inspection: str | None = None) -> Reviewed:
    """Return the case to its assessor with a comment on the case and,
    optionally, on answers (question id, comment).  Travels in a return pack."""
    aid, ref = _reading(ws, case_ref, inspection)
    qs = ws.question_set(ws.store.get_case(ws.store.get_assessment(aid).case_id).inspection_id)
    for qid, _text in answer_comments:
        if qid not in qs.by_id:
            raise OpError(f"unknown question {qid!r} in {qs.id}. Nothing was changed.")
    _take(ws, [Step(aid, "return", comment.strip(), "", tuple((q, t.strip()) for q, t in answer_comments))])
    return Reviewed(1, "returned")


def approve(ws: Workspace, case_refs: Sequence[str], comment: str = "", *, inspection: str | None = None) -> Reviewed:
    """Approve cases (all or none): locked from then on, a change needs a reason."""
    steps = [Step(_reading(ws, ref, inspection)[0], "approve", comment.strip()) for ref in case_refs]
    _take(ws, steps)
    return Reviewed(len(steps), "approved")


def reopen(ws: Workspace, case_ref: str, why: str, *, inspection: str | None = None) -> Reviewed:
    """Reopen an approved case (with a reason): under review again, as on submission."""
    aid, _ref = _reading(ws, case_ref, inspection)
    _take(ws, [Step(aid, "reopen", "", why.strip())])
    return Reviewed(1, "submitted")


def case_review(ws: Workspace, assessment_id: str) -> CaseReview:
    """The reading's state and the lead's comments (empty for a reading never reviewed)."""
    if not assessment_id:
        return CaseReview()
    evs = review_sql.events(ws.store, assessment_id)
    answers: dict[str, list[ReviewEvent]] = {}
    for e in evs:
        if e.question_id:
            answers.setdefault(e.question_id, []).append(e)
    case = [e for e in evs if e.action in model.LEAD_ACTIONS and (e.comment or e.action == "return")]
    return CaseReview(review_sql.state(ws.store, assessment_id), case, answers)


def states(ws: Workspace, inspection_id: str) -> dict[str, str]:
    """Review state by reading id (readings never submitted are left out: in progress)."""
    return review_sql.states(ws.store, inspection_id)


def review_list(ws: Workspace, inspection_id: str, state: str | None = None) -> list[ReviewRow]:
    """Every case's review (its scoring reading's), by reference; ``state`` filters."""
    if state is not None and state not in model.STATES:
        raise OpError(f"unknown review state {state!r} (known: {', '.join(model.STATES)})")
    ins = ws.find_inspection(inspection_id)
    known = states(ws, ins.id)
    rows = []
    for s in ws.store.case_summaries(ins.id):
        if s.assessment is None:
            continue
        st = known.get(s.assessment.id, "in_progress")
        if state is not None and st != state:
            continue
        last = review_sql.events(ws.store, s.assessment.id)
        step = [e for e in last if e.action != model.COMMENT]
        e = step[-1] if step else None
        rows.append(ReviewRow(s.case.reference, s.assessment.assessor, st, e.at if e else "", e.who if e else "",
                              e.comment if e else ""))
    return rows


def review_summary(ws: Workspace, inspection_id: str, t: Callable[[str], str] = translated) -> str:
    """One line for the findings: how many cases are in each review state
    (``t``: the document's translation, models.i18n)."""
    counts: dict[str, int] = {}
    for r in review_list(ws, inspection_id):
        counts[r.state] = counts.get(r.state, 0) + 1
    parts = [f"{counts[s]} {t(model.label(s)).lower()}" for s in model.STATES if counts.get(s)]
    return t(N_("Review: {0}.")).format(", ".join(parts) or t(N_("no case started")))


def approved_case_ids(ws: Workspace, inspection_id: str) -> set[str]:
    """The cases whose scoring reading is approved (what the findings keep when limited to approved cases)."""
    known = states(ws, inspection_id)
    return {s.case.id for s in ws.store.case_summaries(inspection_id)
            if s.assessment is not None and known.get(s.assessment.id) == "approved"}
