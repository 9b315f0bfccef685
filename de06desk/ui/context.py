"""What every screen gets: the open database, the logged-in user, and app-wide signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from de06desk.actions import Changes, Done, allowed
from de06desk.store import Store
from de06desk.store.users import User

T = TypeVar("T")


class AppSignals(QObject):
    """Signals screens use to keep each other current without knowing each other."""

    # A record of this form id was created, edited or deleted (or "" for "many things").
    # Emitted only by `AppContext.apply`, from what an action says it changed.
    data_changed = Signal(str)
    # Everything an action changed (actions.Changes), for screens that show more than records.
    changed = Signal(object)
    language_changed = Signal(str)
    # At a hub: show the Báo cáo screen on this commune (asked from Các xã).
    report_requested = Signal(str)


@dataclass
class AppContext:
    """Shared state of one running app window.

    `store` belongs to the UI thread; background work opens its own Store on `db_path`
    (a connection is never shared across threads).
    """

    db_path: Path
    store: Store
    user: User
    signals: AppSignals = field(default_factory=AppSignals)

    def open_store(self) -> Store:
        """A connection of its own to this database, for work on another thread."""
        return Store.open(self.db_path, key=self.store.key, forms=self.store.forms)

    def allowed(self, operation: str) -> bool:
        """May the logged-in account do this operation here (actions/roles.py's table)?"""
        return allowed(operation, self.user.role, self.store.role)

    def apply(self, done: Done[T]) -> T:
        """Tell every screen what an action changed (the one place refreshes start); returns
        the action's value."""
        self.announce(done.changes)
        return done.value

    def announce(self, changes: Changes) -> None:
        """Emit the signals for `changes` (used by `apply`)."""
        if changes.empty:
            return
        self.signals.changed.emit(changes)
        if changes.everything:
            self.signals.data_changed.emit("")
            return
        for form_id in sorted(changes.forms):
            self.signals.data_changed.emit(form_id)

    @property
    def can_edit(self) -> bool:
        """Whether records may be entered and edited here (the role table's record.save)."""
        return self.allowed("record.save")
