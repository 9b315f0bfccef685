"""How an audit-log entry reads to an administrator: words, form labels, local times.

The log stores codes (`login_failed`, `create`), form ids, JSON snapshots and UTC times so
that it can be checked and synced; people read "Đăng nhập sai", "Công dân", "Số điện thoại:
******78 → ******90" and "02/12/2026 14:05". No Qt here: the screen and its tests share it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from de06desk.domain.i18n import Language, current_language
from de06desk.domain.weeks import format_moment
from de06desk.forms import FieldSpec, FormSet
from de06desk.logs import redact

# code → (Vietnamese, English). An action not listed (added later) shows its code.
ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("Thêm mới", "Added"),
    "update": ("Sửa", "Edited"),
    "delete": ("Xóa", "Deleted"),
    "undelete": ("Khôi phục bản ghi đã xóa", "Restored a deleted record"),
    "restore_record": ("Khôi phục bản ghi đã xóa", "Restored a deleted record"),
    "bulk_create": ("Thêm hàng loạt", "Added in bulk"),
    "login": ("Đăng nhập", "Logged in"),
    "login_failed": ("Đăng nhập sai", "Failed log-in"),
    "logout": ("Đăng xuất", "Logged out"),
    "password_reset": ("Đặt lại mật khẩu", "Password reset"),
    "password_change": ("Đổi mật khẩu", "Password changed"),
    "user_create": ("Tạo người dùng", "User created"),
    "user_enable": ("Mở khóa người dùng", "User enabled"),
    "user_disable": ("Khóa người dùng", "User disabled"),
    "backup": ("Sao lưu", "Backup"),
    "backup_failed": ("Sao lưu không được", "Backup failed"),
    "restore": ("Khôi phục từ bản sao lưu", "Restored from a backup"),
    "encrypt_database": ("Mã hóa cơ sở dữ liệu", "Database encrypted"),
    "import_citizens": ("Nhập danh sách công dân", "Citizens imported"),
    "import_undo": ("Hủy một lần nhập danh sách", "Import undone"),
    "export_personal": ("Xuất dữ liệu cá nhân", "Personal data exported"),
    "sync_export": ("Xuất gói đồng bộ", "Sync package exported"),
    "sync_import": ("Nhập gói đồng bộ", "Sync package imported"),
    "sync_import_summary": ("Nhập số liệu tổng hợp của cấp dưới", "Summary figures imported"),
    "sync_clone_device": ("Tạo bản cho máy nhập liệu", "Field device copy made"),
    "sync_set_hub": ("Đăng ký khóa cấp trên", "Hub key set"),
    "sync_trust": ("Tin cậy khóa của xã", "Commune key trusted"),
}
# Field types whose values are personal numbers: masked as in the logs (******78).
PERSONAL_TYPES = frozenset({"personal_id", "phone"})
ARROW = " → "
EMPTY = "(trống)"
EMPTY_EN = "(blank)"


def action_label(action: str, lang: Language | None = None) -> str:
    """ "Đăng nhập sai" for `login_failed` (English in the English UI); unknown: the code."""
    words = ACTIONS.get(action)
    if words is None:
        return action
    return words[1] if (lang or current_language()) == "en" else words[0]


def form_label(forms: FormSet, form_id: str | None, lang: Language | None = None) -> str:
    """ "Công dân" for `citizen`; '' for none; the id itself for a form this app lacks."""
    if not form_id:
        return ""
    return forms[form_id].label(lang) if form_id in forms else form_id


def local_time(at: str) -> str:
    """A stored UTC time as the PC's local "dd/mm/yyyy HH:MM" (the text itself if unreadable)."""
    return format_moment(at)


def _snapshot(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _value_text(
    spec: FieldSpec | None,
    value: Any,
    title_of: Callable[[str, str], str | None],
    lang: Language,
) -> str:
    if value is None or value == "" or value == []:
        return EMPTY_EN if lang == "en" else EMPTY
    if spec is None:
        return redact(str(value))
    if spec.type in PERSONAL_TYPES:
        return redact(str(value)) if len(str(value)) > 2 else "*" * len(str(value))
    if spec.type == "choice":
        return spec.choice_label(str(value), lang)
    if spec.type == "multi_choice" and isinstance(value, list):
        return ", ".join(spec.choice_label(str(v), lang) for v in value)
    if spec.type == "date" and isinstance(value, str) and len(value) == 10:
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    target = spec.target_form
    if target and isinstance(value, str):
        return title_of(target, value) or value[:8]
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("có" if value else "không")
    return str(value)


def changes(
    forms: FormSet,
    form_id: str | None,
    old: str | None,
    new: str | None,
    *,
    title_of: Callable[[str, str], str | None] = lambda _form, _uuid: None,
    lang: Language | None = None,
) -> list[str]:
    """One line per field: "Họ và tên: “Lò Văn A” → “Lò Văn An”" (only what differs).

    A new record lists its filled fields, a deleted one what it held. ID numbers and phones
    are masked; choices, dates and references read as on the forms.
    """
    lang = lang or current_language()
    before, after = _snapshot(old), _snapshot(new)
    form = forms[form_id] if form_id and form_id in forms else None
    order = list(form.field_names) if form else []
    names = [n for n in order if n in before or n in after]
    names += sorted(n for n in {*before, *after} if n not in order)
    lines = []
    for name in names:
        was, now = before.get(name), after.get(name)
        if old is not None and new is not None and was == now:
            continue
        spec = form.field(name) if form and name in order else None
        label = spec.label(lang) if spec else name
        if new is None:
            shown = _value_text(spec, was, title_of, lang)
        elif old is None:
            if now is None or now == "" or now == []:
                continue
            shown = _value_text(spec, now, title_of, lang)
        else:
            shown = (
                _value_text(spec, was, title_of, lang)
                + ARROW
                + _value_text(spec, now, title_of, lang)
            )
        lines.append(f"{label}: {shown}")
    return lines


# Keys of the JSON details the app writes (exports, sync, prints) → words.
DETAIL_KEYS: dict[str, tuple[str, str]] = {
    "what": ("Nội dung", "What"),
    "village_name": ("Thôn/xóm", "Village"),
    "format": ("Dạng", "Format"),
    "file": ("Tệp", "File"),
    "approved_not_activated": ("Chưa kích hoạt", "Not activated"),
    "open_cases": ("Hồ sơ làm sạch đang mở", "Open cleanup cases"),
    "to": ("Gửi đến", "To"),
    "from": ("Từ", "From"),
    "device": ("Máy", "Device"),
    "seq": ("Số gói", "Package number"),
    "rows": ("Số dòng", "Rows"),
    "applied": ("Đã áp dụng", "Applied"),
    "conflicts": ("Xung đột", "Conflicts"),
    "changes": ("Thay đổi số", "Change numbers"),
}
# Internal values that need no reading (ids, checksums).
HIDDEN_KEYS = frozenset({"village", "sha256"})
DETAIL_VALUES: dict[str, tuple[str, str]] = {
    "followup_list": ("Danh sách theo dõi", "Follow-up list"),
    "print": ("In ra giấy", "Printed"),
}
# Free-text details written in English by older code: pattern → (Vietnamese, English).
DETAIL_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^wrong password at (.+)$"), "Sai mật khẩu lúc {0}", "Wrong password at {0}"),
    (re.compile(r"^(\d+) records$"), "{0} bản ghi", "{0} records"),
    (re.compile(r"^from device (.+)$"), "Từ máy {0}", "From device {0}"),
)


def detail_text(detail: str | None, lang: Language | None = None) -> str:
    """The entry's free detail, with JSON spelled out and personal numbers masked."""
    if not detail:
        return ""
    english = (lang or current_language()) == "en"
    data = _snapshot(detail)
    if data:
        parts = []
        for key, value in data.items():
            if key in HIDDEN_KEYS:
                continue
            label = DETAIL_KEYS.get(key, (key, key))[1 if english else 0]
            if isinstance(value, str) and value in DETAIL_VALUES:
                value = DETAIL_VALUES[value][1 if english else 0]
            parts.append(f"{label}: {redact(str(value))}")
        return "; ".join(parts)
    for pattern, vi, en in DETAIL_PATTERNS:
        match = pattern.match(detail)
        if match:
            values = [format_moment(v) if "T" in v and ":" in v else v for v in match.groups()]
            return (en if english else vi).format(*values)
    return redact(detail)


def record_text(values: Mapping[str, Any] | None, title_field: str, uuid: str | None) -> str:
    """The record's title ("Thôn Đông"), else the first characters of its id."""
    if values and values.get(title_field):
        return str(values[title_field])
    return (uuid or "")[:8]
