"""The commands for databases at rest: encrypt, decrypt-copy, recover-key, and
--db-passphrase-file on a machine without a keystore."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from main import run_cli
from storage.driver import SQLITE_MAGIC
from storage.store import Store
from tests.conftest import REPO, file_mode
from ui.ops.unlock import key_path
from ui.ops.workspace import Workspace

REF = "CASE-SECRET-5120"


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_cli(list(args), out=out)
    return code, out.getvalue()


def _plain_db(path: Path) -> None:
    with Store(path) as s:  # an older, unencrypted database
        s.set_setting("assessor_name", "Ann")
        iid = s.create_inspection("York", "iaow-2013", "2013.1")
        s.add_case(iid, REF, {})


def test_encrypt_converts_a_plain_database_and_refuses_twice(tmp_path, db_path):
    _plain_db(db_path)
    code, out = cli("encrypt", "--db", str(db_path))
    assert code == 0 and "now encrypted" in out and str(key_path(db_path)) in out
    raw = db_path.read_bytes()
    assert not raw.startswith(SQLITE_MAGIC) and REF.encode() not in raw and file_mode(key_path(db_path)) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cases")) == [
        "cases.sqlite3", "cases.sqlite3.key"]  # the encrypted backup was removed
    code, out = cli("profile", "--db", str(db_path))
    assert code == 0 and out == "Ann\n"
    with Workspace.open(db_path) as ws:
        assert ws.encrypted and ws.find_case(REF)
    assert cli("encrypt", "--db", str(db_path))[0] == 2  # already encrypted: refused, nothing changed
    assert db_path.read_bytes()[:100] == raw[:100]


def test_decrypt_copy_writes_a_plain_file_and_says_to_protect_it(tmp_path, db_path, capsys):
    _plain_db(db_path)
    cli("encrypt", "--db", str(db_path))
    out_file = tmp_path / "analysis.sqlite3"
    code, out = cli("decrypt-copy", "--db", str(db_path), "--out", str(out_file))
    assert code == 0 and str(out_file.resolve()) in out and "UNENCRYPTED" in out and "protected place" in out
    assert out_file.read_bytes().startswith(SQLITE_MAGIC) and REF.encode() in out_file.read_bytes()
    assert file_mode(out_file) == 0o600
    before = out_file.read_bytes()
    assert cli("decrypt-copy", "--db", str(db_path), "--out", str(out_file))[0] == 2  # exists: refused
    assert cli("decrypt-copy", "--db", str(db_path), "--out", str(db_path))[0] == 2  # the input: refused
    assert cli("decrypt-copy", "--db", str(db_path), "--out", str(key_path(db_path)))[0] == 2
    assert out_file.read_bytes() == before and "already exists" in capsys.readouterr().err


def test_a_plain_database_still_opens(db_path):
    _plain_db(db_path)
    code, out = cli("profile", "--db", str(db_path))
    assert code == 0 and out == "Ann\n" and db_path.read_bytes().startswith(SQLITE_MAGIC)
    with Workspace.open(db_path) as ws:
        assert not ws.encrypted and ws.find_case(REF)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO, capture_output=True, text=True,
                          env=env)


def test_without_a_keystore_the_command_line_reads_the_passphrase_file(tmp_path):
    """A real process on a machine without a keystore (keyring's fail backend)."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "CASE_ASSESSOR_KEYS": str(tmp_path / "keys"), "CASE_ASSESSOR_CACHE": str(tmp_path / "cache")}
    env.pop("CASE_ASSESSOR_PASSPHRASE_FILE", None)
    db = tmp_path / "ann.sqlite3"
    pw, wrong = tmp_path / "pw.txt", tmp_path / "wrong.txt"
    pw.write_text("quartet oxidize pelican marmalade tundra\n")
    wrong.write_text("quartet oxidize pelican marmalade tundras\n")
    r = _run(env, "new-inspection", "--db", str(db), "--as", "Ann", "--name", "York")
    assert r.returncode == 2 and "no keystore" in r.stderr and "Traceback" not in r.stderr and not db.exists()
    r = _run(env, "new-inspection", "--db", str(db), "--as", "Ann", "--name", "York", "--db-passphrase-file", str(pw))
    assert r.returncode == 0, r.stderr
    r = _run(env, "profile", "--db", str(db), "--db-passphrase-file", str(wrong))
    assert r.returncode == 2 and "Wrong passphrase" in r.stderr and "Traceback" not in r.stderr
    assert "ERROR" not in r.stderr  # SQLCipher's own log stays quiet
    r = _run({**env, "CASE_ASSESSOR_PASSPHRASE_FILE": str(pw)}, "profile", "--db", str(db))
    assert r.returncode == 0 and r.stdout == "(no name stored)\n", r.stderr  # opened (--as stores no name)


def test_recover_key_without_the_lead_key_is_refused_clearly(tmp_path, db_path, capsys):
    _plain_db(db_path)
    cli("encrypt", "--db", str(db_path))
    before = key_path(db_path).read_bytes()
    assert cli("recover-key", "--db", str(db_path))[0] == 2
    err = capsys.readouterr().err
    assert "no lead inspector's key" in err and "Traceback" not in err
    assert key_path(db_path).read_bytes() == before
