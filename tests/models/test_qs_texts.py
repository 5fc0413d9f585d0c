"""Finding a set's translatable texts and merging a translation memory into it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from models.qs_common import BUILTIN_DIR, text_in
from models.qs_texts import english_texts, merge_translation, texts, translation_gaps
from models.questionset import builtin_catalog


def _raw() -> dict[str, Any]:
    return json.loads((BUILTIN_DIR / "iaow-2013.json").read_text(encoding="utf-8"))


def test_texts_name_where_they_sit_and_leave_provenance_and_quotes_out():
    found = dict(texts(_raw()))
    assert found[("scales", "yes_no", "options", "yes", "label")] == {"en": "Yes"}
    assert found[("case_fields", "rosh_level", "options", "medium", "label")] == {"en": "Medium"}
    assert ("questions", "IAOW-1.1-01", "text") in found
    assert not any(w[-1] in ("provenance", "quote") or "sources" in w for w in found)
    inline = [w for w in found if w[0] == "questions" and "scale" in w]
    assert inline and all(w[-1] == "label" for w in inline)  # options of inline scales too
    with_notes = dict(texts(_raw(), notes=True))
    assert with_notes.keys() - found.keys() == {w for w in with_notes if w[-1] == "provenance"} != set()
    assert not any("sources" in w for w in with_notes)


def test_the_file_form_and_the_runtime_form_have_the_same_texts():
    raw = _raw()
    runtime = builtin_catalog().get("iaow-2013", "1.0.0").data
    assert sorted(texts(raw)) == sorted(texts(runtime))
    assert sorted(english_texts(raw)) == sorted(english_texts(runtime))


def test_gaps_name_missing_and_unused_entries():
    raw = _raw()
    memory = {t: "cy" for t in english_texts(raw)}
    assert translation_gaps(raw, memory) == ([], [])
    del memory["Yes"]
    memory["An English text no longer in the set"] = "Testun"
    memory["No"] = ""  # an empty entry is no translation
    assert translation_gaps(raw, memory) == (["Yes", "No"], ["An English text no longer in the set"])


def test_merge_adds_the_language_everywhere_or_changes_nothing():
    raw = _raw()
    memory = {t: f"[cy] {t}" for t in english_texts(raw)}
    broken = dict(memory)
    broken.pop("Medium")
    before = json.dumps(raw)
    with pytest.raises(ValueError, match=r"1 texts missing \(first: \['Medium'\]\), 0 entries unused"):
        merge_translation(raw, "cy", broken)
    assert json.dumps(raw) == before
    merge_translation(raw, "cy", memory)
    assert raw["languages"] == ["en", "cy"]
    assert all(t["cy"] == f"[cy] {t['en']}" for _, t in texts(raw, frozenset({"cy"})))
    merge_translation(raw, "cy", memory)  # again: the same result, "cy" listed once
    assert raw["languages"] == ["en", "cy"]


def test_text_in_falls_back_to_english():
    assert text_in({"en": "Yes", "cy": "Ie"}, "cy") == "Ie"
    assert text_in({"en": "Yes"}, "cy") == "Yes"
    assert text_in({"en": "Yes", "cy": ""}, "cy") == "Yes"
    assert text_in(None, "cy") == ""
