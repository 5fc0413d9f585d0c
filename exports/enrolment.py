"""The enrolment file: an assessor's public keys, for the lead inspector.

An assessor writes it once (``python main.py enrol``) and sends it to the lead
by any route; it holds nothing secret.  It carries the assessor's name, their
Ed25519 signing key (whose fingerprint the lead compares by phone or in
person) and their age X25519 recipient (the key packs are encrypted to),
signed with the signing key.  The signature binds the recipient to the
fingerprint the lead checks: nobody can swap in their own recipient without
changing the fingerprint.  ``docs/enrolment.schema.json`` is generated from
the model below.

Reading is strict and bounded, as for the pack: at most :data:`MAX_BYTES`
bytes, parsed by pydantic-core (deep nesting and huge numbers are errors, not
a crash), unknown keys, wrong types and over-long strings refused, a newer
``format_version`` refused with a message saying so, and the signature checked
before the file is used.
"""

from __future__ import annotations

import base64
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, field_validator

from exports import versioned
from exports.jsonschema import published
from exports.pack import AgeRecipient, PublicKey, valid_b64
from exports.secure import SigningKey, fingerprint
from models.limits import name_problem

FORMAT = "case-assessor-enrolment"
FORMAT_VERSION = 1
MAX_BYTES = 16 * 1024
_DOMAIN = b"case-assessor-enrolment/v1"


class EnrolmentError(Exception):
    """An enrolment file that cannot be used; the message says why.  Nothing was changed."""


class Enrolment(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["case-assessor-enrolment"]
    format_version: Literal[1]
    name: str = Field(min_length=1, max_length=200, description="the assessor's name, as they give it")
    created_at: str = Field(max_length=100)
    signing_key: PublicKey = Field(max_length=100, description="the assessor's Ed25519 public key, base64")
    age_recipient: AgeRecipient = Field(max_length=200, description="the assessor's age X25519 recipient (age1...)")
    signature: str = Field(max_length=200, description="Ed25519 signature over the fields above, base64")

    @field_validator("signature")
    @classmethod
    def _signature(cls, v: str) -> str:
        return valid_b64(v, 64, "an Ed25519 signature")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        problem = name_problem(v)
        if problem:
            raise ValueError(problem)
        return v

    def key_bytes(self) -> bytes:
        return base64.b64decode(self.signing_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key_bytes())


def _message(name: str, created_at: str, signing_key: str, age_recipient: str) -> bytes:
    return b"\n".join([_DOMAIN, name.encode("utf-8"), created_at.encode(), signing_key.encode(),
                       age_recipient.encode()])


def make(key: SigningKey, age_recipient: str, name: str, created_at: str) -> bytes:
    """The signed enrolment file's bytes."""
    signing_key = base64.b64encode(key.public_bytes).decode()
    sig = key.private.sign(_message(name, created_at, signing_key, age_recipient))
    e = Enrolment(format="case-assessor-enrolment", format_version=1, name=name, created_at=created_at,
                  signing_key=signing_key, age_recipient=age_recipient, signature=base64.b64encode(sig).decode())
    return e.model_dump_json(indent=1).encode() + b"\n"


def parse(data: bytes) -> Enrolment:
    """Read and verify an enrolment file; :class:`EnrolmentError` says what is wrong."""
    if len(data) > MAX_BYTES:
        raise EnrolmentError(f"larger than {MAX_BYTES // 1024} KB, so not an enrolment file")
    got = versioned.read(data, Enrolment, fmt=FORMAT, version=FORMAT_VERSION, noun="enrolment file",
                         label="enrolment format", error=EnrolmentError)
    try:
        Ed25519PublicKey.from_public_bytes(got.key_bytes()).verify(
            base64.b64decode(got.signature), _message(got.name, got.created_at, got.signing_key, got.age_recipient))
    except (InvalidSignature, ValueError):
        raise EnrolmentError("its signature does not match: the file was altered, or not made by the key it "
                             "names") from None
    return got


def schema() -> dict[str, Any]:
    return published(Enrolment, "Case Assessor enrolment")
