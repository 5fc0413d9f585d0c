"""The signed envelope: only a small bounded header is parsed before the
signature is checked, and any bytes end in SecureError (never a traceback)."""

from __future__ import annotations

import base64
import json

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrage import x25519

from exports import secure

IDENT = x25519.Identity.generate()
RECIPIENT = IDENT.to_public()
KEY = secure.SigningKey(Ed25519PrivateKey.generate())


def sealed() -> bytes:
    return secure.seal(b'{"x": 1}', "export", KEY, "Ann", "2026-01-01T00:00:00.000Z", recipients=[str(RECIPIENT)])


def envelope() -> dict:
    return json.loads(pyrage.decrypt(sealed(), [IDENT]))


def encrypt(raw: bytes) -> bytes:
    """Anyone holding the lead's public key (it is in every pack) can do this."""
    return bytes(pyrage.encrypt(raw, [RECIPIENT]))


def test_a_sealed_file_opens():
    opened = secure.open_sealed(sealed(), identities=[IDENT], kind="export")
    assert (opened.payload, opened.signer_name) == (b'{"x": 1}', "Ann")


def with_(**over: object) -> bytes:
    env = envelope()
    env.update(over)
    return json.dumps(env).encode()


@pytest.mark.parametrize("inner, says", [
    (b"[" * 100_000, "not a Case Assessor envelope"),  # a RecursionError before
    (b"{" * 1_000, "not a Case Assessor envelope"),
    (b'{"format": "case-assessor-signed", "format_version": 1' + b"0" * 100_000 + b"}", "envelope"),
    (b'{"format": "case-assessor-signed", "format_version": 1, "x": 1' + b"0" * 100_000 + b"}", "envelope"),
    (b'{"format": "case-assessor-signed", "format_version": 1, "x": ' + b"[" * 5_000 + b"}", "envelope"),
    (b"\xff\xfe\x00", "not a Case Assessor envelope"),
    (b"[1, 2]", "not a Case Assessor envelope"),
    (b'"text"', "not a Case Assessor envelope"),
    (b"", "not a Case Assessor envelope"),
    (with_(format_version=2), "newer Case Assessor"),
    (with_(format_version="1"), "format_version"),
    (with_(signer=["Ann"]), "signer"),
    (with_(signer={"name": "A" * 10_000, "public_key": "x"}), "signer.name"),
    (with_(signed_at=5), "signed_at"),
    (with_(signature=None), "signature"),
    (with_(payload={"a": 1}), "payload"),
    (with_(extra=1), "extra"),
    (with_(kind="pack"), "not a 'export' file"),
    (with_(payload=base64.b64encode(b"other").decode()), "signature does not match"),
    (with_(signature="!!"), "base64"),
    (json.dumps({k: v for k, v in envelope().items() if k != "signer"}).encode(), "signer"),
], ids=lambda v: v[:40].decode("latin-1") if isinstance(v, bytes) else str(v))
def test_hostile_envelopes_inside_valid_encryption_are_refused(inner, says):
    with pytest.raises(secure.SecureError, match=says):
        secure.open_sealed(encrypt(inner), identities=[IDENT], kind="export")


@pytest.mark.parametrize("data", [
    b"[" * 100_000, secure.AGE_MAGIC + b"[" * 100_000, secure.AGE_MAGIC, sealed()[:100], sealed()[:-1], b"",
    secure.AGE_MAGIC + b"-> X25519 " + b"A" * 100_000 + b"\n",
], ids=lambda v: v[:30].decode("latin-1"))
def test_hostile_bytes_outside_the_encryption_are_refused(data):
    with pytest.raises(secure.SecureError):
        secure.open_sealed(data, identities=[IDENT], kind="export")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2_000), st.booleans())
def test_any_bytes_give_a_secure_error_or_open(data, magic):
    """Random bytes, with or without the age header, and random bytes encrypted to the lead."""
    for candidate in ((secure.AGE_MAGIC + data) if magic else data, encrypt(data)):
        try:
            secure.open_sealed(candidate, identities=[IDENT], passphrase="pw", kind="export")
        except secure.SecureError:
            pass
