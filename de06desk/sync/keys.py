"""Key pairs and the small public-key files people carry between commune and hub.

Each database has an Ed25519 pair (signs packages) and an X25519 pair (receives packages
encrypted for it), made on first need. A public-key file is a short JSON text with the unit
code, name, role, both public keys and a fingerprint to read aloud over the phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from de06desk.domain.i18n import msg
from de06desk.domain.roles import DATABASE_ROLES
from de06desk.domain.text import is_safe, printable
from de06desk.domain.units import get_commune
from de06desk.store import Store, utc_now
from de06desk.store import sync_state as state

from .errors import SyncError
from .files import read_bounded

KEY_FILE_FORMAT = "de06desk-public-key"
KEY_FILE_VERSION = 1
MAX_KEY_FILE_BYTES = 16 * 1024


def fingerprint(signing_key: bytes, agreement_key: bytes) -> str:
    """SHA-256 of both public keys: first 20 hex digits, upper case, in groups of 4."""
    digest = hashlib.sha256(b"de06desk-fp/1" + signing_key + agreement_key).hexdigest()[:20]
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4)).upper()


@dataclass(frozen=True, kw_only=True)
class OwnKeys:
    """This database's private keys (never leave it) and their public halves."""

    signing: Ed25519PrivateKey
    agreement: X25519PrivateKey
    signing_public: bytes
    agreement_public: bytes

    @property
    def fingerprint(self) -> str:
        """Fingerprint of this database's public keys."""
        return fingerprint(self.signing_public, self.agreement_public)


@dataclass(frozen=True, kw_only=True)
class PublicKeyFile:
    """What a public-key file holds."""

    unit_code: str
    unit_name: str
    role: str
    signing_key: bytes
    agreement_key: bytes

    @property
    def fingerprint(self) -> str:
        """Fingerprint of the two public keys."""
        return fingerprint(self.signing_key, self.agreement_key)

    def to_text(self) -> str:
        """The file's text (JSON, readable, UTF-8)."""
        data = {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "role": self.role,
            "signing_key_ed25519": _b64(self.signing_key),
            "agreement_key_x25519": _b64(self.agreement_key),
            "fingerprint": self.fingerprint,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def read(cls, path: Path) -> PublicKeyFile:
        """Read a public-key file from disk, never more than its size limit (a device such as
        /dev/urandom, or a pipe, is refused rather than read for ever)."""
        try:
            raw = read_bounded(path, MAX_KEY_FILE_BYTES)
        except OSError as exc:
            raise SyncError(
                msg(
                    "Không đọc được tệp khóa {p}: {e}.",
                    "Cannot read the key file {p}: {e}.",
                    p=printable(path.name),
                    e=exc.strerror or exc,
                )
            ) from None
        if raw is None:
            raise SyncError(
                msg(
                    "{p} không phải tệp khóa công khai de06desk (quá {n} KiB).",
                    "{p} is not a de06desk public-key file (over {n} KiB).",
                    p=printable(path.name),
                    n=MAX_KEY_FILE_BYTES // 1024,
                )
            )
        return cls.from_bytes(raw, path.name)

    @classmethod
    def from_bytes(cls, raw: bytes, source: str = "") -> PublicKeyFile:
        """Read a public-key file; raises SyncError naming what is wrong."""

        def bad(why: str) -> SyncError:
            return SyncError(
                msg(
                    "{s} không phải tệp khóa công khai de06desk hợp lệ ({w}).",
                    "{s} is not a valid de06desk public-key file ({w}).",
                    s=printable(source) or "Tệp",
                    w=why,
                )
            )

        if len(raw) > MAX_KEY_FILE_BYTES:
            raise bad("too large")
        try:
            data: Any = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise bad("not JSON") from None
        if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
            raise bad("format")
        version = data.get("version")
        if type(version) is not int or version != KEY_FILE_VERSION:  # true == 1 in Python
            raise bad(f"version {printable(repr(version), 40)}")
        fields = ("unit_code", "unit_name", "role", "signing_key_ed25519", "agreement_key_x25519")
        if not all(isinstance(data.get(k), str) for k in fields):
            raise bad("missing fields")
        if data["role"] not in DATABASE_ROLES:
            raise bad("role")
        code = data["unit_code"]
        if not is_unit_code(code):
            raise bad("unit code")
        signing, agreement = (
            _unb64(data["signing_key_ed25519"]),
            _unb64(data["agreement_key_x25519"]),
        )
        if signing is None or agreement is None or len(signing) != 32 or len(agreement) != 32:
            raise bad("keys")
        name = data["unit_name"]
        if len(name) > 200 or not is_safe(name):
            raise bad("unit name")
        key = cls(
            unit_code=code,
            unit_name=name,
            role=data["role"],
            signing_key=signing,
            agreement_key=agreement,
        )
        if data.get("fingerprint") not in (None, key.fingerprint):
            raise bad("fingerprint does not match the keys")
        return key


def is_unit_code(code: str) -> bool:
    """A unit code usable in file names: 1–16 ASCII letters or digits."""
    return 0 < len(code) <= 16 and code.isascii() and code.isalnum()


def load_own_keys(store: Store) -> OwnKeys | None:
    """This database's keys, or None if none were made yet (never writes)."""
    rows = state.own_keys(store)
    signing, agreement = rows.get("signing"), rows.get("agreement")
    if signing is None or agreement is None:
        return None
    for row in (signing, agreement):
        if row.protection != "none":
            raise SyncError(
                msg(
                    "Khóa riêng được bảo vệ bằng cách “{p}” mà phiên bản này không đọc được.",
                    "The private key is protected with “{p}”, which this version cannot read.",
                    p=row.protection,
                )
            )
    sign_key = Ed25519PrivateKey.from_private_bytes(signing.private_key)
    agree_key = X25519PrivateKey.from_private_bytes(agreement.private_key)
    return OwnKeys(
        signing=sign_key,
        agreement=agree_key,
        signing_public=signing.public_key,
        agreement_public=agreement.public_key,
    )


def ensure_keys(store: Store) -> OwnKeys:
    """This database's keys, made now (one transaction) if it has none yet."""
    existing = load_own_keys(store)
    if existing is not None:
        return existing
    signing = Ed25519PrivateKey.generate()
    agreement = X25519PrivateKey.generate()
    now = utc_now()
    with store.transaction():
        # Raw 32-byte keys, protection 'none': the database file's encryption protects them.
        state.insert_own_key(
            store,
            state.KeyRow(
                name="signing",
                algorithm="ed25519",
                private_key=signing.private_bytes_raw(),
                protection="none",
                public_key=signing.public_key().public_bytes_raw(),
            ),
            now,
        )
        state.insert_own_key(
            store,
            state.KeyRow(
                name="agreement",
                algorithm="x25519",
                private_key=agreement.private_bytes_raw(),
                protection="none",
                public_key=agreement.public_key().public_bytes_raw(),
            ),
            now,
        )
    keys = load_own_keys(store)
    assert keys is not None
    return keys


def unit_name(store: Store) -> str:
    """The name this database's unit goes by (profile, hub name, official list, or code)."""
    if store.role == "hub":
        return store.get_meta("unit_name") or store.unit_code
    profiles = store.list_records("commune", limit=1) if "commune" in store.forms else []
    if profiles and profiles[0].get("unit_name"):
        return str(profiles[0]["unit_name"])
    try:
        return get_commune(store.unit_code).full_name
    except (KeyError, ValueError):
        return store.unit_code


def public_key_file(store: Store) -> PublicKeyFile:
    """This database's public-key file (making the keys on first need)."""
    keys = ensure_keys(store)
    return PublicKeyFile(
        unit_code=store.unit_code,
        unit_name=unit_name(store),
        role=store.role,
        signing_key=keys.signing_public,
        agreement_key=keys.agreement_public,
    )


def set_hub(store: Store, key: PublicKeyFile, *, user: str) -> None:
    """Remember the hub this database's packages are encrypted for (replaces any earlier): a
    commune's hub, or a hub's upper hub (its summary packages go there)."""
    if key.unit_code == store.unit_code:
        raise SyncError(
            msg(
                "Tệp khóa {c} là khóa của chính đơn vị này, không phải của cấp trên.",
                "The key file {c} is this unit's own key, not its hub's.",
                c=key.unit_code,
            )
        )
    if key.role != "hub":
        raise SyncError(
            msg(
                "Tệp khóa của {c} là khóa xã/phường, không phải khóa cấp trên.",
                "The key file of {c} is a commune key, not a hub key.",
                c=key.unit_code,
            )
        )
    earlier = state.get_peer(store, key.unit_code)
    if earlier is not None and store.get_meta("sync_hub") != key.unit_code:
        raise SyncError(
            msg(
                "{c} đã được đăng ký là đơn vị cấp dưới; không thể đồng thời là cấp trên.",
                "{c} is registered as a unit below this one; it cannot also be its hub.",
                c=key.unit_code,
            )
        )
    with store.transaction():
        _put(store, key)
        store.set_meta("sync_hub", key.unit_code)
        store.audit("sync_set_hub", user, detail=f"{key.unit_code} {key.fingerprint}")


def trust_commune(store: Store, key: PublicKeyFile, *, user: str) -> None:
    """At a hub: accept packages signed with this commune key — or, for a hub key, the summary
    packages of a hub below this one (replaces an earlier key; the audit row then names both
    fingerprints). Whether a replacement is wanted is decided by the caller
    (`actions.sync.trust_commune_key`)."""
    if store.role != "hub":
        raise SyncError(
            msg("Chỉ cơ sở dữ liệu cấp trên mới đăng ký xã.", "Only a hub registers communes.")
        )
    if key.role not in ("commune", "hub") or key.unit_code == store.unit_code:
        raise SyncError(
            msg(
                "Tệp khóa của {c} không phải khóa xã/phường hay khóa của cấp dưới.",
                "The key file of {c} is not a commune's key nor a lower hub's.",
                c=key.unit_code,
            )
        )
    if key.role == "hub" and key.unit_code == store.get_meta("sync_hub"):
        raise SyncError(
            msg(
                "{c} là cấp trên của đơn vị này; không thể đồng thời là cấp dưới.",
                "{c} is this unit's upper hub; it cannot also be a hub below it.",
                c=key.unit_code,
            )
        )
    with store.transaction():
        earlier = state.get_peer(store, key.unit_code)
        detail = f"{key.unit_code} {key.fingerprint}"
        if earlier is not None and earlier.fingerprint != key.fingerprint:
            # A replaced key is the event to look for afterwards: keep both fingerprints.
            detail += f" (replaces {earlier.fingerprint})"
        _put(store, key)
        store.audit("sync_trust", user, detail=detail)


def hub_key(store: Store) -> PublicKeyFile | None:
    """At a commune: the hub's public keys, or None if not set yet."""
    code = store.get_meta("sync_hub")
    peer = state.get_peer(store, code) if code else None
    return _from_peer(peer) if peer and peer.role == "hub" else None


def peer_key(store: Store, unit_code: str) -> PublicKeyFile | None:
    """A trusted unit's public keys, or None."""
    peer = state.get_peer(store, unit_code)
    return _from_peer(peer) if peer else None


def _put(store: Store, key: PublicKeyFile) -> None:
    state.put_peer(
        store,
        state.PeerRow(
            unit_code=key.unit_code,
            role=key.role,
            unit_name=key.unit_name,
            signing_key=key.signing_key,
            agreement_key=key.agreement_key,
            fingerprint=key.fingerprint,
            added_at=utc_now(),
        ),
    )


def _from_peer(peer: state.PeerRow) -> PublicKeyFile:
    return PublicKeyFile(
        unit_code=peer.unit_code,
        unit_name=peer.unit_name,
        role=peer.role,
        signing_key=peer.signing_key,
        agreement_key=peer.agreement_key,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
