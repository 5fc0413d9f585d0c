"""Throwaway key custody for the harnesses (crash, tamper, fuzz, screenshots):
their private keys are sealed with a passphrase file in their own temporary
folder, for the process and its children alike, and never touch the user's
real keystore (keyring's fail backend, chosen through keyring's own
setting)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def passphrase_custody(folder: Path) -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    from ui.ops import unlock

    pw = folder / "harness-passphrase.txt"
    pw.write_text("harness passphrase, throwaway\n")
    saved = {k: os.environ.get(k) for k in ("PYTHON_KEYRING_BACKEND", unlock.PASSPHRASE_ENV)}
    os.environ.update({"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", unlock.PASSPHRASE_ENV: str(pw)})
    old_ring = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
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
