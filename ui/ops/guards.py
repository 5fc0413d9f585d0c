"""Guards on the files an operation writes: never over the open database, its
companions, or a file being read in the same operation."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from models.i18n import _
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

__all__ = ["check_output", "protected_paths"]

_COMPANIONS = ("-wal", "-shm", "-journal", ".key")


def protected_paths(ws: Workspace | None) -> list[tuple[Path, str]]:
    """The open database and the files beside it that SQLite and the migration
    keep: its write-ahead log, shared memory, rollback journal, key file and backups."""
    if ws is None or str(ws.store.path) == ":memory:":
        return []
    db = ws.path
    out = [(db, _("the open database"))]
    out += [(db.with_name(db.name + suffix), _("the open database's {0} file").format(suffix[1:])) for suffix in _COMPANIONS]
    if ws.store.backup_path is not None:
        out.append((ws.store.backup_path, _("the open database's migration backup")))
    return out


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, case-insensitive file systems
    except OSError:
        return False  # one of them does not exist


def _is_backup(out: Path, db: Path) -> bool:
    """A migration backup of the open database: ``NAME.vN-STAMP.bak`` beside it."""
    real, db_real = Path(os.path.realpath(out)), Path(os.path.realpath(db))
    return real.parent == db_real.parent and real.name.startswith(db_real.name + ".v") and real.name.endswith(".bak")


def check_output(ws: Workspace | None, out: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse ``out`` (OpError) when it is, resolved through symlinks and by
    identity when it exists, the open database, one of its companions or
    backups, or one of ``inputs``.  Nothing is written either way."""
    out = Path(out)
    for path, what in protected_paths(ws):
        if _same(out, path):
            raise OpError(_("{0}: that is {1}; choose another file name. Nothing was written.").format(out, what))
    if ws is not None and str(ws.store.path) != ":memory:" and _is_backup(out, ws.path):
        raise OpError(_("{0}: that is a backup of the open database; choose another file name. Nothing was written.")
                      .format(out))
    for path in inputs:
        if _same(out, Path(path)):
            raise OpError(_("{0}: that is a file this operation reads; choose another file name. Nothing was written.")
                          .format(out))
