"""The analysis export: round trips to the stored answers and to the scores,
a complete codebook for every set, typed XLSX cells, safe cells and paths."""

from __future__ import annotations

import csv
import io
import random
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.questionset import builtin_catalog
from models.scoring import score
from storage.store import Store
from ui.ops import export_data as ed
from ui.ops.errors import OpError
from ui.ops.scores import inspection_scores
from ui.ops.workspace import Workspace

from ...conftest import make_inspection, synthetic_answers, synthetic_details
from ...exports.test_tables import read_xlsx

SETS = ["iaow-2013", "omi2-2010", "tr-2016"]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _stored(ws: Workspace, iid: str) -> dict[tuple[str, str], object]:
    """(case reference, question) -> value of the scored reading, from the store."""
    return {(c.reference, qid): v for c in inspection_scores(ws, iid).cases for qid, v in c.answers.items()}


def _parsed_value(row: dict[str, str], qs, qid: str) -> object:
    qv = qs.by_id[qid]
    if qv.scale.kind == "multi" and row["value"] not in ("", "na"):
        return row["value"].split("; ")
    return row["value"]


def _from_export(rows: list[dict[str, str]], qs) -> dict[tuple[str, str], object]:
    """The same mapping rebuilt from the long export alone."""
    out: dict[tuple[str, str], object] = {}
    for r in rows:
        if r["scored_reading"] != "true" or r["value"] == "":
            continue
        key = (r["case_reference"], r["question_id"])
        if r["factor"]:
            out.setdefault(key, {})[r["factor"]] = r["value"]  # type: ignore[index]
        else:
            out[key] = _parsed_value(r, qs, r["question_id"])
    return out


def _scores_from_export(rows: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """(above, applicable) per single-choice question, counted from the export alone."""
    above: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    for r in rows:
        if r["scored_reading"] == "true" and r["above_line"] in ("true", "false") and not r["factor"]:
            applicable[r["question_id"]] += 1
            above[r["question_id"]] += r["above_line"] == "true"
    return {q: (above[q], applicable[q]) for q in applicable}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(set_id=st.sampled_from(SETS), n=st.integers(1, 5), seed=st.integers(0, 10_000),
       fill=st.floats(0.3, 1.0))
def test_long_export_round_trips_to_the_stored_answers_and_the_scores(set_id, n, seed, fill):
    qs = builtin_catalog().get(set_id)
    with tempfile.TemporaryDirectory() as d:
        ws = Workspace(Store(Path(d) / "db.sqlite3"))
        rng = random.Random(seed)
        iid = ws.store.create_inspection("H", qs.id, qs.version)
        for i in range(n):
            details = synthetic_details(qs, rng)
            cid = ws.store.add_case(iid, f"C-{i}", details)
            aid = ws.store.start_assessment(cid, "A", qs.version)
            for qid, value in synthetic_answers(qs, details, rng, fill).items():
                ws.store.save_answer(aid, qid, value=value, who="A")
        ed.export_data(ws, iid, Path(d) / "out.csv")
        rows = read_csv(Path(d) / "out.csv")
        assert _from_export(rows, qs) == _stored(ws, iid)
        report = score(qs, inspection_scores(ws, iid).cases)
        for qid, (above, applicable) in _scores_from_export(rows).items():
            s = report.questions[qid]
            assert (above, applicable) == (s.above, s.applicable), qid
        for qv in qs.questions:  # every scored single-choice figure is in the export
            s = report.questions[qv.id]
            if qv.q.per_option_of is None and qv.scale.kind == "single" and s.applicable:
                assert qv.id in _scores_from_export(rows)
        ws.close()


@pytest.mark.parametrize("set_id", SETS)
@pytest.mark.parametrize("shape", ["long", "wide"])
def test_codebook_describes_every_column_for_every_set(tmp_path, set_id, shape):
    qs = builtin_catalog().get(set_id)
    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = make_inspection(ws.store, qs, 2)
    ed.export_data(ws, iid, tmp_path / "x.csv", shape=shape)
    book = read_csv(tmp_path / "x.codebook.csv")
    names = [b["variable"] for b in book]
    header = next(csv.reader(io.StringIO((tmp_path / "x.csv").read_bytes().decode("utf-8-sig"))))
    if shape == "wide":
        assert names[: len(header)] != [] and set(header) <= set(names)
    else:
        assert set(header) <= set(names) and {qv.id for qv in qs.questions} <= set(names)
    for b in book:
        if b["kind"] == "question":
            qv = qs.by_id[b["variable"].split("[")[0]]
            assert b["text"] and b["criterion"] == qv.criterion.code and b["sources"] and b["applies_when"]
            assert all(f"{o.value} = " in b["values"] for o in qv.scale.options)
            assert b["scored"] == ("true" if qv.q.scored else "false")
    ws.close()


def test_xlsx_export_has_typed_cells_a_codebook_and_about_sheet(tmp_path, iaow):
    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = make_inspection(ws.store, iaow, 2)
    done = ed.export_data(ws, iid, tmp_path / "x.xlsx")
    assert done.files == [tmp_path / "x.xlsx"] and done.cases == 2
    data = (tmp_path / "x.xlsx").read_bytes()
    name, cells = read_xlsx(data)
    header = {cells[k][1]: k.rstrip("0123456789") for k in cells if k.endswith("1") and k[-2].isalpha()}
    assert name == "Data"
    col = header["scored_reading"]
    assert cells[f"{col}2"] == ("b", "1")  # a boolean cell
    assert cells[f"{header['applicable']}2"][0] == "b"
    assert read_xlsx(data, "xl/worksheets/sheet2.xml")[0] == "Codebook"
    assert read_xlsx(data, "xl/worksheets/sheet3.xml")[0] == "About"
    ws.close()


def test_cells_a_spreadsheet_could_run_stay_text(tmp_path, iaow):
    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = ws.store.create_inspection("=cmd", iaow.id, iaow.version)
    cid = ws.store.add_case(iid, "=1+1", {"case_type": "licence"})
    aid = ws.store.start_assessment(cid, "@A", iaow.version)
    q = iaow.questions[0]
    ws.store.save_answer(aid, q.id, value=q.scale.options[0].value, note='=HYPERLINK("http://x")', who="@A")
    ed.export_data(ws, iid, tmp_path / "x.csv")
    text = (tmp_path / "x.csv").read_bytes().decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=1+1" in cells and "'@A" in cells
    ed.export_data(ws, iid, tmp_path / "x.xlsx")
    _name, xcells = read_xlsx((tmp_path / "x.xlsx").read_bytes())
    assert ("inlineStr", "=1+1") in xcells.values()  # text, never a formula (read_xlsx fails on one)
    ws.close()


def test_never_over_the_database_or_a_file_that_is_not_a_codebook(tmp_path, iaow):
    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = make_inspection(ws.store, iaow, 1)
    with pytest.raises(OpError, match="open database"):
        ed.export_data(ws, iid, tmp_path / "db.sqlite3", fmt="csv")
    (tmp_path / "mine.codebook.csv").write_text("precious")
    with pytest.raises(OpError, match="not a codebook"):
        ed.export_data(ws, iid, tmp_path / "mine.csv")
    assert (tmp_path / "mine.codebook.csv").read_text() == "precious" and not (tmp_path / "mine.csv").exists()
    ed.export_data(ws, iid, tmp_path / "again.csv")
    ed.export_data(ws, iid, tmp_path / "again.csv")  # an earlier codebook is replaced
    with pytest.raises(OpError, match="shape"):
        ed.export_data(ws, iid, tmp_path / "x.csv", shape="tall")
    with pytest.raises(OpError, match="format"):
        ed.export_data(ws, iid, tmp_path / "x.csv", fmt="ods")
    ws.close()


def test_every_reading_and_unstarted_cases_are_exported(tmp_path, iaow):
    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = ws.store.create_inspection("R", iaow.id, iaow.version)
    a = ws.store.add_case(iid, "A-1", {"case_type": "licence", "transferred": True})
    ws.store.add_case(iid, "B-2", {"case_type": "licence"})
    first = ws.store.start_assessment(a, "Ann", iaow.version)
    ws.store.start_assessment(a, "Bob", iaow.version, kind="second")
    ws.store.set_status(first, "complete", "Ann")
    ed.export_data(ws, iid, tmp_path / "w.csv", shape="wide", labels=True)
    rows = read_csv(tmp_path / "w.csv")
    got = [(r["case_reference"], r["assessor"], r["reading"], r["review_state"], r["scored_reading"]) for r in rows]
    # two readings started in the same millisecond may come in either order; the scored one is the primary
    assert sorted(got) == [("A-1", "Ann", "primary", "complete", "true"), ("A-1", "Bob", "second", "in progress", "false"),
                           ("B-2", "", "", "not started", "true")]
    assert all(r["case_type"] == "Licence" and r["transferred"] == "true" for r in rows if r["case_reference"] == "A-1")
    ws.close()


def test_a_missing_folder_is_a_clear_message_and_nothing_is_written(tmp_path, iaow):
    from exports.files import WriteError

    ws = Workspace(Store(tmp_path / "db.sqlite3"))
    iid = make_inspection(ws.store, iaow, 1)
    ws.question_set(ws.find_inspection(iid))  # the set's cache folder is made on first use
    before = sorted(p.name for p in tmp_path.iterdir())
    for name in ("x.csv", "x.xlsx"):
        with pytest.raises(WriteError, match="could not be written"):
            ed.export_data(ws, iid, tmp_path / "no such folder" / name)
    with pytest.raises(OpError, match="is a folder"):
        ed.export_data(ws, iid, tmp_path, fmt="csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    ws.close()
