"""The one atomic write (domain/files.py): whole or not at all, private where asked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from de06desk.domain.files import atomic_write

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")


def test_the_new_content_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_text("old", encoding="utf-8")
    with atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target and tmp.read_bytes() == b""
        tmp.write_text("new", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old"
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_bytes(b"half a rep")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_killed_writer_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "keys.json"
    target.write_text('{"old": true}', encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "from de06desk.domain.files import atomic_write\n"
        "with atomic_write(sys.argv[1]) as tmp:\n"
        "    tmp.write_text('{\"new\": tr', encoding='utf-8')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0
    assert target.read_text(encoding="utf-8") == '{"old": true}'
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "keys.json"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".keys.json.")


def test_a_missing_folder_fails_before_anything_is_written(tmp_path: Path) -> None:
    ran = False
    with pytest.raises(FileNotFoundError), atomic_write(tmp_path / "no" / "x.txt"):
        ran = True
    assert not ran


@posix_only
def test_private_files_are_0600_from_the_start_others_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "backup.de06bak", private=True) as tmp:
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
        with atomic_write(tmp_path / "report.pdf") as tmp:
            tmp.write_bytes(b"%PDF")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "backup.de06bak").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o644


@posix_only
def test_a_leftover_temporary_file_is_replaced_not_reused(tmp_path: Path) -> None:
    # A killed writer's `.part` with a looser mode (or planted by someone else) is removed
    # first; the new one is created fresh, private.
    leftover = tmp_path / "keys.json.part"
    leftover.write_text("stale", encoding="utf-8")
    leftover.chmod(0o666)
    with atomic_write(tmp_path / "keys.json", private=True, temp_name=leftover.name) as tmp:
        assert tmp == leftover and tmp.read_bytes() == b""
        assert stat.S_IMODE(tmp.stat().st_mode) == 0o600
        tmp.write_text("new", encoding="utf-8")
    assert (tmp_path / "keys.json").read_text(encoding="utf-8") == "new"
    assert not leftover.exists()
