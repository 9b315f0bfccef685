"""Files the program leaves on disk (issue 15): private modes on POSIX, no stale temporary files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.logs import record_crash

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")


def run(argv: list[str], cwd: Path, *, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DE06_DATA_DIR": str(cwd / "data"),
        "DE06_USER": DEMO_USER,
        "DE06_PASSWORD": DEMO_PASSWORD,
    }
    return subprocess.run(
        [sys.executable, "-m", "de06desk", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        preexec_fn=lambda: os.umask(umask),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_database_keyring_backups_and_folders_are_private(tmp_path: Path) -> None:
    proc = run(["demo", "--db", "d.db", "--citizens", "30", "--weeks", "1"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run(["backup", "--db", "d.db", "--out", "usb/sao_luu"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    files = [tmp_path / "d.db", tmp_path / "d.db.keys", *(tmp_path / "usb/sao_luu").iterdir()]
    files += [p for p in tmp_path.glob("d.db-*")]
    assert len(files) >= 3
    for path in files:
        assert mode(path) == 0o600, path
    assert mode(tmp_path / "usb/sao_luu") == 0o700


@posix_only
def test_the_data_folder_and_log_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DE06_DATA_DIR", str(tmp_path / "data"))
    old = os.umask(0o022)  # a usual umask: files would be 0644 unless made private
    try:
        log = record_crash(RuntimeError("x"), "test")
    finally:
        os.umask(old)
    assert log is not None
    assert mode(tmp_path / "data") == 0o700
    assert mode(log.parent) == 0o700 and mode(log) == 0o600


@posix_only
def test_an_older_database_is_made_private_when_opened(tmp_path: Path) -> None:
    assert (
        run(["demo", "--db", "d.db", "--citizens", "30", "--weeks", "1"], tmp_path).returncode == 0
    )
    for path in (tmp_path / "d.db", tmp_path / "d.db.keys"):
        path.chmod(0o644)
    assert run(["user", "list", "--db", "d.db"], tmp_path).returncode == 0
    assert mode(tmp_path / "d.db") == 0o600
    assert mode(tmp_path / "d.db.keys") == 0o600


def test_stale_backup_temporaries_are_swept_fresh_ones_kept(tmp_path: Path) -> None:
    assert (
        run(["demo", "--db", "d.db", "--citizens", "30", "--weeks", "1"], tmp_path).returncode == 0
    )
    out = tmp_path / "usb"
    out.mkdir()
    old = time.time() - 3 * 3600
    stale = [tmp_path / ".de06bak-abc123.tmp", tmp_path / ".de06bak-abc123.tmp-wal"]
    stale.append(out / "00004_20260101-101010.de06bak.part")
    fresh = [tmp_path / ".de06bak-fresh1.tmp", out / "00004_20991231-000000.de06bak.part"]
    for path in stale + fresh:
        path.write_bytes(b"half a snapshot")
    for path in stale:
        os.utime(path, (old, old))
    proc = run(["backup", "--db", "d.db", "--out", "usb"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [p for p in stale if p.exists()] == []
    assert all(p.exists() for p in fresh)


def test_a_device_clone_is_private_and_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    assert (
        run(["demo", "--db", "d.db", "--citizens", "30", "--weeks", "1"], tmp_path).returncode == 0
    )
    proc = run(["sync", "clone-device", "--db", "d.db", "--out", "nowhere/may2.db"], tmp_path)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "không tồn tại" in proc.stderr
    proc = run(["sync", "clone-device", "--db", "d.db", "--out", "may2.db"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    if os.name == "posix":
        assert mode(tmp_path / "may2.db") == 0o600
        assert mode(tmp_path / "may2.db.keys") == 0o600
