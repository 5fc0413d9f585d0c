"""Question sets that change: installing a set, comparing two versions, and
moving an inspection to a newer version of its set (docs/question-sets.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exports.files import atomic_write
from exports.set_map import read_map
from models.qs_diff import SetDiff, diff_sets
from models.qs_migrate import AnswerMap, MigrationPlan, check_map, plan_migration
from models.questionset import QuestionSet, QuestionSetError, load_question_set
from storage import set_migration
from storage.private import private_file
from ui.ops.changes import MERGED, NOTHING, OpChanges
from ui.ops.errors import OpError
from ui.ops.paths import sets_dir
from ui.ops.workspace import Workspace, catalog, forget_installed


def find_set(spec: str) -> QuestionSet:
    """A set named ``ID`` (its newest version) or ``ID@VERSION``."""
    set_id, _, version = spec.partition("@")
    return catalog().get(set_id.strip(), version.strip() or None)


def install_set(path: Path, qs: QuestionSet | None = None, data: bytes | None = None) -> QuestionSet:
    """Validate the set in ``path`` in full and copy it into the user's sets
    folder.  Refused, changing nothing, when the file is not a valid set or its
    id and version are already known (built-in or installed): a new version
    needs a new version number.  ``qs`` and ``data``: a set already validated
    from ``path`` (a workbook) and the JSON file to install for it."""
    if qs is None or data is None:
        qs, data = load_question_set(Path(path)), Path(path).read_bytes()  # full validation, no cache
    known = catalog()
    if qs.version in known.versions.get(qs.id, {}):
        where = known.origin[(qs.id, qs.version)]
        raise OpError(f"{qs.id} version {qs.version} is already {where}; give the new set a new version number "
                      "(a set is never replaced once inspections may use it). Nothing was changed.")
    target = sets_dir() / f"{qs.id}-{qs.version}.json"
    if target.exists():
        raise OpError(f"{target} already exists but was not loaded (see the warnings); remove it first. "
                      "Nothing was changed.")
    private_file(target.parent / f".{target.name}.part")
    atomic_write(target, data)
    forget_installed()
    return qs


def diff(old_spec: str, new_spec: str) -> SetDiff:
    return diff_sets(find_set(old_spec), find_set(new_spec))


@dataclass
class Migration:
    """What a migration did (or, on a dry run, would do)."""

    inspection: str  # the inspection's name
    plan: MigrationPlan
    dry_run: bool
    backup: Path | None = None
    changes: OpChanges = NOTHING

    def to_json(self) -> dict[str, object]:
        def move(m: object) -> dict[str, object]:
            return {k: getattr(m, k) for k in ("assessment_id", "old_question", "new_question", "old_value",
                                                "new_value", "reason")}

        return {"inspection": self.inspection, "from": self.plan.old, "to": self.plan.new, "dry_run": self.dry_run,
                "backup": str(self.backup) if self.backup else None, "carried": len(self.plan.carried),
                "changed": [move(m) for m in self.plan.changed], "dropped": [move(m) for m in self.plan.dropped],
                "case_details_to_check": self.plan.details}


def plan_for(ws: Workspace, inspection_key: str, to_version: str, map_path: Path | None) -> tuple[str, MigrationPlan]:
    """The inspection's id and the plan to move it to ``to_version`` (nothing changed)."""
    ins = ws.find_inspection(inspection_key)
    old = ws.question_set(ins)
    try:
        new = catalog().get(ins.question_set_id, to_version)
    except QuestionSetError as e:
        raise OpError(f"{e}; install the new version first ('question-sets install FILE')") from None
    if new.version == old.version:
        raise OpError(f"inspection {ins.name!r} is already on {old.id} {old.version}. Nothing was changed.")
    amap = read_map(map_path) if map_path else AnswerMap()
    problems = check_map(amap, old, new)
    if problems:
        raise OpError("the mapping does not fit these versions: " + "; ".join(problems[:5])
                      + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "") + ". Nothing was changed.")
    answers = set_migration.inspection_answers(ws.store, ins.id)
    details = [(c.reference, c.details) for c in ws.cases(ins.id)]
    return ins.id, plan_migration(old, new, amap, answers, details)


def migrate_inspection(ws: Workspace, inspection_key: str, to_version: str, map_path: Path | None = None,
                       *, dry_run: bool = False) -> Migration:
    """Move an inspection to another version of its set.  A dry run only
    plans; the real run backs the database up, then changes everything in one
    audited transaction."""
    who = ws.who() if not dry_run else ""
    inspection_id, plan = plan_for(ws, inspection_key, to_version, map_path)
    ins = ws.inspection(inspection_id)
    result = Migration(ins.name, plan, dry_run)
    if dry_run:
        return result
    result.backup = ws.store.backup_copy(f"before-{ins.question_set_id}-{to_version}")
    moves = [(m.assessment_id, m.old_question, m.new_question, m.new_value, m.reason)
             for m in plan.changed + plan.dropped]
    set_migration.apply_migration(ws.store, inspection_id, ins.question_set_version, to_version, moves, who)
    result.changes = MERGED  # the inspection, its cases' answers and its conflicts
    return result


def report_text(m: Migration) -> str:
    """The migration report for people: counts, then each change and drop."""
    verb = "would move" if m.dry_run else "moved"
    lines = [f"{m.inspection}: {verb} from {m.plan.old} to {m.plan.new}",
             f"  {len(m.plan.carried)} answers carried over unchanged",
             f"  {len(m.plan.changed)} answers moved to a renamed question or option",
             f"  {len(m.plan.dropped)} answers that no longer fit "
             + ("would be removed" if m.dry_run else "removed") + " (kept in the audit trail)"]
    for mv in m.plan.changed:
        lines.append(f"    moved   {mv.old_question} -> {mv.new_question}: {json.dumps(mv.new_value)} ({mv.reason})")
    for mv in m.plan.dropped:
        lines.append(f"    removed {mv.old_question}: {json.dumps(mv.old_value)} ({mv.reason})")
    lines += [f"  case detail to check: {d}" for d in m.plan.details]
    if m.backup:
        lines.append(f"  backup of the database before the change: {m.backup}")
    return "\n".join(lines) + "\n"
