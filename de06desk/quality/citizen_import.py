"""Importing a citizen list: read → map columns → preview (plan) → apply → (undo).

Each step is a function the app and the command line share. Nothing is written before
`apply_import`; the plan says which rows will be added, which existing citizens (matched by ID
number) will be updated, and which rows are refused and why. A refused row never blocks the
good ones. `apply_import` writes everything in one transaction and records a batch, so
`undo_import` can take the whole import back.
"""

from __future__ import annotations

import csv
import re
import uuid as uuidlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from de06desk import workbook
from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.idnumber import IdInfo, check_id_consistency, parse_id_number
from de06desk.domain.phone import normalize_phone
from de06desk.domain.progress import (
    CancelCheck,
    Cancelled,
    Progress,
    never_cancelled,
    no_progress,
)
from de06desk.domain.text import UnsafeText, check_untrusted, fold
from de06desk.domain.weeks import parse_date_or_year
from de06desk.forms import FormSpec
from de06desk.forms.codec import record_from_json, record_to_json
from de06desk.forms.values import RecordValidator
from de06desk.store import Store, utc_now
from de06desk.store import citizen_import as sql
from de06desk.store.bulk import insert_records

from .mapping import EXTRA_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, guess_mapping
from .profiles import remember_mapping
from .tables import Cell, RawTable, read_table

if TYPE_CHECKING:
    from .status_import import StatusPlan  # which imports this module

__all__ = [
    "IMPORT_FIELDS",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "Refusal",
    "RowNote",
    "apply_import",
    "guess_mapping",
    "list_imports",
    "plan_import",
    "read_table",
    "undo_import",
    "write_refusals",
]

FORM_ID = "citizen"

_SEX_WORDS = {
    "nam": "male",
    "m": "male",
    "male": "male",
    "trai": "male",
    "nu": "female",
    "f": "female",
    "female": "female",
    "gai": "female",
}
# Village names are matched with and without their kind word ("Thôn Đông" = "Đông").
_VILLAGE_PREFIX = re.compile(r"^(?:thon|xom|ban|ap|buon|lang|khom|to dan pho|tdp|to)\s+")
# A village named inside an address: "Thôn Đông, xã Yên Bình", "số 5, tổ dân phố 3 - …".
_VILLAGE_IN_ADDRESS = re.compile(
    r"(?:^|[\s,;])((?:thon|xom|ban|ap|buon|lang|khom|to dan pho|tdp|to)\s+[^,;()/-]+)"
)
# What a skipped (non-data) row was, for the preview.
SKIPPED_KINDS: dict[str, Msg] = {
    "column_numbers": msg("dòng đánh số cột", "column-number row"),
    "header": msg("dòng tiêu đề lặp lại", "repeated header"),
    "footer": msg("dòng tổng cộng/chữ ký", "totals/signature rows"),
}


@dataclass(frozen=True)
class Refusal:
    """A row that will not be imported: its row number in the file, why, and its cells."""

    row_no: int
    reason: Msg
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class RowNote:
    """Something worth knowing about a row that is imported anyway (e.g. ID vs birth year)."""

    row_no: int
    message: Msg


@dataclass(frozen=True)
class PlannedRow:
    """A row that will be written: complete citizen values, and for updates the target."""

    row_no: int
    values: dict[str, Any]
    uuid: str | None = None
    expected_change_no: int = 0
    changed: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    """The preview of an import. Applying it writes exactly `to_add` and `to_update`."""

    source: str
    mapping: dict[str, int]
    total_rows: int
    to_add: list[PlannedRow] = field(default_factory=list)
    to_update: list[PlannedRow] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)
    blank_rows: int = 0
    villages_to_create: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    # Rows below the header that are not data (column numbers, footer…): row number, kind.
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Named columns no field is taken from, and those of them a status list would use.
    unused_columns: list[str] = field(default_factory=list)
    status_columns: list[str] = field(default_factory=list)

    def unused_note(self) -> Msg | None:
        """What the preview says about columns left out (None when every column is used)."""
        if not self.unused_columns:
            return None
        cols = ", ".join(f"“{c}”" for c in self.unused_columns)
        note = msg("Cột không dùng: {c}.", "Columns not used: {c}.", c=cols)
        if self.status_columns:
            status = ", ".join(f"“{c}”" for c in self.status_columns)
            note = Msg(
                f"{note.vi} Các cột trạng thái VNeID ({status}) không nhập cùng danh sách công "
                "dân: sau khi nhập công dân, hãy nhập tệp này một lần nữa dạng danh sách trạng "
                "thái (lệnh `import status`).",
                f"{note.en} VNeID status columns ({status}) are not imported with a citizen "
                "list: after the citizens, import this file again as a status list "
                "(`import status`).",
            )
        return note

    def summary(self) -> Msg:
        """One line for the preview: how many rows go where."""
        extra_vi = extra_en = ""
        if self.villages_to_create:
            extra_vi = f"; tạo mới {len(self.villages_to_create)} thôn/xóm"
            extra_en = f"; {len(self.villages_to_create)} new villages"
        if self.skipped:
            extra_vi += (
                f"; bỏ qua {len(self.skipped)} dòng không phải dữ liệu ({self._kinds('vi')})"
            )
            extra_en += f"; {len(self.skipped)} non-data rows skipped ({self._kinds('en')})"
        return msg(
            "{rows} dòng: thêm mới {add}, cập nhật {upd}, không đổi {same}, bị từ chối {ref}{xv}.",
            "{rows} rows: {add} to add, {upd} to update, {same} unchanged, {ref} refused{xe}.",
            rows=self.total_rows,
            add=len(self.to_add),
            upd=len(self.to_update),
            same=len(self.unchanged),
            ref=len(self.refused),
            xv=extra_vi,
            xe=extra_en,
        )

    def _kinds(self, lang: str) -> str:
        kinds = dict.fromkeys(kind for _, kind in self.skipped)
        return ", ".join(getattr(SKIPPED_KINDS[k], lang) for k in kinds)


@dataclass(frozen=True)
class ImportResult:
    """What an applied import did; `batch_id` undoes it."""

    batch_id: str
    added: int
    updated: int
    unchanged: int
    refused: int
    villages_created: int


# Cached: a list names its handful of villages on every one of its rows.
@lru_cache(maxsize=4096)
def _village_keys(name: str) -> tuple[str, ...]:
    folded = fold(name)
    stripped = _VILLAGE_PREFIX.sub("", folded)
    return (folded,) if stripped == folded else (folded, stripped)


class _VillageIndex:
    """Existing villages by folded name, with and without "Thôn/Xóm/Bản…" in front."""

    def __init__(self, store: Store) -> None:
        self.exact: dict[str, str] = {}
        by_stripped: dict[str, set[str]] = {}
        for record in store.list_records("village"):
            keys = _village_keys(record["name"])
            self.exact.setdefault(keys[0], record.uuid)
            by_stripped.setdefault(keys[-1], set()).add(record.uuid)
        # A stripped name is only trusted when one village has it ("Đông" but not "1" if both
        # "Tổ 1" and "Xóm 1" exist).
        self.stripped = {k: next(iter(v)) for k, v in by_stripped.items() if len(v) == 1}

    def find(self, name: str) -> str | None:
        keys = _village_keys(name)
        if keys[0] in self.exact:
            return self.exact[keys[0]]
        return self.stripped.get(keys[-1])


def _text(cell: Cell) -> str:
    """A cell as text, numbers without a trailing ".0" (Excel stores 1950 as 1950.0)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).split())


def _id_text(cell: Cell) -> str:
    text = _text(cell)
    # An ID typed into a number cell loses its leading zeros (all province codes start with
    # 0, codes 001–009 with 00): pad numbers of 10–11 digits back to 12.
    if isinstance(cell, int | float) and text.isdigit() and len(text) in (10, 11):
        return text.zfill(12)
    return text


def _phone_text(cell: Cell) -> str:
    text = _text(cell)
    # A mobile number in a number cell loses its leading 0 ("912345678").
    if isinstance(cell, int | float) and text.isdigit() and len(text) in (9, 10) and text[0] != "0":
        return "0" + text
    return text


def _parse_sex(text: str) -> str:
    value = _SEX_WORDS.get(fold(text).replace(".", ""))
    if value is None:
        raise DomainError(
            msg(
                "Giới tính “{v}” không hiểu được: hãy ghi Nam hoặc Nữ.",
                "Sex “{v}” is not understood: write Nam (male) or Nữ (female).",
                v=text[:20],
            )
        )
    return value


def _parse_choice(form: FormSpec, name: str, text: str) -> str:
    spec = form.field(name)
    folded = fold(text)
    for choice in spec.choices:
        if folded in (choice.value, fold(choice.vi), fold(choice.en)):
            return choice.value
    raise DomainError(
        msg(
            "{f} “{v}” không có trong danh sách: {options}.",
            "{g} “{v}” is not one of: {options_en}.",
            f=spec.label_vi,
            g=spec.label_en,
            v=text[:30],
            options=", ".join(c.vi for c in spec.choices),
            options_en=", ".join(c.en for c in spec.choices),
        )
    )


def field_label(form: FormSpec, name: str) -> Msg:
    """The label of a mapping field: the form's, or the mapping's own for split columns."""
    if name in form.field_names:
        spec = form.field(name)
        return Msg(spec.label_vi, spec.label_en)
    return EXTRA_LABELS.get(name, Msg(name, name))


def _field_error(form: FormSpec, name: str, exc: DomainError) -> Msg:
    label = field_label(form, name)
    return msg("{f}: {m}", "{g}: {e}", f=label.vi, g=label.en, m=exc.message.vi, e=exc.message.en)


# Fields read as plain text (whitespace collapsed), in the order a row is read.
_TEXT_FIELDS = ("full_name", "address", "ethnicity", "religion", "notes", "village")


class _RowParser:
    """Reads the rows of one table with one mapping into the values they give (only the
    fields they fill) and the problems reading them.

    Prepared once per preview: the mapped columns are looked up once, and a sex or status
    cell is understood once per distinct value (a list has a handful of them), which with
    the rest halves the preview of a 50,000-row list (docs/BENCHMARKS.md).
    """

    def __init__(
        self, form: FormSpec, mapping: Mapping[str, int], id_infos: dict[str, IdInfo]
    ) -> None:
        self.form = form
        self.id_infos = id_infos
        self.checked = [(index, name, name == "notes") for name, index in mapping.items()]
        # Short rows are padded to this many cells, so a mapped cell is just row[index].
        self.width = max(mapping.values(), default=-1) + 1
        self.texts = [(name, mapping[name]) for name in _TEXT_FIELDS if name in mapping]
        self.id_col = mapping.get("id_number")
        self.sex_col = mapping.get("sex")
        self.phone_col = mapping.get("phone")
        self.status_col = mapping.get("living_status")
        self.split = [
            (name, sex, mapping[name])
            for name, sex in (("birth_male", "male"), ("birth_female", "female"))
            if name in mapping
        ]
        self.births = [
            (name, mapping[name]) for name in ("birth_date", "birth_year") if name in mapping
        ]
        # (cell type, cell) → the stored value, or the problem (a Msg); "" for a blank cell.
        self.sexes: dict[tuple[type, Cell], Any] = {}
        self.statuses: dict[tuple[type, Cell], Any] = {}

    def __call__(self, row: list[Cell]) -> tuple[dict[str, Any], list[Msg]]:
        """Values the row gives and the problems reading it."""
        form = self.form
        values: dict[str, Any] = {}
        problems: list[Msg] = []
        if len(row) < self.width:
            row = [*row, *[None] * (self.width - len(row))]
        for index, name, multiline in self.checked:
            raw = row[index]
            if isinstance(raw, str):
                problem = unsafe_cell(raw, multiline=multiline)
                if problem is not None:
                    problems.append(_field_error(form, name, DomainError(problem)))
        if problems:
            return values, problems
        for name, index in self.texts:
            text = _text(row[index])
            if text:
                values[name] = text
        if self.id_col is not None:
            raw_id = _id_text(row[self.id_col])
            if raw_id:
                try:
                    info = parse_id_number(raw_id, allow_cmnd=True)
                    values["id_number"] = info.number
                    self.id_infos[info.number] = info
                except DomainError as exc:
                    problems.append(_field_error(form, "id_number", exc))
        if self.sex_col is not None:
            self._choice(row[self.sex_col], "sex", self.sexes, _parse_sex, values, problems)
        if self.phone_col is not None:
            raw_phone = _phone_text(row[self.phone_col])
            if raw_phone:
                try:
                    values["phone"] = normalize_phone(raw_phone)
                except DomainError as exc:
                    problems.append(_field_error(form, "phone", exc))
        if self.status_col is not None:
            self._choice(
                row[self.status_col],
                "living_status",
                self.statuses,
                lambda text: _parse_choice(form, "living_status", text),
                values,
                problems,
            )
        # Population lists put the birth date under "Nam" or "Nữ": the column used gives the sex.
        split = [(n, s, i) for n, s, i in self.split if row[i]]
        if len(split) > 1:
            problems.append(
                msg(
                    "Ngày sinh ghi ở cả cột Nam và cột Nữ: hãy xóa một bên.",
                    "The birth date is in both the male and the female column: clear one.",
                )
            )
        elif split:
            name, sex, index = split[0]
            if values.get("sex", sex) != sex:
                problems.append(
                    msg(
                        "Giới tính ghi khác với cột Nam/Nữ của ngày sinh.",
                        "The sex column disagrees with the male/female birth-date column.",
                    )
                )
            values["sex"] = sex
            raw = row[index]
            try:
                birth, year = parse_date_or_year(raw if isinstance(raw, date) else _text(raw))
            except DomainError as exc:
                problems.append(_field_error(form, "birth_date", exc))
            else:
                if birth is not None:
                    values["birth_date"] = birth
                elif year is not None:
                    values["birth_year"] = year
        # "Ngày sinh" may hold a full date, a year, an Excel serial or "năm 1950"; "Năm sinh" is
        # read the same way, as lists often put full dates there too.
        for name, index in self.births:
            raw = row[index]
            if raw is None or "birth_date" in values or "birth_year" in values:
                continue
            try:
                birth, year = parse_date_or_year(raw if isinstance(raw, date) else _text(raw))
            except DomainError as exc:
                problems.append(_field_error(form, name, exc))
                continue
            if birth is not None:
                values["birth_date"] = birth
            elif year is not None:
                values["birth_year"] = year
        return values, problems

    @staticmethod
    def _choice(
        raw: Cell,
        name: str,
        seen: dict[tuple[type, Cell], Any],
        parse: Callable[[str], str],
        values: dict[str, Any],
        problems: list[Msg],
    ) -> None:
        # Keyed by type too: True, 1 and 1.0 are equal keys but different cells.
        key = (type(raw), raw)
        result = seen.get(key)
        if result is None:
            text = _text(raw)
            try:
                result = parse(text) if text else ""
            except DomainError as exc:
                result = exc.message
            seen[key] = result
        if isinstance(result, Msg):
            problems.append(result)
        elif result:
            values[name] = result


def unsafe_cell(text: str, *, multiline: bool = False) -> Msg | None:
    """Why a text cell read from a file cannot be stored (control character, damaged
    encoding), or None. The one check both imports apply to every mapped cell."""
    # Printable text holds no control character, surrogate or bidi override (all are
    # non-printable): the common case is decided without a loop over the characters.
    if text.isprintable() and "\ufffd" not in text:
        return None
    try:
        check_untrusted(text, multiline=multiline)
    except UnsafeText as exc:
        return msg(
            "ô chứa ký tự điều khiển U+{cp:04X} (vị trí {pos}) không được phép; hãy xóa ký tự "
            "đó trong tệp",
            "the cell holds control character U+{cp:04X} (position {pos}), which is not "
            "allowed; delete it in the file",
            cp=exc.codepoint,
            pos=exc.position + 1,
        )
    if "\ufffd" in text:
        return msg(
            "chữ bị hỏng (byte không đúng bảng mã của tệp); hãy sửa ô đó hoặc lưu lại tệp "
            "dạng CSV UTF-8",
            "damaged letters (bytes not valid in the file's encoding); correct the cell or "
            "save the file again as CSV UTF-8",
        )
    return None


def _merge(existing: Mapping[str, Any] | None, given: Mapping[str, Any]) -> dict[str, Any]:
    """Full record values: the file's non-blank cells over what is stored.

    A blank cell never erases stored data (a list without phones must not wipe phones).
    A full birth date replaces a year-only birth; a year only replaces a date of another year.
    """
    values = dict(existing or {})
    for name, value in given.items():
        if name in ("birth_date", "birth_year"):
            continue
        values[name] = value
    if "birth_date" in given:
        values["birth_date"], values["birth_year"] = given["birth_date"], None
    elif "birth_year" in given:
        current = values.get("birth_date")
        if not (isinstance(current, date) and current.year == given["birth_year"]):
            values["birth_date"], values["birth_year"] = None, given["birth_year"]
    if not values.get("living_status"):
        values["living_status"] = "living"
    return values


def plan_import(
    store: Store,
    table: RawTable,
    mapping: Mapping[str, int],
    *,
    create_villages: bool = False,
    village: str | None = None,
    today: date | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportPlan:
    """Preview an import of `table` with `mapping` (field → column index); writes nothing.

    Rows whose ID number matches one existing citizen update that citizen; other rows are
    added. A row is refused (with its row number and the reason) when a value cannot be read,
    the village is unknown (unless `create_villages`), the ID number appears twice in the
    file or on several stored citizens, or the record breaks the citizen form. An ID number
    inconsistent with the birth year or sex is imported, with a note.

    A row's village is its village cell; when that is blank, `village` (one village for
    every row, by name); else the village named in its address ("Thôn Đông, xã …").
    """
    form = store.form(FORM_ID)
    has_village = "village" in mapping or village or "address" in mapping
    missing = [
        name
        for name in REQUIRED_FIELDS
        if name not in mapping and not (name == "village" and has_village)
    ]
    if missing:
        raise DomainError(
            msg(
                "Chưa chọn cột cho: {f}. Hãy chọn cột tương ứng ở bước ghép cột{hint_vi}.",
                "No column chosen for: {g}. Choose the matching column in the mapping step"
                "{hint_en}.",
                f=", ".join(form.field(n).label_vi for n in missing),
                g=", ".join(form.field(n).label_en for n in missing),
                hint_vi=", hoặc chọn một thôn/xóm cho cả danh sách" if "village" in missing else "",
                hint_en=", or choose one village for every row" if "village" in missing else "",
            )
        )
    villages = _VillageIndex(store)
    validate = RecordValidator(form, today)
    default_village = village.strip() if village and village.strip() else None
    if default_village and villages.find(default_village) is None and not create_villages:
        raise DomainError(
            msg(
                "Thôn/xóm “{v}” chưa có trong danh mục của xã. Hãy kiểm tra tên, hoặc chọn "
                "“tạo thôn/xóm còn thiếu”.",
                "Village “{v}” is not in the commune's list. Check the name, or choose “create "
                "missing villages”.",
                v=default_village,
            )
        )
    plan = ImportPlan(
        source=table.path.name,
        mapping=dict(mapping),
        total_rows=0,
        headers=list(table.headers),
        skipped=list(table.skipped),
    )
    used = set(mapping.values())
    plan.unused_columns = [h for i, h in enumerate(table.headers) if h and i not in used]
    status_guess = guess_mapping(table.headers, "status")
    plan.status_columns = [
        table.headers[c]
        for name, c in status_guess.items()
        if c not in used and name not in ("id_number", "full_name", "phone", "notes")
    ]
    parsed: list[tuple[int, list[Cell], dict[str, Any], list[Msg]]] = []
    # Each ID number is read once; the consistency note below reuses what it says.
    id_infos: dict[str, IdInfo] = {}
    parse_row = _RowParser(form, mapping, id_infos)
    for index, row in enumerate(table.rows):
        if index % 2000 == 0:
            if cancelled():
                raise Cancelled()
            # Reading the cells is about half the preview.
            progress(0.5 * index / max(1, len(table.rows)), f"{index}/{len(table.rows)}")
        if all(c is None for c in row):
            plan.blank_rows += 1
            continue
        row_no = table.row_number(index)
        values, problems = parse_row(row)
        if row_no in table.damaged:
            problems.insert(0, table.damaged[row_no])
        parsed.append((row_no, row, values, problems))
    plan.total_rows = len(parsed)
    existing = sql.records_by_field(
        store, FORM_ID, "id_number", [v["id_number"] for _, _, v, _ in parsed if "id_number" in v]
    )
    seen_ids: dict[str, int] = {}
    new_villages: dict[str, str] = {}
    for count, (row_no, row, given, problems) in enumerate(parsed):
        if count % 2000 == 0:
            if cancelled():
                raise Cancelled()
            progress(0.5 + 0.5 * count / max(1, len(parsed)), f"{count}/{len(parsed)}")
        refuse = _RowRefuser(plan, row_no, row)
        if problems:
            refuse(*problems)
            continue
        village_name = given.get("village") or default_village
        if not village_name and given.get("address"):
            village_name = _village_from_address(given["address"], villages)
            if village_name is None:
                refuse(
                    msg(
                        "Không thấy tên thôn/xóm trong địa chỉ “{a}”. Hãy thêm cột Thôn/Xóm, "
                        "hoặc chọn một thôn/xóm cho cả danh sách.",
                        "No village name found in the address “{a}”. Add a village column, "
                        "or choose one village for every row.",
                        a=given["address"][:60],
                    )
                )
                continue
        if village_name:
            village_uuid = villages.find(village_name)
            if village_uuid is None:
                if not create_villages:
                    refuse(
                        msg(
                            "Thôn/xóm “{v}” chưa có trong danh mục của xã. Hãy thêm thôn/xóm "
                            "này trước, sửa tên cho đúng, hoặc chọn “tạo thôn/xóm còn thiếu”.",
                            "Village “{v}” is not in the commune's list. Add it first, correct "
                            "the name, or choose “create missing villages”.",
                            v=village_name,
                        )
                    )
                    continue
                key = _village_keys(village_name)[0]
                new_villages.setdefault(key, village_name)
                # A placeholder UUID keeps validation honest; the real one is made on apply.
                village_uuid = f"new:{key}"
            given["village"] = village_uuid
        number = given.get("id_number")
        if number:
            if number in seen_ids:
                refuse(
                    msg(
                        "Số định danh {n} trùng với dòng {r} trong cùng tệp.",
                        "ID number {n} repeats row {r} of the same file.",
                        n=number,
                        r=seen_ids[number],
                    )
                )
                continue
            seen_ids[number] = row_no
        matches = existing.get(number, []) if number else []
        if len(matches) > 1:
            refuse(
                msg(
                    "Số định danh {n} đang có ở {k} công dân trong dữ liệu; hãy xử lý hồ sơ trùng "
                    "trước (xem Kiểm tra dữ liệu).",
                    "ID number {n} is already on {k} citizens; resolve the duplicates first "
                    "(see Data checks).",
                    n=number,
                    k=len(matches),
                )
            )
            continue
        target = matches[0] if matches else None
        values = _merge(target.values if target else None, given)
        # Placeholder village ids ("new:…") pass: validate_record does not look villages up.
        errors = validate(values)
        if errors:
            refuse(*[m for problems_ in errors.values() for m in problems_])
            continue
        if number:
            info = id_infos.get(number) or parse_id_number(number, allow_cmnd=True)
            birth = values.get("birth_date")
            year = birth.year if isinstance(birth, date) else values.get("birth_year")
            for note in check_id_consistency(info, birth_year=year, sex=values.get("sex")):
                plan.notes.append(RowNote(row_no, note))
        if target is None:
            plan.to_add.append(PlannedRow(row_no, values))
            continue
        changed = tuple(n for n in form.field_names if target.values.get(n) != values.get(n))
        if not changed:
            plan.unchanged.append(row_no)
            continue
        plan.to_update.append(PlannedRow(row_no, values, target.uuid, target.change_no, changed))
    plan.villages_to_create = sorted(new_villages.values(), key=fold)
    progress(1.0, "")
    return plan


def _village_from_address(address: str, villages: _VillageIndex) -> str | None:
    """The village an address names: a known village after "Thôn/Xóm/Tổ…", else the one
    known village whose full name appears in it; the text after the kind word if none is
    known (so "create missing villages" can make it); None when no village is named."""
    folded = fold(address)
    found = [m.group(1).strip() for m in _VILLAGE_IN_ADDRESS.finditer(folded)]
    for candidate in found:
        if villages.find(candidate) is not None:
            return candidate
    whole = [k for k in villages.exact if re.search(rf"(?:^|\W){re.escape(k)}(?:\W|$)", folded)]
    if len(whole) == 1:
        return whole[0]
    if found:
        # Keep the address's own spelling (with diacritics) for a village to be created.
        start = folded.find(found[0])
        original = " ".join(address.split())
        return original[start : start + len(found[0])] if len(original) == len(folded) else found[0]
    return None


class _RowRefuser:
    def __init__(self, plan: ImportPlan | StatusPlan, row_no: int, row: list[Cell]) -> None:
        self.plan, self.row_no, self.row = plan, row_no, row

    def __call__(self, *problems: Msg) -> None:
        unique = list(dict.fromkeys(problems))
        reason = Msg("; ".join(m.vi for m in unique), "; ".join(m.en for m in unique))
        self.plan.refused.append(Refusal(self.row_no, reason, tuple(self.row)))


def apply_import(
    store: Store,
    plan: ImportPlan,
    user: str,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportResult:
    """Write a previewed import in one transaction and record it as an undoable batch.

    Villages the plan creates are made first. Refused and unchanged rows are not touched.
    If an updated citizen was changed since the preview, nothing is written (StoreError).
    """
    batch_id = uuidlib.uuid4().hex[:12]
    detail = f"import {batch_id}"
    progress(0.0, "")
    with store.transaction():
        made_villages: dict[str, str] = {}
        batch_rows: list[sql.BatchRow] = []
        for name in plan.villages_to_create:
            record = store.save_record("village", {"name": name}, user=user)
            made_villages[f"new:{_village_keys(name)[0]}"] = record.uuid
            batch_rows.append(
                sql.BatchRow("village", record.uuid, "create", None, record.change_no)
            )
        if cancelled():
            raise Cancelled()

        def resolved(values: dict[str, Any]) -> dict[str, Any]:
            village = values.get("village")
            if isinstance(village, str) and village.startswith("new:"):
                return {**values, "village": made_villages[village]}
            return values

        progress(0.2, "")
        # Rows were checked against the form by plan_import; villages exist (or were just made).
        before = store.current_change_no()
        uuids = insert_records(
            store,
            FORM_ID,
            (resolved(p.values) for p in plan.to_add),
            user=user,
            validate=False,
            detail=f"{detail}: {len(plan.to_add)} records",
            # The new records are most of the work: the bar moves from 20 % to 60 % meanwhile.
            progress=lambda f, t: progress(0.2 + 0.4 * f, t),
            cancelled=cancelled,
            total=len(plan.to_add),
        )
        created: list[sql.CreatedBlock] = []
        if store.current_change_no() - before == len(uuids):
            # insert_records numbers the records it writes consecutively, in order.
            created.append(sql.CreatedBlock(FORM_ID, uuids, before + 1))
        else:
            numbers = sql.change_numbers(store, FORM_ID, uuids)
            batch_rows += [sql.BatchRow(FORM_ID, u, "create", None, numbers[u]) for u in uuids]
        if cancelled():
            raise Cancelled()
        progress(0.6, "")
        updates = [
            sql.RowUpdate(p.uuid, resolved(p.values), p.expected_change_no)
            for p in plan.to_update
            if p.uuid is not None
        ]
        old = sql.update_records(store, FORM_ID, updates, user=user, detail=detail)
        form = store.form(FORM_ID)
        batch_rows += [
            sql.BatchRow(FORM_ID, uuid, "update", record_to_json(form, values), change_no)
            for uuid, (values, change_no) in old.items()
        ]
        if cancelled():
            raise Cancelled()
        record_import(
            store,
            sql.ImportBatch(
                batch_id=batch_id,
                kind="citizens",
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
            form_id=FORM_ID,
            note=f"{len(made_villages)} villages",
            created=created,
        )
    progress(1.0, "")
    return ImportResult(
        batch_id=batch_id,
        added=len(uuids),
        updated=len(old),
        unchanged=len(plan.unchanged),
        refused=len(plan.refused),
        villages_created=len(made_villages),
    )


def record_import(
    store: Store,
    batch: sql.ImportBatch,
    rows: list[sql.BatchRow],
    *,
    headers: Sequence[str],
    mapping: Mapping[str, int],
    form_id: str,
    note: str,
    created: Sequence[sql.CreatedBlock] = (),
) -> None:
    """Keep an applied import (inside its transaction): the batch and its rows for undo (new
    records written in bulk as `created` blocks), the column mapping for the next file with
    these headers, and the audit row `import_<kind>`."""
    sql.record_batch(store, batch, rows, created)
    remember_mapping(store, batch.kind, headers, mapping, batch.username)
    store.audit(
        f"import_{batch.kind}",
        batch.username,
        form_id=form_id,
        detail=f"{batch.batch_id}: {batch.source}: +{batch.added} ~{batch.updated} "
        f"-{batch.refused} refused, {note}",
    )


def undo_import(store: Store, batch_id: str, user: str) -> sql.ImportBatch:
    """Take back a whole import (a citizen list or a status list): its new records are
    tombstoned, updated ones restored.

    Returns the batch, now marked undone. Refused (nothing changes) when the batch is unknown
    or already undone, when a record it wrote was edited since, or when other records now
    point at a citizen/village it created.
    """
    batch = sql.get_batch(store, batch_id)
    if batch is None:
        raise DomainError(
            msg(
                "Không tìm thấy lần nhập “{b}”.",
                "Import “{b}” not found.",
                b=batch_id,
            )
        )
    if batch.undone_at:
        raise DomainError(
            msg(
                "Lần nhập “{b}” đã được hoàn tác lúc {t}.",
                "Import “{b}” was already undone at {t}.",
                b=batch_id,
                t=batch.undone_at,
            )
        )
    rows = sql.batch_rows(store, batch_id)
    with store.transaction():
        by_form: dict[str, list[sql.BatchRow]] = {}
        for row in rows:
            by_form.setdefault(row.form_id, []).append(row)
        edited = 0
        for form_id, items in by_form.items():
            current = sql.records_by_uuid(store, form_id, [r.record_uuid for r in items])
            edited += sum(
                1
                for r in items
                if r.record_uuid not in current or current[r.record_uuid].change_no != r.change_no
            )
        if edited:
            raise DomainError(
                msg(
                    "Không hoàn tác được: {n} hồ sơ của lần nhập này đã được sửa hoặc xóa sau đó. "
                    "Hãy sửa trực tiếp các hồ sơ đó.",
                    "Cannot undo: {n} records of this import were edited or deleted since. "
                    "Correct those records directly.",
                    n=edited,
                )
            )
        created = {r.record_uuid for r in rows if r.action == "create"}
        for target, items in by_form.items():
            targets = [r.record_uuid for r in items if r.action == "create"]
            # Records this import made that point at each other (its citizens at its new
            # villages, its roster rows at its drive) go together: only others count.
            users = sql.referencing_records(store, target, targets, exclude=created)
            if users:
                labels = ", ".join(f"{store.form(k).label_vi} ({v})" for k, v in users.items())
                labels_en = ", ".join(f"{store.form(k).label_en} ({v})" for k, v in users.items())
                raise DomainError(
                    msg(
                        "Không hoàn tác được: các hồ sơ khác đang dùng bản ghi của lần nhập này: "
                        "{x}.",
                        "Cannot undo: other records use records of this import: {y}.",
                        x=labels,
                        y=labels_en,
                    )
                )
        detail = f"undo import {batch_id}"
        for form_id, items in by_form.items():
            form = store.form(form_id)
            restores = [
                sql.RowUpdate(
                    r.record_uuid, record_from_json(form, r.old_values or {}), r.change_no
                )
                for r in items
                if r.action == "update"
            ]
            sql.update_records(store, form_id, restores, user=user, detail=detail)
            sql.tombstone_records(
                store,
                form_id,
                [r.record_uuid for r in items if r.action == "create"],
                user=user,
                detail=detail,
            )
        sql.mark_undone(store, batch_id, user)
        main_form = FORM_ID if batch.kind == "citizens" else "drive_roster"
        store.audit("import_undo", user, form_id=main_form, detail=batch_id)
    undone = sql.get_batch(store, batch_id)
    assert undone is not None  # recorded above, in this same database
    return undone


def list_imports(store: Store) -> list[sql.ImportBatch]:
    """Imports made in this database, newest first."""
    return sql.list_batches(store)


def write_refusals(plan: ImportPlan | StatusPlan, path: Path | str) -> Path:
    """Save the refused rows, with their original cells and the reason, as .xlsx or CSV.

    CSV is written with a BOM so Excel shows Vietnamese correctly when it is double-clicked.
    The file can be corrected and imported again: its extra columns ("Dòng", "Lý do") are
    not mapped to any field.
    """
    path = Path(path)
    headers = ["Dòng", "Lý do", *plan.headers]
    rows = [[r.row_no, r.reason.vi, *(_cell_out(c) for c in r.cells)] for r in plan.refused]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.worksheet.worksheet import Worksheet

        book = Workbook()
        sheet = book.active
        assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
        sheet.title = "Bị từ chối"
        for row in [headers, *rows]:
            workbook.append(sheet, row)
        sheet.column_dimensions["B"].width = 60
        return workbook.save(book, path)
    with atomic_write(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([workbook.csv_value(c) for c in row] for row in rows)
    return path


def _cell_out(cell: Cell) -> Any:
    # Whole numbers read from .xls come back as floats; write 1950, not 1950.0.
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell
