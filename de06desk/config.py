"""Where things live: user data, the default database, and bundled resources.

One place for paths, so tests (and `--db`) can point everything elsewhere, and so a
PyInstaller bundle finds its resources the same way a source checkout does.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import platformdirs

APP_NAME = "de06desk"
# The database, its keyring, backups and logs hold (or protect) personal data: on a shared
# POSIX machine only their owner may read them. Windows ignores these bits (the user's
# profile folder is already private there).
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_folder(path: Path) -> Path:
    """Create `path` (and parents) if needed; a folder created here is owner-only."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    return path


def make_private(path: Path) -> None:
    """Take group and other permissions off an existing file (POSIX; best effort)."""
    if os.name != "posix":
        return
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            path.chmod(current & 0o700)
    except OSError:
        pass  # not ours, or gone: opening it will say what matters


def create_private(path: Path) -> None:
    """Create `path` empty and owner-only if it is absent (before SQLite or a writer opens
    it, so the file is never readable by others even for a moment); tighten it if present."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    except OSError:
        return  # the writer that follows reports the real problem
    make_private(path)


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource (`resources/…`), frozen or not."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def forms_dir() -> Path:
    """Folder holding the form definitions (`forms/*.toml`): `DE06_FORMS_DIR` if set, else the
    forms a hub sent (installed in the user's data folder, docs/SYNC.md §11) once there are
    any, else the program's own."""
    override = os.environ.get("DE06_FORMS_DIR")
    if override:
        return Path(override)
    installed, program = installed_forms_dir(), program_forms_dir()
    versions = _form_versions(installed)
    # An update of the program may bring newer forms than the set installed from above: then
    # the program's are used until the hub publishes versions at least as new.
    if versions and all(versions.get(n, 0) >= v for n, v in _form_versions(program).items()):
        return installed
    return program


_VERSION_LINE = re.compile(r"^version\s*=\s*(\d+)\s*$", re.MULTILINE)


def _form_versions(folder: Path) -> dict[str, int]:
    """File name → the first `version = N` line of each form file (0 if none or unreadable)."""
    out: dict[str, int] = {}
    for path in folder.glob("*.toml"):
        try:
            found = _VERSION_LINE.search(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            found = None
        out[path.name] = int(found.group(1)) if found else 0
    return out


def installed_forms_dir() -> Path:
    """Where forms sent down by a hub (or published at a hub) are installed: `forms/` in the
    data folder, not the program folder (which an update replaces and a user may not write)."""
    override = os.environ.get("DE06_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    return base / "forms"


def program_forms_dir() -> Path:
    """The forms shipped with the program."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root / "forms"


def data_dir() -> Path:
    """Per-user data folder (databases, backups, logs); `DE06_DATA_DIR` overrides it."""
    override = os.environ.get("DE06_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    return private_folder(path)


def default_db_path() -> Path:
    """The database used when no `--db` is given."""
    return data_dir() / "de06desk.db"
