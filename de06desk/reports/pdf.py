"""The weekly summary as an official report (Decree 30/2020/NĐ-CP, Annex I layout).

Only lays out a `Summary`: every figure printed comes from it, formatted by `formats`. The
font is the bundled Liberation Serif (metric-compatible with Times New Roman, all Vietnamese
letters), embedded; reportlab's own Helvetica/Times have no Vietnamese and are never used,
not even in the charts' labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.flowables import HRFlowable

from de06desk.config import resource_path
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.weeks import format_date

from .files import atomic_output
from .formats import (
    compare_chart_title,
    format_cell,
    format_int,
    period_phrase,
    period_words,
    places_chart_title,
    report_language,
    t,
    trend_chart_title,
    week_tick,
)
from .header import ReportHeader
from .model import ColumnKind, Summary, Table

FONT = "LiberationSerif"
FONT_BOLD = "LiberationSerif-Bold"
FONT_ITALIC = "LiberationSerif-Italic"
FONT_BOLD_ITALIC = "LiberationSerif-BoldItalic"

# Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PAGE_W, PAGE_H = A4
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
BODY_SIZE = 13
TABLE_SIZE = 11
# A horizontal bar per place: more than this and the chart shows the highest ones only.
CHART_MAX_PLACES = 25
BAR_LIGHT = colors.HexColor("#9db7d5")
BAR_DARK = colors.HexColor("#1d5fa8")
HEADER_FILL = colors.HexColor("#e8e8e8")
# The rule under the title and under the unit's name: between ⅓ and ½ of the text (Decree 30).
TITLE_RULE = 0.4

# The legal basis every Project 06 report opens with.
BASIS = (
    "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án "
    "phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số "
    "quốc gia giai đoạn 2022 – 2025, tầm nhìn đến năm 2030 (Đề án 06)"
)


@cache
def register_fonts() -> None:
    """Register Liberation Serif (four faces) with reportlab, once per process.

    The family mapping lets <b>/<i> inside paragraphs pick the embedded faces instead of
    falling back to reportlab's built-in Times.
    """
    faces = {
        FONT: "LiberationSerif-Regular.ttf",
        FONT_BOLD: "LiberationSerif-Bold.ttf",
        FONT_ITALIC: "LiberationSerif-Italic.ttf",
        FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    }
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file in faces.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.3,
        alignment=TA_JUSTIFY,
        firstLineIndent=10 * mm,
        spaceAfter=4,
    )
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    return {
        "body": body,
        "parent": ParagraphStyle("parent", parent=centre, fontSize=12.5, leading=15, spaceAfter=0),
        "unit": ParagraphStyle(
            "unit", parent=centre, fontName=FONT_BOLD, fontSize=12.5, leading=15, spaceAfter=0
        ),
        "number": ParagraphStyle("number", parent=centre, spaceBefore=5, spaceAfter=0),
        "nation": ParagraphStyle(
            "nation", parent=centre, fontName=FONT_BOLD, fontSize=12, leading=15, spaceAfter=0
        ),
        "motto": ParagraphStyle(
            "motto", parent=centre, fontName=FONT_BOLD, fontSize=13, leading=16, spaceAfter=0
        ),
        "dateline": ParagraphStyle(
            "dateline", parent=centre, fontName=FONT_ITALIC, spaceBefore=5, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=centre, fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=0
        ),
        "subject": ParagraphStyle(
            "subject", parent=centre, fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=2
        ),
        "section": ParagraphStyle(
            "section",
            parent=body,
            fontName=FONT_BOLD,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "caption": ParagraphStyle(
            "caption",
            parent=centre,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=4,
            spaceAfter=3,
        ),
        "note": ParagraphStyle(
            "note", parent=centre, fontName=FONT_ITALIC, fontSize=11, leading=13, spaceAfter=6
        ),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=TABLE_SIZE, leading=13),
        "cell_bold": ParagraphStyle(
            "cell_bold", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=13
        ),
        "head": ParagraphStyle(
            "head", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=13, alignment=TA_CENTER
        ),
        "recipients_label": ParagraphStyle(
            "recipients_label", fontName=FONT_BOLD_ITALIC, fontSize=12, leading=14
        ),
        "recipients": ParagraphStyle("recipients", fontName=FONT, fontSize=11, leading=13),
        "signer_title": ParagraphStyle(
            "signer_title", parent=centre, fontName=FONT_BOLD, fontSize=13, leading=16
        ),
        "signer_name": ParagraphStyle(
            "signer_name", parent=centre, fontName=FONT_BOLD, fontSize=14, leading=17
        ),
    }


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), _styles()[style])


def _rule(width: float) -> HRFlowable:
    return HRFlowable(
        width=width, thickness=0.6, color=colors.black, hAlign="CENTER", spaceBefore=2.5
    )


def _fits(text: str, style: ParagraphStyle, width: float) -> bool:
    """Whether `text` fits on one line of a table cell `width` wide (6 pt padding each side)."""
    return pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width - 12


def _text_width(text: str, style: str) -> float:
    s = _styles()[style]
    return pdfmetrics.stringWidth(text, s.fontName, s.fontSize)


# ---- the letterhead ------------------------------------------------------------------------


def _letterhead(header: ReportHeader) -> list[Flowable]:
    left_w, right_w = TEXT_W * 0.44, TEXT_W * 0.56
    left: list[Flowable] = []
    if header.parent_body.strip():
        left.append(_p(header.parent_body.upper(), "parent"))
    left.append(_p(header.unit_name.upper(), "unit"))
    # Decree 30: a rule one third to one half as long as the unit's name, centred under it.
    left.append(_rule(min(_text_width(header.unit_name.upper(), "unit"), left_w) * TITLE_RULE))
    left.append(_p(header.number_line, "number"))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right: list[Flowable] = [
        _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"),
        _p(motto, "motto"),
        _rule(_text_width(motto, "motto")),
        _p(header.date_line, "dateline"),
    ]
    table = PdfTable([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                # The rules are flowables narrower than the cell: centre them under the text.
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, Spacer(1, 9 * mm)]


def _subject(summary: Summary, header: ReportHeader) -> str:
    where = ""
    if header.about:
        where = f" tại {header.about}"
    elif summary.scope == "hub":
        where = " của các xã, phường trên địa bàn"
    return f"Kết quả thực hiện Đề án 06{where} {period_phrase(summary.period)}"


def _title(summary: Summary, header: ReportHeader) -> list[Flowable]:
    subject = _subject(summary, header)
    return [
        _p("BÁO CÁO", "title"),
        _p(subject, "subject"),
        # Decree 30: a rule one third to one half as long as the line above it.
        _rule(min(_text_width(subject, "subject"), TEXT_W) * TITLE_RULE),
        _p(f"(Số liệu tính đến hết ngày {format_date(summary.counted_to)})", "note"),
        Spacer(1, 2 * mm),
    ]


def _opening(summary: Summary) -> Paragraph:
    return _p(
        f"{BASIS}, đơn vị báo cáo kết quả thực hiện {period_phrase(summary.period)} như sau:",
        "body",
    )


# ---- tables ----------------------------------------------------------------------------------


def _column_widths(table: Table, texts: Sequence[Sequence[str]], total: float) -> list[float]:
    """Widths that fill the text width: each column first gets what it cannot do without
    (its longest number or header word; a text column up to 45 mm of its longest entry),
    then what it would like (a header on one line, up to 24 mm; a text entry unwrapped) as far
    as the page allows; text columns take whatever is left.
    """
    size = TABLE_SIZE
    padding = 14  # the cell's own left and right padding, and a little air

    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, FONT_BOLD, size)

    need: list[float] = []
    want: list[float] = []
    for c, kind in enumerate(table.kinds):
        values = max((width(row[c]) for row in texts), default=0)
        word = max((width(w) for w in table.columns[c].split()), default=0)
        if kind == "text":
            # A column left blank (e.g. "Ghi chú") needs no more than its header.
            floor = 20 * mm if values else 0
            need.append(max(min(values, 45 * mm), word, floor) + padding)
            want.append(max(values, word, floor) + padding)
        else:
            need.append(max(values, word, 12 * mm) + padding)
            want.append(max(need[-1], min(width(table.columns[c]), 24 * mm) + padding))
    if sum(need) >= total:
        return [w * total / sum(need) for w in need]
    if sum(want) <= total:
        # The room left goes to the text columns, in proportion to what they hold.
        grow = [w if k == "text" else 0.0 for w, k in zip(want, table.kinds, strict=True)]
        if not any(grow):
            grow = list(want)
        return [w + (total - sum(want)) * g / sum(grow) for w, g in zip(want, grow, strict=True)]
    # Between the two: every column gets the same share of what it would like on top.
    share = (total - sum(need)) / (sum(want) - sum(need))
    return [n + (w - n) * share for n, w in zip(need, want, strict=True)]


def _table(
    table: Table, number: int | None, row_kinds: Sequence[Sequence[ColumnKind]] | None = None
) -> list[Flowable]:
    styles = _styles()
    kinds = row_kinds or [table.kinds] * len(table.rows)
    texts = [
        [format_cell(v, k) for v, k in zip(row, row_kind, strict=True)]
        for row, row_kind in zip(table.rows, kinds, strict=True)
    ]
    head = [Paragraph(escape(h), styles["head"]) for h in table.columns]
    data: list[list[Any]] = [head]
    last = len(texts) - 1
    widths = _column_widths(table, texts, TEXT_W)
    long = len(texts) > LONG_TABLE_ROWS
    for r, row in enumerate(texts):
        bold = table.total_row and r == last
        cell_style = styles["cell_bold" if bold else "cell"]
        data.append(
            [
                # In a very long table a text that fits its column is drawn as it is: a
                # paragraph per cell is what makes thousands of rows slow to lay out.
                text
                if kind != "text" or (long and _fits(text, cell_style, width))
                else Paragraph(escape(text), cell_style)
                for text, kind, width in zip(row, table.kinds, widths, strict=True)
            ]
        )
    # A table of thousands of rows (a national hub ranks 3,321 communes) is laid out in
    # blocks, each under its own header: reportlab measures the whole rest of a table again at
    # every page it splits, which grew with the square of its length (7 s for that ranking).
    blocks = [data[i : i + LONG_BLOCK_ROWS] for i in range(1, len(data), LONG_BLOCK_ROWS)]
    if len(texts) <= LONG_TABLE_ROWS:
        blocks = [data[1:]]
    tables = [
        _pdf_table(table, [head, *rows], widths, last=i == len(blocks) - 1)
        for i, rows in enumerate(blocks or [[]])
    ]
    pdf_table = tables[0]
    caption = _p(f"Bảng {number}. {table.title}" if number else table.title, "caption")
    if not texts:
        return [KeepTogether([caption, pdf_table]), _p("(Không có số liệu trong kỳ.)", "note")]
    # The caption never ends a page on its own: it stays with the header and the first rows;
    # the rest may follow on the next page under a repeated header.
    return [
        _RoomFor(caption, pdf_table, 1 + min(2, len(texts))),
        caption,
        *tables,
        Spacer(1, 4 * mm),
    ]


# Tables longer than this are laid out in blocks of LONG_BLOCK_ROWS rows (see `_table`).
LONG_TABLE_ROWS = 300
LONG_BLOCK_ROWS = 100


def _pdf_table(table: Table, data: list[list[Any]], widths: list[float], *, last: bool) -> PdfTable:
    """One reportlab table of `data` (header row first); `last` holds the total row, if any."""
    rows = len(data) - 1
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for c, kind in enumerate(table.kinds):
        if kind != "text":
            commands.append(("ALIGN", (c, 1), (c, -1), "RIGHT"))
    if table.total_row and rows and last:
        commands.append(("FONTNAME", (0, -1), (-1, -1), FONT_BOLD))
    # A page break never leaves the header with one row, nor a row (or the total) alone.
    commands += [("NOSPLIT", (0, 0), (-1, min(2, rows))), ("NOSPLIT", (0, -2), (-1, -1))]
    pdf_table = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    pdf_table.setStyle(TableStyle(commands))
    return pdf_table


class _RoomFor(CondPageBreak):
    """A page break only when the caption and the table's first rows do not fit.

    A fixed height would either split a caption from its table or push a short table that
    fits whole to the next page (leaving a third of page 1 blank); this measures both.
    """

    def __init__(self, caption: Paragraph, table: PdfTable, rows: int) -> None:
        super().__init__(0)
        self._caption, self._table, self._rows = caption, table, rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        caption_h = self._caption.wrap(availWidth, availHeight)[1]
        caption_h += self._caption.getSpaceBefore() + self._caption.getSpaceAfter()
        self._table.wrap(availWidth, availHeight)
        # Table.wrap sets _rowHeights; reportlab has no public way to read them.
        rows_h = self._table._rowHeights[: self._rows]  # type: ignore[attr-defined]
        self.height = caption_h + sum(rows_h)
        return super().wrap(availWidth, availHeight)


def _headline_table(summary: Summary) -> list[Flowable]:
    now, before = period_words(summary.period)
    table = Table(
        key="headlines",
        title="Một số chỉ số chính",
        columns=("Chỉ số", now, before, "Chỉ tiêu"),
        kinds=("text", "int", "int", "int"),
        rows=tuple((h.label, h.value, h.previous, h.target) for h in summary.headlines),
    )
    # A rate is a percentage in its own row, whatever the column says.
    # A headline without a target leaves its cell empty: there is nothing missing to flag.
    row_kinds: list[tuple[ColumnKind, ...]] = [
        ("text", h.kind, h.kind, "int" if h.target is not None else "text")
        for h in summary.headlines
    ]
    # Unnumbered, so "Bảng N" is the same table in the PDF and the Excel file.
    return _table(table, None, row_kinds)


# ---- charts ---------------------------------------------------------------------------------


def _label(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _two_lines(text: str, limit: int = 14) -> str:
    """A category label broken at the space nearest its middle when it is long."""
    if len(text) <= limit or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + _label(text[cut + 1 :], limit + 4)


def _drawing(height: float) -> Drawing:
    # A drawing starts in Helvetica unless told otherwise, even with every label restyled.
    return Drawing(TEXT_W, height, initialFontName=FONT)


def _style_axis_labels(chart: BarChart) -> None:
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = FONT
        labels.fontSize = 9


def _places_chart(summary: Summary) -> list[Flowable]:
    places = [(name, value) for name, value in summary.activations_by_place]
    if not places or not any(value for _, value in places):
        return []
    title = places_chart_title(summary)
    note = None
    if len(places) > CHART_MAX_PLACES:
        places = sorted(places, key=lambda p: p[1], reverse=True)[:CHART_MAX_PLACES]
        note = f"({CHART_MAX_PLACES} đơn vị có số tài khoản kích hoạt cao nhất)"
    bar_h = 6 * mm
    label_w = 48 * mm
    height = bar_h * len(places) + 14 * mm
    drawing = _drawing(height)
    chart = HorizontalBarChart()
    # types-reportlab types a chart's sizes as int; reportlab takes any number.
    chart.x, chart.y = label_w, 8 * mm  # type: ignore[assignment]
    chart.width, chart.height = TEXT_W - label_w - 12 * mm, bar_h * len(places)  # type: ignore[assignment]
    # reportlab draws the first category at the bottom; reverse so the list reads top-down.
    ordered = list(reversed(places))
    chart.data = [[value for _, value in ordered]]
    chart.categoryAxis.categoryNames = [_label(name) for name, _ in ordered]
    chart.bars[0].fillColor = BAR_DARK
    chart.bars[0].strokeColor = None
    chart.barWidth = bar_h * 0.6  # type: ignore[assignment]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = format_int
    chart.barLabelFormat = format_int
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_axis_labels(chart)
    drawing.add(chart)
    out: list[Flowable] = [_p(title, "caption")]
    if note:
        out.append(_p(note, "note"))
    out.append(drawing)
    return [KeepTogether(out), Spacer(1, 3 * mm)]


def _compare_chart(summary: Summary) -> list[Flowable]:
    groups = list(summary.compare)
    if not groups or not any(prev or now for _, prev, now in groups):
        return []
    now_word, before_word = period_words(summary.period)
    height = 62 * mm
    drawing = _drawing(height)
    chart = VerticalBarChart()
    # types-reportlab types a chart's sizes as int; reportlab takes any number.
    chart.x, chart.y = 14 * mm, 14 * mm  # type: ignore[assignment]
    chart.width, chart.height = TEXT_W - 20 * mm, height - 26 * mm  # type: ignore[assignment]
    chart.data = [[prev for _, prev, _ in groups], [now for _, _, now in groups]]
    chart.categoryAxis.categoryNames = [_two_lines(label) for label, _, _ in groups]
    chart.bars[0].fillColor = BAR_LIGHT
    chart.bars[1].fillColor = BAR_DARK
    chart.bars.strokeColor = None
    chart.groupSpacing = 10
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = format_int
    chart.barLabelFormat = format_int
    chart.barLabels.nudge = 6
    _style_axis_labels(chart)
    drawing.add(chart)
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    # As the chart's: int in types-reportlab, any number in reportlab.
    legend.x, legend.y = TEXT_W - 70 * mm, height - 2 * mm  # type: ignore[assignment]
    legend.deltax = 34 * mm  # type: ignore[assignment]
    legend.colorNamePairs = [(BAR_LIGHT, before_word), (BAR_DARK, now_word)]
    drawing.add(legend)
    title = compare_chart_title(summary)
    return [KeepTogether([_p(title, "caption"), drawing]), Spacer(1, 3 * mm)]


# Progress chart series: (dash pattern, marker) — told apart in black and white, not by colour.
SOLID: tuple[float, ...] = ()
TREND_STYLES = {
    "cumulative": (SOLID, "FilledCircle", 1.8),
    "target": ((6, 3), None, 1.2),
    "received": ((1.5, 2), "Square", 1.0),
    "approved": ((5, 2, 1.5, 2), "Triangle", 1.0),
    "activated": (SOLID, "FilledCircle", 1.4),
}


def _line_chart(
    ticks: list[str], series: list[tuple[str, str, list[int | None]]], height: float
) -> Drawing:
    """A black line chart: one line per series, styled by TREND_STYLES, with its own legend."""
    drawing = _drawing(height)
    chart = HorizontalLineChart()
    # types-reportlab types a chart's sizes as int; reportlab takes any number.
    chart.x, chart.y = 16 * mm, 10 * mm  # type: ignore[assignment]
    chart.width, chart.height = TEXT_W - 22 * mm, height - 22 * mm  # type: ignore[assignment]
    chart.data = [values for _, _, values in series]
    chart.categoryAxis.categoryNames = ticks
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = format_int
    chart.joinedLines = 1
    for i, (_name, style, _values) in enumerate(series):
        dash, marker, width = TREND_STYLES[style]
        chart.lines[i].strokeColor = colors.black
        chart.lines[i].strokeWidth = width
        if dash:
            chart.lines[i].strokeDashArray = dash
        if marker:
            # types-reportlab leaves makeMarker unannotated (it returns a Marker).
            chart.lines[i].symbol = makeMarker(marker, size=4.5)  # type: ignore[no-untyped-call]
            chart.lines[i].symbol.fillColor = (
                colors.black if marker.startswith("Filled") else colors.white
            )
            chart.lines[i].symbol.strokeColor = colors.black
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName = FONT
        labels.fontSize = 9
    drawing.add(chart)
    x: float = chart.x
    for name, style, _values in series:
        dash, marker, width = TREND_STYLES[style]
        y = height - 5 * mm
        drawing.add(
            Line(
                x,
                y,
                x + 12 * mm,
                y,
                strokeColor=colors.black,
                strokeWidth=width,
                # None (a solid line) is reportlab's default, which types-reportlab omits.
                strokeDashArray=dash or None,  # type: ignore[arg-type]
            )
        )
        if marker:
            sample = makeMarker(marker, size=4.5)  # type: ignore[no-untyped-call]
            sample.x, sample.y = x + 6 * mm, y
            sample.fillColor = colors.black if marker.startswith("Filled") else colors.white
            sample.strokeColor = colors.black
            drawing.add(sample)
        drawing.add(String(x + 14 * mm, y - 3, name, fontName=FONT, fontSize=9.5))
        x += 16 * mm + pdfmetrics.stringWidth(name, FONT, 9.5) + 6 * mm
    return drawing


def _trend_chart(summary: Summary) -> list[Flowable]:
    """Chart 3: cumulative activations against the target, then each week's flows."""
    trend = summary.trend
    if len(trend) < 2:
        return []
    ticks = [week_tick(w.start) for w in trend]
    progress: list[tuple[str, str, list[int | None]]] = [
        (t("Đã kích hoạt (lũy kế)"), "cumulative", [w.cumulative_activated for w in trend])
    ]
    if any(w.target for w in trend):
        progress.append((t("Chỉ tiêu"), "target", [w.target for w in trend]))
    flows: list[tuple[str, str, list[int | None]]] = [
        (t("Tiếp nhận"), "received", [w.received for w in trend]),
        (t("Phê duyệt"), "approved", [w.approved for w in trend]),
        (t("Kích hoạt"), "activated", [w.activated for w in trend]),
    ]
    # The caption stays with the first chart; the second may start the next page (a block of
    # both would leave a third of a page blank).
    return [
        KeepTogether(
            [_p(trend_chart_title(summary), "caption"), _line_chart(ticks, progress, 62 * mm)]
        ),
        _line_chart(ticks, flows, 58 * mm),
        Spacer(1, 3 * mm),
    ]


def _charts_after(summary: Summary) -> int:
    """Index of the section the charts follow: the e-ID one (activations), else the first."""
    for i, section in enumerate(summary.sections):
        if any(t.key.startswith("eid") for t in section.tables):
            return i
    return 0


# ---- the end: recipients and signature ---------------------------------------------------


def _closing(header: ReportHeader) -> list[Flowable]:
    left: list[Flowable] = [_p("Nơi nhận:", "recipients_label")]
    left += [_p(line, "recipients") for line in header.recipient_lines]
    right: list[Flowable] = [_p(header.signer_title.upper(), "signer_title")]
    # Room for the signature and the seal.
    right.append(Spacer(1, 24 * mm))
    if header.signer_name.strip():
        right.append(_p(header.signer_name, "signer_name"))
    table = PdfTable([[left, right]], colWidths=[TEXT_W * 0.5, TEXT_W * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Spacer(1, 6 * mm), KeepTogether([table])]


# ---- the document ---------------------------------------------------------------------------


class _Doc(SimpleDocTemplate):
    """Reports progress per flowable laid out and stops when the user cancels."""

    def __init__(
        self, filename: str, total: int, progress: Progress, cancelled: CancelCheck, **kw: Any
    ) -> None:
        super().__init__(filename, **kw)
        self._total = max(total, 1)
        self._done = 0
        self._progress = progress
        self._cancelled = cancelled

    def afterFlowable(self, flowable: Flowable) -> None:
        self._done += 1
        if self._done % 8 == 0:
            if self._cancelled():
                raise Cancelled()
            self._progress(0.2 + 0.75 * min(1.0, self._done / self._total), "Đang dàn trang…")


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    # Decree 30: Arabic numerals centred in the top margin, from page 2 on.
    canvas.saveState()
    canvas.setFont(FONT, BODY_SIZE)
    canvas.drawCentredString(
        MARGIN_LEFT + TEXT_W / 2, PAGE_H - MARGIN_TOP / 2 - 2 * mm, str(doc.page)
    )
    canvas.restoreState()


def _story(summary: Summary, header: ReportHeader) -> list[Flowable]:
    story = _letterhead(header) + _title(summary, header)
    story.append(_opening(summary))
    table_no = 1
    if summary.headlines:
        story += _headline_table(summary)
    if not summary.sections:
        story.append(_p("Không có số liệu trong kỳ báo cáo.", "body"))
    charts_at = _charts_after(summary)
    for i, section in enumerate(summary.sections):
        story.append(_p(f"{section.number}. {section.title}", "section"))
        story += [_p(text, "body") for text in section.paragraphs]
        for table in section.tables:
            story += _table(table, table_no)
            table_no += 1
        if i == charts_at:
            story += _places_chart(summary) + _compare_chart(summary) + _trend_chart(summary)
    if not summary.sections:
        story += _places_chart(summary) + _compare_chart(summary) + _trend_chart(summary)
    story += _closing(header)
    return story


def render_pdf(
    summary: Summary,
    header: ReportHeader,
    out: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path:
    """Write the summary as an A4 report in the Decree 30 layout to `out` (atomically).

    Raises `Cancelled` (nothing written) when `cancelled()` turns true, and `DomainError`
    when the folder cannot be written.
    """
    with report_language(summary.lang):
        return _render_pdf(summary, header, Path(out), progress, cancelled)


def _render_pdf(
    summary: Summary, header: ReportHeader, out: Path, progress: Progress, cancelled: CancelCheck
) -> Path:
    progress(0.0, "Đang chuẩn bị báo cáo…")
    story = _story(summary, header)
    if cancelled():
        raise Cancelled()
    progress(0.2, "Đang dàn trang…")
    subject = _subject(summary, header)
    with atomic_output(out) as tmp:
        doc = _Doc(
            str(tmp),
            len(story),
            progress,
            cancelled,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"Báo cáo {subject}",
            author=header.unit_name,
            subject=subject,
            creator="de06desk",
            # Otherwise every page names a non-embedded Helvetica as its starting font.
            initialFontName=FONT,
            initialFontSize=BODY_SIZE,
        )
        doc.build(story, onLaterPages=_page_number)
    progress(1.0, "Đã ghi báo cáo.")
    return out
