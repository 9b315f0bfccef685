"""Record actions: save and delete, drive rosters, activations, cleanup cases.

The rules that tie records together live here, so they hold whoever makes the change (a
screen, the command line, the demo generator):

- a drive with roster rows is counted from them: its four count fields are a kept copy of
  the roster's totals, rewritten in the same transaction as every roster change;
- a citizen appears at most once in one drive's roster.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from de06desk.domain.i18n import DomainError, msg
from de06desk.quality.checks import Finding, open_cleanup_case
from de06desk.store import Record, Store
from de06desk.store.lists import roster_totals
from de06desk.store.users import User

from .core import Changes, Done, action, require

DRIVE, ROSTER = "activation_drive", "drive_roster"
COUNT_FIELDS = ("level1_count", "received_count", "approved_count", "activated_count")


# ---- the rules (plain functions: call inside the caller's transaction) -------------------


def with_roster_totals(store: Store, drive_uuid: str | None, values: Mapping[str, Any]) -> dict:
    """A drive's values with its count fields taken from its roster, when it has one."""
    out = dict(values)
    if drive_uuid:
        totals = roster_totals(store, drive_uuid)
        if totals.rows:
            out.update(totals.as_values())
    return out


def sync_drive_totals(store: Store, drive_uuid: str, username: str) -> Record | None:
    """Rewrite a drive's count fields from its roster (nothing when it has no roster rows)."""
    drive = store.get_record(DRIVE, drive_uuid)
    if drive is None:
        return None
    values = with_roster_totals(store, drive_uuid, drive.values)
    if values == drive.values:
        return drive
    return store.save_record(DRIVE, values, user=username, uuid=drive_uuid)


def check_once_per_roster(store: Store, values: Mapping[str, Any], uuid: str | None) -> None:
    """Refuse a roster row for a citizen already on that drive's roster."""
    drive, citizen = values.get("drive"), values.get("citizen")
    if not drive or not citizen:
        return
    others = [
        r
        for r in store.list_records(ROSTER, where={"drive": drive, "citizen": citizen})
        if r.uuid != uuid
    ]
    if others:
        person = store.get_record("citizen", citizen)
        name = person["full_name"] if person is not None else ""
        raise DomainError(
            msg(
                "{n} đã có trong danh sách của đợt này.",
                "{n} is already on this drive's roster.",
                n=name,
            )
        )


def _save_roster(
    store: Store, username: str, values: Mapping[str, Any], uuid: str | None
) -> Record:
    before = store.get_record(ROSTER, uuid) if uuid else None
    check_once_per_roster(store, values, uuid)
    record = store.save_record(ROSTER, dict(values), user=username, uuid=uuid)
    sync_drive_totals(store, record["drive"], username)
    if before is not None and before["drive"] != record["drive"]:
        sync_drive_totals(store, before["drive"], username)
    return record


ROSTER_CHANGES = Changes.of([ROSTER, DRIVE])


def save_operation(form_id: str) -> str:
    """The role-table operation that saving a record of this form is."""
    return "profile.save" if form_id == "commune" else "record.save"


# ---- actions ------------------------------------------------------------------------------


@action("record.save")
def save_record(
    store: Store, user: User, form_id: str, values: Mapping[str, Any], uuid: str | None = None
) -> Done[Record]:
    """Create (uuid None) or update a record of any form, with the cross-record rules."""
    if form_id == "commune":
        return save_profile(store, user, values, uuid)
    with store.transaction():
        if form_id == ROSTER:
            record = _save_roster(store, user.username, values, uuid)
            return Done(record, ROSTER_CHANGES)
        if form_id == DRIVE:
            values = with_roster_totals(store, uuid, values)
        record = store.save_record(form_id, dict(values), user=user.username, uuid=uuid)
    return Done(record, Changes.of([form_id]))


@action("profile.save")
def save_profile(
    store: Store, user: User, values: Mapping[str, Any], uuid: str | None = None
) -> Done[Record]:
    """Save the unit's profile (the names and signer printed on every report)."""
    with store.transaction():
        record = store.save_record("commune", dict(values), user=user.username, uuid=uuid)
    return Done(record, Changes.of(["commune"]))


@action("record.delete")
def delete_record(store: Store, user: User, form_id: str, uuid: str) -> Done[None]:
    """Delete a record (a tombstone, so sync passes it on); a roster row updates its drive."""
    if save_operation(form_id) != "record.save":
        require(store, user, save_operation(form_id))
    with store.transaction():
        current = store.get_record(form_id, uuid)
        store.delete_record(form_id, uuid, user=user.username)
        if form_id == ROSTER and current is not None:
            sync_drive_totals(store, current["drive"], user.username)
            return Done(None, ROSTER_CHANGES)
    return Done(None, Changes.of([form_id]))


@action("roster.add")
def add_to_roster(
    store: Store, user: User, drive_uuid: str, citizen_uuid: str, **values: Any
) -> Done[Record]:
    """Put a citizen on a drive's roster (level 2, received unless `values` say otherwise)."""
    citizen = store.get_record("citizen", citizen_uuid)
    row = {
        "level": "level2",
        "status": "received",
        "phone": citizen["phone"] if citizen is not None else None,
        **values,
        "drive": drive_uuid,
        "citizen": citizen_uuid,
    }
    with store.transaction():
        return Done(_save_roster(store, user.username, row, None), ROSTER_CHANGES)


@action("roster.save")
def save_roster_row(
    store: Store, user: User, values: Mapping[str, Any], uuid: str | None = None
) -> Done[Record]:
    """Save a roster row (status, reason, phone, dates) and update its drive's counts."""
    with store.transaction():
        return Done(_save_roster(store, user.username, values, uuid), ROSTER_CHANGES)


@action("roster.remove")
def remove_from_roster(store: Store, user: User, uuid: str) -> Done[None]:
    """Take a citizen off a drive's roster (tombstone) and update the drive's counts."""
    with store.transaction():
        current = store.get_record(ROSTER, uuid)
        store.delete_record(ROSTER, uuid, user=user.username)
        if current is not None:
            sync_drive_totals(store, current["drive"], user.username)
    return Done(None, ROSTER_CHANGES)


@action("roster.activate")
def record_activation(
    store: Store, user: User, uuid: str, *, phone: str | None, on: date
) -> Done[Record]:
    """An approved citizen activated their account: phone and date, status activated."""
    changes = {"status": "activated", "phone": phone, "activated_on": on, "failure_reason": None}
    return _update_roster(store, user, uuid, changes)


@action("roster.save")
def record_failure_reason(store: Store, user: User, uuid: str, reason: str) -> Done[Record]:
    """Why an approved citizen has not activated yet (the row stays approved)."""
    return _update_roster(store, user, uuid, {"failure_reason": reason})


def _update_roster(store: Store, user: User, uuid: str, changes: dict[str, Any]) -> Done[Record]:
    with store.transaction():
        record = store.get_record(ROSTER, uuid)
        if record is None:
            raise DomainError(
                msg(
                    "Không tìm thấy dòng danh sách (có thể đã bị xóa).",
                    "The roster row was not found (it may have been deleted).",
                )
            )
        saved = _save_roster(store, user.username, {**record.values, **changes}, uuid)
    return Done(saved, ROSTER_CHANGES)


@action("case.open")
def open_case(store: Store, user: User, finding: Finding, *, today: date | None = None) -> Done:
    """Open a cleanup case for a check finding (refused if one is open for it already)."""
    with store.transaction():
        case = open_cleanup_case(store, finding, user.username, today=today)
    return Done(case, Changes.of(["cleanup_case"]))


@action("case.close")
def close_case(
    store: Store,
    user: User,
    uuid: str,
    status: str,
    corrected_value: str | None,
    *,
    on: date | None = None,
) -> Done[Record]:
    """Close a cleanup case as corrected or rejected, today unless `on` says otherwise."""
    if status not in ("corrected", "rejected"):
        raise DomainError(msg("Trạng thái đóng hồ sơ không hợp lệ.", "Invalid closing status."))
    with store.transaction():
        record = store.get_record("cleanup_case", uuid)
        if record is None:
            raise DomainError(
                msg("Không tìm thấy hồ sơ làm sạch.", "The cleanup case was not found.")
            )
        values = {
            **record.values,
            "status": status,
            "closed_on": on or date.today(),
            "corrected_value": corrected_value,
        }
        saved = store.save_record("cleanup_case", values, user=user.username, uuid=uuid)
    return Done(saved, Changes.of(["cleanup_case"]))
