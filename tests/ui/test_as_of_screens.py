"""The dashboard and the Quality screen count to the same day: today (issue 18).

Found: the dashboard ran the checks as of the week's Sunday, four days ahead of the Quality
screen (25 "approved long ago, not activated" against 19).
"""

from __future__ import annotations

from datetime import date

from de06desk.domain.weeks import current_week, format_date, week_of
from de06desk.quality.checks import CHECK_LABELS, run_checks, summary_counts
from de06desk.ui.context import AppContext
from de06desk.ui.screens.dashboard import DashboardScreen
from de06desk.ui.screens.quality import QualityScreen


def test_dashboard_and_quality_screen_agree_today(qtbot, ctx: AppContext) -> None:
    today = date.today()
    dashboard = DashboardScreen(ctx)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.summary is not None, timeout=20000)
    assert dashboard.summary.period == current_week()
    assert dashboard.as_of.text() == f"Số liệu tính đến hết ngày {format_date(today)}"
    quality = QualityScreen(ctx)
    qtbot.addWidget(quality)
    quality.show()
    qtbot.waitUntil(lambda: not quality.busy and quality.model.total >= 0, timeout=20000)
    qtbot.waitUntil(lambda: "Kiểm tra đến ngày" in quality.status.text(), timeout=20000)
    assert quality.status.text().startswith(f"Kiểm tra đến ngày {format_date(today)}: ")
    view = dashboard.tables["quality_checks"].report_model
    shown = {
        view.text(r, 1): int(view.text(r, 2).replace(".", "")) for r in range(view.rowCount() - 1)
    }
    expected = summary_counts(run_checks(ctx.store, today=today))
    assert shown == {CHECK_LABELS[k].vi: n for k, n in expected.items()}
    assert int(view.text(view.rowCount() - 1, 2).replace(".", "")) == quality.model.total


def test_reports_screen_refuses_a_week_not_begun(qtbot, ctx: AppContext) -> None:
    from datetime import timedelta

    from de06desk.ui.screens.reports import ReportsScreen

    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    screen.set_period(week_of(date.today() + timedelta(days=14)))
    assert "chưa bắt đầu" in screen.period_label.text()
    assert not screen.pdf_button.isEnabled() and not screen.print_button.isEnabled()
