"""An open database as the screens and commands see it.

A :class:`Workspace` wraps the store.  Screens and commands hold one and never
touch the store themselves: they read through the few methods here and change
things through the operation modules, which take the workspace first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from models.limits import name_problem
from models.questionset import Catalog, QuestionSet, QuestionSetError, builtin_catalog
from storage.store import CaseRow, CaseSummary, InspectionRow, Store
from ui.ops.errors import OpError
from ui.ops.paths import cache_dir, default_db_path

log = logging.getLogger("case_assessor")

APP_NAME = "Case Assessor"
DEFAULT_SET = "iaow-2013"
NO_NAME = ("every change is recorded with the name of the person who made it, and no name is set: "
           "enter your name in Settings (the app), or give --as NAME or store it once with "
           "'profile --db PATH --name NAME' (the command line). Nothing was changed.")


def catalog() -> Catalog:
    """The built-in question sets; refused files are logged (by name, no data).

    Validated sets are cached, checked by hash, in the user's cache folder, so a
    start with an unchanged set never imports the validator."""
    cat = builtin_catalog(cache_dir=cache_dir() / "question-sets")
    for err in cat.errors:
        log.warning("question set refused: %s", err)
    return cat


class Workspace:
    """One open database: settings, lookups, and the store the operations use."""

    def __init__(self, store: Store, *, acting_as: str | None = None) -> None:
        self.store = store
        self.acting_as = acting_as  # the command line's --as: wins over the stored profile

    @classmethod
    def open(cls, path: str | Path | None = None, *, must_exist: bool = False,
             acting_as: str | None = None) -> Workspace:
        p = Path(path) if path else default_db_path()
        if must_exist and not p.exists():
            raise OpError(f"{p}: no such database")
        return cls(Store(p), acting_as=acting_as)

    # -- lifetime ---------------------------------------------------------
    @property
    def path(self) -> Path:
        return Path(self.store.path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def damaged(self) -> str | None:
        """Why the database is open read-only (it failed its integrity check), or None."""
        return str(self.store.damaged) if self.store.damaged is not None else None

    # -- settings ---------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.store.set_setting(key, value)

    def who(self) -> str:
        """The person recorded in the audit trail for this database's writes:
        ``acting_as`` (``--as``), else the stored profile (``assessor_name``,
        with ``assessor_id`` if set).  Never the login name or "unknown": with
        no name, OpError, before anything is changed."""
        if self.acting_as is not None:
            name, ident = self.acting_as.strip(), ""
        else:
            name = (self.setting("assessor_name") or "").strip()
            ident = (self.setting("assessor_id") or "").strip()
        if not name:
            raise OpError(NO_NAME)
        problem = name_problem(name)
        if problem:
            raise OpError(f"{problem}. Nothing was changed.")
        return f"{name} ({ident})" if ident else name

    def set_profile(self, name: str, ident: str = "") -> None:
        """Store who works on this database (the GUI's Settings, ``profile``)."""
        name, ident = name.strip(), ident.strip()
        problem = name_problem(name) or (name_problem(ident) if ident else None)
        if problem:
            raise OpError(f"{problem}. Nothing was changed.")
        self.set_setting("assessor_name", name)
        self.set_setting("assessor_id", ident)

    # -- lookups ----------------------------------------------------------
    def inspections(self) -> list[InspectionRow]:
        return self.store.list_inspections()

    def inspection(self, inspection_id: str) -> InspectionRow:
        return self.store.get_inspection(inspection_id)

    def find_inspection(self, key: str) -> InspectionRow:
        """By id, unique id prefix or exact name; OpError names the choices."""
        try:
            return self.store.find_inspection(key)
        except KeyError:
            names = ", ".join(f"{i.name} ({i.id[:8]})" for i in self.inspections()) or "none"
            raise OpError(f"no inspection matches {key!r} (inspections here: {names})") from None

    def question_set(self, inspection: InspectionRow | str) -> QuestionSet:
        ins = self.inspection(inspection) if isinstance(inspection, str) else inspection
        try:
            return catalog().get(ins.question_set_id, ins.question_set_version)
        except QuestionSetError as e:
            raise OpError(f"inspection {ins.name!r} uses {e}") from e

    def case(self, case_id: str) -> CaseRow:
        return self.store.get_case(case_id)

    def has_case(self, case_id: str) -> bool:
        try:
            self.store.get_case(case_id)
        except KeyError:
            return False
        return True

    def cases(self, inspection_id: str) -> list[CaseRow]:
        return self.store.list_cases(inspection_id)

    def case_summaries(self, inspection_id: str) -> list[CaseSummary]:
        return self.store.case_summaries(inspection_id, self.reading_kind(inspection_id))

    def reading_kind(self, inspection_id: str) -> str:
        """The reading this laptop makes of the inspection's cases: "qa" after a QA reader's pack, else "primary"."""
        return self.setting(f"reading_kind:{inspection_id}") or "primary"

    def find_case(self, reference: str, inspection_id: str | None = None) -> str:
        try:
            return self.store.find_case(reference, inspection_id).id
        except KeyError:
            raise OpError(f"no single case matches {reference!r}; give --inspection too if references repeat") from None
