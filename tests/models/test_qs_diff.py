"""The difference between two versions of a set: a translation is counted by
language, never reported as a change of wording."""

from __future__ import annotations

import json

from models.catalog import validate_dict
from models.qs_common import BUILTIN_DIR
from models.qs_diff import diff_sets
from models.questionset import builtin_catalog


def test_adding_welsh_is_a_translation_not_a_change_of_wording():
    """Failed before: every IAOW question was listed as changed (text,
    applies_note, guidance) and every scale and case field as changed."""
    cat = builtin_catalog()
    d = diff_sets(cat.get("iaow-2013", "1.1.0"), cat.get("iaow-2013", "1.2.0"))
    assert (d.added, d.removed, d.changed, d.moved, d.scales, d.case_fields) == ([], [], {}, [], [], [])
    assert d.translations == {"cy": 905} and not d.empty
    assert d.to_json()["translations"] == {"cy": 905}


def test_a_reworded_english_text_is_still_a_change_and_a_reworded_welsh_one_a_translation():
    raw = json.loads((BUILTIN_DIR / "iaow-2013-1.2.0.json").read_text(encoding="utf-8"))
    raw["version"] = "1.2.1"
    q = next(q for q in raw["questions"] if q["id"] == "IAOW-1.1-03")
    q["text"]["en"] += " (reworded)"
    q["applies_note"]["cy"] += " (wedi'i aileirio)"
    raw["scales"]["yes_no"]["options"][0]["label"]["cy"] = "Ydy"
    new = validate_dict(raw)
    d = diff_sets(builtin_catalog().get("iaow-2013", "1.2.0"), new)
    assert d.changed == {"IAOW-1.1-03": ["text"]} and d.scales == [] and d.translations == {"cy": 2}
