"""Importing a VNeID status list: who has a level-1 account, who applied for level 2, when it
was approved and activated, and why not — matched to citizens by ID number.

The lists the province police send down are reconciled with the records the weekly figures
and the follow-up list are built from: the drive-roster rows (forms/drive_roster.toml). For
each row of the list:

- a citizen with no roster row gets one, in a drive made for this import ("Danh sách trạng
  thái: <file>", at the office, held on the earliest approval/activation date of those rows,
  else the import day: the weekly figures count them received then);
- a citizen whose roster row is behind the list (received → approved → activated) has that row
  brought forward, with the list's dates, phone and reason;
- a list that is behind or disagrees with what the commune recorded (the commune says
  activated, the list says approved; other dates) is a conflict: shown in the preview, and
  the commune's record is kept;
- an ID number no citizen has, or a row that cannot be read, is refused with its reason.

Same shape as the citizen import: `plan_status_import` writes nothing; `apply_status_import`
writes in one transaction and records an undoable batch (`undo_import` undoes either kind).
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.idnumber import parse_id_number
from de06desk.domain.phone import normalize_phone
from de06desk.domain.progress import (
    CancelCheck,
    Cancelled,
    Progress,
    never_cancelled,
    no_progress,
)
from de06desk.domain.text import fold
from de06desk.domain.weeks import parse_date_or_year
from de06desk.forms import FormSpec, validate_record
from de06desk.forms.codec import record_to_json
from de06desk.store import Record, Store, utc_now
from de06desk.store import citizen_import as sql
from de06desk.store.bulk import insert_records
from de06desk.store.lists import roster_totals

from .citizen_import import (
    ImportResult,
    PlannedRow,
    Refusal,
    _id_text,
    _phone_text,
    _RowRefuser,
    _text,
    field_label,
    record_import,
    unsafe_cell,
)
from .mapping import STATUS_REQUIRED
from .tables import Cell, RawTable

ROSTER = "drive_roster"
DRIVE = "activation_drive"

# How far along an application is; a list never moves a record back.
_RANK = {"level1_registered": 0, "received": 1, "refused": 2, "approved": 3, "activated": 4}
# Status words seen on police lists, folded, tried in this order (so "đã phê duyệt, chưa
# kích hoạt" is approved, not activated).
_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("khong dat", "refused"),
    ("tu choi", "refused"),
    ("khong duoc duyet", "refused"),
    ("chua kich hoat", "approved"),
    ("cho kich hoat", "approved"),
    ("phe duyet", "approved"),
    ("da duyet", "approved"),
    ("da kich hoat", "activated"),
    ("kich hoat thanh cong", "activated"),
    ("tiep nhan", "received"),
    ("cho duyet", "received"),
    ("dang xu ly", "received"),
    ("da nop", "received"),
    ("muc 2", "received"),
    ("muc 1", "level1_registered"),
    ("da dang ky", "level1_registered"),
)
_YES = frozenset({"x", "co", "1", "yes", "true", "da", "roi", "v", "ok", "da kich hoat"})
_NO = frozenset({"khong", "chua", "0", "no", "false", "chua kich hoat"})
# Reasons as lists word them, folded; anything else is "other" with the text kept in notes.
_REASON_WORDS: tuple[tuple[str, str], ...] = (
    ("thong minh", "no_smartphone"),
    ("song", "no_signal"),
    ("chinh chu", "sim_not_own"),
    ("chip", "no_chip_card"),
    ("van tay", "biometric_failed"),
    ("sinh trac", "biometric_failed"),
    ("khuon mat", "biometric_failed"),
    ("anh", "biometric_failed"),
    ("so dien thoai", "phone_wrong"),
    ("sdt", "phone_wrong"),
    ("vang", "absent"),
    ("chuyen di", "absent"),
    ("di lam", "absent"),
)


@dataclass(frozen=True)
class Conflict:
    """A row whose status disagrees with what the commune recorded; the commune's is kept."""

    row_no: int
    name: str
    message: Msg


@dataclass
class StatusPlan:
    """The preview of a status import. Applying it writes exactly `to_add` and `to_update`."""

    source: str
    mapping: dict[str, int]
    total_rows: int
    to_add: list[PlannedRow] = field(default_factory=list)
    to_update: list[PlannedRow] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    not_found: int = 0
    blank_rows: int = 0
    headers: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    drive: dict[str, Any] | None = None

    def summary(self) -> Msg:
        """One line for the preview: how many rows change, conflict, are refused."""
        text = msg(
            "{rows} dòng: thay đổi {chg} (đưa vào danh sách đợt {add}, cập nhật {upd}), "
            "không đổi {same}, khác với xã đã ghi {conf} (giữ theo xã), không tìm thấy công "
            "dân {nf}, bị từ chối {ref}.",
            "{rows} rows: {chg} to change ({add} added to a drive roster, {upd} updated), "
            "{same} unchanged, {conf} differ from the commune's records (kept as recorded), "
            "{nf} citizens not found, {ref} refused.",
            rows=self.total_rows,
            chg=len(self.to_add) + len(self.to_update),
            add=len(self.to_add),
            upd=len(self.to_update),
            same=len(self.unchanged),
            conf=len(self.conflicts),
            nf=self.not_found,
            ref=len(self.refused),
        )
        if self.unused_columns:
            cols = ", ".join(f"“{c}”" for c in self.unused_columns)
            text = Msg(f"{text.vi} Cột không dùng: {cols}.", f"{text.en} Columns not used: {cols}.")
        return text


def _choice(form: FormSpec, name: str, text: str) -> str | None:
    folded = fold(text)
    for choice in form.field(name).choices:
        if folded in (choice.value, fold(choice.vi), fold(choice.en)):
            return choice.value
    return None


def _parse_status(form: FormSpec, text: str) -> str:
    exact = _choice(form, "status", text)
    if exact:
        return exact
    folded = fold(text)
    for words, value in _STATUS_WORDS:
        if words in folded:
            return value
    raise DomainError(
        msg(
            "Trạng thái “{v}” không hiểu được: hãy ghi một trong: {o}.",
            "Status “{v}” is not understood: write one of: {o}.",
            v=text[:40],
            o=", ".join(c.vi for c in form.field("status").choices),
        )
    )


def _parse_reason(form: FormSpec, text: str) -> tuple[str, bool]:
    """The reason's choice value, and whether the text was only guessed as "other"."""
    exact = _choice(form, "failure_reason", text)
    if exact:
        return exact, False
    folded = fold(text)
    for words, value in _REASON_WORDS:
        if f" {words} " in f" {folded} ":
            return value, False
    return "other", True


def _parse_row(
    form: FormSpec, row: list[Cell], mapping: Mapping[str, int]
) -> tuple[dict[str, Any], list[Msg]]:
    values: dict[str, Any] = {}
    problems: list[Msg] = []

    def cell(name: str) -> Cell:
        index = mapping.get(name)
        return row[index] if index is not None and index < len(row) else None

    def label(name: str) -> Msg:
        return field_label(form, name)

    def problem(name: str, message: Msg) -> None:
        lab = label(name)
        problems.append(msg("{f}: {m}", "{g}: {e}", f=lab.vi, g=lab.en, m=message.vi, e=message.en))

    for name, index in mapping.items():
        raw = row[index] if index < len(row) else None
        if isinstance(raw, str):
            unsafe = unsafe_cell(raw, multiline=False)
            if unsafe is not None:
                problem(name, unsafe)
    if problems:
        return values, problems
    raw_id = _id_text(cell("id_number"))
    if not raw_id:
        problem("id_number", msg("ô trống", "the cell is empty"))
    else:
        try:
            values["id_number"] = parse_id_number(raw_id, allow_cmnd=True).number
        except DomainError as exc:
            problem("id_number", exc.message)
    name = _text(cell("full_name"))
    if name:
        values["full_name"] = name
    status_text = _text(cell("status"))
    if status_text:
        try:
            values["status"] = _parse_status(form, status_text)
        except DomainError as exc:
            problems.append(exc.message)
    flag = fold(_text(cell("activated")))
    if flag and "status" not in values:
        if flag in _YES:
            values["status"] = "activated"
        elif flag not in _NO:
            problem(
                "activated",
                msg("“{v}” không rõ là có hay không", "“{v}” is neither yes nor no", v=flag[:20]),
            )
    level_text = fold(_text(cell("level")))
    if level_text:
        if "1" in level_text:
            values["level"] = "level1"
        elif "2" in level_text:
            values["level"] = "level2"
        else:
            problem("level", msg("hãy ghi Mức 1 hoặc Mức 2", "write level 1 or level 2"))
    if values.get("status") == "level1_registered":
        values["level"] = "level1"
    for name in ("approved_on", "activated_on"):
        raw = cell(name)
        if raw is None:
            continue
        try:
            day, _year = parse_date_or_year(raw if isinstance(raw, date) else _text(raw))
        except DomainError as exc:
            problem(name, exc.message)
            continue
        if day is None:
            problem(name, msg("cần ngày đầy đủ", "a full date is needed"))
        else:
            values[name] = day
    reason = _text(cell("failure_reason"))
    if reason:
        values["failure_reason"], guessed = _parse_reason(form, reason)
        if guessed:
            values["notes"] = reason
    raw_phone = _phone_text(cell("phone"))
    if raw_phone:
        try:
            values["phone"] = normalize_phone(raw_phone)
        except DomainError as exc:
            problem("phone", exc.message)
    notes = _text(cell("notes"))
    if notes:
        values["notes"] = f"{values['notes']}; {notes}" if "notes" in values else notes
    # Dates imply how far the application got when the list has no status column; a level
    # alone says registered (level 1) or applied (level 2).
    if "status" not in values:
        if "activated_on" in values:
            values["status"] = "activated"
        elif "approved_on" in values:
            values["status"] = "approved"
        elif values.get("level") in ("level1", "level2"):
            values["status"] = "level1_registered" if values["level"] == "level1" else "received"
            # Only the least the level implies: a record further along is not contradicted.
            values["_implied"] = True
    return values, problems


def _fill_activation(values: dict[str, Any], citizen: Record) -> None:
    """What the roster form needs of an activated account and lists often leave out.

    A list rarely repeats the activation phone: the citizen's own number is the one the
    account was opened with in the usual case. An activation without an approval date was
    approved that day at the latest; the form needs the date, so that day is taken.
    """
    if values.get("status") != "activated":
        return
    if not values.get("phone"):
        values["phone"] = citizen.values.get("phone")
    if not values.get("approved_on") and values.get("activated_on"):
        values["approved_on"] = values["activated_on"]


def _current_row(rows: list[Record]) -> Record:
    """A citizen's roster row that says most: the furthest status, then the latest change."""
    return max(rows, key=lambda r: (_RANK.get(r.values.get("status") or "", -1), r.change_no))


def _status_label(form: FormSpec, value: str | None) -> str:
    return form.field("status").choice_label(value, "vi") if value else "(trống)"


def plan_status_import(
    store: Store,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    today: date | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> StatusPlan:
    """Preview a status import of `table` with `mapping` (field → column); writes nothing."""
    form = store.form(ROSTER)
    missing = [n for n in STATUS_REQUIRED if n not in mapping]
    if missing:
        raise DomainError(
            msg(
                "Chưa chọn cột cho: {f}. Danh sách trạng thái được ghép với công dân theo số "
                "định danh; hãy chọn cột đó.",
                "No column chosen for: {g}. A status list is matched to citizens by ID number; "
                "choose that column.",
                f=", ".join(field_label(form, n).vi for n in missing),
                g=", ".join(field_label(form, n).en for n in missing),
            )
        )
    used = set(mapping.values())
    plan = StatusPlan(
        source=table.path.name,
        mapping=dict(mapping),
        total_rows=0,
        headers=list(table.headers),
        unused_columns=[h for i, h in enumerate(table.headers) if h and i not in used],
        skipped=list(table.skipped),
    )
    parsed: list[tuple[int, list[Cell], dict[str, Any], list[Msg]]] = []
    for index, row in enumerate(table.rows):
        if all(c is None for c in row):
            plan.blank_rows += 1
            continue
        row_no = table.row_number(index)
        values, problems = _parse_row(form, row, mapping)
        if row_no in table.damaged:
            problems.insert(0, table.damaged[row_no])
        parsed.append((row_no, row, values, problems))
    plan.total_rows = len(parsed)
    numbers = [v["id_number"] for _, _, v, p in parsed if "id_number" in v and not p]
    citizens = sql.records_by_field(store, "citizen", "id_number", numbers)
    rosters = sql.records_by_field(
        store, ROSTER, "citizen", [c.uuid for found in citizens.values() for c in found]
    )
    drive_placeholder = "new:drive"
    seen: dict[str, int] = {}
    for count, (row_no, row, given, problems) in enumerate(parsed):
        if count % 500 == 0:
            if cancelled():
                raise Cancelled()
            progress(count / max(1, len(parsed)), f"{count}/{len(parsed)}")
        refuse = _RowRefuser(plan, row_no, row)
        if problems:
            refuse(*problems)
            continue
        number = given["id_number"]
        if number in seen:
            refuse(
                msg(
                    "Số định danh {n} trùng với dòng {r} trong cùng tệp.",
                    "ID number {n} repeats row {r} of the same file.",
                    n=number,
                    r=seen[number],
                )
            )
            continue
        seen[number] = row_no
        found = citizens.get(number, [])
        if not found:
            plan.not_found += 1
            refuse(
                msg(
                    "Không có công dân nào mang số định danh {n} trong dữ liệu của xã; hãy nhập "
                    "công dân này trước (Nhập danh sách công dân) rồi nhập lại dòng này.",
                    "No citizen has ID number {n} in the commune's data; import the citizen "
                    "first (citizen list import), then this row again.",
                    n=number,
                )
            )
            continue
        if len(found) > 1:
            refuse(
                msg(
                    "Số định danh {n} đang có ở {k} công dân; hãy xử lý hồ sơ trùng trước.",
                    "ID number {n} is on {k} citizens; resolve the duplicates first.",
                    n=number,
                    k=len(found),
                )
            )
            continue
        citizen = found[0]
        name = citizen.values.get("full_name") or ""
        file_values = {k: v for k, v in given.items() if k in form.field_names}
        file_values.pop("citizen", None)
        if "status" not in file_values:
            refuse(
                msg(
                    "Dòng không cho biết trạng thái (trạng thái, đã kích hoạt, ngày phê duyệt "
                    "hay ngày kích hoạt).",
                    "The row gives no status (status, activated, approval or activation date).",
                )
            )
            continue
        existing = rosters.get(citizen.uuid, [])
        if not existing:
            values = {
                "drive": drive_placeholder,
                "citizen": citizen.uuid,
                "level": "level2",
                **file_values,
            }
            _fill_activation(values, citizen)
            errors = validate_record(form, values, today)
            if errors:
                refuse(*[m for ms in errors.values() for m in ms])
                continue
            plan.to_add.append(PlannedRow(row_no, values))
            continue
        current = _current_row(existing)
        old_status = current.values.get("status")
        new_status = file_values["status"]
        if _RANK[new_status] < _RANK.get(old_status or "", -1):
            if given.get("_implied"):
                plan.unchanged.append(row_no)
                continue
            plan.conflicts.append(
                Conflict(
                    row_no,
                    name,
                    msg(
                        "xã ghi “{a}”, danh sách ghi “{b}”",
                        "the commune recorded “{a}”, the list says “{b}”",
                        a=_status_label(form, old_status),
                        b=_status_label(form, new_status),
                    ),
                )
            )
            continue
        values = dict(current.values)
        clashes = []
        for key, value in file_values.items():
            old = values.get(key)
            # Dates and phones the commune recorded for the same step are its own evidence:
            # a different one in the list is reported, not written over.
            if (
                new_status == old_status
                and key in ("approved_on", "activated_on", "phone")
                and old not in (None, "")
                and old != value
            ):
                clashes.append(f"{field_label(form, key).vi}: xã {old}, danh sách {value}")
                continue
            values[key] = value
        if new_status == "activated":
            values["failure_reason"] = None
        if new_status != "level1_registered" and "level" not in file_values:
            # A level-1 account that has now applied for level 2.
            values["level"] = "level2"
        _fill_activation(values, citizen)
        if clashes:
            plan.conflicts.append(
                Conflict(row_no, name, Msg("; ".join(clashes), "; ".join(clashes)))
            )
        errors = validate_record(form, values, today)
        if errors:
            refuse(*[m for ms in errors.values() for m in ms])
            continue
        changed = tuple(n for n in form.field_names if current.values.get(n) != values.get(n))
        if not changed:
            if not clashes:
                plan.unchanged.append(row_no)
            continue
        plan.to_update.append(PlannedRow(row_no, values, current.uuid, current.change_no, changed))
    if plan.to_add:
        # Held on the earliest date the new rows carry, so that in the weekly figures an
        # application is never received after it was approved or activated.
        dates = [
            p.values[name]
            for p in plan.to_add
            for name in ("approved_on", "activated_on")
            if isinstance(p.values.get(name), date)
        ]
        plan.drive = {
            "held_on": min(dates, default=today or date.today()),
            "kind": "office",
            "place": f"Danh sách trạng thái: {table.path.name}"[:200],
            "notes": "Tạo khi nhập danh sách trạng thái VNeID.",
        }
    progress(1.0, "")
    return plan


def _officer(store: Store, user: str) -> str:
    """The officer a made-up drive is put under: the one named like the user, else the first."""
    officers = store.list_records("officer", order_by="full_name")
    if not officers:
        raise DomainError(
            msg(
                "Chưa có cán bộ nào trong hồ sơ xã: hãy thêm ít nhất một cán bộ trước khi nhập "
                "danh sách trạng thái.",
                "The commune profile has no officer: add at least one before importing a "
                "status list.",
            )
        )
    named = [o for o in officers if fold(o["full_name"]) == fold(user)]
    return (named or officers)[0].uuid


def apply_status_import(
    store: Store,
    plan: StatusPlan,
    user: str,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportResult:
    """Write a previewed status import in one transaction, as an undoable batch.

    Conflicts, refused and unchanged rows are not touched. If a roster row was changed since
    the preview, nothing is written (StoreError).
    """
    batch_id = uuidlib.uuid4().hex[:12]
    detail = f"import {batch_id}"
    progress(0.0, "")
    with store.transaction():
        batch_rows: list[sql.BatchRow] = []
        drive_uuid = None
        if plan.drive is not None:
            drive = store.save_record(
                DRIVE, {**plan.drive, "officer": _officer(store, user)}, user=user
            )
            drive_uuid = drive.uuid
        if cancelled():
            raise Cancelled()
        uuids = insert_records(
            store,
            ROSTER,
            [{**p.values, "drive": drive_uuid} for p in plan.to_add],
            user=user,
            validate=False,
            detail=f"{detail}: {len(plan.to_add)} records",
        )
        numbers = sql.change_numbers(store, ROSTER, uuids)
        batch_rows += [sql.BatchRow(ROSTER, u, "create", None, numbers[u]) for u in uuids]
        progress(0.5, "")
        if cancelled():
            raise Cancelled()
        updates = [
            sql.RowUpdate(p.uuid, p.values, p.expected_change_no)
            for p in plan.to_update
            if p.uuid is not None
        ]
        old = sql.update_records(store, ROSTER, updates, user=user, detail=detail)
        form = store.form(ROSTER)
        batch_rows += [
            sql.BatchRow(ROSTER, uuid, "update", record_to_json(form, values), change_no)
            for uuid, (values, change_no) in old.items()
        ]
        touched = {p.values["drive"] for p in plan.to_update}
        batch_rows += _follow_roster(store, touched, drive_uuid, user)
        record_import(
            store,
            sql.ImportBatch(
                batch_id=batch_id,
                kind="status",
                source=plan.source,
                created_at=utc_now(),
                username=user,
                added=len(uuids),
                updated=len(old),
                refused=len(plan.refused),
                undone_at=None,
                undone_by=None,
            ),
            batch_rows,
            headers=plan.headers,
            mapping=plan.mapping,
            form_id=ROSTER,
            note=f"{len(plan.conflicts)} conflicts",
        )
    progress(1.0, "")
    return ImportResult(
        batch_id=batch_id,
        added=len(uuids),
        updated=len(old),
        unchanged=len(plan.unchanged),
        refused=len(plan.refused),
        villages_created=0,
    )


def _follow_roster(
    store: Store, drives: set[str], created: str | None, user: str
) -> list[sql.BatchRow]:
    """Bring the count fields of the drives whose roster changed in step with their roster,
    as the roster screen does; batch rows so that undo restores them (the drive this import
    made is recorded as created, with its change number after this update)."""
    rows: list[sql.BatchRow] = []
    form = store.form(DRIVE)
    for uuid in sorted(drives | ({created} if created else set())):
        drive = store.get_record(DRIVE, uuid)
        if drive is None:
            continue
        values = {**drive.values, **roster_totals(store, uuid).as_values()}
        saved = drive
        if values != drive.values:
            saved = store.save_record(DRIVE, values, user=user, uuid=uuid)
        if uuid == created:
            rows.append(sql.BatchRow(DRIVE, uuid, "create", None, saved.change_no))
        elif saved is not drive:
            rows.append(
                sql.BatchRow(
                    DRIVE, uuid, "update", record_to_json(form, drive.values), saved.change_no
                )
            )
    return rows
