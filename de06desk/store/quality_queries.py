"""SQL for the data-quality checks and the field follow-up lists.

Grouping (same ID number, same phone) is done here in SQL; the checks only look at the
groups. Rows come back as small dataclasses, never cursors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import dbapi
from .database import Store


@dataclass(frozen=True)
class CitizenRow:
    """The citizen fields the checks read."""

    uuid: str
    full_name: str
    id_number: str | None
    sex: str | None
    birth_date: date | None
    birth_year: int | None
    phone: str | None
    village: str | None
    living_status: str | None


@dataclass(frozen=True, kw_only=True)
class RosterRow:
    """A drive roster entry joined with its citizen (`phone` is the activation phone)."""

    uuid: str
    citizen: str
    full_name: str
    birth_date: date | None
    birth_year: int | None
    id_number: str | None
    village: str | None
    status: str
    failure_reason: str | None
    phone: str | None
    approved_on: date | None
    activated_on: date | None
    citizen_phone: str | None


@dataclass(frozen=True)
class CaseRow:
    """An open (or verified, not yet closed) cleanup case joined with its citizen."""

    uuid: str
    citizen: str | None
    full_name: str | None
    birth_date: date | None
    birth_year: int | None
    id_number: str | None
    phone: str | None
    village: str
    error_type: str
    description: str
    status: str
    opened_on: date | None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def citizen_rows(store: Store) -> list[CitizenRow]:
    """Every non-deleted citizen, in creation order."""
    rows = store.conn.execute(
        "SELECT uuid, full_name, id_number, sex, birth_date, birth_year, phone, village, "
        "living_status FROM citizens WHERE deleted = 0 ORDER BY created_at, rowid"
    )
    return [
        CitizenRow(r[0], r[1] or "", r[2], r[3], _date(r[4]), r[5], r[6], r[7], r[8]) for r in rows
    ]


def duplicate_id_groups(store: Store) -> list[list[str]]:
    """UUIDs of non-deleted citizens sharing an ID number, one list per number."""
    rows = store.conn.execute(
        "SELECT id_number, group_concat(uuid, ',') FROM ("
        "  SELECT id_number, uuid FROM citizens WHERE deleted = 0 AND id_number IS NOT NULL "
        "  AND id_number IN (SELECT id_number FROM citizens WHERE deleted = 0 "
        "    AND id_number IS NOT NULL GROUP BY id_number HAVING count(*) > 1) "
        "  ORDER BY created_at, rowid"
        ") GROUP BY id_number ORDER BY id_number"
    )
    return [r[1].split(",") for r in rows]


def shared_phone_groups(store: Store, min_count: int) -> dict[str, list[str]]:
    """Phone → UUIDs of the living, non-deleted citizens using it, for phones on at least
    `min_count` of them."""
    rows = store.conn.execute(
        "SELECT phone, group_concat(uuid, ',') FROM ("
        "  SELECT phone, uuid FROM citizens WHERE deleted = 0 AND phone IS NOT NULL "
        "  AND living_status = 'living' AND phone IN (SELECT phone FROM citizens "
        "    WHERE deleted = 0 AND phone IS NOT NULL AND living_status = 'living' "
        "    GROUP BY phone HAVING count(*) >= ?) "
        "  ORDER BY created_at, rowid"
        ") GROUP BY phone ORDER BY phone",
        (min_count,),
    )
    return {r[0]: r[1].split(",") for r in rows}


_ROSTER_SELECT = (
    "SELECT r.uuid, r.citizen, c.full_name, c.birth_date, c.birth_year, c.id_number, c.village, "
    "r.status, r.failure_reason, r.phone, r.approved_on, r.activated_on, c.phone AS citizen_phone "
    "FROM drive_roster r JOIN citizens c ON c.uuid = r.citizen "
    "WHERE r.deleted = 0 AND c.deleted = 0 "
)


def _roster(rows: Iterable[dbapi.Row]) -> list[RosterRow]:
    """RosterRows from rows of `_ROSTER_SELECT`, each field taken by its column's name."""
    return [
        RosterRow(
            uuid=r["uuid"],
            citizen=r["citizen"],
            full_name=r["full_name"] or "",
            birth_date=_date(r["birth_date"]),
            birth_year=r["birth_year"],
            id_number=r["id_number"],
            village=r["village"],
            status=r["status"],
            failure_reason=r["failure_reason"],
            phone=r["phone"],
            approved_on=_date(r["approved_on"]),
            activated_on=_date(r["activated_on"]),
            citizen_phone=r["citizen_phone"],
        )
        for r in rows
    ]


def roster_activated_without_phone(store: Store) -> list[RosterRow]:
    """Roster entries marked activated that have no activation phone."""
    return _roster(
        store.conn.execute(
            _ROSTER_SELECT + "AND r.status = 'activated' AND (r.phone IS NULL OR r.phone = '') "
            "ORDER BY r.created_at, r.rowid"
        )
    )


def roster_approved_before(store: Store, before: date) -> list[RosterRow]:
    """Roster entries approved before `before` and still not activated."""
    return _roster(
        store.conn.execute(
            _ROSTER_SELECT + "AND r.status = 'approved' AND r.approved_on < ? "
            "ORDER BY r.approved_on, r.rowid",
            (before.isoformat(),),
        )
    )


def open_case_keys(store: Store) -> dict[tuple[str, str], str]:
    """(citizen uuid, error type) → UUID of a cleanup case still open or verified."""
    rows = store.conn.execute(
        "SELECT citizen, error_type, uuid FROM cleanup_cases WHERE deleted = 0 "
        "AND status IN ('open', 'verified') AND citizen IS NOT NULL ORDER BY created_at, rowid"
    )
    keys: dict[tuple[str, str], str] = {}
    for citizen, error_type, uuid in rows:
        keys.setdefault((citizen, error_type), uuid)
    return keys


def followup_roster(store: Store, village: str) -> list[RosterRow]:
    """Roster entries of the village's citizens approved but not activated, oldest first."""
    return _roster(
        store.conn.execute(
            _ROSTER_SELECT + "AND r.status = 'approved' AND c.village = ? "
            "ORDER BY r.approved_on, c.full_name, r.rowid",
            (village,),
        )
    )


def followup_cases(store: Store, village: str) -> list[CaseRow]:
    """Cleanup cases of the village still open or verified, oldest first."""
    rows = store.conn.execute(
        "SELECT k.uuid, k.citizen, c.full_name, c.birth_date, c.birth_year, c.id_number, "
        "c.phone, k.village, k.error_type, k.description, k.status, k.opened_on "
        "FROM cleanup_cases k LEFT JOIN citizens c ON c.uuid = k.citizen AND c.deleted = 0 "
        "WHERE k.deleted = 0 AND k.status IN ('open', 'verified') AND k.village = ? "
        "ORDER BY k.opened_on, k.rowid",
        (village,),
    )
    return [
        CaseRow(
            r[0], r[1], r[2], _date(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10], _date(r[11])
        )
        for r in rows
    ]
