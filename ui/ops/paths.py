"""Where the app keeps its files: the user's data folder unless overridden."""

from __future__ import annotations

import os
from pathlib import Path


def data_path(env: str, name: str) -> Path:
    """A file or folder in the user's data folder, unless ``env`` names another."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("case-assessor", appauthor=False)) / name


def default_db_path() -> Path:
    """The default database: a SQLite file in the user's data folder."""
    return data_path("CASE_ASSESSOR_DB", "case-assessor.sqlite3")


def keys_dir() -> Path:
    """The folder holding this user's signing key and the lead's age identity."""
    return data_path("CASE_ASSESSOR_KEYS", "keys")


def cache_dir() -> Path:
    """The folder for caches the app can always rebuild (compiled question sets)."""
    override = os.environ.get("CASE_ASSESSOR_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("case-assessor", appauthor=False))
