"""Key custody: the keys that open encrypted databases and this user's
private keys (see docs/security.md).

Every database the app creates has its own random 256-bit data key, sealed
in a key file beside it (``NAME.sqlite3.key``).  The signing key and the
lead's age identity are sealed the same way in the keys folder.  A key file
is sealed under a key-encryption key (KEK) that comes from the operating
system's keystore when there is one, or else from the user's passphrase (the
GUI asks; the command line reads ``--db-passphrase-file`` or the file named by
``CASE_ASSESSOR_PASSPHRASE_FILE``).  A :class:`Keys` is one session's
custody: the passphrase is asked for at most once and the KEKs and private
keys it opened are kept in memory until the program ends.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exports import keyfile as kf_mod
from exports.keyfile import KeyFile, KeyFileError, Lock, Purpose, WrongSecret
from storage import driver
from storage.private import private_dir
from storage.store import Store
from ui.ops import keystore
from ui.ops.errors import OpError
from ui.ops.paths import keys_dir

log = logging.getLogger("case_assessor.unlock")

PASSPHRASE_ENV = "CASE_ASSESSOR_PASSPHRASE_FILE"
MIN_PASSPHRASE = 12
_MAX_PASSPHRASE_FILE = 4096
NO_KEYSTORE = ("this computer has no keystore (Windows Credential Locker, macOS Keychain or a Secret Service), so "
               "Case Assessor's keys are protected by your passphrase: give --db-passphrase-file PATH, or set "
               f"{PASSPHRASE_ENV} to a file holding it. Nothing was changed.")
NOT_IN_KEYSTORE = ("{path}: its key is kept in a keystore that this computer (or this user account) does not have. "
                   "Open it where it was created, or ask the lead inspector to recover it (recover-key). "
                   "Nothing was changed.")
WRONG = "Wrong passphrase or not a Case Assessor database; nothing was changed."


@dataclass(frozen=True)
class Request:
    """What a passphrase is asked for: ``new`` means choosing one (asked twice)."""

    what: str
    new: bool
    problem: str = ""  # why it is asked again ("Wrong passphrase.")


Ask = Callable[[Request], "str | None"]


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused, or None: the rule packs and exports
    keep (:mod:`exports.passphrase`, at least the strength of four random
    words), since it is all that protects the case data on a computer with no
    keystore and a copied key file can be attacked offline."""
    from exports import passphrase as pp

    if len(passphrase) < MIN_PASSPHRASE:
        return (f"a passphrase must have at least {MIN_PASSPHRASE} characters: it is all that protects the case "
                "data when this computer has no keystore (a few unrelated words are easy to remember)")
    return pp.problem(passphrase)


def read_passphrase_file(path: str) -> str:
    """The passphrase in ``path``: its first line, without the line ending."""
    try:
        with open(path, "rb") as f:
            raw = f.read(_MAX_PASSPHRASE_FILE + 1)
    except OSError as e:
        raise OpError(f"{path}: the passphrase file could not be read ({e.strerror or e}). Nothing was changed.") from e
    if len(raw) > _MAX_PASSPHRASE_FILE:
        raise OpError(f"{path}: not a passphrase file (longer than {_MAX_PASSPHRASE_FILE} bytes). Nothing was changed.")
    try:
        text = raw.decode("utf-8").splitlines()[0] if raw.strip() else ""
    except UnicodeDecodeError:
        raise OpError(f"{path}: the passphrase file is not UTF-8 text. Nothing was changed.") from None
    if not text:
        raise OpError(f"{path}: the passphrase file is empty. Nothing was changed.")
    return text


class Keys:
    """One session's key custody (see the module's description)."""

    def __init__(self, *, ask: Ask | None = None, passphrase_file: str | None = None) -> None:
        self._ask = ask
        self._file = passphrase_file
        self._passphrase: str | None = None
        self._keks: dict[str, tuple[kf_mod.ScryptParams, bytes]] = {}  # salt -> (its scrypt, the KEK)
        self._new_lock: tuple[Lock, bytes] | None = None
        self._keystore: bool | None = None
        self.private: dict[str, Any] = {}  # opened private keys, by their file's path

    def has_keystore(self) -> bool:
        if self._keystore is None:
            self._keystore = keystore.usable()
        return self._keystore

    def protection(self) -> str:
        return "this computer's keystore" if self.has_keystore() else "your passphrase"

    # -- the passphrase ---------------------------------------------------------
    def _passphrase_for(self, what: str, new: bool, problem: str = "") -> str:
        if self._passphrase is not None and not problem:
            return self._passphrase
        if self._file is not None:
            if problem:
                raise OpError(WRONG)
            found = read_passphrase_file(self._file)
            bad = passphrase_problem(found) if new else None
            if bad:
                raise OpError(f"{self._file}: {bad}. Nothing was changed.")
            return found
        if self._ask is None:
            raise OpError(NO_KEYSTORE[0].upper() + NO_KEYSTORE[1:])
        while True:
            answer = self._ask(Request(what, new, problem))
            if answer is None:
                raise OpError("No passphrase was given, so nothing was opened or changed.")
            bad = passphrase_problem(answer) if new else None
            if not bad:
                return answer
            problem = bad[0].upper() + bad[1:] + "."

    # -- KEKs -------------------------------------------------------------------
    def _lock_for_new(self, what: str) -> tuple[Lock, bytes]:
        """The lock every key file written this session uses."""
        if self._new_lock is None:
            if self.has_keystore():
                try:
                    self._new_lock = Lock(keystore=keystore.KEK_ENTRY), keystore.get_or_create(keystore.KEK_ENTRY)
                except keystore.KeystoreUnavailable as e:
                    log.warning("keystore refused the key (%s); using a passphrase", type(e).__name__)
                    self._keystore = False
            if self._new_lock is None and self._keks:
                params, kek = next(iter(self._keks.values()))  # the passphrase already given this session
                self._new_lock = Lock(scrypt=params), kek
            if self._new_lock is None:
                passphrase = self._passphrase_for(what, new=True)
                params = kf_mod.new_scrypt()
                kek = kf_mod.derive_kek(passphrase, params)
                self._passphrase, self._keks[params.salt] = passphrase, (params, kek)
                self._new_lock = Lock(scrypt=params), kek
        return self._new_lock

    def open_file(self, path: Path, what: str) -> tuple[KeyFile, bytes]:
        """The key file at ``path`` and the secret it seals."""
        try:
            kf = kf_mod.read_key_file(path)
        except KeyFileError as e:
            raise OpError(f"{e}. Nothing was changed.") from e
        if kf.lock.keystore is not None:
            return kf, self._open_by_keystore(path, kf)
        params = kf.lock.scrypt
        assert params is not None  # read_key_file: exactly one lock
        problem = ""
        while True:
            kek = self._keks[params.salt][1] if params.salt in self._keks else None
            passphrase = None
            if kek is None:
                passphrase = self._passphrase_for(what, new=False, problem=problem)
                kek = kf_mod.derive_kek(passphrase, params)
            try:
                secret = kf_mod.open_secret(kek, kf)
            except WrongSecret:
                self._keks.pop(params.salt, None)
                self._passphrase, problem = None, "Wrong passphrase. Try again."
                continue
            except KeyFileError as e:
                raise OpError(f"{path}: {e}. Nothing was changed.") from e
            if passphrase is not None:
                self._passphrase, self._keks[params.salt] = passphrase, (params, kek)
            return kf, secret

    def _open_by_keystore(self, path: Path, kf: KeyFile) -> bytes:
        try:
            kek = keystore.get(kf.lock.keystore or "") if self.has_keystore() else None
        except keystore.KeystoreUnavailable:
            kek = None
        if kek is None:
            raise OpError(NOT_IN_KEYSTORE.format(path=path))
        try:
            return kf_mod.open_secret(kek, kf)
        except (WrongSecret, KeyFileError):
            raise OpError(NOT_IN_KEYSTORE.format(path=path)) from None

    def seal_new(self, path: Path, secret: bytes, purpose: Purpose, what: str,
                 recovery: kf_mod.Recovery | None = None) -> None:
        """Write a key file sealing ``secret`` under this session's lock (0600)."""
        lock, kek = self._lock_for_new(what)
        kf_mod.write_key_file(path, kf_mod.seal_secret(kek, secret, purpose, lock, recovery))



# ---------------------------------------------------------------------------
# The session
# ---------------------------------------------------------------------------

_session: Keys | None = None


def session() -> Keys:
    """This program's custody: the one the GUI or the command line set, or
    one that reads the passphrase from ``CASE_ASSESSOR_PASSPHRASE_FILE``."""
    global _session
    if _session is None:
        _session = Keys(passphrase_file=os.environ.get(PASSPHRASE_ENV) or None)
    return _session


def set_session(keys: Keys | None) -> None:
    global _session
    _session = keys


# ---------------------------------------------------------------------------
# Databases
# ---------------------------------------------------------------------------


def key_path(db: Path) -> Path:
    """The key file beside a database: ``NAME.sqlite3.key``."""
    return db.with_name(db.name + ".key")


def database_kind(path: Path) -> str:
    """``"new"``, ``"plain"`` or ``"other"`` (encrypted, or not a database)."""
    try:
        return driver.file_kind(path)
    except OSError as e:
        raise OpError(f"{path}: the database file could not be read ({e.strerror or e}).") from e


def database_key(path: Path, keys: Keys | None = None) -> bytes:
    """The data key of the encrypted (or new) database at ``path``; for a new
    one it is created and its key file written before the database is."""
    keys = keys or session()
    kp = key_path(path)
    what = f"the database {path}"
    if database_kind(path) == "new" and not kp.exists():
        key = os.urandom(driver.KEY_BYTES)
        try:
            private_dir(path.parent)  # a new database in a new folder: 0700, as the database itself would make it
        except OSError as e:
            raise OpError(f"{path.parent}: the folder could not be created ({e.strerror or e}). Nothing was changed.") from e
        keys.seal_new(kp, key, "database", what)
        return key
    if not kp.exists():
        raise OpError(f"{path} is encrypted (or is not a Case Assessor database) and its key file {kp.name} is not "
                      "beside it. Copy the key file next to the database, or ask the lead inspector to recover it "
                      "(recover-key). Nothing was changed.")
    kf, key = keys.open_file(kp, what)
    if kf.purpose != "database" or len(key) != driver.KEY_BYTES:
        raise OpError(f"{kp}: not a database key file. Nothing was changed.")
    return key


def open_store(path: Path, keys: Keys | None = None, *, read_only: bool = False) -> Store:
    """The database at ``path``: a plain one as it is (``encrypted`` False:
    the app offers to encrypt it), a new or encrypted one with its key;
    ``read_only`` opens it for viewing only."""
    if str(path) == ":memory:" or database_kind(path) == "plain":
        return Store(path, read_only=read_only)
    return Store(path, key=database_key(path, keys), read_only=read_only)


def add_recovery(store: Store, recipient: str) -> None:
    """Seal the database's key also to the lead inspector's age ``recipient``
    (set when the database is set up from the lead's pack), unless its key
    file already holds a recovery copy."""
    if store.key is None or str(store.path) == ":memory:":
        return
    kp = key_path(Path(store.path))
    try:
        kf = kf_mod.read_key_file(kp)
        if kf.recovery is None:
            kf_mod.write_key_file(kp, kf_mod.with_recovery(kf, store.key, recipient))
    except KeyFileError as e:
        raise OpError(f"{e}. The lead inspector cannot recover this database's key until this is fixed.") from e


# ---------------------------------------------------------------------------
# Private keys
# ---------------------------------------------------------------------------

_LEGACY = {"signing-ed25519": "signing-ed25519.pem", "lead-x25519": "lead-x25519.age"}


def private_key(name: str, purpose: Purpose, keys: Keys | None = None) -> bytes:
    """The secret in ``keys/NAME.key``, created on first use; a plain key file
    an earlier version left (``signing-ed25519.pem``, ``lead-x25519.age``) is
    sealed and then removed on first use."""
    keys = keys or session()
    folder = keys_dir()
    path, legacy = folder / f"{name}.key", folder / _LEGACY.get(name, f"{name}.plain")
    what = "your private keys"
    if path.exists():
        kf, secret = keys.open_file(path, what)
        if kf.purpose != purpose:
            raise OpError(f"{path}: not a {purpose} key file. Nothing was changed.")
        if legacy.exists() and _same_bytes(legacy, secret):  # a conversion stopped before it removed the old file
            legacy.unlink()
        return secret
    made = kf_mod.new_signing_secret if purpose == "signing-key" else kf_mod.new_age_secret
    try:
        secret = legacy.read_bytes() if legacy.exists() else made()
    except OSError as e:
        raise OpError(f"{legacy}: could not be read ({e.strerror or e}). Nothing was changed.") from e
    _parse(purpose, secret, legacy)  # a damaged old key is refused, not sealed
    keys.seal_new(path, secret, purpose, what)
    legacy.unlink(missing_ok=True)
    return secret


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _parse(purpose: Purpose, secret: bytes, where: Path) -> Any:
    try:
        return (kf_mod.signing_key_from if purpose == "signing-key" else kf_mod.age_identity_from)(secret)
    except KeyFileError as e:
        raise OpError(f"{where}: {e}. Nothing was changed.") from e


def signing_key(keys: Keys | None = None) -> Any:
    """This user's Ed25519 signing key (an :class:`exports.secure.SigningKey`), unlocked once a session."""
    keys = keys or session()
    where = str(keys_dir() / "signing-ed25519")
    if where not in keys.private or not (keys_dir() / "signing-ed25519.key").exists():  # removed: a new key
        keys.private[where] = _parse("signing-key", private_key("signing-ed25519", "signing-key", keys), keys_dir())
    return keys.private[where]


def age_identity(name: str = "lead-x25519", keys: Keys | None = None) -> Any:
    """An age X25519 identity in ``keys/NAME.key`` (the lead's by default), unlocked once a session."""
    keys = keys or session()
    where = str(keys_dir() / name)
    if where not in keys.private or not (keys_dir() / f"{name}.key").exists():  # removed: a new key
        keys.private[where] = _parse("age-identity", private_key(name, "age-identity", keys), keys_dir())
    return keys.private[where]
