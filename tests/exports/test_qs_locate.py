"""Every kind of problem a question-set workbook can have, one test each,
each placed on its sheet, row and column with what to do about it."""

from __future__ import annotations

from typing import Any

import openpyxl

from exports.qs_assemble import assemble
from exports.qs_locate import place
from exports.qs_xlsx import read_workbook, workbook_bytes
from models.questionset import builtin_catalog
from tests.exports.qs_books import IAOW, book_of, build, cell, column, edited, only_problem, source_rows


def test_unknown_scale(iaow_book, tmp_path):
    c = None

    def change(wb: Any) -> None:
        nonlocal c
        c = cell(wb["questions"], "IAOW-1.1-03", "scale")
        c.value = "yes_noo"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert msg.startswith(f"sheet 'questions', row {c.row}, column 'scale': unknown scale 'yes_noo'")
    assert "'scales' sheet" in msg


def test_unknown_field_in_a_condition(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "applies").value = "case_tpye in (sso)"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'applies': condition names unknown case field 'case_tpye'" in msg and "'case_fields'" in msg


def test_duplicate_id(iaow_book, tmp_path):
    rows = {}

    def change(wb: Any) -> None:
        c = cell(wb["questions"], "IAOW-1.1-04", "id")
        rows["first"] = cell(wb["questions"], "IAOW-1.1-03", "id").row
        rows["second"] = c.row
        c.value = "IAOW-1.1-03"

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert errors[0] == (f"sheet 'questions', row {rows['second']}, column 'id': duplicate id 'IAOW-1.1-03' "
                         f"(also on row {rows['first']}); give each row its own id")


def test_missing_english_text(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        ws = wb["questions"]
        c = cell(ws, "IAOW-1.1-03", "text::English (en)")
        ws.cell(row=1, column=ws.max_column + 1, value="text::Welsh (cy)")
        ws.cell(row=c.row, column=ws.max_column, value="Roedd yn seiliedig ar wybodaeth ddigonol")
        c.value = None

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'text::English (en)': the text has no English text; " in msg


def test_a_condition_on_a_later_question_or_on_itself(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-01", "applies").value = "IAOW-2.1-02 = yes"

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert "column 'applies': condition on IAOW-2.1-02, which comes later in the journey" in msg
    assert "asked earlier" in msg and "cycle" not in msg

    def itself(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "applies").value = "IAOW-1.1-03 = yes"

    assert "the question itself" in only_problem(edited(iaow_book, tmp_path, itself))


def test_bad_expression_syntax(iaow_book, tmp_path):
    row = {}

    def change(wb: Any) -> None:
        c = cell(wb["questions"], "IAOW-1.1-03", "applies")
        row["n"] = c.row
        c.value = "case_type in (sso, licence"

    assert only_problem(edited(iaow_book, tmp_path, change)) == (
        f"sheet 'questions', row {row['n']}, column 'applies': at character 27: expected ',' or ')' to close the "
        "list, found the end of the expression; see 'Applicability expressions' in docs/question-sets.md")


def test_missing_sheet(iaow_book, tmp_path):
    msg = only_problem(edited(iaow_book, tmp_path, lambda wb: wb.remove(wb["criteria"])))
    assert msg.startswith("sheet 'criteria': the workbook has no such sheet; add a sheet named 'criteria'")


def test_wrong_header(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        next(c for c in wb["questions"][1] if c.value == "scale").value = "scael"

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert errors[0].startswith("sheet 'questions', column 'scael': unknown column; the columns of this sheet are: id,")
    assert errors[1] == "sheet 'questions', column 'scale': the column is missing; add a column headed 'scale'"


def test_several_problems_are_listed_at_once(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-03", "scale").value = "nope"
        cell(wb["questions"], "IAOW-1.1-04", "applies").value = "a >"
        cell(wb["questions"], "IAOW-1.1-05", "scored").value = "perhaps"

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert len(errors) == 3 and {"'scale'", "'applies'", "'scored'"} == {e.split("column ")[1].split(":")[0]
                                                                         for e in errors}


def test_problems_found_by_full_validation_are_placed_too(iaow_book, tmp_path):
    rows = {}

    def change(wb: Any) -> None:
        c = cell(wb["case_fields"], "case_type", "kind")
        rows["field"] = c.row
        c.value = "chioce"
        c = cell(wb["criteria"], "1.1", "stage", "code")
        rows["criterion"] = c.row
        c.value = "planning"
        wb["sources"].cell(row=2, column=[c.value for c in wb["sources"][1]].index("seed") + 1, value="report.txt")

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert sorted(e.split(":")[0] for e in errors) == [
        f"sheet 'case_fields', row {rows['field']}, column 'kind'",
        f"sheet 'criteria', row {rows['criterion']}, column 'stage'",
        "sheet 'sources', row 2, column 'seed'"], errors
    assert errors[1].endswith("or 'text'; choose one of those values (the cell's drop-down list offers them)")
    assert errors[2].endswith("; name a seed file, such as 003_b64db95b1e64ce7a.txt")


def test_a_cycle_in_conditions(iaow_book, tmp_path):
    """Two questions each asked only on the other's answer: the one asked
    first is refused, and the message says it is a cycle."""
    row = {}

    def change(wb: Any) -> None:
        c = cell(wb["questions"], "IAOW-1.1-01", "applies")
        row["n"] = c.row
        c.value = "IAOW-1.1-04 = yes"  # 1.1-04 is asked only when 1.1-01 is fast or standard

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert msg.startswith(f"sheet 'questions', row {row['n']}, column 'applies': condition on IAOW-1.1-04, which "
                          "comes later in the journey")
    assert "IAOW-1.1-04 depends on this question's answer in turn: a cycle; break the cycle" in msg


def test_bad_numeric_comparisons(tmp_path):
    tr = book_of(builtin_catalog().get("tr-2016", "1.1.0"), tmp_path / "tr.xlsx")
    cases = {"rsr_score >= high": ">= or <= on the number field 'rsr_score' need a number, not text",
             "rosh_level >= 3": "a number in >= or <= needs a number field; 'rosh_level' is not",
             "case_type >= sso": ">= or <= need an ordinal field; 'case_type' is not",
             "rsr_score = 6.9": "=, != and in on the number field 'rsr_score' compare text (6.9 is not 6.90); "
                                "compare a number with >= or <="}
    row = {}

    def change(wb: Any, expression: str) -> None:
        c = cell(wb["questions"], "TR-A11", "applies")
        row["n"] = c.row
        c.value = expression

    for expression, problem in cases.items():
        msg = only_problem(edited(tr, tmp_path, lambda wb, e=expression: change(wb, e)))
        assert msg.startswith(f"sheet 'questions', row {row['n']}, column 'applies': {problem}; "), msg
        assert msg.endswith("; compare a number field with a number, an ordinal field with one of its options") or \
            msg.endswith("mark the case field ordinal, or test it with = or in (...)"), msg
    assert only_problem(edited(tr, tmp_path, lambda wb: setattr(cell(wb["questions"], "TR-A11", "applies"), "value",
                                                                "rsr_score >= 6,9"))).endswith(
        "at character 15: expected 'and', 'or' or the end of the expression, found ','; see 'Applicability "
        "expressions' in docs/question-sets.md")


def test_unknown_stem(iaow_book, tmp_path):
    c = {}

    def change(wb: Any) -> None:
        c["cell"] = cell(wb["questions"], "IAOW-1.1-03", "stem")
        c["cell"].value = "psr-basiss"

    assert only_problem(edited(iaow_book, tmp_path, change)) == (
        f"sheet 'questions', row {c['cell'].row}, column 'stem': unknown stem 'psr-basiss'; use an id from the "
        "'stems' sheet, or leave the stem empty")


def test_a_stem_no_question_uses(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        ws = wb["stems"]
        ws.append(["spare", "A lead-in nothing uses"])
        src = wb["sources"]
        src.append(["stems", "spare", None, "003_b64db95b1e64ce7a.txt", 364, "The report for this court appearance"])

    msg = only_problem(edited(iaow_book, tmp_path, change))
    assert msg.startswith("sheet 'stems', row 7, column 'id': stem spare is used by no question; name it in the stem "
                          "column of its questions"), msg


def test_a_stem_without_sources(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        for r in reversed(source_rows(wb["sources"], "stems", "psr-basis")):
            wb["sources"].delete_rows(r)

    assert only_problem(edited(iaow_book, tmp_path, change)) == (
        "sheet 'stems', row 2, column 'id': stem psr-basis has no sources; add rows on the 'sources' sheet "
        "(sheet stems, id psr-basis, seed, line, quote)")


def test_guidance_without_sources(iaow_book, tmp_path):
    def change(wb: Any) -> None:
        for r in reversed(source_rows(wb["sources"], "criteria", "1.1", "guidance")):
            wb["sources"].delete_rows(r)

    assert only_problem(edited(iaow_book, tmp_path, change)) == (
        "sheet 'criteria', row 2, column 'guidance::English (en)': the guidance of 1.1 has no sources; add rows on "
        "the 'sources' sheet (sheet criteria, id 1.1, part guidance, seed, line, quote)")


def test_guidance_sources_without_guidance_and_an_unknown_part(iaow_book, tmp_path):
    rows: dict[str, Any] = {}

    def change(wb: Any) -> None:
        cell(wb["questions"], "IAOW-1.1-02", "guidance::English (en)").value = None
        rows["guidance"] = source_rows(wb["sources"], "questions", "IAOW-1.1-02", "guidance")
        rows["part"] = source_rows(wb["sources"], "questions", "IAOW-1.1-03")[0]
        wb["sources"].cell(row=rows["part"], column=column(wb["sources"], "part"), value="guidence")

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert errors == [
        f"sheet 'sources', row {r}, column 'part': the row IAOW-1.1-02 of the sheet 'questions' has no guidance "
        "text for these seed lines; write its guidance in the guidance::English (en) column of the 'questions' "
        "sheet, or remove this row" for r in rows["guidance"]] + [
        f"sheet 'sources', row {rows['part']}, column 'part': part 'guidence' is not known; leave part empty for "
        "the item's own seed lines; write guidance only for a row of the 'criteria' or 'questions' sheet"]


def test_every_problem_says_what_to_do(iaow_book, tmp_path):
    """A workbook with many things wrong at once: every problem is placed and
    says what to do (the text after '; ')."""
    def change(wb: Any) -> None:
        q = wb["questions"]
        for qid, col, value in (("IAOW-1.1-03", "scale", "nope"), ("IAOW-1.1-04", "stem", "nope"),
                                ("IAOW-1.1-05", "scored", "perhaps"), ("IAOW-1.1-06", "applies", "x >")):
            cell(q, qid, col).value = value
        cell(wb["case_fields"], "case_type", "choices").value = "no_list"
        wb["sources"].cell(row=2, column=column(wb["sources"], "sheet"), value="nowhere")

    _, errors = build(edited(iaow_book, tmp_path, change))
    assert len(errors) == 6, errors
    for e in errors:
        where, _, rest = e.partition(": ")
        assert where.startswith("sheet '") and ", row " in where and ", column '" in where, e
        assert "; " in rest and rest.split("; ", 1)[1].strip(), e


def test_a_text_missing_a_listed_language_is_placed_on_its_column(tmp_path):
    """A set that lists Welsh must give every text in it (the check names the
    text by ids and keys, ``criteria 1.1 guidance text is not given in 'cy'``):
    each is placed on the row and the Welsh column of that text."""
    dump = IAOW().data.to_json()
    dump["languages"] = ["en", "cy"]
    path = tmp_path / "cy.xlsx"
    path.write_bytes(workbook_bytes(dump))
    a = assemble(read_workbook(path))
    wb = openpyxl.load_workbook(path)
    choices = [(r[0].value, r[1].value) for r in wb["choices"].iter_rows(min_row=2)]
    lists = " (the set's languages are en, cy: every text needs each)"
    cases = [
        ("text", "IAOW-1.1-03", ("questions", cell(wb["questions"], "IAOW-1.1-03", "id").row, "text::Welsh (cy)")),
        ("guidance text", "IAOW-1.1-02", ("questions", cell(wb["questions"], "IAOW-1.1-02", "id").row,
                                          "guidance::Welsh (cy)")),
        ("criteria 1.1 guidance text", None, ("criteria", 2, "guidance::Welsh (cy)")),
        ("stems psr-basis text", None, ("stems", 2, "text::Welsh (cy)")),
        ("title", None, ("settings", 2, "title::Welsh (cy)")),
        ("scales yes_no options no label", None, ("choices", choices.index(("yes_no", "no")) + 2, "label::Welsh (cy)")),
        ("case_fields rosh_level options high label", None,
         ("choices", choices.index(("rosh_level", "high")) + 2, "label::Welsh (cy)")),
    ]
    for where, qid, (sheet, row, col) in cases:
        e = place(a, f"{where} is not given in 'cy'{lists}", qid, {})
        assert (e.sheet, e.row, e.column) == (sheet, row, col), where
        assert e.todo == "write the text in that column, or take cy out of the languages on the 'settings' sheet"
