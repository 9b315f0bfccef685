"""Personal ID numbers (số định danh cá nhân / CCCD, 12 digits) and old CMND numbers (9 digits).

Layout (Circular 07/2016/TT-BCA): digits 1–3 birth-registration province (001–096) or country
(101–295); digit 4 century and sex; digits 5–6 the last two digits of the birth year; the rest
random. There is no check digit, so only the structure can be verified.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from de06desk.domain._data import read_tsv
from de06desk.domain.i18n import DomainError, Language, Msg, current_language, msg

Sex = Literal["male", "female"]

# Separators people type or paste inside numbers ("087 084 000 999", "087.084.000.999").
_SEPARATORS = re.compile(r"[\s.\-–_]+")


@dataclass(frozen=True)
class IdInfo:
    """What a valid ID number says about its holder (fields are None for old CMND numbers)."""

    number: str
    kind: Literal["cccd", "cmnd"]
    place_code: str | None
    place_name: str | None
    abroad: bool
    sex: Sex | None
    birth_year: int | None


@cache
def province_codes() -> dict[str, str]:
    """Birth-registration province codes (3 digits, 001–096) → province name (63 entries)."""
    return {row[0]: row[1] for row in read_tsv("cccd_province_codes.tsv")}


@cache
def country_codes() -> dict[str, str]:
    """Birth-registration country codes (3 digits, 101–295) → country name in Vietnamese."""
    return {row[0]: row[1] for row in read_tsv("cccd_country_codes.tsv")}


# (monotonic clock, year) of the last look at the calendar: date.today() costs as much as
# the rest of a parse, and an imported list parses tens of thousands of numbers.
_year_seen: tuple[float, int] = (-1.0, 0)


def _this_year() -> int:
    global _year_seen
    now = time.monotonic()
    if not 0 <= now - _year_seen[0] < 1.0:
        _year_seen = (now, date.today().year)
    return _year_seen[1]


def _clean(raw: str) -> str:
    # NFKC turns full-width digits (some Asian keyboards/IMEs) into ASCII ones.
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()
    # Excel users force text with a leading apostrophe to keep the leading zero.
    text = text.lstrip("'")
    return _SEPARATORS.sub("", text)


def parse_id_number(raw: str, allow_cmnd: bool = False) -> IdInfo:
    """Check a personal ID number and decode its place, sex and birth year.

    Spaces, dots and dashes inside the number are ignored. A 9-digit old identity card (CMND)
    number is accepted only when `allow_cmnd` is true. Raises `DomainError` otherwise.
    """
    number = _clean(raw or "")
    if not number:
        raise DomainError(
            msg(
                "Chưa nhập số định danh cá nhân. Hãy nhập đủ 12 chữ số in trên thẻ căn cước.",
                "The personal ID number is empty. Enter the 12 digits printed on the ID card.",
            )
        )
    if not (number.isascii() and number.isdigit()):
        raise DomainError(
            msg(
                "Số định danh cá nhân chỉ được gồm chữ số, nhưng “{raw}” có chữ cái hoặc ký tự "
                "khác. Hãy nhập lại đúng 12 chữ số.",
                "The personal ID number may contain digits only, but “{raw}” has letters or "
                "other characters. Enter the 12 digits again.",
                raw=raw.strip(),
            )
        )
    if len(number) == 9:
        if allow_cmnd:
            return IdInfo(number, "cmnd", None, None, False, None, None)
        raise DomainError(
            msg(
                "“{number}” là số chứng minh nhân dân cũ (9 chữ số). Hãy nhập số định danh cá "
                "nhân 12 chữ số (in trên thẻ căn cước hoặc tra trên VNeID).",
                "“{number}” is an old 9-digit identity card (CMND) number. Enter the 12-digit "
                "personal ID number (printed on the ID card or shown in VNeID).",
                number=number,
            )
        )
    if len(number) != 12:
        hint_vi = hint_en = ""
        if len(number) == 11:
            hint_vi = " Có thể số 0 ở đầu đã bị mất khi nhập từ Excel."
            hint_en = " The leading zero may have been lost in Excel."
        raise DomainError(
            msg(
                "Số định danh cá nhân phải gồm 12 chữ số (đang có {n}).{hint_vi} "
                "Hãy kiểm tra lại trên thẻ căn cước.",
                "The personal ID number must have 12 digits (it has {n}).{hint_en} "
                "Check it against the ID card.",
                n=len(number),
                hint_vi=hint_vi,
                hint_en=hint_en,
            )
        )

    code = number[:3]
    if code in province_codes():
        place_name, abroad = province_codes()[code], False
    elif code in country_codes():
        place_name, abroad = country_codes()[code], True
    elif int(code) <= 100:
        raise DomainError(
            msg(
                "Mã tỉnh {code} trong số định danh không có trong danh mục nơi đăng ký khai sinh. "
                "Hãy kiểm tra lại 3 chữ số đầu trên thẻ căn cước.",
                "Province code {code} in the ID number is not in the list of birth-registration "
                "places. Check the first 3 digits against the ID card.",
                code=code,
            )
        )
    else:
        raise DomainError(
            msg(
                "Mã {code} ở 3 chữ số đầu của số định danh không hợp lệ: phải là mã tỉnh "
                "(001–096) hoặc mã quốc gia (101–295). Hãy kiểm tra lại trên thẻ căn cước.",
                "Code {code} in the first 3 digits of the ID number is invalid: it must be a "
                "province code (001–096) or a country code (101–295). Check the ID card.",
                code=code,
            )
        )

    century_sex = int(number[3])
    sex: Sex = "female" if century_sex % 2 else "male"
    birth_year = 1900 + 100 * (century_sex // 2) + int(number[4:6])
    if birth_year > _this_year():
        raise DomainError(
            msg(
                "Số định danh {number} cho năm sinh {year}, là năm trong tương lai. Hãy kiểm tra "
                "lại chữ số thứ 4 đến thứ 6 trên thẻ căn cước.",
                "ID number {number} gives birth year {year}, which is in the future. Check "
                "digits 4 to 6 against the ID card.",
                number=number,
                year=birth_year,
            )
        )
    return IdInfo(number, "cccd", code, place_name, abroad, sex, birth_year)


_SEX_VI = {"male": "Nam", "female": "Nữ"}
_SEX_EN = {"male": "Male", "female": "Female"}


def check_id_consistency(
    info: IdInfo, *, birth_year: int | None = None, sex: str | None = None
) -> list[Msg]:
    """Messages for each disagreement between the ID number and the recorded birth year/sex.

    `sex` is "male" or "female"; unknown values (None, other text) and old CMND numbers are not
    checked. An empty list means consistent (or nothing to compare).
    """
    problems: list[Msg] = []
    if info.kind != "cccd":
        return problems
    if birth_year is not None and info.birth_year is not None and birth_year != info.birth_year:
        problems.append(
            msg(
                "Năm sinh {recorded} không khớp với số định danh {number} (năm sinh theo số "
                "định danh là {id_year}). Hãy kiểm tra lại năm sinh hoặc số định danh.",
                "Birth year {recorded} does not match ID number {number} (which gives "
                "{id_year}). Check the birth year or the ID number.",
                recorded=birth_year,
                number=info.number,
                id_year=info.birth_year,
            )
        )
    if sex in ("male", "female") and info.sex is not None and sex != info.sex:
        problems.append(
            msg(
                "Giới tính {recorded} không khớp với số định danh {number} (giới tính theo số "
                "định danh là {id_sex}). Hãy kiểm tra lại giới tính hoặc số định danh.",
                "Sex {recorded_en} does not match ID number {number} (which gives {id_sex_en}). "
                "Check the sex or the ID number.",
                recorded=_SEX_VI[sex].lower(),
                id_sex=_SEX_VI[info.sex].lower(),
                recorded_en=_SEX_EN[sex].lower(),
                id_sex_en=_SEX_EN[info.sex].lower(),
                number=info.number,
            )
        )
    return problems


def describe_id(info: IdInfo, lang: Language | None = None) -> str:
    """One line saying what the ID number encodes, e.g. "Nam, sinh năm 1984, đăng ký khai sinh
    tại Đồng Tháp" (Vietnamese) or "Male, born 1984, birth registered in Đồng Tháp"."""
    english = (lang or current_language()) == "en"
    if info.kind == "cmnd" or info.sex is None:
        return "Old identity card number (CMND, 9 digits)" if english else "Số CMND cũ (9 chữ số)"
    if english:
        place = (
            f"birth registered abroad ({info.place_name})"
            if info.abroad
            else f"birth registered in {info.place_name}"
        )
        return f"{_SEX_EN[info.sex]}, born {info.birth_year}, {place}"
    place = (
        f"đăng ký khai sinh ở nước ngoài ({info.place_name})"
        if info.abroad
        else f"đăng ký khai sinh tại {info.place_name}"
    )
    return f"{_SEX_VI[info.sex]}, sinh năm {info.birth_year}, {place}"
