"""The audit viewer (admins only, filters, read-only) and the inactivity lock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QMainWindow

from de06desk.store import Store
from de06desk.store.audit_queries import AuditFilter, query_audit
from de06desk.store.users import User, create_user
from de06desk.ui.context import AppContext

ADMIN = User("admin", "Quản trị", "admin", True)
VIEWER = User("xem", "Xem", "viewer", True)


@pytest.fixture
def logged(store: Store) -> Store:
    create_user(store, "admin", "secret-pw", role="admin", display_name="A", by="init")
    store.save_record("village", {"name": "Thôn Đông"}, user="admin")
    store.save_record("village", {"name": "Thôn Tây"}, user="lan")
    return store


def test_query_filters(logged: Store) -> None:
    assert {e.username for e in query_audit(logged, AuditFilter(username="lan"))} == {"lan"}
    creates = query_audit(logged, AuditFilter(action="create"))
    assert len(creates) == 2 and creates[0].id > creates[1].id  # newest first
    today = date.today()
    assert len(query_audit(logged, AuditFilter(date_from=today, date_to=today))) >= 3
    assert query_audit(logged, AuditFilter(date_to=date(2000, 1, 1))) == []
    page = query_audit(logged, limit=1)
    assert query_audit(logged, limit=1, before_id=page[0].id)[0].id < page[0].id


def test_screen_for_admins_is_read_only_and_filters(qtbot, logged: Store, tmp_path) -> None:
    from de06desk.ui.screens.audit import AuditScreen

    screen = AuditScreen(AppContext(logged.path, logged, ADMIN))
    qtbot.addWidget(screen)
    assert screen.table is not None
    assert screen.table.rowCount() == len(query_audit(logged))
    assert screen.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    screen.action_box.setCurrentIndex(screen.action_box.findData("create"))
    screen.refresh()
    assert screen.table.rowCount() == 2


def test_screen_refuses_non_admins(qtbot, logged: Store) -> None:
    from de06desk.ui.screens.audit import AuditScreen

    screen = AuditScreen(AppContext(logged.path, logged, VIEWER))
    qtbot.addWidget(screen)
    assert screen.table is None
    assert screen.findChild(QLabel, "audit_denied") is not None


def test_idle_lock_hides_data_until_log_in(qtbot, logged: Store, monkeypatch) -> None:
    from de06desk.ui import idle_lock

    window = QMainWindow()
    central = QLabel("dữ liệu công dân")
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    window.show()
    seen: list[bool] = []

    def fake_exec(dialog) -> int:
        seen.append(central.isVisible())
        dialog.user = ADMIN
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(idle_lock.LoginDialog, "exec", fake_exec)
    lock = idle_lock.IdleLock(window, logged, ADMIN, minutes=0.001)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [False]  # the data was hidden while the dialog asked
    assert central.isVisible() and not lock.locked
    lock.timer.stop()  # the countdown restarted; do not let it outlive the test's database


def test_idle_lock_closes_when_unlock_is_abandoned(qtbot, logged: Store, monkeypatch) -> None:
    from de06desk.ui import idle_lock

    window = QMainWindow()
    window.setCentralWidget(QLabel("x"))
    qtbot.addWidget(window)
    closed: list[bool] = []
    monkeypatch.setattr(idle_lock.LoginDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    idle_lock.IdleLock(
        window, logged, ADMIN, minutes=0.001, on_failed_unlock=lambda: closed.append(True)
    )
    qtbot.waitUntil(lambda: bool(closed), timeout=3000)


def test_screen_says_whether_the_chain_is_whole(qtbot, logged: Store) -> None:
    from de06desk.ui.screens.audit import AuditScreen

    screen = AuditScreen(AppContext(logged.path, logged, ADMIN))
    qtbot.addWidget(screen)
    line = screen.findChild(QLabel, "audit_chain")
    assert "nguyên vẹn" in line.text() and line.styleSheet() == ""
    # Someone with the file drops the delete trigger and removes an entry from the middle.
    logged.conn.execute("DROP TRIGGER audit_no_delete")
    logged.conn.execute("DELETE FROM audit WHERE id = 2")
    screen = AuditScreen(AppContext(logged.path, logged, ADMIN))
    qtbot.addWidget(screen)
    line = screen.findChild(QLabel, "audit_chain")
    assert "ĐÃ BỊ SỬA HOẶC XÓA" in line.text() and "từ mục số 2" in line.text()
    assert "mất 1 mục: 2" in line.text() and "color" in line.styleSheet()
