"""Databases at rest: encrypt a plain one, write a plain copy for analysis
tools, and the lead's recovery of a database whose key is lost."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from exports import keyfile as kf_mod
from exports.keyfile import KeyFileError
from storage.cipher import encrypt_file, plain_copy
from storage.store import Store
from ui.ops import unlock
from ui.ops.errors import OpError
from ui.ops.paths import keys_dir
from ui.ops.unlock import Keys, key_path

__all__ = ["Encrypted", "encrypt_database", "decrypt_copy", "recover_key"]


@dataclass(frozen=True)
class Encrypted:
    path: Path
    key_file: Path
    protected_by: str  # "this computer's keystore" or "your passphrase"


def encrypt_database(path: Path, keys: Keys | None = None) -> Encrypted:
    """Encrypt the plain database at ``path`` in place.  Its key file is
    written first (a crash after the conversion never leaves a database
    without its key); if the conversion fails before the plain file is
    replaced, the new key file is removed again and nothing has changed."""
    keys = keys or unlock.session()
    path = Path(path)
    kind = unlock.database_kind(path)
    if kind == "new":
        raise OpError(f"{path}: no such database. Nothing was changed.")
    if kind != "plain":
        raise OpError(f"{path} is already encrypted (or is not a Case Assessor database). Nothing was changed.")
    kp = key_path(path)
    created = not kp.exists()
    if created:
        key = os.urandom(32)
        keys.seal_new(kp, key, "database", f"the database {path}")
    else:  # left by an earlier attempt that stopped before the conversion
        key = unlock.database_key(path, keys)
    try:
        encrypt_file(path, key)
    except BaseException:
        if created and unlock.database_kind(path) == "plain":
            kp.unlink(missing_ok=True)
        raise
    return Encrypted(path, kp, keys.protection())


def decrypt_copy(path: Path, out: Path, keys: Keys | None = None) -> Path:
    """A plain SQLite copy of the encrypted database at ``path``, written to
    the new file ``out`` (0600) for sqlite-utils or Datasette."""
    path, out = Path(path), Path(out)
    if unlock.database_kind(path) == "plain":
        raise OpError(f"{path} is not encrypted: analysis tools can read it as it is. Nothing was written.")
    if out.exists() or os.path.realpath(out) == os.path.realpath(path):
        raise OpError(f"{out} already exists (or is the database itself); name a new file. Nothing was written.")
    if os.path.realpath(out) == os.path.realpath(key_path(path)):
        raise OpError(f"{out} is the database's key file; name a new file. Nothing was written.")
    plain_copy(path, unlock.database_key(path, keys), out)
    return out


def recover_key(path: Path, keys: Keys | None = None) -> str:
    """The lead inspector opens the recovery copy in a database's key file
    with the lead's own age identity, checks that the key opens the database,
    and seals it again for this computer (keystore or passphrase).  Returns
    what now protects it."""
    keys = keys or unlock.session()
    path = Path(path)
    kp = key_path(path)
    if unlock.database_kind(path) != "other":
        raise OpError(f"{path}: not an encrypted database. Nothing was changed.")
    if not any((keys_dir() / name).exists() for name in ("lead-x25519.key", "lead-x25519.age")):
        raise OpError("this computer holds no lead inspector's key: run recover-key on the lead's computer, "
                      "with the database and its key file copied there. Nothing was changed.")
    try:
        kf = kf_mod.read_key_file(kp)
        key = kf_mod.open_recovery(kf, unlock.age_identity("lead-x25519", keys))
    except KeyFileError as e:
        raise OpError(f"{kp}: {e}. Nothing was changed.") from e
    Store(path, key=key).close()  # the key opens it (WrongKey otherwise, nothing changed)
    keys.seal_new(kp, key, "database", f"the database {path}", recovery=kf.recovery)
    return keys.protection()
