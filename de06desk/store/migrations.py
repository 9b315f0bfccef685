"""Schema migrations: named steps in order, each recorded in the database once applied.

The shape of sqlite-utils' `migrations`: a register of named functions, applied in the order
they were registered, and a table (`migrations`: name, applied_at) saying which ones a database
has had and when. `Store.open` copies the file aside and applies what is pending in one
transaction; `Store.create` makes the latest shape directly and records every step as applied.

To change the schema: write a function `f(store)` here, decorated with
`@MIGRATIONS.step("what_it_does", schema=N)`, after the others. It must be idempotent (a second
run changes nothing). `schema` is the version stamp older versions of the app read
(`meta.schema_version`): keep the last step's number when they can still use the file, take the
next number when they cannot (they then refuse it, unchanged). A new fixed table also goes into
`FIXED_DDL` (new databases); a new form field needs nothing here (the `tables` step adds it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from de06desk.domain.audit_chain import GENESIS, entry_hash
from de06desk.domain.roles import DatabaseRole
from de06desk.forms import FieldSpec, FormSpec

from .schema import (
    AUDIT_FIELDS,
    AUDIT_NO_UPDATE,
    FIXED_DDL,
    FORM_SETS_DDL,
    IMPORT_MAPPINGS_DDL,
    SYNC_SUMMARIES_DDL,
    column_sql,
    create_table_sql,
    index_specs,
    index_sql,
    search_table,
)

if TYPE_CHECKING:
    from .database import Store

MIGRATIONS_DDL = """CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT
)"""
# Steps applied before the register existed (their databases have no `migrations` table and
# are known by their schema version alone); a step added later is never in this set.
_BEFORE_THE_REGISTER = frozenset(
    {"tables", "search_text_spaced", "audit_hash_chain", "import_mappings"}
)


@dataclass(frozen=True)
class Migration:
    """One named step; `every_open` steps run whenever the database is migrated and at any
    open where `needed(store)` says there is work (the others run once)."""

    name: str
    schema: int
    apply: Callable[[Store], None]
    every_open: bool = False
    needed: Callable[[Store], bool] | None = None


class Migrations:
    """The ordered register of migrations."""

    def __init__(self) -> None:
        self._steps: list[Migration] = []

    def step(
        self,
        name: str,
        *,
        schema: int,
        every_open: bool = False,
        needed: Callable[[Store], bool] | None = None,
    ) -> Callable[[Callable[[Store], None]], Callable[[Store], None]]:
        """Register the decorated function as the next step."""

        def register(fn: Callable[[Store], None]) -> Callable[[Store], None]:
            if any(s.name == name for s in self._steps):
                raise ValueError(f"migration {name!r} is registered twice")
            if self._steps and schema < self._steps[-1].schema:
                raise ValueError(f"migration {name!r}: schema {schema} goes back")
            self._steps.append(Migration(name, schema, fn, every_open, needed))
            return fn

        return register

    def __iter__(self) -> Iterator[Migration]:
        return iter(self._steps)

    @property
    def schema_version(self) -> int:
        """The schema version of a database with every step applied."""
        return self._steps[-1].schema

    def applied(self, store: Store) -> dict[str, str | None]:
        """Step name → when it was applied (None: before the register recorded times)."""
        if "migrations" in store.db.table_names():
            rows = store.conn.execute("SELECT name, applied_at FROM migrations").fetchall()
            return {str(name): at for name, at in rows}
        version = _stamp(store)
        return {
            s.name: None for s in self if s.name in _BEFORE_THE_REGISTER and s.schema <= version
        }

    def pending(self, store: Store) -> list[Migration]:
        """The steps an open must apply, in order (empty: nothing to migrate).

        A step above the file's schema stamp is pending whatever the table says (a file put
        back to an older stamp runs it again; every step is idempotent).
        """
        applied, version = self.applied(store), _stamp(store)
        once = [s for s in self if s.name not in applied or s.schema > version]
        wanted = once or [s for s in self if s.every_open and s.needed and s.needed(store)]
        if not wanted:
            return []
        return [s for s in self if s in wanted or s.every_open]

    def apply(self, store: Store, steps: list[Migration], now: str) -> None:
        """Apply `steps` in order and record each as applied at `now` (call inside the
        migration's transaction). A database made before the register first gets the steps
        its schema stamp says it had, with no time."""
        before = self.applied(store)
        store.conn.execute(MIGRATIONS_DDL)
        self._record(store, before)
        for step in steps:
            step.apply(store)
            self._record(store, {step.name: now})

    def record_all(self, store: Store, now: str) -> None:
        """Record every step as applied at `now` (a new database is made in the latest shape)."""
        store.conn.execute(MIGRATIONS_DDL)
        self._record(store, {s.name: now for s in self})

    @staticmethod
    def _record(store: Store, applied: dict[str, str | None]) -> None:
        store.conn.executemany(
            "INSERT INTO migrations(name, applied_at) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET applied_at = excluded.applied_at",
            list(applied.items()),
        )


def _stamp(store: Store) -> int:
    return int(store.get_meta("schema_version") or 0)


MIGRATIONS = Migrations()


def missing_columns(store: Store) -> list[tuple[FormSpec, FieldSpec]]:
    """Fields declared in the forms that the database's existing tables do not have yet."""
    tables = set(store.db.table_names())
    out: list[tuple[FormSpec, FieldSpec]] = []
    for form in store.forms:
        if form.table not in tables:
            continue
        columns = set(store.db[form.table].columns_dict)
        out += [(form, f) for f in form.fields if f.name not in columns]
    return out


def create_tables(store: Store, role: DatabaseRole) -> None:
    """Whatever the latest shape has and the file lacks: fixed tables, tables of new forms,
    columns of fields added to a form, indexes (a hub's set for a hub: `schema.index_sql`)."""
    for ddl in FIXED_DDL:
        store.conn.execute(ddl)
    by_id = store.forms.forms
    for form in store.forms:
        for sql in create_table_sql(form, by_id, role):
            store.conn.execute(sql)
    for form, spec in missing_columns(store):
        store.conn.execute(f'ALTER TABLE "{form.table}" ADD COLUMN {column_sql(spec, by_id)}')
    for form in store.forms:
        for sql in index_sql(form, role):
            store.conn.execute(sql)


@MIGRATIONS.step("tables", schema=1, every_open=True, needed=lambda s: bool(missing_columns(s)))
def create_missing_tables(store: Store) -> None:
    """`create_tables` for the file's own role."""
    create_tables(store, store.role)


@MIGRATIONS.step("search_text_spaced", schema=2)
def space_search_text(store: Store) -> None:
    """Two spaces before every word of `search_text` (see `store.database.search_text`), and
    the search index rebuilt. (Schema 2 also made the citizen-import tables fixed tables,
    which the `tables` step creates.)

    The update trigger is dropped meanwhile: one rebuild of the index is far cheaper than
    a delete and insert per row (a hub's million citizens).
    """
    # Schema 1's folded text never starts with a space: run twice, no change.
    unspaced = "search_text <> '' AND search_text NOT LIKE ' %'"
    for form in store.forms:
        if (
            not form.searchable_fields
            or not store.conn.execute(
                f'SELECT 1 FROM "{form.table}" WHERE {unspaced} LIMIT 1'
            ).fetchone()
        ):
            continue
        fts = search_table(form)
        trigger = store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{fts}_au",)
        ).fetchone()
        store.conn.execute(f'DROP TRIGGER IF EXISTS "{fts}_au"')
        store.conn.execute(
            f'UPDATE "{form.table}" SET search_text = '
            f"'  ' || replace(search_text, ' ', '  ') WHERE {unspaced}"
        )
        store.conn.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
        if trigger:
            store.conn.execute(trigger[0])


@MIGRATIONS.step("audit_hash_chain", schema=3)
def chain_audit(store: Store) -> None:
    """The audit log becomes a hash chain; existing entries are chained now, in id order, from
    the first (domain/audit_chain.py). Packages carry its head (`sync_sent.audit_head`); a hub
    keeps the heads it received (`sync_audit_heads`, made by the `tables` step).

    Only entries without a hash get one, so a second run changes nothing. The update trigger
    is dropped for the moment it takes and put back in the same transaction.
    """
    if "hash" not in store.db["audit"].columns_dict:
        store.conn.execute("ALTER TABLE audit ADD COLUMN hash TEXT")
    if "audit_head" not in store.db["sync_sent"].columns_dict:
        store.conn.execute("ALTER TABLE sync_sent ADD COLUMN audit_head INTEGER")
    previous, updates = GENESIS, []
    for row in store.conn.execute(f"SELECT {AUDIT_FIELDS}, hash FROM audit ORDER BY id"):
        stored = row[-1]
        if stored is None:
            stored = entry_hash(previous, tuple(row)[:-1])
            updates.append((stored, row[0]))
        previous = stored
    if updates:
        store.conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        store.conn.executemany("UPDATE audit SET hash = ? WHERE id = ?", updates)
        store.conn.execute(AUDIT_NO_UPDATE)


@MIGRATIONS.step("import_mappings", schema=4)
def add_import_mappings(store: Store) -> None:
    """Saved column mappings of imported lists (`import_mappings`, quality/profiles.py)."""
    for ddl in IMPORT_MAPPINGS_DDL:
        store.conn.execute(ddl)


@MIGRATIONS.step("sync_summaries", schema=5)
def add_sync_summaries(store: Store) -> None:
    """At an upper hub: the weekly figures hubs below it send (`sync_summaries`,
    store/summaries.py; docs/SYNC.md §9). Older versions cannot read a hub that has them."""
    for ddl in SYNC_SUMMARIES_DDL:
        store.conn.execute(ddl)


@MIGRATIONS.step("form_sets", schema=5)
def add_form_sets(store: Store) -> None:
    """Form sets published at a hub or received from it, and the form texts held
    (`form_sets`, `form_texts`; store/form_sets.py, docs/SYNC.md §11). Older versions of the
    app ignore the two tables, so the schema stamp stays."""
    for ddl in FORM_SETS_DDL:
        store.conn.execute(ddl)


@MIGRATIONS.step("hub_lean_indexes", schema=5)
def drop_indexes_a_hub_does_without(store: Store) -> None:
    """At a hub made before it stopped building them: drop the indexes a commune has and a hub
    does without (identity lookups, the date indexes its reports do not use;
    `schema.index_specs`). Older versions of the app work without them (slower lookups),
    so the schema stamp stays."""
    if store.role != "hub":
        return
    for form in store.forms:
        hub = {name for name, _ in index_specs(form, "hub")}
        for name, _ in index_specs(form, "commune"):
            if name not in hub:
                store.conn.execute(f'DROP INDEX IF EXISTS "{name}"')


SCHEMA_VERSION = MIGRATIONS.schema_version
