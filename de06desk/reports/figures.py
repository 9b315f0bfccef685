"""The weekly figures, each declared once: its name, how it is counted, how communes add up.

A `Figure` names the store query that counts it (rows of unit, key, values) and, for every
value column, how the figures of several communes combine into an area's — a column cannot be
declared without that rule. Gathering the counts, splitting a hub's answers per commune,
building one commune's figures and merging communes into an area are the same few loops over
`FIGURES`, so a new figure is one entry here (and its lines in `wording.py`), and a hub's
figure cannot disagree with the sum of its communes'. The per-commune figures are plain data
(`to_json`/`from_json`): they are what a summary package carries up the reporting chain.
Only counts live here: no names, ID numbers or phones.
"""

from __future__ import annotations

import functools
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from de06desk.domain.text import fold, is_safe
from de06desk.domain.weeks import Period
from de06desk.forms import FormSet
from de06desk.store import Store, summaries
from de06desk.store import summary_queries as q
from de06desk.sync.keys import is_unit_code

# A value is a count, or an ISO date ("earliest" columns); a key is a village, a choice value,
# a pair of choice values, or None (no village, no reason, or a figure with one row per unit).
Value = int | str | None
Key = str | tuple[str, ...] | None
Row = tuple[str, Key, tuple[Value, ...]]  # (unit code, key, one value per column)
# How one column of several communes combines: added up, or the earliest date (None = none).
Merge = Literal["sum", "earliest"]
MERGES: tuple[Merge, ...] = ("sum", "earliest")
# How an area lists a figure: its keys summed over communes ("by_key": a drive kind, a reason),
# or one entry per commune holding that commune's total ("by_commune": places become communes).
AreaRule = Literal["by_key", "by_commune"]

# The e-ID figure's spans (this period, the previous one, cumulative to the end of each) and
# measures, in the order the store returns them; column `at(span, measure)`.
SPANS = ("this", "prev", "cum", "cum_prev")
THIS, PREV, CUM, CUM_PREV = range(4)
MEASURES = ("level1", "received", "approved", "activated")
LEVEL1, RECEIVED, APPROVED, ACTIVATED = range(4)


def at(span: int, measure: int) -> int:
    """The column of one e-ID measure in one span."""
    return span * len(MEASURES) + measure


class Support(NamedTuple):
    """Support figures of one group: sessions, people helped, and the breakdowns recorded."""

    sessions: int
    helped: int
    women: int
    elderly: int
    minority: int


class Cleanup(NamedTuple):
    """Cleanup figures of one group in one period; `oldest_open` an ISO date or None."""

    opened: int
    verified: int
    corrected: int
    rejected: int
    backlog: int
    oldest_open: str | None


@dataclass(frozen=True, kw_only=True)
class Column:
    """One value of a figure and how communes combine it (there is no default)."""

    name: str
    merge: Merge

    def __post_init__(self) -> None:
        if self.merge not in MERGES:
            raise ValueError(f"column {self.name}: merge rule must be one of {MERGES}")


def summed(*names: str) -> tuple[Column, ...]:
    """Columns added up across communes."""
    return tuple(Column(name=n, merge="sum") for n in names)


@dataclass(frozen=True)
class Span:
    """The days a summary counts: the period to its as-of day, and the whole previous period."""

    start: date
    end: date
    previous_start: date
    previous_end: date

    @classmethod
    def of(cls, period: Period, as_of: date) -> Span:
        """The spans of `period` counted to `as_of`."""
        previous = period.previous()
        return cls(period.start, as_of, previous.start, previous.end)


Counter = Callable[[Store, Span, "str | None"], Iterable[Row]]


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One weekly figure: what it counts, the query, its columns and how an area lists it."""

    name: str
    counted: str  # how it is counted, in a sentence (docs/ARCHITECTURE.md has the full rules)
    columns: tuple[Column, ...]
    area: AreaRule
    count: Counter
    # Keys are village ids, shown by village name (every live village listed, zero or not).
    places: bool = False
    # (form, field) whose choices are listed in their order even at zero.
    choices: tuple[str, str] | None = None
    # Progress text shown when counting reaches this figure.
    stage: str | None = None

    def __post_init__(self) -> None:
        if not self.columns or any(not isinstance(c, Column) for c in self.columns):
            raise ValueError(f"figure {self.name}: every value needs a Column with a merge rule")
        if self.area not in ("by_key", "by_commune"):
            raise ValueError(f"figure {self.name}: area rule must be by_key or by_commune")

    @functools.cached_property
    def counts_only(self) -> bool:
        """Whether every column is a count (added up across communes)."""
        return all(c.merge == "sum" for c in self.columns)

    def zeros(self) -> list[Value]:
        """The figure of a group with nothing counted."""
        return [0 if c.merge == "sum" else None for c in self.columns]

    def add(self, into: list[Value], values: Sequence[Value]) -> None:
        """Combine `values` into `into`, column by column, by each column's rule."""
        if self.counts_only:
            into[:] = map(operator.add, into, values)
            return
        for i, (column, value) in enumerate(zip(self.columns, values, strict=True)):
            if value is None:
                continue
            if column.merge == "sum":
                into[i] = int(into[i] or 0) + int(value)
            elif into[i] is None or str(value) < str(into[i]):
                into[i] = value

    def total(self, table: dict[Key, list[Value]]) -> list[Value]:
        """The figure over every key of one unit."""
        out = self.zeros()
        for values in table.values():
            self.add(out, values)
        return out

    def choice_keys(self, forms: FormSet) -> list[Key]:
        """The keys always listed (a form's choices in their order), or none."""
        if self.choices is None:
            return []
        form, name = self.choices
        return [c.value for c in forms[form].field(name).choices]


def _eid(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    for r in q.eid_counts(store, s.start, s.end, s.previous_start, unit):
        yield r.unit_code, r.village, tuple(v for span in r.counts for v in span)


def _reasons(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    for code, reason, n in q.not_activated_reasons(store, s.end, unit):
        yield code, reason, (n,)


def _drives(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return q.drives_by_kind(store, s.start, s.end, s.previous_start, unit)


def _target(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    for code, value in q.level2_targets(store, s.end, unit).items():
        yield code, None, (value,)


def _cleanup_rows(rows: list[q.CleanupRow], keyed: bool) -> Iterable[Row]:
    for r in rows:
        oldest = r.oldest_open.isoformat() if r.oldest_open else None
        key = (r.criterion, r.error_type) if keyed else None
        yield r.unit_code, key, (r.opened, r.verified, r.corrected, r.rejected, r.backlog, oldest)


def _cleanup(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return _cleanup_rows(q.cleanup_counts(store, s.start, s.end, unit), True)


def _cleanup_prev(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return _cleanup_rows(q.cleanup_counts(store, s.previous_start, s.previous_end, unit), False)


def _support_rows(rows: list[q.SupportRow], key: Callable[[q.SupportRow], Key]) -> Iterable[Row]:
    for r in rows:
        yield r.unit_code, key(r), (r.sessions, r.helped, r.women, r.elderly, r.minority)


def _support_places(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return _support_rows(q.support_by_village(store, s.start, s.end, unit), lambda r: r.key)


def _support_types(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return _support_rows(q.support_by_type(store, s.start, s.end, unit), lambda r: str(r.key))


def _support_services(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    return _support_rows(q.support_by_service(store, s.start, s.end, unit), lambda r: r.key)


def _support_prev(store: Store, s: Span, unit: str | None) -> Iterable[Row]:
    rows = q.support_by_village(store, s.previous_start, s.previous_end, unit)
    return _support_rows(rows, lambda r: None)


_CLEANUP = (*summed(*Cleanup._fields[:-1]), Column(name="oldest_open", merge="earliest"))

# Every weekly figure, in the order they are counted. The counting rules in full are in
# docs/ARCHITECTURE.md ("What the e-ID numbers mean").
FIGURES: tuple[Figure, ...] = (
    Figure(
        name="eid",
        counted="level-1 registrations and level-2 received/approved/activated per village, "
        "in this period, the previous one and cumulative to the end of each",
        columns=summed(*(f"{m}_{s}" for s in SPANS for m in MEASURES)),
        area="by_commune",
        count=_eid,
        places=True,
        stage="Đếm kết quả kích hoạt",
    ),
    Figure(
        name="reasons",
        counted="level-2 roster rows approved or refused and not activated, by failure reason",
        columns=summed("citizens"),
        area="by_key",
        count=_reasons,
    ),
    Figure(
        name="drives",
        counted="drives held, by kind: this period, the previous one, cumulative",
        columns=summed("this", "prev", "cum"),
        area="by_key",
        count=_drives,
        choices=("activation_drive", "kind"),
    ),
    Figure(
        name="target",
        counted="the level-2 activation target in force on the as-of day (none: no row)",
        columns=summed("accounts"),
        area="by_key",
        count=_target,
    ),
    Figure(
        name="cleanup",
        counted="cleanup cases by criterion and error type in this period; backlog at its end",
        columns=_CLEANUP,
        area="by_key",
        count=_cleanup,
        stage="Đếm hồ sơ làm sạch",
    ),
    Figure(
        name="cleanup_prev",
        counted="cleanup cases in the previous period (one row per unit)",
        columns=_CLEANUP,
        area="by_key",
        count=_cleanup_prev,
    ),
    Figure(
        name="support_places",
        counted="support sessions held in this period and people helped, per village",
        columns=summed(*Support._fields),
        area="by_commune",
        count=_support_places,
        places=True,
        stage="Đếm buổi hỗ trợ",
    ),
    Figure(
        name="support_types",
        counted="support sessions per support type (a session of several types counts for each)",
        columns=summed(*Support._fields),
        area="by_key",
        count=_support_types,
        choices=("support_session", "support_types"),
    ),
    Figure(
        name="support_services",
        counted="sessions that helped with an online public service, per service named",
        columns=summed(*Support._fields),
        area="by_key",
        count=_support_services,
    ),
    Figure(
        name="support_prev",
        counted="support sessions in the previous period (one row per unit)",
        columns=summed(*Support._fields),
        area="by_key",
        count=_support_prev,
    ),
)
BY_NAME = {f.name: f for f in FIGURES}

Table = dict[Key, list[Value]]


@dataclass
class UnitFigures:
    """Every figure of one commune, or of an area (whose places are then its communes)."""

    unit_code: str
    unit_name: str
    has_data: bool = True
    tables: dict[str, Table] = field(default_factory=dict)
    quality: dict[str, int] | None = None  # data-quality check counts (a commune's own only)
    # Totals asked for while laying out (dozens per report); the tables are complete by then.
    _totals: dict[str, list[Value]] = field(default_factory=dict, compare=False, repr=False)

    def of(self, name: str) -> Table:
        """One figure: key → values."""
        return self.tables[name]

    def total(self, name: str) -> list[Value]:
        """One figure over all its keys (ask once the figure is complete)."""
        if name not in self._totals:
            self._totals[name] = BY_NAME[name].total(self.tables[name])
        return list(self._totals[name])

    def eid_total(self, span: int, measure: int) -> int:
        """One e-ID measure summed over places."""
        if "eid" not in self._totals:
            self.total("eid")
        return int(self._totals["eid"][at(span, measure)] or 0)

    @property
    def target(self) -> int | None:
        """The level-2 target in force (summed over communes at an area), or None."""
        row = self.tables["target"].get(None)
        return int(row[0] or 0) if row is not None else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data: what a summary package carries for one commune."""
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "has_data": self.has_data,
            "figures": {
                name: [[list(k) if isinstance(k, tuple) else k, v] for k, v in table.items()]
                for name, table in self.tables.items()
            },
        }

    @classmethod
    def from_checked(cls, data: dict[str, Any]) -> UnitFigures:
        """Back from `to_json` data this database checked with `from_json` when it arrived."""
        tables = {
            f.name: {
                tuple(k) if isinstance(k, list) else k: v
                for k, v in data["figures"].get(f.name, [])
            }
            for f in FIGURES
        }
        return cls(data["unit_code"], data["unit_name"], data["has_data"], tables)

    @classmethod
    def from_json(cls, data: Any) -> UnitFigures:
        """Back from `to_json`, checked strictly (it arrives in packages from another unit):
        ValueError names what is wrong. Figures this version does not know are refused;
        figures it knows and the data lacks are empty."""
        if not isinstance(data, dict) or set(data) != {
            "unit_code",
            "unit_name",
            "has_data",
            "figures",
        }:
            raise ValueError("commune figures: fields")
        code, name, has_data, given = (
            data["unit_code"],
            data["unit_name"],
            data["has_data"],
            data["figures"],
        )
        if not isinstance(code, str) or not is_unit_code(code):
            raise ValueError("commune figures: unit code")
        if not isinstance(has_data, bool) or not isinstance(given, dict):
            raise ValueError(f"{code}: fields")
        unknown = set(given) - set(BY_NAME)
        if unknown:
            raise ValueError(f"{code}: unknown figure {sorted(unknown)[0]!r}")
        tables = {f.name: _checked_table(f, given.get(f.name, []), code) for f in FIGURES}
        return cls(code, _text(name, code), has_data, tables)


_MAX_KEYS = 10_000


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _safe_key(value):
        raise ValueError(f"{where}: text")
    return value


@functools.lru_cache(maxsize=4096)
def _safe_key(value: str) -> bool:
    # Keys repeat line after line (village names, choice values): checked once each.
    return len(value) <= 200 and is_safe(value)


_MAX_COUNT = 2**53


def _checked_table(figure: Figure, rows: Any, code: str) -> Table:
    if type(rows) is not list or len(rows) > _MAX_KEYS:
        raise ValueError(f"{code} {figure.name}: rows")
    width = len(figure.columns)
    table: Table = {}
    for row in rows:
        if type(row) is not list or len(row) != 2:
            raise ValueError(f"{code} {figure.name}: row")
        raw_key, values = row
        key: Key
        if raw_key is None or (type(raw_key) is str and _safe_key(raw_key)):
            key = raw_key
        elif type(raw_key) is list and 0 < len(raw_key) <= 4:
            key = tuple(_text(k, code) for k in raw_key)
        else:
            raise ValueError(f"{code} {figure.name}: key")
        if key in table or type(values) is not list or len(values) != width:
            raise ValueError(f"{code} {figure.name}: values")
        table[key] = values
    if figure.counts_only:
        # Every value of the figure at once, at C speed: exact ints (no bools), none
        # negative or past 2**53 (a national roll-up checks 170,000 lines of them).
        flat: list[Any] = list(itertools.chain.from_iterable(table.values()))
        if flat and (set(map(type, flat)) - {int} or min(flat) < 0 or max(flat) >= _MAX_COUNT):
            raise ValueError(f"{code} {figure.name}: counts")
    else:
        for key, values in table.items():
            table[key] = [
                _value(c, v, f"{code} {figure.name}")
                for c, v in zip(figure.columns, values, strict=True)
            ]
    return table


def _value(column: Column, value: Any, where: str) -> Value:
    if column.merge == "sum":
        if type(value) is int and 0 <= value < _MAX_COUNT:
            return value
        raise ValueError(f"{where}: {column.name}")
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"{where}: {column.name}")


@dataclass(frozen=True)
class Raw:
    """What the store answered for every figure, for one unit or every unit of a hub."""

    rows: dict[str, list[Row]]
    villages: list[q.VillageRow]

    def units(self) -> set[str]:
        """Units with any row in any figure, or any village."""
        found = {row[0] for rows in self.rows.values() for row in rows}
        return found | {v.unit_code for v in self.villages}


def gather(
    store: Store,
    span: Span,
    unit_code: str | None,
    step: Callable[[float, str], None] = lambda _f, _t: None,
) -> Raw:
    """Every figure's rows from the store (`unit_code` None: every unit of a hub)."""
    rows: dict[str, list[Row]] = {}
    for i, figure in enumerate(FIGURES):
        if figure.stage:
            step(0.05 + 0.4 * i / len(FIGURES), figure.stage)
        rows[figure.name] = list(figure.count(store, span, unit_code))
    return Raw(rows, q.villages(store, unit_code))


def split(raw: Raw) -> dict[str, Raw]:
    """The answers for many communes, one `Raw` per commune (each row looked at once)."""
    parts: dict[str, Raw] = {}

    def part(unit: str) -> Raw:
        if unit not in parts:
            parts[unit] = Raw({f.name: [] for f in FIGURES}, [])
        return parts[unit]

    for name, rows in raw.rows.items():
        for row in rows:
            part(row[0]).rows[name].append(row)
    for village in raw.villages:
        part(village.unit_code).villages.append(village)
    return parts


NOTHING = Raw({f.name: [] for f in FIGURES}, [])


def unit_figures(forms: FormSet, raw: Raw, code: str, name: str) -> UnitFigures:
    """One commune's figures out of answers that may cover many communes.

    Places are village names (None: no village, or one not known here); every live village is
    listed (a zero is news too), others only where a figure points there.
    """
    villages = [v for v in raw.villages if v.unit_code == code]
    names = {v.uuid: v.name for v in villages}
    live = sorted((v for v in villages if not v.deleted), key=lambda v: (fold(v.name), v.uuid))

    def place(village: Key) -> Key:
        return names.get(village) if isinstance(village, str) else None

    labels = list(dict.fromkeys(place(v.uuid) for v in live))
    seen = set(labels)
    extra: list[Key] = []
    for figure in FIGURES:
        if figure.places:
            for unit, village, _values in raw.rows[figure.name]:
                label = place(village)
                if unit == code and label not in seen:
                    seen.add(label)
                    extra.append(label)
    extra.sort(key=lambda label: (label is None, fold(str(label or ""))))
    figures = UnitFigures(code, name)
    for figure in FIGURES:
        keys = [*labels, *extra] if figure.places else figure.choice_keys(forms)
        table: Table = {key: figure.zeros() for key in keys}
        for unit, key, values in raw.rows[figure.name]:
            if unit == code:
                k = place(key) if figure.places else key
                figure.add(table.setdefault(k, figure.zeros()), values)
        figures.tables[figure.name] = table
    return figures


def merge(forms: FormSet, code: str, name: str, units: Sequence[UnitFigures]) -> UnitFigures:
    """An area: every figure the sum of its units', by each figure's area rule and each
    column's merge rule (a `by_commune` figure lists each unit's total under its name)."""
    area = UnitFigures(code, name)
    for figure in FIGURES:
        table: Table = {key: figure.zeros() for key in figure.choice_keys(forms)}
        for unit in units:
            own = unit.tables[figure.name]
            if figure.area == "by_commune":
                figure.add(table.setdefault(unit.unit_name, figure.zeros()), figure.total(own))
            else:
                for key, values in own.items():
                    figure.add(table.setdefault(key, figure.zeros()), values)
        area.tables[figure.name] = table
    return area


@dataclass(frozen=True)
class Received:
    """One commune's figures for a week as a hub below sent them: `sender` is that hub,
    `via` the hubs between it and the commune (empty: the sender's own commune)."""

    sender: str
    via: tuple[str, ...]
    as_of: date
    figures: UnitFigures


def received(store: Store, week: date) -> list[Received]:
    """Every commune's figures held for the ISO week starting on `week` (summary packages)."""
    return [
        Received(
            row.sender,
            tuple(json.loads(row.via)),
            date.fromisoformat(row.as_of),
            UnitFigures.from_checked(json.loads(row.line)["unit"]),
        )
        for row in summaries.week_summaries(store, week.isoformat())
    ]
