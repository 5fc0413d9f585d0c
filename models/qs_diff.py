"""What changed between two question sets (usually two versions of one set):
questions added, removed and changed (wording, scale, applicability,
criterion, scoring), scales and case fields.  Pure: the CLI prints it and the
migration report quotes it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from models.qs_set import QuestionSet

# the parts of a question a change in which is worth telling a methodology team
_QUESTION_PARTS = ("text", "criterion", "scored", "applies", "applies_note", "per_option_of", "stem", "guidance")


@dataclass
class SetDiff:
    old: str  # "id version"
    new: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # question id -> what changed, in words
    scales: list[str] = field(default_factory=list)  # scale changes, in words
    case_fields: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # questions whose place in the journey changed

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.scales or self.case_fields or self.moved)

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "added": self.added, "removed": self.removed,
                "changed": self.changed, "scales": self.scales, "case_fields": self.case_fields, "moved": self.moved}


def _dump(node: Any) -> dict[str, Any]:
    return dict(node.model_dump(mode="json", by_alias=True, exclude_none=True))


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _scale_words(qs: QuestionSet, qid: str) -> dict[str, Any]:
    scale = qs.by_id[qid].scale
    return {"kind": scale.kind, "allow_na": scale.allow_na,
            "options": [(o.value, o.above_line) for o in scale.options]}


def _question_changes(old: QuestionSet, new: QuestionSet, qid: str) -> list[str]:
    a, b = _dump(old.by_id[qid].q), _dump(new.by_id[qid].q)
    out = [part for part in _QUESTION_PARTS if _canon(a.get(part)) != _canon(b.get(part))]
    sa, sb = _scale_words(old, qid), _scale_words(new, qid)
    if sa != sb:
        gone = [v for v, _ in sa["options"] if v not in {w for w, _ in sb["options"]}]
        came = [v for v, _ in sb["options"] if v not in {w for w, _ in sa["options"]}]
        words = "scale"
        if gone or came:
            words += f" (options removed: {', '.join(gone) or 'none'}; added: {', '.join(came) or 'none'})"
        elif sa["allow_na"] != sb["allow_na"]:
            words += " (N/A " + ("allowed" if sb["allow_na"] else "no longer allowed") + ")"
        else:
            words += " (which answers are above the line)"
        out.append(words)
    return out


def _field_changes(old: QuestionSet, new: QuestionSet) -> list[str]:
    out = []
    for fid in old.fields.keys() - new.fields.keys():
        out.append(f"case field {fid} removed")
    for fid in new.fields.keys() - old.fields.keys():
        out.append(f"case field {fid} added")
    for fid in sorted(old.fields.keys() & new.fields.keys()):
        if _canon(_dump(old.fields[fid])) != _canon(_dump(new.fields[fid])):
            out.append(f"case field {fid} changed")
    return sorted(out)


def diff_sets(old: QuestionSet, new: QuestionSet) -> SetDiff:
    """Every difference between ``old`` and ``new`` that a reader of either would notice."""
    d = SetDiff(f"{old.id} {old.version}", f"{new.id} {new.version}")
    old_ids, new_ids = [qv.id for qv in old.questions], [qv.id for qv in new.questions]
    d.added = [q for q in new_ids if q not in old.by_id]
    d.removed = [q for q in old_ids if q not in new.by_id]
    for qid in old_ids:
        if qid in new.by_id:
            what = _question_changes(old, new, qid)
            if what:
                d.changed[qid] = what
    kept_old = [q for q in old_ids if q in new.by_id]
    kept_new = [q for q in new_ids if q in old.by_id]
    d.moved = [q for q, p in zip(kept_new, kept_old, strict=True) if q != p]
    old_scales, new_scales = old.data.scales, new.data.scales
    for sid in sorted(old_scales.keys() | new_scales.keys()):
        a, b = old_scales.get(sid), new_scales.get(sid)
        if a is None or b is None:
            d.scales.append(f"scale {sid} {'added' if a is None else 'removed'}")
        elif _canon(_dump(a)) != _canon(_dump(b)):
            d.scales.append(f"scale {sid} changed")
    d.case_fields = _field_changes(old, new)
    return d
