"""``enrol``, ``enrol-import``, ``trust``, ``new-passphrase``, and the lead's
fingerprint at ``import-pack``: the whole exchange as three people run it, each
with their own database and keys folder (CASE_ASSESSOR_KEYS)."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from main import run_cli

SAMPLE = "reference,case_type\nY-001,licence\nY-002,licence\nY-003,licence\n"


def run(person: str, root: Path, monkeypatch, *args: str) -> tuple[int, str]:
    """One command on ``person``'s laptop: their keys folder."""
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(root / person / "keys"))
    out = io.StringIO()
    code = run_cli(list(args), out=out)
    return code, out.getvalue()


def fingerprint(person: str, root: Path, monkeypatch) -> str:
    code, out = run(person, root, monkeypatch, "key")
    assert code == 0
    return out.strip()


@pytest.fixture
def three(tmp_path, monkeypatch):
    for p in ("lead", "ann", "bob"):
        (tmp_path / p).mkdir()
    (tmp_path / "s.csv").write_text(SAMPLE)
    lead_db = str(tmp_path / "lead" / "db.sqlite3")
    assert run("lead", tmp_path, monkeypatch, "new-inspection", "--db", lead_db, "--as", "Lee Lead", "--name",
               "York")[0] == 0
    assert run("lead", tmp_path, monkeypatch, "profile", "--db", lead_db, "--name", "Lee Lead")[0] == 0
    assert run("lead", tmp_path, monkeypatch, "import-sample", "--db", lead_db, "--inspection", "York",
               str(tmp_path / "s.csv"))[0] == 0
    return tmp_path, lead_db


def test_the_whole_exchange_from_the_command_line(three, monkeypatch, capsys):
    root, lead_db = three
    lead_fp = fingerprint("lead", root, monkeypatch)
    for name, refs in (("Ann", "Y-001,Y-002"), ("Bob", "Y-002,Y-003")):
        p = name.lower()
        code, out = run(p, root, monkeypatch, "enrol", "--name", name, "--out", str(root / f"{p}.enrol"))
        fp = fingerprint(p, root, monkeypatch)
        assert code == 0 and fp in out and "read this fingerprint out" in out
        code, out = run("lead", root, monkeypatch, "enrol-import", "--db", lead_db, "--inspection", "York",
                        "--fingerprint", fp.lower(), str(root / f"{p}.enrol"))
        assert code == 0 and fp in out and f"{name} enrolled" in out
        code, out = run("lead", root, monkeypatch, "make-pack", "--db", lead_db, "--inspection", "York",
                        "--assessor", name, "--cases", refs, "--out", str(root / f"{p}.pack"))
        assert code == 0 and f"encrypted to {name}'s key {fp}" in out
        db = str(root / p / "db.sqlite3")
        code, _ = run(p, root, monkeypatch, "import-pack", "--db", db, "--as", name, str(root / f"{p}.pack"))
        assert code == 2 and "check the fingerprint" in capsys.readouterr().err  # no terminal, no fingerprint
        assert run(p, root, monkeypatch, "import-pack", "--db", db, "--as", name, "--lead-fingerprint", lead_fp,
                   str(root / f"{p}.pack"))[0] == 0
        assert run(p, root, monkeypatch, "export", "--db", db, "--inspection", "York", "--out",
                   str(root / f"{p}.export"))[0] == 0
    code, out = run("lead", root, monkeypatch, "merge", "--db", lead_db, str(root / "ann.export"),
                    str(root / "bob.export"))
    assert code == 0 and out.count("merged") >= 2
    code, out = run("lead", root, monkeypatch, "trust", "--db", lead_db, "--list")
    assert code == 0 and "York as Ann" in out and "York as Bob" in out and "REVOKED" not in out


def test_revoke_from_the_command_line_refuses_the_key_with_its_date(three, monkeypatch, capsys):
    root, lead_db = three
    bob_fp = fingerprint("bob", root, monkeypatch)
    run("bob", root, monkeypatch, "enrol", "--name", "Bob", "--out", str(root / "bob.enrol"))
    run("lead", root, monkeypatch, "enrol-import", "--db", lead_db, "--inspection", "York", "--fingerprint", bob_fp,
        str(root / "bob.enrol"))
    run("lead", root, monkeypatch, "make-pack", "--db", lead_db, "--inspection", "York", "--assessor", "Bob",
        "--out", str(root / "bob.pack"))
    bob_db = str(root / "bob" / "db.sqlite3")
    run("bob", root, monkeypatch, "import-pack", "--db", bob_db, "--as", "Bob", "--lead-fingerprint",
        fingerprint("lead", root, monkeypatch), str(root / "bob.pack"))
    assert run("bob", root, monkeypatch, "export", "--db", bob_db, "--inspection", "York", "--out",
               str(root / "bob.export"))[0] == 0
    code, out = run("lead", root, monkeypatch, "trust", "--db", lead_db, "--revoke", bob_fp)
    assert code == 0 and f"{bob_fp} (Bob) revoked on " in out and "by Lee Lead" in out
    code, out = run("lead", root, monkeypatch, "trust", "--db", lead_db, "--list", "--format", "json")
    assert code == 0 and '"revoked_by": "Lee Lead"' in out
    capsys.readouterr()
    code, out = run("lead", root, monkeypatch, "merge", "--db", lead_db, str(root / "bob.export"))
    err = capsys.readouterr().err
    assert code == 3 and "revoked on 20" in err and "nothing was taken from it" in err
    code, _ = run("lead", root, monkeypatch, "trust", "--db", lead_db, "--revoke", "0000-0000-0000-0000-0000")
    assert code == 2 and "no key with the fingerprint" in capsys.readouterr().err


def test_the_lead_fingerprint_is_asked_on_a_terminal(three, monkeypatch, capsys):
    root, lead_db = three
    pw = root / "ann-pw.txt"
    assert run("lead", root, monkeypatch, "new-passphrase", "--out", str(pw))[0] == 0
    run("lead", root, monkeypatch, "make-pack", "--db", lead_db, "--inspection", "York", "--assessor", "Ann",
        "--passphrase-file", str(pw), "--out", str(root / "ann.pack"))
    lead_fp = fingerprint("lead", root, monkeypatch)
    db = root / "ann" / "db.sqlite3"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    for reply, code_wanted in (("\n", 2), ("n\n", 2), ("y\n", 0)):
        monkeypatch.setattr(sys, "stdin", _Terminal(reply))
        capsys.readouterr()
        code, _ = run("ann", root, monkeypatch, "import-pack", "--db", str(db), "--as", "Ann", "--passphrase-file",
                      str(pw), str(root / "ann.pack"))
        err = capsys.readouterr().err
        assert code == code_wanted and lead_fp in err and "[y/N]" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_new_passphrase_writes_a_private_file_once(tmp_path, monkeypatch, capsys):
    out = tmp_path / "pw.txt"
    code, said = run("lead", tmp_path, monkeypatch, "new-passphrase", "--out", str(out))
    assert code == 0 and "64.6 bits" in said and "never with the file" in said
    assert len(out.read_text().split()) == 5
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    first = out.read_bytes()
    assert run("lead", tmp_path, monkeypatch, "new-passphrase", "--out", str(out))[0] == 2
    assert out.read_bytes() == first


def test_enrol_takes_the_stored_name_or_asks_for_one(three, monkeypatch, capsys):
    root, lead_db = three
    code, out = run("lead", root, monkeypatch, "enrol", "--db", lead_db, "--out", str(root / "lead.enrol"))
    assert code == 0 and "the enrolment of Lee Lead" in out
    code, _ = run("ann", root, monkeypatch, "enrol", "--db", str(root / "none.sqlite3"), "--out", str(root / "x.enrol"))
    assert code == 2 and "--name" in capsys.readouterr().err and not (root / "x.enrol").exists()
