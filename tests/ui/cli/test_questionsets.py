"""`question-sets install|diff` and `migrate-inspection` from the command line (issue 17)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from models.qs_migrate import AnswerMap, plan_migration
from models.questionset import builtin_catalog, validate_dict

from ..ops.test_questionsets import new_version
from .test_commands import cli


def test_install_diff_and_migrate_from_the_command_line(db_path, tmp_path, capsys):
    db = str(db_path)
    assert cli("new-inspection", "--db", db, "--name", "York", "--question-set", "iaow-2013@1.0.0", "--as", "Lee")[0] == 0
    code, out = cli("question-sets", "install", str(new_version(tmp_path)))
    assert code == 0 and "installed iaow-2013 version 2.0.0" in out
    code, out = cli("question-sets")
    assert "version 1.0.0, built-in;" in out and "version 1.1.0, built-in;" in out and "version 2.0.0, installed, offered for new inspections" in out
    code, out = cli("question-sets", "diff", "iaow-2013@1.0.0", "iaow-2013", "--format", "json")
    assert json.loads(out)["added"] == ["IAOW-2.2-12R"]
    code, out = cli("migrate-inspection", "--db", db, "--inspection", "York", "--to", "2.0.0", "--dry-run")
    assert code == 0 and "would move from iaow-2013 1.0.0 to iaow-2013 2.0.0" in out
    code, out = cli("migrate-inspection", "--db", db, "--inspection", "York", "--to", "9.9", "--as", "Lee")
    assert code == 2 and "unknown question set iaow-2013 version 9.9" in capsys.readouterr().err
    code, out = cli("migrate-inspection", "--db", db, "--inspection", "York", "--to", "2.0.0", "--as", "Lee")
    assert code == 0 and "moved from" in out and "backup of the database" in out


IAOW = builtin_catalog().get("iaow-2013", "1.0.0")
DUMPS = [json.dumps({"id": q["id"], **q}) for q in IAOW.data.to_json()["questions"]]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_answer_has_exactly_one_fate_and_what_moves_fits(data):
    """The plan is a partition of the stored answers, and whatever it keeps
    is a valid answer in the new version (law of the migration)."""
    raw = json.loads(json.dumps(IAOW.data.to_json()))
    gone = set(data.draw(st.lists(st.sampled_from([q.id for q in IAOW.questions]), max_size=5)))
    referenced = {q: any(f'"{q}"' in text for text in DUMPS if not text.startswith(f'{{"id": "{q}"'))
                  for q in gone}
    raw["questions"] = [q for q in raw["questions"] if q["id"] not in gone or referenced[q["id"]]]
    raw["version"] = "2.0.0"
    new = validate_dict(raw)
    qids = st.sampled_from([q.id for q in IAOW.questions])
    values = st.sampled_from(["yes", "no", "na", "late", "standard", None, "bogus"])
    answers = data.draw(st.lists(st.tuples(st.sampled_from(["a1", "a2"]), qids, values), max_size=30,
                                 unique_by=lambda r: (r[0], r[1])))
    plan = plan_migration(IAOW, new, AnswerMap(), answers)
    assert sorted((m.assessment_id, m.old_question) for m in plan.moves) == sorted((a, q) for a, q, _ in answers)
    for m in plan.carried + plan.changed:
        assert m.new_question is not None and new.check_value(m.new_question, m.new_value) is None
    for m in plan.dropped:
        assert m.old_question not in new.by_id or new.check_value(m.old_question, m.old_value) is not None


def test_diff_counts_a_translation_by_language(capsys):
    code, out = cli("question-sets", "diff", "iaow-2013@1.1.0", "iaow-2013@1.2.0")
    assert code == 0 and out.splitlines() == ["iaow-2013 1.1.0 -> iaow-2013 1.2.0",
                                              "  texts in 'cy' added, reworded or removed: 905"]


def test_build_and_to_xlsx_from_the_command_line(tmp_path, capsys):
    book, out = tmp_path / "omi2.xlsx", tmp_path / "omi2.json"
    assert cli("question-sets", "to-xlsx", "omi2-2010@1.0.0", "--out", str(book)) == (
        0, f"wrote omi2-2010 version 1.0.0 (196 questions) to {book}\n")
    assert cli("question-sets", "build", str(book), "--out", str(out)) == (
        0, f"built omi2-2010 version 1.0.0 (196 questions) into {out}\n")
    assert json.loads(out.read_text()) == builtin_catalog().get("omi2-2010", "1.0.0").data.to_json()
    code, _ = cli("question-sets", "build", str(book), "--out", str(book))
    assert code != 0 and "is the workbook itself" in capsys.readouterr().err
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really")
    code, _ = cli("question-sets", "build", str(tmp_path / "bad.xlsx"))
    err = capsys.readouterr().err
    assert code != 0 and "not an .xlsx workbook" in err and "Traceback" not in err
    assert not (tmp_path / "bad.json").exists()
