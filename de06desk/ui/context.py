"""What every screen gets: the open database, the logged-in user, and app-wide signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from de06desk.store import Store
from de06desk.store.users import User


class AppSignals(QObject):
    """Signals screens use to keep each other current without knowing each other."""

    # A record of this form id was created, edited or deleted (or "" for "many things").
    data_changed = Signal(str)
    language_changed = Signal(str)


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

    @property
    def can_edit(self) -> bool:
        """Officers and administrators enter and edit records; viewers only read and print."""
        return self.user.role in ("admin", "officer")

    @property
    def is_admin(self) -> bool:
        """Administrators manage users, settings, keys and restores."""
        return self.user.role == "admin"
