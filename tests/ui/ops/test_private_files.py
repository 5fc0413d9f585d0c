"""Every file the operations write is 0600 and every folder they make 0700
(POSIX): exports, packs, PDFs, tables, key files, and the data, keys and
cache folders (issue 13, item 2)."""

from __future__ import annotations

import os

import pytest

from ui.ops import exchange, inspections, printing, scores
from ui.ops.paths import cache_dir, default_db_path, keys_dir
from ui.ops.workspace import Workspace

from ...conftest import file_mode

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
              pytest.mark.usefixtures("usual_umask")]
SAMPLE = "reference,case_type,rosh_level,requirements\nR-1,licence,medium,supervision\nR-2,licence,low,\n"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(tmp_path / "new" / "keys"))
    w = Workspace.open(tmp_path / "lead.sqlite3")
    w.set_setting("assessor_name", "Lead")
    iid = inspections.new_inspection(w, "York", "iaow-2013").id
    (tmp_path / "s.csv").write_text(SAMPLE)
    inspections.import_sample(w, iid, tmp_path / "s.csv")
    w.set_setting("last_inspection", iid)
    yield w
    w.close()


def test_exports_packs_pdfs_tables_and_keys_are_0600(ws, tmp_path):
    iid = ws.setting("last_inspection") or ""
    pw = tmp_path / "pw.txt"
    pw.write_text("kettle prism oyster gallon jigsaw\n")
    out = tmp_path / "out"
    out.mkdir()
    inspections.export_bundle(ws, iid, out / "bundle.json")
    exchange.export_secure(ws, iid, out / "lead.export", str(pw))
    exchange.make_pack(ws, iid, "Ann", out / "ann.pack", str(pw), ["R-1"])
    printing.print_case(ws, ws.find_case("R-1", iid), out / "case.pdf")
    printing.print_cases(ws, iid, out / "cases.pdf")
    printing.print_cases(ws, iid, out / "per-case")
    printing.print_report(ws, iid, out / "findings.pdf")
    scores.write_table(out / "table.csv", ["a"], [["1"]])
    scores.write_table(out / "table.xlsx", ["a"], [["1"]])
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(written) == 11  # with per-case/manifest.csv
    assert {p.name: file_mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert file_mode(out / "per-case") == 0o700
    keys = sorted(keys_dir().iterdir())
    assert [p.name for p in keys] == ["lead-x25519.key", "signing-ed25519.key"]  # sealed at rest (test_atrest)
    assert [file_mode(p) for p in keys] == [0o600, 0o600]
    assert file_mode(keys_dir()) == file_mode(keys_dir().parent) == 0o700


def test_the_data_keys_and_cache_folders_are_0700_even_if_left_0755(tmp_path, monkeypatch):
    monkeypatch.delenv("CASE_ASSESSOR_DB")
    monkeypatch.delenv("CASE_ASSESSOR_KEYS", raising=False)
    data = tmp_path / "data" / "case-assessor"
    data.mkdir(parents=True, mode=0o755)  # as an earlier version left it
    (data / "keys").mkdir(mode=0o755)
    assert default_db_path().parent == data and file_mode(data) == 0o700
    assert keys_dir() == data / "keys" and file_mode(data / "keys") == 0o700
    assert file_mode(cache_dir()) == 0o700
    with Workspace.open() as ws:
        ws.set_setting("assessor_name", "Ann")
        assert file_mode(ws.path) == 0o600
