"""Case Assessor benchmarks: each row is a median over repeated runs, with its
baseline measured in the same run and the ratio between them.

    make bench                 # full
    make bench ARGS=--quick    # fewer repetitions (what CI could afford)

Prints a table; docs/performance.md records a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.questionset import builtin_catalog  # noqa: E402
from models.scoring import score  # noqa: E402
from storage.store import Store  # noqa: E402

ROWS: list[tuple[str, str, str, str, str, str]] = []


def row(pid: str, measure: str, value: float, baseline: float | None, goal: str, unit: str = "ms") -> None:
    ratio = f"{value / baseline:.2f}x" if baseline else "-"
    base = f"{baseline:.2f} {unit}" if baseline is not None else "-"
    ROWS.append((pid, measure, f"{value:.2f} {unit}", base, ratio, goal))
    print(f"  {pid}: {measure}: {value:.2f} {unit} (baseline {base}, ratio {ratio}; goal {goal})", flush=True)


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


# ---------------------------------------------------------------- P1 cold start
# Each child prints the wall clock when its window has painted; the parent
# takes the time from just before it launched the process.  (Teardown after
# the first paint is not counted, for either.)
BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.show(); app.processEvents()
print(time.time())
"""


def cold_start(reps: int, db: Path) -> None:
    def run(args: list[str]) -> float:
        env = {**os.environ, "CASE_ASSESSOR_BENCH_START": "1"}
        t0 = time.time()
        out = subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env).stdout
        return (float(out.decode().split()[-1]) - t0) * 1000

    # As on a user's machine after the first run, the app's modules are byte-compiled
    # (this environment may set PYTHONDONTWRITEBYTECODE, which would make every start
    # compile ~80 source files; site-packages, the baseline's only code, is compiled).
    subprocess.run([sys.executable, "-m", "compileall", "-q", "main.py", "models", "storage", "exports", "ui"],
                   cwd=ROOT, check=True)
    bare = [run(["-c", BARE]) for _ in range(reps)]
    app = [run([str(ROOT / "main.py"), "--db", str(db)]) for _ in range(reps)]
    row("P1", "cold start to interactive main window (process start to first paint)", statistics.median(app),
        statistics.median(bare), "<= 1.5x")


# ---------------------------------------------------------------- P2 save one answer
def save_answer(reps: int, folder: Path) -> None:
    qs = builtin_catalog().get("iaow-2013")
    store = Store(folder / "p2.sqlite3")
    iid = store.create_inspection("bench", qs.id, qs.version)
    aid = store.start_assessment(store.add_case(iid, "R1", {}), "bench", qs.version)
    qids = [qv.id for qv in qs.questions if qv.scale.kind == "single" and not qv.q.per_option_of][:50]
    ours = []
    for i in range(reps):
        t0 = time.perf_counter()
        store.save_answer(aid, qids[i % len(qids)], value=["yes", "no"][(i // len(qids)) % 2], note="", who="bench")
        ours.append((time.perf_counter() - t0) * 1000)
    store.close()
    raw = sqlite3.connect(folder / "p2raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute("CREATE TABLE answers (a TEXT, q TEXT, value TEXT, PRIMARY KEY (a, q))")
    base = []
    for i in range(reps):
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", ("a", qids[i % len(qids)], str(i)))
        raw.execute("COMMIT")
        base.append((time.perf_counter() - t0) * 1000)
    raw.close()
    row("P2", "save one answer (durable, audited)", statistics.median(ours), statistics.median(base), "<= 2x")
    row("P2", "save one answer, p99", pct(ours, 99), pct(base, 99), "p99 < 20 ms")


# ---------------------------------------------------------------- next question
def next_question(reps: int, folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from tests.conftest import make_inspection
    from ui.gui.main_window import MainWindow
    from ui.ops.workspace import Workspace

    qs = builtin_catalog().get("iaow-2013")
    store = Store(folder / "nav.sqlite3")
    make_inspection(store, qs, 2)
    store.set_setting("assessor_name", "bench")
    w = MainWindow(Workspace(store))
    w.show()
    view = w.open_case(store.list_cases(store.list_inspections()[0].id)[0].id)
    assert view is not None
    times = []
    first = view.current
    for _ in range(reps):
        t0 = time.perf_counter()
        view.go(True)
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
        if view.s.step(view.current, True) is None:
            view.show_question(first)
    row("UI", "move to the next question (incl. repaint)", statistics.median(times), None, "< 16 ms")
    row("UI", "move to the next question, p99", pct(times, 99), None, "< 16 ms")
    w.close()
    store.close()


# ---------------------------------------------------------------- P4 scores
def scores(n_cases: int, reps: int) -> None:
    from bench import synth

    qs = builtin_catalog().get("iaow-2013")
    t_build = time.perf_counter()
    cases = synth.case_inputs(qs, n_cases)  # distinct cases (the engine caches nothing per pattern)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE answers (case_id TEXT, question_id TEXT, value TEXT)")
    db.executemany(
        "INSERT INTO answers VALUES (?, ?, ?)",
        ((c.case_id, q, v if isinstance(v, str) else json.dumps(v)) for c in cases for q, v in c.answers.items()),
    )
    n_answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
    print(f"  (built {n_cases:,} cases, {n_answers:,} answers, in {time.perf_counter() - t_build:.1f} s)", flush=True)
    ours, base = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        score(qs, cases)
        ours.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        db.execute(
            "SELECT question_id, sum(value = 'yes'), sum(value != 'na') FROM answers GROUP BY question_id"
        ).fetchall()
        base.append((time.perf_counter() - t0) * 1000)
    db.close()
    row("P4", f"scores over {n_cases:,} cases ({n_answers:,} answers) vs one SQL GROUP BY",
        statistics.median(ours), statistics.median(base), "<= 2x; < 1 s at 10k")


# ---------------------------------------------------------------- P5 PDFs
def pdfs(reps: int, folder: Path, batch: int) -> None:
    import io

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from exports.pdf import case_summary_pdf
    from tests.conftest import make_inspection
    from ui.ops import printing
    from ui.ops.workspace import Workspace

    qs = builtin_catalog().get("iaow-2013")
    store = Store(folder / "p5.sqlite3")
    iid = make_inspection(store, qs, batch, seed=11)
    case_id = store.list_cases(iid)[0].id
    ours = []
    data = b""
    for _ in range(reps):
        t0 = time.perf_counter()
        data = case_summary_pdf(printing.case_doc(Workspace(store), case_id))
        ours.append((time.perf_counter() - t0) * 1000)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    styles = getSampleStyleSheet()
    base = []
    for _ in range(reps):
        t0 = time.perf_counter()
        buf = io.BytesIO()
        story = []
        for p in range(pages):
            story += [Paragraph(f"Page {p} line {i} of a plain document", styles["Normal"]) for i in range(40)]
            story.append(PageBreak())
        SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story[:-1])
        base.append((time.perf_counter() - t0) * 1000)
    row("P5", f"case summary PDF ({pages} pages) vs a bare reportlab document of {pages} pages",
        statistics.median(ours), statistics.median(base), "<= 2x")
    t0 = time.perf_counter()
    printing.print_cases(Workspace(store), iid, folder / "batch.pdf")
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    printing.print_cases(Workspace(store), iid, folder / "batch-dir")
    each = time.perf_counter() - t0
    row("P5", f"batch of {batch} case summaries, one PDF with index", one, None, "< 20 s", unit="s")
    row("P5", f"batch of {batch} case summaries, one file per case", each, None, "< 20 s", unit="s")
    store.close()


# ---------------------------------------------------------------- P3 / P6 merge
IID = "00000000-0000-4000-8000-000000000001"


def _raw_rows(payload: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(a["id"], n["question_id"], json.dumps(n["value"]), n["note"], int(n["practice"]), n["updated_at"],
             n["updated_by"]) for c in payload["cases"] for a in c["assessments"] for n in a["answers"]]


def _raw_db(path: Path) -> sqlite3.Connection:
    raw_db = sqlite3.connect(path, isolation_level=None)
    raw_db.execute("PRAGMA journal_mode=WAL")
    raw_db.execute("PRAGMA synchronous=FULL")
    raw_db.execute("CREATE TABLE answers (a TEXT, q TEXT, v TEXT, n TEXT, p INT, u TEXT, b TEXT, PRIMARY KEY (a, q))")
    return raw_db


def _give_out(store: Store, raw: bytes) -> Any:
    """Untimed set-up, as the lead's packs leave the database: the file's cases
    held and given to its assessor.  Returns the assessor's authority."""
    from dataclasses import replace

    from exports import bundle
    from storage import merge as merge_sql
    from storage.rows import Authority

    data = bundle.to_store_data(bundle.parse(raw, builtin_catalog())[0])
    if not store.list_inspections():
        i = data.inspection
        store.create_inspection(i.name, i.question_set_id, i.question_set_version, inspection_id=i.id)
    who = data.cases[0].assessments[0].assessment.assessor
    setup = Authority(f"bench-{who}", data.inspection.id, who, frozenset(), may_add_cases=True)
    cases = replace(data, cases=[replace(c, assessments=[]) for c in data.cases])
    merge_sql.merge_data(store, cases, setup, file_sha=f"setup-{who}", file_name="setup", signer="bench",
                         merge_id="setup")
    return merge_sql.authority(store, setup.fingerprint, data.inspection.id) or replace(
        setup, assigned=frozenset((c.case.id, "primary") for c in data.cases), may_add_cases=False)


def merge_bench(n_files: int, cases_per_file: int, folder: Path) -> None:
    """P3 and P6: the merge of ``n_files`` exports held in memory, as the lead merges them."""
    import resource

    from bench import synth
    from exports import bundle
    from storage import merge as merge_sql

    qs = builtin_catalog().get("iaow-2013")
    t_build = time.perf_counter()
    maker = synth.BundleMaker(qs, IID)
    payloads = [bundle.to_bytes(maker.bundle(f, cases_per_file)) for f in range(n_files)]
    print(f"  (built {n_files} files in {time.perf_counter() - t_build:.1f} s)", flush=True)
    store = Store(folder / "merge.sqlite3")
    auths = [_give_out(store, raw) for raw in payloads]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    with store.bulk_writes():  # as ui.ops.exchange.merge_files does
        for i, raw in enumerate(payloads):
            b, _ = bundle.parse(raw, builtin_catalog())
            merge_sql.merge_data(store, bundle.to_store_data(b), auths[i], file_sha=f"{i}", file_name=f"{i}",
                                 signer="bench", merge_id="bench")
    ours = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n_rows = store.conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    store.close()
    rows = [r for raw in payloads for r in _raw_rows(json.loads(raw))]
    raw_db = _raw_db(folder / "raw.sqlite3")
    t0 = time.perf_counter()
    raw_db.execute("BEGIN")
    raw_db.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    raw_db.execute("COMMIT")
    base = time.perf_counter() - t0
    raw_db.close()
    row("P3", f"merge {n_files} files x {cases_per_file} cases ({n_rows:,} answers; parse, validate, merge)",
        ours, base, "<= 3x, < 10 s", unit="s")
    row("P6", "peak memory (max RSS of the process, incl. the fixtures)", peak / 1024, None, "< 400 MB", unit="MB")
    print(f"  (RSS before merging {rss0 / 1024:.0f} MB)")


def merge_growth(n_cases: int, folder: Path, per_file: int = 100) -> None:
    """P3 at a given total: exports of ``per_file`` cases each, made one at a
    time (so only the merge is timed), against a raw executemany of the same
    rows in one transaction."""
    import shutil

    from bench import synth
    from exports import bundle
    from storage import merge as merge_sql

    qs = builtin_catalog().get("iaow-2013")
    maker = synth.BundleMaker(qs, IID)
    work = folder / f"growth-{n_cases}"
    work.mkdir()
    store = Store(work / "merge.sqlite3")
    raw_db = _raw_db(work / "raw.sqlite3")
    raw_db.execute("BEGIN")
    ours = base = 0.0
    with store.bulk_writes():  # as ui.ops.exchange.merge_files does (its closing checkpoint is timed too)
        for f in range(n_cases // per_file):
            payload = maker.bundle(f, per_file)
            raw = bundle.to_bytes(payload)
            auth = _give_out(store, raw)
            t0 = time.perf_counter()
            b, _ = bundle.parse(raw, builtin_catalog())
            merge_sql.merge_data(store, bundle.to_store_data(b), auth, file_sha=f"{f}", file_name=f"{f}",
                                 signer="bench", merge_id="bench")
            ours += time.perf_counter() - t0
            rows = _raw_rows(payload)
            t0 = time.perf_counter()
            raw_db.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            base += time.perf_counter() - t0
        t0 = time.perf_counter()
    ours += time.perf_counter() - t0
    t0 = time.perf_counter()
    raw_db.execute("COMMIT")
    base += time.perf_counter() - t0
    n_rows = store.conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    store.close()
    raw_db.close()
    shutil.rmtree(work)
    row("P3", f"merge {n_cases:,} cases ({n_cases // per_file} files of {per_file}; {n_rows:,} answers)",
        ours, base, "<= 3x", unit="s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", choices=["P1", "P2", "UI", "P3", "P4", "P5", "ENC", "X1"])
    args = ap.parse_args()
    reps = 3 if args.quick else 7
    print(f"Case Assessor benchmarks on {platform.node()}: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    from bench import atrest
    from bench.custody import keystore_custody

    with tempfile.TemporaryDirectory() as d, keystore_custody(Path(d)):
        folder = Path(d)
        db = folder / "start.sqlite3"
        s = atrest.start_store(db)  # encrypted, as the app creates it (P1 opens it)
        qs = builtin_catalog().get("iaow-2013")
        from tests.conftest import make_inspection

        make_inspection(s, qs, 20 if args.quick else 60)
        s.close()
        if args.only in (None, "P1"):
            cold_start(reps, db)
        if args.only in (None, "P2"):
            save_answer(200 if args.quick else 1000, folder)
        if args.only in (None, "UI"):
            next_question(100 if args.quick else 400, folder)
        if args.only in (None, "P3"):
            merge_bench(20 if args.quick else 100, 20, folder)
            for n in [1_000] if args.quick else [1_000, 10_000, 100_000]:
                merge_growth(n, folder)
        if args.only in (None, "ENC"):  # encryption at rest: bench/atrest.py
            atrest.open_at_start(reps, folder, row)
            atrest.save_answer(200 if args.quick else 1000, folder, row)
            atrest.merge(20 if args.quick else 100, 20, folder, row, IID, _give_out, _raw_rows)
        if args.only in (None, "P5"):
            pdfs(reps, folder, 20 if args.quick else 100)
        if args.only in (None, "P4"):
            for n in [1_000] if args.quick else [1_000, 10_000, 100_000]:
                scores(n, reps if n <= 10_000 else 3)
        if args.only in (None, "X1"):
            from bench.export import export_bench

            for n in [300] if args.quick else [300, 3_000]:
                export_bench(row, qs, n, reps if n <= 300 else 1, folder)
    print()
    print("| id | measure | ours | baseline | ratio | goal |")
    print("|---|---|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
