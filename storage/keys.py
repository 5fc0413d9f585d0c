"""Keys as SQL: assessors' enrolments, the trusted keys, and their revocation.

An **enrolment** records, for one inspection, the keys an assessor sent the
lead (``enrol-import``): the age recipient their packs are encrypted to, and
their signing key, trusted as them for that inspection in the same
transaction.  A **revoked** key stays in ``trusted_keys`` with who revoked it
and when; it is never trusted again (a new key is enrolled instead).  Each
change is one transaction with its audit row.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import tables
from storage.db import now
from storage.store import Store


@dataclass(frozen=True)
class KeyRow:
    fingerprint: str
    public_key: str
    name: str
    trusted_at: str
    trusted_by: str
    revoked_at: str
    revoked_by: str
    inspections: tuple[tuple[str, str], ...]  # (inspection name, the assessor it is trusted as there)
    enrolled: tuple[str, ...]  # names of the inspections it is enrolled for


@dataclass(frozen=True)
class EnrolmentRow:
    inspection_id: str
    assessor: str
    fingerprint: str
    age_recipient: str
    enrolled_at: str
    enrolled_by: str


def enrolment(store: Store, inspection_id: str, assessor: str) -> EnrolmentRow | None:
    """The assessor's enrolment for the inspection (the name exactly as the lead gave it)."""
    rows = store.query("SELECT inspection_id, assessor, fingerprint, age_recipient, enrolled_at, "
                       "coalesce(enrolled_by, '') FROM enrolments WHERE inspection_id = ? "
                       "AND assessor = ?", (inspection_id, assessor.strip()))
    return EnrolmentRow(*rows[0]) if rows else None


def enrol(store: Store, *, inspection_id: str, assessor: str, fingerprint: str, public_key: str,
          age_recipient: str, who: str) -> None:
    """Record the assessor's keys for the inspection and trust the signing key
    as them there, in one transaction (the caller has checked there is no
    other binding)."""
    t = now()
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO trusted_keys (fingerprint, public_key, name, trusted_at, trusted_by) "
                  "VALUES (?, ?, ?, ?, ?)", (fingerprint, public_key, assessor, t, who))
        c.execute("INSERT OR IGNORE INTO authorities (fingerprint, inspection_id, assessor, may_add_cases, "
                  "trusted_at, trusted_by) VALUES (?, ?, ?, 0, ?, ?)", (fingerprint, inspection_id, assessor, t, who))
        c.execute("INSERT OR REPLACE INTO enrolments (inspection_id, assessor, fingerprint, age_recipient, "
                  "enrolled_at, enrolled_by) VALUES (?, ?, ?, ?, ?, ?)",
                  (inspection_id, assessor, fingerprint, age_recipient, t, who))
        tables.audit(c, "enrol_key", who, inspection_id=inspection_id, at=t,
                     new={"fingerprint": fingerprint, "assessor": assessor, "age_recipient": age_recipient})


def revocation(store: Store, fingerprint: str) -> tuple[str, str, str] | None:
    """(revoked at, revoked by, the name it was trusted as) when the key is revoked, else None."""
    rows = store.query("SELECT revoked_at, coalesce(revoked_by, ''), coalesce(name, '') FROM trusted_keys "
                       "WHERE fingerprint = ? AND revoked_at IS NOT NULL", (fingerprint,))
    return (rows[0][0], rows[0][1], rows[0][2]) if rows else None


def revoke(store: Store, fingerprint: str, who: str) -> bool:
    """Revoke a trusted key; False when it is not held here or already revoked."""
    t = now()
    with store.transaction() as c:
        row = c.execute("SELECT name FROM trusted_keys WHERE fingerprint = ? AND revoked_at IS NULL",
                        (fingerprint,)).fetchone()
        if row is None:
            return False
        c.execute("UPDATE trusted_keys SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ?", (t, who, fingerprint))
        tables.audit(c, "revoke_key", who, at=t, new={"fingerprint": fingerprint, "name": row[0] or ""})
    return True


def keys(store: Store) -> list[KeyRow]:
    """Every key this database trusts or has revoked, with where it is trusted; oldest first."""
    where: dict[str, list[tuple[str, str]]] = {}
    for r in store.query("SELECT a.fingerprint, coalesce(i.name, a.inspection_id), a.assessor FROM authorities a "
                         "LEFT JOIN inspections i ON i.id = a.inspection_id ORDER BY 2, 3"):
        where.setdefault(r[0], []).append((r[1], r[2]))
    enrolled: dict[str, list[str]] = {}
    for r in store.query("SELECT e.fingerprint, coalesce(i.name, e.inspection_id) FROM enrolments e "
                         "LEFT JOIN inspections i ON i.id = e.inspection_id ORDER BY 2"):
        enrolled.setdefault(r[0], []).append(r[1])
    return [KeyRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "",
                   tuple(where.get(r[0], ())), tuple(enrolled.get(r[0], ())))
            for r in store.query("SELECT fingerprint, public_key, name, trusted_at, trusted_by, revoked_at, "
                                 "revoked_by FROM trusted_keys ORDER BY trusted_at, fingerprint")]
