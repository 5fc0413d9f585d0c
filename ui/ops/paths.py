"""Where the app keeps its files: the user's data folder unless overridden.

The data, keys and cache folders are the app's own: each is created 0700 on
first use and tightened to 0700 if an earlier version left it readable by
others (POSIX; see :mod:`storage.private`)."""

from __future__ import annotations

import os
from pathlib import Path

from storage.private import private_dir


def _own_folder(path: Path) -> Path:
    """``path``, created and made private; a failure is left to the first
    write there, which reports it with the file it could not write."""
    try:
        private_dir(path, tighten=True)
    except OSError:
        pass
    return path


def data_path(env: str, name: str) -> Path:
    """A file or folder in the user's data folder, unless ``env`` names another."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return _own_folder(Path(user_data_dir("case-assessor", appauthor=False))) / name


def default_db_path() -> Path:
    """The default database: a SQLite file in the user's data folder."""
    return data_path("CASE_ASSESSOR_DB", "case-assessor.sqlite3")


def keys_dir() -> Path:
    """The folder holding this user's signing key and the lead's age identity (0700)."""
    return _own_folder(data_path("CASE_ASSESSOR_KEYS", "keys"))


def cache_dir() -> Path:
    """The folder for caches the app can always rebuild (compiled question sets; 0700)."""
    override = os.environ.get("CASE_ASSESSOR_CACHE")
    if override:
        return _own_folder(Path(override))
    from platformdirs import user_cache_dir

    return _own_folder(Path(user_cache_dir("case-assessor", appauthor=False)))


def sets_dir() -> Path:
    """The folder of question sets this user installed (beside the built-in ones; 0700)."""
    return _own_folder(data_path("CASE_ASSESSOR_SETS", "question-sets"))
