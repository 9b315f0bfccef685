"""A list as the officer sees it, written to an Excel workbook (“Xuất Excel”).

Only the columns shown, only the rows the filters and search leave, values as on screen.
Every text cell goes through `excel_cell`, which keeps text that looks like a formula
("=HYPERLINK(…)", "+84…", "@SUM(…)") as text: a name typed or imported by someone else must
never run in the officer's Excel. (One safe XLSX cell writer for the whole app is being made
on another branch; `excel_cell` is the single place to point at it.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.progress import Cancelled

from .files import atomic_output

EXCEL_MAX_ROWS = 1_048_576
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_cell(sheet: Any, value: Any) -> Any:
    """A write-only cell for `value`; text is always stored as text, never as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
    return cell


def write_list_xlsx(
    out: Path,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    note: str = "",
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write `title`, `note`, the header row and `rows` to `out`; returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.freeze_panes = "A4"
    for index in range(len(headers)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = 20
    heading = excel_cell(sheet, title)
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    sheet.append([excel_cell(sheet, note)])
    bold = []
    for text in headers:
        cell = excel_cell(sheet, text)
        cell.font = Font(bold=True)
        bold.append(cell)
    sheet.append(bold)
    written = 0
    for row in rows:
        if cancelled():
            raise Cancelled()
        written += 1
        if written > EXCEL_MAX_ROWS - 3:
            raise DomainError(
                msg(
                    "Danh sách quá dài cho một trang Excel ({n} dòng). Hãy lọc bớt rồi xuất lại.",
                    "The list is too long for one Excel sheet ({n} rows). Filter it, then export.",
                    n=f"{EXCEL_MAX_ROWS:,}".replace(",", "."),
                )
            )
        sheet.append([excel_cell(sheet, value) for value in row])
    with atomic_output(out) as tmp:
        book.save(tmp)
    return written
