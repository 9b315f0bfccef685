"""Find, build and measure the PyInstaller bundle (dist/de06desk/); used by tests/dist.

    .venv/bin/python installer/bundle_tools.py          # build if stale, then print measurements

prints the bundle size, the time to `de06desk --version`, and the time from launch to the first
window shown (under a private Xvfb, when Xvfb and xwininfo are installed), as Markdown lines
for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "de06desk"
# What a bundle is made of: if any of these is newer than the bundle, it is stale.
SOURCES = ["de06desk", "forms", "resources", "installer", "pyproject.toml"]


def executable(console: bool = True) -> Path:
    """The built program (on Windows the console one for the CLI, or the windowed one)."""
    if sys.platform == "win32":
        return DIST / ("de06desk-cli.exe" if console else "de06desk.exe")
    return DIST / "de06desk"


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                newest = max(newest, f.stat().st_mtime)
    return newest


def is_fresh() -> bool:
    """True when the bundle exists and is newer than every file it is built from."""
    exe = executable()
    return exe.exists() and exe.stat().st_mtime >= _newest_source()


def build() -> float:
    """`make dist` (where there is no make, e.g. Windows: the pyinstaller line of it); seconds."""
    start = time.perf_counter()
    if shutil.which("make"):
        command = ["make", "dist"]
    else:
        command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
        command += ["--distpath", "dist", "--workpath", "build", "installer/de06desk.spec"]
    subprocess.run(command, cwd=ROOT, check=True, timeout=1800)
    return time.perf_counter() - start


def ensure_built() -> float | None:
    """Build unless a fresh bundle is there; the build time, or None when reused."""
    return None if is_fresh() else build()


def bundle_size() -> int:
    """Bytes on disk of dist/de06desk/ (symlinks not followed)."""
    return sum(f.lstat().st_size for f in DIST.rglob("*") if f.is_file() and not f.is_symlink())


def run(args: list[str], env: dict[str, str] | None = None, timeout: float = 300):
    """Run the built program; the completed process (text output)."""
    return subprocess.run(
        [str(executable()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def version_seconds(repeat: int = 5) -> float:
    """Median wall time of `de06desk --version` (the first, cold run included)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(["--version"]).check_returncode()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb server; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start")
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _viewable_window(display: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env
    ).stdout
    for line in tree.splitlines():
        parts = line.split()
        if not parts or not parts[0].startswith("0x"):
            continue
        info = subprocess.run(
            ["xwininfo", "-id", parts[0]], capture_output=True, text=True, env=env
        ).stdout
        if "IsViewable" in info:
            return True
    return False


def first_window_seconds(db: Path, data_dir: Path, timeout: float = 60) -> float:
    """Seconds from launching the GUI on `db` to its first window being shown (Xvfb)."""
    with xvfb() as display, tempfile.TemporaryFile() as log:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "DE06_DATA_DIR": str(data_dir),
        }
        start = time.perf_counter()
        app = subprocess.Popen(
            [str(executable(console=False)), "--db", str(db)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            while time.perf_counter() - start < timeout:
                if app.poll() is not None:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"the app exited with {app.returncode}: {tail}")
                if _viewable_window(display):
                    return time.perf_counter() - start
                time.sleep(0.02)
            raise TimeoutError("no window within the timeout")
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()


def main() -> None:
    built = ensure_built()
    if built is not None:
        print(f"- build (`make dist`, including `make setup` checks): {built:.0f} s")
    print(f"- bundle size (dist/de06desk/): {bundle_size() / 1e6:.0f} MB")
    print(f"- `de06desk --version`, median of 5: {version_seconds():.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        db, data = Path(tmp) / "demo.db", Path(tmp) / "data"
        start = time.perf_counter()
        run(["demo", "--db", str(db)], env={"DE06_DATA_DIR": str(data)}).check_returncode()
        print(f"- `de06desk demo` (default size): {time.perf_counter() - start:.1f} s")
        try:
            window = first_window_seconds(db, data)
        except (OSError, RuntimeError, TimeoutError) as exc:
            print(f"- first window: not measured ({exc})")
        else:
            print(f"- launch to first window shown (Xvfb, demo database): {window:.2f} s")


if __name__ == "__main__":
    main()
