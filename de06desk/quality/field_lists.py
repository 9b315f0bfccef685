"""Follow-up lists for field work in one village, as a printable PDF sheet or an Excel file.

The list holds citizens whose e-ID account is approved but not activated, and open cleanup
cases. It contains personal data (names, ID numbers, phones), so the caller passes the user
explicitly and every export is written to the audit log as `export_personal` — with what was
exported (village, counts, format), never the data itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from de06desk import workbook
from de06desk.config import resource_path
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.weeks import format_date
from de06desk.store import Store
from de06desk.store import quality_queries as q

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate

HEADERS = (
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Số định danh",
    "Số điện thoại",
    "Trạng thái",
    "Lý do / nội dung cần xử lý",
    "Ghi chú",
)


@dataclass(frozen=True)
class FollowupRow:
    """One line of the follow-up sheet."""

    name: str
    birth_year: int | None
    id_number: str
    phone: str
    status: str
    reason: str


@dataclass(frozen=True)
class FollowupExport:
    """What was written: where, how many lines of each kind."""

    path: Path
    village_name: str
    approved_not_activated: int
    open_cases: int

    @property
    def rows(self) -> int:
        """Lines on the sheet."""
        return self.approved_not_activated + self.open_cases


def _year(birth_date: date | None, birth_year: int | None) -> int | None:
    return birth_date.year if birth_date else birth_year


def followup_rows(store: Store, village_uuid: str) -> list[FollowupRow]:
    """The village's follow-up lines: approved-not-activated accounts, then open cases."""
    roster_form = store.form("drive_roster")
    case_form = store.form("cleanup_case")
    status_spec = roster_form.field("status")
    reason_spec = roster_form.field("failure_reason")
    case_status = case_form.field("status")
    rows: list[FollowupRow] = []
    for r in q.followup_roster(store, village_uuid):
        reason = reason_spec.choice_label(r.failure_reason, "vi") or "Chưa rõ lý do"
        if r.approved_on:
            reason += f" (phê duyệt {format_date(r.approved_on)})"
        rows.append(
            FollowupRow(
                name=r.full_name,
                birth_year=_year(r.birth_date, r.birth_year),
                id_number=r.id_number or "",
                # The activation phone if one was taken, else the one on the citizen's record.
                phone=r.phone or r.citizen_phone or "",
                status=status_spec.choice_label(r.status, "vi"),
                reason=reason,
            )
        )
    for c in q.followup_cases(store, village_uuid):
        rows.append(
            FollowupRow(
                name=c.full_name or "",
                birth_year=_year(c.birth_date, c.birth_year),
                id_number=c.id_number or "",
                phone=c.phone or "",
                status="Làm sạch: " + case_status.choice_label(c.status, "vi"),
                reason=c.description,
            )
        )
    return rows


def export_followup(
    store: Store,
    village_uuid: str,
    path: Path | str,
    *,
    user: str,
    today: date | None = None,
    for_printing: bool = False,
) -> FollowupExport:
    """Write the village's follow-up list to `path` (.pdf or .xlsx) and audit the export.

    `for_printing`: the PDF is only the pages to print (a temporary file); the audit says
    "print", since the personal data leaves the machine on paper.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise DomainError(
            msg(
                "Chỉ xuất được tệp .pdf hoặc .xlsx (đang chọn “{s}”).",
                "Only .pdf or .xlsx can be written (got “{s}”).",
                s=suffix or path.name,
            )
        )
    village = store.get_record("village", village_uuid)
    if village is None:
        raise DomainError(msg("Không tìm thấy thôn/xóm.", "Village not found."))
    name = village["name"]
    roster_count = len(q.followup_roster(store, village_uuid))
    rows = followup_rows(store, village_uuid)
    today = today or date.today()
    title = f"DANH SÁCH CÔNG DÂN CẦN THEO DÕI — {name.upper()}"
    subtitle = (
        f"Lập ngày {format_date(today)}. Gồm {roster_count} tài khoản đã phê duyệt chưa kích "
        f"hoạt và {len(rows) - roster_count} hồ sơ làm sạch đang mở."
    )
    if suffix == ".pdf":
        _write_pdf(path, title, subtitle, rows)
    else:
        _write_xlsx(path, title, subtitle, rows)
    result = FollowupExport(path, name, roster_count, len(rows) - roster_count)
    with store.transaction():
        store.audit(
            "export_personal",
            user,
            form_id="citizen",
            detail=json.dumps(
                {
                    "what": "followup_list",
                    "village": village_uuid,
                    "village_name": name,
                    "format": "print" if for_printing else suffix[1:],
                    "file": path.name,
                    "approved_not_activated": result.approved_not_activated,
                    "open_cases": result.open_cases,
                },
                ensure_ascii=False,
            ),
        )
    return result


def _cells(index: int, row: FollowupRow) -> list[object]:
    return [
        index,
        row.name,
        row.birth_year or "",
        row.id_number,
        row.phone,
        row.status,
        row.reason,
        "",
    ]


_FONT = "LiberationSerif"
_FONT_BOLD = "LiberationSerif-Bold"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # reportlab's built-in fonts have no Vietnamese letters; Liberation Serif 2.x has all.
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in (
        (_FONT, "LiberationSerif-Regular.ttf"),
        (_FONT_BOLD, "LiberationSerif-Bold.ttf"),
    ):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


def _write_pdf(path: Path, title: str, subtitle: str, rows: list[FollowupRow]) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle("cell", fontName=_FONT, fontSize=10, leading=12)
    head = ParagraphStyle("head", parent=body, fontName=_FONT_BOLD)
    heading = ParagraphStyle("title", fontName=_FONT_BOLD, fontSize=14, leading=18, alignment=1)
    sub = ParagraphStyle("sub", fontName=_FONT, fontSize=11, leading=14, alignment=1)
    data = [[Paragraph(h, head) for h in HEADERS]]
    for index, row in enumerate(rows, start=1):
        data.append([Paragraph(_escape(str(c)), body) for c in _cells(index, row)])
    # 267 mm: the width of A4 landscape inside 15 mm margins. "STT" and "Năm sinh" must fit
    # on one line with the cells' 6 pt padding each side (10 mm wrapped "STT" as "ST/T").
    widths = [12 * mm, 48 * mm, 18 * mm, 30 * mm, 26 * mm, 34 * mm, 60 * mm, 39 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                # Room to write by hand in the field.
                ("TOPPADDING", (0, 1), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
            ]
        )
    )

    def page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setFont(_FONT, 9)
        canvas.drawRightString(
            doc.pagesize[0] - 15 * mm,
            8 * mm,
            f"Trang {doc.page} — có thông tin cá nhân, không để lộ, không chia sẻ.",
        )

    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title,
    )
    story = [
        Paragraph(_escape(title), heading),
        Paragraph(_escape(subtitle), sub),
        Spacer(1, 6 * mm),
    ]
    if rows:
        story.append(table)
    else:
        story.append(Paragraph("Không có công dân nào cần theo dõi.", sub))
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write_xlsx(path: Path, title: str, subtitle: str, rows: list[FollowupRow]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "Theo dõi"
    workbook.put(sheet, 1, 1, title)
    workbook.put(sheet, 2, 1, subtitle)
    for column, header in enumerate(HEADERS, start=1):
        workbook.put(sheet, 4, column, header)
    thin = Side(style="thin")
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    sheet["A1"].font = Font(bold=True, size=14)
    for index, row in enumerate(rows, start=1):
        workbook.append(sheet, _cells(index, row))
        for cell in sheet[sheet.max_row]:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # ID numbers and phones stay text so Excel keeps their leading zeros.
        sheet.cell(sheet.max_row, 4).number_format = "@"
        sheet.cell(sheet.max_row, 5).number_format = "@"
    for column, width in zip("ABCDEFGH", (6, 28, 10, 16, 14, 24, 40, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A5"
    sheet.print_options.gridLines = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    workbook.save(book, path)
