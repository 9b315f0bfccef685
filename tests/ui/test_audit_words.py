"""The audit screen reads in words (issue 18): Vietnamese actions, form labels, field-by-field
changes with personal numbers masked, local times in dd/mm/yyyy HH:MM that fit their column.

Found: raw `login_failed`/`create`, form ids, raw JSON before/after and cut-off UTC times.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QAbstractItemView

from de06desk.store import Store
from de06desk.store.audit_queries import query_audit
from de06desk.store.errors import StoreError
from de06desk.store.users import User, authenticate, create_user
from de06desk.ui.audit_text import local_time
from de06desk.ui.context import AppContext
from de06desk.ui.screens.audit import ACTION, CHANGES, FORM, RECORD, TIME, AuditScreen

ADMIN = User("admin", "Quản trị", "admin", True)
ID_NUMBER = "001090012345"


@pytest.fixture
def history(store: Store) -> Store:
    create_user(store, "admin", "secret-pw", role="admin", display_name="A", by="init")
    with pytest.raises(StoreError):
        authenticate(store, "admin", "sai-mat-khau")
    village = store.save_record("village", {"name": "Thôn Đông"}, user="admin").uuid
    citizen = store.save_record(
        "citizen",
        {
            "full_name": "Lò Văn A",
            "sex": "male",
            "village": village,
            "id_number": ID_NUMBER,
            "phone": "0912345678",
            "living_status": "living",
            "birth_year": 1990,
        },
        user="admin",
    ).uuid
    values = dict(store.get_record("citizen", citizen).values)
    values.update(full_name="Lò Văn An", phone="0987654321")
    store.save_record("citizen", values, user="admin", uuid=citizen)
    return store


def _row(screen: AuditScreen, action: str) -> list[str]:
    table = screen.table
    assert table is not None
    for r in range(table.rowCount()):
        if table.item(r, ACTION).text() == action:
            return [table.item(r, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"no row {action}")


def test_entries_read_in_words_with_numbers_masked(qtbot, history: Store) -> None:
    screen = AuditScreen(AppContext(history.path, history, ADMIN))
    qtbot.addWidget(screen)
    screen.resize(1093, 570)
    screen.show()
    table = screen.table
    assert (
        table is not None and table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    )
    actions = {table.item(r, ACTION).text() for r in range(table.rowCount())}
    assert {"Đăng nhập sai", "Thêm mới", "Sửa", "Tạo người dùng"} <= actions
    assert not actions & {"login_failed", "create", "update", "user_create"}
    edited = _row(screen, "Sửa")
    assert edited[FORM] == "Công dân" and edited[RECORD] == "Lò Văn An"
    assert "Họ và tên: (trống)" not in edited[CHANGES]
    assert "Họ và tên: Lò Văn A → Lò Văn An" in edited[CHANGES]
    assert re.search(r"Số điện thoại: \*+78 → \*+21", edited[CHANGES])
    added = next(
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
        if table.item(r, ACTION).text() == "Thêm mới" and table.item(r, FORM).text() == "Công dân"
    )
    assert "Thôn/Xóm: Thôn Đông" in added[CHANGES] or "Thôn Đông" in added[CHANGES]
    assert "Giới tính: Nam" in added[CHANGES]
    for r in range(table.rowCount()):
        text = " ".join(table.item(r, c).text() for c in range(table.columnCount()))
        assert ID_NUMBER not in text and "0912345678" not in text and "{" not in text
    # Local time, dd/mm/yyyy HH:MM, wide enough to be read whole.
    newest = query_audit(history)[0]
    at = datetime.fromisoformat(newest.at).astimezone()
    assert table.item(0, TIME).text() == at.strftime("%d/%m/%Y %H:%M")
    metrics = table.fontMetrics()
    assert table.columnWidth(TIME) >= metrics.horizontalAdvance(table.item(0, TIME).text())
    # The action filter lists words too and still filters by the code.
    box = screen.action_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert "Đăng nhập sai" in labels and "login_failed" not in labels
    box.setCurrentIndex(box.findText("Đăng nhập sai"))
    screen.refresh()
    assert table.rowCount() == 1 and table.item(0, ACTION).text() == "Đăng nhập sai"


def test_local_time_converts_from_utc() -> None:
    moment = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)
    assert local_time(moment.isoformat()) == moment.astimezone().strftime("%d/%m/%Y %H:%M")
    assert local_time("không phải giờ") == "không phải giờ"


def test_details_read_in_words() -> None:
    from de06desk.ui.audit_text import detail_text

    printed = (
        '{"what": "followup_list", "village": "0b6e", "village_name": "Thôn Đông", '
        '"format": "print", "file": "x.pdf", "approved_not_activated": 3, "open_cases": 1}'
    )
    assert detail_text(printed, "vi") == (
        "Nội dung: Danh sách theo dõi; Thôn/xóm: Thôn Đông; Dạng: In ra giấy; Tệp: x.pdf; "
        "Chưa kích hoạt: 3; Hồ sơ làm sạch đang mở: 1"
    )
    at = "2026-12-02T01:30:00+00:00"
    assert detail_text(f"wrong password at {at}", "vi") == (f"Sai mật khẩu lúc {local_time(at)}")
    assert detail_text("12 records", "vi") == "12 bản ghi"
    assert detail_text("gọi 0912345678", "vi") == "gọi ******78"
