"""The hub's summary equals, number for number, the sum of its communes' own summaries.

Two demo communes and one registered commune that never sent anything go up to a hub through
the real sync code (keys, trust, export, import, an incremental package with an edit and a
tombstone); then the hub's totals, its ranking and each of its `units` are compared with the
summaries each commune builds from its own database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from de06desk.domain.weeks import month_period, parse_week, range_period
from de06desk.reports.model import Summary, Table
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from de06desk.sync import export_package, import_packages
from tests.conftest import connect

SILENT_COMMUNE = "00012"
PERIODS = [
    parse_week("2026-W47"),
    parse_week("2026-W45"),
    month_period(2026, 11),
    range_period(date(2026, 10, 1), date(2026, 11, 18)),
]


@pytest.fixture
def silent(hub: Store, tmp_path: Path) -> Iterator[Store]:
    """A commune registered at the hub that has not sent a package yet."""
    store = Store.create(tmp_path / "silent.db", unit_code=SILENT_COMMUNE)
    connect(hub, store)
    yield store
    store.close()


@pytest.fixture
def communes(
    hub: Store, commune: Store, second_commune: Store, silent: Store, tmp_path: Path
) -> list[Store]:
    """Every commune's data at the hub, sent the way officers send it."""
    usb = tmp_path / "usb"
    sent = [export_package(c, usb) for c in (commune, second_commune)]
    # A second, incremental package: an edited drive and a deleted support session.
    drive = commune.list_records("activation_drive", where={"kind": "office"}, limit=1)[0]
    commune.save_record(
        "activation_drive", drive.values | {"place": "Trụ sở Công an"}, user="t", uuid=drive.uuid
    )
    session = commune.list_records("support_session", order_by="held_on")[-1]
    commune.delete_record("support_session", session.uuid, user="t")
    sent.append(export_package(commune, usb))
    outcomes = import_packages(hub, [r.path for r in sent if r is not None])
    assert [o.status for o in outcomes] == ["applied"] * 3, [o.message for o in outcomes]
    return sorted([commune, second_commune, silent], key=lambda s: s.unit_code)


def _keyed(table: Table) -> dict[Any, tuple[Any, ...]]:
    if table.kinds[0] == "text":
        return {row[0]: row for row in table.rows}
    return dict(enumerate(table.rows))


def _sum_tables(own: list[Summary], key: str) -> dict[Any, list[Any]]:
    """The communes' rows of one table added up: counts summed, ages (days) the largest."""
    total: dict[Any, list[Any]] = {}
    kinds = own[0].table(key).kinds
    for summary in own:
        for label, row in _keyed(summary.table(key)).items():
            current = total.setdefault(label, [None] * len(row))
            for i, (kind, value) in enumerate(zip(kinds, row, strict=True)):
                if kind == "int" and value is not None:
                    current[i] = (current[i] or 0) + value
                elif kind == "days" and value is not None:
                    current[i] = max(current[i] or 0, value)
                elif kind == "text":
                    current[i] = value
    return total


# Tables whose rows are the same at a commune and at a hub (not per village or per commune).
ADDITIVE = [
    "eid_overview",
    "eid_not_activated",
    "eid_drives",
    "cleanup_overview",
    "cleanup_by_criterion",
    "cleanup_backlog",
    "support_by_type",
    "support_online_services",
]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.iso_key())
def test_hub_equals_the_sum_of_its_communes(hub: Store, communes: list[Store], period) -> None:
    area = build_summary(hub, period)
    own = [build_summary(c, period, quality=False) for c in communes]
    assert area.scope == "hub" and area.unit_code == hub.unit_code
    assert [u.unit_code for u in area.units] == [c.unit_code for c in communes]
    # Each unit is exactly the commune's own summary; asked for alone, too.
    for unit, mine in zip(area.units, own, strict=True):
        assert unit.to_dict() == mine.to_dict()
        assert build_summary(hub, period, unit_code=unit.unit_code) == unit
    for key in ADDITIVE:
        expected = _sum_tables(own, key)
        got = _keyed(area.table(key))
        assert set(got) == set(expected), key
        for label, row in got.items():
            kinds = area.table(key).kinds
            for i, kind in enumerate(kinds):
                if kind in ("int", "days", "text"):
                    assert row[i] == expected[label][i], (key, label, area.table(key).columns[i])
    # Headlines: counts add up, rates are recomputed from the sums, targets add up.
    for i, head in enumerate(area.headlines):
        parts = [s.headlines[i] for s in own]
        if head.kind == "int":
            assert head.value == sum(p.value or 0 for p in parts), head.key
            assert head.previous == sum(p.previous or 0 for p in parts), head.key
    targets = [s.headlines[4].target for s in own if s.headlines[4].target is not None]
    assert area.headlines[4].key == "activated_cumulative"
    assert area.headlines[4].target == (sum(targets) if targets else None)
    received = sum(s.table("eid_overview").rows[1][3] for s in own)
    activated = sum(s.table("eid_overview").rows[3][3] for s in own)
    rate = {h.key: h for h in area.headlines}["activated_share"].value
    assert rate == (activated / received if received else None)
    # Compare chart and per-commune places.
    assert [c[0] for c in area.compare] == [c[0] for c in own[0].compare]
    for i, (_label, before, now) in enumerate(area.compare):
        assert before == sum(s.compare[i][1] for s in own)
        assert now == sum(s.compare[i][2] for s in own)
    assert area.activations_by_place == tuple(
        (s.unit_name, sum(v for _, v in s.activations_by_place)) for s in own
    )
    by_unit = area.table("eid_by_unit")
    assert [r[1:6] for r in by_unit.rows[:-1]] == [
        s.table("eid_by_village").rows[-1][1:6] for s in own
    ]
    json.dumps(area.to_dict())


def test_ranking_marks_communes_without_data(hub: Store, communes: list[Store]) -> None:
    week = parse_week("2026-W47")
    area = build_summary(hub, week)
    ranking = area.table("ranking")
    assert ranking.columns[0] == "Hạng"
    assert [r[0] for r in ranking.rows] == list(range(1, len(communes) + 1))
    by_name = {r[1]: r for r in ranking.rows}
    silent = next(u for u in area.units if u.unit_code == SILENT_COMMUNE)
    assert by_name[silent.unit_name][2:] == (0, 0, None, None, "Chưa có số liệu")
    assert ranking.rows[-1][1] == silent.unit_name  # no target, no data: last
    for unit in area.units:
        if unit.unit_code == SILENT_COMMUNE:
            continue
        row = by_name[unit.unit_name]
        heads = {h.key: h for h in unit.headlines}
        assert row[2:6] == (
            heads["activated"].value,
            heads["activated_cumulative"].value,
            heads["activated_cumulative"].target,
            unit.table("eid_target").rows[0][3],
        )
        assert row[6] == ""
    rates = [r[5] for r in ranking.rows if r[5] is not None]
    assert rates == sorted(rates, reverse=True)
    assert f"chưa có số liệu: {silent.unit_name}." in area.sections[0].paragraphs[-1]


def test_a_hub_has_no_data_quality_section(hub: Store, communes: list[Store]) -> None:
    area = build_summary(hub, parse_week("2026-W47"))
    assert [s.number for s in area.sections] == ["I", "II", "III"]
    with pytest.raises(KeyError):
        area.table("quality_checks")
    assert build_summary(communes[0], parse_week("2026-W47")).table("quality_checks").rows
