"""Building a set from a workbook, writing one out, installing a workbook."""

from __future__ import annotations

import json

import openpyxl
import pytest

from models.questionset import builtin_catalog
from tests.exports.qs_books import hostile_books
from ui.ops import authoring
from ui.ops.errors import USER_ERRORS, OpError
from ui.ops.paths import sets_dir
from ui.ops.workspace import catalog


def test_build_writes_the_validated_set_and_nothing_on_error(tmp_path):
    book = tmp_path / "tr.xlsx"
    authoring.set_to_workbook("tr-2016", book)
    qs, out = authoring.build_set(book)
    assert out == tmp_path / "tr.json"
    assert json.loads(out.read_text()) == builtin_catalog().get("tr-2016").data.to_json() == qs.data.to_json()
    with pytest.raises(OpError, match="already exists; name the output with --out"):
        authoring.build_set(book)  # the default output is never replaced unasked
    assert authoring.build_set(book, out)[1] == out  # a named one is
    wb = openpyxl.load_workbook(book)
    wb["questions"].cell(row=2, column=[c.value for c in wb["questions"][1]].index("scale") + 1, value="no_such_scale")
    wb.save(book)
    target = tmp_path / "new.json"
    with pytest.raises(USER_ERRORS) as e:
        authoring.build_set(book, target)
    assert "sheet 'questions', row 2, column 'scale': unknown scale 'no_such_scale'" in str(e.value)
    assert "nothing was written" in str(e.value) and not target.exists()


def test_the_output_may_not_be_the_workbook(tmp_path):
    book = tmp_path / "s.xlsx"
    authoring.set_to_workbook("omi2-2010", book)
    before = book.read_bytes()
    for out in (book, tmp_path / "." / "s.xlsx", tmp_path / "other.xlsx"):
        with pytest.raises(OpError, match="Nothing was written"):
            authoring.build_set(book, out)
    assert book.read_bytes() == before and not (tmp_path / "other.xlsx").exists()
    with pytest.raises(OpError, match="ending in .xlsx"):
        authoring.set_to_workbook("omi2-2010", tmp_path / "s.json")


def test_a_workbook_installs_as_a_new_version(tmp_path):
    book = tmp_path / "iaow.xlsx"
    authoring.set_to_workbook("iaow-2013", book)
    with pytest.raises(OpError, match="already built-in"):
        authoring.install_file(book)
    wb = openpyxl.load_workbook(book)
    wb["settings"]["B2"] = "9.0.0"
    wb.save(book)
    qs = authoring.install_file(book)
    assert (qs.id, qs.version) == ("iaow-2013", "9.0.0")
    assert catalog().get("iaow-2013", "9.0.0").data.to_json() == qs.data.to_json()


def test_hostile_workbooks_change_nothing(tmp_path):
    book = tmp_path / "iaow.xlsx"
    authoring.set_to_workbook("iaow-2013", book)
    installed = sorted(sets_dir().iterdir())
    for kind, (path, words) in hostile_books(book, tmp_path / "hostile").items():
        before = path.read_bytes()
        with pytest.raises(USER_ERRORS) as e:
            authoring.build_set(path, tmp_path / "out.json")
        assert words in str(e.value), kind
        with pytest.raises(USER_ERRORS) as e:
            authoring.install_file(path)
        assert words in str(e.value), kind
        assert path.read_bytes() == before and not (tmp_path / "out.json").exists(), kind
        assert sorted(sets_dir().iterdir()) == installed, kind
    assert len(catalog().all()) == len(builtin_catalog().all())


def test_the_template_is_a_valid_set_and_the_documented_file_is_current(tmp_path):
    from tests.conftest import REPO

    qs = authoring.write_template(tmp_path / "t.xlsx")
    assert authoring.read_set_workbook(tmp_path / "t.xlsx").data.to_json() == qs.data.to_json()
    committed = authoring.read_set_workbook(REPO / "docs" / "question-set-template.xlsx")
    assert committed.data.to_json() == qs.data.to_json(), "run: python main.py question-sets template --out " \
                                                         "docs/question-set-template.xlsx"
