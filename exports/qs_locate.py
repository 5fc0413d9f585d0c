"""Full validation of an assembled workbook, every problem placed back on its
sheet, row and column with what to do about it."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from exports.qs_assemble import Assembled
from exports.qs_cells import CellError
from exports.qs_layout import text_header
from models.qs_runtime import build
from models.qs_schema import QuestionSetFile
from models.qs_validate import problems

# field of the set file -> column of the sheet, where they differ
_COLUMNS = {("settings", "id"): "form_id", ("case_fields", "options"): "choices", ("choices", "value"): "name",
            ("scales", "options"): "list_name", ("questions", "in"): "applies"}
_TEXTS = {"title", "description", "text", "guidance", "provenance", "applies_note", "label", "help", "short", "note"}

# what to do, by the words of the problem
_TODO = (
    ("unknown scale", "name a list_name from the 'scales' sheet"),
    ("unknown case field", "use an id from the 'case_fields' sheet (or a question id to test an answer)"),
    ("unknown question", "use an id from the 'questions' sheet"),
    ("a cycle", "break the cycle: one of the two questions must not depend on the other"),
    ("later in the journey", "test only questions asked earlier in the journey, or move this question's criterion"),
    ("itself", "a question cannot depend on its own answer"),
    ("unknown value", "use an option of that case field (its list on the 'choices' sheet)"),
    ("unknown answer", "use an option of that question's scale (the 'choices' sheet), or na"),
    ("unknown criterion", "use a code from the 'criteria' sheet"),
    ("unknown stem", "use an id from the 'stems' sheet, or leave the stem empty"),
    ("used by no question", "name it in the stem column of its questions, or remove its row"),
    ("more than one criterion", "give the questions of each criterion their own stem"),
    ("unknown outcome/section", "use an outcome or section id from the 'groups' sheet"),
    ("unknown headline", "use a headline id from the 'groups' sheet"),
    ("unknown section", "use a section id from the 'groups' sheet"),
    ("English", "fill in the English column"),
    ("duplicate", "give each row its own id"),
    ("ordinal", "mark the case field ordinal, or test it with = or in (...)"),
    ("multi-select", "test a multi-select field or question, or use = / in (...)"),
    ("number", "compare a number field with a number, an ordinal field with one of its options"),
)


def todo_for(problem: str) -> str:
    return next((todo for words, todo in _TODO if words in problem), "correct the value")


def locate(a: Assembled, loc: tuple[Any, ...]) -> tuple[str, int | None, str | None]:
    """The sheet, row and column of the part of the set at ``loc``."""
    for n in range(len(loc), -1, -1):
        where = a.at.get(tuple(loc[:n]))
        if where is None:
            continue
        sheet, row = where
        rest = [p for p in loc[n:] if isinstance(p, str)]
        if rest[:2] == ["guidance", "text"]:  # the guidance's text is its guidance::… columns
            rest = ["guidance", *rest[2:]]
        if not rest:
            return sheet, row, None
        field = rest[0]
        if field in _TEXTS:
            lang = rest[1] if len(rest) > 1 and re.fullmatch(r"[a-z]{2,3}", rest[1]) else "en"
            return sheet, row, text_header(field, lang)
        if field in ("scale",) and sheet == "scales":
            return sheet, row, "kind"
        return sheet, row, _COLUMNS.get((sheet, field), field)
    return "settings", None, str(loc[0]) if loc else None


def _pydantic_errors(a: Assembled, err: ValidationError) -> list[CellError]:
    out: list[CellError] = []
    seen: set[tuple[str, int | None, str | None]] = set()
    for e in err.errors():
        loc = tuple(e.get("loc", ()))
        if "applies" in loc:  # one condition union: report it once, on the applies cell
            loc = loc[: loc.index("applies") + 1]
        sheet, row, column = locate(a, loc)
        if (sheet, row, column) in seen:
            continue
        seen.add((sheet, row, column))
        msg, kind = str(e["msg"]), e["type"]
        if kind == "missing":
            msg, todo = f"{loc[-1]} is missing", "fill it in"
        elif kind in ("literal_error", "enum"):
            todo = "choose one of those values (the cell's drop-down list offers them)"
        elif column == "seed":
            todo = "name a seed file, such as 003_b64db95b1e64ce7a.txt"
        else:
            todo = todo_for(msg) if kind != "string_pattern_mismatch" else "write it in that form"
        out.append(CellError(sheet, row, column, msg, todo))
    return out


def _set_problem(a: Assembled, problem: str) -> CellError:
    """A set-level problem (no question named) placed on its sheet."""
    patterns = (
        (r"criterion (\S+) names", "criteria", "group"),
        (r"headline (\S+) names", "groups", "sections"),
        (r"grade (\S+) names", "grades", "scale"),
        (r"stem (\S+) is used", "stems", "id"),
    )
    for pattern, sheet, column in patterns:
        m = re.match(pattern, problem)
        if m:
            return CellError(sheet, a.rows.get(sheet, {}).get(m[1]), column, problem, todo_for(problem))
    for name in ("split_by", "case_list_columns", "subgroup_by", "sample_by", "journey_order", "languages"):
        if problem.startswith(name):
            todo = "list 'en' first" if name == "languages" else "name ids from the 'case_fields' sheet" \
                if name != "journey_order" else "name codes from the 'criteria' sheet, each once"
            return CellError("settings", a.at.get((), ("", None))[1], name, problem, todo)
    return CellError("settings", None, None, problem, todo_for(problem))


# a question's problem (models.qs_validate) -> its column, by how the problem starts
_QUESTION_COLUMNS = (("duplicate", "id"), ("unknown criterion", "criterion"), ("unknown scale", "scale"),
                     ("wording", text_header("text", "en")), ("unknown stem", "stem"),
                     ("feeds unknown outcome", "outcomes"), ("feeds unknown headline", "headlines"),
                     ("per_option_of", "per_option_of"), ("condition", "applies"), ("a number in", "applies"),
                     ("at_least/at_most", "applies"), ("includes needs", "applies"), ("a true/false", "applies"),
                     ("equals, in and not_in", "applies"))
# "<where> is not given in 'cy' (...)": a text lacking a language the set lists (named by ids and keys)
_NO_TEXT = re.compile(r"^(?P<where>.+?) (?:is not given|has no text) in '(?P<lang>[^']+)'")


def _path_of(raw: Any, words: list[str]) -> tuple[Any, ...] | None:
    """The path in the set's dict named by ids and keys (``criteria 1.1 guidance text``)."""
    node: Any = raw
    path: list[Any] = []
    for w in words:
        if isinstance(node, list):
            i = next((i for i, x in enumerate(node) if isinstance(x, dict) and w in (x.get("id"), x.get("code"),
                                                                                      x.get("value"))), None)
            if i is None and re.fullmatch(r"#\d+", w) and 0 < int(w[1:]) <= len(node):
                i = int(w[1:]) - 1
            if i is None:
                return None
            node, path = node[i], [*path, i]
        elif isinstance(node, dict) and w in node:
            node, path = node[w], [*path, w]
        else:
            return None
    return tuple(path)


def _missing_language(a: Assembled, problem: str, qid: str | None) -> CellError | None:
    m = _NO_TEXT.match(problem)
    path = _path_of(a.raw, [*(["questions", qid] if qid else []), *m["where"].split()]) if m else None
    if m is None or path is None:
        return None
    sheet, row, column = locate(a, (*path, m["lang"]))
    return CellError(sheet, row, column, problem, f"write the text in that column, or take {m['lang']} out of the "
                                                  "languages on the 'settings' sheet")


def answers_named(cond: Any) -> set[str]:
    """The questions whose answers a condition (as in the set file) tests."""
    if not isinstance(cond, dict):
        return set()
    found = {cond["answer"]} if "answer" in cond else set()
    for part in (*cond.get("all", []), *cond.get("any", []), *([cond["not"]] if "not" in cond else [])):
        found |= answers_named(part)
    return found


def _reaches(deps: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        q = todo.pop()
        if q == goal:
            return True
        if q not in seen:
            seen.add(q)
            todo.extend(deps.get(q, ()))
    return False


def _question_problem(a: Assembled, problem: str, qid: str, deps: dict[str, set[str]]) -> CellError:
    column = next((col for start, col in _QUESTION_COLUMNS if problem.startswith(start)), None)
    if column == "applies":  # said as the expression says it
        problem = problem.replace("at_least/at_most", ">= or <=").replace("equals, in and not_in", "=, != and in")
    later = re.match(r"condition on (\S+), which comes later", problem)
    if later and _reaches(deps, later[1], qid):
        problem += f"; and {later[1]} depends on this question's answer in turn: a cycle"
    return CellError("questions", a.rows.get("questions", {}).get(qid), column, problem, todo_for(problem))


def place(a: Assembled, problem: str, qid: str | None, deps: dict[str, set[str]]) -> CellError:
    """A problem of the whole set (models.qs_validate: about the question
    ``qid``, or the set) placed on its sheet, row and column."""
    return _missing_language(a, problem, qid) or (_question_problem(a, problem, qid, deps) if qid else
                                                  _set_problem(a, problem))


def validate_assembled(a: Assembled) -> tuple[dict[str, Any] | None, list[CellError]]:
    """The normalised dump of the assembled set, or every problem found.

    Problems of the cells come first; only a workbook without them is
    validated in full (pydantic), and only a valid file is checked across
    (every reference resolves, conditions name earlier questions)."""
    if a.errors:
        return None, list(a.errors)
    try:
        dump = QuestionSetFile.model_validate(a.raw).model_dump(mode="json", by_alias=True, exclude_none=True)
    except ValidationError as e:
        return None, _pydantic_errors(a, e)
    deps = {q["id"]: answers_named(q.get("applies")) for q in dump["questions"]}
    found = [place(a, p, qid, deps) for p, qid in problems(build(dump))]
    return (None, found) if found else (dump, [])
