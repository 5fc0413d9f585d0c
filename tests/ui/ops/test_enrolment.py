"""Packs only their assessor can open: enrolment, strong passphrases, the
lead's fingerprint confirmed, revocation; and the attacks on each (issue 13)."""

from __future__ import annotations

import json
import shutil

import pytest

from storage import keys as keys_sql
from storage import merge as merge_sql
from ui.ops import enrolment, exchange, inspections, passphrases, trust
from ui.ops.errors import OpError
from ui.ops.paths import keys_dir
from ui.ops.workspace import Workspace

from .test_exchange import QS, SAMPLE, Person, answer, snapshot


@pytest.fixture
def team(tmp_path):
    """A lead and two assessors on their own databases and key folders; both
    assessors enrolled, each given a pack encrypted to them alone."""
    lead, ann, bob = Person(tmp_path, "Lead"), Person(tmp_path, "Ann"), Person(tmp_path, "Bob")
    for p in (ann, bob):
        with p:
            enrolment.write_enrolment(tmp_path / f"{p.name.lower()}.enrol", p.name)
    with lead as s:
        ws = Workspace(s)
        iid = s.create_inspection("York", QS.id, QS.version)
        (tmp_path / "s.csv").write_text(SAMPLE)
        inspections.import_sample(ws, iid, tmp_path / "s.csv")
        for p in (ann, bob):
            enrolment.import_enrolment(ws, tmp_path / f"{p.name.lower()}.enrol", iid, fingerprint=p.fingerprint())
        exchange.make_pack(ws, iid, "Ann", tmp_path / "ann.pack", None, ["R-1", "R-2"])
        exchange.make_pack(ws, iid, "Bob", tmp_path / "bob.pack", None, ["R-2", "R-3"])
    return {"lead": lead, "ann": ann, "bob": bob, "iid": iid, "dir": tmp_path, "lead_fp": lead.fingerprint()}


def _import(person: Person, pack, lead_fp: str) -> None:
    with person as s:
        exchange.import_pack(Workspace(s), pack, None, lead_fingerprint=lead_fp)


def test_end_to_end_enrol_packs_to_each_exports_back_and_merge(team):
    """Lead and two assessors, each with their own database and keys: no shared
    passphrase anywhere, no --trust at the merge."""
    d = team["dir"]
    for p, refs in ((team["ann"], {"R-1": "yes", "R-2": "no"}), (team["bob"], {"R-2": "yes", "R-3": "no"})):
        _import(p, d / f"{p.name.lower()}.pack", team["lead_fp"])
        with p as s:
            for ref, v in refs.items():
                answer(s, ref, {"IAOW-2.1-02": v})
            info = exchange.export_secure(Workspace(s), team["iid"], d / f"{p.name.lower()}.export")
            assert info.encrypted_to == "lead inspector's key"
            assert sorted(c.reference for c in s.list_cases(team["iid"])) == sorted(refs)
    with team["lead"] as s:
        merged = exchange.merge_files(Workspace(s), [d / "ann.export", d / "bob.export"])
        assert [f.status for f in merged.files] == ["merged", "merged"], [f.reason for f in merged.files]
        assert merged.report.assessors == ["Ann", "Bob"] and merged.report.conflicts_open == 1
        who = {r["action"] for r in s.query("SELECT action FROM audit")}
        assert "enrol_key" in who and s.verify_audit().ok


def test_a_pack_is_encrypted_to_its_assessor_alone(team):
    """Ann's pack: not to a passphrase, and Bob's key (trusted by the same lead) cannot open it."""
    d = team["dir"]
    raw = (d / "ann.pack").read_bytes()
    assert not passphrases.needs_passphrase(d / "ann.pack") and b"R-1" not in raw
    with team["bob"] as s:
        before = snapshot(s)
        with pytest.raises(OpError, match="encrypted to another person's key, not yours") as e:
            exchange.import_pack(Workspace(s), d / "ann.pack", None, lead_fingerprint=team["lead_fp"])
        assert "Nothing was changed" in str(e.value)
        assert snapshot(s) == before and s.list_inspections() == []


@pytest.mark.parametrize("given, says", [
    (None, "check the fingerprint"),
    ("ABCD-ABCD-ABCD-ABCD-ABCD", "not by ABCD"),
    ("not a fingerprint", "is not a key fingerprint"),
])
def test_import_pack_needs_the_lead_fingerprint_confirmed(team, given, says):
    with team["ann"] as s:
        before = snapshot(s), s.get_setting(f"lead_recipient:{team['iid']}")
        with pytest.raises(OpError, match=says):
            exchange.import_pack(Workspace(s), team["dir"] / "ann.pack", None, lead_fingerprint=given)
        assert (snapshot(s), s.get_setting(f"lead_recipient:{team['iid']}")) == before
        assert merge_sql.trusted_keys(s) == {}


def test_import_pack_asks_and_a_no_changes_nothing(team):
    asked = []
    with team["ann"] as s:
        with pytest.raises(OpError, match="not confirmed"):
            exchange.import_pack(Workspace(s), team["dir"] / "ann.pack", None,
                                 confirm=lambda name, fp: asked.append((name, fp)) is not None)
        assert asked == [("Lead", team["lead_fp"])] and s.list_inspections() == []
        exchange.import_pack(Workspace(s), team["dir"] / "ann.pack", None, confirm=lambda name, fp: True)
        assert len(s.list_inspections()) == 1 and s.get_setting(f"lead_fingerprint:{team['iid']}") == team["lead_fp"]


@pytest.mark.parametrize("weak", ["x", "password123", "correct horse battery staple", "i love you so much",
                                  "kettle kettle kettle kettle kettle", "York 2014", "Tr0ub4dor&3"])
def test_a_weak_pack_passphrase_is_refused_with_why_and_how(tmp_path, weak):
    """The probe: a one-character passphrase was accepted and brute-forced in 11 tries."""
    lead = Person(tmp_path, "Lead")
    (tmp_path / "pw.txt").write_text(weak + "\n")
    with lead as s:
        iid = s.create_inspection("York", QS.id, QS.version)
        s.add_case(iid, "R-1", {"case_type": "licence"})
        with pytest.raises(OpError) as e:
            exchange.make_pack(Workspace(s), iid, "Ann", tmp_path / "ann.pack", str(tmp_path / "pw.txt"))
        assert merge_sql.assigned_assessors(s, iid) == []
    msg = str(e.value)
    assert "too easy to guess" in msg and "four random words" in msg and "new-passphrase" in msg
    assert "offline" in msg and "Nothing was written" in msg
    assert not (tmp_path / "ann.pack").exists()


def test_a_strong_first_contact_passphrase_still_works_and_an_enrolled_assessor_needs_none(team, tmp_path):
    d = team["dir"]
    pw = tmp_path / "carl-pw.txt"
    passphrases.new_passphrase_file(pw)
    with team["lead"] as s:
        exchange.make_pack(Workspace(s), team["iid"], "Carl", d / "carl.pack", str(pw), ["R-4"])
        assert passphrases.needs_passphrase(d / "carl.pack")
        with pytest.raises(OpError, match="Ann has enrolled: the pack is encrypted to their key alone"):
            exchange.make_pack(Workspace(s), team["iid"], "Ann", d / "ann2.pack", str(pw))
        with pytest.raises(OpError, match="Dee has not enrolled"):
            exchange.make_pack(Workspace(s), team["iid"], "Dee", d / "dee.pack")
        with pytest.raises(OpError, match="too easy to guess"):  # the keyword for a dialog's text: the same rule
            exchange.make_pack(Workspace(s), team["iid"], "Dee", d / "dee.pack", passphrase="York 2014")
        exchange.make_pack(Workspace(s), team["iid"], "Dee", d / "dee.pack", passphrase=passphrases.suggest())
        assert passphrases.needs_passphrase(d / "dee.pack")
    carl = Person(tmp_path, "Carl")
    with carl as s, pytest.raises(OpError, match="encrypted to a passphrase: give it"):
        exchange.import_pack(Workspace(s), d / "carl.pack", None, lead_fingerprint=team["lead_fp"])
    with carl as s:
        exchange.import_pack(Workspace(s), d / "carl.pack", str(pw), lead_fingerprint=team["lead_fp"])
        assert [c.reference for c in s.list_cases(team["iid"])] == ["R-4"]


def _bob_exports(team, name: str) -> None:
    _import(team["bob"], team["dir"] / "bob.pack", team["lead_fp"])
    with team["bob"] as s:
        answer(s, "R-3", {"IAOW-2.1-02": "yes"})
        exchange.export_secure(Workspace(s), team["iid"], team["dir"] / name)


def test_a_revoked_key_is_refused_at_merge_with_its_date_and_nothing_changes(team):
    _bob_exports(team, "bob.export")
    bob_fp = team["bob"].fingerprint()
    with team["lead"] as s:
        ws = Workspace(s)
        r = trust.revoke(ws, bob_fp.lower())
        assert r.now and r.key.revoked_by == "Lead" and r.key.revoked_at
        assert not trust.revoke(ws, bob_fp).now  # a second revocation changes nothing
        day = r.key.revoked_at[:10]
        before = snapshot(s)
        for trusting in ([], [f"Bob={bob_fp}"]):
            f = exchange.merge_files(ws, [team["dir"] / "bob.export"], trust=trusting).files[0]
            assert f.status == "refused" and "revoked" in f.reason and day in f.reason and "by Lead" in f.reason
            assert snapshot(s) == before
        rows = s.query("SELECT who, new FROM audit WHERE action = 'revoke_key'")
        assert len(rows) == 1 and rows[0][0] == "Lead" and json.loads(rows[0][1])["fingerprint"] == bob_fp
        assert s.verify_audit().ok
        with pytest.raises(OpError, match="revoked on " + day):
            exchange.make_pack(ws, team["iid"], "Bob", team["dir"] / "bob2.pack")
        assert not (team["dir"] / "bob2.pack").exists()
        with pytest.raises(OpError, match="revoked"):
            enrolment.import_enrolment(ws, team["dir"] / "bob.enrol", team["iid"], fingerprint=bob_fp)


def test_after_revoking_an_assessor_enrols_again_with_a_new_key(team, tmp_path):
    bob_fp = team["bob"].fingerprint()
    shutil.rmtree(team["bob"].keys)  # Bob's laptop is lost: his new laptop has new keys
    new_fp = team["bob"].fingerprint()
    with team["bob"]:
        enrolment.write_enrolment(tmp_path / "bob-new.enrol", "Bob")
    with team["lead"] as s:
        ws = Workspace(s)
        with pytest.raises(OpError, match=f"already enrolled for this inspection with the key {bob_fp}"):
            enrolment.import_enrolment(ws, tmp_path / "bob-new.enrol", team["iid"], fingerprint=new_fp)
        trust.revoke(ws, bob_fp)
        enrolment.import_enrolment(ws, tmp_path / "bob-new.enrol", team["iid"], fingerprint=new_fp)
        assert enrolment.pack_recipient(ws, team["iid"], "Bob").fingerprint == new_fp
        exchange.make_pack(ws, team["iid"], "Bob", tmp_path / "bob-new.pack")
    _import(team["bob"], tmp_path / "bob-new.pack", team["lead_fp"])


def test_a_pack_or_export_from_a_revoked_lead_key_is_refused_on_the_laptop(team):
    _import(team["ann"], team["dir"] / "ann.pack", team["lead_fp"])
    with team["ann"] as s:
        ws = Workspace(s)
        trust.revoke(ws, team["lead_fp"])  # the lead's laptop was stolen
        with pytest.raises(OpError, match=r"export was not written: the lead inspector's key is revoked \(the key .* was revoked on"):
            exchange.export_secure(ws, team["iid"], team["dir"] / "ann.export")
        assert not (team["dir"] / "ann.export").exists()
    fresh = Person(team["dir"], "Ann2")
    shutil.copytree(team["ann"].keys, fresh.keys)
    shutil.copy(team["ann"].db, fresh.db)
    with fresh as s:
        with pytest.raises(OpError, match="revoked"):
            exchange.import_pack(Workspace(s), team["dir"] / "ann.pack", None, lead_fingerprint=team["lead_fp"])


def test_a_second_trusted_assessor_cannot_write_the_first_ones_work(team):
    """Bob is enrolled and trusted, but only as Bob: his file carrying a reading
    in Ann's name, or Ann's case R-1, is refused whole."""
    from exports import bundle as bundle_mod
    from exports.secure import seal

    _bob_exports(team, "bob.export")
    with team["bob"] as s:
        data = json.loads(bundle_mod.to_bytes(bundle_mod.build(s, team["iid"], QS)))
        key = exchange.signing_key()
    for a in (a for c in data["cases"] for a in c["assessments"]):
        a["assessor"] = "Ann"
        for n in a["answers"]:
            n["updated_by"] = "Ann"
        for r in a["audit"]:
            r["who"] = "Ann"
    with team["lead"] as s:
        recipient = str(exchange.lead_identity().to_public())
        forged = team["dir"] / "forged.export"
        forged.write_bytes(seal(json.dumps(data).encode(), "export", key, "Ann", "2026-01-01T00:00:00.000Z",
                                recipients=[recipient]))
        before = snapshot(s)
        f = exchange.merge_files(Workspace(s), [forged]).files[0]
        assert f.status == "refused" and "signed by Bob's key" in f.reason and snapshot(s) == before


def test_enrol_import_refuses_a_mismatch_a_rebinding_and_no_confirmation(team, tmp_path):
    with team["lead"] as s:
        ws = Workspace(s)
        iid2 = s.create_inspection("Leeds", QS.id, QS.version)
        before = snapshot(s), keys_sql.keys(s)
        path = team["dir"] / "ann.enrol"
        with pytest.raises(OpError, match="not by ABCD"):
            enrolment.import_enrolment(ws, path, iid2, fingerprint="ABCD-ABCD-ABCD-ABCD-ABCD")
        with pytest.raises(OpError, match="check the fingerprint"):
            enrolment.import_enrolment(ws, path, iid2)
        with pytest.raises(OpError, match="not confirmed"):
            enrolment.import_enrolment(ws, path, iid2, confirm=lambda n, fp: False)
        with pytest.raises(OpError, match="already trusted as 'Ann'"):
            enrolment.import_enrolment(ws, path, team["iid"], fingerprint=team["ann"].fingerprint(), assessor="Bob")
        assert (snapshot(s), keys_sql.keys(s)) == before
        again = enrolment.import_enrolment(ws, path, team["iid"], fingerprint=team["ann"].fingerprint())
        assert again.count == 0  # the same enrolment twice changes nothing


@pytest.mark.parametrize("content, says", [
    (lambda raw: raw[: len(raw) // 2], "not an enrolment file"),
    (lambda raw: b"[" * 100_000, "not an enrolment file"),
    (lambda raw: b'{"format": "case-assessor-enrolment", "format_version": 1, "name": ' + b"[" * 5_000, "not an"),
    (lambda raw: raw + b" " * 20_000, "larger than 16 KB"),
    (lambda raw: raw.replace(b'"format_version": 1', b'"format_version": 2'), "newer Case Assessor"),
    (lambda raw: raw.replace(b'"Ann"', b'"Bob"'), "signature does not match"),
    (lambda raw: b"\x00\xff" * 10, "not an enrolment file"),
])
def test_a_damaged_or_hostile_enrolment_file_is_refused_and_changes_nothing(team, content, says):
    bad = team["dir"] / "bad.enrol"
    bad.write_bytes(content((team["dir"] / "ann.enrol").read_bytes()))
    with team["lead"] as s:
        iid2 = s.create_inspection("Leeds", QS.id, QS.version)
        before = snapshot(s), keys_sql.keys(s)
        with pytest.raises(OpError, match=says) as e:
            enrolment.import_enrolment(Workspace(s), bad, iid2, fingerprint=team["ann"].fingerprint())
        assert "Nothing was changed" in str(e.value)
        assert (snapshot(s), keys_sql.keys(s)) == before


def test_no_output_over_an_input_a_key_file_or_an_existing_passphrase(team):
    d = team["dir"]
    pw = d / "dee-pw.txt"
    passphrases.new_passphrase_file(pw)
    first = pw.read_text()
    with pytest.raises(OpError, match="exists"):
        passphrases.new_passphrase_file(pw)
    assert pw.read_text() == first
    with team["lead"] as s:
        with pytest.raises(OpError, match="a file this operation reads"):
            exchange.make_pack(Workspace(s), team["iid"], "Dee", pw, str(pw))
        assert pw.read_text() == first
        key_file = keys_dir() / "signing-ed25519.key"
        key_bytes = key_file.read_bytes()
        for write in (lambda: enrolment.write_enrolment(key_file, "Lead"),
                      lambda: exchange.make_pack(Workspace(s), team["iid"], "Dee", key_file, str(pw)),
                      lambda: passphrases.new_passphrase_file(keys_dir() / "new.txt")):
            with pytest.raises(OpError, match="keys folder"):
                write()
        assert key_file.read_bytes() == key_bytes and not (keys_dir() / "new.txt").exists()
        assert merge_sql.assigned_assessors(s, team["iid"]) == ["Ann", "Bob"]
