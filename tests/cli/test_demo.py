"""The command line and the demo commune."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from de06desk import __version__
from de06desk.cli import build_parser, main
from de06desk.demo import DEMO_PASSWORD, make_demo
from de06desk.store import Store, StoreError
from de06desk.store.users import log_in
from tests.conftest import DEMO_TODAY


def _content(path: Path) -> dict[str, list[tuple]]:
    store = Store.open(path)
    try:
        return {
            form.id: sorted(
                (r.uuid, r.deleted, tuple(sorted((k, str(v)) for k, v in r.values.items())))
                for r in store.list_records(form.id, include_deleted=True)
            )
            for form in store.forms
        }
    finally:
        store.close()


def test_demo_is_deterministic_and_covers_everything(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    for path, seed in ((a, 3), (b, 3), (c, 4)):
        make_demo(path, seed=seed, weeks=4, citizens=200, commune_code="00004", today=DEMO_TODAY)
    assert _content(a) == _content(b)
    assert _content(a) != _content(c)
    store = Store.open(a)
    statuses = {r["status"] for r in store.list_records("cleanup_case")}
    assert statuses == {"open", "verified", "corrected", "rejected"}
    roster = {r["status"] for r in store.list_records("drive_roster")}
    assert {"received", "approved", "activated"} <= roster
    assert store.count_records("citizen", include_deleted=True) == 200
    assert store.count_records("citizen") < 200  # a few tombstones
    assert store.count_records("commune") == 1
    store.close()


def test_version_and_help_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help for a in action._choices_actions}
                for name, sub in action.choices.items():
                    assert helps.get(name), f"'{path} {name}' has no help text"
                    walk(sub, f"{path} {name}")
            elif action.option_strings and action.dest != "help":
                assert action.help, f"{path} {action.option_strings} has no help text"

    walk(build_parser(), "de06desk")


def test_init_creates_a_commune_with_an_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DE06_USER", "chi")
    monkeypatch.setenv("DE06_PASSWORD", "mat-khau-06")
    db = tmp_path / "x.db"
    assert main(["init", "--db", str(db), "--commune", "03037"]) == 0
    assert "MÃ KHÔI PHỤC" in capsys.readouterr().out
    with pytest.raises(StoreError):
        Store.open(db)  # encrypted: not without a log-in
    store, user = log_in(db, "chi", "mat-khau-06")
    assert user.role == "admin"
    profile = store.list_records("commune")[0]
    assert profile["commune_code"] == "03037"
    assert store.unit_code == "03037"
    store.close()


def test_init_with_unknown_commune_is_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = subprocess.run(
        [sys.executable, "-m", "de06desk", "init", "--db", str(db), "--commune", "99999"],
        capture_output=True,
        text=True,
        env={"DE06_USER": "a", "DE06_PASSWORD": "bbbb", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "99999" in result.stderr
    assert not db.exists()


def test_init_without_credentials_and_no_terminal_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = subprocess.run(
        [sys.executable, "-m", "de06desk", "init", "--db", str(db), "--commune", "00004"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "DE06_USER" in result.stderr
    assert not db.exists()


def test_demo_command_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.db"
    assert main(["demo", "--db", str(db), "--citizens", "50", "--weeks", "2", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "admin" in out and DEMO_PASSWORD in out
    assert main(["demo", "--db", str(db), "--citizens", "50", "--weeks", "2"]) == 1
    assert "đã tồn tại" in capsys.readouterr().err
