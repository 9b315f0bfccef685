"""The role table: which account role may do each operation, on a commune and on a hub.

This is the one place authority is decided (docs/SECURITY.md §2 prints the same table). The
actions check it before they touch anything; the GUI hides or disables what the logged-in
role cannot do by asking `allowed` with the same operation name.
"""

from __future__ import annotations

from dataclasses import dataclass

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.roles import ROLE_RANK, AccountRole, DatabaseRole

ROLE_LABELS: dict[str, Msg] = {
    "viewer": msg("chỉ xem", "viewer"),
    "officer": msg("cán bộ", "officer"),
    "admin": msg("quản trị", "administrator"),
}


@dataclass(frozen=True)
class Rule:
    """Who may do one operation: the least role at a commune and at a hub (None: not there)."""

    label: Msg
    commune: AccountRole | None
    hub: AccountRole | None

    def needs(self, database: DatabaseRole) -> AccountRole | None:
        """The least role needed on this kind of database (None: not done there at all)."""
        return self.hub if database == "hub" else self.commune


def _r(vi: str, en: str, commune: AccountRole | None, hub: AccountRole | None) -> Rule:
    return Rule(msg(vi, en), commune, hub)


# Operation → rule. Records (the forms) are entered at the commune; a hub holds copies that
# arrive by sync, so nobody edits them there except the targets it sends down.
ROLE_TABLE: dict[str, Rule] = {
    # ---- records -----------------------------------------------------------------------
    "record.save": _r("lưu bản ghi", "save a record", "officer", None),
    "record.delete": _r("xóa bản ghi", "delete a record", "officer", None),
    "record.restore": _r("khôi phục bản ghi đã xóa", "restore a deleted record", "officer", None),
    "profile.save": _r("sửa thông tin đơn vị", "edit the unit profile", "admin", None),
    "roster.add": _r("thêm công dân vào danh sách đợt", "add to a drive roster", "officer", None),
    "roster.save": _r("sửa dòng danh sách đợt", "edit a roster row", "officer", None),
    "roster.remove": _r("xóa khỏi danh sách đợt", "remove from a roster", "officer", None),
    "roster.activate": _r("ghi nhận kích hoạt", "record an activation", "officer", None),
    "case.open": _r("mở hồ sơ làm sạch", "open a cleanup case", "officer", None),
    "case.close": _r("đóng hồ sơ làm sạch", "close a cleanup case", "officer", None),
    "citizens.import": _r("nhập danh sách công dân", "import a citizen list", "officer", None),
    "status.import": _r(
        "nhập danh sách trạng thái VNeID", "import a VNeID status list", "officer", None
    ),
    "citizens.undo": _r("hoàn tác lần nhập", "undo an import", "officer", None),
    # ---- sync and keys -----------------------------------------------------------------
    "sync.export": _r("xuất gói thay đổi", "export a package", "officer", None),
    "sync.export_full": _r("xuất gói toàn bộ", "export a full package", "admin", None),
    "sync.export_to_commune": _r(
        "xuất gói từ máy thứ hai cho máy của xã",
        "export from a second device to the commune PC",
        "officer",
        None,
    ),
    "sync.export_to_devices": _r(
        "xuất gói từ máy của xã cho các máy thứ hai",
        "export from the commune PC to its devices",
        "officer",
        None,
    ),
    "sync.import": _r("nhập gói đồng bộ", "import packages", "officer", "officer"),
    "sync.clone_device": _r("tạo bản sao máy thứ hai", "clone for a second device", "admin", None),
    "keys.export": _r("ghi tệp khóa công khai", "write the public-key file", "admin", "admin"),
    "keys.set_hub": _r("đặt khóa cấp trên", "set the hub key", "admin", "admin"),
    "hub.trust": _r("đăng ký khóa của xã", "trust a commune key", None, "admin"),
    "hub.target": _r("đặt chỉ tiêu cho xã", "set a commune target", None, "officer"),
    "hub.send": _r("ghi gói gửi xuống xã", "write a package down", None, "officer"),
    "hub.publish_forms": _r(
        "phát hành biểu mẫu cho các xã", "publish forms to the communes", None, "admin"
    ),
    "hub.export_summary": _r(
        "ghi gói số liệu tổng hợp gửi cấp trên", "write a summary package up", None, "officer"
    ),
    # ---- accounts ----------------------------------------------------------------------
    "user.add": _r("thêm người dùng", "add a user", "admin", "admin"),
    "user.reset_password": _r("đặt lại mật khẩu", "reset a password", "admin", "admin"),
    "user.disable": _r("khóa tài khoản", "disable an account", "admin", "admin"),
    "user.enable": _r("mở lại tài khoản", "re-enable an account", "admin", "admin"),
    "user.set_role": _r("đổi vai trò", "change a role", "admin", "admin"),
    # ---- the database file -------------------------------------------------------------
    "db.backup": _r("sao lưu", "back up", "officer", "officer"),
    "db.restore": _r("khôi phục từ sao lưu", "restore a backup", "admin", "admin"),
    "db.encrypt": _r("mã hóa cơ sở dữ liệu cũ", "encrypt an old database", "admin", "admin"),
    # ---- reading the audit log (the one read kept from lower roles: it names who did what) --
    "audit.read": _r("xem nhật ký hoạt động", "read the audit log", "admin", "admin"),
}


def rule(operation: str) -> Rule:
    """The rule of a named operation (KeyError for a name not in the table: a bug)."""
    return ROLE_TABLE[operation]


def allowed(operation: str, account: str, database: DatabaseRole) -> bool:
    """May an account with role `account` do `operation` on this kind of database?"""
    need = ROLE_TABLE[operation].needs(database)
    return need is not None and ROLE_RANK.get(account, -1) >= ROLE_RANK[need]


def markdown_table() -> str:
    """The role table as docs/SECURITY.md prints it (a test keeps the two the same)."""
    names = {"viewer": "viewer", "officer": "officer", "admin": "admin", None: "—"}
    lines = [
        "| operation | what | commune | hub |",
        "|---|---|---|---|",
    ]
    for operation, r in ROLE_TABLE.items():
        lines.append(f"| `{operation}` | {r.label.en} | {names[r.commune]} | {names[r.hub]} |")
    return "\n".join(lines)
