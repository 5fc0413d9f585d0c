"""A question-set workbook's rows assembled into the set file's dict.

Every object put into the dict is recorded with the sheet and row it came
from (``Assembled.at``, keyed by its path in the dict), so a problem found
later by full validation can still name the sheet, row and column
(:mod:`exports.qs_locate`).  Problems found here (a missing sheet, a wrong
header, a bad cell, an unknown scale, a duplicate id, a bad expression...)
are all collected, not raised one at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exports.qs_cells import CellError, Cells, RawSheet, Row
from exports.qs_layout import GUIDANCE_PART, GUIDED, LIST_SETTINGS, SHEETS, SOURCE_KEYS, text_header
from models.cond_expr import ExprError, parse

Path_ = tuple[Any, ...]
# sheet -> the key of the set file holding its items
LIST_KEYS = {"groups": "groups", "criteria": "criteria", "case_fields": "case_fields", "stems": "stems",
             "band_rules": "bands", "grades": "grades", "questions": "questions"}
EXPR_HELP = "see 'Applicability expressions' in docs/question-sets.md"


@dataclass
class Assembled:
    raw: dict[str, Any]
    at: dict[Path_, tuple[str, int]] = field(default_factory=dict)  # dict path -> (sheet, row)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # sheet -> item key -> row
    errors: list[CellError] = field(default_factory=list)


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class _Asm:
    def __init__(self, sheets: dict[str, RawSheet]) -> None:
        self.c = Cells()
        self.out = Assembled({})
        self.rows: dict[str, list[Row]] = {}
        self.items: dict[str, dict[str, dict[str, Any]]] = {s: {} for s in SOURCE_KEYS}
        for spec in SHEETS:
            sheet = sheets.get(spec.name)
            if sheet is None and not spec.optional_sheet:
                self.c.broken.add(spec.name)
                self.c.error(None, spec.name, None, "the workbook has no such sheet",
                             f"add a sheet named '{spec.name}' (docs/question-set-template.xlsx has every sheet)")
            self.rows[spec.name] = self.c.rows(sheet) if sheet is not None else []

    def keyed(self, sheet: str, col: str) -> list[tuple[Row, str]]:
        """The rows with their key in ``col``; a repeated key is an error."""
        seen = self.out.rows.setdefault(sheet, {})
        out = []
        for r in self.rows[sheet]:
            key = self.c.ident(r, col)
            if key is None:
                continue
            if key in seen:
                self.c.error(r, sheet, col, f"duplicate {col} {key!r} (also on row {seen[key]})",
                             "give each row its own id")
                continue
            seen[key] = r.number
            out.append((r, key))
        return out

    def add(self, sheet: str, path: Path_, row: Row, item: dict[str, Any], key: str) -> dict[str, Any]:
        self.out.at[path] = (sheet, row.number)
        self.items[sheet][key] = {"item": item, "path": path}
        return item

    # ------------------------------------------------------------------ sheets
    def settings(self) -> dict[str, Any]:
        rows = self.rows["settings"]
        if not rows:
            if "settings" in self.rows and not any(e.sheet == "settings" for e in self.c.errors):
                self.c.error(None, "settings", None, "no row of values under the header",
                             "fill in row 2 (form_id, version, ...)")
            return {}
        for extra in rows[1:]:
            self.c.error(extra, "settings", None, "the settings take one row of values", "remove this row")
        r, c = rows[0], self.c
        top = _clean({"format": c.number(r, "format", integer=True) or 1, "id": c.ident(r, "form_id"),
                      "title": c.texts(r, "title", required=True), "framework": c.ident(r, "framework"),
                      "version": c.ident(r, "version"), "effective_date": c.ident(r, "effective_date"),
                      "languages": c.ids(r, "languages"), "description": c.texts(r, "description"),
                      "outcome_rule_default": c.ident(r, "outcome_rule_default")})
        top.update({k: c.ids(r, k) or [] for k in LIST_SETTINGS})
        top["sources"] = []
        self.add("settings", (), r, top, "")
        return top

    def choices(self) -> dict[str, list[tuple[Row, dict[str, Any]]]]:
        lists: dict[str, list[tuple[Row, dict[str, Any]]]] = {}
        for r in self.rows["choices"]:
            name, value = self.c.ident(r, "list_name"), self.c.ident(r, "name")
            opt = _clean({"value": value, "label": self.c.texts(r, "label", required=True),
                          "above_line": self.c.flag(r, "above_line") or False, "key": self.c.ident(r, "key")})
            if name is not None:
                lists.setdefault(name, []).append((r, opt))
        return lists

    def options(self, lists: dict[str, list[tuple[Row, dict[str, Any]]]], name: str, path: Path_) -> list[Any]:
        for k, (r, _) in enumerate(lists[name]):
            self.out.at[(*path, "options", k)] = ("choices", r.number)
        return [o for _, o in lists[name]]

    def scales(self, lists: dict[str, list[tuple[Row, dict[str, Any]]]]) -> tuple[dict[str, Any], dict[str, Any]]:
        named: dict[str, Any] = {}
        inline: dict[str, Any] = {}
        for r, name in self.keyed("scales", "list_name"):
            if name not in lists:
                self.c.error(r, "scales", "list_name", f"the scale {name!r} has no options",
                             f"add its options on the 'choices' sheet with list_name {name}")
                continue
            s = _clean({"kind": self.c.ident(r, "kind"), "allow_na": self.c.flag(r, "allow_na")})
            target = inline if self.c.flag(r, "inline") else named
            target[name] = {**s, "row": r}
        return named, inline

    def case_fields(self, lists: dict[str, list[tuple[Row, dict[str, Any]]]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r, fid in self.keyed("case_fields", "id"):
            c, path = self.c, ("case_fields", len(out))
            f = _clean({"id": fid, "label": c.texts(r, "label", required=True), "kind": c.ident(r, "kind"),
                        "ordinal": c.flag(r, "ordinal"), "required": c.flag(r, "required"),
                        "help": c.texts(r, "help"), "minimum": c.number(r, "minimum"),
                        "maximum": c.number(r, "maximum"), "sources": []})
            listed = c.ident(r, "choices")
            if listed is not None and listed not in lists:
                c.error(r, "case_fields", "choices", f"no list {listed!r} on the 'choices' sheet",
                        "name a list_name from the 'choices' sheet, or leave it empty")
            elif listed is not None:
                f["options"] = self.options(lists, listed, path)
            out.append(self.add("case_fields", path, r, f, fid))
        return out

    def questions(self, named: dict[str, Any], inline: dict[str, Any],
                  lists: dict[str, list[tuple[Row, dict[str, Any]]]]) -> list[dict[str, Any]]:
        ids = {qid for r in self.rows["questions"] if (qid := self.c.ident(r, "id")) is not None}
        used: dict[str, int] = {}
        out: list[dict[str, Any]] = []
        for r, qid in self.keyed("questions", "id"):
            c, path = self.c, ("questions", len(out))
            q = _clean({"id": qid, "criterion": c.ident(r, "criterion"), "text": c.texts(r, "text", required=True),
                        "stem": c.ident(r, "stem"), "guidance": self.guidance(r), "provenance": c.texts(r, "provenance"),
                        "wording": c.ident(r, "wording"),
                        "scored": c.flag(r, "scored"), "applies_note": c.texts(r, "applies_note"),
                        "per_option_of": c.ident(r, "per_option_of"), "outcomes": c.ids(r, "outcomes"),
                        "headlines": c.ids(r, "headlines"), "covers": c.ids(r, "covers"), "sources": []})
            q["scale"] = self.scale_of(r, path, named, inline, lists, used)
            applies = c.text(r, "applies")
            if applies is not None:
                try:
                    cond = parse(applies, ids)
                except ExprError as e:
                    c.error(r, "questions", "applies", str(e), EXPR_HELP)
                else:
                    if cond is not None:
                        q["applies"] = cond.model_dump(mode="json", by_alias=True, exclude_none=True)
            out.append(self.add("questions", path, r, q, qid))
        return out

    def guidance(self, r: Row) -> dict[str, Any] | None:
        """A row's guidance: its texts now, its seed lines from the 'sources' sheet (part 'guidance')."""
        text = self.c.texts(r, "guidance")
        return None if text is None else {"text": text, "sources": []}

    def scale_of(self, r: Row, path: Path_, named: dict[str, Any], inline: dict[str, Any],
                 lists: dict[str, list[tuple[Row, dict[str, Any]]]], used: dict[str, int]) -> Any:
        name = self.c.ident(r, "scale")
        if name is None or name in named:
            return name
        if name not in inline:
            self.c.error(r, "questions", "scale", f"unknown scale {name!r}",
                         "name a list_name from the 'scales' sheet")
            return name
        if name in used:
            self.c.error(r, "questions", "scale", f"the inline scale {name!r} already belongs to row {used[name]}",
                         "an inline scale serves one question: give this one its own, or make it a named scale "
                         "(inline empty)")
        used[name] = r.number
        spec = dict(inline[name])
        self.out.at[(*path, "scale")] = ("scales", spec.pop("row").number)
        return {**spec, "options": self.options(lists, name, (*path, "scale"))}

    def simple(self, sheet: str, key: str, make: Any) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r, k in self.keyed(sheet, key):
            out.append(self.add(sheet, (LIST_KEYS[sheet], len(out)), r, _clean(make(r, k)), k))
        return out

    def bands(self, rules: list[dict[str, Any]]) -> None:
        by_id = {b["id"]: (i, b) for i, b in enumerate(rules)}
        for r in self.rows["bands"]:
            rule = self.c.ident(r, "rule")
            if rule is None:
                continue
            if rule not in by_id:
                self.c.error(r, "bands", "rule", f"no band rule {rule!r}", "name an id from the 'band_rules' sheet")
                continue
            i, b = by_id[rule]
            self.out.at[("bands", i, "bands", len(b["bands"]))] = ("bands", r.number)
            b["bands"].append(_clean({"label": self.c.text(r, "label"), "min": self.c.number(r, "min"),
                                      "evidenced": self.c.flag(r, "evidenced")}))

    def sources(self) -> None:
        for r in self.rows["sources"]:
            sheet, key = self.c.ident(r, "sheet"), self.c.ident(r, "id") or ""
            if sheet is None or sheet in self.c.broken:
                continue  # that sheet's own problem is reported
            target = self.items.get(sheet, {}).get(key)
            if target is None:
                what = f"no row with id {key!r} on the sheet {sheet!r}" if sheet in SOURCE_KEYS else \
                    f"no sheet {sheet!r} takes sources"
                self.c.error(r, "sources", "id" if sheet in SOURCE_KEYS else "sheet", what,
                             "name one of " + ", ".join(SOURCE_KEYS) + " and an id found there "
                             "(leave id empty for the set itself, sheet 'settings')")
                continue
            owner, path = self._source_owner(r, sheet, key, target)
            if owner is None:
                continue
            srcs = owner["sources"]
            self.out.at[(*path, "sources", len(srcs))] = ("sources", r.number)
            srcs.append(_clean({"seed": self.c.ident(r, "seed"), "line": self.c.number(r, "line", integer=True),
                                "quote": self.c.text(r, "quote")}))

    def _source_owner(self, r: Row, sheet: str, key: str, target: dict[str, Any]) -> tuple[Any, Path_]:
        """What a source row supports: the item itself, or (part 'guidance') its guidance."""
        part = self.c.ident(r, "part")
        if part is None:
            return target["item"], target["path"]
        if part != GUIDANCE_PART or sheet not in GUIDED:
            self.c.error(r, "sources", "part", f"part {part!r} is not known" if part != GUIDANCE_PART else
                         f"rows of the sheet {sheet!r} have no guidance",
                         "leave part empty for the item's own seed lines; write guidance only for a row of "
                         "the 'criteria' or 'questions' sheet")
            return None, ()
        guidance = target["item"].get("guidance")
        if guidance is None:
            self.c.error(r, "sources", "part", f"the row {key} of the sheet {sheet!r} has no guidance text for these seed lines",
                         f"write its guidance in the {text_header('guidance', 'en')} column of the {sheet!r} "
                         "sheet, or remove this row")
            return None, ()
        return guidance, (*target["path"], "guidance")

    def unsourced(self) -> None:
        """Questions, stems and guidance need at least one seed line each."""
        for sheet, part in (("questions", ""), ("stems", ""), ("criteria", GUIDANCE_PART),
                            ("questions", GUIDANCE_PART)):
            for key, target in self.items[sheet].items():
                owner = target["item"].get("guidance") if part else target["item"]
                if owner is None or owner["sources"]:
                    continue
                where, row = self.out.at[target["path"]]
                what = f"the guidance of {key}" if part else f"{sheet[:-1]} {key}"
                self.c.errors.append(CellError(
                    where, row, text_header("guidance", "en") if part else SOURCE_KEYS[sheet],
                    f"{what} has no sources", f"add rows on the 'sources' sheet (sheet {sheet}, id {key}, "
                    + (f"part {part}, " if part else "") + "seed, line, quote)"))


def assemble(sheets: dict[str, RawSheet]) -> Assembled:
    """The set file's dict from the workbook's sheets, with where each part came from."""
    a = _Asm(sheets)
    c = a.c
    raw = a.settings()
    lists = a.choices()
    named, inline = a.scales(lists)
    raw["scales"] = {}
    for name, spec in named.items():
        row = spec.pop("row")
        a.out.at[("scales", name)] = ("scales", row.number)
        raw["scales"][name] = {**spec, "options": a.options(lists, name, ("scales", name))}
    raw["case_fields"] = a.case_fields(lists)
    raw["groups"] = a.simple("groups", "id", lambda r, k: {
        "id": k, "kind": c.ident(r, "kind"), "title": c.texts(r, "title", required=True),
        "short": c.texts(r, "short"), "sections": c.ids(r, "sections"), "sources": []})
    raw["criteria"] = a.simple("criteria", "code", lambda r, k: {
        "code": k, "title": c.texts(r, "title", required=True), "group": c.ident(r, "group"),
        "stage": c.ident(r, "stage"), "guidance": a.guidance(r), "sources": []})
    raw["stems"] = a.simple("stems", "id", lambda r, k: {
        "id": k, "text": c.texts(r, "text", required=True), "sources": []})
    raw["bands"] = a.simple("band_rules", "id", lambda r, k: {
        "id": k, "title": c.texts(r, "title", required=True), "applies_to": c.ids(r, "applies_to"),
        "note": c.texts(r, "note"), "bands": [], "sources": []})
    a.bands(raw["bands"])
    raw["grades"] = a.simple("grades", "code", lambda r, k: {
        "code": k, "title": c.texts(r, "title", required=True), "scale": c.ident(r, "scale"), "sources": []})
    raw["questions"] = a.questions(named, inline, lists)
    a.sources()
    _unused_lists(a, lists, raw)
    a.unsourced()
    a.out.raw = raw
    a.out.errors = c.errors
    return a.out


def _unused_lists(a: _Asm, lists: dict[str, list[tuple[Row, dict[str, Any]]]], raw: dict[str, Any]) -> None:
    used = set(raw["scales"]) | set(a.out.rows.get("scales", {}))
    used |= {name for r in a.rows["case_fields"] if (name := a.c.ident(r, "choices")) is not None}
    for name, opts in lists.items():
        if name not in used:
            a.c.error(opts[0][0], "choices", "list_name", f"the list {name!r} is used by no scale or case field",
                      "add it to the 'scales' sheet, name it in a case field's choices column, or remove it")

