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
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from exports.jsonschema import published
from models.limits import MAX_REFERENCE_CHARS, reference_problem

FORMAT = "case-assessor-pack"
FORMAT_VERSION = 1
MAX_CASES = 5_000
_TEXT = 500  # longest name, id or date
_REF = MAX_REFERENCE_CHARS  # longest case reference


class PackError(Exception):
    """A pack that cannot be read; the message says why.  Nothing was changed."""


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
    age_recipient: str = Field(min_length=1, max_length=_TEXT)
    signing_key: str = Field(min_length=1, max_length=_TEXT, description="the lead's Ed25519 public key, base64")

    @field_validator("age_recipient")
    @classmethod
    def _recipient(cls, v: str) -> str:
        from pyrage import x25519

        try:
            x25519.Recipient.from_str(v)
        except Exception as e:  # pyrage raises its own error types for a bad key
            raise ValueError("not a valid age X25519 recipient") from e
        return v

    @field_validator("signing_key")
    @classmethod
    def _signing_key(cls, v: str) -> str:
        try:
            raw = base64.b64decode(v, validate=True)
        except (binascii.Error, ValueError) as e:
            raise ValueError("not base64") from e
        if len(raw) != 32:
            raise ValueError("not an Ed25519 public key (32 bytes)")
        return v

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


class _Head(BaseModel):
    model_config = ConfigDict(extra="ignore")
    format: str = ""
    format_version: int = 0


def schema() -> dict[str, Any]:
    return published(Pack, "Case Assessor inspection pack")


def to_bytes(pack: Pack) -> bytes:
    return pack.model_dump_json().encode()


def _first_problem(err: ValidationError) -> str:
    e = err.errors(include_url=False)[0]
    where = ".".join(str(p) for p in e["loc"]) or "the file"
    return f"{where}: {e['msg']}"


def parse(data: bytes) -> Pack:
    """Validate a decrypted pack; :class:`PackError` says what is wrong."""
    try:
        head = _Head.model_validate_json(data)
    except ValidationError as e:
        raise PackError(f"not an inspection pack ({_first_problem(e)})") from None
    if head.format != FORMAT:
        raise PackError("not an inspection pack")
    if head.format_version > FORMAT_VERSION:
        raise PackError(f"made by a newer Case Assessor (pack format {head.format_version}; this one reads "
                        f"{FORMAT_VERSION}): update Case Assessor to open it")
    try:
        pack = Pack.model_validate_json(data)
    except ValidationError as e:
        raise PackError(f"not a valid inspection pack ({_first_problem(e)})") from None
    for i, c in enumerate(pack.cases):
        problem = reference_problem(c.reference)
        if problem:
            raise PackError(f"not a valid inspection pack (cases.{i}.reference: {problem})")
    return pack
