"""How long work reports progress and learns it was cancelled, without knowing about Qt."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """Raised by long work that noticed the user pressed Cancel; nothing was changed."""


def no_progress(fraction: float, text: str = "") -> None:
    """A progress callback that ignores reports (for scripts and tests)."""


def never_cancelled() -> bool:
    """A cancel check for work nobody can cancel."""
    return False
