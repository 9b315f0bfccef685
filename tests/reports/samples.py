"""Hand-built summaries with known numbers: the renderers must print exactly these.

Plain helpers, not fixtures: the summary's own tests share this folder and its conftest.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from de06desk.domain.weeks import parse_week
from de06desk.reports.header import ReportHeader
from de06desk.reports.model import Headline, Section, Summary, Table

VILLAGES = ("Thôn Đông", "Thôn Tây", "Bản Mường Hum", "Tổ dân phố Số 4")


def eid_table() -> Table:
    """Known e-ID figures with a total row and a rate that has nothing to divide ("–")."""
    return Table(
        key="eid_overview",
        title="Kết quả cấp tài khoản định danh điện tử mức 2",
        columns=(
            "Thôn, tổ dân phố",
            "Tiếp nhận",
            "Đã phê duyệt",
            "Đã kích hoạt",
            "Tỷ lệ kích hoạt",
        ),
        kinds=("text", "int", "int", "int", "pct"),
        rows=(
            ("Thôn Đông", 1234, 1100, 937, 0.852),
            ("Thôn Tây", 56, 40, 31, 0.775),
            ("Bản Mường Hum", 0, 0, 0, None),
            ("Tổ dân phố Số 4", 17, 9, 4, 0.4444),
            ("Tổng cộng", 1307, 1149, 972, 0.846),
        ),
        total_row=True,
    )


def make_summary(
    *, rows: int = 0, scope: str = "commune", week: str = "2026-W47", empty: bool = False
) -> Summary:
    """A commune (or hub) summary; `rows` adds a long per-place table of that many rows."""
    period = parse_week(week)
    if empty:
        return Summary(
            period=period,
            unit_code="00004",
            unit_name="Phường Ba Đình",
            scope="commune",
            headlines=(),
            sections=(),
            activations_by_place=(),
            compare=(),
        )
    place = "Xã" if scope == "hub" else "Thôn"
    sections = [
        Section(
            number="I",
            title="Kết quả cấp và kích hoạt tài khoản định danh điện tử",
            paragraphs=(
                "Trong tuần tiếp nhận 1.307 hồ sơ đề nghị cấp tài khoản định danh điện tử mức 2, "
                "đã kích hoạt 972 tài khoản.",
            ),
            tables=(
                eid_table(),
                Table(
                    key="eid_not_activated",
                    title="Chưa kích hoạt theo lý do",
                    columns=("Lý do", "Số công dân"),
                    kinds=("text", "int"),
                    rows=(("Không có điện thoại thông minh", 48), ("SIM không chính chủ", 7)),
                ),
            ),
        ),
        Section(
            number="II",
            title="Làm sạch dữ liệu dân cư",
            paragraphs=("Tồn đọng 23 trường hợp, lâu nhất 41 ngày.",),
            tables=(
                Table(
                    key="cleanup_backlog",
                    title="Trường hợp tồn đọng theo tiêu chí",
                    columns=("Tiêu chí", "Số trường hợp", "Lâu nhất (ngày)"),
                    kinds=("text", "int", "days"),
                    rows=(("Đúng", 12, 41), ("Đủ", 6, 9), ("Sạch", 3, 2), ("Sống", 2, None)),
                ),
            ),
        ),
    ]
    if rows:
        sections.append(
            Section(
                number="III",
                title="Kết quả theo đơn vị",
                paragraphs=(),
                tables=(
                    Table(
                        key="ranking" if scope == "hub" else "eid_by_village",
                        title=f"Kết quả theo {place.lower()}",
                        columns=(place, "Đã kích hoạt", "Tỷ lệ"),
                        kinds=("text", "int", "pct"),
                        rows=tuple(
                            (f"{place} Số {i:03d}", 10_000 + i, (i % 100) / 100)
                            for i in range(1, rows + 1)
                        ),
                    ),
                ),
            )
        )
    return Summary(
        period=period,
        unit_code="00004" if scope == "commune" else "HN01",
        unit_name="Phường Ba Đình" if scope == "commune" else "Công an thành phố Hà Nội",
        scope=scope,  # type: ignore[arg-type]
        headlines=(
            Headline("received", "Hồ sơ mức 2 tiếp nhận", 1307, 1250),
            Headline("activated", "Tài khoản mức 2 đã kích hoạt", 972, 901, target=5000),
            Headline("rate", "Tỷ lệ kích hoạt", 0.852, 0.8, kind="pct"),
        ),
        sections=tuple(sections),
        activations_by_place=tuple(zip(VILLAGES, (937, 31, 0, 4), strict=True)),
        compare=(("Tiếp nhận", 1250, 1307), ("Phê duyệt", 1003, 1149), ("Kích hoạt", 901, 972)),
    )


def make_header(**changes: object) -> ReportHeader:
    """A commune's letterhead with a report number and a fixed date."""
    values: dict[str, object] = {
        "parent_body": "CÔNG AN THÀNH PHỐ HÀ NỘI",
        "unit_name": "CÔNG AN PHƯỜNG BA ĐÌNH",
        "place_name": "Ba Đình",
        "report_code": "BC-CAX",
        "signer_title": "TRƯỞNG CÔNG AN PHƯỜNG",
        "signer_name": "Nguyễn Văn Đức",
        "recipients": (
            "Công an thành phố Hà Nội (để báo cáo);",
            "Đảng ủy, UBND phường (để báo cáo);",
        ),
        "number": "12",
        "report_date": date(2026, 11, 24),
    }
    values.update(changes)
    return ReportHeader(**values)  # type: ignore[arg-type]


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text as poppler's pdftotext lays it out (-layout), optionally some pages."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdf_fonts(path: Path) -> list[tuple[str, str, str]]:
    """(name, type, embedded) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        name, emb = parts[0], parts[-5]
        rows.append((name, " ".join(parts[1:-6]), emb))
    return rows


def pdf_pages(path: Path) -> int:
    """Number of pages (pdfinfo)."""
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)[1])  # type: ignore[index]
