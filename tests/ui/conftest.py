"""GUI test fixtures: a logged-in context on the demo database, isolated settings, translations."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from de06desk.config import resource_path
from de06desk.demo import DEMO_PASSWORD
from de06desk.domain.i18n import set_language
from de06desk.store import Store
from de06desk.store.users import authenticate
from de06desk.ui import i18n
from de06desk.ui.context import AppContext
from de06desk.ui.tasks import stop_running_tasks


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English .qm compiled from the .ts now (the .qm files are not committed)."""
    folder = tmp_path_factory.mktemp("qm")
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    subprocess.run(
        [
            lrelease,
            "-silent",
            str(resource_path("i18n", "de06desk_en.ts")),
            "-qm",
            str(folder / "de06desk_en.qm"),
        ],
        check=True,
    )
    return folder


@pytest.fixture(autouse=True)
def _vietnamese(
    qapp, compiled_translations: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Every GUI test starts (and leaves the process) in Vietnamese."""
    monkeypatch.setattr(i18n, "qm_dir_override", compiled_translations)
    i18n.apply_language("vi")
    yield
    i18n.apply_language("vi")
    set_language("vi")


@pytest.fixture(autouse=True)
def _no_task_outlives_its_test() -> Iterator[None]:
    """Background work (the dashboard's summary, exports) ends before the test's files go."""
    yield
    stop_running_tasks()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a private file."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(demo_path: Path) -> Iterator[AppContext]:
    """The demo database, logged in as its administrator."""
    store = Store.open(demo_path)
    user = authenticate(store, "admin", DEMO_PASSWORD)
    yield AppContext(demo_path, store, user)
    stop_running_tasks()  # before the close: a result on its way is dropped, not delivered
    store.close()


@pytest.fixture
def empty_ctx(store: Store) -> Iterator[AppContext]:
    """A fresh database with one village and one officer, logged in as an administrator."""
    from de06desk.store.users import create_user

    create_user(store, "admin", "secret-pw", role="admin", display_name="Admin", by="test")
    store.save_record("village", {"name": "Thôn Đông"}, user="admin")
    store.save_record("officer", {"full_name": "Lò Văn Sử"}, user="admin")
    yield AppContext(store.path, store, authenticate(store, "admin", "secret-pw"))
    stop_running_tasks()  # before the store fixture closes it
