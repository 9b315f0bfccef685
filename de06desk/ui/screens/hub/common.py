"""What the hub screens share: the words for a commune's state, tables, dates."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from de06desk.actions import sync as act
from de06desk.domain.weeks import format_date
from de06desk.reports.communes import CommuneRow
from de06desk.reports.formats import format_int, format_pct
from de06desk.store import Store
from de06desk.sync import PublicKeyFile
from de06desk.sync.hub import hub_province

from ... import printing

PACKAGE_GLOB = "*.de06sync"


def cell(text: Any, *, number: bool = False) -> QTableWidgetItem:
    """A read-only table cell (numbers aligned right)."""
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def read_only_table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    """A row-selecting, read-only table with these column headers."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def day_text(timestamp: str | None) -> str:
    """An ISO timestamp as the local day, "02/12/2026" (blank for none)."""
    if not timestamp:
        return ""
    try:
        return format_date(datetime.fromisoformat(timestamp).astimezone().date())
    except ValueError:
        return timestamp[:10]


def missing_text(row: CommuneRow) -> str:
    """The sequence numbers not received, "3, 5; 2" (devices separated by semicolons)."""
    return "; ".join(", ".join(str(n) for n in seqs) for seqs in row.missing.values())


class HubWords(QWidget):
    """The words the hub screens (and the wizard's hub set-up) share: one translation context."""

    def silence(self, row: CommuneRow) -> str:
        """ "Chưa đăng ký", "Chưa gửi gói nào", "Im lặng 3 tuần", "Đã gửi tuần này"…"""
        if not row.registered:
            return self.tr("Chưa đăng ký khóa")
        if row.weeks_silent is None:
            return self.tr("Chưa gửi gói nào")
        if row.sent_this_week:
            return self.tr("Đã gửi tuần này")
        if row.weeks_silent == 0:
            return self.tr("Chưa gửi tuần này")
        return self.tr("Im lặng {n} tuần").replace("{n}", str(row.weeks_silent))

    def progress(self, row: CommuneRow) -> str:
        """ "412 / 800 (51,5%)", or the count alone without a target."""
        share = row.share
        if not row.target or share is None:
            return format_int(row.activated_total)
        return f"{format_int(row.activated_total)} / {format_int(row.target)} ({format_pct(share)})"

    def audit_state(self, row: CommuneRow) -> str:
        """The audit-chain status of the commune's packages."""
        if row.audit_flagged:
            return self.tr("CẢNH BÁO: nhật ký bị viết lại")
        if row.status is not None and row.status.audit_head is not None:
            return self.tr("Khớp")
        return "–"

    def fingerprint_sheet(
        self,
        code: str,
        name: str,
        fingerprint: str,
        communes: Sequence[tuple[str, str, str]],
        *,
        blank_rows: int = 0,
    ) -> str:
        """The printable fingerprint sheet (HTML): the hub's fingerprint, then the communes'
        (and blank rows to fill in by hand as communes register)."""
        title = self.tr("Phiếu vân tay khóa đồng bộ")
        hub_line = self.tr("Vân tay cấp trên: {fp}").replace("{fp}", fingerprint)
        how = self.tr(
            "Khi nhận tệp khóa, hai bên đọc vân tay cho nhau qua điện thoại và so với phiếu này."
        )
        headers = [self.tr("Mã xã"), self.tr("Tên xã, phường"), self.tr("Vân tay đã đăng ký")]
        rows = [list(c) for c in communes] + [["", "", ""]] * blank_rows
        printed = self.tr("In ngày {d}").replace("{d}", format_date(date.today()))
        return (
            f"<h2>{html.escape(title)}</h2>"
            f"<p><b>{html.escape(name)}</b> ({html.escape(code)})"
            f"<br/><b>{html.escape(hub_line)}</b></p><p>{html.escape(how)}</p>"
            + printing.html_table(headers, rows)
            + f"<p>{html.escape(printed)}</p>"
        )

    def trust_question(self, store: Store, key: PublicKeyFile) -> str:
        """What registering `key` asks: its unit and fingerprint, that it is a hub below this
        one if so, and the key it would replace (both fingerprints) or that the commune lies
        outside the hub's province."""
        text = self.tr("Đơn vị: {c} {n}\nVân tay: {fp}").format(
            c=key.unit_code, n=key.unit_name, fp=key.fingerprint
        )
        if key.role == "hub":
            text += "\n\n" + self.tr(
                "Đây là khóa của một đơn vị tổng hợp cấp dưới (ví dụ một huyện): đơn vị này sẽ "
                "nhận gói số liệu tổng hợp của đơn vị đó."
            )
        replaced, outside = act.trust_problems(store, key)
        if replaced is not None:
            text += "\n\n" + self.tr(
                "CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.\n"
                "Vân tay cũ: {old}\nVân tay mới: {new}\n"
                "Chỉ thay khi đã gọi điện cho xã và xã đọc đúng vân tay mới."
            ).format(old=replaced.fingerprint, new=key.fingerprint)
        if outside:
            province = hub_province(store)
            text += "\n\n" + self.tr("CẢNH BÁO: {c} không thuộc {p}.").format(
                c=key.unit_code, p=province.name if province else ""
            )
        return text + "\n\n" + self.tr("Vân tay có khớp với xã đọc cho bạn qua điện thoại không?")
