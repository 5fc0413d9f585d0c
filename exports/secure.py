"""Signed and encrypted files: assessor exports and inspection packs.

Construction (see docs/export-format.md):

1. The payload (an assessment bundle, or a pack) is wrapped in a JSON
   envelope with the signer's Ed25519 public key, and signed: the signature
   covers a fixed domain label, the envelope kind and the payload's SHA-256.
2. The envelope is encrypted with age (pyrage): to the lead inspector's X25519
   recipient (plus any escrow recipients), or to a passphrase where no pack was
   issued.  age's authenticated encryption makes any changed byte fail.

A lost file reveals nothing without the lead's key or the passphrase; a changed
file fails decryption or the signature; an unknown signer is reported as such.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from storage.private import private_dir

ENVELOPE = "case-assessor-signed"
ENVELOPE_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
AGE_MAGIC = b"age-encryption.org/v1\n"
_MAX_NAME = 500  # longest signer name


class SecureError(Exception):
    """A file that was refused; the message says why.  Nothing was changed."""


# The envelope is the only thing read before the signature is checked, so it is
# parsed by pydantic-core (no recursion on the bytes: deep nesting and numbers
# thousands of digits long are refused as errors) into strict models with every
# field bounded; unknown keys are refused.
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Head(BaseModel):
    """Enough to say "not ours" or "newer" before the strict read."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    format: str = Field(max_length=100)
    format_version: int = Field(ge=0, le=1_000_000)


class _Signer(_Strict):
    name: str = Field(max_length=_MAX_NAME)
    public_key: str = Field(max_length=100)


class _Envelope(_Strict):
    format: Literal["case-assessor-signed"]
    format_version: int
    kind: str = Field(max_length=50)
    signer: _Signer
    signed_at: str = Field(max_length=100)
    signature: str = Field(max_length=200)
    payload: str = Field(max_length=MAX_FILE_BYTES * 4 // 3 + 4)


_M = TypeVar("_M", bound=BaseModel)


def _first_problem(err: ValidationError) -> str:
    first = err.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def _validated(model: type[_M], raw: bytes, refusal: str) -> _M:
    try:
        return model.model_validate_json(raw)
    except ValidationError as e:
        raise SecureError(f"{refusal} ({_first_problem(e)})") from None


def _envelope(raw: bytes, kind: str | None) -> _Envelope:
    """The decrypted envelope, bounded and strict; SecureError for anything else."""
    head = _validated(_Head, raw, "the decrypted content is not a Case Assessor envelope")
    if head.format != ENVELOPE:
        raise SecureError("the decrypted content is not a Case Assessor envelope")
    if head.format_version > ENVELOPE_VERSION:
        raise SecureError(
            f"written by a newer Case Assessor (envelope version {head.format_version}); update to read it"
        )
    env = _validated(_Envelope, raw, "not a valid Case Assessor envelope")
    if kind is not None and env.kind != kind:
        raise SecureError(f"this is a {env.kind!r} file, not a {kind!r} file")
    return env


def fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint of a raw Ed25519 public key."""
    h = hashlib.sha256(b"case-assessor-key\n" + public_key).hexdigest()[:20].upper()
    return "-".join(h[i:i + 4] for i in range(0, 20, 4))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise SecureError(f"the {what} is missing")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise SecureError(f"the {what} is not valid base64") from None


def _message(kind: str, payload: bytes, signed_at: str, signer_name: str) -> bytes:
    return b"\n".join([
        f"{ENVELOPE}/v{ENVELOPE_VERSION}".encode(), kind.encode(), signed_at.encode(),
        signer_name.encode("utf-8"), hashlib.sha256(payload).hexdigest().encode(),
    ])


# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------


def _write_private(path: Path, data: bytes) -> None:
    private_dir(path.parent, tighten=True)  # a folder holding private keys is 0700
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


@dataclass
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public_bytes(self) -> bytes:
        return self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_bytes)


def load_or_create_signing_key(path: Path) -> SigningKey:
    """The user's Ed25519 key, created on first use (file mode 0600)."""
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, OSError) as e:
            raise SecureError(f"{path}: the signing key could not be read ({e})") from e
        if not isinstance(key, Ed25519PrivateKey):
            raise SecureError(f"{path}: not an Ed25519 key")
        return SigningKey(key)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    _write_private(path, pem)
    return SigningKey(key)


def load_or_create_age_identity(path: Path) -> x25519.Identity:
    """The lead inspector's decryption identity, created on first use (0600)."""
    if path.exists():
        try:
            return x25519.Identity.from_str(path.read_text().strip())
        except (ValueError, OSError) as e:
            raise SecureError(f"{path}: the decryption key could not be read") from e
    ident = x25519.Identity.generate()
    _write_private(path, (str(ident) + "\n").encode())
    return ident


# ---------------------------------------------------------------------------
# Seal and open
# ---------------------------------------------------------------------------


def seal(
    payload: bytes,
    kind: str,
    key: SigningKey,
    signer_name: str,
    signed_at: str,
    *,
    recipients: list[str] | None = None,
    passphrase: str | None = None,
) -> bytes:
    """Sign ``payload`` and encrypt it to ``recipients`` (age X25519 public
    keys) or to ``passphrase``."""
    sig = key.private.sign(_message(kind, payload, signed_at, signer_name))
    envelope = json.dumps({
        "format": ENVELOPE, "format_version": ENVELOPE_VERSION, "kind": kind,
        "signer": {"name": signer_name, "public_key": _b64(key.public_bytes)},
        "signed_at": signed_at, "signature": _b64(sig), "payload": _b64(payload),
    }, sort_keys=True).encode()
    if recipients:
        try:
            rs = [x25519.Recipient.from_str(r) for r in recipients]
        except ValueError as e:
            raise SecureError(f"not a valid recipient key ({e})") from e
        return bytes(pyrage.encrypt(envelope, rs))
    if passphrase:
        return bytes(age_passphrase.encrypt(envelope, passphrase))
    raise SecureError("an export must be encrypted: to the lead inspector's key or to a passphrase")


@dataclass(frozen=True)
class Opened:
    kind: str
    payload: bytes
    signer_name: str
    signer_key: bytes
    signed_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signer_key)


def passphrase_encrypted(data: bytes) -> bool:
    """Whether the file is encrypted to a passphrase (age's scrypt stanza in its header)."""
    if not data.startswith(AGE_MAGIC):
        return False
    head = data[:8192].split(b"\n---", 1)[0]
    return b"\n-> scrypt " in head


def open_sealed(data: bytes, *, identities: list[x25519.Identity] | None = None,
                passphrase: str | None = None, kind: str | None = None) -> Opened:
    """Decrypt and verify.  The signer is NOT checked against trusted keys here."""
    if len(data) > MAX_FILE_BYTES:
        raise SecureError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; refused")
    if not data.startswith(AGE_MAGIC):
        raise SecureError("not a Case Assessor export (not an encrypted file)")
    envelope = None
    errors = []
    if identities:
        try:
            envelope = pyrage.decrypt(data, identities)
        except pyrage.DecryptError as e:
            errors.append(str(e))
    if envelope is None and passphrase:
        try:
            envelope = age_passphrase.decrypt(data, passphrase)
        except pyrage.DecryptError as e:
            errors.append(str(e))
    if envelope is None:
        if not identities and not passphrase:
            raise SecureError("no key or passphrase was given to decrypt it")
        if passphrase_encrypted(data):
            raise SecureError("it is encrypted to a passphrase, and " + (
                "that passphrase does not open it (or the file was altered)" if passphrase else "none was given"))
        if any("No matching keys" in e for e in errors) and not passphrase:
            raise SecureError("it is not encrypted to this lead inspector's key (wrong key)")
        raise SecureError("it could not be decrypted: wrong key or passphrase, or the file was altered or cut short")
    env = _envelope(bytes(envelope), kind)
    pub = _unb64(env.signer.public_key, "signer's key")
    sig = _unb64(env.signature, "signature")
    payload = _unb64(env.payload, "payload")
    try:
        Ed25519PublicKey.from_public_bytes(pub).verify(sig, _message(env.kind, payload, env.signed_at, env.signer.name))
    except (InvalidSignature, ValueError):
        raise SecureError("the signature does not match: the file was altered or not signed by its stated signer") from None
    return Opened(env.kind, payload, env.signer.name, pub, env.signed_at)
