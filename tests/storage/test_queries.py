"""The laws of the query merge on real SQLite files: merging an assessor's
replies is idempotent and the same in any order (the thread is a set and the
state a function of it), and a query the lead asked to keep open stays answered."""

from __future__ import annotations

import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import queries as qm
from storage import queries as query_sql
from storage.store import Store
from tests.conftest import make_inspection

ASSESSOR = "A. Assessor"


def _lead_store(path: Path, iaow, keep_open: bool) -> tuple[Store, str, str]:
    store = Store(path)
    iid = make_inspection(store, iaow, 1, assessor=ASSESSOR)
    case = store.list_cases(iid)[0]
    first = qm.Message(f"raise-{keep_open}", "lead", 1, "raise", "please check", "Lead", "2026-11-01T10:00:00Z",
                       keep_open=keep_open)
    q = query_sql.Query("q-1", iid, case.id, case.reference, "", ASSESSOR, True, "open", [first])
    query_sql.create(store, q)
    return store, iid, case.id


def _replies(n: int) -> list[qm.Message]:
    return [qm.Message(f"r{i}", "assessor", i, "reply", f"reply {i}", ASSESSOR, f"2026-11-0{i}T09:00:00Z", 1)
            for i in range(1, n + 1)]


def _merge(store: Store, iid: str, case_id: str, replies: list[qm.Message]) -> None:
    with store.transaction() as c:
        query_sql.merge_replies(c, iid, ASSESSOR, frozenset({case_id}), [("q-1", replies)], "Lead")


def _thread(store: Store) -> tuple[str, list[tuple[str, str, int, str]]]:
    q = query_sql.get(store, "q-1")
    assert q is not None
    return q.state, sorted((m.id, m.role, m.seq, m.text) for m in q.messages)


# Each export carries every reply written so far: a file is a prefix of the replies.
files = st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(files, st.randoms(use_true_random=False), st.booleans())
def test_merging_replies_is_idempotent_and_order_independent(tmp_path, iaow, prefixes, rng, keep_open):
    results = []
    for n, order in enumerate((prefixes, rng.sample(prefixes, len(prefixes)) * 2)):
        store, iid, case_id = _lead_store(tmp_path / f"{uuid.uuid4().hex}-{n}.sqlite3", iaow, keep_open)
        try:
            for k in order:
                _merge(store, iid, case_id, _replies(k))
            results.append(_thread(store))
        finally:
            store.close()
    assert results[0] == results[1]
    state, thread = results[0]
    assert state == ("answered" if keep_open else "closed")
    assert [t[0] for t in thread if t[1] == "assessor"] == [f"r{i}" for i in range(1, max(prefixes) + 1)]
    assert sum(t[1] == "lead" for t in thread) == (1 if keep_open else 2)  # one close, whatever the order


def test_the_state_follows_the_thread():
    raise_ = qm.Message("a", "lead", 1, "raise", "q", "L", "t")
    reply = qm.Message("b", "assessor", 1, "reply", "r", "A", "t", about=1)
    reopen = qm.Message("c", "lead", 2, "reopen", "more", "L", "t")
    close = qm.Message("d", "lead", 3, "close", "", "L", "t")
    assert qm.state([raise_]) == "open"
    assert qm.state([raise_, reply]) == "answered"
    assert qm.state([raise_, reply, reopen]) == "open"
    assert qm.state([raise_, reply, reopen, close]) == "closed"
    closing = qm.close_on_merge("q", [raise_, reply], "L", "t")
    assert closing is not None and closing.id == qm.close_on_merge("q", [reply, raise_], "L", "u").id
    assert qm.close_on_merge("q", [raise_], "L", "t") is None
