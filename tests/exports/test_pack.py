"""The inspection pack format: a round trip, and every hostile shape refused cleanly."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrage import x25519

from exports import pack

RECIPIENT = str(x25519.Identity.generate().to_public())
SIGNING_KEY = base64.b64encode(bytes(range(32))).decode()


def good(**over: object) -> dict:
    d = {
        "format": "case-assessor-pack", "format_version": 1,
        "inspection": {"id": "i-1", "name": "York 2014", "area": "", "question_set_id": "iaow-2013",
                       "question_set_version": "1.0.0", "start_date": "", "end_date": "", "created_at": "2014-01-01"},
        "assessor": "Ann",
        "cases": [{"id": "c-1", "reference": "Y-001", "details": {"gender": "male"}, "created_at": "x",
                   "updated_at": "x"}],
        "lead": {"name": "Lead", "age_recipient": RECIPIENT, "signing_key": SIGNING_KEY},
    }
    d.update(over)
    return d


def raw(d: object) -> bytes:
    return json.dumps(d).encode()


def test_a_pack_round_trips():
    p = pack.parse(raw(good()))
    assert pack.parse(pack.to_bytes(p)) == p
    assert p.lead.signing_key_bytes() == bytes(range(32))


@pytest.mark.parametrize("data, says", [
    (b"[" * 100_000, "not an inspection pack"),  # deep nesting: no RecursionError
    (b"[" * 1_000, "not an inspection pack"),
    (b"\xff\xfe garbage", "not an inspection pack"),
    (raw([1, 2]), "not an inspection pack"),
    (raw({"format": "case-assessor-bundle", "format_version": 1}), "not an inspection pack"),
    (raw(good(format_version=2)), "newer Case Assessor"),
    (raw(good(cases=[{"id": "c", "reference": "R", "details": [], "created_at": "", "updated_at": ""}])), "details"),
    (raw(good(lead={"name": "L", "age_recipient": "age1notakey", "signing_key": SIGNING_KEY})), "age X25519"),
    (raw(good(lead={"name": "L", "age_recipient": RECIPIENT, "signing_key": "!!"})), "base64"),
    (raw(good(lead={"name": "L", "age_recipient": RECIPIENT, "signing_key": "AAAA"})), "Ed25519"),
    (raw(good(cases=[{"id": "c", "reference": "R" * 5000, "details": {}, "created_at": "", "updated_at": ""}])),
     "reference"),
    (raw(good(extra="x")), "extra"),
])
def test_hostile_packs_are_refused_with_a_reason(data, says):
    with pytest.raises(pack.PackError, match=says):
        pack.parse(data)


@given(st.binary(max_size=300))
def test_any_bytes_either_parse_or_raise_pack_error(data):
    try:
        pack.parse(data)
    except pack.PackError:
        pass


@pytest.mark.parametrize("reference, says", [
    ("ABC\u202e1-Y", "cases.0.reference: the case reference contains U+202E"),
    ("Y-\x00001", "cases.0.reference: the case reference contains U+0000"),
    ("R" * 5_000, "cases.0.reference"),
])
def test_a_pack_reference_with_hidden_characters_or_too_long_is_refused(reference, says):
    case = {"id": "c-1", "reference": reference, "details": {}, "created_at": "x", "updated_at": "x"}
    with pytest.raises(pack.PackError) as e:
        pack.parse(raw(good(cases=[case])))
    assert says in str(e.value)
