"""Authoring question sets in a spreadsheet: a workbook built into a set file
(validated in full, every problem placed on its sheet, row and column), and
any known set written out as a workbook (docs/question-sets.md)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from exports.files import atomic_write
from exports.qs_assemble import assemble
from exports.qs_locate import answers_named, validate_assembled
from exports.qs_xlsx import WorkbookProblems, read_workbook, workbook_bytes
from models.catalog import validate_dict
from models.qs_runtime import build
from models.questionset import QuestionSet
from ui.ops.errors import OpError
from ui.ops.questionsets import find_set, install_set


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def set_json(dump: dict[str, object]) -> bytes:
    """A set file's bytes, laid out like the built-in sets."""
    return (json.dumps(dump, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_set_workbook(path: Path) -> QuestionSet:
    """The set a workbook describes, validated in full; WorkbookProblems
    lists every problem found (sheet, row, column, what to do)."""
    assembled = assemble(read_workbook(Path(path)))
    dump, errors = validate_assembled(assembled)
    if dump is None:
        raise WorkbookProblems(Path(path), errors)
    return QuestionSet(build(dump), Path(path))


def default_output(path: Path) -> Path:
    return Path(path).with_suffix(".json")


def build_set(path: Path, out: Path | None = None) -> tuple[QuestionSet, Path]:
    """Validate the workbook and write its set as JSON to ``out`` (default:
    beside it, ``.json``).  Nothing is written when there is any problem, and
    the output may not be the workbook itself."""
    path = Path(path)
    target = Path(out) if out is not None else default_output(path)
    if _same_file(path, target):
        raise OpError(f"the output {target} is the workbook itself; name another file with --out. "
                      "Nothing was written.")
    if out is None and target.exists():
        raise OpError(f"{target} already exists; name the output with --out (an existing file is replaced only "
                      "when you name it). Nothing was written.")
    if target.suffix.lower() in (".xlsx", ".xlsm"):
        raise OpError(f"the output {target} would be a workbook; name a .json file. Nothing was written.")
    qs = read_set_workbook(path)
    atomic_write(target, set_json(qs.data.to_json()))
    return qs, target


def set_to_workbook(spec: str, out: Path) -> QuestionSet:
    """Write a known set (``ID`` or ``ID@VERSION``) as a workbook to ``out``."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise OpError(f"{out}: name a file ending in .xlsx. Nothing was written.")
    qs = find_set(spec)
    atomic_write(out, workbook_bytes(qs.data.to_json()))
    return qs


def install_file(path: Path) -> QuestionSet:
    """Install a set from a JSON file or a workbook (built and validated
    first); refused, changing nothing, on any problem."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return install_set(path)
    qs = read_set_workbook(path)
    return install_set(path, qs, set_json(qs.data.to_json()))


TEMPLATE_BASE = "iaow-2013@1.2.0"  # pinned (English and Welsh): a later IAOW version does not change the template
TEMPLATE_CRITERIA = ("1.1", "2.1")  # the IAOW criteria the template keeps: pre-sentence reports, sentence plans


def template_dump() -> dict[str, Any]:
    """The template's set: the built-in IAOW set cut down to two criteria
    (their questions, the scales they use, every case field and group), so
    every sheet shows real rows with their seed sources."""
    d = copy.deepcopy(find_set(TEMPLATE_BASE).data.to_json())
    qs = [q for q in d["questions"] if q["criterion"] in TEMPLATE_CRITERIA]
    while True:  # drop questions whose condition names a dropped one
        kept = {q["id"] for q in qs}
        keep = [q for q in qs if answers_named(q.get("applies")) <= kept and q.get("per_option_of", "") in
                kept | {""}]
        if len(keep) == len(qs):
            break
        qs = keep
    used = {q["scale"] for q in qs if isinstance(q["scale"], str)}
    stems = {q.get("stem") for q in qs}
    d.update(id="example-framework", version="0.1.0", questions=qs,
             scales={k: v for k, v in d["scales"].items() if k in used},
             stems=[st for st in d["stems"] if st["id"] in stems],
             criteria=[c for c in d["criteria"] if c["code"] in TEMPLATE_CRITERIA],
             journey_order=[c for c in d["journey_order"] if c in TEMPLATE_CRITERIA])
    d["title"] = {"en": "Example framework (two IAOW criteria): copy this workbook to start a new set",
                  "cy": "Fframwaith enghreifftiol (dau faen prawf IAOW): copïwch y llyfr gwaith hwn i ddechrau set "
                        "newydd"}
    return d


def write_template(out: Path) -> QuestionSet:
    """The documented template (docs/question-set-template.xlsx), checked to
    build back into a valid set before it is written."""
    dump = template_dump()
    qs = validate_dict(dump)
    atomic_write(Path(out), workbook_bytes(dump))
    return qs
