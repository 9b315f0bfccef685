"""The columns every record table has besides its form's fields: the one list of them.

A record's table is `uuid`, `unit_code`, one column per field, then the tail below
(docs/ARCHITECTURE.md "Records"). The form loader refuses fields with these names, the store
creates and reads them, bulk writes fill them, and sync carries the `synced` ones in packages
(docs/SYNC.md): adding one here is a schema change (a migration, `store/migrations.py`) and,
when synced, a sync format change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FormSpec


@dataclass(frozen=True)
class Column:
    """One bookkeeping column: its name, its SQLite declaration, whether packages carry it."""

    name: str
    declaration: str
    synced: bool = True


HEAD: tuple[Column, ...] = (
    Column("uuid", "TEXT PRIMARY KEY"),
    # The commune that owns the row; at a hub, rows of many communes live side by side.
    Column("unit_code", "TEXT NOT NULL"),
)
TAIL: tuple[Column, ...] = (
    Column("created_at", "TEXT NOT NULL"),
    Column("updated_at", "TEXT NOT NULL"),
    Column("author", "TEXT NOT NULL"),
    Column("device_id", "TEXT NOT NULL"),
    # Database-wide, increasing with every write: what sync exports.
    Column("change_no", "INTEGER NOT NULL"),
    Column("edit_count", "INTEGER NOT NULL DEFAULT 1"),
    # JSON vector clock {device_id: edits}.
    Column("versions", "TEXT NOT NULL DEFAULT '{}'"),
    # Tombstone: records are never hard-deleted.
    Column("deleted", "INTEGER NOT NULL DEFAULT 0"),
    # Folded text of the searchable fields; derived, so the receiver of a package recomputes it.
    Column("search_text", "TEXT NOT NULL DEFAULT ''", synced=False),
)
COLUMNS: tuple[Column, ...] = HEAD + TAIL
# No form field may have one of these names.
NAMES: frozenset[str] = frozenset(c.name for c in COLUMNS)
# Bookkeeping that travels with every row of a package, in table order.
SYNCED_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.synced)


def table_columns(form: FormSpec) -> list[str]:
    """Every column of a form's table, in table order."""
    return [*(c.name for c in HEAD), *form.field_names, *(c.name for c in TAIL)]


def synced_columns(form: FormSpec) -> list[str]:
    """The columns of a form's table that travel in packages, in table order."""
    return [
        *(c.name for c in HEAD if c.synced),
        *form.field_names,
        *(c.name for c in TAIL if c.synced),
    ]
