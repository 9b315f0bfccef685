"""Long work off the UI thread: one helper, with progress, Cancel, and results on the UI thread.

Shaped like Anki's QueryOp: `run_task(parent, title, work, on_done)`. `work(progress, cancelled)`
runs on a worker thread; it reports with `progress(fraction, text)` and should stop early
when `cancelled()` is true (raising `Cancelled`). The result or a readable error comes back
on the UI thread. Work that touches the database must open its own Store there.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from de06desk.domain.i18n import DomainError
from de06desk.domain.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Worker(QThread):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress, Callable[[], bool]], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _report(self, fraction: float, text: str = "") -> None:
        self.progressed.emit(float(fraction), text)

    def run(self) -> None:
        try:
            result = self._work(self._report, lambda: self._cancel)
        except BaseException as exc:  # delivered to the UI thread, never lost in a thread
            if not isinstance(exc, DomainError | Cancelled):
                log.error("background task failed:\n%s", traceback.format_exc())
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """A running background job; keep a reference until it finishes (run_task does)."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        work: Callable[[Progress, Callable[[], bool]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        # Set by stop_running_tasks: the database the callbacks would read is being closed.
        self.stopped = False
        self.worker = _Worker(work)
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(title, self.tr("Hủy"), 0, 1000, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.worker.cancel)
            self.dialog.destroyed.connect(self._forget_dialog)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self.finished)

    def start(self) -> None:
        """Start the work on its thread."""
        self.worker.start()

    def cancel(self) -> None:
        """Ask the work to stop."""
        self.worker.cancel()

    def _live_dialog(self) -> QProgressDialog | None:
        # The screen that owns the dialog may be destroyed while the work runs (window closed,
        # language switched); late progress must not touch the deleted dialog.
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            return self.dialog
        return None

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _progress(self, fraction: float, text: str) -> None:
        if text and (dialog := self._live_dialog()) is not None:
            dialog.setLabelText(text)
        # Last: a modal dialog's setValue runs the event loop, which may delete the dialog.
        if (dialog := self._live_dialog()) is not None:
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def _close_dialog(self) -> None:
        if (dialog := self._live_dialog()) is not None:
            dialog.close()

    def _succeeded(self, result: Any) -> None:
        self.worker.wait()
        self._close_dialog()
        if not self.stopped:
            self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.worker.wait()
        self._close_dialog()
        if self.stopped:
            return
        if self._on_error is not None:
            self._on_error(exc)
        elif isinstance(exc, Cancelled):
            return
        else:
            show_error(self._parent, exc)


def run_task(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress, Callable[[], bool]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    show_progress: bool = True,
) -> Task:
    """Run `work` in the background with a progress dialog; `on_done(result)` on the UI thread."""
    task = Task(parent, title, work, on_done, on_error, show_progress)
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    task.start()
    return task


_running: set[Task] = set()


def stop_running_tasks() -> None:
    """Cancel every background task and wait for it to end (at quit).

    Qt aborts the whole process when a thread is still running as the interpreter destroys
    its QThread, e.g. the window closed while the dashboard was still counting.
    """
    for task in list(_running):
        # A result already on its way (a queued signal) must not reach a screen whose
        # database is closing: its callback is dropped.
        task.stopped = True
        task.cancel()
        task.worker.wait()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A readable error box: domain errors as written, anything else as a short message."""
    if isinstance(exc, DomainError):
        text = str(exc)
    else:
        text = QCoreApplication.translate(
            "Tasks",
            "Đã xảy ra lỗi không mong muốn; dữ liệu đã lưu không bị ảnh hưởng.\nChi tiết: {e}",
        ).replace("{e}", f"{type(exc).__name__}: {exc}")
    QMessageBox.warning(parent, "de06desk", text)
