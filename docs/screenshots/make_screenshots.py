"""Regenerate the screenshots in docs/screenshots/ from a fresh demo database.

Run under a real (virtual) X display so fonts and styles are those of a desktop:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_screenshots.py

and again as on a laptop at Windows' 125 % scaling (files named *-125.png):

    QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python docs/screenshots/make_screenshots.py

The window fills a 1366×768 screen less a 56-pixel taskbar: 1366×712 pixels, which is
1,093×570 logical pixels at 125 %.

Nothing outside a temporary folder is touched (data folder and settings included).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREENS = [
    "overview",
    "drives",
    "citizens",
    "cleanup",
    "support",
    "reports",
    "sync",
    "settings",
]


HUB_SCREENS = [
    "overview",
    "communes",
    "receive",
    "send-down",
    "send-up",
    "reminders",
    "reports",
    "settings",
]


def hub_screenshots(work: Path, size: object, shot: object, settle: object) -> None:
    """A Hà Nội province hub that received full packages from two demo communes and reports
    to a national hub: each of its screens (files hub-NN-name.png)."""
    from PySide6.QtCore import QSettings

    from de06desk.demo import make_demo
    from de06desk.store import Store
    from de06desk.store.users import User
    from de06desk.sync import (
        export_package,
        import_packages,
        init_hub,
        public_key_file,
        set_hub,
        trust_commune,
    )
    from de06desk.sync.hub import HUB_PROVINCE
    from de06desk.ui.context import AppContext
    from de06desk.ui.main_window import MainWindow

    hub = init_hub(work / "hub.db", unit_code="001", name="Công an Thành phố Hà Nội")
    with hub.transaction():
        hub.set_meta(HUB_PROVINCE, "001")
    for seed, code in ((6, "00004"), (8, "00008")):
        path = work / f"c{code}.db"
        make_demo(path, seed=seed, weeks=6, citizens=400, commune_code=code)
        with Store.open(path) as commune:
            set_hub(commune, public_key_file(hub), user="admin")
            trust_commune(hub, public_key_file(commune), user="admin")
            export_package(commune, work / "usb", full=True)
    import_packages(hub, sorted((work / "usb").glob("*.de06sync")))
    with init_hub(work / "upper.db", unit_code="VN06", name="Ban Chỉ đạo Đề án 06") as upper:
        set_hub(hub, public_key_file(upper), user="admin")
    ctx = AppContext(hub.path, hub, User("tinh", "Cán bộ tỉnh", "admin", True))
    window = MainWindow(ctx, QSettings(str(work / "hub.ini"), QSettings.Format.IniFormat))
    window.resize(size)
    window.show()
    for index, name in enumerate(HUB_SCREENS):
        window.show_screen(index)
        screen = window.current_screen()
        if name == "receive":
            screen.import_folder(work / "usb")
        if name == "send-up":
            screen.write_to(work / "up")
        settle()
        if name == "communes":
            screen.select("00004")
        settle()
        shot(window, f"hub-{index + 1:02d}-{name}")
    window.close()


def main() -> int:
    """Make the demo, open each screen, save a PNG of it."""
    work = Path(tempfile.mkdtemp(prefix="de06shots-"))
    os.environ["DE06_DATA_DIR"] = str(work)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from de06desk.demo import DEMO_PASSWORD, DEMO_USER, make_demo
    from de06desk.store import Store
    from de06desk.store.users import authenticate
    from de06desk.ui import tasks
    from de06desk.ui.app import create_app
    from de06desk.ui.context import AppContext
    from de06desk.ui.i18n import apply_language
    from de06desk.ui.login import LoginDialog
    from de06desk.ui.main_window import MainWindow
    from de06desk.ui.wizard import SetupWizard

    app = create_app()
    lang = sys.argv[1] if len(sys.argv) > 1 else "vi"
    apply_language(lang)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    suffix = ("" if lang == "vi" else f"-{lang}") + ("" if scale == 1 else f"-{round(scale * 100)}")

    def shot(widget: QWidget, name: str) -> None:
        # 256 colours keep each PNG well under 200 KB; UI screenshots lose nothing visible.
        image = (
            widget.grab()
            .toImage()
            .convertToFormat(
                QImage.Format.Format_Indexed8,
                Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
            )
        )
        image.save(str(HERE / f"{name}{suffix}.png"), "PNG", 0)  # 0: smallest file

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        # Background work (the overview's summary, the list's index read) finishes first.
        while tasks._running and any(t.worker.isRunning() for t in tasks._running):
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    wizard = SetupWizard()
    wizard.resize(820, 600)
    wizard.show()
    settle()
    shot(wizard, "00-wizard-welcome")
    wizard.next()
    wizard.commune_page.search.setText("ta van")
    settle()
    shot(wizard, "00-wizard-commune")
    wizard.close()
    wizard = SetupWizard()
    wizard.resize(820, 600)
    wizard.show()
    wizard.welcome_page.hub_mode.setChecked(True)
    wizard.next()
    settle()
    shot(wizard, "00-wizard-hub")
    wizard.close()

    db = work / "demo.db"
    make_demo(db, seed=6, weeks=12, citizens=1500)
    store = Store.open(db)
    login = LoginDialog(store, f"Dữ liệu mẫu: {DEMO_USER} / {DEMO_PASSWORD}", username=DEMO_USER)
    login.show()
    settle()
    shot(login, "00-login")
    login.close()
    ctx = AppContext(db, store, authenticate(store, DEMO_USER, DEMO_PASSWORD))
    window = MainWindow(ctx, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(round(1366 / scale), round(712 / scale))
    window.show()
    for index, name in enumerate(SCREENS):
        window.show_screen(index)
        screen = window.current_screen()
        uuid_list = getattr(screen, "list", None)
        if name == "drives" and uuid_list is not None and uuid_list.model.rowCount():
            screen.open_record(uuid_list.model.row_uuid(0))
        settle()
        shot(window, f"{index + 1:02d}-{name}")
    hub_screenshots(work, window.size(), shot, settle)
    if lang == "vi":
        window.show_screen(2)
        window.current_screen().tabs.setCurrentIndex(1)
        settle()
        shot(window, "03b-follow-up")
        window.current_screen().tabs.setCurrentIndex(0)
        citizens = window.current_screen().citizens.list
        citizens.search.setText("th v")  # two short words: each matches a word's start
        citizens.apply_filters()
        settle()
        shot(window, "03c-search")
    window.close()
    tasks.stop_running_tasks()  # no background count or index read outlives the script
    store.close()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
