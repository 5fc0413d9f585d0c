"""The question-set workbook layout: its sheets and columns, and a set written
out as tables (docs/question-sets.md, "Authoring a set in a spreadsheet").

Close to ODK's XLSForm where it fits: a ``settings`` sheet with one row of
values, a ``choices`` sheet of ``list_name`` / ``name`` / ``label::English
(en)`` rows, and one column per language for every text
(``text::English (en)``, ``text::Welsh (cy)``).  Lists of ids are written
separated by spaces.  No openpyxl here: :mod:`exports.qs_xlsx` does the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from models.cond_expr import to_text
from models.qs_common import Stage
from models.qs_runtime import Condition, build

Cell = str | int | float | None

# the name shown in a text column's header; the code in brackets is what counts (any code is read)
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh", "ga": "Irish", "gd": "Scottish Gaelic", "fr": "French",
                  "pl": "Polish", "pa": "Punjabi", "ur": "Urdu"}
_CODE = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"  # en, cy, en-GB: a BCP 47 language tag's usual shapes
LANG_CODE = re.compile(_CODE)
LANG_COLUMN = re.compile(rf"^(?P<base>[a-z_]+)::(?:(?P<name>[^()]*?)\s*\((?P<code>{_CODE})\)|(?P<bare>{_CODE}))\s*$")


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: its plain columns, its text columns (one per language), the
    columns every row must fill, and whether the workbook must have it."""

    name: str
    columns: tuple[str, ...]
    texts: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    optional_sheet: bool = False
    help: str = ""


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("settings", ("form_id", "version", "effective_date", "framework", "languages", "format",
                           "outcome_rule_default", "split_by", "case_list_columns", "subgroup_by", "sample_by",
                           "journey_order"), ("title", "description"),
              ("form_id", "version", "effective_date", "framework", "languages"),
              help="one row of values under the header"),
    SheetSpec("questions", ("id", "criterion", "stem", "scale", "scored", "wording", "applies", "per_option_of",
                            "outcomes", "headlines", "covers"), ("text", "guidance", "provenance", "applies_note"),
              ("id", "criterion", "scale"), help="one row per question, in the file's order"),
    SheetSpec("scales", ("list_name", "kind", "allow_na", "inline"), (), ("list_name",),
              help="one row per answer scale; its options are the rows of 'choices' with the same list_name"),
    SheetSpec("choices", ("list_name", "name", "above_line", "key"), ("label",), ("list_name", "name"),
              help="the options of scales and case fields"),
    SheetSpec("case_fields", ("id", "kind", "choices", "ordinal", "required", "minimum", "maximum"),
              ("label", "help"), ("id", "kind")),
    SheetSpec("groups", ("id", "kind", "sections"), ("title", "short"), ("id", "kind")),
    SheetSpec("criteria", ("code", "group", "stage"), ("title", "guidance"), ("code", "group", "stage")),
    SheetSpec("stems", ("id",), ("text",), ("id",), optional_sheet=True,
              help="the shared lead-in of a group of questions (their stem column names it)"),
    SheetSpec("band_rules", ("id", "applies_to"), ("title", "note"), ("id", "applies_to"), optional_sheet=True),
    SheetSpec("bands", ("rule", "label", "min", "evidenced"), (), ("rule", "label", "min"), optional_sheet=True),
    SheetSpec("grades", ("code", "scale"), ("title",), ("code", "scale"), optional_sheet=True),
    SheetSpec("sources", ("sheet", "id", "part", "seed", "line", "quote"), (), ("sheet", "seed", "line", "quote"),
              help="the seed lines behind each item: sheet and id name the item (no id for the set itself); "
                   "part 'guidance' for the seed lines of its guidance"),
)
SPECS = {s.name: s for s in SHEETS}
# the sheets whose rows may carry sources, and the column naming each row
SOURCE_KEYS = {"settings": "", "groups": "id", "criteria": "code", "case_fields": "id", "stems": "id",
               "band_rules": "id", "grades": "code", "questions": "id"}
GUIDED = ("criteria", "questions")  # the sheets whose rows may have guidance (its seed lines: part 'guidance')
GUIDANCE_PART = "guidance"
# drop-down lists the written workbook offers (Excel and LibreOffice data validation), by (sheet, column)
_YES_NO = ("yes", "no")
DROPDOWNS: dict[tuple[str, str], tuple[str, ...]] = {
    **{(sheet, col): _YES_NO for sheet, col in (
        ("questions", "scored"), ("scales", "allow_na"), ("scales", "inline"), ("choices", "above_line"),
        ("case_fields", "ordinal"), ("case_fields", "required"), ("bands", "evidenced"))},
    ("questions", "wording"): ("chart_label", "chart_title", "table", "text", "paraphrase"),
    ("scales", "kind"): ("single", "multi"),
    ("case_fields", "kind"): ("choice", "multi", "bool", "number", "text"),
    ("groups", "kind"): ("outcome", "section", "headline"),
    ("criteria", "stage"): tuple(s.value for s in Stage),
    ("settings", "outcome_rule_default"): ("questions", "criteria"),
    ("sources", "sheet"): tuple(SOURCE_KEYS),
    ("sources", "part"): (GUIDANCE_PART,),
}
# drop-down lists of the ids on another sheet: (sheet, column) -> (that sheet, its id column)
REF_DROPDOWNS: dict[tuple[str, str], tuple[str, str]] = {
    ("questions", "criterion"): ("criteria", "code"), ("questions", "stem"): ("stems", "id"),
    ("questions", "scale"): ("scales", "list_name"), ("criteria", "group"): ("groups", "id"),
    ("grades", "scale"): ("scales", "list_name"), ("bands", "rule"): ("band_rules", "id"),
}
NUMBER_COLUMNS = frozenset({"format", "minimum", "maximum", "min", "line"})  # every other column holds text
WIDE_COLUMNS = frozenset({"applies", "quote"})  # wrapped like the texts
SETTINGS_FIELDS = {"form_id": "id"}  # settings column -> key of the set file (others are the same)
LIST_SETTINGS = ("split_by", "case_list_columns", "subgroup_by", "sample_by", "journey_order")


def text_header(base: str, lang: str) -> str:
    return f"{base}::{LANGUAGE_NAMES.get(lang, lang)} ({lang})"


@dataclass
class Table:
    """A sheet as written: the header and the rows of cells."""

    name: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _ids(values: list[str] | None) -> str | None:
    if values is None:
        return None
    bad = [v for v in values if not v or re.search(r"[\s,]", v)]
    if bad:
        raise ValueError(f"{bad[0]!r} cannot be written in a list separated by spaces")
    return " ".join(values)


class _Writer:
    """Rows collected sheet by sheet; the text columns are made at the end, one
    per language the set lists and then any other language a text is given in."""

    def __init__(self, dump: dict[str, Any]) -> None:
        self.declared = list(dump["languages"])
        self.seen: set[str] = set()
        self.rows: dict[str, list[tuple[list[Cell], dict[str, dict[str, str]]]]] = {s.name: [] for s in SHEETS}

    def row(self, sheet: str, values: dict[str, Any], sources: list[dict[str, Any]] | None = None,
            key: str = "", guidance: dict[str, Any] | None = None) -> None:
        spec = SPECS[sheet]
        texts: dict[str, dict[str, str]] = {b: values.get(b) or {} for b in spec.texts}
        if guidance is not None:
            texts["guidance"] = guidance["text"]
        for text in texts.values():
            bad = [lang for lang, v in text.items() if not LANG_CODE.fullmatch(lang) or not v.strip()]
            if bad:
                raise ValueError(f"a text in {bad[0]!r} " + ("is empty or only spaces" if LANG_CODE.fullmatch(bad[0]) else
                                                             "is not in a language code a column can name"))
            self.seen.update(text)
        self.rows[sheet].append(([values.get(c) for c in spec.columns], texts))
        for part, srcs in (("", sources or []), (GUIDANCE_PART, guidance["sources"] if guidance else [])):
            for s in srcs:
                self.rows["sources"].append(([sheet, key or None, part or None, s["seed"], s["line"], s["quote"]],
                                             {}))

    def tables(self) -> list[Table]:
        langs = self.declared + sorted(self.seen - set(self.declared))
        out = []
        for spec in SHEETS:
            t = Table(spec.name, list(spec.columns) + [text_header(b, lang) for b in spec.texts for lang in langs])
            t.rows = [cells + [texts[b].get(lang) for b in spec.texts for lang in langs]
                      for cells, texts in self.rows[spec.name]]
            out.append(t)
        return out


def _list_names(d: dict[str, Any]) -> tuple[dict[int, str], dict[str, str]]:
    """Names on the 'choices' sheet for inline scales (by question index) and
    for case fields with options (by field id), unique beside the named scales."""
    taken = set(d["scales"])

    def fresh(base: str) -> str:
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name)
        return name

    inline = {i: fresh(q["id"]) for i, q in enumerate(d["questions"]) if isinstance(q["scale"], dict)}
    fields = {f["id"]: fresh(f["id"]) for f in d["case_fields"] if f.get("options")}
    return inline, fields


def to_tables(dump: dict[str, Any]) -> list[Table]:
    """The set (a normalised dump) as the workbook's tables, in sheet order;
    ValueError for a set no workbook can hold (an id with a space in a list,
    an empty text, a language code no column can name)."""
    data = build(dump)  # refuses a dict that is not a normalised dump
    d, w = dump, _Writer(dump)
    settings = {c: d.get(SETTINGS_FIELDS.get(c, c)) for c in SPECS["settings"].columns}
    settings.update({c: _ids(d[c]) for c in (*LIST_SETTINGS, "languages")})
    w.row("settings", {**settings, "title": d["title"], "description": d.get("description")}, d["sources"])
    inline, field_lists = _list_names(d)

    def options(name: str, opts: list[dict[str, Any]]) -> None:
        for o in opts:
            w.row("choices", {"list_name": name, "name": o["value"], "label": o["label"],
                              "above_line": _yes(o["above_line"]), "key": o.get("key")})

    def scale(name: str, s: dict[str, Any], is_inline: bool) -> None:
        w.row("scales", {"list_name": name, "kind": s["kind"], "allow_na": _yes(s["allow_na"]),
                         "inline": _yes(True) if is_inline else None})
        options(name, s["options"])

    for name, s in d["scales"].items():
        scale(name, s, False)
    for i, q in enumerate(d["questions"]):
        if i in inline:
            scale(inline[i], q["scale"], True)
        w.row("questions", {**{k: q.get(k) for k in ("id", "criterion", "stem", "wording", "per_option_of")},
                            "scale": inline.get(i, q["scale"]), "scored": _yes(q["scored"]),
                            "applies": _applies(data.questions[i].applies),
                            **{k: _ids(q[k]) for k in ("outcomes", "headlines", "covers")},
                            **{k: q.get(k) for k in ("text", "provenance", "applies_note")}},
              q["sources"], q["id"], q.get("guidance"))
    for f in d["case_fields"]:
        options(field_lists.get(f["id"], ""), f.get("options") or [])
        w.row("case_fields", {**{k: f.get(k) for k in ("id", "kind", "minimum", "maximum", "label", "help")},
                              "choices": field_lists.get(f["id"]), "ordinal": _yes(f["ordinal"]),
                              "required": _yes(f["required"])}, f["sources"], f["id"])
    for g in d["groups"]:
        w.row("groups", {**g, "sections": _ids(g.get("sections"))}, g["sources"], g["id"])
    for c in d["criteria"]:
        w.row("criteria", c, c["sources"], c["code"], c.get("guidance"))
    for st in d["stems"]:
        w.row("stems", st, st["sources"], st["id"])
    for b in d["bands"]:
        w.row("band_rules", {**b, "applies_to": _ids(b["applies_to"])}, b["sources"], b["id"])
        for band in b["bands"]:
            w.row("bands", {"rule": b["id"], "label": band["label"], "min": band["min"],
                            "evidenced": _yes(band["evidenced"])})
    for gr in d["grades"]:
        w.row("grades", gr, gr["sources"], gr["code"])
    return w.tables()


def _applies(cond: Condition | None) -> str | None:
    return None if cond is None else to_text(cond)
