"""Trusted keys: listing them, revoking one, and checking a fingerprint.

A key is revoked for good (``trust --revoke``, the GUI's Trusted keys): every
file it signed is refused afterwards, at the lead's merge and at an assessor's
pack import, with the date it was revoked and nothing changed, and a pack is
never again encrypted to that assessor's enrolled key.  The revocation is
recorded in the audit trail with who and when.  An assessor whose laptop is
lost enrols again from a new one (a new key).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storage import keys as keys_sql
from storage.keys import KeyRow
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

__all__ = ["KeyRow", "Revoked", "list_keys", "revoke", "refusal", "revoked_note", "normalise_fingerprint", "confirm_fingerprint",
           "when"]

_FINGERPRINT = re.compile(r"^[0-9A-F]{4}(-[0-9A-F]{4}){4}$")

# Asked before a file signed by a key is used: (whose key the file says it is, its fingerprint) -> go on?
Confirm = Callable[[str, str], bool]


def normalise_fingerprint(text: str, what: str = "the fingerprint") -> str:
    """``3f2a-...`` as ``3F2A-...``; OpError for anything that is not five groups of four hex digits."""
    fp = text.strip().upper().replace(" ", "")
    if len(fp) == 20 and "-" not in fp:
        fp = "-".join(fp[i:i + 4] for i in range(0, 20, 4))
    if not _FINGERPRINT.match(fp):
        raise OpError(f"{what} {text.strip()!r} is not a key fingerprint (five groups of four, as "
                      "'python main.py key' shows it)")
    return fp


def confirm_fingerprint(actual: str, claimed_by: str, *, given: str | None, confirm: Confirm | None,
                        whose: str) -> None:
    """Go on only when the person confirmed the key is ``whose``: ``given`` (a
    fingerprint they typed, from a phone call or a meeting) must match, or
    ``confirm`` (a question on screen) must say yes.  Neither, a mismatch or a
    no: OpError, and the caller changes nothing."""
    if given is not None:
        if normalise_fingerprint(given) != actual:
            raise OpError(f"the file is signed by the key {actual} ({claimed_by!r}), not by {given.strip()}: it may "
                          f"not be from {whose}. Check the fingerprint with them by phone or in person. "
                          "Nothing was changed.")
        return
    if confirm is None:
        raise OpError(f"check the fingerprint of {whose}'s key before using the file: give the fingerprint they read "
                      "out to you (by phone or in person). Nothing was changed.")
    if not confirm(claimed_by, actual):
        raise OpError(f"the key {actual} was not confirmed as {whose}'s. Nothing was changed.")


@dataclass(frozen=True)
class Revoked:
    key: KeyRow
    now: bool  # False when it had been revoked before


def list_keys(ws: Workspace) -> list[KeyRow]:
    """Every key this database has trusted, revoked ones included."""
    return keys_sql.keys(ws.store)


def revoke(ws: Workspace, fingerprint: str) -> Revoked:
    """Revoke a key held here, recorded with who and when (audit ``revoke_key``)."""
    fp = normalise_fingerprint(fingerprint)
    who = ws.who()
    now = keys_sql.revoke(ws.store, fp, who)
    key = next((k for k in keys_sql.keys(ws.store) if k.fingerprint == fp), None)
    if key is None:
        raise OpError(f"no key with the fingerprint {fp} is trusted in this database ('trust --list' lists them). "
                      "Nothing was changed.")
    return Revoked(key, now)


def revoked_note(ws: Workspace, fingerprint: str) -> str | None:
    """"the key ... (Ann) was revoked on 2026-11-29 21:40 UTC by Lee Lead", or None when it is not revoked."""
    r = keys_sql.revocation(ws.store, fingerprint)
    if r is None:
        return None
    at, by, name = r
    whose = f" ({name})" if name else ""
    return f"the key {fingerprint}{whose} was revoked on {when(at)}{' by ' + by if by else ''}"


def refusal(ws: Workspace, fingerprint: str) -> str | None:
    """Why a file signed by this key is refused (it was revoked: when, by whom), or None."""
    note = revoked_note(ws, fingerprint)
    return f"signed by a revoked key: {note}; nothing was taken from it" if note else None


def when(stamp: str) -> str:
    """``2026-11-29T21:40:03.123Z`` as ``2026-11-29 21:40 UTC``."""
    day, _t, clock = stamp.partition("T")
    return f"{day} {clock[:5]} UTC" if clock else stamp
