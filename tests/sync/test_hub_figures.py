"""Every declared weekly figure at a hub is the sum of the same figure at its communes.

`test_hub_summary.py` compares the printed tables; this compares the figures themselves,
figure by figure from the declarations (reports/figures.py), so a figure added later is
checked without touching this test: at the hub (one query over every commune, split, merged)
against each commune's own database counted on its own.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from de06desk.domain.weeks import month_period, parse_week
from de06desk.reports import figures as fig
from de06desk.store import Store
from de06desk.sync import export_package, import_packages

TODAY = date(2026, 11, 18)


@pytest.fixture
def communes(hub: Store, commune: Store, second_commune: Store, tmp_path: Path) -> list[Store]:
    """Two demo communes whose packages the hub has imported."""
    sent = [export_package(c, tmp_path / "usb") for c in (commune, second_commune)]
    outcomes = import_packages(hub, [r.path for r in sent if r is not None])
    assert [o.status for o in outcomes] == ["applied"] * 2
    return [commune, second_commune]


def _own(store: Store, span: fig.Span) -> fig.UnitFigures:
    raw = fig.gather(store, span, None)
    return fig.unit_figures(store.forms, raw, store.unit_code, store.unit_code)


def _expected(figure: fig.Figure, tables: list[dict[Any, list[Any]]]) -> list[Any]:
    """Column by column, by hand: counts added, dates the earliest."""
    out: list[Any] = []
    for i, column in enumerate(figure.columns):
        values = [v[i] for table in tables for v in table.values() if v[i] is not None]
        out.append(sum(values) if column.merge == "sum" else min(values, default=None))
    return out


@pytest.mark.parametrize("period", [parse_week("2026-W47"), month_period(2026, 11)])
def test_every_figure_at_the_hub_is_the_sum_over_its_communes(
    hub: Store, communes: list[Store], period
) -> None:
    span = fig.Span.of(period, min(period.end, TODAY))
    parts = fig.split(fig.gather(hub, span, None))
    units = [
        fig.unit_figures(hub.forms, parts.get(c.unit_code, fig.NOTHING), c.unit_code, c.unit_code)
        for c in communes
    ]
    own = [_own(c, span) for c in communes]
    area = fig.merge(hub.forms, hub.unit_code, "hub", units)
    for figure in fig.FIGURES:
        # Split from the hub's answers, each commune has exactly the figures it counts itself.
        for unit, mine in zip(units, own, strict=True):
            assert unit.of(figure.name) == mine.of(figure.name), figure.name
        # The area's total equals the communes' totals added by hand ...
        assert area.total(figure.name) == _expected(figure, [u.of(figure.name) for u in own])
        # ... and so does every row the area lists.
        if figure.area == "by_commune":
            assert set(area.of(figure.name)) == {u.unit_name for u in units}
            for u in units:
                assert area.of(figure.name)[u.unit_name] == _expected(figure, [u.of(figure.name)])
        else:
            for key, values in area.of(figure.name).items():
                with_key = [{key: u.of(figure.name)[key]} for u in own if key in u.of(figure.name)]
                assert values == _expected(figure, with_key), (figure.name, key)
    assert any(area.total("eid")) and any(area.total("support_places"))


def test_figures_travel_as_plain_json(communes: list[Store]) -> None:
    """What a summary package carries: the same figures back, key types included."""
    mine = _own(communes[0], fig.Span.of(parse_week("2026-W47"), TODAY))
    back = fig.UnitFigures.from_json(json.loads(json.dumps(mine.to_json())))
    assert back == mine
    assert any(isinstance(k, tuple) for k in back.of("cleanup"))
