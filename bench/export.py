"""X1: the analysis export (``export-data``), timed and its peak memory taken,
against writing the same rows with the csv module alone and with XlsxWriter
alone (constant memory), in the same run.

The database is filled with distinct synthetic cases (``bench.synth``) through
plain SQL, so building 10,000 cases takes seconds rather than the hours the
audited one-answer-at-a-time path would.
"""

from __future__ import annotations

import csv
import gc
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.questionset import QuestionSet
from storage.store import Store

STAMP = "2026-01-01T00:00:00.000Z"


def build(path: Path, qs: QuestionSet, n_cases: int) -> str:
    """A database of ``n_cases`` distinct assessed cases; the inspection's id."""
    from bench import synth

    s = Store(path)
    iid = s.create_inspection("Bench export", qs.id, qs.version)
    pairs = list(synth.cases(qs, n_cases))
    ids = s.add_cases(iid, [(f"R{i:06d}", d) for i, (d, _a) in enumerate(pairs)])
    s.conn.execute("BEGIN")  # one transaction (the store's connection commits each statement otherwise)
    s.conn.executemany(
        "INSERT INTO assessments (id, case_id, assessor, question_set_version, status, kind, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 'complete', 'primary', ?, ?)",
        ((f"a{i}", cid, f"assessor-{i % 7}", qs.version, STAMP, STAMP) for i, cid in enumerate(ids)))
    s.conn.executemany(
        "INSERT INTO answers (assessment_id, question_id, value, note, practice, updated_at, updated_by) "
        "VALUES (?, ?, ?, '', 0, ?, 'bench')",
        ((f"a{i}", q, json.dumps(v), STAMP) for i, (_d, a) in enumerate(pairs) for q, v in a.items()))
    s.conn.execute("COMMIT")
    s.close()
    return iid


def _timed(fn: Callable[[], Any], reps: int) -> float:
    times = []
    for _ in range(reps):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _peak(fn: Callable[[], Any]) -> float:
    """Peak Python memory while ``fn`` runs, in MB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _plain_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def _plain_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Data")
    sheet.write_row(0, 0, header)
    for r, values in enumerate(rows, start=1):
        sheet.write_row(r, 0, values)
    book.close()


def export_bench(row: Callable[..., None], qs: QuestionSet, n_cases: int, reps: int, folder: Path,
                 xlsx: bool = True) -> None:
    """Long CSV (and XLSX) exports of ``n_cases`` cases: end to end from the
    database, and our writer alone, each against the bare writer over the same
    rows in memory; peak memory against holding those rows."""
    from exports.raw_data import long_header, long_rows
    from exports.tables import Sheet, write_csv, write_xlsx
    from storage.readings import iter_readings
    from ui.ops.export_data import export_data
    from ui.ops.workspace import Workspace

    db = folder / f"export-{n_cases}.sqlite3"
    t0 = time.perf_counter()
    iid = build(db, qs, n_cases)
    ws = Workspace(Store(db))
    header = long_header(qs)
    rows = list(long_rows(qs, "Bench export", iter_readings(ws.store, iid)))
    print(f"  (built {n_cases:,} cases, {len(rows):,} long rows, in {time.perf_counter() - t0:.1f} s)", flush=True)
    what = f"{n_cases:,} cases x {len(qs.questions)} questions ({len(rows):,} rows)"
    ours_writer: dict[str, Callable[[Path], Any]] = {
        "csv": lambda p: write_csv(p, header, rows), "xlsx": lambda p: write_xlsx(p, [Sheet("Data", header, rows)])}
    for fmt, plain in (("csv", _plain_csv), ("xlsx", _plain_xlsx))[: 2 if xlsx else 1]:
        out, base = folder / f"ours.{fmt}", folder / f"plain.{fmt}"
        bare = _timed(lambda: plain(base, header, rows), reps)  # noqa: B023
        ours = _timed(lambda: export_data(ws, iid, out, fmt=fmt), reps)  # noqa: B023
        row("X1", f"export-data long {fmt.upper()}, {what}, end to end from the database, vs the {fmt} writer alone "
                  "over the rows in memory", ours, bare, "<= 1.5x")
        mine = _timed(lambda: ours_writer[fmt](out), reps)  # noqa: B023
        row("X1", f"our {fmt.upper()} writer (injection-safe, typed) over the same rows vs the {fmt} writer alone",
            mine, bare, "<= 1.5x")
    held = _peak(lambda: list(long_rows(qs, "Bench export", iter_readings(ws.store, iid))))
    streamed = _peak(lambda: export_data(ws, iid, folder / "peak.csv", fmt="csv"))
    row("X1", f"peak memory of export-data long CSV, {what}, vs holding its rows in a list", streamed, held,
        "flat: well under 1x", unit="MB")
    ws.close()
