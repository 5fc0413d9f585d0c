"""Databases at rest: ``encrypt`` a plain database, ``decrypt-copy`` for
analysis tools, and the lead's ``recover-key``.  Each works on the file
itself, so none opens the database first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    s = sub.add_parser("encrypt", parents=[db], help="encrypt a plain (older) database in place")
    s.set_defaults(func=encrypt, opens_db=False)
    s = sub.add_parser("decrypt-copy", parents=[db],
                       help="write a plain, unencrypted copy for sqlite-utils or Datasette (protect it!)")
    s.add_argument("--out", required=True, help="the new plain file (refused if it exists)")
    s.set_defaults(func=decrypt_copy, opens_db=False)
    s = sub.add_parser("recover-key", parents=[db],
                       help="(lead) open a returned database whose key is lost, with the lead's own key")
    s.set_defaults(func=recover_key, opens_db=False)


def encrypt(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.atrest import encrypt_database

    done = encrypt_database(Path(args.db))
    out.write(f"{done.path} is now encrypted. Its key is in {done.key_file}, protected by {done.protected_by}: "
              "keep the key file beside the database (copy both together).\n")
    return 0


def decrypt_copy(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.atrest import decrypt_copy as copy

    plain = copy(Path(args.db), Path(args.out))
    out.write(f"A plain, UNENCRYPTED copy is at {plain.resolve()}. It holds personal data anyone who can read the "
              "file can see: keep it in a protected place and delete it when the analysis is done.\n")
    return 0


def recover_key(args: argparse.Namespace, out: TextIO) -> int:
    from ui.ops.atrest import recover_key as recover

    protected_by = recover(Path(args.db))
    out.write(f"{args.db} opens on this computer again: its key is now protected by {protected_by}.\n")
    return 0
