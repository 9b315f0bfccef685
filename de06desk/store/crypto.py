"""Encryption at rest, foundation: the data key, the keyring that holds it, the SQLCipher link.

Design (docs/SECURITY.md §3): each database is encrypted as a whole by SQLCipher under a random
256-bit *data key*. The data key is never stored in clear. The *keyring*, a small JSON file
beside the database (`<db>.keys`), holds:

- per account (and once for the printed recovery code) an X25519 key pair whose private key is
  wrapped with AES-256-GCM under a key derived from that account's password with scrypt;
- the data key *sealed* to each of those public keys (X25519 with a fresh ephemeral key, HKDF-
  SHA256, AES-256-GCM — the same construction as the sync packages).

Log-in = unwrap the account's private key with the password → unseal the data key → open
SQLCipher → check the account as today. Sealing needs only public keys, so a *re-key* (a new
data key after an account is disabled, reset or demoted; `store.rekey`) can give the new key
to every remaining account and the recovery code without knowing their passwords. During a
re-key the keyring holds two generations (the current key and the next); `unlock` returns the
one that opens the file.

Keyrings of version 1 (the data key wrapped directly under each password) are still read:
such an entry keeps working and becomes a key pair the next time its password (or recovery
code) is used. A re-key refuses while a remaining account is still in that form — it could not
be given the new key (`Keyring.legacy_labels`).

The keyring must be readable before the database is decrypted, which is why it is a separate
file; it holds nothing useful without a password. The additional data of every wrap and seal
binds it to the database id and the entry's label, so nothing can be moved to another entry or
another database's keyring.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import msg

from .errors import StoreError

KEYRING_FORMAT = "de06desk-keyring"
KEYRING_VERSION = 2
# Version 1 keyrings (data key wrapped per password) are read, and migrate entry by entry.
_READABLE_VERSIONS = (1, 2)
HKDF_INFO = b"de06desk-keyring/2 x25519-hkdf-sha256 aes-256-gcm"
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


@dataclass(frozen=True)
class Account:
    """An account's (or the recovery code's) key pair: the private key wrapped under scrypt of
    its secret, the public key in clear so anyone re-keying can seal a data key to it."""

    label: str
    public: bytes
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        """The account as stored in the keyring file."""
        return {
            "label": self.label,
            "public": _b64(self.public),
            "kdf": "scrypt",
            "salt": _b64(self.salt),
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


@dataclass(frozen=True)
class Sealed:
    """One data key sealed to one account's public key (ephemeral X25519, HKDF, AES-GCM)."""

    ephemeral: bytes
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        """The sealed key as stored in the keyring file."""
        return {
            "ephemeral": _b64(self.ephemeral),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.ciphertext),
        }


@dataclass
class Generation:
    """One data key, sealed to some accounts. `key_id` names it without revealing it."""

    key_id: str
    sealed: dict[str, Sealed] = field(default_factory=dict)


def key_id(data_key: bytes) -> str:
    """A public name for a data key (a hash: it says which key, and nothing about it)."""
    return hashlib.sha256(b"de06desk-key-id|" + data_key).hexdigest()[:32]


@dataclass
class Keyring:
    """The key pairs of one database's accounts and its data key(s) sealed to them.

    `generations[0]` is the key the database had when the keyring was last settled; a second
    one is the key a re-key is switching to (docs/SECURITY.md §3). `entries` are version-1
    entries not yet migrated (the data key wrapped directly under a password).
    """

    db_id: str
    entries: dict[str, WrappedKey] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    generations: list[Generation] = field(default_factory=list)

    @classmethod
    def new(cls) -> Keyring:
        """An empty keyring for a new database."""
        return cls(db_id=uuidlib.uuid4().hex)

    def add(self, label: str, data_key: bytes, secret: str) -> None:
        """Give entry `label` a fresh key pair under `secret` and seal `data_key` to it.

        For a new user, a changed password, or a version-1 entry being migrated: the old key
        pair (or version-1 entry) of that label is dropped. Other generations are not sealed to
        the new pair (their keys are not known here); a re-key seals its key to every account.
        """
        private = X25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        wrapped = AESGCM(kek).encrypt(
            nonce, private.private_bytes_raw(), _account_aad(self.db_id, label, public)
        )
        self.remove(label)
        self.accounts[label] = Account(
            label, public, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, nonce, wrapped
        )
        self.seal(data_key, [label])

    def seal(self, data_key: bytes, labels: list[str]) -> Generation:
        """Seal `data_key` to the accounts `labels` (public keys only; no secret needed).

        Creates the key's generation if the keyring has none for it yet (appended last).
        """
        kid = key_id(data_key)
        gen = next((g for g in self.generations if g.key_id == kid), None)
        if gen is None:
            gen = Generation(kid)
            self.generations.append(gen)
        for label in labels:
            account = self.accounts[label]
            gen.sealed[label] = _seal(data_key, account.public, _seal_aad(self.db_id, label, kid))
        return gen

    def remove(self, label: str) -> None:
        """Drop an entry and everything sealed to it (a removed user can unlock nothing)."""
        self.entries.pop(label, None)
        self.accounts.pop(label, None)
        for gen in self.generations:
            gen.sealed.pop(label, None)

    def keep_only(self, data_key: bytes) -> None:
        """Forget every generation but `data_key`'s: a re-key is settled."""
        kid = key_id(data_key)
        self.generations = [g for g in self.generations if g.key_id == kid]

    def legacy_labels(self) -> set[str]:
        """Labels still in the version-1 form (migrated when their secret is next used)."""
        return set(self.entries) - set(self.accounts)

    def unlock(self, label: str, secret: str) -> bytes:
        """The data key via entry `label` (the first generation it can open); the same refusal,
        after the same cost, for an unknown label or a wrong secret."""
        return self.unlock_all(label, secret)[0]

    def unlock_all(self, label: str, secret: str) -> list[bytes]:
        """Every data key entry `label` can open, current generation first (two while a
        re-key is under way; the caller finds which one opens the database)."""
        account = self.accounts.get(label)
        if account is not None:
            kek = _derive(secret, account.salt, account.n, account.r, account.p)
            try:
                raw = AESGCM(kek).decrypt(
                    account.nonce,
                    account.wrapped,
                    _account_aad(self.db_id, label, account.public),
                )
            except InvalidTag:
                raise _refused() from None
            private = X25519PrivateKey.from_private_bytes(raw)
            unsealed = [
                _unseal(gen.sealed[label], private, _seal_aad(self.db_id, label, gen.key_id))
                for gen in self.generations
                if label in gen.sealed
            ]
            keys = [k for k in unsealed if k is not None]
            if not keys:
                raise _refused()
            return keys
        entry = self.entries.get(label)
        if entry is None:
            # Spend the same time as a real attempt so user names cannot be probed by timing.
            _derive(secret, b"\0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            raise _refused()
        return [unwrap_key(entry, secret, db_id=self.db_id)]

    def is_legacy(self, label: str) -> bool:
        """Whether `label` unlocks through a version-1 entry (to be migrated)."""
        return label in self.entries and label not in self.accounts

    def only(self, data_key: bytes) -> Keyring:
        """A copy holding what opens `data_key` only (for a backup of a file under that key)."""
        kid = key_id(data_key)
        ring = Keyring(self.db_id, dict(self.entries), dict(self.accounts))
        ring.generations = [
            Generation(g.key_id, dict(g.sealed)) for g in self.generations if g.key_id == kid
        ]
        return ring

    def to_bytes(self) -> bytes:
        """The keyring file's content."""
        data = {
            "format": KEYRING_FORMAT,
            "version": KEYRING_VERSION,
            "db_id": self.db_id,
            "accounts": [a.to_json() for a in self.accounts.values()],
            "keys": [
                {
                    "key_id": g.key_id,
                    "sealed": {label: s.to_json() for label, s in g.sealed.items()},
                }
                for g in self.generations
            ],
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
            if data.get("version") not in _READABLE_VERSIONS:
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
            for item in data.get("accounts", []):
                account = _account(item)
                ring.accounts[account.label] = account
            keys = data.get("keys", [])
            if not isinstance(keys, list) or len(keys) > 2:
                raise ValueError
            for item in keys:
                kid, sealed = item["key_id"], item["sealed"]
                if not isinstance(kid, str) or len(kid) != 32 or not isinstance(sealed, dict):
                    raise ValueError
                gen = Generation(kid)
                for label, value in sealed.items():
                    if label not in ring.accounts:
                        raise ValueError
                    gen.sealed[label] = _sealed(value)
                ring.generations.append(gen)
        except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
            raise _damaged() from None
        return ring

    def save(self, path: Path) -> None:
        """Write the keyring atomically and 0600 (`domain.files.atomic_write`)."""
        try:
            with atomic_write(path, private=True, temp_name=path.name + ".part") as part:
                part.write_bytes(self.to_bytes())
        except OSError as exc:
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
    # Version-1 entries: the version in their additional data stays 1.
    return f"{KEYRING_FORMAT}|1|{db_id}|{label}".encode()


def _account_aad(db_id: str, label: str, public: bytes) -> bytes:
    return f"{KEYRING_FORMAT}|2|account|{db_id}|{label}|{public.hex()}".encode()


def _seal_aad(db_id: str, label: str, kid: str) -> bytes:
    return f"{KEYRING_FORMAT}|2|sealed|{db_id}|{label}|{kid}".encode()


def _hkdf(shared: bytes, salt: bytes, ephemeral: bytes, public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO + ephemeral + public
    ).derive(shared)


def _seal(data_key: bytes, public: bytes, aad: bytes) -> Sealed:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    salt, nonce = secrets.token_bytes(32), secrets.token_bytes(12)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    key = _hkdf(shared, salt, ephemeral_public, public)
    return Sealed(ephemeral_public, salt, nonce, AESGCM(key).encrypt(nonce, data_key, aad))


def _unseal(sealed: Sealed, private: X25519PrivateKey, aad: bytes) -> bytes | None:
    public = private.public_key().public_bytes_raw()
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
        key = _hkdf(shared, sealed.salt, sealed.ephemeral, public)
        data_key = AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):
        return None  # sealed to an older key pair of this label, or tampered with
    return data_key if len(data_key) == DATA_KEY_BYTES else None


def _entry(item: Any) -> WrappedKey:
    if not isinstance(item, dict) or item.get("kdf") != "scrypt":
        raise ValueError
    n, r, p = _scrypt_params(item)
    label = item["label"]
    if not isinstance(label, str) or not label:
        raise ValueError
    salt, nonce, wrapped = (_unb64(item[k]) for k in ("salt", "nonce", "wrapped"))
    if len(salt) < 16 or len(nonce) != 12 or len(wrapped) != DATA_KEY_BYTES + 16:
        raise ValueError
    return WrappedKey(label, salt, n, r, p, nonce, wrapped)


def _scrypt_params(item: dict[str, Any]) -> tuple[int, int, int]:
    n, r, p = item["n"], item["r"], item["p"]
    for value, top in ((n, _MAX_N), (r, _MAX_R), (p, _MAX_P)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
            raise ValueError
    if n & (n - 1) or n < 2:
        raise ValueError  # scrypt needs a power of two
    return n, r, p


def _account(item: Any) -> Account:
    if not isinstance(item, dict) or item.get("kdf") != "scrypt":
        raise ValueError
    n, r, p = _scrypt_params(item)
    label = item["label"]
    if not isinstance(label, str) or not label:
        raise ValueError
    public, salt, nonce, wrapped = (_unb64(item[k]) for k in ("public", "salt", "nonce", "wrapped"))
    if len(public) != 32 or len(salt) < 16 or len(nonce) != 12 or len(wrapped) != 32 + 16:
        raise ValueError
    return Account(label, public, salt, n, r, p, nonce, wrapped)


def _sealed(item: Any) -> Sealed:
    if not isinstance(item, dict):
        raise ValueError
    ephemeral, salt, nonce, ciphertext = (
        _unb64(item[k]) for k in ("ephemeral", "salt", "nonce", "sealed")
    )
    if (
        len(ephemeral) != 32
        or len(salt) != 32
        or len(nonce) != 12
        or len(ciphertext) != DATA_KEY_BYTES + 16
    ):
        raise ValueError
    return Sealed(ephemeral, salt, nonce, ciphertext)


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
