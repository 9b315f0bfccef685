"""The installed PySide6 keeps Python's reference counts straight.

PySide6 6.12.0 returns None and True without taking a reference: every processEvents() or
parent() of an orphan drops one reference to None, every Signal.emit() one to True. After a
few thousand calls (a settle loop of processEvents while a background task runs, or an
afternoon of signals) the interpreter frees None or True and aborts: "Fatal Python error:
none_dealloc" (docs/screenshots/make_screenshots.py, 2 runs in 3) or "bool_dealloc". The
probe runs in a child process so a broken build cannot abort this test session.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

from de06desk.ui.tasks import run_task

app = QCoreApplication([])
# Spare references: a broken build then reports its counts instead of aborting midway.
SPARE = [None, True, False] * 100_000
N = 2000


class Sender(QObject):
    fired = Signal(object)


sender = Sender()
sender.fired.connect(lambda value: None)
orphan = QObject()


def counts():
    return [sys.getrefcount(x) for x in (None, True, False)]


def drift(call, n=N):
    call()
    before = counts()
    for _ in range(n):
        call()
    return [after - b for after, b in zip(counts(), before)]


def task_round_trip():
    task = run_task(None, "", lambda progress, cancelled: None, lambda result: None,
                    show_progress=False)
    task.worker.wait()
    app.processEvents()


print("processEvents", *drift(app.processEvents))
print("parent", *drift(orphan.parent))
print("emit", *drift(lambda: sender.fired.emit(None)))
print("run_task", *drift(task_round_trip, n=200))
"""


def test_qt_calls_do_not_drop_references_to_none_or_booleans() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr[-2000:]
    drops = {}
    for line in out.stdout.splitlines():
        name, *deltas = line.split()
        calls = 200 if name == "run_task" else 2000
        # A sound build moves a count by a handful (caches warming); a broken one by one per call.
        drops[name] = [int(d) for d in deltas if int(d) < -calls // 10]
    assert set(drops) == {"processEvents", "parent", "emit", "run_task"}, out.stdout
    assert drops == {"processEvents": [], "parent": [], "emit": [], "run_task": []}, out.stdout
