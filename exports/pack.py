"""The inspection pack: the lead inspector's cases for one assessor.

A pack is this JSON, signed and encrypted by :mod:`exports.secure`.  It carries
the inspection, the cases with their details (no answers, notes or scores: a QA
reader's pack, ``reading`` "qa", is blind by construction), the assessor's name,
and the lead inspector's public keys: the age recipient the assessor's export
is encrypted to, and the Ed25519 key the pack is signed with.
``docs/pack.schema.json`` is generated from the models below.

Reading is strict and bounded: unknown keys, wrong types, over-long strings,
too many cases, a newer format version and an age recipient that is not a
valid X25519 key are all refused with :class:`PackError` before anything is
stored.  The JSON is parsed by pydantic-core, which refuses deep nesting with
an error rather than exhausting the stack.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from exports import versioned
from exports.jsonschema import published
from exports.queries import MAX_QUERIES, PackQuery
from exports.review_steps import MAX_STEPS, LeadStep
from models.limits import MAX_REFERENCE_CHARS, reference_problem

FORMAT = "case-assessor-pack"
FORMAT_VERSION = 1
MAX_CASES = 5_000
_TEXT = 500  # longest name, id or date
_REF = MAX_REFERENCE_CHARS  # longest case reference


class PackError(Exception):
    """A pack that cannot be read; the message says why.  Nothing was changed."""


def valid_recipient(v: str) -> str:
    """``v`` if it is an age X25519 recipient (``age1...``); ValueError if not."""
    from pyrage import x25519

    try:
        x25519.Recipient.from_str(v)
    except Exception as e:  # pyrage raises its own error types for a bad key
        raise ValueError("not a valid age X25519 recipient") from e
    return v


def valid_b64(v: str, size: int, what: str) -> str:
    """``v`` if it is base64 of exactly ``size`` bytes; ValueError saying it is not ``what`` if not."""
    try:
        raw = base64.b64decode(v, validate=True)
    except (binascii.Error, ValueError) as e:
        raise ValueError("not base64") from e
    if len(raw) != size:
        raise ValueError(f"not {what} ({size} bytes)")
    return v


# Annotated types (the JSON Schema stays a string): an age X25519 recipient, an Ed25519 public key in base64.
AgeRecipient = Annotated[str, AfterValidator(valid_recipient)]
PublicKey = Annotated[str, AfterValidator(lambda v: valid_b64(v, 32, "an Ed25519 public key"))]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackInspection(_M):
    id: str = Field(min_length=1, max_length=_TEXT)
    name: str = Field(min_length=1, max_length=_TEXT)
    area: str = Field("", max_length=_TEXT)
    question_set_id: str = Field(min_length=1, max_length=_TEXT)
    question_set_version: str = Field(min_length=1, max_length=_TEXT)
    start_date: str = Field("", max_length=_TEXT)
    end_date: str = Field("", max_length=_TEXT)
    created_at: str = Field(max_length=_TEXT)


class PackCase(_M):
    id: str = Field(min_length=1, max_length=_TEXT)
    reference: str = Field(min_length=1, max_length=_REF)
    details: dict[str, Any]
    created_at: str = Field(max_length=_TEXT)
    updated_at: str = Field(max_length=_TEXT)
    details_seq: int = Field(0, ge=0, le=2**53, description="the details' change number at the lead")


class PackLead(_M):
    name: str = Field(max_length=_TEXT)
    age_recipient: AgeRecipient = Field(min_length=1, max_length=_TEXT)
    signing_key: PublicKey = Field(min_length=1, max_length=_TEXT, description="the lead's Ed25519 public key, base64")

    def signing_key_bytes(self) -> bytes:
        return base64.b64decode(self.signing_key)


class Pack(_M):
    format: Literal["case-assessor-pack"]
    format_version: Literal[1]
    inspection: PackInspection
    assessor: str = Field(max_length=_TEXT)
    reading: Literal["primary", "qa"] = Field("primary", description="the reading the cases are given for: qa is a "
                                              "blind QA second read")
    cases: list[PackCase] = Field(max_length=MAX_CASES)
    lead: PackLead
    review: list[LeadStep] = Field(default_factory=list, max_length=MAX_STEPS,
                                   description="the lead's review steps on this assessor's readings: returns with "
                                               "their comments, approvals, reopenings (exports/review_steps.py)")
    queries: list[PackQuery] = Field(default_factory=list, max_length=MAX_QUERIES,
                                     description="the lead's queries for this assessor (exports/queries.py)")


def schema() -> dict[str, Any]:
    return published(Pack, "Case Assessor inspection pack")


def to_bytes(pack: Pack) -> bytes:
    """The pack's JSON; a pack without review steps leaves the section out (and reads as before)."""
    return pack.model_dump_json(exclude=None if pack.review else {"review"}).encode()


def parse(data: bytes) -> Pack:
    """Validate a decrypted pack; :class:`PackError` says what is wrong."""
    pack = versioned.read(data, Pack, fmt=FORMAT, version=FORMAT_VERSION, noun="inspection pack",
                          label="pack format", error=PackError)
    for i, c in enumerate(pack.cases):
        problem = reference_problem(c.reference)
        if problem:
            raise PackError(f"not a valid inspection pack (cases.{i}.reference: {problem})")
    return pack
