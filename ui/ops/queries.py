"""Queries, the round trip (REDCap's data resolution workflow): the lead raises
a query on a case or one answer; it travels in the assessor's next pack (a
return pack, ``make-pack --returns``, when there are no new cases); the assessor replies in the
walk-through (changing the answer or not, through the ordinary save path); the
reply travels back in their export; the merge records it and closes the query,
unless the lead asked to keep it open.  The lead may close or reopen a query
with a further comment at any time.  ``models.queries`` holds the states."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from models import queries as qm
from storage import queries as query_sql
from storage.db import now
from ui.ops.changes import OpChanges
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

if TYPE_CHECKING:  # the formats (pydantic) load with the exchange, not with the walk-through
    from exports import queries as query_fmt

QUERIED = OpChanges(cases=True)
Query = query_sql.Query
QueryScopeError = query_sql.QueryScopeError


@dataclass(frozen=True)
class Changed:
    query: Query
    changes: OpChanges = QUERIED


def _text(text: str) -> str:
    problem = qm.text_problem(text)
    if problem:
        raise OpError(problem)
    return text.strip()


def _answer(ws: Workspace, case_id: str, question_id: str) -> Any:
    """The answer of the case's first primary reading here (None if none)."""
    if not question_id:
        return None
    a = ws.store.primary_assessment(case_id, ws.reading_kind(ws.case(case_id).inspection_id))
    if a is None:
        return None
    row = ws.store.answers(a.id).get(question_id)
    return row.value if row else None


def raise_query(ws: Workspace, case_ref: str, text: str, *, question: str | None = None,
                inspection: str | None = None, assessor: str | None = None, keep_open: bool = False) -> Changed:
    """The lead's query on a case (or one of its answers), addressed to the
    assessor the case was given to (``assessor`` when it was given to several)."""
    text = _text(text)
    iid = ws.find_inspection(inspection).id if inspection else None
    case = ws.case(ws.find_case(case_ref, iid))
    qid = (question or "").strip()
    if qid and qid not in ws.question_set(case.inspection_id).by_id:
        raise OpError(f"unknown question {qid!r} in this inspection's question set")
    given = query_sql.primary_assessors(ws.store, case.id)
    if assessor is not None:
        if assessor not in given:
            raise OpError(f"{case.reference} was not given to {assessor!r} (given to: {', '.join(given) or 'nobody'})")
        given = [assessor]
    if not given:
        raise OpError(f"{case.reference} has not been given to an assessor in a pack yet, so a query has nobody to go to")
    if len(given) > 1:
        raise OpError(f"{case.reference} was given to {', '.join(given)}: say which one the query is for (--assessor)")
    first = qm.Message(qm.new_id(), "lead", 1, "raise", text, ws.who(), now(), keep_open=keep_open,
                       value=_answer(ws, case.id, qid))
    q = Query(qm.new_id(), case.inspection_id, case.id, case.reference, qid, given[0], True, "open", [first])
    query_sql.create(ws.store, q)
    return Changed(_get(ws, q.id))


def addressees(ws: Workspace, case_id: str) -> list[str]:
    """Who a query on the case can go to: the assessors its primary reading was given to."""
    return query_sql.primary_assessors(ws.store, case_id)


def find(ws: Workspace, query_id: str) -> Query:
    """A query by its id or a unique start of it (as ``queries`` shows it)."""
    key = query_id.strip().lower()
    found = query_sql.find(ws.store, key) if len(key) >= 4 else []
    if len(found) != 1:
        raise OpError(f"no single query matches {query_id!r}" + (" (give more of its id)" if found else ""))
    return found[0]


def _get(ws: Workspace, query_id: str) -> Query:
    q = query_sql.get(ws.store, query_id)
    if q is None:
        raise OpError(f"no query {query_id}")
    return q


def reply(ws: Workspace, query_id: str, text: str) -> Changed:
    """The assessor's reply to the lead's latest message (any change to the
    answer is made the ordinary way, before or after; the reply notes the answer as it stands)."""
    q = find(ws, query_id)
    if q.here:
        raise OpError("this query was raised here: the assessor replies on their own laptop (you may reopen it "
                      "with a further comment, or close it)")
    lead = qm.last_lead(q.messages)
    if lead is not None and lead.action == "close":
        raise OpError("this query is closed; the lead can reopen it")
    m = qm.Message(qm.new_id(), "assessor", qm.next_seq(q.messages, "assessor"), "reply", _text(text), ws.who(),
                   now(), about=lead.seq if lead else 0, value=_answer(ws, q.case_id, q.question_id))
    query_sql.add_message(ws.store, q, m)
    return Changed(_get(ws, q.id))


def _lead_message(ws: Workspace, query_id: str, action: str, text: str, keep_open: bool = False) -> Changed:
    q = find(ws, query_id)
    if not q.here:
        raise OpError("this query came from the lead inspector: only they can close or reopen it (reply instead)")
    if action == "close" and q.state == "closed":
        raise OpError("this query is closed already")
    m = qm.Message(qm.new_id(), "lead", qm.next_seq(q.messages, "lead"), action, text, ws.who(), now(),
                   keep_open=keep_open, value=_answer(ws, q.case_id, q.question_id) if action == "reopen" else None)
    query_sql.add_message(ws.store, q, m)
    return Changed(_get(ws, q.id))


def close(ws: Workspace, query_id: str, why: str = "") -> Changed:
    """The lead closes a query (answered or not), with an optional reason."""
    return _lead_message(ws, query_id, "close", why.strip()[:qm.MAX_TEXT] or "closed by the lead")


def reopen(ws: Workspace, query_id: str, text: str, *, keep_open: bool = False) -> Changed:
    """The lead keeps a query going (reopens it) with a further comment; it travels in the next pack."""
    return _lead_message(ws, query_id, "reopen", _text(text), keep_open)


def listing(ws: Workspace, inspection: str | None = None, *, case: str | None = None,
            state: str | None = None) -> list[Query]:
    """The queries of one inspection (or of every inspection here), filtered by case and state."""
    if state is not None and state not in qm.STATES:
        raise OpError(f"no such state {state!r} (states: {', '.join(qm.STATES)})")
    inspections = [ws.find_inspection(inspection)] if inspection else ws.inspections()
    out: list[Query] = []
    found = False
    for ins in inspections:
        case_id = None
        if case:
            case_id = next((c.id for c in ws.cases(ins.id) if c.reference == case), None)
            if case_id is None:
                continue
            found = True
        out += query_sql.listing(ws.store, ins.id, case_id=case_id, state=state)
    if case and not found:
        raise OpError(f"no case {case!r} here")
    return out


def for_case(ws: Workspace, case_id: str) -> list[Query]:
    """Every query on one case (the walk-through's list)."""
    return query_sql.listing(ws.store, ws.case(case_id).inspection_id, case_id=case_id)


# -- travel (called by ui.ops.exchange) ------------------------------------------


def pack_section(ws: Workspace, inspection_id: str, assessor: str) -> list[query_fmt.PackQuery]:
    from exports import queries as query_fmt

    return query_fmt.pack_section(ws.store, inspection_id, assessor)


def check_pack(ws: Workspace, path: Any, assessor: str, case_ids: set[str],
               section: list[query_fmt.PackQuery]) -> None:
    """Refuse a pack (before anything is stored) whose queries are for another
    assessor or a case neither in the pack nor here."""
    for q in section:
        if q.assessor != assessor or not (q.case_id in case_ids or ws.has_case(q.case_id)):
            raise OpError(f"{path}: the pack holds a query on {q.reference} that is not for {assessor}'s cases. "
                          "Nothing was changed.")


def receive(ws: Workspace, inspection_id: str, assessor: str, section: list[query_fmt.PackQuery]) -> int:
    """A pack's queries joined to those held here; OpError (nothing changed) when
    one is outside the pack's assessor and cases."""
    from exports import queries as query_fmt

    if not section:
        return 0
    try:
        return query_sql.receive(ws.store, inspection_id, assessor, query_fmt.from_pack(section, inspection_id))
    except QueryScopeError as e:
        raise OpError(f"the pack's queries were not taken: {e}. Nothing else was changed.") from e


def merge_replies(c: Any, inspection_id: str, assessor: str, assigned: frozenset[tuple[str, str]],
                  section: list[query_fmt.BundleQuery], lead: str) -> list[str]:
    """An export's replies inside its merge transaction (QueryScopeError refuses
    the file); one line per query that changed, for the merge report."""
    from exports import queries as query_fmt

    if not section:
        return []
    cases = frozenset(cid for cid, kind in assigned if kind == "primary")
    changed = query_sql.merge_replies(c, inspection_id, assessor, cases, query_fmt.from_bundle(section), lead)
    return [f"{q.reference} {q.question_id or '(case)'}: {q.state}" for q in changed]
