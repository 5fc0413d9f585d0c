"""tools/correct_sets.py writes the corrected (1.1.0) built-in sets and the
bilingual IAOW 1.2.0; the files in the repository are exactly what it writes."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from models.qs_common import BUILTIN_DIR
from models.qs_migrate import AnswerMap, plan_migration
from models.qs_texts import texts, translation_gaps
from models.questionset import builtin_catalog

from ..conftest import REPO


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("correct_sets", REPO / "tools" / "correct_sets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
MEMORY_PATH = BUILTIN_DIR / "translations" / "iaow-2013.cy.json"


def _memory() -> dict[str, str]:
    memory: dict[str, str] = TOOL.read_memory(MEMORY_PATH, "iaow-2013", "cy")
    return memory


def test_the_files_in_the_repository_are_what_the_tool_writes():
    built = TOOL.build()
    assert sorted(built) == ["iaow-2013-1.1.0.json", "iaow-2013-1.2.0.json", "omi2-2010-1.1.0.json",
                             "tr-2016-1.1.0.json"]
    for name, data in built.items():
        assert (BUILTIN_DIR / name).read_text(encoding="utf-8") == TOOL.dumps(data), name


def test_every_english_text_of_the_newest_iaow_has_welsh_and_no_welsh_entry_is_orphaned():
    newest = builtin_catalog().get("iaow-2013")
    assert newest.version == "1.2.0" and newest.data.languages == ["en", "cy"]
    assert translation_gaps(newest.data, _memory()) == ([], [])
    for where, text in texts(newest.data, frozenset({"cy"})):
        assert text["cy"] == _memory()[text["en"]], where


def _english_only(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _english_only(v) for k, v in node.items() if k != "cy"}
    if isinstance(node, list):
        return [_english_only(v) for v in node]
    return node


def test_the_welsh_version_changes_no_data_only_adds_welsh():
    old = json.loads((BUILTIN_DIR / "iaow-2013-1.1.0.json").read_text(encoding="utf-8"))
    new = json.loads((BUILTIN_DIR / "iaow-2013-1.2.0.json").read_text(encoding="utf-8"))
    assert new["description"]["en"].startswith(old["description"]["en"] + " Version 1.2.0 gives every text in Welsh")
    for key in ("version", "description", "languages"):
        old.pop(key), new.pop(key)
    assert _english_only(new) == old  # ids, option values, scales, conditions, sources: all as in 1.1.0


def test_an_inspection_moves_from_1_1_0_to_1_2_0_with_every_answer():
    cat = builtin_catalog()
    old, new = cat.get("iaow-2013", "1.1.0"), cat.get("iaow-2013", "1.2.0")
    def value(qv: Any) -> Any:
        first = qv.scale.options[0].value
        if qv.q.per_option_of is not None:
            return {"accommodation": first}
        return [first] if qv.scale.kind == "multi" else first

    answers = [("a1", qv.id, value(qv)) for qv in old.questions]
    plan = plan_migration(old, new, AnswerMap(), answers)
    assert len(plan.carried) == len(answers) and not plan.dropped and not plan.changed


# abbreviations Welsh documents keep, question and seed references: kept as written
_KEPT = re.compile(r"\b(?:RoSH|OASys|MAPPA|NPS|CRC|PSR|RMP|RoH|LoR|ViSOR|NOMS|ETE|SAR|ATR|DRR|SOPO|LDU|SEEDS|PSO|PO|"
                   r"IAOW-\d\.\d-\d+|\d\.\d-\d+|\d{3}:\d+(?:-\d+)?)\b")


def test_the_welsh_keeps_abbreviations_and_references_and_is_never_the_english_copied():
    for english, welsh in _memory().items():
        assert welsh != english and welsh.strip() == welsh and "  " not in welsh, english
        assert set(_KEPT.findall(english)) == set(_KEPT.findall(welsh)), (english, welsh)
        assert welsh.endswith(("?", ".", ":")) == english.endswith(("?", ".", ":")), (english, welsh)


def test_a_changed_english_wording_never_keeps_its_old_welsh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The memory is keyed by the English text: editing an English wording in
    1.0.0 leaves its old entry unused and the new wording untranslated, and the
    tool refuses to write 1.2.0 until the Welsh is brought up to date."""
    corrected = TOOL.build()["iaow-2013-1.1.0.json"]
    changed = copy.deepcopy(corrected)
    q = next(q for q in changed["questions"] if q["id"] == "IAOW-1.1-03")
    q["text"]["en"] = "Was based on enough information"
    with pytest.raises(ValueError, match=r"1 texts missing \(first: \['Was based on enough information'\]\), "
                                         r"1 entries unused \(first: \['Was based on sufficient information'\]\)"):
        TOOL.with_welsh(changed)
    stale = tmp_path / "m.json"
    stale.write_text(json.dumps({"format": "case-assessor-translation", "format_version": 1, "set": "tr-2016",
                                 "language": "cy", "texts": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a version-1 'cy' translation of iaow-2013"):
        TOOL.read_memory(stale, "iaow-2013", "cy")
