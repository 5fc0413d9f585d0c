"""Moving work between laptops: inspection packs, signed and encrypted exports,
and the lead inspector's merge.  The formats live in ``exports.pack``,
``exports.bundle``, ``exports.secure`` and ``exports.merge_report``."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from exports import bundle as bundle_mod
from exports import merge_report as mr
from exports import pack as pack_fmt
from exports import review_steps
from exports.errors import BundleError
from exports.files import atomic_write
from exports.passphrase import encrypted_to_passphrase
from exports.secure import (
    MAX_FILE_BYTES,
    Opened,
    SecureError,
    open_sealed,
    passphrase_encrypted,
    seal,
)
from models.questionset import QuestionSetError
from storage import merge as merge_sql
from storage.chain import VerifyResult
from storage.merge import same_person
from storage.rows import Authority, CaseDump, CaseRow, InspectionDump, InspectionRow, MergeOutcome
from storage.store import now
from ui.ops import qa as qa_ops
from ui.ops import queries as queries_ops
from ui.ops import review_exchange as review_ops
from ui.ops import unlock
from ui.ops.changes import INSPECTIONS, MERGED, Done, OpChanges
from ui.ops.enrolment import outside_keys_folder, pack_recipient
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.passphrases import require_strong
from ui.ops.trust import Confirm, confirm_fingerprint, refusal, revoked_note
from ui.ops.workspace import Workspace, catalog

log = logging.getLogger("case_assessor.exchange")
MergeReport = mr.MergeReport  # what merge_history gives the screens

# Asked when a file's key is not yet trusted for its inspection: (the name the
# file claims, the key's fingerprint, the inspection's id) -> the assessor's name as the lead types
# it (who the cases were assigned to), or None to refuse the file.
AskTrust = Callable[[str, str, str], "str | None"]


def signing_key() -> Any:
    return unlock.signing_key()  # sealed at rest: the keystore or the passphrase


def lead_identity() -> Any:
    return unlock.age_identity("lead-x25519")


def my_fingerprint() -> str:
    return str(signing_key().fingerprint)


def read_secret(path: str | Path | None) -> str | None:
    """A passphrase from a file (its first line break stripped), or None."""
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8").strip("\n")
    except OSError as e:
        raise OpError(f"{path}: the passphrase file cannot be read ({e.strerror or e})") from e
    except UnicodeDecodeError:
        raise OpError(f"{path}: the passphrase file is not text") from None
    if not text:
        raise OpError(f"{path}: the passphrase file is empty")
    return text


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise OpError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; refused")
        return path.read_bytes()
    except OSError as e:
        raise OpError(f"{path}: cannot be read ({e.strerror or e})") from e


def needs_passphrase(ws: Workspace, inspection_id: str) -> bool:
    """True when no pack was imported for the inspection, so an export must use a passphrase."""
    return not ws.setting(f"lead_recipient:{inspection_id}")


# ---------------------------------------------------------------------------
# Inspection pack: lead inspector -> assessor
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PackDone(Done):
    """A pack made or taken in: ``queries``, how many of the lead's queries it
    carried; ``later``, a later pack for an inspection already here (then
    ``count`` is the cases it returned to the assessor)."""

    queries: int = 0
    later: bool = False


def make_pack(ws: Workspace, inspection_id: str, assessor: str, out: Path, passphrase_file: str | None = None,
              case_refs: Sequence[str] | None = None, *, allow_new_cases: bool = False,
              passphrase: str | None = None, qa: bool = False, returns: bool = False) -> PackDone:
    """A pack of cases for one assessor, signed by the lead and encrypted to
    the assessor's enrolled key alone (``enrol-import``); before they enrol,
    to a strong passphrase (``passphrase_file`` or ``passphrase``) for a first
    contact.  The cases are recorded as assigned to them: only their files
    signed by a key trusted as them may write those cases (and add new ones,
    if ``allow_new_cases``).  ``qa``: a QA reader's pack of their QA reads
    (``ui.ops.qa``), blind: like every pack it carries no answers, notes or scores.
    Every primary pack carries the lead's review steps on the assessor's
    readings (returns and their comments, ``ui.ops.review``) and the lead's
    queries on its cases (``ui.ops.queries``); ``returns``: a return pack, the
    steps and all of the assessor's queries, and no cases."""
    assessor = assessor.strip()
    if not assessor:
        raise OpError("name the assessor the pack is for")
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    to_key = pack_recipient(ws, ins.id, assessor)
    secret = _pack_secret(assessor, to_key is not None, passphrase, passphrase_file)
    cases = ws.cases(ins.id)
    steps = [] if qa else review_ops.pack_steps(ws, ins.id, assessor)
    queries = queries_ops.pack_section(ws, ins.id, assessor)
    if returns:
        cases = review_ops.return_pack_cases(ins.name, assessor, qa, case_refs, steps, len(queries))
    elif qa:
        cases = qa_ops.pack_cases(ws, ins.id, assessor, case_refs)
    elif case_refs:
        wanted = set(case_refs)
        missing = wanted - {c.reference for c in cases}
        if missing:
            raise OpError(f"no such cases in {ins.name}: {', '.join(sorted(missing))}")
        cases = [c for c in cases if c.reference in wanted]
    if not returns:  # a pack's queries are on its own cases (a QA reading is never queried: it is blind)
        given = {c.id for c in cases}
        queries = [] if qa else [q for q in queries if q.case_id in given]
    key = signing_key()
    ident = lead_identity()
    pack = pack_fmt.Pack(
        format="case-assessor-pack", format_version=1,
        inspection=pack_fmt.PackInspection(
            id=ins.id, name=ins.name, area=ins.area, question_set_id=qs.id, question_set_version=qs.version,
            start_date=ins.start_date, end_date=ins.end_date, created_at=ins.created_at),
        assessor=assessor, reading="qa" if qa else "primary",
        cases=[pack_fmt.PackCase(id=c.id, reference=c.reference, details=c.details, created_at=c.created_at,
                                 updated_at=c.updated_at, details_seq=c.details_seq) for c in cases],
        lead=pack_fmt.PackLead(name=ws.who(), age_recipient=str(ident.to_public()),
                               signing_key=base64.b64encode(key.public_bytes).decode()),
        review=[review_steps.LeadStep.model_validate(d) for d in review_steps.to_json(steps)],
        queries=queries,
    )
    check_output(ws, Path(out), [Path(passphrase_file)] if passphrase_file else [])
    outside_keys_folder(Path(out))
    # recorded first: a pack must never exist whose cases the lead's database does not give out
    merge_sql.assign(ws.store, ins.id, [c.id for c in cases], assessor, "qa" if qa else "primary")
    if not qa and not returns:
        ws.set_setting(f"may_add_cases:{ins.id}:{assessor}", "1" if allow_new_cases else "0")
    atomic_write(Path(out), seal(pack_fmt.to_bytes(pack), "pack", key, ws.who(), now(),
                                 recipients=[to_key.age_recipient] if to_key else None, passphrase=secret))
    return PackDone(len(cases), ins.id, queries=len(queries))


def _pack_secret(assessor: str, enrolled: bool, passphrase: str | None, passphrase_file: str | None) -> str | None:
    """The passphrase a pack is encrypted to: none for an enrolled assessor
    (their key), a strong one for a first contact.  OpError otherwise."""
    secret = passphrase if passphrase is not None else read_secret(passphrase_file)
    if enrolled:
        if secret:
            raise OpError(f"{assessor} has enrolled: the pack is encrypted to their key alone, so no passphrase is "
                          "needed (leave it out). Nothing was written.")
        return None
    if not secret:
        raise OpError(f"{assessor} has not enrolled for this inspection, so the pack cannot be encrypted to them "
                      "alone: import their enrolment file ('enrol-import'), or for a first contact give a strong "
                      "passphrase (--passphrase-file; 'new-passphrase' makes one). Nothing was written.")
    require_strong(secret)
    return secret


def _pack_rows(path: Path, pack: pack_fmt.Pack) -> InspectionDump:
    """The pack's inspection and cases as the store loads them (details checked)."""
    try:
        qs = catalog().get(pack.inspection.question_set_id, pack.inspection.question_set_version)
    except QuestionSetError as e:
        raise OpError(f"{path}: {e}. Nothing was changed.") from e
    p = pack.inspection
    ins = InspectionRow(id=p.id, name=p.name, area=p.area, question_set_id=p.question_set_id,
                        question_set_version=p.question_set_version, start_date=p.start_date,
                        end_date=p.end_date, created_at=p.created_at)
    cases = []
    for c in pack.cases:
        problems = qs.check_details(c.details)
        if problems:
            raise OpError(f"{path}: case {c.reference}: {problems[0]}. Nothing was changed.")
        cases.append(CaseDump(CaseRow(id=c.id, inspection_id=p.id, reference=c.reference, details=c.details,
                                      created_at=c.created_at, updated_at=c.updated_at, details_seq=c.details_seq),
                              []))
    return InspectionDump(ins, cases)


def import_pack(ws: Workspace, path: Path, passphrase_file: str | None = None, *,
                lead_fingerprint: str | None = None, confirm: Confirm | None = None) -> PackDone:
    """Set up from a pack: decrypted with this user's key (or the pack's
    passphrase), its signature checked, and its lead's key confirmed by the
    assessor before anything is stored (``lead_fingerprint`` as the lead read it
    out, or ``confirm`` answered yes).  A pack from a revoked key is refused."""
    opened, pack = _open_pack(Path(path), read_secret(passphrase_file))
    fp = opened.fingerprint
    revoked = refusal(ws, fp)
    if revoked:
        raise OpError(f"{path}: {revoked}. Nothing was changed.")
    iid = pack.inspection.id
    held = _held_from(ws, Path(path), pack, fp)
    queries_ops.check_pack(ws, Path(path), pack.assessor, {c.id for c in pack.cases}, list(pack.queries))
    if held:  # a later pack: the lead's review steps and queries on cases here
        returned = review_ops.apply_pack_steps(ws, review_steps.to_rows(pack.review), pack.assessor, str(path))
        received = queries_ops.receive(ws, iid, pack.assessor, list(pack.queries))
        return PackDone(returned, iid, INSPECTIONS, queries=received, later=True)
    confirm_fingerprint(fp, pack.lead.name, given=lead_fingerprint, confirm=confirm, whose="the lead inspector")
    rows = _pack_rows(Path(path), pack)
    try:
        ws.store.load_inspection(rows, ws.who())
    except ValueError as e:
        raise OpError(f"{path}: {e}") from e
    n_queries = queries_ops.receive(ws, iid, pack.assessor, list(pack.queries))
    ws.set_setting(f"lead_recipient:{iid}", pack.lead.age_recipient)
    ws.set_setting(f"lead_name:{iid}", pack.lead.name)
    ws.set_setting(f"lead_fingerprint:{iid}", fp)
    ws.set_setting(f"reading_kind:{iid}", pack.reading)
    merge_sql.trust_key(ws.store, fp, pack.lead.signing_key, pack.lead.name, ws.who())
    if not ws.setting("assessor_name"):
        ws.set_setting("assessor_name", pack.assessor)
    return PackDone(len(pack.cases), iid, INSPECTIONS, queries=n_queries)


def _held_from(ws: Workspace, path: Path, pack: pack_fmt.Pack, fp: str) -> bool:
    """True when the pack's inspection is here already (a later pack, e.g.
    queries only): then it must come from the lead key the inspection was set
    up from, for the same assessor, and hold no case not here."""
    iid = pack.inspection.id
    if not any(i.id == iid for i in ws.inspections()):
        return False
    if ws.setting(f"lead_fingerprint:{iid}") != fp:
        raise OpError(f"{path}: inspection {pack.inspection.name!r} is here already, and this pack is not signed by the "
                      "lead key it was set up from. Nothing was changed.")
    if not same_person(ws.who(), pack.assessor) and ws.setting("assessor_name") != pack.assessor:
        raise OpError(f"{path}: this pack is for {pack.assessor}. Nothing was changed.")
    new = [c.reference for c in pack.cases if not ws.has_case(c.id)]
    if new:
        raise OpError(f"{path}: inspection {pack.inspection.name!r} is here already and the pack holds cases not here "
                      f"({', '.join(new[:5])}); only a first pack sets cases up. Nothing was changed.")
    return True


def _open_pack(path: Path, passphrase: str | None) -> tuple[Opened, pack_fmt.Pack]:
    """Decrypt, verify and parse a pack; OpError says why not."""
    data = _read_file(path)
    to_passphrase = encrypted_to_passphrase(data)
    if to_passphrase and not passphrase:
        raise OpError(f"{path}: this pack is encrypted to a passphrase: give it (--passphrase-file). "
                      "Nothing was changed.")
    try:
        opened = open_sealed(data, identities=None if to_passphrase else [lead_identity()],
                             passphrase=passphrase if to_passphrase else None, kind="pack")
    except SecureError as e:
        why = str(e)
        if "not encrypted to" in why:  # no stanza for this user's key
            why = (f"it is encrypted to another person's key, not yours ({my_fingerprint()}): it was made for someone "
                   "else, or for a key you no longer have")
        raise OpError(f"{path}: {why}. Nothing was changed.") from None
    try:
        pack = pack_fmt.parse(opened.payload)
    except pack_fmt.PackError as e:
        raise OpError(f"{path}: {e}. Nothing was changed.") from e
    if pack.lead.signing_key_bytes() != opened.signer_key:
        raise OpError(f"{path}: the pack's lead key does not match its signature. Nothing was changed.")
    return opened, pack


# ---------------------------------------------------------------------------
# Export: assessor -> lead inspector
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    cases: int
    fingerprint: str
    encrypted_to: str  # "lead inspector's key" or "passphrase"


def export_secure(ws: Workspace, inspection_id: str, out: Path, passphrase_file: str | None = None,
                  escrow: Sequence[str] = ()) -> Exported:
    ins = ws.find_inspection(inspection_id)
    qs = ws.question_set(ins)
    recipient = ws.setting(f"lead_recipient:{ins.id}")
    passphrase = read_secret(passphrase_file)
    if not recipient and not passphrase:
        raise OpError("no inspection pack was imported for this inspection, so the export must be encrypted to a "
                      "passphrase: give --passphrase-file")
    lead_fp = ws.setting(f"lead_fingerprint:{ins.id}")
    revoked = revoked_note(ws, lead_fp) if recipient and lead_fp else None
    if revoked:
        raise OpError(f"the export was not written: the lead inspector's key is revoked ({revoked}). Ask the lead "
                      "inspector for a pack from their new key.")
    if not recipient and passphrase:
        require_strong(passphrase)
    planned = review_ops.plan_submissions(ws, ins.id)
    data = bundle_mod.build(ws.store, ins.id, qs, review=review_ops.export_steps(ws, ins.id, planned))
    key = signing_key()
    recipients = ([recipient] if recipient else []) + list(escrow)
    try:
        sealed = seal(bundle_mod.to_bytes(data), "export", key, ws.who(), now(), recipients=recipients or None,
                      passphrase=None if recipients else passphrase)
    except SecureError as e:
        raise OpError(f"the export was not written: {e}") from e
    check_output(ws, Path(out), [Path(passphrase_file)] if passphrase_file else [])
    atomic_write(Path(out), sealed)
    review_ops.commit_submissions(ws, planned)  # submitted once the file is written
    return Exported(len(data["cases"]), key.fingerprint, "lead inspector's key" if recipients else "passphrase")


# ---------------------------------------------------------------------------
# Merge (lead inspector)
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    name: str
    sha256: str
    status: mr.Status
    reason: str = ""
    signer: str = ""
    report: MergeOutcome | None = None  # what a merged file changed
    locked: bool = False  # encrypted to a passphrase that was not given or does not open it
    untrusted: str = ""  # the fingerprint of a signing key the lead has not (yet) trusted

    def outcome(self) -> mr.FileOutcome:
        return mr.FileOutcome(name=self.name, sha256=self.sha256, status=self.status, reason=self.reason,
                              signer=self.signer)


@dataclass
class _MergeRun:
    """One merge's context: how to decrypt, and who the lead trusts as whom."""

    ws: Workspace
    identity: Any
    passphrase: str | None
    wanted: dict[str, str]  # fingerprint -> the assessor's name, as the lead gave it (--trust NAME=FINGERPRINT)
    ask_trust: AskTrust | None
    merge_id: str
    results: list[FileResult] = field(default_factory=list)

    def _report_with(self, path: Path, sha: str, signer: str, b: bundle_mod.Bundle,
                     auth: Authority) -> Callable[[Any, MergeOutcome], None]:
        """Merges the file's query replies and brings the stored report up to
        date, inside the file's own transaction."""
        def write(c: Any, out: MergeOutcome) -> None:
            out.queries = queries_ops.merge_replies(c, auth.inspection_id, auth.assessor, auth.assigned, b.queries,
                                                    self.ws.who())
            this = FileResult(str(path), sha, "merged" if out.changed else "unchanged", "", signer, out)
            report = _report(self.ws, self.merge_id, [*self.results, this])
            merge_sql.write_report(c, self.merge_id, self.ws.who(), report.model_dump(mode="json"))
        return write

    def authority(self, opened: Opened, inspection_id: str) -> tuple[Authority | None, Any]:
        """The signer's authority in the inspection, and the trust to record
        with the file (inside its transaction, so a refused file leaves no trust
        behind).  The key is trusted as the assessor the lead names, never by the
        file's own claim; a --trust naming someone else than the key is already
        trusted as is refused.  Whether new cases may be added is read now, from
        the assessor's latest pack."""
        store = self.ws.store
        fp = opened.fingerprint
        auth = merge_sql.authority(store, fp, inspection_id)
        wanted = self.wanted.get(fp)
        if auth is not None:
            if wanted is not None and not merge_sql.same_person(wanted, auth.assessor):
                raise merge_sql.ScopeError(f"this key is already trusted as {auth.assessor!r} for this inspection, "
                                           f"not {wanted!r}")
            return replace(auth, may_add_cases=self._may_add(inspection_id, auth.assessor)), None
        name = wanted
        if name is None and self.ask_trust is not None:
            name = self.ask_trust(opened.signer_name, fp, inspection_id)
        if not name or not name.strip():
            return None, None
        name = name.strip()
        assigned = merge_sql.assigned_cases(store, inspection_id, name)
        auth = Authority(fp, inspection_id, name, assigned, self._may_add(inspection_id, name))
        key = base64.b64encode(opened.signer_key).decode()

        def grant(c: Any) -> None:
            merge_sql.grant_in(c, fp, key, inspection_id, name, self.ws.who(), auth.may_add_cases)

        return auth, grant

    def _may_add(self, inspection_id: str, assessor: str) -> bool:
        return self.ws.setting(f"may_add_cases:{inspection_id}:{assessor}") == "1"

    def merge_one(self, path: Path) -> FileResult:
        try:
            raw = _read_file(path)
        except OpError as e:
            return FileResult(str(path), "", "refused", str(e))
        sha = hashlib.sha256(raw).hexdigest()
        store = self.ws.store
        if merge_sql.already_merged(store, sha):
            return FileResult(str(path), sha, "unchanged", "this exact file was merged before")
        try:
            opened = open_sealed(raw, identities=[self.identity], passphrase=self.passphrase, kind="export")
        except SecureError as e:
            return FileResult(str(path), sha, "refused", str(e), locked=passphrase_encrypted(raw))
        fp = opened.fingerprint
        signer = f"{opened.signer_name} [{fp}]"
        revoked = refusal(self.ws, fp)
        if revoked:
            return FileResult(str(path), sha, "refused", revoked, signer)
        try:
            b, _qs = bundle_mod.parse(opened.payload, catalog(), source=path.name)
        except BundleError as e:
            return FileResult(str(path), sha, "refused", str(e), signer)
        try:
            auth, grant = self.authority(opened, b.inspection.id)
        except merge_sql.ScopeError as e:
            return FileResult(str(path), sha, "refused", f"{e}; nothing was merged from it", signer)
        if auth is None:
            return FileResult(str(path), sha, "refused",
                              f"signed by a key not trusted for this inspection ({fp}; the file says it is from "
                              f"{opened.signer_name!r}). Check the fingerprint with the assessor, then merge it "
                              "again and trust the key as them", signer, untrusted=fp)
        signer = f"{auth.assessor} [{fp}]"
        try:
            report = merge_sql.merge_data(store, bundle_mod.to_store_data(b), auth, file_sha=sha,
                                          file_name=path.name, signer=signer, merge_id=self.merge_id,
                                          on_commit=review_ops.with_submissions(
                                              b.review, auth.assessor, self._report_with(path, sha, signer, b, auth)),
                                          on_begin=grant)
        except (merge_sql.ScopeError, queries_ops.QueryScopeError) as e:
            return FileResult(str(path), sha, "refused", f"{e}; nothing was merged from it", signer)
        status: mr.Status = "merged" if report.changed else "unchanged"
        reason = "" if status == "merged" else "nothing in it is newer than what is already merged"
        return FileResult(str(path), sha, status, reason, signer, report)


@dataclass(frozen=True)
class Merged:
    files: list[FileResult]
    report: mr.MergeReport
    changes: OpChanges = MERGED


def assessors_with_cases(ws: Workspace, inspection_id: str) -> list[str]:
    """The assessors the lead has given cases to in the inspection (packs made)."""
    return merge_sql.assigned_assessors(ws.store, inspection_id)


_FINGERPRINT = re.compile(r"^[0-9A-F]{4}(-[0-9A-F]{4}){4}$")


def parse_trust(items: Sequence[str]) -> dict[str, str]:
    """``NAME=FINGERPRINT`` items as {fingerprint: name}; a bare fingerprint, a
    malformed one, or one key given two names is refused."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, fp = item.rpartition("=")
        if not sep or not name.strip() or not fp.strip():
            raise OpError(f"--trust {item!r}: say whose key it is, as NAME=FINGERPRINT (the assessor's name as "
                          "their cases were assigned)")
        fp = fp.strip().upper()
        if not _FINGERPRINT.match(fp):
            raise OpError(f"--trust {item!r}: {fp!r} is not a key fingerprint (five groups of four, as "
                          "'python main.py key' shows it)")
        if fp in out and out[fp] != name.strip():
            raise OpError(f"--trust names the key {fp} twice, as {out[fp]!r} and {name.strip()!r}")
        out[fp] = name.strip()
    return out


def _report(ws: Workspace, merge_id: str, results: list[FileResult]) -> mr.MergeReport:
    outcomes = [r.report for r in results if r.report is not None]
    return mr.MergeReport(
        merge_id=merge_id, at=now(), who=ws.who(),
        files=[r.outcome() for r in results],
        assessors=sorted({a for o in outcomes for a in o.assessors}),
        cases_new=sorted({c for o in outcomes for c in o.new}),
        cases_updated=sorted({c for o in outcomes for c in o.updated}),
        cases_unchanged=sorted({c for o in outcomes for c in o.unchanged}),
        cases_added=sorted({c for o in outcomes for c in o.added}),
        held=sorted({h for o in outcomes for h in o.held}),
        cases_in_bin=sorted({c for o in outcomes for c in o.in_bin}),
        cases_submitted=sorted({c for o in outcomes for c in o.submitted}),
        conflicts_open=max([o.conflicts_open for o in outcomes] + [0]),
        queries=sorted({q for o in outcomes for q in o.queries}),
    )


def merge_files(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    passphrase_file: str | None = None,
    passphrase: str | None = None,
    trust: Sequence[str] = (),
    ask_trust: AskTrust | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> Merged:
    """Merge each file as its own unit: size cap, decryption, signature, strict
    validation, the signer's authority, one transaction.  A bad file changes
    nothing and is reported; the others still merge.  The report is stored
    after every file, so a merge stopped half way still says what it did.
    Files encrypted to a passphrase open with ``passphrase`` (or the one in
    ``passphrase_file``); :func:`passphrase_files` says which need one."""
    audit = _verify_audit_since_last_merge(ws)
    if not audit.ok:
        raise OpError(f"the audit trail of this database is broken ({audit.describe()}); nothing was merged. "
                      "Run 'verify' and restore a backup.")
    run = _MergeRun(ws, lead_identity(), passphrase or read_secret(passphrase_file), parse_trust(trust), ask_trust,
                    str(uuid.uuid4()))
    results = run.results
    with ws.store.bulk_writes():
        for i, path in enumerate(paths):
            if progress is not None and not progress(i, len(paths)):
                results.append(FileResult(str(path), "", "refused", "cancelled before this file"))
            else:
                results.append(run.merge_one(Path(path)))
            if results[-1].status != "merged":  # a merged file's report was written in its own transaction
                merge_sql.record_merge(ws.store, run.merge_id, ws.who(),
                                       _report(ws, run.merge_id, results).model_dump(mode="json"))
    if progress is not None:
        progress(len(paths), len(paths))
    report = _report(ws, run.merge_id, results)
    merge_sql.record_merge(ws.store, run.merge_id, ws.who(), report.model_dump(mode="json"))
    head = ws.store.audit_head()
    if head is not None:
        ws.set_setting("audit_checked_through", f"{head[0]}:{head[1]}")
    return Merged(results, report)


def passphrase_files(paths: Sequence[Path]) -> list[Path]:
    """The files among ``paths`` encrypted to a passphrase (an assessor without a
    pack exports so), read from their headers; unreadable files are left to the merge."""
    out = []
    for p in paths:
        try:
            with open(p, "rb") as f:
                head = f.read(8192)
        except OSError:
            continue
        if passphrase_encrypted(head):
            out.append(Path(p))
    return out


def _verify_audit_since_last_merge(ws: Workspace) -> VerifyResult:
    """The audit chain from the point the last merge left it (the whole chain
    the first time; ``verify`` always checks it all)."""
    mark = ws.setting("audit_checked_through") or ""
    row_id, _sep, chain_value = mark.partition(":")
    since = (int(row_id), chain_value) if row_id.isdigit() and chain_value else None
    return ws.store.verify_audit(since)


def write_merge_report(report: mr.MergeReport, out: Path, ws: Workspace | None = None,
                       inputs: Sequence[Path] = ()) -> None:
    check_output(ws, Path(out), inputs)
    atomic_write(Path(out), mr.to_bytes(report))


def merge_history(ws: Workspace) -> list[mr.MergeReport]:
    """Every merge recorded in this database, oldest first."""
    out = []
    for m in merge_sql.merge_reports(ws.store):
        try:
            out.append(mr.parse(m["report_json"], merge_id=m["id"], at=m["at"], who=m["who"]))
        except mr.MergeReportError:
            log.warning("a stored merge report could not be read")
    return out
