"""The keys / hub / sync commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from tests.conftest import snapshot


@pytest.fixture
def as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def test_cli_round_trip(as_admin, demo_path: Path, tmp_path: Path, capsys) -> None:
    hub, c = tmp_path / "hub.db", str(demo_path)
    hub_pub, c_pub = tmp_path / "hub.pub", tmp_path / "c.pub"
    assert main(["sync", "export", "--db", c, "--out", str(tmp_path)]) == 1
    assert "set-hub" in capsys.readouterr().err
    args = ["hub", "init", "--db", str(hub), "--unit-code", "HN01", "--name", "Công an Hà Nội"]
    assert main([*args, "--key-out", str(hub_pub)]) == 0
    hub_fp = json.loads(hub_pub.read_text(encoding="utf-8"))["fingerprint"]
    assert hub_fp in capsys.readouterr().out
    assert main(["keys", "export", "--db", c, "--out", str(c_pub)]) == 0
    assert main(["keys", "set-hub", "--db", c, str(hub_pub)]) == 0
    assert hub_fp in capsys.readouterr().out
    assert main(["hub", "trust", "--db", str(hub), str(c_pub)]) == 0
    capsys.readouterr()
    assert main(["sync", "export", "--db", c, "--out", str(tmp_path / "usb")]) == 0
    package = Path(capsys.readouterr().out.strip())
    assert package.exists() and package.suffix == ".de06sync"
    assert main(["sync", "export", "--db", c, "--out", str(tmp_path / "usb")]) == 0
    assert "Không có thay đổi" in capsys.readouterr().out
    # A refused run leaves the hub untouched: not even a log-in is recorded.
    junk = tmp_path / "junk.de06sync"
    junk.write_bytes(b"DE06SYNC" + b"\x00" * 100)
    before = snapshot(hub)
    assert main(["sync", "import", "--db", str(hub), str(junk)]) == 1
    assert "TỪ CHỐI" in capsys.readouterr().out
    assert snapshot(hub) == before
    assert main(["sync", "import", "--db", str(hub), str(package)]) == 0
    assert main(["sync", "import", "--db", str(hub), str(package), str(junk)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ĐÃ NHẬP") and out[1].startswith("ĐÃ CÓ")
    assert out[2].startswith("TỪ CHỐI")
    assert main(["hub", "status", "--db", str(hub), "--json"]) == 0
    [status] = json.loads(capsys.readouterr().out)
    assert status["last_seq"] == 1 and status["silent"] is False and status["registered"]
    assert main(["hub", "status", "--db", str(hub), "--silent-days", "0"]) == 0
    assert "00004" in capsys.readouterr().out
    args = ["hub", "target", "--db", str(hub), "--to", "00004", "--kind", "cleanup_cases"]
    assert main([*args, "--value", "40", "--start", "2026-01-01", "--due", "2026-12-31"]) == 0
    assert main(["hub", "send", "--db", str(hub), "--to", "00004", "--out", str(tmp_path)]) == 0
    down = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert main(["sync", "import", "--db", c, str(down)]) == 0
    assert "ĐÃ NHẬP" in capsys.readouterr().out
    laptop = tmp_path / "laptop.db"
    assert main(["sync", "clone-device", "--db", c, "--out", str(laptop)]) == 0
    assert laptop.exists()


def test_hub_init_says_who_becomes_its_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from de06desk.store.users import log_in

    monkeypatch.setenv("DE06_USER", "tinh")
    monkeypatch.setenv("DE06_PASSWORD", "Song-Hong-Xanh-47")
    db, pub = tmp_path / "hub.db", tmp_path / "hub.pub"
    args = ["hub", "init", "--db", str(db), "--unit-code", "001", "--name", "Công an Hà Nội"]
    assert main([*args, "--key-out", str(pub), "--province", "1"]) == 0
    out = capsys.readouterr()
    assert "Tài khoản quản trị đầu tiên: tinh (từ DE06_USER/DE06_PASSWORD)." in out.out, out.err
    assert "MÃ KHÔI PHỤC" in out.out
    store, user = log_in(db, "tinh", "Song-Hong-Xanh-47")
    assert user.role == "admin" and store.role == "hub"
    store.close()
    with pytest.raises(SystemExit):
        main(["hub", "init", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "DE06_USER và DE06_PASSWORD thì hai biến này TRỞ THÀNH" in help_text


def test_hub_status_names_the_provinces_communes_without_a_key(
    as_admin, tmp_path: Path, capsys
) -> None:
    hub = tmp_path / "hub.db"
    args = ["hub", "init", "--db", str(hub), "--unit-code", "001", "--name", "Công an Hà Nội"]
    assert main([*args, "--province", "001", "--key-out", str(tmp_path / "hub.pub")]) == 0
    capsys.readouterr()
    assert main(["hub", "status", "--db", str(hub)]) == 0
    out = capsys.readouterr().out
    assert "Chưa đăng ký khóa (126 xã): 00004, 00008," in out


def test_hub_status_json_lists_the_communes_without_a_key_too(
    as_admin, demo_path: Path, tmp_path: Path, capsys
) -> None:
    hub, c_pub = tmp_path / "hub.db", tmp_path / "c.pub"
    args = ["hub", "init", "--db", str(hub), "--unit-code", "001", "--name", "Công an Hà Nội"]
    assert main([*args, "--province", "001", "--key-out", str(tmp_path / "hub.pub")]) == 0
    assert main(["keys", "export", "--db", str(demo_path), "--out", str(c_pub)]) == 0
    assert main(["hub", "trust", "--db", str(hub), str(c_pub)]) == 0
    capsys.readouterr()
    assert main(["hub", "status", "--db", str(hub), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    # Every commune of the province, in code order, as the text output and Các xã list them.
    assert len(entries) == 126
    assert [e["unit_code"] for e in entries] == sorted(e["unit_code"] for e in entries)
    [joined] = [e for e in entries if e["registered"]]
    assert joined["unit_code"] == "00004" and joined["fingerprint"]
    never = next(e for e in entries if e["unit_code"] == "00008")
    assert never["registered"] is False and never["unit_name"] == "Phường Ngọc Hà"
    assert never["packages"] == 0 and never["silent"] is True and never["fingerprint"] is None
    # The same keys either way, so a script reads both alike.
    assert all(e.keys() == joined.keys() for e in entries)
