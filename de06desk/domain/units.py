"""Administrative units: the 2025 provinces and communes, and the pre-2025 wards they replaced.

All lists come from the official statistics-office data bundled in resources/data and are
loaded lazily, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from de06desk.domain._data import read_tsv
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.text import fold


@dataclass(frozen=True)
class Province:
    """A province-level unit from 1 July 2025 (34 in all)."""

    code: str
    name: str
    type: str


@dataclass(frozen=True)
class Commune:
    """A commune-level unit (xã, phường, đặc khu) from 1 July 2025."""

    code: str
    name: str
    type: str
    province_code: str
    province_name: str

    @property
    def full_name(self) -> str:
        """Name with its province, e.g. "Xã Tả Van, Tỉnh Lào Cai"."""
        return f"{self.name}, {self.province_name}"


@dataclass(frozen=True)
class LegacyWard:
    """A commune-level unit as it was before the 2025 reorganisation."""

    code: str
    name: str
    district_code: str
    district_name: str
    province_code: str
    province_name: str


def _pad(code: str, width: int) -> str:
    code = str(code).strip()
    # Codes typed or imported as numbers lose their leading zeros.
    return code.zfill(width) if code.isdigit() else code


@cache
def _communes() -> tuple[Commune, ...]:
    return tuple(
        Commune(code=row[3], name=row[4], type=row[5], province_code=row[0], province_name=row[1])
        for row in read_tsv("admin_units_2025.tsv")
    )


@cache
def _provinces() -> dict[str, Province]:
    result: dict[str, Province] = {}
    for row in read_tsv("admin_units_2025.tsv"):
        if row[0] not in result:
            result[row[0]] = Province(code=row[0], name=row[1], type=row[2])
    return result


@cache
def _communes_by_code() -> dict[str, Commune]:
    return {c.code: c for c in _communes()}


@cache
def _search_index() -> tuple[tuple[Commune, str, str, str], ...]:
    # (commune, folded name, folded name without "xã"/"phường"/"đặc khu", folded province)
    index: list[tuple[Commune, str, str, str]] = []
    for c in _communes():
        name = fold(c.name)
        kind = fold(c.type)
        bare = name[len(kind) :].strip() if name.startswith(kind + " ") else name
        index.append((c, name, bare, fold(c.province_name)))
    return tuple(index)


def provinces() -> list[Province]:
    """The 34 provinces and centrally-run cities from 1 July 2025, by code."""
    return list(_provinces().values())


def communes(province_code: str | None = None) -> list[Commune]:
    """All 3,321 communes from 1 July 2025, or those of one province, by code."""
    if province_code is None:
        return list(_communes())
    code = _pad(province_code, 3)
    if code not in _provinces():
        raise DomainError(
            msg(
                "Mã tỉnh {code} không có trong danh sách 34 tỉnh, thành phố từ 01/07/2025. "
                "Hãy chọn tỉnh trong danh sách chính thức năm 2025.",
                "Province code {code} is not one of the 34 provinces and cities in force from "
                "01/07/2025. Pick a province from the official 2025 list.",
                code=province_code,
            )
        )
    return [c for c in _communes() if c.province_code == code]


def get_commune(code: str) -> Commune:
    """The 2025 commune with this 5-digit code; `DomainError` if there is none."""
    commune = _communes_by_code().get(_pad(code, 5))
    if commune is None:
        raise DomainError(
            msg(
                "Mã xã {code} không có trong danh mục đơn vị hành chính cấp xã năm 2025. Hãy "
                "chọn xã, phường trong danh sách chính thức năm 2025 (3.321 đơn vị).",
                "Commune code {code} is not in the 2025 list of commune-level units. Pick a "
                "commune or ward from the official 2025 list (3,321 units).",
                code=code,
            )
        )
    return commune


def search_communes(query: str, limit: int = 50) -> list[Commune]:
    """Communes matching `query`, ignoring case and diacritics, best matches first.

    Order: exact code; name equal to the query; name starting with it; name containing it;
    then communes where every query word appears in the name or the province name
    ("ta van lao cai"). An empty query gives the first `limit` communes.
    """
    q = fold(query or "")
    if not q:
        return list(_communes()[:limit])
    exact = _communes_by_code().get(_pad(q, 5)) if q.isdigit() else None
    tokens = q.split()
    buckets: list[list[Commune]] = [[], [], [], []]
    for commune, name, bare, province in _search_index():
        if commune is exact:
            continue
        if q in (bare, name):
            buckets[0].append(commune)
        elif bare.startswith(q) or name.startswith(q):
            buckets[1].append(commune)
        elif q in name:
            buckets[2].append(commune)
        elif all(t in name or t in province for t in tokens):
            buckets[3].append(commune)
    ranked = ([exact] if exact else []) + [c for bucket in buckets for c in bucket]
    return ranked[:limit]


@cache
def _legacy_wards() -> dict[str, LegacyWard]:
    return {
        row[4]: LegacyWard(
            code=row[4],
            name=row[5],
            district_code=row[2],
            district_name=row[3],
            province_code=row[0],
            province_name=row[1],
        )
        for row in read_tsv("admin_units_legacy.tsv")
    }


@cache
def _conversion() -> dict[str, tuple[tuple[str, bool], ...]]:
    result: dict[str, list[tuple[str, bool]]] = {}
    for row in read_tsv("ward_conversion_2025.tsv"):
        result.setdefault(row[0], []).append((row[3], row[5] == "1"))
    return {old: tuple(new) for old, new in result.items()}


def legacy_ward(code: str) -> LegacyWard:
    """The pre-2025 ward/commune with this 5-digit code; `DomainError` if there is none."""
    ward = _legacy_wards().get(_pad(code, 5))
    if ward is None:
        raise DomainError(
            msg(
                "Mã xã cũ {code} không có trong danh mục đơn vị hành chính trước 01/07/2025. "
                "Hãy kiểm tra lại mã.",
                "Old commune code {code} is not in the list of units before 01/07/2025. "
                "Check the code.",
                code=code,
            )
        )
    return ward


def convert_legacy_ward(old_code: str) -> list[tuple[Commune, bool]]:
    """The 2025 commune(s) that replaced a pre-2025 ward, each with its `partly_merged` flag.

    `partly_merged` is True when the old unit was split, so only part of it went to that
    commune and the citizen's new commune must be checked by address.
    """
    targets = _conversion().get(_pad(old_code, 5))
    if targets is None:
        raise DomainError(
            msg(
                "Mã xã cũ {code} không có trong bảng chuyển đổi đơn vị hành chính năm 2025. "
                "Hãy chọn xã mới trực tiếp trong danh sách năm 2025.",
                "Old commune code {code} is not in the 2025 conversion table. Pick the new "
                "commune directly from the 2025 list.",
                code=old_code,
            )
        )
    return [(get_commune(code), partly) for code, partly in targets]


@cache
def _province_mapping() -> dict[str, str]:
    return {row[0]: row[2] for row in read_tsv("province_2025_mapping.tsv")}


def province_for_old_code(old3: str) -> Province:
    """The 2025 province that took over a pre-2025 province (3-digit code, e.g. "087")."""
    new_code = _province_mapping().get(_pad(old3, 3))
    if new_code is None:
        raise DomainError(
            msg(
                "Mã tỉnh cũ {code} không có trong danh sách 63 tỉnh, thành phố trước "
                "01/07/2025. Hãy kiểm tra lại mã.",
                "Old province code {code} is not one of the 63 provinces before 01/07/2025. "
                "Check the code.",
                code=old3,
            )
        )
    return _provinces()[new_code]
