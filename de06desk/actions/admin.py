"""Actions on accounts, on the database file and on whole lists: users, backup, restore,
encryption, new commune and hub databases, citizen-list imports."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from de06desk.backup import BackupInfo, backup_database, open_backup_copy, restore_backup
from de06desk.backup import RestoreResult as RestoreResult
from de06desk.domain.audit_chain import ChainReport
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.progress import CancelCheck, Progress, never_cancelled, no_progress
from de06desk.domain.roles import AccountRole
from de06desk.domain.units import Commune
from de06desk.quality.citizen_import import ImportPlan, ImportResult, apply_import, undo_import
from de06desk.quality.status_import import StatusPlan, apply_status_import
from de06desk.store import Store, StoreError
from de06desk.store.audit_queries import verify_audit_chain
from de06desk.store.crypto import (
    RECOVERY_LABEL,
    Keyring,
    create_keyring,
    key_id,
    keyring_path,
    new_data_key,
    normalize_recovery_code,
    user_label,
)
from de06desk.store.encryption import EncryptResult, encrypt_database
from de06desk.store.users import (
    User,
    authenticate,
    create_user,
    is_encrypted,
    log_in,
    set_active,
    set_password,
    set_role,
)
from de06desk.sync import init_hub, public_key_file
from de06desk.sync.hub import HUB_PROVINCE
from de06desk.sync.keys import PublicKeyFile

from .core import FILES, IMPORTS, USERS, Changes, Done, action, register, require

# ---- accounts -----------------------------------------------------------------------------

_USERS = Changes.of(parts=[USERS])


@action("user.add")
def add_user(
    store: Store, user: User, username: str, password: str, *, role: AccountRole, display_name: str
) -> Done[User]:
    """Add an account."""
    new = create_user(
        store, username, password, role=role, display_name=display_name, by=user.username
    )
    return Done(new, _USERS)


@action("user.reset_password")
def reset_password(store: Store, user: User, username: str, password: str) -> Done[None]:
    """Give an account a new password."""
    set_password(store, username, password, by=user.username)
    return Done(None, _USERS)


@action("user.disable")
def disable_user(store: Store, user: User, username: str) -> Done[None]:
    """Disable an account: it can no longer log in or unlock the database."""
    set_active(store, username, False, by=user.username)
    return Done(None, _USERS)


@action("user.enable")
def enable_user(store: Store, user: User, username: str, password: str | None) -> Done[None]:
    """Re-enable an account with a new password."""
    set_active(store, username, True, by=user.username, password=password)
    return Done(None, _USERS)


@action("user.set_role")
def change_role(store: Store, user: User, username: str, role: AccountRole) -> Done[None]:
    """Give an account another role (the last administrator keeps theirs)."""
    set_role(store, username, role, by=user.username)
    return Done(None, _USERS)


# ---- citizen lists ------------------------------------------------------------------------


@action("citizens.import")
def import_citizens(
    store: Store,
    user: User,
    plan: ImportPlan,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ImportResult]:
    """Write a previewed citizen-list import in one transaction (undoable as a batch)."""
    result = apply_import(store, plan, user.username, progress, cancelled)
    forms = ["citizen", "village"] if result.villages_created else ["citizen"]
    return Done(result, Changes.of(forms, [IMPORTS]))


@action("status.import")
def import_status(
    store: Store,
    user: User,
    plan: StatusPlan,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ImportResult]:
    """Write a previewed VNeID status-list import in one transaction (undoable as a batch)."""
    result = apply_status_import(store, plan, user.username, progress, cancelled)
    return Done(result, Changes.of(["activation_drive", "drive_roster"], [IMPORTS]))


@action("citizens.undo")
def undo_citizen_import(store: Store, user: User, batch_id: str) -> Done[Any]:
    """Take back a whole import, of a citizen list or of a status list."""
    batch = undo_import(store, batch_id, user.username)
    return Done(
        batch, Changes.of(["citizen", "village", "activation_drive", "drive_roster"], [IMPORTS])
    )


# ---- the database file --------------------------------------------------------------------


@action("audit.read")
def verify_audit(store: Store, user: User) -> Done[ChainReport]:
    """Walk the audit log's hash chain (administrators: the log names who did what)."""
    return Done(verify_audit_chain(store))


@action("db.backup")
def backup(store: Store, user: User, out_dir: Path) -> Done[Path]:
    """Back the database up into `out_dir`."""
    return Done(backup_database(store, out_dir, user=user.username), Changes.of(parts=[FILES]))


# A restore with the recovery code instead of a password acts as this administrator.
RECOVERY_ACTOR = User("recovery-code", "Mã khôi phục", "admin", True)


@dataclass(frozen=True)
class RestoreGrant:
    """Who may restore, with the keys the restore needs (from `authorize_restore`)."""

    actor: User
    key: bytes | None
    current_key: bytes | None


def authorize_restore(
    path: Path, info: BackupInfo, username: str, password: str, recovery_code: str | None = None
) -> RestoreGrant:
    """Check that an administrator restores `info` over `path`, and unlock what is needed.

    Restoring over a database needs an administrator of that database (a refusal is audited
    there). With no database yet (a new or repaired PC) the administrator of the backup itself
    must log in: the file is worth nothing to someone who cannot log in to it. The recovery
    code stands for an administrator of the backup (it can reset their passwords anyway).
    """
    if recovery_code and not path.exists() and info.encrypted:
        key = info.unlock(RECOVERY_LABEL, normalize_recovery_code(recovery_code))
        return RestoreGrant(RECOVERY_ACTOR, key, None)
    current_key: bytes | None = None
    if path.exists():
        if is_encrypted(path):
            store, actor = log_in(path, username, password)
        else:
            store = Store.open(path)
            actor = authenticate(store, username, password)
        with store:
            require(store, actor, "db.restore")
            current_key = store.key
    key = _backup_key(path, info, username, password, recovery_code, current_key)
    if not path.exists():
        with open_backup_copy(info.path, key) as copy:
            actor = authenticate(copy, username, password)
            if actor.role != "admin":
                raise DomainError(
                    msg(
                        "Khôi phục dữ liệu cần quyền quản trị.", "Restoring needs an administrator."
                    )
                )
    return RestoreGrant(actor, key, current_key)


def _backup_key(
    path: Path,
    info: BackupInfo,
    username: str,
    password: str,
    code: str | None,
    current_key: bytes | None,
) -> bytes | None:
    if not info.encrypted:
        return None
    if code:
        return info.unlock(RECOVERY_LABEL, normalize_recovery_code(code))
    try:
        return info.unlock(user_label(username), password)
    except StoreError:
        # The password may have changed since the backup. If the database still has the key
        # the backup was made under, that key opens it; after a re-key (a reset, a disable)
        # it does not, and only the credentials of the backup's day do.
        if current_key is not None and info.keyring is not None:
            ring = Keyring.from_bytes(info.keyring)
            if ring.generations:
                same = any(g.key_id == key_id(current_key) for g in ring.generations)
            else:  # a version-1 key file: made before any re-key, so the database id tells
                same = ring.db_id == Keyring.load(keyring_path(path)).db_id
            if same:
                return current_key
            raise StoreError(
                msg(
                    "Bản sao lưu {p} được làm trước khi khóa dữ liệu được đổi: cần mật khẩu "
                    "đúng vào lúc sao lưu, hoặc mã khôi phục (DE06_RECOVERY_CODE).",
                    "Backup {p} was made before the data key changed: it needs a password that "
                    "was valid when it was made, or the recovery code (DE06_RECOVERY_CODE).",
                    p=info.path.name,
                )
            ) from None
        raise


def restore(
    grant: RestoreGrant, path: Path, backup_path: Path, *, allow_other_unit: bool = False
) -> Done[RestoreResult]:
    """Replace the database at `path` with the backup (after `authorize_restore`)."""
    result = restore_backup(
        path,
        backup_path,
        grant.actor,
        allow_other_unit=allow_other_unit,
        key=grant.key,
        current_key=grant.current_key,
    )
    return Done(result, Changes.all())


def encrypt(path: Path, username: str, password: str) -> Done[EncryptResult]:
    """Encrypt an older plaintext database in place; its administrator logs in to do it.

    The role is checked (and a refusal audited) in the plaintext file first.
    """
    if path.exists() and not is_encrypted(path):
        with Store.open(path) as store:
            require(store, authenticate(store, username, password), "db.encrypt")
    return Done(encrypt_database(path, username, password), Changes.all())


register("db.restore", restore)
register("db.encrypt", encrypt)


# ---- new databases (whoever runs the program may make one; they become its administrator) --


def _discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    keyring_path(path).unlink(missing_ok=True)


@contextmanager
def new_encrypted_database(path: Path) -> Iterator[tuple[bytes, str]]:
    """The data key and recovery code for a new encrypted database at `path`.

    If the block fails, the half-made database and its keyring are removed, so a failed set-up
    leaves nothing behind; the block must close its store before it ends.
    """
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(
            msg(
                "Tệp {p} đã tồn tại; hãy chọn tên khác.",
                "{p} already exists; choose another name.",
                p=path.name,
            )
        )
    key = new_data_key()
    code = create_keyring(path, key)
    try:
        yield key, code
    except BaseException:
        _discard(path)
        raise


@dataclass
class CommuneSetup:
    """What the first-run wizard (or `init`) gathers for a new commune database."""

    commune: Commune
    profile: dict[str, Any]
    username: str
    password: str
    display_name: str = ""
    villages: list[str] = field(default_factory=list)
    officers: list[tuple[str, str]] = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)
    due_on: date | None = None
    start_on: date = field(default_factory=lambda: date(date.today().year, 1, 1))


def create_commune_database(path: Path, setup: CommuneSetup) -> str:
    """A new encrypted commune database with its profile, villages, officers, targets and its
    administrator, in one transaction; returns the recovery code (show once, never stored)."""
    with new_encrypted_database(path) as (key, code):
        store = Store.create(path, unit_code=setup.commune.code, key=key)
        try:
            with store.transaction():
                user = setup.username.strip()
                create_user(
                    store,
                    user,
                    setup.password,
                    role="admin",
                    display_name=setup.display_name.strip() or user,
                    by="setup",
                )
                store.save_record("commune", setup.profile, user=user)
                for name in setup.villages:
                    store.save_record("village", {"name": name}, user=user)
                for name, position in setup.officers:
                    store.save_record(
                        "officer", {"full_name": name, "position": position or None}, user=user
                    )
                for kind, value in setup.targets.items():
                    if value > 0:
                        store.save_record(
                            "target",
                            {
                                "kind": kind,
                                "value": value,
                                "start_on": setup.start_on,
                                "due_on": setup.due_on or date(date.today().year, 12, 31),
                            },
                            user=user,
                        )
        finally:
            store.close()
    return code


def create_hub_database(
    path: Path,
    *,
    unit_code: str,
    name: str,
    username: str,
    password: str,
    province: str | None = None,
) -> tuple[PublicKeyFile, str]:
    """A new encrypted hub database with its key pairs and administrator; returns its
    public-key file and the recovery code. `province` (a 2025 province code) makes it a
    province hub: trusting a commune of another province then needs saying so."""
    with new_encrypted_database(path) as (data_key, code):
        store = init_hub(path, unit_code=unit_code, name=name, key=data_key)
        try:
            with store.transaction():
                if province:
                    store.set_meta(HUB_PROVINCE, _province_code(province))
                create_user(
                    store, username, password, role="admin", display_name=username, by="init"
                )
            key = public_key_file(store)
        finally:
            store.close()
    return key, code


def _province_code(code: str) -> str:
    from de06desk.domain.units import provinces

    wanted = code.strip().zfill(3)
    if wanted not in {p.code for p in provinces()}:
        raise DomainError(
            msg(
                "Mã tỉnh {c} không có trong danh sách 34 tỉnh, thành phố năm 2025.",
                "Province code {c} is not one of the 34 provinces and cities of 2025.",
                c=code,
            )
        )
    return wanted
