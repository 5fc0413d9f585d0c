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


def _keyed(path: Path, key: bytes | None) -> driver.Connection:
    c = driver.connect(path, isolation_level=None)
    if key is not None:
        driver.apply_key(c, key)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=FULL")
    return c


def _saves(store: Store, qids: list[str], reps: int) -> list[float]:
    qs = builtin_catalog().get("iaow-2013")
    iid = store.create_inspection("bench", qs.id, qs.version)
    aid = store.start_assessment(store.add_case(iid, "R1", {}), "bench", qs.version)
    times = []
    for i in range(reps):
        t0 = time.perf_counter()
        store.save_answer(aid, qids[i % len(qids)], value=["yes", "no"][(i // len(qids)) % 2], note="", who="bench")
        times.append((time.perf_counter() - t0) * 1000)
    store.close()
    return times


def save_answer(reps: int, folder: Path, row: Row) -> None:
    qs = builtin_catalog().get("iaow-2013")
    qids = [qv.id for qv in qs.questions if qv.scale.kind == "single" and not qv.q.per_option_of][:50]
    key = os.urandom(32)
    enc = _saves(Store(folder / "p2enc.sqlite3", key=key), qids, reps)
    plain = _saves(Store(folder / "p2plain.sqlite3"), qids, reps)
    raw = _keyed(folder / "p2rawenc.sqlite3", key)
    raw.execute("CREATE TABLE answers (a TEXT, q TEXT, value TEXT, PRIMARY KEY (a, q))")
    base = []
    for i in range(reps):
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", ("a", qids[i % len(qids)], str(i)))
        raw.execute("COMMIT")
        base.append((time.perf_counter() - t0) * 1000)
    raw.close()
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
          give_out: Callable[[Store, bytes], Any], raw_rows: Callable[[dict[str, Any]], list[tuple[Any, ...]]]) -> None:
    from bench import synth
    from exports import bundle

    maker = synth.BundleMaker(builtin_catalog().get("iaow-2013"), iid)
    payloads = [bundle.to_bytes(maker.bundle(f, cases_per_file)) for f in range(n_files)]
    key = os.urandom(32)
    enc = _merge_into(Store(folder / "p3enc.sqlite3", key=key), payloads, give_out)
    plain = _merge_into(Store(folder / "p3plain.sqlite3"), payloads, give_out)
    rows = [r for raw in payloads for r in raw_rows(json.loads(raw))]
    raw = _keyed(folder / "p3rawenc.sqlite3", key)
    raw.execute("CREATE TABLE answers (a TEXT, q TEXT, v TEXT, n TEXT, p INT, u TEXT, b TEXT, PRIMARY KEY (a, q))")
    t0 = time.perf_counter()
    raw.execute("BEGIN")
    raw.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    raw.execute("COMMIT")
    base = time.perf_counter() - t0
    raw.close()
    what = f"merge {n_files} files x {cases_per_file} cases ({len(rows):,} answers)"
    row("P3e", f"{what}, encrypted vs raw executemany on a keyed SQLCipher connection", enc, base, "<= 3x", unit="s")
    row("P3e", f"{what}, encrypted vs the same merge into a plain database", enc, plain, "-", unit="s")
