"""Tổng quan: this week at a glance, from the weekly report's own summary (same numbers).

Every figure comes from `de06desk.reports.summary.build_summary` and is written with the
report's own formatting (`reports.formats.format_cell`): the screen computes nothing itself,
so it cannot disagree with the PDF, the Excel file or the hub. Key figures are cards (value,
the previous period, a progress bar where a target applies), then the "this week against
last" chart, activations per village (per commune at a hub), and every section's tables.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.i18n import current_language
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import Period, current_week, format_date
from de06desk.reports.formats import (
    format_cell,
    format_int,
    format_pct,
    period_words,
    report_language,
    t,
    trend_chart_title,
    week_tick,
)
from de06desk.reports.model import Headline, Section, Summary
from de06desk.reports.summary import build_summary

from ..charts import BarChart, LineChart
from ..context import AppContext
from ..layouts import remove_widgets
from ..report_table import ReportTableView
from ..tasks import Task, run_task, show_error

CARDS_PER_ROW = 5


class HeadlineCard(QFrame):
    """One key figure: its label, the value, the previous period and, with a target, a bar."""

    def __init__(self, headline: Headline, before_word: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("headlineCard")
        self.setStyleSheet(
            "#headlineCard { background: palette(base); border: 1px solid #c9d3df;"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel(headline.label, self)
        self.label.setWordWrap(True)
        self.value = QLabel(format_cell(headline.value, headline.kind), self)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet("color: #1d5fa8;")
        self.previous = QLabel(
            f"{before_word}: {format_cell(headline.previous, headline.kind)}", self
        )
        self.previous.setStyleSheet("color: #555;")
        layout.addWidget(self.label)
        layout.addWidget(self.value)
        layout.addWidget(self.previous)
        self.progress: QProgressBar | None = None
        self.progress_text: QLabel | None = None
        if headline.target:
            done = float(headline.value or 0)
            self.progress = QProgressBar(self)
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(min(1.0, done / headline.target) * 1000))
            # Text on the bar half-covers it; a line under a thin bar reads better.
            self.progress.setTextVisible(False)
            self.progress.setFixedHeight(10)
            self.progress_text = QLabel(
                self.tr("Đạt {p} chỉ tiêu ({v}/{t})")
                .replace("{p}", format_pct(done / headline.target))
                .replace("{v}", format_int(done))
                .replace("{t}", format_int(headline.target)),
                self,
            )
            layout.addWidget(self.progress)
            layout.addWidget(self.progress_text)
        layout.addStretch(1)


# Records that show the commune has started; with none, the dashboard shows the first step.
FIRST_STEP_FORMS = ("activation_drive", "citizen", "support_session", "cleanup_case")


class DashboardScreen(QWidget):
    """The week's summary: key figures, this week against last, and the detailed tables."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Read once: a summary finishing in the background must not need the database.
        self._at_hub = ctx.store.role == "hub"
        self.summary: Summary | None = None
        self.cards: dict[str, HeadlineCard] = {}
        self.tables: dict[str, ReportTableView] = {}
        self.compare_chart: BarChart | None = None
        self.place_chart: BarChart | None = None
        self.progress_chart: LineChart | None = None
        self.flow_chart: LineChart | None = None
        self._shown_period: Period | None = None
        self._stale = True
        self._building: Task | None = None
        self._started = True  # any work recorded yet (known with each summary)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        # The one "as of" rule: every figure below is counted to this day, never after today.
        self.as_of = QLabel(self)
        self.as_of.setObjectName("as_of")
        self.as_of.setStyleSheet("color: #555;")
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.first_steps = QLabel(self)
        self.first_steps.setObjectName("first_steps")
        self.first_steps.setWordWrap(True)
        self.first_steps.setStyleSheet(
            "background: #fff8e1; border: 1px solid #f0c36d; padding: 8px; font-size: 13px;"
        )
        self.first_steps.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.as_of)
        layout.addWidget(self.first_steps)
        layout.addWidget(scroll, 1)
        ctx.signals.data_changed.connect(self._data_changed)

    def _update_first_steps(self) -> None:
        # A new commune's dashboard is all zeros: say what to do first instead.
        self.first_steps.setVisible(not self._started)
        if self._at_hub:
            self.first_steps.setText(
                self.tr(
                    "Chưa nhận số liệu nào của các xã. Bước đầu tiên: vào “2. Các xã” (Alt+2), "
                    "lưu tệp khóa công khai để phát cho các xã và đăng ký tệp khóa của từng xã; "
                    "rồi vào “3. Nhận gói” (Alt+3) để nhập các gói xã gửi lên bằng USB."
                )
            )
            return
        self.first_steps.setText(
            self.tr(
                "Chưa có số liệu nào. Bước đầu tiên: vào “2. Đợt kích hoạt” (Alt+2), bấm "
                "“Thêm mới (Ctrl+N)” để ghi đợt kích hoạt đầu tiên; hoặc vào “3. Công dân & "
                "theo dõi” (Alt+3) để nhập danh sách công dân từ tệp Excel."
            )
        )

    def _data_changed(self, _form: str) -> None:
        # Summaries of a big commune take a good part of a second: rebuild once, when seen.
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Show the current week, rebuilding only if the data or the week changed.

        The summary is built on a worker thread with its own connection (up to a second on a
        30,000-citizen commune: the window stays responsive and paints at once); a change
        that arrives meanwhile is picked up by one more build when this one is shown.
        """
        week = current_week()
        if not self._stale and week == self._shown_period:
            return
        if self._building is not None:
            return  # _built looks at _stale again
        self._stale = False
        if self.summary is None:
            self.title.setText(self.tr("Tổng quan — đang tính số liệu…"))
        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> tuple[Summary, bool]:
            with ctx.open_store() as store:
                started = any(store.list_records(form, limit=1) for form in FIRST_STEP_FORMS)
                summary = build_summary(store, week, lang=current_language(), cancelled=cancelled)
                return summary, started

        self._building = run_task(
            self, "", work, self._built_and_started, self._not_built, show_progress=False
        )

    def _built_and_started(self, result: tuple[Summary, bool]) -> None:
        self._started = result[1]
        self._built(result[0])

    def _built(self, summary: Summary) -> None:
        self._building = None
        self.show_summary(summary)
        if self._stale and self.isVisible():
            self.refresh()

    def _not_built(self, exc: BaseException) -> None:
        self._building = None
        self._stale = True  # try again next time the screen is shown
        if not isinstance(exc, Cancelled):  # cancelled: the app is quitting
            show_error(self, exc)

    def show_summary(self, summary: Summary) -> None:
        """Lay out `summary` (replacing whatever was shown), numbers written in its language."""
        with report_language(summary.lang):
            self._lay_out(summary)

    def _lay_out(self, summary: Summary) -> None:
        self.summary, self._shown_period = summary, summary.period
        self.title.setText(
            self.tr("Tổng quan — {w}").replace("{w}", summary.period.label())
            + f" · {summary.unit_name}"
        )
        self.as_of.setText(
            self.tr("Số liệu tính đến hết ngày {d}").replace("{d}", format_date(summary.counted_to))
        )
        self._update_first_steps()
        remove_widgets(self.body_layout)
        self.cards, self.tables = {}, {}
        now_word, before_word = period_words(summary.period)
        self.body_layout.addWidget(self._cards(summary, before_word))
        self.body_layout.addWidget(self._charts(summary, now_word, before_word))
        trend = self._trend(summary)
        if trend is not None:
            self.body_layout.addWidget(trend)
        for section in summary.sections:
            self.body_layout.addWidget(self._section(section))
        self.body_layout.addStretch(1)

    def _cards(self, summary: Summary, before_word: str) -> QWidget:
        box = QWidget(self.body)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, headline in enumerate(summary.headlines):
            card = HeadlineCard(headline, before_word, box)
            self.cards[headline.key] = card
            grid.addWidget(card, i // CARDS_PER_ROW, i % CARDS_PER_ROW)
        for column in range(CARDS_PER_ROW):
            grid.setColumnStretch(column, 1)
        return box

    def _charts(self, summary: Summary, now_word: str, before_word: str) -> QWidget:
        box = QWidget(self.body)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        compare = QGroupBox(
            self.tr("{now} so với {before}")
            .replace("{now}", now_word)
            .replace("{before}", before_word.lower()),
            box,
        )
        self.compare_chart = BarChart(compare, self._number)
        self.compare_chart.set_data(
            [label for label, _, _ in summary.compare],
            [before_word, now_word],
            [[float(before), float(now)] for _, before, now in summary.compare],
        )
        QVBoxLayout(compare).addWidget(self.compare_chart)
        where = self.tr("xã, phường") if summary.scope == "hub" else self.tr("thôn, tổ dân phố")
        places = QGroupBox(
            self.tr("Tài khoản kích hoạt {now} theo {where}")
            .replace("{now}", now_word.lower())
            .replace("{where}", where),
            box,
        )
        self.place_chart = BarChart(places, self._number)
        self.place_chart.set_data(
            [label for label, _ in summary.activations_by_place],
            [self.tr("Đã kích hoạt")],
            [[float(value)] for _, value in summary.activations_by_place],
        )
        QVBoxLayout(places).addWidget(self.place_chart)
        row.addWidget(compare, 1)
        row.addWidget(places, 1)
        box.setMinimumHeight(260)
        return box

    def _number(self, value: float) -> str:
        """A chart's number written as the report writes it, in the summary's language."""
        with report_language(self.summary.lang if self.summary else "vi"):
            return format_int(value)

    def _trend(self, summary: Summary) -> QGroupBox | None:
        """Chart 3 of the report: are we on track? Cumulative activations against the target,
        and each week's applications, approvals and activations."""
        self.progress_chart = self.flow_chart = None
        if len(summary.trend) < 2:
            return None
        box = QGroupBox(trend_chart_title(summary), self.body)
        row = QHBoxLayout(box)
        ticks = [week_tick(w.start) for w in summary.trend]
        progress: list[tuple[str, str, list[float | None]]] = [
            (
                t("Đã kích hoạt (lũy kế)"),
                "cumulative",
                [w.cumulative_activated for w in summary.trend],
            )
        ]
        if any(w.target for w in summary.trend):
            progress.append((t("Chỉ tiêu"), "target", [w.target for w in summary.trend]))
        self.progress_chart = LineChart(box, self._number)
        self.progress_chart.set_data(ticks, progress)
        self.flow_chart = LineChart(box, self._number)
        self.flow_chart.set_data(
            ticks,
            [
                (t("Tiếp nhận"), "received", [w.received for w in summary.trend]),
                (t("Phê duyệt"), "approved", [w.approved for w in summary.trend]),
                (t("Kích hoạt"), "activated", [w.activated for w in summary.trend]),
            ],
        )
        row.addWidget(self.progress_chart, 1)
        row.addWidget(self.flow_chart, 1)
        box.setMinimumHeight(260)
        return box

    def _section(self, section: Section) -> QGroupBox:
        box = QGroupBox(f"{section.number}. {section.title}", self.body)
        box.setStyleSheet("QGroupBox { font-weight: bold; }")
        layout = QVBoxLayout(box)
        for paragraph in section.paragraphs:
            text = QLabel(paragraph, box)
            text.setWordWrap(True)
            text.setStyleSheet("font-weight: normal;")
            layout.addWidget(text)
        for table in section.tables:
            caption = QLabel(table.title, box)
            caption.setStyleSheet("font-weight: bold; margin-top: 6px;")
            caption.setWordWrap(True)
            view = ReportTableView(table, box)
            view.setStyleSheet("font-weight: normal;")
            self.tables[table.key] = view
            layout.addWidget(caption)
            layout.addWidget(view)
        return box
