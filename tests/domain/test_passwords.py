"""New passwords and user names (issue 15): weak passwords, hostile names, no password in argv."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.passwords import password_problem
from de06desk.store import Store, StoreError
from de06desk.store.users import create_user, list_users, log_in, set_password

WEAK = [
    "12345678",
    "password",
    "aaaaaaaa",
    "Password1",
    "password1",
    "123456789",
    "abc@1234",
    "matkhau123",
    "Mật khẩu 2026",
    "MATKHAU!!",
    "anhyeuem",
    "qwertyuiop",
    "qwerty123",
    "asdfghjk",
    "1qaz2wsx",
    "abcdefgh",
    "87654321",
    "abcabcabc",
    "12121212",
    "admin@123",
    "@@@@@@@@",
]


@pytest.mark.parametrize("password", WEAK)
def test_common_repetitive_and_sequential_passwords_are_refused(password: str) -> None:
    assert password_problem(password) is not None


@pytest.mark.parametrize(
    "password", ["Rung-Tram-42", "mưa phùn tháng ba 7", "ca-phe-sua-da-06", "k9#Tq2!vLm"]
)
def test_reasonable_passwords_are_accepted(password: str) -> None:
    assert password_problem(password) is None


def test_the_user_name_is_not_a_password(store: Store) -> None:
    with pytest.raises(StoreError, match="dễ đoán"):
        create_user(store, "hoang.lan", "hoang.lan2026", role="viewer", display_name="", by="t")
    create_user(store, "hoang.lan", "Rung-Tram-42", role="viewer", display_name="", by="t")
    with pytest.raises(StoreError, match="dễ đoán"):
        set_password(store, "hoang.lan", "password", by="t")


@pytest.mark.parametrize(
    "name", ["lan\nĐÃ NHẬP", "lan\x1b[2J", "a b", "lan;rm", "", ".lan", "lan-", "x" * 41, "\ud800"]
)
def test_hostile_user_names_are_refused(store: Store, name: str) -> None:
    with pytest.raises(StoreError, match="Tên đăng nhập không hợp lệ"):
        create_user(store, name, "Rung-Tram-42", role="viewer", display_name="", by="t")
    assert [u.username for u in list_users(store)] == []


@pytest.mark.parametrize("name", ["lan", "lan.nguyen", "can_bo-2", "Hường"])
def test_ordinary_user_names_are_accepted(store: Store, name: str) -> None:
    create_user(store, name, "Rung-Tram-42", role="viewer", display_name="", by="t")


@pytest.fixture
def as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def test_user_add_has_no_password_option(
    demo_path: Path, as_admin: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["user", "add", "--db", str(demo_path), "lan", "--password", "Rung-Tram-42"])
    assert "--password" in capsys.readouterr().err


def test_new_password_from_two_lines_of_stdin(
    demo_path: Path,
    as_admin: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Rung-Tram-42\nRung-Tram-4\n"))
    assert main(["user", "add", "--db", str(demo_path), "lan"]) == 1
    assert "không giống nhau" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("12345678\n12345678\n"))
    assert main(["user", "add", "--db", str(demo_path), "lan"]) == 1
    assert "dễ đoán" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["user", "add", "--db", str(demo_path), "lan"]) == 1
    assert "DE06_NEW_PASSWORD" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("Rung-Tram-42\nRung-Tram-42\n"))
    assert main(["user", "add", "--db", str(demo_path), "lan"]) == 0
    store = Store.open(demo_path)
    try:
        assert "lan" in [u.username for u in list_users(store)]
    finally:
        store.close()


def test_reset_and_enable_take_the_new_password_from_the_environment(
    demo_path: Path, as_admin: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DE06_NEW_PASSWORD", "ca-phe-sua-da-06")
    assert main(["user", "reset-password", "--db", str(demo_path), "canbo"]) == 0
    assert main(["user", "disable", "--db", str(demo_path), "canbo"]) == 0
    monkeypatch.setenv("DE06_NEW_PASSWORD", "mưa phùn tháng ba 7")
    assert main(["user", "enable", "--db", str(demo_path), "canbo"]) == 0
    log_in(demo_path, "canbo", "mưa phùn tháng ba 7")[0].close()


def test_the_new_user_dialog_refuses_a_weak_password_and_stays_open(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from de06desk.ui.screens.settings import NewUserDialog

    dialog = NewUserDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "lan")
    for text in ("password1", "password1"):
        qtbot.keyClicks(dialog.password if not dialog.password.text() else dialog.password2, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "dễ đoán" in dialog.error.text()
    dialog.password.clear()
    dialog.password2.clear()
    qtbot.keyClicks(dialog.password, "Rung-Tram-42")
    qtbot.keyClicks(dialog.password2, "Rung-Tram-42")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


@pytest.mark.parametrize("display", ["Lan\x1b[2J", "Lan\nĐÃ NHẬP", "x" * 81])
def test_hostile_display_names_are_refused(store: Store, display: str) -> None:
    with pytest.raises(StoreError, match="Họ tên hiển thị"):
        create_user(store, "lan", "Rung-Tram-42", role="viewer", display_name=display, by="t")
