"""Throwaway key custody for the harnesses (crash, tamper, fuzz, screenshots,
bench): set through keyring's own backend setting, for the process and the
processes it starts alike, and never the user's real keystore."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def _custody(env: dict[str, str], ring: Any) -> Iterator[None]:
    import keyring

    from ui.ops import unlock

    saved = {k: os.environ.get(k) for k in [*env, "CASE_ASSESSOR_KEYS"]}  # harnesses point the keys folder elsewhere
    os.environ.update(env)
    old_ring = keyring.get_keyring()
    keyring.set_keyring(ring)
    unlock.set_session(None)
    try:
        yield
    finally:
        keyring.set_keyring(old_ring)
        unlock.set_session(None)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextmanager
def passphrase_custody(folder: Path) -> Iterator[None]:
    """No keystore (keyring's fail backend): keys sealed with a passphrase file in ``folder``."""
    from keyring.backends import fail

    from ui.ops import unlock

    pw = folder / "harness-passphrase.txt"
    pw.write_text("harness oxidize pelican marmalade tundra\n")
    with _custody({"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", unlock.PASSPHRASE_ENV: str(pw)},
                  fail.Keyring()):
        yield


@contextmanager
def keystore_custody(folder: Path) -> Iterator[None]:
    """A keystore, as on a machine with one: the file-backed test keystore in ``folder``."""
    from tests.keyrings import FileKeyring

    with _custody({"PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring",
                   "CASE_ASSESSOR_TEST_KEYRING": str(folder / "keyring.json")}, FileKeyring()):
        yield
