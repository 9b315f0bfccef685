"""The overview shows the weekly summary's own numbers, cell for cell, and keeps them current."""

from __future__ import annotations

from datetime import date

import pytest

from de06desk.domain.weeks import parse_week
from de06desk.reports.formats import format_cell
from de06desk.reports.summary import build_summary
from de06desk.ui.context import AppContext
from de06desk.ui.screens import dashboard as dashboard_module
from de06desk.ui.screens.dashboard import DashboardScreen

DEMO_WEEK = parse_week("2026-W47")  # the demo's "today" (tests/conftest.py) is in this week


@pytest.fixture
def demo_week(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's "current week" is the demo's week, whatever today's date is."""
    monkeypatch.setattr(dashboard_module, "current_week", lambda: DEMO_WEEK)


def test_dashboard_shows_exactly_the_summary(qtbot, ctx: AppContext, demo_week: None) -> None:
    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    # Built on a worker thread: the screen first says it is counting.
    assert "đang tính" in screen.title.text()
    qtbot.waitUntil(lambda: screen.summary is not None)
    expected = build_summary(ctx.store, DEMO_WEEK)
    assert screen.summary == expected
    assert "Tuần 47 (16/11/2026 – 22/11/2026)" in screen.title.text()
    assert list(screen.cards) == [h.key for h in expected.headlines]
    for headline in expected.headlines:
        card = screen.cards[headline.key]
        assert card.label.text() == headline.label
        assert card.value.text() == format_cell(headline.value, headline.kind)
        assert (
            card.previous.text() == f"Tuần trước: {format_cell(headline.previous, headline.kind)}"
        )
        assert (card.progress is not None) == bool(headline.target)
    target = next(h for h in expected.headlines if h.target)
    bar = screen.cards[target.key].progress
    assert bar is not None and bar.value() == round(min(1, target.value / target.target) * 1000)
    assert list(screen.tables) == [t.key for t in expected.tables()]
    for table in expected.tables():
        view = screen.tables[table.key]
        assert view.report_model.headers() == list(table.columns)
        assert view.report_model.shown() == [
            [format_cell(v, k) for v, k in zip(row, table.kinds, strict=True)] for row in table.rows
        ], table.key
    assert screen.compare_chart is not None and screen.compare_chart.values == [
        [float(before), float(now)] for _, before, now in expected.compare
    ]
    assert screen.compare_chart.series == ["Tuần trước", "Tuần này"]
    assert screen.place_chart is not None
    assert screen.place_chart.groups == [p for p, _ in expected.activations_by_place]


def test_dashboard_follows_data_changes(qtbot, ctx: AppContext, demo_week: None) -> None:
    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: "support_sessions" in screen.cards)
    before = screen.cards["support_sessions"].value.text()
    village = ctx.store.list_records("village", limit=1)[0]
    officer = ctx.store.list_records("officer", limit=1)[0]
    ctx.store.save_record(
        "support_session",
        {
            "held_on": date(2026, 11, 17),
            "village": village.uuid,
            "place": "Nhà văn hóa",
            "officer": officer.uuid,
            "support_types": ["vneid"],
            "citizens_helped": 5,
        },
        user="admin",
    )
    ctx.signals.data_changed.emit("support_session")
    qtbot.waitUntil(lambda: screen.cards["support_sessions"].value.text() != before)
    assert int(screen.cards["support_sessions"].value.text()) == int(before) + 1


def test_dashboard_shows_progress_over_weeks(qtbot, ctx: AppContext, demo_week: None) -> None:
    from de06desk.ui.charts import LINE_STYLES

    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None)
    trend = screen.summary.trend
    assert screen.progress_chart is not None and screen.flow_chart is not None
    assert screen.progress_chart.ticks == [f"T{w.week}" for w in trend]
    names = [(name, style) for name, style, _ in screen.progress_chart.series]
    assert names == [("Đã kích hoạt (lũy kế)", "cumulative"), ("Chỉ tiêu", "target")]
    assert screen.progress_chart.series[0][2] == [w.cumulative_activated for w in trend]
    assert [s[2] for s in screen.flow_chart.series] == [
        [w.received for w in trend],
        [w.approved for w in trend],
        [w.activated for w in trend],
    ]
    # Told apart without colour: each line on a chart has its own dash pattern or marker.
    for chart in (screen.progress_chart, screen.flow_chart):
        looks = {LINE_STYLES[style][:2] for _, style, _ in chart.series}
        assert len(looks) == len(chart.series)
    image = screen.flow_chart.grab().toImage()
    dark = sum(
        image.pixelColor(x, y).lightness() < 80
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    assert dark > 150  # the lines and markers are drawn, in the text colour
    # Chart numbers are written as the report writes them (1.234, never 1234).
    for chart in (screen.compare_chart, screen.place_chart, screen.progress_chart):
        assert chart is not None and chart.number(1234.0) == "1.234"
