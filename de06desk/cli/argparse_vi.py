"""argparse in Vietnamese: "cách dùng", "tùy chọn", its error lines — not "usage / options".

argparse writes its own words through the `gettext` functions it imported (`argparse._` and
`argparse.ngettext`), and no Vietnamese catalogue ships with Python; swapping those two names
for a lookup in this table is the route argparse's gettext design leaves open. Strings not in
the table (added by a later Python) stay English rather than break.
"""

from __future__ import annotations

import argparse

WORDS: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "xem hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "còn thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ: có thể là %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (%(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "không có lựa chọn %(value)r (chọn một trong %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
}
VERSION_HELP = "xem số phiên bản rồi thoát"


def gettext(message: str) -> str:
    """argparse's `_`: the Vietnamese words, or the English source when there are none."""
    return WORDS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's `ngettext` (Vietnamese has one form for every count)."""
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Vietnamese from now on (idempotent)."""
    # argparse's module-level `_` and `ngettext` (imported from gettext) are what it calls for
    # every word; typeshed's argparse does not list them.
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
