"""Operations for moving work between laptops (Qt-free): inspection packs,
signed and encrypted exports, the lead inspector's merge, conflicts and
assessor agreement."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exports import bundle as bundle_mod
from exports.files import atomic_write
from exports.secure import (
    MAX_FILE_BYTES,
    SecureError,
    load_or_create_age_identity,
    load_or_create_signing_key,
    open_sealed,
    seal,
)
from models.agreement import AgreementReport, Pair, agreement
from storage import merge as merge_sql
from storage.store import Store, now
from ui.ops import OpError, catalog, data_path, find_inspection, question_set_for

log = logging.getLogger("case_assessor.exchange")

PACK = "case-assessor-pack"


def keys_dir() -> Path:
    return data_path("CASE_ASSESSOR_KEYS", "keys")


def signing_key() -> Any:
    return load_or_create_signing_key(keys_dir() / "signing-ed25519.pem")


def lead_identity() -> Any:
    return load_or_create_age_identity(keys_dir() / "lead-x25519.age")


def my_fingerprint() -> str:
    return str(signing_key().fingerprint)


def _read_secret(path: str | Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8").strip("\n")
    except OSError as e:
        raise OpError(f"{path}: the passphrase file cannot be read ({e.strerror or e})") from e
    if not text:
        raise OpError(f"{path}: the passphrase file is empty")
    return text


def _who(store: Store) -> str:
    name = store.get_setting("assessor_name") or os.environ.get("USER") or "unknown"
    ident = store.get_setting("assessor_id") or ""
    return f"{name} ({ident})" if ident else name


# ---------------------------------------------------------------------------
# Inspection pack: lead inspector -> assessor
# ---------------------------------------------------------------------------


def make_pack(store: Store, inspection_id: str, assessor: str, out: Path, passphrase_file: str | None,
              case_refs: Sequence[str] | None = None) -> int:
    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    passphrase = _read_secret(passphrase_file)
    if not passphrase:
        raise OpError("a pack carries case details, so it is encrypted to a passphrase: give --passphrase-file")
    cases = store.list_cases(ins.id)
    if case_refs:
        wanted = set(case_refs)
        missing = wanted - {c.reference for c in cases}
        if missing:
            raise OpError(f"no such cases in {ins.name}: {', '.join(sorted(missing))}")
        cases = [c for c in cases if c.reference in wanted]
    key = signing_key()
    ident = lead_identity()
    payload = json.dumps({
        "format": PACK, "format_version": 1,
        "inspection": {"id": ins.id, "name": ins.name, "area": ins.area, "question_set_id": qs.id,
                       "question_set_version": qs.version, "start_date": ins.start_date, "end_date": ins.end_date,
                       "created_at": ins.created_at},
        "assessor": assessor,
        "cases": [{"id": c.id, "reference": c.reference, "details": c.details, "created_at": c.created_at,
                   "updated_at": c.updated_at} for c in cases],
        "lead": {"name": _who(store), "age_recipient": str(ident.to_public()),
                 "signing_key": base64.b64encode(key.public_bytes).decode()},
    }, sort_keys=True).encode()
    atomic_write(Path(out), seal(payload, "pack", key, _who(store), now(), passphrase=passphrase))
    return len(cases)


def import_pack(store: Store, path: Path, passphrase_file: str | None) -> str:
    data = _read_file(Path(path))
    try:
        opened = open_sealed(data, passphrase=_read_secret(passphrase_file), kind="pack")
    except SecureError as e:
        raise OpError(f"{path}: {e}. Nothing was changed.") from e
    try:
        pack = json.loads(opened.payload)
        ins = pack["inspection"]
        lead = pack["lead"]
        if pack.get("format") != PACK or not isinstance(pack.get("cases"), list):
            raise KeyError("format")
        if base64.b64decode(lead["signing_key"]) != opened.signer_key:
            raise OpError(f"{path}: the pack's lead key does not match its signature. Nothing was changed.")
        qs = catalog().get(ins["question_set_id"], ins["question_set_version"])
        rows = []
        for c in pack["cases"]:
            problems = qs.check_details(c["details"])
            if problems:
                raise OpError(f"{path}: case {c['reference']}: {problems[0]}. Nothing was changed.")
            rows.append(c)
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as e:
        raise OpError(f"{path}: not a valid inspection pack ({e}). Nothing was changed.") from e
    from storage.store import CaseRow, InspectionRow

    data_rows = {
        "inspection": InspectionRow(**{k: ins.get(k, "") for k in InspectionRow.__dataclass_fields__}),
        "grades": {},
        "cases": [{"case": CaseRow(id=c["id"], inspection_id=ins["id"], reference=c["reference"], details=c["details"],
                                   created_at=c["created_at"], updated_at=c["updated_at"]), "assessments": []}
                  for c in rows],
    }
    try:
        store.load_inspection(data_rows)
    except ValueError as e:
        raise OpError(f"{path}: {e}") from e
    store.set_setting(f"lead_recipient:{ins['id']}", lead["age_recipient"])
    store.set_setting(f"lead_name:{ins['id']}", str(lead.get("name", "")))
    merge_sql.trust_key(store, opened.fingerprint, lead["signing_key"], str(lead.get("name", "")), "import-pack")
    if not store.get_setting("assessor_name"):
        store.set_setting("assessor_name", str(pack.get("assessor", "")))
    return str(ins["id"])


# ---------------------------------------------------------------------------
# Export: assessor -> lead inspector
# ---------------------------------------------------------------------------


def export_secure(store: Store, inspection_id: str, out: Path, passphrase_file: str | None = None,
                  escrow: Sequence[str] = ()) -> dict[str, Any]:
    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    recipient = store.get_setting(f"lead_recipient:{ins.id}")
    passphrase = _read_secret(passphrase_file)
    if not recipient and not passphrase:
        raise OpError("no inspection pack was imported for this inspection, so the export must be encrypted to a "
                      "passphrase: give --passphrase-file")
    data = bundle_mod.build(store, ins.id, qs)
    payload = bundle_mod.to_bytes(data)
    key = signing_key()
    recipients = ([recipient] if recipient else []) + list(escrow)
    sealed = seal(payload, "export", key, _who(store), now(), recipients=recipients or None,
                  passphrase=None if recipients else passphrase)
    atomic_write(Path(out), sealed)
    return {"cases": len(data["cases"]), "fingerprint": key.fingerprint,
            "encrypted_to": "lead inspector's key" if recipients else "passphrase"}


# ---------------------------------------------------------------------------
# Merge (lead inspector)
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    name: str
    sha256: str
    status: str  # merged / unchanged / refused
    reason: str = ""
    signer: str = ""
    report: dict[str, Any] = field(default_factory=dict)


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise OpError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; refused")
        return path.read_bytes()
    except OSError as e:
        raise OpError(f"{path}: cannot be read ({e.strerror or e})") from e


def merge_files(
    store: Store,
    paths: Sequence[Path],
    *,
    passphrase_file: str | None = None,
    trust: Sequence[str] = (),
    ask_trust: Callable[[str, str], bool] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> tuple[list[FileResult], dict[str, Any]]:
    """Merge each file: size cap, decryption, signature against known
    assessors, strict validation, one transaction.  A bad file changes nothing
    and is reported; the others still merge."""
    passphrase = _read_secret(passphrase_file)
    ident = lead_identity()
    trusted = merge_sql.trusted_keys(store)
    wanted = {t.strip().upper() for t in trust}
    merge_id = str(uuid.uuid4())
    who = _who(store)
    results: list[FileResult] = []

    def merge_one(path: Path) -> FileResult:
        try:
            raw = _read_file(path)
        except OpError as e:
            return FileResult(str(path), "", "refused", str(e))
        sha = hashlib.sha256(raw).hexdigest()
        if merge_sql.already_merged(store, sha):
            return FileResult(str(path), sha, "unchanged", "this exact file was merged before")
        try:
            opened = open_sealed(raw, identities=[ident], passphrase=passphrase, kind="export")
        except SecureError as e:
            return FileResult(str(path), sha, "refused", str(e))
        fp = opened.fingerprint
        signer = f"{opened.signer_name} [{fp}]"
        if fp not in trusted:
            if fp in wanted or (ask_trust is not None and ask_trust(opened.signer_name, fp)):
                merge_sql.trust_key(store, fp, base64.b64encode(opened.signer_key).decode(), opened.signer_name, who)
                trusted[fp] = {"name": opened.signer_name}
            else:
                return FileResult(str(path), sha, "refused",
                                  f"signed by an unknown assessor {opened.signer_name!r} with key {fp}; check the "
                                  "fingerprint with them, then merge again with --trust " + fp, signer)
        try:
            b, _qs = bundle_mod.parse(opened.payload, catalog(), source=path.name)
            report = merge_sql.merge_data(store, bundle_mod.to_store_data(b), file_sha=sha, file_name=path.name,
                                          signer=signer, merge_id=merge_id)
        except bundle_mod.BundleError as e:
            return FileResult(str(path), sha, "refused", str(e), signer)
        except ValueError as e:
            return FileResult(str(path), sha, "refused", f"{e}; nothing was merged from it", signer)
        status = "merged" if (report["new"] or report["updated"] or report["duplicates"]) else "unchanged"
        reason = "" if status == "merged" else "nothing in it is newer than what is already merged"
        return FileResult(str(path), sha, status, reason, signer, report)

    with store.bulk_writes():
        for i, path in enumerate(paths):
            if progress is not None and not progress(i, len(paths)):
                results.append(FileResult(str(path), "", "refused", "cancelled before this file"))
                continue
            results.append(merge_one(Path(path)))
    if progress is not None:
        progress(len(paths), len(paths))
    summary = {
        "files": [{"name": r.name, "sha256": r.sha256, "status": r.status, "reason": r.reason, "signer": r.signer}
                  for r in results],
        "assessors": sorted({a for r in results for a in r.report.get("assessors", [])}),
        "cases_new": sorted({c for r in results for c in r.report.get("new", [])}),
        "cases_updated": sorted({c for r in results for c in r.report.get("updated", [])}),
        "cases_unchanged": sorted({c for r in results for c in r.report.get("unchanged", [])}),
        "duplicates": [d for r in results for d in r.report.get("duplicates", [])],
        "conflicts_open": max([r.report.get("conflicts_open", 0) for r in results] + [0]),
    }
    merge_sql.record_merge(store, merge_id, who, summary)
    return results, summary


def conflicts(store: Store, inspection_id: str, status: str | None = None) -> list[dict[str, Any]]:
    ins = find_inspection(store, inspection_id)
    return merge_sql.list_conflicts(store, ins.id, status)


def resolve(store: Store, conflict_id: str, *, choose: int | None = None, value: Any = None, why: str,
            note: str | None = None) -> None:
    if not why.strip():
        raise OpError("say why (every decision is recorded with who, when and why)")
    found = [c for c in merge_sql.list_conflicts(store, _inspection_of_conflict(store, conflict_id))
             if c["id"].startswith(conflict_id)]
    if len(found) != 1:
        raise OpError(f"no single conflict matches {conflict_id!r}")
    k = found[0]
    if choose is not None:
        if not 1 <= choose <= len(k["versions"]):
            raise OpError(f"choose a side between 1 and {len(k['versions'])}")
        v = k["versions"][choose - 1]
        value, note = v["value"], v["note"] if note is None else note
    ins = store.get_inspection(k["inspection_id"])
    qs = question_set_for(store, ins)
    problem = qs.check_value(k["question_id"], value)
    if problem:
        raise OpError(problem)
    merge_sql.resolve_conflict(store, k["id"], value, note, _who(store), why.strip())


def _inspection_of_conflict(store: Store, conflict_id: str) -> str:
    for ins in store.list_inspections():
        for c in merge_sql.list_conflicts(store, ins.id):
            if c["id"].startswith(conflict_id):
                return ins.id
    raise OpError(f"no conflict matches {conflict_id!r}")


def agreement_report(store: Store, inspection_id: str) -> AgreementReport:
    """Primary reading vs QA second reading, per question, criterion and reader pair."""
    from models.conditions import applicability_fast

    ins = find_inspection(store, inspection_id)
    qs = question_set_for(store, ins)
    by_case: dict[str, dict[str, Any]] = {}
    for case, a, values in merge_sql.all_assessments(store, ins.id):
        slot = by_case.setdefault(case.id, {"case": case, "primary": None, "qa": []})
        if a.kind == "primary" and slot["primary"] is None:
            slot["primary"] = (a, values)
        elif a.kind == "qa":
            slot["qa"].append((a, values))
    pairs: list[Pair] = []
    for slot in by_case.values():
        if slot["primary"] is None:
            continue
        pa, pv = slot["primary"]
        case = slot["case"]
        for qa, qv_values in slot["qa"]:
            app1 = applicability_fast(qs, case.details, pv)
            app2 = applicability_fast(qs, case.details, qv_values)
            for qv in qs.questions:
                if not qv.q.scored or qv.q.per_option_of or qv.scale.kind == "multi":
                    continue
                x, y = pv.get(qv.id), qv_values.get(qv.id)
                if x is None or y is None or app1[qv.id] is not True or app2[qv.id] is not True:
                    continue
                pairs.append(Pair(case.reference, qv.id, qv.criterion.code, str(x), str(y), (pa.assessor, qa.assessor)))
    return agreement(pairs)
