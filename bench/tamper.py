"""Tamper suite: generated corruptions of real exports, each of which must be
refused (or, for a replayed older export, change nothing) with a clear reason,
leaving the database unchanged.

    python bench/tamper.py --n 1000

Kinds: bit flips anywhere in the file, truncations, a file encrypted to another
key, an unknown signer, a swapped signer (a valid signature by another key
under the assessor's name), a replayed older export, a file from a newer
envelope version, and hostile input (see ``HOSTILE``): deep nesting outside
the encryption, in the envelope and in a validly signed payload, 100,000-digit
integers, and wrong types; and forgeries by the trusted assessor's own key
(see ``FORGED``): another assessor's name, a new record for an existing case, a
case not given to her, another inspection, future and past clocks on an old
version, and a claimed lead decision; a genuine export signed by a key the lead
has revoked; another trusted assessor's key writing Ann's work.  On an
assessor's laptop (see ``PACKS``): Ann's pack, encrypted to her enrolled key,
imported by Bob, and a pack encrypted to Bob but signed by a key other than
the lead's he confirmed; each must be refused with his database unchanged.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import random
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyrage  # noqa: E402
from pyrage import x25519  # noqa: E402

from exports.secure import SigningKey, seal  # noqa: E402
from models.questionset import builtin_catalog  # noqa: E402
from storage import merge as merge_sql  # noqa: E402
from storage.store import Store  # noqa: E402


def _db_hash(store: Store) -> str:
    h = hashlib.sha256()
    for table in ("inspections", "cases", "assessments", "answers", "conflicts", "trusted_keys"):
        for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    h.update(repr(store.conn.execute("SELECT count(*) FROM audit WHERE action != 'merge'").fetchone()).encode())
    return h.hexdigest()


def build(folder: Path) -> dict:
    """A lead inspector's database with one assessor's export merged, plus the raw material."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    qs = builtin_catalog().get("iaow-2013")
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "lead-keys")
    lead_recipient = str(exchange.lead_identity().to_public())
    lead = Store(folder / "lead.sqlite3")
    lead.set_setting("assessor_name", "Lead")
    iid = lead.create_inspection("Tamper", qs.id, qs.version)
    case_id = lead.add_case(iid, "T-1", {"case_type": "licence"})
    lead.add_case(iid, "T-2", {"case_type": "licence"})  # given to nobody: out of Ann's scope
    merge_sql.assign(lead, iid, [case_id], "Ann")  # as making Ann's pack does
    dump = lead.dump_inspection(iid)
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "assessor-keys")
    a = Store(folder / "assessor.sqlite3")
    a.set_setting("assessor_name", "Ann")
    a.load_inspection(replace(dump, cases=[c for c in dump.cases if c.case.id == case_id]), "Ann")
    a.set_setting(f"lead_recipient:{iid}", lead_recipient)  # as importing the lead's pack does
    aid = a.start_assessment(case_id, "Ann", qs.version)
    a.save_answer(aid, "IAOW-2.1-02", value="yes", who="Ann")
    pw = None
    from exports import bundle

    old_payload = bundle.to_bytes(bundle.build(a, iid, qs))
    exchange.export_secure(Workspace(a), iid, folder / "old.export")
    a.save_answer(aid, "IAOW-2.1-02", value="no", note="later", who="Ann")
    exchange.export_secure(Workspace(a), iid, folder / "new.export")
    ann_fp = exchange.my_fingerprint()
    ann_key = exchange.signing_key()
    payload = bundle.to_bytes(bundle.build(a, iid, qs))
    a.close()
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "lead-keys")
    results = exchange.merge_files(Workspace(lead), [folder / "new.export"], trust=[f"Ann={ann_fp}"]).files
    assert results[0].status == "merged", results[0].reason
    stranger = SigningKey(Ed25519PrivateKey.generate())
    people = _other_people(folder, lead, iid, case_id, qs)
    return {**people, "lead": lead, "pw": pw, "good": (folder / "new.export").read_bytes(),
            "old": (folder / "old.export").read_bytes(), "payload": payload, "ann_key": ann_key,
            "stranger": stranger, "lead_recipient": lead_recipient, "old_payload": old_payload,
            "other_case": [c.case.id for c in dump.cases if c.case.id != case_id][0]}


def _other_people(folder: Path, lead: Store, iid: str, ann_case: str, qs: Any) -> dict:
    """Bob, enrolled then revoked, with a genuine export of his own case; Carl,
    trusted; Ann's pack encrypted to her enrolled key; Bob's laptop."""
    from exports import bundle
    from ui.ops import enrolment, exchange, trust
    from ui.ops.workspace import Workspace

    lead_fp = exchange.my_fingerprint()
    ws = Workspace(lead)
    enrolled = {}
    for name in ("Ann", "Bob", "Carl"):
        os.environ["CASE_ASSESSOR_KEYS"] = str(folder / f"{name.lower()}-keys")
        enrolment.write_enrolment(folder / f"{name}.enrol", name)
        enrolled[name] = (exchange.signing_key(), exchange.my_fingerprint())
        os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "lead-keys")
        if name != "Ann":  # Ann's key is already trusted as Ann: her enrolment only adds her recipient
            lead_case = lead.add_case(iid, f"T-{name}", {"case_type": "licence"})
            merge_sql.assign(lead, iid, [lead_case], name)
        enrolment.import_enrolment(ws, folder / f"{name}.enrol", iid, fingerprint=enrolled[name][1])
    exchange.make_pack(ws, iid, "Ann", folder / "ann.pack", None, ["T-1"])
    exchange.make_pack(ws, iid, "Bob", folder / "bob.pack", None, ["T-Bob"])
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "bob-keys")
    bob = Store(folder / "bob.sqlite3")
    bob.set_setting("assessor_name", "Bob")
    exchange.import_pack(Workspace(bob), folder / "bob.pack", None, lead_fingerprint=lead_fp)
    aid = bob.start_assessment(bob.find_case("T-Bob").id, "Bob", qs.version)
    bob.save_answer(aid, "IAOW-2.1-02", value="yes", who="Bob")
    bob_payload = bundle.to_bytes(bundle.build(bob, iid, qs))
    exchange.export_secure(Workspace(bob), iid, folder / "bob.export")
    bob_recipient = str(exchange.lead_identity().to_public())  # Bob's own decryption key (sealed at rest)
    os.environ["CASE_ASSESSOR_KEYS"] = str(folder / "lead-keys")
    trust.revoke(ws, enrolled["Bob"][1])  # Bob's laptop was lost after he exported
    return {"bob_export": (folder / "bob.export").read_bytes(), "bob_payload": bob_payload,
            "carl_key": enrolled["Carl"][0], "ann_pack": (folder / "ann.pack").read_bytes(), "bob": bob,
            "bob_folder": folder / "bob-keys", "bob_recipient": bob_recipient, "lead_fp": lead_fp}


def _forged(w: dict, change: Callable[[dict[str, Any]], None], base: str = "payload") -> bytes:
    """Ann's own bundle, changed as a trusted but dishonest assessor would, and signed by her key."""
    data = json.loads(w[base])
    change(data)
    return _signed_by_ann(w, json.dumps(data).encode())


def _assessments(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for c in data["cases"] for a in c["assessments"]]


def _set_all(items: list[dict[str, Any]], key: str, value: Any) -> None:
    for item in items:
        item[key] = value


# Writes a trusted key is not entitled to: each must be refused, or change nothing.
FORGED = {
    "takeover in another's name": lambda w: _forged(w, lambda d: _set_all(_assessments(d), "assessor", "Bob")),
    "new record for an existing case": lambda w: _forged(w, lambda d: _set_all(d["cases"], "id", str(uuid.uuid4()))),
    "case not given to the signer": lambda w: _forged(w, lambda d: _set_all(d["cases"], "id", w["other_case"])),
    "another inspection": lambda w: _forged(w, lambda d: d["inspection"].update(id=str(uuid.uuid4()))),
    "future clock on an old version": lambda w: _forged(w, lambda d: [
        _set_all(a["answers"], "updated_at", "9999-12-31T23:59:59.999Z") for a in _assessments(d)], "old_payload"),
    "past clock on an old version": lambda w: _forged(w, lambda d: [
        _set_all(a["answers"], "updated_at", "1970-01-01T00:00:00.000Z") for a in _assessments(d)], "old_payload"),
    "a forged lead decision": lambda w: _forged(w, lambda d: [
        _set_all(a["answers"], "origin", "lead") for a in _assessments(d)]),
}


def _carl_writes_anns_work(w: dict) -> bytes:
    """Carl is trusted, as Carl: a file of Ann's work signed by his key."""
    return seal(w["payload"], "export", w["carl_key"], "Ann", "2026-01-01T00:00:00.000Z",
                recipients=[w["lead_recipient"]])


OTHERS = {
    "revoked key": lambda w: w["bob_export"],
    "another trusted assessor writes Ann's work": _carl_writes_anns_work,
}


def _pack_to_bob_from_a_stranger(w: dict) -> bytes:
    """A well-formed pack encrypted to Bob's key, signed by a key that is not the lead's."""
    from exports import pack as pack_fmt

    pack = pack_fmt.parse(json.dumps({"format": "case-assessor-pack", "format_version": 1,
                                                 "inspection": {"id": str(uuid.uuid4()), "name": "Phish",
                                                                "question_set_id": "iaow-2013",
                                                                "question_set_version": "1", "created_at": ""},
                                                 "assessor": "Bob", "cases": [],
                                                 "lead": {"name": "Lead", "age_recipient": w["lead_recipient"],
                                                          "signing_key": base64.b64encode(
                                                              w["stranger"].public_bytes).decode()}}).encode())
    return seal(pack_fmt.to_bytes(pack), "pack", w["stranger"], "Lead", "2026-01-01T00:00:00.000Z",
                recipients=[w["bob_recipient"]])


# Imported on Bob's laptop, confirming the lead's real fingerprint: each must be refused, his database unchanged.
PACKS = {
    "Ann's pack opened by Bob": lambda w: w["ann_pack"],
    "pack to Bob from an unconfirmed key": _pack_to_bob_from_a_stranger,
}


def _to_lead(w: dict, raw: bytes) -> bytes:
    """Bytes encrypted to the lead: anyone holding a pack (it carries the lead's recipient) can do this."""
    return pyrage.encrypt(raw, [x25519.Recipient.from_str(w["lead_recipient"])])


def _signed_by_ann(w: dict, payload: bytes) -> bytes:
    """A hostile payload in a validly signed envelope from the trusted assessor's key."""
    return seal(payload, "export", w["ann_key"], "Ann", "2026-01-01T00:00:00.000Z", recipients=[w["lead_recipient"]])


_DIGITS = b"1" + b"0" * 100_000
# Hostile input inside and outside the encryption: each must be refused with a reason, never a traceback.
HOSTILE = {
    "deep nesting outside": lambda w: b"[" * 100_000,
    "deep nesting in envelope": lambda w: _to_lead(w, b"[" * 100_000),
    "huge integer in envelope": lambda w: _to_lead(w, b'{"format": "case-assessor-signed", "format_version": '
                                                 + _DIGITS + b"}"),
    "wrong types in envelope": lambda w: _to_lead(w, b'{"format": "case-assessor-signed", "format_version": 1, '
                                                b'"kind": "export", "signer": ["Ann"], "signed_at": 1, '
                                                b'"signature": null, "payload": {}}'),
    "deep nesting in signed payload": lambda w: _signed_by_ann(w, b"[" * 1_000),
    "huge integer in signed payload": lambda w: _signed_by_ann(w, b'{"format": "case-assessor-bundle", '
                                                               b'"format_version": ' + _DIGITS + b"}"),
    "wrong types in signed payload": lambda w: _signed_by_ann(w, b'{"format": "case-assessor-bundle", '
                                                              b'"format_version": 1, "cases": {"a": 1}}'),
}


def corruptions(w: dict, n: int, rng: random.Random):
    good = w["good"]
    kinds = ["bit flip"] * 6 + ["truncation"] * 2 + ["wrong key", "unknown signer", "swapped signer", "replay",
                                                    "newer version"] + list(HOSTILE) + list(FORGED) + list(OTHERS) + list(PACKS)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "bit flip":
            b = bytearray(good)
            pos = rng.randrange(len(b))
            b[pos] ^= 1 << rng.randrange(8)
            yield kind, bytes(b)
        elif kind == "truncation":
            yield kind, good[: rng.randrange(len(good))]
        elif kind == "wrong key":
            other = x25519.Identity.generate().to_public()
            yield kind, seal(w["payload"], "export", w["ann_key"], "Ann", "2026-01-01T00:00:00.000Z",
                             recipients=[str(other)])
        elif kind == "unknown signer":
            yield kind, seal(w["payload"], "export", w["stranger"], f"Stranger {i}", "2026-01-01T00:00:00.000Z",
                             recipients=[w["lead_recipient"]])
        elif kind == "swapped signer":
            # Ann's name and key, but the signature of another key: re-encrypt a doctored envelope
            sealed = seal(w["payload"], "export", w["stranger"], "Ann", "2026-01-01T00:00:00.000Z",
                          recipients=[w["lead_recipient"]])
            from ui.ops import exchange

            env = json.loads(pyrage.decrypt(sealed, [exchange.lead_identity()]))
            env["signer"]["public_key"] = base64.b64encode(w["ann_key"].public_bytes).decode()
            yield kind, pyrage.encrypt(json.dumps(env).encode(), [x25519.Recipient.from_str(w["lead_recipient"])])
        elif kind == "replay":
            yield kind, w["old"]
        elif kind in HOSTILE:
            yield kind, HOSTILE[kind](w)
        elif kind in FORGED:
            yield kind, FORGED[kind](w)
        elif kind in OTHERS:
            yield kind, OTHERS[kind](w)
        elif kind in PACKS:
            yield kind, PACKS[kind](w)
        else:
            sealed = seal(w["payload"], "export", w["ann_key"], "Ann", "2026-01-01T00:00:00.000Z",
                          recipients=[w["lead_recipient"]])
            from ui.ops import exchange

            env = json.loads(pyrage.decrypt(sealed, [exchange.lead_identity()]))
            env["format_version"] = 2
            yield kind, pyrage.encrypt(json.dumps(env).encode(), [x25519.Recipient.from_str(w["lead_recipient"])])


def run(n: int, seed: int, folder: Path) -> dict:
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    w = build(folder)
    lead: Store = w["lead"]
    before = _db_hash(lead)
    rng = random.Random(seed)
    by_kind: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    failures = []
    bob_before = _db_hash(w["bob"])
    for i, (kind, data) in enumerate(corruptions(w, n, rng)):
        p = folder / f"t{i}.export"
        p.write_bytes(data)
        by_kind[kind] += 1
        if kind in PACKS:
            ok, status, reason = _import_on_bobs_laptop(w, p)
            ok = ok and _db_hash(w["bob"]) == bob_before
            r = None
        else:
            r = exchange.merge_files(Workspace(lead), [p]).files[0]
            status, reason = r.status, r.reason
            ok = r.status in ("refused", "unchanged") and bool(r.reason) and _db_hash(lead) == before
        if ok:
            refused[kind] += 1
        else:
            failures.append((kind, status, reason))
        p.unlink()
    lead.close()
    w["bob"].close()
    return {"n": sum(by_kind.values()), "rejected": sum(refused.values()), "by_kind": dict(by_kind),
            "failures": failures[:10]}


def _import_on_bobs_laptop(w: dict, path: Path) -> tuple[bool, str, str]:
    """(refused with a reason, status, reason) for a pack imported by Bob."""
    from ui.ops import exchange
    from ui.ops.errors import OpError
    from ui.ops.workspace import Workspace

    os.environ["CASE_ASSESSOR_KEYS"] = str(w["bob_folder"])
    try:
        exchange.import_pack(Workspace(w["bob"]), path, None, lead_fingerprint=w["lead_fp"])
    except OpError as e:
        return "Nothing was changed" in str(e), "refused", str(e)
    finally:
        os.environ["CASE_ASSESSOR_KEYS"] = str(path.parent / "lead-keys")
    return False, "imported", ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from bench.custody import passphrase_custody

    with tempfile.TemporaryDirectory() as d, passphrase_custody(Path(d)):
        r = run(args.n, args.seed, Path(d))
    print(f"attacks tried={r['n']} accepted={r['n'] - r['rejected']} "
          f"database unchanged={'yes' if r['rejected'] == r['n'] else 'no'} kinds={r['by_kind']}")
    for f in r["failures"]:
        print("NOT REJECTED:", f)
    return 0 if r["rejected"] == r["n"] else 1


if __name__ == "__main__":
    sys.exit(main())
