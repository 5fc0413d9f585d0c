"""Enrolment: an assessor sends the lead their public keys, so packs can be
encrypted to the assessor alone.

1. The assessor writes an enrolment file (``enrol``; the GUI's Lead menu):
   their name, signing key and age recipient, signed (``exports.enrolment``).
2. The lead imports it for an inspection (``enrol-import``) after comparing
   its fingerprint with the one the assessor reads out (``key``): the
   recipient is recorded for the assessor's packs and the signing key is
   trusted as them for that inspection, so their exports merge without
   ``--trust``.
3. ``make-pack`` then encrypts that assessor's pack to their key alone.

Re-binding is never silent: a key trusted as someone else, or an assessor
already enrolled with another key that is not revoked, is refused.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path

from exports import enrolment as fmt
from exports.files import atomic_write
from storage import keys as keys_sql
from storage import merge as merge_sql
from storage.store import now
from ui.ops.changes import Done, OpChanges
from ui.ops.errors import OpError
from ui.ops.guards import check_output
from ui.ops.trust import Confirm, confirm_fingerprint, refusal, when
from ui.ops.workspace import Workspace

__all__ = ["Enrolment", "write_enrolment", "read_enrolment", "import_enrolment", "pack_recipient",
           "outside_keys_folder"]

Enrolment = fmt.Enrolment
ENROLLED = OpChanges(settings=True)


@dataclass(frozen=True)
class Written:
    fingerprint: str
    name: str


def write_enrolment(out: Path, name: str, ws: Workspace | None = None) -> Written:
    """This user's enrolment file, for the lead inspector (nothing secret in it)."""
    from ui.ops.exchange import lead_identity, signing_key

    name = name.strip()
    if not name:
        raise OpError("give your name, as the lead inspector knows you. Nothing was written.")
    check_output(ws, Path(out))
    outside_keys_folder(Path(out))
    key = signing_key()
    recipient = str(lead_identity().to_public())  # this user's decryption key: packs are encrypted to it
    try:
        data = fmt.make(key, recipient, name, now())
    except ValueError as e:  # a name with hidden characters, or too long
        raise OpError(f"{e}. Nothing was written.") from None
    atomic_write(Path(out), data)
    return Written(key.fingerprint, name)


def outside_keys_folder(out: Path) -> None:
    """Refuse an output file inside this user's keys folder (it would replace a private key)."""
    from ui.ops.paths import keys_dir

    if os.path.realpath(Path(out).parent) == os.path.realpath(keys_dir()):
        raise OpError(f"{out}: that is in your keys folder, beside your private keys; choose another place. "
                      "Nothing was written.")


def read_enrolment(path: Path) -> Enrolment:
    """An enrolment file, checked (bounded, strict, signature) before anything is shown from it."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(fmt.MAX_BYTES + 1)  # never more: a larger file is refused by its size
    except OSError as e:
        raise OpError(f"{path}: cannot be read ({e.strerror or e})") from e
    try:
        return fmt.parse(data)
    except fmt.EnrolmentError as e:
        raise OpError(f"{path}: {e}. Nothing was changed.") from None


def import_enrolment(ws: Workspace, path: Path, inspection_id: str, *, fingerprint: str | None = None,
                     confirm: Confirm | None = None, assessor: str | None = None) -> Done:
    """Record an assessor's enrolment for an inspection, once the lead has
    confirmed the key's fingerprint (``fingerprint`` as the assessor read it
    out, or ``confirm`` answered yes).  ``assessor`` is the name their cases
    are given under (default: the name in the file)."""
    who = ws.who()
    ins = ws.find_inspection(inspection_id)
    e = read_enrolment(path)
    name = (assessor or e.name).strip()
    fp = e.fingerprint
    revoked = refusal(ws, fp)
    if revoked:
        raise OpError(f"{path}: {revoked}. An assessor whose key was revoked enrols again with a new key.")
    _check_binding(ws, ins.id, name, fp)
    confirm_fingerprint(fp, e.name, given=fingerprint, confirm=confirm, whose=name)
    if _same_enrolment(ws, ins.id, name, fp, e.age_recipient):
        return Done(0, ins.id, ENROLLED)
    keys_sql.enrol(ws.store, inspection_id=ins.id, assessor=name, fingerprint=fp,
                   public_key=base64.b64encode(e.key_bytes()).decode(), age_recipient=e.age_recipient, who=who)
    return Done(1, ins.id, ENROLLED)


def _check_binding(ws: Workspace, inspection_id: str, name: str, fp: str) -> None:
    """No silent re-binding: the key is not someone else's here, and the
    assessor has no other key enrolled that is still trusted."""
    auth = merge_sql.authority(ws.store, fp, inspection_id)
    if auth is not None and auth.assessor != name:
        raise OpError(f"the key {fp} is already trusted as {auth.assessor!r} for this inspection, not {name!r}. "
                      "Nothing was changed.")
    held = keys_sql.enrolment(ws.store, inspection_id, name)
    if held is not None and held.fingerprint != fp and refusal(ws, held.fingerprint) is None:
        raise OpError(f"{name} is already enrolled for this inspection with the key {held.fingerprint}. If that key "
                      f"is lost or replaced, revoke it first ('trust --revoke {held.fingerprint}'). Nothing was "
                      "changed.")


def _same_enrolment(ws: Workspace, inspection_id: str, name: str, fp: str, recipient: str) -> bool:
    held = keys_sql.enrolment(ws.store, inspection_id, name)
    return held is not None and held.fingerprint == fp and held.age_recipient == recipient


@dataclass(frozen=True)
class PackKey:
    fingerprint: str
    age_recipient: str


def pack_recipient(ws: Workspace, inspection_id: str, assessor: str) -> PackKey | None:
    """The enrolled key an assessor's pack is encrypted to, or None before
    they enrol.  OpError when their enrolled key was revoked (a pack is never
    encrypted to a revoked key)."""
    held = keys_sql.enrolment(ws.store, inspection_id, assessor)
    if held is None:
        return None
    revoked = keys_sql.revocation(ws.store, held.fingerprint)
    if revoked:
        raise OpError(f"{assessor}'s enrolled key {held.fingerprint} was revoked on {when(revoked[0])}; a pack is "
                      "never encrypted to a revoked key. Ask them to enrol again with their new key, and import it. "
                      "Nothing was written.")
    return PackKey(held.fingerprint, held.age_recipient)
