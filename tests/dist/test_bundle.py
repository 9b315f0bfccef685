"""Smoke test of the PyInstaller bundle: the program a commune officer actually installs.

Marked `dist`: a developer's `pytest` skips it (pyproject's addopts say `-m "not dist"`);
CI runs it (`make test` with CI set passes `-m "dist or not dist"`). It builds with
`make dist` unless dist/de06desk/ is newer than every source file (then it reuses it), so a
CI run costs one build (~1 min on 2 cores) plus ~15 s of checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from de06desk import __version__
from de06desk.demo import DEMO_PASSWORD
from installer import bundle_tools

pytestmark = pytest.mark.dist


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built program, built now if missing or older than the sources."""
    bundle_tools.ensure_built()
    exe = bundle_tools.executable()
    assert exe.exists(), f"make dist did not produce {exe}"
    return exe


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private data folder, and the demo log-in for commands that act as a user."""
    return {
        "DE06_DATA_DIR": str(tmp_path / "data"),
        "DE06_USER": "admin",
        "DE06_PASSWORD": DEMO_PASSWORD,
        "QT_QPA_PLATFORM": "offscreen",
    }


@pytest.fixture
def demo_db(bundle: Path, tmp_path: Path, env: dict[str, str]) -> Path:
    """A demo commune made by the frozen program itself."""
    db = tmp_path / "demo.db"
    done = bundle_tools.run(["demo", "--db", str(db), "--citizens", "400", "--weeks", "6"], env)
    assert done.returncode == 0, done.stderr
    assert "admin" in done.stdout
    return db


def test_version(bundle: Path) -> None:
    done = bundle_tools.run(["--version"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"de06desk {__version__}"


def test_bundle_holds_its_resources(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    assert (internal / "forms" / "citizen.toml").exists()
    assert list((internal / "resources" / "fonts").glob("*.ttf"))
    assert (internal / "resources" / "data" / "admin_units_2025.tsv").exists()
    assert (internal / "resources" / "icons" / "de06desk.png").exists()
    # The English interface: compiled by the spec itself, not left to an earlier `make`.
    assert (internal / "resources" / "i18n" / "de06desk_en.qm").stat().st_size > 1000
    # Printing renders the PDF's pages with PDFium (ui.printing).
    assert [p for p in internal.rglob("*pdfium*") if p.suffix in {".dll", ".so", ".dylib"}]
    qt = next(internal.glob("PySide6/**/plugins/platforms"))
    names = {p.name for p in qt.iterdir()}
    assert any("offscreen" in n for n in names) and any("xcb" in n or "windows" in n for n in names)
    assert not any("wayland" in n or "eglfs" in n for n in names)
    assert not list(internal.rglob("*WebEngine*"))


def test_every_command_is_bundled(bundle: Path) -> None:
    """Each registered command (incl. its lazily imported code) answers --help when frozen."""
    from de06desk.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name in commands:
        done = bundle_tools.run([name, "--help"])
        assert done.returncode == 0, f"{name}: {done.stderr}"


def test_demo_database_opens(bundle: Path, demo_db: Path, env: dict[str, str]) -> None:
    done = bundle_tools.run(["user", "list", "--db", str(demo_db)], env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("admin\t")


def test_weekly_pdf(bundle: Path, demo_db: Path, env: dict[str, str], tmp_path: Path) -> None:
    if bundle_tools.run(["report", "--help"]).returncode != 0:
        pytest.skip("no `report` command registered yet")
    pdf = tmp_path / "weekly.pdf"
    done = bundle_tools.run(["report", "weekly", "--db", str(demo_db), "--out", str(pdf)], env)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Tuần" in text  # Vietnamese text came out, so the bundled font was found


def test_gui_starts_offscreen_and_keeps_running(
    bundle: Path, demo_db: Path, env: dict[str, str]
) -> None:
    """The window opens on the demo database without an error; stopped after a few seconds.

    DE06_SMOKE_EXIT_MS asks the app to quit by itself (if the UI supports it, exit 0);
    otherwise it must still be running, silent, when the test stops it.
    """
    gui = bundle_tools.executable(console=False)
    app = subprocess.Popen(
        [str(gui), "--db", str(demo_db)],
        env={**os.environ, **env, "DE06_SMOKE_EXIT_MS": "3000"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        exited = app.wait(timeout=6)
    except subprocess.TimeoutExpired:
        exited = None
        app.terminate()
    out, err = app.communicate(timeout=15)
    if exited is not None:
        assert exited == 0, err
    assert "Traceback" not in err and "Error" not in err, err
    assert "Traceback" not in out


def test_start_up_time(bundle: Path) -> None:
    """Not a benchmark (docs/BENCHMARKS.md has the numbers): catches an absurdly slow start."""
    start = time.perf_counter()
    assert bundle_tools.run(["--version"]).returncode == 0
    assert time.perf_counter() - start < 15
