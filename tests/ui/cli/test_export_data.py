"""``export-data`` and the published tables of ``scores`` from the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest

from storage.store import Store

from ...conftest import make_inspection
from .test_commands import cli


@pytest.fixture
def filled(db_path, iaow):
    s = Store(db_path)
    iid = make_inspection(s, iaow, 12, seed=7)
    s.close()
    return str(db_path), iid


def test_export_data_writes_the_file_and_its_codebook(filled, tmp_path):
    db, iid = filled
    out = tmp_path / "answers.csv"
    code, text = cli("export-data", "--db", db, "--inspection", iid, "--out", str(out))
    assert code == 0 and "exported 12 cases x 229 questions (long)" in text and "answers.codebook.csv" in text
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len({r["case_reference"] for r in rows}) == 12
    code, _ = cli("export-data", "--db", db, "--inspection", iid, "--shape", "wide", "--labels", "--format", "xlsx",
                  "--out", str(tmp_path / "wide.xlsx"))
    assert code == 0 and (tmp_path / "wide.xlsx").read_bytes()[:2] == b"PK"


def test_export_data_refuses_the_database_itself(filled, capsys):
    db, iid = filled
    code, _ = cli("export-data", "--db", db, "--inspection", iid, "--format", "csv", "--out", db)
    assert code == 2 and "open database" in capsys.readouterr().err


def test_scores_distribution_and_factor_tables(filled):
    db, iid = filled
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "distribution", "--format", "json")
    rows = [r for r in json.loads(out) if r["question"] == "IAOW-1.1-01"]
    assert code == 0 and [r["value"] for r in rows] == ["none", "oral", "fast", "standard"]
    assert sum(r["n"] for r in rows) == rows[0]["of"] and all(r["small_n"] == (0 < r["of"] < 10) for r in rows)
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "factor", "--format", "csv")
    lines = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {"factor", "relevant", "IAOW-3.2-13 addressed", "IAOW-3.2-13 answered"} <= set(lines[0])
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "factor")
    assert code == 0 and "relevant" in out and "fewer than 10 cases" in out


def test_scores_cross_tab_and_split(filled):
    db, iid = filled
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "rosh_level", "--split", "case_type",
                    "--format", "json")
    rows = json.loads(out)
    assert code == 0 and sum(r["all"] for r in rows) == 12
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "assessor", "--split", "gender", "--of", "O2",
                    "--format", "json")
    cell = json.loads(out)[0]["male"]
    assert code == 0 and set(cell) == {"cases", "value", "denominator", "small_n"}
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "criterion", "--split", "gender")
    assert code == 0 and "gender=male" in out
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "outcome", "--small-n", "5", "--format", "json")
    rows = json.loads(out)  # flagged exactly where the figure rests on fewer cases than the threshold
    assert code == 0 and all(isinstance(r["small_n"], bool) for r in rows) and any(not r["small_n"] for r in rows)


@pytest.mark.parametrize("args, message", [
    (["--by", "rosh_level"], "--split FIELD"),
    (["--by", "nope", "--split", "gender"], "unknown case detail 'nope'"),
    (["--by", "rosh_level", "--split", "gender", "--of", "X9"], "no question"),
    (["--small-n", "0"], "--small-n"),
])
def test_scores_refuses_what_it_cannot_show(filled, capsys, args, message):
    db, iid = filled
    code, _ = cli("scores", "--db", db, "--inspection", iid, *args)
    assert code == 2 and message in capsys.readouterr().err


def test_scores_intervals(filled):
    db, iid = filled
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "question", "--intervals", "--format", "json")
    rows = {r["question"]: r for r in json.loads(out)}
    from models.tabulate import wilson

    r = next(r for r in rows.values() if r["scored"] and r["applicable"])
    assert code == 0 and r["ci95"] == list(wilson(r["above"], r["applicable"]))
    code, out = cli("scores", "--db", db, "--inspection", iid, "--by", "distribution", "--intervals")
    assert code == 0 and "ci95" in out
