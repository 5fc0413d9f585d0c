"""An open database as the screens and commands see it.

A :class:`Workspace` wraps the store.  Screens and commands hold one and never
touch the store themselves: they read through the few methods here and change
things through the operation modules, which take the workspace first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from models.limits import name_problem
from models.questionset import Catalog, QuestionSet, QuestionSetError, builtin_catalog, load_catalog
from storage.store import CaseRow, CaseSummary, InspectionRow, Store
from ui.ops.errors import OpError
from ui.ops.paths import cache_dir, default_db_path, sets_dir

log = logging.getLogger("case_assessor")

APP_NAME = "Case Assessor"
DEFAULT_SET = "iaow-2013"
NO_NAME = ("every change is recorded with the name of the person who made it, and no name is set: "
           "enter your name in Settings (the app), or give --as NAME or store it once with "
           "'profile --db PATH --name NAME' (the command line). Nothing was changed.")


def catalog() -> Catalog:
    """The built-in question sets, then those installed in the user's data
    folder (:func:`ui.ops.paths.sets_dir`); refused files are logged (by name, no data).

    Validated sets are cached, checked by hash, in the user's cache folder, so a
    start with unchanged sets never imports the validator.  The built-in sets
    load once per process; the installed ones once per folder (an install
    calls :func:`forget_installed`)."""
    folder = sets_dir()
    got = _installed.get(folder)
    if got is None:
        base = builtin_catalog(cache_dir=cache_dir() / "question-sets")
        got = load_catalog([folder], cache_dir=cache_dir() / "question-sets", origins=["installed"], base=base)
        for err in got.errors:
            log.warning("question set refused: %s", err)
        _installed[folder] = got
    return got


_installed: dict[Path, Catalog] = {}


def forget_installed() -> None:
    """Read the installed sets again at the next :func:`catalog` call."""
    _installed.clear()


class Workspace:
    """One open database: settings, lookups, and the store the operations use."""

    def __init__(self, store: Store, *, acting_as: str | None = None) -> None:
        self.store = store
        self.acting_as = acting_as  # the command line's --as: wins over the stored profile

    @classmethod
    def open(cls, path: str | Path | None = None, *, must_exist: bool = False, acting_as: str | None = None,
             read_only: bool = False, make_folders: bool = False) -> Workspace:
        """Open (or create, unless ``must_exist``) a database.  A new database's
        folder must exist unless ``make_folders`` (the user said to create it):
        a mistyped path never leaves folders and an empty database behind.
        ``read_only``, or a file or folder this user may not write, opens it for
        viewing and printing only (:attr:`read_only` says why).  A new database
        is created encrypted; an encrypted one is opened with its key (the
        session's keystore or passphrase: :mod:`ui.ops.unlock`); a plain one
        opens as it is (``encrypted`` is False: offer to encrypt it)."""
        from ui.ops import unlock

        p = Path(path) if path else default_db_path()
        if not p.exists():
            if must_exist or read_only:
                raise OpError(f"{p}: no such database. Check the path; nothing was created.")
            if not p.parent.is_dir() and not make_folders:
                raise OpError(f"{p.parent}: no such folder, so no new database was created there. Check the path, "
                              "or create the folder first.")
        return cls(unlock.open_store(p, read_only=read_only), acting_as=acting_as)

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
    def read_only(self) -> str | None:
        """Why nothing can be changed (a read-only file or folder, or a damaged
        file), or None when the database is writable."""
        if self.store.read_only is not None:
            return str(self.store.read_only)
        return self.damaged

    @property
    def encrypted(self) -> bool:
        return self.store.encrypted

    @property
    def damaged(self) -> str | None:
        """Why the database is open read-only (it failed its integrity check), or None."""
        return str(self.store.damaged) if self.store.damaged is not None else None

    # -- settings ---------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.store.set_setting(key, value)
        if key.startswith("lead_recipient:"):  # set up from a lead's pack: the lead can recover the key
            from ui.ops import unlock

            unlock.add_recovery(self.store, value)

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
        """Whether the case exists and is not in the bin."""
        from storage.bin import case_deleted

        try:
            self.store.get_case(case_id)
        except KeyError:
            return False
        return not case_deleted(self.store, case_id)

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
