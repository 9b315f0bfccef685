"""The hub operator's desk: Các xã, Nhận gói, Gửi xuống and Nhắc việc.

A hub (district or province police office) receives the communes' USB packages, follows who
reported and who is behind, sets targets and writes packages back down. Every figure comes
from the hub summary and `reports.communes` (what `hub status` prints); every change goes
through `actions.sync`, as the command line's does.
"""

from __future__ import annotations

from .common import HubWords
from .communes import CommuneRecordsDialog, CommunesScreen
from .receive import ReceiveScreen
from .reminders import RemindersScreen
from .send_down import SendDownScreen

__all__ = [
    "CommuneRecordsDialog",
    "CommunesScreen",
    "HubWords",
    "ReceiveScreen",
    "RemindersScreen",
    "SendDownScreen",
]
