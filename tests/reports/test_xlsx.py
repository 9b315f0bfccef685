"""The weekly report as Excel: the summary's own values, typed, formatted and readable."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from de06desk.domain.progress import Cancelled
from de06desk.reports.model import Table
from de06desk.reports.xlsx import FIRST_SHEET, HEADER_ROW, sheet_name, write_xlsx
from tests.reports.samples import make_header, make_summary


def _table_sheets(book: openpyxl.Workbook) -> list:
    return [s for s in book.worksheets if s.title != FIRST_SHEET]


def test_every_table_is_a_sheet_with_the_summarys_values(tmp_path: Path) -> None:
    summary = make_summary(rows=120)
    out = write_xlsx(summary, make_header(), tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == FIRST_SHEET
    sheets = _table_sheets(book)
    tables = summary.tables()
    # The summary's tables in order, then the two charts' data.
    assert len(sheets) == len(tables) + 2
    for number, (sheet, table) in enumerate(zip(sheets, tables, strict=False), start=1):
        assert sheet["A1"].value == f"Bảng {number}. {table.title}"
        header = [c.value for c in sheet[HEADER_ROW]]
        assert header == list(table.columns)
        assert all(c.font.bold for c in sheet[HEADER_ROW])
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        rows = [
            tuple(c.value for c in row)
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=sheet.max_row)
        ]
        assert rows == list(table.rows)
        for c, kind in enumerate(table.kinds, start=1):
            fmt = sheet.cell(row=HEADER_ROW + 1, column=c).number_format
            assert fmt == {"text": "General", "int": "#,##0", "days": "#,##0", "pct": "0.0%"}[kind]
    eid = sheets[0]
    assert eid.cell(row=HEADER_ROW + 5, column=1).font.bold  # the total row
    assert 10 <= eid.column_dimensions["A"].width <= 50
    places, compare = sheets[-2], sheets[-1]
    assert places.title.startswith("Biểu đồ 1") and compare.title.startswith("Biểu đồ 2")
    assert [c.value for c in compare[HEADER_ROW]] == ["Chỉ số", "Tuần trước", "Tuần này"]
    assert [c.value for c in compare[HEADER_ROW + 1]] == ["Tiếp nhận", 1250, 1307]


def test_first_sheet_names_unit_period_and_headlines(tmp_path: Path) -> None:
    summary = make_summary()
    book = openpyxl.load_workbook(write_xlsx(summary, make_header(), tmp_path / "r.xlsx"))
    sheet = book[FIRST_SHEET]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "CÔNG AN PHƯỜNG BA ĐÌNH" in cells
    assert "tuần 47 (16/11/2026 – 22/11/2026)" in cells
    assert "16/11/2026" in cells and "22/11/2026" in cells
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["Chỉ số chính"] == ("Tuần này", "Tuần trước", "Chỉ tiêu")
    assert rows["Tài khoản mức 2 đã kích hoạt"] == (972, 901, 5000)
    assert rows["Tỷ lệ kích hoạt"] == (0.852, 0.8, None)


def test_read_back_with_pandas_equals_the_json(tmp_path: Path) -> None:
    summary = make_summary(rows=30)
    out = write_xlsx(summary, make_header(), tmp_path / "r.xlsx")
    data = summary.to_dict()["tables"]
    sheets = pd.read_excel(out, sheet_name=None, header=HEADER_ROW - 1)
    names = [n for n in sheets if n != FIRST_SHEET]
    for name, (key, table) in zip(names, data.items(), strict=False):
        frame = sheets[name]
        assert list(frame.columns) == table["columns"], key
        got = [[None if _blank(v) else v for v in row] for row in frame.values.tolist()]
        assert got == table["rows"], key


def _blank(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def test_sheet_names_are_short_legal_and_unique() -> None:
    taken: set[str] = {FIRST_SHEET}
    long = "Kết quả cấp tài khoản định danh điện tử mức 2 theo thôn: [tuần] 47/2026?"
    names = [sheet_name(long, taken) for _ in range(12)]
    assert len(set(n.casefold() for n in names)) == 12
    for name in names:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    assert sheet_name("tổng hợp", taken) != "tổng hợp"  # Excel ignores case


def test_same_titles_in_two_sections_get_two_sheets(tmp_path: Path) -> None:
    base = make_summary()
    twin = Table(
        key="twin",
        title=base.sections[0].tables[0].title,
        columns=("A", "B"),
        kinds=("text", "int"),
        rows=(("x", 1),),
    )
    other = replace(base.sections[1], tables=(twin,))
    summary = replace(base, sections=(base.sections[0], other))
    book = openpyxl.load_workbook(write_xlsx(summary, make_header(), tmp_path / "r.xlsx"))
    assert len(book.sheetnames) == len(set(book.sheetnames)) == 1 + 3 + 2


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        write_xlsx(make_summary(), make_header(), tmp_path / "r.xlsx", cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []
