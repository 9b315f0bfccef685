"""The Store: one SQLite file, opened safely, with records written one action at a time."""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid as uuidlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from de06desk import __version__
from de06desk.config import create_private, make_private, private_folder
from de06desk.domain.audit_chain import GENESIS, AuditFields, entry_hash
from de06desk.domain.i18n import Msg, msg
from de06desk.domain.roles import DatabaseRole
from de06desk.domain.text import fold
from de06desk.domain.vnsort import name_sort_key, sort_key
from de06desk.forms import (
    FormSet,
    FormSpec,
    bookkeeping,
    load_forms,
    record_warnings,
    validate_record,
)
from de06desk.forms.codec import blank, from_db, record_to_json, to_db

from . import dbapi
from .crypto import keyring_path
from .errors import DiskFullError, NotFoundError, StoreError, ValidationError
from .migrations import MIGRATIONS, SCHEMA_VERSION, create_tables
from .schema import AUDIT_FIELDS

SYSTEM_USER = "system"

# Meta key: the hub's device ids a commune has seen (records they wrote are the hub's).
_HUB_DEVICES = "sync_hub_devices"


def utc_now() -> str:
    """Current time as an ISO 8601 UTC timestamp with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Record:
    """A stored record: typed field values plus the bookkeeping every row carries."""

    form_id: str
    uuid: str
    values: dict[str, Any]
    unit_code: str
    created_at: str
    updated_at: str
    author: str
    device_id: str
    change_no: int
    edit_count: int
    versions: dict[str, int]
    deleted: bool

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        """A field value, or `default` when blank."""
        value = self.values.get(name)
        return default if value is None else value


def search_text(form: FormSpec, values: Mapping[str, Any]) -> str:
    """Folded text of the searchable fields, so search ignores case and diacritics.

    Every word follows two spaces, so the start of a word is a trigram the search index can
    find even for a one- or two-letter word ("  n", " lo"; store/search.py).
    """
    parts = [str(values.get(name) or "") for name in form.searchable_fields]
    return "".join("  " + word for word in fold(" ".join(p for p in parts if p)).split())


# New records get time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix time in
# milliseconds, then the version, the variant and 74 random bits. A week's new records then land
# together at the end of each table's UUID index at a hub holding hundreds of communes, instead
# of one page of the index each (random version-4 keys made every new row dirty a page of its own
# once the index outgrew a package: docs/BENCHMARKS.md, "How the hub's cost grows"). They are
# still standard UUID strings: packages, older versions and existing (version-4) records are
# unaffected. Privacy: a version-7 UUID tells whoever sees it when it was made, to the
# millisecond; every record already carries that time in `created_at`, which travels with it in
# the same packages, so the ID reveals nothing that was not already there.
def _new_uuid() -> str:
    return new_record_uuids(1)[0]


def new_record_uuids(count: int) -> list[str]:
    """`count` new version-7 UUIDs (RFC 9562) for this millisecond, as `str(uuid.UUID)` writes
    them, made together from one `os.urandom` read (0.03 s for 50,000).

    UUIDs made in the same millisecond share their time and differ in their random bits, so
    they are not ordered among themselves; sort them where order matters (store/bulk.py).
    """
    raw = bytearray(os.urandom(16 * count))
    stamp = (time.time_ns() // 1_000_000).to_bytes(6, "big")
    for i in range(6):
        raw[i::16] = stamp[i : i + 1] * count
    # Version 7 in the high nibble of byte 6, the RFC 9562 variant (10xx) in byte 8.
    raw[6::16] = bytes(b & 0x0F | 0x70 for b in raw[6::16])
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])
    h = raw.hex()
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-{h[i + 12 : i + 16]}-"
        f"{h[i + 16 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


class Store:
    """A de06desk database. Every SQL statement of the app lives in this package.

    Use `Store.create` for a new file and `Store.open` for an existing one; both leave the
    schema ready for the forms in use. One Store (one connection) per thread. With a `key` the
    file is a SQLCipher database encrypted under that data key (docs/SECURITY.md §3); without
    one it is plain SQLite (tests and development only: every production path encrypts).
    """

    def __init__(
        self, path: Path, conn: dbapi.Connection, forms: FormSet, key: bytes | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        # Kept so backups and copies of this database are encrypted under the same key.
        self.key = key
        # No sqlite-utils plug-ins: scanning every installed package's entry points cost ~0.1 s
        # of each start, and no third-party code should touch this connection.
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.forms = forms
        # Replaceable so the demo generator can make the same UUIDs for the same seed.
        self.uuid_factory: Callable[[], str] = _new_uuid
        # Set when `open` upgraded an older file: its schema version before, and the copy taken
        # first. The UI and the CLI tell the user (migration_backup is None: nothing migrated).
        self.migrated_from: int | None = None
        self.migration_backup: Path | None = None
        # Work that must follow the commit of the outermost transaction (a re-key, which
        # SQLCipher runs as a transaction of its own; store/rekey.py).
        self._after_commit: list[Callable[[], object]] = []
        # Files written inside a transaction that must be put back if it rolls back (the
        # keyring, whose entries follow the accounts).
        self._on_rollback: list[Callable[[], object]] = []

    # ---- opening ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        unit_code: str,
        role: DatabaseRole = "commune",
        forms: FormSet | None = None,
        key: bytes | None = None,
    ) -> Store:
        """Create a new database file (encrypted under `key` if given); never overwrites one."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(
                msg(
                    "Tệp {p} đã tồn tại; hãy chọn tên khác.",
                    "{p} already exists; choose another name.",
                    p=path.name,
                )
            )
        private_folder(path.parent)
        # SQLite gives the WAL, index and journal the database file's own mode.
        create_private(path)
        store = cls(path, _connect(path, key), forms or load_forms(), key)
        try:
            with store.transaction():
                create_tables(store, role)
                now = utc_now()
                MIGRATIONS.record_all(store, now)
                for name, value in {
                    "schema_version": str(SCHEMA_VERSION),
                    "app_version": __version__,
                    "created_at": now,
                    "device_id": str(uuidlib.uuid4()),
                    "role": role,
                    "unit_code": unit_code,
                    "form_versions": json.dumps(store.forms.versions()),
                }.items():
                    store.set_meta(name, value)
                store.conn.execute("INSERT INTO counters(name, value) VALUES ('change_no', 0)")
        except BaseException:
            store.close()
            path.unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def open(
        cls, path: Path | str, *, forms: FormSet | None = None, key: bytes | None = None
    ) -> Store:
        """Open an existing database, migrating it (after a backup copy) if it is older.

        An encrypted database needs its data key (`key`); a wrong or missing key is refused
        with a StoreError before anything is read or written.
        """
        path = Path(path)
        if not path.exists():
            raise StoreError(
                msg(
                    "Không tìm thấy cơ sở dữ liệu {p}.",
                    "Database {p} not found.",
                    p=str(path),
                )
            )
        _check_is_ours(path, key)
        # Databases made before files were private become private at their next open.
        for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), keyring_path(path)):
            make_private(own)
        store = cls(path, _connect(path, key), forms or load_forms(), key)
        try:
            store._check_version_and_migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with suppress(*dbapi.Error):
            self.conn.close()

    def reconnect(self, key: bytes | None) -> None:
        """Replace the connection by a fresh one under `key` (after a failed re-key, whose
        connection can no longer be trusted to write under the file's key)."""
        self.close()
        self.conn = _connect(self.path, key)
        self.db = sqlite_utils.Database(self.conn, execute_plugins=False)
        self.key = key

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version_and_migrate(self) -> None:
        version = int(self.get_meta("schema_version") or 0)
        if version > SCHEMA_VERSION:
            raise StoreError(
                msg(
                    "Cơ sở dữ liệu {p} được tạo bởi phiên bản mới hơn của phần mềm "
                    "(lược đồ {v} > {s}). Hãy cập nhật de06desk; tệp không bị thay đổi.",
                    "Database {p} was made by a newer version of de06desk (schema {v} > {s}). "
                    "Update de06desk; the file was not changed.",
                    p=self.path.name,
                    v=version,
                    s=SCHEMA_VERSION,
                )
            )
        pending = MIGRATIONS.pending(self)
        if pending:
            backup = self.backup_before_migration()
            with self.transaction():
                MIGRATIONS.apply(self, pending, utc_now())
                self.set_meta("schema_version", str(SCHEMA_VERSION))
                self.set_meta("app_version", __version__)
                self.set_meta("form_versions", json.dumps(self.forms.versions()))
            self.migrated_from, self.migration_backup = version, backup

    def backup_before_migration(self) -> Path:
        """Copy the file aside before changing its schema, so a failed upgrade loses nothing."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.before-migration-{stamp}{self.path.suffix}")
        shutil.copy2(self.path, target)
        return target

    # ---- meta, counters, transactions --------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value from the meta table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a meta value (inside the caller's transaction if there is one)."""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (from a command-line argument) cannot be stored at all.
            raise StoreError(
                msg(
                    "Giá trị “{k}” chứa ký tự không hợp lệ; hãy gõ lại.",
                    "The value of “{k}” holds an invalid character; type it again.",
                    k=key,
                )
            ) from None
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def hub_devices(self) -> frozenset[str]:
        """At a commune: the devices of its hub, seen in the packages it sent down.

        A record whose version vector names one of them was set by the hub (a target): the hub
        refuses any version of it a commune sends back, so it is not edited here either.
        """
        raw = self.get_meta(_HUB_DEVICES)
        return frozenset(json.loads(raw)) if raw else frozenset()

    def add_hub_device(self, device_id: str) -> None:
        """Remember a device of the hub (inside the import's transaction)."""
        devices = self.hub_devices()
        if device_id not in devices:
            self.set_meta(_HUB_DEVICES, json.dumps(sorted(devices | {device_id})))

    def _refuse_hub_set(self, form: FormSpec, current: Record) -> None:
        if set(current.versions) & self.hub_devices():
            raise StoreError(
                msg(
                    "“{f}” này do cấp trên đặt; xã không sửa hay xóa được "
                    "(hãy đề nghị cấp trên sửa).",
                    "This {e} was set by the hub; a commune cannot edit or delete it "
                    "(ask the hub to).",
                    f=form.label_vi,
                    e=form.label_en.lower(),
                )
            )

    @property
    def device_id(self) -> str:
        """This database's device id (distinguishes two laptops of one commune)."""
        return self.get_meta("device_id") or ""

    @property
    def unit_code(self) -> str:
        """The unit this database belongs to (commune code, or the hub's code)."""
        return self.get_meta("unit_code") or ""

    @property
    def role(self) -> DatabaseRole:
        """'commune' or 'hub'."""
        return "hub" if self.get_meta("role") == "hub" else "commune"

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One user action = one transaction; nested calls become savepoints.

        When the outermost one commits, the work queued by `after_commit` runs (and is
        dropped if it rolls back); when it rolls back, the `on_rollback` undo steps run,
        newest first.
        """
        outermost = not self.conn.in_transaction
        try:
            with self.db.atomic():
                yield self
        except BaseException:
            if outermost:
                self._after_commit.clear()
                undo, self._on_rollback = self._on_rollback, []
                for step in reversed(undo):
                    step()
            raise
        if outermost:
            self._on_rollback.clear()
            # Taken out first: if one step fails, the rest must not run after some later,
            # unrelated transaction (a re-key left due has its marker and the next log-in).
            work, self._after_commit = self._after_commit, []
            for step in work:
                step()

    def new_uuids(self, count: int) -> list[str]:
        """`count` new record UUIDs from `uuid_factory` (made together when it is the default)."""
        if self.uuid_factory is _new_uuid:
            return new_record_uuids(count)
        return [self.uuid_factory() for _ in range(count)]

    def on_rollback(self, undo: Callable[[], object]) -> None:
        """Run `undo` if the current transaction rolls back (a file written inside it)."""
        if self.conn.in_transaction:
            self._on_rollback.append(undo)

    def after_commit(self, work: Callable[[], object]) -> None:
        """Run `work` once the current transaction has committed (now, if none is open)."""
        if self.conn.in_transaction:
            self._after_commit.append(work)
        else:
            work()

    def next_change_no(self) -> int:
        """Take the next database-wide change number (call inside a transaction)."""
        row = self.conn.execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'change_no' RETURNING value"
        ).fetchone()
        return int(row[0])

    def current_change_no(self) -> int:
        """The highest change number handed out so far."""
        row = self.conn.execute("SELECT value FROM counters WHERE name = 'change_no'").fetchone()
        return int(row[0]) if row else 0

    # ---- audit --------------------------------------------------------------------------

    def audit(
        self,
        action: str,
        username: str,
        *,
        form_id: str | None = None,
        record_uuid: str | None = None,
        old: Mapping[str, Any] | None = None,
        new: Mapping[str, Any] | None = None,
        detail: str | None = None,
    ) -> None:
        """Append an entry to the audit log (who, when, what, old → new)."""
        self.append_audit(
            [
                (
                    utc_now(),
                    username,
                    action,
                    form_id,
                    record_uuid,
                    _json_or_none(old),
                    _json_or_none(new),
                    detail,
                )
            ]
        )

    def append_audit(self, entries: Sequence[Sequence[Any]]) -> None:
        """Append entries (at, username, action, form_id, record_uuid, old, new, detail), each
        chained to the one before by its hash. The only code that writes audit rows.

        Ids are given here, after the highest ever issued (SQLite's sequence), so entries
        removed from the end leave a gap the verifier sees instead of having their ids reused.
        Values are stored as text (the columns' affinity), so they are hashed as text too.
        """
        if not entries:
            return
        with self.transaction():
            last = self.conn.execute(
                "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"
            ).fetchone()
            issued = self.conn.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"
            ).fetchone()
            next_id = max(int(issued[0]) if issued else 0, int(last[0]) if last else 0) + 1
            previous = (last[1] if last else None) or GENESIS
            rows = []
            for number, entry in enumerate(entries, start=next_id):
                fields: AuditFields = (number, *(None if v is None else str(v) for v in entry))
                if len(fields) != 9:
                    raise ValueError(f"an audit entry has 8 fields, not {len(fields) - 1}")
                previous = entry_hash(previous, fields)
                rows.append((*fields, previous))
            self.conn.executemany(
                f"INSERT INTO audit({AUDIT_FIELDS}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    # ---- records ------------------------------------------------------------------------

    def form(self, form_id: str) -> FormSpec:
        """The form spec for `form_id`."""
        return self.forms[form_id]

    def get_record(
        self, form_id: str, uuid: str, *, include_deleted: bool = False
    ) -> Record | None:
        """One record by UUID, or None."""
        form = self.forms[form_id]
        row = self.conn.execute(f'SELECT * FROM "{form.table}" WHERE uuid = ?', (uuid,)).fetchone()
        if row is None:
            return None
        record = self._record(form, row)
        return None if record.deleted and not include_deleted else record

    def list_records(
        self,
        form_id: str,
        *,
        where: Mapping[str, Any] | None = None,
        include_deleted: bool = False,
        order_by: str | None = None,
        limit: int | None = None,
    ) -> list[Record]:
        """Records of a form matching field = value filters, in `order_by` field order."""
        form = self.forms[form_id]
        clauses, params = self._filters(form, where or {}, include_deleted)
        sql = f'SELECT * FROM "{form.table}"'
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        order_col = self._column(form, order_by) if order_by else "rowid"
        sql += f" ORDER BY {order_col}, rowid"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._record(form, row) for row in self.conn.execute(sql, params)]

    def count_records(
        self, form_id: str, *, where: Mapping[str, Any] | None = None, include_deleted: bool = False
    ) -> int:
        """How many records match."""
        form = self.forms[form_id]
        clauses, params = self._filters(form, where or {}, include_deleted)
        sql = f'SELECT count(*) FROM "{form.table}"'
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return int(self.conn.execute(sql, params).fetchone()[0])

    def validate(self, form_id: str, values: Mapping[str, Any]) -> dict[str, list[Msg]]:
        """Form rules plus checks only the store can make (references exist)."""
        form = self.forms[form_id]
        errors = validate_record(form, values)
        for spec in form.fields:
            value = values.get(spec.name)
            target = spec.target_form
            if target and value and spec.name not in errors:
                target_table = self.forms[target].table
                row = self.conn.execute(
                    f'SELECT deleted FROM "{target_table}" WHERE uuid = ?', (value,)
                ).fetchone()
                if row is None or row[0]:
                    errors[spec.name] = [
                        msg(
                            "{f}: bản ghi được chọn không còn tồn tại.",
                            "{g}: the selected record no longer exists.",
                            f=spec.label_vi,
                            g=spec.label_en,
                        )
                    ]
        return errors

    def save_record(
        self,
        form_id: str,
        values: Mapping[str, Any],
        *,
        user: str,
        uuid: str | None = None,
    ) -> Record:
        """Create (uuid None) or update a record after validating it; one transaction.

        Raises ValidationError (nothing written) if the record breaks its form.
        """
        form = self.forms[form_id]
        clean = {f.name: values.get(f.name, blank(f)) for f in form.fields}
        errors = self.validate(form_id, clean)
        if errors:
            raise ValidationError(Msg(form.label_vi, form.label_en), errors)
        with self.transaction():
            before = self.current_change_no()
            record = (
                self._insert(form, clean, user)
                if uuid is None
                else self._update(form, uuid, clean, user)
            )
            warnings = record_warnings(form, clean)
            # Saved over a warning (the ID number says another sex or year): who and which,
            # never the number itself. Only when this save wrote something.
            if warnings and self.current_change_no() > before:
                self.audit(
                    "warning_accepted",
                    user,
                    form_id=form.id,
                    record_uuid=record.uuid,
                    detail=", ".join(dict.fromkeys(w.code for w in warnings)),
                )
            return record

    def _insert(self, form: FormSpec, values: dict[str, Any], user: str) -> Record:
        if form.singleton and self.count_records(form.id):
            existing = self.list_records(form.id, limit=1)[0]
            return self._update(form, existing.uuid, values, user)
        now, device = utc_now(), self.device_id
        row: dict[str, Any] = {f.name: to_db(f, values[f.name]) for f in form.fields}
        row.update(
            uuid=self.uuid_factory(),
            unit_code=self.unit_code,
            created_at=now,
            updated_at=now,
            author=user,
            device_id=device,
            change_no=self.next_change_no(),
            edit_count=1,
            versions=json.dumps({device: 1}),
            deleted=0,
            search_text=search_text(form, values),
        )
        self._write_row(form, row, insert=True)
        self.audit(
            "create",
            user,
            form_id=form.id,
            record_uuid=row["uuid"],
            new=record_to_json(form, values),
        )
        return self._record_by_uuid(form, row["uuid"])

    def _update(self, form: FormSpec, uuid: str, values: dict[str, Any], user: str) -> Record:
        current = self.get_record(form.id, uuid)
        if current is None:
            raise NotFoundError(
                msg(
                    "Không tìm thấy bản ghi cần sửa (có thể đã bị xóa).",
                    "The record to edit was not found (it may have been deleted).",
                )
            )
        changed = {k: v for k, v in values.items() if current.values.get(k) != v}
        if not changed:
            return current
        self._refuse_hub_set(form, current)
        device = self.device_id
        versions = dict(current.versions)
        versions[device] = versions.get(device, 0) + 1
        row = {f.name: to_db(f, values[f.name]) for f in form.fields}
        row.update(
            uuid=uuid,
            updated_at=utc_now(),
            author=user,
            device_id=device,
            change_no=self.next_change_no(),
            edit_count=current.edit_count + 1,
            versions=json.dumps(versions),
            search_text=search_text(form, values),
        )
        self._write_row(form, row, insert=False)
        old = {k: current.values.get(k) for k in changed}
        self.audit(
            "update",
            user,
            form_id=form.id,
            record_uuid=uuid,
            old=record_to_json(form, old),
            new=record_to_json(form, changed),
        )
        return self._record_by_uuid(form, uuid)

    def delete_record(self, form_id: str, uuid: str, *, user: str) -> None:
        """Delete by tombstone: the row stays, marked deleted, so sync can pass it on."""
        form = self.forms[form_id]
        with self.transaction():
            current = self.get_record(form_id, uuid)
            if current is None:
                raise NotFoundError(
                    msg("Không tìm thấy bản ghi cần xóa.", "The record to delete was not found.")
                )
            self._refuse_hub_set(form, current)
            self._mark_deleted(form, current, True, user)
            self.audit(
                "delete",
                user,
                form_id=form_id,
                record_uuid=uuid,
                old=record_to_json(form, current.values),
            )

    def _mark_deleted(self, form: FormSpec, current: Record, deleted: bool, user: str) -> None:
        """Set or clear a record's tombstone as a change made on this device (a new change
        number and version, so sync passes a delete or a restore on like an edit)."""
        device = self.device_id
        versions = dict(current.versions)
        versions[device] = versions.get(device, 0) + 1
        self.conn.execute(
            f'UPDATE "{form.table}" SET deleted = ?, updated_at = ?, author = ?, '
            "device_id = ?, change_no = ?, edit_count = edit_count + 1, versions = ? "
            "WHERE uuid = ?",
            (
                int(deleted),
                utc_now(),
                user,
                device,
                self.next_change_no(),
                json.dumps(versions),
                current.uuid,
            ),
        )

    def _write_row(self, form: FormSpec, row: dict[str, Any], *, insert: bool) -> None:
        columns = list(row)
        quoted = ", ".join(f'"{c}"' for c in columns)
        if insert:
            marks = ", ".join("?" for _ in columns)
            self.conn.execute(
                f'INSERT INTO "{form.table}" ({quoted}) VALUES ({marks})', [row[c] for c in columns]
            )
        else:
            sets = ", ".join(f'"{c}" = ?' for c in columns if c != "uuid")
            params = [row[c] for c in columns if c != "uuid"] + [row["uuid"]]
            self.conn.execute(f'UPDATE "{form.table}" SET {sets} WHERE uuid = ?', params)

    def _record_by_uuid(self, form: FormSpec, uuid: str) -> Record:
        row = self.conn.execute(f'SELECT * FROM "{form.table}" WHERE uuid = ?', (uuid,)).fetchone()
        return self._record(form, row)

    def _record(self, form: FormSpec, row: dbapi.Row) -> Record:
        keys = row.keys()
        values = {f.name: from_db(f, row[f.name]) if f.name in keys else None for f in form.fields}
        return Record(
            form_id=form.id,
            uuid=row["uuid"],
            values=values,
            unit_code=row["unit_code"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            author=row["author"],
            device_id=row["device_id"],
            change_no=row["change_no"],
            edit_count=row["edit_count"],
            versions=json.loads(row["versions"] or "{}"),
            deleted=bool(row["deleted"]),
        )

    def _column(self, form: FormSpec, name: str) -> str:
        allowed = set(form.field_names) | bookkeeping.NAMES
        if name not in allowed:
            raise KeyError(f"{form.id}: no column {name!r}")
        return f'"{name}"'

    def _filters(
        self, form: FormSpec, where: Mapping[str, Any], include_deleted: bool
    ) -> tuple[list[str], list[Any]]:
        clauses: list[str] = [] if include_deleted else ["deleted = 0"]
        params: list[Any] = []
        for name, value in where.items():
            column = self._column(form, name)
            if value is None:
                clauses.append(f"{column} IS NULL")
            else:
                spec = next((f for f in form.fields if f.name == name), None)
                clauses.append(f"{column} = ?")
                params.append(to_db(spec, value) if spec else value)
        return clauses, params


def _connect(path: Path, key: bytes | None) -> dbapi.Connection:
    conn = dbapi.connect(path, key)
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a transaction reported as saved survives a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")
    # A hub's import writes runs of packages in one transaction (a WAL of hundreds of MB);
    # once checkpointed, the WAL file is cut back to this instead of keeping its largest size.
    conn.execute(f"PRAGMA journal_size_limit = {64 * 1024 * 1024}")
    conn.execute("PRAGMA foreign_keys = ON")
    # So an INSERT OR REPLACE fires the delete triggers that keep the search index in step.
    conn.execute("PRAGMA recursive_triggers = ON")
    # Vietnamese order for lists sorted by name (lists.py): one call per row, then SQLite
    # sorts the ASCII keys itself — a collation would call Python for every comparison.
    conn.create_function("vi_key", 1, sort_key, deterministic=True)
    conn.create_function("vi_name_key", 1, name_sort_key, deterministic=True)
    return conn


def _check_is_ours(path: Path, key: bytes | None) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise StoreError(
            msg(
                "Không đọc được tệp {p}: {e}.", "Cannot read {p}: {e}.", p=path.name, e=exc.strerror
            )
        ) from None
    if key is None and header != b"SQLite format 3\x00":
        if dbapi.is_encrypted(path):
            raise StoreError(
                msg(
                    "Tệp {p} đã được mã hóa hoặc không phải cơ sở dữ liệu de06desk; "
                    "cần đăng nhập để mở.",
                    "{p} is encrypted or not a de06desk database; log in to open it.",
                    p=path.name,
                )
            )
        raise _not_ours(path)
    row = _schema_version(path, key, readonly=True)
    if row is None and _has_sidecars(path):
        # A read-only connection cannot roll back a hot journal (or replay a WAL without its
        # index) left by a killed process, and then sees garbage or nothing; a read-write
        # open recovers it exactly as the next write would.
        row = _schema_version(path, key, readonly=False)
    if row is None:
        raise _not_ours(path) if key is None else dbapi.wrong_key(path)


def _schema_version(path: Path, key: bytes | None, *, readonly: bool) -> dbapi.Row | None:
    try:
        conn = dbapi.connect(path, key, readonly=readonly)
    except DiskFullError:
        raise  # not "wrong key / not ours": the user must free space, not doubt the file
    except (StoreError, *dbapi.Error) as exc:
        if dbapi.is_disk_full(exc) and dbapi.nearly_full(path.parent):
            raise DiskFullError(str(path)) from None
        return None
    try:
        row: dbapi.Row | None = conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
        return row
    except dbapi.DatabaseError as exc:
        if dbapi.is_disk_full(exc) and dbapi.nearly_full(path.parent):
            raise DiskFullError(str(path)) from None
        return None
    finally:
        conn.close()


def _has_sidecars(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-journal", "-wal"))


def _not_ours(path: Path) -> StoreError:
    return StoreError(
        msg(
            "Tệp {p} không phải cơ sở dữ liệu de06desk.",
            "{p} is not a de06desk database.",
            p=path.name,
        )
    )


def _json_or_none(data: Mapping[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
