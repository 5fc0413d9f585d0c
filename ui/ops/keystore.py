"""The operating system's keystore, through ``keyring``: Windows Credential
Locker, macOS Keychain, the Secret Service (GNOME Keyring, KWallet) on Linux.

It holds one entry for the app: this user's key-encryption key (KEK), 32
random bytes (base64), which seals the key files (see :mod:`exports.keyfile`).
When keyring finds no usable backend (its ``fail`` or ``null`` backends, or a
backend that errors), there is no keystore and the app uses a passphrase.
"""

from __future__ import annotations

import base64
import logging
import os

log = logging.getLogger("case_assessor.keystore")

SERVICE = "Case Assessor"
KEK_ENTRY = "key-encryption-key"


class KeystoreUnavailable(Exception):
    """The keystore could not be read or written."""


def _backend() -> object | None:
    import keyring
    from keyring.backends import fail, null

    kr = keyring.get_keyring()
    if isinstance(kr, fail.Keyring | null.Keyring):
        return None
    return kr


def usable() -> bool:
    """True when a real keystore backend is configured."""
    try:
        return _backend() is not None
    except Exception as e:  # a broken keyring configuration is no keystore
        log.warning("keystore unavailable: %s", type(e).__name__)
        return False


def get(entry: str) -> bytes | None:
    """The 32-byte key stored as ``entry``, or None when the keystore has none."""
    import keyring
    from keyring.errors import KeyringError

    try:
        text = keyring.get_password(SERVICE, entry)
    except KeyringError as e:
        raise KeystoreUnavailable(str(e) or type(e).__name__) from e
    if text is None:
        return None
    try:
        key = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def get_or_create(entry: str) -> bytes:
    """The key stored as ``entry``, created (and read back) on first use."""
    import keyring
    from keyring.errors import KeyringError

    found = get(entry)
    if found is not None:
        return found
    key = os.urandom(32)
    try:
        keyring.set_password(SERVICE, entry, base64.b64encode(key).decode("ascii"))
    except KeyringError as e:
        raise KeystoreUnavailable(str(e) or type(e).__name__) from e
    if get(entry) != key:
        raise KeystoreUnavailable("the keystore did not keep the key")
    return key
