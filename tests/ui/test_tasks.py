"""Background tasks (ui/tasks.py): what happens to a result when the window goes away."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QWidget

from de06desk.ui.tasks import run_task, stop_running_tasks


def test_a_result_on_its_way_is_dropped_once_tasks_are_stopped(qtbot) -> None:
    """Closing the window closes the database: a summary that finished a moment before must
    not reach its screen (it read the closed database: a teardown error in the suite)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[object] = []
    finished = threading.Event()

    def work(progress, cancelled) -> str:
        finished.set()
        return "figures"

    task = run_task(parent, "t", work, done.append, show_progress=False)
    assert finished.wait(5)
    task.worker.wait()  # the result is now a queued signal, not yet delivered
    stop_running_tasks()
    QApplication.processEvents()
    assert done == []


def test_a_result_is_delivered_while_the_window_lives(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[object] = []
    task = run_task(parent, "t", lambda progress, cancelled: 42, done.append, show_progress=False)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)
    assert not task.stopped
