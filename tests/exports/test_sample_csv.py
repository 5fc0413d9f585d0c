"""Reading a sample list: any bytes give SampleError with a reason, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports.sample_csv import MAX_BYTES, SampleError, parse_sample
from models.questionset import QuestionSet, builtin_catalog


@pytest.fixture(scope="module")
def tr2016() -> QuestionSet:  # the built-in set with a number field
    return builtin_catalog().get("tr-2016")


def test_a_sample_reads(iaow):
    assert parse_sample(b"reference,case_type\nA-1,licence\n", iaow) == [("A-1", {"case_type": "licence"})]


@pytest.mark.parametrize("raw, says", [
    (b"reference,rsr_score\nA-1,1" + b"0" * 100_000 + b"\n", "finite|outside|field larger"),
    (b"reference,rsr_score\nA-1,1" + b"0" * 400 + b"\n", "finite|outside"),
    (b"reference,rsr_score\nA-1,nan\n", "finite"),
    (b"reference,rsr_score\nA-1,-inf\n", "finite"),
    (b"reference\n" + b"[" * 100_000 + b"\n", "row"),
    (b"reference\nA\x00B\n", "NUL|row"),
    (b"\xff\xfe", "UTF-8"),
    (b"x" * (MAX_BYTES + 1), "MB"),
    (b'reference\n"unterminated', "."),
], ids=range(9))
def test_hostile_samples_are_refused(raw, says, tr2016):
    with pytest.raises(SampleError, match=says):
        parse_sample(raw, tr2016)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500) | st.text(max_size=300).map(lambda t: ("reference,case_type,rsr_score\n" + t).encode()))
def test_any_bytes_give_a_sample_error_or_rows(raw):
    try:
        parse_sample(raw, builtin_catalog().get("tr-2016"))
    except SampleError:
        pass
