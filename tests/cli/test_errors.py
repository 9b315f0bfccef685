"""No command prints a Python traceback (issue 15): bad values, unexpected errors, a full disk.

The full disk is real: a 2 MiB tmpfs filled up to a few KiB (the tests run as root), with the
command in a child process as a user would run it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], cwd: Path, data: Path) -> subprocess.CompletedProcess[str]:
    """`de06desk argv` in a child process, logged in as the demo administrator."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DE06_DATA_DIR": str(data),
        "DE06_USER": DEMO_USER,
        "DE06_PASSWORD": DEMO_PASSWORD,
        "DE06_NEW_PASSWORD": "Rung-Tram-42",
    }
    return subprocess.run(
        [sys.executable, "-m", "de06desk", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def assert_one_line(proc: subprocess.CompletedProcess[str], *expected: str) -> str:
    assert proc.returncode not in (0, 70), proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for text in expected:
        assert text in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "weekly", "--from", "01/01/0001", "--to", "31/12/9999", "--out", "r.json"],
        ["report", "weekly", "--number", "9" * 5000, "--out", "r.pdf"],
        ["check", "--approval-days", "100000000000000000000"],
        ["check", "--approval-days", "x"],
    ],
    ids=["dates", "number", "days", "days-text"],
)
def test_hostile_values_get_one_line(
    argv: list[str],
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    if argv[-1] == "x":
        with pytest.raises(SystemExit) as stop:
            main([*argv, "--db", str(demo_path)])
        assert stop.value.code == 2
    else:
        assert main([*argv, "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.glob("r.*"))


def test_an_unexpected_error_is_one_line_and_the_log_masks_id_numbers(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug while reading 001085000123")

    monkeypatch.setattr("de06desk.cli.report.build_summary", broken)
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    code = main(["report", "weekly", "--db", str(demo_path), "--out", str(tmp_path / "r.pdf")])
    assert code == 70
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "RuntimeError" in err
    log = Path(err.split("chi tiết đã ghi vào ")[1].split(". ")[0])
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text
    assert "001085000123" not in text and "******23" in text


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs (unmounted afterwards); `fill(path, leave)` fills it up."""
    mount = tmp_path / "usb"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)]).returncode:
        pytest.skip("a tmpfs cannot be mounted here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Take the free space of `folder`'s disk down to about `leave` bytes."""
    free = shutil.disk_usage(folder).free
    with (folder / "filler").open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave))


def _encrypted_copy(demo_encrypted: Path, folder: Path) -> Path:
    db = folder / "d.db"
    shutil.copy2(demo_encrypted, db)
    shutil.copy2(f"{demo_encrypted}.keys", f"{db}.keys")
    return db


@pytest.fixture(scope="module")
def demo_encrypted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small encrypted demo, as `de06desk demo` makes it."""
    folder = tmp_path_factory.mktemp("enc")
    proc = run(
        ["demo", "--db", "demo.db", "--citizens", "300", "--weeks", "2", "--seed", "3"],
        folder,
        folder / "data",
    )
    assert proc.returncode == 0, proc.stderr
    return folder / "demo.db"


def test_user_add_on_a_full_disk_says_so_and_leaves_no_file(
    demo_encrypted: Path, full_disk: Path, tmp_path: Path
) -> None:
    db = _encrypted_copy(demo_encrypted, full_disk)
    before = {p.name: p.read_bytes() for p in full_disk.iterdir()}
    fill(full_disk, 30_000)
    proc = run(["user", "add", "--db", str(db), "bob"], tmp_path, tmp_path / "data")
    assert "khóa không đúng" not in assert_one_line(proc, "Ổ đĩa đầy")
    after = {p.name: p.read_bytes() for p in full_disk.iterdir() if p.name != "filler"}
    assert after == before


def test_import_on_a_full_disk_says_so_and_imports_nothing(
    demo_encrypted: Path, full_disk: Path, tmp_path: Path
) -> None:
    db = _encrypted_copy(demo_encrypted, full_disk)
    rows = ["Họ và tên,Năm sinh,Thôn"] + [f"Nguyễn Văn An {i},1980,Thôn Đông" for i in range(3000)]
    (tmp_path / "ds.csv").write_text("\n".join(rows), encoding="utf-8")
    fill(full_disk, 400_000)
    proc = run(
        ["import", "citizens", "--db", str(db), "ds.csv", "--yes", "--create-villages"],
        tmp_path,
        tmp_path / "data",
    )
    assert_one_line(proc, "Ổ đĩa đầy")
    (full_disk / "filler").unlink()
    listing = run(["import", "list", "--db", str(db)], tmp_path, tmp_path / "data")
    assert listing.returncode == 0 and "3000" not in listing.stdout


def test_workbook_on_a_full_disk_is_one_line_and_no_half_file(
    demo_encrypted: Path, full_disk: Path, tmp_path: Path
) -> None:
    db = _encrypted_copy(demo_encrypted, tmp_path)
    fill(full_disk, 8_000)
    out = full_disk / "r.xlsx"
    proc = run(["report", "weekly", "--db", str(db), "--out", str(out)], tmp_path, tmp_path / "d")
    assert_one_line(proc, "Ổ đĩa đầy")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


def test_a_hub_name_with_a_lone_surrogate_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DE06_USER", "admin")
    monkeypatch.setenv("DE06_PASSWORD", "Rung-Tram-42")
    db = tmp_path / "hub.db"
    argv = ["hub", "init", "--db", str(db), "--unit-code", "HN01", "--name", "Hà\udcff Nội"]
    code = main([*argv, "--key-out", str(tmp_path / "h.pub")])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "không hợp lệ" in err, err
    assert not db.exists()
