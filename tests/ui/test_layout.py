"""Every screen fits the usual commune laptop: 1366×768 at 100 % and at Windows' 125 %.

At 125 % the usable area is about 1,093×570 logical pixels (DESIGN.md §7). The window's
minimum size must fit 1,093×600, and at 1,093×570 every button of every screen and tab must
lie inside the window, with no form scrolling sideways.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QTabWidget, QWidget

from de06desk.ui.context import AppContext
from de06desk.ui.main_window import MainWindow
from de06desk.ui.record_screen import RecordScreen

LAPTOP_125 = (1093, 570)  # 1366×768 at 125 %, taskbar off
LAPTOP_100 = (1366, 712)
MINIMUM_LIMIT = (1093, 600)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _inside(widget: QWidget, window: QWidget) -> bool:
    """True when the widget's whole rectangle is on screen within the window."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    return window.rect().contains(rect)


def _in_scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _problems(window: MainWindow) -> list[str]:
    """What does not fit on the screen in view (its current tab)."""
    found: list[str] = []
    screen = window.current_screen()
    for button in screen.findChildren(QAbstractButton):
        if not button.isVisible() or button.width() == 0:
            continue
        area = _in_scroll_area(button)
        if area is not None:
            # Inside a form: scrolling up and down is fine, sideways is not.
            left = button.mapTo(area.viewport(), button.rect().topLeft()).x()
            if left < 0 or left + button.width() > area.viewport().width():
                found.append(f"{button.text()!r} cut at the right of its form")
        elif not _inside(button, window):
            found.append(f"{button.text()!r} outside the window")
    for area in screen.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append("a form scrolls sideways")
        if area.isVisible() and area.widget().minimumSizeHint().width() > area.viewport().width():
            found.append("a form is wider than the room it has")
    return found


def _walk(window: MainWindow, width: int, height: int) -> list[str]:
    window.resize(width, height)
    problems: list[str] = []
    for index, title in enumerate(window.screen_titles()):
        window.show_screen(index)
        screen = window.current_screen()
        if isinstance(screen, RecordScreen) and screen.list.model.rowCount():
            screen.open_record(screen.list.model.row_uuid(0))
        tab_widgets = [t for t in screen.findChildren(QTabWidget) if t.isVisible()]
        tabs = tab_widgets[0] if tab_widgets else None
        for tab in range(tabs.count() if tabs else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            _settle()
            where = title + (f" / {tabs.tabText(tab)}" if tabs else "")
            hint = window.minimumSizeHint()
            if hint.width() > MINIMUM_LIMIT[0] or hint.height() > MINIMUM_LIMIT[1]:
                problems.append(f"{where}: needs {hint.width()}×{hint.height()}")
            problems += [f"{where}: {p}" for p in _problems(window)]
            if tabs is not None and window.size().width() > width:
                problems.append(f"{where}: window grew to {window.width()}")
        if tabs is not None:
            tabs.setCurrentIndex(0)
    return problems


@pytest.mark.parametrize("size", [LAPTOP_125, LAPTOP_100], ids=["125%", "100%"])
def test_every_screen_fits_a_commune_laptop(
    qtbot, ctx: AppContext, settings, size: tuple[int, int]
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    assert _walk(window, *size) == []


def test_record_screens_put_the_form_below_the_list_when_narrow(
    qtbot, ctx: AppContext, settings
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_screen(1)
    splitter = window.current_screen().splitter
    window.resize(*LAPTOP_125)
    _settle()
    assert splitter.orientation().name == "Vertical"
    save = window.current_screen().form.save_button
    assert save.isVisible() and _inside(save, window)
    window.resize(*LAPTOP_100)
    _settle()
    assert splitter.orientation().name == "Horizontal"
    assert save.isVisible() and _inside(save, window)


@pytest.mark.skipif(
    os.environ.get("QT_SCALE_FACTOR") == "1.25", reason="this is the run at 125 % itself"
)
def test_the_same_at_a_real_125_percent_scale_factor(tmp_path: Path) -> None:
    """Qt scaled by 1.25 as Windows does it: the same checks in a fresh process."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.25", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "run"),
            f"{__file__}::test_every_screen_fits_a_commune_laptop",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
