"""The weekly report PDF: Decree 30 layout, the summary's own numbers, embedded fonts only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from de06desk.domain.i18n import DomainError
from de06desk.domain.progress import Cancelled
from de06desk.domain.weeks import month_period, range_period
from de06desk.reports.header import ReportHeader
from de06desk.reports.pdf import render_pdf
from tests.reports.samples import (
    make_header,
    make_summary,
    pdf_fonts,
    pdf_pages,
    pdf_text,
)


def _squash(text: str) -> str:
    """Collapse the layout's runs of spaces so phrases can be searched."""
    return re.sub(r"[ \t]+", " ", text)


def test_commune_report_has_the_official_parts_and_the_summarys_numbers(tmp_path: Path) -> None:
    out = render_pdf(make_summary(), make_header(), tmp_path / "r.pdf")
    assert out == tmp_path / "r.pdf"
    text = _squash(pdf_text(out))
    for phrase in (
        "CÔNG AN THÀNH PHỐ HÀ NỘI",
        "CÔNG AN PHƯỜNG BA ĐÌNH",
        "Số: 12/BC-CAX",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày 24 tháng 11 năm 2026",
        "BÁO CÁO",
        "Kết quả thực hiện Đề án 06 tuần 47 (16/11/2026 – 22/11/2026)",
        "I. Kết quả cấp và kích hoạt tài khoản định danh điện tử",
        "II. Làm sạch dữ liệu dân cư",
        "Bảng 1. Kết quả cấp tài khoản định danh điện tử mức 2",
        "Biểu đồ 1.",
        "Biểu đồ 2. So sánh tuần này với tuần trước",
        "Nơi nhận:",
        "- Công an thành phố Hà Nội (để báo cáo);",
        "- Lưu: VT.",
        "TRƯỞNG CÔNG AN PHƯỜNG",
        "Nguyễn Văn Đức",
    ):
        assert phrase in text, phrase
    # Every row of the e-ID table, formatted the Vietnamese way; "–" where a rate has no base.
    assert re.search(r"Thôn Đông 1\.234 1\.100 937 85,2%", text)
    assert re.search(r"Bản Mường Hum 0 0 0 –", text)
    assert re.search(r"Tổ dân phố Số 4 17 9 4 44,4%", text)
    assert re.search(r"Tổng cộng 1\.307 1\.149 972 84,6%", text)
    # Headlines with the previous week and the target.
    assert re.search(r"Tài khoản mức 2 đã kích hoạt 972 901 5\.000", text)
    assert "Lâu nhất" in text and re.search(r"Đúng 12 41", text)
    # Chart labels are text in the PDF too (drawn in the embedded font).
    assert "1.307" in text and "Tuần trước" in text and "Thôn Tây" in text


def test_only_liberation_serif_is_used_and_every_font_is_embedded(tmp_path: Path) -> None:
    out = render_pdf(make_summary(rows=40, scope="hub"), make_header(), tmp_path / "r.pdf")
    fonts = pdf_fonts(out)
    assert fonts
    for name, kind, embedded in fonts:
        assert embedded == "yes", name
        assert "LiberationSerif" in name, name  # never Helvetica/Times (no Vietnamese)
        assert "Type 1" not in kind, name
    assert {n.split("+")[-1] for n, _, _ in fonts} >= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_a_long_table_breaks_with_its_header_repeated_and_pages_numbered_from_two(
    tmp_path: Path,
) -> None:
    summary = make_summary(rows=120, scope="hub")
    out = render_pdf(summary, make_header(), tmp_path / "long.pdf")
    pages = pdf_pages(out)
    assert pages >= 4
    first = pdf_text(out, 1, 1).strip().splitlines()
    assert first[0].split()[0] != "1"  # no number on page 1: it starts with the letterhead
    assert "CỘNG HÒA" in first[0]
    body_pages = []
    for page in range(2, pages + 1):
        lines = [line.strip() for line in pdf_text(out, page, page).splitlines() if line.strip()]
        assert lines[0] == str(page), f"page {page} has no number at the top"
        body_pages.append(lines)
    # Pages the ranking continues on start again with its header row.
    continued = [p for p in body_pages if any(re.match(r"Xã Số \d{3}", line) for line in p)]
    assert len(continued) >= 2
    for lines in continued:
        first_row = next(i for i, line in enumerate(lines) if re.match(r"Xã Số \d{3}", line))
        assert re.fullmatch(r"Xã\s+Đã kích hoạt\s+Tỷ lệ", lines[first_row - 1])
    text = _squash(pdf_text(out))
    assert "Xã Số 001 10.001 1,0%" in text and "Xã Số 120 10.120 20,0%" in text
    assert "của các xã, phường trên địa bàn" in text  # a hub's subject
    assert "theo xã, phường" in text  # and its chart is per commune


def test_blank_number_leaves_room_and_the_date_line_follows_decree_30(tmp_path: Path) -> None:
    header = make_header(number="", report_date=date(2026, 3, 5))
    raw = pdf_text(render_pdf(make_summary(), header, tmp_path / "r.pdf"))
    assert re.search(r"Số:\s{6,}/BC-CAX", raw)  # room to write the number in by hand
    text = _squash(raw)
    assert "Ba Đình, ngày 05 tháng 3 năm 2026" in text
    assert make_header(report_date=date(2026, 1, 9)).date_line.endswith("ngày 09 tháng 01 năm 2026")
    assert make_header(report_code="CAX").number_line == "Số: 12/BC-CAX"


def test_month_and_range_subjects_and_a_report_on_one_commune(tmp_path: Path) -> None:
    month = replace(make_summary(), period=month_period(2026, 11))
    text = _squash(pdf_text(render_pdf(month, make_header(), tmp_path / "m.pdf")))
    assert "Kết quả thực hiện Đề án 06 tháng 11 năm 2026" in text
    assert "Tháng này" in text and "Tháng trước" in text

    span = replace(month, period=range_period(date(2026, 11, 1), date(2026, 11, 15)))
    header = make_header(about="Phường Ba Đình")
    text = " ".join(pdf_text(render_pdf(span, header, tmp_path / "r.pdf")).split())
    assert "tại Phường Ba Đình từ ngày 01/11/2026 đến ngày 15/11/2026" in text


def test_a_period_without_data_still_gives_a_valid_report(tmp_path: Path) -> None:
    out = render_pdf(make_summary(empty=True), make_header(), tmp_path / "empty.pdf")
    text = _squash(pdf_text(out))
    assert "BÁO CÁO" in text and "Không có số liệu trong kỳ báo cáo." in text
    assert "Nơi nhận:" in text and pdf_pages(out) == 1


def test_recipients_end_with_the_file_copy_once() -> None:
    header = ReportHeader(
        parent_body="",
        unit_name="X",
        place_name="",
        report_code="BC-CAX",
        signer_title="T",
        signer_name="",
        recipients=("Công an tỉnh;", "Lưu: VT, CAX."),
    )
    assert header.recipient_lines == ["- Công an tỉnh;", "- Lưu: VT, CAX."]
    assert header.date_line.startswith("Ngày ")  # no place name: the line still reads


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old report")
    with pytest.raises(Cancelled):
        render_pdf(make_summary(rows=200), make_header(), out, cancelled=lambda: True)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_progress_is_reported_up_to_done(tmp_path: Path) -> None:
    seen: list[float] = []
    render_pdf(
        make_summary(rows=60),
        make_header(),
        tmp_path / "r.pdf",
        progress=lambda f, t="": seen.append(f),
    )
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_a_missing_folder_is_a_readable_refusal(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="không tồn tại"):
        render_pdf(make_summary(), make_header(), tmp_path / "nowhere" / "r.pdf")
