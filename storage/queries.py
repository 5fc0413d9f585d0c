"""Queries as SQL: the lead's questions on a case or an answer, and the
assessor's replies (:mod:`models.queries` says how the state follows from the
thread).  Two tables (``storage.schema``, ``_queries``): ``queries``, one row per
query (``here`` 1 where it was raised, 0 where it arrived in a pack; ``state``
kept from the thread for filtering), and ``query_messages``, the thread.

Every write appends an audit row on the case (never on a reading, so it does not
travel inside a reading's audit trail).  What travels: the lead's queries in
the pack of the assessor they are addressed to (:func:`receive` there), the
assessor's replies in their export (:func:`merge_replies` at the lead's, inside
the file's merge transaction; anything outside the signer's own queries refuses
the whole file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from models import queries as qm
from storage import driver, tables
from storage.db import dumps, now
from storage.merge import same_person
from storage.store import Store


class QueryScopeError(ValueError):
    """A file writes a query it may not; nothing was written."""


@dataclass(frozen=True)
class Query:
    id: str
    inspection_id: str
    case_id: str
    reference: str
    question_id: str  # "" for a query on the whole case
    assessor: str  # who it is addressed to (the case's assessor)
    here: bool  # raised in this database (the lead's); False where it arrived in a pack
    state: qm.State
    messages: list[qm.Message] = field(default_factory=list)

    @property
    def text(self) -> str:
        first = next((m for m in self.messages if m.action == "raise"), None)
        return first.text if first else ""


_MESSAGE_COLS = "id, role, seq, action, text, who, at, about, keep_open, value"


def _message(r: Any) -> qm.Message:
    return qm.Message(r[0], r[1], int(r[2]), r[3], r[4], r[5], r[6], int(r[7]), bool(r[8]),
                      json.loads(r[9]) if r[9] is not None else None)


def _messages(c: driver.Connection, query_id: str) -> dict[str, qm.Message]:
    rows = c.execute(f"SELECT {_MESSAGE_COLS} FROM query_messages WHERE query_id = ? ORDER BY role DESC, seq",
                     (query_id,)).fetchall()
    return {r[0]: _message(r) for r in rows}


def _add(c: driver.Connection, q: Query, new: list[qm.Message]) -> qm.State:
    """Append the messages not yet held, bring the state up to date, audit each."""
    held = _messages(c, q.id)
    fresh = [m for m in new if m.id not in held]
    c.executemany(f"INSERT INTO query_messages (query_id, {_MESSAGE_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  [(q.id, m.id, m.role, m.seq, m.action, m.text, m.who, m.at, m.about, int(m.keep_open),
                    None if m.value is None else dumps(m.value)) for m in fresh])
    state = qm.state([*held.values(), *fresh])
    c.execute("UPDATE queries SET state = ? WHERE id = ?", (state, q.id))
    for m in fresh:
        tables.audit(c, f"query_{m.action}", m.who, inspection_id=q.inspection_id, case_id=q.case_id,
                     question_id=q.question_id or None, new={"query": q.id, "text": m.text, "state": state})
    return state


def _insert_query(c: driver.Connection, q: Query) -> None:
    c.execute("INSERT INTO queries (id, inspection_id, case_id, question_id, assessor, here, state) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)", (q.id, q.inspection_id, q.case_id, q.question_id, q.assessor,
                                               int(q.here), q.state))


def create(store: Store, q: Query) -> None:
    """A new query raised here, with its first message (``q.messages``)."""
    with store.transaction() as c:
        _insert_query(c, q)
        _add(c, q, q.messages)


def add_message(store: Store, q: Query, m: qm.Message) -> qm.State:
    """One more message in a query's thread (a reply, a reopen, a close)."""
    with store.transaction() as c:
        return _add(c, q, [m])


_SELECT = ("SELECT q.id, q.inspection_id, q.case_id, c.reference, q.question_id, q.assessor, q.here, q.state "
           "FROM queries q JOIN cases c ON c.id = q.case_id")


def _query(c: driver.Connection, r: Any) -> Query:
    # causal order, never the clocks: each lead message, then the replies to it
    ms = sorted(_messages(c, r[0]).values(), key=lambda m: (m.seq, 0, 0) if m.role == "lead" else (m.about, 1, m.seq))
    return Query(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], ms)


def get(store: Store, query_id: str) -> Query | None:
    rows = store.query(f"{_SELECT} WHERE q.id = ?", (query_id,))
    return _query(store.conn, rows[0]) if rows else None


def find(store: Store, prefix: str) -> list[Query]:
    """The queries whose id starts with ``prefix`` (ids are shown shortened)."""
    rows = store.query(f"{_SELECT} WHERE q.id LIKE ? ESCAPE '\\' ORDER BY q.id",
                       (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",))
    return [_query(store.conn, r) for r in rows]


def listing(store: Store, inspection_id: str, *, case_id: str | None = None, state: str | None = None,
            assessor: str | None = None) -> list[Query]:
    """The inspection's queries (of cases not in the bin), by case reference and question."""
    sql, params = f"{_SELECT} WHERE q.inspection_id = ? AND c.deleted_at IS NULL", [inspection_id]
    for column, value in (("q.case_id", case_id), ("q.state", state), ("q.assessor", assessor)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    rows = store.query(sql + " ORDER BY c.reference, q.question_id, q.id", params)
    return [_query(store.conn, r) for r in rows]


def primary_assessors(store: Store, case_id: str) -> list[str]:
    """Who the lead gave the case's primary reading to (packs made), or who read it."""
    given = [r[0] for r in store.query("SELECT DISTINCT assessor FROM assignments WHERE case_id = ? AND "
                                       "kind = 'primary' ORDER BY assessor", (case_id,))]
    return given or [r[0] for r in store.query("SELECT DISTINCT assessor FROM assessments WHERE case_id = ? AND "
                                               "kind = 'primary' ORDER BY assessor", (case_id,))]


# ---------------------------------------------------------------------------
# Travel
# ---------------------------------------------------------------------------


def for_assessor(store: Store, inspection_id: str, assessor: str) -> list[Query]:
    """Every query raised here for the assessor (a pack carries them all: the latest thread wins by union)."""
    return [q for q in listing(store, inspection_id, assessor=assessor) if q.here]


def replies(store: Store, inspection_id: str) -> list[Query]:
    """Queries that arrived here in a pack and have replies (an export carries those replies)."""
    return [q for q in listing(store, inspection_id) if not q.here and any(m.role == "assessor" for m in q.messages)]


def receive(store: Store, inspection_id: str, assessor: str, incoming: list[Query]) -> int:
    """The lead's queries from a pack, joined to those held (all or none): each
    must be on a case held here in the inspection, addressed to ``assessor`` (the
    pack's), and never rewrite a message already held.  Returns how many changed."""
    changed = 0
    with store.transaction() as c:
        for q in incoming:
            case = c.execute("SELECT inspection_id FROM cases WHERE id = ?", (q.case_id,)).fetchone()
            if case is None or case[0] != inspection_id:
                raise QueryScopeError(f"a query is on a case that is not in this inspection here ({q.reference})")
            if q.assessor != assessor:
                raise QueryScopeError(f"a query on {q.reference} is addressed to {q.assessor}, not {assessor}")
            row = c.execute("SELECT case_id, question_id, assessor, here FROM queries WHERE id = ?", (q.id,)).fetchone()
            if row is None:
                _insert_query(c, Query(q.id, inspection_id, q.case_id, q.reference, q.question_id, assessor, False,
                                       "open"))
            elif tuple(row) != (q.case_id, q.question_id, assessor, 0):
                raise QueryScopeError(f"a query on {q.reference} is held here for another case, question or person")
            problem = qm.thread_problem(_messages(c, q.id), q.messages)
            if problem:
                raise QueryScopeError(f"the query on {q.reference}: {problem}")
            before = set(_messages(c, q.id))
            _add(c, q, [m for m in q.messages if m.id not in before])
            changed += bool({m.id for m in q.messages} - before)
    return changed


def merge_replies(c: driver.Connection, inspection_id: str, assessor: str, assigned: frozenset[str],
                  incoming: list[tuple[str, list[qm.Message]]], lead: str) -> list[Query]:
    """An assessor's replies (query id, reply messages) inside a merge's
    transaction.  Each query must have been raised here for ``assessor`` on a
    case given to them (``assigned``), every message must be a reply in their
    name, and none may rewrite one held; otherwise :class:`QueryScopeError` (the
    caller's transaction rolls back).  An answered query is closed unless the
    lead asked to keep it open.  Returns the queries that changed."""
    out = []
    for query_id, msgs in incoming:
        row = c.execute(f"{_SELECT} WHERE q.id = ?", (query_id,)).fetchone()
        if row is None or not row[6] or row[1] != inspection_id:
            raise QueryScopeError("the file replies to a query that was not raised here")
        q = _query(c, row)
        if not same_person(q.assessor, assessor) or q.case_id not in assigned:
            raise QueryScopeError(f"the file replies to a query on {q.reference} addressed to someone else")
        if any(m.role != "assessor" or m.action != "reply" or not same_person(m.who, assessor) for m in msgs):
            raise QueryScopeError(f"the file holds a message on {q.reference} that only the lead may write")
        held = _messages(c, q.id)
        problem = qm.thread_problem(held, msgs)
        latest = qm.last_lead(held.values())
        if any(m.about > (latest.seq if latest else 0) for m in msgs):
            problem = "a reply to a message the lead has not written"
        if problem:
            raise QueryScopeError(f"the query on {q.reference}: {problem}")
        fresh = [m for m in msgs if m.id not in held]
        if not fresh:
            continue
        _add(c, q, fresh)
        close = qm.close_on_merge(q.id, [*held.values(), *fresh], lead, now())
        if close is not None and close.id not in held:
            _add(c, q, [close])
        out.append(_query(c, c.execute(f"{_SELECT} WHERE q.id = ?", (query_id,)).fetchone()))
    return out
