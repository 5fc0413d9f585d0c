"""``print-merge-report`` writes the PDF and never overwrites an input."""

from __future__ import annotations

import io

from pypdf import PdfReader

from main import run_cli
from tests.ui.ops.test_conflicts import _merged
from tests.ui.ops.test_exchange import world  # noqa: F401  (fixture)


def _cli(monkeypatch, world, *argv):  # noqa: F811
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(world["lead"].keys))
    out = io.StringIO()
    return run_cli([argv[0], "--db", str(world["lead"].db), *argv[1:]], out), out.getvalue()


def test_print_merge_report_writes_the_pdf(world, monkeypatch, tmp_path):  # noqa: F811
    with world["lead"] as s:
        _merged(world, s)
    out = tmp_path / "merges.pdf"
    code, text = _cli(monkeypatch, world, "print-merge-report", "--inspection", "York", "--out", str(out))
    assert code == 0 and f"wrote {out}" in text
    assert "open: not yet decided" in " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    before = world["lead"].db.read_bytes()
    code, _ = _cli(monkeypatch, world, "print-merge-report", "--inspection", "York", "--out", str(world["lead"].db))
    assert code == 2 and world["lead"].db.read_bytes() == before
