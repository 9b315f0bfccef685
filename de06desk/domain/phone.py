"""Vietnamese mobile numbers: validation and normalisation to the 10-digit "0xxxxxxxxx" form."""

from __future__ import annotations

import re
import unicodedata

from de06desk.domain.i18n import DomainError, msg

# The 2018 renumbering of 11-digit mobile numbers: old 4-digit prefix → new 3-digit prefix;
# the last 7 digits stayed the same.
OLD_PREFIX_MAP: dict[str, str] = {
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    **{f"016{d}": f"03{d}" for d in range(2, 10)},
    "0186": "056",
    "0188": "058",
    "0199": "059",
}

MOBILE_PREFIXES: frozenset[str] = frozenset(
    [f"03{d}" for d in range(2, 10)]
    + ["052", "056", "058", "059", "070", "076", "077", "078", "079"]
    + [f"08{d}" for d in range(1, 10)]
    + [f"09{d}" for d in range(10)]
)

_SEPARATORS = re.compile(r"[\s.\-–()/]+")
_EXAMPLE_VI = "Hãy nhập số di động 10 chữ số, ví dụ 0912 345 678."
_EXAMPLE_EN = "Enter a 10-digit mobile number, e.g. 0912 345 678."


def _local_digits(raw: str) -> str:
    """Digits of `raw` in the domestic form (leading 0), country code removed."""
    if not raw.isascii():
        raw = unicodedata.normalize("NFKC", raw)
    text = _SEPARATORS.sub("", raw.strip().lstrip("'"))
    if not text:
        raise DomainError(
            msg("Chưa nhập số điện thoại. " + _EXAMPLE_VI, "No phone number. " + _EXAMPLE_EN)
        )
    plus = text.startswith("+")
    digits = text[1:] if plus else text
    if not (digits.isascii() and digits.isdigit()):
        raise DomainError(
            msg(
                "Số điện thoại “{raw}” chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, "
                "gạch ngang, +84). " + _EXAMPLE_VI,
                "Phone number “{raw}” may contain only digits (spaces, dots, dashes and +84 are "
                "fine). " + _EXAMPLE_EN,
                raw=raw.strip(),
            )
        )
    if plus or digits.startswith("00"):
        international = digits[2:] if digits.startswith("00") else digits
        if not international.startswith("84"):
            raise DomainError(
                msg(
                    "Số “{raw}” không phải số Việt Nam (mã quốc gia phải là +84). " + _EXAMPLE_VI,
                    "“{raw}” is not a Vietnamese number (the country code must be +84). "
                    + _EXAMPLE_EN,
                    raw=raw.strip(),
                )
            )
        return "0" + international[2:]
    # "84912345678" (11 digits) or the old "841623456789" (12 digits): country code without +.
    if digits.startswith("84") and len(digits) in (11, 12):
        return "0" + digits[2:]
    return digits


def normalize_phone(raw: str) -> str:
    """The 10-digit domestic form ("0912345678") of a Vietnamese mobile number.

    Accepts spaces, dots, dashes and parentheses; the +84, 0084 and 84 country-code forms; and
    pre-2018 11-digit numbers (01xx…), which are renumbered. Raises `DomainError` for anything
    that is not a current Vietnamese mobile number.
    """
    digits = _local_digits(raw or "")
    if len(digits) == 11 and digits.startswith("01"):
        old = digits[:4]
        if old not in OLD_PREFIX_MAP:
            raise DomainError(
                msg(
                    "Đầu số cũ {old} không có trong bảng chuyển đổi đầu số 11 chữ số sang 10 "
                    "chữ số (năm 2018). Hãy hỏi lại người dân số di động hiện tại.",
                    "Old prefix {old} is not in the 2018 table converting 11-digit numbers to "
                    "10 digits. Ask the citizen for their current mobile number.",
                    old=old,
                )
            )
        digits = OLD_PREFIX_MAP[old] + digits[4:]
    if digits.startswith("02") and len(digits) in (10, 11):
        raise DomainError(
            msg(
                "Đầu số {prefix} không phải số di động Việt Nam (đây là số máy bàn). "
                + _EXAMPLE_VI,
                "Prefix {prefix} is not a Vietnamese mobile number (it is a landline). "
                + _EXAMPLE_EN,
                prefix=digits[:3],
            )
        )
    if len(digits) != 10 or not digits.startswith("0"):
        hint_vi = hint_en = ""
        if len(digits) == 9 and not digits.startswith("0"):
            hint_vi = " Có thể số 0 ở đầu đã bị mất khi nhập từ Excel."
            hint_en = " The leading zero may have been lost in Excel."
        raise DomainError(
            msg(
                "Số di động phải có 10 chữ số và bắt đầu bằng số 0 (“{raw}” có {n} chữ số)."
                "{hint_vi} " + _EXAMPLE_VI,
                "A mobile number must have 10 digits starting with 0 (“{raw}” has {n})."
                "{hint_en} " + _EXAMPLE_EN,
                raw=raw.strip(),
                n=len(digits),
                hint_vi=hint_vi,
                hint_en=hint_en,
            )
        )
    if digits[:3] not in MOBILE_PREFIXES:
        raise DomainError(
            msg(
                "Đầu số {prefix} không phải số di động Việt Nam đang dùng. Hãy kiểm tra lại số "
                "với người dân.",
                "Prefix {prefix} is not a Vietnamese mobile prefix in use. Check the number "
                "with the citizen.",
                prefix=digits[:3],
            )
        )
    return digits


def is_valid_phone(raw: str) -> bool:
    """True when `normalize_phone(raw)` would succeed."""
    try:
        normalize_phone(raw)
    except DomainError:
        return False
    return True
