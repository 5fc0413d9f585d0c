"""exports.enrolment: the signed, bounded enrolment file."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from exports import enrolment as fmt
from exports.secure import SigningKey

KEY = SigningKey(Ed25519PrivateKey.generate())
RECIPIENT = str(x25519.Identity.generate().to_public())


def test_round_trip_and_fingerprint():
    e = fmt.parse(fmt.make(KEY, RECIPIENT, "Ann Assessor", "2026-11-29T21:00:00.000Z"))
    assert (e.name, e.age_recipient, e.fingerprint) == ("Ann Assessor", RECIPIENT, KEY.fingerprint)


def _edited(change) -> bytes:
    d = json.loads(fmt.make(KEY, RECIPIENT, "Ann", "2026-11-29T21:00:00.000Z"))
    change(d)
    return json.dumps(d).encode()


@pytest.mark.parametrize("data, says", [
    (b"", "not an enrolment file"),
    (b"[" * 100_000, "not an enrolment file"),
    (b'{"format": "case-assessor-enrolment", "format_version": ' + b"9" * 5_000 + b"}", "not an enrolment file"),
    (b" " * (fmt.MAX_BYTES + 1), "larger than"),
    (_edited(lambda d: d.update(format="case-assessor-pack")), "not an enrolment file"),
    (_edited(lambda d: d.update(format_version=3)), "newer Case Assessor"),
    (_edited(lambda d: d.update(extra=1)), "extra"),
    (_edited(lambda d: d.update(name=["Ann"])), "name"),
    (_edited(lambda d: d.update(name="Ann\u202eBob")), "name"),
    (_edited(lambda d: d.update(age_recipient="age1notakey")), "age X25519"),
    (_edited(lambda d: d.update(signing_key="AAAA")), "Ed25519"),
    # the recipient swapped for the attacker's: the fingerprint stays the victim's, so the signature must catch it
    (_edited(lambda d: d.update(age_recipient=str(x25519.Identity.generate().to_public()))), "signature does not match"),
    (_edited(lambda d: d.update(name="Bob")), "signature does not match"),
])
def test_damaged_hostile_or_forged_files_are_refused(data, says):
    with pytest.raises(fmt.EnrolmentError, match=says):
        fmt.parse(data)


def test_the_published_schema_is_current():
    from tests.conftest import REPO

    assert json.loads((REPO / "docs" / "enrolment.schema.json").read_text()) == fmt.schema()
