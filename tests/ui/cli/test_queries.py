"""``query`` and ``queries`` on real databases: the lead raises, lists (text,
JSON, CSV), closes and reopens; a return pack goes out; the assessor replies."""

from __future__ import annotations

import csv
import io
import json

from main import run_cli
from tests.ui.ops.test_queries import Q, world  # noqa: F401  (the lead and two assessors)


def _cli(monkeypatch, d, person, *argv):
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(d / person / "keys"))
    out = io.StringIO()
    code = run_cli([argv[0], "--db", str(d / person / "db.sqlite3"), *argv[1:]], out)
    return code, out.getvalue()


def test_the_lead_and_the_assessor_work_a_query_from_the_command_line(world, monkeypatch, capsys):  # noqa: F811
    d = world["dir"]
    code, text = _cli(monkeypatch, d, "Lead", "query", "--as", "Lead", "--case", "R-8", "--question", Q,
                      "--text", "=HYPERLINK(\"x\") was the plan late?")
    assert code == 0 and "raised on R-8" in text and "for Bob" in text
    code, text = _cli(monkeypatch, d, "Lead", "queries", "--case", "R-8", "--format", "json")
    (got,) = json.loads(text)
    assert got["state"] == "open" and got["assessor"] == "Bob" and got["messages"][0]["action"] == "raise"
    code, text = _cli(monkeypatch, d, "Lead", "queries", "--format", "csv", "--state", "open")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["case"] for r in rows} == {"R-1", "R-2", "R-7", "R-8"}
    assert next(r for r in rows if r["case"] == "R-8")["query"].startswith("'=HYPERLINK")  # no formula in a CSV
    short = got["id"][:8]
    assert _cli(monkeypatch, d, "Lead", "query", "--as", "Lead", "--close", short, "--why", "asked by phone")[0] == 0
    assert "closed" in _cli(monkeypatch, d, "Lead", "queries", "--case", "R-8")[1]
    code, text = _cli(monkeypatch, d, "Lead", "query", "--as", "Lead", "--reopen", short, "--text",
                      "Please note the date in the case.")
    assert code == 0 and "reopened" in text
    code, text = _cli(monkeypatch, d, "Lead", "make-pack", "--as", "Lead", "--inspection", "York", "--assessor",
                      "Bob", "--returns", "--passphrase-file", str(world["pw"]), "--out", str(d / "bob-q2.pack"))
    assert code == 0 and "return pack" in text and "and 2 queries for Bob" in text
    assert _cli(monkeypatch, d, "Bob", "import-pack", str(d / "bob-q2.pack"), "--passphrase-file",
                str(world["pw"]))[0] == 0
    code, text = _cli(monkeypatch, d, "Bob", "query", "--reply", short, "--text", "Dated 3 May; noted.")
    assert code == 0 and "replied" in text
    assert "answered" in _cli(monkeypatch, d, "Bob", "queries", "--state", "answered")[1]
    code, _text = _cli(monkeypatch, d, "Bob", "query", "--close", short)
    assert code == 2 and "only they can close" in capsys.readouterr().err


def test_a_query_without_words_or_on_an_unknown_question_is_refused(world, monkeypatch, capsys):  # noqa: F811
    d = world["dir"]
    assert _cli(monkeypatch, d, "Lead", "query", "--as", "Lead", "--case", "R-1")[0] == 2
    assert "--text" in capsys.readouterr().err
    assert _cli(monkeypatch, d, "Lead", "query", "--as", "Lead", "--case", "R-1", "--question", "X-9",
                "--text", "hm")[0] == 2
    assert "unknown question" in capsys.readouterr().err
    assert _cli(monkeypatch, d, "Lead", "queries", "--case", "R-99")[0] == 2
