"""Reading list files (xlsx, xls, csv in three encodings) and guessing their columns."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from de06desk.domain.i18n import DomainError
from de06desk.quality.mapping import guess_mapping
from de06desk.quality.tables import detect_legacy_font, read_table
from tests.quality.helpers import write_csv, write_xls, write_xlsx

HEADER = ["STT", "Họ và tên", "Số CCCD", "Ngày sinh", "Giới tính", "SĐT", "Thôn/Xóm"]
ROW = [1, "Nguyễn Thị Hường", "001184000999", "12/03/1984", "Nữ", "0912345678", "Thôn Đông"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "ds.csv", [HEADER, ROW], encoding)
    table = read_table(path)
    assert table.encoding == encoding
    assert table.headers == HEADER
    assert table.rows == [["1", *ROW[1:]]]
    assert table.first_row == 2


def test_csv_encoding_can_be_chosen_and_wrong_choice_is_explained(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ds.csv", [HEADER, ROW], "cp1258")
    assert read_table(path, encoding="cp1258").rows[0][1] == "Nguyễn Thị Hường"
    with pytest.raises(DomainError, match="bảng mã utf-8"):
        read_table(path, encoding="utf-8")


def test_semicolon_csv_and_title_rows_above_the_header(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "DANH SÁCH CÔNG DÂN THÔN ĐÔNG;;\n;;\nHọ tên;Năm sinh;Thôn\nLò Văn Páo;1950;Đông\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ["Họ tên", "Năm sinh", "Thôn"]
    assert table.rows == [["Lò Văn Páo", "1950", "Đông"]]
    assert table.row_number(0) == 4


def test_xlsx_types_sheets_and_trailing_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Danh sách"],
            HEADER,
            [1, "Lê Văn Ba", 1084000999, datetime(1984, 3, 12), "Nam", 912345678, "Đông"],
            [None] * 7,
        ],
        extra={"Khác": [["Họ và tên", "Thôn"], ["Hà Thị Sua", "Tây"]]},
    )
    table = read_table(path)
    assert table.sheet == "Danh sách" and table.sheets == ["Danh sách", "Khác"]
    assert table.first_row == 3
    assert table.rows == [[1, "Lê Văn Ba", 1084000999, date(1984, 3, 12), "Nam", 912345678, "Đông"]]
    other = read_table(path, sheet="Khác")
    assert other.rows == [["Hà Thị Sua", "Tây"]]
    with pytest.raises(DomainError, match="không có trang tính “Thiếu”"):
        read_table(path, sheet="Thiếu")


def test_xls_is_read(tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "ds.xls",
        [
            HEADER,
            ["1", "Đặng Thị Ánh", "001184000999", date(1984, 3, 12), "Nữ", "0912345678", "Đông"],
        ],
    )
    table = read_table(path)
    assert table.headers == HEADER
    assert table.rows[0][1] == "Đặng Thị Ánh"
    assert table.rows[0][3] == date(1984, 3, 12)


def test_unreadable_files_are_refused_plainly(tmp_path: Path) -> None:
    bad = tmp_path / "ds.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DomainError, match="Không mở được tệp"):
        read_table(bad)
    with pytest.raises(DomainError, match="chỉ nhận tệp Excel"):
        read_table(tmp_path / "ds.pdf")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DomainError, match="không có dữ liệu"):
        read_table(empty)


# "Nguyễn Văn Hùng, Thôn Bắc" typed with the .VnTime (TCVN3) and VNI-Times fonts.
TCVN3 = ["NguyÔn V¨n Hïng", "Th«n B¾c", "TrÇn ThÞ H­êng"]
VNI = ["Nguyeãn Vaên Huøng", "Thoân Baéc", "Traàn Thò Höôøng"]


def test_legacy_fonts_are_detected() -> None:
    assert detect_legacy_font(TCVN3) == "TCVN3"
    assert detect_legacy_font(VNI) == "VNI"
    assert detect_legacy_font(["Nguyễn Văn Hùng", "Thôn Bắc", "Trần Thị Hường", "Ù Thị Ủ"]) is None


def test_tcvn3_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "cu.xlsx", [["Hä vµ tªn", "Th«n"], *[[n, "Th«n §«ng"] for n in TCVN3]]
    )
    with pytest.raises(DomainError, match=r"TCVN3.*Unikey"):
        read_table(path)
    csv_path = tmp_path / "cu.csv"
    csv_path.write_bytes(
        "Họ tên,Thôn\n".encode() + "\n".join(f"{n},Th«n" for n in TCVN3).encode("latin-1")
    )
    with pytest.raises(DomainError, match="TCVN3"):
        read_table(csv_path)


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["STT", "Họ và tên", "Số CCCD", "Ngày sinh", "Giới tính", "Số điện thoại", "Thôn/Xóm"],
            {"full_name": 1, "id_number": 2, "birth_date": 3, "sex": 4, "phone": 5, "village": 6},
        ),
        (
            ["stt", "ho ten", "so dinh danh", "nam sinh", "gioi tinh", "sdt", "thon"],
            {"full_name": 1, "id_number": 2, "birth_year": 3, "sex": 4, "phone": 5, "village": 6},
        ),
        (
            [
                "HỌ VÀ TÊN",
                "CMND/CCCD",
                "NGÀY, THÁNG, NĂM SINH",
                "Tổ dân phố",
                "Dân tộc",
                "Tôn giáo",
                "Địa chỉ",
            ],
            {
                "full_name": 0,
                "id_number": 1,
                "birth_date": 2,
                "village": 3,
                "ethnicity": 4,
                "religion": 5,
                "address": 6,
            },
        ),
        (
            [
                "Họ tên",
                "Số CCCD (12 số)",
                "Ngày sinh",
                "Năm sinh",
                "SĐT",
                "Nam/Nữ",
                "Ghi chú",
                "Lý do",
            ],
            {
                "full_name": 0,
                "id_number": 1,
                "birth_date": 2,
                "birth_year": 3,
                "phone": 4,
                "sex": 5,
                "notes": 6,
            },
        ),
        (
            ["Số định danh cá nhân", "Ban", "Tình trạng"],
            {"id_number": 0, "village": 1, "living_status": 2},
        ),
        (["Mã hộ", "Quan hệ với chủ hộ", ""], {}),
    ],
)
def test_guess_mapping(headers: list[str], expected: dict[str, int]) -> None:
    assert guess_mapping(headers) == expected


def test_a_device_or_folder_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # /dev/zero named as a CSV list never ends: it must be refused, not read into memory.
    for path in (Path("/dev/zero"), tmp_path):
        with pytest.raises(DomainError, match="không phải một tệp danh sách"):
            read_table(path)
