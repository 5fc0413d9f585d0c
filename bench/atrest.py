"""The cost of encryption at rest (SQLCipher), for bench/run.py.

P2: one durable, audited answer on an encrypted database, against the same
save on a plain database and against a raw INSERT on a keyed SQLCipher
connection.  P3: the lead's merge into an encrypted database, against a raw
executemany of the same rows on a keyed SQLCipher connection, and against
the same merge into a plain database.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.questionset import builtin_catalog
from storage import driver
from storage.store import Store

Row = Callable[..., None]


def start_store(path: Path) -> Store:
    """The start database as the app creates it: encrypted, its key in the keystore."""
    from ui.ops import unlock

    return unlock.open_store(path)


def _keyed(path: Path, key: bytes | None) -> driver.Connection:
    c = driver.connect(path, isolation_level=None)
    if key is not None:
        driver.apply_key(c, key)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=FULL")
    return c


_OPEN = """
import sys, time
t0 = time.perf_counter()
from ui.ops.workspace import Workspace
Workspace.open(sys.argv[1]).close()
print((time.perf_counter() - t0) * 1000)
"""


def open_at_start(reps: int, folder: Path, row: Row) -> None:
    """What encryption adds to the start: opening the database in a fresh
    process (imports, keystore look-up, unsealing the key, SQLCipher's key
    check), against opening a plain database the same way."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    enc, plain = folder / "open-enc.sqlite3", folder / "open-plain.sqlite3"
    start_store(enc).close()
    Store(plain).close()

    def run(db: Path) -> float:
        out = subprocess.run([sys.executable, "-c", _OPEN, str(db)], cwd=root, check=True, capture_output=True)
        return float(out.stdout.decode().split()[-1])

    ours, base = [], []
    for _ in range(reps):  # in turn, so the machine's other load falls on both alike
        ours.append(run(enc))
        base.append(run(plain))
    row("P1e", "open the database in a fresh process: encrypted (key in the keystore) vs plain",
        statistics.median(ours), statistics.median(base), "-")


class _Saver:
    """One durable, audited save at a time on a database of its own."""

    def __init__(self, store: Store) -> None:
        qs = builtin_catalog().get("iaow-2013")
        self.store = store
        iid = store.create_inspection("bench", qs.id, qs.version)
        self.aid = store.start_assessment(store.add_case(iid, "R1", {}), "bench", qs.version)

    def __call__(self, qid: str, value: str) -> float:
        t0 = time.perf_counter()
        self.store.save_answer(self.aid, qid, value=value, note="", who="bench")
        return (time.perf_counter() - t0) * 1000


def save_answer(reps: int, folder: Path, row: Row) -> None:
    """The three are interleaved, one save each in turn, so that the disk's
    other traffic (fsync is most of a save) falls on all three alike."""
    qs = builtin_catalog().get("iaow-2013")
    qids = [qv.id for qv in qs.questions if qv.scale.kind == "single" and not qv.q.per_option_of][:50]
    key = os.urandom(32)
    enc_save, plain_save = _Saver(Store(folder / "p2enc.sqlite3", key=key)), _Saver(Store(folder / "p2plain.sqlite3"))
    raw = _keyed(folder / "p2rawenc.sqlite3", key)
    raw.execute("CREATE TABLE answers (a TEXT, q TEXT, value TEXT, PRIMARY KEY (a, q))")
    enc, plain, base = [], [], []
    for i in range(reps):
        qid, value = qids[i % len(qids)], ["yes", "no"][(i // len(qids)) % 2]
        enc.append(enc_save(qid, value))
        plain.append(plain_save(qid, value))
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", ("a", qid, value))
        raw.execute("COMMIT")
        base.append((time.perf_counter() - t0) * 1000)
    raw.close()
    enc_save.store.close()
    plain_save.store.close()
    row("P2e", "save one answer, encrypted vs the same save on a plain database", statistics.median(enc),
        statistics.median(plain), "<= 1.3x")
    row("P2e", "save one answer, encrypted vs a raw INSERT on a keyed SQLCipher connection",
        statistics.median(enc), statistics.median(base), "<= 2x")


def _merge_into(store: Store, payloads: list[bytes], give_out: Callable[[Store, bytes], Any]) -> float:
    from exports import bundle
    from storage import merge as merge_sql

    auths = [give_out(store, raw) for raw in payloads]
    t0 = time.perf_counter()
    with store.bulk_writes():
        for i, raw in enumerate(payloads):
            b, _ = bundle.parse(raw, builtin_catalog())
            merge_sql.merge_data(store, bundle.to_store_data(b), auths[i], file_sha=f"{i}", file_name=f"{i}",
                                 signer="bench", merge_id="bench")
    took = time.perf_counter() - t0
    store.close()
    return took


def merge(n_files: int, cases_per_file: int, folder: Path, row: Row, iid: str,
          give_out: Callable[[Store, bytes], Any], raw_rows: Callable[[dict[str, Any]], list[tuple[Any, ...]]],
          rounds: int = 3) -> None:
    from bench import synth
    from exports import bundle

    maker = synth.BundleMaker(builtin_catalog().get("iaow-2013"), iid)
    payloads = [bundle.to_bytes(maker.bundle(f, cases_per_file)) for f in range(n_files)]
    rows = [r for raw in payloads for r in raw_rows(json.loads(raw))]
    enc_t, plain_t, base_t = [], [], []
    for k in range(rounds):  # in turn, so the machine's other load falls on all three alike
        key = os.urandom(32)
        enc_t.append(_merge_into(Store(folder / f"p3enc{k}.sqlite3", key=key), payloads, give_out))
        plain_t.append(_merge_into(Store(folder / f"p3plain{k}.sqlite3"), payloads, give_out))
        raw = _keyed(folder / f"p3rawenc{k}.sqlite3", key)
        raw.execute("CREATE TABLE answers (a TEXT, q TEXT, v TEXT, n TEXT, p INT, u TEXT, b TEXT, PRIMARY KEY (a, q))")
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        raw.execute("COMMIT")
        base_t.append(time.perf_counter() - t0)
        raw.close()
    enc, plain, base = statistics.median(enc_t), statistics.median(plain_t), statistics.median(base_t)
    what = f"merge {n_files} files x {cases_per_file} cases ({len(rows):,} answers)"
    row("P3e", f"{what}, encrypted vs raw executemany on a keyed SQLCipher connection", enc, base, "<= 3x", unit="s")
    row("P3e", f"{what}, encrypted vs the same merge into a plain database", enc, plain, "-", unit="s")
