"""Builders for the quality tests: villages, citizens, and list files in every format."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any

from de06desk.store import Store


def add_villages(store: Store, *names: str) -> dict[str, str]:
    """Create villages; returns name → UUID."""
    return {n: store.save_record("village", {"name": n}, user="t").uuid for n in names}


def add_citizen(store: Store, village: str, **values: Any) -> str:
    """Save a valid citizen (living, born 1980 unless told) and return its UUID."""
    record = {"full_name": "Nguyễn Văn An", "village": village, "living_status": "living"}
    if "birth_date" not in values and "birth_year" not in values:
        record["birth_year"] = 1980
    record.update(values)
    return store.save_record("citizen", record, user="t").uuid


def encode_cp1258(text: str) -> bytes:
    """Text as Windows-1258, the way Vietnamese Windows writes it: base letters (with their
    circumflex/breve/horn when the code page has them) followed by combining tone marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        # Recompose the vowel with its non-tone mark (â, ê, ô, ă, ơ, ư) when one exists.
        for i, mark in enumerate(marks):
            combined = unicodedata.normalize("NFC", base + mark)
            if len(combined) == 1:
                try:
                    combined.encode("cp1258")
                except UnicodeEncodeError:
                    continue
                base, marks = combined, marks[:i] + marks[i + 1 :]
                break
        out += (base + marks).encode("cp1258")
    return bytes(out)


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    """Write rows as CSV in `encoding` ("cp1258" uses encode_cp1258)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    if encoding == "cp1258":
        path.write_bytes(encode_cp1258(text))
    else:
        path.write_text(text, encoding=encoding)
    return path


def write_xlsx(
    path: Path, rows: list[list[Any]], sheet: str = "Danh sách", extra: dict | None = None
) -> Path:
    """Write rows to an .xlsx sheet (and other sheets from `extra`: name → rows)."""
    from openpyxl import Workbook

    # Write-only mode streams rows: several times faster for the 10,000-row list.
    book = Workbook(write_only=True)
    for name, sheet_rows in {sheet: rows, **(extra or {})}.items():
        ws = book.create_sheet(name)
        for row in sheet_rows:
            ws.append(row)
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list[Any]]) -> Path:
    """Write rows to an old-style .xls file."""
    import datetime

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("DS")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                ws.write(r, c, value, date_style)
            elif value is not None:
                ws.write(r, c, value)
    book.save(str(path))
    return path


def write_xlsx_layout(path: Path, rows: list[list[Any]], merges: list[str] = ()) -> Path:  # type: ignore[assignment]
    """Write rows to an .xlsx sheet with merged ranges ("A5:A10"), as population lists are
    drawn: the merged cells below the top-left one are left empty, as Excel leaves them."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "DS"
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    book.save(path)
    return path
