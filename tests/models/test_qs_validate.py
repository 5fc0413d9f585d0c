"""The checks across a set: a set that lists a language gives every text in it
(issue 17, item 4: Welsh texts as data)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.catalog import validate_dict
from models.qs_common import BUILTIN_DIR, QuestionSetError, text_in
from models.qs_texts import english_texts, merge_translation, texts


def _welsh_everywhere() -> dict[str, Any]:
    """IAOW 1.0.0 with a (fake) Welsh text beside every English one."""
    d = json.loads((BUILTIN_DIR / "iaow-2013.json").read_text(encoding="utf-8"))
    merge_translation(d, "cy", {t: f"cy: {t}" for t in english_texts(d)})
    return d


WELSH = _welsh_everywhere()
LANGS = frozenset({"en", "cy"})
WHERE = [where for where, _ in texts(WELSH, LANGS)]


def _without_welsh(d: dict[str, Any], where: tuple[str, ...]) -> dict[str, Any]:
    """``d`` with the Welsh of the text at ``where`` removed (in place)."""
    for w, text in texts(d, LANGS):
        if w == where:
            del text["cy"]
            return d
    raise AssertionError(where)


def _copy() -> dict[str, Any]:
    return json.loads(json.dumps(WELSH))


def test_a_set_with_every_text_in_every_listed_language_loads():
    qs = validate_dict(_copy())
    assert qs.data.languages == ["en", "cy"]
    assert text_in(qs.questions[0].q.text, "cy") == "cy: " + text_in(qs.questions[0].q.text)


@pytest.mark.parametrize(("where", "message"), [
    (("questions", "IAOW-1.1-01", "text"), "question IAOW-1.1-01: text is not given in 'cy'"),
    (("questions", "IAOW-1.1-02", "guidance", "text"), "question IAOW-1.1-02: guidance text is not given in 'cy'"),
    (("questions", "IAOW-1.1-03", "applies_note"), "question IAOW-1.1-03: applies_note is not given in 'cy'"),
    (("scales", "yes_no", "options", "yes", "label"), "scales yes_no options yes label is not given in 'cy'"),
    (("case_fields", "rosh_level", "options", "medium", "label"),
     "case_fields rosh_level options medium label is not given in 'cy'"),
    (("case_fields", "rosh_level", "help"), "case_fields rosh_level help is not given in 'cy'"),
    (("criteria", "2.1", "guidance", "text"), "criteria 2.1 guidance text is not given in 'cy'"),
    (("stems", "psr-basis", "text"), "stems psr-basis text is not given in 'cy'"),
    (("groups", "O1", "short"), "groups O1 short is not given in 'cy'"),
    (("description",), "description is not given in 'cy'"),
])
def test_a_text_missing_a_listed_language_refuses_the_set_naming_it(where, message):
    """Failed before: a set listing "cy" loaded with texts in English only."""
    with pytest.raises(QuestionSetError, match=message):
        validate_dict(_without_welsh(_copy(), where))


def test_an_empty_translation_is_missing_and_listing_a_language_with_no_texts_is_refused():
    d = _copy()
    d["title"]["cy"] = ""
    with pytest.raises(QuestionSetError, match="title is not given in 'cy'"):
        validate_dict(d)
    plain = json.loads((BUILTIN_DIR / "iaow-2013.json").read_text(encoding="utf-8"))
    plain["languages"] = ["en", "cy"]
    with pytest.raises(QuestionSetError, match="title is not given in 'cy'"):
        validate_dict(plain)


def test_provenance_notes_may_stay_english_and_seed_quotes_are_never_translated():
    d = _copy()
    q = next(q for q in d["questions"] if "provenance" in q)
    assert set(q["provenance"]) == {"en", "cy"} and set(q["sources"][0]) == {"seed", "line", "quote"}
    del q["provenance"]["cy"]
    assert text_in(validate_dict(d).by_id[q["id"]].q.provenance, "cy") == q["provenance"]["en"]


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(WHERE), max_size=3))
def test_a_set_is_refused_exactly_when_some_text_lacks_a_listed_language(stripped):
    d = _copy()
    for where in stripped:
        _without_welsh(d, where)
    if stripped:
        with pytest.raises(QuestionSetError, match="is not given in 'cy'"):
            validate_dict(d)
    else:
        validate_dict(d)
