"""The declarations of the weekly figures (reports/figures.py) and the one period wording."""

from __future__ import annotations

from datetime import date

import pytest

from de06desk.domain.weeks import month_period, parse_week, range_period
from de06desk.forms import load_forms
from de06desk.reports import figures as fig
from de06desk.reports.formats import period_wording, period_words, report_language


def test_a_column_cannot_be_declared_without_its_merge_rule() -> None:
    with pytest.raises(TypeError):
        fig.Column(name="helped")  # type: ignore[call-arg]  # the point: no merge rule given
    with pytest.raises(ValueError, match="merge rule"):
        fig.Column(name="helped", merge="average")  # type: ignore[arg-type]  # not a rule


def test_a_figure_cannot_be_declared_without_merge_rules() -> None:
    def count(*_args: object) -> list[fig.Row]:
        return []

    with pytest.raises(ValueError, match="merge rule"):
        fig.Figure(name="x", counted="", columns=(), area="by_key", count=count)
    with pytest.raises(ValueError, match="merge rule"):
        fig.Figure(
            name="x",
            counted="",
            columns=("helped",),  # type: ignore[arg-type]  # the point: a bare name
            area="by_key",
            count=count,
        )
    with pytest.raises(ValueError, match="area rule"):
        fig.Figure(
            name="x",
            counted="",
            columns=fig.summed("helped"),
            area="by_village",  # type: ignore[arg-type]  # the point: not a rule
            count=count,
        )


def test_every_declared_figure_has_a_rule_for_each_column() -> None:
    assert len({f.name for f in fig.FIGURES}) == len(fig.FIGURES)
    for figure in fig.FIGURES:
        assert figure.columns and all(c.merge in fig.MERGES for c in figure.columns)
        assert figure.area in ("by_key", "by_commune")


def test_choice_lists_come_from_the_forms() -> None:
    forms = load_forms()
    kinds = fig.BY_NAME["drives"].choice_keys(forms)
    types = fig.BY_NAME["support_types"].choice_keys(forms)
    assert kinds == ["office", "village", "school", "workplace"]
    assert types == ["vneid", "documents", "online_service", "cashless"]
    assert kinds == [c.value for c in forms["activation_drive"].field("kind").choices]


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (parse_week("2026-W47"), ("Tuần này", "Trong tuần", "tuần"), ("This week", "week")),
        (month_period(2026, 11), ("Tháng này", "Trong tháng", "tháng"), ("This month", "month")),
        (
            range_period(date(2026, 10, 1), date(2026, 10, 9)),
            ("Kỳ này", "Trong kỳ", "kỳ"),
            ("This period", "period"),
        ),
    ],
)
def test_one_period_wording(period, vi: tuple[str, ...], en: tuple[str, ...]) -> None:
    with report_language("vi"):
        words = period_wording(period)
        assert (words.now, words.within, words.span) == vi
        assert period_words(period) == (words.now, words.before)
    with report_language("en"):
        words = period_wording(period)
        assert (words.now, words.span) == en
