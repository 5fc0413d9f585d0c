"""The catalogue's checked cache: a warm start needs no pydantic, a bad cache
is never used, and a set from the cache is the set full validation gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.catalog import CACHE_KIND, cache_path, cache_version, load_catalog, load_question_set
from models.questionset import BUILTIN_DIR, QuestionSetError

from ..conftest import REPO

BUILTIN_IDS = ["iaow-2013", "omi2-2010", "tr-2016"]


def canonical(qs) -> str:
    """Everything a loaded set is made of, as one text: the file's dump, the
    journey order with each question's resolved scale, and the lookups."""
    return json.dumps(
        {
            "data": qs.data.model_dump(mode="json", by_alias=True, exclude_none=True),
            "python": repr(qs.data.model_dump()),
            "order": [(qv.id, qv.position, qv.criterion.code, qv.scale.model_dump(mode="json")) for qv in qs.questions],
            "above": {qv.id: sorted(qv.scale.above_values) for qv in qs.questions},
            "fields": list(qs.fields),
            "groups": list(qs.groups),
        },
        sort_keys=True,
    )


@pytest.fixture
def builtin_copy(tmp_path: Path) -> Path:
    """The built-in sets in a folder of their own (so tests may edit them)."""
    d = tmp_path / "sets"
    shutil.copytree(BUILTIN_DIR, d)
    return d


def warm(sets: Path, cache: Path) -> dict[str, str]:
    cat = load_catalog([sets], cache_dir=cache)
    assert cat.errors == []
    return {k: canonical(v) for k, v in cat.sets.items()}


def test_warm_start_imports_no_pydantic(tmp_path):
    cache = tmp_path / "cache"
    code = (
        "import sys; from pathlib import Path; import models.questionset as m; "
        f"c = m.builtin_catalog(Path({str(cache)!r})); assert not c.errors, c.errors; "
        "print(sorted(c.sets), 'pydantic' in sys.modules)"
    )
    run = lambda: subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)  # noqa: E731
    first = run().stdout.split()
    assert first[-1] == "True"  # cold: every set validated in full, and cached
    assert len(list(cache.glob("*.json"))) == len(list(BUILTIN_DIR.glob("*.json")))  # every version
    assert run().stdout.split() == [*first[:-1], "False"]


def test_facade_does_not_import_pydantic():
    code = "import sys, models.questionset, models.conditions, models.scoring; print('pydantic' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


def test_no_cache_dir_means_no_cache_written(builtin_copy, tmp_path):
    load_catalog([builtin_copy])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sets"]


@pytest.mark.parametrize("set_id", BUILTIN_IDS)
def test_set_from_cache_equals_set_from_full_validation(builtin_copy, tmp_path, set_id, monkeypatch):
    cache = tmp_path / "cache"
    path = builtin_copy / f"{set_id}.json"
    full = load_question_set(path)
    load_question_set(path, cache)  # writes the cache
    import models.catalog as catalog

    def no_validation(*_a, **_k):
        raise AssertionError("validated in full although a good cache was there")

    monkeypatch.setattr(catalog, "validate_dict", no_validation)
    cached = load_question_set(path, cache)
    assert canonical(cached) == canonical(full)
    assert cached.data == full.data


def _corrupt(text: str) -> str:
    return text[: len(text) // 2]


def _tamper_payload(text: str) -> str:
    env = json.loads(text)
    env["payload"] = env["payload"].replace('"above_line":true', '"above_line":false', 1)
    return json.dumps(env)


def _tamper_consistently(text: str) -> str:
    """A payload changed *and* its digest recomputed: only the checks catch it."""
    import hashlib

    env = json.loads(text)
    payload = json.loads(env["payload"])
    payload["questions"][3]["criterion"] = "no-such-criterion"
    env["payload"] = json.dumps(payload)
    env["payload_sha256"] = hashlib.sha256(env["payload"].encode()).hexdigest()
    return json.dumps(env)


def _old_version(text: str) -> str:
    env = json.loads(text)
    env["version"] = "0" * 64
    return json.dumps(env)


def _other_source(text: str) -> str:
    env = json.loads(text)
    env["source_sha256"] = "f" * 64
    return json.dumps(env)


def _pickle_like(_text: str) -> str:
    return "\x80\x04\x95 not json"


@pytest.mark.parametrize(
    "spoil", [_corrupt, _tamper_payload, _tamper_consistently, _old_version, _other_source, _pickle_like]
)
def test_a_bad_cache_is_detected_and_rebuilt(builtin_copy, tmp_path, spoil, monkeypatch):
    cache = tmp_path / "cache"
    expected = warm(builtin_copy, cache)
    target = cache_path(cache, builtin_copy / "iaow-2013.json")
    good = target.read_text(encoding="utf-8")
    target.write_text(spoil(good), encoding="utf-8")
    import models.catalog as catalog

    calls = []
    real = catalog.validate_dict
    monkeypatch.setattr(catalog, "validate_dict", lambda *a: calls.append(a[1]) or real(*a))
    assert warm(builtin_copy, cache) == expected
    assert [p.name for p in calls] == ["iaow-2013.json"]  # only the spoilt one was validated again
    rebuilt = json.loads(target.read_text(encoding="utf-8"))
    assert rebuilt["kind"] == CACHE_KIND and rebuilt["version"] == cache_version()
    assert rebuilt == json.loads(good)  # rewritten as it was before the damage
    assert not list(cache.glob("*.tmp"))


def test_a_changed_set_file_is_validated_again(builtin_copy, tmp_path):
    cache = tmp_path / "cache"
    warm(builtin_copy, cache)
    path = builtin_copy / "tr-2016.json"
    d = json.loads(path.read_text())
    d["questions"][0]["criterion"] = "9.9"
    path.write_text(json.dumps(d))
    with pytest.raises(QuestionSetError, match="unknown criterion '9.9'"):
        load_question_set(path, cache)
    d["questions"][0]["text"]["en"] = "Changed wording"
    del d["questions"][0]["criterion"]
    path.write_text(json.dumps(d))
    with pytest.raises(QuestionSetError, match="criterion"):
        load_question_set(path, cache)


def test_an_unwritable_cache_folder_is_no_error(builtin_copy, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    cat = load_catalog([builtin_copy], cache_dir=blocker / "cache")
    assert cat.errors == [] and len(cat.sets) == 3


def test_runtime_classes_mirror_the_schema_models():
    """Every runtime class has the pydantic model's fields, in the same order,
    with the same defaults (so a dump of either is the same dict)."""
    import dataclasses

    from models import qs_runtime, qs_schema

    pairs = [(qs_schema.QuestionSetFile, qs_runtime.QuestionSetData)] + [
        (getattr(qs_schema, name), getattr(qs_runtime, name))
        for name in ("FieldCond", "AnswerCond", "AllCond", "AnyCond", "NotCond", "Option", "Scale", "Source",
                     "CaseField", "Group", "Criterion", "Band", "BandRule", "Grade", "Question")
    ]
    for model, runtime in pairs:
        data_fields = [f for f in dataclasses.fields(runtime) if f.init]
        assert [f.name for f in data_fields] == list(model.model_fields), runtime.__name__
        for f in data_fields:
            spec = model.model_fields[f.name]
            if spec.is_required():
                assert f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING, f.name
            else:
                got = f.default if f.default is not dataclasses.MISSING else f.default_factory()
                assert got == spec.default, (runtime.__name__, f.name)


# ---- versions side by side ----------------------------------------------------


def _with_version(src: Path, dest: Path, version: str) -> Path:
    data = json.loads(src.read_text(encoding="utf-8"))
    data["version"] = version
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / f"{data['id']}-{version}.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def test_two_versions_of_one_set_load_together_and_the_newest_is_offered(tmp_path):
    """Replays issue 17: loading iaow-2013 1.0.0 and 1.1.0 together failed with
    "question set id 'iaow-2013' is already defined"."""
    user = tmp_path / "user"
    _with_version(BUILTIN_DIR / "iaow-2013.json", user, "1.2.0")
    _with_version(BUILTIN_DIR / "iaow-2013.json", user, "1.10.0")
    cat = load_catalog([BUILTIN_DIR, user], origins=["built-in", "installed"])
    assert cat.errors == []
    assert sorted(cat.versions["iaow-2013"]) == ["1.0.0", "1.1.0", "1.10.0", "1.2.0"]
    assert cat.get("iaow-2013", "1.0.0").version == "1.0.0"  # an inspection on 1.0.0 still opens
    assert cat.get("iaow-2013").version == "1.10.0"  # numbers compare as numbers
    assert cat.sets["iaow-2013"].version == "1.10.0"
    assert [(q.id, q.version) for q in cat.all()][:4] == [("iaow-2013", v) for v in ("1.0.0", "1.1.0", "1.2.0", "1.10.0")]
    assert cat.origin[("iaow-2013", "1.2.0")] == "installed" and cat.origin[("iaow-2013", "1.1.0")] == "built-in"
    with pytest.raises(QuestionSetError, match="unknown question set iaow-2013 version 9.9"):
        cat.get("iaow-2013", "9.9")


def test_an_installed_file_never_replaces_a_built_in_version(tmp_path):
    user = tmp_path / "user"
    shadow = json.loads((BUILTIN_DIR / "iaow-2013.json").read_text(encoding="utf-8"))
    shadow["title"] = {"en": "Impostor"}
    user.mkdir()
    (user / "iaow.json").write_text(json.dumps(shadow), encoding="utf-8")
    cat = load_catalog([BUILTIN_DIR, user], origins=["built-in", "installed"])
    assert cat.get("iaow-2013", "1.0.0").title() != "Impostor"
    assert len(cat.errors) == 1 and "already defined" in cat.errors[0] and "built-in" in cat.errors[0]
