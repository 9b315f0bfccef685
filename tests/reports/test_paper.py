"""The weekly report on paper and in Excel, as a commune officer found it (issue 18).

Rule under the title, page 1 filled, the hub's number and place line, the follow-up sheet's
"STT", whole-word sheet names, and one rounding rule for the PDF, the workbook and the screen.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.weeks import parse_week
from de06desk.quality.field_lists import export_followup, followup_rows
from de06desk.reports import pdf
from de06desk.reports.formats import format_cell, format_pct
from de06desk.reports.header import report_header
from de06desk.reports.model import Section, Table
from de06desk.reports.pdf import render_pdf
from de06desk.reports.summary import build_summary
from de06desk.reports.xlsx import FIRST_SHEET, HEADER_ROW, NUMBER_FORMATS, write_xlsx
from de06desk.store import Store
from de06desk.sync import init_hub
from tests.reports.samples import make_header, make_summary, pdf_text

WEEK = parse_week("2026-W47")


def _words(path: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) on one page, from poppler's -bbox output (points)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html,
    )
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found]


def test_the_rules_under_the_title_and_the_unit_are_a_third_to_a_half_of_the_text() -> None:
    summary, header = make_summary(), make_header()
    subject = pdf._subject(summary, header)
    rule = next(f for f in pdf._title(summary, header) if type(f).__name__ == "HRFlowable")
    ratio = rule.width / pdf._text_width(subject, "subject")
    assert 1 / 3 <= ratio <= 1 / 2
    cell = pdf._letterhead(header)[0]._cellvalues[0][0]
    unit_rule = next(f for f in cell if type(f).__name__ == "HRFlowable")
    assert 1 / 3 <= unit_rule.width / pdf._text_width(header.unit_name, "unit") <= 1 / 2


def test_page_one_is_filled_table_one_starts_under_the_text(demo_store: Store, tmp_path) -> None:
    summary = build_summary(demo_store, WEEK)
    out = render_pdf(summary, report_header(demo_store), tmp_path / "tuan.pdf")
    first = pdf_text(out, 1, 1)
    assert "Bảng 1." in first  # before: the whole table moved to page 2, 62 mm left blank
    words = _words(out, 1)
    lowest = max(w[3] for w in words)
    page_h = pdf.PAGE_H
    # The last line of page 1 sits within a few lines of the bottom margin.
    assert page_h - pdf.MARGIN_BOTTOM - lowest < 25 * 72 / 25.4
    # Table 1 starts on page 1 and goes on under its repeated header on page 2.
    after_caption = first[first.index("Bảng 1.") :]
    first_rows = [r for r in summary.table("eid_overview").rows if r[0] in after_caption]
    assert first_rows and len(first_rows) < len(summary.table("eid_overview").rows)
    lines = [line for line in pdf_text(out, 2, 2).splitlines() if line.strip()]
    header = next(i for i, line in enumerate(lines) if "Nội dung" in line)
    assert re.search(r"Nội dung\s+Tuần này\s+Tuần trước\s+Lũy kế", lines[header])
    rest = summary.table("eid_overview").rows[len(first_rows)][0]
    assert lines[header + 1].strip().startswith(rest)


def test_hub_report_has_its_place_and_abbreviation(tmp_path: Path) -> None:
    hub = init_hub(tmp_path / "hub.db", unit_code="HN01", name="Công an Thành phố Hà Nội")
    try:
        header = report_header(hub)
    finally:
        hub.close()
    assert header.date_line.startswith("Hà Nội, ngày ")
    assert re.fullmatch(r"Số: \s+/BC-CATP", header.number_line)
    assert report_header_for("Công an tỉnh Lào Cai", tmp_path).date_line.startswith("Lào Cai, ")
    out = render_pdf(make_summary(scope="hub"), header, tmp_path / "hub.pdf")
    text = pdf_text(out, 1, 1)
    assert "Hà Nội, ngày" in text and re.search(r"Số:\s+/BC-CATP", text)


def report_header_for(name: str, tmp_path: Path):
    hub = init_hub(tmp_path / "lc.db", unit_code="LC01", name=name)
    try:
        header = report_header(hub)
    finally:
        hub.close()
    assert header.number_line.endswith("/BC-CAT")
    return header


def test_follow_up_sheet_prints_stt_on_one_line(demo_store: Store, tmp_path: Path) -> None:
    villages = demo_store.list_records("village")
    village = max(villages, key=lambda v: len(followup_rows(demo_store, v.uuid)))
    out = export_followup(demo_store, village.uuid, tmp_path / "theo_doi.pdf", user=DEMO_USER)
    header = next(line for line in pdf_text(out.path).splitlines() if "Họ và tên" in line)
    assert re.match(r"\s*STT\s+Họ và tên", header), header


def test_sheet_names_end_at_a_whole_word(demo_store: Store, tmp_path: Path) -> None:
    summary = build_summary(demo_store, WEEK)
    out = write_xlsx(summary, report_header(demo_store), tmp_path / "tuan.xlsx")
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        if sheet.title == FIRST_SHEET:
            continue
        caption = str(sheet["A1"].value).removeprefix("Bảng ")
        name = re.sub(r" \(\d+\)$", "", sheet.title)
        assert len(sheet.title) <= 31
        assert caption.startswith(name), (name, caption)
        assert len(name) == len(caption) or caption[len(name)] in " ,", (name, caption)


def test_27_of_1200_reads_2_3_percent_in_the_pdf_the_workbook_and_the_screen(
    tmp_path: Path,
) -> None:
    share = 27 / 1200
    table = Table("share", "Tỷ lệ thử", ("Nội dung", "Tỷ lệ"), ("text", "pct"), (("Mẫu", share),))
    summary = replace(make_summary(), sections=(Section("I", "Thử", (), (table,)),), headlines=())
    text = pdf_text(render_pdf(summary, make_header(), tmp_path / "r.pdf"))
    assert re.search(r"Mẫu\s+2,3%", text)
    assert format_cell(share, "pct") == format_pct(share) == "2,3%"  # the screen's text
    book = openpyxl.load_workbook(write_xlsx(summary, make_header(), tmp_path / "r.xlsx"))
    cell = book.worksheets[1].cell(HEADER_ROW + 1, 2)
    assert cell.value == pytest.approx(share) and cell.number_format == NUMBER_FORMATS["pct"]
    # Excel rounds the decimal it shows half away from zero: 2.25 → 2.3, as we do.
    assert NUMBER_FORMATS["pct"] == "0.0%"
    assert [format_pct(v) for v in (0.0005, 0.00049, 1 / 3, 0.9995)] == [
        "0,1%",
        "0,0%",
        "33,3%",
        "100,0%",
    ]


def test_headline_share_is_cumulative_and_never_above_whole(demo_store: Store) -> None:
    summary = build_summary(demo_store, WEEK)
    keys = [h.key for h in summary.headlines]
    assert "activation_rate" not in keys
    share = next(h for h in summary.headlines if h.key == "activated_share")
    overview = summary.table("eid_overview").rows
    assert share.value == overview[3][3] / overview[1][3]
    assert share.label == "Hồ sơ mức 2 đã có tài khoản kích hoạt (lũy kế)"
    assert all(0 <= (v or 0) <= 1 for v in (share.value, share.previous))


@pytest.fixture(autouse=True)
def _logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
