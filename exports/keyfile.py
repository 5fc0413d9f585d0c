"""Key files: one secret (a database key, a signing key, an age identity)
sealed at rest.

A key file is small versioned JSON (see docs/security.md)::

    {"format": "case-assessor-key", "format_version": 1, "purpose": "database",
     "lock": {"keystore": "kek"}                       # or
     "lock": {"scrypt": {"log_n": 17, "r": 8, "p": 1, "salt": "<base64>"}},
     "nonce": "<base64, 12 bytes>", "sealed": "<base64>",
     "recovery": {"recipient": "age1...", "sealed": "<base64 age file>"} | null}

``sealed`` is AES-256-GCM under a key-encryption key (KEK), with the purpose as
associated data (a database key cannot be passed off as a signing key).  The
KEK is a random 256-bit key kept in the operating system's keystore under the
name in ``lock.keystore``, or is derived from the user's passphrase with
scrypt (N = 2^17, r = 8, p = 1: about 0.25 s and 128 MB; Python's own hashlib).  ``recovery``, when
present, is the same secret encrypted with age to the lead inspector's
X25519 recipient, so the lead can recover a database whose keystore or
passphrase is lost.

The file is read with a size bound and checked field by field before anything is
decrypted; it is written atomically, 0600.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal, get_args

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from exports.files import atomic_write

__all__ = ["KeyFile", "KeyFileError", "WrongSecret", "ScryptParams", "Lock", "Recovery", "read_key_file",
           "write_key_file", "derive_kek", "new_scrypt", "seal_secret", "open_secret", "open_recovery",
           "with_recovery", "FORMAT", "MAX_KEY_FILE_BYTES"]

FORMAT = "case-assessor-key"
FORMAT_VERSION = 1
MAX_KEY_FILE_BYTES = 16 * 1024
Purpose = Literal["database", "signing-key", "age-identity"]
PURPOSES: tuple[str, ...] = get_args(Purpose)
_LOG_N, _R, _P = 17, 8, 1  # scrypt's cost for every new passphrase lock (OWASP's recommendation)


class KeyFileError(Exception):
    """A key file that cannot be read or used; the message says why.  Nothing was changed."""


class WrongSecret(KeyFileError):
    """The passphrase (or keystore key) does not open this key file."""


@dataclass(frozen=True)
class ScryptParams:
    log_n: int
    r: int
    p: int
    salt: str


@dataclass(frozen=True)
class Lock:
    keystore: str | None = None
    scrypt: ScryptParams | None = None


@dataclass(frozen=True)
class Recovery:
    recipient: str
    sealed: str


@dataclass(frozen=True)
class KeyFile:
    purpose: Purpose
    lock: Lock
    nonce: str
    sealed: str
    recovery: Recovery | None = None
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["lock"] = {k: v for k, v in out["lock"].items() if v is not None}
        if self.recovery is None:
            del out["recovery"]
        return {"format": FORMAT, **out}


# Parsed by hand against these bounds (no validation library at start-up): a
# hostile file can ask for no more than 2^20 scrypt work nor hold long fields.
_INT_BOUNDS = {"log_n": (14, 20), "r": (1, 16), "p": (1, 4), "format_version": (1, 1_000_000)}
_STR_BOUNDS = {"salt": 64, "keystore": 200, "recipient": 200, "nonce": 32, "sealed": 4096}


def _field(obj: Any, name: str, kind: type, optional: bool = False) -> Any:
    if not isinstance(obj, dict):
        raise KeyFileError(f"not a valid Case Assessor key file ({name}: not an object)")
    value = obj.get(name)
    if value is None and optional:
        return None
    if type(value) is not kind:
        raise KeyFileError(f"not a valid Case Assessor key file ({name}: missing or not a {kind.__name__})")
    if isinstance(value, dict):
        ok = True
    elif isinstance(value, int):
        lo, hi = _INT_BOUNDS[name]
        ok = lo <= value <= hi
    else:
        ok = isinstance(value, str) and len(value) <= _STR_BOUNDS[name]
    if not ok:
        raise KeyFileError(f"not a valid Case Assessor key file ({name}: out of bounds)")
    return value


def _parse(doc: Any) -> KeyFile:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileError("not a Case Assessor key file")
    version = _field(doc, "format_version", int)
    if version > FORMAT_VERSION:
        raise KeyFileError(f"written by a newer Case Assessor (key file version {version})")
    purpose = doc.get("purpose")
    if purpose not in PURPOSES:
        raise KeyFileError("not a valid Case Assessor key file (purpose)")
    lock_doc: dict[str, Any] = _field(doc, "lock", dict)
    keystore = _field(lock_doc, "keystore", str, optional=True)
    sdoc = lock_doc.get("scrypt")
    scrypt = None if sdoc is None else ScryptParams(_field(sdoc, "log_n", int), _field(sdoc, "r", int),
                                                   _field(sdoc, "p", int), _field(sdoc, "salt", str))
    if (keystore is None) == (scrypt is None):
        raise KeyFileError("not a valid Case Assessor key file (it must name one lock)")
    rdoc = doc.get("recovery")
    recovery = None if rdoc is None else Recovery(_field(rdoc, "recipient", str), _field(rdoc, "sealed", str))
    return KeyFile(purpose, Lock(keystore, scrypt), _field(doc, "nonce", str), _field(doc, "sealed", str),
                   recovery, version)


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise KeyFileError(f"the key file's {what} is not valid base64") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_key_file(path: Path) -> KeyFile:
    """The key file at ``path``, bounded and strict; KeyFileError otherwise."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError(f"{path}: the key file is missing") from None
    except OSError as e:
        raise KeyFileError(f"{path}: the key file could not be read ({e.strerror or e})") from e
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise KeyFileError(f"{path}: not a Case Assessor key file (larger than {MAX_KEY_FILE_BYTES} bytes)")
    try:
        return _parse(json.loads(raw.decode("utf-8")))
    except (ValueError, RecursionError):
        raise KeyFileError(f"{path}: not a Case Assessor key file (not JSON)") from None
    except KeyFileError as e:
        raise KeyFileError(f"{path}: {e}") from None


def write_key_file(path: Path, kf: KeyFile) -> None:
    """Write atomically (a crash leaves the old file or the new one), 0600."""
    atomic_write(path, (json.dumps(kf.to_json(), indent=1) + "\n").encode())


def new_scrypt() -> ScryptParams:
    return ScryptParams(_LOG_N, _R, _P, _b64(os.urandom(16)))


def derive_kek(passphrase: str, params: ScryptParams) -> bytes:
    """The 256-bit key a passphrase gives under these scrypt parameters."""
    salt = _unb64(params.salt, "salt")
    n = 2 ** params.log_n
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=params.r, p=params.p, dklen=32,
                          maxmem=256 * n * params.r + 2 ** 20)


def seal_secret(kek: bytes, secret: bytes, purpose: Purpose, lock: Lock,
                recovery: Recovery | None = None) -> KeyFile:
    nonce = os.urandom(12)
    sealed = AESGCM(kek).encrypt(nonce, secret, purpose.encode())
    return KeyFile(purpose, lock, _b64(nonce), _b64(sealed), recovery)


def open_secret(kek: bytes, kf: KeyFile) -> bytes:
    """The secret; WrongSecret when ``kek`` is not the key it was sealed with
    (or the file was altered)."""
    nonce = _unb64(kf.nonce, "nonce")
    if len(nonce) != 12:
        raise KeyFileError("the key file's nonce is not 12 bytes")
    try:
        return AESGCM(kek).decrypt(nonce, _unb64(kf.sealed, "sealed key"), kf.purpose.encode())
    except InvalidTag:
        raise WrongSecret("wrong passphrase (or the key file was altered)") from None


def with_recovery(kf: KeyFile, secret: bytes, recipient: str) -> KeyFile:
    """``kf`` with ``secret`` also encrypted (age) to the lead's ``recipient``."""
    import pyrage
    from pyrage import x25519

    try:
        r = x25519.Recipient.from_str(recipient)
    except ValueError as e:
        raise KeyFileError(f"not a valid recovery recipient ({e})") from e
    sealed = bytes(pyrage.encrypt(secret, [r]))
    return replace(kf, recovery=Recovery(recipient, _b64(sealed)))


def open_recovery(kf: KeyFile, identity: Any) -> bytes:
    """The secret, decrypted with the lead's age identity (a pyrage x25519 Identity)."""
    import pyrage

    if kf.recovery is None:
        raise KeyFileError("this key file holds no recovery copy (the database was not set up from a lead's pack)")
    try:
        return bytes(pyrage.decrypt(_unb64(kf.recovery.sealed, "recovery copy"), [identity]))
    except pyrage.DecryptError:
        raise KeyFileError("the recovery copy is not sealed to this lead inspector's key") from None


# ---------------------------------------------------------------------------
# The private keys kept in key files (formats only; ui.ops.unlock keeps them)
# ---------------------------------------------------------------------------


def new_signing_secret() -> bytes:
    """A new Ed25519 signing key, as PKCS8 PEM (sealed in its key file)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def signing_key_from(secret: bytes) -> Any:
    """The :class:`exports.secure.SigningKey` in ``secret`` (PKCS8 PEM)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from exports.secure import SigningKey

    try:
        key = serialization.load_pem_private_key(secret, password=None)
    except (ValueError, TypeError) as e:
        raise KeyFileError("the signing key could not be read") from e
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError("the signing key is not an Ed25519 key")
    return SigningKey(key)


def new_age_secret() -> bytes:
    """A new age X25519 identity, as its ``AGE-SECRET-KEY-1...`` text."""
    from pyrage import x25519

    return str(x25519.Identity.generate()).encode()


def age_identity_from(secret: bytes) -> Any:
    """The pyrage x25519 Identity in ``secret``."""
    from pyrage import x25519

    try:
        return x25519.Identity.from_str(secret.decode("ascii").strip())
    except (ValueError, UnicodeDecodeError) as e:
        raise KeyFileError("the decryption key could not be read") from e
