"""Follow-up lists: PDF (checked with pdftotext) and Excel, audited as personal-data exports."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from de06desk.domain.i18n import DomainError
from de06desk.quality.field_lists import export_followup, followup_rows
from de06desk.store import Store
from tests.quality.helpers import add_citizen, add_villages
from tests.quality.test_checks import _drive, _roster


@pytest.fixture
def village(store: Store) -> str:
    v = add_villages(store, "Bản Hầu Thào", "Thôn Khác")
    east = v["Bản Hầu Thào"]
    drive = _drive(store, east)
    waiting = add_citizen(
        store,
        east,
        full_name="Giàng Thị Mỷ",
        id_number="010185000123",
        sex="female",
        birth_year=1985,
        phone="0987654321",
    )
    _roster(
        store,
        drive,
        waiting,
        status="approved",
        approved_on=date(2026, 9, 10),
        failure_reason="sim_not_own",
    )
    done = add_citizen(store, east, full_name="Sùng A Páo", birth_year=1970)
    _roster(
        store,
        drive,
        done,
        status="activated",
        phone="0987000001",
        approved_on=date(2026, 9, 10),
        activated_on=date(2026, 9, 11),
    )
    case_person = add_citizen(store, east, full_name="Vàng Thị Dợ", birth_year=1990)
    store.save_record(
        "cleanup_case",
        {
            "citizen": case_person,
            "village": east,
            "criterion": "dung",
            "error_type": "birth_date",
            "description": "Ngày sinh ghi sai so với giấy khai sinh",
            "status": "open",
            "opened_on": date(2026, 9, 1),
        },
        user="t",
    )
    other = add_citizen(store, v["Thôn Khác"], full_name="Người Thôn Khác", birth_year=1990)
    _roster(store, drive, other, status="approved", approved_on=date(2026, 9, 10))
    return east


def test_rows_are_the_villages_pending_activations_then_open_cases(
    store: Store, village: str
) -> None:
    rows = followup_rows(store, village)
    assert [(r.name, r.birth_year, r.id_number, r.phone) for r in rows] == [
        ("Giàng Thị Mỷ", 1985, "010185000123", "0987654321"),
        ("Vàng Thị Dợ", 1990, "", ""),
    ]
    assert rows[0].status == "Đã phê duyệt, chưa kích hoạt"
    assert rows[0].reason == "Thuê bao không chính chủ (phê duyệt 10/09/2026)"
    assert rows[1].status == "Làm sạch: Mới phát hiện"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_sheet_has_the_names_and_the_export_is_audited(
    store: Store, village: str, tmp_path: Path
) -> None:
    out = export_followup(
        store, village, tmp_path / "theo_doi.pdf", user="canbo", today=date(2026, 11, 18)
    )
    assert (out.approved_not_activated, out.open_cases) == (1, 1)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "DANH SÁCH CÔNG DÂN CẦN THEO DÕI — BẢN HẦU THÀO",
        "Giàng Thị Mỷ",
        "Vàng Thị Dợ",
        "010185000123",
        "0987654321",
        "Ngày sinh ghi sai",
        "Lập ngày 18/11/2026",
    ):
        assert expected in text
    assert "Người Thôn Khác" not in text
    row = store.conn.execute(
        "SELECT username, action, detail FROM audit WHERE action = 'export_personal'"
    ).fetchone()
    assert row[0] == "canbo"
    detail = json.loads(row[2])
    assert detail == {
        "what": "followup_list",
        "village": village,
        "village_name": "Bản Hầu Thào",
        "format": "pdf",
        "file": "theo_doi.pdf",
        "approved_not_activated": 1,
        "open_cases": 1,
    }
    assert "Giàng" not in row[2] and "0987654321" not in row[2]


def test_xlsx_list_keeps_leading_zeros(store: Store, village: str, tmp_path: Path) -> None:
    out = export_followup(store, village, tmp_path / "theo_doi.xlsx", user="canbo")
    sheet = load_workbook(out.path).active
    rows = [list(r) for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert rows[0][:5] == [1, "Giàng Thị Mỷ", 1985, "010185000123", "0987654321"]
    assert rows[1][1] == "Vàng Thị Dợ"
    assert (
        store.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'export_personal'"
        ).fetchone()[0]
        == 1
    )


def test_wrong_format_is_refused_and_not_audited(
    store: Store, village: str, tmp_path: Path
) -> None:
    with pytest.raises(DomainError, match=r"\.pdf hoặc \.xlsx"):
        export_followup(store, village, tmp_path / "x.docx", user="canbo")
    assert (
        store.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'export_personal'"
        ).fetchone()[0]
        == 0
    )
