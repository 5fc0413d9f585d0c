"""Reading a sample list: any bytes give SampleError with a reason, never a
traceback; the limits on a sample list are refused at once, naming the row
(issue 13, item 5: a 1,000,000-row file was accepted)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports import sample_csv
from exports.sample_csv import SampleError, parse_sample
from models.limits import MAX_CASES, MAX_CELL_CHARS, MAX_SAMPLE_BYTES
from models.questionset import QuestionSet, builtin_catalog


@pytest.fixture(scope="module")
def tr2016() -> QuestionSet:  # the built-in set with a number field
    return builtin_catalog().get("tr-2016")


def test_a_sample_reads(iaow):
    assert parse_sample(b"reference,case_type\nA-1,licence\n", iaow) == [("A-1", {"case_type": "licence"})]


@pytest.mark.parametrize("raw, says", [
    (b"reference,rsr_score\nA-1,1" + b"0" * 100_000 + b"\n", "finite|outside|field larger|characters long"),
    (b"reference,rsr_score\nA-1,1" + b"0" * 400 + b"\n", "finite|outside"),
    (b"reference,rsr_score\nA-1,nan\n", "finite"),
    (b"reference,rsr_score\nA-1,-inf\n", "finite"),
    (b"reference\n" + b"[" * 100_000 + b"\n", "row"),
    (b"reference\nA\x00B\n", "NUL|row"),
    (b"\xff\xfe", "UTF-8"),
    (b"x" * (MAX_SAMPLE_BYTES + 1), "MB"),
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


HEADER = b"reference,case_type\n"


def rows(n: int, start: int = 1) -> bytes:
    return b"".join(b"R-%d,licence\n" % i for i in range(start, start + n))


def test_the_limit_itself_is_accepted(iaow):
    assert len(parse_sample(HEADER + rows(MAX_CASES), iaow)) == MAX_CASES


def test_a_million_rows_are_refused_quickly_without_reading_past_the_limit(iaow, monkeypatch):
    # under the byte limit; the rows past the limit would each be refused if they were parsed
    data = HEADER + rows(MAX_CASES) + b"x\n" * (1_000_000 - MAX_CASES)
    assert len(data) < MAX_SAMPLE_BYTES
    checked = []
    real = iaow.check_details
    monkeypatch.setattr(iaow, "check_details", lambda d: checked.append(1) or real(d))
    t = time.perf_counter()
    with pytest.raises(SampleError, match=r"row 10,?002: too many cases; an inspection holds at most 10,000"):
        parse_sample(data, iaow)
    assert len(checked) == MAX_CASES  # rows past the limit are never parsed
    assert time.perf_counter() - t < 5


def test_a_file_over_the_byte_limit_is_refused_before_it_is_decoded(iaow):
    data = HEADER + rows(1_000_000)  # about 17 MB, as in the issue
    t = time.perf_counter()
    with pytest.raises(SampleError, match="a sample list may be at most 10 MB"):
        parse_sample(data, iaow)
    assert time.perf_counter() - t < 1


def test_the_cases_already_in_the_inspection_count(iaow, monkeypatch):
    monkeypatch.setattr(sample_csv, "MAX_CASES", 5)
    existing = {"A", "B", "C"}
    assert len(parse_sample(HEADER + rows(2), iaow, existing)) == 2
    with pytest.raises(SampleError, match="row 4: too many cases; an inspection holds at most 5 .it has 3 already"):
        parse_sample(HEADER + rows(3), iaow, existing)


@pytest.mark.parametrize("line, needle", [
    (b"Y-\x00001,licence", "row 2: the case reference contains U+0000"),
    ("ABC\u202e1-Y,licence".encode(), "row 2: the case reference contains U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    (b"X" * 5_000 + b",licence", "row 2: a cell is 5,000 characters long; at most 1,000"),
    (b"R-1,licence\nR-2," + b"l" * (MAX_CELL_CHARS + 1), "row 3: a cell is 1,001 characters long"),
    (b"R-1,\"" + b"l" * 200_000 + b"\"", "row 2: not a readable CSV file (field larger than field limit"),
])
def test_bad_references_and_cells_are_refused_naming_the_row(iaow, line, needle):
    with pytest.raises(SampleError) as e:
        parse_sample(HEADER + line + b"\n", iaow)
    assert needle in str(e.value)
