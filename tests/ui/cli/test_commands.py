"""The command line: fixed names and flags, clear errors, nothing changed on error."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys

import pytest

from main import run_cli
from tests.conftest import raw_connect

from ...conftest import REPO


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_cli(list(args), out=out)
    return code, out.getvalue()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@pytest.fixture
def inspection(db_path):
    code, out = cli("new-inspection", "--db", str(db_path), "--name", "York 2014", "--question-set", "iaow-2013",
                    "--as", "Lee Lead")
    assert code == 0
    assert cli("profile", "--db", str(db_path), "--name", "Lee Lead") == (0, "Lee Lead\n")
    return out.strip()


SAMPLE = (
    "reference,case_type,gender,RoSH classification at start (OASys),requirements,identifiable_victim\n"
    "Y-001,licence,Male,High,,yes\n"
    "Y-002,Community order,female,low,unpaid work;supervision,no\n"
    "Y-003,sso,male,medium,supervision,\n"
)


def test_question_sets_json_lists_counts_per_criterion():
    code, out = cli("question-sets", "--format", "json")
    sets = {s["id"]: s for s in json.loads(out)}
    assert code == 0 and sets["iaow-2013"]["per_criterion"]["1.1"] == 21
    code, out = cli("question-sets", "--show", "iaow-2013", "--format", "json")
    data = json.loads(out)
    assert all(q["sources"] for q in data["questions"])
    assert data["journey_order"][0] == "IAOW-1.1-01"


def test_new_inspection_import_sample_and_scores(db_path, inspection, tmp_path):
    sample = tmp_path / "sample.csv"
    sample.write_text(SAMPLE)
    assert cli("import-sample", "--db", str(db_path), "--inspection", inspection, str(sample)) == (0, "imported 3 cases\n")
    code, out = cli("scores", "--db", str(db_path), "--inspection", inspection, "--by", "outcome", "--format", "json")
    assert code == 0 and [r["group"] for r in json.loads(out)] == ["O1", "O2", "O3", "O4", "O5"]
    for by in ("question", "criterion", "section", "headline", "case"):
        for fmt in ("table", "json", "csv"):
            code, out = cli("scores", "--db", str(db_path), "--inspection", inspection, "--by", by, "--format", fmt)
            assert code == 0, (by, fmt)
    code, out = cli("scores", "--db", str(db_path), "--inspection", "York 2014", "--where", "case_type=licence")
    assert code == 0 and "1 cases" in out


def test_bad_sample_row_is_named_and_nothing_imported(db_path, inspection, tmp_path, capsys):
    sample = tmp_path / "bad.csv"
    sample.write_text(SAMPLE + "Y-004,licence,male,extreme,,no\n")
    before = digest(db_path)
    code, _ = cli("import-sample", "--db", str(db_path), "--inspection", inspection, str(sample))
    err = capsys.readouterr().err
    assert code == 2 and "row 5" in err and "extreme" in err and "Nothing was imported" in err
    assert digest(db_path) == before


@pytest.mark.parametrize(
    "content, needle",
    [
        ("ref,case_type\nA,licence\nA,licence\n", "row 3"),
        ("reference,colour\nA,red\n", "unknown column 'colour'"),
        ("reference,case_type\n,licence\n", "row 2: the case reference is empty"),
        ("reference,case_type\nA,licence,extra\n", "row 2: has 3 columns"),
        ("", "empty"),
    ],
)
def test_malformed_csv_gets_a_clear_message(db_path, inspection, tmp_path, capsys, content, needle):
    sample = tmp_path / "s.csv"
    sample.write_text(content)
    code, _ = cli("import-sample", "--db", str(db_path), "--inspection", inspection, str(sample))
    assert code == 2 and needle in capsys.readouterr().err


def test_export_and_import_bundle(db_path, inspection, tmp_path):
    sample = tmp_path / "sample.csv"
    sample.write_text(SAMPLE)
    cli("import-sample", "--db", str(db_path), "--inspection", inspection, str(sample))
    out_file = tmp_path / "b.json"
    assert cli("export-bundle", "--db", str(db_path), "--inspection", inspection, "--out", str(out_file))[0] == 0
    other = tmp_path / "other.sqlite3"
    assert cli("import-bundle", "--db", str(other), str(out_file), "--as", "Lee Lead") == (0, inspection + "\n")
    assert not list(tmp_path.glob(".b.json.*"))  # no temporary file left behind


def test_errors_exit_non_zero_and_change_nothing(db_path, inspection, capsys):
    before = digest(db_path)
    assert cli("scores", "--db", str(db_path), "--inspection", "nope")[0] == 2
    assert "no inspection matches 'nope'" in capsys.readouterr().err
    assert cli("scores", "--db", str(db_path), "--inspection", inspection, "--where", "colour=red")[0] == 2
    assert "unknown case detail 'colour'" in capsys.readouterr().err
    assert cli("new-inspection", "--db", str(db_path), "--name", "X", "--question-set", "nope", "--as", "Lee")[0] == 2
    assert "unknown question set nope" in capsys.readouterr().err
    assert cli("scores", "--db", str(db_path.with_name("missing.sqlite3")), "--inspection", "x")[0] == 2
    assert digest(db_path) == before


def test_entry_point_runs_as_a_script(tmp_path):
    r = subprocess.run([sys.executable, str(REPO / "main.py"), "question-sets"], capture_output=True, text=True)
    assert r.returncode == 0 and "iaow-2013" in r.stdout


def test_verify_reports_ok_or_the_first_broken_link(db_path, inspection):
    code, out = cli("verify", "--db", str(db_path))
    assert code == 0 and "audit trail OK" in out
    c = raw_connect(db_path)
    c.execute("DROP TRIGGER audit_no_update")
    c.execute("UPDATE audit SET who = 'Mallory' WHERE id = 1")
    c.commit()
    c.close()
    code, out = cli("verify", "--db", str(db_path))
    assert code == 3 and "BROKEN at row 1" in out
