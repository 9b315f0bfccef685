"""Data-quality checks on crafted data: exact findings, nothing on clean data, cleanup cases."""

from __future__ import annotations

from datetime import date

import pytest

from de06desk.quality.checks import (
    CHECKS,
    CaseAlreadyOpen,
    open_cleanup_case,
    run_checks,
    summary_counts,
)
from de06desk.store import Store
from tests.quality.helpers import add_citizen, add_villages

TODAY = date(2026, 11, 18)


def _drive(store: Store, village: str) -> str:
    officer = store.save_record("officer", {"full_name": "Cán bộ A"}, user="t").uuid
    return store.save_record(
        "activation_drive",
        {
            "held_on": date(2026, 9, 1),
            "kind": "village",
            "village": village,
            "place": "Nhà văn hóa",
            "officer": officer,
        },
        user="t",
    ).uuid


def _roster(store: Store, drive: str, citizen: str, **values) -> str:  # type: ignore[no-untyped-def]
    return store.save_record(
        "drive_roster", {"drive": drive, "citizen": citizen, "level": "level2", **values}, user="t"
    ).uuid


def _clean_commune(store: Store) -> dict[str, str]:
    """A commune whose data has no problem at all (including near-misses of every check)."""
    v = add_villages(store, "Thôn Đông", "Thôn Tây")
    east, west = v["Thôn Đông"], v["Thôn Tây"]
    ids = {
        "an": add_citizen(
            store,
            east,
            full_name="Nguyễn Văn An",
            id_number="001080000001",
            sex="male",
            birth_date=date(1980, 3, 12),
            phone="0912000001",
        ),
        # A child needs no ID number yet; 13 years old on TODAY.
        "child": add_citizen(
            store, east, full_name="Nguyễn Văn Bé", sex="male", birth_date=date(2013, 11, 19)
        ),
        # One family on one phone (two family names: a married couple keeps both).
        "dad": add_citizen(
            store,
            east,
            full_name="Nguyễn Văn Cha",
            id_number="001070000002",
            sex="male",
            birth_year=1970,
            phone="0912000002",
        ),
        "mum": add_citizen(
            store,
            east,
            full_name="Trần Thị Mẹ",
            id_number="001172000003",
            sex="female",
            birth_year=1972,
            phone="0912000002",
        ),
        "son": add_citizen(
            store,
            east,
            full_name="Nguyễn Văn Con",
            id_number="001200000004",
            sex="male",
            birth_year=2000,
            phone="0912000002",
        ),
        # Same name and year in one village but different full dates: two people.
        "k1": add_citizen(
            store,
            east,
            full_name="Vũ Văn Khác",
            id_number="001070000005",
            sex="male",
            birth_date=date(1970, 1, 1),
        ),
        "k2": add_citizen(
            store,
            east,
            full_name="Vũ Văn Khác",
            id_number="001070000006",
            sex="male",
            birth_date=date(1970, 2, 2),
        ),
        # Same name and birth, other village.
        "w1": add_citizen(
            store,
            west,
            full_name="Nguyễn Văn An",
            id_number="001080000007",
            sex="male",
            birth_date=date(1980, 3, 12),
        ),
        # Over 110 but recorded as deceased: fine.
        "old": add_citizen(
            store,
            east,
            full_name="Hà Văn Cố",
            id_number="001000000008",
            sex="male",
            birth_year=1900,
            living_status="deceased",
        ),
        # An old CMND number is not compared with the birth year.
        "cmnd": add_citizen(
            store, west, full_name="Lê Thị Cũ", id_number="123456789", sex="female", birth_year=1950
        ),
    }
    drive = _drive(store, east)
    _roster(
        store,
        drive,
        ids["an"],
        status="activated",
        phone="0912000001",
        approved_on=date(2026, 9, 5),
        activated_on=date(2026, 9, 6),
    )
    # Approved exactly 30 days before TODAY: not yet "older than 30 days".
    _roster(
        store,
        drive,
        ids["dad"],
        status="approved",
        approved_on=date(2026, 10, 19),
        failure_reason="no_signal",
    )
    _roster(store, drive, ids["mum"], status="received")
    return {**v, **ids, "drive": drive}


def test_clean_data_has_no_finding(store: Store) -> None:
    _clean_commune(store)
    findings = run_checks(store, today=TODAY)
    assert findings == []
    assert summary_counts(findings) == dict.fromkeys(CHECKS, 0)


@pytest.fixture
def crafted(store: Store) -> dict[str, str]:
    base = _clean_commune(store)
    east = base["Thôn Đông"]
    add = lambda **kw: add_citizen(store, east, **kw)  # noqa: E731
    ids = {
        "mismatch": add(
            full_name="Lê Văn Sai", id_number="001185000010", sex="male", birth_year=1980
        ),
        "badcode": add(
            full_name="Phạm Văn Mã", id_number="001080000011", sex="male", birth_year=1980
        ),
        "dup1": add(
            full_name="Phạm Văn Trùng", id_number="001090000012", sex="male", birth_year=1990
        ),
        "dup2": add(
            full_name="Đinh Văn Khác", id_number="001090000012", sex="male", birth_year=1990
        ),
        "hoa1": add(
            full_name="Hoàng Thị Hoa",
            id_number="001190000013",
            sex="female",
            birth_date=date(1990, 5, 5),
        ),
        "hoa2": add(
            full_name="Hoàng  Thị Hòa", id_number="001190000014", sex="female", birth_year=1990
        ),
        "missing": add(full_name="Đỗ Văn Thiếu", birth_year=1960),
        "nobirth": add(
            full_name="Ngô Văn Năm", id_number="001075000015", sex="male", birth_year=1975
        ),
        "landline": add(
            full_name="Lý Văn Bàn",
            id_number="001080000016",
            sex="male",
            birth_year=1980,
            phone="0912000009",
        ),
        "oldphone": add(
            full_name="Lý Thị Cũ",
            id_number="001180000017",
            sex="female",
            birth_year=1980,
            phone="0912000010",
        ),
        "s1": add(
            full_name="Giàng A Một",
            id_number="001080000018",
            sex="male",
            birth_year=1980,
            phone="0987000003",
        ),
        "s2": add(
            full_name="Sùng A Hai",
            id_number="001081000019",
            sex="male",
            birth_year=1981,
            phone="0987000003",
        ),
        "s3": add(
            full_name="Lò Văn Ba",
            id_number="001082000020",
            sex="male",
            birth_year=1982,
            phone="0987000003",
        ),
        "aged": add(
            full_name="Triệu Văn Cụ", id_number="001000000021", sex="male", birth_year=1900
        ),
    }
    # Values the form refuses today but that arrive from older data or sync packages.
    sql = store.conn.execute
    sql("UPDATE citizens SET id_number = '003080000011' WHERE uuid = ?", (ids["badcode"],))
    sql("UPDATE citizens SET birth_year = NULL WHERE uuid = ?", (ids["nobirth"],))
    sql("UPDATE citizens SET phone = '0212345678' WHERE uuid = ?", (ids["landline"],))
    sql("UPDATE citizens SET phone = '01662345678' WHERE uuid = ?", (ids["oldphone"],))
    drive = base["drive"]
    ids["r_nophone"] = _roster(
        store,
        drive,
        ids["s1"],
        status="activated",
        phone="0987000003",
        approved_on=date(2026, 9, 5),
        activated_on=date(2026, 9, 6),
    )
    sql("UPDATE drive_roster SET phone = NULL WHERE uuid = ?", (ids["r_nophone"],))
    ids["r_stale"] = _roster(
        store,
        drive,
        ids["s2"],
        status="approved",
        approved_on=date(2026, 10, 18),
        failure_reason="sim_not_own",
    )
    return {**base, **ids}


def test_each_check_finds_exactly_the_crafted_problems(
    store: Store, crafted: dict[str, str]
) -> None:
    findings = run_checks(store, today=TODAY)
    got = [(f.check, f.criterion, f.form_id, f.record_uuids, f.error_type) for f in findings]
    c = crafted
    assert got == [
        ("id_invalid", "dung", "citizen", (c["badcode"],), "other"),
        ("id_mismatch", "dung", "citizen", (c["mismatch"],), "id_inconsistent"),
        ("phone_invalid", "dung", "citizen", (c["landline"],), "phone"),
        ("phone_invalid", "dung", "citizen", (c["oldphone"],), "phone"),
        ("missing_fields", "du", "citizen", (c["missing"],), "missing_field"),
        ("missing_fields", "du", "citizen", (c["nobirth"],), "missing_field"),
        ("roster_activated_no_phone", "du", "drive_roster", (c["r_nophone"],), "missing_field"),
        ("id_duplicate", "sach", "citizen", (c["dup1"], c["dup2"]), "duplicate_person"),
        ("probable_duplicate", "sach", "citizen", (c["hoa1"], c["hoa2"]), "duplicate_person"),
        ("phone_shared", "sach", "citizen", (c["s1"], c["s2"], c["s3"]), "phone"),
        ("over_110_living", "song", "citizen", (c["aged"],), "deceased_listed"),
        ("approval_not_activated", "song", "drive_roster", (c["r_stale"],), "other"),
    ]
    by_check = {}
    for f in findings:
        by_check.setdefault(f.check, []).append(f)
    assert "Mã tỉnh 003" in by_check["id_invalid"][0].message.vi
    mismatch = by_check["id_mismatch"][0]
    assert (
        "Năm sinh 1980 không khớp" in mismatch.message.vi and "Giới tính nam" in mismatch.message.vi
    )
    assert mismatch.current_value == "001185000010; 1980; Nam"
    assert "máy bàn" in by_check["phone_invalid"][0].message.vi
    assert "0362345678" in by_check["phone_invalid"][1].message.vi
    assert by_check["missing_fields"][0].description == "Thiếu số định danh, giới tính"
    assert by_check["missing_fields"][1].description == "Thiếu ngày/năm sinh"
    assert by_check["roster_activated_no_phone"][0].citizen_uuid == c["s1"]
    assert by_check["approval_not_activated"][0].description == (
        "Phê duyệt ngày 18/10/2026, sau 31 ngày chưa kích hoạt"
    )
    assert all(f.village_uuid == c["Thôn Đông"] for f in findings)
    counts = summary_counts(findings)
    assert (
        counts["phone_invalid"] == 2
        and counts["missing_fields"] == 2
        and sum(counts.values()) == 12
    )
    # approval_days moves the threshold.
    assert not [
        f
        for f in run_checks(store, today=TODAY, approval_days=31)
        if f.check == "approval_not_activated"
    ]


def test_deleted_records_are_not_checked(store: Store, crafted: dict[str, str]) -> None:
    store.delete_record("citizen", crafted["dup2"], user="t")
    assert "id_duplicate" not in {f.check for f in run_checks(store, today=TODAY)}


def test_open_cleanup_case_prefills_and_is_not_duplicated(
    store: Store, crafted: dict[str, str]
) -> None:
    finding = next(f for f in run_checks(store, today=TODAY) if f.check == "id_mismatch")
    case = open_cleanup_case(store, finding, "t", today=TODAY)
    assert case.values == {
        "citizen": crafted["mismatch"],
        "village": crafted["Thôn Đông"],
        "criterion": "dung",
        "error_type": "id_inconsistent",
        "description": finding.description,
        "current_value": "001185000010; 1980; Nam",
        "corrected_value": None,
        "status": "open",
        "opened_on": TODAY,
        "closed_on": None,
        "officer": None,
        "source": "check",
    }
    again = next(f for f in run_checks(store, today=TODAY) if f.check == "id_mismatch")
    assert again.open_case == case.uuid
    with pytest.raises(CaseAlreadyOpen) as raised:
        open_cleanup_case(store, again, "t", today=TODAY)
    assert raised.value.case.uuid == case.uuid
    assert store.count_records("cleanup_case") == 1
    # Once the case is closed a new one may be opened.
    store.save_record(
        "cleanup_case",
        {**case.values, "status": "rejected", "closed_on": TODAY},
        user="t",
        uuid=case.uuid,
    )
    assert open_cleanup_case(store, again, "t", today=TODAY).uuid != case.uuid


def test_checks_on_the_demo_commune_only_report_real_problems(demo_store: Store) -> None:
    findings = run_checks(demo_store, today=date(2026, 11, 18))
    counts = summary_counts(findings)
    # The demo plants ID numbers inconsistent with birth year/sex, and leaves approvals pending.
    assert counts["id_mismatch"] > 0 and counts["approval_not_activated"] > 0
    assert (
        counts["id_invalid"] == counts["phone_invalid"] == counts["roster_activated_no_phone"] == 0
    )
    keys = set(findings[0].as_dict())
    assert keys == {
        "check",
        "criterion",
        "form_id",
        "record_uuids",
        "citizen_uuid",
        "village_uuid",
        "name",
        "message_vi",
        "message_en",
        "error_type",
        "description",
        "current_value",
        "open_case",
    }
