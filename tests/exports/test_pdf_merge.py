"""The printed merge report: its text names each merge's files and each
conflict's sides, and a decision with who and why; headings in Welsh in Welsh."""

from __future__ import annotations

from pypdf import PdfReader

from tests.ui.ops.test_conflicts import _merged
from tests.ui.ops.test_exchange import world  # noqa: F401  (fixture)
from ui.ops import conflicts as conflict_ops
from ui.ops import merge_print
from ui.ops.workspace import Workspace


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_the_pdf_lists_the_merge_and_each_conflict(world, tmp_path):  # noqa: F811
    with world["lead"] as s:
        ws = Workspace(s)
        (k,) = _merged(world, s)
        merge_print.print_merge_report(ws, world["iid"], tmp_path / "open.pdf", "en")
        bob = 1 + [v["assessor"] for v in k["versions"]].index("Bob")
        conflict_ops.resolve(ws, k["id"], choose=bob, why="the plan was not discussed")
        merge_print.print_merge_report(ws, world["iid"], tmp_path / "decided.pdf", "en")
        merge_print.print_merge_report(ws, world["iid"], tmp_path / "cy.pdf", "cy")
    opened = _text(tmp_path / "open.pdf")
    assert "Merge report" in opened and "ann.export" in opened and "bob.export" in opened
    assert "R-2" in opened and "Ann: No" in opened and "Bob: Yes" in opened and "open: not yet decided" in opened
    decided = _text(tmp_path / "decided.pdf")
    assert "Ann: No" in decided and "Bob: Yes" in decided and "Decided by Lead" in decided and "the plan was not discussed" in decided
    assert "open: not yet decided" not in decided and "open: 0, decided: 1" in decided
    welsh = _text(tmp_path / "cy.pdf")
    assert "Adroddiad y cyfuno" in welsh and "Merge report" not in welsh and "Gwrthdaro" in welsh
    assert "Ann: Na" in welsh and "Bob: Ie" in welsh  # the answers' labels in Welsh too
    assert "Penderfynwyd gan Lead" in welsh and "the plan was not discussed" in welsh
