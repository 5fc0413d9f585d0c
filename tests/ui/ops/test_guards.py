"""Outputs never land on the open database, its companions, or an input; per-case
file names are unique and reversible."""

from __future__ import annotations

import csv
import hashlib
import io
import os

import pytest

from storage.store import Store
from ui.ops import inspections, printing, schemas, scores
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace

from ...conftest import make_inspection


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@pytest.fixture
def ws(tmp_path, iaow):
    w = Workspace(Store(tmp_path / "a.sqlite3"))
    make_inspection(w.store, iaow, 2)
    yield w
    w.close()


def targets(ws, tmp_path):
    db = ws.path
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    hard = tmp_path / "hard.sqlite3"
    os.link(db, hard)
    return [db, tmp_path / "sub" / ".." / "a.sqlite3", link, hard,
            db.with_name("a.sqlite3-wal"), db.with_name("a.sqlite3-shm"), db.with_name("a.sqlite3-journal"),
            db.with_name("a.sqlite3.v1-20260101-000000.bak")]


def test_check_output_refuses_the_database_its_companions_and_inputs(ws, tmp_path):
    (tmp_path / "sub").mkdir()
    for t in targets(ws, tmp_path):
        with pytest.raises(OpError, match="open database"):
            check_output(ws, t)
    inp = tmp_path / "in.export"
    inp.write_text("x")
    with pytest.raises(OpError, match="reads"):
        check_output(ws, tmp_path / "." / "in.export", [inp])
    check_output(ws, tmp_path / "fine.pdf", [inp])
    check_output(None, tmp_path / "fine.pdf")


def test_every_writer_refuses_the_open_database_and_leaves_it_unchanged(ws, tmp_path):
    """`export --out a.sqlite3` and `print-report --out a.sqlite3` replaced the database before."""
    iid = ws.inspections()[0].id
    db = ws.path
    before = digest(db)
    cid = ws.cases(iid)[0].id
    for write in (lambda: inspections.export_bundle(ws, iid, db),
                  lambda: printing.print_case(ws, cid, db),
                  lambda: printing.print_cases(ws, iid, db.with_name("a.sqlite3-wal")),
                  lambda: printing.print_report(ws, iid, db),
                  lambda: scores.write_table(db, ["a"], [[1]], ws=ws),
                  ):
        with pytest.raises(OpError, match="open database"):
            write()
    assert digest(db) == before
    assert ws.store.integrity_ok()


def test_references_that_sanitise_alike_print_to_distinct_files_with_a_manifest(tmp_path, iaow):
    """`A/1`, `A_1` and `A 1` all became case-A_1.pdf, and it said "printed 3"."""
    ws = Workspace(Store(tmp_path / "a.sqlite3"))
    iid = ws.store.create_inspection("Names", iaow.id, iaow.version)
    refs = ["A/1", "A_1", "A 1", "a_1", "=HYPERLINK(1)", "Y-001"]
    ws.store.add_cases(iid, [(r, {"case_type": "licence"}) for r in refs])
    out = tmp_path / "cases"
    assert printing.print_cases(ws, iid, out, names_by_reference=True) == len(refs)
    files = sorted(p.name for p in out.iterdir() if p.suffix == ".pdf")
    assert len(files) == len(refs)
    assert "case-Y-001.pdf" in files
    rows = list(csv.reader(io.StringIO((out / "manifest.csv").read_text("utf-8-sig"))))
    assert rows[0] == ["inspection_id", "reference", "file"]
    mapping = {r[1]: r[2] for r in rows[1:]}
    assert mapping.pop("'=HYPERLINK(1)").startswith("case-_HYPERLINK_1_-")  # the cell is neutralised
    assert set(mapping) == set(refs) - {"=HYPERLINK(1)"}
    assert sorted(mapping.values()) == sorted(f for f in files if "HYPERLINK" not in f)
    # printing the same inspection again into the folder is allowed; another folder's files are not touched
    assert printing.print_cases(ws, iid, out) == len(refs)
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(OpError, match="other files"):
        printing.print_cases(ws, iid, other)
    assert [p.name for p in other.iterdir()] == ["notes.txt"]
    iid2 = ws.store.create_inspection("Other", iaow.id, iaow.version)
    ws.store.add_case(iid2, "B-1", {"case_type": "licence"})
    with pytest.raises(OpError, match="other files"):
        printing.print_cases(ws, iid2, out)
    ws.close()


def test_case_file_names_are_unique_ignoring_case():
    names = printing.case_file_names(["A", "a", "B", "x" * 300])
    assert len({n.lower() for n in names.values()}) == 4
    assert names["B"] == "case-B.pdf"
    assert len(names["x" * 300]) < 100


def test_schemas_are_not_written_over_the_open_database(tmp_path):
    (tmp_path / "s").mkdir()
    ws = Workspace(Store(tmp_path / "s" / "question-set.schema.json"))
    with pytest.raises(OpError, match="open database"):
        schemas.write_schemas(tmp_path / "s", ws=ws)
    assert ws.store.integrity_ok()
    ws.close()
