"""Key custody (issue 13, items 1 and 3): a new database, its log, its key
file, the private keys and an export hold no plaintext; the keystore or, with
none, the passphrase opens them; a wrong passphrase changes nothing; a lost
keystore does not lose an inspection (the lead's recovery copy)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from storage.driver import SQLITE_MAGIC
from tests.conftest import file_mode
from tests.keyrings import MemoryKeyring
from ui.ops import exchange, inspections, unlock
from ui.ops.errors import OpError
from ui.ops.paths import keys_dir
from ui.ops.unlock import Keys, Request, key_path
from ui.ops.workspace import Workspace

REF = "CASE-SECRET-9031"
PASSPHRASE = "quartet oxidize pelican marmalade tundra"
SAMPLE = f"reference,case_type,rosh_level,requirements\n{REF},licence,medium,supervision\n"


def _new_db(path: Path, tmp_path: Path) -> str:
    with Workspace.open(path, acting_as="Ann Lee", make_folders=True) as ws:
        iid = inspections.new_inspection(ws, "York", "iaow-2013", who="Ann Lee").id
        (tmp_path / "s.csv").write_text(SAMPLE)
        inspections.import_sample(ws, iid, tmp_path / "s.csv")
        assert ws.encrypted
    return iid


def _everything_beside(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def _pw_file(tmp_path: Path, text: str = PASSPHRASE) -> str:
    p = tmp_path / f"pw-{len(text)}.txt"
    p.write_text(text + "\n")
    return str(p)


def test_a_new_database_its_log_key_file_private_keys_and_export_hold_no_plaintext(tmp_path, db_path):
    iid = _new_db(db_path, tmp_path)
    with Workspace.open(db_path, acting_as="Ann Lee") as ws:  # open: the answer's pages are in the log too
        ws.store.set_setting("probe", REF)
        files = sorted(p.name for p in db_path.parent.glob(db_path.name + "*"))
        assert files == ["cases.sqlite3", "cases.sqlite3-shm", "cases.sqlite3-wal", "cases.sqlite3.key"]
        data = _everything_beside(db_path)
        assert SQLITE_MAGIC not in data and REF.encode() not in data
        exchange.export_secure(ws, iid, tmp_path / "out.export", _pw_file(tmp_path))
        key = ws.store.key
    assert key is not None and key.hex().encode() not in data and key not in data
    assert REF.encode() not in (tmp_path / "out.export").read_bytes()
    assert all(file_mode(p) == 0o600 for p in db_path.parent.glob(db_path.name + "*"))
    for p in keys_dir().iterdir():
        raw = p.read_bytes()
        assert b"AGE-SECRET-KEY-" not in raw and b"PRIVATE KEY-----" not in raw and file_mode(p) == 0o600
    assert sorted(p.name for p in keys_dir().iterdir()) == ["signing-ed25519.key"]


def test_without_a_keystore_the_passphrase_file_protects_everything(tmp_path, db_path, no_keystore, monkeypatch):
    with pytest.raises(OpError, match="no keystore"):
        Workspace.open(db_path)
    assert not db_path.exists() and not key_path(db_path).exists()  # refused before anything was created
    monkeypatch.setenv(unlock.PASSPHRASE_ENV, _pw_file(tmp_path))
    unlock.set_session(None)
    _new_db(db_path, tmp_path)
    assert '"scrypt"' in key_path(db_path).read_text()
    unlock.set_session(None)
    with Workspace.open(db_path) as ws:
        assert ws.find_case(REF) and exchange.my_fingerprint()
    assert '"scrypt"' in (keys_dir() / "signing-ed25519.key").read_text()


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path, db_path, no_keystore):
    unlock.set_session(Keys(passphrase_file=_pw_file(tmp_path)))
    _new_db(db_path, tmp_path)
    before = {p.name: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")}
    unlock.set_session(Keys(passphrase_file=_pw_file(tmp_path, "wrong oxidize pelican marmalade tundra")))
    with pytest.raises(OpError, match="Wrong passphrase or not a Case Assessor database; nothing was changed"):
        Workspace.open(db_path)
    assert {p.name: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")} == before


def test_a_short_new_passphrase_is_refused_and_says_why(tmp_path, db_path, no_keystore):
    unlock.set_session(Keys(passphrase_file=_pw_file(tmp_path, "hunter2")))
    with pytest.raises(OpError, match="at least 12 characters"):
        Workspace.open(db_path)
    assert not db_path.exists() and not key_path(db_path).exists()


def test_the_gui_asks_again_after_a_wrong_passphrase_and_a_cancel_changes_nothing(tmp_path, db_path, no_keystore):
    asked: list[Request] = []
    answers = iter(["short", PASSPHRASE])
    unlock.set_session(Keys(ask=lambda r: asked.append(r) or next(answers)))
    _new_db(db_path, tmp_path)
    assert [(r.new, r.problem[:20]) for r in asked] == [(True, ""), (True, "A passphrase must ha")]
    asked.clear()
    answers = iter(["not the passphrase", PASSPHRASE])
    unlock.set_session(Keys(ask=lambda r: asked.append(r) or next(answers)))
    with Workspace.open(db_path) as ws:
        assert ws.find_case(REF)
        exchange.my_fingerprint()  # the same session: not asked again
    assert [(r.new, r.problem) for r in asked] == [(False, ""), (False, "Wrong passphrase. Try again.")]
    unlock.set_session(Keys(ask=lambda r: None))
    with pytest.raises(OpError, match="No passphrase was given"):
        Workspace.open(db_path)


def test_a_database_from_another_keystore_says_how_to_recover(tmp_path, db_path):
    _new_db(db_path, tmp_path)
    keyring.set_keyring(MemoryKeyring())  # the laptop's keystore was reset
    unlock.set_session(None)
    with pytest.raises(OpError, match="recover-key"):
        Workspace.open(db_path)
    key_path(db_path).unlink()
    with pytest.raises(OpError, match="key file cases.sqlite3.key is not beside it"):
        Workspace.open(db_path)


def test_plain_key_files_of_an_earlier_version_are_sealed_on_first_use(tmp_path):
    folder = keys_dir()
    key = Ed25519PrivateKey.generate()
    (folder / "signing-ed25519.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    ident = x25519.Identity.generate()
    (folder / "lead-x25519.age").write_text(str(ident) + "\n")
    signing = exchange.signing_key()
    assert signing.public_bytes == key.public_key().public_bytes(serialization.Encoding.Raw,
                                                                 serialization.PublicFormat.Raw)
    assert str(exchange.lead_identity().to_public()) == str(ident.to_public())
    assert sorted(p.name for p in folder.iterdir()) == ["lead-x25519.key", "signing-ed25519.key"]
    for p in folder.iterdir():
        assert b"AGE-SECRET-KEY-" not in p.read_bytes() and b"PRIVATE KEY-----" not in p.read_bytes()
    unlock.set_session(None)
    assert exchange.signing_key().public_bytes == signing.public_bytes  # opened again from the sealed file


def test_the_lead_recovers_a_database_set_up_from_a_pack(tmp_path, monkeypatch):
    lead_keys, ann_keys = tmp_path / "lead-keys", tmp_path / "ann-keys"
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(lead_keys))
    lead_db, ann_db = tmp_path / "lead.sqlite3", tmp_path / "ann.sqlite3"
    iid = _new_db(lead_db, tmp_path)
    with Workspace.open(lead_db, acting_as="Lee Lead") as ws:
        exchange.make_pack(ws, iid, "Ann", tmp_path / "ann.pack", _pw_file(tmp_path), [REF])
        lead_fp = exchange.my_fingerprint()
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(ann_keys))
    ann_ring = MemoryKeyring()
    keyring.set_keyring(ann_ring)  # Ann's laptop
    unlock.set_session(None)
    with Workspace.open(ann_db, acting_as="Ann") as ws:
        exchange.import_pack(ws, tmp_path / "ann.pack", _pw_file(tmp_path), lead_fingerprint=lead_fp)
        ws.store.set_setting("note", "the answers Ann gave")
    assert '"recovery"' in key_path(ann_db).read_text()
    keyring.set_keyring(MemoryKeyring())  # Ann's keystore is lost
    unlock.set_session(None)
    with pytest.raises(OpError, match="recover-key"):
        Workspace.open(ann_db)
    with pytest.raises(OpError, match="holds no lead inspector's key"):  # Ann's laptop cannot
        from ui.ops.atrest import recover_key

        recover_key(ann_db)
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(tmp_path / "other-lead-keys"))  # another lead's key
    exchange.lead_identity()
    with pytest.raises(OpError, match="not sealed to this lead"):
        recover_key(ann_db)
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(lead_keys))  # the lead's laptop, the lead's keystore
    unlock.set_session(None)
    keyring.set_keyring(_lead_ring)
    assert recover_key(ann_db) == "this computer's keystore"
    with Workspace.open(ann_db) as ws:
        assert ws.setting("note") == "the answers Ann gave" and ws.find_case(REF)
    assert '"recovery"' in key_path(ann_db).read_text()  # still recoverable


_lead_ring: MemoryKeyring


@pytest.fixture(autouse=True)
def _remember_the_first_keystore(keystore):
    global _lead_ring
    _lead_ring = keystore


def test_key_files_are_bounded_and_strict(tmp_path, db_path):
    _new_db(db_path, tmp_path)
    kp = key_path(db_path)
    for bad in (b"x" * 20_000, b"[" * 5000, b'{"format": "case-assessor-key", "format_version": 99}',
                kp.read_bytes().replace(b'"database"', b'"signing-key"'), b"\xff\xfe"):
        kp.write_bytes(bad)
        unlock.set_session(None)
        with pytest.raises(OpError):
            Workspace.open(db_path)
    assert os.path.getsize(db_path) > 0


def test_a_new_database_in_a_new_folder_gets_its_key_file_there(tmp_path):
    db = tmp_path / "new" / "deeper" / "cases.sqlite3"
    _new_db(db, tmp_path)
    assert key_path(db).exists() and file_mode(db.parent) == 0o700


def test_a_plain_key_left_beside_its_sealed_copy_is_removed(tmp_path):
    """A conversion stopped after sealing and before removing the old file."""
    signing = exchange.signing_key()
    pem = signing.private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    (keys_dir() / "signing-ed25519.pem").write_bytes(pem)
    unlock.set_session(None)
    assert exchange.signing_key().public_bytes == signing.public_bytes
    assert not (keys_dir() / "signing-ed25519.pem").exists()
