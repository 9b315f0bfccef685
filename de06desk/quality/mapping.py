"""Which column of an imported list holds which field, guessed from its header.

Two kinds of list: citizen lists (fields of the citizen form) and VNeID status lists from the
police (fields of a drive-roster row, matched to citizens by ID number). A mapping is
field → column index; `parse_map_options` reads the command line's `--map "Header=field"`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.text import fold

# Citizen fields an imported list can fill, in the order the mapping step shows them.
IMPORT_FIELDS: tuple[str, ...] = (
    "full_name",
    "id_number",
    "birth_date",
    "birth_year",
    # A birth date (or year) column split under "Nam" / "Nữ": the column filled gives the sex.
    "birth_male",
    "birth_female",
    "sex",
    "phone",
    "village",
    "address",
    "ethnicity",
    "religion",
    "living_status",
    "notes",
)
REQUIRED_FIELDS: tuple[str, ...] = ("full_name", "village")

# Fields of a VNeID status list (police lists of level-1/level-2 accounts).
STATUS_FIELDS: tuple[str, ...] = (
    "id_number",
    "full_name",
    "level",
    "status",
    "activated",
    "approved_on",
    "activated_on",
    "failure_reason",
    "phone",
    "notes",
)
STATUS_REQUIRED: tuple[str, ...] = ("id_number",)

# Labels of mapping fields that are not fields of a form (the others use the form's labels).
EXTRA_LABELS: dict[str, Msg] = {
    "birth_male": msg("Ngày/năm sinh — cột Nam", "Birth date/year — male column"),
    "birth_female": msg("Ngày/năm sinh — cột Nữ", "Birth date/year — female column"),
    "activated": msg("Đã kích hoạt (x/có)", "Activated (x/yes)"),
    "full_name": msg("Họ và tên", "Full name"),
    "id_number": msg("Số định danh cá nhân (CCCD)", "Personal ID number"),
}

# Header spellings seen on real lists, written folded (no diacritics, lower case, punctuation
# as spaces) because that is how headers are compared.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "ho va ten",
        "ho ten",
        "hoten",
        "ho va ten cong dan",
        "ho ten cong dan",
        "ten cong dan",
        "ho va ten nguoi dan",
        "full name",
        "name",
    ),
    "id_number": (
        "so cccd",
        "cccd",
        "so dinh danh",
        "so dinh danh ca nhan",
        "ma dinh danh",
        "cmnd cccd",
        "cccd cmnd",
        "so cmnd cccd",
        "so cccd cmnd",
        "so cmnd",
        "cmnd",
        "so can cuoc",
        "can cuoc cong dan",
        "so the can cuoc",
        "id number",
    ),
    "birth_date": (
        "ngay sinh",
        "ngay thang nam sinh",
        "sinh ngay",
        "ngay thang nam",
        "date of birth",
        "dob",
    ),
    "birth_year": ("nam sinh", "year of birth"),
    "sex": ("gioi tinh", "gt", "nam nu", "sex", "gender"),
    "phone": (
        "so dien thoai",
        "sdt",
        "so dt",
        "dien thoai",
        "dt",
        "dtdd",
        "so di dong",
        "di dong",
        "phone",
    ),
    "village": (
        "thon xom",
        "thon",
        "xom",
        "ban",
        "thon ban",
        "thon xom ban",
        "to dan pho",
        "tdp",
        "thon to dan pho",
        "thon xom to dan pho",
        "village",
    ),
    "address": (
        "dia chi",
        "noi o hien tai",
        "noi o hien nay",
        "dia chi thuong tru",
        "noi thuong tru",
        "cho o hien nay",
        "address",
    ),
    "ethnicity": ("dan toc", "ethnicity"),
    "religion": ("ton giao", "religion"),
    "living_status": ("tinh trang", "tinh trang cu tru", "status"),
    "notes": ("ghi chu", "notes"),
}
_STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id_number": _SYNONYMS["id_number"],
    "full_name": _SYNONYMS["full_name"],
    "level": ("muc", "muc tai khoan", "muc do", "loai tai khoan", "muc dinh danh", "level"),
    "status": (
        "trang thai",
        "trang thai vneid",
        "trang thai tai khoan",
        "trang thai ho so",
        "tinh trang kich hoat",
        "tinh trang tai khoan",
        "tinh trang ho so",
        "ket qua",
        "status",
    ),
    "activated": (
        "da kich hoat",
        "da kich hoat vneid",
        "kich hoat",
        "da kich hoat tai khoan",
        "activated",
    ),
    "approved_on": ("ngay phe duyet", "ngay duyet", "ngay duyet ho so", "approved on"),
    "activated_on": ("ngay kich hoat", "activated on"),
    "failure_reason": (
        "ly do",
        "ly do chua kich hoat",
        "ly do khong dat",
        "nguyen nhan",
        "nguyen nhan chua kich hoat",
        "reason",
    ),
    "phone": (*_SYNONYMS["phone"], "so dien thoai kich hoat", "so thue bao"),
    "notes": _SYNONYMS["notes"],
}
KINDS: dict[str, tuple[str, ...]] = {"citizens": IMPORT_FIELDS, "status": STATUS_FIELDS}

# Synonyms distinctive enough to be found inside a longer header ("Số CCCD (12 số)");
# one-word ones such as "thon" or "ban" would match too much.
_DISTINCTIVE = frozenset({"cccd", "cmnd", "sdt", "dtdd"})
_PUNCT = re.compile(r"[^a-z0-9]+")


def header_key(header: str) -> str:
    """A header as compared: folded, punctuation turned into single spaces."""
    return _PUNCT.sub(" ", fold(header or "")).strip()


def _score(key: str, synonym: str) -> int:
    if key == synonym:
        return 3
    if " " in synonym or synonym in _DISTINCTIVE:
        padded = f" {key} "
        if f" {synonym} " in padded:
            return 2
    return 0


def _split_birth(key: str) -> str | None:
    """ "birth_male"/"birth_female" for a birth header joined with a "Nam"/"Nữ" sub-header."""
    for suffix, name in ((" nam", "birth_male"), (" nu", "birth_female")):
        if key.endswith(suffix):
            base = key[: -len(suffix)]
            synonyms = _SYNONYMS["birth_date"] + _SYNONYMS["birth_year"]
            if any(_score(base, s) for s in synonyms):
                return name
    return None


def guess_mapping(headers: Sequence[str], kind: str = "citizens") -> dict[str, int]:
    """Guess field → column index from header texts (with or without diacritics).

    `kind` is "citizens" (citizen fields) or "status" (VNeID status fields). Exact header
    matches win over headers that merely contain a known phrase; each column and each field
    is used at most once. Unknown headers (STT, Ghi chú khác…) are left out.
    """
    fields = KINDS[kind]
    synonyms = _SYNONYMS if kind == "citizens" else _STATUS_SYNONYMS
    candidates: list[tuple[int, int, int, str]] = []
    for column, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        split = _split_birth(key) if kind == "citizens" else None
        if split:
            candidates.append((-4, column, fields.index(split), split))
            continue
        for order, name in enumerate(fields):
            if name not in synonyms:
                continue
            best = max(_score(key, s) for s in synonyms[name])
            if best:
                # Sort key: best score first, then leftmost column, then field order.
                candidates.append((-best, column, order, name))
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _, column, _, name in sorted(candidates):
        if name not in mapping and column not in used:
            mapping[name] = column
            used.add(column)
    return mapping


def guess_any(headers: Sequence[str]) -> dict[str, int]:
    """The larger of the citizen and status guesses: how header-like a row is."""
    return max((guess_mapping(headers, k) for k in KINDS), key=len)


def parse_map_options(
    options: Sequence[str], headers: Sequence[str], kind: str, field_labels: Mapping[str, str]
) -> dict[str, int]:
    """Field → column from `--map "Header=field"` options (header and field as the officer
    writes them: with or without diacritics; a field by its name or its Vietnamese label).

    An unknown header or field is refused with the list of what there is.
    """
    fields = KINDS[kind]
    by_key = {header_key(h): i for i, h in reversed(list(enumerate(headers))) if header_key(h)}
    field_keys = {header_key(n): n for n in fields}
    field_keys.update({header_key(label): n for n, label in field_labels.items() if n in fields})
    mapping: dict[str, int] = {}
    for option in options:
        header, sep, name = option.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise DomainError(
                msg(
                    '“{o}” không đúng dạng --map "Tên cột=trường".',
                    '“{o}” is not of the form --map "Header=field".',
                    o=option,
                )
            )
        column = by_key.get(header_key(header))
        if column is None:
            raise DomainError(
                msg(
                    "Tệp không có cột “{h}”. Các cột có: {all}.",
                    "The file has no column “{h}”. Its columns are: {all}.",
                    h=header.strip(),
                    all=", ".join(h for h in headers if h),
                )
            )
        field = field_keys.get(header_key(name))
        if field is None:
            raise DomainError(
                msg(
                    "Không có trường “{f}”. Dùng một trong: {all}.",
                    "There is no field “{f}”. Use one of: {all}.",
                    f=name.strip(),
                    all=", ".join(fields),
                )
            )
        mapping = {k: v for k, v in mapping.items() if v != column}
        mapping[field] = column
    return mapping
