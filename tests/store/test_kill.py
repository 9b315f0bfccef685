"""kill -9 at random moments while writing: nothing reported as saved is lost, nothing is torn.

A worker process (forked by `_kill_child`) writes to an encrypted database (as in production)
— single records, large one-transaction batches, backups, restores — and is killed with
SIGKILL after a random delay. After each kill the database must pass `PRAGMA integrity_check`,
hold every record the worker reported as saved, show each batch entirely or not at all, and
every backup file under its final name must verify. `DE06_KILL_TRIALS` sets the trials per
mode (CI default 20, i.e. 80 kills); `DE06_KILL_SEED` replays a run. SIGKILL loses the
process, not the OS page cache: power-cut durability also rests on `synchronous=FULL` and the
backup writer's fsyncs (docs/SECURITY.md).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from de06desk.backup import backup_database, inspect_backup, list_backups
from de06desk.store import Store, StoreError, dbapi
from de06desk.store.crypto import (
    RECOVERY_LABEL,
    Keyring,
    create_keyring,
    keyring_path,
    new_data_key,
    normalize_recovery_code,
    user_label,
)
from de06desk.store.rekey import REKEY_DUE
from de06desk.store.users import create_user, log_in
from tests.conftest import TEST_COMMUNE

from ._kill_child import BATCH_SIZE, REKEY_ADMIN, REKEY_ADMIN_PASSWORD, REKEY_OFFICER

TRIALS = int(os.environ.get("DE06_KILL_TRIALS", "20"))
SEED = int(os.environ.get("DE06_KILL_SEED", str(random.SystemRandom().randrange(1 << 30))))
ROOT = Path(__file__).resolve().parents[2]
KEY = new_data_key()
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork server needs POSIX")


class ForkServer:
    """Talks to `_kill_child`: start a worker, kill it, collect what it reported."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.store._kill_child"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def _send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def _expect(self, prefix: str, reported: list[str]) -> str:
        while True:
            line = self.lines.get(timeout=60)
            if line.startswith(prefix):
                return line
            reported.append(line)

    def run_and_kill(self, mode: str, db: Path, out: Path, tag: str, delay: float) -> list[str]:
        """Start a worker, SIGKILL it after `delay` seconds; returns the lines it printed."""
        reported: list[str] = []
        self._send(f"run {mode} {db} {out} {tag} {KEY.hex()}")
        pid = int(self._expect("pid ", reported).split()[1])
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        self._send(f"reap {pid}")
        self._expect(f"reaped {pid}", reported)
        errors = [line for line in reported if line.startswith("error ")]
        assert not errors, errors
        return reported

    def close(self) -> None:
        """Stop the server."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[ForkServer]:
    srv = ForkServer()
    yield srv
    srv.close()


def _create(db: Path) -> Store:
    create_keyring(db, KEY)
    return Store.create(db, unit_code=TEST_COMMUNE, key=KEY)


def _check_integrity(db: Path) -> Store:
    store = Store.open(db, key=KEY)
    assert [r[0] for r in store.conn.execute("PRAGMA integrity_check")] == ["ok"]
    return store


def _village_names(store: Store) -> list[str]:
    return [r["name"] for r in store.list_records("village")]


@pytest.mark.parametrize("mode", ["records", "batch", "backup"])
def test_kill_while_writing(server: ForkServer, tmp_path: Path, mode: str) -> None:
    rng = random.Random(f"{SEED}-{mode}")
    db, out = tmp_path / "commune.db", tmp_path / "usb"
    out.mkdir()
    _create(db).close()
    saved: set[str] = set()
    verified: set[Path] = set()  # backup files already checked (each is checked once)
    for trial in range(TRIALS):
        tag = f"t{trial}"
        # Up to 0.5 s covers opening the database, the first writes and many commits after.
        delay = rng.uniform(0.0, 0.5)
        reported = server.run_and_kill(mode, db, out, tag, delay)
        saved |= {line.split()[1] for line in reported if line.startswith("saved ")}
        with _check_integrity(db) as store:
            present = {r.uuid for r in store.list_records("village")}
            lost = saved - present
            assert not lost, f"seed {SEED} trial {trial}: {len(lost)} saved records lost"
            if mode == "batch":
                sizes = Counter(name.rsplit("-", 1)[0] for name in _village_names(store))
                torn = {b: c for b, c in sizes.items() if c != BATCH_SIZE}
                assert not torn, f"seed {SEED} trial {trial}: half-done batches {torn}"
                done = [f"{tag}-{line.split()[1]}" for line in reported if line.startswith("batch")]
                assert all(sizes[b] == BATCH_SIZE for b in done), f"seed {SEED}: batch lost"
        if mode == "backup":
            backups = [Path(line.split()[1]) for line in reported if line.startswith("backup ")]
            # Every file under a final name verifies — a killed backup leaves only a .part.
            for path in set(list_backups(out)) - verified:
                inspect_backup(path)
                verified.add(path)
            assert all(p.exists() for p in backups)
    _record_figures(mode, TRIALS)


def test_kill_while_restoring(server: ForkServer, tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}-restore")
    db, out = tmp_path / "commune.db", tmp_path / "backups"
    with _create(db) as store:
        for name in ("Thôn A", "Thôn B"):
            store.save_record("village", {"name": name}, user="t")
            backup_database(store, out)
            time.sleep(1.01)  # distinct names: one per second
    for trial in range(TRIALS):
        server.run_and_kill("restore", db, out, f"t{trial}", rng.uniform(0.0, 0.6))
        # Either the old or the restored database — never a mix, never damaged.
        with _check_integrity(db) as store:
            assert sorted(_village_names(store)) in (["Thôn A"], ["Thôn A", "Thôn B"])
    _record_figures("restore", TRIALS)


def _opening_key(db: Path, label: str, secret: str) -> bytes | None:
    """The key this entry of the keyring on disk gives that opens the file, if any.

    Read straight from the keyring (not `users.unlock`), so wrong guesses count no failures
    and nothing is finished or migrated before the state left by the kill has been checked.
    """
    try:
        keys = Keyring.load(keyring_path(db)).unlock_all(label, secret)
    except StoreError:
        return None
    for key in keys:
        try:
            conn = dbapi.connect(db, key)
        except StoreError:
            continue
        ok = [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        conn.close()
        assert ok, "integrity check failed"
        return key
    return None


def test_kill_while_rekeying(server: ForkServer, tmp_path: Path) -> None:
    """kill -9 during re-keys (password resets, disables): the file always opens, with the
    old credentials or the new ones, for every remaining account and the recovery code; the
    next log-in finishes what the kill interrupted."""
    rng = random.Random(f"{SEED}-rekey")
    db, out = tmp_path / "commune.db", tmp_path / "unused"
    out.mkdir()
    code = create_keyring(db, KEY)
    with Store.create(db, unit_code=TEST_COMMUNE, key=KEY) as store:
        for name, role in ((REKEY_ADMIN, "admin"), (REKEY_OFFICER, "officer")):
            create_user(store, name, REKEY_ADMIN_PASSWORD, role=role, display_name=name, by="test")
    officer_passwords = [REKEY_ADMIN_PASSWORD]  # the last reported, then the one being set
    left_half_done = 0
    for trial in range(TRIALS):
        tag = f"t{trial}"
        reported = server.run_and_kill("rekey", db, out, tag, rng.uniform(0.0, 1.5))
        for line in reported:
            word, _, value = line.partition(" ")
            if word == "trying":
                officer_passwords.append(value)
            elif word == "reset":
                officer_passwords = [value]
        where = f"seed {SEED} trial {trial}"
        admin_key = _opening_key(db, user_label(REKEY_ADMIN), REKEY_ADMIN_PASSWORD)
        assert admin_key is not None, f"{where}: the administrator is locked out"
        recovery = _opening_key(db, RECOVERY_LABEL, normalize_recovery_code(code))
        assert recovery == admin_key, f"{where}: the recovery code is locked out"
        officer = [_opening_key(db, user_label(REKEY_OFFICER), p) for p in officer_passwords]
        assert admin_key in officer, f"{where}: the officer is locked out"
        ring = Keyring.load(keyring_path(db))
        left_half_done += len(ring.generations) > 1
        # The next log-in settles it: one key, no marker.
        store, _ = log_in(db, REKEY_ADMIN, REKEY_ADMIN_PASSWORD)
        with store:
            assert store.get_meta(REKEY_DUE) is None, where
        assert len(Keyring.load(keyring_path(db)).generations) == 1, where
        # And every account reported disabled opens nothing any more.
        for line in reported:
            if line.startswith("disabled "):
                name = line.split()[1]
                assert _opening_key(db, user_label(name), "tam-thoi-cat-73") is None, where
    print(f"kill trials mode=rekey trials={TRIALS} seed={SEED} half-done={left_half_done}")


def _record_figures(mode: str, trials: int) -> None:
    # Printed with -s (and collected by the long-run script in docs/SECURITY.md).
    print(f"kill trials mode={mode} trials={trials} seed={SEED} lost=0")
