"""Writer processes for the kill -9 tests (run as `python -m tests.store._kill_child`).

Starting Python and importing de06desk takes about a second, which would make hundreds of kill
trials slow. So this script is a small fork server: it imports everything once, then for each
`run` command on stdin forks a worker that opens the database and writes until it is killed.
Each worker prints one line *after* each commit returns (`saved <uuid>`, `batch <k>`,
`backup <path>`, `restored <n>`, `reset <password>`); those lines are what "the app reported
as saved". In `rekey` mode the worker logs in as REKEY_ADMIN and re-keys over and over (password
resets of REKEY_OFFICER, and accounts created then disabled), announcing each new password
(`trying <password>`) before the reset starts.

Protocol (one line each way): `run <mode> <db> <out> <tag> <key hex>` → `pid <n>`; `reap <n>`
→ `reaped <n>`. EOF on stdin ends the server. The database is encrypted under the key, as in
production.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from de06desk.backup import backup_database, restore_backup
from de06desk.forms import load_forms
from de06desk.store import Store
from de06desk.store.users import User, create_user, log_in, set_active, set_password

BATCH_SIZE = 100
# A worker whose parent vanished must not write forever.
MAX_WORKER_SECONDS = 30
ADMIN = User("admin", "admin", "admin", True)
REKEY_ADMIN, REKEY_ADMIN_PASSWORD, REKEY_OFFICER = "admin", "quan-tri-doi-06", "canbo"


def _say(line: str) -> None:
    # One write() of a short line to a pipe is atomic: the parent sees whole lines only.
    os.write(1, (line + "\n").encode())


def work(mode: str, db: Path, out: Path, tag: str, key: bytes) -> None:
    """Write in `mode` until killed (or the safety time runs out)."""
    deadline = time.monotonic() + MAX_WORKER_SECONDS
    if mode == "restore":
        # Alternate between two prepared backups (1 and 2 villages) over the live database.
        backups = sorted(out.glob("*.de06bak"))
        n = 0
        while time.monotonic() < deadline:
            restore_backup(db, backups[n % 2], ADMIN, key=key, current_key=key)
            _say(f"restored {n % 2}")
            n += 1
        return
    if mode == "rekey":
        rekey_until(db, tag, deadline)
        return
    store = Store.open(db, key=key)
    n = 0
    while time.monotonic() < deadline:
        if mode == "records":
            record = store.save_record("village", {"name": f"{tag}-{n}"}, user="kill")
            _say(f"saved {record.uuid}")
        elif mode == "batch":
            # A large import: all rows in one transaction, reported once it has committed.
            with store.transaction():
                for i in range(BATCH_SIZE):
                    store.save_record("village", {"name": f"{tag}-{n}-{i}"}, user="kill")
            _say(f"batch {n}")
        elif mode == "backup":
            record = store.save_record("village", {"name": f"{tag}-{n}"}, user="kill")
            _say(f"saved {record.uuid}")
            path = backup_database(store, out, user="kill")
            _say(f"backup {path}")
        else:
            raise SystemExit(f"unknown mode {mode}")
        n += 1


def rekey_until(db: Path, tag: str, deadline: float) -> None:
    """Re-key the database again and again: each reset or disable is one re-key."""
    # The log-in itself finishes a re-key an earlier kill left half-done.
    store, admin = log_in(db, REKEY_ADMIN, REKEY_ADMIN_PASSWORD)
    n = 0
    while time.monotonic() < deadline:
        if n % 2 == 0:
            password = f"{tag}-{n}-khoa-moi-dat"
            _say(f"trying {password}")
            set_password(store, REKEY_OFFICER, password, by=admin.username)
            _say(f"reset {password}")
        else:
            name = f"{tag}x{n}"
            create_user(store, name, "tam-thoi-cat-73", role="viewer", display_name=name, by="k")
            set_active(store, name, False, by=admin.username)
            _say(f"disabled {name}")
        n += 1


def serve() -> None:
    """Fork a worker per `run` command; reap on `reap`."""
    load_forms()  # parsed once here, inherited by every worker
    for line in sys.stdin:
        parts = line.split()
        if parts and parts[0] == "run":
            _, mode, db, out, tag, key = parts
            pid = os.fork()
            if pid == 0:
                try:
                    work(mode, Path(db), Path(out), tag, bytes.fromhex(key))
                    code = 0
                except BaseException as exc:  # reported to the parent, which fails the test
                    _say(f"error {type(exc).__name__}: {exc}")
                    code = 1
                os._exit(code)
            _say(f"pid {pid}")
        elif parts and parts[0] == "reap":
            os.waitpid(int(parts[1]), 0)
            _say(f"reaped {parts[1]}")


if __name__ == "__main__":
    serve()
