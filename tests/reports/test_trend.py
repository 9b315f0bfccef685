"""Progress over weeks (issue 18): "are we on track for the target?" — cumulative activations
against the target and each week's flows, on the dashboard and in the PDF, readable in black
and white (dash patterns and markers, not colour alone).
"""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import openpyxl

from de06desk.domain.weeks import parse_week
from de06desk.reports import pdf
from de06desk.reports.header import report_header
from de06desk.reports.pdf import render_pdf
from de06desk.reports.summary import TREND_WEEKS, build_summary
from de06desk.reports.xlsx import HEADER_ROW, write_xlsx
from de06desk.store import Store
from tests.reports.samples import pdf_text

WEEK = parse_week("2026-W47")


def test_trend_weeks_agree_with_this_and_last_week(demo_store: Store) -> None:
    summary = build_summary(demo_store, WEEK)
    trend = summary.trend
    assert 2 <= len(trend) <= TREND_WEEKS
    assert trend[-1].start == WEEK.start and trend[-1].end == summary.counted_to
    assert all(b.start - a.start == timedelta(days=7) for a, b in pairwise(trend))
    overview = summary.table("eid_overview").rows
    this, last = trend[-1], trend[-2]
    assert (this.received, this.approved, this.activated) == (
        overview[1][1],
        overview[2][1],
        overview[3][1],
    )
    assert (last.received, last.approved, last.activated) == (
        overview[1][2],
        overview[2][2],
        overview[3][2],
    )
    assert this.cumulative_activated == overview[3][3]
    assert this.target == summary.table("eid_target").rows[0][0]
    cumulative = [w.cumulative_activated for w in trend]
    assert cumulative == sorted(cumulative)
    assert summary.to_dict()["trend"][-1]["cumulative_activated"] == this.cumulative_activated


def test_pdf_and_workbook_carry_the_trend_in_black_and_white(
    demo_store: Store, tmp_path: Path
) -> None:
    summary = build_summary(demo_store, WEEK)
    out = render_pdf(summary, report_header(demo_store), tmp_path / "tuan.pdf")
    text = " ".join(pdf_text(out).split())
    assert "Biểu đồ 3. Tiến độ tài khoản định danh điện tử mức 2 theo tuần" in text
    ticks = [f"T{w.week}" for w in summary.trend]
    assert re.search(r"\s+".join(ticks), text)
    for legend in ("Đã kích hoạt (lũy kế)", "Chỉ tiêu", "Tiếp nhận", "Phê duyệt", "Kích hoạt"):
        assert legend in text
    # Every line differs from the others in dash pattern or marker, and all are black.
    styles = [(dash, marker) for dash, marker, _w in pdf.TREND_STYLES.values()]
    assert len(set(styles[:2])) == 2 and len(set(styles[2:])) == 3
    book = openpyxl.load_workbook(
        write_xlsx(summary, report_header(demo_store), tmp_path / "t.xlsx")
    )
    sheet = next(s for s in book.worksheets if str(s["A1"].value).startswith("Biểu đồ 3."))
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [r[0] for r in rows] == ticks
    assert [r[6] for r in rows] == [w.cumulative_activated for w in summary.trend]
