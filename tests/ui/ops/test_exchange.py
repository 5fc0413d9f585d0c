"""Packs, signed and encrypted exports, the merge, conflicts and agreement."""

from __future__ import annotations

import io
import itertools
import json
import shutil
from pathlib import Path

import pytest

from main import run_cli
from models.agreement import cohen_kappa
from models.questionset import builtin_catalog
from storage import merge as merge_sql
from storage.store import Store
from ui.ops import conflicts as conflict_ops
from ui.ops import exchange, printing
from ui.ops.errors import OpError
from ui.ops.moderation import agreement_report
from ui.ops.workspace import Workspace

QS = builtin_catalog().get("iaow-2013")
# First contact (before enrolment): each assessor has a passphrase of their own, strong enough to encrypt with.
ANN_PW = "kettle prism oyster gallon jigsaw"
BOB_PW = "walrus tundra pebble cactus violin"
SAMPLE = "reference,case_type,rosh_level,requirements\n" + "\n".join(
    f"R-{i},licence,medium,supervision" for i in range(1, 5)
) + "\n"


class Person:
    """One laptop: its own database and its own keys."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root / name
        self.root.mkdir()
        self.keys = self.root / "keys"
        self.db = self.root / "db.sqlite3"
        self.name = name

    def __enter__(self) -> Store:
        import os

        self._old = os.environ.get("CASE_ASSESSOR_KEYS")
        os.environ["CASE_ASSESSOR_KEYS"] = str(self.keys)
        self.store = Store(self.db)
        if not self.store.get_setting("assessor_name"):
            self.store.set_setting("assessor_name", self.name)
        return self.store

    def __exit__(self, *exc) -> None:
        import os

        self.store.close()
        if self._old is None:
            os.environ.pop("CASE_ASSESSOR_KEYS", None)
        else:
            os.environ["CASE_ASSESSOR_KEYS"] = self._old

    def fingerprint(self) -> str:
        with self:
            return exchange.my_fingerprint()


def answer(store: Store, ref: str, values: dict[str, str], kind: str = "primary") -> None:
    case = store.find_case(ref)
    a = store.primary_assessment(case.id) if kind == "primary" else None
    aid = a.id if a else store.start_assessment(case.id, store.get_setting("assessor_name"), QS.version, kind=kind)
    for q, v in values.items():
        store.save_answer(aid, q, value=v, who=store.get_setting("assessor_name"))


@pytest.fixture
def world(tmp_path):
    lead, ann, bob = Person(tmp_path, "Lead"), Person(tmp_path, "Ann"), Person(tmp_path, "Bob")
    pw, bob_pw = tmp_path / "pw.txt", tmp_path / "bob-pw.txt"
    pw.write_text(ANN_PW + "\n")
    bob_pw.write_text(BOB_PW + "\n")
    lead_fp = lead.fingerprint()
    with lead as s:
        iid = s.create_inspection("York", QS.id, QS.version)
        (tmp_path / "s.csv").write_text(SAMPLE)
        from ui.ops import exchange, inspections
        from ui.ops.workspace import Workspace

        inspections.import_sample(Workspace(s), iid, tmp_path / "s.csv")
        exchange.make_pack(Workspace(s), iid, "Ann", tmp_path / "ann.pack", str(pw), ["R-1", "R-2", "R-3"])
        exchange.make_pack(Workspace(s), iid, "Bob", tmp_path / "bob.pack", str(bob_pw), ["R-2", "R-3", "R-4"])
    with ann as s:
        exchange.import_pack(Workspace(s), tmp_path / "ann.pack", str(pw), lead_fingerprint=lead_fp)
        answer(s, "R-1", {"IAOW-2.1-02": "yes", "IAOW-2.1-03": "yes"})
        answer(s, "R-2", {"IAOW-2.1-02": "yes", "IAOW-2.1-03": "no"})
        answer(s, "R-3", {"IAOW-2.1-02": "no"})
        exchange.export_secure(Workspace(s), iid, tmp_path / "ann.export")
    with bob as s:
        exchange.import_pack(Workspace(s), tmp_path / "bob.pack", str(bob_pw), lead_fingerprint=lead_fp)
        answer(s, "R-2", {"IAOW-2.1-02": "yes", "IAOW-2.1-03": "yes"})  # disagrees on 2.1-03
        answer(s, "R-3", {"IAOW-2.1-02": "no"})  # agrees
        answer(s, "R-4", {"IAOW-2.1-02": "no"})
        exchange.export_secure(Workspace(s), iid, tmp_path / "bob.export")
    return {"lead": lead, "ann": ann, "bob": bob, "iid": iid, "dir": tmp_path, "pw": pw, "lead_fp": lead_fp}


def snapshot(store: Store) -> dict:
    c = store.conn
    return {
        "cases": sorted(c.execute("SELECT id, reference, details FROM cases").fetchall()),
        "assessments": sorted(c.execute("SELECT id, case_id, assessor, status, kind FROM assessments").fetchall()),
        "answers": sorted(c.execute("SELECT assessment_id, question_id, value, note, updated_at FROM answers").fetchall()),
        "conflicts": sorted(c.execute("SELECT id, case_id, question_id, versions, status FROM conflicts").fetchall()),
        "audit": sorted(c.execute("SELECT at, who, action, assessment_id, question_id, old, new FROM audit "
                                  "WHERE action NOT IN ('merge', 'trust_key')").fetchall()),
    }


def test_two_assessors_merge_into_the_right_counts_and_conflicts(world):
    d = world["dir"]
    with world["lead"] as s:
        merged = exchange.merge_files(
            Workspace(s), [d / "ann.export", d / "bob.export"],
            trust=[f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"])
        assert [r.status for r in merged.files] == ["merged", "merged"]
        assert merged.report.assessors == ["Ann", "Bob"]
        assert merged.report.cases_updated == ["R-1", "R-2", "R-3", "R-4"]
        open_ = conflict_ops.conflicts(Workspace(s), world["iid"], "open")
        assert [(k["reference"], k["question_id"]) for k in open_] == [("R-2", "IAOW-2.1-03")]
        sides = {v["assessor"]: v["value"] for v in open_[0]["versions"]}
        assert sides == {"Ann": "no", "Bob": "yes"}
        before = snapshot(s)
        results = exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"]).files
        assert [r.status for r in results] == ["unchanged", "unchanged"]
        assert snapshot(s) == before


def test_resolution_is_recorded_with_who_when_why(world):
    d = world["dir"]
    with world["lead"] as s:
        exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"],
                             trust=[f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"])
        k = conflict_ops.conflicts(Workspace(s), world["iid"], "open")[0]
        bob_side = [i for i, v in enumerate(k["versions"], 1) if v["assessor"] == "Bob"][0]
        out = io.StringIO()
        assert run_cli(["resolve", "--db", str(world["lead"].db), "--conflict", k["id"][:8], "--choose", str(bob_side),
                        "--why", "induction record seen on file"], out) == 0
        done = conflict_ops.conflicts(Workspace(s), world["iid"], "resolved")[0]
        assert done["resolution"]["value"] == "yes" and done["why"] == "induction record seen on file"
        assert done["resolved_by"] == "Lead" and done["resolved_at"]
        primary = s.primary_assessment(s.find_case("R-2").id)
        assert s.answers(primary.id)["IAOW-2.1-03"].value == "yes"
        assert [r for r in s.audit_rows(assessment_id=primary.id) if r.action == "resolve_conflict"]
        # merging again does not reopen a decided conflict
        exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"])
        assert conflict_ops.conflicts(Workspace(s), world["iid"], "open") == []


def _tamper_cases(world):
    d = world["dir"]
    raw = (d / "ann.export").read_bytes()
    flipped = bytearray(raw)
    flipped[len(raw) // 2] ^= 0x01
    yield "bit flip", bytes(flipped), "could not be decrypted"
    yield "truncated", raw[: len(raw) - 40], "could not be decrypted"
    yield "not encrypted", b'{"format": "case-assessor-bundle"}', "not an encrypted file"
    # encrypted to someone else's key
    stranger = Person(d, "Stranger")
    with stranger as s:
        iid = s.create_inspection("Other", QS.id, QS.version)
        pw = d / "pw2.txt"
        pw.write_text("amber quiver lantern bishop meadow")
        exchange.export_secure(Workspace(s), iid, d / "stranger.export", str(pw))
    yield "passphrase not given", (d / "stranger.export").read_bytes(), "encrypted to a passphrase, and none was given"


def test_tampered_truncated_wrong_key_and_unknown_signer_are_refused(world):
    d = world["dir"]
    with world["lead"] as s:
        before = snapshot(s)
        for name, data, reason in _tamper_cases(world):
            p = d / f"bad-{name.replace(' ', '-')}.export"
            p.write_bytes(data)
            results = exchange.merge_files(Workspace(s), [p], trust=[f"Ann={world['ann'].fingerprint()}"]).files
            assert results[0].status == "refused" and reason in results[0].reason, (name, results[0].reason)
            assert snapshot(s) == before, name
        # a genuine file from an assessor the lead has not trusted yet
        results = exchange.merge_files(Workspace(s), [d / "bob.export"]).files
        assert results[0].status == "refused" and "not trusted for this inspection" in results[0].reason
        assert world["bob"].fingerprint() in results[0].reason
        assert snapshot(s) == before


def test_cli_merge_exit_code_says_some_were_refused(world, monkeypatch):
    d = world["dir"]
    monkeypatch.setenv("CASE_ASSESSOR_KEYS", str(world["lead"].keys))
    (d / "junk.export").write_bytes(b"junk")
    out = io.StringIO()
    code = run_cli(["merge", "--db", str(world["lead"].db), "--trust", f"Ann={world['ann'].fingerprint()}",
                    "--report", str(d / "report.json"), str(d / "ann.export"), str(d / "junk.export")], out)
    assert code == 3
    report = json.loads((d / "report.json").read_text())
    assert [f["status"] for f in report["files"]] == ["merged", "refused"]
    assert all(len(f["sha256"]) == 64 for f in report["files"])


def test_wrong_passphrase_for_a_pack_changes_nothing(world, tmp_path):
    bad = tmp_path / "badpw.txt"
    bad.write_text("wrong")
    fresh = Person(tmp_path, "Fresh")
    with fresh as s:
        with pytest.raises(OpError, match="that passphrase does not open it"):
            exchange.import_pack(Workspace(s), world["dir"] / "ann.pack", str(bad))
        assert s.list_inspections() == []


def test_qa_second_read_is_not_a_conflict_and_feeds_agreement(world):
    d = world["dir"]
    with world["bob"] as s:
        # Bob reads R-2 again as a QA read
        answer(s, "R-2", {"IAOW-2.1-02": "no", "IAOW-2.1-03": "yes"}, kind="qa")
        exchange.export_secure(Workspace(s), world["iid"], d / "bob2.export")
    trust = [f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"]
    with world["lead"] as s:
        refused = exchange.merge_files(Workspace(s), [d / "bob2.export"], trust=trust).files[0]
        assert refused.status == "refused" and "was not given case 'R-2' for a qa reading" in refused.reason
        merge_sql.assign(s, world["iid"], [s.find_case("R-2").id], "Bob", "qa")  # the lead asks Bob for a QA read
        exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob2.export"], trust=trust)
        rep = agreement_report(Workspace(s), world["iid"])
        assert rep.pairs >= 2
        assert {(p.case, p.question) for p in rep.disagreements} >= {("R-2", "IAOW-2.1-02")}


def test_kappa_against_a_hand_worked_example():
    # 10 pairs: both yes 4, both no 3, yes/no 2, no/yes 1
    pairs = [("y", "y")] * 4 + [("n", "n")] * 3 + [("y", "n")] * 2 + [("n", "y")]
    # po = 0.7; reader 1: y 6, n 4; reader 2: y 5, n 5; pe = (6*5 + 4*5)/100 = 0.5
    assert cohen_kappa(pairs) == pytest.approx((0.7 - 0.5) / (1 - 0.5))  # 0.4
    assert cohen_kappa([("y", "y")] * 3) is None
    assert cohen_kappa([]) is None


# ---- order independence -------------------------------------------------------


# The merge's order independence, idempotence and causal rules are stated as
# Hypothesis laws over three assessors' laptops in tests/storage/test_merge.py.


def test_every_pair_order_of_real_files(world):
    d = world["dir"]
    fps = [f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"]
    snaps = []
    for perm in itertools.permutations([d / "ann.export", d / "bob.export"]):
        p = Person(d, "lead-" + "-".join(x.stem for x in perm))
        shutil.copy(world["lead"].db, p.db)  # the lead's database as the packs left it
        shutil.copytree(world["lead"].keys, p.keys)
        with p as s:
            exchange.merge_files(Workspace(s), list(perm), trust=fps)
            snaps.append(snapshot(s))
    assert snaps[0] == snaps[1]


def test_unresolved_conflicts_are_flagged_wherever_scores_are_shown(world, capsys):
    from exports.pdf import case_summary_pdf, findings_pdf
    from tests.exports.test_pdf import text_of
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

    d = world["dir"]
    with world["lead"] as s:
        exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"],
                             trust=[f"Ann={world['ann'].fingerprint()}", f"Bob={world['bob'].fingerprint()}"])
        out = io.StringIO()
        assert run_cli(["scores", "--db", str(world["lead"].db), "--inspection", world["iid"]], out) == 0
        assert "1 merge conflicts are unresolved" in out.getvalue()
        assert "unresolved" in capsys.readouterr().err
        text, _ = text_of(findings_pdf(printing.findings_doc(Workspace(s), world["iid"])))
        assert "1 merge conflicts are unresolved" in text and "Merge " in text  # provenance lists the merge
        text, _ = text_of(case_summary_pdf(printing.case_doc(Workspace(s), s.find_case("R-2").id)))
        assert "merged with 1 unresolved conflicts" in text


@pytest.mark.parametrize("payload", [
    b"[" * 1_000,
    b"[" * 100_000,
    json.dumps({"format": "case-assessor-pack", "format_version": 1, "inspection": {}, "assessor": "A",
                "cases": [{"details": []}], "lead": {}}).encode(),
    json.dumps({"format": "case-assessor-pack", "format_version": 7}).encode(),
])
def test_a_hostile_signed_pack_is_refused_and_changes_nothing(tmp_path, payload):
    """Replays the probe: a 2 KB '[' x 1,000 pack, or one whose details is a list,
    gave a traceback; a newer pack must say so."""
    from exports.secure import seal

    pw = tmp_path / "pw.txt"
    pw.write_text(ANN_PW + "\n")
    key = exchange.signing_key()
    (tmp_path / "bad.pack").write_bytes(seal(payload, "pack", key, "Lead", "2026-01-01T00:00:00Z", passphrase=ANN_PW))
    with Store(tmp_path / "a.sqlite3") as s:
        before = snapshot(s)
        with pytest.raises(OpError, match="Nothing was changed"):
            exchange.import_pack(Workspace(s), tmp_path / "bad.pack", str(pw))
        assert snapshot(s) == before and s.get_setting("assessor_name") is None
    out = io.StringIO()
    assert run_cli(["import-pack", "--db", str(tmp_path / "a.sqlite3"), "--as", "Ann", "--passphrase-file", str(pw),
                    str(tmp_path / "bad.pack")], out) == 2


def test_trust_is_recorded_only_with_a_merged_file_and_never_rebound_silently(world):
    """From the cold review: trust was written before the file was checked, and
    a later --trust naming the right person was silently ignored."""
    d = world["dir"]
    with world["lead"] as s:
        before = snapshot(s)
        wrong = exchange.merge_files(Workspace(s), [d / "bob.export"], trust=[f"Ann={world['bob'].fingerprint()}"])
        assert wrong.files[0].status == "refused" and "signed by Ann's key" in wrong.files[0].reason
        assert merge_sql.authority(s, world["bob"].fingerprint(), world["iid"]) is None  # no trust left behind
        assert snapshot(s) == before
        ok = exchange.merge_files(Workspace(s), [d / "bob.export"], trust=[f"Bob={world['bob'].fingerprint()}"])
        assert ok.files[0].status == "merged"
    with world["bob"] as s:
        answer(s, "R-4", {"IAOW-2.1-02": "yes"})
        exchange.export_secure(Workspace(s), world["iid"], d / "bob3.export")
    with world["lead"] as s:
        rebound = exchange.merge_files(Workspace(s), [d / "bob3.export"],
                                       trust=[f"Ann={world['bob'].fingerprint()}"]).files[0]
        assert rebound.status == "refused" and "already trusted as 'Bob'" in rebound.reason


@pytest.mark.parametrize("items, says", [
    (["ABCD-ABCD-ABCD-ABCD-ABCD"], "say whose key"),
    (["Ann=garbage"], "not a key fingerprint"),
    (["Ann=ABCD-ABCD-ABCD-ABCD-ABCD", "Bob=abcd-abcd-abcd-abcd-abcd"], "twice"),
])
def test_a_trust_that_is_not_one_name_for_one_key_is_refused(items, says):
    """From the new-user trial: a malformed fingerprint was accepted silently and
    one key could be given two names."""
    with pytest.raises(OpError, match=says):
        exchange.parse_trust(items)
    assert exchange.parse_trust(["Ann Smith=abcd-abcd-abcd-abcd-abcd"]) == {"ABCD-ABCD-ABCD-ABCD-ABCD": "Ann Smith"}


def passphrase_export(world, name: str = "ann", passphrase: str = "granite oxidize pelican marmalade tundra") -> Path:
    """An assessor's export without a pack's lead key: encrypted to a passphrase."""
    d = world["dir"]
    pw = d / f"{name}-pw.txt"
    pw.write_text(passphrase)
    with world[name] as s:
        s.set_setting(f"lead_recipient:{world['iid']}", "")
        out = d / f"{name}-pass.export"
        assert exchange.export_secure(Workspace(s), world["iid"], out, str(pw)).encrypted_to == "passphrase"
    return out


def test_a_passphrase_export_merges_with_its_passphrase_and_says_so_without(world):
    f = passphrase_export(world)
    trust = [f"Ann={world['ann'].fingerprint()}"]
    with world["lead"] as s:
        ws = Workspace(s)
        assert exchange.passphrase_files([f, world["dir"] / "bob.export", world["dir"] / "missing"]) == [f]
        before = snapshot(s)
        for given in (None, "not the phrase"):
            r = exchange.merge_files(ws, [f], passphrase=given, trust=trust).files[0]
            assert r.status == "refused" and r.locked and "encrypted to a passphrase" in r.reason
            assert "wrong key" not in r.reason
        assert snapshot(s) == before
        r = exchange.merge_files(ws, [f], passphrase="granite oxidize pelican marmalade tundra", trust=trust).files[0]
        assert r.status == "merged" and not r.locked


def test_an_untrusted_key_is_refused_with_its_fingerprint_and_no_command_line_advice(world):
    with world["lead"] as s:
        r = exchange.merge_files(Workspace(s), [world["dir"] / "ann.export"]).files[0]
        assert r.status == "refused" and r.untrusted == world["ann"].fingerprint()
        assert "--trust" not in r.reason and r.untrusted in r.reason
