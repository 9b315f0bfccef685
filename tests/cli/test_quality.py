"""The `import`, `check` and `followup` commands: output, confirmation and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.store import Store
from tests.quality.helpers import write_csv


@pytest.fixture
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


@pytest.fixture
def list_file(demo_path: Path, tmp_path: Path) -> Path:
    with Store.open(demo_path) as store:
        village = store.list_records("village", order_by="name")[0]["name"]
    return write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Số CCCD", "Năm sinh", "Giới tính", "Thôn/Xóm"],
            ["Lò Thị Mới", "001190123456", "1990", "Nữ", village],
            ["Sai Số", "12AB", "1990", "Nam", village],
            ["Thôn Lạ", "", "1990", "Nam", "Thôn Không Có"],
        ],
    )


def _citizens(path: Path) -> int:
    with Store.open(path) as store:
        return store.count_records("citizen")


def test_import_without_yes_and_without_terminal_writes_nothing(
    demo_path: Path,
    list_file: Path,
    logged_in: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = _citizens(demo_path)
    assert main(["import", "citizens", "--db", str(demo_path), str(list_file)]) == 2
    out = capsys.readouterr()
    assert "3 dòng: thêm mới 1, cập nhật 0, không đổi 0, bị từ chối 2." in out.out
    assert "Dòng 3:" in out.out and "Dòng 4:" in out.out
    assert "--yes" in out.err
    assert _citizens(demo_path) == before


def test_import_asks_and_a_no_writes_nothing(
    demo_path: Path,
    list_file: Path,
    logged_in: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("k\n"))
    before = _citizens(demo_path)
    assert main(["import", "citizens", "--db", str(demo_path), str(list_file)]) == 2
    assert "Tiếp tục? [c/K]" in capsys.readouterr().out
    assert _citizens(demo_path) == before
    monkeypatch.setattr("sys.stdin", Terminal("c\n"))
    assert main(["import", "citizens", "--db", str(demo_path), str(list_file)]) == 0
    assert _citizens(demo_path) == before + 1


def test_import_yes_list_undo_and_refusals_file(
    demo_path: Path,
    list_file: Path,
    logged_in: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _citizens(demo_path)
    refusals = tmp_path / "bi_tu_choi.csv"
    code = main(
        [
            "import",
            "citizens",
            "--db",
            str(demo_path),
            str(list_file),
            "--yes",
            "--refusals",
            str(refusals),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    batch = out.split("Mã lần nhập: ")[1].split(" ")[0]
    assert _citizens(demo_path) == before + 1
    assert refusals.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["import", "list", "--db", str(demo_path)]) == 0
    assert batch in capsys.readouterr().out
    assert main(["import", "undo", "--db", str(demo_path), batch]) == 0
    assert _citizens(demo_path) == before
    assert main(["import", "undo", "--db", str(demo_path), batch]) == 1
    assert "đã được hoàn tác" in capsys.readouterr().err


def test_import_needs_log_in_and_a_readable_file(
    demo_path: Path,
    list_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["import", "citizens", "--db", str(demo_path), str(list_file), "--yes"]) == 1
    assert "DE06_USER" in capsys.readouterr().err
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    assert (
        main(["import", "citizens", "--db", str(demo_path), str(tmp_path / "x.pdf"), "--yes"]) == 1
    )


def test_check_table_and_json(
    demo_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "Tổng cộng" in out and "Số định danh không khớp năm sinh/giới tính" in out
    assert main(["check", "--db", str(demo_path), "--json", "--approval-days", "7"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and {"check", "criterion", "record_uuids", "name", "message_vi"} <= set(data[0])
    assert main(["check", "--db", str(demo_path), "--approval-days", "0"]) == 1


def test_followup_command(
    demo_path: Path, logged_in: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(demo_path) as store:
        village = store.list_records("village", order_by="name")[0]["name"]
    out = tmp_path / "ds.xlsx"
    assert main(["followup", "--db", str(demo_path), "--village", village, "--out", str(out)]) == 0
    assert out.exists() and "thông tin cá nhân" in capsys.readouterr().out
    assert (
        main(["followup", "--db", str(demo_path), "--village", "Không Có", "--out", str(out)]) == 1
    )
    with Store.open(demo_path) as store:
        assert (
            store.conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'export_personal'"
            ).fetchone()[0]
            == 1
        )
