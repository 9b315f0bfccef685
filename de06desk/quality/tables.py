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
- Layouts as population lists are drawn (`_layout`): a second header row under merged group
  headers ("Ngày tháng năm sinh" over "Nam" / "Nữ"), vertically merged cells (one "Thôn Đông"
  over six rows) filled down, the column-number row "(1) (2) … (9)", repeated headers and the
  footer ("Tổng cộng", "NGƯỜI LẬP BIỂU", signatures) skipped and counted, never refused.
- UTF-16/UTF-32 text (Excel's "Unicode Text") is recognised by its BOM or its NUL bytes.

Workbooks are read with python-calamine (a Rust reader, ~7× faster than openpyxl on a
50,000-row sheet, docs/BENCHMARKS.md); it also gives the merged ranges, so openpyxl is not
needed to read at all.
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

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.text import fold
from de06desk.quality.mapping import guess_any, header_key

# Rows between two looks at the Cancel button.
_BLOCK = 10_000
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
    # File row numbers of `rows` when rows were skipped in between (else first_row + i).
    row_numbers: list[int] | None = None
    # Rows that are not data (column numbers, repeated headers, footer): (row number, kind).
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Rows the reader could only partly make sense of (a stray quote): row number → reason.
    damaged: dict[int, Msg] = field(default_factory=dict)

    def row_number(self, index: int) -> int:
        """The row number the officer sees in the file for `rows[index]`."""
        if self.row_numbers is not None:
            return self.row_numbers[index]
        return self.first_row + index


SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")
# Encodings offered to the user; None means "detect".
ENCODINGS = ("utf-8", "utf-8-sig", "cp1258", "utf-16", "utf-16-le", "utf-16-be", "utf-32")


# Far above any real list (200,000 rows of CSV are ~20 MB): a bigger "list" is refused before
# it is read into memory.
MAX_LIST_BYTES = 256 * 1024 * 1024


def _check_readable(path: Path) -> None:
    """Refuse what is not an ordinary file of a sane size (a device such as /dev/zero, a pipe,
    a folder) before anything is read: reading it would never end, or fill the memory."""
    if path.exists() and not path.is_file():
        raise DomainError(
            msg(
                "Không đọc được “{name}”: không phải một tệp danh sách (thư mục hoặc thiết bị).",
                "Cannot read “{name}”: it is not a list file (a folder or a device).",
                name=path.name,
            )
        )
    if path.exists() and path.stat().st_size > MAX_LIST_BYTES:
        raise DomainError(
            msg(
                "Tệp “{name}” quá lớn ({mb} MB, tối đa {max} MB): hãy chia danh sách thành nhiều "
                "tệp.",
                "“{name}” is too large ({mb} MB, at most {max} MB): split the list into "
                "several files.",
                name=path.name,
                mb=path.stat().st_size // 1_000_000,
                max=MAX_LIST_BYTES // 1_000_000,
            )
        )


def read_table(
    path: Path | str,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> RawTable:
    """Read the first sheet (or `sheet`) of an .xlsx/.xls file, or a .csv file.

    `encoding` applies to CSV only; None detects UTF-8 (with or without BOM), UTF-16/UTF-32
    or Windows-1258. Raises `DomainError` for a file it cannot read, an empty sheet, or
    legacy-font text; `Cancelled` when `cancelled()` turns true (checked between row blocks
    once the file is read: the reader itself is one call).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    _check_readable(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise DomainError(
            msg(
                "Không đọc được tệp “{name}”: chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV.",
                "Cannot read “{name}”: only Excel (.xlsx, .xls) or CSV files are accepted.",
                name=path.name,
            )
        )
    merges: list[_Range] = []
    damaged: dict[int, Msg] = {}
    if suffix in (".xlsx", ".xlsm", ".xls"):
        sheets, name, grid, merges = _read_workbook(path, sheet)
        used_encoding = None
    else:
        text, used_encoding = _decode(path, encoding)
        grid, damaged = _read_csv(text, path.name)
        sheets, name = [], None
    progress(0.3, "")
    cleaned: list[list[Cell]] = []
    for start in range(0, len(grid), _BLOCK):
        if cancelled():
            raise Cancelled()
        cleaned += [_clean_row(row) for row in grid[start : start + _BLOCK]]
        progress(0.3 + 0.4 * min(1.0, (start + _BLOCK) / len(grid)), "")
    grid = cleaned
    _refuse_legacy_fonts(path, grid)
    _fill_merges(grid, merges)
    header_index = _find_header(grid)
    if header_index is None:
        raise DomainError(
            msg(
                "Tệp “{name}” không có dữ liệu.",
                "“{name}” holds no data.",
                name=path.name,
            )
        )
    headers, data_start = _headers(grid, header_index)
    width = len(headers)
    header_keys = {header_key(h) for h in headers} - {""}
    body: list[list[Cell]] = []
    kinds: list[str | None] = []
    for index in range(data_start, len(grid)):
        if index % _BLOCK == 0:
            if cancelled():
                raise Cancelled()
            progress(0.7 + 0.3 * index / len(grid), "")
        row = (grid[index] + [None] * width)[:width]
        body.append(row)
        kinds.append(_row_kind(row, header_keys))
    _mark_signature_block(body, kinds, width)
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    skipped: list[tuple[int, str]] = []
    for offset, (row, kind) in enumerate(zip(body, kinds, strict=True)):
        if kind is not None:
            skipped.append((data_start + offset + 1, kind))
        else:
            rows.append(row)
            numbers.append(data_start + offset + 1)
    # Trailing blank rows are formatting leftovers, not data.
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
        numbers.pop()
    kept = set(numbers)
    return RawTable(
        path=path,
        headers=headers,
        rows=rows,
        first_row=data_start + 1,
        sheet=name,
        sheets=sheets,
        encoding=used_encoding,
        row_numbers=numbers,
        skipped=skipped,
        damaged={n: m for n, m in damaged.items() if n in kept},
    )


# A merged range: (first row, first column), (last row, last column), 0-based and inclusive.
_Range = tuple[tuple[int, int], tuple[int, int]]


def _fill_merges(grid: list[list[Cell]], merges: list[_Range]) -> None:
    """Give every cell of a merged range the value of its top-left cell.

    A vertical range (one column: "Thôn Đông" over six people) is filled down wherever it is.
    A range over several columns is filled across only near the top, where it is a group
    header ("Ngày tháng năm sinh" over "Nam" and "Nữ"); lower down it is a section heading or
    a footer, and copying it into every column would make a fake data row.
    """
    for (top, left), (bottom, right) in merges:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        if right > left and top > _HEADER_SEARCH_ROWS:
            continue
        value = grid[top][left]
        for r in range(top, min(bottom, len(grid) - 1) + 1):
            row = grid[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value


def _headers(grid: list[list[Cell]], index: int) -> tuple[list[str], int]:
    """Header texts and the index of the first data row, joining a two-row header.

    The row under the header is a second header row when its texts all sit under a group
    header (merged over several columns, so repeated by `_fill_merges`), under a blank header,
    or repeat the header above (a header merged over both rows) — never under a header of
    its own, which is what a data row does.
    """
    top = [str(c).strip() if c is not None else "" for c in grid[index]]
    if index + 1 >= len(grid):
        return top, index + 1
    below = grid[index + 1]
    subs = [str(c).strip() if isinstance(c, str) else "" for c in below]
    new_text = False
    for column, cell in enumerate(below):
        if cell is None:
            continue
        above = top[column] if column < len(top) else ""
        if not isinstance(cell, str):
            return top, index + 1
        if cell == above:
            continue
        group = above and any(
            0 <= n < len(top) and top[n] == above for n in (column - 1, column + 1)
        )
        if above and not group:
            return top, index + 1
        new_text = True
    if not new_text:
        return top, index + 1
    width = max(len(top), len(subs))
    top += [""] * (width - len(top))
    subs += [""] * (width - len(subs))
    headers = []
    for above, sub in zip(top, subs, strict=True):
        if not sub or sub == above:
            headers.append(above)
        elif not above:
            headers.append(sub)
        else:
            headers.append(f"{above} - {sub}")
    return headers, index + 2


_COLUMN_NUMBER = re.compile(r"^\(?\s*[0-9]{1,2}\s*\)?$")
# Footer starts: totals and the signature block under a list. Written folded.
_FOOTER = re.compile(
    r"^(?:tong cong|tong so|cong\s*(?:[:(]|$)|cong (?:thon|xom|to|ban|ap)\b|"
    r"nguoi lap|nguoi ke khai|truong thon|truong ban|"
    r"to truong|truong cong an|chu tich|xac nhan|can bo|ky ten|\(ky|ky,|ky ghi ro|"
    r"t/?m |tm |k/?t |kt |.{0,40}ngay .{0,6}thang .{0,6}nam)"
)


def _row_kind(row: list[Cell], header_texts: set[str]) -> str | None:
    """Why a row below the header is not data ("column_numbers", "header", "footer" for a
    totals or signature line), or None."""
    cells = [c for c in row if c is not None]
    if not cells:
        return None
    first = cells[0]
    if len(cells) >= 3 and _COLUMN_NUMBER.match(_cell_text(first)):
        texts = [_cell_text(c) for c in cells]
        if all(_COLUMN_NUMBER.match(t) for t in texts):
            numbers = [int(t.strip("() ")) for t in texts]
            if numbers == sorted(numbers) and len(set(numbers)) == len(numbers):
                return "column_numbers"
    if isinstance(first, str):
        if (
            len(cells) >= 2
            and header_key(first) in header_texts
            and all(isinstance(c, str) and header_key(c) in header_texts for c in cells)
        ):
            return "header"
        if _FOOTER.match(fold(first)):
            return "footer"
    return None


def _mark_signature_block(rows: list[list[Cell]], kinds: list[str | None], width: int) -> None:
    """Mark as footer the short rows under the last totals/signature line (signers' names, the
    place and date line): only in the block at the very end where every row is short, so a
    subtotal line in the middle of a list never hides the people after it."""
    short = max(1, min(3, width - 1))
    start = None
    for index in range(len(rows) - 1, -1, -1):
        filled = sum(c is not None for c in rows[index])
        if kinds[index] == "footer":
            start = index
        elif filled > short:
            break
    if start is None:
        return
    for index in range(start, len(rows)):
        if kinds[index] is None and any(c is not None for c in rows[index]):
            kinds[index] = "footer"


def _cell_text(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _clean_row(row: list[Any]) -> list[Cell]:
    """`_clean_cell` over a row, with the common types (text, numbers) decided inline: a
    50,000-row list has 350,000 cells."""
    out: list[Cell] = []
    for value in row:
        kind = type(value)
        if kind is str:
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                value = unicodedata.normalize("NFC", value)
            out.append(value.strip() or None)
        elif kind is float or kind is int or value is None:
            out.append(value)
        else:
            out.append(_clean_cell(value))
    return out


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


def _read_workbook(
    path: Path, sheet: str | None
) -> tuple[list[str], str, list[list[Any]], list[_Range]]:
    """Cell values and merged ranges of one sheet of an .xlsx/.xlsm/.xls file (python-calamine)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for a damaged file
        raise _unreadable(path, exc) from None
    try:
        names = list(book.sheet_names)
        name = _choose_sheet(path, names, sheet)
        ws = book.get_sheet_by_name(name)
        # Not skipping the empty area keeps row and column indexes those of the sheet, which
        # the merged ranges and the row numbers shown to the officer use.
        grid = [
            [None if c == "" else c for c in row] for row in ws.to_python(skip_empty_area=False)
        ]
        merges = list(ws.merged_cell_ranges or [])
    except DomainError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from None
    finally:
        book.close()
    return names, name, grid, merges


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


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _sniff_wide(data: bytes) -> str | None:
    """UTF-16/UTF-32 without a BOM, told by where the NUL bytes of ASCII letters fall."""
    sample = data[:4096]
    if len(sample) < 8 or sample.count(0) * 4 < len(sample):
        return None
    if sample[1:4] == b"\x00\x00\x00":
        return "utf-32-le"
    if sample[:3] == b"\x00\x00\x00":
        return "utf-32-be"
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > even * 4:
        return "utf-16-le"
    if even > odd * 4:
        return "utf-16-be"
    return None


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
        return _nfc(text.removeprefix("\ufeff")), encoding
    found = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _sniff_wide(data)
    if found:
        # A damaged character becomes U+FFFD; the row holding it is refused with its reason.
        return _nfc(data.decode(found, errors="replace").removeprefix("\ufeff")), found
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes (a cut copy, a bad USB stick): mostly well-formed
    # multi-byte letters. Read it as UTF-8 so only the rows with damaged bytes are refused —
    # read as Windows-1258 or TCVN3 every Vietnamese letter would come out wrong.
    loose = data.decode("utf-8", errors="replace")
    damaged = loose.count("\ufffd")
    good = sum(1 for ch in loose if not ch.isascii()) - damaged
    if good >= 3 and good >= damaged * 2:
        return _nfc(loose), "utf-8"
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


def _read_csv(text: str, name: str) -> tuple[list[list[Any]], dict[int, Msg]]:
    """Rows of a CSV text, and the rows damaged by a stray quote (row number → reason)."""
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    if "\n" in text:
        # A CR alone in a file with LF line ends is a stray from a cell edited on another
        # program, not a line end: reading it as one would cut a person's row in two.
        text = _STRAY_CR.sub(" ", text)
    lines = text.splitlines(keepends=True)
    rows: list[list[Any]] = []
    damaged: dict[int, Msg] = {}
    start = 0
    while start < len(lines):
        # newline="" lets the csv module take CR-only line ends (old Mac files) as line ends.
        reader = csv.reader(io.StringIO("".join(lines[start:]), newline=""), dialect)
        stray_at = None
        try:
            line_before = 0
            for row in reader:
                if reader.line_num - line_before > 1 and _swallowed(row, dialect, rows):
                    stray_at = start + line_before
                    break
                rows.append(list(row))
                line_before = reader.line_num
        except csv.Error as exc:
            raise DomainError(
                msg(
                    "Tệp “{name}” hỏng ở dòng {line}: {problem}. Hãy mở tệp bằng Excel và lưu "
                    "lại dạng CSV UTF-8.",
                    "“{name}” is damaged at line {line}: {problem}. Open it in Excel and save "
                    "it again as CSV UTF-8.",
                    name=name,
                    line=start + reader.line_num,
                    problem=str(exc),
                )
            ) from exc
        if stray_at is None:
            break
        # A quote opened and never closed swallowed the lines after it into one cell. Read
        # that line with quotes as plain characters, refuse it, and go on with the next.
        bare = next(
            csv.reader([lines[stray_at]], delimiter=dialect.delimiter, quoting=csv.QUOTE_NONE)
        )
        rows.append(list(bare))
        damaged[len(rows)] = msg(
            'Dòng có dấu ngoặc kép (") mở mà không đóng; hãy sửa ô đó trong tệp rồi nhập lại '
            "dòng này.",
            'The row has a quote (") opened and never closed; correct that cell in the file and '
            "import this row again.",
        )
        start = stray_at + 1
    return rows, damaged


def _swallowed(
    row: list[str], dialect: type[csv.Dialect] | csv.Dialect, before: list[list[Any]]
) -> bool:
    """True when a record spanning several lines holds whole rows inside one cell: a line
    inside a cell with nearly as many delimiters as the rows above have columns. A note that
    merely runs over two lines (Alt+Enter in Excel, maybe with a comma) is not that."""
    width = max((len(r) for r in before[:50]), default=0)
    needed = max(2, width - 2)
    delimiter = dialect.delimiter
    for cell in row:
        if "\n" in cell and any(line.count(delimiter) >= needed for line in cell.split("\n")[1:]):
            return True
    return False


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
        if len(guess_any([str(c or "") for c in row])) >= 2:
            return index
    return first_nonblank
