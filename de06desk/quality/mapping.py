"""Which column of an imported list holds which citizen field, guessed from its header."""

from __future__ import annotations

import re
from collections.abc import Sequence

from de06desk.domain.text import fold

# Citizen fields an imported list can fill, in the order the mapping step shows them.
IMPORT_FIELDS: tuple[str, ...] = (
    "full_name",
    "id_number",
    "birth_date",
    "birth_year",
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


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Guess field → column index from header texts (with or without diacritics).

    Exact header matches win over headers that merely contain a known phrase; each column
    and each field is used at most once. Unknown headers (STT, Ghi chú khác…) are left out.
    """
    candidates: list[tuple[int, int, int, str]] = []
    for column, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        for order, name in enumerate(IMPORT_FIELDS):
            best = max(_score(key, s) for s in _SYNONYMS[name])
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
