"""Queries: the lead inspector's questions about a case or one answer, and the
assessor's replies (REDCap's data resolution workflow: open, respond, close).

A query is a thread of messages from two writers.  The lead writes ``raise``,
``reopen`` (a further comment; the query is open again) and ``close``; the
assessor writes ``reply``.  Each writer numbers its own messages (``seq``), and
a reply names the lead message it answers (``about``).  The thread is a set:
merging two copies is their union, so a merge is idempotent and the same in any
order, and the state is a function of the thread alone, never of a clock:

* **closed** when the lead's latest message is a ``close``;
* **answered** when a reply answers the lead's latest message;
* **open** otherwise (raised or reopened, and not yet answered).

When a reply to the lead's latest message arrives at the lead's merge, the
query is closed then (a ``close`` written by the merge, whose id is derived from
the query and the message it closes, so every merge order writes the same one),
unless the lead asked to keep it open (``keep_open`` on the latest lead message),
when it stays answered until the lead closes or reopens it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from models.i18n import N_

State = Literal["open", "answered", "closed"]
Role = Literal["lead", "assessor"]
STATES: tuple[State, ...] = ("open", "answered", "closed")
LEAD_ACTIONS = frozenset({"raise", "reopen", "close"})
MAX_TEXT = 4000  # longest query, reply or comment
CLOSED_ON_MERGE = "answered; closed when the reply was merged"


@dataclass(frozen=True)
class Message:
    id: str
    role: Role
    seq: int  # the writer's own count: 1, 2, ...
    action: str  # raise, reopen, close (lead); reply (assessor)
    text: str
    who: str
    at: str
    about: int = 0  # a reply: the lead's seq it answers
    keep_open: bool = False  # a raise or reopen: stay answered (not closed) when the reply is merged
    value: Any = None  # the answer when written (raise: as the lead saw it; reply: as the assessor left it)

    def key(self) -> tuple[str, int]:
        return (self.role, self.seq)


def new_id() -> str:
    """A query's or message's id: random, never ordered by a clock."""
    return str(uuid.uuid4())


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a query, reply or comment, or None."""
    if not text.strip():
        return "say what the query is about (the text is empty)"
    if len(text) > MAX_TEXT:
        return f"the text is longer than {MAX_TEXT} characters"
    return None


def last_lead(messages: Iterable[Message]) -> Message | None:
    lead = [m for m in messages if m.role == "lead"]
    return max(lead, key=lambda m: m.seq) if lead else None


def last_reply(messages: Iterable[Message]) -> Message | None:
    replies = [m for m in messages if m.role == "assessor"]
    return max(replies, key=lambda m: m.seq) if replies else None


def state(messages: Iterable[Message]) -> State:
    """The query's state from its thread alone (see the module's docstring)."""
    ms = list(messages)
    lead = last_lead(ms)
    if lead is None:
        return "open"
    if lead.action == "close":
        return "closed"
    reply = last_reply(ms)
    return "answered" if reply is not None and reply.about >= lead.seq else "open"


def next_seq(messages: Iterable[Message], role: Role) -> int:
    return max([0, *(m.seq for m in messages if m.role == role)]) + 1


def close_on_merge(query_id: str, messages: Iterable[Message], who: str, at: str) -> Message | None:
    """The ``close`` a merge writes when the query is answered and the lead did not
    ask to keep it open; None when it stays as it is.  Its id depends only on the
    query and the lead message it closes (the same whatever order files merge in)."""
    ms = list(messages)
    lead = last_lead(ms)
    if lead is None or state(ms) != "answered" or lead.keep_open:
        return None
    mid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"case-assessor:query-close:{query_id}:{lead.seq}"))
    return Message(mid, "lead", lead.seq + 1, "close", CLOSED_ON_MERGE, who, at)


def thread_problem(stored: dict[str, Message], incoming: Iterable[Message]) -> str | None:
    """Why ``incoming`` cannot join the ``stored`` thread (an id or a writer's
    number reused for different words: a rewrite), or None."""
    by_key = {m.key(): m for m in stored.values()}
    for m in incoming:
        old = stored.get(m.id)
        if old is not None and old != m:
            return "a message already held is given with different contents"
        clash = by_key.get(m.key())
        if clash is not None and clash.id != m.id:
            return f"a second {m.role} message numbered {m.seq}"
    return None


STATE_WORDS: dict[str, str] = {"open": N_("open"), "answered": N_("answered (awaiting the lead)"),
                               "closed": N_("closed")}  # translated where shown


def describe(s: State) -> str:
    return STATE_WORDS[s]
