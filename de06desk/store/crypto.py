"""Encryption at rest, foundation: the data key, the keyring that wraps it, the SQLCipher link.

Design (docs/SECURITY.md): each database is encrypted as a whole by SQLCipher under a random
256-bit *data key*. The data key is never stored in clear: the *keyring*, a small JSON file
beside the database (`<db>.keys`), holds one copy per user wrapped with AES-256-GCM under a key
derived from that user's password with scrypt, plus one copy wrapped under a printed recovery
code. Log-in = unwrap the user's copy (a wrong password fails the GCM tag) → open SQLCipher with
the data key → check the password hash and lock-out in the `users` table as today.

The keyring must be readable before the database is decrypted, which is why it is a separate
file; it holds nothing useful without a password (wrapped keys, salts, scrypt parameters).
The additional data of each wrap binds it to the database id and the entry's label, so a
wrapped key cannot be moved to another entry or another database's keyring.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from de06desk.config import PRIVATE_FILE
from de06desk.domain.i18n import msg

from .errors import StoreError

KEYRING_FORMAT = "de06desk-keyring"
KEYRING_VERSION = 1
KEYRING_SUFFIX = ".keys"
DATA_KEY_BYTES = 32
# Same cost as the password hashes (32 MiB, ~0.1 s): an offline guess costs as much as a log-in.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# Upper bounds accepted from a file, so a hostile keyring cannot ask for gigabytes of memory.
_MAX_N, _MAX_R, _MAX_P = 2**17, 8, 4
_MAX_KEYRING_BYTES = 256 * 1024
RECOVERY_LABEL = "recovery"


def user_label(username: str) -> str:
    """The keyring label of a user's entry."""
    return f"user:{username}"


@dataclass(frozen=True)
class WrappedKey:
    """The data key encrypted under a key derived from one secret (password or recovery code)."""

    label: str
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        """The entry as stored in the keyring file."""
        return {
            "label": self.label,
            "kdf": "scrypt",
            "salt": _b64(self.salt),
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.ciphertext),
        }


def new_data_key() -> bytes:
    """A fresh random data key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_code() -> str:
    """A recovery code to print and keep locked away: 25 base32 letters (125 bits)."""
    raw = base64.b32encode(secrets.token_bytes(16)).decode("ascii")[:25]
    return "-".join(raw[i : i + 5] for i in range(0, 25, 5))


def wrap_key(data_key: bytes, secret: str, *, label: str, db_id: str) -> WrappedKey:
    """Encrypt `data_key` under a scrypt key of `secret`, bound to this entry and database."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(kek).encrypt(nonce, data_key, _aad(db_id, label))
    return WrappedKey(label, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, nonce, ciphertext)


def unwrap_key(entry: WrappedKey, secret: str, *, db_id: str) -> bytes:
    """The data key, or StoreError if the secret is wrong or the entry was tampered with."""
    kek = _derive(secret, entry.salt, entry.n, entry.r, entry.p)
    try:
        key = AESGCM(kek).decrypt(entry.nonce, entry.ciphertext, _aad(db_id, entry.label))
    except InvalidTag:
        raise _refused() from None
    if len(key) != DATA_KEY_BYTES:
        raise _refused()
    return key


@dataclass
class Keyring:
    """The wrapped copies of one database's data key, by label."""

    db_id: str
    entries: dict[str, WrappedKey] = field(default_factory=dict)

    @classmethod
    def new(cls) -> Keyring:
        """An empty keyring for a new database."""
        return cls(db_id=uuidlib.uuid4().hex)

    def add(self, label: str, data_key: bytes, secret: str) -> None:
        """Add or replace the entry `label` (a new user, a changed password)."""
        self.entries[label] = wrap_key(data_key, secret, label=label, db_id=self.db_id)

    def remove(self, label: str) -> None:
        """Drop an entry (a removed user can no longer unlock the file)."""
        self.entries.pop(label, None)

    def unlock(self, label: str, secret: str) -> bytes:
        """The data key via entry `label`; the same refusal for an unknown label or secret."""
        entry = self.entries.get(label)
        if entry is None:
            # Spend the same time as a real attempt so user names cannot be probed by timing.
            _derive(secret, b"\0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            raise _refused()
        return unwrap_key(entry, secret, db_id=self.db_id)

    def to_bytes(self) -> bytes:
        """The keyring file's content."""
        data = {
            "format": KEYRING_FORMAT,
            "version": KEYRING_VERSION,
            "db_id": self.db_id,
            "entries": [e.to_json() for e in self.entries.values()],
        }
        return json.dumps(data, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Keyring:
        """Parse a keyring file; StoreError for anything malformed or out of bounds."""
        if len(raw) > _MAX_KEYRING_BYTES:
            raise _damaged()
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != KEYRING_FORMAT or not isinstance(data.get("db_id"), str):
                raise _damaged()
            if data.get("version") != KEYRING_VERSION:
                raise StoreError(
                    msg(
                        "Tệp khóa được tạo bởi phiên bản mới hơn của de06desk.",
                        "The key file was made by a newer version of de06desk.",
                    )
                )
            ring = cls(db_id=data["db_id"])
            for item in data["entries"]:
                entry = _entry(item)
                ring.entries[entry.label] = entry
        except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
            raise _damaged() from None
        return ring

    def save(self, path: Path) -> None:
        """Write the keyring atomically (temp file, fsync, rename): never half a keyring."""
        part = path.with_name(path.name + ".part")
        try:
            part.unlink(missing_ok=True)  # a leftover may carry an older, looser mode
            fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
            with open(fd, "wb") as out:
                out.write(self.to_bytes())
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, path)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise StoreError(
                msg(
                    "Không ghi được tệp khóa {p}: {e}.",
                    "Cannot write the key file {p}: {e}.",
                    p=path.name,
                    e=exc.strerror or str(exc),
                )
            ) from None

    @classmethod
    def load(cls, path: Path) -> Keyring:
        """Read the keyring file of a database."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise StoreError(
                msg(
                    "Không đọc được tệp khóa {p}: {e}. Nếu mất tệp này, hãy khôi phục từ bản "
                    "sao lưu hoặc dùng mã khôi phục.",
                    "Cannot read the key file {p}: {e}. If it is lost, restore a backup or "
                    "use the recovery code.",
                    p=path.name,
                    e=exc.strerror or str(exc),
                )
            ) from None
        return cls.from_bytes(raw)


def create_keyring(db_path: Path, data_key: bytes) -> str:
    """Start the keyring of a new encrypted database with its recovery entry.

    Returns the recovery code, to be shown once for printing and never stored. Refuses when
    the database already exists, so its keyring (and with it the data) is never overwritten.
    The users' entries are added by `store.users` as accounts are created.
    """
    if db_path.exists() and db_path.stat().st_size > 0:
        raise StoreError(
            msg(
                "Tệp {p} đã tồn tại; hãy chọn tên khác.",
                "{p} already exists; choose another name.",
                p=db_path.name,
            )
        )
    code = new_recovery_code()
    ring = Keyring.new()
    ring.add(RECOVERY_LABEL, data_key, normalize_recovery_code(code))
    ring.save(keyring_path(db_path))
    return code


def normalize_recovery_code(code: str) -> str:
    """The recovery code as wrapped: typed in any case, with or without dashes and spaces."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(raw[i : i + 5] for i in range(0, len(raw), 5))


def keyring_path(db_path: Path) -> Path:
    """Where a database's keyring lives: `<db file>.keys` beside it."""
    return db_path.with_name(db_path.name + KEYRING_SUFFIX)


def sqlcipher_key_pragma(data_key: bytes) -> str:
    """The `PRAGMA key` statement for a raw data key (no SQLCipher KDF: the key is random)."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


# ---- internals ----------------------------------------------------------------------------


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        # scrypt needs 128·n·r bytes; the headroom covers its other buffers.
        secret.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + 2**20,
        dklen=32,
    )


def _aad(db_id: str, label: str) -> bytes:
    return f"{KEYRING_FORMAT}|{KEYRING_VERSION}|{db_id}|{label}".encode()


def _entry(item: Any) -> WrappedKey:
    if not isinstance(item, dict) or item.get("kdf") != "scrypt":
        raise ValueError
    n, r, p = item["n"], item["r"], item["p"]
    for value, top in ((n, _MAX_N), (r, _MAX_R), (p, _MAX_P)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
            raise ValueError
    if n & (n - 1) or n < 2:
        raise ValueError  # scrypt needs a power of two
    label = item["label"]
    if not isinstance(label, str) or not label:
        raise ValueError
    salt, nonce, wrapped = (_unb64(item[k]) for k in ("salt", "nonce", "wrapped"))
    if len(salt) < 16 or len(nonce) != 12 or len(wrapped) != DATA_KEY_BYTES + 16:
        raise ValueError
    return WrappedKey(label, salt, n, r, p, nonce, wrapped)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError from None


def _refused() -> StoreError:
    return StoreError(msg("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."))


def _damaged() -> StoreError:
    return StoreError(
        msg(
            "Tệp khóa của cơ sở dữ liệu bị hỏng hoặc không phải của de06desk.",
            "The database's key file is damaged or not a de06desk key file.",
        )
    )
