"""Database schema: fixed tables and the tables generated from the forms (migrations:
store/migrations.py)."""

from __future__ import annotations

from de06desk.domain.roles import DatabaseRole
from de06desk.forms import FieldSpec, FormSpec, bookkeeping

# The schema version and the steps that changed it: store/migrations.py.
# The audit columns the hash chain covers, in the order it hashes them (domain/audit_chain.py).
AUDIT_FIELDS = "id, at, username, action, form_id, record_uuid, old, new, detail"

AUDIT_NO_UPDATE = """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"""

# Step 4: column mappings the officer confirmed, proposed again for a file with the same
# headers (quality/profiles.py). Keyed by the kind of list and its folded header row.
IMPORT_MAPPINGS_DDL = [
    """CREATE TABLE IF NOT EXISTS import_mappings (
        kind TEXT NOT NULL,
        header_key TEXT NOT NULL,
        headers TEXT NOT NULL,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        username TEXT NOT NULL,
        PRIMARY KEY (kind, header_key)
    )""",
]

# At an upper hub: the weekly figures per commune that hubs below it sent in summary
# packages (store/summaries.py; docs/SYNC.md §9) — counts only, no personal data.
SYNC_SUMMARIES_DDL = [
    """CREATE TABLE IF NOT EXISTS sync_summaries (
        sender TEXT NOT NULL,
        week TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        via TEXT NOT NULL,
        as_of TEXT NOT NULL,
        line TEXT NOT NULL,
        created_at TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        PRIMARY KEY (week, unit_code)
    )""",
    "CREATE INDEX IF NOT EXISTS sync_summaries_unit ON sync_summaries(unit_code, sender)",
]

# Form sets a hub published or a commune received (store/form_sets.py; docs/SYNC.md §11), and
# the text of every form version either side has held, to tell an additive change from one
# that breaks old records.
FORM_SETS_DDL = [
    """CREATE TABLE IF NOT EXISTS form_sets (
        sha256 TEXT PRIMARY KEY,
        set_version INTEGER NOT NULL,
        texts TEXT NOT NULL,
        settings TEXT NOT NULL,
        source TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS form_texts (
        form_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (form_id, version)
    )""",
]

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
        detail TEXT,
        hash TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit(at)",
    "CREATE INDEX IF NOT EXISTS audit_record ON audit(record_uuid)",
    # Nothing in the app (or a mistaken UPDATE) can rewrite the log. The triggers stop mistakes,
    # not someone holding the data key, who can drop them: the hash chain (`hash`) is what
    # shows such a rewrite (domain/audit_chain.py).
    AUDIT_NO_UPDATE,
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
    # ---- sync (store/sync_state.py; docs/SYNC.md) ----
    # This database's own key pairs. `protection` says how private_key is wrapped ('none' until
    # encryption at rest lands), so keys can be re-wrapped later without changing the table.
    """CREATE TABLE IF NOT EXISTS sync_keys (
        name TEXT PRIMARY KEY CHECK (name IN ('signing', 'agreement')),
        algorithm TEXT NOT NULL,
        private_key BLOB NOT NULL,
        protection TEXT NOT NULL DEFAULT 'none',
        public_key BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # Other units' public keys: at a hub the registered communes, at a commune its hub.
    """CREATE TABLE IF NOT EXISTS sync_peers (
        unit_code TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('commune', 'hub')),
        unit_name TEXT NOT NULL,
        signing_key BLOB NOT NULL,
        agreement_key BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    # Packages this database wrote; acked_at is set when the recipient confirms receipt.
    """CREATE TABLE IF NOT EXISTS sync_sent (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient TEXT NOT NULL,
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        change_from INTEGER NOT NULL,
        change_to INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        acked_at TEXT,
        audit_head INTEGER,
        UNIQUE (recipient, device_id, seq)
    )""",
    # Packages this database imported (the hash makes a re-import a no-op).
    """CREATE TABLE IF NOT EXISTS sync_received (
        sha256 TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        sender TEXT NOT NULL,
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        change_from INTEGER NOT NULL,
        change_to INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        applied INTEGER NOT NULL,
        conflicts INTEGER NOT NULL,
        file_name TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS sync_received_sender ON sync_received(sender, device_id, seq)",
    # At a hub: the audit chain head each imported package carried, and whether it extends the
    # heads that commune device sent before (sync/audit_heads.py; docs/SYNC.md §5).
    """CREATE TABLE IF NOT EXISTS sync_audit_heads (
        package_sha256 TEXT PRIMARY KEY,
        sender TEXT NOT NULL,
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        head_id INTEGER NOT NULL,
        head_hash TEXT NOT NULL,
        verdict TEXT NOT NULL
            CHECK (verdict IN ('first', 'extends', 'older', 'rewritten', 'unproven', 'broken')),
        detail TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS sync_audit_heads_sender ON sync_audit_heads(sender, device_id)",
    # Concurrent edits of one record (neither version vector dominates): what was kept, and the
    # losing version in full, so nothing is silently lost.
    """CREATE TABLE IF NOT EXISTS sync_conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        form_id TEXT NOT NULL,
        record_uuid TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        kept TEXT NOT NULL CHECK (kept IN ('incoming', 'existing')),
        kept_versions TEXT NOT NULL,
        lost_versions TEXT NOT NULL,
        lost_row TEXT NOT NULL
    )""",
    *SYNC_SUMMARIES_DDL,
    *FORM_SETS_DDL,
    # Citizen-list imports (store/citizen_import.py): each batch and the records it created or
    # changed, with their values before, so that a batch can be undone.
    """CREATE TABLE IF NOT EXISTS import_batches (
        batch_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        username TEXT NOT NULL,
        added INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        refused INTEGER NOT NULL,
        undone_at TEXT,
        undone_by TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS import_batch_rows (
        batch_id TEXT NOT NULL REFERENCES import_batches(batch_id),
        form_id TEXT NOT NULL,
        record_uuid TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update')),
        old_values TEXT,
        change_no INTEGER NOT NULL,
        PRIMARY KEY (batch_id, record_uuid)
    )""",
    *IMPORT_MAPPINGS_DDL,
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


def create_table_sql(
    form: FormSpec, forms_by_id: dict[str, FormSpec], role: DatabaseRole
) -> list[str]:
    """Statements creating a form's table and its indexes (a commune's or a hub's)."""
    columns = [f'"{c.name}" {c.declaration}' for c in bookkeeping.HEAD]
    columns += [column_sql(f, forms_by_id) for f in form.fields]
    columns += [f'"{c.name}" {c.declaration}' for c in bookkeeping.TAIL]
    statements = [
        f'CREATE TABLE IF NOT EXISTS "{form.table}" (\n  ' + ",\n  ".join(columns) + "\n)"
    ]
    statements += index_sql(form, role)
    statements += search_index_sql(form)
    return statements


def search_table(form: FormSpec) -> str:
    """Name of the trigram full-text index over a form's `search_text` column."""
    return f"{form.table}_fts"


def search_index_sql(form: FormSpec) -> list[str]:
    """A trigram FTS5 index kept in step with `search_text` by triggers.

    Substring search over a million folded names with LIKE scans the table (up to ~400 ms);
    the trigram index answers in tens of milliseconds (docs/BENCHMARKS.md).
    """
    if not form.searchable_fields:
        return []
    t, fts = form.table, search_table(form)
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5(search_text, '
        f"content='{t}', content_rowid='rowid', tokenize='trigram')",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ai" AFTER INSERT ON "{t}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.rowid, new.search_text); END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_ad" AFTER DELETE ON "{t}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, search_text) '
        f"VALUES ('delete', old.rowid, old.search_text); END",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_au" AFTER UPDATE OF search_text ON "{t}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, search_text) '
        f"VALUES ('delete', old.rowid, old.search_text); "
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.rowid, new.search_text); END',
    ]


def personal_fields(form: FormSpec) -> set[str]:
    """ID numbers, phones and the birth dates an ID number is checked against: the fields whose
    indexes serve the commune's data-quality checks (same ID number, same phone) and sorting a
    commune's list by them. A hub runs no such checks, searches through the trigram index and
    sorts one commune's rows at a time, so it does without these indexes — which matter there:
    their keys are random, so once an index outgrows a package nearly every new row dirties a
    page of its own in each (docs/BENCHMARKS.md, "How the hub's cost grows")."""
    names = {f.name for f in form.fields if f.type in ("personal_id", "phone")}
    for f in form.fields:
        if f.type == "personal_id":
            names |= {name for _, name in f.cross_check if name in form.field_names}
    return names


# Table → (index name suffix, columns): indexes a query needs beyond the generic ones.
EXTRA_INDEXES: dict[str, list[tuple[str, str]]] = {
    # Covers the summary's per-drive counts (store/summary_queries.py): a hub's roster of
    # hundreds of thousands of rows is read in drive order without touching the table.
    "drive_roster": [
        (
            "summary",
            "drive, deleted, level, status, approved_on, activated_on, failure_reason",
        )
    ],
}


# Table → the date fields a hub keeps an index on: those its weekly report selects a week of
# rows by (store/summary_queries.py). A hub's other date indexes served nothing it runs (its
# drill-down sorts one commune's rows at a time) and cost it dearly: every commune's rows
# share the same two years of dates, so a package's rows land all over each such index
# (docs/BENCHMARKS.md, "How the hub's cost grows"). A commune keeps every date index.
HUB_DATE_INDEXES: dict[str, frozenset[str]] = {
    "support_sessions": frozenset({"held_on"}),
    "targets": frozenset({"start_on", "due_on"}),
}


def index_specs(form: FormSpec, role: DatabaseRole) -> list[tuple[str, str]]:
    """(index name, indexed columns) for change export, references, dates, identity lookups
    and the summary. A hub leaves out the identity lookups (`personal_fields`) and the date
    indexes its reports do not use (`HUB_DATE_INDEXES`)."""
    t = form.table
    out = [(f"{t}_change_no", "change_no"), (f"{t}_unit", "unit_code, deleted")]
    skipped = personal_fields(form) if role == "hub" else set()
    hub_dates = HUB_DATE_INDEXES.get(t, frozenset())
    for f in form.fields:
        if f.name in skipped:
            continue
        if f.type == "date" and role == "hub" and f.name not in hub_dates:
            continue
        if f.target_form or f.type in ("date", "personal_id", "phone"):
            out.append((f"{t}_{f.name}", f'"{f.name}"'))
    out += [(f"{t}_{suffix}", columns) for suffix, columns in EXTRA_INDEXES.get(t, [])]
    return out


def index_sql(form: FormSpec, role: DatabaseRole) -> list[str]:
    """The statements creating `index_specs(form, role)`."""
    return [
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{form.table}"({columns})'
        for name, columns in index_specs(form, role)
    ]
