"""Reading citizen lists from .xlsx, .xls and .csv files into a plain table of cells.

Lists arrive from the police system, the one-stop office and village heads. Three traps are
handled here rather than in every caller:

- CSV files come in UTF-8 (with or without the BOM Excel adds) or in Windows-1258, the
  Vietnamese Windows code page, which stores tone marks as separate combining characters
  (they are recomposed, NFC, so "Nguyễn" matches "Nguyễn").
- Text typed with the pre-Unicode TCVN3 (.VnTime) or VNI fonts is detected and refused with a
  message saying how to convert it: it cannot be converted reliably here because TCVN3 puts
  capitals in a separate font (.VnTimeH) that reuses the lower-case codes, so case is lost.
- Title rows above the header ("DANH SÁCH CÔNG DÂN THÔN …") are skipped by looking for the
  first row that reads like a header.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from de06desk.domain.i18n import DomainError, msg
from de06desk.quality.mapping import guess_mapping

# How many rows at the top of a sheet may be titles before the header row.
_HEADER_SEARCH_ROWS = 15

Cell = str | int | float | date | None


@dataclass
class RawTable:
    """A sheet as read from a file: header texts, data rows, and where they came from.

    `rows[i]` is the file's row number `first_row + i` (1-based, as a spreadsheet shows it),
    so refusals can point the officer at the right line. Rows are padded to the header width.
    """

    path: Path
    headers: list[str]
    rows: list[list[Cell]]
    first_row: int
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None

    def row_number(self, index: int) -> int:
        """The row number the officer sees in the file for `rows[index]`."""
        return self.first_row + index


SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")
# Encodings offered to the user; None means "detect".
ENCODINGS = ("utf-8", "utf-8-sig", "cp1258")


def read_table(path: Path | str, encoding: str | None = None, sheet: str | None = None) -> RawTable:
    """Read the first sheet (or `sheet`) of an .xlsx/.xls file, or a .csv file.

    `encoding` applies to CSV only; None detects UTF-8 (with or without BOM) or Windows-1258.
    Raises `DomainError` for a file it cannot read, an empty sheet, or legacy-font text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DomainError(
            msg(
                "Không đọc được tệp “{name}”: chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV.",
                "Cannot read “{name}”: only Excel (.xlsx, .xls) or CSV files are accepted.",
                name=path.name,
            )
        )
    if suffix in (".xlsx", ".xlsm"):
        sheets, name, grid = _read_xlsx(path, sheet)
        used_encoding = None
    elif suffix == ".xls":
        sheets, name, grid = _read_xls(path, sheet)
        used_encoding = None
    else:
        text, used_encoding = _decode(path, encoding)
        grid = _read_csv(text, path.name)
        sheets, name = [], None
    grid = [[_clean_cell(c) for c in row] for row in grid]
    _refuse_legacy_fonts(path, grid)
    header_index = _find_header(grid)
    if header_index is None:
        raise DomainError(
            msg(
                "Tệp “{name}” không có dữ liệu.",
                "“{name}” holds no data.",
                name=path.name,
            )
        )
    headers = [str(c or "").strip() for c in grid[header_index]]
    width = len(headers)
    rows = [(row + [None] * width)[:width] for row in grid[header_index + 1 :]]
    # Trailing blank rows are formatting leftovers, not data.
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
    return RawTable(
        path=path,
        headers=headers,
        rows=rows,
        first_row=header_index + 2,
        sheet=name,
        sheets=sheets,
        encoding=used_encoding,
    )


def _clean_cell(value: Any) -> Cell:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | date):
        return value
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], str, list[list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or mislabelled file
        raise _unreadable(path, exc) from None
    try:
        names = list(book.sheetnames)
        name = _choose_sheet(path, names, sheet)
        grid = [list(row) for row in book[name].iter_rows(values_only=True)]
    finally:
        book.close()
    return names, name, grid


def _read_xls(path: Path, sheet: str | None) -> tuple[list[str], str, list[list[Any]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors…
        raise _unreadable(path, exc) from None
    try:
        names = book.sheet_names()
        name = _choose_sheet(path, names, sheet)
        ws = book.sheet_by_name(name)
        grid = []
        for r in range(ws.nrows):
            row: list[Any] = []
            for cell in ws.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(cell.value)
            grid.append(row)
    finally:
        book.release_resources()
    return names, name, grid


def _choose_sheet(path: Path, names: list[str], sheet: str | None) -> str:
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    raise DomainError(
        msg(
            "Tệp “{name}” không có trang tính “{sheet}”. Các trang có: {names}.",
            "“{name}” has no sheet “{sheet}”. Its sheets are: {names}.",
            name=path.name,
            sheet=sheet,
            names=", ".join(names),
        )
    )


def _unreadable(path: Path, exc: Exception) -> DomainError:
    return DomainError(
        msg(
            "Không mở được tệp “{name}” ({err}). Tệp có thể bị hỏng hoặc không phải tệp Excel; "
            "hãy mở bằng Excel và lưu lại dạng .xlsx.",
            "Cannot open “{name}” ({err}). The file may be damaged or not an Excel file; open "
            "it in Excel and save it again as .xlsx.",
            name=path.name,
            err=type(exc).__name__,
        )
    )


def _decode(path: Path, encoding: str | None) -> tuple[str, str]:
    data = path.read_bytes()
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise DomainError(
                msg(
                    "Tệp “{name}” không đọc được bằng bảng mã {enc}. Hãy chọn bảng mã khác "
                    "hoặc để phần mềm tự nhận.",
                    "“{name}” cannot be read as {enc}. Choose another encoding or let the app "
                    "detect it.",
                    name=path.name,
                    enc=encoding,
                )
            ) from None
        return _nfc(text), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return _nfc(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _nfc(data.decode("cp1258")), "cp1258"
    except UnicodeDecodeError:
        pass
    # TCVN3 uses bytes Windows-1258 leaves undefined; Latin-1 reads any byte, enough to tell.
    _refuse_legacy_fonts(path, [data.decode("latin-1").split()])
    raise DomainError(
        msg(
            "Không nhận ra bảng mã của tệp “{name}”. Hãy mở tệp bằng Excel và lưu lại dạng "
            ".xlsx hoặc “CSV UTF-8”.",
            "Cannot tell the encoding of “{name}”. Open it in Excel and save it again as "
            ".xlsx or “CSV UTF-8”.",
            name=path.name,
        )
    )


def _nfc(text: str) -> str:
    # Windows-1258 keeps tone marks as combining characters; compose them so names compare equal.
    return unicodedata.normalize("NFC", text)


_STRAY_CR = re.compile(r"\r(?!\n)")


def _read_csv(text: str, name: str) -> list[list[Any]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    if "\n" in text:
        # A CR alone in a file with LF line ends is a stray from a cell edited on another
        # program, not a line end: reading it as one would cut a person's row in two.
        text = _STRAY_CR.sub(" ", text)
    # newline="" lets the csv module take CR-only line ends (old Mac files) as line ends.
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise DomainError(
            msg(
                "Tệp “{name}” hỏng ở dòng {line}: {problem}. Hãy mở tệp bằng Excel và lưu lại "
                "dạng CSV UTF-8.",
                "“{name}” is damaged at line {line}: {problem}. Open it in Excel and save it "
                "again as CSV UTF-8.",
                name=name,
                line=reader.line_num,
                problem=str(exc),
            )
        ) from exc


# Characters that never occur in Unicode Vietnamese text but that TCVN3 (.VnTime) and VNI
# text show when read as Unicode: TCVN3 puts ă â ê ô ơ ư đ and toned vowels in 0xA1–0xFE
# (¨ © ª « ¬ ® µ ¶ · ¸ ¹ » ¼ ½ ¾ …); VNI writes marks as separate letters (ø ù û õ ï ö ñ …).
_TCVN3_MARKS = frozenset("¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾ÆÇÈÉËÌÎÏÑÖ×ØÜÞßåæçëîïñöøûüþ")
_VNI_MARKS = frozenset("øûïöñëäØÛÏÖÑËÄ")


def detect_legacy_font(texts: list[str]) -> str | None:
    """ "TCVN3" or "VNI" when the texts look typed with those pre-Unicode fonts, else None."""
    tcvn = vni = letters = 0
    for text in texts:
        for i, ch in enumerate(text):
            if ch.isascii():
                continue
            letters += 1
            # Count a mark only when it sits against a letter, as it does inside a word.
            near_letter = (i > 0 and text[i - 1].isalpha()) or (
                i + 1 < len(text) and text[i + 1].isalpha()
            )
            if not near_letter:
                continue
            tcvn += ch in _TCVN3_MARKS
            vni += ch in _VNI_MARKS
    # None of these characters is a Vietnamese letter, so a few of them, making up a fair
    # share of the non-ASCII letters, are a reliable sign.
    if vni >= 3 and vni * 5 >= letters:
        return "VNI"
    if tcvn >= 3 and tcvn * 5 >= letters:
        return "TCVN3"
    return None


def _refuse_legacy_fonts(path: Path, grid: list[list[Cell]] | list[list[str]]) -> None:
    texts = [c for row in grid[:500] for c in row if isinstance(c, str) and not c.isascii()]
    font = detect_legacy_font(texts)
    if font is None:
        return
    raise DomainError(
        msg(
            "Tệp “{name}” được gõ bằng bảng mã cũ {font} (phông .VnTime/VNI), không phải "
            "Unicode, nên tên người sẽ bị sai. Hãy chuyển sang Unicode trước (ví dụ bằng công "
            "cụ chuyển mã của Unikey: nguồn {font}, đích Unicode), rồi nhập lại.",
            "“{name}” was typed in the old {font} encoding (.VnTime/VNI fonts), not Unicode, "
            "so names would come out wrong. Convert it to Unicode first (e.g. with Unikey's "
            "converter: source {font}, target Unicode), then import again.",
            name=path.name,
            font=font,
        )
    )


def _find_header(grid: list[list[Cell]]) -> int | None:
    """Index of the header row: the first that names at least two known columns, else the
    first non-blank row."""
    first_nonblank = None
    for index, row in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        if all(c is None for c in row):
            continue
        if first_nonblank is None:
            first_nonblank = index
        if len(guess_mapping([str(c or "") for c in row])) >= 2:
            return index
    return first_nonblank
