"""Who did it (issue 13, item 7): every command that changes something names a
person, by --as or the stored profile; with neither it refuses, exit 2, and
changes nothing.  `resolve` and other writes used to record $USER or "unknown"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from main import run_cli
from storage.store import Store
from tests.conftest import raw_connect
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

SAMPLE = "reference,case_type\nY-001,licence\nY-002,licence\n"


def cli(*args: str) -> int:
    return run_cli(list(args), out=io.StringIO())


def audit_who(db: Path) -> list[str]:
    c = raw_connect(db)
    try:
        return [r[0] for r in c.execute("SELECT who FROM audit ORDER BY id")]
    finally:
        c.close()


@pytest.fixture
def lead_db(tmp_path, monkeypatch):
    """A database with an inspection and cases, and no stored name."""
    monkeypatch.setenv("USER", "login-name")
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(tmp_path / "keys"))
    db = tmp_path / "lead.sqlite3"
    (tmp_path / "s.csv").write_text(SAMPLE)
    (tmp_path / "pw.txt").write_text("kettle prism oyster gallon jigsaw\n")
    assert cli("new-inspection", "--db", str(db), "--as", "Lee Lead", "--name", "York") == 0
    assert cli("import-sample", "--db", str(db), "--as", "Lee Lead", "--inspection", "York", str(tmp_path / "s.csv")) == 0
    assert cli("export-bundle", "--db", str(db), "--inspection", "York", "--out", str(tmp_path / "b.json")) == 0
    return db


def write_commands(d: Path, db: Path) -> dict[str, list[str]]:
    pw = str(d / "pw.txt")
    return {
        "new-inspection": ["new-inspection", "--db", str(db), "--name", "Leeds"],
        "import-sample": ["import-sample", "--db", str(db), "--inspection", "York", str(d / "s.csv")],
        "import-bundle": ["import-bundle", "--db", str(db), str(d / "b.json")],
        "make-pack": ["make-pack", "--db", str(db), "--inspection", "York", "--assessor", "Ann",
                      "--passphrase-file", pw, "--out", str(d / "ann.pack")],
        "import-pack": ["import-pack", "--db", str(db), "--passphrase-file", pw, str(d / "ann.pack")],
        "export": ["export", "--db", str(db), "--inspection", "York", "--passphrase-file", pw,
                   "--out", str(d / "x.export")],
        "merge": ["merge", "--db", str(db), "--passphrase-file", pw, str(d / "x.export")],
        "resolve": ["resolve", "--db", str(db), "--conflict", "1a2b", "--choose", "1", "--why", "seen on file"],
    }


@pytest.mark.parametrize("command", list(write_commands(Path(), Path())))
def test_a_write_without_a_name_is_refused_and_changes_nothing(lead_db, tmp_path, capsys, command):
    argv = write_commands(tmp_path, lead_db)[command]
    before = lead_db.read_bytes(), audit_who(lead_db)
    capsys.readouterr()
    assert cli(*argv) == 2
    err = capsys.readouterr().err
    assert "no name is set" in err and "--as NAME" in err and "Nothing was changed" in err
    assert (lead_db.read_bytes(), audit_who(lead_db)) == before
    assert not (tmp_path / "ann.pack").exists() and not (tmp_path / "x.export").exists()


def test_a_new_database_is_not_even_created_without_a_name(tmp_path, capsys):
    for argv in (["new-inspection", "--db", str(tmp_path / "new.sqlite3"), "--name", "York"],
                 ["import-bundle", "--db", str(tmp_path / "new.sqlite3"), str(tmp_path / "b.json")]):
        assert cli(*argv) == 2 and "no name is set" in capsys.readouterr().err
        assert not (tmp_path / "new.sqlite3").exists()


def test_as_and_the_stored_profile_are_recorded_never_the_login_name(lead_db):
    assert audit_who(lead_db) and set(audit_who(lead_db)) == {"Lee Lead"}
    out = io.StringIO()
    assert run_cli(["profile", "--db", str(lead_db)], out) == 0 and out.getvalue() == "(no name stored)\n"
    assert cli("profile", "--db", str(lead_db), "--name", "Ann Assessor", "--id", "HMIP-7") == 0
    assert cli("new-inspection", "--db", str(lead_db), "--name", "Leeds") == 0
    assert audit_who(lead_db)[-1] == "Ann Assessor (HMIP-7)"
    assert cli("new-inspection", "--db", str(lead_db), "--name", "Hull", "--as", "Bob") == 0
    assert audit_who(lead_db)[-1] == "Bob"  # --as wins over the profile, without its id
    assert not [w for w in audit_who(lead_db) if w in ("login-name", "unknown", "system")]


@pytest.mark.parametrize("name", ["Lee\u202eLead", "  ", "x" * 201])
def test_a_name_with_hidden_characters_or_too_long_is_refused(lead_db, capsys, name):
    before = audit_who(lead_db)
    assert cli("new-inspection", "--db", str(lead_db), "--name", "Leeds", "--as", name) == 2
    assert "name" in capsys.readouterr().err and audit_who(lead_db) == before
    assert cli("profile", "--db", str(lead_db), "--name", name) == 2


def test_read_only_commands_need_no_name(lead_db, tmp_path):
    for argv in (["scores", "--inspection", "York"], ["conflicts", "--inspection", "York"],
                 ["agreement", "--inspection", "York"], ["print-case", "--case", "Y-001", "--out", str(tmp_path / "c.pdf")],
                 ["print-report", "--inspection", "York", "--out", str(tmp_path / "r.pdf")],
                 ["export-bundle", "--inspection", "York", "--out", str(tmp_path / "b2.json")]):
        assert cli(argv[0], "--db", str(lead_db), *argv[1:]) == 0, argv


def test_the_application_layer_never_falls_back_to_the_login_name(db_path, monkeypatch):
    monkeypatch.setenv("USER", "login-name")
    with Store(db_path) as s:
        with pytest.raises(OpError, match="no name is set"):
            Workspace(s).who()
        s.set_setting("assessor_name", "Ann")
        assert Workspace(s).who() == "Ann" and Workspace(s, acting_as="Bob").who() == "Bob"
