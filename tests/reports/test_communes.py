"""The hub's commune-by-commune picture (`reports.communes`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from de06desk.domain.weeks import week_of
from de06desk.reports.communes import commune_rows
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from de06desk.sync.hub import set_commune_target
from tests.conftest import connect

COMMUNE = "00004"


def test_behind_target_paces_the_target_the_summary_counts_against(
    hub: Store, tmp_path: Path
) -> None:
    # Two level-2 targets start the same day; the one edited last is in force (as the summary
    # picks it), so the even pace runs to its due date, not to the other's.
    commune = Store.create(tmp_path / "commune.db", unit_code=COMMUNE)
    connect(hub, commune)
    commune.close()
    today = date(2026, 11, 18)
    start = date(2026, 11, 1)
    for value, due in ((100, date(2026, 11, 30)), (400, date(2027, 10, 31))):
        set_commune_target(
            hub,
            COMMUNE,
            {"kind": "level2_accounts", "value": value, "start_on": start, "due_on": due},
            user="admin",
        )
    summary = build_summary(hub, week_of(today), quality=False, today=today)
    [row] = [r for r in commune_rows(hub, summary, today=today) if r.unit_code == COMMUNE]
    assert row.target == 400
    on = summary.counted_to
    assert row.expected_share == ((on - start).days + 1) / ((date(2027, 10, 31) - start).days + 1)
