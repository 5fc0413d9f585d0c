"""The case summary lists the case's queries and their state (the lead's words,
the latest reply, the answer it left); a case without queries has no section."""

from __future__ import annotations

from pypdf import PdfReader

from tests.ui.ops.test_qa import laptop
from tests.ui.ops.test_queries import _replies, world  # noqa: F401
from ui.ops import exchange, printing


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_the_case_summary_lists_queries_and_their_state(world, tmp_path):  # noqa: F811
    d = world["dir"]
    _replies(world)
    with laptop(d, "Lead") as ws:
        exchange.merge_files(ws, [d / "ann-2.export"], trust=world["trust"])
        printing.print_case(ws, ws.find_case("R-1"), tmp_path / "r1.pdf")
        printing.print_case(ws, ws.find_case("R-2"), tmp_path / "r2.pdf")
        printing.print_case(ws, ws.find_case("R-3"), tmp_path / "r3.pdf")
    r1 = _text(tmp_path / "r1.pdf")
    assert "Queries" in r1 and "IAOW-2.1-04" in r1 and "closed" in r1
    assert "the plan came late" in r1 and "answer then: no" in r1
    assert "answered (awaiting the lead)" in _text(tmp_path / "r2.pdf") and "whole case" in _text(tmp_path / "r2.pdf")
    assert "not closed. The lead" not in _text(tmp_path / "r3.pdf")
