"""Đợt kích hoạt: activation drives, each with its roster of citizens."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from de06desk.actions.records import with_roster_totals
from de06desk.store.lists import roster_totals

from ..context import AppContext
from ..record_screen import ListSetup, RecordScreen
from ..roster import COUNT_FIELDS, RosterPanel


class DrivesScreen(RecordScreen):
    """List of drives, the drive form, and the drive's roster in a second tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.roster: RosterPanel | None = None
        super().__init__(
            ctx,
            "activation_drive",
            ListSetup(
                columns=(
                    "held_on",
                    "kind",
                    "village",
                    "place",
                    "officer",
                    "received_count",
                    "approved_count",
                    "activated_count",
                ),
                week_field="held_on",
                filters=("village", "officer", "kind"),
                sort="held_on",
                descending=True,
            ),
            parent,
        )
        self.form.adjust_values = self._with_roster_totals
        self._update_roster_state()

    def build_side(self) -> QWidget:
        """The drive form and its roster, as two tabs."""
        self.tabs = QTabWidget(self)
        self.roster = RosterPanel(self.ctx, self.tabs)
        self.roster.changed.connect(self._roster_changed)
        self.tabs.addTab(self.form, self.tr("Thông tin đợt"))
        self.tabs.addTab(self.roster, self.tr("Danh sách công dân"))
        return self.tabs

    def _with_roster_totals(self, values: dict[str, Any]) -> dict[str, Any]:
        # Shows (and validates) what the save action will store: the roster's totals.
        return with_roster_totals(self.ctx.store, self.form.uuid, values)

    def record_opened(self, uuid: str | None) -> None:
        """Show the roster of the drive just opened or saved."""
        if self.roster is not None:
            self.roster.set_drive(uuid)
        self._update_roster_state()

    def new_record(self) -> None:
        """A new drive: no roster until it is saved."""
        super().new_record()
        self.record_opened(self.form.uuid)

    def record_deleted(self, uuid: str) -> None:
        """The drive shown was deleted: clear the roster."""
        self.record_opened(self.form.uuid)

    def cancel(self) -> None:
        """Esc: forget unsaved edits of the drive."""
        super().cancel()
        self._update_roster_state()

    def _roster_changed(self) -> None:
        if self.form.uuid:
            record = self.ctx.store.get_record("activation_drive", self.form.uuid)
            if record is not None and not self.form.is_dirty:
                self.form.load(record)
        self._update_roster_state()
        self.list.refresh()

    def _update_roster_state(self) -> None:
        uuid = self.form.uuid
        totals = roster_totals(self.ctx.store, uuid) if uuid else None
        if totals and totals.rows:
            self.form.lock_fields(
                COUNT_FIELDS,
                self.tr("Tính tự động từ danh sách công dân của đợt ({n} người).").replace(
                    "{n}", str(totals.rows)
                ),
            )
            self.form.set_values(totals.as_values())
            self.tabs.setTabText(
                1, self.tr("Danh sách công dân ({n})").replace("{n}", str(totals.rows))
            )
        else:
            self.form.lock_fields(())
            self.tabs.setTabText(1, self.tr("Danh sách công dân"))
