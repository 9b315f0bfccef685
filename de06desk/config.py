"""Where things live: user data, the default database, and bundled resources.

One place for paths, so tests (and `--db`) can point everything elsewhere, and so a
PyInstaller bundle finds its resources the same way a source checkout does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "de06desk"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource (`resources/…`), frozen or not."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def forms_dir() -> Path:
    """Folder holding the form definitions (`forms/*.toml`)."""
    override = os.environ.get("DE06_FORMS_DIR")
    if override:
        return Path(override)
    bundle_root = getattr(sys, "_MEIPASS", None)
    root = Path(bundle_root) if bundle_root else Path(__file__).resolve().parent.parent
    return root / "forms"


def data_dir() -> Path:
    """Per-user data folder (databases, backups, logs); `DE06_DATA_DIR` overrides it."""
    override = os.environ.get("DE06_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The database used when no `--db` is given."""
    return data_dir() / "de06desk.db"
