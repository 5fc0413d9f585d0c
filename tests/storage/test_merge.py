"""The merge's laws: scoped authority, causal versions (never clocks),
tombstones, and decisions that later work reopens but never overwrites."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.questionset import builtin_catalog
from storage import merge as merge_sql
from storage.rows import AssessmentDump, Authority, InspectionDump
from storage.store import Store

QS = builtin_catalog().get("iaow-2013")
QIDS = ["IAOW-2.1-02", "IAOW-2.1-03", "IAOW-2.1-04"]
VALUES = ["yes", "no", None]  # None clears the answer
GIVEN = {"Ann": [0, 1], "Bob": [1, 2], "Cat": [2, 3]}  # case numbers given to each assessor


class World:
    """A lead inspector's database and three assessors' laptops, as packs leave them."""

    def __init__(self) -> None:
        self.lead = Store(":memory:")
        self.iid = self.lead.create_inspection("Laws", QS.id, QS.version)
        self.cases = self.lead.add_cases(self.iid, [(f"L-{i}", {}) for i in range(4)])
        dump = self.lead.dump_inspection(self.iid)
        self.laptops: dict[str, Store] = {}
        self.auth: dict[str, Authority] = {}
        for who, numbers in GIVEN.items():
            ids = [self.cases[i] for i in numbers]
            merge_sql.assign(self.lead, self.iid, ids, who)
            laptop = Store(":memory:")
            laptop.load_inspection(InspectionDump(dump.inspection, [c for c in dump.cases if c.case.id in ids]), who)
            self.laptops[who] = laptop
            self.auth[who] = Authority(f"FP-{who}", self.iid, who, frozenset((i, "primary") for i in ids))

    def edit(self, who: str, slot: int, q: int, v: int) -> None:
        laptop = self.laptops[who]
        case_id = self.cases[GIVEN[who][slot]]
        a = laptop.primary_assessment(case_id)
        aid = a.id if a else laptop.start_assessment(case_id, who, QS.version)
        laptop.save_answer(aid, QIDS[q], value=VALUES[v], who=who)

    def export(self, who: str, skew: str) -> InspectionDump:
        """The laptop's inspection with every timestamp set by a wrong clock."""
        d = self.laptops[who].dump_inspection(self.iid)
        return replace(d, cases=[replace(c, assessments=[AssessmentDump(
            replace(a.assessment, updated_at=skew), [n._replace(updated_at=skew) for n in a.answers], a.audit)
            for a in c.assessments]) for c in d.cases])

    def merge(self, who: str, data: InspectionDump, name: str = "f") -> None:
        merge_sql.merge_data(self.lead, data, self.auth[who], file_sha=name, file_name=name, signer=who,
                             merge_id="m")


def held_by(store: Store, assessor: str) -> dict[tuple[str, str], object]:
    """Every answer (a cleared one as None) of the assessor's own assessments."""
    return {(r[0], r[1]): json.loads(r[2]) if r[2] else None for r in store.conn.execute(
        "SELECT a.case_id, n.question_id, n.value FROM answers n JOIN assessments a ON a.id = n.assessment_id "
        "WHERE a.assessor = ? AND n.origin = ''", (assessor,))}


def lead_state(store: Store) -> dict:
    c = store.conn
    return {"answers": sorted(c.execute("SELECT assessment_id, question_id, value, seq, origin FROM answers")),
            "status": sorted(c.execute("SELECT id, status, seq, status_seq FROM assessments")),
            "conflicts": sorted(c.execute("SELECT case_id, question_id, status, versions FROM conflicts"))}


def core(store: Store) -> dict:
    """What scores and decisions depend on (not the display times of versions)."""
    c = store.conn
    return {"answers": sorted(c.execute("SELECT assessment_id, question_id, value, seq, origin FROM answers")),
            "conflicts": sorted(c.execute("SELECT case_id, question_id, status, resolution FROM conflicts"))}


def clone(store: Store) -> Store:
    other = Store(":memory:")
    store.conn.backup(other.conn)
    return other


steps = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(sorted(GIVEN)), st.integers(0, 1), st.integers(0, 2),
              st.integers(0, 2)),
    st.tuples(st.just("export"), st.sampled_from(sorted(GIVEN)), st.sampled_from(
        ["9999-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "2026-11-29T10:00:00Z"])),
), min_size=1, max_size=30)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps, st.randoms(use_true_random=False))
def test_merge_is_order_independent_idempotent_and_loses_no_exported_change(script, rnd):
    """Three assessors edit and clear answers and export at random, with
    clocks years out either way; the lead merges the files in any order, some
    of them twice.  The result is the same as merging them in order once, and
    holds exactly each assessor's last exported answers."""
    w = World()
    files: list[tuple[str, InspectionDump]] = []
    last: dict[str, InspectionDump] = {}
    for step in script:
        if step[0] == "edit":
            w.edit(step[1], step[2], step[3], step[4])
        else:
            files.append((step[1], w.export(step[1], step[2])))
            last[step[1]] = files[-1][1]
    shuffled = clone(w.lead)
    for i, (who, dump) in enumerate(files):
        w.merge(who, dump, name=str(i))
    order = list(range(len(files)))
    rnd.shuffle(order)
    replays = [rnd.randrange(len(files)) for _ in range(min(3, len(files)))]
    for i in order + replays:
        merge_sql.merge_data(shuffled, files[i][1], w.auth[files[i][0]], file_sha=str(i), file_name=str(i),
                             signer="x", merge_id="m")
    assert lead_state(shuffled) == lead_state(w.lead)
    for who, dump in last.items():
        exported = {(c.case.id, n.question_id): n.value for c in dump.cases for a in c.assessments for n in a.answers}
        assert held_by(w.lead, who) == exported


def _conflict(store: Store) -> tuple[str, str, list]:
    row = store.conn.execute("SELECT id, status, versions FROM conflicts").fetchone()
    return row[0], row[1], json.loads(row[2])


def test_a_decision_is_never_overwritten_by_a_replay_a_fast_clock_or_later_work():
    """Replays the probe: an hour-fast clock re-exporting unchanged work
    overwrote the lead's decision while the conflict still read 'resolved'."""
    w = World()
    w.edit("Ann", 1, 0, 0)  # Ann: yes on L-1 (shared with Bob)
    w.edit("Bob", 0, 0, 1)  # Bob: no
    ann1 = w.export("Ann", "2026-11-29T10:00:00Z")
    w.merge("Ann", ann1, "a1")
    w.merge("Bob", w.export("Bob", "2026-11-29T10:00:00Z"), "b1")
    cid, status, _ = _conflict(w.lead)
    assert status == "open"
    merge_sql.resolve_conflict(w.lead, cid, "no", None, "Lead", "seen on file")
    before = core(w.lead)
    w.merge("Ann", w.export("Ann", "2026-11-29T11:00:00Z"), "a2")  # unchanged work, clock an hour fast
    w.merge("Ann", w.export("Ann", "9999-12-31T23:59:59Z"), "a3")
    w.merge("Ann", ann1, "a1-again")
    assert core(w.lead) == before and _conflict(w.lead)[1] == "resolved"
    # the assessor whose reading carries the decision clears the answer afterwards, not having seen it
    owner = w.lead.conn.execute("SELECT a.assessor FROM answers n JOIN assessments a ON a.id = n.assessment_id "
                                "WHERE n.origin = 'lead'").fetchone()[0]
    other = "Bob" if owner == "Ann" else "Ann"
    w.edit(owner, GIVEN[owner].index(1), 0, 2)
    w.merge(owner, w.export(owner, "2000-01-01T00:00:00Z"), "o1")
    cid, status, versions = _conflict(w.lead)
    assert status == "open", "later work reopens the decision"
    assert any(v["held"] and v["value"] is None for v in versions), versions
    decided = w.lead.conn.execute("SELECT value FROM answers WHERE origin = 'lead'").fetchone()
    assert json.loads(decided[0]) == "no", "the decision still stands until the lead decides again"
    merge_sql.resolve_conflict(w.lead, cid, None, None, "Lead", "the correction is accepted")
    again = core(w.lead)
    w.merge(owner, w.export(owner, "9999-01-01T00:00:00Z"), "o2")
    assert core(w.lead) == again and _conflict(w.lead)[1] == "resolved"
    # the other assessor changes their reading afterwards: reopened too, their reading updated
    w.edit(other, GIVEN[other].index(1), 0, 1 if other == "Ann" else 0)  # a value, unlike the decision
    w.merge(other, w.export(other, "2000-01-01T00:00:00Z"), "x1")
    assert _conflict(w.lead)[1] == "open"


def test_a_cleared_answer_arrives_as_a_tombstone():
    w = World()
    w.edit("Ann", 0, 0, 0)
    w.merge("Ann", w.export("Ann", "2026-01-01T00:00:00Z"), "1")
    w.edit("Ann", 0, 0, 2)
    w.merge("Ann", w.export("Ann", "2000-01-01T00:00:00Z"), "2")
    assert held_by(w.lead, "Ann") == {(w.cases[0], QIDS[0]): None}
    summary = {s.case.id: s.answers for s in w.lead.case_summaries(w.iid)}
    assert summary[w.cases[0]] == {}


@pytest.mark.parametrize("attack, says", [
    ("another assessor's case", "was not given to Bob"),
    ("an assessment in another's name", "holds an assessment by 'Ann'"),
    ("a new record for an existing case", "never takes over an existing case"),
    ("a new case without leave", "does not allow adding cases"),
    ("another inspection", "not in this database|another inspection"),
    ("a lead decision", "claims a lead inspector's decision"),
])
def test_a_trusted_key_writes_only_what_its_assessor_was_given(attack, says):
    """Replays the probe: a trusted assessor's file rewrote another's case
    (a new case UUID, the same reference, an assessment named Ann)."""
    w = World()
    w.edit("Ann", 0, 0, 0)
    w.merge("Ann", w.export("Ann", "2026-01-01T00:00:00Z"), "ann")
    before = lead_state(w.lead)
    ann = w.laptops["Ann"].dump_inspection(w.iid)
    l0 = [c for c in ann.cases if c.case.id == w.cases[0]][0]
    forged_a = replace(l0.assessments[0].assessment, assessor="Ann", seq=99)
    if attack == "another assessor's case":
        data = replace(ann, cases=[replace(l0, assessments=[replace(l0.assessments[0], assessment=replace(
            forged_a, assessor="Bob"))])])
    elif attack == "an assessment in another's name":
        l1 = [c for c in w.laptops["Bob"].dump_inspection(w.iid).cases if c.case.id == w.cases[1]][0]
        data = replace(ann, cases=[replace(l1, assessments=[AssessmentDump(replace(forged_a, id="x", case_id=l1.case.id),
                                                                           [], [])])])
    elif attack == "a new record for an existing case":
        data = replace(ann, cases=[replace(l0, case=replace(l0.case, id="new-uuid"), assessments=[])])
    elif attack == "a new case without leave":
        data = replace(ann, cases=[replace(l0, case=replace(l0.case, id="new-uuid", reference="L-99"),
                                           assessments=[])])
    elif attack == "another inspection":
        data = replace(ann, inspection=replace(ann.inspection, id="other"))
    else:
        a0 = l0.assessments[0]
        data = replace(ann, cases=[replace(l0, assessments=[replace(a0, answers=[
            a0.answers[0]._replace(origin="lead", seq=999)])])])
    who = "Bob" if attack in ("another assessor's case", "an assessment in another's name", "a new case without leave",
                              "a new record for an existing case") else "Ann"
    with pytest.raises(merge_sql.ScopeError, match=says):
        w.merge(who, data, "forged")
    assert lead_state(w.lead) == before


def test_a_new_case_is_merged_and_flagged_when_the_pack_allowed_it():
    w = World()
    laptop = w.laptops["Cat"]
    new = laptop.add_case(w.iid, "L-NEW", {})
    aid = laptop.start_assessment(new, "Cat", QS.version)
    laptop.save_answer(aid, QIDS[0], value="yes", who="Cat")
    w.auth["Cat"] = replace(w.auth["Cat"], may_add_cases=True)
    out = merge_sql.merge_data(w.lead, w.export("Cat", "2026-01-01T00:00:00Z"), w.auth["Cat"], file_sha="c",
                               file_name="c", signer="Cat", merge_id="m")
    assert out.added == ["L-NEW"] and w.lead.find_case("L-NEW").id == new
    assert merge_sql.authority(w.lead, "none", w.iid) is None


def test_review_findings_a_staff_id_a_second_reading_and_forged_names():
    """From the cold review: a laptop records "Name (ID)" (accepted as Name); a
    second primary reading of the same case by the same assessor, and answers or
    audit rows in the lead's name, are refused."""
    w = World()
    laptop = w.laptops["Ann"]
    a = laptop.start_assessment(w.cases[0], "Ann (LA-07)", QS.version)
    laptop.save_answer(a, QIDS[0], value="yes", who="Ann (LA-07)")
    w.merge("Ann", w.export("Ann", "2026-01-01T00:00:00Z"), "1")
    assert held_by(w.lead, "Ann (LA-07)")
    before = core(w.lead)
    dump = laptop.dump_inspection(w.iid)
    c0 = [c for c in dump.cases if c.case.id == w.cases[0]][0]
    second = replace(c0.assessments[0], assessment=replace(c0.assessments[0].assessment, id="second",
                                                            created_at="1970-01-01T00:00:00Z"))
    with pytest.raises(merge_sql.ScopeError, match="second primary reading"):
        w.merge("Ann", replace(dump, cases=[replace(c0, assessments=[second])]), "2")
    lead_named = replace(c0.assessments[0], audit=[r._replace(who="Lee Lead", action="resolve_conflict")
                                                    for r in c0.assessments[0].audit])
    with pytest.raises(merge_sql.ScopeError, match="another person's name"):
        w.merge("Ann", replace(dump, cases=[replace(c0, assessments=[lead_named])]), "3")
    assert core(w.lead) == before


def test_a_decided_conflict_whose_readings_agree_again_keeps_its_decision():
    w = World()
    w.edit("Ann", 1, 0, 0)
    w.edit("Bob", 0, 0, 1)
    w.merge("Ann", w.export("Ann", "2026-01-01T00:00:00Z"), "a")
    w.merge("Bob", w.export("Bob", "2026-01-01T00:00:00Z"), "b")
    cid = _conflict(w.lead)[0]
    owner = w.lead.primary_assessment(w.cases[1]).assessor  # the reading scores use carries the decision
    other = "Bob" if owner == "Ann" else "Ann"
    current = {"Ann": "yes", "Bob": "no"}
    merge_sql.resolve_conflict(w.lead, cid, current[other], None, "Lead", "checked")  # the other side was right
    slot = GIVEN[other].index(1)
    w.edit(other, slot, 0, VALUES.index("no" if current[other] == "yes" else "yes"))  # away: reopened
    w.merge(other, w.export(other, "2026-01-02T00:00:00Z"), "o1")
    assert _conflict(w.lead)[1] == "open"
    w.edit(other, slot, 0, VALUES.index(current[other]))  # back again: the decision stands, its record kept
    w.merge(other, w.export(other, "2026-01-03T00:00:00Z"), "o2")
    row = w.lead.conn.execute("SELECT status, why FROM conflicts").fetchone()
    assert row is not None and tuple(row) == ("resolved", "checked")
