"""The question sets as data: loading, refusal of bad files, sources, coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from models.questionset import BUILTIN_DIR, QuestionSetError, Stage, load_catalog, load_question_set, schema

from ..conftest import REPO, need_shared


def test_builtin_sets_load_cleanly():
    cat = load_catalog()
    assert cat.errors == []
    assert {"iaow-2013", "omi2-2010", "tr-2016"} <= set(cat.sets)


def test_iaow_structure(iaow):
    outcomes = [g.id for g in iaow.data.groups if g.kind == "outcome"]
    assert outcomes == ["O1", "O2", "O3", "O4", "O5"]
    case_criteria = {c.code for c in iaow.data.criteria if c.stage != Stage.LEADERSHIP_MANAGEMENT}
    assert case_criteria == {"1.1", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.5"}
    assert iaow.data.outcome_rule_default == "questions"


def test_iaow_journey_order_is_stage_first(iaow):
    order = [qv.criterion.code for qv in iaow.questions]
    firsts = list(dict.fromkeys(order))
    assert firsts[:5] == ["1.1", "2.1", "3.1", "4.1", "5.1"]
    assert firsts[5:9] == ["2.2", "3.2", "4.2", "5.2"]
    assert firsts[9:13] == ["2.3", "3.3", "4.3", "5.3"]
    assert firsts[13] == "5.5"
    # interview items, if present, come last
    stages = [qv.stage.rank for qv in iaow.questions]
    assert stages == sorted(stages)


def _all_sources(qs):
    for qv in qs.questions:
        for s in qv.q.sources:
            yield qv.id, s
    for group in (qs.data.groups, qs.data.criteria, qs.data.case_fields, qs.data.bands, qs.data.grades, qs.data.stems):
        for item in group:
            for s in item.sources:
                yield getattr(item, "id", getattr(item, "code", "?")), s
    # guidance names its seed lines too, and they are checked the same way
    for c in qs.data.criteria:
        for s in c.guidance.sources if c.guidance else []:
            yield f"guidance of {c.code}", s
    for qv in qs.questions:
        for s in qv.q.guidance.sources if qv.q.guidance else []:
            yield f"guidance of {qv.id}", s


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.parametrize("set_id", ["iaow-2013", "omi2-2010", "tr-2016"])
def test_every_question_has_a_source_line_carrying_it(set_id):
    seeds = need_shared() / "seeds"
    qs = load_catalog().get(set_id)
    lines = {}
    for qv in qs.questions:
        assert qv.q.sources, f"{qv.id} has no source"
    checked = 0
    for owner, s in _all_sources(qs):
        if s.seed not in lines:
            lines[s.seed] = (seeds / s.seed).read_text(encoding="utf-8").splitlines()
        text = lines[s.seed]
        assert s.line <= len(text), f"{owner}: {s.ref()} is past the end of the seed"
        assert _ws(s.quote) in _ws(text[s.line - 1]), f"{owner}: quote {s.quote!r} is not on {s.ref()}"
        checked += 1
    assert checked >= len(qs.questions)


def _catalogue_ids(prefix_re: str) -> set[str]:
    text = (need_shared() / "reference" / "question-catalogue.md").read_text(encoding="utf-8")
    return set(re.findall(prefix_re, text))


@pytest.mark.parametrize(
    "set_id, pattern, expected",
    [
        ("iaow-2013", r"\*\*(IAOW-\d\.\d-\d\d)\*\*", 202),
        ("omi2-2010", r"\| (OMI2-\d\.\d-\d\d) \|", 196),
        ("tr-2016", r"\*\*(TR-[A-F]\d\d)\*\*", 97),
    ],
)
def test_catalogue_coverage_at_least_95_percent(set_id, pattern, expected):
    ids = _catalogue_ids(pattern)
    assert len(ids) == expected
    qs = load_catalog().get(set_id)
    covered = set()
    for qv in qs.questions:
        covered.add(qv.id)
        covered.update(qv.q.covers)
    share = len(ids & covered) / len(ids)
    assert share >= 0.95, f"{set_id} covers {len(ids & covered)} of {len(ids)}"


def test_published_schema_is_current():
    committed = json.loads((REPO / "docs" / "question-set.schema.json").read_text())
    assert committed == json.loads(json.dumps(schema()))


# ---- malformed files -------------------------------------------------------


def _good() -> dict:
    return json.loads((BUILTIN_DIR / "iaow-2013.json").read_text())


def _write(tmp_path: Path, data, name="bad.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data))
    return p


def test_invalid_json_is_refused_with_file_and_position(tmp_path):
    p = _write(tmp_path, '{"format": 1,,}')
    with pytest.raises(QuestionSetError, match=r"bad\.json: not valid JSON \(line 1"):
        load_question_set(p)


def test_missing_field_names_file_and_question(tmp_path):
    d = _good()
    del d["questions"][3]["text"]
    qid = d["questions"][3]["id"]
    with pytest.raises(QuestionSetError) as e:
        load_question_set(_write(tmp_path, d))
    assert "bad.json" in str(e.value) and qid in str(e.value) and "text" in str(e.value)


def test_unknown_criterion_names_the_question(tmp_path):
    d = _good()
    d["questions"][0]["criterion"] = "9.9"
    with pytest.raises(QuestionSetError, match=r"question IAOW-1\.1-01: unknown criterion '9\.9'"):
        load_question_set(_write(tmp_path, d))


def test_condition_on_unknown_value_is_refused(tmp_path):
    d = _good()
    d["questions"][2]["applies"] = {"field": "rosh_level", "at_least": "extreme"}
    with pytest.raises(QuestionSetError, match="unknown value 'extreme'"):
        load_question_set(_write(tmp_path, d))


def test_condition_with_code_is_just_refused(tmp_path):
    d = _good()
    d["questions"][2]["applies"] = "__import__('os').system('true')"
    with pytest.raises(QuestionSetError):
        load_question_set(_write(tmp_path, d))


def test_blank_option_value_is_refused(tmp_path):
    """"" is how a blank answer is stored, so it cannot also be an option."""
    d = _good()
    first_scale = next(iter(d["scales"]))
    d["scales"][first_scale]["options"][0]["value"] = ""
    with pytest.raises(QuestionSetError, match="at least 1 character"):
        load_question_set(_write(tmp_path, d))


def test_source_is_required(tmp_path):
    d = _good()
    d["questions"][5]["sources"] = []
    with pytest.raises(QuestionSetError, match="sources"):
        load_question_set(_write(tmp_path, d))


def test_newer_format_is_refused(tmp_path):
    d = _good()
    d["format"] = 99
    with pytest.raises(QuestionSetError, match="newer Case Assessor"):
        load_question_set(_write(tmp_path, d))


def test_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a-good.json").write_text((BUILTIN_DIR / "iaow-2013.json").read_text())
    _write(tmp_path, "not json at all", "b-bad.json")
    cat = load_catalog([tmp_path])
    assert list(cat.sets) == ["iaow-2013"]
    assert len(cat.errors) == 1 and "b-bad.json" in cat.errors[0]


def test_welsh_can_be_added_as_data(tmp_path, iaow):
    d = _good()
    d["languages"] = ["en", "cy"]
    d["questions"][0]["text"]["cy"] = "A baratowyd adroddiad ar gyfer yr ymddangosiad llys hwn? ŵ ŷ"
    qs = load_question_set(_write(tmp_path, d))
    from models.questionset import text_in

    assert text_in(qs.questions[0].q.text, "cy").endswith("ŵ ŷ")
    assert text_in(qs.questions[1].q.text, "cy") == text_in(qs.questions[1].q.text, "en")


# ---- set-level lists of case fields ----------------------------------------


def test_builtin_sets_name_their_listed_fields(iaow):
    cat = load_catalog()
    assert iaow.data.case_list_columns == ["case_type", "rosh_level", "gender"]
    assert iaow.data.subgroup_by == ["case_type", "gender", "rosh_level", "area"]  # area: the LDU
    assert iaow.data.sample_by == ["case_type", "gender", "ethnicity", "rosh_level", "principal_offence"]
    tr = cat.get("tr-2016")
    assert tr.data.subgroup_by[-2:] == ["organisation", "area"] and tr.data.sample_by[-1] == "organisation"
    assert tr.fields["area"].kind == "choice" and len(tr.fields["area"].options) == 6  # six LDU clusters
    for qs in cat.sets.values():
        for name in ("split_by", "case_list_columns", "subgroup_by", "sample_by"):
            assert all(f in qs.fields for f in getattr(qs.data, name)), (qs.id, name)


def test_field_lists_default_to_empty(tmp_path):
    d = _good()
    for name in ("case_list_columns", "subgroup_by", "sample_by"):
        d.pop(name, None)
    qs = load_question_set(_write(tmp_path, d))
    assert qs.data.case_list_columns == qs.data.subgroup_by == qs.data.sample_by == []


@pytest.mark.parametrize("name", ["split_by", "case_list_columns", "subgroup_by", "sample_by"])
def test_field_list_naming_an_unknown_field_is_refused(tmp_path, name):
    d = _good()
    d[name] = ["case_type", "shoe_size"]
    with pytest.raises(QuestionSetError, match=rf"bad\.json: {name} names unknown case field 'shoe_size'"):
        load_question_set(_write(tmp_path, d))


# ---- journey order ------------------------------------------------------------


def test_journey_order_puts_named_criteria_first_within_their_stage(iaow):
    d = iaow.data.to_json()
    d["journey_order"] = ["1.1", "2.1", "4.1", "3.1"]
    from models.questionset import validate_dict

    qs = validate_dict(d)
    firsts = list(dict.fromkeys(qv.criterion.code for qv in qs.questions))
    assert firsts[:6] == ["1.1", "2.1", "4.1", "3.1", "5.1", "2.2"]  # 5.1 keeps its place after the named ones
    assert [qv.id for qv in qs.questions][:3] == [qv.id for qv in iaow.questions][:3]


def test_a_condition_on_a_question_later_in_the_journey_is_refused(iaow):
    from models.questionset import validate_dict

    d = iaow.data.to_json()
    # assess first, then plan (issue 17): 3.1's plan questions (3.1-10 to 13) ask only when there is
    # a sentence plan (2.1-08), so 3.1 cannot simply go before 2.1
    d["journey_order"] = ["1.1", "3.1", "4.1", "2.1"]
    with pytest.raises(QuestionSetError, match="IAOW-3.1-10: condition on IAOW-2.1-08, which comes later"):
        validate_dict(d)
    d["journey_order"] = ["9.9"]
    with pytest.raises(QuestionSetError, match="journey_order names unknown criterion '9.9'"):
        validate_dict(d)


# ---- stems, guidance and provenance ----------------------------------------

PROVENANCE_WORDS = re.compile(r"Wording (from|reconstructed)|Paraphrased from|OCR|does not survive|inferred", re.I)


@pytest.mark.parametrize("set_id", ["iaow-2013", "omi2-2010", "tr-2016"])
def test_every_criterion_has_guidance_and_no_guidance_is_a_provenance_note(set_id):
    qs = load_catalog().get(set_id)
    for c in qs.data.criteria:
        assert c.guidance is not None and c.guidance.sources, f"criterion {c.code} has no guidance"
    texts = [c.guidance.text["en"] for c in qs.data.criteria if c.guidance]
    texts += [qv.q.guidance.text["en"] for qv in qs.questions if qv.q.guidance]
    for t in texts:
        assert not PROVENANCE_WORDS.search(t), f"guidance reads like provenance: {t[:80]}"
    # every question shows guidance (at least its criterion's), and says where its wording came from
    for qv in qs.questions:
        assert qs.guidance(qv), qv.id
        assert qv.q.provenance, qv.id


def test_provenance_notes_left_the_guidance(iaow):
    qv = iaow.by_id["IAOW-1.1-05"]
    assert "Wording from the York data-summary chart" in qv.q.provenance["en"]
    shown = " ".join(g.text["en"] for _h, g in iaow.guidance(qv))
    assert "Wording" not in shown and "good quality reports" in shown


@pytest.mark.parametrize(
    "set_id, members, stem",
    [
        ("iaow-2013", ["IAOW-1.1-03", "IAOW-1.1-05", "IAOW-1.1-08"], "The report for this court appearance:"),
        ("iaow-2013", ["IAOW-1.1-09", "IAOW-1.1-13", "IAOW-1.1-18"], "The pre-sentence report:"),
        ("iaow-2013", ["IAOW-4.2-21", "IAOW-4.2-26"], "Reviewing the risk of harm assessment:"),
        ("omi2-2010", ["OMI2-1.1-02", "OMI2-1.1-06", "OMI2-1.1-13"], "The pre-sentence report (PSR):"),
        ("omi2-2010", ["OMI2-2.2-05", "OMI2-2.2-06"], "Statutory victim contact cases:"),
        ("tr-2016", ["TR-B06", "TR-B06-individualised"], "Induction:"),
        ("tr-2016", ["TR-A22", "TR-A22-barriers"], "At the point of allocation"),
    ],
)
def test_grouped_items_carry_their_stem(set_id, members, stem):
    qs = load_catalog().get(set_id)
    for qid in members:
        qv = qs.by_id[qid]
        assert qs.stem_text(qv).startswith(stem), qid
        assert not qv.q.text["en"].startswith(stem.rstrip(":")), f"{qid} repeats its stem in its text"
        assert qs.full_text(qv).startswith(stem)


def test_1_1_05_reads_with_its_stem(iaow):
    qv = iaow.by_id["IAOW-1.1-05"]
    assert iaow.full_text(qv) == "The report for this court appearance: Based on risk of harm screening/ assessment"
    assert iaow.stem_text(iaow.by_id["IAOW-1.1-01"]) == ""


def test_unknown_stem_is_refused(tmp_path):
    d = _good()
    d["questions"][0]["stem"] = "nowhere"
    with pytest.raises(QuestionSetError, match=r"question IAOW-1\.1-01: unknown stem 'nowhere'"):
        load_question_set(_write(tmp_path, d))


def test_stem_across_criteria_is_refused(tmp_path):
    d = _good()
    q = next(q for q in d["questions"] if q["criterion"] == "2.1")
    q["stem"] = "psr-basis"
    with pytest.raises(QuestionSetError, match="stem psr-basis is used in more than one criterion"):
        load_question_set(_write(tmp_path, d))


def test_guidance_without_seed_lines_is_refused(tmp_path):
    d = _good()
    d["criteria"][0]["guidance"]["sources"] = []
    with pytest.raises(QuestionSetError, match="guidance.sources"):
        load_question_set(_write(tmp_path, d))


def test_a_file_with_the_old_plain_guidance_still_loads(tmp_path):
    """Before guidance named its seed lines it was plain text: such a file loads, the text kept as provenance."""
    d = _good()
    q = d["questions"][0]
    q.pop("provenance", None)
    q["guidance"] = {"en": "Wording reconstructed from the report narrative."}
    qs = load_question_set(_write(tmp_path, d, "old.json"))
    qv = qs.by_id[q["id"]]
    assert qv.q.guidance is None and qv.q.provenance == {"en": "Wording reconstructed from the report narrative."}
