"""One "as of" rule: every figure is counted to a day that is not after today.

Found: on Wednesday 02/12 the weekly report ran the checks as of Sunday 06/12 (25 "approved long
ago, not activated" against 19 on the Quality screen and in `check`) and printed "Lũy kế đến
ngày 06/12/2026".
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.i18n import DomainError
from de06desk.domain.weeks import current_week, format_date, week_of
from de06desk.quality.checks import CHECK_LABELS, run_checks, summary_counts
from de06desk.reports.summary import as_of_day, build_summary
from de06desk.store import Store
from tests.conftest import DEMO_TODAY

DAY = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def _days_in(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for d, m, y in DAY.findall(text)]


def test_a_running_week_is_counted_to_today_not_its_sunday(demo_store: Store) -> None:
    week = week_of(DEMO_TODAY)
    assert week.end > DEMO_TODAY  # Wednesday: four days of the week are still ahead
    summary = build_summary(demo_store, week, today=DEMO_TODAY)
    assert summary.as_of == DEMO_TODAY and summary.to_dict()["as_of"] == "2026-11-18"
    today_counts = summary_counts(run_checks(demo_store, today=DEMO_TODAY))
    quality = {row[1]: row[2] for row in summary.table("quality_checks").rows[:-1]}
    assert quality == {CHECK_LABELS[k].vi: n for k, n in today_counts.items()}
    # The test can tell: on the week's Sunday the same checks count differently.
    assert summary_counts(run_checks(demo_store, today=week.end)) != today_counts
    text = " ".join(
        [p for s in summary.sections for p in s.paragraphs] + [t.title for t in summary.tables()]
    )
    assert "Lũy kế đến ngày 18/11/2026" in text
    assert max(_days_in(text)) == DEMO_TODAY


def test_a_past_week_is_counted_to_its_last_day_and_a_future_one_refused() -> None:
    week = week_of(DEMO_TODAY)
    assert as_of_day(week, today=date(2027, 1, 1)) == week.end
    assert as_of_day(week, today=week.start) == week.start
    with pytest.raises(DomainError, match="chưa bắt đầu"):
        as_of_day(week, today=week.start - timedelta(days=1))


def test_report_and_check_agree_on_the_same_day(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """`report weekly` (this week, today) and `check` count the same findings."""
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    out = tmp_path / "tuan.json"
    assert main(["report", "weekly", "--db", str(demo_path), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(demo_path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["as_of"] == date.today().isoformat()
    rows = report["tables"]["quality_checks"]["rows"]
    assert rows[-1][2] == len(findings)
    week = current_week()
    cumulative = report["tables"]["eid_not_activated"]["title"]
    assert format_date(min(week.end, date.today())) in cumulative


def test_workbook_front_sheet_says_the_day_counted_to(demo_store: Store, tmp_path: Path) -> None:
    import openpyxl

    from de06desk.reports.header import report_header
    from de06desk.reports.xlsx import FIRST_SHEET, write_xlsx

    summary = build_summary(demo_store, week_of(DEMO_TODAY), today=DEMO_TODAY)
    book = openpyxl.load_workbook(
        write_xlsx(summary, report_header(demo_store), tmp_path / "t.xlsx")
    )
    about = {row[0]: row[1] for row in book[FIRST_SHEET].iter_rows(values_only=True) if row[0]}
    assert about["Số liệu tính đến hết ngày"] == "18/11/2026"
    assert about["Đến ngày"] == "22/11/2026"
