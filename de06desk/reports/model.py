"""The summary's shape: what the dashboard, the PDF, the Excel file and the hub all read.

`de06desk.reports.summary.build_summary` fills it; the outputs only lay it out. Every figure a
reader sees comes from a `Table` here, so the dashboard, PDF and Excel cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from de06desk.domain.i18n import Language
from de06desk.domain.roles import DatabaseRole
from de06desk.domain.weeks import Period

Cell = str | int | float | None
# How a column is shown: "text"; "int" (thousands separated "1.234"); "pct" (a 0..1 float,
# shown "85,2%"; None when the denominator is 0, shown "–"); "days" (an int of days).
ColumnKind = Literal["text", "int", "pct", "days"]


@dataclass(frozen=True)
class Table:
    """One table of figures (a PDF table, an Excel sheet, a dashboard box)."""

    key: str  # stable identifier, e.g. "eid_overview"; used in to_dict() and tests
    title: str  # Vietnamese caption, e.g. "Kết quả kích hoạt tài khoản định danh điện tử"
    columns: tuple[str, ...]  # Vietnamese headers
    kinds: tuple[ColumnKind, ...]  # one per column
    rows: tuple[tuple[Cell, ...], ...]
    total_row: bool = False  # the last row is a total (printed bold)

    def as_records(self) -> list[dict[str, Cell]]:
        """Rows as {header: value} dicts (JSON, dashboards)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Section:
    """A numbered part of the report: "I. Kết quả kích hoạt ..." with prose and tables."""

    number: str  # Roman numeral as printed: "I", "II", ...
    title: str
    paragraphs: tuple[str, ...]  # plain sentences built from the figures (counts only)
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Headline:
    """A key figure shown big on the dashboard and compared with the previous period."""

    key: str  # e.g. "activated"
    label: str  # Vietnamese, e.g. "Tài khoản mức 2 đã kích hoạt"
    value: int | float | None
    previous: int | float | None  # same figure for the previous period of equal length
    kind: ColumnKind = "int"
    target: int | None = None  # where a target applies (progress bar)


@dataclass(frozen=True)
class TrendWeek:
    """One ISO week of the progress chart, counted to its Sunday (or to today in this week)."""

    start: date
    end: date
    received: int  # level-2 applications received in the week
    approved: int
    activated: int
    cumulative_activated: int  # accounts activated since the start, to `end`
    target: int | None  # the level-2 target in force on `end`

    @property
    def week(self) -> int:
        """The ISO week number."""
        return self.start.isocalendar().week


# A commune's own figures, or a hub's whole area: the kind of database the summary is of.
Scope = DatabaseRole


@dataclass(frozen=True)
class Summary:
    """All figures of one unit (a commune, or a hub's whole area) for one period."""

    period: Period
    unit_code: str
    unit_name: str
    scope: Scope
    headlines: tuple[Headline, ...]
    sections: tuple[Section, ...]
    # Bars for the charts: (label, value). Per village at a commune, per commune at a hub.
    activations_by_place: tuple[tuple[str, int], ...]
    # (label, previous period, this period) for the "this week vs last" chart.
    compare: tuple[tuple[str, int, int], ...]
    # At a hub: each commune's own Summary (same period), in unit-code order — the communes
    # whose records it holds; those known from hubs below are in the rankings only.
    units: tuple[Summary, ...] = field(default_factory=tuple)
    # The day every figure is counted to: the period's last day, or today while it runs.
    as_of: date | None = None
    # The language of its words; numbers are written the same way (formats.report_language).
    lang: Language = "vi"
    # Progress over the weeks up to `as_of`, oldest first (empty for a hub's per-commune parts).
    trend: tuple[TrendWeek, ...] = ()

    @property
    def counted_to(self) -> date:
        """The day the figures are counted to (the period's end for hand-made summaries)."""
        return self.as_of or self.period.end

    def tables(self) -> list[Table]:
        """Every table in report order."""
        return [table for section in self.sections for table in section.tables]

    def table(self, key: str) -> Table:
        """The table with this key (KeyError if the summary has none)."""
        for table in self.tables():
            if table.key == key:
                return table
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form with stable keys (the `--out x.json` output)."""
        return {
            "period": {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
                "label": self.period.label(),
            },
            "as_of": self.counted_to.isoformat(),
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "scope": self.scope,
            "headlines": {
                h.key: {
                    "label": h.label,
                    "value": h.value,
                    "previous": h.previous,
                    "target": h.target,
                }
                for h in self.headlines
            },
            "tables": {
                t.key: {
                    "title": t.title,
                    "columns": list(t.columns),
                    "rows": [list(r) for r in t.rows],
                }
                for t in self.tables()
            },
            "activations_by_place": [list(p) for p in self.activations_by_place],
            "compare": [list(c) for c in self.compare],
            "trend": [
                {
                    "start": w.start.isoformat(),
                    "end": w.end.isoformat(),
                    "received": w.received,
                    "approved": w.approved,
                    "activated": w.activated,
                    "cumulative_activated": w.cumulative_activated,
                    "target": w.target,
                }
                for w in self.trend
            ],
            "units": [u.to_dict() for u in self.units],
        }
