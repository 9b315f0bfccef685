"""The quality checks' joined rows (`store.quality_queries`) carry each value in its own field."""

from __future__ import annotations

from datetime import date

from de06desk.store import Store
from de06desk.store.quality_queries import RosterRow, followup_roster, roster_approved_before
from tests.quality.helpers import add_citizen, add_villages


def test_a_roster_row_has_each_value_under_its_name(store: Store) -> None:
    # Neighbouring fields of one type (two phones, two dates, several texts) all differ here,
    # so a value landing in its neighbour's field shows.
    village = add_villages(store, "Thôn Đông")["Thôn Đông"]
    citizen = add_citizen(
        store,
        village,
        full_name="Lò Văn Bình",
        id_number="001084012345",
        birth_year=1984,
        phone="0987654321",
    )
    officer = store.save_record("officer", {"full_name": "Trần Thị Hoa"}, user="t").uuid
    drive = store.save_record(
        "activation_drive",
        {
            "held_on": date(2026, 11, 2),
            "kind": "office",
            "village": village,
            "place": "Trụ sở",
            "officer": officer,
        },
        user="t",
    )
    roster = store.save_record(
        "drive_roster",
        {
            "drive": drive.uuid,
            "citizen": citizen,
            "level": "level2",
            "status": "approved",
            "failure_reason": "no_signal",
            "phone": "0912345678",
            "approved_on": date(2026, 11, 3),
        },
        user="t",
    )
    expected = RosterRow(
        uuid=roster.uuid,
        citizen=citizen,
        full_name="Lò Văn Bình",
        birth_date=None,
        birth_year=1984,
        id_number="001084012345",
        village=village,
        status="approved",
        failure_reason="no_signal",
        phone="0912345678",
        approved_on=date(2026, 11, 3),
        activated_on=None,
        citizen_phone="0987654321",
    )
    assert followup_roster(store, village) == [expected]
    assert roster_approved_before(store, date(2026, 11, 10)) == [expected]
