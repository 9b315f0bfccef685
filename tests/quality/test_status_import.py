"""VNeID status lists: matched to citizens by ID number, written to the drive roster the
weekly figures and the follow-up list are built from, with preview, conflicts, audit, undo,
and the column mapping remembered for the next list with the same headers."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.domain.i18n import DomainError
from de06desk.quality.citizen_import import guess_mapping, read_table, undo_import
from de06desk.quality.field_lists import followup_rows
from de06desk.quality.profiles import propose_mapping, remember_mapping
from de06desk.quality.status_import import apply_status_import, plan_status_import
from de06desk.store import Store
from tests.quality.helpers import add_citizen, add_villages, write_csv, write_xlsx

TODAY = date(2026, 11, 18)
HEADER = [
    "STT",
    "Họ và tên",
    "Số CCCD/ĐDCN",
    "Trạng thái",
    "Ngày phê duyệt",
    "Ngày kích hoạt",
    "Số điện thoại",
    "Đơn vị",
]


@pytest.fixture
def commune(store: Store) -> dict[str, str]:
    """Four citizens of Thôn Đông, three of them already on a drive roster."""
    village = add_villages(store, "Thôn Đông")["Thôn Đông"]
    officer = store.save_record("officer", {"full_name": "Hà Văn Cán"}, user="t").uuid
    drive = store.save_record(
        "activation_drive",
        {
            "held_on": date(2026, 10, 20),
            "kind": "village",
            "village": village,
            "place": "Nhà văn hóa",
            "officer": officer,
        },
        user="t",
    ).uuid
    ids = {}
    for n, name in enumerate(["An", "Bình", "Cúc", "Dũng"], start=1):
        ids[name] = add_citizen(
            store,
            village,
            full_name=f"Nguyễn Văn {name}",
            id_number=f"00108000000{n}",
            phone=f"091234567{n}",
        )
    roster = {
        "Bình": {"status": "received"},
        "Cúc": {
            "status": "activated",
            "approved_on": date(2026, 10, 25),
            "activated_on": date(2026, 10, 28),
            "phone": "0912345673",
        },
        "Dũng": {"status": "approved", "approved_on": date(2026, 11, 1)},
    }
    for name, values in roster.items():
        store.save_record(
            "drive_roster",
            {"drive": drive, "citizen": ids[name], "level": "level2", **values},
            user="t",
        )
    return {"village": village, "drive": drive, **ids}


ROWS = [
    HEADER,
    [
        1,
        "Nguyễn Văn An",
        "001080000001",
        "Đã kích hoạt",
        "02/11/2026",
        "10/11/2026",
        "0912345671",
        "CA xã",
    ],
    [
        2,
        "Nguyễn Văn Bình",
        "001080000002",
        "Đã phê duyệt, chưa kích hoạt",
        "05/11/2026",
        "",
        "",
        "CA xã",
    ],
    [3, "Nguyễn Văn Cúc", "001080000003", "Đã phê duyệt", "25/10/2026", "", "", "CA xã"],
    [4, "Nguyễn Văn Dũng", "001080000004", "Đã phê duyệt", "03/11/2026", "", "", "CA xã"],
    [5, "Người Lạ", "001080000099", "Đã kích hoạt", "01/11/2026", "02/11/2026", "", "CA xã"],
    [6, "Sai Số", "12AB", "Đã kích hoạt", "", "", "", "CA xã"],
]


def _eid(store: Store) -> dict[int, tuple[int, int, int, int]]:
    """(level 1, received, approved, activated) of ISO weeks 45 and 46 of 2026, whole commune."""
    from de06desk.store.summary_queries import eid_counts

    out = {}
    for week, monday in ((45, date(2026, 11, 2)), (46, date(2026, 11, 9))):
        rows = eid_counts(store, monday, monday + timedelta(days=6), monday - timedelta(days=7))
        out[week] = tuple(sum(r.counts[0][i] for r in rows) for i in range(4))
    return out


def _roster(store: Store, citizen: str) -> list[dict]:
    return [r.values for r in store.list_records("drive_roster", where={"citizen": citizen})]


def test_status_list_preview_says_what_changes_and_what_conflicts(
    store: Store, commune: dict[str, str], tmp_path: Path
) -> None:
    table = read_table(write_xlsx(tmp_path / "tt.xlsx", ROWS))
    mapping = guess_mapping(table.headers, "status")
    assert mapping == {
        "full_name": 1,
        "id_number": 2,
        "status": 3,
        "approved_on": 4,
        "activated_on": 5,
        "phone": 6,
    }
    plan = plan_status_import(store, table, mapping, today=TODAY)
    assert [p.row_no for p in plan.to_add] == [2]
    assert [p.row_no for p in plan.to_update] == [3]
    assert plan.to_update[0].changed == ("status", "approved_on")
    conflicts = {c.row_no: c.message.vi for c in plan.conflicts}
    assert conflicts[4] == "xã ghi “Đã kích hoạt”, danh sách ghi “Đã phê duyệt, chưa kích hoạt”"
    assert "Ngày phê duyệt: xã 2026-11-01, danh sách 2026-11-03" in conflicts[5]
    assert {r.row_no for r in plan.refused} == {6, 7} and plan.not_found == 1
    summary = plan.summary().vi
    assert summary.startswith(
        "6 dòng: thay đổi 2 (đưa vào danh sách đợt 1, cập nhật 1), không đổi 0, khác với xã đã "
        "ghi 2 (giữ theo xã), không tìm thấy công dân 1, bị từ chối 2."
    )
    assert summary.endswith("Cột không dùng: “STT”, “Đơn vị”.")


def test_status_list_reaches_the_follow_up_list_and_undo_takes_it_back(
    store: Store, commune: dict[str, str], tmp_path: Path
) -> None:
    table = read_table(write_xlsx(tmp_path / "tt.xlsx", ROWS))
    plan = plan_status_import(store, table, guess_mapping(table.headers, "status"), today=TODAY)
    before = _eid(store)
    drive_before = store.get_record("activation_drive", commune["drive"]).values
    before_followup = [r.name for r in followup_rows(store, commune["village"])]
    assert before_followup == ["Nguyễn Văn Dũng"]
    result = apply_status_import(store, plan, "t")
    assert (result.added, result.updated, result.refused) == (1, 1, 2)
    (an,) = _roster(store, commune["An"])
    assert an["status"] == "activated" and an["activated_on"] == date(2026, 11, 10)
    drive = store.get_record("activation_drive", an["drive"])
    assert drive["place"] == "Danh sách trạng thái: tt.xlsx"
    assert drive["held_on"] == date(2026, 11, 2)  # An's approval, the earliest new date
    # Drives' count fields follow their roster, as the roster screen keeps them.
    assert (drive["received_count"], drive["approved_count"], drive["activated_count"]) == (1, 1, 1)
    first = store.get_record("activation_drive", commune["drive"])
    assert (first["received_count"], first["approved_count"]) == (3, 3)
    # The weekly figures are built from these rows: week 45 (2–8/11) gains An's application
    # (received on the drive's day) and two approvals (An 02/11, Bình 05/11); week 46 (9–15/11)
    # An's activation on 10/11.
    after = _eid(store)
    assert [a - b for a, b in zip(after[45], before[45], strict=True)] == [0, 1, 2, 0]
    assert [a - b for a, b in zip(after[46], before[46], strict=True)] == [0, 0, 0, 1]
    assert _roster(store, commune["Bình"])[0]["status"] == "approved"
    assert _roster(store, commune["Cúc"])[0]["status"] == "activated"  # conflict: kept
    names = [r.name for r in followup_rows(store, commune["village"])]
    assert sorted(names) == ["Nguyễn Văn Bình", "Nguyễn Văn Dũng"]
    audit = store.conn.execute(
        "SELECT detail FROM audit WHERE action = 'import_status'"
    ).fetchone()[0]
    assert audit.startswith(f"{result.batch_id}: tt.xlsx: +1 ~1 -2 refused, 2 conflicts")

    undo_import(store, result.batch_id, "t")
    restored = store.get_record("activation_drive", commune["drive"])
    assert restored.values == drive_before
    assert _roster(store, commune["An"]) == []
    assert _roster(store, commune["Bình"])[0]["status"] == "received"
    assert store.list_records("activation_drive", where={"uuid": an["drive"]}) == []
    assert [r.name for r in followup_rows(store, commune["village"])] == before_followup
    assert _eid(store) == before
    with pytest.raises(DomainError, match="đã được hoàn tác"):
        undo_import(store, result.batch_id, "t")


def test_an_activated_column_of_crosses_and_a_status_list_without_id_column(
    store: Store, commune: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "tt.csv",
        [
            ["Họ tên", "Số định danh", "Đã kích hoạt VNeID (Mức 2)", "Ngày kích hoạt"],
            ["Nguyễn Văn Bình", "001080000002", "x", "12/11/2026"],
            ["Nguyễn Văn Dũng", "001080000004", "", ""],
        ],
    )
    table = read_table(path)
    mapping = guess_mapping(table.headers, "status")
    assert mapping["activated"] == 2
    plan = plan_status_import(store, table, mapping, today=TODAY)
    (update,) = plan.to_update
    # Activated with no phone on the list: the citizen's own number is the activation phone.
    assert update.values["status"] == "activated" and update.values["phone"] == "0912345672"
    assert [r.row_no for r in plan.refused] == [3]
    assert "không cho biết trạng thái" in plan.refused[0].reason.vi
    with pytest.raises(DomainError, match="theo số định danh"):
        plan_status_import(store, table, {"full_name": 0, "status": 2}, today=TODAY)


@pytest.fixture
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    from de06desk.demo import DEMO_PASSWORD, DEMO_USER

    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def _demo_citizens(path: Path, n: int) -> list[tuple[str, str]]:
    with Store.open(path) as store:
        rows = store.conn.execute(
            "SELECT c.full_name, c.id_number FROM citizens c WHERE c.deleted = 0 AND "
            "c.id_number IS NOT NULL AND length(c.id_number) = 12 AND NOT EXISTS (SELECT 1 "
            "FROM drive_roster r WHERE r.citizen = c.uuid AND r.deleted = 0) ORDER BY c.rowid "
            f"LIMIT {n}"
        ).fetchall()
    return [(r[0], r[1]) for r in rows]


def test_cli_status_import_with_map_remembers_the_mapping_and_undoes(
    demo_path: Path, tmp_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    people = _demo_citizens(demo_path, 2)
    headers = ["Họ tên", "Mã công dân", "Tình hình", "Ngày duyệt"]
    path = write_csv(
        tmp_path / "tt.csv",
        [headers, *[[n, i, "Đã phê duyệt, chưa kích hoạt", "10/11/2026"] for n, i in people]],
    )
    args = ["import", "status", "--db", str(demo_path), str(path), "--yes"]
    # "Mã công dân" and "Tình hình" are not known headers: without --map there is no ID column.
    assert main(args) == 1
    assert "theo số định danh" in capsys.readouterr().err
    code = main([*args, "--map", "Ma cong dan=id_number", "--map", "Tình hình=Trạng thái VNeID"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "2 dòng: thay đổi 2 (đưa vào danh sách đợt 2, cập nhật 0)" in out
    batch = out.rsplit("Mã lần nhập: ", 1)[1].split(" ")[0]
    with Store.open(demo_path) as store:
        mapping, saved = propose_mapping(store, "status", headers)
    assert saved and mapping == {"full_name": 0, "id_number": 1, "status": 2, "approved_on": 3}
    # The same headers next week: the saved mapping is proposed, no --map needed.
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Ghép cột (theo lần nhập trước)" in out and "không đổi 2" in out
    assert main(["import", "undo", "--db", str(demo_path), batch]) == 0
    assert main(["import", "list", "--db", str(demo_path)]) == 0
    assert f"{batch}" in capsys.readouterr().out


def test_cli_map_refuses_unknown_columns_and_fields(
    demo_path: Path, tmp_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "ds.csv", [["Tên", "Năm"], ["Lò Văn A", "1990"]])
    base = ["import", "citizens", "--db", str(demo_path), str(path)]
    assert main([*base, "--map", "Không có=full_name"]) == 1
    assert "Tệp không có cột “Không có”. Các cột có: Tên, Năm." in capsys.readouterr().err
    assert main([*base, "--map", "Tên=ten_la"]) == 1
    assert "Không có trường “ten_la”" in capsys.readouterr().err
    assert main([*base, "--map", "Tên"]) == 1
    assert "không đúng dạng" in capsys.readouterr().err


def test_cli_citizens_with_map_and_one_village(
    demo_path: Path, tmp_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(demo_path) as store:
        village = store.list_records("village", order_by="name")[0]["name"]
    path = write_csv(tmp_path / "ds.csv", [["Tên", "Năm"], ["Lò Văn Mới", "1990"]])
    code = main(
        [
            "import",
            "citizens",
            "--db",
            str(demo_path),
            str(path),
            "--yes",
            "--map",
            "Tên=full_name",
            "--map",
            "Năm=birth_year",
            "--village",
            village,
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 dòng: thêm mới 1" in out
    with Store.open(demo_path) as store:
        (new,) = store.list_records("citizen", where={"full_name": "Lò Văn Mới"})
        assert store.get_record("village", new["village"])["name"] == village


def test_schema_step_4_adds_the_mapping_profiles_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.create(path, unit_code="03037").close()
    # The database as schema 2 left it: no profiles table.
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE import_mappings")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with Store.open(path) as store:
        assert store.migrated_from == 2
        headers = ["Họ tên", "Năm"]
        remember_mapping(store, "citizens", headers, {"full_name": 0, "birth_year": 1}, "t")
        assert propose_mapping(store, "citizens", ["HỌ TÊN", "năm"]) == (
            {"full_name": 0, "birth_year": 1},
            True,
        )


def test_a_level_column_alone_says_registered_or_applied(
    store: Store, commune: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "muc.csv",
        [
            ["Số CCCD", "Mức tài khoản", "Ngày đăng ký"],
            ["001080000001", "Mức 1", "01/11/2026"],
            ["001080000004", "Mức 2", "01/11/2026"],
        ],
    )
    table = read_table(path)
    plan = plan_status_import(store, table, guess_mapping(table.headers, "status"), today=TODAY)
    (added,) = plan.to_add
    assert (added.values["level"], added.values["status"]) == ("level1", "level1_registered")
    # Dũng is already approved: a list saying only "level 2" is behind, so nothing changes.
    assert plan.unchanged == [3] and plan.conflicts == []
    assert plan.unused_columns == ["Ngày đăng ký"]
