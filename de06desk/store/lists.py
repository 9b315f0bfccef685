"""Queries behind the app's lists: paged, filtered, searched and sorted — all the SQL the UI needs.

The screens never build SQL: they describe what they want as a `ListQuery` and get plain
`ListRow`s back. Lists must stay quick on a hub-sized table (1,000,000 citizens), so:

- pages are fetched with LIMIT/OFFSET as the view scrolls, never the whole table;
- counting stops at a cap (`count_rows(..., cap=)`): nobody needs "1,000,000" exactly to scroll;
- the default order is the table's rowid (free), sorting by an indexed column (dates, references,
  ID numbers, phones) stays cheap; sorting by other columns works but scans; text sorts in
  Vietnamese order (people by given name) through the keys of `domain.vnsort`;
- search is the store's `search_match` on the form's trigram index (every folded word), so
  "nguyen" finds "Nguyễn" and "d" finds "Đặng". A searched list is read from the index in rowid
  order, so the first page and a capped count stop after the rows they need instead of
  collecting every match first (" ng" matches 180,000 of a million citizens).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from de06desk.forms import FieldSpec, FormSpec
from de06desk.forms.codec import from_db

from .database import Store
from .schema import search_table
from .search import search_match


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: one form's records narrowed by filters, search and a date range.

    `equals` maps field names (or `unit_code`) to the value they must have; `date_field` with
    `date_from` / `date_to` keeps records whose date lies in the range (both ends included);
    `sort` names a field (None keeps entry order) and `descending` reverses it.
    """

    form_id: str
    search: str = ""
    equals: Mapping[str, Any] = field(default_factory=dict)
    date_field: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class ListRow:
    """One row of a list: the record's UUID and its field values for display.

    Values are typed like `Record.values` (dates as `date`, multi-choice as lists), except that
    village/officer/reference fields hold the *title* of the record they point to.
    """

    uuid: str
    values: dict[str, Any]


def _q(name: str) -> str:
    return f'"{name}"'


# Fields holding a person's name: sorted by given name first (domain/vnsort.py).
PERSON_NAME_FIELDS = frozenset({"full_name"})


def _text_order(store: Store, spec: FieldSpec, expr: str) -> str:
    """`expr` as it sorts: text in Vietnamese order (people by given name), others as stored."""
    name, kind = spec.name, spec.type
    if spec.target_form:
        target = store.forms[spec.target_form]
        title = target.field(target.title_field)
        name, kind = title.name, title.type
    if kind != "text":
        return expr
    return f"vi_name_key({expr})" if name in PERSON_NAME_FIELDS else f"vi_key({expr})"


def _display_fields(form: FormSpec) -> list[FieldSpec]:
    # Multi-line notes are never list columns; leaving them out keeps pages small.
    return [f for f in form.fields if not f.multiline]


def _select_parts(store: Store, form: FormSpec) -> tuple[list[str], list[str], dict[str, str]]:
    """SELECT expressions, JOIN clauses, and the SQL expression for each displayed field."""
    exprs = ["t.uuid AS uuid"]
    joins: list[str] = []
    by_field: dict[str, str] = {}
    for index, spec in enumerate(_display_fields(form)):
        target = spec.target_form
        if target:
            target_form = store.forms[target]
            title = target_form.field(target_form.title_field)
            alias = f"j{index}"
            joins.append(
                f"LEFT JOIN {_q(target_form.table)} {alias} ON {alias}.uuid = t.{_q(spec.name)}"
            )
            # A title that is itself a reference would only show a UUID: show nothing instead.
            expr = f"{alias}.{_q(title.name)}" if not title.target_form else "NULL"
        else:
            expr = f"t.{_q(spec.name)}"
        by_field[spec.name] = expr
        exprs.append(f"{expr} AS {_q(spec.name)}")
    return exprs, joins, by_field


def _where(form: FormSpec, query: ListQuery) -> tuple[list[str], list[Any]]:
    clauses = ["t.deleted = 0"]
    params: list[Any] = []
    # `unit_code` too: a hub lists one commune's rows among many (read-only drill-down).
    names = set(form.field_names) | {"unit_code"}
    for name, value in query.equals.items():
        if name not in names:
            raise KeyError(f"{form.id}: no field {name!r}")
        if value is None:
            clauses.append(f"t.{_q(name)} IS NULL")
        else:
            clauses.append(f"t.{_q(name)} = ?")
            params.append(value.isoformat() if isinstance(value, date) else value)
    if query.date_field:
        if query.date_field not in names:
            raise KeyError(f"{form.id}: no field {query.date_field!r}")
        column = f"t.{_q(query.date_field)}"
        if query.date_from:
            clauses.append(f"{column} >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to:
            clauses.append(f"{column} <= ?")
            params.append(query.date_to.isoformat())
    match = _search(form, query)
    if match:
        clauses.append(f"f.{_q(search_table(form))} MATCH ?")
        params.append(match)
    return clauses, params


def _search(form: FormSpec, query: ListQuery) -> str:
    return search_match(query.search) if form.searchable_fields else ""


def _source(form: FormSpec, query: ListQuery) -> tuple[str, str]:
    """The FROM clause (`t` is the form's table) and the column that gives entry order."""
    if not _search(form, query):
        return f"{_q(form.table)} t", "t.rowid"
    return f"{_q(search_table(form))} f JOIN {_q(form.table)} t ON t.rowid = f.rowid", "f.rowid"


def fetch_rows(store: Store, query: ListQuery, offset: int = 0, limit: int = 200) -> list[ListRow]:
    """One page of the list described by `query`."""
    form = store.forms[query.form_id]
    exprs, joins, by_field = _select_parts(store, form)
    clauses, params = _where(form, query)
    source, entry_order = _source(form, query)
    sql = f"SELECT {', '.join(exprs)} FROM {source} {' '.join(joins)}"
    sql += " WHERE " + " AND ".join(clauses)
    direction = "DESC" if query.descending else "ASC"
    if query.sort:
        if query.sort not in by_field:
            raise KeyError(f"{form.id}: cannot sort by {query.sort!r}")
        order = _text_order(store, form.field(query.sort), by_field[query.sort])
        sql += f" ORDER BY {order} {direction}, {entry_order} {direction}"
    else:
        sql += f" ORDER BY {entry_order} {direction}"
    sql += " LIMIT ? OFFSET ?"
    rows = store.conn.execute(sql, [*params, int(limit), int(offset)]).fetchall()
    specs = _display_fields(form)
    out: list[ListRow] = []
    for row in rows:
        values = {
            spec.name: row[spec.name] if spec.target_form else from_db(spec, row[spec.name])
            for spec in specs
        }
        out.append(ListRow(row["uuid"], values))
    return out


# A list counts this far and then says "more than": exact counts of big matches cost a scan on
# every keystroke (10,000 measured up to 1.5 s on 1,000,000 citizens; 1,000 stays under 0.1 s).
COUNT_CAP = 1_000


def count_rows(store: Store, query: ListQuery, cap: int | None = None) -> int:
    """How many records the list holds, counting no further than `cap` (None: all)."""
    form = store.forms[query.form_id]
    clauses, params = _where(form, query)
    inner = f"SELECT 1 FROM {_source(form, query)[0]} WHERE " + " AND ".join(clauses)
    if cap is not None:
        inner += " LIMIT ?"
        params = [*params, int(cap)]
    return int(store.conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0])


def warm_search_index(store: Store, form_id: str) -> None:
    """Read the form's search index from disk once, so the first searches need not.

    Cold, a million citizens' first keystrokes waited up to 0.25 s for the index's pages
    (docs/BENCHMARKS.md); reading it whole, in order, takes ~1.4 s from disk in the background
    and then a keystroke p95 is ~40 ms. The index keeps its leaves in rows of its `_data`
    table, each within a page, so counting those rows reads every one of them.
    """
    form = store.forms[form_id]
    if form.searchable_fields:
        store.conn.execute(f'SELECT count(*) FROM "{search_table(form)}_data"').fetchone()


def display_fields(store: Store, form_id: str) -> list[FieldSpec]:
    """The fields a list of `form_id` shows, in form order (the keys of `ListRow.values`)."""
    return _display_fields(store.forms[form_id])


# ---- roster and follow-up ------------------------------------------------------------------


@dataclass(frozen=True)
class RosterTotals:
    """A drive's counts as its roster gives them (see ARCHITECTURE counting rules)."""

    rows: int
    level1_count: int
    received_count: int
    approved_count: int
    activated_count: int

    def as_values(self) -> dict[str, int]:
        """The totals under the drive form's count field names."""
        return {
            "level1_count": self.level1_count,
            "received_count": self.received_count,
            "approved_count": self.approved_count,
            "activated_count": self.activated_count,
        }


def roster_totals(store: Store, drive_uuid: str) -> RosterTotals:
    """Counts over a drive's non-deleted roster rows.

    Level-1 rows count as level-1 registrations; every level-2 row counts as received
    (refused ones too), approved when status is approved/activated, activated when activated.
    """
    table = _q(store.forms["drive_roster"].table)
    row = store.conn.execute(
        "SELECT count(*),"
        " coalesce(sum(level = 'level1'), 0),"
        " coalesce(sum(level IS NOT 'level1'), 0),"
        " coalesce(sum(level IS NOT 'level1' AND status IN ('approved', 'activated')), 0),"
        " coalesce(sum(level IS NOT 'level1' AND status = 'activated'), 0)"
        f" FROM {table} WHERE drive = ? AND deleted = 0",
        (drive_uuid,),
    ).fetchone()
    return RosterTotals(*(int(v) for v in row))


@dataclass(frozen=True)
class RosterBreaks:
    """Drives whose stored counts differ from their roster's, and (drive, citizen) pairs that
    are on one roster more than once — what the roster rules forbid (actions/records.py)."""

    drives_off: list[str]
    duplicates: list[tuple[str, str]]

    def __bool__(self) -> bool:
        return bool(self.drives_off or self.duplicates)


def roster_rule_breaks(store: Store) -> RosterBreaks:
    """Where the roster rules do not hold (rows that arrived by sync from another program)."""
    drives = _q(store.forms["activation_drive"].table)
    roster = _q(store.forms["drive_roster"].table)
    off = store.conn.execute(
        "SELECT d.uuid FROM "
        f"{drives} d JOIN (SELECT drive,"
        " sum(level = 'level1') AS l1,"
        " sum(level IS NOT 'level1') AS rec,"
        " sum(level IS NOT 'level1' AND status IN ('approved', 'activated')) AS appr,"
        " sum(level IS NOT 'level1' AND status = 'activated') AS act"
        f" FROM {roster} WHERE deleted = 0 GROUP BY drive) t ON t.drive = d.uuid "
        "WHERE d.deleted = 0 AND (coalesce(d.level1_count, 0) != t.l1"
        " OR coalesce(d.received_count, 0) != t.rec OR coalesce(d.approved_count, 0) != t.appr"
        " OR coalesce(d.activated_count, 0) != t.act) ORDER BY d.uuid"
    ).fetchall()
    twice = store.conn.execute(
        f"SELECT drive, citizen FROM {roster} WHERE deleted = 0 AND citizen IS NOT NULL "
        "GROUP BY drive, citizen HAVING count(*) > 1 ORDER BY drive, citizen"
    ).fetchall()
    return RosterBreaks([r[0] for r in off], [(r[0], r[1]) for r in twice])


@dataclass(frozen=True)
class PendingActivation:
    """A roster row approved but not yet activated, with what a follow-up visit needs."""

    roster_uuid: str
    citizen_uuid: str
    citizen_name: str
    id_number: str | None
    phone: str | None
    village_name: str | None
    drive_uuid: str
    approved_on: date | None
    days_waiting: int | None
    failure_reason: str | None


def pending_activations(
    store: Store, today: date, *, village: str | None = None, limit: int = 5000
) -> list[PendingActivation]:
    """Approved-not-activated roster rows by village, the longest-waiting first in each."""
    roster = _q(store.forms["drive_roster"].table)
    citizens = _q(store.forms["citizen"].table)
    villages = _q(store.forms["village"].table)
    sql = (
        "SELECT r.uuid, c.uuid, c.full_name, c.id_number, coalesce(r.phone, c.phone), v.name,"
        " r.drive, r.approved_on,"
        " CAST(julianday(?) - julianday(r.approved_on) AS INTEGER), r.failure_reason"
        f" FROM {roster} r JOIN {citizens} c ON c.uuid = r.citizen"
        f" LEFT JOIN {villages} v ON v.uuid = c.village"
        " WHERE r.deleted = 0 AND r.status = 'approved'"
    )
    params: list[Any] = [today.isoformat()]
    if village:
        sql += " AND c.village = ?"
        params.append(village)
    sql += " ORDER BY v.name IS NULL, vi_key(v.name), r.approved_on, r.rowid LIMIT ?"
    params.append(int(limit))
    return [
        PendingActivation(
            roster_uuid=r[0],
            citizen_uuid=r[1],
            citizen_name=r[2],
            id_number=r[3],
            phone=r[4],
            village_name=r[5],
            drive_uuid=r[6],
            approved_on=date.fromisoformat(r[7]) if r[7] else None,
            days_waiting=r[8],
            failure_reason=r[9],
        )
        for r in store.conn.execute(sql, params)
    ]


@dataclass(frozen=True)
class OpenCase:
    """A cleanup case still open or verified, for the follow-up list."""

    uuid: str
    opened_on: date
    days_open: int
    village_name: str | None
    citizen_name: str | None
    criterion: str
    error_type: str
    status: str
    description: str


def open_cleanup_cases(
    store: Store, today: date, *, village: str | None = None, limit: int = 5000
) -> list[OpenCase]:
    """Cleanup cases not yet closed (open or verified), oldest first."""
    cases = _q(store.forms["cleanup_case"].table)
    citizens = _q(store.forms["citizen"].table)
    villages = _q(store.forms["village"].table)
    sql = (
        "SELECT k.uuid, k.opened_on, CAST(julianday(?) - julianday(k.opened_on) AS INTEGER),"
        " v.name, c.full_name, k.criterion, k.error_type, k.status, k.description"
        f" FROM {cases} k LEFT JOIN {citizens} c ON c.uuid = k.citizen"
        f" LEFT JOIN {villages} v ON v.uuid = k.village"
        " WHERE k.deleted = 0 AND k.status IN ('open', 'verified')"
    )
    params: list[Any] = [today.isoformat()]
    if village:
        sql += " AND k.village = ?"
        params.append(village)
    sql += " ORDER BY k.opened_on, k.rowid LIMIT ?"
    params.append(int(limit))
    return [
        OpenCase(
            uuid=r[0],
            opened_on=date.fromisoformat(r[1]),
            days_open=r[2],
            village_name=r[3],
            citizen_name=r[4],
            criterion=r[5],
            error_type=r[6],
            status=r[7],
            description=r[8],
        )
        for r in store.conn.execute(sql, params)
    ]


def titles(store: Store, form_id: str, uuids: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(uuid, title) of a form's live records ordered by title — for pickers and filters.

    With `uuids`, only those records (deleted ones included, so an old value still shows).
    """
    form = store.forms[form_id]
    title = _q(form.title_field)
    sql = f"SELECT uuid, {title} FROM {_q(form.table)}"
    params: list[Any] = []
    if uuids is None:
        sql += " WHERE deleted = 0"
    else:
        sql += f" WHERE uuid IN ({', '.join('?' for _ in uuids)})"
        params = list(uuids)
    sql += f" ORDER BY {_text_order(store, form.field(form.title_field), title)}, rowid"
    return [(r[0], str(r[1] or "")) for r in store.conn.execute(sql, params)]
