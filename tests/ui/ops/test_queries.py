"""Queries, the full offline round trip: the lead and two assessors on separate
databases and key folders; packs, queries out (return packs), replies with
and without an answer change, exports, merges; nothing lost, nothing
duplicated, the states right; and an assessor's file that tries to write
queries it may not is refused whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exports import bundle as bundle_mod
from exports import pack as pack_fmt
from exports.secure import open_sealed, seal
from models.questionset import builtin_catalog
from storage.store import now
from tests.ui.ops.test_qa import fingerprint, laptop
from ui.ops import answers, exchange, inspections
from ui.ops import queries as q_ops
from ui.ops.errors import OpError

QS = builtin_catalog().get("iaow-2013")
Q = "IAOW-2.1-04"


def _answer(ws: Any, ref: str, qid: str = Q) -> Any:
    a = ws.store.primary_assessment(ws.find_case(ref))
    row = ws.store.answers(a.id).get(qid)
    return row.value if row else None


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    """Ann has R-1..R-3, Bob R-7..R-8, all read and merged once; the lead has queries out."""
    d = tmp_path
    pw = d / "pw.txt"
    pw.write_text("granite oxidize pelican marmalade tundra\n")
    (d / "s.csv").write_text("reference,case_type,rosh_level,requirements\n"
                             + "".join(f"R-{i},licence,medium,supervision\n" for i in (1, 2, 3, 7, 8)))
    with laptop(d, "Lead") as ws:
        iid = inspections.new_inspection(ws, "York", QS.id).id
        inspections.import_sample(ws, iid, d / "s.csv")
        exchange.make_pack(ws, iid, "Ann", d / "ann.pack", str(pw), ["R-1", "R-2", "R-3"])
        exchange.make_pack(ws, iid, "Bob", d / "bob.pack", str(pw), ["R-7", "R-8"])
        lead_fp = exchange.my_fingerprint()
    for person, refs in (("Ann", ["R-1", "R-2", "R-3"]), ("Bob", ["R-7", "R-8"])):
        with laptop(d, person) as ws:
            exchange.import_pack(ws, d / f"{person.lower()}.pack", str(pw), lead_fingerprint=lead_fp)
            for ref in refs:
                answers.record(ws, ref, Q, value="yes")
            exchange.export_secure(ws, iid, d / f"{person.lower()}-1.export")
    trust = [f"{p}={fingerprint(d, p)}" for p in ("Ann", "Bob")]
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [d / "ann-1.export", d / "bob-1.export"], trust=trust)
        assert [f.status for f in merged.files] == ["merged", "merged"]
        ids = {
            "ann-q": q_ops.raise_query(ws, "R-1", f"{Q}: the plan was dated after the 15 working days; please check",
                                       question=Q).query.id,
            "ann-case": q_ops.raise_query(ws, "R-2", "Was the case transferred in?", keep_open=True).query.id,
            "bob-q": q_ops.raise_query(ws, "R-7", "Is 'yes' right here?", question=Q).query.id,
        }
        exchange.make_pack(ws, iid, "Ann", d / "ann-q.pack", str(pw), returns=True)
        exchange.make_pack(ws, iid, "Bob", d / "bob-q.pack", str(pw), returns=True)
    return {"dir": d, "iid": iid, "pw": pw, "trust": trust, "ids": ids, "lead_fp": lead_fp}


def _import_queries(w: dict[str, Any], person: str) -> None:
    with laptop(w["dir"], person) as ws:
        done = exchange.import_pack(ws, w["dir"] / f"{person.lower()}-q.pack", str(w["pw"]))
        assert done.later and done.queries == len(q_ops.listing(ws))


def _replies(w: dict[str, Any]) -> None:
    d, ids = w["dir"], w["ids"]
    _import_queries(w, "Ann")
    _import_queries(w, "Bob")
    with laptop(d, "Ann") as ws:
        assert {q.id for q in q_ops.listing(ws)} == {ids["ann-q"], ids["ann-case"]}
        answers.record(ws, "R-1", Q, value="no")  # the answer changes, the ordinary way
        q_ops.reply(ws, ids["ann-q"], "You are right: the plan came late. Changed to no.")
        q_ops.reply(ws, ids["ann-case"], "Yes, from Leeds in March.")
        assert {q.state for q in q_ops.listing(ws)} == {"answered"}
        exchange.export_secure(ws, w["iid"], d / "ann-2.export")
    with laptop(d, "Bob") as ws:
        q_ops.reply(ws, ids["bob-q"], "Yes: the plan names the risk.")
        exchange.export_secure(ws, w["iid"], d / "bob-2.export")


def _snapshot(ws: Any) -> list[tuple[Any, ...]]:
    return sorted((q.id, q.state, tuple(sorted((m.id, m.role, m.seq, m.action, m.text) for m in q.messages)))
                  for q in q_ops.listing(ws))


def test_the_queries_go_out_and_the_replies_come_back_and_close_them(world):
    d, ids = world["dir"], world["ids"]
    with laptop(d, "Ann") as ws:
        pack_ann = ws.store.dump_inspection(world["iid"])
    _replies(world)
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [d / "ann-2.export", d / "bob-2.export"], trust=world["trust"])
        assert [f.status for f in merged.files] == ["merged", "merged"], [f.reason for f in merged.files]
        states = {q.id: q.state for q in q_ops.listing(ws)}
        assert states == {ids["ann-q"]: "closed", ids["ann-case"]: "answered", ids["bob-q"]: "closed"}
        assert _answer(ws, "R-1") == "no" and _answer(ws, "R-7") == "yes"  # the change came by the answer merge
        q = q_ops.find(ws, ids["ann-q"])
        assert [m.action for m in q.messages] == ["raise", "reply", "close"]
        assert q.messages[1].value == "no" and q.messages[0].value == "yes"
        assert sorted(merged.report.queries) == ["R-1 IAOW-2.1-04: closed", "R-2 (case): answered",
                                                 "R-7 IAOW-2.1-04: closed"]
        before = _snapshot(ws)
        again = exchange.merge_files(ws, [d / "bob-2.export", d / "ann-2.export", d / "ann-1.export"],
                                     trust=world["trust"])
        assert {f.status for f in again.files} == {"unchanged"}
        assert _snapshot(ws) == before  # nothing duplicated
    assert pack_ann.cases  # Ann's laptop kept its cases through the return pack


def test_the_lead_reopens_a_query_and_the_second_reply_closes_it(world):
    d, ids = world["dir"], world["ids"]
    _replies(world)
    with laptop(d, "Lead") as ws:
        exchange.merge_files(ws, [d / "ann-2.export"], trust=world["trust"])
        q_ops.reopen(ws, ids["ann-case"], "Which office? Please add it to the case notes.")
        assert q_ops.find(ws, ids["ann-case"]).state == "open"
        exchange.make_pack(ws, world["iid"], "Ann", d / "ann-q.pack", str(world["pw"]), returns=True)
    _import_queries(world, "Ann")
    with laptop(d, "Ann") as ws:
        q = q_ops.find(ws, ids["ann-case"])
        assert q.state == "open" and q.messages[-1].text.startswith("Which office?")
        assert q_ops.find(ws, ids["ann-q"]).state == "closed"  # the merge's close came back in the pack
        with pytest.raises(OpError, match="closed"):
            q_ops.reply(ws, ids["ann-q"], "one more thing")
        q_ops.reply(ws, ids["ann-case"], "Leeds North.")
        exchange.export_secure(ws, world["iid"], d / "ann-3.export")
    with laptop(d, "Lead") as ws:
        exchange.merge_files(ws, [d / "ann-3.export"], trust=world["trust"])
        q = q_ops.find(ws, ids["ann-case"])
        assert q.state == "closed" and [m.action for m in q.messages] == ["raise", "reply", "reopen", "reply", "close"]


def test_merging_in_either_order_gives_the_same_queries(world, tmp_path):
    d = world["dir"]
    _replies(world)
    with laptop(d, "Lead") as ws:
        ws.store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    import shutil

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copytree(d / "Lead", tmp_path / sub / "Lead")
    orders = {"a": ["ann-2", "bob-2"], "b": ["bob-2", "ann-2"]}
    snaps = []
    for sub, order in orders.items():
        with laptop(tmp_path / sub, "Lead") as ws:
            exchange.merge_files(ws, [d / f"{n}.export" for n in order], trust=world["trust"])
            snaps.append(_snapshot(ws))
    assert snaps[0] == snaps[1]


def test_the_lead_cannot_reply_and_the_assessor_cannot_close(world):
    d, ids = world["dir"], world["ids"]
    with laptop(d, "Lead") as ws:
        with pytest.raises(OpError, match="assessor replies"):
            q_ops.reply(ws, ids["ann-q"], "answering myself")
        with pytest.raises(OpError, match="nobody to go to|not given"):
            q_ops.raise_query(ws, "R-1", "to someone else", assessor="Bob")
        with pytest.raises(OpError, match="empty"):
            q_ops.raise_query(ws, "R-1", "   ")
    _import_queries(world, "Ann")
    with laptop(d, "Ann") as ws:
        with pytest.raises(OpError, match="only they can close"):
            q_ops.close(ws, ids["ann-q"])


# ---------------------------------------------------------------------------
# Be the attacker: an assessor file signed by a trusted key
# ---------------------------------------------------------------------------


def _forged(w: dict[str, Any], person: str, name: str, section: Any) -> Path:
    """The person's ordinary export with its ``queries`` section replaced, signed by their own key."""
    d = w["dir"]
    with laptop(d, person) as ws:
        data = bundle_mod.build(ws.store, w["iid"], QS)
        data["queries"] = section
        out = d / f"{name}.export"
        out.write_bytes(seal(bundle_mod.to_bytes(data), "export", exchange.signing_key(), ws.who(), now(),
                             recipients=[ws.setting(f"lead_recipient:{w['iid']}")]))
    return out


def _reply(w: dict[str, Any], person: str, **kw: Any) -> dict[str, Any]:
    r = {"id": f"{person}-r-{len(kw)}", "seq": 1, "text": "forged", "who": person, "at": now(), "about": 1,
         "value": None}
    return r | kw


def _refused(w: dict[str, Any], path: Path, why: str) -> None:
    with laptop(w["dir"], "Lead") as ws:
        before = _snapshot(ws)
        merged = exchange.merge_files(ws, [path], trust=w["trust"])
        assert merged.files[0].status == "refused", merged.files[0].reason
        assert why in merged.files[0].reason
        assert _snapshot(ws) == before
        assert not merged.report.queries


@pytest.mark.parametrize(("person", "target", "reply", "why"), [
    ("Bob", "ann-q", {}, "addressed to someone else"),  # Bob replies to (and would close) Ann's query
    ("Ann", "bob-q", {}, "addressed to someone else"),
    ("Ann", "ann-q", {"who": "Lead"}, "only the lead may write"),  # a reply in the lead's name
    ("Ann", "ann-q", {"about": 7}, "the lead has not written"),  # answering a reopen not yet made
    ("Ann", None, {}, "not raised here"),  # creating a query
])
def test_an_assessor_file_cannot_write_queries_it_may_not(world, person, target, reply, why):
    qid = world["ids"][target] if target else "11111111-2222-4333-8444-555555555555"
    path = _forged(world, person, "forged", [{"id": qid, "replies": [_reply(world, person, **reply)]}])
    _refused(world, path, why)


def test_an_assessor_file_cannot_rewrite_a_reply_or_the_leads_text(world):
    d, ids = world["dir"], world["ids"]
    _replies(world)
    with laptop(d, "Lead") as ws:
        exchange.merge_files(ws, [d / "ann-2.export"], trust=world["trust"])
        held = q_ops.find(ws, ids["ann-q"]).messages[1]
    rewritten = _reply(world, "Ann", id=held.id, text="something else", at=held.at, value=held.value)
    _refused(world, _forged(world, "Ann", "rewrite", [{"id": ids["ann-q"], "replies": [rewritten]}]),
             "different contents")
    second_one = _reply(world, "Ann", id="another-id")
    _refused(world, _forged(world, "Ann", "renumber", [{"id": ids["ann-q"], "replies": [second_one]}]),
             "a second assessor message numbered 1")
    lead_text = {"id": ids["ann-q"], "replies": [_reply(world, "Ann") | {"role": "lead", "action": "close"}]}
    path = _forged(world, "Ann", "lead-text", [lead_text])
    with laptop(d, "Lead") as ws:
        merged = exchange.merge_files(ws, [path], trust=world["trust"])
        assert merged.files[0].status == "refused" and "Extra inputs" in merged.files[0].reason
        assert q_ops.find(ws, ids["ann-q"]).text.startswith(f"{Q}: the plan was dated")


def test_a_queries_pack_from_another_lead_key_is_refused(world, tmp_path):
    d = world["dir"]
    with laptop(tmp_path, "Mallory") as ws:
        iid = inspections.new_inspection(ws, "York", QS.id).id
        assert iid != world["iid"]
    with laptop(d, "Lead"):
        opened = open_sealed((d / "ann-q.pack").read_bytes(), passphrase=world["pw"].read_text().strip(), kind="pack")
    pack = pack_fmt.parse(opened.payload)
    with laptop(tmp_path, "Mallory") as ws:
        key = exchange.signing_key()
        import base64

        forged = pack.model_copy(update={"lead": pack.lead.model_copy(update={
            "signing_key": base64.b64encode(key.public_bytes).decode()})})
        (d / "mallory.pack").write_bytes(seal(pack_fmt.to_bytes(forged), "pack", key, "Lead", now(),
                                              passphrase=world["pw"].read_text().strip()))
    with laptop(d, "Ann") as ws:
        with pytest.raises(OpError, match="not signed by the lead key"):
            exchange.import_pack(ws, d / "mallory.pack", str(world["pw"]))
        assert q_ops.listing(ws) == []


def test_the_export_carries_only_replies(world):
    _replies(world)
    d = world["dir"]
    with laptop(d, "Ann") as ws:
        data = bundle_mod.build(ws.store, world["iid"], QS)
    assert {q["id"] for q in data["queries"]} == {world["ids"]["ann-q"], world["ids"]["ann-case"]}
    assert all(set(r) == {"id", "seq", "text", "who", "at", "about", "value"} for q in data["queries"]
               for r in q["replies"])
    assert "15 working days" not in json.dumps(data["queries"])  # the lead's text stays with the lead


def test_a_pack_carries_the_queries_on_its_own_cases_and_a_qa_pack_none(world):
    d = world["dir"]
    with laptop(d, "Lead") as ws:
        exchange.make_pack(ws, world["iid"], "Ann", d / "ann-r1.pack", str(world["pw"]), ["R-1"])
        opened = open_sealed((d / "ann-r1.pack").read_bytes(), passphrase=world["pw"].read_text().strip(),
                             kind="pack")
    pack = pack_fmt.parse(opened.payload)
    assert [q.id for q in pack.queries] == [world["ids"]["ann-q"]]  # R-2's query waits for a pack with R-2
    with laptop(d, "Ann") as ws:
        exchange.import_pack(ws, d / "ann-r1.pack", str(world["pw"]))  # the same cases again: queries only
        assert [q.id for q in q_ops.listing(ws)] == [world["ids"]["ann-q"]]
