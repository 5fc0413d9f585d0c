"""Queries as they travel: the ``queries`` section of a pack (the lead's
queries for the assessor the pack is for, each with its whole thread) and the
``queries`` section of a bundle (the assessor's replies).  Both are optional
keys of those formats; both are read strictly (unknown keys refused, every
text and list bounded).  A bundle's section can only say "this reply, to this
query": it has no way to write a lead's message, a state or a new query, and
the merge checks each reply against the query held (``storage.queries``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models import queries as qm
from models.limits import MAX_REFERENCE_CHARS
from storage import queries as qs_sql
from storage.store import Store

MAX_QUERIES = 20_000
MAX_MESSAGES = 200  # per query
_TEXT = 500


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QueryMessage(_M):
    id: str = Field(min_length=1, max_length=_TEXT)
    role: Literal["lead", "assessor"]
    seq: int = Field(ge=1, le=1_000_000)
    action: Literal["raise", "reopen", "close", "reply"]
    text: str = Field(max_length=qm.MAX_TEXT)
    who: str = Field(max_length=_TEXT)
    at: str = Field(max_length=_TEXT)
    about: int = Field(0, ge=0, le=1_000_000, description="a reply: the lead message (seq) it answers")
    keep_open: bool = Field(False, description="raise or reopen: stay answered, not closed, when the reply is merged")
    value: Any = Field(None, description="the answer when the message was written")


class PackQuery(_M):
    id: str = Field(min_length=1, max_length=_TEXT)
    case_id: str = Field(min_length=1, max_length=_TEXT)
    reference: str = Field(min_length=1, max_length=MAX_REFERENCE_CHARS)
    question_id: str = Field("", max_length=_TEXT, description="empty for a query on the whole case")
    assessor: str = Field(max_length=_TEXT)
    messages: list[QueryMessage] = Field(min_length=1, max_length=MAX_MESSAGES)


class Reply(_M):
    id: str = Field(min_length=1, max_length=_TEXT)
    seq: int = Field(ge=1, le=1_000_000)
    text: str = Field(max_length=qm.MAX_TEXT)
    who: str = Field(max_length=_TEXT)
    at: str = Field(max_length=_TEXT)
    about: int = Field(ge=1, le=1_000_000)
    value: Any = None


class BundleQuery(_M):
    id: str = Field(min_length=1, max_length=_TEXT, description="the query replied to")
    replies: list[Reply] = Field(min_length=1, max_length=MAX_MESSAGES)


def _message(m: QueryMessage) -> qm.Message:
    return qm.Message(m.id, m.role, m.seq, m.action, m.text, m.who, m.at, m.about, m.keep_open, m.value)


def pack_section(store: Store, inspection_id: str, assessor: str) -> list[PackQuery]:
    """The lead's queries for ``assessor``, each with its thread."""
    return [PackQuery(id=q.id, case_id=q.case_id, reference=q.reference, question_id=q.question_id,
                      assessor=q.assessor, messages=[QueryMessage(**vars(m)) for m in q.messages])
            for q in qs_sql.for_assessor(store, inspection_id, assessor)]


def from_pack(section: list[PackQuery], inspection_id: str) -> list[qs_sql.Query]:
    return [qs_sql.Query(q.id, inspection_id, q.case_id, q.reference, q.question_id, q.assessor, False, "open",
                         [_message(m) for m in q.messages]) for q in section]


def bundle_section(store: Store, inspection_id: str) -> list[dict[str, Any]]:
    """The replies written here to queries that came in packs, as bundle JSON."""
    return [{"id": q.id, "replies": [{"id": m.id, "seq": m.seq, "text": m.text, "who": m.who, "at": m.at,
                                      "about": m.about, "value": m.value}
                                     for m in q.messages if m.role == "assessor"]}
            for q in qs_sql.replies(store, inspection_id)]


def from_bundle(section: list[BundleQuery]) -> list[tuple[str, list[qm.Message]]]:
    return [(q.id, [qm.Message(r.id, "assessor", r.seq, "reply", r.text, r.who, r.at, r.about, False, r.value)
                    for r in q.replies]) for q in section]
