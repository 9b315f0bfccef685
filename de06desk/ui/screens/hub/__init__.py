"""The hub operator's desk: Các xã, Nhận gói, Gửi xuống, Gửi lên and Nhắc việc.

A hub (district or province police office) receives the communes' USB packages, follows who
reported and who is behind, sets targets and writes packages back down, and sends the weekly
figures per commune (no personal data) up to its own upper hub. Every figure comes
from the hub summary and `reports.communes` (what `hub status` prints); every change goes
through `actions.sync`, as the command line's does.
"""

from __future__ import annotations

from .common import HubWords
from .communes import CommuneRecordsDialog, CommunesScreen
from .receive import ReceiveScreen
from .reminders import RemindersScreen
from .send_down import SendDownScreen
from .send_up import SendUpScreen

__all__ = [
    "CommuneRecordsDialog",
    "CommunesScreen",
    "HubWords",
    "ReceiveScreen",
    "RemindersScreen",
    "SendDownScreen",
    "SendUpScreen",
]
