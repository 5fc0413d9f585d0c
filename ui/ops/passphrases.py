"""Passphrases for first contact: refusing weak ones, making strong ones.

A pack goes to an enrolled assessor's own key; before they enrol, it may be
encrypted to a passphrase, which must be at least as strong as four random
words (``exports.passphrase``: why, and how it is estimated).  The same rule
holds for an export encrypted to a passphrase.  Opening an existing file with a
passphrase is never refused for its strength.
"""

from __future__ import annotations

from pathlib import Path

from exports import passphrase as pp
from exports.files import atomic_write
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.workspace import Workspace

MIN_BITS = pp.MIN_BITS


def problem(passphrase: str) -> str | None:
    """Why the passphrase is too weak to encrypt with (and how to make a strong one), or None."""
    return pp.problem(passphrase)


def require_strong(passphrase: str) -> None:
    """OpError (nothing written) when the passphrase is too weak to encrypt with."""
    why = pp.problem(passphrase)
    if why:
        raise OpError(f"{why}. Nothing was written.")


def suggest() -> str:
    """A fresh passphrase of five random words (about 64 bits)."""
    return pp.generate()


def strength(passphrase: str) -> float:
    """The conservative estimate, in bits."""
    return pp.estimate_bits(passphrase)


def new_passphrase_file(out: Path, ws: Workspace | None = None) -> float:
    """Write a fresh passphrase to a new private file (0600) that must not
    exist yet; returns its strength in bits (five words from 7,772)."""
    from ui.ops.enrolment import outside_keys_folder

    out = Path(out)
    check_output(ws, out)
    outside_keys_folder(out)
    if out.exists():
        raise OpError(f"{out}: the file exists; a passphrase is written only to a new file. Nothing was written.")
    atomic_write(out, (pp.generate() + "\n").encode())
    return pp.generated_bits()


def needs_passphrase(path: Path) -> bool:
    """Whether an encrypted file (a pack) is encrypted to a passphrase rather
    than to keys (its header says so).  A file that cannot be read says False:
    opening it then reports why."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return pp.encrypted_to_passphrase(head)
