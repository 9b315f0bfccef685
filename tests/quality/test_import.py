"""Citizen import: preview, refusals, updates by ID number, one transaction, undo."""

from __future__ import annotations

import csv
import random
from datetime import date, datetime
from pathlib import Path

import pytest

from de06desk.demo import _FAMILY, _GIVEN_F, _GIVEN_M, _MIDDLE_F, _MIDDLE_M
from de06desk.domain.i18n import DomainError
from de06desk.quality.citizen_import import (
    apply_import,
    guess_mapping,
    list_imports,
    plan_import,
    read_table,
    undo_import,
    write_refusals,
)
from de06desk.store import Store, StoreError
from tests.quality.helpers import add_citizen, add_villages, write_csv, write_xlsx

TODAY = date(2026, 11, 18)
HEADER = ["Họ và tên", "Số CCCD", "Ngày sinh", "Giới tính", "SĐT", "Thôn/Xóm", "Dân tộc"]


@pytest.fixture
def villages(store: Store) -> dict[str, str]:
    return add_villages(store, "Thôn Đông", "Thôn Tây", "Tổ dân phố 1")


def _plan(store: Store, path: Path, **kwargs):  # type: ignore[no-untyped-def]
    table = read_table(path)
    return plan_import(store, table, guess_mapping(table.headers), today=TODAY, **kwargs)


def _state(store: Store) -> tuple:
    """Everything an import could change: change counter, audit size, every record."""
    audit = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    records = {
        form.id: sorted(
            (r.uuid, r.deleted, tuple(sorted((k, str(v)) for k, v in r.values.items())))
            for r in store.list_records(form.id, include_deleted=True)
        )
        for form in store.forms
    }
    return store.current_change_no(), audit, records


BAD_ROWS = [
    HEADER,
    ["Nguyễn Văn An", "001080000001", "12/03/1980", "Nam", "0912345678", "Thôn Đông", "Kinh"],  # 2
    ["Trần Văn Bình", "00108000000X", "1980", "Nam", "", "Thôn Đông", ""],  # 3 letters in ID
    ["Lê Văn Cường", "003080000002", "1980", "Nam", "", "Thôn Đông", ""],  # 4 unknown province
    ["Phạm Văn Dũng", "01080000003", "1980", "Nam", "", "Thôn Đông", ""],  # 5 11 digits
    ["Hoàng Văn Em", "", "31/02/1980", "Nam", "", "Thôn Đông", ""],  # 6 no such day
    ["Vũ Thị Gấm", "", "01/01/2099", "Nữ", "", "Thôn Đông", ""],  # 7 future birth
    ["Đặng Văn Hải", "", "1980", "X", "", "Thôn Đông", ""],  # 8 unknown sex
    ["Bùi Văn Huy", "", "1980", "Nam", "0212345678", "Thôn Đông", ""],  # 9 landline
    ["Đỗ Văn Khánh", "", "1980", "Nam", "", "Thôn Bắc", ""],  # 10 unknown village
    ["", "", "1980", "Nam", "", "Thôn Đông", ""],  # 11 no name
    ["Ngô Văn Long", "", "1980", "Nam", "", "", ""],  # 12 no village
    ["Nguyễn Văn An", "001080000001", "12/03/1980", "Nam", "", "Thôn Đông", ""],  # 13 repeat ID
    ["", "", "", "", "", "", ""],  # 14 blank: skipped, not refused
    ["Hà Thị Sua", "", "năm 1950", "nu", "+84 912 345 679", "Tây", "Mông"],  # 15 good
    ["Lò Văn Páo", "001185000016", "1980", "Nam", "", "tổ dân phố 1", ""],  # 16 ID mismatch
    ["Giàng A Sử", "", "1980", "M", "", "Thôn Đông", "x" * 41],  # 17 ethnicity too long
    ["Sùng Thị Dợ", "", "", "F", "", "Thôn Đông", ""],  # 18 no birth at all
    ["Vàng Văn Tủa", "123456789", "2/3/84", "nam", "", "thon dong", ""],  # 19 old CMND
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_every_kind_of_bad_row_is_refused_alone(
    store: Store, villages: dict[str, str], tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "ds.csv", BAD_ROWS, encoding)
    before = _state(store)
    plan = _plan(store, path)
    assert _state(store) == before, "a preview must write nothing"

    assert [p.row_no for p in plan.to_add] == [2, 15, 16, 19]
    reasons = {r.row_no: r.reason.vi for r in plan.refused}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 18]
    expected = {
        3: "chỉ được gồm chữ số",
        4: "Mã tỉnh 003",
        5: "số 0 ở đầu đã bị mất",
        6: "tháng 2/1980 chỉ có 29 ngày",
        7: "không được sau ngày hôm nay",
        8: "Giới tính “X” không hiểu được",
        9: "máy bàn",
        10: "Thôn/xóm “Thôn Bắc” chưa có",
        11: "Họ và tên: bắt buộc",
        12: "Thôn/Xóm/Tổ dân phố: bắt buộc",
        13: "trùng với dòng 2",
        17: "Dân tộc: dài quá 40",
        18: "Cần ngày sinh hoặc ít nhất năm sinh",
    }
    for row_no, fragment in expected.items():
        assert fragment in reasons[row_no], (row_no, reasons[row_no])
    assert plan.blank_rows == 1 and plan.total_rows == 17
    assert [n.row_no for n in plan.notes] == [16, 16]  # birth year and sex both disagree

    added = {p.row_no: p.values for p in plan.to_add}
    assert added[15]["full_name"] == "Hà Thị Sua"
    assert added[15]["birth_year"] == 1950 and added[15]["birth_date"] is None
    assert added[15]["sex"] == "female" and added[15]["phone"] == "0912345679"
    assert added[15]["village"] == villages["Thôn Tây"]
    assert added[16]["village"] == villages["Tổ dân phố 1"]
    assert added[19]["id_number"] == "123456789"
    assert added[19]["birth_date"] == date(1984, 3, 2)
    assert added[19]["village"] == villages["Thôn Đông"]

    result = apply_import(store, plan, "t")
    assert (result.added, result.updated, result.refused) == (4, 0, 13)
    names = sorted(r["full_name"] for r in store.list_records("citizen"))
    assert names == ["Hà Thị Sua", "Lò Văn Páo", "Nguyễn Văn An", "Vàng Văn Tủa"]


@pytest.mark.parametrize(
    "cell, birth_date, birth_year",
    [
        ("12/03/1984", date(1984, 3, 12), None),
        ("2/3/84", date(1984, 3, 2), None),
        ("12.03.1984", date(1984, 3, 12), None),
        ("1984-03-12", date(1984, 3, 12), None),
        (datetime(1984, 3, 12), date(1984, 3, 12), None),
        (30753, date(1984, 3, 12), None),
        ("30753", date(1984, 3, 12), None),
        ("năm 1950", None, 1950),
        ("Năm 1950", None, 1950),
        ("1950", None, 1950),
        (1950, None, 1950),
        (1950.0, None, 1950),
    ],
)
def test_birth_dates_in_every_form(
    store: Store, villages: dict[str, str], tmp_path: Path, cell, birth_date, birth_year
) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx", [["Họ tên", "Ngày sinh", "Thôn"], ["Lê Thị Mai", cell, "Đông"]]
    )
    plan = _plan(store, path)
    assert not plan.refused
    values = plan.to_add[0].values
    assert (values["birth_date"], values["birth_year"]) == (birth_date, birth_year)


def test_numbers_typed_into_number_cells_get_their_zeros_back(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ tên", "Số định danh", "Năm sinh", "Giới tính", "Điện thoại", "Thôn"],
            ["Lê Văn Ba", 1084000999, 1984, "Nam", 912345678, "Đông"],
            ["Lê Thị Bốn", 2185000111, 1985, "Nữ", 388123456, "Đông"],  # code 002 → 10 digits
        ],
    )
    plan = _plan(store, path)
    assert not plan.refused
    assert [(p.values["id_number"], p.values["phone"]) for p in plan.to_add] == [
        ("001084000999", "0912345678"),
        ("002185000111", "0388123456"),
    ]


def test_update_matched_by_id_keeps_what_the_file_leaves_blank_and_undo_restores(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    east = villages["Thôn Đông"]
    first = add_citizen(
        store,
        east,
        full_name="Nguyen Van An",
        id_number="001080000001",
        sex="male",
        birth_year=1980,
        phone="0912345678",
        ethnicity="Kinh",
    )
    same = add_citizen(
        store,
        east,
        full_name="Trần Thị Bé",
        id_number="001185000002",
        sex="female",
        birth_year=1985,
    )
    other = add_citizen(store, east, full_name="Lò Văn Páo", birth_year=1970)
    before = _state(store)
    before_records = {u: store.get_record("citizen", u) for u in (first, same, other)}

    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Số định danh", "Ngày sinh", "Giới tính", "SĐT", "Thôn", "Dân tộc"],
            ["Nguyễn Văn An", "001080000001", "12/03/1980", "Nam", "", "Thôn Tây", ""],
            ["Trần Thị Bé", "001185000002", "1985", "Nữ", "", "Thôn Đông", ""],
            ["Hà Văn Mới", "001090000003", "1990", "Nam", "", "Thôn Đông", ""],
        ],
    )
    plan = _plan(store, path)
    assert plan.unchanged == [3]
    assert [p.row_no for p in plan.to_add] == [4]
    (update,) = plan.to_update
    assert update.uuid == first
    assert set(update.changed) == {"full_name", "birth_date", "birth_year", "village"}
    assert update.values["phone"] == "0912345678" and update.values["ethnicity"] == "Kinh"

    result = apply_import(store, plan, "t")
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    updated = store.get_record("citizen", first)
    assert updated["full_name"] == "Nguyễn Văn An"
    assert updated["birth_date"] == date(1980, 3, 12) and updated["birth_year"] is None
    assert updated["village"] == villages["Thôn Tây"]
    assert updated.change_no > before_records[first].change_no
    assert updated.edit_count == 2
    assert store.get_record("citizen", same).change_no == before_records[same].change_no
    (batch,) = list_imports(store)
    assert (batch.batch_id, batch.added, batch.updated, batch.refused) == (result.batch_id, 1, 1, 0)

    undo_import(store, result.batch_id, "t")
    restored = store.get_record("citizen", first)
    assert restored.values == before_records[first].values
    assert restored.change_no > updated.change_no and restored.edit_count == 3
    assert store.count_records("citizen") == 3
    assert before[2]["citizen"] != _state(store)[2]["citizen"]  # a tombstone was added
    live = {r.uuid: r.values for r in store.list_records("citizen")}
    assert live == {u: r.values for u, r in before_records.items()}
    actions = [
        r[0]
        for r in store.conn.execute(
            "SELECT action FROM audit WHERE detail LIKE '%' || ? || '%'", (result.batch_id,)
        )
    ]
    assert actions.count("update") == 2 and "delete" in actions and "import_undo" in actions
    assert list_imports(store)[0].undone_at is not None
    with pytest.raises(DomainError, match="đã được hoàn tác"):
        undo_import(store, result.batch_id, "t")


def test_ambiguous_id_and_missing_required_columns_are_refused(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    east = villages["Thôn Đông"]
    for name in ("Lê Văn A", "Lê Văn A."):
        add_citizen(store, east, full_name=name, id_number="001080000001")
    path = write_csv(
        tmp_path / "ds.csv", [["Họ tên", "CCCD", "Thôn"], ["Lê Văn A", "001080000001", "Đông"]]
    )
    plan = _plan(store, path)
    assert "đang có ở 2 công dân" in plan.refused[0].reason.vi
    table = read_table(path)
    with pytest.raises(DomainError, match="Chưa chọn cột cho: Thôn/Xóm/Tổ dân phố"):
        plan_import(store, table, {"full_name": 0})


def test_missing_villages_can_be_created_and_undo_removes_them(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ tên", "Năm sinh", "Thôn"],
            ["A Páo", "1970", "Bản Mới"],
            ["A Dế", "1971", "bản mới"],
            ["A Tủa", "1972", "Đông"],
        ],
    )
    plan = _plan(store, path, create_villages=True)
    assert plan.villages_to_create == ["Bản Mới"]
    assert not plan.refused and len(plan.to_add) == 3
    result = apply_import(store, plan, "t")
    assert result.villages_created == 1
    new = store.list_records("village", where={"name": "Bản Mới"})[0]
    assert store.count_records("citizen", where={"village": new.uuid}) == 2
    undo_import(store, result.batch_id, "t")
    assert store.get_record("village", new.uuid) is None
    assert store.count_records("citizen") == 0


def test_undo_refused_when_a_record_was_edited_or_used_since(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [["Họ tên", "Năm sinh", "Thôn"], ["A Páo", "1970", "Đông"], ["A Dế", "1971", "Đông"]],
    )
    result = apply_import(store, _plan(store, path), "t")
    first = store.list_records("citizen")[0]
    store.save_record(
        "citizen", {**first.values, "notes": "đã xác minh"}, user="t", uuid=first.uuid
    )
    before = _state(store)
    with pytest.raises(DomainError, match="1 hồ sơ của lần nhập này đã được sửa"):
        undo_import(store, result.batch_id, "t")
    assert _state(store) == before


def test_plan_gone_stale_writes_nothing(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    uuid = add_citizen(store, villages["Thôn Đông"], full_name="Lê Văn A", id_number="001080000001")
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ tên", "CCCD", "Năm sinh", "Thôn"],
            ["Lê Văn Á", "001080000001", "1980", "Đông"],
            ["Mới", "", "1990", "Đông"],
        ],
    )
    plan = _plan(store, path)
    record = store.get_record("citizen", uuid)
    store.save_record("citizen", {**record.values, "notes": "sửa tay"}, user="t", uuid=uuid)
    before = _state(store)
    with pytest.raises(StoreError, match="sau khi xem trước"):
        apply_import(store, plan, "t")
    assert _state(store) == before
    assert list_imports(store) == []


def test_refusals_file_csv_with_bom_and_xlsx_can_be_fixed_and_reimported(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "ds.csv", BAD_ROWS)
    plan = _plan(store, path)
    out = write_refusals(plan, tmp_path / "tu_choi.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Dòng", "Lý do", *HEADER]
    assert [r[0] for r in rows[1:]] == [
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "17",
        "18",
    ]
    assert rows[1][2] == "Trần Văn Bình"

    xlsx = write_refusals(plan, tmp_path / "tu_choi.xlsx")
    table = read_table(xlsx)
    assert table.headers == ["Dòng", "Lý do", *HEADER]
    assert len(table.rows) == 13
    # Fixed by the officer: the refusal file maps the same columns and imports cleanly.
    mapping = guess_mapping(table.headers)
    assert mapping == {k: v + 2 for k, v in guess_mapping(HEADER).items()}


def _real_looking_rows(n: int, rng: random.Random) -> tuple[list[list[object]], int]:
    """A list as a village head would send it: mixed date styles, spaced phones, some errors."""
    villages = ["Thôn Đông", "thôn tây", "Tây", "Tổ dân phố 1", "to dan pho 1"]
    rows: list[list[object]] = [
        ["DANH SÁCH NHÂN KHẨU XÃ (trích xuất)"],
        [],
        [
            "STT",
            "Họ và tên",
            "Số CCCD",
            "Ngày sinh",
            "Giới tính",
            "Số điện thoại",
            "Thôn/Xóm",
            "Dân tộc",
            "Tôn giáo",
        ],
    ]
    bad = 0
    for i in range(n):
        male = rng.random() < 0.5
        name = " ".join(
            [
                rng.choice(_FAMILY),
                rng.choice(_MIDDLE_M if male else _MIDDLE_F),
                rng.choice(_GIVEN_M if male else _GIVEN_F),
            ]
        )
        birth = date(rng.randint(1935, 2012), rng.randint(1, 12), rng.randint(1, 28))
        century = (birth.year - 1900) // 100
        id_number = f"001{2 * century + (0 if male else 1)}{birth.year % 100:02d}{i:06d}"
        style = i % 4
        birth_cell: object = (
            birth.strftime("%d/%m/%Y")
            if style == 0
            else f"{birth.day}/{birth.month}/{birth.year}"
            if style == 1
            else datetime(birth.year, birth.month, birth.day)
            if style == 2
            else f"năm {birth.year}"
        )
        phone = f"09{rng.randint(0, 99999999):08d}"
        phone_cell = f"{phone[:4]} {phone[4:7]} {phone[7:]}" if i % 3 else phone
        if i % 250 == 7:  # a typo in the ID number
            id_number, bad = id_number[:-1] + "O", bad + 1
        rows.append(
            [
                i + 1,
                name,
                id_number,
                birth_cell,
                "Nam" if male else "Nữ",
                phone_cell,
                rng.choice(villages),
                "Kinh",
                "Không",
            ]
        )
    return rows, bad


def test_ten_thousand_row_file(store: Store, villages: dict[str, str], tmp_path: Path) -> None:
    rows, bad = _real_looking_rows(10_000, random.Random(6))
    table = read_table(write_xlsx(tmp_path / "xa.xlsx", rows))
    mapping = guess_mapping(table.headers)
    plan = plan_import(store, table, mapping, today=TODAY)
    assert bad == 40
    assert len(plan.refused) == bad and len(plan.to_add) == 10_000 - bad
    assert all("chỉ được gồm chữ số" in r.reason.vi for r in plan.refused)
    result = apply_import(store, plan, "t")
    assert store.count_records("citizen") == 10_000 - bad
    assert store.count_records("citizen", where={"village": villages["Thôn Tây"]}) > 0
    # Re-importing the same file changes nothing.
    again = plan_import(store, table, mapping, today=TODAY)
    assert len(again.unchanged) == 10_000 - bad and not again.to_add and not again.to_update
    undo_import(store, result.batch_id, "t")
    assert store.count_records("citizen") == 0


def test_apply_reports_progress_while_writing_and_cancel_leaves_nothing(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    from de06desk.domain.progress import Cancelled

    rows = [HEADER] + [
        [f"Người {n}", "", "1980", "Nam", "", "Thôn Đông", ""] for n in range(12_000)
    ]
    plan = _plan(store, write_csv(tmp_path / "lon.csv", rows))
    seen: list[float] = []
    before = _state(store)
    with pytest.raises(Cancelled):
        apply_import(
            store,
            plan,
            "t",
            progress=lambda f, t="": seen.append(f),
            cancelled=lambda: len(seen) > 3,
        )
    assert _state(store) == before
    assert any(0.2 < f < 0.6 for f in seen), seen


def test_a_refusals_file_that_fails_half_way_leaves_the_earlier_file(
    store: Store, villages: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(store, write_csv(tmp_path / "ds.csv", BAD_ROWS))
    out = write_refusals(plan, tmp_path / "tu_choi.csv")
    before = out.read_bytes()
    written = 0

    def disk_full(value: object) -> object:
        nonlocal written
        written += 1
        if written > 20:
            raise OSError(28, "No space left on device")
        return value

    monkeypatch.setattr("de06desk.workbook.csv_value", disk_full)
    with pytest.raises(OSError):
        write_refusals(plan, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
