"""Re-keying an encrypted database: a new data key whenever an account loses access.

Disabling an account, resetting its password or lowering its role (`store.users`) calls
`schedule_rekey` inside its own transaction: that writes a `rekey_due` marker in the same
transaction as the account change. Once the outermost transaction has committed
(`Store.after_commit`), `run_due_rekey` does the work (or, while a remaining account still has
a version-1 keyring entry that could not receive a new key, says who must log in first and
leaves the marker for the next log-in):

1. a new random data key is sealed to every remaining active account and the recovery code
   (public keys only: no password is needed) and written into the keyring *beside* the current
   key, which stays — the keyring now opens the file whichever key it has;
2. `PRAGMA rekey` rewrites every page under the new key in one SQLite transaction (in WAL mode
   that is one commit: all pages or none; 0.2 s for a 30,000-citizen commune);
3. the keyring drops the old key and the accounts of disabled users;
4. the marker is removed and the re-key audited.

A kill at any moment leaves a file that opens with the old key (before the commit of step 2)
or the new one (after it), and a keyring that holds both until step 3: `users.unlock` tries
each. The marker survives any crash before step 4, so the next log-in of any account re-keys
again (`users.authenticate` calls `run_due_rekey`): a revocation is never silently dropped.
"""

from __future__ import annotations

import json
import logging

from de06desk.domain.i18n import msg

from . import dbapi
from .crypto import RECOVERY_LABEL, Keyring, keyring_path, new_data_key, user_label
from .database import Store
from .errors import StoreError

log = logging.getLogger(__name__)

REKEY_DUE = "rekey_due"


def schedule_rekey(store: Store, *, by: str, reason: str) -> None:
    """Ask for a re-key once the current transaction commits (call inside it).

    The marker written here commits with the account change, so the re-key cannot be lost:
    if it cannot run now (the database busy, a crash, or an account still on a version-1
    keyring entry — see `check_members_migrated`) it runs at a later log-in. A plaintext
    database has nothing to re-key.
    """
    if store.key is None:
        return
    store.set_meta(REKEY_DUE, json.dumps({"by": by, "reason": reason}, ensure_ascii=False))
    store.after_commit(lambda: run_due_rekey(store))


def check_members_migrated(store: Store, ring: Keyring) -> None:
    """StoreError naming whoever must use their password (or the recovery code) once before
    a re-key: a version-1 entry can only hold the old key, so re-keying now would lock them
    out. The re-key waits instead (the marker stays) and runs at the next log-in after that.
    """
    legacy = ring.legacy_labels()
    users = [u for u in _active_users(store) if user_label(u) in legacy]
    recovery = RECOVERY_LABEL in legacy
    if not users and not recovery:
        return
    parts_vi, parts_en = [], []
    if users:
        names = ", ".join(users)
        parts_vi.append(f"tài khoản {names} cần đăng nhập một lần")
        parts_en.append(f"account(s) {names} must log in once")
    if recovery:
        parts_vi.append("mã khôi phục cần được nhập một lần (de06desk admin check-recovery-code)")
        parts_en.append(
            "the recovery code must be entered once (de06desk admin check-recovery-code)"
        )
    raise StoreError(
        msg(
            "Đã lưu thay đổi tài khoản, nhưng chưa đổi được khóa dữ liệu vì tệp khóa còn mục "
            "kiểu cũ: {a}. Khóa sẽ được đổi ở lần đăng nhập kế tiếp sau đó; đến lúc ấy, một "
            "bản sao cũ của tệp khóa cùng mật khẩu cũ vẫn mở được dữ liệu.",
            "The account change is saved, but the data key cannot be changed yet, the key file "
            "still has old-style entries: {b}. The key will be changed at the next log-in after "
            "that; until then an old copy of the key file with the old password still opens "
            "the data.",
            a="; ".join(parts_vi),
            b="; ".join(parts_en),
        )
    )


def run_due_rekey(store: Store) -> bool:
    """Re-key now if a re-key is due (the marker) or was left half-done (two keys in the
    keyring); True if it did. Must run outside any transaction."""
    if store.key is None:
        return False
    due = store.get_meta(REKEY_DUE)
    ring = Keyring.load(keyring_path(store.path))
    if due is None and len(ring.generations) <= 1:
        return False
    try:
        why = json.loads(due) if due else {}
        by, reason = str(why.get("by") or "system"), str(why.get("reason") or "")
    except (ValueError, AttributeError):
        by, reason = "system", ""
    if due is None:
        # The key changed, the keyring was not settled yet (killed in between): settle it.
        _settle(store, store.key)
        return True
    try:
        check_members_migrated(store, ring)
    except StoreError:
        # Waiting for someone to migrate: a disabled account loses its entry meanwhile, so at
        # least the key file as it is now no longer opens anything for it.
        _drop_inactive(store, ring)
        ring.save(keyring_path(store.path))
        raise
    rekey(store, by=by, reason=reason)
    return True


def rekey(store: Store, *, by: str, reason: str) -> None:
    """Give the open encrypted database a new data key now (see the module docstring).

    `store.key` (and the connection) use the new key afterwards. Other connections to the file
    opened with the old key cannot read it any more and must be reopened.
    """
    if store.key is None:
        return
    if store.conn.in_transaction:
        raise RuntimeError("rekey must run outside a transaction (use schedule_rekey)")
    path = keyring_path(store.path)
    ring = Keyring.load(path)
    check_members_migrated(store, ring)
    members = _members(store, ring)
    old_key, new_key = store.key, new_data_key()
    # Step 1: both keys in the keyring. An unsettled next key from an earlier attempt is
    # dropped (it never opened the file: that was checked when this store was opened).
    ring.keep_only(old_key)
    current = ring.seal(old_key, [])
    ring.seal(old_key, [m for m in members if m not in current.sealed])
    ring.seal(new_key, members)
    ring.save(path)
    # Step 2: one transaction that rewrites every page. When SQLCipher's rekey cannot start
    # (another process writing) it fails but leaves this connection writing under the new key
    # while reading under the old one — one more write and no key opens the file. So the
    # result is checked with a separate connection, and on any failure this one is replaced
    # before anything else is written.
    try:
        store.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"").fetchall()
        dbapi.connect(store.path, new_key).close()
    except (StoreError, *dbapi.Error):
        try:
            store.reconnect(old_key)
        except StoreError:
            store.reconnect(new_key)  # the rewrite did commit; only the check failed
        else:
            raise StoreError(
                msg(
                    "Chưa đổi được khóa dữ liệu (cơ sở dữ liệu đang bận); việc này sẽ tự làm "
                    "lại ở lần đăng nhập sau.",
                    "The data key could not be changed now (the database is busy); it will be "
                    "done again at the next log-in.",
                )
            ) from None
    store.key = new_key
    # The WAL still holds pages written under the old key before the re-key: copy the new
    # pages back and empty it, so the file on disk is under the new key only (best effort:
    # a reader elsewhere may hold it; the next checkpoint finishes the job).
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    _settle(store, new_key)
    with store.transaction():
        store.conn.execute("DELETE FROM meta WHERE key = ?", (REKEY_DUE,))
        store.audit("rekey", by, detail=reason or None)
    log.info("database re-keyed (%s)", reason)


def _settle(store: Store, key: bytes) -> None:
    """Step 3: keep only `key` in the keyring, sealed to every member; drop disabled users."""
    path = keyring_path(store.path)
    ring = Keyring.load(path)  # again: an account may have been added meanwhile
    members = _members(store, ring)
    _drop_inactive(store, ring)
    ring.keep_only(key)
    current = ring.seal(key, [])
    ring.seal(key, [m for m in members if m not in current.sealed])
    ring.save(path)


def _drop_inactive(store: Store, ring: Keyring) -> None:
    for (username,) in store.conn.execute("SELECT username FROM users WHERE active = 0"):
        ring.remove(user_label(username))


def _active_users(store: Store) -> list[str]:
    return [
        r[0]
        for r in store.conn.execute("SELECT username FROM users WHERE active = 1 ORDER BY username")
    ]


def _members(store: Store, ring: Keyring) -> list[str]:
    """Who gets the new key: every active account with a key pair, and the recovery code.

    An active account without any keyring entry (e.g. not given a password since the file was
    encrypted) could not unlock before either; it needs a password reset, as before.
    """
    labels = [user_label(u) for u in _active_users(store)] + [RECOVERY_LABEL]
    return [label for label in labels if label in ring.accounts]
