"""Crash harness: kill a writer with SIGKILL at random moments and check that
nothing acknowledged is lost and the database stays sound.

    python bench/crash.py --kills 200            # answers (the full run)
    python bench/crash.py --mode export --kills 50
    python bench/crash.py --mode merge --kills 50

Every database is encrypted (SQLCipher, a random key for the run, shared with
the children through the environment), as the app creates them.

A child process saves answers continuously and prints an acknowledgement only
after each save has returned.  The parent kills it at a random moment, then
opens the database: ``PRAGMA integrity_check`` must be ok, and every
acknowledged answer must be there (its note carries the sequence number, so a
later save may have overwritten it, but never an earlier one).  In export mode
the child writes exports in a loop: the target file must always be absent or a
complete, valid bundle.  In merge mode the child runs the lead's real merge of
six assessors' signed exports: after each kill every file is merged whole or not
at all, and the stored merge report lists every file that was merged.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.questionset import builtin_catalog  # noqa: E402
from storage.store import Store as _Store  # noqa: E402

# One random database key for the run; the children inherit it.
KEY = bytes.fromhex(os.environ.setdefault("CASE_ASSESSOR_CRASH_KEY", os.urandom(32).hex()))


def Store(path: str | Path) -> _Store:  # noqa: N802 - stands in for the class: every database here is encrypted
    return _Store(path, key=KEY)


_YES_NO = [qv for qv in builtin_catalog().get("iaow-2013").questions
           if qv.scale.kind == "single" and not qv.q.per_option_of and {"yes", "no"} <= {o.value for o in qv.scale.options}]
QIDS = [qv.id for qv in _YES_NO][:60]


def child_answers(db: str, aid: str, start: int) -> None:
    store = Store(db)
    print("READY", flush=True)
    seq = start
    while True:
        qid = QIDS[seq % len(QIDS)]
        store.save_answer(aid, qid, value="yes" if seq % 2 else "no", note=str(seq), who="crash")
        print(f"ACK {seq} {qid}", flush=True)
        seq += 1


def child_export(db: str, iid: str, out: str) -> None:
    from ui.ops import inspections
    from ui.ops.workspace import Workspace

    store = Store(db)
    print("READY", flush=True)
    n = 0
    while True:
        aid = store.primary_assessment(store.list_cases(iid)[0].id).id
        store.save_answer(aid, QIDS[n % len(QIDS)], value="yes", note=str(n), who="crash")
        inspections.export_bundle(Workspace(store), iid, Path(out))
        print(f"ACK {n}", flush=True)
        n += 1


def child_merge(db: str, keys: str, trust: str, files: list[str]) -> None:
    """The lead's real merge of signed, encrypted exports, acknowledging each file."""
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    os.environ["CASE_ASSESSOR_KEYS"] = keys
    ws = Workspace(Store(db))
    exchange.lead_identity()  # unsealed before the kill window opens
    print("READY", flush=True)

    def progress(done: int, total: int) -> bool:
        if done:
            print(f"ACK {done - 1}", flush=True)
        return True

    exchange.merge_files(ws, [Path(f) for f in files], trust=trust.split(","), progress=progress)
    time.sleep(10)


def _run_child(args: list[str], lo: float, hi: float, rng: random.Random) -> list[str]:
    """Start a child, wait until it is ready (imports done), let it work for a
    random time, then SIGKILL it.  Returns its acknowledgements."""
    p = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "CASE_ASSESSOR_CRASH_KEY": KEY.hex()})
    assert p.stdout is not None
    first = p.stdout.readline()  # "READY", or the child died
    if not first.startswith("READY"):
        p.kill()
        raise RuntimeError(f"crash child did not start: {p.communicate()[1][-500:]}")
    time.sleep(rng.uniform(lo, hi))
    p.send_signal(signal.SIGKILL)
    out, _err = p.communicate()
    return [line for line in out.splitlines() if line.startswith("ACK ")]


def run_answers(kills: int, rng: random.Random, folder: Path) -> dict[str, int]:
    qs = builtin_catalog().get("iaow-2013")
    db = folder / "crash.sqlite3"
    s = Store(db)
    iid = s.create_inspection("Crash", qs.id, qs.version)
    aid = s.start_assessment(s.add_case(iid, "C-1", {"case_type": "licence"}), "crash", qs.version)
    s.close()
    assert not db.read_bytes().startswith(b"SQLite format 3"), "the crash database must be encrypted"
    acked_total = lost = ok = 0
    seq = 0
    last_acked: dict[str, int] = {}
    for _ in range(kills):
        acks = _run_child(["--child-answers", str(db), aid, str(seq)], 0.15, 0.6, rng)
        for line in acks:
            _, n, qid = line.split()
            last_acked[qid] = int(n)
            seq = max(seq, int(n) + 1)
        seq += 1000  # never reuse a sequence number that may have been saved but not acknowledged
        acked_total += len(acks)
        s = Store(db)
        ok += s.integrity_ok()
        stored = s.answers(aid)
        for qid, n in last_acked.items():
            got = stored.get(qid)
            if got is None or int(got.note) < n:
                lost += 1
        s.close()
    return {"kills": kills, "acked": acked_total, "lost": lost, "integrity_ok": ok}


def run_export(kills: int, rng: random.Random, folder: Path) -> dict[str, int]:
    from exports import bundle

    qs = builtin_catalog().get("iaow-2013")
    db = folder / "export.sqlite3"
    s = Store(db)
    iid = s.create_inspection("Crash", qs.id, qs.version)
    s.start_assessment(s.add_case(iid, "C-1", {"case_type": "licence"}), "crash", qs.version)
    s.close()
    out = folder / "out.json"
    partial = acked = 0
    for _ in range(kills):
        acked += len(_run_child(["--child-export", str(db), iid, str(out)], 0.3, 1.0, rng))
        if out.exists():
            try:
                bundle.parse(out.read_bytes(), builtin_catalog())
            except bundle.BundleError:
                partial += 1
    return {"kills": kills, "acked": acked, "partial_files": partial}


def run_merge(kills: int, rng: random.Random, folder: Path) -> dict[str, int]:
    """Six assessors' signed exports merged by the lead, killed at random: every
    file is merged whole or not at all, and the stored merge report lists every
    file that was merged (the report is written in each file's own transaction)."""
    from bench.custody import passphrase_custody

    with passphrase_custody(folder):
        return _run_merge(kills, rng, folder)


def _run_merge(kills: int, rng: random.Random, folder: Path) -> dict[str, int]:
    import json
    from dataclasses import replace

    from storage import merge as merge_sql
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    qs = builtin_catalog().get("iaow-2013")
    template = folder / "lead-template.sqlite3"
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "keys-lead")
    recipient = str(exchange.lead_identity().to_public())
    lead = Store(template)
    lead.set_setting("assessor_name", "Lead")
    iid = lead.create_inspection("Crash", qs.id, qs.version)
    files, trust = [], []
    for i in range(6):
        ids = lead.add_cases(iid, [(f"F{i}-C{c}", {"case_type": "licence"}) for c in range(5)])
        merge_sql.assign(lead, iid, ids, f"a{i}")
        dump = lead.dump_inspection(iid)
        os.environ["CASE_ASSESSOR_KEYS"] = str(folder / f"keys-{i}")
        src = Store(folder / f"src{i}.sqlite3")
        src.set_setting("assessor_name", f"a{i}")
        src.load_inspection(replace(dump, cases=[c for c in dump.cases if c.case.id in ids]), f"a{i}")
        src.set_setting(f"lead_recipient:{iid}", recipient)
        for cid in ids:
            aid = src.start_assessment(cid, f"a{i}", qs.version)
            for q in QIDS[:30]:
                src.save_answer(aid, q, value="yes", who=f"a{i}")
        p = folder / f"f{i}.export"
        exchange.export_secure(Workspace(src), iid, p)
        trust.append(f"a{i}={exchange.my_fingerprint()}")
        files.append(str(p))
        src.close()
    lead.close()
    half = ok = unreported = mid = 0
    for k in range(kills):
        db = folder / f"lead{k}.sqlite3"
        db.write_bytes(template.read_bytes())
        _run_child(["--child-merge", str(db), str(folder / "keys-lead"), ",".join(trust), *files], 0.0, 0.3, rng)
        s = Store(db)
        ok += s.integrity_ok()
        reported = {Path(f["name"]).name for (r,) in s.conn.execute("SELECT report FROM merges")
                    for f in json.loads(r)["files"] if f["status"] == "merged"}
        mid += 0 < s.conn.execute("SELECT count(*) FROM merged_files").fetchone()[0] < len(files)
        for i, f in enumerate(files):
            answers = s.conn.execute(
                "SELECT count(*) FROM answers n JOIN assessments a ON a.id = n.assessment_id "
                "JOIN cases c ON c.id = a.case_id WHERE c.reference LIKE ?", (f"F{i}-%",)).fetchone()[0]
            if answers not in (0, 150):
                half += 1
            if answers == 150 and Path(f).name not in reported:
                unreported += 1
        s.close()
    return {"kills": kills, "half_merged": half, "integrity_ok": ok, "unreported": unreported,
            "stopped_mid_merge": mid}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1].startswith("--child-"):
        mode = sys.argv[1]
        if mode == "--child-answers":
            child_answers(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        elif mode == "--child-export":
            child_export(sys.argv[2], sys.argv[3], sys.argv[4])
        else:
            child_merge(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--mode", choices=["answers", "export", "merge"], default="answers")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as d:
        if args.mode == "answers":
            r = run_answers(args.kills, rng, Path(d))
            print(f"kills={r['kills']} acked={r['acked']} lost={r['lost']} integrity_ok={r['integrity_ok']}/{r['kills']}")
            return 0 if r["lost"] == 0 and r["integrity_ok"] == r["kills"] else 1
        if args.mode == "export":
            r = run_export(args.kills, rng, Path(d))
            print(f"kills={r['kills']} exports_acked={r['acked']} partial_files={r['partial_files']}")
            return 0 if r["partial_files"] == 0 else 1
        r = run_merge(args.kills, rng, Path(d))
        print(f"kills={r['kills']} (stopped mid-merge: {r['stopped_mid_merge']}) half_merged={r['half_merged']} "
              f"merged_but_unreported={r['unreported']} "
              f"integrity_ok={r['integrity_ok']}/{r['kills']}")
        return 0 if r["half_merged"] == r["unreported"] == 0 and r["integrity_ok"] == r["kills"] else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
