"""The assessment bundle: exact round trips and refusal of bad files."""

from __future__ import annotations

import json
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import bundle
from models.limits import BIDI_OVERRIDES
from models.questionset import builtin_catalog
from storage.store import Store
from ui.ops import inspections
from ui.ops.errors import USER_ERRORS, OpError
from ui.ops.workspace import Workspace

from ..conftest import REPO, make_inspection, synthetic_answers, synthetic_details

# any note the app accepts (models.limits: no control characters but line breaks, no direction overrides)
notes = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=sorted(BIDI_OVERRIDES))
                | st.sampled_from("\n\r\t"), max_size=40)


def _export(store: Store, iid: str) -> dict:
    qs = builtin_catalog().get("iaow-2013")
    data = bundle.build(store, iid, qs)
    data.pop("exported_at")
    return json.loads(bundle.to_bytes(data))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), n_cases=st.integers(0, 4), note=notes, practice=st.booleans(),
       status=st.sampled_from(["in_progress", "complete"]))
def test_export_then_import_into_empty_database_round_trips_exactly(seed, n_cases, note, practice, status):
    qs = builtin_catalog().get("iaow-2013")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as d:
        src = Store(Path(d) / "src.sqlite3")
        iid = src.create_inspection("Round trip ŵ", qs.id, qs.version, area="Gwynedd")
        for i in range(n_cases):
            details = synthetic_details(qs, rng)
            cid = src.add_case(iid, f"R{i}", details)
            aid = src.start_assessment(cid, "Ann Assessor", qs.version, kind=rng.choice(["primary", "qa"]))
            for qid, value in list(synthetic_answers(qs, details, rng, 0.5).items())[:30]:
                src.save_answer(aid, qid, value=value, note=note, practice=practice, who="Ann Assessor")
            if status == "complete":
                src.set_status(aid, "complete", "Ann Assessor")
        first = _export(src, iid)
        raw = bundle.to_bytes({**first, "exported_at": "2026-01-01T00:00:00.000Z"})
        b, _ = bundle.parse(raw, builtin_catalog())
        dst = Store(Path(d) / "dst.sqlite3")
        dst.load_inspection(bundle.to_store_data(b), "tester")
        assert _export(dst, iid) == first
        src.close()
        dst.close()


def _db_snapshot(store: Store) -> list:
    out = []
    for table in ("inspections", "cases", "assessments", "answers", "audit"):
        out.append(store.conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
    return out


@pytest.fixture
def exported(tmp_path, iaow):
    s = Store(tmp_path / "a.sqlite3")
    iid = make_inspection(s, iaow, 3)
    path = tmp_path / "b.json"
    inspections.export_bundle(Workspace(s), iid, path)
    s.close()
    return path


def _mutations(data: dict):
    yield "missing key", lambda d: d["inspection"].pop("name")
    yield "unknown key", lambda d: d["cases"][0].__setitem__("surprise", 1)
    yield "bad answer value", lambda d: d["cases"][0]["assessments"][0]["answers"][0].__setitem__("value", "maybe")
    yield "unknown question", lambda d: d["cases"][0]["assessments"][0]["answers"][0].__setitem__("question_id", "X-9")
    yield "bad case detail", lambda d: d["cases"][1]["details"].__setitem__("case_type", "prison")
    yield "unknown set version", lambda d: d["question_set"].__setitem__("version", "9.9")
    yield "duplicate reference", lambda d: d["cases"][1].__setitem__("reference", d["cases"][0]["reference"])
    yield "bad status", lambda d: d["cases"][0]["assessments"][0].__setitem__("status", "done")


@pytest.mark.parametrize("which", range(8))
def test_malformed_bundle_is_refused_and_database_unchanged(exported, tmp_path, which):
    data = json.loads(exported.read_text())
    name, mutate = list(_mutations(data))[which]
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    target = Store(tmp_path / "t.sqlite3")
    before = _db_snapshot(target)
    with pytest.raises(USER_ERRORS):
        inspections.import_bundle(Workspace(target, acting_as="Lee Lead"), bad)
    assert _db_snapshot(target) == before, name
    target.close()


def _first_answer(d: dict) -> dict:
    return d["cases"][0]["assessments"][0]["answers"][0]


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["cases"][0].__setitem__("reference", "ABC\u202e1-Y"), "contains U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    (lambda d: d["cases"][0].__setitem__("reference", "R" * 5_000), "5,000 characters long; at most 100"),
    (lambda d: _first_answer(d).__setitem__("note", "x" * 20_001), "the note is 20,001 characters long"),
    (lambda d: _first_answer(d).__setitem__("note", "a\x00b"), "the note contains U+0000"),
    (lambda d: d["cases"][0]["details"].__setitem__("area", "x" * 1_001), "area: the text is 1,001 characters"),
])
def test_a_bundle_past_the_limits_is_refused_and_changes_nothing(exported, tmp_path, mutate, message):
    """Bundles, exports and packs bring values in too: the same limits hold (docs/limits.md)."""
    data = json.loads(exported.read_text())
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with Store(tmp_path / "t.sqlite3") as target:
        before = _db_snapshot(target)
        with pytest.raises(bundle.BundleError, match=re.escape(message)):
            inspections.import_bundle(Workspace(target, acting_as="Lee Lead"), bad)
        assert _db_snapshot(target) == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "something-else"}', "not a Case Assessor bundle"),
        (b'{"format": "case-assessor-bundle", "format_version": 7}', "newer Case Assessor"),
        (b"[1, 2, 3]", "not a Case Assessor bundle"),
        (b'{"format": "case-assessor-bundle", "format_version": ' + b"9" * 5000 + b"}", "not a readable bundle"),
    ],
)
def test_garbage_and_newer_bundles_get_clear_reasons(tmp_path, content, message):
    p = tmp_path / "x.json"
    p.write_bytes(content)
    with Store(tmp_path / "t.sqlite3") as s, pytest.raises(bundle.BundleError, match=message):
        inspections.import_bundle(Workspace(s, acting_as="Lee Lead"), p)


def test_truncated_bundle_is_refused(exported, tmp_path):
    raw = exported.read_bytes()
    p = tmp_path / "cut.json"
    p.write_bytes(raw[: len(raw) // 2])
    with Store(tmp_path / "t.sqlite3") as s:
        with pytest.raises(bundle.BundleError, match="not valid JSON"):
            inspections.import_bundle(Workspace(s, acting_as="Lee Lead"), p)
        assert s.list_inspections() == []


def test_importing_the_same_inspection_twice_is_refused(exported, tmp_path):
    with Store(tmp_path / "t.sqlite3") as s:
        inspections.import_bundle(Workspace(s, acting_as="Lee Lead"), exported)
        before = _db_snapshot(s)
        with pytest.raises(OpError, match="already in this database"):
            inspections.import_bundle(Workspace(s, acting_as="Lee Lead"), exported)
        assert _db_snapshot(s) == before


def test_bundle_carries_per_case_scores_and_matches_published_schema(exported):
    data = json.loads(exported.read_text())
    assert data["question_set"] == {"id": "iaow-2013", "version": builtin_catalog().get("iaow-2013").version}
    assert all("groups" in c["scores"] for c in data["cases"])
    committed = json.loads((REPO / "docs" / "bundle.schema.json").read_text())
    assert committed == json.loads(json.dumps(bundle.schema()))


_HOSTILE = [
    (b"[" * 1_000, "nested too deeply"),  # 2 KB: a RecursionError traceback before
    (b"[" * 100_000, "nested too deeply"),
    (b'{"format": "case-assessor-bundle", "format_version": 1, "cases": ' + b"[" * 5_000 + b"}", "nested too deeply"),
    (b'{"format": "case-assessor-bundle", "format_version": 1' + b"0" * 100_000 + b"}", "number is too long"),
    (b'{"format": "case-assessor-bundle", "format_version": 1, "x": 1' + b"0" * 100_000 + b"}", "number is too long"),
    (b'{"format": "case-assessor-bundle", "format_version": "1"}', "bundle: "),
    (b'{"format": "case-assessor-bundle", "format_version": 1, "cases": {"a": 1}}', "bundle: "),
    (b'{"format": "case-assessor-bundle", "format_version": 1, "cases": [' + b'{"x":' * 150 + b"1" + b"}" * 150
     + b"]}", "bundle: "),
]


@pytest.mark.parametrize("raw, says", _HOSTILE, ids=[r[:30].decode() for r, _ in _HOSTILE])
def test_hostile_bundle_bytes_give_a_bundle_error(raw, says, iaow):
    with pytest.raises(bundle.BundleError, match=says):
        bundle.parse(raw, builtin_catalog())


def test_hostile_bundle_file_is_refused_by_read_file(tmp_path):
    p = tmp_path / "deep.json"
    p.write_bytes(b"[" * 1_000)
    with pytest.raises(bundle.BundleError, match="nested too deeply"):
        bundle.read_file(p, builtin_catalog())


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=2_000),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                              lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                                  st.sampled_from(["format", "format_version", "cases", "inspection", "x"]), kids,
                                  max_size=4), max_leaves=30).map(lambda v: json.dumps(v).encode())))
def test_any_bytes_give_a_bundle_error(raw):
    try:
        bundle.parse(raw, builtin_catalog())
    except bundle.BundleError:
        pass


def test_wrong_types_inside_a_valid_bundle_give_a_bundle_error(exported):
    data = json.loads(exported.read_text())
    for mutate in (lambda d: d["cases"][0].__setitem__("details", []),
                   lambda d: d["cases"][0]["details"].__setitem__("case_type", {"a": [1]}),
                   lambda d: d["cases"][0]["assessments"][0]["answers"][0].__setitem__("value", [[["x"]]]),
                   lambda d: d["cases"][0]["assessments"][0]["answers"][0].__setitem__("value", 10**4000),
                   lambda d: d.__setitem__("grades", [])):
        bad = json.loads(exported.read_text())
        mutate(bad)
        with pytest.raises(bundle.BundleError):
            bundle.parse(json.dumps(bad).encode(), builtin_catalog())
    assert data
