"""Database schema: fixed tables, tables generated from the forms, and migrations."""

from __future__ import annotations

from de06desk.forms import FieldSpec, FormSpec

# Bumped when a change to the fixed tables cannot be read by older versions of the app.
SCHEMA_VERSION = 1

FIXED_DDL = [
    """CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        form_id TEXT,
        record_uuid TEXT,
        old TEXT,
        new TEXT,
        detail TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit(at)",
    "CREATE INDEX IF NOT EXISTS audit_record ON audit(record_uuid)",
    # The audit log is append-only: nothing in the app (or a mistaken UPDATE) can rewrite it.
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    """CREATE TABLE IF NOT EXISTS users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
]

# Columns every record table has besides the form's fields.
META_COLUMNS = [
    ("uuid", "TEXT PRIMARY KEY"),
    ("unit_code", "TEXT NOT NULL"),
    ("created_at", "TEXT NOT NULL"),
    ("updated_at", "TEXT NOT NULL"),
    ("author", "TEXT NOT NULL"),
    ("device_id", "TEXT NOT NULL"),
    ("change_no", "INTEGER NOT NULL"),
    ("edit_count", "INTEGER NOT NULL DEFAULT 1"),
    ("versions", "TEXT NOT NULL DEFAULT '{}'"),
    ("deleted", "INTEGER NOT NULL DEFAULT 0"),
    ("search_text", "TEXT NOT NULL DEFAULT ''"),
]

_SQL_TYPES = {"integer": "INTEGER"}


def column_sql(spec: FieldSpec, forms_by_id: dict[str, FormSpec]) -> str:
    """The column definition for a field (type and, for references, the foreign key)."""
    sql = f'"{spec.name}" {_SQL_TYPES.get(spec.type, "TEXT")}'
    target = spec.target_form
    if target:
        # Deferred so a sync package may carry a row before the row it points to.
        sql += f' REFERENCES "{forms_by_id[target].table}"(uuid) DEFERRABLE INITIALLY DEFERRED'
    return sql


def create_table_sql(form: FormSpec, forms_by_id: dict[str, FormSpec]) -> list[str]:
    """Statements creating a form's table and its indexes."""
    columns = [f'"{name}" {decl}' for name, decl in META_COLUMNS[:2]]
    columns += [column_sql(f, forms_by_id) for f in form.fields]
    columns += [f'"{name}" {decl}' for name, decl in META_COLUMNS[2:]]
    statements = [
        f'CREATE TABLE IF NOT EXISTS "{form.table}" (\n  ' + ",\n  ".join(columns) + "\n)"
    ]
    statements += index_sql(form)
    return statements


def index_sql(form: FormSpec) -> list[str]:
    """Indexes for change export, references, dates and identity lookups."""
    t = form.table
    out = [
        f'CREATE INDEX IF NOT EXISTS "{t}_change_no" ON "{t}"(change_no)',
        f'CREATE INDEX IF NOT EXISTS "{t}_unit" ON "{t}"(unit_code, deleted)',
    ]
    for f in form.fields:
        if f.target_form or f.type in ("date", "personal_id", "phone"):
            out.append(f'CREATE INDEX IF NOT EXISTS "{t}_{f.name}" ON "{t}"("{f.name}")')
    return out
