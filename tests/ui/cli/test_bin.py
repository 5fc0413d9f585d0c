"""ui.cli.bin and the --db option: delete, restore and rename from the command
line, with confirmation; --db optional as the README says (issue 14)."""

from __future__ import annotations

import contextlib
import io

import pytest

from main import run_cli

from ...conftest import REPO


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return run_cli(list(args), out=out), out.getvalue()


@pytest.fixture
def lead_db(db_path, tmp_path):
    assert cli("new-inspection", "--db", str(db_path), "--as", "Lee", "--name", "York")[0] == 0
    assert cli("profile", "--db", str(db_path), "--name", "Lee")[0] == 0
    sample = tmp_path / "s.csv"
    sample.write_text("reference,case_type\nY-1,licence\nY-2,licence\n")
    assert cli("import-sample", "--db", str(db_path), "--inspection", "York", str(sample))[0] == 0
    return str(db_path)


def test_delete_needs_confirmation_then_the_case_waits_in_the_bin(lead_db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    assert cli("delete-case", "--db", lead_db, "--case", "Y-1")[0] == 2
    assert "Add --yes to confirm. Nothing was changed." in capsys.readouterr().err
    code, out = cli("delete-case", "--db", lead_db, "--case", "Y-1", "--yes")
    assert code == 0 and "is in the bin" in out and "restore-case" in out
    code, out = cli("bin", "--db", lead_db, "--inspection", "York")
    assert code == 0 and "Y-1" in out and "Lee" in out
    assert cli("print-case", "--db", lead_db, "--case", "Y-1", "--out", "x.pdf")[0] == 2
    assert cli("restore-case", "--db", lead_db, "--inspection", "York", "--case", "Y-1") == (0, "case Y-1 restored\n")
    assert cli("bin", "--db", lead_db) == (0, "(the bin is empty)\n")


def test_rename_a_case_and_an_inspection(lead_db, capsys):
    assert cli("rename-case", "--db", lead_db, "--case", "Y-1", "--to", "Y-001") == (0, "case Y-1 is now Y-001\n")
    assert cli("rename-case", "--db", lead_db, "--case", "Y-2", "--to", "Y-001")[0] == 2
    assert "already used by another case" in capsys.readouterr().err
    code, out = cli("rename-inspection", "--db", lead_db, "--inspection", "York", "--to", "York 2014")
    assert code == 0 and out == "inspection York is now York 2014\n"
    code, out = cli("delete-inspection", "--db", lead_db, "--inspection", "York 2014", "--yes")
    assert code == 0 and "restore-inspection" in out
    assert cli("restore-inspection", "--db", lead_db, "--inspection", "York 2014") == (0, "inspection York 2014 restored\n")


def test_db_is_optional_and_may_come_before_the_command(tmp_path, monkeypatch):
    default = tmp_path / "default.sqlite3"  # CASE_ASSESSOR_DB (conftest): the documented default
    assert cli("new-inspection", "--as", "Lee", "--name", "York")[0] == 0 and default.exists()
    assert cli("profile") == (0, "(no name stored)\n")
    other = tmp_path / "other.sqlite3"
    assert cli("--db", str(other), "new-inspection", "--as", "Lee", "--name", "Hull")[0] == 0
    assert other.exists()
    assert cli("--db", str(other), "delete-inspection", "--inspection", "Hull", "--yes", "--as", "Lee")[0] == 0
    assert "Hull" in cli("--db", str(other), "bin")[1] and "Hull" not in cli("bin")[1]


def test_a_mistyped_db_creates_nothing(tmp_path, capsys):
    assert cli("scores", "--db", str(tmp_path / "typo.sqlite3"), "--inspection", "York")[0] == 2
    assert "no such database" in capsys.readouterr().err and not (tmp_path / "typo.sqlite3").exists()
    missing = tmp_path / "no" / "such" / "folder" / "x.sqlite3"
    assert cli("new-inspection", "--db", str(missing), "--as", "Lee", "--name", "York")[0] == 2
    assert "no such folder" in capsys.readouterr().err and not (tmp_path / "no").exists()


def test_the_help_names_the_option_path_not_sub_db():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        run_cli(["scores", "--help"])
    assert "--db PATH" in out.getvalue() and "SUB_DB" not in out.getvalue()
    assert "SUB_DB" not in (REPO / "README.md").read_text(encoding="utf-8")


def test_sample_template_then_import_with_skip_existing(lead_db, tmp_path, capsys):
    template = tmp_path / "t.csv"
    code, out = cli("sample-template", "--question-set", "iaow-2013", "--out", str(template))
    text = template.read_text(encoding="utf-8")
    assert code == 0 and "# Type of case (required): one of: Community order, Suspended sentence order, Licence" in text
    assert text.splitlines()[-1].startswith("reference,Type of case,Gender,")
    with template.open("a", encoding="utf-8") as f:
        f.write("Y-1,Licence" + "," * 16 + "\nY-3,Community" + "," * 16 + "\nY-4,Community order" + "," * 16 + "\n")
    assert cli("import-sample", "--db", lead_db, "--inspection", "York", str(template))[0] == 2
    err = capsys.readouterr().err
    assert "2 problems" in err and "reference: 'Y-1' is already in the inspection" in err
    assert "Type of case: 'Community' is not one of: Community order, Suspended sentence order, Licence" in err
    lines = template.read_text(encoding="utf-8").splitlines()
    template.write_text("\n".join(line for line in lines if not line.startswith("Y-3")) + "\n", encoding="utf-8")
    code, out = cli("import-sample", "--db", lead_db, "--inspection", "York", "--skip-existing", str(template))
    assert (code, out) == (0, "imported 1 cases; skipped 1 already in the inspection\n")
