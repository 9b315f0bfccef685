"""Lists as communes receive them: title blocks, two-row and merged headers, merged village
cells, column-number and footer rows, UTF-16/UTF-32 text, village from the address or one
village for all, and the damaged-CSV cases (stray quote, NUL, broken UTF-8)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest

from de06desk.domain.i18n import DomainError
from de06desk.quality.citizen_import import guess_mapping, plan_import, read_table
from de06desk.store import Store
from tests.quality.helpers import add_villages, write_csv, write_xlsx_layout

TODAY = date(2026, 11, 18)


@pytest.fixture
def villages(store: Store) -> dict[str, str]:
    return add_villages(store, "Thôn Đông", "Thôn Tây", "Xóm Bãi")


def _plan(store: Store, path: Path, **kwargs):  # type: ignore[no-untyped-def]
    table = read_table(path)
    return plan_import(store, table, guess_mapping(table.headers), today=TODAY, **kwargs)


def _population_list(path: Path) -> Path:
    """The usual population list: a title block, "Ngày tháng năm sinh" merged over "Nam" and
    "Nữ", other headers merged over both header rows, the column-number row, one village cell
    merged over three people, and a footer with totals and signatures."""
    rows = [
        ["CÔNG AN XÃ YÊN BÌNH", None, None, None, None, None, None],
        ["DANH SÁCH CÔNG DÂN THÔN ĐÔNG", None, None, None, None, None, None],
        [None] * 7,
        ["STT", "Họ và tên", "Ngày tháng năm sinh", None, "Số CCCD", "Thôn/Xóm", "Ghi chú"],
        [None, None, "Nam", "Nữ", None, None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "Nguyễn Văn An", datetime(1980, 3, 12), None, "001080000001", "Thôn Đông", None],
        [2, "Trần Thị Bình", None, datetime(1985, 7, 1), "001185000002", None, None],
        [3, "Lê Thị Cúc", None, 1990, None, None, "chỉ biết năm"],
        [4, "Phạm Văn Dũng", 1975, None, None, "Thôn Tây", None],
        ["Tổng cộng: 4 người", None, None, None, None, None, None],
        [None, None, None, None, "Yên Bình, ngày 18 tháng 11 năm 2026", None, None],
        [None, "NGƯỜI LẬP BIỂU", None, None, "TRƯỞNG THÔN", None, None],
        [None, "(Ký, ghi rõ họ tên)", None, None, "(Ký, ghi rõ họ tên)", None, None],
        [None, "Hoàng Văn Em", None, None, "Vũ Văn Phong", None, None],
    ]
    merges = ["A1:G1", "A2:G2", "C4:D4", "A4:A5", "B4:B5", "E4:E5", "F4:F5", "G4:G5", "F7:F9"]
    return write_xlsx_layout(path, rows, merges)


def test_population_list_layout_is_read_as_drawn(tmp_path: Path) -> None:
    table = read_table(_population_list(tmp_path / "ds.xlsx"))
    mapping = guess_mapping(table.headers)
    assert mapping["birth_male"] == 2 and mapping["birth_female"] == 3
    assert mapping["full_name"] == 1 and mapping["id_number"] == 4 and mapping["village"] == 5
    assert [table.row_number(i) for i in range(len(table.rows))] == [7, 8, 9, 10]
    # Merged village cell filled down over the three people under it.
    assert [r[5] for r in table.rows] == ["Thôn Đông", "Thôn Đông", "Thôn Đông", "Thôn Tây"]
    kinds = [kind for _, kind in table.skipped]
    assert kinds == ["column_numbers", "footer", "footer", "footer", "footer", "footer"]


def test_population_list_imports_with_sex_from_the_split_birth_columns(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    plan = _plan(store, _population_list(tmp_path / "ds.xlsx"))
    assert plan.refused == []
    by_name = {p.values["full_name"]: p.values for p in plan.to_add}
    assert by_name["Nguyễn Văn An"]["sex"] == "male"
    assert by_name["Nguyễn Văn An"]["birth_date"] == date(1980, 3, 12)
    assert by_name["Trần Thị Bình"]["sex"] == "female"
    assert by_name["Lê Thị Cúc"] == {**by_name["Lê Thị Cúc"], "sex": "female", "birth_year": 1990}
    assert by_name["Phạm Văn Dũng"]["village"] == villages["Thôn Tây"]
    assert {p.values["village"] for p in plan.to_add[:3]} == {villages["Thôn Đông"]}
    summary = plan.summary().vi
    assert summary.startswith("4 dòng: thêm mới 4, cập nhật 0, không đổi 0, bị từ chối 0")
    assert "bỏ qua 6 dòng không phải dữ liệu (dòng đánh số cột, dòng tổng cộng/chữ ký)" in summary


def test_a_birth_date_in_both_sex_columns_is_refused(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    rows = [
        ["Họ và tên", "Năm sinh", None, "Thôn"],
        [None, "Nam", "Nữ", None],
        ["Ma Văn Hai", 1970, 1971, "Thôn Đông"],
    ]
    plan = _plan(store, write_xlsx_layout(tmp_path / "ds.xlsx", rows, ["B1:C1"]))
    assert [r.row_no for r in plan.refused] == [3]
    assert "cả cột Nam và cột Nữ" in plan.refused[0].reason.vi


def test_a_data_row_under_the_header_is_not_taken_for_a_second_header(tmp_path: Path) -> None:
    rows = [["Họ và tên", "Giới tính", "Thôn"], ["Nguyễn Văn An", "Nam", "Thôn Đông"]]
    table = read_table(write_xlsx_layout(tmp_path / "ds.xlsx", rows))
    assert table.headers == ["Họ và tên", "Giới tính", "Thôn"]
    assert table.rows == [["Nguyễn Văn An", "Nam", "Thôn Đông"]]
    assert table.skipped == []


def test_repeated_header_and_column_numbers_after_a_page_break_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    write_csv(
        path,
        [
            ["Họ và tên", "Năm sinh", "Thôn"],
            ["1", "2", "3"],
            ["Nguyễn Văn An", "1980", "Thôn Đông"],
            ["Họ và tên", "Năm sinh", "Thôn"],
            ["(1)", "(2)", "(3)"],
            ["Lê Văn Bảo", "1981", "Thôn Đông"],
        ],
    )
    table = read_table(path)
    assert [r[0] for r in table.rows] == ["Nguyễn Văn An", "Lê Văn Bảo"]
    assert [table.row_number(i) for i in range(2)] == [3, 6]
    assert table.skipped == [(2, "column_numbers"), (4, "header"), (5, "column_numbers")]


HEADER = ["Họ và tên", "Số CCCD", "Năm sinh", "Giới tính", "Thôn/Xóm"]
ROWS = [
    ["Nguyễn Thị Hường", "001184000999", "1984", "Nữ", "Thôn Đông"],
    ["Lò Văn Páo", "", "1950", "Nam", "Xóm Bãi"],
]
EXPECTED = [[c or None for c in row] for row in ROWS]


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_utf32_text_is_detected(
    store: Store, villages: dict[str, str], tmp_path: Path, encoding: str
) -> None:
    # Excel's "Unicode Text" is tab-separated UTF-16 LE with a BOM; the others come from
    # other tools. With or without a BOM (utf-16/utf-32 write one, -le/-be do not).
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows([HEADER, *ROWS])
    path = tmp_path / "ds.txt"
    path.write_bytes(buffer.getvalue().encode(encoding))
    table = read_table(path)
    assert table.headers == HEADER
    assert table.rows == EXPECTED
    plan = _plan(store, path)
    assert len(plan.to_add) == 2 and plan.refused == []


def test_utf16_can_be_chosen(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes("\n".join(",".join(r) for r in [HEADER, *ROWS]).encode("utf-16-le"))
    assert read_table(path, encoding="utf-16-le").rows == EXPECTED


def test_damaged_utf8_refuses_only_the_damaged_row_and_is_not_called_tcvn3(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    good = "\n".join(",".join(r) for r in [HEADER, *ROWS]).encode()
    # A cut multi-byte letter in the second person's name: "Páo" loses half its "á".
    damaged = good.replace("Páo".encode(), b"P\xc3o")
    path = tmp_path / "ds.csv"
    path.write_bytes(damaged + "\nTrần Văn Tư,,1960,Nam,Thôn Tây".encode())
    table = read_table(path)
    assert table.encoding == "utf-8"
    plan = _plan(store, path)
    assert [p.values["full_name"] for p in plan.to_add] == ["Nguyễn Thị Hường", "Trần Văn Tư"]
    assert [r.row_no for r in plan.refused] == [3]
    assert "chữ bị hỏng" in plan.refused[0].reason.vi


def test_a_stray_quote_refuses_its_row_only(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    lines = [",".join(HEADER)]
    for n in range(20):
        name = f"Người Số {n}"
        lines.append(f'"{name},,1980,Nam,Thôn Đông' if n == 5 else f"{name},,1980,Nam,Thôn Đông")
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = _plan(store, path)
    assert plan.total_rows == 20
    assert len(plan.to_add) == 19
    assert [r.row_no for r in plan.refused] == [7]
    assert "ngoặc kép" in plan.refused[0].reason.vi


def test_a_nul_or_escape_in_a_cell_refuses_the_row(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [
            HEADER,
            ["Nguyễn\x00Văn An", "", "1980", "Nam", "Thôn Đông"],
            ROWS[1],
            ["Trần \x1b[2JVăn", "", "1980", "Nam", "Thôn Đông"],
        ],
    )
    plan = _plan(store, path)
    assert [p.values["full_name"] for p in plan.to_add] == ["Lò Văn Páo"]
    assert [r.row_no for r in plan.refused] == [2, 4]
    assert "U+0000" in plan.refused[0].reason.vi and "Họ và tên" in plan.refused[0].reason.vi
    assert "U+001B" in plan.refused[1].reason.vi


ADDRESS_ROWS = [
    ["Họ và tên", "Năm sinh", "Địa chỉ"],
    ["Nguyễn Văn An", "1980", "Thôn Đông, xã Yên Bình, tỉnh Phú Thọ"],
    ["Lê Văn Bảo", "1981", "số 4 xóm bãi - Yên Bình"],
    ["Trần Văn Cả", "1982", "Yên Bình, Phú Thọ"],
    ["Phạm Văn Dư", "1983", "Thôn Mới, xã Yên Bình"],
]


def test_village_is_taken_from_the_address_when_there_is_no_village_column(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "ds.csv", ADDRESS_ROWS)
    plan = _plan(store, path)
    added = {p.values["full_name"]: p.values["village"] for p in plan.to_add}
    assert added == {"Nguyễn Văn An": villages["Thôn Đông"], "Lê Văn Bảo": villages["Xóm Bãi"]}
    reasons = {r.row_no: r.reason.vi for r in plan.refused}
    assert "Không thấy tên thôn/xóm trong địa chỉ" in reasons[4]
    assert "“Thôn Mới” chưa có" in reasons[5]
    created = _plan(store, path, create_villages=True)
    assert created.villages_to_create == ["Thôn Mới"]


def test_one_village_for_every_row(store: Store, villages: dict[str, str], tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [["Họ và tên", "Năm sinh"], ["Nguyễn Văn An", "1980"], ["Lê Văn Bảo", "1981"]],
    )
    with pytest.raises(DomainError, match="chọn một thôn/xóm cho cả danh sách"):
        _plan(store, path)
    plan = _plan(store, path, village="thon tay")
    assert {p.values["village"] for p in plan.to_add} == {villages["Thôn Tây"]}
    with pytest.raises(DomainError, match="“Thôn Bắc” chưa có"):
        _plan(store, path, village="Thôn Bắc")


def test_a_status_column_in_a_citizen_list_is_not_dropped_without_a_word(
    store: Store, villages: dict[str, str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["STT", "Họ và tên", "Số CCCD/ĐDCN", "Năm sinh", "Thôn", "Đã kích hoạt VNeID (Mức 2)"],
            ["1", "Nguyễn Văn An", "001080000001", "1980", "Thôn Đông", "x"],
        ],
    )
    plan = _plan(store, path)
    note = plan.unused_note()
    assert note is not None
    assert note.vi.startswith("Cột không dùng: “STT”, “Đã kích hoạt VNeID (Mức 2)”.")
    assert "Các cột trạng thái VNeID (“Đã kích hoạt VNeID (Mức 2)”)" in note.vi
    assert "import status" in note.vi


def test_old_xls_lists_keep_their_merged_cells_too(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DS")
    sheet.write_merge(0, 0, 0, 3, "DANH SÁCH")
    sheet.write(1, 0, "Họ tên")
    sheet.write_merge(1, 1, 1, 2, "Năm sinh")
    sheet.write(1, 3, "Thôn")
    sheet.write(2, 1, "Nam")
    sheet.write(2, 2, "Nữ")
    sheet.write(3, 0, "Lò Văn A")
    sheet.write(3, 1, 1980)
    sheet.write_merge(3, 4, 3, 3, "Thôn Đông")
    sheet.write(4, 0, "Lò Thị B")
    sheet.write(4, 2, 1985)
    path = tmp_path / "ds.xls"
    book.save(str(path))
    table = read_table(path)
    assert table.headers == ["Họ tên", "Năm sinh - Nam", "Năm sinh - Nữ", "Thôn"]
    assert table.rows == [
        ["Lò Văn A", 1980, None, "Thôn Đông"],
        ["Lò Thị B", None, 1985, "Thôn Đông"],
    ]
    assert guess_mapping(table.headers) == {
        "full_name": 0,
        "birth_male": 1,
        "birth_female": 2,
        "village": 3,
    }


def test_subtotals_mid_list_and_names_like_footer_words_stay_data(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Năm sinh", "Thôn"],
            ["Công Văn Một", "1980", "Thôn Đông"],
            ["Cộng thôn Đông: 1 người", "", ""],
            ["Lê Văn Hai", "1981", "Thôn Tây"],
            ["Cộng:", "2", ""],
            ["", "NGƯỜI LẬP BIỂU", ""],
            ["", "Hà Văn Ký", ""],
        ],
    )
    table = read_table(path)
    assert [r[0] for r in table.rows] == ["Công Văn Một", "Lê Văn Hai"]
    assert table.skipped == [(3, "footer"), (5, "footer"), (6, "footer"), (7, "footer")]


def test_a_note_over_two_lines_is_not_taken_for_a_stray_quote(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        'Họ và tên,Năm sinh,Thôn,Ghi chú\nLò Văn A,1980,Thôn Đông,"nhà số 5,\nngõ 3"\n'
        "Lò Văn B,1981,Thôn Đông,\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.rows[0][3] == "nhà số 5,\nngõ 3"
    assert table.damaged == {} and len(table.rows) == 2
