"""The summary's numbers on hand-made records: every table counted by hand.

The crafted commune (week 2025-W20, 12–18/05/2025; the week before 05–11/05) mixes drives with
and without rosters, refused rows, tombstones of every kind, records just outside the week,
several targets, cleanup cases closed after the period end, and multi-type support sessions.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from de06desk.domain.weeks import month_period, parse_week, range_period
from de06desk.quality.checks import (
    CHECK_LABELS,
    CHECKS,
    CRITERION_LABELS,
    run_checks,
    summary_counts,
)
from de06desk.reports.model import Summary
from de06desk.reports.summary import build_summary
from de06desk.store import Store

WEEK = parse_week("2025-W20")
USER = "t"


def _save(store: Store, form: str, **values: Any) -> str:
    return store.save_record(form, values, user=USER).uuid


def _drive(store: Store, ids: dict[str, str], held: date, kind: str, **values: Any) -> str:
    return _save(
        store,
        "activation_drive",
        held_on=held,
        kind=kind,
        place="Nơi tổ chức",
        officer=ids["officer"],
        **values,
    )


def _row(store: Store, drive: str, citizen: str, **values: Any) -> str:
    values.setdefault("level", "level2")
    return _save(store, "drive_roster", drive=drive, citizen=citizen, **values)


def _case(store: Store, ids: dict[str, str], opened: date, status: str, **values: Any) -> str:
    if status == "corrected":
        values.setdefault("corrected_value", "Đã sửa")
    return _save(
        store,
        "cleanup_case",
        village=ids["A"],
        description="Mô tả",
        opened_on=opened,
        status=status,
        **values,
    )


def _session(store: Store, ids: dict[str, str], held: date, village: str, **values: Any) -> str:
    return _save(
        store,
        "support_session",
        held_on=held,
        village=ids[village],
        place="Nhà văn hóa",
        officer=ids["officer"],
        **values,
    )


@pytest.fixture
def crafted(store: Store) -> dict[str, str]:
    """The crafted commune; returns the UUIDs the tests refer to."""
    d = date
    ids: dict[str, str] = {
        "A": _save(store, "village", name="Thôn Đông"),
        "B": _save(store, "village", name="Bản Mường Hum"),
        "C": _save(store, "village", name="Xóm Cũ"),
        "officer": _save(store, "officer", full_name="Cán bộ Một"),
    }
    for n, village in enumerate("ABBAAAB", start=1):
        ids[f"c{n}"] = _save(
            store,
            "citizen",
            full_name=f"Công Dân Số {n}",
            sex="female",
            birth_date=d(1990, 1, n),
            village=ids[village],
            living_status="living",
        )
    # Count-only drives: this week, the week before, the Monday after, long before, deleted.
    counts = ("level1_count", "received_count", "approved_count", "activated_count")
    _drive(
        store,
        ids,
        d(2025, 5, 13),
        "office",
        village=ids["A"],
        **dict(zip(counts, (3, 10, 8, 5), strict=True)),
    )
    _drive(
        store,
        ids,
        d(2025, 5, 6),
        "village",
        village=ids["B"],
        **dict(zip(counts, (1, 7, 4, 2), strict=True)),
    )
    _drive(store, ids, d(2025, 5, 19), "village", village=ids["A"], received_count=100)
    _drive(
        store,
        ids,
        d(2025, 4, 1),
        "village",
        village=ids["A"],
        **dict(zip(counts, (0, 20, 15, 10), strict=True)),
    )
    gone = _drive(store, ids, d(2025, 5, 14), "office", received_count=50)
    store.delete_record("activation_drive", gone, user=USER)
    # A roster drive the week before; its own counts are a display copy and never counted.
    d3 = _drive(
        store, ids, d(2025, 5, 7), "school", village=ids["A"], level1_count=50, received_count=99
    )
    phone = "0912345678"
    _row(
        store,
        d3,
        ids["c1"],
        status="activated",
        approved_on=d(2025, 5, 9),
        activated_on=d(2025, 5, 14),
        phone=phone,
    )
    _row(
        store,
        d3,
        ids["c2"],
        status="approved",
        approved_on=d(2025, 5, 12),
        failure_reason="no_smartphone",
    )
    _row(store, d3, ids["c3"], status="refused", failure_reason="absent")
    _row(store, d3, ids["c4"], level="level1", status="level1_registered")
    _row(store, d3, ids["c5"], status="received")
    deleted_row = _row(
        store,
        d3,
        ids["c6"],
        status="activated",
        approved_on=d(2025, 5, 8),
        activated_on=d(2025, 5, 10),
        phone=phone,
    )
    store.delete_record("drive_roster", deleted_row, user=USER)
    # A roster drive this week, at a workplace with no village: rows go by the citizen's village.
    d4 = _drive(store, ids, d(2025, 5, 15), "workplace")
    _row(store, d4, ids["c7"], status="approved", approved_on=d(2025, 5, 18))
    # A deleted roster drive: its live rows do not count either.
    d7 = _drive(store, ids, d(2025, 5, 16), "school")
    _row(store, d7, ids["c5"], status="received")
    store.delete_record("activation_drive", d7, user=USER)
    # Targets: the one in force on the period end that started last wins.
    target = "level2_accounts"
    _save(store, "target", kind=target, value=100, start_on=d(2025, 1, 1), due_on=d(2025, 12, 31))
    _save(store, "target", kind=target, value=40, start_on=d(2025, 5, 1), due_on=d(2025, 6, 30))
    _save(store, "target", kind=target, value=999, start_on=d(2025, 5, 10), due_on=d(2025, 5, 17))
    _save(
        store,
        "target",
        kind="cleanup_cases",
        value=5,
        start_on=d(2025, 5, 12),
        due_on=d(2025, 12, 31),
    )
    dropped = _save(
        store, "target", kind=target, value=7, start_on=d(2025, 5, 12), due_on=d(2025, 12, 31)
    )
    store.delete_record("target", dropped, user=USER)
    # Cleanup cases (K1..K8 in the expectations below).
    _case(store, ids, d(2025, 5, 13), "open", criterion="dung", error_type="birth_date")
    _case(store, ids, d(2025, 4, 28), "verified", criterion="sach", error_type="duplicate_person")
    _case(
        store,
        ids,
        d(2025, 5, 6),
        "corrected",
        closed_on=d(2025, 5, 14),
        criterion="du",
        error_type="missing_field",
    )
    _case(
        store,
        ids,
        d(2025, 5, 12),
        "rejected",
        closed_on=d(2025, 5, 16),
        criterion="song",
        error_type="deceased_listed",
    )
    _case(
        store,
        ids,
        d(2025, 5, 1),
        "corrected",
        closed_on=d(2025, 5, 20),
        criterion="dung",
        error_type="name",
    )
    k6 = _case(store, ids, d(2025, 5, 14), "open", criterion="dung", error_type="sex")
    store.delete_record("cleanup_case", k6, user=USER)
    _case(store, ids, d(2025, 5, 20), "open", criterion="dung", error_type="sex")
    _case(
        store,
        ids,
        d(2025, 4, 20),
        "rejected",
        closed_on=d(2025, 5, 10),
        criterion="sach",
        error_type="phone",
    )
    # Support sessions; the one in village C stays named after C is deleted.
    _session(
        store,
        ids,
        d(2025, 5, 13),
        "A",
        support_types=["vneid", "online_service"],
        public_service="birth_registration",
        citizens_helped=10,
        women_helped=6,
        elderly_helped=2,
    )
    _session(store, ids, d(2025, 5, 17), "B", support_types=["documents"], citizens_helped=5)
    _session(
        store,
        ids,
        d(2025, 5, 18),
        "C",
        support_types=["cashless", "vneid"],
        citizens_helped=4,
        women_helped=1,
        elderly_helped=1,
        minority_helped=3,
    )
    s4 = _session(
        store,
        ids,
        d(2025, 5, 14),
        "A",
        support_types=["online_service"],
        public_service="residence_registration",
        citizens_helped=3,
    )
    store.delete_record("support_session", s4, user=USER)
    _session(store, ids, d(2025, 5, 10), "A", support_types=["vneid"], citizens_helped=8)
    store.delete_record("village", ids["C"], user=USER)
    return ids


@pytest.fixture
def week(store: Store, crafted: dict[str, str]) -> Summary:
    """The crafted commune's summary for 2025-W20."""
    return build_summary(store, WEEK)


def rows(summary: Summary, key: str) -> list[tuple[Any, ...]]:
    """A table's rows as lists, for comparing with hand counts."""
    return [tuple(r) for r in summary.table(key).rows]


def test_e_id_overview_this_week_previous_and_cumulative(week: Summary) -> None:
    assert rows(week, "eid_overview") == [
        ("Tài khoản mức 1 đăng ký", 3, 2, 5),
        ("Hồ sơ mức 2 tiếp nhận", 11, 11, 42),
        ("Hồ sơ mức 2 được phê duyệt", 10, 5, 30),
        ("Tài khoản mức 2 đã kích hoạt", 6, 2, 18),
    ]
    assert week.table("eid_overview").columns == ("Nội dung", "Tuần này", "Tuần trước", "Lũy kế")
    # Rates only between stocks counted to the same day (never this week's activations over
    # this week's applications: two different flows, once 112,5%).
    assert rows(week, "eid_rates") == [
        ("Hồ sơ mức 2 đã tiếp nhận có tài khoản kích hoạt", 18 / 42, 12 / 31),
        ("Tài khoản đã kích hoạt so với chỉ tiêu", 18 / 40, 12 / 40),
    ]
    assert week.table("eid_rates").columns == (
        "Tỷ lệ",
        "Đến ngày 18/05/2025",
        "Đến ngày 11/05/2025",
    )
    assert rows(week, "eid_target") == [(40, 18, 22, 0.45)]


def test_e_id_by_village_of_the_drive_else_of_the_citizen(week: Summary) -> None:
    # D3 was held in Thôn Đông: all its rows count there. D4 (no village): c7's Bản Mường Hum.
    # Village C (deleted) has no e-ID figures but is listed because a support session names it.
    assert rows(week, "eid_by_village") == [
        ("Bản Mường Hum", 1, 1, 0, 8, 2, 0.25),
        ("Thôn Đông", 10, 9, 6, 34, 16, 16 / 34),
        ("Xóm Cũ", 0, 0, 0, 0, 0, None),
        ("Tổng cộng", 11, 10, 6, 42, 18, 18 / 42),
    ]
    assert week.table("eid_by_village").total_row
    assert week.activations_by_place == (("Bản Mường Hum", 0), ("Thôn Đông", 6), ("Xóm Cũ", 0))


def test_not_activated_by_reason_and_drives_by_kind(week: Summary) -> None:
    assert rows(week, "eid_not_activated") == [
        ("Không có điện thoại thông minh", 1),
        ("Công dân vắng mặt/đã chuyển đi", 1),
        ("Chưa rõ lý do", 1),
        ("Tổng cộng", 3),
    ]
    assert rows(week, "eid_drives") == [
        ("Tại trụ sở", 1, 0, 1),
        ("Lưu động tại thôn/xóm", 0, 1, 2),
        ("Tại trường học", 0, 1, 1),
        ("Tại cơ quan, doanh nghiệp", 1, 0, 1),
        ("Tổng cộng", 2, 2, 5),
    ]


def test_cleanup_counts_backlog_and_oldest_case(week: Summary) -> None:
    assert rows(week, "cleanup_overview") == [
        ("Trường hợp phát hiện mới", 2, 1),
        ("Đã xác minh, đang xử lý", 1, 1),
        ("Đã chỉnh sửa", 1, 0),
        ("Xác định không phải sai sót", 1, 1),
        ("Tồn đọng cuối kỳ", 3, 3),
    ]
    assert rows(week, "cleanup_by_criterion") == [
        ("Đúng", 1, 0, 0, 2, 17),
        ("Đủ", 0, 1, 0, 0, None),
        ("Sạch", 0, 0, 0, 1, 20),
        ("Sống", 1, 0, 1, 0, None),
        ("Tổng cộng", 2, 1, 1, 3, 20),
    ]
    assert rows(week, "cleanup_backlog") == [
        ("Sai ngày sinh", 1, 5),
        ("Sai họ tên", 1, 17),
        ("Trùng nhân khẩu", 1, 20),
        ("Tổng cộng", 3, 20),
    ]


def test_support_by_type_service_and_village(week: Summary) -> None:
    assert rows(week, "support_by_type") == [
        ("Cài đặt, kích hoạt VNeID", 2, 14),
        ("Tích hợp giấy tờ vào VNeID", 1, 5),
        ("Dịch vụ công trực tuyến", 1, 10),
        ("Thanh toán không dùng tiền mặt", 1, 4),
        ("Tổng số (không tính trùng)", 3, 19),
    ]
    assert rows(week, "support_online_services") == [
        ("Đăng ký khai sinh", 1, 10),
        ("Tổng cộng", 1, 10),
    ]
    assert rows(week, "support_by_village") == [
        ("Bản Mường Hum", 1, 5, 0, 0, 0),
        ("Thôn Đông", 1, 10, 6, 2, 0),
        ("Xóm Cũ", 1, 4, 1, 1, 3),
        ("Tổng cộng", 3, 19, 7, 3, 3),
    ]


def test_headlines_and_compare(week: Summary) -> None:
    heads = {h.key: (h.value, h.previous, h.target) for h in week.headlines}
    assert heads == {
        "received": (11, 11, None),
        "approved": (10, 5, None),
        "activated": (6, 2, None),
        "activated_share": (18 / 42, 12 / 31, None),
        "activated_cumulative": (18, 12, 40),
        "level1": (3, 2, None),
        "cleanup_backlog": (3, 3, None),
        "cleanup_closed": (2, 1, None),
        "support_sessions": (3, 1, None),
        "support_helped": (19, 8, None),
    }
    assert week.compare == (
        ("Mức 1", 2, 3),
        ("Tiếp nhận", 11, 11),
        ("Phê duyệt", 5, 10),
        ("Kích hoạt", 2, 6),
        ("Làm sạch xong", 1, 2),
        ("Người được hỗ trợ", 8, 19),
    )


def test_sections_prose_in_vietnamese_number_format(week: Summary) -> None:
    assert [(s.number, s.title) for s in week.sections] == [
        ("I", "Kết quả cấp, kích hoạt tài khoản định danh điện tử"),
        ("II", "Làm sạch dữ liệu dân cư"),
        ("III", "Hỗ trợ người dân"),
        ("IV", "Chất lượng dữ liệu"),
    ]
    eid = week.sections[0].paragraphs
    assert eid[0] == (
        "Trong tuần, tiếp nhận 11 hồ sơ mức 2, phê duyệt 10, kích hoạt 6 tài khoản; "
        "đăng ký 3 tài khoản mức 1. So với tuần trước: tiếp nhận 11, kích hoạt 2."
    )
    assert eid[2] == (
        "Lũy kế đến ngày 18/05/2025: tiếp nhận 42 hồ sơ mức 2, kích hoạt 18 tài khoản "
        "(42,9% số hồ sơ đã tiếp nhận), đạt 45,0% chỉ tiêu (40 tài khoản)."
    )
    assert "trường hợp lâu nhất đã 20 ngày" in week.sections[1].paragraphs[1]
    assert week.sections[2].paragraphs[1] == (
        "Trong đó nữ 7, người cao tuổi 3, người dân tộc thiểu số 3 (theo số liệu được ghi nhận)."
    )
    assert week.scope == "commune" and week.unit_code == "00004"
    assert week.unit_name == "Phường Ba Đình"


def test_data_quality_counts_are_the_checks_counts(store: Store, week: Summary) -> None:
    expected = summary_counts(run_checks(store, today=WEEK.end))
    assert rows(week, "quality_checks")[:-1] == [
        (CRITERION_LABELS[CHECKS[check][0]].vi, CHECK_LABELS[check].vi, n)
        for check, n in expected.items()
    ]
    assert rows(week, "quality_checks")[-1] == ("Tổng cộng", "", sum(expected.values()))
    assert sum(expected.values()) > 0  # the crafted adults have no ID number
    assert len(build_summary(store, WEEK, quality=False).sections) == 3


def test_month_period_and_previous_month(store: Store, crafted: dict[str, str]) -> None:
    may = build_summary(store, month_period(2025, 5))
    # May: D1 10 + D2 7 + roster of D3 4 + roster of D4 1 + the Monday-after drive 100.
    assert rows(may, "eid_overview")[1] == ("Hồ sơ mức 2 tiếp nhận", 122, 20, 142)
    assert rows(may, "eid_overview")[3] == ("Tài khoản mức 2 đã kích hoạt", 8, 10, 18)
    assert may.table("eid_overview").columns[1:3] == ("Tháng này", "Tháng trước")
    assert rows(may, "eid_target") == [(40, 18, 22, 0.45)]
    assert may.sections[0].paragraphs[0].startswith("Trong tháng, tiếp nhận 122 hồ sơ mức 2")


def test_free_range_picks_the_target_in_force_on_its_last_day(
    store: Store, crafted: dict[str, str]
) -> None:
    days = build_summary(store, range_period(date(2025, 5, 12), date(2025, 5, 14)))
    # Previous range: 09–11/05 (three days): only c1's approval on 09/05.
    assert rows(days, "eid_overview")[1:3] == [
        ("Hồ sơ mức 2 tiếp nhận", 10, 0, 41),
        ("Hồ sơ mức 2 được phê duyệt", 9, 1, 29),
    ]
    assert rows(days, "eid_target")[0][0] == 999
    july = build_summary(store, range_period(date(2025, 7, 1), date(2025, 7, 7)))
    assert rows(july, "eid_target")[0][0] == 100
    assert july.sections[0].paragraphs[0].startswith("Trong kỳ, tiếp nhận 0 hồ sơ mức 2")


def test_no_target_and_empty_database(store: Store) -> None:
    empty = build_summary(store, WEEK, quality=False)
    assert rows(empty, "eid_target") == [(None, 0, None, None)]
    assert "chưa có chỉ tiêu" in empty.sections[0].paragraphs[2]
    assert rows(empty, "eid_by_village") == [("Tổng cộng", 0, 0, 0, 0, 0, None)]
    assert empty.sections[2].paragraphs == ("Trong tuần chưa ghi nhận buổi hỗ trợ người dân nào.",)
    assert empty.activations_by_place == ()


def test_to_dict_is_json_and_holds_no_personal_data(week: Summary) -> None:
    text = json.dumps(week.to_dict(), ensure_ascii=False)
    data = json.loads(text)
    assert data["tables"]["eid_overview"]["rows"][3] == ["Tài khoản mức 2 đã kích hoạt", 6, 2, 18]
    assert data["headlines"]["activated_cumulative"]["target"] == 40
    assert "Công Dân Số" not in text and "0912345678" not in text
    assert "Cán bộ Một" not in text


def test_progress_is_reported_and_cancel_stops(store: Store, crafted: dict[str, str]) -> None:
    from de06desk.domain.progress import Cancelled

    seen: list[float] = []
    build_summary(store, WEEK, progress=lambda f, _t: seen.append(f))
    assert seen == sorted(seen) and seen[-1] < 1
    with pytest.raises(Cancelled):
        build_summary(store, WEEK, cancelled=lambda: True)


def test_demo_summary_is_consistent(demo_store: Store) -> None:
    """On the demo: totals agree across tables and with the drives' own display copies."""
    summary = build_summary(demo_store, parse_week("2026-W47"))
    overview = {r[0]: r[1:] for r in rows(summary, "eid_overview")}
    by_village = rows(summary, "eid_by_village")
    assert by_village[-1][1:4] == (
        overview["Hồ sơ mức 2 tiếp nhận"][0],
        overview["Hồ sơ mức 2 được phê duyệt"][0],
        overview["Tài khoản mức 2 đã kích hoạt"][0],
    )
    assert [sum(r[i] for r in by_village[:-1]) for i in range(1, 6)] == list(by_village[-1][1:6])
    assert sum(v for _, v in summary.activations_by_place) == by_village[-1][3]
    # Roster drives keep their counts as a display copy of the roster, and the demo has nothing
    # after the week: cumulative totals equal the sums of the drives' own fields.
    drives = demo_store.list_records("activation_drive")
    for label, count_field in (
        ("Hồ sơ mức 2 tiếp nhận", "received_count"),
        ("Hồ sơ mức 2 được phê duyệt", "approved_count"),
        ("Tài khoản mức 2 đã kích hoạt", "activated_count"),
    ):
        assert overview[label][2] == sum(d[count_field] or 0 for d in drives), label
